/* crm-client-query.c — the client list: search, count, keyset pages, anchors
 *
 * The list is served in pages by keyset (WHERE (key, id) > (last key, last
 * id) ORDER BY key, id LIMIT n): never OFFSET, never the whole table. Every
 * order has its index (crm-schema.c): name, status, company, source, last
 * contact, revenue and the day a client was added, each with the id that
 * breaks ties, either way. Search
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

#include <string.h>

#include "crm-client-store-private.h"

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

/* The keys of each order, before the id that breaks ties: an integer, a
 * text, or both (integer first). The expressions are those of the indexes
 * (crm-schema.c), so that each order is read from its index. */
typedef struct {
  const char *int_key;
  const char *text_key;
} SortKeys;

static const SortKeys sort_keys[CRM_CLIENT_N_SORTS] = {
  [CRM_CLIENT_SORT_NAME] = { NULL, "c.sort_key" },
  [CRM_CLIENT_SORT_CREATED] = { "c.created_at", NULL },
  [CRM_CLIENT_SORT_STATUS] = { "c.status_rank", "c.sort_key" },
  [CRM_CLIENT_SORT_COMPANY] = { NULL, "crm_fold (c.company)" },
  [CRM_CLIENT_SORT_SOURCE] = { NULL, "c.source" },
  [CRM_CLIENT_SORT_LAST_CONTACT] = { "c.last_contact_at", NULL },
  [CRM_CLIENT_SORT_REVENUE] = { "c.revenue_minor", NULL },
};

static const SortKeys *
keys_of (CrmClientSort sort)
{
  return &sort_keys[(guint) sort < CRM_CLIENT_N_SORTS ? sort : CRM_CLIENT_SORT_NAME];
}

