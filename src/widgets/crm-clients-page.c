/* crm-clients-page.c — the Clients screen
 *
 * A search entry (instant, over name, company, phone digits and e-mail),
 * filters (status, owner, source, tag), the number of matching clients and
 * New Client above a column view of the lazy CrmClientListModel; the card
 * of the client chosen opens beside the list (over it in a narrow window).
 * The actions of the screen and the card are "clients." actions with
 * their shortcuts, listed in the shortcuts window.
 *
 * Deleting and undoing are in crm-clients-page-delete.c.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-child-layout.h"
#include "crm-client-dialogs.h"
#include "crm-client-fields.h"
#include "crm-clients-columns.h"
#include "crm-clients-page-private.h"
#include "crm-clients-sorter.h"
#include "crm-locale.h"
#include "crm-manager-picker.h"
#include "crm-manager-store.h"
#include "crm-screen.h"
#include "crm-setting-store.h"
#include "crm-window.h"

static void crm_clients_page_screen_init (CrmScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmClientsPage, crm_clients_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_SCREEN, crm_clients_page_screen_init))

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
crm_clients_page_toast (CrmClientsPage *self, const char *text)
{
  crm_client_dialogs_toast (GTK_WIDGET (self), text);
}

/* ---- the query ---------------------------------------------------------- */

static gboolean
is_filtered (CrmClientsPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *clean = g_strstrip (g_strdup (search));

  return *clean != '\0' ||
         gtk_drop_down_get_selected (self->status_filter) > 0 ||
         crm_manager_picker_get_manager_id (self->owner_filter) > 0 ||
         gtk_drop_down_get_selected (self->source_filter) > 0 ||
         gtk_drop_down_get_selected (self->tag_filter) > 0;
}

static void
apply_query (CrmClientsPage *self)
{
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint source = gtk_drop_down_get_selected (self->source_filter);
  guint tag = gtk_drop_down_get_selected (self->tag_filter);
  CrmClientQuery query;

  if (self->database == NULL)
    return;
  crm_client_query_init (&query);
  query.sort = self->sort;
  query.descending = self->descending;
  query.search = search;
  query.status = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int) status - 1 : -1;
  query.owner_id = crm_manager_picker_get_manager_id (self->owner_filter);
  query.source = source > 0 && source != GTK_INVALID_LIST_POSITION ? (int) source - 1 : -1;
  if (tag > 0 && tag != GTK_INVALID_LIST_POSITION)
    {
      query.tag_id = crm_client_store_lookup_tag (self->database, gtk_string_list_get_string (self->tag_names, tag), NULL);
      if (query.tag_id == 0)
        query.tag_id = -1;       /* gone meanwhile: nothing has it */
    }
  /* In the flow box: its cell goes with it. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->clear_button), is_filtered (self));
  self->started = TRUE;
  /* Given here, not before: the first query is read once. */
  if (crm_client_list_model_get_database (self->model) != self->database)
    crm_client_list_model_set_database (self->model, self->database);
  crm_client_list_model_set_query (self->model, &query);
}

static void
search_changed_cb (GtkSearchEntry *entry, CrmClientsPage *self)
{
  apply_query (self);
}

static void
filter_changed_cb (GObject *object, GParamSpec *pspec, CrmClientsPage *self)
{
  if (!self->updating_filters)
    apply_query (self);
}

static void
stop_search_cb (GtkSearchEntry *entry, CrmClientsPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "clients.close-card", NULL);
}

/* Enter in the search opens the first client found. */
static void
search_activated_cb (GtkSearchEntry *entry, CrmClientsPage *self)
{
  g_autoptr(CrmClient) first = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);
  if (first->id > 0)
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
      crm_clients_page_open_client (self, first->id);
    }
}

static void
sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, CrmClientsPage *self)
{
  CrmClientSort sort = CRM_CLIENT_SORT_NAME;
  gboolean descending = FALSE;

  if (!crm_clients_sorter_probe (sorter, &sort, &descending))
    {
      sort = CRM_CLIENT_SORT_NAME;
      descending = FALSE;
    }
  if (sort == self->sort && descending == self->descending)
    return;
  self->sort = sort;
  self->descending = descending;
  apply_query (self);
}

static void
reload_tags (CrmClientsPage *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autofree char *selected = NULL;
  guint position = gtk_drop_down_get_selected (self->tag_filter);
  guint select = 0;

  self->tags_stale = FALSE;
  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    selected = g_strdup (gtk_string_list_get_string (self->tag_names, position));
  tags = self->database != NULL ? crm_client_store_list_tags (self->database, NULL) : NULL;
  if (tags == NULL)
    tags = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_insert (tags, 0, g_strdup (_("All tags")));
  for (guint i = 1; i < tags->len; i++)
    if (g_strcmp0 (tags->pdata[i], selected) == 0)
      select = i;
  g_ptr_array_add (tags, NULL);

  self->updating_filters = TRUE;
  gtk_string_list_splice (self->tag_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tag_names)),
                          (const char * const *) tags->pdata);
  gtk_drop_down_set_selected (self->tag_filter, select);
  self->updating_filters = FALSE;
  if (selected != NULL && select == 0)
    apply_query (self);     /* the tag filtered by is gone */
}

