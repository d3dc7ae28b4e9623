/* crm-setting-store.c — the settings kept in the database
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-database-private.h"
#include "crm-setting-store.h"

CrmSettings *
crm_setting_store_load (CrmDatabase *db, GError **error)
{
  g_autoptr(CrmSettings) settings = crm_settings_new ();
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT key, value FROM setting", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(GError) bad = NULL;

      /* A value this version does not understand keeps the default: the
       * file may come from a newer or older SalesCRM. */
      if (!crm_settings_set_value (settings, crm_column_text (stmt, 0), crm_column_text (stmt, 1), &bad))
        g_debug ("Ignoring the setting %s: %s", crm_column_text (stmt, 0), bad->message);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&settings);
}

static gboolean
store_value (CrmDatabase *db, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "INSERT INTO setting (key, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
    " WHERE value IS NOT excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, key);
  crm_bind_text (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, crm_database_now ());
  return crm_database_step_done (db, stmt, error);
}

/* Checks and stores one setting. */
gboolean
crm_setting_store_set_value (CrmDatabase *db, const char *key, const char *value, GError **error)
{
  g_autoptr(CrmSettings) check = crm_settings_new ();
  g_autoptr(GError) local_error = NULL;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  if (!crm_settings_set_value (check, key, value, &local_error))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  {
    g_autofree char *normal = crm_settings_get_value (check, key);
    return store_value (db, key, normal, error);
  }
}

/* Stores every setting in one transaction. */
gboolean
crm_setting_store_save (CrmDatabase *db, const CrmSettings *settings, GError **error)
{
  const char * const *keys = crm_settings_keys ();

  if (!crm_database_begin (db, error))
    return FALSE;
  for (gsize i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = crm_settings_get_value (settings, keys[i]);
      if (!store_value (db, keys[i], value, error))
        {
          crm_database_rollback (db);
          return FALSE;
        }
    }
  return crm_database_commit (db, error);
}
