/* crm-client-store.c — the client base: CRUD, search, keyset pages, tags
 *
 * The list is served in pages by keyset (WHERE (key, id) > (last key, last
 * id) ORDER BY key, id LIMIT n): never OFFSET, never the whole table. Search
 * goes through the FTS5 index over the folded name, company, e-mails and the
 * digit suffixes of every phone; a search alone is counted in that index
 * and sorted by name through client_sort_key_by_id (id, sort_key), without
 * reading the client rows of the matches it does not show.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-client-store.h"
#include "crm-database-private.h"

/* The columns read_client() expects, in order. */
#define CLIENT_COLUMNS \
  "c.id, c.kind, c.name, c.company, c.phones, c.emails, c.address, c.city, c.source, c.status," \
  " c.owner_id, m.name, c.notes, c.first_paid_on, c.created_at, c.updated_at," \
  " (SELECT max(a.starts_at) FROM activity a WHERE a.client_id = c.id AND a.state = 'done')," \
  " (SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.client_id = c.id)," \
  " (SELECT group_concat(t.name, char(10)) FROM client_tag ct JOIN tag t ON t.id = ct.tag_id" \
  "   WHERE ct.client_id = c.id)," \
  " c.sort_key, c.status_rank"

#define CLIENT_FROM " FROM client c LEFT JOIN manager m ON m.id = c.owner_id"

void
crm_client_query_init (CrmClientQuery *query)
{
  memset (query, 0, sizeof *query);
  query->sort = CRM_CLIENT_SORT_NAME;
  query->status = -1;
  query->source = -1;
}

void
crm_client_cursor_clear (CrmClientCursor *cursor)
{
  g_clear_pointer (&cursor->text_key, g_free);
  cursor->int_key = 0;
  cursor->id = 0;
}

void
crm_client_cursor_copy (const CrmClientCursor *src, CrmClientCursor *dest)
{
  dest->text_key = g_strdup (src->text_key);
  dest->int_key = src->int_key;
  dest->id = src->id;
}

static char *
client_sort_key (CrmClient *client)
{
  return crm_store_fold (client->name);
}

void
crm_client_cursor_from_client (CrmClientCursor *cursor, CrmClientSort sort, CrmClient *client)
{
  cursor->id = client->id;
  g_free (cursor->text_key);
  cursor->text_key = client_sort_key (client);
  cursor->int_key = sort == CRM_CLIENT_SORT_CREATED ? client->created_at : (gint64) client->status;
}

static CrmClient *
read_client (sqlite3_stmt *stmt)
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
  sort_key = client_sort_key (client);
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
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT " CLIENT_COLUMNS CLIENT_FROM " WHERE c.id = ?", error);
  CrmClient *c = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = crm_database_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    c = read_client (stmt);
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

/* ---- search and pages --------------------------------------------------- */

static gboolean
looks_like_phone (const char *search)
{
  int digits = 0;

  for (const char *p = search; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" +-()./", *p))
        return FALSE;
    }
  return digits >= 2;
}

/* The FTS5 query for what a person typed: each word as a quoted prefix
 * ("петр"* "ива"*), or for a phone-like entry all its digits as one prefix,
 * matching a suffix of a stored number ("345 67" → "34567"*). Built from
 * the words, always quoted, and bound as a parameter: no user text reaches
 * the SQL. NULL when there is nothing to search for. */
char *
crm_client_store_build_match (const char *search)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autofree char *folded = NULL;

  if (search == NULL)
    return NULL;
  if (looks_like_phone (search))
    {
      g_autofree char *digits = crm_store_digits (search);
      const char *d = digits;

      /* +7 912… and 8 912… are the same Russian number: search the ten
       * national digits. */
      if (strlen (digits) == 11 && (digits[0] == '7' || digits[0] == '8'))
        d = digits + 1;
      g_string_append_printf (match, "\"%s\"*", d);
      return g_string_free (g_steal_pointer (&match), FALSE);
    }

  folded = crm_store_fold (search);
  for (const char *p = folded; *p;)
    {
      const char *start;
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      g_string_append_len (match, start, p - start);
      g_string_append (match, "\"*");
    }
  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

typedef struct {
  GString   *sql;
  GPtrArray *text_params;     /* bound in order with the int params by kind */
  GArray    *kinds;           /* 't' or 'i' per parameter */
  GArray    *ints;
} SqlBuilder;

