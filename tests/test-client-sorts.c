/* test-client-sorts.c — every order of the client list, by keyset, either
 * way; the revenue and last contact the triggers keep; the indexes that
 * serve each order with each filter; payments and complaints by filter
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-activity-store.h"
#include "crm-client-store-private.h"
#include "crm-complaint-store.h"
#include "crm-manager-store.h"
#include "crm-payment-store.h"
#include "crm-test-util.h"

typedef struct {
  CrmDatabase *db;
  gint64       anna;
  gint64       boris;
  gint64       clients[48];
} Fixture;

static const char *companies[] = { "", "Acme", "acme", "Ёлка", "елка", "Zeta", "Альфа", "" };

static gint64
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(GError) error = NULL;

  m->name = g_strdup (name);
  g_assert_true (crm_manager_store_create (db, m, &error));
  g_assert_no_error (error);
  return m->id;
}

static gint64
add_payment (CrmDatabase *db, gint64 client_id, gint64 manager_id, const char *day, gint64 amount)
{
  g_autoptr(CrmPayment) p = crm_payment_new ();
  g_autoptr(GError) error = NULL;

  p->client_id = client_id;
  p->manager_id = manager_id;
  p->paid_on = g_strdup (day);
  p->amount = amount;
  g_assert_true (crm_payment_store_create (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_activity (CrmDatabase *db, gint64 client_id, gint64 manager_id, gint64 starts_at, CrmActivityState state)
{
  g_autoptr(CrmActivity) a = crm_activity_new ();
  g_autoptr(GError) error = NULL;

  a->type = CRM_ACTIVITY_CALL;
  a->client_id = client_id;
  a->manager_id = manager_id;
  a->starts_at = starts_at;
  a->duration_min = 5;
  a->state = state;
  g_assert_true (crm_activity_store_create (db, a, &error));
  g_assert_no_error (error);
  return a->id;
}

/* 48 clients with ties in every key: companies that fold alike or are
 * empty, sources and creation times that repeat, equal revenues, no
 * contact at all. */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("sorts.db");
  g_autoptr(GError) error = NULL;

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  f->anna = add_manager (f->db, "Anna");
  f->boris = add_manager (f->db, "Boris");
  g_assert_true (crm_database_begin (f->db, &error));
  for (guint i = 0; i < G_N_ELEMENTS (f->clients); i++)
    {
      g_autoptr(CrmClient) c = crm_client_new ();

      c->name = g_strdup_printf ("%s %02u", i % 3 == 0 ? "Анна" : (i % 3 == 1 ? "Boris" : "ёж"), (i * 7) % 11);
      c->company = g_strdup (companies[i % G_N_ELEMENTS (companies)]);
      c->source = (i / 2) % CRM_N_SOURCES;
      c->status = i % CRM_N_STATUSES;
      c->owner_id = i % 3 == 0 ? f->anna : (i % 3 == 1 ? f->boris : 0);
      c->created_at = 1700000000 + (gint64) ((i * 5) % 13) * 86400;
      g_assert_true (crm_client_store_create (f->db, c, &error));
      f->clients[i] = c->id;
      if (i % 4 != 3)
        add_payment (f->db, c->id, f->anna, "2026-11-02", (gint64) ((i * 3) % 5) * 1000);
      if (i % 6 == 0)
        add_payment (f->db, c->id, f->boris, "2026-12-01", 500);
      if (i % 5 != 4)
        add_activity (f->db, c->id, f->anna, 1790000000 + (gint64) ((i * 11) % 7) * 3600, CRM_STATE_DONE);
      add_activity (f->db, c->id, f->boris, 1800000000 + (gint64) i, CRM_STATE_PLANNED);
    }
  g_assert_true (crm_database_commit (f->db, &error));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
}

/* The keys a client sorts by, as the store compares them. */
static int
compare_clients (CrmClientSort sort, CrmClient *a, CrmClient *b)
{
  CrmClientCursor ka = { 0 }, kb = { 0 };
  int cmp;

  crm_client_cursor_from_client (&ka, sort, a);
  crm_client_cursor_from_client (&kb, sort, b);
  if (ka.int_key != kb.int_key)
    cmp = ka.int_key < kb.int_key ? -1 : 1;
  else
    cmp = strcmp (ka.text_key != NULL ? ka.text_key : "", kb.text_key != NULL ? kb.text_key : "");
  if (cmp == 0)
    cmp = a->id < b->id ? -1 : (a->id > b->id ? 1 : 0);
  crm_client_cursor_clear (&ka);
  crm_client_cursor_clear (&kb);
  return cmp;
}

