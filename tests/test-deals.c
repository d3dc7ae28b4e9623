/* test-deals.c — the Deals screen, driven as a person would
 *
 * A card is dropped on another column through the column's real drop
 * target (the "drop" signal carries the deal as a drag would); moving to
 * won or lost goes through the closing dialog; the keys move the selected
 * card; the won and lost columns show only the recent deals. No column
 * and not the list holds every deal: they show a page, count them all, and
 * "Show More" appends the next page; the list sorts in SQL, a page at a
 * time, in every order it offers.
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

typedef struct {
  char         *path;
  CrmDatabase  *db;
  GtkWidget    *window;
  CrmDealsPage *page;
  gint64        anna, boris, client;
} Fixture;

static gint64
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();

  m->name = g_strdup (name);
  m->active = TRUE;
  g_assert_true (crm_manager_store_create (db, m, NULL));
  return m->id;
}

/* 200 days ago: when the deals of the tests were made. */
static gint64
long_ago (void)
{
  return g_get_real_time () / G_USEC_PER_SEC - 200 * 86400;
}

/* A deal made (and in its stage since) @changed_at. */
static gint64
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

static gint64
add_deal (Fixture *f, gint64 manager, const char *title, CrmDealStage stage, gint64 amount)
{
  return add_deal_at (f, manager, title, stage, amount, long_ago ());
}

static char *
days_ago (int days)
{
  GDate d;

  crm_date_set_today (&d);
  g_date_subtract_days (&d, days);
  return crm_date_to_iso (&d);
}

static void
add_closed (Fixture *f, gint64 manager, CrmDealStage stage, int days, gint64 amount)
{
  gint64 id = add_deal (f, manager, "Closed deal", CRM_STAGE_NEGOTIATION, amount);
  g_autofree char *on = days_ago (days);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_deal_store_set_stage (f->db, id, stage, on, stage == CRM_STAGE_LOST ? "Price" : NULL, 0, &error));
  g_assert_no_error (error);
}

static gboolean
page_loaded (gpointer data)
{
  return !crm_deals_page_is_loading (CRM_DEALS_PAGE (data));
}

static void
wait_loaded (Fixture *f)
{
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (page_loaded, f->page, 30));
  crm_test_iterate ();
}

static void
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

static void
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

static void
start (Fixture *f)
{
  crm_deals_page_set_database (f->page, f->db);
  wait_loaded (f);
}

static GListModel *
column_model (Fixture *f, CrmDealStage stage)
{
  return G_LIST_MODEL (crm_deal_column_get_store (CRM_DEAL_COLUMN (crm_deals_page_get_column (f->page, stage))));
}

static CrmDeal *
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

static const char *
total_text (Fixture *f, CrmDealStage stage)
{
  return gtk_label_get_label (GTK_LABEL (crm_test_find_by_name (crm_deals_page_get_column (f->page, stage),
                                                                "total_label")));
}

/* "Showing N of M" below a column, NULL when it shows every deal. */
static const char *
shown_text (Fixture *f, CrmDealStage stage)
{
  GtkWidget *column = crm_deals_page_get_column (f->page, stage);

  if (!gtk_widget_get_visible (crm_test_find_by_name (column, "more_box")))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (crm_test_find_by_name (column, "shown_label")));
}

static const char *
list_shown_text (CrmDealsList *list)
{
  if (!gtk_widget_get_visible (crm_test_find_by_name (GTK_WIDGET (list), "more_box")))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (crm_test_find_by_name (GTK_WIDGET (list), "shown_label")));
}