static void
builder_init (SqlBuilder *b, const char *head)
{
  b->sql = g_string_new (head);
  b->text_params = g_ptr_array_new_with_free_func (g_free);
  b->kinds = g_array_new (FALSE, FALSE, sizeof (char));
  b->ints = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
builder_clear (SqlBuilder *b)
{
  g_string_free (b->sql, TRUE);
  g_ptr_array_unref (b->text_params);
  g_array_unref (b->kinds);
  g_array_unref (b->ints);
}

static void
add_text (SqlBuilder *b, const char *clause, const char *value)
{
  char k = 't';
  g_string_append (b->sql, clause);
  g_ptr_array_add (b->text_params, g_strdup (value));
  g_array_append_val (b->kinds, k);
}

static void
add_int (SqlBuilder *b, const char *clause, gint64 value)
{
  char k = 'i';
  g_string_append (b->sql, clause);
  g_array_append_val (b->ints, value);
  g_array_append_val (b->kinds, k);
}

static void
bind_all (SqlBuilder *b, sqlite3_stmt *stmt)
{
  guint ti = 0, ii = 0;

  for (guint i = 0; i < b->kinds->len; i++)
    {
      if (g_array_index (b->kinds, char, i) == 't')
        crm_bind_text (stmt, (int) i + 1, b->text_params->pdata[ti++]);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, g_array_index (b->ints, gint64, ii++));
    }
}

/* The WHERE clauses of the filters; every value is a bound parameter. */
static gboolean
add_filters (SqlBuilder *b, const CrmClientQuery *q)
{
  g_autofree char *match = crm_client_store_build_match (q->search);

  g_string_append (b->sql, " WHERE 1");
  if (q->search != NULL && *q->search != '\0' && match == NULL)
    return FALSE;      /* only punctuation: nothing can match */
  if (match != NULL)
    add_text (b, " AND c.id IN (SELECT rowid FROM client_fts WHERE client_fts MATCH ?)", match);
  if (q->status >= 0)
    add_text (b, " AND c.status = ?", crm_client_status_to_string (q->status));
  if (q->owner_id > 0)
    add_int (b, " AND c.owner_id = ?", q->owner_id);
  else if (q->owner_id < 0)
    g_string_append (b->sql, " AND c.owner_id IS NULL");
  if (q->source >= 0)
    add_text (b, " AND c.source = ?", crm_client_source_to_string (q->source));
  if (q->tag_id > 0)
    add_int (b, " AND c.id IN (SELECT client_id FROM client_tag WHERE tag_id = ?)", q->tag_id);
  return TRUE;
}

/* Whether the search is the query's only filter. */
static gboolean
only_search (const CrmClientQuery *q)
{
  return q->search != NULL && *q->search != '\0' && q->status < 0 && q->owner_id == 0 &&
         q->source < 0 && q->tag_id <= 0;
}

/* The client table of the queries that find, sort and page the matches. A
 * search alone in the name order reads the sort keys of its matches from
 * the narrow index by id, not from the client rows (the planner, without
 * statistics for it yet, would not know it is better). */
static const char *
client_table (const CrmClientQuery *q)
{
  return only_search (q) && q->sort == CRM_CLIENT_SORT_NAME
           ? " FROM client c INDEXED BY client_sort_key_by_id" : " FROM client c";
}

gboolean
crm_client_store_count (CrmDatabase *db, const CrmClientQuery *query, guint *out_count, GError **error)
{
  g_autofree char *match = NULL;
  SqlBuilder b;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  /* A search alone counts in the index: the triggers keep one index row per
   * client, so it is the same number without reading a client row. */
  if (only_search (query) && (match = crm_client_store_build_match (query->search)) != NULL)
    {
      builder_init (&b, "SELECT count(*) FROM client_fts WHERE client_fts MATCH ?");
      add_text (&b, "", match);
    }
  else
    builder_init (&b, "SELECT count(*) FROM client c");
  if (match == NULL && !add_filters (&b, query))
    {
      *out_count = 0;
      builder_clear (&b);
      return TRUE;
    }
  stmt = crm_database_prepare (db, b.sql->str, error);
  if (stmt != NULL)
    {
      bind_all (&b, stmt);
      if (crm_database_step_row (db, stmt, error) == SQLITE_ROW)
        {
          *out_count = (guint) sqlite3_column_int64 (stmt, 0);
          ok = TRUE;
        }
      sqlite3_reset (stmt);
    }
  builder_clear (&b);
  return ok;
}

/* " ORDER BY …" of the query's sort. */
static char *
order_by (const CrmClientQuery *q)
{
  const char *dir = q->descending ? " DESC" : "";

  switch (q->sort)
    {
    case CRM_CLIENT_SORT_CREATED:
      return g_strdup_printf (" ORDER BY c.created_at%s, c.id%s", dir, dir);
    case CRM_CLIENT_SORT_STATUS:
      return g_strdup_printf (" ORDER BY c.status_rank%s, c.sort_key%s, c.id%s", dir, dir, dir);
    case CRM_CLIENT_SORT_NAME:
    default:
      return g_strdup_printf (" ORDER BY c.sort_key%s, c.id%s", dir, dir);
    }
}

