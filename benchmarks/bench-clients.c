/* bench-clients.c — the client list: the first page and one search keystroke
 *
 *   bench-clients DATABASE [RUNS]
 *
 * Measures on a warm connection what the Clients screen asks the store for:
 *
 *   first_page     the number of clients and the first page of 200 (by name)
 *   search_prefix  the same for a three-letter prefix of a name ("joh")
 *   search_phone   the same for the digits of a phone number ("8808187")
 *   far_page       the last page, jumped to from the last anchor (as when
 *                  the scroll bar is dragged to the end)
 *   anchors        the cursors before every 200th client (read only from the
 *                  index, in the background, so the list can jump anywhere)
 *
 * Each line reads "NAME median_ms=… min_ms=… max_ms=… rows=…" over RUNS runs
 * (default 15). The search terms are taken from the data (the 1000th client
 * by name) and printed first as "terms prefix=… phone=…", so that the same
 * queries can be run by the sqlite3 shell for the floor.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crm-client-store.h"

#define PAGE_SIZE 200

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* count + first page, as the list does for a new query */
static gboolean
first_page (CrmDatabase *db, const CrmClientQuery *query, guint *out_rows, GError **error)
{
  g_autoptr(GPtrArray) page = NULL;
  guint count = 0;

  if (!crm_client_store_count (db, query, &count, error))
    return FALSE;
  page = crm_client_store_page (db, query, NULL, PAGE_SIZE, error);
  if (page == NULL)
    return FALSE;
  *out_rows = count;
  return TRUE;
}

/* The last page, after the next-to-last anchor (what a drag of the scroll bar
 * to the bottom reads). */
static gboolean
far_page (CrmDatabase *db, const CrmClientQuery *query, guint *out_rows, GError **error)
{
  static GArray *cursors;
  g_autoptr(GPtrArray) page = NULL;

  if (cursors == NULL)
    {
      cursors = crm_client_store_anchors (db, query, PAGE_SIZE, error);
      if (cursors == NULL)
        return FALSE;
    }
  /* The last anchor may close the list (a full last page): the one before. */
  page = crm_client_store_page (db, query,
                                cursors->len > 1 ? &g_array_index (cursors, CrmClientCursor, cursors->len - 2) : NULL,
                                PAGE_SIZE, error);
  if (page == NULL)
    return FALSE;
  *out_rows = page->len;
  return TRUE;
}

static gboolean
anchors (CrmDatabase *db, const CrmClientQuery *query, guint *out_rows, GError **error)
{
  g_autoptr(GArray) a = crm_client_store_anchors (db, query, PAGE_SIZE, error);

  if (a == NULL)
    return FALSE;
  *out_rows = a->len;
  return TRUE;
}

typedef gboolean (*Measured) (CrmDatabase *, const CrmClientQuery *, guint *, GError **);

static gboolean
measure (const char *name, Measured fn, CrmDatabase *db, const CrmClientQuery *query, int runs,
         GError **error)
{
  g_autofree double *times = g_new (double, runs);
  guint rows = 0;

  /* One warm-up run: the page cache, the prepared statements. */
  if (!fn (db, query, &rows, error))
    return FALSE;
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      if (!fn (db, query, &rows, error))
        return FALSE;
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_double);
  printf ("%s median_ms=%.2f min_ms=%.2f max_ms=%.2f rows=%u\n",
          name, times[runs / 2], times[0], times[runs - 1], rows);
  return TRUE;
}

/* A three-letter prefix of a name and the last seven digits of a phone,
 * from the 1000th client by name (or the last one of a small base). */
static gboolean
pick_terms (CrmDatabase *db, char **prefix, char **phone, GError **error)
{
  CrmClientQuery query;
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GPtrArray) page = NULL;
  CrmClient *client;
  g_autoptr(GString) digits = g_string_new (NULL);

  crm_client_query_init (&query);
  anchors = crm_client_store_anchors (db, &query, 1000, error);
  if (anchors == NULL)
    return FALSE;
  page = crm_client_store_page (db, &query,
                                anchors->len > 0 ? &g_array_index (anchors, CrmClientCursor, 0) : NULL,
                                1, error);
  if (page == NULL)
    return FALSE;
  if (page->len == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND, "the database has no clients");
      return FALSE;
    }
  client = page->pdata[0];
  *prefix = g_utf8_substring (client->name, 0, MIN (3, g_utf8_strlen (client->name, -1)));
  for (const char *p = client->phones; p != NULL && *p && *p != '\n'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  *phone = g_strdup (digits->len > 7 ? digits->str + digits->len - 7 : digits->str);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *phone = NULL;
  int runs = argc > 2 ? atoi (argv[2]) : 15;
  CrmClientQuery query;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-clients DATABASE [RUNS]\n");
      return 2;
    }
  db = crm_database_new (argv[1], CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  if (db == NULL || !pick_terms (db, &prefix, &phone, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("terms prefix=%s phone=%s\n", prefix, phone);

  crm_client_query_init (&query);
  if (!measure ("first_page", first_page, db, &query, runs, &error))
    goto failed;
  query.search = prefix;
  if (!measure ("search_prefix", first_page, db, &query, runs, &error))
    goto failed;
  query.search = phone;
  if (!measure ("search_phone", first_page, db, &query, runs, &error))
    goto failed;
  query.search = NULL;
  if (!measure ("far_page", far_page, db, &query, runs, &error))
    goto failed;
  if (!measure ("anchors", anchors, db, &query, runs, &error))
    goto failed;
  return 0;

failed:
  fprintf (stderr, "%s\n", error->message);
  return 1;
}
