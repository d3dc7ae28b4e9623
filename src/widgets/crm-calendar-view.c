/* crm-calendar-view.c — the Calendar screen: day, week and month
 *
 * A toolbar (previous / today / next, the range, day / week / month, one
 * manager or the whole team) over the week grid with its header, or the
 * month grid. One manager's day is one column; the whole team's day is a
 * column per manager. What the grids ask (open, create over a dragged
 * range, move, resize, delete) goes through crm-activity-actions.c, which
 * shows a conflict before saving and asks which part of a series.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-actions.h"
#include "crm-activity-dialog.h"
#include "crm-activity-store.h"
#include "crm-calendar-style.h"
#include "crm-calendar-view-private.h"
#include "crm-locale.h"
#include "crm-manager-store.h"
#include "crm-period.h"
#include "crm-screen.h"
#include "crm-setting-store.h"
#include "crm-short-name.h"

/* Above an hour's line: its label is centred on it. */
#define HOUR_LABEL_ROOM 12
/* The team's day: a manager's column is as wide as the surnames need, within these. */
#define MIN_NAME_COLUMN 52
#define MAX_NAME_COLUMN 96

static void crm_calendar_view_screen_init (CrmScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmCalendarView, crm_calendar_view, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_SCREEN, crm_calendar_view_screen_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *view_names[] = { "day", "week", "month" };

/* ---- ranges ------------------------------------------------------------- */

static void
week_start (CrmCalendarView *self, const GDate *day, GDate *out)
{
  GDateWeekday first = crm_calendar_first_weekday (self->settings);

  *out = *day;
  while (g_date_get_weekday (out) != first)
    g_date_subtract_days (out, 1);
}

static void
visible_range (CrmCalendarView *self, GDate *from, GDate *to)
{
  switch (self->mode)
    {
    case VIEW_DAY:
      *from = self->anchor;
      *to = self->anchor;
      g_date_add_days (to, 1);
      break;
    case VIEW_WEEK:
      week_start (self, &self->anchor, from);
      *to = *from;
      g_date_add_days (to, 7);
      break;
    case VIEW_MONTH:
    default:
      crm_month_grid_set_month (self->month_grid, &self->anchor, crm_calendar_first_weekday (self->settings));
      crm_month_grid_get_range (self->month_grid, from, to);
      break;
    }
}

static char *
range_text (CrmCalendarView *self, const GDate *from, const GDate *to)
{
  GDate last = *to;
  gboolean english = g_str_equal (crm_locale_get_language (), "en");

  g_date_subtract_days (&last, 1);
  if (self->mode == VIEW_DAY)
    {
      g_autofree char *day = crm_calendar_format_day (from, TRUE);
      return g_strdup_printf (english ? "%s, %d" : "%s %d", day, g_date_get_year (from));
    }
  if (self->mode == VIEW_MONTH)
    return g_strdup_printf ("%s %d", crm_locale_month_name (g_date_get_month (&self->anchor)),
                            g_date_get_year (&self->anchor));
  if (g_date_get_month (from) == g_date_get_month (&last))
    return english
           ? g_strdup_printf ("%s %d – %d, %d", crm_locale_month_name (g_date_get_month (from)),
                              g_date_get_day (from), g_date_get_day (&last), g_date_get_year (&last))
           : g_strdup_printf ("%d – %d %s %d", g_date_get_day (from), g_date_get_day (&last),
                              crm_locale_month_name_genitive (g_date_get_month (&last)), g_date_get_year (&last));
  return english
         ? g_strdup_printf ("%s %d – %s %d, %d", crm_locale_month_abbrev (g_date_get_month (from)), g_date_get_day (from),
                            crm_locale_month_abbrev (g_date_get_month (&last)), g_date_get_day (&last),
                            g_date_get_year (&last))
         : g_strdup_printf ("%d %s – %d %s %d", g_date_get_day (from), crm_locale_month_name_genitive (g_date_get_month (from)),
                            g_date_get_day (&last), crm_locale_month_name_genitive (g_date_get_month (&last)),
                            g_date_get_year (&last));
}

/* For a narrow window: "23–29 нояб.", "Nov 23–29", "27.11", "Nov 2026". */
static char *
range_short_text (CrmCalendarView *self, const GDate *from, const GDate *to)
{
  GDate last = *to;
  gboolean english = g_str_equal (crm_locale_get_language (), "en");
  const char *month = crm_locale_month_abbrev (g_date_get_month (&self->anchor));

  g_date_subtract_days (&last, 1);
  if (self->mode == VIEW_DAY)
    return english ? g_strdup_printf ("%s %d", crm_locale_month_abbrev (g_date_get_month (from)), g_date_get_day (from))
                   : g_strdup_printf ("%d %s", g_date_get_day (from), crm_locale_month_abbrev (g_date_get_month (from)));
  if (self->mode == VIEW_MONTH)
    return g_strdup_printf ("%s %d", month, g_date_get_year (&self->anchor));
  return english ? g_strdup_printf ("%s %d–%d", crm_locale_month_abbrev (g_date_get_month (from)),
                                    g_date_get_day (from), g_date_get_day (&last))
                 : g_strdup_printf ("%d–%d %s", g_date_get_day (from), g_date_get_day (&last),
                                    crm_locale_month_abbrev (g_date_get_month (&last)));
}

static gint64
manager_id (CrmCalendarView *self)
{
  return crm_manager_picker_get_manager_id (self->manager_picker);
}

static GPtrArray *
build_columns (CrmCalendarView *self, const GDate *from)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_grid_column_free);
  gint64 manager = manager_id (self);

  if (self->mode == VIEW_WEEK)
    for (int i = 0; i < 7; i++)
      {
        GDate day = *from;
        g_autofree char *title = NULL;

        g_date_add_days (&day, i);
        title = crm_calendar_format_day (&day, FALSE);
        g_ptr_array_add (columns, crm_grid_column_new (&day, manager, title));
      }
  else if (manager > 0 || self->database == NULL)
    {
      g_autofree char *title = crm_calendar_format_day (from, TRUE);
      g_ptr_array_add (columns, crm_grid_column_new (from, manager, title));
    }
  else
    {
      /* The owner's day: a column per manager, named by the surname (with
       * the initial where two share one), as narrow as the names allow. */
      g_autoptr(GPtrArray) managers = crm_manager_store_list (self->database, FALSE, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_auto(GStrv) titles = NULL;

      for (guint i = 0; managers != NULL && i < managers->len; i++)
        g_ptr_array_add (names, ((CrmManager *) managers->pdata[i])->name);
      titles = crm_short_names ((const char * const *) names->pdata, names->len);
      for (guint i = 0; i < names->len; i++)
        {
          CrmManager *m = managers->pdata[i];
          CrmGridColumn *col = crm_grid_column_new (from, m->id, titles[i]);

          col->tooltip = g_strdup (m->name);
          col->min_width = CLAMP (crm_week_header_name_width (self->week_header, titles[i]),
                                  MIN_NAME_COLUMN, MAX_NAME_COLUMN);
          g_ptr_array_add (columns, col);
        }
    }
  return columns;
}