static void
load_currency (CrmClientsPage *self)
{
  g_autoptr(CrmSettings) settings = self->database != NULL ? crm_setting_store_load (self->database, NULL) : NULL;

  g_free (self->currency);
  self->currency = g_strdup (settings != NULL ? settings->currency : "RUB");
  crm_clients_columns_refit (self->column_view);
}

/* The owner column is as wide as the longest manager's name. */
static void
load_owners (CrmClientsPage *self)
{
  g_autoptr(GPtrArray) managers = self->database != NULL ? crm_manager_store_list (self->database, TRUE, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  self->owners_stale = FALSE;
  for (guint i = 0; managers != NULL && i < managers->len; i++)
    g_ptr_array_add (names, ((CrmManager *) managers->pdata[i])->name);
  g_ptr_array_add (names, NULL);
  crm_clients_columns_set_owners (self->column_view, (const char * const *) names->pdata);
}

/* ---- what the list shows ---------------------------------------------------- */

static void
update_state (CrmClientsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean loading = crm_client_list_model_get_loading (self->model);
  const GError *error = crm_client_list_model_get_error (self->model);
  const char *page;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (n > 0 || !loading)
    {
      g_autofree char *number = crm_locale_format_integer (n);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s client", "%s clients", n), number);
      gtk_label_set_label (self->count_label, text);
    }

  if (error != NULL && n == 0)
    {
      adw_status_page_set_description (self->error_page, error->message);
      page = "error";
    }
  else if (n > 0 || loading || !self->started)
    page = "list";
  else if (is_filtered (self))
    page = "no-match";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

static void
model_changed_cb (GObject *object, GParamSpec *pspec, CrmClientsPage *self)
{
  update_state (self);
}

/* ---- the other actions ---------------------------------------------------- */

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
client_created_cb (gint64 client_id, gpointer user_data)
{
  g_autoptr(CrmClientsPage) self = g_weak_ref_get (user_data);

  if (self != NULL)
    crm_clients_page_open_client (self, client_id);
}

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);
  CrmClientForm *form;
  GWeakRef *ref;

  if (self->database == NULL)
    return;
  /* The form may outlive the page (the window closing). */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  form = crm_client_dialog_new_client (widget, self->database, client_created_cb, ref);
  g_object_set_data_full (G_OBJECT (form), "crm-page", ref, (GDestroyNotify) weak_ref_free);
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->status_filter, 0);
  crm_manager_picker_set_manager_id (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->source_filter, 0);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  self->updating_filters = FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_query (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_card_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crm_clients_page_close_card (CRM_CLIENTS_PAGE (widget));
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (crm_clients_page_card_shows_client (self))
    crm_client_card_save (self->card, &error);
}

static void
revert_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crm_client_card_revert (CRM_CLIENTS_PAGE (widget)->card);
}

typedef CrmClientForm *(*DialogFunc) (GtkWidget *parent, CrmDatabase *db, CrmClient *client);

static void
open_dialog (CrmClientsPage *self, DialogFunc dialog)
{
  if (!crm_clients_page_card_shows_client (self))
    return;
  crm_clients_page_commit_card (self);
  dialog (GTK_WIDGET (self), self->database, crm_client_card_get_client (self->card));
}

static void
card_action_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);

  if (g_str_equal (action_name, "clients.log-call"))
    open_dialog (self, crm_client_dialog_log_call);
  else if (g_str_equal (action_name, "clients.schedule-meeting"))
    open_dialog (self, crm_client_dialog_schedule_meeting);
  else if (g_str_equal (action_name, "clients.new-deal"))
    open_dialog (self, crm_client_dialog_new_deal);
  else if (g_str_equal (action_name, "clients.record-payment"))
    open_dialog (self, crm_client_dialog_record_payment);
  else if (g_str_equal (action_name, "clients.register-complaint"))
    open_dialog (self, crm_client_dialog_register_complaint);
}

static const char * const card_actions[] = {
  "clients.save", "clients.revert", "clients.log-call", "clients.schedule-meeting",
  "clients.new-deal", "clients.record-payment", "clients.register-complaint",
};

