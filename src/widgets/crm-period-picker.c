/* crm-period-picker.c — choose a month, a quarter, a year or a range of days
 *
 *   [Month ▾] [‹] [November 2026] [›]
 *
 * The kind, the previous and next period, and a popover with a calendar to
 * jump to the period containing a day (two calendars for a range of days).
 * Property "period" (a CrmPeriod); actions "period.previous",
 * "period.next" and "period.choose" for the host's shortcuts. Starts on the
 * current month.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-period-picker.h"

struct _CrmPeriodPicker {
  AdwBin          parent_instance;

  GtkDropDown    *kind_drop_down;
  GtkMenuButton  *label_button;
  GtkCalendar    *from_calendar;
  GtkCalendar    *to_calendar;
  GtkWidget      *to_box;
  GtkLabel       *from_label;

  CrmPeriod      *period;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (CrmPeriodPicker, crm_period_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_widgets (CrmPeriodPicker *self)
{
  g_autofree char *label = crm_period_format (self->period);
  CrmPeriodKind kind = crm_period_get_kind (self->period);
  gboolean range = kind == CRM_PERIOD_RANGE;
  GDate from, last;
  g_autoptr(GDateTime) from_dt = NULL;
  g_autoptr(GDateTime) last_dt = NULL;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->kind_drop_down, kind);
  gtk_menu_button_set_label (self->label_button, label);
  gtk_widget_set_visible (self->to_box, range);
  gtk_label_set_label (self->from_label, range ? _("From") : _("Show the period of the day"));
  crm_period_get_from (self->period, &from);
  crm_period_get_to (self->period, &last);
  g_date_subtract_days (&last, 1);
  from_dt = g_date_time_new_local (g_date_get_year (&from), g_date_get_month (&from), g_date_get_day (&from), 12, 0, 0);
  last_dt = g_date_time_new_local (g_date_get_year (&last), g_date_get_month (&last), g_date_get_day (&last), 12, 0, 0);
  gtk_calendar_select_day (self->from_calendar, from_dt);
  gtk_calendar_select_day (self->to_calendar, last_dt);
  self->updating = FALSE;
}

void
crm_period_picker_set_period (CrmPeriodPicker *self, CrmPeriod *period)
{
  g_return_if_fail (CRM_IS_PERIOD_PICKER (self));
  g_return_if_fail (period != NULL);

  if (self->period != NULL && crm_period_equal (self->period, period))
    return;
  g_clear_pointer (&self->period, crm_period_unref);
  self->period = crm_period_ref (period);
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

CrmPeriod *
crm_period_picker_get_period (CrmPeriodPicker *self)
{
  g_return_val_if_fail (CRM_IS_PERIOD_PICKER (self), NULL);
  return self->period;
}

GtkWidget *
crm_period_picker_new (void)
{
  return g_object_new (CRM_TYPE_PERIOD_PICKER, NULL);
}

static void
date_of (GtkCalendar *calendar, GDate *out)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
}

static void
kind_changed_cb (GtkDropDown *drop_down, GParamSpec *pspec, CrmPeriodPicker *self)
{
  CrmPeriodKind kind = gtk_drop_down_get_selected (drop_down);
  g_autoptr(CrmPeriod) period = NULL;
  GDate from;

  if (self->updating || kind > CRM_PERIOD_RANGE)
    return;
  crm_period_get_from (self->period, &from);
  if (kind == CRM_PERIOD_RANGE)
    {
      /* A range starts as the period shown, to be narrowed in the popover. */
      GDate to;
      crm_period_get_to (self->period, &to);
      period = crm_period_new_range (&from, &to);
      crm_period_picker_set_period (self, period);
      gtk_menu_button_popup (self->label_button);
      return;
    }
  period = crm_period_new_containing (kind, &from);
  crm_period_picker_set_period (self, period);
}

static void
day_selected_cb (GtkCalendar *calendar, CrmPeriodPicker *self)
{
  g_autoptr(CrmPeriod) period = NULL;
  GDate day;

  if (self->updating || crm_period_get_kind (self->period) == CRM_PERIOD_RANGE)
    return;
  date_of (calendar, &day);
  period = crm_period_new_containing (crm_period_get_kind (self->period), &day);
  crm_period_picker_set_period (self, period);
  gtk_menu_button_popdown (self->label_button);
}

static void
apply_range_cb (GtkButton *button, CrmPeriodPicker *self)
{
  g_autoptr(CrmPeriod) period = NULL;
  GDate a, b;

  date_of (self->from_calendar, &a);
  date_of (self->to_calendar, &b);
  if (g_date_compare (&a, &b) > 0)
    {
      GDate t = a;
      a = b;
      b = t;
    }
  g_date_add_days (&b, 1);
  period = crm_period_new_range (&a, &b);
  crm_period_picker_set_period (self, period);
  gtk_menu_button_popdown (self->label_button);
}

static void
previous_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmPeriodPicker *self = CRM_PERIOD_PICKER (widget);
  g_autoptr(CrmPeriod) period = crm_period_previous (self->period);
  crm_period_picker_set_period (self, period);
}

static void
next_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmPeriodPicker *self = CRM_PERIOD_PICKER (widget);
  g_autoptr(CrmPeriod) period = crm_period_next (self->period);
  crm_period_picker_set_period (self, period);
}

static void
choose_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_menu_button_popup (CRM_PERIOD_PICKER (widget)->label_button);
}

static void
crm_period_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_PERIOD_PICKER);
  G_OBJECT_CLASS (crm_period_picker_parent_class)->dispose (object);
}

static void
crm_period_picker_finalize (GObject *object)
{
  CrmPeriodPicker *self = CRM_PERIOD_PICKER (object);

  g_clear_pointer (&self->period, crm_period_unref);
  G_OBJECT_CLASS (crm_period_picker_parent_class)->finalize (object);
}

static void
crm_period_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmPeriodPicker *self = CRM_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_boxed (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_period_picker_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmPeriodPicker *self = CRM_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      if (g_value_get_boxed (value) != NULL)
        crm_period_picker_set_period (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_period_picker_class_init (CrmPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_period_picker_dispose;
  object_class->finalize = crm_period_picker_finalize;
  object_class->get_property = crm_period_picker_get_property;
  object_class->set_property = crm_period_picker_set_property;

  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL, CRM_TYPE_PERIOD,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-period-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPeriodPicker, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CrmPeriodPicker, label_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPeriodPicker, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmPeriodPicker, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmPeriodPicker, to_box);
  gtk_widget_class_bind_template_child (widget_class, CrmPeriodPicker, from_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_range_cb);

  gtk_widget_class_install_action (widget_class, "period.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "period.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "period.choose", NULL, choose_activated);
}

static void
crm_period_picker_init (CrmPeriodPicker *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  crm_date_set_today (&today);
  self->period = crm_period_new_containing (CRM_PERIOD_MONTH, &today);
  sync_widgets (self);
}