/* ---- loading ------------------------------------------------------------ */

/* Any manager, active or not (a team that left still has its history). */
static gboolean
has_managers (CrmCalendarView *self)
{
  g_autoptr(GPtrArray) managers = crm_manager_store_list (self->database, TRUE, NULL);
  return managers == NULL || managers->len > 0;
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (user_data);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->grid_scroller);
  int hour_height = crm_week_grid_get_hour_height (self->week_grid);
  int start = self->settings != NULL ? self->settings->work_start_min : 9 * 60;

  self->scroll_id = 0;
  /* Never under the pointer of a drag: the person has already started. */
  if (crm_week_grid_is_dragging (self->week_grid))
    self->scrolled = TRUE;
  if (self->scrolled || gtk_adjustment_get_upper (adj) <= gtk_adjustment_get_page_size (adj))
    return G_SOURCE_REMOVE;
  self->scrolled = TRUE;
  /* An hour before the work day, and the top half of its label. */
  gtk_adjustment_set_value (adj, MAX (0, (start - 60) * hour_height / 60 - HOUR_LABEL_ROOM));
  return G_SOURCE_REMOVE;
}

/* After the allocation that gave the grid its height (set during it, the
 * scrolled window would put its old value back). */
static void
scroll_to_work_hours_cb (gpointer unused, gpointer user_data)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (user_data);

  if (!self->scrolled && self->scroll_id == 0)
    self->scroll_id = g_idle_add (scroll_idle_cb, self);
}