/* Clicks "Show More" below a column, and waits for the page. */
static void
show_more (Fixture *f, CrmDealStage stage)
{
  GtkWidget *button = crm_test_find_by_name (crm_deals_page_get_column (f->page, stage), "more_button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_loaded (f);
}

static void
list_show_more (Fixture *f, CrmDealsList *list)
{
  g_signal_emit_by_name (crm_test_find_by_name (GTK_WIDGET (list), "more_button"), "clicked");
  wait_loaded (f);
}

/* @model holds the first deals of @expected, in its order. */
static void
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
static void
assert_column_in_store_order (Fixture *f, CrmDealStage stage)
{
  g_autofree char *since = crm_deals_closed_since ();
  g_autoptr(GPtrArray) all = crm_pipeline_store_column_page (f->db, 0, stage, since, NULL, 100000, NULL);

  g_assert_nonnull (all);
  assert_same_ids (column_model (f, stage), all);
}

/* Drops @deal on the column of @stage as a drag would: through the column's
 * GtkDropTarget and its "drop" signal. */
static gboolean
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

static CrmDealCloseDialog *
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

static gboolean
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

static void
test_board_shows_stages (Fixture *f, gconstpointer data)
{
  GtkLabel *total;
  g_autofree char *text = NULL;

  add_deal (f, f->anna, "Alpha", CRM_STAGE_NEW, 100000);
  add_deal (f, f->boris, "Beta", CRM_STAGE_NEW, 250000);
  gint64 gamma = add_deal (f, f->anna, "Gamma", CRM_STAGE_PROPOSAL, 700000);
  start (f);

  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_PROPOSAL)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_WON)), ==, 0);
  /* The header says how many and how much (whole roubles, the default currency). */
  total = GTK_LABEL (crm_test_find_by_name (crm_deals_page_get_column (f->page, CRM_STAGE_NEW), "total_label"));
  text = g_strdup (gtk_label_get_label (total));
  g_assert_true (g_str_has_prefix (text, "2 · "));
  g_assert_nonnull (strstr (text, "3,500"));

  /* The list mode holds the same deals; Ctrl+L's action switches. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.toggle-view", NULL));
  {
    g_autofree char *view = NULL;
    CrmDealsList *list = CRM_DEALS_LIST (crm_test_find_widget (GTK_WIDGET (f->page), CRM_TYPE_DEALS_LIST));
    GtkColumnView *cv = GTK_COLUMN_VIEW (crm_deals_list_get_view (list));

    g_object_get (f->page, "view", &view, NULL);
    g_assert_cmpstr (view, ==, "list");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (cv))), ==, 3);

    /* The keys act on the row selected in the list too. */
    g_assert_true (crm_deals_list_select_deal (list, gamma));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.move-next", NULL));
    {
      crm_test_wait_for_writes (f->db);
      g_autoptr(CrmDeal) stored = crm_deal_store_get (f->db, gamma, NULL);
      g_assert_cmpint (stored->stage, ==, CRM_STAGE_NEGOTIATION);
    }
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (cv))), ==, 3);
    g_assert_cmpint (crm_deals_list_get_selected (list)->id, ==, gamma);
  }
}

/* What the card's own drag source hands over when a drag starts: the deal. */
static CrmDeal *
drag_from_card (Fixture *f, CrmDealStage stage, gint64 id)
{
  GtkWidget *card = crm_deal_column_get_card (CRM_DEAL_COLUMN (crm_deals_page_get_column (f->page, stage)), id);
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  GtkDragSource *source = NULL;
  GValue value = G_VALUE_INIT;
  CrmDeal *deal;

  g_assert_nonnull (card);
  controllers = gtk_widget_observe_controllers (card);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_DRAG_SOURCE (c))
        source = GTK_DRAG_SOURCE (c);
    }
  g_assert_nonnull (source);
  g_assert_cmpint (gtk_drag_source_get_actions (source), ==, GDK_ACTION_MOVE);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, CRM_TYPE_DEAL);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  deal = g_value_dup_object (&value);
  g_value_unset (&value);
  return deal;
}

