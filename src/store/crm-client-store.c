/* crm-client-store.c — the client base: CRUD and tags
 *
 * The list's queries (search, keyset pages, anchors) are in
 * crm-client-query.c; deleting with undo in crm-client-snapshot.c.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-client-store-private.h"

char *
crm_client_store_sort_key (CrmClient *client)
{
  return crm_store_fold (client->name);
}

CrmClient *
crm_client_store_read_row (sqlite3_stmt *stmt)
{
  CrmClient *c = crm_client_new ();
  const char *tags;

  c->id = sqlite3_column_int64 (stmt, 0);
  crm_client_kind_from_string (crm_column_text (stmt, 1), &c->kind);
  c->name = crm_column_dup_text (stmt, 2);
  c->company = crm_column_dup_text (stmt, 3);
  c->phones = crm_column_dup_text (stmt, 4);
  c->emails = crm_column_dup_text (stmt, 5);
  c->address = crm_column_dup_text (stmt, 6);
  c->city = crm_column_dup_text (stmt, 7);
  crm_client_source_from_string (crm_column_text (stmt, 8), &c->source);
  crm_client_status_from_string (crm_column_text (stmt, 9), &c->status);
  c->owner_id = sqlite3_column_int64 (stmt, 10);
  c->owner_name = crm_column_dup_text (stmt, 11);
  c->notes = crm_column_dup_text (stmt, 12);
  c->first_paid_on = crm_column_dup_text (stmt, 13);
  c->created_at = sqlite3_column_int64 (stmt, 14);
  c->updated_at = sqlite3_column_int64 (stmt, 15);
  c->last_contact_at = sqlite3_column_int64 (stmt, 16);
  c->revenue = sqlite3_column_int64 (stmt, 17);
  tags = (const char *) sqlite3_column_text (stmt, 18);
  c->tags = tags != NULL ? g_strsplit (tags, "\n", -1) : g_new0 (char *, 1);
  return c;
}

/* ---- validation and write ----------------------------------------------- */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static gboolean
validate (CrmClient *client, GError **error)
{
  if (is_blank (client->name))
    {
      GError *e = g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT, "%s",
                               _("Enter the client’s name: it cannot be empty."));
      crm_store_error_set_field (e, "client", "name");
      g_propagate_error (error, e);
      return FALSE;
    }
  return TRUE;
}

static void
explain_foreign_key (CrmDatabase *db, GError **error, CrmClient *client)
{
  const CrmForeignRef refs[] = { { "owner_id", "manager", client->owner_id } };
  crm_database_explain_foreign_key (db, error, "client", refs, G_N_ELEMENTS (refs));
}

static gboolean
write_client (CrmDatabase *db, CrmClient *client, gboolean insert, GError **error)
{
  g_autofree char *sort_key = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  if (!crm_database_check_writable (db, error) || !validate (client, error))
    return FALSE;
  sort_key = crm_client_store_sort_key (client);
  stmt = crm_database_prepare (db, insert
    ? "INSERT INTO client (kind, name, sort_key, company, phones, emails, address, city, source, status,"
      " owner_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    : "UPDATE client SET kind = ?, name = ?, sort_key = ?, company = ?, phones = ?, emails = ?,"
      " address = ?, city = ?, source = ?, status = ?, owner_id = ?, notes = ?, created_at = ?,"
      " updated_at = ? WHERE id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, crm_client_kind_to_string (client->kind));
  crm_bind_text (stmt, 2, client->name);
  crm_bind_text (stmt, 3, sort_key);
  crm_bind_text_or_empty (stmt, 4, client->company);
  crm_bind_text_or_empty (stmt, 5, client->phones);
  crm_bind_text_or_empty (stmt, 6, client->emails);
  crm_bind_text_or_empty (stmt, 7, client->address);
  crm_bind_text_or_empty (stmt, 8, client->city);
  crm_bind_text (stmt, 9, crm_client_source_to_string (client->source));
  crm_bind_text (stmt, 10, crm_client_status_to_string (client->status));
  crm_bind_int64_or_null (stmt, 11, client->owner_id, client->owner_id <= 0);
  crm_bind_text_or_empty (stmt, 12, client->notes);
  sqlite3_bind_int64 (stmt, 13, client->created_at > 0 ? client->created_at : now);
  sqlite3_bind_int64 (stmt, 14, now);
  if (!insert)
    sqlite3_bind_int64 (stmt, 15, client->id);

  if (!crm_database_step_done (db, stmt, &local_error))
    {
      if (g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT) &&
          crm_store_error_get_field (local_error) == NULL)
        {
          g_clear_error (&local_error);
          explain_foreign_key (db, &local_error, client);
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (insert)
    client->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));
  else if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The client no. %lld does not exist (any more): it may have been deleted in another window."),
                   (long long) client->id);
      return FALSE;
    }
  if (client->created_at <= 0)
    client->created_at = now;
  client->updated_at = now;
  return TRUE;
}