/* Pages of @page_size, each after the last client of the one before, are
 * the one big query, which is in the order of the sort. */
static void
assert_pages (CrmDatabase *db, const CrmClientQuery *q, guint expected, guint page_size)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  CrmClientCursor cursor = { 0 };
  gboolean first = TRUE;

  for (;;)
    {
      g_autoptr(GPtrArray) page = crm_client_store_page (db, q, first ? NULL : &cursor, page_size, &error);

      g_assert_no_error (error);
      first = FALSE;
      if (page->len == 0)
        break;
      g_assert_cmpuint (page->len, <=, page_size);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (seen, g_object_ref (page->pdata[i]));
      crm_client_cursor_from_client (&cursor, q->sort, page->pdata[page->len - 1]);
    }
  crm_client_cursor_clear (&cursor);
  all = crm_client_store_page (db, q, NULL, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, expected);
  g_assert_cmpuint (seen->len, ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      g_assert_cmpint (((CrmClient *) seen->pdata[i])->id, ==, ((CrmClient *) all->pdata[i])->id);
      if (i > 0)
        {
          int cmp = compare_clients (q->sort, all->pdata[i - 1], all->pdata[i]);
          g_assert_cmpint (q->descending ? -cmp : cmp, <, 0);
        }
    }
}

static void
test_keyset_pages (Fixture *f, gconstpointer data)
{
  for (int sort = 0; sort < CRM_CLIENT_N_SORTS; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        CrmClientQuery q;

        crm_client_query_init (&q);
        q.sort = sort;
        q.descending = descending;
        assert_pages (f->db, &q, 48, 7);
        assert_pages (f->db, &q, 48, 1);
        q.owner_id = f->anna;
        assert_pages (f->db, &q, 16, 5);
        q.owner_id = -1;
        assert_pages (f->db, &q, 16, 5);
        q.owner_id = 0;
        q.status = CRM_STATUS_CUSTOMER;
        assert_pages (f->db, &q, 10, 3);
        q.status = -1;
        q.source = CRM_SOURCE_REFERRAL;
        assert_pages (f->db, &q, 10, 4);
        q.source = -1;
        q.search = "boris";
        assert_pages (f->db, &q, 16, 6);
        q.search = "елк";        /* the company Ёлка and елка */
        assert_pages (f->db, &q, 12, 5);
      }
}

/* The anchors of every order are the cursors of the pages. */
static void
test_anchors (Fixture *f, gconstpointer data)
{
  for (int sort = 0; sort < CRM_CLIENT_N_SORTS; sort++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) anchors = NULL;
      g_autoptr(GPtrArray) all = NULL;
      CrmClientQuery q;

      crm_client_query_init (&q);
      q.sort = sort;
      q.descending = sort % 2 == 1;
      anchors = crm_client_store_anchors (f->db, &q, 10, &error);
      g_assert_no_error (error);
      all = crm_client_store_page (f->db, &q, NULL, 100, &error);
      g_assert_cmpuint (anchors->len, ==, 4);
      for (guint k = 0; k < anchors->len; k++)
        {
          const CrmClientCursor *anchor = &g_array_index (anchors, CrmClientCursor, k);
          g_autoptr(GPtrArray) page = crm_client_store_page (f->db, &q, anchor, 10, &error);

          g_assert_no_error (error);
          g_assert_cmpint (anchor->id, ==, ((CrmClient *) all->pdata[(k + 1) * 10 - 1])->id);
          g_assert_cmpint (((CrmClient *) page->pdata[0])->id, ==, ((CrmClient *) all->pdata[(k + 1) * 10])->id);
        }
    }
}

static gint64
client_total (CrmDatabase *db, gint64 id, gboolean revenue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmClient) c = crm_client_store_get (db, id, &error);

  g_assert_no_error (error);
  return revenue ? c->revenue : c->last_contact_at;
}

/* No client's totals differ from what its rows add up to. */
static void
assert_totals_exact (CrmDatabase *db)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT count (*) FROM client c WHERE revenue_minor <>"
    " coalesce ((SELECT sum (amount) FROM payment WHERE client_id = c.id), 0)"
    " OR last_contact_at <> coalesce ((SELECT max (starts_at) FROM activity"
    "  WHERE client_id = c.id AND state = 'done'), 0)", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
}