void
crm_client_cursor_from_client (CrmClientCursor *cursor, CrmClientSort sort, CrmClient *client)
{
  cursor->id = client->id;
  g_clear_pointer (&cursor->text_key, g_free);
  cursor->int_key = 0;
  switch (sort)
    {
    case CRM_CLIENT_SORT_CREATED:
      cursor->int_key = client->created_at;
      break;
    case CRM_CLIENT_SORT_STATUS:
      cursor->int_key = (gint64) client->status;
      cursor->text_key = crm_client_store_sort_key (client);
      break;
    case CRM_CLIENT_SORT_COMPANY:
      cursor->text_key = crm_store_fold (client->company != NULL ? client->company : "");
      break;
    case CRM_CLIENT_SORT_SOURCE:
      cursor->text_key = g_strdup (crm_client_source_to_string (client->source));
      break;
    case CRM_CLIENT_SORT_LAST_CONTACT:
      cursor->int_key = client->last_contact_at;
      break;
    case CRM_CLIENT_SORT_REVENUE:
      cursor->int_key = client->revenue;
      break;
    case CRM_CLIENT_SORT_NAME:
    case CRM_CLIENT_N_SORTS:
    default:
      cursor->text_key = crm_client_store_sort_key (client);
      break;
    }
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

/* Whether the index of the query's order carries the owner and the source
 * after the key (crm-schema.c, format 4): the list then walks that index
 * and skips the clients of other owners or sources in it, rather than
 * finding them by their own index and sorting them all (thousands) for
 * every page. */
static gboolean
order_carries_filters (const CrmClientQuery *q)
{
  return q->sort == CRM_CLIENT_SORT_CREATED || q->sort == CRM_CLIENT_SORT_COMPANY ||
         q->sort == CRM_CLIENT_SORT_SOURCE || q->sort == CRM_CLIENT_SORT_LAST_CONTACT ||
         q->sort == CRM_CLIENT_SORT_REVENUE;
}

/* The WHERE clauses of the filters; every value is a bound parameter. In
 * @ordered queries (pages, anchors) a unary + keeps SQLite from choosing
 * the owner's or source's index over the order's (see above). */
static gboolean
add_filters (SqlBuilder *b, const CrmClientQuery *q, gboolean ordered)
{
  g_autofree char *match = crm_client_store_build_match (q->search);
  gboolean in_order = ordered && order_carries_filters (q);
  const char *owner = in_order ? "+c.owner_id" : "c.owner_id";
  const char *source = in_order && q->sort != CRM_CLIENT_SORT_SOURCE ? "+c.source" : "c.source";

  g_string_append (b->sql, " WHERE 1");
  if (q->search != NULL && *q->search != '\0' && match == NULL)
    return FALSE;      /* only punctuation: nothing can match */
  if (match != NULL)
    add_text (b, " AND c.id IN (SELECT rowid FROM client_fts WHERE client_fts MATCH ?)", match);
  if (q->status >= 0)
    add_text (b, " AND c.status = ?", crm_client_status_to_string (q->status));
  if (q->owner_id > 0)
    {
      g_string_append_printf (b->sql, " AND %s", owner);
      add_int (b, " = ?", q->owner_id);
    }
  else if (q->owner_id < 0)
    g_string_append_printf (b->sql, " AND %s IS NULL", owner);
  if (q->source >= 0)
    {
      g_string_append_printf (b->sql, " AND %s", source);
      add_text (b, " = ?", crm_client_source_to_string (q->source));
    }
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
  if (match == NULL && !add_filters (&b, query, FALSE))
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
  const SortKeys *keys = keys_of (q->sort);
  const char *dir = q->descending ? " DESC" : "";
  GString *order = g_string_new (" ORDER BY ");

  if (keys->int_key != NULL)
    g_string_append_printf (order, "%s%s, ", keys->int_key, dir);
  if (keys->text_key != NULL)
    g_string_append_printf (order, "%s%s, ", keys->text_key, dir);
  g_string_append_printf (order, "c.id%s", dir);
  return g_string_free (order, FALSE);
}

/* The row-value comparison of the keyset: (keys, id) after the cursor. */
static void
add_keyset_and_order (SqlBuilder *b, const CrmClientQuery *q, const CrmClientCursor *after)
{
  const SortKeys *keys = keys_of (q->sort);
  g_autofree char *order = NULL;

  if (after != NULL)
    {
      /* The first key on its own as well: SQLite seeks an expression index
       * (the folded company) by a plain bound, not by a row value. */
      g_string_append_printf (b->sql, " AND %s %s ", keys->int_key != NULL ? keys->int_key : keys->text_key,
                              q->descending ? "<=" : ">=");
      if (keys->int_key != NULL)
        add_int (b, "?", after->int_key);
      else
        add_text (b, "?", after->text_key != NULL ? after->text_key : "");
      g_string_append (b->sql, " AND (");
      if (keys->int_key != NULL)
        g_string_append_printf (b->sql, "%s, ", keys->int_key);
      if (keys->text_key != NULL)
        g_string_append_printf (b->sql, "%s, ", keys->text_key);
      g_string_append_printf (b->sql, "c.id) %s (", q->descending ? "<" : ">");
      if (keys->int_key != NULL)
        add_int (b, "?, ", after->int_key);
      if (keys->text_key != NULL)
        add_text (b, "?, ", after->text_key != NULL ? after->text_key : "");
      add_int (b, "?)", after->id);
    }
  order = order_by (q);
  g_string_append (b->sql, order);
}

/* The page's ids first, from the indexes alone; the tags only for those
 * (SQLite would work them out for every match before sorting). FALSE when
 * nothing can match. */
static gboolean
build_page (SqlBuilder            *b,
            const char            *select,
            const CrmClientQuery  *query,
            const CrmClientCursor *after,
            guint                  limit)
{
  g_autofree char *order = order_by (query);

  builder_init (b, select);
  g_string_append (b->sql, CRM_CLIENT_FROM " WHERE c.id IN (SELECT c.id FROM client c");
  if (!add_filters (b, query, TRUE))
    return FALSE;
  add_keyset_and_order (b, query, after);
  add_int (b, " LIMIT ?)", limit);
  g_string_append (b->sql, order);
  return TRUE;
}

/* How SQLite reads a page (of the second page when @after is given): the
 * lines of EXPLAIN QUERY PLAN, one per line. For tests and debugging. */
char *
crm_client_store_explain_page (CrmDatabase           *db,
                               const CrmClientQuery  *query,
                               const CrmClientCursor *after,
                               GError               **error)
{
  g_autoptr(GString) plan = g_string_new (NULL);
  SqlBuilder b;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (!build_page (&b, "EXPLAIN QUERY PLAN SELECT " CRM_CLIENT_COLUMNS, query, after, 100))
    {
      builder_clear (&b);
      return g_strdup ("");
    }
  stmt = crm_database_prepare (db, b.sql->str, error);
  if (stmt != NULL)
    {
      bind_all (&b, stmt);
      while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", crm_column_text (stmt, 3));
      if (rc == SQLITE_DONE)
        sqlite3_reset (stmt);
    }
  builder_clear (&b);
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_string_free (g_steal_pointer (&plan), FALSE);
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

  if (!build_page (&b, "SELECT " CRM_CLIENT_COLUMNS, query, after, limit))
    {
      builder_clear (&b);
      return g_steal_pointer (&page);
    }
  stmt = crm_database_prepare (db, b.sql->str, error);
  if (stmt != NULL)
    {
      bind_all (&b, stmt);
      while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
        g_ptr_array_add (page, crm_client_store_read_row (stmt));
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
  const SortKeys *keys;
  g_autofree char *head = NULL;
  SqlBuilder b;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;
  guint n = 0;

  g_return_val_if_fail (every > 0, NULL);
  g_array_set_clear_func (anchors, cursor_array_clear);

  keys = keys_of (query->sort);
  head = g_strdup_printf ("SELECT %s, %s, c.id", keys->text_key != NULL ? keys->text_key : "NULL",
                          keys->int_key != NULL ? keys->int_key : "0");
  builder_init (&b, head);
  g_string_append (b.sql, client_table (query));
  if (!add_filters (&b, query, TRUE))
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

