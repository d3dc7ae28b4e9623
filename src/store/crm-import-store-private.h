/* crm-import-store-private.h — what the import session's files share
 *
 * Private to src/store/crm-import-*.c.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database-private.h"
#include "crm-import-store.h"

G_BEGIN_DECLS

/* A new client waiting to be written with its batch. */
typedef struct {
  CrmContact *contact;
  gint64      id;
  gint64      owner_id;
} Pending;

typedef struct {
  gint64 client_id;
  gint64 tag_id;
} TagLink;

struct _CrmImportStore {
  CrmDatabase        *db;
  CrmDuplicatePolicy  policy;
  gboolean            open;         /* the transaction is ours and not ended */
  GHashTable         *by_email;     /* folded address → client id */
  GHashTable         *by_phone;     /* last digits → client id */
  GHashTable         *owners;       /* owner as written → manager id, 0 when unknown */
  GHashTable         *tags;         /* tag name → tag id */
  CrmImportCounts     counts;
  gint64              now;
  const char         *file;         /* of the last record, for the problems of its batch */
  GPtrArray          *problems;

  /* New clients (crm-import-stage.c): in memory, then in a temporary
   * table, then in the client table and the search index. */
  GArray             *pending;      /* Pending */
  guint               staged;       /* rows in the temporary table */
  gint64              next_id;
  gint64              first_unwritten_id;
  GArray             *tag_links;    /* TagLink, of the staged clients */
  char               *stage_sql;
  char               *tag_batch_sql;
  char               *index_trigger; /* its SQL while it is dropped */
  int                 cache_size;   /* the connection's own, to restore */
  gboolean            cache_grown;
};

gboolean crm_import_stage_begin  (CrmImportStore *self,
                                  GError        **error);
gboolean crm_import_stage_add    (CrmImportStore *self,
                                  CrmContact     *contact,
                                  gint64          owner_id,
                                  gint64         *id,
                                  GError        **error);
gboolean crm_import_stage_flush  (CrmImportStore *self,
                                  GError        **error);
gboolean crm_import_stage_finish (CrmImportStore *self,
                                  GError        **error);
gboolean crm_import_stage_holds  (CrmImportStore *self,
                                  gint64          id);
void     crm_import_stage_clear  (CrmImportStore *self);
void     crm_import_stage_free   (CrmImportStore *self);
gboolean crm_import_add_tags     (CrmImportStore *self,
                                  gint64          client_id,
                                  GPtrArray      *tags,
                                  GError        **error);
gboolean crm_import_flush_tags   (CrmImportStore *self,
                                  GError        **error);
gboolean crm_import_refused      (CrmImportStore *self,
                                  guint           line,
                                  GError         *local_error,
                                  GError        **error);
void     crm_import_forget       (CrmImportStore *self,
                                  gint64          id);
char    *crm_import_join_values  (GPtrArray      *values);
char    *crm_import_sort_key     (const char     *name);

G_END_DECLS