/* Writes the client and its tags in one transaction. */
static gboolean
save_client (CrmDatabase *db, CrmClient *client, gboolean insert, GError **error)
{
  if (!crm_database_begin (db, error))
    return FALSE;
  if (!write_client (db, client, insert, error) ||
      !crm_client_store_set_tags (db, client->id, (const char * const *) client->tags, error) ||
      !crm_database_commit (db, error))
    {
      if (crm_database_in_transaction (db))
        crm_database_rollback (db);
      if (insert)
        client->id = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_client_store_create (CrmDatabase *db, CrmClient *client, GError **error)
{
  g_return_val_if_fail (CRM_IS_CLIENT (client), FALSE);
  return save_client (db, client, TRUE, error);
}

gboolean
crm_client_store_update (CrmDatabase *db, CrmClient *client, GError **error)
{
  g_return_val_if_fail (CRM_IS_CLIENT (client), FALSE);
  return save_client (db, client, FALSE, error);
}

CrmClient *
crm_client_store_get (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT " CRM_CLIENT_COLUMNS CRM_CLIENT_FROM " WHERE c.id = ?", error);
  CrmClient *c = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = crm_database_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    c = crm_client_store_read_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("The client no. %lld does not exist (any more): it may have been deleted in another window."),
                 (long long) id);
  sqlite3_reset (stmt);
  return c;
}

gboolean
crm_client_store_delete (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db, "DELETE FROM client WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return crm_database_step_done (db, stmt, error);
}

/* ---- tags --------------------------------------------------------------- */

/* The names of all tags, sorted. */
GPtrArray *
crm_client_store_list_tags (CrmDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT name FROM tag ORDER BY name", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (tags, crm_column_dup_text (stmt, 0));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&tags);
}

/* The id of the tag called @name, or 0 when there is none (or on error). */
gint64
crm_client_store_lookup_tag (CrmDatabase *db, const char *name, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT id FROM tag WHERE name = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  crm_bind_text (stmt, 1, name);
  if (crm_database_step_row (db, stmt, error) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
crm_client_store_ensure_tag (CrmDatabase *db, const char *name, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 now = crm_database_now ();

  id = crm_client_store_lookup_tag (db, clean, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  if (id > 0)
    return id;

  stmt = crm_database_prepare (db, "INSERT INTO tag (name, created_at, updated_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  crm_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!crm_database_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (crm_database_get_handle (db));
}

/* Replaces the client's tags with @tags (NULL: none). */
gboolean
crm_client_store_set_tags (CrmDatabase *db, gint64 client_id, const char * const *tags, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  stmt = crm_database_prepare (db, "DELETE FROM client_tag WHERE client_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  for (gsize i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gint64 tag_id;

      if (is_blank (tags[i]))
        continue;
      tag_id = crm_client_store_ensure_tag (db, tags[i], error);
      if (tag_id == 0)
        return FALSE;
      stmt = crm_database_prepare (db,
                                   "INSERT OR IGNORE INTO client_tag (client_id, tag_id, created_at, updated_at)"
                                   " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, client_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}
