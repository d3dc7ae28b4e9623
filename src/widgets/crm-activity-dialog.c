/* crm-activity-dialog.c — create or change a call, a meeting or a task
 *
 * The fields of an activity, the repetition (daily; weekly on chosen days;
 * monthly; until a day or a number of times), and above them, as soon as
 * the time or the manager changes, whatever that manager already has then.
 * Saving a repeating one asks which part of the series it is for.
 *
 * The write runs in the store's writer thread: meanwhile the button that
 * started it turns into a spinner, the dialog cannot be closed and keeps
 * what was typed; a refusal is said at its top, to be corrected or tried
 * again.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "crm-activity-actions.h"
#include "crm-activity-client-picker.h"
#include "crm-activity-dialog.h"
#include "crm-calendar-style.h"
#include "crm-locale.h"
#include "crm-manager-picker.h"
#include "crm-recurrence.h"
#include "crm-save-button.h"

static const int reminder_choices[] = { -1, 0, 5, 10, 15, 30, 60, 120, 1440 };

struct _CrmActivityDialog {
  AdwWindow                parent_instance;

  AdwWindowTitle          *window_title;
  GtkButton               *save_button;
  GtkLabel                *error_label;
  GtkWidget               *conflict_box;
  GtkLabel                *conflict_label;
  AdwComboRow             *type_row;
  AdwEntryRow             *title_row;
  CrmActivityClientPicker *client_picker;
  CrmManagerPicker        *manager_picker;
  GtkMenuButton           *date_button;
  GtkCalendar             *date_calendar;
  GtkSwitch               *all_day_switch;
  GtkWidget               *start_row;
  GtkSpinButton           *start_spin;
  GtkWidget               *duration_row;
  GtkSpinButton           *duration_spin;
  GtkWidget               *repeat_group;
  AdwComboRow             *repeat_row;
  GtkWidget               *weekdays_row;
  GtkWidget               *weekdays_box;
  AdwComboRow             *ends_row;
  GtkWidget               *until_row;
  GtkMenuButton           *until_button;
  GtkCalendar             *until_calendar;
  GtkWidget               *count_row;
  GtkSpinButton           *count_spin;
  AdwComboRow             *state_row;
  AdwComboRow             *direction_row;
  AdwComboRow             *reminder_row;
  AdwEntryRow             *location_row;
  AdwEntryRow             *outcome_row;
  GtkWidget               *actions_box;
  GtkWidget               *done_button;
  GtkWidget               *delete_button;

  CrmDatabase             *db;
  CrmActivity             *original;
  char                    *series_rule;      /* the series' rule, for an occurrence */
  GArray                  *reminders;        /* int, parallel to the reminder row */
  GtkToggleButton         *weekday_toggles[8];
  GDate                    day;
  GDate                    until;
  gboolean                 other_rule;       /* a rule the fields cannot show */
  gboolean                 loading;
  GtkButton               *acting;           /* what started the write under way */
  gboolean                 saving;
};

G_DEFINE_FINAL_TYPE (CrmActivityDialog, crm_activity_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { REPEAT_NONE, REPEAT_DAILY, REPEAT_WEEKLY, REPEAT_MONTHLY, REPEAT_OTHER };
enum { ENDS_NEVER, ENDS_ON_DATE, ENDS_AFTER };

/* ---- times -------------------------------------------------------------- */

static gboolean
time_output_cb (GtkSpinButton *spin, gpointer user_data)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
time_input_cb (GtkSpinButton *spin, double *new_value, gpointer user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int h = 0, m = 0;

  if (sscanf (text, "%d:%d", &h, &m) < 1 && sscanf (text, "%d.%d", &h, &m) < 1)
    return GTK_INPUT_ERROR;
  if (h < 0 || h > 23 || m < 0 || m > 59)
    return GTK_INPUT_ERROR;
  *new_value = h * 60 + m;
  return TRUE;
}

static void
set_date_label (GtkMenuButton *button, const GDate *day)
{
  g_autofree char *text = crm_locale_format_date (day);
  gtk_menu_button_set_label (button, text);
}

static void
calendar_select (GtkCalendar *calendar, const GDate *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 12, 0, 0);
  gtk_calendar_select_day (calendar, dt);
}

static void
calendar_date (GtkCalendar *calendar, GDate *out)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
}

/* ---- reading the fields ------------------------------------------------- */

static GTimeZone *
series_zone (CrmActivityDialog *self)
{
  return crm_recurrence_zone (self->original->tzid);
}