static void
test_drag_to_stage (Fixture *f, gconstpointer data)
{
  gint64 id = add_deal (f, f->anna, "Service contract", CRM_STAGE_NEW, 500000);
  g_autoptr(CrmDeal) stored = NULL;
  g_autoptr(CrmDeal) card = NULL;

  start (f);
  g_assert_nonnull (find_in_column (f, CRM_STAGE_NEW, id));
  /* Picked up from its card, dropped on a column. */
  card = drag_from_card (f, CRM_STAGE_NEW, id);
  g_assert_cmpint (card->id, ==, id);

  /* Dropping on its own column does nothing. */
  g_assert_false (drop_on (f, card, CRM_STAGE_NEW));

  g_assert_true (drop_on (f, card, CRM_STAGE_PROPOSAL));
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_PROPOSAL);
  g_assert_true (history_has (f->db, id, CRM_STAGE_NEW, CRM_STAGE_PROPOSAL));
  /* The card is in its new column at once, and stays after the reload the
   * change signal brings. */
  g_assert_null (find_in_column (f, CRM_STAGE_NEW, id));
  g_assert_nonnull (find_in_column (f, CRM_STAGE_PROPOSAL, id));
  wait_loaded (f);
  g_assert_null (find_in_column (f, CRM_STAGE_NEW, id));
  g_assert_nonnull (find_in_column (f, CRM_STAGE_PROPOSAL, id));
  g_assert_cmpint (crm_deals_page_get_current (f->page)->id, ==, id);
}

static void
test_drop_on_lost_asks_reason (Fixture *f, gconstpointer data)
{
  gint64 id = add_deal (f, f->anna, "Fleet lease", CRM_STAGE_NEGOTIATION, 900000);
  g_autofree char *yesterday = days_ago (1);
  g_autoptr(CrmDeal) stored = NULL;
  CrmDealCloseDialog *dialog;
  GtkEditable *reason;

  start (f);
  g_assert_true (drop_on (f, find_in_column (f, CRM_STAGE_NEGOTIATION, id), CRM_STAGE_LOST));
  dialog = find_close_dialog ();
  g_assert_nonnull (dialog);
  /* Nothing moves before the answer; no reason, no closing. */
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_NEGOTIATION);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));

  reason = GTK_EDITABLE (crm_test_find_by_name (GTK_WIDGET (dialog), "reason_entry"));
  gtk_editable_set_text (reason, "  Chose a cheaper supplier ");
  crm_deal_close_dialog_set_closed_on (dialog, yesterday);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  crm_test_iterate ();

  g_clear_object (&stored);
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_LOST);
  g_assert_cmpstr (stored->lost_reason, ==, "Chose a cheaper supplier");
  g_assert_cmpstr (stored->closed_on, ==, yesterday);
  g_assert_true (history_has (f->db, id, CRM_STAGE_NEGOTIATION, CRM_STAGE_LOST));
  g_assert_nonnull (find_in_column (f, CRM_STAGE_LOST, id));
}