static void
reload (CrmCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GDate from, to;
  gint64 manager = manager_id (self);

  self->dirty = FALSE;
  if (!g_date_valid (&self->anchor))
    crm_date_set_today (&self->anchor);
  visible_range (self, &from, &to);
  label = range_text (self, &from, &to);
  gtk_label_set_text (self->range_label, label);
  g_free (label);
  label = range_short_text (self, &from, &to);
  gtk_label_set_text (self->range_short_label, label);

  g_clear_pointer (&self->activities, g_ptr_array_unref);
  if (self->database != NULL && !has_managers (self))
    {
      /* Nobody to plan for: say what to do first. */
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.new", FALSE);
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.new", TRUE);
  if (self->database != NULL)
    self->activities = crm_activity_store_list_occurrences (self->database, manager,
                                                            crm_calendar_local_time (&from, 0),
                                                            crm_calendar_local_time (&to, 0), &error);
  if (error != NULL)
    g_warning ("Cannot read the calendar: %s", error->message);
  if (self->activities == NULL)
    self->activities = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), self->database != NULL && self->activities->len == 0);

  if (self->mode == VIEW_MONTH)
    {
      crm_month_grid_set_activities (self->month_grid, self->activities);
      gtk_stack_set_visible_child_name (self->view_stack, "month");
      return;
    }
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns = build_columns (self, &from);
  if (self->settings != NULL)
    crm_week_grid_set_work_hours (self->week_grid, self->settings->work_start_min, self->settings->work_end_min);
  crm_week_grid_set_show_manager (self->week_grid, manager == 0 && self->mode == VIEW_WEEK);
  crm_week_grid_set_columns (self->week_grid, self->columns);
  crm_week_grid_set_activities (self->week_grid, self->activities);
  if (self->reset_cursor)
    {
      /* After a move to another week or day the keyboard starts at the
       * beginning of the work day, on today when it is shown. */
      GDate today;
      guint column = 0;

      crm_calendar_date_of (self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC, &today);
      for (guint i = 0; i < self->columns->len; i++)
        if (g_date_compare (&((CrmGridColumn *) self->columns->pdata[i])->day, &today) == 0)
          {
            column = i;
            break;
          }
      self->reset_cursor = FALSE;
      crm_week_grid_set_cursor (self->week_grid, column, self->settings->work_start_min);
    }
  crm_week_header_set_columns (self->week_header, self->columns);
  crm_week_header_set_activities (self->week_header, self->activities);
  gtk_stack_set_visible_child_name (self->view_stack, "grid");
  scroll_to_work_hours_cb (NULL, self);
}

static void
load_settings (CrmCalendarView *self)
{
  g_clear_pointer (&self->settings, crm_settings_free);
  self->settings = crm_calendar_load_settings (self->database);
}

static void
queue_reload (CrmCalendarView *self)
{
  /* Only what is on screen is read; a hidden screen reads when shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmCalendarView *self)
{
  if (g_strcmp0 (table, "setting") == 0)
    load_settings (self);
  if (table == NULL || g_str_equal (table, "activity") || g_str_equal (table, "setting") ||
      g_str_equal (table, "manager") || g_str_equal (table, "client"))
    queue_reload (self);
}

/* Shown: the keyboard starts in the grid, on the cursor (or on adding the
 * first manager). */
static gboolean
crm_calendar_view_grab_focus (GtkWidget *widget)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_str_equal (page, "empty"))
    return gtk_widget_grab_focus (self->add_manager_button);
  if (g_str_equal (page, "month"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->month_grid));
  return gtk_widget_grab_focus (GTK_WIDGET (self->week_grid));
}

static void
crm_calendar_view_map (GtkWidget *widget)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (crm_calendar_view_parent_class)->map (widget);
  if (self->dirty)
    reload (self);
}

