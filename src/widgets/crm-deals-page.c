/* crm-deals-page.c — the Deals screen: the pipeline board and list
 *
 *   [Board | List]  [All managers ▾]            Open: 995 deals · $830,000
 *   New          Qualified     Meeting   …   Won            Lost
 *   12 · $84,000 …                            41 · $390,000  …
 *   ┌ card ┐     ┌ card ┐                     ┌ card ┐
 *
 * A card dragged to another column changes the deal's stage (the store
 * records it in the stage history); won and lost ask for the closing date
 * and, for lost, the reason. Without a mouse: the focused card moves with
 * Ctrl+Shift+Left/Right, or Enter / Shift+F10 opens its "Move to" menu.
 * The list mode shows the same deals as a sortable table (Ctrl+L).
 *
 * Neither holds every deal: each column shows its first page, the list its
 * own in the order of its headers, and "Show More" reads the next one
 * (crm-deals-load.c, in a worker). The headers count every deal. After a
 * move the deal is placed at once; the reload that the database's change
 * signal brings reads as many deals as are shown, finds the columns as
 * they already are and leaves them (and the focus) alone.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-close-dialog.h"
#include "crm-deal-column.h"
#include "crm-database-writer.h"
#include "crm-deal-store.h"
#include "crm-deals-list.h"
#include "crm-deals-load.h"
#include "crm-deals-page-private.h"
#include "crm-locale.h"
#include "crm-manager-picker.h"
#include "crm-money.h"
#include "crm-period.h"
#include "crm-screen.h"

static void crm_deals_page_screen_init (CrmScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmDealsPage, crm_deals_page, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_SCREEN, crm_deals_page_screen_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One toast at a time: moving a card step by step with the keys does not
 * leave a queue of them behind. */
void
crm_deals_page_show_toast (CrmDealsPage *self, const char *text)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_weak_pointer (&self->toast);
  self->toast = crm_screen_toast (GTK_WIDGET (self), text);
  if (self->toast != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
}

/* ---- the current deal --------------------------------------------------- */

CrmDeal *
crm_deals_page_get_current (CrmDealsPage *self)
{
  g_return_val_if_fail (CRM_IS_DEALS_PAGE (self), NULL);

  if (g_strcmp0 (self->view, "list") == 0)
    return crm_deals_list_get_selected (self->deals_list);
  if (self->current_column != NULL)
    return crm_deal_column_get_selected (self->current_column);
  return NULL;
}

void
crm_deals_page_update_actions (CrmDealsPage *self)
{
  CrmDeal *deal = crm_deals_page_get_current (self);
  gboolean writable = self->database != NULL && !crm_database_is_read_only (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.move-previous",
                                 writable && deal != NULL && deal->stage > CRM_STAGE_NEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.move-next",
                                 writable && deal != NULL && deal->stage < CRM_STAGE_LOST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.move-to", writable && deal != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.menu", writable && deal != NULL);
}

static void
column_deal_selected_cb (CrmDealColumn *column, CrmDeal *deal, CrmDealsPage *self)
{
  if (deal != NULL)
    {
      /* One selected card on the board: the one the keys act on. */
      self->current_column = column;
      for (int i = 0; i < CRM_N_STAGES; i++)
        if (self->columns[i] != column)
          crm_deal_column_unselect (self->columns[i]);
    }
  crm_deals_page_update_actions (self);
}

static void
list_deal_selected_cb (CrmDealsList *list, CrmDeal *deal, CrmDealsPage *self)
{
  crm_deals_page_update_actions (self);
}

/* ---- the "Move to" menu ------------------------------------------------- */

static void
show_menu (CrmDealsPage *self, CrmDeal *deal, GtkWidget *anchor)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  graphene_rect_t bounds;

  if (deal == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return;
  for (CrmDealStage stage = CRM_STAGE_NEW; stage <= CRM_STAGE_LOST; stage++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (stage == deal->stage)
        continue;
      label = !crm_deal_stage_is_open (stage)
              /* Translators: a menu item that asks for the closing date; %s is "Won" or "Lost" */
              ? g_strdup_printf (C_("stage menu", "%s…"), crm_deal_stage_to_label (stage))
              : g_strdup (crm_deal_stage_to_label (stage));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "deals.move-to", "s", crm_deal_stage_to_string (stage));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, _("Move to Stage"), G_MENU_MODEL (section));
  gtk_popover_menu_set_menu_model (self->menu_popover, G_MENU_MODEL (menu));

  if (anchor != NULL && gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = { (int) bounds.origin.x, (int) bounds.origin.y,
                            (int) bounds.size.width, (int) bounds.size.height };
      gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), &rect);
      gtk_popover_set_position (GTK_POPOVER (self->menu_popover),
                                g_strcmp0 (self->view, "list") == 0 ? GTK_POS_BOTTOM : GTK_POS_RIGHT);
    }
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
deal_menu_cb (GtkWidget *source, CrmDeal *deal, GtkWidget *anchor, CrmDealsPage *self)
{
  if (CRM_IS_DEAL_COLUMN (source))
    self->current_column = CRM_DEAL_COLUMN (source);
  show_menu (self, deal, anchor);
}