static void
test_won_date_checked_and_cancel (Fixture *f, gconstpointer data)
{
  gint64 id = add_deal (f, f->anna, "Printer fleet", CRM_STAGE_PROPOSAL, 120000);
  g_autofree char *long_ago = days_ago (400);
  g_autoptr(CrmDeal) stored = NULL;
  CrmDealCloseDialog *dialog;

  start (f);
  g_assert_true (drop_on (f, find_in_column (f, CRM_STAGE_PROPOSAL, id), CRM_STAGE_WON));
  dialog = find_close_dialog ();
  g_assert_nonnull (dialog);
  /* Today by default, which is fine for won; before the deal existed is not. */
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
  crm_deal_close_dialog_set_closed_on (dialog, long_ago);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));

  /* Cancelling leaves the deal where it was. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  crm_test_iterate ();
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_PROPOSAL);
  g_assert_nonnull (find_in_column (f, CRM_STAGE_PROPOSAL, id));
  g_assert_false (history_has (f->db, id, CRM_STAGE_PROPOSAL, CRM_STAGE_WON));
}

static void
test_keyboard_moves (Fixture *f, gconstpointer data)
{
  gint64 id = add_deal (f, f->anna, "Consulting", CRM_STAGE_QUALIFIED, 300000);
  CrmDealColumn *qualified;
  g_autoptr(CrmDeal) stored = NULL;
  GtkPopover *menu;

  start (f);
  /* Nothing selected: the move keys do nothing. */
  g_assert_null (crm_deals_page_get_current (f->page));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.move-next", NULL);
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_QUALIFIED);
  g_clear_object (&stored);
  qualified = CRM_DEAL_COLUMN (crm_deals_page_get_column (f->page, CRM_STAGE_QUALIFIED));
  g_assert_true (crm_deal_column_select_deal (qualified, id, TRUE));
  crm_test_iterate ();
  g_assert_nonnull (crm_deals_page_get_current (f->page));

  /* Ctrl+Shift+Right twice: Qualified → Meeting → Proposal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.move-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.move-next", NULL));
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_PROPOSAL);
  g_assert_true (history_has (f->db, id, CRM_STAGE_QUALIFIED, CRM_STAGE_MEETING));
  g_assert_true (history_has (f->db, id, CRM_STAGE_MEETING, CRM_STAGE_PROPOSAL));

  /* The menu's "Move to" names a stage. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.move-to", "s", "new"));
  g_clear_object (&stored);
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_NEW);
  /* Shift+F10 opens the card's menu; it closes again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.menu", NULL));
  crm_test_iterate ();
  menu = GTK_POPOVER (crm_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_POPOVER_MENU));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (menu)));
  gtk_popover_popdown (menu);
  crm_test_iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (menu)));
}

static void
test_manager_filter (Fixture *f, gconstpointer data)
{
  add_deal (f, f->anna, "Anna's", CRM_STAGE_NEW, 100);
  add_deal (f, f->boris, "Boris's", CRM_STAGE_NEW, 100);
  add_deal (f, f->boris, "Boris's too", CRM_STAGE_MEETING, 100);
  start (f);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 2);

  crm_manager_picker_set_manager_id (CRM_MANAGER_PICKER (crm_test_find_widget (GTK_WIDGET (f->page),
                                                                               CRM_TYPE_MANAGER_PICKER)),
                                     f->boris);
  wait_loaded (f);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_MEETING)), ==, 1);
  {
    g_autoptr(CrmDeal) d = g_list_model_get_item (column_model (f, CRM_STAGE_NEW), 0);
    g_assert_cmpstr (d->title, ==, "Boris's");
  }
}

/* Years of won deals: the column shows the recent ones, a page of them at
 * first, the header counts every deal closed in the period, and old ones
 * stay out of both. */
static void
test_closed_columns_are_limited (Fixture *f, gconstpointer data)
{
  CrmStageTotal totals[CRM_N_STAGES];
  g_autofree char *since = NULL;
  GListModel *won;

  for (int i = 0; i < 130; i++)
    add_closed (f, f->anna, CRM_STAGE_WON, i % 80, 1000);
  for (int i = 0; i < 5; i++)
    add_closed (f, f->anna, CRM_STAGE_WON, 150, 99999);
  add_closed (f, f->boris, CRM_STAGE_LOST, 3, 5000);
  start (f);

  won = column_model (f, CRM_STAGE_WON);
  g_assert_cmpuint (g_list_model_get_n_items (won), ==, CRM_DEALS_PAGE_SIZE);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_LOST)), ==, 1);
  {
    g_autoptr(CrmDeal) first = g_list_model_get_item (won, 0);
    g_autoptr(CrmDeal) last = g_list_model_get_item (won, CRM_DEALS_PAGE_SIZE - 1);
    g_autofree char *today = days_ago (0);
    g_assert_cmpstr (first->closed_on, ==, today);
    g_assert_cmpstr (first->closed_on, >=, last->closed_on);
  }
  g_assert_cmpstr (shown_text (f, CRM_STAGE_WON), ==, "Showing 100 of 130");
  g_assert_null (shown_text (f, CRM_STAGE_LOST));

  since = days_ago (89);
  g_assert_true (crm_pipeline_store_totals (f->db, 0, since, totals, NULL));
  g_assert_cmpint (totals[CRM_STAGE_WON].count, ==, 130);
  g_assert_cmpint (totals[CRM_STAGE_WON].amount, ==, 130000);
  g_assert_cmpint (totals[CRM_STAGE_LOST].count, ==, 1);
  g_assert_true (crm_pipeline_store_totals (f->db, f->boris, since, totals, NULL));
  g_assert_cmpint (totals[CRM_STAGE_WON].count, ==, 0);
  g_assert_cmpint (totals[CRM_STAGE_LOST].amount, ==, 5000);
  g_assert_true (g_str_has_prefix (total_text (f, CRM_STAGE_WON), "130 · "));

  /* The rest of the period, most recent first; never the old ones. */
  show_more (f, CRM_STAGE_WON);
  g_assert_cmpuint (g_list_model_get_n_items (won), ==, 130);
  assert_column_in_store_order (f, CRM_STAGE_WON);
  g_assert_null (shown_text (f, CRM_STAGE_WON));
}

