/* crm-import-stage.c — the new clients of an import, written in bulk
 *
 * A new client gets its id at once (nobody else writes while the import's
 * transaction is open) and waits in memory; every STAGE_BATCH of them go
 * into a temporary table with one statement, and every STAGE_LIMIT rows —
 * or before a record updates one of them, or at the end — all of the
 * temporary table moves into the client table with one INSERT … SELECT,
 * and into the search index with another. The tags follow their clients,
 * many to a statement.
 *
 * The trigger that indexes each new client is dropped meanwhile, in the
 * import's transaction (a rollback or a crash brings it back with the
 * rest), and crm_import_stage_finish() creates it again, as the schema
 * has it, before the commit. Run by the trigger, the index took a third of
 * an import; one statement that indexes 20,000 clients does the same work
 * without running a trigger program per row. The clients a move wrote are
 * indexed before anything else can change them: an update's trigger takes
 * the old values out of the index, so they must be in it.
 *
 * Should the database refuse the move (a constraint), the rows are moved
 * one by one to find the one refused, which is reported with its line.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-client-store.h"
#include "crm-import-store-private.h"

#define STAGE_BATCH 500
#define STAGE_LIMIT 20000
#define TAG_LINK_BATCH 128

#define COLUMNS \
  "id, kind, name, sort_key, company, phones, emails, address, city, source, status, owner_id, notes," \
  " created_at, updated_at"
#define N_STAGE_VALUES 16   /* the columns and the line */
#define STAGE_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define TAG_LINKS_SQL \
  "INSERT OR IGNORE INTO client_tag (client_id, tag_id, created_at, updated_at) VALUES "
#define TAG_LINK_VALUES "(?, ?, ?, ?)"

/* What the trigger client_fts_insert (crm-schema.c) adds for a client;
 * tests/test-import-search.c checks that the two agree. */
#define INDEX_TRIGGER "client_fts_insert"
#define INDEX_SQL \
  "INSERT INTO client_fts (rowid, name, company, emails, phones)" \
  " SELECT id, crm_fold (name), crm_fold (company), crm_fold (emails), crm_phone_tokens (phones)" \
  " FROM client WHERE id >= ?1 AND id < ?2 ORDER BY id"

static const char create_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS crm_import_client (id INTEGER PRIMARY KEY, kind TEXT, name TEXT,"
  " sort_key TEXT, company TEXT, phones TEXT, emails TEXT, address TEXT, city TEXT, source TEXT,"
  " status TEXT, owner_id INTEGER, notes TEXT, created_at INTEGER, updated_at INTEGER, line INTEGER);"
  "DELETE FROM temp.crm_import_client;";

static char *
repeat_values (const char *head, const char *values, guint n)
{
  GString *sql = g_string_new (head);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, values);
    }
  return g_string_free (sql, FALSE);
}

static void
pending_clear (gpointer data)
{
  Pending *p = data;
  g_clear_pointer (&p->contact, crm_contact_free);
}

/* The id the next client gets: AUTOINCREMENT never gives an id twice. */
static gboolean
read_next_id (CrmImportStore *self, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self->db,
    "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'client'), 0),"
    " coalesce ((SELECT max (id) FROM client), 0)) + 1", error);

  if (stmt == NULL || crm_database_step_row (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  self->next_id = sqlite3_column_int64 (stmt, 0);
  self->first_unwritten_id = self->next_id;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Drops the trigger that indexes each new client, keeping its SQL to
 * create it again. (Without it, which no schema is, the index is left as
 * that schema leaves it: alone.) */
static gboolean
drop_index_trigger (CrmImportStore *self, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self->db,
    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = '" INDEX_TRIGGER "'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = crm_database_step_row (self->db, stmt, error);
  if (rc == SQLITE_ROW)
    self->index_trigger = crm_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE;
  return crm_database_exec (self->db, "DROP TRIGGER " INDEX_TRIGGER, error);
}

/* In the import's transaction: the temporary table, empty, and the search
 * index left to the moves. */
gboolean
crm_import_stage_begin (CrmImportStore *self, GError **error)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (self->pending, pending_clear);
  self->tag_links = g_array_new (FALSE, FALSE, sizeof (TagLink));
  self->stage_sql = repeat_values ("INSERT INTO temp.crm_import_client (" COLUMNS ", line) VALUES ",
                                   STAGE_VALUES, STAGE_BATCH);
  self->tag_batch_sql = repeat_values (TAG_LINKS_SQL, TAG_LINK_VALUES, TAG_LINK_BATCH);
  return crm_database_exec (self->db, create_sql, error) && read_next_id (self, error) &&
         drop_index_trigger (self, error);
}

/* ---- tags --------------------------------------------------------------- */

static gboolean
insert_tag_links (CrmImportStore *self, const TagLink *links, guint n, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self->db, n == TAG_LINK_BATCH ? self->tag_batch_sql
                                                        : TAG_LINKS_SQL TAG_LINK_VALUES, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, (int) i * 4 + 1, links[i].client_id);
      sqlite3_bind_int64 (stmt, (int) i * 4 + 2, links[i].tag_id);
      sqlite3_bind_int64 (stmt, (int) i * 4 + 3, self->now);
      sqlite3_bind_int64 (stmt, (int) i * 4 + 4, self->now);
    }
  return crm_database_step_done (self->db, stmt, error);
}

