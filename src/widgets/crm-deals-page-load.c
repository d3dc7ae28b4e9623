/* crm-deals-page-load.c — the Deals screen: reading the board and the list
 *
 * A reload reads, in a worker (crm-deals-load.c), the totals, each
 * column's first deals and the list's in the order of its headers: as many
 * as are shown, so that it takes none away. "Show More" reads the next
 * page of one column or of the list after its last deal; a click on a
 * header of the list reads its first page in the new order. Not shown a
 * while, the screen lets its cards and rows go and reads as many deals as
 * it showed when it comes back.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deals-page-private.h"
#include "crm-screen.h"

static void read_page (CrmDealsPage *self, int slot, CrmDeal *after);

static CrmDeal *
selected_of (GtkWidget *owner)
{
  return CRM_IS_DEAL_COLUMN (owner) ? crm_deal_column_get_selected (CRM_DEAL_COLUMN (owner))
                                    : crm_deals_list_get_selected (CRM_DEALS_LIST (owner));
}

/* The selection of a column or the list survives a reload even when its
 * deal changed (a new object), and when the list was let go meanwhile
 * (@kept_id, else 0). */
static void
update_store (GListStore *store, GPtrArray *deals, GtkWidget *owner, gint64 kept_id)
{
  CrmDeal *selected = selected_of (owner);
  gint64 selected_id = selected != NULL ? selected->id : kept_id;

  crm_deals_store_update (store, deals);
  if (selected_id == 0)
    return;
  selected = selected_of (owner);
  if (selected == NULL && CRM_IS_DEAL_COLUMN (owner))
    crm_deal_column_select_deal (CRM_DEAL_COLUMN (owner), selected_id, FALSE);
  else if (selected == NULL)
    crm_deals_list_select_deal (CRM_DEALS_LIST (owner), selected_id);
}