/* A column with more deals than a page: the first page, in the board's
 * order, and the true count in the header; "Show More" appends the next
 * page, without a deal twice, until every one is there. */
static void
test_column_pages (Fixture *f, gconstpointer data)
{
  GListModel *model;

  for (int i = 0; i < 250; i++)
    add_deal_at (f, i % 2 ? f->anna : f->boris, "Paged", CRM_STAGE_NEW, 100 + i, long_ago () + (i % 40) * 3600);
  add_deal (f, f->anna, "Alone", CRM_STAGE_MEETING, 700);
  start (f);

  model = column_model (f, CRM_STAGE_NEW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, CRM_DEALS_PAGE_SIZE);
  g_assert_true (g_str_has_prefix (total_text (f, CRM_STAGE_NEW), "250 · "));
  g_assert_cmpstr (shown_text (f, CRM_STAGE_NEW), ==, "Showing 100 of 250");
  g_assert_null (shown_text (f, CRM_STAGE_MEETING));
  assert_column_in_store_order (f, CRM_STAGE_NEW);

  show_more (f, CRM_STAGE_NEW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 200);
  assert_column_in_store_order (f, CRM_STAGE_NEW);
  g_assert_cmpstr (shown_text (f, CRM_STAGE_NEW), ==, "Showing 200 of 250");

  show_more (f, CRM_STAGE_NEW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  assert_column_in_store_order (f, CRM_STAGE_NEW);
  g_assert_null (shown_text (f, CRM_STAGE_NEW));

  /* A reload (any change) keeps the deals shown, not a page. */
  add_deal (f, f->boris, "Latecomer", CRM_STAGE_QUALIFIED, 900);
  wait_loaded (f);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_QUALIFIED)), ==, 1);
}

/* Not shown, the board lets its cards and rows go; shown again, it reads
 * as many deals as each column showed, and the selected card is selected
 * again. Shown, it keeps everything. */
static void
test_release_when_hidden (Fixture *f, gconstpointer data)
{
  CrmDealColumn *column;
  GListModel *list = G_LIST_MODEL (crm_deals_list_get_store (CRM_DEALS_LIST (crm_test_find_widget (GTK_WIDGET (f->page),
                                                                                                    CRM_TYPE_DEALS_LIST))));
  g_autoptr(CrmDeal) chosen = NULL;
  CrmDeal *selected;

  for (int i = 0; i < 150; i++)
    add_deal_at (f, f->anna, "Paged", CRM_STAGE_NEW, 100 + i, long_ago () + i * 60);
  add_deal (f, f->boris, "Alone", CRM_STAGE_MEETING, 700);
  start (f);
  show_more (f, CRM_STAGE_NEW);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 150);
  column = CRM_DEAL_COLUMN (crm_deals_page_get_column (f->page, CRM_STAGE_NEW));
  chosen = g_list_model_get_item (column_model (f, CRM_STAGE_NEW), 120);
  g_assert_true (crm_deal_column_select_deal (column, chosen->id, FALSE));
  crm_test_iterate ();

  crm_screen_release (CRM_SCREEN (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 150);

  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  crm_test_iterate ();
  crm_screen_release (CRM_SCREEN (f->page));
  for (CrmDealStage stage = CRM_STAGE_NEW; stage <= CRM_STAGE_LOST; stage++)
    g_assert_cmpuint (g_list_model_get_n_items (column_model (f, stage)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  wait_loaded (f);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 150);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_MEETING)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, CRM_DEALS_PAGE_SIZE);
  selected = crm_deal_column_get_selected (column);
  g_assert_nonnull (selected);
  g_assert_cmpint (selected->id, ==, chosen->id);
  g_assert_true (crm_deals_page_get_current (f->page) == selected);
}

