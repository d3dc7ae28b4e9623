/* crm-deal-column.c — one stage of the pipeline board
 *
 *   Proposal
 *   4,222 · $36,264,696
 *   ┌ card ┐
 *   ┌ card ┐ …
 *     Showing 100 of 4,222
 *         Show More
 *
 * A one-column grid view of the deal cards read so far (the header counts
 * them all): it keeps cards for about thirty of them whatever their number,
 * where a list view keeps two hundred, and so about a sixth of the memory
 * the cards take (GTK 4.8's gtkgridview.c and gtklistview.c). And a drop
 * target for cards dragged from another column. Signals:
 * "deal-dropped" (a card from elsewhere was dropped here), "deal-selected"
 * (the selection, NULL when none), "deal-menu" (a right click, or Enter,
 * on a card: the host shows what can be done with the deal), "show-more"
 * (the host reads the next page and appends it to the store).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-card.h"
#include "crm-deal-column.h"
#include "crm-deals-load.h"
#include "crm-locale.h"
#include "crm-money.h"

struct _CrmDealColumn {
  GtkBox              parent_instance;

  GtkLabel           *stage_label;
  GtkLabel           *total_label;
  GtkGridView        *grid_view;
  GtkLabel           *note_label;
  GtkLabel           *empty_label;
  GtkWidget          *more_box;
  GtkLabel           *shown_label;
  GtkButton          *more_button;

  CrmDealStage        stage;
  GListStore         *store;
  GtkSingleSelection *selection;
  char               *currency;
  CrmStageTotal       total;
};

G_DEFINE_FINAL_TYPE (CrmDealColumn, crm_deal_column, GTK_TYPE_BOX)

enum {
  DEAL_DROPPED,
  DEAL_SELECTED,
  DEAL_MENU,
  SHOW_MORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- header ------------------------------------------------------------- */

static void
update_labels (CrmDealColumn *self)
{
  g_autofree char *sum = crm_money_format (self->total.amount, self->currency, CRM_MONEY_WHOLE);
  g_autofree char *count = crm_locale_format_integer (self->total.count);
  g_autofree char *text = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean closed = !crm_deal_stage_is_open (self->stage);

  /* Translators: a column header of the pipeline board: the number of deals · their amount */
  text = g_strdup_printf (C_("pipeline column", "%s · %s"), count, sum);
  gtk_label_set_label (self->total_label, text);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0);
  gtk_widget_set_visible (self->more_box, (gint64) shown < self->total.count);
  if ((gint64) shown < self->total.count)
    {
      g_autofree char *shown_text = crm_deals_format_shown (shown, self->total.count);
      gtk_label_set_label (self->shown_label, shown_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), closed);
  if (closed)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Closed in the last %d day.",
                                                            "Closed in the last %d days.", CRM_DEALS_CLOSED_DAYS),
                                               CRM_DEALS_CLOSED_DAYS);
      gtk_label_set_label (self->note_label, note);
    }
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, CrmDealColumn *self)
{
  update_labels (self);
}

static void
more_clicked_cb (GtkButton *button, CrmDealColumn *self)
{
  g_signal_emit (self, signals[SHOW_MORE], 0);
}

/* While the next page is read, the button waits. */
void
crm_deal_column_set_reading_more (CrmDealColumn *self, gboolean reading)
{
  g_return_if_fail (CRM_IS_DEAL_COLUMN (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->more_button), !reading);
}

/* ---- cards -------------------------------------------------------------- */

static void
card_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrmDealColumn *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  CrmDeal *deal = crm_deal_card_get_deal (CRM_DEAL_CARD (card));

  if (deal == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  crm_deal_column_select_deal (self, deal->id, TRUE);
  g_signal_emit (self, signals[DEAL_MENU], 0, deal, card);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CrmDealColumn *self)
{
  GtkWidget *card = crm_deal_card_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (card_pressed_cb), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, card);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CrmDealColumn *self)
{
  crm_deal_card_set (CRM_DEAL_CARD (gtk_list_item_get_child (item)),
                     gtk_list_item_get_item (item), self->currency);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CrmDealColumn *self)
{
  crm_deal_card_set (CRM_DEAL_CARD (gtk_list_item_get_child (item)), NULL, NULL);
}

