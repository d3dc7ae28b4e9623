/* crm-database-upgrade.c — moving an existing file to this version's data
 * format: a timestamped copy first (with its progress), then the
 * migrations in one transaction, told to the opener a few times a second
 * and stopped (rolled back) when it is cancelled
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "crm-database-object.h"
#include "crm-database-private.h"
#include "crm-rollup.h"

/* How often an upgrade tells its progress, and looks whether it is stopped:
 * every so many SQLite instructions, at most every so many microseconds. */
#define UPGRADE_CHECK_OPS 4000
#define UPGRADE_REPORT_US (G_USEC_PER_SEC / 10)

/* Tells the opener where the upgrade is; @force for the start and the end
 * of a step, else a few times a second at most. */
static void
report_upgrade (CrmDatabase *self, double fraction, gboolean force)
{
  gint64 now;

  /* A new file is made, not upgraded: nothing to tell. */
  if (self->upgrade_func == NULL || self->upgrade.from_version == 0)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - self->upgrade_reported < UPGRADE_REPORT_US)
    return;
  self->upgrade_reported = now;
  self->upgrade.fraction = fraction;
  self->upgrade_func (&self->upgrade, self->upgrade_data);
}

static void
backup_progress_cb (goffset current, goffset total, gpointer user_data)
{
  report_upgrade (user_data, total > 0 ? (double) current / total : -1, FALSE);
}

/* SQLite's progress handler while the migration runs: a non-zero return
 * interrupts the statement, and the migration's transaction is rolled back. */
static int
migrate_progress_cb (void *user_data)
{
  CrmDatabase *self = user_data;

  report_upgrade (self, -1, FALSE);
  return g_cancellable_is_cancelled (self->upgrade_cancellable) ? 1 : 0;
}

/* And its commit hook: stopped between two statements (a short migration
 * may never reach the progress handler), the COMMIT becomes a ROLLBACK. */
static int
migrate_commit_cb (void *user_data)
{
  CrmDatabase *self = user_data;

  return g_cancellable_is_cancelled (self->upgrade_cancellable) ? 1 : 0;
}

static gboolean
set_error_if_stopped (CrmDatabase *self, GError **error)
{
  g_autofree char *name = NULL;

  if (!g_cancellable_is_cancelled (self->upgrade_cancellable))
    return FALSE;
  name = g_filename_display_name (self->path);
  g_clear_error (error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("The upgrade of the database “%s” was stopped: the file was left as it was, at data format %d."),
               name, self->schema_version);
  return TRUE;
}

static gboolean
backup_before_migration (CrmDatabase *self, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dest = g_strdup_printf ("%s.v%d-%s.bak", self->path,
                                           self->schema_version, stamp);

  self->upgrade.step = CRM_DATABASE_UPGRADE_BACKUP;
  self->upgrade.backup_path = dest;
  report_upgrade (self, 0, TRUE);
  if (!crm_database_backup_to_cancellable (self, dest, backup_progress_cb, self,
                                           self->upgrade_cancellable, error))
    {
      if (!set_error_if_stopped (self, error))
        g_prefix_error (error, _("The database was not upgraded, because the backup copy made before upgrading failed: "));
      return FALSE;
    }
  report_upgrade (self, 1, TRUE);
  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&dest);
  self->upgrade.backup_path = self->backup_path;
  return TRUE;
}

/* Brings the file to @target_version: a backup copy first (not of a new
 * file), then the migration in one transaction per version. Stopped by the
 * cancellable given to the opening, the file stays as it was. */
gboolean
crm_database_upgrade_to (CrmDatabase *self, int target_version, GError **error)
{
  gboolean ok;

  self->upgrade.from_version = self->schema_version;
  self->upgrade.to_version = target_version;
  if (self->schema_version > 0 && !backup_before_migration (self, error))
    return FALSE;
  if (set_error_if_stopped (self, error))
    return FALSE;
  self->upgrade.step = CRM_DATABASE_UPGRADE_MIGRATE;
  report_upgrade (self, -1, TRUE);
  if (self->upgrade_func != NULL || self->upgrade_cancellable != NULL)
    {
      sqlite3_progress_handler (self->db, UPGRADE_CHECK_OPS, migrate_progress_cb, self);
      sqlite3_commit_hook (self->db, migrate_commit_cb, self);
    }
  ok = crm_database_migrate (self, self->schema_version, target_version, error);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  sqlite3_commit_hook (self->db, NULL, NULL);
  if (!ok)
    {
      set_error_if_stopped (self, error);
      return FALSE;
    }
  report_upgrade (self, 1, TRUE);
  return crm_database_query_int (self, "PRAGMA user_version", &self->schema_version, error);
}