static char *
rule_from_fields (CrmActivityDialog *self, gint64 dtstart)
{
  g_autoptr(GTimeZone) tz = series_zone (self);
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  CrmRepeat r;

  if (repeat == REPEAT_OTHER)
    return g_strdup (self->series_rule != NULL ? self->series_rule : self->original->rrule);
  crm_repeat_init (&r);
  r.frequency = repeat == REPEAT_DAILY ? CRM_REPEAT_DAILY
              : repeat == REPEAT_WEEKLY ? CRM_REPEAT_WEEKLY
              : repeat == REPEAT_MONTHLY ? CRM_REPEAT_MONTHLY : CRM_REPEAT_NONE;
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    if (gtk_toggle_button_get_active (self->weekday_toggles[d]))
      r.weekdays |= 1u << d;
  switch (adw_combo_row_get_selected (self->ends_row))
    {
    case ENDS_ON_DATE:
      r.until = self->until;
      break;
    case ENDS_AFTER:
      r.count = gtk_spin_button_get_value_as_int (self->count_spin);
      break;
    default:
      break;
    }
  return crm_repeat_to_rrule (&r, dtstart, tz);
}

CrmActivity *
crm_activity_dialog_get_edited (CrmActivityDialog *self)
{
  CrmActivity *a;
  guint reminder;
  gboolean all_day;

  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), NULL);
  a = crm_activity_copy (self->original);
  all_day = gtk_switch_get_active (self->all_day_switch);
  a->type = (CrmActivityType) adw_combo_row_get_selected (self->type_row);
  g_free (a->title);
  a->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  a->client_id = crm_activity_client_picker_get_client_id (self->client_picker);
  g_free (a->client_name);
  a->client_name = g_strdup (crm_activity_client_picker_get_client_name (self->client_picker));
  a->manager_id = crm_manager_picker_get_manager_id (self->manager_picker);
  g_free (a->manager_name);
  a->manager_name = g_strdup (crm_manager_picker_get_manager_name (self->manager_picker));
  a->all_day = all_day;
  a->starts_at = crm_calendar_local_time (&self->day, all_day ? 0 : gtk_spin_button_get_value_as_int (self->start_spin));
  a->duration_min = all_day ? 24 * 60 : gtk_spin_button_get_value_as_int (self->duration_spin);
  a->state = (CrmActivityState) adw_combo_row_get_selected (self->state_row);
  a->direction = a->type != CRM_ACTIVITY_CALL ? CRM_DIRECTION_NONE
                 : (CrmDirection) adw_combo_row_get_selected (self->direction_row);
  reminder = adw_combo_row_get_selected (self->reminder_row);
  a->reminder_min = reminder < self->reminders->len ? g_array_index (self->reminders, int, reminder) : -1;
  g_free (a->location);
  a->location = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  g_free (a->outcome);
  a->outcome = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->outcome_row)));
  g_free (a->rrule);
  a->rrule = rule_from_fields (self, a->starts_at);
  if (a->rrule != NULL && a->tzid == NULL && self->original->series_id == 0)
    a->tzid = crm_recurrence_local_tzid ();
  return a;
}

const char *
crm_activity_dialog_get_conflict_text (CrmActivityDialog *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->conflict_box) ? gtk_label_get_text (self->conflict_label) : NULL;
}

/* ---- reacting ----------------------------------------------------------- */

static void
check_conflicts (CrmActivityDialog *self)
{
  g_autoptr(CrmActivity) a = NULL;
  g_autoptr(GPtrArray) busy = NULL;
  g_autofree char *list = NULL;

  if (self->loading || self->db == NULL)
    return;
  a = crm_activity_dialog_get_edited (self);
  if (a->manager_id > 0 && !a->all_day && a->state != CRM_STATE_CANCELLED)
    busy = crm_activity_store_find_busy (self->db, a->manager_id, a->starts_at,
                                         a->starts_at + (gint64) MAX (a->duration_min, 1) * 60,
                                         self->original, NULL);
  list = crm_activity_describe_busy (busy, 3);
  if (list != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s is already busy then:\n%s"),
                                               a->manager_name != NULL ? a->manager_name : _("The manager"), list);
      gtk_label_set_text (self->conflict_label, text);
    }
  gtk_widget_set_visible (self->conflict_box, list != NULL);
}

