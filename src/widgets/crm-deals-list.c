/* crm-deals-list.c — the deals of the board as a sortable table
 *
 * Title, client, stage, amount, probability, expected (or actual) closing
 * date and manager; a click on a header sorts. The table shows the deals
 * read so far, a page at a time, in the order the store sorts them in: a
 * click on a header asks the host for the first page in that order
 * ("order-changed"), "Show More" for the next one ("show-more"). The
 * table never sorts in memory: its columns' sorters only tell which one
 * the column view sorts by (GTK 4.8 has no call for that). Signals as the
 * board's columns: "deal-selected" and "deal-menu" (a right click or Enter
 * on a row).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-deals-list.h"
#include "crm-deals-load.h"
#include "crm-locale.h"
#include "crm-money.h"
#include "crm-period.h"

typedef enum {
  COLUMN_TITLE,
  COLUMN_CLIENT,
  COLUMN_STAGE,
  COLUMN_AMOUNT,
  COLUMN_PROBABILITY,
  COLUMN_CLOSE,
  COLUMN_MANAGER,
  N_COLUMNS
} Column;

struct _CrmDealsList {
  AdwBin              parent_instance;

  GtkColumnView      *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkWidget          *more_box;
  GtkLabel           *shown_label;
  GtkButton          *more_button;

  GListStore         *store;
  GtkSingleSelection *selection;
  char               *currency;
  gint64              total;
};

G_DEFINE_FINAL_TYPE (CrmDealsList, crm_deals_list, ADW_TYPE_BIN)

enum {
  DEAL_SELECTED,
  DEAL_MENU,
  ORDER_CHANGED,
  SHOW_MORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The ids of the columns in ui/crm-deals-list.ui, in the order of Column. */
static const char *column_ids[N_COLUMNS] = {
  "title_column", "client_column", "stage_column", "amount_column",
  "probability_column", "close_column", "manager_column",
};

/* The date a deal is judged by: when it closed, or is expected to. */
static const char *
close_date (CrmDeal *deal)
{
  return crm_deal_stage_is_open (deal->stage) ? deal->expected_close : deal->closed_on;
}

static char *
cell_text (CrmDealsList *self, CrmDeal *deal, Column column)
{
  switch (column)
    {
    case COLUMN_TITLE: return g_strdup (deal->title);
    case COLUMN_CLIENT: return g_strdup (deal->client_name);
    case COLUMN_STAGE: return g_strdup (crm_deal_stage_to_label (deal->stage));
    case COLUMN_AMOUNT: return crm_money_format (deal->amount, self->currency, CRM_MONEY_WHOLE);
    case COLUMN_PROBABILITY: return crm_locale_format_percent (deal->probability / 100.0);
    case COLUMN_CLOSE: return crm_locale_format_iso_date (close_date (deal));
    case COLUMN_MANAGER: return g_strdup (deal->manager_name);
    case N_COLUMNS:
    default: return g_strdup ("");
    }
}

/* ---- order ------------------------------------------------------------- */

/* The order of the store each column stands for. */
static const CrmDealOrder column_orders[N_COLUMNS] = {
  CRM_DEAL_ORDER_TITLE, CRM_DEAL_ORDER_CLIENT, CRM_DEAL_ORDER_BOARD, CRM_DEAL_ORDER_AMOUNT,
  CRM_DEAL_ORDER_PROBABILITY, CRM_DEAL_ORDER_CLOSE, CRM_DEAL_ORDER_MANAGER,
};

/* Which column's sorter the column view asked last (main thread only). */
static int probed_column = -1;

/* The column view's sorter asks the sorter of the column it sorts by
 * first, and turns the answer round when the order is descending. */
static int
probe_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  probed_column = GPOINTER_TO_INT (user_data);
  return -1;
}

/* The order the headers show: the board's when none is clicked. */
void
crm_deals_list_get_order (CrmDealsList *self, CrmDealOrder *order, gboolean *descending)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;

  g_return_if_fail (CRM_IS_DEALS_LIST (self));

  probed_column = -1;
  ordering = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), a, b);
  *order = probed_column >= 0 ? column_orders[probed_column] : CRM_DEAL_ORDER_BOARD;
  *descending = probed_column >= 0 && ordering == GTK_ORDERING_LARGER;
}

static void
sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, CrmDealsList *self)
{
  g_signal_emit (self, signals[ORDER_CHANGED], 0);
}

/* ---- the footer --------------------------------------------------------- */

static void
update_footer (CrmDealsList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  gtk_widget_set_visible (self->more_box, (gint64) shown < self->total);
  if ((gint64) shown < self->total)
    {
      g_autofree char *text = crm_deals_format_shown (shown, self->total);
      gtk_label_set_label (self->shown_label, text);
    }
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, CrmDealsList *self)
{
  update_footer (self);
}

static void
more_clicked_cb (GtkButton *button, CrmDealsList *self)
{
  g_signal_emit (self, signals[SHOW_MORE], 0);
}

/* How many deals there are in all, of which the store holds the first. */
void
crm_deals_list_set_total (CrmDealsList *self, gint64 total)
{
  g_return_if_fail (CRM_IS_DEALS_LIST (self));
  self->total = total;
  update_footer (self);
}

