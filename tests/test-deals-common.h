/* test-deals-common.h — the Deals suite's fixture and helpers (test-deals.c,
 * test-deals-pages.c)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-deal-close-dialog.h"
#include "crm-deal-store.h"
#include "crm-deals-list.h"
#include "crm-deals-page.h"

typedef struct {
  char         *path;
  CrmDatabase  *db;
  GtkWidget    *window;
  CrmDealsPage *page;
  gint64        anna, boris, client;
} Fixture;

gint64 add_manager (CrmDatabase *db, const char *name);
gint64 long_ago (void);
gint64 add_deal_at (Fixture *f, gint64 manager, const char *title, CrmDealStage stage, gint64 amount, gint64 changed_at);
gint64 add_deal (Fixture *f, gint64 manager, const char *title, CrmDealStage stage, gint64 amount);
char *days_ago (int days);
void add_closed (Fixture *f, gint64 manager, CrmDealStage stage, int days, gint64 amount);
gboolean page_loaded (gpointer data);
void wait_loaded (Fixture *f);
void fixture_set_up (Fixture *f, gconstpointer data);
void fixture_tear_down (Fixture *f, gconstpointer data);
void start (Fixture *f);
GListModel *column_model (Fixture *f, CrmDealStage stage);
CrmDeal *find_in_column (Fixture *f, CrmDealStage stage, gint64 id);
const char *total_text (Fixture *f, CrmDealStage stage);
const char *shown_text (Fixture *f, CrmDealStage stage);
const char *list_shown_text (CrmDealsList *list);
void show_more (Fixture *f, CrmDealStage stage);
void list_show_more (Fixture *f, CrmDealsList *list);
void assert_same_ids (GListModel *model, GPtrArray *expected);
void assert_column_in_store_order (Fixture *f, CrmDealStage stage);
gboolean drop_on (Fixture *f, CrmDeal *deal, CrmDealStage stage);
CrmDealCloseDialog *find_close_dialog (void);
gboolean history_has (CrmDatabase *db, gint64 deal_id, CrmDealStage from, CrmDealStage to);

/* test-deals-pages.c */
void test_deals_add_page_tests (void);
