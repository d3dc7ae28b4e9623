/* crm-client-fields.c — the rows the client card and its forms are made of
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-client-date-button.h"
#include "crm-client-fields.h"
#include "crm-enums.h"
#include "crm-manager-picker.h"

GtkWidget *
crm_client_field_message_new (void)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  return row;
}

/* Shows @message under @row (an error, or a warning that does not stop
 * saving); NULL hides it. The row's accessible description says it too. */
void
crm_client_field_show (GtkWidget *row, GtkWidget *message_row, const char *message, gboolean is_error)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row));
  gboolean show = message != NULL && *message != '\0';

  gtk_label_set_label (GTK_LABEL (label), show ? message : "");
  gtk_widget_set_visible (message_row, show);
  if (show && is_error)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_remove_css_class (label, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (label, "error");
      if (show)
        gtk_widget_add_css_class (label, "warning");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  show ? message : "", -1);
}

/* The message shown under a field, or NULL. */
const char *
crm_client_field_get_message (GtkWidget *message_row)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row));

  if (!gtk_widget_get_visible (message_row))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (label));
}

GtkWidget *
crm_client_field_entry (const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

GtkWidget *
crm_client_field_spin (const char *title, double min, double max, double step, double value,
                       GtkSpinButton **out_spin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  /* Enter in the number saves the form, as in the entries. */
  g_object_set (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activates-default", TRUE, NULL);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (out_spin != NULL)
    *out_spin = GTK_SPIN_BUTTON (spin);
  return row;
}

GtkWidget *
crm_client_field_combo (const char *title, const char * const *labels, guint selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

/* A manager chosen among the active ones; with @none_label, the first
 * entry is "nobody" (id 0). */
GtkWidget *
crm_client_field_manager (const char *title, CrmDatabase *database, const char *none_label,
                          gint64 manager_id, GtkWidget **out_picker)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picker = g_object_new (CRM_TYPE_MANAGER_PICKER,
                                    "allow-all", none_label != NULL,
                                    "all-label", none_label,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);

  crm_manager_picker_set_database (CRM_MANAGER_PICKER (picker), database);
  if (manager_id > 0)
    crm_manager_picker_set_manager_id (CRM_MANAGER_PICKER (picker), manager_id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), picker);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         gtk_widget_get_first_child (picker));
  if (out_picker != NULL)
    *out_picker = picker;
  return row;
}

GtkWidget *
crm_client_field_date (const char *title, const char *iso_date, gboolean allow_none, GtkWidget **out_button)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = g_object_new (CRM_TYPE_CLIENT_DATE_BUTTON, "allow-none", allow_none, NULL);

  crm_client_date_button_set_date (CRM_CLIENT_DATE_BUTTON (button), iso_date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), gtk_widget_get_first_child (button));
  if (out_button != NULL)
    *out_button = button;
  return row;
}

static const char * const *
labels_of (const char **cache, int n, const char *(*to_label) (int))
{
  /* Translated on first use, in the language of the moment. */
  for (int i = 0; i < n; i++)
    cache[i] = to_label (i);
  cache[n] = NULL;
  return cache;
}

static const char *status_label (int v) { return crm_client_status_to_label (v); }
static const char *source_label (int v) { return crm_client_source_to_label (v); }
static const char *kind_label (int v) { return crm_client_kind_to_label (v); }

const char * const *
crm_client_field_status_labels (void)
{
  static const char *labels[CRM_N_STATUSES + 1];
  return labels_of (labels, CRM_N_STATUSES, status_label);
}

const char * const *
crm_client_field_source_labels (void)
{
  static const char *labels[CRM_N_SOURCES + 1];
  return labels_of (labels, CRM_N_SOURCES, source_label);
}

const char * const *
crm_client_field_kind_labels (void)
{
  static const char *labels[2 + 1];
  return labels_of (labels, 2, kind_label);
}