void
crm_clients_page_update_actions (CrmClientsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = self->database != NULL && !crm_database_is_read_only (self->database);
  gboolean open = crm_clients_page_card_shows_client (self);

  gtk_widget_action_set_enabled (widget, "clients.new", writable);
  gtk_widget_action_set_enabled (widget, "clients.delete",
                                 writable && self->n_busy == 0 && (open || crm_clients_page_selected_id (self) > 0));
  gtk_widget_action_set_enabled (widget, "clients.undo-delete",
                                 writable && self->n_busy == 0 && self->undo_toasts->len > 0);
  gtk_widget_action_set_enabled (widget, "clients.close-card", gtk_widget_get_visible (GTK_WIDGET (self->card)));
  for (gsize i = 0; i < G_N_ELEMENTS (card_actions); i++)
    gtk_widget_action_set_enabled (widget, card_actions[i], open && (writable || i == 1));
}

/* ---- the data changed ------------------------------------------------------ */

static gboolean
refresh_cb (gpointer user_data)
{
  CrmClientsPage *self = user_data;

  self->refresh_id = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  self->stale = FALSE;
  if (self->tags_stale)
    reload_tags (self);
  if (self->owners_stale)
    load_owners (self);
  if (!self->started)
    apply_query (self);
  else
    crm_client_list_model_refresh (self->model);
  crm_client_card_reload (self->card);
  crm_clients_page_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmClientsPage *self)
{
  static const char * const tables[] = {
    "client", "client_tag", "tag", "activity", "payment", "deal", "complaint", "manager", "setting",
  };
  gboolean relevant = FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    relevant |= g_strcmp0 (table, tables[i]) == 0;
  if (!relevant)
    return;
  if (g_strcmp0 (table, "tag") == 0 || g_strcmp0 (table, "client_tag") == 0)
    self->tags_stale = TRUE;
  if (g_strcmp0 (table, "setting") == 0)
    load_currency (self);
  if (table == NULL || g_strcmp0 (table, "manager") == 0)
    self->owners_stale = TRUE;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

void
crm_clients_page_set_database (CrmClientsPage *self, CrmDatabase *database)
{
  g_return_if_fail (CRM_IS_CLIENTS_PAGE (self));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, 0);
  load_currency (self);
  load_owners (self);
  crm_manager_picker_set_database (self->owner_filter, database);
  crm_client_card_set_database (self->card, database);
  crm_clients_page_show_card (self, FALSE);
  /* The list is given the database with its first query. */
  crm_client_list_model_set_database (self->model, NULL);
  self->started = FALSE;
  self->tags_stale = TRUE;
  /* The list is read when the screen is first shown. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
  update_state (self);
  crm_clients_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* ---- public ------------------------------------------------------------- */

GtkWidget *
crm_clients_page_new (void)
{
  return g_object_new (CRM_TYPE_CLIENTS_PAGE, NULL);
}

CrmClientListModel *
crm_clients_page_get_model (CrmClientsPage *self)
{
  g_return_val_if_fail (CRM_IS_CLIENTS_PAGE (self), NULL);
  return self->model;
}

CrmClientCard *
crm_clients_page_get_card (CrmClientsPage *self)
{
  g_return_val_if_fail (CRM_IS_CLIENTS_PAGE (self), NULL);
  return self->card;
}

gboolean
crm_clients_page_is_card_open (CrmClientsPage *self)
{
  g_return_val_if_fail (CRM_IS_CLIENTS_PAGE (self), FALSE);
  return crm_clients_page_card_shows_client (self);
}

/* A deletion or an undo is running in its worker. */
gboolean
crm_clients_page_is_busy (CrmClientsPage *self)
{
  g_return_val_if_fail (CRM_IS_CLIENTS_PAGE (self), FALSE);
  return self->n_busy > 0;
}

/* "list", "empty", "no-match" or "error". */
const char *
crm_clients_page_get_state (CrmClientsPage *self)
{
  g_return_val_if_fail (CRM_IS_CLIENTS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
crm_clients_page_get_count_text (CrmClientsPage *self)
{
  g_return_val_if_fail (CRM_IS_CLIENTS_PAGE (self), NULL);
  return gtk_label_get_label (self->count_label);
}

/* ---- the width of the list ---------------------------------------------------- */

/* The card opens beside the list only when the list keeps a useful width
 * (a name, a phone, a status); narrower, it opens over the list. */
#define LIST_BESIDE_CARD 420

static void
page_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);

  /* Before the leaflet is laid out: it folds in the same pass. */
  adw_leaflet_set_can_unfold (self->leaflet, width >= LIST_BESIDE_CARD + 1 + CRM_CLIENT_CARD_WIDTH);
  crm_child_layout_allocate (widget, width, height, baseline);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_clients_page_map (GtkWidget *widget)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_clients_page_parent_class)->map (widget);
  gtk_widget_action_set_enabled (widget, "clients.search", TRUE);
  if ((self->stale || !self->started) && self->refresh_id == 0 && self->database != NULL)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Shown: the keyboard starts in the search (in the card when a narrow
 * window shows only the card). */
static gboolean
crm_clients_page_grab_focus (GtkWidget *widget)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet) && adw_leaflet_get_visible_child (self->leaflet) != self->list_pane)
    return gtk_widget_child_focus (GTK_WIDGET (self->card), GTK_DIR_TAB_FORWARD);
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
crm_clients_page_unmap (GtkWidget *widget)
{
  /* Ctrl+F is global: it must not reach a hidden screen. */
  gtk_widget_action_set_enabled (widget, "clients.search", FALSE);
  GTK_WIDGET_CLASS (crm_clients_page_parent_class)->unmap (widget);
}