GtkWidget *
crm_deal_column_get_card (CrmDealColumn *self, gint64 deal_id)
{
  g_return_val_if_fail (CRM_IS_DEAL_COLUMN (self), NULL);

  /* The children of the grid view hold the cards on screen. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_widget_get_first_child (child);
      if (CRM_IS_DEAL_CARD (card) && crm_deal_card_get_deal (CRM_DEAL_CARD (card)) != NULL &&
          crm_deal_card_get_deal (CRM_DEAL_CARD (card))->id == deal_id)
        return card;
    }
  return NULL;
}

static void
activate_cb (GtkGridView *grid_view, guint position, CrmDealColumn *self)
{
  g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (deal != NULL)
    g_signal_emit (self, signals[DEAL_MENU], 0, deal, crm_deal_column_get_card (self, deal->id));
}

/* ---- selection ---------------------------------------------------------- */

CrmDeal *
crm_deal_column_get_selected (CrmDealColumn *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COLUMN (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
crm_deal_column_unselect (CrmDealColumn *self)
{
  g_return_if_fail (CRM_IS_DEAL_COLUMN (self));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* Selects the deal and scrolls to it; with @grab_focus, it also gets the
 * keyboard focus. */
gboolean
crm_deal_column_select_deal (CrmDealColumn *self, gint64 deal_id, gboolean grab_focus)
{
  guint n;

  g_return_val_if_fail (CRM_IS_DEAL_COLUMN (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (deal->id != deal_id)
        continue;
      gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u", i);
      gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.select-item", "(ubb)", i, FALSE, FALSE);
      if (grab_focus)
        {
          /* The row of the card takes the focus, and the list follows it. */
          GtkWidget *card = crm_deal_column_get_card (self, deal_id);
          if (card != NULL)
            gtk_widget_grab_focus (gtk_widget_get_parent (card));
        }
      return TRUE;
    }
  return FALSE;
}

/* Selects the deal and gives its card the keyboard focus; FALSE when the
 * deal is not in the column or its card could not take the focus. */
gboolean
crm_deal_column_focus_deal (CrmDealColumn *self, gint64 deal_id)
{
  GtkWidget *card;

  g_return_val_if_fail (CRM_IS_DEAL_COLUMN (self), FALSE);

  if (!crm_deal_column_select_deal (self, deal_id, TRUE))
    return FALSE;
  card = crm_deal_column_get_card (self, deal_id);
  return card != NULL && gtk_widget_has_focus (gtk_widget_get_parent (card));
}

static void
selection_changed_cb (GtkSelectionModel *model, guint position, guint n_items, CrmDealColumn *self)
{
  g_signal_emit (self, signals[DEAL_SELECTED], 0, crm_deal_column_get_selected (self));
}

/* ---- drop --------------------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, CrmDealColumn *self)
{
  CrmDeal *deal;

  if (!G_VALUE_HOLDS (value, CRM_TYPE_DEAL) || (deal = g_value_get_object (value)) == NULL)
    return FALSE;
  if (deal->stage == self->stage)
    return FALSE;
  g_signal_emit (self, signals[DEAL_DROPPED], 0, deal);
  return TRUE;
}

/* ---- public ------------------------------------------------------------- */

GtkWidget *
crm_deal_column_new (CrmDealStage stage)
{
  CrmDealColumn *self = g_object_new (CRM_TYPE_DEAL_COLUMN, NULL);

  self->stage = stage;
  gtk_label_set_label (self->stage_label, crm_deal_stage_to_label (stage));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  crm_deal_stage_to_label (stage), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), crm_deal_stage_to_string (stage));
  update_labels (self);
  return GTK_WIDGET (self);
}

CrmDealStage
crm_deal_column_get_stage (CrmDealColumn *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COLUMN (self), CRM_STAGE_NEW);
  return self->stage;
}

GListStore *
crm_deal_column_get_store (CrmDealColumn *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COLUMN (self), NULL);
  return self->store;
}

void
crm_deal_column_set_currency (CrmDealColumn *self, const char *currency)
{
  guint n;

  g_return_if_fail (CRM_IS_DEAL_COLUMN (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  /* Rebind the cards on screen: their amounts change. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->store), 0, n, n);
  update_labels (self);
}

void
crm_deal_column_set_total (CrmDealColumn *self, const CrmStageTotal *total)
{
  g_return_if_fail (CRM_IS_DEAL_COLUMN (self));
  self->total = *total;
  update_labels (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_deal_column_dispose (GObject *object)
{
  CrmDealColumn *self = CRM_DEAL_COLUMN (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DEAL_COLUMN);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_deal_column_parent_class)->dispose (object);
}

static void
crm_deal_column_finalize (GObject *object)
{
  CrmDealColumn *self = CRM_DEAL_COLUMN (object);

  g_free (self->currency);
  G_OBJECT_CLASS (crm_deal_column_parent_class)->finalize (object);
}

static void
crm_deal_column_class_init (CrmDealColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_column_dispose;
  object_class->finalize = crm_deal_column_finalize;

  signals[DEAL_DROPPED] = g_signal_new ("deal-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRM_TYPE_DEAL);
  signals[DEAL_SELECTED] = g_signal_new ("deal-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRM_TYPE_DEAL);
  signals[DEAL_MENU] = g_signal_new ("deal-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, CRM_TYPE_DEAL, GTK_TYPE_WIDGET);
  signals[SHOW_MORE] = g_signal_new ("show-more", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-deal-column.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, stage_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, total_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, note_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, more_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, shown_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealColumn, more_button);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
}

static void
crm_deal_column_init (CrmDealColumn *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (CRM_TYPE_DEAL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->store, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (self->selection));

  target = gtk_drop_target_new (CRM_TYPE_DEAL, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