/* While the next page is read, the button waits. */
void
crm_deals_list_set_reading_more (CrmDealsList *self, gboolean reading)
{
  g_return_if_fail (CRM_IS_DEALS_LIST (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->more_button), !reading);
}

/* ---- cells -------------------------------------------------------------- */

/* A right click anywhere on a row: the cells' own gestures would not see
 * it (the rows take every button for the selection), so the table looks
 * for the cell under the pointer. */
static void
row_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrmDealsList *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *label = NULL;
  GtkListItem *item = NULL;
  CrmDeal *deal;

  /* The pointer is on a label of ours, or on the cell around it. */
  for (GtkWidget *w = picked; w != NULL && item == NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);

      if ((item = g_object_get_data (G_OBJECT (w), "list-item")) != NULL)
        label = w;
      else if (child != NULL && (item = g_object_get_data (G_OBJECT (child), "list-item")) != NULL)
        label = child;
    }
  deal = item != NULL ? gtk_list_item_get_item (item) : NULL;
  if (deal == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  g_signal_emit (self, signals[DEAL_MENU], 0, deal, label);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CrmDealsList *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_AMOUNT || column == COLUMN_PROBABILITY ? 1 : 0);
  if (column == COLUMN_AMOUNT || column == COLUMN_PROBABILITY)
    gtk_widget_add_css_class (label, "figure");
  g_object_set_data (G_OBJECT (label), "list-item", item);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CrmDealsList *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  CrmDeal *deal = gtk_list_item_get_item (item);
  g_autofree char *text = cell_text (self, deal, column);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (column == COLUMN_CLOSE && crm_deal_stage_is_open (deal->stage) && deal->expected_close != NULL)
    {
      GDate today;
      g_autofree char *iso = NULL;

      crm_date_set_today (&today);
      iso = crm_date_to_iso (&today);
      if (strcmp (deal->expected_close, iso) < 0)
        gtk_widget_add_css_class (label, "warning");
      else
        gtk_widget_remove_css_class (label, "warning");
    }
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
activate_cb (GtkColumnView *view, guint position, CrmDealsList *self)
{
  g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (deal != NULL)
    g_signal_emit (self, signals[DEAL_MENU], 0, deal, NULL);
}

static void
selection_changed_cb (GtkSelectionModel *model, guint position, guint n_items, CrmDealsList *self)
{
  g_signal_emit (self, signals[DEAL_SELECTED], 0, crm_deals_list_get_selected (self));
}

/* ---- public ------------------------------------------------------------- */

GListStore *
crm_deals_list_get_store (CrmDealsList *self)
{
  g_return_val_if_fail (CRM_IS_DEALS_LIST (self), NULL);
  return self->store;
}

void
crm_deals_list_set_currency (CrmDealsList *self, const char *currency)
{
  g_return_if_fail (CRM_IS_DEALS_LIST (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
    if (n > 0)
      g_list_model_items_changed (G_LIST_MODEL (self->selection), 0, n, n);
  }
}

CrmDeal *
crm_deals_list_get_selected (CrmDealsList *self)
{
  g_return_val_if_fail (CRM_IS_DEALS_LIST (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Brings the row at @position into view. */
void
crm_deals_list_scroll_to (CrmDealsList *self, guint position)
{
  g_return_if_fail (CRM_IS_DEALS_LIST (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->store)))
    return;
  /* The column view scrolls through the list view inside it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

gboolean
crm_deals_list_select_deal (CrmDealsList *self, gint64 deal_id)
{
  guint n;

  g_return_val_if_fail (CRM_IS_DEALS_LIST (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      if (deal->id != deal_id)
        continue;
      gtk_single_selection_set_selected (self->selection, i);
      crm_deals_list_scroll_to (self, i);
      return TRUE;
    }
  return FALSE;
}

GtkWidget *
crm_deals_list_get_view (CrmDealsList *self)
{
  g_return_val_if_fail (CRM_IS_DEALS_LIST (self), NULL);
  return GTK_WIDGET (self->column_view);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_deals_list_dispose (GObject *object)
{
  CrmDealsList *self = CRM_DEALS_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DEALS_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_deals_list_parent_class)->dispose (object);
}

static void
crm_deals_list_finalize (GObject *object)
{
  CrmDealsList *self = CRM_DEALS_LIST (object);

  g_free (self->currency);
  G_OBJECT_CLASS (crm_deals_list_parent_class)->finalize (object);
}

static void
crm_deals_list_class_init (CrmDealsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deals_list_dispose;
  object_class->finalize = crm_deals_list_finalize;

  signals[DEAL_SELECTED] = g_signal_new ("deal-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRM_TYPE_DEAL);
  signals[DEAL_MENU] = g_signal_new ("deal-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, CRM_TYPE_DEAL, GTK_TYPE_WIDGET);
  signals[ORDER_CHANGED] = g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_MORE] = g_signal_new ("show-more", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-deals-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealsList, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsList, more_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsList, shown_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsList, more_button);
  for (int i = 0; i < N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (CrmDealsList, columns) + i * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
}

static void
crm_deals_list_init (CrmDealsList *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_cb, GINT_TO_POINTER (i), NULL));

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      g_object_unref (factory);
      g_object_unref (sorter);
    }

  self->store = g_list_store_new (CRM_TYPE_DEAL);
  g_signal_connect (self->store, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed", G_CALLBACK (sorter_changed_cb), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}
