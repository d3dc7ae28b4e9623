/* test-clients-sort.c — the Clients list sorted by a click on a header
 *
 * Five clients made by hand, with a company, source, last contact, revenue
 * and day added each; each header sorts the list by its column, either way,
 * and the rows come in the order worked out here.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "crm-activity-store.h"
#include "crm-client-store.h"
#include "crm-payment-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-clients-common.h"

typedef struct {
  const char     *name;
  const char     *company;
  CrmClientSource source;
  const char     *added;        /* the day the client was added */
  gint64          paid[2];      /* payments, 0 for none */
  const char     *contact;      /* the day of its last done call, NULL for none */
} Sample;

static const Sample samples[] = {
  { "Anna", "Zeta", CRM_SOURCE_WEBSITE, "2026-03-05", { 100, 200 }, "2026-11-10" },
  { "Boris", "acme", CRM_SOURCE_INBOUND_CALL, "2026-01-10", { 0, 0 }, NULL },
  { "Clara", "Бета", CRM_SOURCE_REFERRAL, "2026-02-01", { 5000, 0 }, "2026-11-20" },
  { "Dmitry", "Acme Group", CRM_SOURCE_OTHER, "2026-04-01", { 1200, 0 }, "2026-10-01" },
  { "Eva", "", CRM_SOURCE_OUTBOUND_CALL, "2026-01-20", { 300, 0 }, "2026-11-15" },
};

static gint64
unix_of (const char *day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT12:00:00", day);

  dt = g_date_time_new_from_iso8601 (iso, tz);
  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static CrmDatabase *
sample_database (void)
{
  CrmDatabase *db = clients_test_database ("sort.db");
  gint64 manager = clients_test_manager (db, "Anna Petrova");
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(CrmClient) c = crm_client_new ();

      c->name = g_strdup (samples[i].name);
      c->company = g_strdup (samples[i].company);
      c->source = samples[i].source;
      c->created_at = unix_of (samples[i].added);
      g_assert_true (crm_client_store_create (db, c, &error));
      g_assert_no_error (error);
      for (guint k = 0; k < G_N_ELEMENTS (samples[i].paid) && samples[i].paid[k] > 0; k++)
        {
          g_autoptr(CrmPayment) p = crm_payment_new ();
          p->client_id = c->id;
          p->manager_id = manager;
          p->paid_on = g_strdup ("2026-11-02");
          p->amount = samples[i].paid[k];
          g_assert_true (crm_payment_store_create (db, p, &error));
          g_assert_no_error (error);
        }
      if (samples[i].contact != NULL)
        {
          g_autoptr(CrmActivity) a = crm_activity_new ();
          a->type = CRM_ACTIVITY_CALL;
          a->client_id = c->id;
          a->manager_id = manager;
          a->starts_at = unix_of (samples[i].contact);
          a->duration_min = 5;
          a->state = CRM_STATE_DONE;
          g_assert_true (crm_activity_store_create (db, a, &error));
          g_assert_no_error (error);
        }
    }
  return db;
}

/* Sorts by the column titled @title, as a click on its header does (the
 * first click ascending, the next descending). */
static void
sort_by (CrmClientsPage *page, const char *title, GtkSortType direction)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (crm_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) != 0)
        continue;
      /* The header is clickable: the column has a sorter. */
      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
      gtk_column_view_sort_by_column (view, column, direction);
      found = TRUE;
    }
  g_assert_true (found);
  clients_test_wait_list (crm_clients_page_get_model (page));
}

static void
assert_order (CrmClientsPage *page, const char *expected)
{
  GListModel *model = G_LIST_MODEL (crm_clients_page_get_model (page));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmClient) c = g_list_model_get_item (model, i);
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", c->name);
    }
  g_assert_cmpstr (names->str, ==, expected);
}

typedef struct {
  const char *title;
  const char *ascending;
  const char *descending;
} Order;

static void
test_click_each_header (void)
{
  g_autoptr(CrmDatabase) db = sample_database ();
  CrmClientsPage *page = clients_test_open_page (db, 1800, 700);
  /* Folded companies: "" < "acme" < "acme group" < "zeta" < "бета";
   * sources by their codes: inbound_call < other < outbound_call <
   * referral < website; no contact first; Anna and Eva paid 300 each and
   * Anna came first. */
  static const Order orders[] = {
    { "Company", "Eva Boris Dmitry Anna Clara", "Clara Anna Dmitry Boris Eva" },
    { "Source", "Boris Dmitry Eva Clara Anna", "Anna Clara Eva Dmitry Boris" },
    { "Last Contact", "Boris Dmitry Anna Eva Clara", "Clara Eva Anna Dmitry Boris" },
    { "Revenue", "Boris Anna Eva Dmitry Clara", "Clara Dmitry Eva Anna Boris" },
    { "Added", "Boris Eva Clara Anna Dmitry", "Dmitry Anna Clara Eva Boris" },
    { "Name", "Anna Boris Clara Dmitry Eva", "Eva Dmitry Clara Boris Anna" },
  };

  assert_order (page, "Anna Boris Clara Dmitry Eva");
  for (gsize i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_test_message ("%s", orders[i].title);
      sort_by (page, orders[i].title, GTK_SORT_ASCENDING);
      assert_order (page, orders[i].ascending);
      sort_by (page, orders[i].title, GTK_SORT_DESCENDING);
      assert_order (page, orders[i].descending);
    }

  /* The order follows the data: a payment moves Boris to the top of the
   * revenue order. */
  sort_by (page, "Revenue", GTK_SORT_DESCENDING);
  assert_order (page, "Clara Dmitry Eva Anna Boris");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmPayment) p = crm_payment_new ();
    CrmClientQuery q;
    g_autoptr(GPtrArray) boris = NULL;

    crm_client_query_init (&q);
    q.search = "Boris";
    boris = crm_client_store_page (db, &q, NULL, 1, &error);
    p->client_id = ((CrmClient *) boris->pdata[0])->id;
    p->manager_id = 1;
    p->paid_on = g_strdup ("2026-11-30");
    p->amount = 9000;
    g_assert_true (crm_payment_store_create (db, p, &error));
    g_assert_no_error (error);
  }
  clients_test_wait_list (crm_clients_page_get_model (page));
  assert_order (page, "Boris Clara Dmitry Eva Anna");
  clients_test_close_toplevels ();
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/clients/sort/click-each-header", test_click_each_header);

  return g_test_run ();
}
