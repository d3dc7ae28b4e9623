/* crm-client-store.h — the client base: CRUD, search, keyset pages, tags
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-client.h"
#include "crm-database.h"

G_BEGIN_DECLS

/* The orders of the list; each is served by its index, either way, with
 * the id breaking ties. */
typedef enum {
  CRM_CLIENT_SORT_NAME,
  CRM_CLIENT_SORT_CREATED,         /* the day the client was added */
  CRM_CLIENT_SORT_STATUS,          /* then by name */
  CRM_CLIENT_SORT_COMPANY,         /* folded (case, ё), as the name */
  CRM_CLIENT_SORT_SOURCE,          /* by the source's code */
  CRM_CLIENT_SORT_LAST_CONTACT,    /* the last done activity; none first */
  CRM_CLIENT_SORT_REVENUE,         /* all payments */
  CRM_CLIENT_N_SORTS
} CrmClientSort;

/* What the client list shows: every filter is optional. */
typedef struct {
  CrmClientSort sort;
  gboolean      descending;
  const char   *search;       /* name, company, e-mail, phone digits; NULL/"" for none */
  int           status;       /* a CrmClientStatus, or -1 for any */
  gint64        owner_id;     /* 0 for any owner, -1 for clients without an owner */
  int           source;       /* a CrmClientSource, or -1 for any */
  gint64        tag_id;       /* 0 for any */
} CrmClientQuery;

/* The position after which a page starts (keyset pagination). */
typedef struct {
  char   *text_key;           /* the folded name or company, or the source's code */
  gint64  int_key;            /* the creation time, status rank, last contact or revenue */
  gint64  id;
} CrmClientCursor;

void        crm_client_query_init       (CrmClientQuery *query);
void        crm_client_cursor_clear     (CrmClientCursor *cursor);
void        crm_client_cursor_copy      (const CrmClientCursor *src, CrmClientCursor *dest);
void        crm_client_cursor_from_client (CrmClientCursor *cursor, CrmClientSort sort, CrmClient *client);
char       *crm_client_store_build_match (const char *search);

gboolean    crm_client_store_create     (CrmDatabase *db, CrmClient *client, GError **error);
CrmClient  *crm_client_store_get        (CrmDatabase *db, gint64 id, GError **error);
gboolean    crm_client_store_update     (CrmDatabase *db, CrmClient *client, GError **error);
gboolean    crm_client_store_delete     (CrmDatabase *db, gint64 id, GError **error);

gboolean    crm_client_store_count      (CrmDatabase *db, const CrmClientQuery *query,
                                         guint *out_count, GError **error);
GPtrArray  *crm_client_store_page       (CrmDatabase *db, const CrmClientQuery *query,
                                         const CrmClientCursor *after, guint limit, GError **error);
GArray     *crm_client_store_anchors    (CrmDatabase *db, const CrmClientQuery *query,
                                         guint every, GError **error);

GPtrArray  *crm_client_store_list_tags  (CrmDatabase *db, GError **error);
gint64      crm_client_store_lookup_tag (CrmDatabase *db, const char *name, GError **error);
gint64      crm_client_store_ensure_tag (CrmDatabase *db, const char *name, GError **error);
gboolean    crm_client_store_set_tags   (CrmDatabase *db, gint64 client_id, const char * const *tags,
                                         GError **error);

/* Deleting with undo: the snapshot holds every row that goes with the client
 * (its tags, activities, deals and their history, payments, complaints), so
 * that _restore puts back exactly what _delete_with_snapshot took away. */
typedef struct _CrmClientSnapshot CrmClientSnapshot;

CrmClientSnapshot *crm_client_store_delete_with_snapshot (CrmDatabase *db, gint64 id, GError **error);
gboolean           crm_client_store_restore             (CrmDatabase *db, CrmClientSnapshot *snapshot,
                                                          GError **error);
gint64             crm_client_snapshot_get_client_id    (CrmClientSnapshot *snapshot);
guint              crm_client_snapshot_get_n_rows       (CrmClientSnapshot *snapshot);
void               crm_client_snapshot_free             (CrmClientSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmClientSnapshot, crm_client_snapshot_free)

G_END_DECLS