/* Not shown: the activities go; the same range is read again when shown
 * (as quick as a change of week). */
static void
crm_calendar_view_release (CrmScreen *screen)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (screen);

  if (self->activities == NULL)
    return;
  crm_week_grid_set_activities (self->week_grid, NULL);
  crm_week_header_set_activities (self->week_header, NULL);
  crm_month_grid_set_activities (self->month_grid, NULL);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->dirty = TRUE;
}

static void
crm_calendar_view_screen_init (CrmScreenInterface *iface)
{
  iface->release = crm_calendar_view_release;
}

void
crm_calendar_view_set_database (CrmCalendarView *self, CrmDatabase *db)
{
  g_return_if_fail (CRM_IS_CALENDAR_VIEW (self));

  if (self->database == db)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, db);
  if (db != NULL)
    g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self, 0);
  crm_manager_picker_set_database (self->manager_picker, db);
  load_settings (self);
  if (self->settings->current_manager_id > 0)
    crm_manager_picker_set_manager_id (self->manager_picker, self->settings->current_manager_id);
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

GPtrArray *
crm_calendar_view_get_activities (CrmCalendarView *self)
{
  g_return_val_if_fail (CRM_IS_CALENDAR_VIEW (self), NULL);
  return self->activities;
}

void
crm_calendar_view_set_now (CrmCalendarView *self, gint64 now)
{
  g_return_if_fail (CRM_IS_CALENDAR_VIEW (self));
  self->fixed_now = now;
  crm_week_grid_set_now (self->week_grid, now);
  crm_week_header_set_now (self->week_header, now);
  crm_month_grid_set_now (self->month_grid, now);
}

/* ---- navigation --------------------------------------------------------- */

void
crm_calendar_view_show (CrmCalendarView *self, const char *view, const GDate *day)
{
  g_return_if_fail (CRM_IS_CALENDAR_VIEW (self));

  for (guint i = 0; view != NULL && i < G_N_ELEMENTS (view_names); i++)
    if (g_str_equal (view, view_names[i]) && self->mode != (ViewMode) i)
      {
        self->mode = (ViewMode) i;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
      }
  if (day != NULL && g_date_valid (day))
    self->anchor = *day;
  self->reset_cursor = TRUE;
  reload (self);
}

const char *
crm_calendar_view_get_view (CrmCalendarView *self)
{
  g_return_val_if_fail (CRM_IS_CALENDAR_VIEW (self), NULL);
  return view_names[self->mode];
}

void
crm_calendar_view_set_manager (CrmCalendarView *self, gint64 manager)
{
  g_return_if_fail (CRM_IS_CALENDAR_VIEW (self));
  crm_manager_picker_set_manager_id (self->manager_picker, manager);
}

static void
step (CrmCalendarView *self, int direction)
{
  int days = self->mode == VIEW_DAY ? 1 : 7;

  if (self->mode == VIEW_MONTH)
    {
      g_date_set_day (&self->anchor, 1);
      if (direction > 0)
        g_date_add_months (&self->anchor, 1);
      else
        g_date_subtract_months (&self->anchor, 1);
    }
  else if (direction > 0)
    g_date_add_days (&self->anchor, days);
  else
    g_date_subtract_days (&self->anchor, days);
  self->reset_cursor = TRUE;
  reload (self);
}

static void
previous_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step (CRM_CALENDAR_VIEW (widget), -1);
}

static void
next_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step (CRM_CALENDAR_VIEW (widget), 1);
}

static void
today_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (widget);

  crm_date_set_today (&self->anchor);
  self->reset_cursor = TRUE;
  reload (self);
}

static void
manager_changed_cb (CrmManagerPicker *picker, GParamSpec *pspec, CrmCalendarView *self)
{
  queue_reload (self);
}

/* ---- activities --------------------------------------------------------- */

