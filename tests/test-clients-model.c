/* test-clients-model.c — the lazy list model of the Clients screen
 *
 * It reads the count and the pages around what is shown, never all rows;
 * a page asked for far away comes by anchor; a refresh keeps the objects of
 * the rows on screen and announces only what changed.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "crm-client-list-model.h"
#include "crm-client-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-clients-common.h"

#define N_CLIENTS 1000

typedef struct {
  guint position, removed, added, calls;
} Changes;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Changes *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

static CrmDatabase *
numbered_clients (guint n)
{
  CrmDatabase *db = clients_test_database ("model.db");
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_database_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %04u", i);
      clients_test_client (db, name, NULL, NULL, NULL, i % 2 ? CRM_STATUS_LEAD : CRM_STATUS_LOST, 0, NULL);
    }
  g_assert_true (crm_database_commit (db, &error));
  return db;
}

static const char *
name_at (GListModel *model, guint position, CrmClient **keep)
{
  CrmClient *c = g_list_model_get_item (model, position);

  if (keep != NULL)
    *keep = c;
  else
    g_object_unref (c);     /* the model still holds it */
  return c->name;
}

static void
test_pages (void)
{
  g_autoptr(CrmDatabase) db = numbered_clients (N_CLIENTS);
  g_autoptr(CrmClientListModel) model = crm_client_list_model_new ();
  g_autoptr(CrmClient) far = NULL;
  g_autoptr(CrmClient) passed = NULL;
  CrmClientQuery query;

  crm_client_list_model_set_database (model, db);
  g_assert_true (crm_client_list_model_get_loading (model));
  clients_test_wait_list (model);

  /* The count, and the first page only. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CLIENTS);
  g_assert_cmpuint (crm_client_list_model_get_n_loaded (model), ==, CRM_CLIENT_LIST_PAGE_SIZE);
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 0, NULL), ==, "Client 0000");
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 199, NULL), ==, "Client 0199");

  /* Far away: an empty row at once, filled in place when its page comes. */
  far = g_list_model_get_item (G_LIST_MODEL (model), 950);
  g_assert_cmpint (far->id, ==, 0);
  clients_test_wait_list (model);
  g_assert_cmpstr (far->name, ==, "Client 0950");
  g_assert_cmpuint (crm_client_list_model_get_n_loaded (model), ==, 2 * CRM_CLIENT_LIST_PAGE_SIZE);

  /* A row asked for and let go before its turn (scrolled past) is not read. */
  passed = g_list_model_get_item (G_LIST_MODEL (model), 500);
  g_clear_object (&passed);
  clients_test_wait_list (model);
  g_assert_cmpuint (crm_client_list_model_get_n_loaded (model), ==, 2 * CRM_CLIENT_LIST_PAGE_SIZE);
  g_assert_cmpuint (crm_client_list_model_find (model, 501), ==, G_MAXUINT);

  /* Another order starts again from the first page. */
  crm_client_query_init (&query);
  query.sort = CRM_CLIENT_SORT_STATUS;
  query.descending = TRUE;
  crm_client_list_model_set_query (model, &query);
  clients_test_wait_list (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CLIENTS);
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 0, NULL), ==, "Client 0998");   /* lost (even numbers) first, descending */
  g_assert_cmpuint (crm_client_list_model_get_n_loaded (model), ==, CRM_CLIENT_LIST_PAGE_SIZE);

  /* A search: the count and the rows of the matches. */
  query.search = "client 012";
  crm_client_list_model_set_query (model, &query);
  clients_test_wait_list (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_null (crm_client_list_model_get_error (model));

  /* Its connections closed (the screen not shown), the next query opens
   * one again. */
  crm_client_list_model_release (model);
  query.search = "client 013";
  crm_client_list_model_set_query (model, &query);
  clients_test_wait_list (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_null (crm_client_list_model_get_error (model));
}

static void
test_refresh_in_place (void)
{
  g_autoptr(CrmDatabase) db = numbered_clients (N_CLIENTS);
  g_autoptr(CrmClientListModel) model = crm_client_list_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmClient) row5 = NULL;
  g_autoptr(CrmClient) row900 = NULL;
  g_autoptr(CrmClient) edit = NULL;
  Changes changes = { 0 };
  gint64 id3;

  crm_client_list_model_set_database (model, db);
  clients_test_wait_list (model);
  name_at (G_LIST_MODEL (model), 5, &row5);
  name_at (G_LIST_MODEL (model), 900, &row900);
  clients_test_wait_list (model);
  g_assert_cmpstr (row900->name, ==, "Client 0900");
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* An edit that keeps the order: the same object shows it, nothing moves. */
  edit = crm_client_store_get (db, row5->id, &error);
  g_free (edit->company);
  edit->company = g_strdup ("Renamed Ltd");
  g_assert_true (crm_client_store_update (db, edit, &error));
  crm_client_list_model_refresh (model);
  clients_test_wait_list (model);
  g_assert_cmpstr (row5->company, ==, "Renamed Ltd");
  g_assert_cmpuint (changes.calls, ==, 0);

  /* A deletion: the rows after it move up, the objects stay. */
  {
    g_autoptr(CrmClient) third = g_list_model_get_item (G_LIST_MODEL (model), 3);
    id3 = third->id;
  }
  g_assert_true (crm_client_store_delete (db, id3, &error));
  crm_client_list_model_refresh (model);
  clients_test_wait_list (model);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.removed, ==, changes.added + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CLIENTS - 1);
  g_assert_cmpuint (crm_client_list_model_find (model, row5->id), ==, 4);
  g_assert_cmpuint (crm_client_list_model_find (model, row900->id), ==, 899);
  {
    g_autoptr(CrmClient) at4 = g_list_model_get_item (G_LIST_MODEL (model), 4);
    g_assert_true (at4 == row5);
    g_assert_cmpstr (name_at (G_LIST_MODEL (model), 3, NULL), ==, "Client 0004");
  }
}