/* Writes the tag links waiting, TAG_LINK_BATCH to a statement; their
 * clients must be in the client table. */
gboolean
crm_import_flush_tags (CrmImportStore *self, GError **error)
{
  GArray *links = self->tag_links;
  guint i = 0;

  for (; i + TAG_LINK_BATCH <= links->len; i += TAG_LINK_BATCH)
    if (!insert_tag_links (self, &g_array_index (links, TagLink, i), TAG_LINK_BATCH, error))
      return FALSE;
  for (; i < links->len; i++)
    if (!insert_tag_links (self, &g_array_index (links, TagLink, i), 1, error))
      return FALSE;
  g_array_set_size (links, 0);
  return TRUE;
}

/* Queues the links of the client to its tags, creating the tags it is the
 * first to have. */
gboolean
crm_import_add_tags (CrmImportStore *self, gint64 client_id, GPtrArray *tags, GError **error)
{
  for (guint i = 0; i < tags->len; i++)
    {
      const char *name = tags->pdata[i];
      TagLink link = { client_id, (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->tags, name)) };

      if (link.tag_id == 0)
        {
          GError *local_error = NULL;

          link.tag_id = crm_client_store_ensure_tag (self->db, name, &local_error);
          if (link.tag_id == 0)
            {
              if (local_error == NULL)
                continue;   /* a blank name: nothing to add */
              g_propagate_error (error, local_error);
              return FALSE;
            }
          g_hash_table_insert (self->tags, g_strdup (name), GSIZE_TO_POINTER ((gsize) link.tag_id));
        }
      g_array_append_val (self->tag_links, link);
    }
  return TRUE;
}

/* ---- staging ------------------------------------------------------------ */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
bind_client (CrmImportStore *self, sqlite3_stmt *stmt, int base, const Pending *p)
{
  const CrmContact *contact = p->contact;
  g_autofree char *sort_key = crm_import_sort_key (contact->name);
  g_autofree char *phones = crm_import_join_values (contact->phones);
  g_autofree char *emails = crm_import_join_values (contact->emails);

  /* The contact's strings outlive the statement's step: no copies. */
  sqlite3_bind_int64 (stmt, base + 1, p->id);
  sqlite3_bind_text (stmt, base + 2, contact->kind == CRM_CONTACT_COMPANY ? "company" : "person", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 3, contact->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 4, g_steal_pointer (&sort_key), -1, g_free);
  sqlite3_bind_text (stmt, base + 5, or_empty (contact->company), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 6, g_steal_pointer (&phones), -1, g_free);
  sqlite3_bind_text (stmt, base + 7, g_steal_pointer (&emails), -1, g_free);
  sqlite3_bind_text (stmt, base + 8, or_empty (contact->address), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 9, or_empty (contact->city), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 10, contact->source != NULL ? contact->source : "other", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 11, contact->status != NULL ? contact->status : "lead", -1, SQLITE_STATIC);
  crm_bind_int64_or_null (stmt, base + 12, p->owner_id, p->owner_id <= 0);
  sqlite3_bind_text (stmt, base + 13, or_empty (contact->notes), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, base + 14, self->now);
  sqlite3_bind_int64 (stmt, base + 15, self->now);
  sqlite3_bind_int64 (stmt, base + 16, contact->line);
}

/* The clients waiting in memory into the temporary table, their tags
 * queued. */
static gboolean
stage_pending (CrmImportStore *self, GError **error)
{
  GArray *pending = self->pending;

  /* STAGE_BATCH to a statement, or the rest one by one. */
  for (guint start = 0; start < pending->len;)
    {
      guint n = pending->len - start >= STAGE_BATCH ? STAGE_BATCH : 1;
      sqlite3_stmt *stmt = crm_database_prepare (self->db, n == STAGE_BATCH ? self->stage_sql
                                                 : "INSERT INTO temp.crm_import_client (" COLUMNS ", line)"
                                                   " VALUES " STAGE_VALUES, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        bind_client (self, stmt, (int) i * N_STAGE_VALUES, &g_array_index (pending, Pending, start + i));
      if (!crm_database_step_done (self->db, stmt, error))
        return FALSE;
      start += n;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);
      if (!crm_import_add_tags (self, p->id, p->contact->tags, error))
        return FALSE;
    }
  self->staged += pending->len;
  g_array_set_size (pending, 0);
  return TRUE;
}