static void
update_sensitivity (CrmActivityDialog *self)
{
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  guint ends = adw_combo_row_get_selected (self->ends_row);
  gboolean repeats = repeat != REPEAT_NONE && repeat != REPEAT_OTHER;

  gtk_widget_set_visible (self->start_row, !all_day);
  gtk_widget_set_visible (self->duration_row, !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), adw_combo_row_get_selected (self->type_row) == CRM_ACTIVITY_CALL);
  gtk_widget_set_visible (self->weekdays_row, repeat == REPEAT_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_row), repeats);
  gtk_widget_set_visible (self->until_row, repeats && ends == ENDS_ON_DATE);
  gtk_widget_set_visible (self->count_row, repeats && ends == ENDS_AFTER);
}

static void
when_changed_cb (CrmActivityDialog *self)
{
  update_sensitivity (self);
  check_conflicts (self);
}

static void
repeat_changed_cb (CrmActivityDialog *self)
{
  update_sensitivity (self);
}

static void
date_selected_cb (GtkCalendar *calendar, CrmActivityDialog *self)
{
  calendar_date (calendar, &self->day);
  set_date_label (self->date_button, &self->day);
  gtk_menu_button_popdown (self->date_button);
  check_conflicts (self);
}

static void
until_selected_cb (GtkCalendar *calendar, CrmActivityDialog *self)
{
  calendar_date (calendar, &self->until);
  set_date_label (self->until_button, &self->until);
  gtk_menu_button_popdown (self->until_button);
}

static void
manager_changed_cb (CrmManagerPicker *picker, GParamSpec *pspec, CrmActivityDialog *self)
{
  check_conflicts (self);
}

/* ---- filling ------------------------------------------------------------ */

static void
fill_reminders (CrmActivityDialog *self, int current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->reminders, 0);
  for (guint i = 0; i < G_N_ELEMENTS (reminder_choices); i++)
    g_array_append_val (self->reminders, reminder_choices[i]);
  if (current >= 0)
    {
      gboolean known = FALSE;
      for (guint i = 0; i < self->reminders->len; i++)
        known = known || g_array_index (self->reminders, int, i) == current;
      if (!known)
        g_array_append_val (self->reminders, current);
    }
  for (guint i = 0; i < self->reminders->len; i++)
    {
      int m = g_array_index (self->reminders, int, i);
      g_autofree char *text = NULL;

      if (m < 0)
        text = g_strdup (_("No reminder"));
      else if (m == 0)
        text = g_strdup (_("When it starts"));
      else if (m % 1440 == 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day before", "%d days before", m / 1440), m / 1440);
      else if (m % 60 == 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour before", "%d hours before", m / 60), m / 60);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute before", "%d minutes before", m), m);
      gtk_string_list_append (list, text);
      if (m == current)
        selected = i;
    }
  adw_combo_row_set_model (self->reminder_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->reminder_row, selected);
}

static void
fill_repeat (CrmActivityDialog *self, const char *rule, gint64 dtstart)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char *[]) {
    _("Does not repeat"), _("Every day"), _("Every week"), _("Every month"), NULL });
  g_autoptr(GTimeZone) tz = series_zone (self);
  CrmRepeat r;
  guint selected = REPEAT_NONE;

  crm_repeat_from_rrule (rule, dtstart, tz, &r);
  self->other_rule = r.frequency == CRM_REPEAT_OTHER;
  if (self->other_rule)
    {
      g_autofree char *text = crm_recurrence_describe (rule, dtstart, tz);
      gtk_string_list_append (list, text);
      selected = REPEAT_OTHER;
    }
  else if (r.frequency == CRM_REPEAT_DAILY)
    selected = REPEAT_DAILY;
  else if (r.frequency == CRM_REPEAT_WEEKLY)
    selected = REPEAT_WEEKLY;
  else if (r.frequency == CRM_REPEAT_MONTHLY)
    selected = REPEAT_MONTHLY;
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->repeat_row, selected);

  if (r.weekdays == 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (dtstart);
      r.weekdays = 1u << g_date_time_get_day_of_week (dt);
    }
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    gtk_toggle_button_set_active (self->weekday_toggles[d], (r.weekdays & (1u << d)) != 0);
  if (r.count > 0)
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_AFTER);
      gtk_spin_button_set_value (self->count_spin, r.count);
    }
  else if (g_date_valid (&r.until))
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_ON_DATE);
      self->until = r.until;
    }
  if (!g_date_valid (&self->until))
    {
      self->until = self->day;
      g_date_add_months (&self->until, 1);
    }
  calendar_select (self->until_calendar, &self->until);
  set_date_label (self->until_button, &self->until);
}

