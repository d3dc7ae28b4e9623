/* crm-import-store.h — clients from an import file, written in one transaction
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-contact.h"
#include "crm-database.h"

G_BEGIN_DECLS

/* What to do with a record whose e-mail or phone a client already has. */
typedef enum {
  CRM_DUPLICATES_SKIP,     /* leave the client as it is, skip the record */
  CRM_DUPLICATES_UPDATE,   /* fill the client from the record */
  CRM_DUPLICATES_NEW,      /* import the record as another client */
} CrmDuplicatePolicy;

typedef struct {
  guint read;         /* records given to crm_import_store_add() */
  guint created;      /* new clients */
  guint updated;      /* records merged into a client already there */
  guint duplicates;   /* records skipped as duplicates */
  guint rejected;     /* records the database refused, or the reader skipped */
  guint warnings;     /* values not imported from records that were */
} CrmImportCounts;

typedef struct _CrmImportStore CrmImportStore;

typedef void (*CrmImportProgress) (double fraction, gpointer user_data);

/* What a JSON export put back (crm_import_store_restore_json()). */
typedef struct {
  guint64 rows;        /* every row of every table */
  guint64 managers;
  guint64 clients;
  guint64 activities;
  guint64 deals;
  guint64 payments;
  guint64 complaints;
  guint64 targets;
} CrmRestoreCounts;

const char     *crm_duplicate_policy_to_string   (CrmDuplicatePolicy  policy);
gboolean        crm_duplicate_policy_from_string (const char         *text,
                                                  CrmDuplicatePolicy *policy);

CrmImportStore *crm_import_store_begin      (CrmDatabase        *db,
                                             CrmDuplicatePolicy  policy,
                                             GError            **error);
gboolean        crm_import_store_add        (CrmImportStore   *self,
                                             CrmContact       *contact,
                                             const char       *file,
                                             GPtrArray        *problems,
                                             GError          **error);
gboolean        crm_import_store_flush      (CrmImportStore  *self,
                                             GError         **error);
gboolean        crm_import_store_commit     (CrmImportStore  *self,
                                             GError         **error);
void            crm_import_store_rollback   (CrmImportStore  *self);
const CrmImportCounts *crm_import_store_get_counts (CrmImportStore *self);
void            crm_import_store_free       (CrmImportStore  *self);

gboolean        crm_import_store_restore_json (CrmDatabase       *db,
                                               const char        *path,
                                               gboolean           dry_run,
                                               CrmImportProgress  progress,
                                               gpointer           user_data,
                                               GCancellable      *cancellable,
                                               CrmRestoreCounts  *counts,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportStore, crm_import_store_free)

G_END_DECLS
