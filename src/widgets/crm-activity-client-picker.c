/* crm-activity-client-picker.c — choose the client of an activity by searching
 *
 * A button with the client's name; its popover has a search entry (name,
 * company, phone or e-mail, through the client store's full-text search,
 * so it stays instant with 100,000 clients) and the first matches. The
 * property "client-id" says who was chosen (0: nobody).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-client-picker.h"
#include "crm-client-store.h"

#define MAX_RESULTS 8

struct _CrmActivityClientPicker {
  AdwBin          parent_instance;

  GtkMenuButton  *button;
  GtkLabel       *button_label;
  GtkSearchEntry *entry;
  GtkListBox     *results;
  GtkLabel       *hint;
  CrmDatabase    *database;
  GPtrArray      *found;          /* CrmClient */
  gint64          client_id;
  char           *client_name;
};

G_DEFINE_FINAL_TYPE (CrmActivityClientPicker, crm_activity_client_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (CrmActivityClientPicker *self)
{
  gtk_label_set_text (self->button_label, self->client_id > 0 && self->client_name != NULL
                                          ? self->client_name : _("No client"));
}

void
crm_activity_client_picker_set_client (CrmActivityClientPicker *self, gint64 client_id, const char *name)
{
  g_return_if_fail (CRM_IS_ACTIVITY_CLIENT_PICKER (self));

  g_free (self->client_name);
  self->client_name = client_id > 0 ? g_strdup (name) : NULL;
  if (self->client_id != client_id)
    {
      self->client_id = client_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
    }
  update_label (self);
}

gint64
crm_activity_client_picker_get_client_id (CrmActivityClientPicker *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_CLIENT_PICKER (self), 0);
  return self->client_id;
}

const char *
crm_activity_client_picker_get_client_name (CrmActivityClientPicker *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_CLIENT_PICKER (self), NULL);
  return self->client_name;
}

void
crm_activity_client_picker_set_database (CrmActivityClientPicker *self, CrmDatabase *db)
{
  g_return_if_fail (CRM_IS_ACTIVITY_CLIENT_PICKER (self));
  g_set_object (&self->database, db);
}

static GtkWidget *
result_row (CrmClient *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *first_phone = c->phones != NULL ? g_strdup (c->phones) : NULL;
  GString *sub = g_string_new (NULL);

  if (first_phone != NULL && strchr (first_phone, '\n') != NULL)
    *strchr (first_phone, '\n') = '\0';
  if (c->company != NULL && *c->company != '\0' && g_strcmp0 (c->company, c->name) != 0)
    g_string_append (sub, c->company);
  if (first_phone != NULL && *first_phone != '\0')
    g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", first_phone);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_string_free (sub, TRUE);
  return row;
}

void
crm_activity_client_picker_search (CrmActivityClientPicker *self, const char *text)
{
  CrmClientQuery query;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  GtkWidget *child;

  g_return_if_fail (CRM_IS_ACTIVITY_CLIENT_PICKER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_ptr_array_set_size (self->found, 0);
  if (*trimmed == '\0' || self->database == NULL)
    {
      gtk_label_set_text (self->hint, _("Type a name, a company, a phone number or an e-mail."));
      gtk_widget_set_visible (GTK_WIDGET (self->hint), TRUE);
      return;
    }
  crm_client_query_init (&query);
  query.search = trimmed;
  {
    g_autoptr(GPtrArray) page = crm_client_store_page (self->database, &query, NULL, MAX_RESULTS, &error);
    for (guint i = 0; page != NULL && i < page->len; i++)
      {
        g_ptr_array_add (self->found, g_object_ref (page->pdata[i]));
        gtk_list_box_append (self->results, result_row (page->pdata[i]));
      }
  }
  if (error != NULL)
    g_warning ("Client search failed: %s", error->message);
  gtk_label_set_text (self->hint, _("No client matches. Try part of the name or the last digits of the phone."));
  gtk_widget_set_visible (GTK_WIDGET (self->hint), self->found->len == 0);
}

gboolean
crm_activity_client_picker_choose (CrmActivityClientPicker *self, guint index)
{
  CrmClient *c;

  g_return_val_if_fail (CRM_IS_ACTIVITY_CLIENT_PICKER (self), FALSE);
  if (index >= self->found->len)
    return FALSE;
  c = self->found->pdata[index];
  crm_activity_client_picker_set_client (self, c->id, c->name);
  gtk_menu_button_popdown (self->button);
  return TRUE;
}

static void
search_changed_cb (GtkSearchEntry *entry, CrmActivityClientPicker *self)
{
  crm_activity_client_picker_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activated_cb (GtkSearchEntry *entry, CrmActivityClientPicker *self)
{
  crm_activity_client_picker_choose (self, 0);
}

static void
row_activated_cb (GtkListBox *box, GtkListBoxRow *row, CrmActivityClientPicker *self)
{
  crm_activity_client_picker_choose (self, (guint) gtk_list_box_row_get_index (row));
}

static void
clear_clicked_cb (GtkButton *button, CrmActivityClientPicker *self)
{
  crm_activity_client_picker_set_client (self, 0, NULL);
  gtk_menu_button_popdown (self->button);
}

static void
popover_shown_cb (GtkPopover *popover, CrmActivityClientPicker *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

GtkWidget *
crm_activity_client_picker_new (void)
{
  return g_object_new (CRM_TYPE_ACTIVITY_CLIENT_PICKER, NULL);
}

static void
crm_activity_client_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmActivityClientPicker *self = CRM_ACTIVITY_CLIENT_PICKER (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_activity_client_picker_dispose (GObject *object)
{
  CrmActivityClientPicker *self = CRM_ACTIVITY_CLIENT_PICKER (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->client_name, g_free);
  G_OBJECT_CLASS (crm_activity_client_picker_parent_class)->dispose (object);
}

static void
crm_activity_client_picker_class_init (CrmActivityClientPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_activity_client_picker_get_property;
  object_class->dispose = crm_activity_client_picker_dispose;

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_activity_client_picker_init (CrmActivityClientPicker *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Client"));

  self->found = g_ptr_array_new_with_free_func (g_object_unref);
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  self->button_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->button_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->button_label, 28);
  gtk_menu_button_set_child (self->button, GTK_WIDGET (self->button_label));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose the client"));

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->entry, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search for a client"), -1);
  g_object_set (self->entry, "placeholder-text", _("Search for a client"), NULL);
  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  self->hint = GTK_LABEL (gtk_label_new (_("Type a name, a company, a phone number or an e-mail.")));
  gtk_label_set_wrap (self->hint, TRUE);
  gtk_label_set_max_width_chars (self->hint, 36);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->results));
  gtk_widget_set_size_request (box, 320, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->button, popover);

  g_signal_connect (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (search_activated_cb), self);
  g_signal_connect (self->results, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
  g_signal_connect (popover, "show", G_CALLBACK (popover_shown_cb), self);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  update_label (self);
}
