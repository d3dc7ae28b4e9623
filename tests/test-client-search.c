/* test-client-search.c — a search of the clients finds, counts and orders
 * the same clients whichever way the store reads them
 *
 * A search alone is counted in the FTS index and sorted by name through the
 * narrow (id, sort_key) index; with another filter it reads the client rows.
 * Both must give the same clients in the same order, and the same number.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-client-store.h"
#include "crm-manager-store.h"
#include "crm-test-util.h"

typedef struct {
  CrmDatabase *db;
  gint64       owners[3];     /* two managers, and 0: nobody */
} Fixture;

/* 300 clients whose names, companies, e-mails and phones share prefixes in
 * both alphabets, in every case, with ё and е, and with equal names (the id
 * breaks the tie); then some renamed, some deleted, one deleted and put back. */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static const char *first[] = { "Пётр", "петр", "Елена", "Ёлкин", "Anna", "ann", "Amanda", "amadeus", "Zoe" };
  static const char *last[] = { "Семёнов", "Петрова", "Smith", "Amato", "Елкина", "" };
  static const char *company[] = { "Ёлка и Ко", "Amalgam", "", "Petrovich LLC" };
  g_autofree char *path = crm_test_tmp_path ("search.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmClientSnapshot) snapshot = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(CrmManager) m = crm_manager_new ();

      m->name = g_strdup (o == 0 ? "Иван Иванов" : "Anna Petrova");
      g_assert_true (crm_manager_store_create (f->db, m, &error));
      f->owners[o] = m->id;
    }
  f->owners[2] = 0;

  g_assert_true (crm_database_begin (f->db, &error));
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(CrmClient) c = crm_client_new ();

      c->name = g_strdup_printf ("%s %s", first[i % G_N_ELEMENTS (first)], last[i % G_N_ELEMENTS (last)]);
      c->company = g_strdup (company[i % G_N_ELEMENTS (company)]);
      c->emails = i % 4 == 0 ? g_strdup_printf ("c%d@ama.ru", i) : g_strdup ("");
      c->phones = g_strdup_printf ("+7 912 345-%02d-%02d", i / 100, i % 100);
      c->owner_id = f->owners[i % 3];
      c->status = i % CRM_N_STATUSES;
      c->created_at = 1700000000 + (i * 7919) % 1000;
      g_assert_true (crm_client_store_create (f->db, c, &error));
      g_assert_no_error (error);
      g_array_append_val (ids, c->id);
    }
  g_assert_true (crm_database_commit (f->db, &error));

  for (guint i = 0; i + 5 < ids->len; i += 11)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CrmClient) c = crm_client_store_get (f->db, id, &error);

      g_assert_no_error (error);
      g_free (c->name);
      c->name = g_strdup_printf ("Амалия Ёжикова %u", i);
      g_assert_true (crm_client_store_update (f->db, c, &error));
      g_assert_true (crm_client_store_delete (f->db, g_array_index (ids, gint64, i + 5), &error));
      g_assert_no_error (error);
    }
  snapshot = crm_client_store_delete_with_snapshot (f->db, g_array_index (ids, gint64, 1), &error);
  g_assert_no_error (error);
  g_assert_true (crm_client_store_restore (f->db, snapshot, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
}

static GPtrArray *
read_all (CrmDatabase *db, const CrmClientQuery *q)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = crm_client_store_page (db, q, NULL, 100000, &error);

  g_assert_no_error (error);
  return all;
}

static gboolean
contains_id (GPtrArray *clients, gint64 id)
{
  for (guint i = 0; i < clients->len; i++)
    if (((CrmClient *) clients->pdata[i])->id == id)
      return TRUE;
  return FALSE;
}

/* Checks the search-only query @q against what the same search finds with
 * an owner filter, one owner at a time (the path over the client rows), put
 * back in the order of the whole unsearched list. Returns the count. */
