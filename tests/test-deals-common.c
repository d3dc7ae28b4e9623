/* test-deals-common.c — the Deals suite's fixture and helpers: a window with
 * the Deals screen on a fresh database, deals made at a given time, the
 * columns and the list read as a person would see them
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include <adwaita.h>
#include "crm-client-store.h"
#include "crm-deal-close-dialog.h"
#include "crm-deal-column.h"
#include "crm-deal-store.h"
#include "crm-deals-list.h"
#include "crm-deals-load.h"
#include "crm-deals-page.h"
#include "crm-manager-picker.h"
#include "crm-manager-store.h"
#include "crm-period.h"
#include "crm-pipeline-store.h"
#include "crm-screen.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-deals-common.h"

gint64
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();

  m->name = g_strdup (name);
  m->active = TRUE;
  g_assert_true (crm_manager_store_create (db, m, NULL));
  return m->id;
}

/* 200 days ago: when the deals of the tests were made. */
gint64
long_ago (void)
{
  return g_get_real_time () / G_USEC_PER_SEC - 200 * 86400;
}

/* A deal made (and in its stage since) @changed_at. */
gint64
add_deal_at (Fixture *f, gint64 manager, const char *title, CrmDealStage stage, gint64 amount, gint64 changed_at)
{
  g_autoptr(CrmDeal) d = crm_deal_new ();
  g_autoptr(GError) error = NULL;

  d->manager_id = manager;
  d->client_id = f->client;
  d->title = g_strdup (title);
  d->amount = amount;
  d->stage = stage;
  d->probability = crm_deal_stage_default_probability (stage);
  d->expected_close = g_strdup ("2030-01-15");
  d->created_at = changed_at;
  g_assert_true (crm_deal_store_create (f->db, d, &error));
  g_assert_no_error (error);
  return d->id;
}

gint64
add_deal (Fixture *f, gint64 manager, const char *title, CrmDealStage stage, gint64 amount)
{
  return add_deal_at (f, manager, title, stage, amount, long_ago ());
}

char *
days_ago (int days)
{
  GDate d;

  crm_date_set_today (&d);
  g_date_subtract_days (&d, days);
  return crm_date_to_iso (&d);
}

void
add_closed (Fixture *f, gint64 manager, CrmDealStage stage, int days, gint64 amount)
{
  gint64 id = add_deal (f, manager, "Closed deal", CRM_STAGE_NEGOTIATION, amount);
  g_autofree char *on = days_ago (days);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_deal_store_set_stage (f->db, id, stage, on, stage == CRM_STAGE_LOST ? "Price" : NULL, 0, &error));
  g_assert_no_error (error);
}

gboolean
page_loaded (gpointer data)
{
  return !crm_deals_page_is_loading (CRM_DEALS_PAGE (data));
}

void
wait_loaded (Fixture *f)
{
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (page_loaded, f->page, 30));
  crm_test_iterate ();
}

void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmClient) c = crm_client_new ();

  f->path = crm_test_tmp_path ("deals.db");
  f->db = crm_database_new (f->path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);
  f->anna = add_manager (f->db, "Anna");
  f->boris = add_manager (f->db, "Boris");
  c->name = g_strdup ("Northwind");
  g_assert_true (crm_client_store_create (f->db, c, &error));
  f->client = c->id;

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  f->page = CRM_DEALS_PAGE (crm_deals_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (f->window));
  crm_test_iterate ();
  g_clear_object (&f->db);
  g_free (f->path);
}

void
start (Fixture *f)
{
  crm_deals_page_set_database (f->page, f->db);
  wait_loaded (f);
}

GListModel *
column_model (Fixture *f, CrmDealStage stage)
{
  return G_LIST_MODEL (crm_deal_column_get_store (CRM_DEAL_COLUMN (crm_deals_page_get_column (f->page, stage))));
}

CrmDeal *
find_in_column (Fixture *f, CrmDealStage stage, gint64 id)
{
  GListModel *model = column_model (f, stage);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmDeal) d = g_list_model_get_item (model, i);
      if (d->id == id)
        return d;               /* the store keeps a reference */
    }
  return NULL;
}

const char *
total_text (Fixture *f, CrmDealStage stage)
{
  return gtk_label_get_label (GTK_LABEL (crm_test_find_by_name (crm_deals_page_get_column (f->page, stage),
                                                                "total_label")));
}

/* "Showing N of M" below a column, NULL when it shows every deal. */
const char *
shown_text (Fixture *f, CrmDealStage stage)
{
  GtkWidget *column = crm_deals_page_get_column (f->page, stage);

  if (!gtk_widget_get_visible (crm_test_find_by_name (column, "more_box")))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (crm_test_find_by_name (column, "shown_label")));
}

const char *
list_shown_text (CrmDealsList *list)
{
  if (!gtk_widget_get_visible (crm_test_find_by_name (GTK_WIDGET (list), "more_box")))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (crm_test_find_by_name (GTK_WIDGET (list), "shown_label")));
}

/* Clicks "Show More" below a column, and waits for the page. */
void
show_more (Fixture *f, CrmDealStage stage)
{
  GtkWidget *button = crm_test_find_by_name (crm_deals_page_get_column (f->page, stage), "more_button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_loaded (f);
}

void
list_show_more (Fixture *f, CrmDealsList *list)
{
  g_signal_emit_by_name (crm_test_find_by_name (GTK_WIDGET (list), "more_button"), "clicked");
  wait_loaded (f);
}

/* @model holds the first deals of @expected, in its order. */
void
assert_same_ids (GListModel *model, GPtrArray *expected)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, <=, expected->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmDeal) d = g_list_model_get_item (model, i);
      g_assert_cmpint (d->id, ==, ((CrmDeal *) expected->pdata[i])->id);
    }
}

/* The column holds the first deals of its stage in the store's order,
 * each once. */
void
assert_column_in_store_order (Fixture *f, CrmDealStage stage)
{
  g_autofree char *since = crm_deals_closed_since ();
  g_autoptr(GPtrArray) all = crm_pipeline_store_column_page (f->db, 0, stage, since, NULL, 100000, NULL);

  g_assert_nonnull (all);
  assert_same_ids (column_model (f, stage), all);
}

/* Drops @deal on the column of @stage as a drag would: through the column's
 * GtkDropTarget and its "drop" signal. */
gboolean
drop_on (Fixture *f, CrmDeal *deal, CrmDealStage stage)
{
  GtkWidget *column = crm_deals_page_get_column (f->page, stage);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (column);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (c))
        target = GTK_DROP_TARGET (c);
    }
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (CRM_TYPE_DEAL, gtk_drop_target_get_gtypes (target, NULL)[0]));
  g_value_init (&value, CRM_TYPE_DEAL);
  g_value_set_object (&value, deal);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  crm_test_iterate ();
  return accepted;
}

CrmDealCloseDialog *
find_close_dialog (void)
{
  CrmDealCloseDialog *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_DEAL_CLOSE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

gboolean
history_has (CrmDatabase *db, gint64 deal_id, CrmDealStage from, CrmDealStage to)
{
  g_autoptr(GArray) history = crm_deal_store_history (db, deal_id, NULL);

  g_assert_nonnull (history);
  for (guint i = 0; i < history->len; i++)
    {
      CrmStageChange *c = &g_array_index (history, CrmStageChange, i);
      if (c->from_stage == (int) from && c->to_stage == (int) to)
        return TRUE;
    }
  return FALSE;
}