static void
menu_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);
  CrmDeal *deal = crm_deals_page_get_current (self);
  GtkWidget *anchor = NULL;

  if (deal == NULL)
    return;
  if (g_strcmp0 (self->view, "board") == 0 && self->current_column != NULL)
    anchor = crm_deal_column_get_card (self->current_column, deal->id);
  show_menu (self, deal, anchor);
}

/* ---- moving a deal ------------------------------------------------------ */

static gboolean
counts_in_column (CrmDealsPage *self, CrmDeal *deal)
{
  return crm_deal_stage_is_open (deal->stage) || g_strcmp0 (deal->closed_on, self->closed_since) >= 0;
}

void
crm_deals_page_update_summary (CrmDealsPage *self)
{
  gint64 count = 0, amount = 0;
  g_autofree char *n = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *text = NULL;

  if (!self->loaded)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }
  for (CrmDealStage s = CRM_STAGE_NEW; s < CRM_N_OPEN_STAGES; s++)
    {
      count += self->totals[s].count;
      amount += self->totals[s].amount;
    }
  n = crm_locale_format_integer (count);
  sum = crm_money_format (amount, self->currency, CRM_MONEY_WHOLE);
  /* Translators: above the pipeline board; the number of open deals and their amount */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s open deal · %s", "%s open deals · %s", (gulong) count),
                          n, sum);
  gtk_label_set_label (self->summary_label, text);
}

static guint
find_in_store (GListStore *store, gint64 id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmDeal) d = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (d->id == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Puts the deal as the store now has it into its new column, where the
 * next reload would put it: first among the open ones, by closing date
 * among the closed ones (unless that is past the deals read so far: "Show
 * More" brings it). The list shows it where it was. */
static void
place_deal (CrmDealsPage *self, CrmDeal *old, CrmDeal *fresh)
{
  GListStore *store = crm_deal_column_get_store (self->columns[fresh->stage]);
  GListStore *list = crm_deals_list_get_store (self->deals_list);
  guint n, position = 0;

  position = find_in_store (crm_deal_column_get_store (self->columns[old->stage]), old->id);
  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_remove (crm_deal_column_get_store (self->columns[old->stage]), position);
  position = find_in_store (list, old->id);
  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_splice (list, position, 1, (gpointer *) &fresh, 1);

  if (counts_in_column (self, old))
    {
      self->totals[old->stage].count--;
      self->totals[old->stage].amount -= old->amount;
    }
  if (counts_in_column (self, fresh))
    {
      self->totals[fresh->stage].count++;
      self->totals[fresh->stage].amount += fresh->amount;
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      position = 0;
      if (!crm_deal_stage_is_open (fresh->stage))
        while (position < n)
          {
            g_autoptr(CrmDeal) d = g_list_model_get_item (G_LIST_MODEL (store), position);
            if (crm_deals_compare_closed (fresh, d) < 0)
              break;
            position++;
          }
      if (position < n || (gint64) n + 1 >= self->totals[fresh->stage].count)
        g_list_store_insert (store, position, fresh);
    }
  crm_deal_column_set_total (self->columns[old->stage], &self->totals[old->stage]);
  crm_deal_column_set_total (self->columns[fresh->stage], &self->totals[fresh->stage]);
  crm_deals_list_set_total (self->deals_list, crm_deals_count_shown (self->totals));
  crm_deals_page_update_summary (self);
}

typedef struct {
  CrmDealsPage *page;
  gint64        id;
  char         *title;
  CrmDealStage  stage;
  char         *closed_on;
  char         *reason;
} MoveJob;

static void
move_job_free (MoveJob *job)
{
  g_object_unref (job->page);
  g_free (job->title);
  g_free (job->closed_on);
  g_free (job->reason);
  g_free (job);
}

/* In the writer thread. */
static gboolean
write_move (CrmDatabase *db, gpointer data, GError **error)
{
  MoveJob *job = data;
  return crm_deal_store_set_stage (db, job->id, job->stage, job->closed_on, job->reason, 0, error);
}

static void
moved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  MoveJob *job = crm_database_write_get_data (result);
  CrmDealsPage *self = job->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!crm_database_write_finish (CRM_DATABASE (source), result, &error))
    {
      text = g_strdup_printf (_("“%s” could not be moved: %s"), job->title, error->message);
      /* Back where the database has it. */
      if (self->database != NULL)
        crm_deals_page_reload (self);
    }
  else
    /* Translators: a notification; the deal's title, then the stage */
    text = g_strdup_printf (_("“%s” moved to %s."), job->title, crm_deal_stage_to_label (job->stage));
  if (self->database != NULL)
    crm_deals_page_show_toast (self, text);
}