static void
test_totals_follow_writes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = f->clients[3], b = f->clients[19];   /* no payment (i % 4 == 3); b no done call (i % 5 == 4) */
  gint64 pay, call, later;

  assert_totals_exact (f->db);
  g_assert_cmpint (client_total (f->db, a, TRUE), ==, 0);

  /* Payments: insert, change the amount, move to another client, delete. */
  pay = add_payment (f->db, a, f->anna, "2026-11-05", 1234);
  g_assert_cmpint (client_total (f->db, a, TRUE), ==, 1234);
  {
    g_autoptr(CrmPayment) p = crm_payment_store_get (f->db, pay, &error);
    g_assert_no_error (error);
    p->amount = 2000;
    g_assert_true (crm_payment_store_update (f->db, p, &error));
    g_assert_cmpint (client_total (f->db, a, TRUE), ==, 2000);
    p->client_id = b;
    g_assert_true (crm_payment_store_update (f->db, p, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (client_total (f->db, a, TRUE), ==, 0);
  g_assert_cmpint (client_total (f->db, b, TRUE), ==, 2000);
  g_assert_true (crm_payment_store_delete (f->db, pay, &error));
  g_assert_cmpint (client_total (f->db, b, TRUE), ==, 0);

  /* Activities: a planned one is no contact; done, it is; a later one
   * moves it, its deletion moves it back; a moved or undone one leaves. */
  g_assert_cmpint (client_total (f->db, a, FALSE), ==, 1790000000 + (3 * 11 % 7) * 3600);
  call = add_activity (f->db, a, f->anna, 1795000000, CRM_STATE_PLANNED);
  g_assert_cmpint (client_total (f->db, a, FALSE), ==, 1790000000 + (3 * 11 % 7) * 3600);
  {
    g_autoptr(CrmActivity) act = crm_activity_store_get (f->db, call, &error);
    g_assert_no_error (error);
    act->state = CRM_STATE_DONE;
    g_assert_true (crm_activity_store_update (f->db, act, &error));
    g_assert_cmpint (client_total (f->db, a, FALSE), ==, 1795000000);
    later = add_activity (f->db, a, f->boris, 1796000000, CRM_STATE_DONE);
    g_assert_cmpint (client_total (f->db, a, FALSE), ==, 1796000000);
    g_assert_true (crm_activity_store_delete (f->db, later, &error));
    g_assert_cmpint (client_total (f->db, a, FALSE), ==, 1795000000);
    act->starts_at = 1700000000;                  /* moved earlier: no longer the last */
    g_assert_true (crm_activity_store_update (f->db, act, &error));
    g_assert_cmpint (client_total (f->db, a, FALSE), ==, 1790000000 + (3 * 11 % 7) * 3600);
    act->starts_at = 1797000000;
    act->client_id = b;
    g_assert_true (crm_activity_store_update (f->db, act, &error));
    g_assert_cmpint (client_total (f->db, b, FALSE), ==, 1797000000);
    act->state = CRM_STATE_CANCELLED;
    g_assert_true (crm_activity_store_update (f->db, act, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (client_total (f->db, b, FALSE), ==, 0);
  assert_totals_exact (f->db);

  /* Deleted with undo and put back: the totals are counted once. */
  {
    gint64 id = f->clients[0];
    gint64 revenue = client_total (f->db, id, TRUE);
    gint64 contact = client_total (f->db, id, FALSE);
    g_autoptr(CrmClientSnapshot) snapshot = crm_client_store_delete_with_snapshot (f->db, id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (revenue, ==, 500);
    g_assert_true (crm_client_store_restore (f->db, snapshot, &error));
    g_assert_no_error (error);
    g_assert_cmpint (client_total (f->db, id, TRUE), ==, revenue);
    g_assert_cmpint (client_total (f->db, id, FALSE), ==, contact);
  }
  assert_totals_exact (f->db);
}

/* Every order with every filter reads the client table through an index:
 * no line of the plan scans it whole. */
static void
test_orders_use_indexes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_database_analyze (f->db, &error));
  for (int sort = 0; sort < CRM_CLIENT_N_SORTS; sort++)
    for (int filter = 0; filter < 5; filter++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autofree char *plan = NULL;
          g_autofree char *next_plan = NULL;
          CrmClientCursor after = { g_strdup ("m"), 5, 20 };
          CrmClientQuery q;

          crm_client_query_init (&q);
          q.sort = sort;
          q.descending = descending;
          switch (filter)
            {
            case 1: q.search = "boris"; break;
            case 2: q.owner_id = f->anna; break;
            case 3: q.status = CRM_STATUS_LOST; break;
            case 4: q.source = CRM_SOURCE_WEBSITE; break;
            default: break;
            }
          plan = crm_client_store_explain_page (f->db, &q, NULL, &error);
          g_assert_no_error (error);
          next_plan = crm_client_store_explain_page (f->db, &q, &after, &error);
          g_assert_no_error (error);
          crm_client_cursor_clear (&after);
          g_test_message ("sort %d, filter %d, %s:\n%s", sort, filter, descending ? "descending" : "ascending",
                          plan);
          for (char **lines = (char *[]) { plan, next_plan }, **l = lines; l < lines + 2; l++)
            {
              g_auto(GStrv) rows = g_strsplit (*l, "\n", -1);
              for (guint i = 0; rows[i] != NULL; i++)
                g_assert_false (g_str_equal (rows[i], "SCAN c"));
            }
        }
}

/* Payments and complaints by manager, client and period [from, to), newest
 * first, with a limit. */
static void
test_filtered_lists (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPeriod) november = crm_period_new_month (2026, 11);
  g_autoptr(CrmPeriod) december = crm_period_new_month (2026, 12);
  g_autoptr(GPtrArray) list = NULL;
  CrmListFilter filter;

  /* The fixture: 36 payments of Anna on 2026-11-02, 8 of Boris on
   * 2026-12-01; one more of Boris on the last day of November. */
  add_payment (f->db, f->clients[1], f->boris, "2026-11-30", 70);
  crm_list_filter_init (&filter);
  list = crm_payment_store_list (f->db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 45);
  g_assert_cmpstr (((CrmPayment *) list->pdata[0])->paid_on, ==, "2026-12-01");
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.manager_id = f->boris;
  filter.period = november;
  list = crm_payment_store_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((CrmPayment *) list->pdata[0])->amount, ==, 70);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.period = december;                   /* [2026-12-01, 2027-01-01) */
  list = crm_payment_store_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 8);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.manager_id = 0;
  filter.client_id = f->clients[0];
  filter.period = NULL;
  list = crm_payment_store_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrmPayment *) list->pdata[0])->manager_id, ==, f->boris);      /* newest first */
  g_clear_pointer (&list, g_ptr_array_unref);

  crm_list_filter_init (&filter);
  filter.manager_id = f->anna;
  filter.limit = 5;
  list = crm_payment_store_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 1; i < list->len; i++)      /* same day: the later id first */
    g_assert_cmpint (((CrmPayment *) list->pdata[i - 1])->id, >, ((CrmPayment *) list->pdata[i])->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Complaints alike, by the day they were opened. */
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(CrmComplaint) c = crm_complaint_new ();
      c->client_id = f->clients[i % 2];
      c->manager_id = i < 4 ? f->anna : f->boris;
      c->opened_on = g_strdup_printf ("2026-%02u-15", 10 + i % 3);
      c->cost = 100 * (i + 1);
      g_assert_true (crm_complaint_store_create (f->db, c, &error));
      g_assert_no_error (error);
    }
  crm_list_filter_init (&filter);
  filter.period = november;
  list = crm_complaint_store_list (f->db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);                        /* i = 1 and 4 */
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.manager_id = f->anna;
  filter.client_id = f->clients[1];
  list = crm_complaint_store_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((CrmComplaint *) list->pdata[0])->cost, ==, 200);
  g_clear_pointer (&list, g_ptr_array_unref);
  crm_list_filter_init (&filter);
  filter.limit = 2;
  list = crm_complaint_store_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrmComplaint *) list->pdata[0])->cost, ==, 600);      /* 2026-12-15, the later */
  g_assert_cmpint (((CrmComplaint *) list->pdata[1])->cost, ==, 300);      /* 2026-12-15 */
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client-sorts/keyset-pages", Fixture, NULL, fixture_setup, test_keyset_pages, fixture_teardown);
  g_test_add ("/client-sorts/anchors", Fixture, NULL, fixture_setup, test_anchors, fixture_teardown);
  g_test_add ("/client-sorts/totals-follow-writes", Fixture, NULL, fixture_setup, test_totals_follow_writes,
              fixture_teardown);
  g_test_add ("/client-sorts/orders-use-indexes", Fixture, NULL, fixture_setup, test_orders_use_indexes,
              fixture_teardown);
  g_test_add ("/store/payments-and-complaints-by-filter", Fixture, NULL, fixture_setup, test_filtered_lists,
              fixture_teardown);

  return g_test_run ();
}
