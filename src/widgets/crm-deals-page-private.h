/* crm-deals-page-private.h — what the files of the Deals screen share
 *
 * crm-deals-page.c: the screen, its views and actions, moving a deal;
 * crm-deals-page-load.c: reading the board and the list, "Show More" and
 * the list's order.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-deal-column.h"
#include "crm-deals-list.h"
#include "crm-deals-load.h"
#include "crm-deals-page.h"
#include "crm-manager-picker.h"

G_BEGIN_DECLS

struct _CrmDealsPage {
  GtkBox            parent_instance;

  /* template children */
  CrmManagerPicker *manager_picker;
  GtkSpinner       *spinner;
  GtkLabel         *summary_label;
  GtkStack         *view_stack;
  GtkScrolledWindow *board_scroller;
  GtkBox           *board_box;
  CrmDealsList     *deals_list;
  AdwStatusPage    *empty_page;

  GtkPopoverMenu   *menu_popover;
  AdwToast         *toast;             /* the last one shown, weak */
  CrmDealColumn    *columns[CRM_N_STAGES];
  CrmDealColumn    *current_column;

  CrmDatabase      *database;
  GCancellable     *cancellable;
  GCancellable     *more[CRM_N_STAGES + 1];  /* "Show More" of each column, then of the list */
  gint64            load_started;
  char             *view;              /* "board" or "list" */
  char             *currency;
  char             *closed_since;
  CrmStageTotal     totals[CRM_N_STAGES];
  gint64            loaded_manager;    /* whose deals the lists hold */
  CrmDealOrder      list_order;        /* the order the list holds them in */
  gboolean          list_descending;
  gboolean          dirty;
  gboolean          loaded;
  gboolean          released;          /* the lists let go while not shown */
  guint             kept_n[CRM_N_STAGES + 1];         /* how many deals each list showed then */
  gint64            kept_selected[CRM_N_STAGES + 1];  /* and its selected deal, 0: none */
  gboolean          focus_card;        /* shown before its deals: a card gets the focus when they come */
};

#define LIST_SLOT CRM_N_STAGES

void crm_deals_page_reload                 (CrmDealsPage  *self);
void crm_deals_page_cancel_more            (CrmDealsPage  *self);
void crm_deals_page_release_lists          (CrmDealsPage  *self);
void crm_deals_page_update_summary         (CrmDealsPage  *self);
void crm_deals_page_update_actions         (CrmDealsPage  *self);
void crm_deals_page_show_toast             (CrmDealsPage  *self,
                                            const char    *text);
void crm_deals_page_column_show_more_cb    (CrmDealColumn *column,
                                            CrmDealsPage  *self);
void crm_deals_page_list_show_more_cb      (CrmDealsList  *list,
                                            CrmDealsPage  *self);
void crm_deals_page_list_order_changed_cb  (CrmDealsList  *list,
                                            CrmDealsPage  *self);

G_END_DECLS