static guint
assert_same_as_filtered (Fixture *f, CrmClientQuery *q, guint page_size)
{
  g_autoptr(GPtrArray) matched = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 999, filtered_count = 0;
  const char *search = q->search;

  for (guint o = 0; o < G_N_ELEMENTS (f->owners); o++)
    {
      g_autoptr(GPtrArray) part = NULL;
      guint n = 999;

      q->owner_id = f->owners[o] > 0 ? f->owners[o] : -1;
      part = read_all (f->db, q);
      g_assert_true (crm_client_store_count (f->db, q, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, part->len);
      filtered_count += n;
      for (guint i = 0; i < part->len; i++)
        g_ptr_array_add (matched, g_object_ref (part->pdata[i]));
    }
  q->owner_id = 0;

  q->search = NULL;
  everyone = read_all (f->db, q);
  q->search = search;
  for (guint i = 0; i < everyone->len; i++)
    if (contains_id (matched, ((CrmClient *) everyone->pdata[i])->id))
      g_ptr_array_add (expected, everyone->pdata[i]);
  g_assert_cmpuint (expected->len, ==, matched->len);

  /* The count, */
  g_assert_true (crm_client_store_count (f->db, q, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, filtered_count);
  /* the anchors, and the pages that start after each of them (as the list
   * reads them), */
  anchors = crm_client_store_anchors (f->db, q, page_size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anchors->len, ==, expected->len / page_size);
  for (guint k = 0; k <= anchors->len; k++)
    {
      g_autoptr(GPtrArray) page = crm_client_store_page (f->db, q,
                                                         k > 0 ? &g_array_index (anchors, CrmClientCursor, k - 1) : NULL,
                                                         page_size, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (page_size, expected->len - k * page_size));
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (seen, g_object_ref (page->pdata[i]));
    }
  /* with the same clients in the same order. */
  g_assert_cmpuint (seen->len, ==, expected->len);
  for (guint i = 0; i < seen->len; i++)
    {
      CrmClient *a = seen->pdata[i], *b = expected->pdata[i];
      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->name, ==, b->name);
    }
  return count;
}

static const char *searches[] = {
  "петр", "ПЁТР", "ёлк", "елк", "ama", "AMA", "am", "a", "smith", "семен", "Амалия ёж",
  "ann a", "912 345", "+7 912 345-01", "ama.ru", "zzz",
};

static void
test_same_as_filtered (Fixture *f, gconstpointer data)
{
  const CrmClientSort sorts[] = { CRM_CLIENT_SORT_NAME, CRM_CLIENT_SORT_STATUS, CRM_CLIENT_SORT_CREATED };
  CrmClientQuery q;

  crm_client_query_init (&q);
  for (gsize s = 0; s < G_N_ELEMENTS (searches); s++)
    for (gsize k = 0; k < G_N_ELEMENTS (sorts); k++)
      for (int descending = 0; descending <= 1; descending++)
        {
          q.search = searches[s];
          q.sort = sorts[k];
          q.descending = descending;
          assert_same_as_filtered (f, &q, 7);
        }
}

static guint
count_of (Fixture *f, const char *search)
{
  CrmClientQuery q;

  crm_client_query_init (&q);
  q.search = search;
  return assert_same_as_filtered (f, &q, 10);
}

/* The counts themselves, worked out from the fixture by hand. */
static void
test_counts (Fixture *f, gconstpointer data)
{
  /* Renamed: the 0th, 11th, … 286th client (27); deleted: the 5th after
   * each (27), never one of the renamed. */
  g_assert_cmpuint (count_of (f, ""), ==, 273);
  g_assert_cmpuint (count_of (f, "амалия"), ==, 27);
  /* ё is е: the same clients, and as many as the unfolded spelling. */
  g_assert_cmpuint (count_of (f, "ёлк"), ==, count_of (f, "ЕЛК"));
  g_assert_cmpuint (count_of (f, "ёж"), ==, 27);
  g_assert_cmpuint (count_of (f, "пётр"), ==, count_of (f, "петр"));
  g_assert_cmpuint (count_of (f, "пётр"), >, 0);
  /* One phone: 8 912 345-01-23 is the 123rd client's (not deleted). */
  g_assert_cmpuint (count_of (f, "8 912 345-01-23"), ==, 1);
  g_assert_cmpuint (count_of (f, "!!!"), ==, 0);
  g_assert_cmpuint (count_of (f, "zzz"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client-search/same-as-filtered", Fixture, NULL, fixture_setup, test_same_as_filtered,
              fixture_teardown);
  g_test_add ("/client-search/counts", Fixture, NULL, fixture_setup, test_counts, fixture_teardown);

  return g_test_run ();
}