static void
open_dialog (CrmCalendarView *self, CrmActivity *activity)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CrmActivityDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = crm_activity_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database, activity);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
crm_calendar_view_open_activity (CrmCalendarView *self, CrmActivity *activity)
{
  GDate day;

  g_return_if_fail (CRM_IS_CALENDAR_VIEW (self));
  crm_calendar_date_of (activity->starts_at, &day);
  if (manager_id (self) != 0 && manager_id (self) != activity->manager_id)
    crm_manager_picker_set_manager_id (self->manager_picker, activity->manager_id);
  crm_calendar_view_show (self, self->mode == VIEW_MONTH ? "week" : NULL, &day);
  crm_week_grid_select (self->week_grid, activity);
  open_dialog (self, activity);
}

static void
activity_activated_cb (GtkWidget *source, CrmActivity *activity, CrmCalendarView *self)
{
  open_dialog (self, activity);
}

static gint64
default_manager (CrmCalendarView *self, gint64 column_manager)
{
  g_autoptr(GPtrArray) managers = NULL;

  if (column_manager > 0)
    return column_manager;
  if (manager_id (self) > 0)
    return manager_id (self);
  if (self->settings != NULL && self->settings->current_manager_id > 0)
    return self->settings->current_manager_id;
  managers = self->database != NULL ? crm_manager_store_list (self->database, FALSE, NULL) : NULL;
  return managers != NULL && managers->len > 0 ? ((CrmManager *) managers->pdata[0])->id : 0;
}

static void
create (CrmCalendarView *self, gint64 start, gint64 end, gint64 column_manager, gboolean all_day)
{
  g_autoptr(CrmActivity) a = crm_activity_new ();

  a->manager_id = default_manager (self, column_manager);
  a->starts_at = start;
  a->duration_min = all_day ? 24 * 60 : (int) MAX (5, (end - start) / 60);
  a->all_day = all_day;
  /* A short slot is a call, a longer one a meeting. */
  a->type = a->duration_min >= 30 ? CRM_ACTIVITY_MEETING : CRM_ACTIVITY_CALL;
  a->reminder_min = self->settings != NULL ? self->settings->reminder_min : 15;
  open_dialog (self, a);
  crm_week_grid_cancel_drag (self->week_grid);
}

static void
create_requested_cb (CrmWeekGrid *grid, gint64 start, gint64 end, gint64 manager, CrmCalendarView *self)
{
  create (self, start, end, manager, FALSE);
}

static void
month_create_cb (CrmMonthGrid *grid, guint julian, CrmCalendarView *self)
{
  GDate day;
  int start = self->settings != NULL ? self->settings->work_start_min : 9 * 60;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  create (self, crm_calendar_local_time (&day, start), crm_calendar_local_time (&day, start + 30), 0, FALSE);
}

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (widget);
  guint column = 0;
  int minute = 0;
  GDate day = self->anchor;
  gint64 column_manager = 0;

  if (self->mode == VIEW_MONTH)
    crm_month_grid_get_selected (self->month_grid, &day);
  else if (self->columns != NULL && self->columns->len > 0)
    {
      CrmGridColumn *col;
      crm_week_grid_get_cursor (self->week_grid, &column, &minute);
      col = self->columns->pdata[MIN (column, self->columns->len - 1)];
      day = col->day;
      column_manager = col->manager_id;
      create (self, crm_calendar_local_time (&day, minute), crm_calendar_local_time (&day, minute + 30),
              column_manager, FALSE);
      return;
    }
  minute = self->settings != NULL ? self->settings->work_start_min : 9 * 60;
  create (self, crm_calendar_local_time (&day, minute), crm_calendar_local_time (&day, minute + 30), 0, FALSE);
}

static void
column_activated_cb (CrmWeekHeader *header, guint index, CrmCalendarView *self)
{
  CrmGridColumn *col;

  if (self->columns == NULL || index >= self->columns->len)
    return;
  col = self->columns->pdata[index];
  if (self->mode == VIEW_WEEK)
    crm_calendar_view_show (self, "day", &col->day);
  else if (col->manager_id > 0 && manager_id (self) == 0)
    {
      /* From the team's day to this manager's week. */
      self->mode = VIEW_WEEK;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
      crm_manager_picker_set_manager_id (self->manager_picker, col->manager_id);
      reload (self);
    }
}