/* Moving deals out of a column that shows a page: with the keys from the
 * first page, by dragging one that "Show More" brought. */
static void
test_move_from_paged_column (Fixture *f, gconstpointer data)
{
  CrmDealColumn *column;
  g_autoptr(CrmDeal) keyed = NULL;
  g_autoptr(CrmDeal) dragged = NULL;
  g_autoptr(CrmDeal) stored = NULL;

  for (int i = 0; i < 150; i++)
    add_deal_at (f, f->anna, "Paged", CRM_STAGE_NEW, 100 + i, long_ago () + i * 60);
  start (f);

  column = CRM_DEAL_COLUMN (crm_deals_page_get_column (f->page, CRM_STAGE_NEW));
  keyed = g_list_model_get_item (column_model (f, CRM_STAGE_NEW), 40);
  g_assert_true (crm_deal_column_select_deal (column, keyed->id, TRUE));
  crm_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.move-next", NULL));

  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, keyed->id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_QUALIFIED);
  g_assert_true (history_has (f->db, keyed->id, CRM_STAGE_NEW, CRM_STAGE_QUALIFIED));
  /* At once: out of its column, first in the next, counted there; the
   * keys still act on it. */
  g_assert_null (find_in_column (f, CRM_STAGE_NEW, keyed->id));
  g_assert_nonnull (find_in_column (f, CRM_STAGE_QUALIFIED, keyed->id));
  g_assert_true (g_str_has_prefix (total_text (f, CRM_STAGE_NEW), "149 · "));
  g_assert_true (g_str_has_prefix (total_text (f, CRM_STAGE_QUALIFIED), "1 · "));
  g_assert_cmpint (crm_deals_page_get_current (f->page)->id, ==, keyed->id);
  /* And after the reload the change brings. */
  wait_loaded (f);
  g_assert_null (find_in_column (f, CRM_STAGE_NEW, keyed->id));
  g_assert_nonnull (find_in_column (f, CRM_STAGE_QUALIFIED, keyed->id));
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, CRM_DEALS_PAGE_SIZE);
  assert_column_in_store_order (f, CRM_STAGE_NEW);
  g_assert_cmpint (crm_deals_page_get_current (f->page)->id, ==, keyed->id);

  /* A card of the second page, dropped on another column. */
  show_more (f, CRM_STAGE_NEW);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 149);
  dragged = g_list_model_get_item (column_model (f, CRM_STAGE_NEW), 140);
  g_assert_true (drop_on (f, dragged, CRM_STAGE_PROPOSAL));
  g_clear_object (&stored);
  crm_test_wait_for_writes (f->db);
  stored = crm_deal_store_get (f->db, dragged->id, NULL);
  g_assert_cmpint (stored->stage, ==, CRM_STAGE_PROPOSAL);
  g_assert_null (find_in_column (f, CRM_STAGE_NEW, dragged->id));
  g_assert_nonnull (find_in_column (f, CRM_STAGE_PROPOSAL, dragged->id));
  wait_loaded (f);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (f, CRM_STAGE_NEW)), ==, 148);
  assert_column_in_store_order (f, CRM_STAGE_NEW);
  g_assert_cmpint (crm_deals_page_get_current (f->page)->id, ==, dragged->id);
}

/* A click on the Amount header: the list holds the first page in the
 * order the store's SQL gives (largest first, then by number), and "Show
 * More" the rest of it. */
