/* crm-client-date-button.c — a day chosen in a calendar popover
 *
 * Shows the day in the user's format ("Nov 27, 2026", "27.11.2026") and
 * keeps it as an ISO date in the "date" property. With "allow-none" the
 * popover offers "No Date" and the property may be NULL.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "crm-client-date-button.h"
#include "crm-locale.h"

struct _CrmClientDateButton {
  AdwBin          parent_instance;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkWidget      *clear_button;

  char           *date;
  gboolean        allow_none;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (CrmClientDateButton, crm_client_date_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ALLOW_NONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
update_label (CrmClientDateButton *self)
{
  g_autofree char *text = NULL;

  if (self->date == NULL)
    text = g_strdup (_("No date"));
  else
    text = crm_locale_format_iso_date (self->date);
  gtk_menu_button_set_label (self->button, text);
}

static void
show_in_calendar (CrmClientDateButton *self)
{
  g_autofree char *fallback = today_iso ();
  const char *iso = self->date != NULL ? self->date : fallback;
  int y, m, d;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);
      if (dt != NULL)
        {
          self->updating = TRUE;
          gtk_calendar_select_day (self->calendar, dt);
          self->updating = FALSE;
        }
    }
}

void
crm_client_date_button_set_date (CrmClientDateButton *self, const char *iso_date)
{
  g_return_if_fail (CRM_IS_CLIENT_DATE_BUTTON (self));

  if (iso_date != NULL && *iso_date == '\0')
    iso_date = NULL;
  if (iso_date == NULL && !self->allow_none)
    {
      g_autofree char *today = today_iso ();
      crm_client_date_button_set_date (self, today);
      return;
    }
  if (g_strcmp0 (self->date, iso_date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (iso_date);
  update_label (self);
  show_in_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
crm_client_date_button_get_date (CrmClientDateButton *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_DATE_BUTTON (self), NULL);
  return self->date;
}

GtkWidget *
crm_client_date_button_new (void)
{
  return g_object_new (CRM_TYPE_CLIENT_DATE_BUTTON, NULL);
}

static void
day_selected_cb (GtkCalendar *calendar, CrmClientDateButton *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->updating)
    return;
  dt = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  crm_client_date_button_set_date (self, iso);
  gtk_popover_popdown (self->popover);
}

static void
today_clicked_cb (GtkButton *button, CrmClientDateButton *self)
{
  g_autofree char *today = today_iso ();

  crm_client_date_button_set_date (self, today);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (GtkButton *button, CrmClientDateButton *self)
{
  crm_client_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
crm_client_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_CLIENT_DATE_BUTTON);
  G_OBJECT_CLASS (crm_client_date_button_parent_class)->dispose (object);
}

static void
crm_client_date_button_finalize (GObject *object)
{
  g_free (CRM_CLIENT_DATE_BUTTON (object)->date);
  G_OBJECT_CLASS (crm_client_date_button_parent_class)->finalize (object);
}

static void
crm_client_date_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmClientDateButton *self = CRM_CLIENT_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_ALLOW_NONE: g_value_set_boolean (value, self->allow_none); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_date_button_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmClientDateButton *self = CRM_CLIENT_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      crm_client_date_button_set_date (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_NONE:
      self->allow_none = g_value_get_boolean (value);
      gtk_widget_set_visible (self->clear_button, self->allow_none);
      if (!self->allow_none && self->date == NULL)
        crm_client_date_button_set_date (self, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_date_button_class_init (CrmClientDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_client_date_button_dispose;
  object_class->finalize = crm_client_date_button_finalize;
  object_class->get_property = crm_client_date_button_get_property;
  object_class->set_property = crm_client_date_button_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-client-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmClientDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, CrmClientDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmClientDateButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
crm_client_date_button_init (CrmClientDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child (see CrmManagerPicker). */
  self->button = GTK_MENU_BUTTON (adw_bin_get_child (ADW_BIN (self)));
  crm_client_date_button_set_date (self, NULL);
}