static void
overflow_activated_cb (CrmWeekGrid *grid, guint index, CrmCalendarView *self)
{
  CrmGridColumn *col;

  if (self->columns == NULL || index >= self->columns->len || self->mode != VIEW_WEEK)
    return;
  col = self->columns->pdata[index];
  /* The team's week is too full there: the team's day has room. */
  crm_calendar_view_show (self, "day", &col->day);
}

static void
day_activated_cb (CrmMonthGrid *grid, guint julian, CrmCalendarView *self)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  crm_calendar_view_show (self, "day", &day);
}

/* ---- object ------------------------------------------------------------- */

GtkWidget *
crm_calendar_view_new (void)
{
  return g_object_new (CRM_TYPE_CALENDAR_VIEW, NULL);
}

static void
crm_calendar_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_VIEW:
      g_value_set_string (value, view_names[self->mode]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_calendar_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      crm_calendar_view_set_database (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      crm_calendar_view_show (self, g_value_get_string (value), NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_calendar_view_dispose (GObject *object)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_object (&self->database);
  g_clear_pointer (&self->settings, crm_settings_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_CALENDAR_VIEW);
  G_OBJECT_CLASS (crm_calendar_view_parent_class)->dispose (object);
}

static void
crm_calendar_view_class_init (CrmCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crm_calendar_view_get_property;
  object_class->set_property = crm_calendar_view_set_property;
  object_class->dispose = crm_calendar_view_dispose;
  widget_class->map = crm_calendar_view_map;
  widget_class->grab_focus = crm_calendar_view_grab_focus;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "week",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  g_type_ensure (CRM_TYPE_WEEK_GRID);
  g_type_ensure (CRM_TYPE_WEEK_HEADER);
  g_type_ensure (CRM_TYPE_MONTH_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, range_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, range_short_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, manager_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, add_manager_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, header_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, week_header);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, week_grid);
  gtk_widget_class_bind_template_child (widget_class, CrmCalendarView, month_grid);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "calendar.import", NULL, crm_calendar_view_import_activated);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, crm_calendar_view_export_activated);
  gtk_widget_class_install_property_action (widget_class, "calendar.view", "view");

}

static void
crm_calendar_view_init (CrmCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_calendar_view_add_shortcuts (self);

  self->mode = VIEW_WEEK;
  self->reset_cursor = TRUE;
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->anchor, 1);
  crm_date_set_today (&self->anchor);
  self->settings = crm_settings_new ();
  /* The titles scroll sideways with the columns (the team's day). */
  gtk_scrolled_window_set_hadjustment (self->header_scroller,
                                       gtk_scrolled_window_get_hadjustment (self->grid_scroller));

  /* Once the grid has its height, the work hours come into view. */
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->grid_scroller), "changed",
                    G_CALLBACK (scroll_to_work_hours_cb), self);
  g_signal_connect (self->manager_picker, "notify::manager-id", G_CALLBACK (manager_changed_cb), self);
  g_signal_connect (self->week_grid, "activity-activated", G_CALLBACK (activity_activated_cb), self);
  g_signal_connect (self->week_grid, "create-requested", G_CALLBACK (create_requested_cb), self);
  g_signal_connect (self->week_grid, "activity-moved", G_CALLBACK (crm_calendar_view_activity_moved_cb), self);
  g_signal_connect (self->week_grid, "activity-resized", G_CALLBACK (crm_calendar_view_activity_resized_cb), self);
  g_signal_connect (self->week_grid, "delete-requested", G_CALLBACK (crm_calendar_view_delete_requested_cb), self);
  g_signal_connect (self->week_grid, "overflow-activated", G_CALLBACK (overflow_activated_cb), self);
  g_signal_connect (self->week_header, "column-activated", G_CALLBACK (column_activated_cb), self);
  g_signal_connect (self->week_header, "activity-activated", G_CALLBACK (activity_activated_cb), self);
  g_signal_connect (self->month_grid, "day-activated", G_CALLBACK (day_activated_cb), self);
  g_signal_connect (self->month_grid, "activity-activated", G_CALLBACK (activity_activated_cb), self);
  g_signal_connect (self->month_grid, "create-requested", G_CALLBACK (month_create_cb), self);
}