static void
test_list_sorts_by_amount (Fixture *f, gconstpointer data)
{
  CrmDealsList *list;
  GtkColumnView *cv;
  g_autoptr(GtkColumnViewColumn) amount_column = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree char *since = days_ago (89);
  CrmDealQuery query = { 0 };
  GListModel *rows;

  for (int i = 0; i < 140; i++)
    add_deal (f, i % 3 ? f->anna : f->boris, "Sorted", i % 5, (i * 7919) % 1000 * 100);
  add_closed (f, f->anna, CRM_STAGE_WON, 2, 999999);
  add_closed (f, f->anna, CRM_STAGE_LOST, 200, 1000000);     /* too old to be shown */
  start (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "deals.toggle-view", NULL));
  list = CRM_DEALS_LIST (crm_test_find_widget (GTK_WIDGET (f->page), CRM_TYPE_DEALS_LIST));
  cv = GTK_COLUMN_VIEW (crm_deals_list_get_view (list));
  rows = G_LIST_MODEL (gtk_column_view_get_model (cv));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, CRM_DEALS_PAGE_SIZE);
  g_assert_cmpstr (list_shown_text (list), ==, "Showing 100 of 141");

  amount_column = g_list_model_get_item (gtk_column_view_get_columns (cv), 3);
  g_assert_cmpstr (gtk_column_view_column_get_title (amount_column), ==, "Amount");
  gtk_column_view_sort_by_column (cv, amount_column, GTK_SORT_DESCENDING);
  wait_loaded (f);

  query.closed_since = since;
  query.order = CRM_DEAL_ORDER_AMOUNT;
  query.descending = TRUE;
  expected = crm_pipeline_store_list_page (f->db, &query, NULL, 1000, NULL);
  g_assert_cmpuint (expected->len, ==, 141);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, CRM_DEALS_PAGE_SIZE);
  assert_same_ids (rows, expected);
  {
    g_autoptr(CrmDeal) first = g_list_model_get_item (rows, 0);
    g_assert_cmpint (first->amount, ==, 999999);
  }
  for (guint i = 1; i < expected->len; i++)
    {
      CrmDeal *a = expected->pdata[i - 1], *b = expected->pdata[i];
      g_assert_true (a->amount > b->amount || (a->amount == b->amount && a->id > b->id));
    }

  list_show_more (f, list);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 141);
  assert_same_ids (rows, expected);
  g_assert_null (list_shown_text (list));

  /* The other way round, from the top. */
  gtk_column_view_sort_by_column (cv, amount_column, GTK_SORT_ASCENDING);
  wait_loaded (f);
  g_clear_pointer (&expected, g_ptr_array_unref);
  query.descending = FALSE;
  expected = crm_pipeline_store_list_page (f->db, &query, NULL, CRM_DEALS_PAGE_SIZE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, CRM_DEALS_PAGE_SIZE);
  assert_same_ids (rows, expected);
  {
    g_autoptr(CrmDeal) first = g_list_model_get_item (rows, 0);
    g_assert_cmpint (first->amount, ==, 0);
  }
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

  g_test_add ("/deals/board-shows-stages", Fixture, NULL, fixture_set_up, test_board_shows_stages, fixture_tear_down);
  g_test_add ("/deals/drag-to-stage", Fixture, NULL, fixture_set_up, test_drag_to_stage, fixture_tear_down);
  g_test_add ("/deals/drop-on-lost-asks-reason", Fixture, NULL, fixture_set_up, test_drop_on_lost_asks_reason,
              fixture_tear_down);
  g_test_add ("/deals/won-date-checked-and-cancel", Fixture, NULL, fixture_set_up,
              test_won_date_checked_and_cancel, fixture_tear_down);
  g_test_add ("/deals/keyboard-moves", Fixture, NULL, fixture_set_up, test_keyboard_moves, fixture_tear_down);
  g_test_add ("/deals/manager-filter", Fixture, NULL, fixture_set_up, test_manager_filter, fixture_tear_down);
  g_test_add ("/deals/closed-columns-are-limited", Fixture, NULL, fixture_set_up,
              test_closed_columns_are_limited, fixture_tear_down);
  g_test_add ("/deals/column-pages", Fixture, NULL, fixture_set_up, test_column_pages, fixture_tear_down);
  g_test_add ("/deals/release-when-hidden", Fixture, NULL, fixture_set_up, test_release_when_hidden, fixture_tear_down);
  g_test_add ("/deals/move-from-paged-column", Fixture, NULL, fixture_set_up, test_move_from_paged_column,
              fixture_tear_down);
  g_test_add ("/deals/list-sorts-by-amount", Fixture, NULL, fixture_set_up, test_list_sorts_by_amount,
              fixture_tear_down);

  return g_test_run ();
}