/* The deal moves on the board at once, as the store will have it, and is
 * written by the store's writer thread (a database locked by another
 * program does not hold the board up); a refusal puts it back. */
static void
apply_move (CrmDealsPage *self, CrmDeal *deal, CrmDealStage stage, const char *closed_on, const char *reason)
{
  g_autoptr(CrmDeal) old = g_object_ref (deal);
  g_autoptr(CrmDeal) fresh = crm_deal_copy (deal);
  gboolean list = g_strcmp0 (self->view, "list") == 0;
  gboolean closing = !crm_deal_stage_is_open (stage);
  MoveJob *job;

  fresh->stage = stage;
  fresh->stage_changed_at = g_get_real_time () / G_USEC_PER_SEC;
  fresh->probability = crm_deal_stage_default_probability (stage);
  g_free (fresh->closed_on);
  fresh->closed_on = NULL;
  if (closing)
    {
      GDate today;

      crm_date_set_today (&today);
      fresh->closed_on = closed_on != NULL && *closed_on ? g_strdup (closed_on) : crm_date_to_iso (&today);
    }
  if (stage == CRM_STAGE_LOST && reason != NULL)
    {
      g_free (fresh->lost_reason);
      fresh->lost_reason = g_strdup (reason);
    }
  else if (stage != CRM_STAGE_LOST)
    {
      g_free (fresh->lost_reason);
      fresh->lost_reason = g_strdup ("");
    }

  job = g_new0 (MoveJob, 1);
  job->page = g_object_ref (self);
  job->id = deal->id;
  job->title = g_strdup (deal->title);
  job->stage = stage;
  job->closed_on = g_strdup (closed_on);
  job->reason = g_strdup (reason);
  crm_database_write_async (self->database, (const char * const[]) { "deal", "deal_stage_change", NULL },
                            write_move, job, (GDestroyNotify) move_job_free, moved_cb, NULL);

  place_deal (self, old, fresh);
  /* The keys keep acting on the deal that moved. */
  if (list)
    crm_deals_list_select_deal (self->deals_list, fresh->id);
  else if (crm_deal_column_select_deal (self->columns[stage], fresh->id, TRUE))
    self->current_column = self->columns[stage];
  crm_deals_page_update_actions (self);
}

static void
close_response_cb (CrmDealCloseDialog *dialog, const char *response, CrmDealsPage *self)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      g_autofree char *closed_on = crm_deal_close_dialog_get_closed_on (dialog);
      g_autofree char *reason = g_strstrip (g_strdup (crm_deal_close_dialog_get_reason (dialog)));
      CrmDealStage stage = crm_deal_close_dialog_get_stage (dialog);

      apply_move (self, crm_deal_close_dialog_get_deal (dialog), stage, closed_on,
                  stage == CRM_STAGE_LOST ? reason : NULL);
    }
}

/* Won and lost ask first; the other stages move at once. */
static void
request_move (CrmDealsPage *self, CrmDeal *deal, CrmDealStage stage)
{
  CrmDealCloseDialog *dialog;

  if (deal == NULL || deal->stage == stage || self->database == NULL)
    return;
  if (crm_deal_stage_is_open (stage))
    {
      apply_move (self, deal, stage, NULL, NULL);
      return;
    }
  dialog = crm_deal_close_dialog_new (crm_screen_get_window (GTK_WIDGET (self)), deal, stage);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
deal_dropped_cb (CrmDealColumn *column, CrmDeal *deal, CrmDealsPage *self)
{
  /* The deal object dropped may be older than the one on the board. */
  request_move (self, deal, crm_deal_column_get_stage (column));
}

static void
move_to_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);
  CrmDealStage stage;

  if (crm_deal_stage_from_string (g_variant_get_string (parameter, NULL), &stage))
    request_move (self, crm_deals_page_get_current (self), stage);
}