static void
add_keyset_and_order (SqlBuilder *b, const CrmClientQuery *q, const CrmClientCursor *after)
{
  const char *cmp = q->descending ? "<" : ">";
  g_autofree char *clause = NULL;
  g_autofree char *order = NULL;

  switch (q->sort)
    {
    case CRM_CLIENT_SORT_CREATED:
      if (after != NULL)
        {
          clause = g_strdup_printf (" AND (c.created_at, c.id) %s (?, ", cmp);
          add_int (b, clause, after->int_key);
          add_int (b, "?)", after->id);
        }
      break;
    case CRM_CLIENT_SORT_STATUS:
      if (after != NULL)
        {
          clause = g_strdup_printf (" AND (c.status_rank, c.sort_key, c.id) %s (?, ", cmp);
          add_int (b, clause, after->int_key);
          add_text (b, "?, ", after->text_key != NULL ? after->text_key : "");
          add_int (b, "?)", after->id);
        }
      break;
    case CRM_CLIENT_SORT_NAME:
    default:
      if (after != NULL)
        {
          clause = g_strdup_printf (" AND (c.sort_key, c.id) %s (?, ", cmp);
          add_text (b, clause, after->text_key != NULL ? after->text_key : "");
          add_int (b, "?)", after->id);
        }
      break;
    }
  order = order_by (q);
  g_string_append (b->sql, order);
}

/* Up to @limit clients after @after (NULL: from the start) in the query's
 * order. */
GPtrArray *
crm_client_store_page (CrmDatabase           *db,
                       const CrmClientQuery  *query,
                       const CrmClientCursor *after,
                       guint                  limit,
                       GError               **error)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  SqlBuilder b;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  /* The page's ids first, from the indexes alone; the last contact, the
   * revenue and the tags only for those (SQLite would work them out for
   * every match before sorting). */
  builder_init (&b, "SELECT " CLIENT_COLUMNS CLIENT_FROM " WHERE c.id IN (SELECT c.id FROM client c");
  if (!add_filters (&b, query))
    {
      builder_clear (&b);
      return g_steal_pointer (&page);
    }
  add_keyset_and_order (&b, query, after);
  add_int (&b, " LIMIT ?)", limit);
  {
    g_autofree char *order = order_by (query);
    g_string_append (b.sql, order);
  }
  stmt = crm_database_prepare (db, b.sql->str, error);
  if (stmt != NULL)
    {
      bind_all (&b, stmt);
      while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
        g_ptr_array_add (page, read_client (stmt));
      if (rc == SQLITE_DONE)
        sqlite3_reset (stmt);
    }
  builder_clear (&b);
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&page);
}

static void
cursor_array_clear (gpointer data)
{
  crm_client_cursor_clear (data);
}

/* The cursors before every @every-th client in the query's order: element k
 * is the position after which page k + 1 starts. Reads only the index
 * (keys and ids), so a list can jump to any page without OFFSET and
 * without loading rows. */
GArray *
crm_client_store_anchors (CrmDatabase *db, const CrmClientQuery *query, guint every, GError **error)
{
  g_autoptr(GArray) anchors = g_array_new (FALSE, TRUE, sizeof (CrmClientCursor));
  const char *head;
  SqlBuilder b;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;
  guint n = 0;

  g_return_val_if_fail (every > 0, NULL);
  g_array_set_clear_func (anchors, cursor_array_clear);

  switch (query->sort)
    {
    case CRM_CLIENT_SORT_CREATED:
      head = "SELECT NULL, c.created_at, c.id";
      break;
    case CRM_CLIENT_SORT_STATUS:
      head = "SELECT c.sort_key, c.status_rank, c.id";
      break;
    case CRM_CLIENT_SORT_NAME:
    default:
      head = "SELECT c.sort_key, 0, c.id";
      break;
    }
  builder_init (&b, head);
  g_string_append (b.sql, client_table (query));
  if (!add_filters (&b, query))
    {
      builder_clear (&b);
      return g_steal_pointer (&anchors);
    }
  add_keyset_and_order (&b, query, NULL);
  stmt = crm_database_prepare (db, b.sql->str, error);
  if (stmt != NULL)
    {
      bind_all (&b, stmt);
      while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
        {
          if (++n % every == 0)
            {
              CrmClientCursor cursor = { 0 };
              cursor.text_key = crm_column_dup_text (stmt, 0);
              cursor.int_key = sqlite3_column_int64 (stmt, 1);
              cursor.id = sqlite3_column_int64 (stmt, 2);
              g_array_append_val (anchors, cursor);
            }
        }
      if (rc == SQLITE_DONE)
        sqlite3_reset (stmt);
    }
  builder_clear (&b);
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&anchors);
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
