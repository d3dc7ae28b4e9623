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

#include "test-deals-common.h"

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
  test_deals_add_page_tests ();

  return g_test_run ();
}