/* A list of 5,000 in a real column view: scrolling to the end shows the
 * last clients, and only the pages on screen were read. */
static gboolean
last_row_read (gpointer data)
{
  g_autoptr(CrmClient) last = g_list_model_get_item (G_LIST_MODEL (data), 4999);

  clients_test_wait_list (data);
  return last != NULL && last->name != NULL;
}

static void
test_scroll_view (void)
{
  g_autoptr(CrmDatabase) db = numbered_clients (5000);
  g_autoptr(CrmClientListModel) model = crm_client_list_model_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkWidget *view;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adj;
  g_autoptr(CrmClient) last = NULL;

  crm_client_list_model_set_database (model, db);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model)));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (selection)));
  {
    g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new ("Name", factory);
    gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
  }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 400);
  gtk_window_present (GTK_WINDOW (window));
  clients_test_wait_list (model);

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  /* The view asks for the rows it shows, the model reads their page. */
  g_assert_true (crm_test_wait_for (last_row_read, model, 30));
  last = g_list_model_get_item (G_LIST_MODEL (model), 4999);
  g_assert_cmpstr (last->name, ==, "Client 4999");
  g_assert_cmpuint (crm_client_list_model_get_n_loaded (model), <, 5000 / 2);
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
}

/* Dropping the model while its worker reads does no harm. */
static void
test_dispose_while_loading (void)
{
  g_autoptr(CrmDatabase) db = numbered_clients (N_CLIENTS);
  CrmClientListModel *model = crm_client_list_model_new ();

  crm_client_list_model_set_database (model, db);
  crm_test_iterate ();
  g_object_unref (model);
  for (int i = 0; i < 50; i++)
    {
      crm_test_iterate ();
      g_usleep (2000);
    }
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/clients-model/pages", test_pages);
  g_test_add_func ("/clients-model/refresh-in-place", test_refresh_in_place);
  g_test_add_func ("/clients-model/scroll-view", test_scroll_view);
  g_test_add_func ("/clients-model/dispose-while-loading", test_dispose_while_loading);

  return g_test_run ();
}