static void
drop_tag_links (CrmImportStore *self, gint64 client_id)
{
  for (guint i = self->tag_links->len; i > 0; i--)
    if (g_array_index (self->tag_links, TagLink, i - 1).client_id == client_id)
      g_array_remove_index (self->tag_links, i - 1);
}

/* The move was refused: row by row, to report the one refused. */
static gboolean
move_one_by_one (CrmImportStore *self, GError **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3_stmt *stmt = crm_database_prepare (self->db, "SELECT id, line FROM temp.crm_import_client ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = crm_database_step_row (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const gint64 *row = &g_array_index (rows, gint64, i * 2);
      GError *local_error = NULL;

      stmt = crm_database_prepare (self->db, "INSERT INTO client (" COLUMNS ") SELECT " COLUMNS
                                             " FROM temp.crm_import_client WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row[0]);
      if (crm_database_step_done (self->db, stmt, &local_error))
        {
          self->counts.created++;
          continue;
        }
      if (!crm_import_refused (self, (guint) row[1], local_error, error))
        return FALSE;
      crm_import_forget (self, row[0]);
      drop_tag_links (self, row[0]);
    }
  return TRUE;
}

/* The clients moved since the last time into the search index. */
static gboolean
index_moved (CrmImportStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  if (self->index_trigger == NULL)
    return TRUE;
  stmt = crm_database_prepare (self->db, INDEX_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->first_unwritten_id);
  sqlite3_bind_int64 (stmt, 2, self->next_id);
  return crm_database_step_done (self->db, stmt, error);
}

/* Everything waiting into the client table and the search index. */
gboolean
crm_import_stage_flush (CrmImportStore *self, GError **error)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  if (!stage_pending (self, error))
    return FALSE;
  if (self->staged == 0)
    return TRUE;
  stmt = crm_database_prepare (self->db, "INSERT INTO client (" COLUMNS ") SELECT " COLUMNS
                                         " FROM temp.crm_import_client ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  if (crm_database_step_done (self->db, stmt, &local_error))
    self->counts.created += self->staged;
  else if (!g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  else
    {
      g_clear_error (&local_error);
      if (!move_one_by_one (self, error))
        return FALSE;
    }
  if (!index_moved (self, error))
    return FALSE;
  self->staged = 0;
  self->first_unwritten_id = self->next_id;
  return crm_database_exec (self->db, "DELETE FROM temp.crm_import_client", error) &&
         crm_import_flush_tags (self, error);
}

/* Before the commit: everything written, and the trigger back in place. */
gboolean
crm_import_stage_finish (CrmImportStore *self, GError **error)
{
  g_autofree char *trigger = NULL;

  if (!crm_import_stage_flush (self, error))
    return FALSE;
  trigger = g_steal_pointer (&self->index_trigger);
  return trigger == NULL || crm_database_exec (self->db, trigger, error);
}

/* A new client, taken: given the next id, written later. */
gboolean
crm_import_stage_add (CrmImportStore *self, CrmContact *contact, gint64 owner_id, gint64 *id,
                      GError **error)
{
  Pending p = { contact, self->next_id++, owner_id };

  *id = p.id;
  g_array_append_val (self->pending, p);
  if (self->pending->len == STAGE_BATCH && !stage_pending (self, error))
    return FALSE;
  if (self->staged >= STAGE_LIMIT)
    return crm_import_stage_flush (self, error);
  return TRUE;
}

/* Whether client @id is still waiting (not in the client table and the
 * search index yet). */
gboolean
crm_import_stage_holds (CrmImportStore *self, gint64 id)
{
  return id >= self->first_unwritten_id;
}

/* Forgets what waits (the transaction is rolled back, and the trigger
 * comes back with it). */
void
crm_import_stage_clear (CrmImportStore *self)
{
  g_clear_pointer (&self->index_trigger, g_free);
  if (self->pending != NULL)
    g_array_set_size (self->pending, 0);
  if (self->tag_links != NULL)
    g_array_set_size (self->tag_links, 0);
  self->staged = 0;
}

void
crm_import_stage_free (CrmImportStore *self)
{
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->tag_links, g_array_unref);
  g_clear_pointer (&self->stage_sql, g_free);
  g_clear_pointer (&self->tag_batch_sql, g_free);
  g_clear_pointer (&self->index_trigger, g_free);
}
