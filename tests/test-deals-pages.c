/* test-deals-pages.c — the Deals screen never holds every deal: the won and
 * lost columns show only the recent ones, each column and the list show a
 * page and count them all, "Show More" appends the next, hidden screens let
 * go of what they read, and the list sorts in SQL a page at a time
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

void
test_deals_add_page_tests (void)
{
  g_test_add ("/deals/closed-columns-are-limited", Fixture, NULL, fixture_set_up,
              test_closed_columns_are_limited, fixture_tear_down);
  g_test_add ("/deals/column-pages", Fixture, NULL, fixture_set_up, test_column_pages, fixture_tear_down);
  g_test_add ("/deals/release-when-hidden", Fixture, NULL, fixture_set_up, test_release_when_hidden, fixture_tear_down);
  g_test_add ("/deals/move-from-paged-column", Fixture, NULL, fixture_set_up, test_move_from_paged_column,
              fixture_tear_down);
  g_test_add ("/deals/list-sorts-by-amount", Fixture, NULL, fixture_set_up, test_list_sorts_by_amount,
              fixture_tear_down);
}
