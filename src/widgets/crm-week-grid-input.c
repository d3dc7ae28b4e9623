/* crm-week-grid-input.c — dragging and the keyboard on the week grid
 *
 * One GtkGestureDrag does the three drags, chosen by where it starts: on a
 * box's bottom edge it resizes, on a box it moves (once the pointer has
 * gone a few pixels), on empty time it marks a new activity. Everything
 * snaps to 15 minutes. The grid only says what was asked (the signals);
 * the calendar checks for conflicts, asks about series and saves.
 *
 * The keyboard: arrows move the cursor (15 minutes, a column), Enter opens
 * the activity under it (or makes one), Ctrl+arrows move the activity,
 * Shift+Up/Down change its duration, N makes a new one, Delete deletes.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-week-grid-private.h"

#define DEFAULT_NEW_MINUTES 30

static int
snap (double minutes)
{
  int m = (int) (minutes / SLOT_MINUTES + 0.5) * SLOT_MINUTES;
  return CLAMP (m, 0, DAY_MINUTES);
}

static int
minute_at (CrmWeekGrid *self, double y)
{
  return (int) (y * 60.0 / self->hour_height);
}

static guint
column_at (CrmWeekGrid *self, double x)
{
  double width = crm_week_grid_get_column_width (self);
  int c = width > 0 ? (int) ((x - CRM_WEEK_GRID_GUTTER) / width) : 0;
  guint n = self->columns != NULL ? self->columns->len : 0;

  return n == 0 ? 0 : (guint) CLAMP (c, 0, (int) n - 1);
}

/* ---- drag --------------------------------------------------------------- */

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, CrmWeekGrid *self)
{
  GridItem *item = NULL;
  gboolean on_edge = FALSE;
  int minute;
  int column = crm_week_grid_hit (self, x, y, &minute, &item, &on_edge);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_done = FALSE;
  g_clear_object (&self->drag_activity);
  self->drag_x = x;
  self->drag_y = y;
  if (column < 0)
    {
      self->drag = DRAG_NONE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_column = (guint) column;
  if (item != NULL)
    {
      self->drag_activity = g_object_ref (item->activity);
      self->drag_start = item->start_min;
      self->drag_end = item->end_min;
      self->grab_offset = minute - item->start_min;
      self->drag = on_edge ? DRAG_RESIZE : DRAG_PENDING;
      self->cursor_column = item->column;
      self->cursor_minute = item->start_min / SLOT_MINUTES * SLOT_MINUTES;
      crm_week_grid_set_selected (self, item->activity);
    }
  else
    {
      self->drag = DRAG_CREATE;
      self->drag_start = minute / SLOT_MINUTES * SLOT_MINUTES;
      self->drag_end = self->drag_start + SLOT_MINUTES;
      self->cursor_column = (guint) column;
      self->cursor_minute = self->drag_start;
      crm_week_grid_set_selected (self, NULL);
    }
  /* Not claimed yet: a double click still reaches the click gesture. */
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, CrmWeekGrid *self)
{
  double x = self->drag_x + dx;
  double y = self->drag_y + dy;
  int minute = minute_at (self, y);

  switch (self->drag)
    {
    case DRAG_PENDING:
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->drag = DRAG_MOVE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      G_GNUC_FALLTHROUGH;
    case DRAG_MOVE:
      {
        int length = self->drag_activity != NULL ? MAX (self->drag_end - self->drag_start, SLOT_MINUTES) : SLOT_MINUTES;
        int start = snap (minute - self->grab_offset);

        start = CLAMP (start, 0, DAY_MINUTES - SLOT_MINUTES);
        self->drag_column = column_at (self, x);
        self->drag_start = start;
        self->drag_end = MIN (DAY_MINUTES, start + length);
      }
      break;
    case DRAG_RESIZE:
      self->drag_end = MAX (snap (minute), self->drag_start + SLOT_MINUTES);
      break;
    case DRAG_CREATE:
      {
        int anchor = minute_at (self, self->drag_y) / SLOT_MINUTES * SLOT_MINUTES;
        int other = snap (minute);

        if (other <= anchor)
          {
            self->drag_start = MIN (other, anchor);
            self->drag_end = anchor + SLOT_MINUTES;
          }
        else
          {
            self->drag_start = anchor;
            self->drag_end = MAX (other, anchor + SLOT_MINUTES);
          }
      }
      break;
    case DRAG_NONE:
    default:
      return;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, CrmWeekGrid *self)
{
  CrmGridColumn *col;
  DragMode mode = self->drag;
  g_autoptr(CrmActivity) activity = self->drag_activity != NULL ? g_object_ref (self->drag_activity) : NULL;

  drag_update_cb (gesture, dx, dy, self);
  mode = self->drag;
  col = crm_week_grid_column (self, self->drag_column);
  if (col == NULL || mode == DRAG_NONE || mode == DRAG_PENDING ||
      (mode == DRAG_CREATE && !gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy)))
    {
      /* A click: it only selected. */
      self->drag = DRAG_NONE;
      g_clear_object (&self->drag_activity);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  /* The preview stays where it was dropped until the data changes (or
   * the calendar says no). */
  self->drag_done = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode == DRAG_MOVE)
    {
      gint64 start = crm_calendar_local_time (&col->day, self->drag_start);
      if (start == activity->starts_at && (col->manager_id == 0 || col->manager_id == activity->manager_id))
        crm_week_grid_cancel_drag (self);
      else
        g_signal_emit (self, crm_week_grid_signals[SIGNAL_ACTIVITY_MOVED], 0, activity, start, col->manager_id);
    }
  else if (mode == DRAG_RESIZE)
    {
      gint64 end = crm_calendar_local_time (&col->day, self->drag_end);
      int minutes = (int) MAX (SLOT_MINUTES, (end - activity->starts_at) / 60);
      if (minutes == activity->duration_min)
        crm_week_grid_cancel_drag (self);
      else
        g_signal_emit (self, crm_week_grid_signals[SIGNAL_ACTIVITY_RESIZED], 0, activity, minutes);
    }
  else
    {
      gint64 start = crm_calendar_local_time (&col->day, self->drag_start);
      gint64 end = crm_calendar_local_time (&col->day, self->drag_end);
      g_signal_emit (self, crm_week_grid_signals[SIGNAL_CREATE_REQUESTED], 0, start, end, col->manager_id);
    }
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrmWeekGrid *self)
{
  GridItem *item = NULL;
  gboolean on_edge;
  int minute;
  int column;

  for (guint i = 0; i < self->overflows->len; i++)
    {
      Overflow *o = &g_array_index (self->overflows, Overflow, i);
      if (graphene_rect_contains_point (&o->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          g_signal_emit (self, crm_week_grid_signals[SIGNAL_OVERFLOW_ACTIVATED], 0, o->column);
          return;
        }
    }
  if (n_press != 2)
    return;
  column = crm_week_grid_hit (self, x, y, &minute, &item, &on_edge);
  if (column < 0)
    return;
  if (item != NULL)
    g_signal_emit (self, crm_week_grid_signals[SIGNAL_ACTIVITY_ACTIVATED], 0, item->activity);
  else
    {
      CrmGridColumn *col = crm_week_grid_column (self, (guint) column);
      int start = minute / SLOT_MINUTES * SLOT_MINUTES;
      g_signal_emit (self, crm_week_grid_signals[SIGNAL_CREATE_REQUESTED], 0,
                     crm_calendar_local_time (&col->day, start),
                     crm_calendar_local_time (&col->day, MIN (DAY_MINUTES, start + DEFAULT_NEW_MINUTES)),
                     col->manager_id);
    }
}

/* ---- keyboard ----------------------------------------------------------- */

static void
move_cursor (CrmWeekGrid *self, int columns, int minutes)
{
  CrmActivity *selected = crm_week_grid_get_selected (self);
  GridItem *it = NULL;
  int minute = self->cursor_minute;

  /* Down from an activity goes past its end, up from it before its start. */
  if (selected != NULL && columns == 0)
    for (guint i = 0; i < self->items->len && it == NULL; i++)
      if (crm_activity_same (g_array_index (self->items, GridItem, i).activity, selected))
        it = &g_array_index (self->items, GridItem, i);
  if (it != NULL && minutes > 0)
    minute = MAX (minute + minutes, it->end_min / SLOT_MINUTES * SLOT_MINUTES);
  else if (it != NULL && minutes < 0)
    minute = MIN (minute, it->start_min) + minutes;
  else
    minute += minutes;
  crm_week_grid_set_cursor (self, (guint) MAX (0, (int) self->cursor_column + columns), minute);
}

static void
move_selected (CrmWeekGrid *self, CrmActivity *a, int columns, int minutes)
{
  CrmGridColumn *from = crm_week_grid_column (self, self->cursor_column);
  CrmGridColumn *to = crm_week_grid_column (self, (guint) MAX (0, (int) self->cursor_column + columns));
  gint64 start;

  if (from == NULL || to == NULL || (columns != 0 && to == from))
    return;
  if (columns != 0)
    {
      /* The same wall-clock time in the other column. */
      int minute = crm_calendar_minute_of (a->starts_at, &from->day);
      start = crm_calendar_local_time (&to->day, minute);
    }
  else
    start = a->starts_at + (gint64) minutes * 60;
  g_signal_emit (self, crm_week_grid_signals[SIGNAL_ACTIVITY_MOVED], 0, a, start, to->manager_id);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                CrmWeekGrid *self)
{
  CrmActivity *selected = crm_week_grid_get_selected (self);
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  int step = 0;
  int side = 0;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: step = -SLOT_MINUTES; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: step = SLOT_MINUTES; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: side = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: side = 1; break;
    default: break;
    }

  if ((step != 0 || side != 0) && ctrl && !shift)
    {
      if (selected != NULL)
        {
          g_autoptr(CrmActivity) a = g_object_ref (selected);
          move_selected (self, a, side, step);
        }
      return TRUE;
    }
  if (step != 0 && shift && !ctrl)
    {
      if (selected != NULL)
        {
          g_autoptr(CrmActivity) a = g_object_ref (selected);
          int minutes = MAX (5, a->duration_min + step);
          if (minutes != a->duration_min)
            g_signal_emit (self, crm_week_grid_signals[SIGNAL_ACTIVITY_RESIZED], 0, a, minutes);
        }
      return TRUE;
    }
  if ((step != 0 || side != 0) && (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == 0)
    {
      move_cursor (self, side, step);
      return TRUE;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (selected != NULL)
        {
          g_autoptr(CrmActivity) a = g_object_ref (selected);
          g_signal_emit (self, crm_week_grid_signals[SIGNAL_ACTIVITY_ACTIVATED], 0, a);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_n:
    case GDK_KEY_N:
      {
        CrmGridColumn *col = crm_week_grid_column (self, self->cursor_column);
        if (col == NULL)
          return FALSE;
        g_signal_emit (self, crm_week_grid_signals[SIGNAL_CREATE_REQUESTED], 0,
                       crm_calendar_local_time (&col->day, self->cursor_minute),
                       crm_calendar_local_time (&col->day, MIN (DAY_MINUTES, self->cursor_minute + DEFAULT_NEW_MINUTES)),
                       col->manager_id);
        return TRUE;
      }
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (selected != NULL)
        {
          g_autoptr(CrmActivity) a = g_object_ref (selected);
          g_signal_emit (self, crm_week_grid_signals[SIGNAL_DELETE_REQUESTED], 0, a);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
focus_changed_cb (GtkEventControllerFocus *controller, CrmWeekGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- tooltip ------------------------------------------------------------ */

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, CrmWeekGrid *self)
{
  GridItem *item = NULL;
  gboolean on_edge;
  int minute;
  CrmActivity *a;
  g_autofree char *summary = NULL;
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  GString *s;

  if (keyboard)
    {
      CrmActivity *selected = crm_week_grid_get_selected (self);
      for (guint i = 0; selected != NULL && i < self->items->len && item == NULL; i++)
        if (crm_activity_same (g_array_index (self->items, GridItem, i).activity, selected))
          item = &g_array_index (self->items, GridItem, i);
    }
  else
    crm_week_grid_hit (self, x, y, &minute, &item, &on_edge);
  for (guint i = 0; item == NULL && !keyboard && i < self->overflows->len; i++)
    {
      Overflow *o = &g_array_index (self->overflows, Overflow, i);
      if (graphene_rect_contains_point (&o->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u more activity at this time; click to see the day",
                                                                "%u more activities at this time; click to see the day",
                                                                o->count), o->count);
          gtk_tooltip_set_text (tooltip, more);
          return TRUE;
        }
    }
  if (item == NULL)
    return FALSE;
  a = item->activity;
  summary = crm_activity_get_summary (a);
  range = crm_calendar_format_range (a->starts_at, a->starts_at + (gint64) a->duration_min * 60);
  s = g_string_new (summary);
  /* Translators: "Call · 10:00–10:15 · Overdue" */
  g_string_append_printf (s, "\n%s · %s · %s", crm_activity_type_to_label (a->type), range,
                          crm_calendar_look_label (crm_calendar_look (a, crm_week_grid_now (self))));
  if (a->client_name != NULL && *a->client_name != '\0' && g_strcmp0 (a->title, "") != 0)
    g_string_append_printf (s, "\n%s", a->client_name);
  if (a->manager_name != NULL)
    g_string_append_printf (s, "\n%s", a->manager_name);
  if (item->conflict)
    g_string_append_printf (s, "\n%s", _("Overlaps another activity of the same manager"));
  if (a->series_id > 0 || a->rrule != NULL)
    g_string_append_printf (s, "\n%s", _("Repeats"));
  text = g_string_free (s, FALSE);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) item->rect.origin.x, (int) item->rect.origin.y,
                                                       (int) item->rect.size.width, (int) item->rect.size.height });
  return TRUE;
}

void
crm_week_grid_init_input (CrmWeekGrid *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
