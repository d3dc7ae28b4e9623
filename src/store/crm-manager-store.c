/* crm-manager-store.c — the managers of the sales team
 *
 * A manager with history (clients, activities, deals, payments, complaints)
 * is never deleted: it is deactivated, so that past KPIs stay whole.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-database-private.h"
#include "crm-manager-store.h"

#define MANAGER_COLUMNS "id, name, email, phone, active, hired_on, created_at, updated_at"

static CrmManager *
read_manager (sqlite3_stmt *stmt)
{
  CrmManager *m = crm_manager_new ();

  m->id = sqlite3_column_int64 (stmt, 0);
  m->name = crm_column_dup_text (stmt, 1);
  m->email = crm_column_dup_text (stmt, 2);
  m->phone = crm_column_dup_text (stmt, 3);
  m->active = sqlite3_column_int (stmt, 4) != 0;
  m->hired_on = crm_column_dup_text (stmt, 5);
  m->created_at = sqlite3_column_int64 (stmt, 6);
  m->updated_at = sqlite3_column_int64 (stmt, 7);
  return m;
}

gboolean
crm_manager_store_create (CrmDatabase *db, CrmManager *manager, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  g_return_val_if_fail (CRM_IS_MANAGER (manager), FALSE);

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db,
                               "INSERT INTO manager (name, email, phone, active, hired_on, created_at, updated_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, manager->name);
  crm_bind_text_or_empty (stmt, 2, manager->email);
  crm_bind_text_or_empty (stmt, 3, manager->phone);
  sqlite3_bind_int (stmt, 4, manager->active ? 1 : 0);
  crm_bind_text (stmt, 5, manager->hired_on != NULL && *manager->hired_on ? manager->hired_on : NULL);
  sqlite3_bind_int64 (stmt, 6, manager->created_at > 0 ? manager->created_at : now);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;
  manager->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));
  if (manager->created_at <= 0)
    manager->created_at = now;
  manager->updated_at = now;
  return TRUE;
}

CrmManager *
crm_manager_store_get (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT " MANAGER_COLUMNS " FROM manager WHERE id = ?", error);
  CrmManager *m = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = crm_database_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    m = read_manager (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("The manager no. %lld does not exist (any more)."), (long long) id);
  sqlite3_reset (stmt);
  return m;
}

gboolean
crm_manager_store_update (CrmDatabase *db, CrmManager *manager, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db,
                               "UPDATE manager SET name = ?, email = ?, phone = ?, active = ?, hired_on = ?,"
                               " updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, manager->name);
  crm_bind_text_or_empty (stmt, 2, manager->email);
  crm_bind_text_or_empty (stmt, 3, manager->phone);
  sqlite3_bind_int (stmt, 4, manager->active ? 1 : 0);
  crm_bind_text (stmt, 5, manager->hired_on != NULL && *manager->hired_on ? manager->hired_on : NULL);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, manager->id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The manager no. %lld does not exist (any more)."), (long long) manager->id);
      return FALSE;
    }
  manager->updated_at = now;
  return TRUE;
}

gboolean
crm_manager_store_set_active (CrmDatabase *db, gint64 id, gboolean active, GError **error)
{
  g_autoptr(CrmManager) m = crm_manager_store_get (db, id, error);

  if (m == NULL)
    return FALSE;
  m->active = active;
  return crm_manager_store_update (db, m, error);
}

gboolean
crm_manager_store_has_history (CrmDatabase *db, gint64 id, gboolean *out, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM client WHERE owner_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM activity WHERE manager_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM deal WHERE manager_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM payment WHERE manager_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM complaint WHERE manager_id = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (crm_database_step_row (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
crm_manager_store_delete (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean history = FALSE;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  if (!crm_manager_store_has_history (db, id, &history, error))
    return FALSE;
  if (history)
    {
      g_autoptr(CrmManager) m = crm_manager_store_get (db, id, NULL);
      GError *e = g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT,
                               _("%s has clients, activities, deals or payments, so deleting would break the history and the KPIs. Deactivate the manager instead."),
                               m != NULL ? m->name : "?");
      crm_store_error_set_field (e, "manager", "active");
      g_propagate_error (error, e);
      return FALSE;
    }
  stmt = crm_database_prepare (db, "DELETE FROM manager WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return crm_database_step_done (db, stmt, error);
}

GPtrArray *
crm_manager_store_list (CrmDatabase *db, gboolean include_inactive, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = crm_database_prepare (db, include_inactive
                               ? "SELECT " MANAGER_COLUMNS " FROM manager ORDER BY active DESC, name, id"
                               : "SELECT " MANAGER_COLUMNS " FROM manager WHERE active ORDER BY name, id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, read_manager (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/* The managers @name_or_id may mean: the one with that number ("7"), the
 * one with exactly that name, else every one whose name contains it in
 * any case ("петров"). Empty when none does; NULL only on a database error. */
GPtrArray *
crm_manager_store_match (CrmDatabase *db, const char *name_or_id, GError **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *needle = NULL;
  gint64 id;

  g_return_val_if_fail (name_or_id != NULL, NULL);

  if (*name_or_id == '\0')
    return g_steal_pointer (&found);
  if (g_ascii_string_to_signed (name_or_id, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      CrmManager *manager = crm_manager_store_get (db, id, &local_error);

      if (manager != NULL)
        g_ptr_array_add (found, manager);
      else if (!g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&found);
    }

  all = crm_manager_store_list (db, TRUE, error);
  if (all == NULL)
    return NULL;
  needle = crm_store_fold (name_or_id);
  for (guint i = 0; i < all->len; i++)
    {
      CrmManager *m = all->pdata[i];
      g_autofree char *folded = crm_store_fold (m->name);

      if (g_str_equal (folded, needle))
        {
          g_ptr_array_set_size (found, 0);
          g_ptr_array_add (found, g_object_ref (m));
          break;
        }
      if (strstr (folded, needle) != NULL)
        g_ptr_array_add (found, g_object_ref (m));
    }
  return g_steal_pointer (&found);
}

/* "Anna Evans, Tom Evans, …": the names of @managers, at most @limit. */
char *
crm_manager_store_join_names (GPtrArray *managers, guint limit)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < managers->len && i < limit; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", ((CrmManager *) managers->pdata[i])->name);
  if (managers->len > limit)
    g_string_append (names, ", …");
  return g_string_free (names, FALSE);
}

/* The one manager crm_manager_store_match() finds; a NOT_FOUND error,
 * naming the candidates, when there is none or more than one. */
CrmManager *
crm_manager_store_find (CrmDatabase *db, const char *name_or_id, GError **error)
{
  g_autoptr(GPtrArray) found = NULL;
  gint64 id;

  if (name_or_id == NULL || *name_or_id == '\0')
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND, _("No manager was named."));
      return NULL;
    }
  if (g_ascii_string_to_signed (name_or_id, 10, 1, G_MAXINT64, &id, NULL))
    return crm_manager_store_get (db, id, error);
  found = crm_manager_store_match (db, name_or_id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 1)
    return g_object_ref (found->pdata[0]);
  if (found->len > 1)
    {
      g_autofree char *names = crm_manager_store_join_names (found, 5);
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” matches %u manager: %s. Give more of the name, or the manager’s number.",
                                "“%s” matches %u managers: %s. Give more of the name, or the manager’s number.",
                                found->len),
                   name_or_id, found->len, names);
    }
  else
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("There is no manager called “%s”."), name_or_id);
  return NULL;
}