static void
fill (CrmActivityDialog *self)
{
  CrmActivity *a = self->original;
  gboolean is_new = a->id == 0 && a->series_id == 0;
  const char *rule = a->rrule;

  self->loading = TRUE;
  adw_window_title_set_title (self->window_title, is_new ? _("New Activity") : crm_activity_type_to_label (a->type));
  if (!is_new && a->client_name != NULL)
    adw_window_title_set_subtitle (self->window_title, a->client_name);
  adw_combo_row_set_selected (self->type_row, a->type);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), a->title != NULL ? a->title : "");
  crm_activity_client_picker_set_database (self->client_picker, self->db);
  crm_activity_client_picker_set_client (self->client_picker, a->client_id, a->client_name);
  crm_manager_picker_set_database (self->manager_picker, self->db);
  if (a->manager_id > 0)
    crm_manager_picker_set_manager_id (self->manager_picker, a->manager_id);

  crm_calendar_date_of (a->starts_at, &self->day);
  calendar_select (self->date_calendar, &self->day);
  set_date_label (self->date_button, &self->day);
  gtk_switch_set_active (self->all_day_switch, a->all_day);
  gtk_spin_button_set_value (self->start_spin, crm_calendar_minute_of (a->starts_at, &self->day));
  gtk_spin_button_set_value (self->duration_spin, a->duration_min);

  /* A changed occurrence has no rule of its own: its series has. */
  if (a->series_id > 0 && rule == NULL && self->db != NULL)
    {
      g_autoptr(CrmActivity) master = crm_activity_store_get (self->db, a->series_id, NULL);
      if (master != NULL)
        self->series_rule = g_strdup (master->rrule);
      rule = self->series_rule;
    }
  else if (a->series_id > 0)
    self->series_rule = g_strdup (rule);
  fill_repeat (self, rule, a->starts_at);

  adw_combo_row_set_selected (self->state_row, a->state);
  adw_combo_row_set_selected (self->direction_row, a->direction);
  fill_reminders (self, a->reminder_min);
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), a->location != NULL ? a->location : "");
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_row), a->outcome != NULL ? a->outcome : "");

  gtk_widget_set_visible (self->actions_box, !is_new);
  gtk_widget_set_visible (self->done_button, !is_new && a->state == CRM_STATE_PLANNED);
  gtk_widget_set_visible (GTK_WIDGET (self->state_row), !is_new);
  self->loading = FALSE;
  update_sensitivity (self);
  check_conflicts (self);
}

/* ---- actions ------------------------------------------------------------ */

static void
show_refusal (CrmActivityDialog *self, const char *refusal)
{
  gtk_label_set_label (self->error_label, refusal != NULL ? refusal : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), refusal != NULL);
}

static void
set_saving (CrmActivityDialog *self, gboolean saving)
{
  const char *actions[] = { "activity.save", "activity.delete", "activity.mark-done", "window.close" };

  self->saving = saving;
  if (self->acting != NULL)
    crm_save_button_set_busy (self->acting, saving);
  if (!saving)
    self->acting = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !saving);
}

