/* crm-database-object.h — the connection object itself, for the files of
 * CrmDatabase only (crm-database.c, crm-database-sql.c)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crm-database.h"

G_BEGIN_DECLS

struct _CrmDatabase {
  GObject           parent_instance;

  char             *path;
  CrmDatabaseFlags  flags;
  sqlite3          *db;
  GHashTable       *statements;      /* SQL text → sqlite3_stmt */
  char             *read_only_reason;
  char             *backup_path;
  int               schema_version;
  int               transaction_depth;
  GHashTable       *changed_tables;  /* written since the last notification */
  guint             notify_source;
  /* While opening only: who hears about an upgrade, and what stops it. */
  CrmDatabaseUpgradeFunc upgrade_func;
  gpointer          upgrade_data;
  GCancellable     *upgrade_cancellable;
  CrmDatabaseUpgrade upgrade;
  gint64            upgrade_reported;  /* monotonic time of the last report */
  guint             read_only : 1;
  guint             rollup_current : 1;
  guint             watched : 1;
};

/* The "changed" signals for the tables written, after the transaction. */
void crm_database_schedule_notification (CrmDatabase *self);

/* The first column of @sql's first row, as an int. */
gboolean crm_database_query_int (CrmDatabase *self, const char *sql, int *out, GError **error);
/* crm-database-upgrade.c: the copy, then the migrations to @target_version. */
gboolean crm_database_upgrade_to (CrmDatabase *self, int target_version, GError **error);

G_END_DECLS