static void
move_step_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);
  CrmDeal *deal = crm_deals_page_get_current (self);
  int step = g_str_equal (action_name, "deals.move-next") ? 1 : -1;

  if (deal == NULL || (int) deal->stage + step < CRM_STAGE_NEW || (int) deal->stage + step > CRM_STAGE_LOST)
    return;
  request_move (self, deal, deal->stage + step);
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmDealsPage *self)
{
  crm_deals_page_reload (self);
}

static void
manager_changed_cb (CrmManagerPicker *picker, GParamSpec *pspec, CrmDealsPage *self)
{
  crm_deals_page_reload (self);
}

/* The menu is a popover of the page: a box does not place it by itself. */
static void
crm_deals_page_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_deals_page_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->menu_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->menu_popover)))
    gtk_popover_present (GTK_POPOVER (self->menu_popover));
}

static void
crm_deals_page_map (GtkWidget *widget)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_deals_page_parent_class)->map (widget);
  if (self->dirty)
    crm_deals_page_reload (self);
}

/* Shown: the keyboard starts on the selected card, else on the first card
 * of the board (selected, so that the keys act on it), or in the list. */
static gboolean
crm_deals_page_grab_focus (GtkWidget *widget)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);
  CrmDeal *current = crm_deals_page_get_current (self);

  self->focus_card = FALSE;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "list"))
    return gtk_widget_child_focus (GTK_WIDGET (self->deals_list), GTK_DIR_TAB_FORWARD);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "board"))
    {
      if (current != NULL && self->current_column != NULL &&
          crm_deal_column_focus_deal (self->current_column, current->id))
        return TRUE;
      for (int s = 0; s < CRM_N_STAGES; s++)
        {
          g_autoptr(CrmDeal) first = g_list_model_get_item (G_LIST_MODEL (crm_deal_column_get_store (self->columns[s])), 0);

          if (first != NULL && crm_deal_column_focus_deal (self->columns[s], first->id))
            return TRUE;
        }
    }
  /* Still loading: the first card takes the focus when it is there. */
  self->focus_card = !self->loaded;
  return FALSE;
}

/* ---- views -------------------------------------------------------------- */

static void
set_view (CrmDealsPage *self, const char *view)
{
  if (g_strcmp0 (view, "board") != 0 && g_strcmp0 (view, "list") != 0)
    return;
  if (g_strcmp0 (self->view, view) == 0)
    return;
  g_free (self->view);
  self->view = g_strdup (view);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "empty"))
    gtk_stack_set_visible_child_name (self->view_stack, view);
  crm_deals_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
toggle_view_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);

  set_view (self, g_str_equal (self->view, "board") ? "list" : "board");
}

GtkWidget *
crm_deals_page_get_column (CrmDealsPage *self, CrmDealStage stage)
{
  g_return_val_if_fail (CRM_IS_DEALS_PAGE (self), NULL);
  g_return_val_if_fail (stage < CRM_N_STAGES, NULL);
  return GTK_WIDGET (self->columns[stage]);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_deals_page_release (CrmScreen *screen)
{
  crm_deals_page_release_lists (CRM_DEALS_PAGE (screen));
}

static void
crm_deals_page_screen_init (CrmScreenInterface *iface)
{
  iface->release = crm_deals_page_release;
}

GtkWidget *
crm_deals_page_new (void)
{
  return g_object_new (CRM_TYPE_DEALS_PAGE, NULL);
}

void
crm_deals_page_set_database (CrmDealsPage *self, CrmDatabase *database)
{
  static const char * const tables[] = { "deal", "client", "manager", "setting", NULL };

  g_return_if_fail (CRM_IS_DEALS_PAGE (self));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  crm_manager_picker_set_database (self->manager_picker, database);
  if (database != NULL)
    crm_screen_watch_tables (GTK_WIDGET (self), database, tables, G_CALLBACK (database_changed_cb));
  self->loaded = FALSE;
  crm_deals_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
crm_deals_page_dispose (GObject *object)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->deals_list != NULL)
    crm_deals_page_cancel_more (self);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  g_clear_weak_pointer (&self->toast);
  if (self->menu_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->menu_popover));
  self->menu_popover = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DEALS_PAGE);
  G_OBJECT_CLASS (crm_deals_page_parent_class)->dispose (object);
}