static void
apply_snapshot (CrmDealsPage *self, CrmDealsSnapshot *snapshot)
{
  CrmDealOrder order;
  gboolean descending;
  gint64 shown;

  g_free (self->currency);
  self->currency = g_strdup (snapshot->currency);
  g_free (self->closed_since);
  self->closed_since = g_strdup (snapshot->closed_since);
  self->loaded_manager = snapshot->manager_id;
  crm_deals_list_set_currency (self->deals_list, self->currency);
  for (int s = 0; s < CRM_N_STAGES; s++)
    {
      crm_deal_column_set_currency (self->columns[s], self->currency);
      self->totals[s] = snapshot->totals[s];
      update_store (crm_deal_column_get_store (self->columns[s]), snapshot->deals[s], GTK_WIDGET (self->columns[s]),
                    self->kept_selected[s]);
      crm_deal_column_set_total (self->columns[s], &self->totals[s]);
    }
  /* The headers may have been clicked while the worker was busy: then
   * the list's first page in their order comes next. */
  crm_deals_list_get_order (self->deals_list, &order, &descending);
  if (order == snapshot->list_order && descending == snapshot->list_descending)
    {
      self->list_order = order;
      self->list_descending = descending;
      update_store (crm_deals_list_get_store (self->deals_list), snapshot->list, GTK_WIDGET (self->deals_list),
                    self->kept_selected[LIST_SLOT]);
    }
  else
    read_page (self, LIST_SLOT, NULL);
  shown = crm_deals_count_shown (self->totals);
  crm_deals_list_set_total (self->deals_list, shown);
  crm_deals_page_update_summary (self);
  gtk_stack_set_visible_child_name (self->view_stack, shown > 0 ? self->view : "empty");
  crm_deals_page_update_actions (self);
  if (self->focus_card)
    {
      GtkWidget *focus = crm_screen_get_focus (GTK_WIDGET (self));

      self->focus_card = FALSE;
      /* Unless the person has gone elsewhere meanwhile. */
      if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
}

static void
load_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(CrmDealsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDealsSnapshot) snapshot = crm_deals_load_finish (result, &error);

  if (snapshot == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (snapshot == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The deals could not be read: %s"), error->message);
      adw_status_page_set_title (self->empty_page, _("The Deals Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, text);
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
      return;
    }
  /* The manager may have changed while the worker was busy. */
  if (snapshot->manager_id != crm_manager_picker_get_manager_id (self->manager_picker))
    {
      crm_deals_page_reload (self);
      return;
    }
  self->loaded = TRUE;
  apply_snapshot (self, snapshot);
  self->released = FALSE;
  memset (self->kept_n, 0, sizeof self->kept_n);
  memset (self->kept_selected, 0, sizeof self->kept_selected);
  g_debug ("Deals board read and shown in %" G_GINT64_FORMAT " ms",
           (g_get_monotonic_time () - self->load_started) / 1000);
}

void
crm_deals_page_cancel_more (CrmDealsPage *self)
{
  for (int i = 0; i <= LIST_SLOT; i++)
    {
      if (self->more[i] != NULL)
        g_cancellable_cancel (self->more[i]);
      g_clear_object (&self->more[i]);
      if (i < CRM_N_STAGES)
        crm_deal_column_set_reading_more (self->columns[i], FALSE);
      else
        crm_deals_list_set_reading_more (self->deals_list, FALSE);
    }
}

void
crm_deals_page_reload (CrmDealsPage *self)
{
  CrmDealsRequest request = { 0 };
  gboolean same_manager;

  if (self->database == NULL)
    return;
  /* A screen not shown reads nothing: it catches up when it is. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* What "Show More" is reading, the reload reads too. */
  crm_deals_page_cancel_more (self);
  self->cancellable = g_cancellable_new ();
  self->load_started = g_get_monotonic_time ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  /* As many deals as are shown, so that a reload takes none away; a page
   * for another manager. */
  request.manager_id = crm_manager_picker_get_manager_id (self->manager_picker);
  same_manager = (self->loaded || self->released) && request.manager_id == self->loaded_manager;
  for (int s = 0; s < CRM_N_STAGES; s++)
    if (same_manager)
      request.column_limits[s] = MAX (self->kept_n[s],
                                      g_list_model_get_n_items (G_LIST_MODEL (crm_deal_column_get_store (self->columns[s]))));
  crm_deals_list_get_order (self->deals_list, &request.list_order, &request.list_descending);
  if (same_manager && request.list_order == self->list_order && request.list_descending == self->list_descending)
    request.list_limit = MAX (self->kept_n[LIST_SLOT],
                              g_list_model_get_n_items (G_LIST_MODEL (crm_deals_list_get_store (self->deals_list))));
  crm_deals_load_async (crm_database_get_path (self->database), &request,
                        self->cancellable, load_finished_cb, g_object_ref (self));
}

/* ---- "Show More" and the list's order ----------------------------------- */

typedef struct {
  CrmDealsPage *self;
  int           slot;            /* a stage, or LIST_SLOT */
  gint64        after_id;        /* 0: the first page (a new order of the list) */
  CrmDealOrder  order;
  gboolean      descending;
} PageLoad;

static void
page_load_free (PageLoad *load)
{
  g_object_unref (load->self);
  g_free (load);
}

static void
set_reading_more (CrmDealsPage *self, int slot, gboolean reading)
{
  if (slot == LIST_SLOT)
    crm_deals_list_set_reading_more (self->deals_list, reading);
  else
    crm_deal_column_set_reading_more (self->columns[slot], reading);
}

static GListStore *
slot_store (CrmDealsPage *self, int slot)
{
  return slot == LIST_SLOT ? crm_deals_list_get_store (self->deals_list)
                           : crm_deal_column_get_store (self->columns[slot]);
}

static void
page_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PageLoad *load = user_data;
  CrmDealsPage *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = crm_deals_load_page_finish (result, &error);
  GListStore *store;
  guint n;

  if (page == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      page_load_free (load);
      return;
    }
  store = slot_store (self, load->slot);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_clear_object (&self->more[load->slot]);
  set_reading_more (self, load->slot, FALSE);
  if (page == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The deals could not be read: %s"), error->message);
      crm_deals_page_show_toast (self, text);
    }
  else if (load->after_id == 0)
    {
      /* The list in its new order, from the top. */
      self->list_order = load->order;
      self->list_descending = load->descending;
      update_store (store, page, GTK_WIDGET (self->deals_list), 0);
      crm_deals_list_scroll_to (self->deals_list, 0);
    }
  else if (n > 0)
    {
      g_autoptr(CrmDeal) last = g_list_model_get_item (G_LIST_MODEL (store), n - 1);

      /* Read after the deal that is still the last one shown. */
      if (last->id == load->after_id)
        crm_deals_store_append (store, page);
    }
  page_load_free (load);
}

static void
read_page (CrmDealsPage *self, int slot, CrmDeal *after)
{
  PageLoad *load = g_new0 (PageLoad, 1);
  CrmDealQuery query = { 0 };

  if (self->more[slot] != NULL)
    g_cancellable_cancel (self->more[slot]);
  g_clear_object (&self->more[slot]);
  self->more[slot] = g_cancellable_new ();
  set_reading_more (self, slot, TRUE);

  load->self = g_object_ref (self);
  load->slot = slot;
  load->after_id = after != NULL ? after->id : 0;
  if (slot == LIST_SLOT && after == NULL)
    crm_deals_list_get_order (self->deals_list, &load->order, &load->descending);
  else
    {
      load->order = self->list_order;
      load->descending = self->list_descending;
    }
  query.manager_id = self->loaded_manager;
  query.closed_since = self->closed_since;
  query.order = load->order;
  query.descending = load->descending;
  crm_deals_load_page_async (crm_database_get_path (self->database), &query, slot == LIST_SLOT ? -1 : slot,
                             after, self->more[slot], page_loaded_cb, load);
}

static void
show_more (CrmDealsPage *self, int slot)
{
  GListStore *store = slot_store (self, slot);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(CrmDeal) last = NULL;

  /* Before the first load, and while a reload runs, there is nothing to
   * go on from (the reload brings as many as are shown). */
  if (self->database == NULL || !self->loaded || self->cancellable != NULL || n == 0)
    return;
  last = g_list_model_get_item (G_LIST_MODEL (store), n - 1);
  read_page (self, slot, last);
}

void
crm_deals_page_column_show_more_cb (CrmDealColumn *column, CrmDealsPage *self)
{
  show_more (self, crm_deal_column_get_stage (column));
}

void
crm_deals_page_list_show_more_cb (CrmDealsList *list, CrmDealsPage *self)
{
  show_more (self, LIST_SLOT);
}

void
crm_deals_page_list_order_changed_cb (CrmDealsList *list, CrmDealsPage *self)
{
  /* A reload that is running reads it when it is done (apply_snapshot). */
  if (self->database == NULL || !self->loaded || self->cancellable != NULL)
    return;
  read_page (self, LIST_SLOT, NULL);
}

gboolean
crm_deals_page_is_loading (CrmDealsPage *self)
{
  g_return_val_if_fail (CRM_IS_DEALS_PAGE (self), FALSE);

  for (int i = 0; i <= LIST_SLOT; i++)
    if (self->more[i] != NULL)
      return TRUE;
  return self->cancellable != NULL || self->dirty;
}

/* ---- not shown ---------------------------------------------------------- */

/* Not shown: the cards and rows go (seven columns and the list, a page or
 * more each); how many deals each showed and which was selected stay, for
 * the reload when the screen is shown again. */
void
crm_deals_page_release_lists (CrmDealsPage *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      self->dirty = TRUE;
    }
  crm_deals_page_cancel_more (self);
  if (!self->loaded)
    return;
  for (int i = 0; i <= LIST_SLOT; i++)
    {
      GtkWidget *owner = i < CRM_N_STAGES ? GTK_WIDGET (self->columns[i]) : GTK_WIDGET (self->deals_list);
      GListStore *store = slot_store (self, i);
      CrmDeal *selected = selected_of (owner);

      self->kept_n[i] = g_list_model_get_n_items (G_LIST_MODEL (store));
      self->kept_selected[i] = selected != NULL ? selected->id : 0;
      g_list_store_remove_all (store);
    }
  self->loaded = FALSE;
  self->released = TRUE;
  self->dirty = TRUE;
}