/* Not shown: the connections kept for the next search close. */
static void
crm_clients_page_release (CrmScreen *screen)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (screen);

  crm_client_list_model_release (self->model);
}

static void
crm_clients_page_screen_init (CrmScreenInterface *iface)
{
  iface->release = crm_clients_page_release;
}

static void
crm_clients_page_dispose (GObject *object)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  /* The columns going away change the sorter. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  crm_clients_page_forget_undo (self);
  if (self->model != NULL)
    crm_client_list_model_set_database (self->model, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_CLIENTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (crm_clients_page_parent_class)->dispose (object);
}

static void
crm_clients_page_finalize (GObject *object)
{
  g_free (CRM_CLIENTS_PAGE (object)->currency);
  G_OBJECT_CLASS (crm_clients_page_parent_class)->finalize (object);
}

static void
crm_clients_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE: g_value_set_object (value, self->database); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_clients_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE: crm_clients_page_set_database (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_clients_page_class_init (CrmClientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_clients_page_dispose;
  object_class->finalize = crm_clients_page_finalize;
  object_class->get_property = crm_clients_page_get_property;
  object_class->set_property = crm_clients_page_set_property;
  widget_class->map = crm_clients_page_map;
  widget_class->unmap = crm_clients_page_unmap;
  widget_class->grab_focus = crm_clients_page_grab_focus;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_CLIENT_CARD);
  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-clients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, source_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, tag_names);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, list_bin);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, card_separator);
  gtk_widget_class_bind_template_child (widget_class, CrmClientsPage, card);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  crm_clients_page_card_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "clients.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "clients.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "clients.clear-search", NULL, clear_search_activated);
  gtk_widget_class_install_action (widget_class, "clients.close-card", NULL, close_card_activated);
  gtk_widget_class_install_action (widget_class, "clients.delete", NULL, crm_clients_page_delete_activated);
  gtk_widget_class_install_action (widget_class, "clients.undo-delete", NULL, crm_clients_page_undo_activated);
  gtk_widget_class_install_action (widget_class, "clients.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "clients.revert", NULL, revert_activated);
  for (gsize i = 2; i < G_N_ELEMENTS (card_actions); i++)
    gtk_widget_class_install_action (widget_class, card_actions[i], NULL, card_action_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "clients.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "clients.close-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "clients.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "clients.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "clients.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "clients.log-call", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "clients.schedule-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "clients.new-deal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "clients.record-payment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_K, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "clients.register-complaint", NULL);
}

static void
set_filter_labels (GtkDropDown *drop_down, const char *all, const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (gsize i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (list, labels[i]);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop_down, 0);
}

static void
crm_clients_page_init (CrmClientsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child (see CrmManagerPicker). */
  self->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));

  self->undo_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->sort = CRM_CLIENT_SORT_NAME;
  self->currency = g_strdup ("RUB");

  /* Tab goes to the filters, not to the flow box's cells. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->filter_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (self->clear_button), FALSE);

  self->updating_filters = TRUE;
  set_filter_labels (self->status_filter, _("All statuses"), crm_client_field_status_labels ());
  set_filter_labels (self->source_filter, _("All sources"), crm_client_field_source_labels ());
  self->updating_filters = FALSE;
  reload_tags (self);

  self->model = crm_client_list_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  crm_clients_page_card_init (self);
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (model_changed_cb), self, 0);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_changed_cb), self, 0);

  crm_clients_columns_add (self->column_view, &self->currency);
  crm_clients_columns_follow_width (self->column_view, self->list_bin);
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, crm_child_layout_measure, page_allocate));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, 0);
  {
    GListModel *columns = gtk_column_view_get_columns (self->column_view);
    g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, CRM_CLIENTS_COLUMN_NAME);
    gtk_column_view_sort_by_column (self->column_view, name, GTK_SORT_ASCENDING);
  }

  /* Ctrl+F reaches the search wherever the focus is while the screen shows. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("clients.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.search", FALSE);

  update_state (self);
  crm_clients_page_update_actions (self);
}