static void
crm_deals_page_finalize (GObject *object)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (object);

  g_free (self->view);
  g_free (self->currency);
  g_free (self->closed_since);
  G_OBJECT_CLASS (crm_deals_page_parent_class)->finalize (object);
}

static void
crm_deals_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE: g_value_set_object (value, self->database); break;
    case PROP_VIEW: g_value_set_string (value, self->view); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deals_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE: crm_deals_page_set_database (self, g_value_get_object (value)); break;
    case PROP_VIEW: set_view (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deals_page_class_init (CrmDealsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deals_page_dispose;
  object_class->finalize = crm_deals_page_finalize;
  object_class->get_property = crm_deals_page_get_property;
  object_class->set_property = crm_deals_page_set_property;
  widget_class->map = crm_deals_page_map;
  widget_class->size_allocate = crm_deals_page_size_allocate;
  widget_class->grab_focus = crm_deals_page_grab_focus;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "board",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  g_type_ensure (CRM_TYPE_DEALS_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-deals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, manager_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, board_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, deals_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDealsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, manager_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_deal_selected_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "list_show_more_cb", G_CALLBACK (crm_deals_page_list_show_more_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "list_order_changed_cb", G_CALLBACK (crm_deals_page_list_order_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, deal_menu_cb);

  gtk_widget_class_install_property_action (widget_class, "deals.view", "view");
  gtk_widget_class_install_action (widget_class, "deals.toggle-view", NULL, toggle_view_activated);
  gtk_widget_class_install_action (widget_class, "deals.move-to", "s", move_to_activated);
  gtk_widget_class_install_action (widget_class, "deals.move-previous", NULL, move_step_activated);
  gtk_widget_class_install_action (widget_class, "deals.move-next", NULL, move_step_activated);
  gtk_widget_class_install_action (widget_class, "deals.menu", NULL, menu_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "deals.toggle-view", NULL);
}

/* The keys that act on the selected deal. They are caught before the lists
 * (which take every arrow key, with any modifier, for themselves), but
 * left to a text field that has the focus. */
static gboolean
deal_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  CrmDealsPage *self = CRM_DEALS_PAGE (widget);
  GtkWidget *focus = crm_screen_get_focus (widget);

  if ((focus != NULL && GTK_IS_EDITABLE (focus)) || crm_deals_page_get_current (self) == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, user_data, NULL);
}

/* Sideways scrolling (a tilted wheel, a touchpad, Shift with the wheel)
 * moves the board even over the columns, whose lists scroll only up and
 * down and would otherwise swallow it. */
static gboolean
board_scrolled_cb (GtkEventControllerScroll *controller, double dx, double dy, CrmDealsPage *self)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double delta = (mods & GDK_SHIFT_MASK) != 0 && dx == 0 ? dy : dx;

  if (delta == 0)
    return FALSE;
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    delta *= gtk_adjustment_get_page_size (h) / 4;
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + delta);
  return TRUE;
}

static void
add_deal_keys (CrmDealsPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "deals.move-previous" },
    { GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "deals.move-next" },
    { GDK_KEY_F10, GDK_SHIFT_MASK, "deals.menu" },
    { GDK_KEY_Menu, 0, "deals.menu" },
  };

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_callback_action_new (deal_key_cb,
                                                                                     (gpointer) keys[i].action,
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static void
crm_deals_page_init (CrmDealsPage *self)
{
  self->view = g_strdup ("board");
  gtk_widget_init_template (GTK_WIDGET (self));

  for (CrmDealStage stage = CRM_STAGE_NEW; stage <= CRM_STAGE_LOST; stage++)
    {
      self->columns[stage] = CRM_DEAL_COLUMN (crm_deal_column_new (stage));
      g_signal_connect (self->columns[stage], "deal-dropped", G_CALLBACK (deal_dropped_cb), self);
      g_signal_connect (self->columns[stage], "deal-selected", G_CALLBACK (column_deal_selected_cb), self);
      g_signal_connect (self->columns[stage], "deal-menu", G_CALLBACK (deal_menu_cb), self);
      g_signal_connect (self->columns[stage], "show-more", G_CALLBACK (crm_deals_page_column_show_more_cb), self);
      gtk_box_append (self->board_box, GTK_WIDGET (self->columns[stage]));
    }

  self->menu_popover = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->menu_popover), GTK_WIDGET (self));
  add_deal_keys (self);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect (scroll, "scroll", G_CALLBACK (board_scrolled_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->board_scroller), scroll);
  }
  crm_deals_page_update_summary (self);
  crm_deals_page_update_actions (self);
}
