/* crm-database.h — one connection to a SalesCRM database file
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-store-error.h"

G_BEGIN_DECLS

#define CRM_DATABASE_SCHEMA_VERSION 4

typedef enum {
  CRM_DATABASE_FLAGS_NONE      = 0,
  CRM_DATABASE_FLAGS_READ_ONLY = 1 << 0, /* never write, even when the file allows it */
  CRM_DATABASE_FLAGS_NO_CREATE = 1 << 1, /* a missing file is an error */
} CrmDatabaseFlags;

/* What an upgrade of an older file is doing, told to the one who opens it. */
typedef enum {
  CRM_DATABASE_UPGRADE_BACKUP,   /* the copy of the old file is being written */
  CRM_DATABASE_UPGRADE_MIGRATE,  /* the tables are being upgraded */
} CrmDatabaseUpgradeStep;

typedef struct {
  CrmDatabaseUpgradeStep  step;
  int                     from_version;
  int                     to_version;
  const char             *backup_path;  /* where the copy of the old file goes */
  double                  fraction;     /* of the step, 0…1; < 0 when not known */
} CrmDatabaseUpgrade;

/* Called in the thread that opens the file, a few times a second at most. */
typedef void (*CrmDatabaseUpgradeFunc) (const CrmDatabaseUpgrade *upgrade,
                                        gpointer                  user_data);

#define CRM_TYPE_DATABASE (crm_database_get_type ())

G_DECLARE_FINAL_TYPE (CrmDatabase, crm_database, CRM, DATABASE, GObject)

CrmDatabase *crm_database_new                  (const char        *path,
                                                CrmDatabaseFlags   flags,
                                                GCancellable      *cancellable,
                                                GError           **error);
CrmDatabase *crm_database_new_upgrading        (const char        *path,
                                                CrmDatabaseFlags   flags,
                                                CrmDatabaseUpgradeFunc progress,
                                                gpointer           progress_data,
                                                GCancellable      *cancellable,
                                                GError           **error);
gboolean     crm_database_peek_version         (const char        *path,
                                                int               *version,
                                                GError           **error);
CrmDatabase *crm_database_open_another         (CrmDatabase       *self,
                                                GError           **error);
char        *crm_database_get_default_path     (void);
const char  *crm_database_get_path             (CrmDatabase       *self);
gboolean     crm_database_is_read_only         (CrmDatabase       *self);
const char  *crm_database_get_read_only_reason (CrmDatabase       *self);
int          crm_database_get_schema_version   (CrmDatabase       *self);
const char  *crm_database_get_backup_path      (CrmDatabase       *self);

gboolean     crm_database_begin                (CrmDatabase       *self,
                                                GError           **error);
gboolean     crm_database_commit               (CrmDatabase       *self,
                                                GError           **error);
void         crm_database_rollback             (CrmDatabase       *self);
gboolean     crm_database_in_transaction       (CrmDatabase       *self);

gboolean     crm_database_is_empty             (CrmDatabase       *self,
                                                GError           **error);
gboolean     crm_database_analyze              (CrmDatabase       *self,
                                                GError           **error);
gboolean     crm_database_backup_to            (CrmDatabase       *self,
                                                const char        *destination,
                                                GFileProgressCallback progress,
                                                gpointer           progress_data,
                                                GError           **error);
gboolean     crm_database_check                (CrmDatabase       *self,
                                                GPtrArray        **problems,
                                                GError           **error);
void         crm_database_interrupt            (CrmDatabase       *self);
void         crm_database_release_memory       (CrmDatabase       *self);
gsize        crm_database_get_cache_used       (CrmDatabase       *self);
void         crm_database_watch_changes        (CrmDatabase       *self);
void         crm_database_notify_changed       (CrmDatabase       *self,
                                                const char        *table);
void         crm_database_set_busy_timeout     (CrmDatabase       *self,
                                                int                milliseconds);
gboolean     crm_database_set_max_pages        (CrmDatabase       *self,
                                                gint64             max_pages,
                                                GError           **error);

G_END_DECLS