static void
finished_cb (CrmActivityStep step, const char *refusal, gpointer user_data)
{
  CrmActivityDialog *self = user_data;

  if (self->db == NULL)                 /* destroyed meanwhile */
    {
      if (step != CRM_ACTIVITY_WRITING)
        g_object_unref (self);
      return;
    }
  if (step == CRM_ACTIVITY_WRITING)
    {
      show_refusal (self, NULL);
      set_saving (self, TRUE);
      return;
    }
  set_saving (self, FALSE);
  if (step == CRM_ACTIVITY_WRITTEN)
    {
      g_signal_emit (self, signals[SIGNAL_SAVED], 0);
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (refusal != NULL)
    show_refusal (self, refusal);
  g_object_unref (self);
}

/* "Does not repeat" for an occurrence: the rest of the series goes (the
 * part asked for), this one stays as an activity of its own. */
static void
stop_series (CrmActivityDialog *self)
{
  g_autoptr(CrmActivity) single = crm_activity_dialog_get_edited (self);

  single->id = 0;
  single->series_id = 0;
  single->recurrence_at = 0;
  g_clear_pointer (&single->uid, g_free);
  g_clear_pointer (&single->rrule, g_free);
  g_clear_pointer (&single->exdates, g_free);
  g_clear_pointer (&single->tzid, g_free);
  crm_activity_stop_series (GTK_WIDGET (self), self->db, self->original, single, finished_cb, g_object_ref (self));
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (widget);
  g_autoptr(CrmActivity) edited = crm_activity_dialog_get_edited (self);
  CrmSaveFlags flags = CRM_SAVE_ASK_SCOPE;

  if (self->saving)
    return;
  if (edited->manager_id <= 0)
    {
      crm_activity_toast (widget, _("Choose the manager first."));
      return;
    }
  self->acting = self->save_button;
  if (self->original->series_id > 0)
    {
      if (edited->rrule == NULL)
        {
          stop_series (self);
          return;
        }
      if (!crm_recurrence_same_rule (edited->rrule, self->series_rule))
        flags |= CRM_SAVE_NO_THIS_ONE;
      else if (self->original->rrule == NULL)
        g_clear_pointer (&edited->rrule, g_free);   /* a changed occurrence keeps none */
      else
        {
          g_free (edited->rrule);
          edited->rrule = g_strdup (self->original->rrule);
        }
    }
  crm_activity_save (widget, self->db, edited, flags, finished_cb, g_object_ref (self));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (widget);

  if (self->saving)
    return;
  self->acting = GTK_BUTTON (self->delete_button);
  crm_activity_delete (widget, self->db, self->original, finished_cb, g_object_ref (self));
}

static void
mark_done_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (widget);

  if (self->saving)
    return;
  self->acting = GTK_BUTTON (self->done_button);
  crm_activity_mark_done (widget, self->db, self->original, finished_cb, g_object_ref (self));
}

/* Not while saving: the dialog waits for the answer, to show a refusal. */
static gboolean
crm_activity_dialog_close_request (GtkWindow *window)
{
  if (CRM_ACTIVITY_DIALOG (window)->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (crm_activity_dialog_parent_class)->close_request (window);
}

gboolean
crm_activity_dialog_is_saving (CrmActivityDialog *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), FALSE);
  return self->saving;
}

/* ---- object ------------------------------------------------------------- */

CrmActivityDialog *
crm_activity_dialog_new (GtkWindow *parent, CrmDatabase *db, CrmActivity *activity)
{
  CrmActivityDialog *self = g_object_new (CRM_TYPE_ACTIVITY_DIALOG, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->original = crm_activity_copy (activity);
  fill (self);
  g_signal_connect_object (self->manager_picker, "notify::manager-id", G_CALLBACK (manager_changed_cb), self, 0);
  return self;
}

static void
crm_activity_dialog_dispose (GObject *object)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_ACTIVITY_DIALOG);
  g_clear_object (&self->db);
  g_clear_object (&self->original);
  G_OBJECT_CLASS (crm_activity_dialog_parent_class)->dispose (object);
}

static void
crm_activity_dialog_finalize (GObject *object)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (object);

  g_free (self->series_rule);
  g_array_unref (self->reminders);
  G_OBJECT_CLASS (crm_activity_dialog_parent_class)->finalize (object);
}

static void
crm_activity_dialog_class_init (CrmActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_activity_dialog_dispose;
  object_class->finalize = crm_activity_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = crm_activity_dialog_close_request;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CRM_TYPE_ACTIVITY_CLIENT_PICKER);
  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, client_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, manager_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, all_day_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, start_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, weekdays_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, weekdays_box);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, until_button);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, when_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_selected_cb);

  gtk_widget_class_install_action (widget_class, "activity.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "activity.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "activity.mark-done", NULL, mark_done_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "activity.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_activity_dialog_init (CrmActivityDialog *self)
{
  GDateWeekday first = crm_locale_get_first_weekday ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reminders = g_array_new (FALSE, FALSE, sizeof (int));
  g_date_clear (&self->day, 1);
  g_date_clear (&self->until, 1);
  for (int k = 0; k < 7; k++)
    {
      GDateWeekday d = (GDateWeekday) ((first - 1 + k) % 7 + 1);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (crm_locale_weekday_abbrev (d));
      gtk_widget_set_tooltip_text (toggle, crm_calendar_weekday_name (d));
      self->weekday_toggles[d] = GTK_TOGGLE_BUTTON (toggle);
      gtk_box_append (GTK_BOX (self->weekdays_box), toggle);
    }
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (when_changed_cb), self);
}
