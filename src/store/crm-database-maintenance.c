/* crm-database-maintenance.c — backup copies, the integrity check, and tuning
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crm-database-private.h"

/* An online backup: consistent even while this or another connection writes.
 * The copy is written to a temporary file and renamed into place, so a
 * failed backup never leaves half a file under @destination. */
gboolean
crm_database_backup_to (CrmDatabase           *self,
                        const char            *destination,
                        GFileProgressCallback  progress,
                        gpointer               progress_data,
                        GError               **error)
{
  return crm_database_backup_to_cancellable (self, destination, progress, progress_data, NULL, error);
}

/* The same, stopped between two steps by @cancellable (no copy is left). */
gboolean
crm_database_backup_to_cancellable (CrmDatabase           *self,
                                    const char            *destination,
                                    GFileProgressCallback  progress,
                                    gpointer               progress_data,
                                    GCancellable          *cancellable,
                                    GError               **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  name = g_filename_display_name (destination);
  tmp = g_strconcat (destination, ".part", NULL);
  g_unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CANT_OPEN,
                   _("Cannot write the backup copy “%s”: %s. Choose a folder you may write to."),
                   name, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", crm_database_get_handle (self), "main");
  if (backup == NULL)
    {
      crm_store_set_sqlite_error (error, dest, sqlite3_errcode (dest), destination);
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (progress != NULL)
        {
          int total = sqlite3_backup_pagecount (backup);
          int left = sqlite3_backup_remaining (backup);
          progress (total - left, total, progress_data);
        }
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
         !g_cancellable_is_cancelled (cancellable));
  sqlite3_backup_finish (backup);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (error, dest, rc, destination);
      g_prefix_error (error, _("The backup copy “%s” could not be written: "), name);
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  /* A self-contained file: no -wal beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  g_chmod (tmp, 0600);
  if (g_rename (tmp, destination) != 0)
    {
      int saved = errno;
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("The backup copy could not be moved to “%s”: %s."), name, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

/* integrity_check and foreign_key_check. TRUE when the check ran; the problems
 * found (none when healthy) go to @problems as translated lines. */
gboolean
crm_database_check (CrmDatabase *self, GPtrArray **problems, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (crm_database_get_handle (self), "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      crm_database_set_error (self, error, rc);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (line != NULL && !g_str_equal (line, "ok"))
        g_ptr_array_add (found, g_strdup_printf (_("Damage: %s"), line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_ptr_array_add (found, g_strdup_printf (_("Damage: %s"), sqlite3_errmsg (crm_database_get_handle (self))));
      else
        {
          crm_database_set_error (self, error, rc);
          return FALSE;
        }
    }

  rc = sqlite3_prepare_v2 (crm_database_get_handle (self), "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (found,
                         g_strdup_printf (_("Row %lld of the table “%s” refers to a missing row of “%s”."),
                                          (long long) sqlite3_column_int64 (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    g_ptr_array_add (found, g_strdup_printf (_("Damage: %s"), sqlite3_errmsg (crm_database_get_handle (self))));

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}

/* ---- tuning --------------------------------------------------------------- */

gboolean
crm_database_analyze (CrmDatabase *self, GError **error)
{
  if (crm_database_is_read_only (self))
    return TRUE;
  return crm_database_exec (self, "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize;", error);
}

void
crm_database_interrupt (CrmDatabase *self)
{
  g_return_if_fail (CRM_IS_DATABASE (self));
  sqlite3_interrupt (crm_database_get_handle (self));
}

/* The memory the connection's page cache takes, in bytes. */
gsize
crm_database_get_cache_used (CrmDatabase *self)
{
  int cache = 0, unused = 0;

  g_return_val_if_fail (CRM_IS_DATABASE (self), 0);
  sqlite3_db_status (crm_database_get_handle (self), SQLITE_DBSTATUS_CACHE_USED, &cache, &unused, FALSE);
  return (gsize) MAX (cache, 0);
}

/* Gives back the pages the connection keeps in its cache (read again from
 * the file, through the system's cache, when they are needed): after a
 * big read that will not be repeated soon. Not inside a transaction. */
void
crm_database_release_memory (CrmDatabase *self)
{
  gsize cache;

  g_return_if_fail (CRM_IS_DATABASE (self));
  cache = crm_database_get_cache_used (self);
  sqlite3_db_release_memory (crm_database_get_handle (self));
  g_debug ("%s: %" G_GSIZE_FORMAT " kB of page cache given back", crm_database_get_path (self), cache / 1024);
}

void
crm_database_set_busy_timeout (CrmDatabase *self, int milliseconds)
{
  g_return_if_fail (CRM_IS_DATABASE (self));
  sqlite3_busy_timeout (crm_database_get_handle (self), milliseconds);
}

/* Caps the file's size in pages (for tests of a full disk). */
gboolean
crm_database_set_max_pages (CrmDatabase *self, gint64 max_pages, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, max_pages);
  return crm_database_exec (self, sql, error);
}
