/* crm-week-grid.c — the hours of some days (or managers) side by side
 *
 * A custom widget (measure, size_allocate, snapshot) as gnome-calendar's
 * week grid: an hour ruler on the left, a column per day or per manager,
 * the work hours lighter than the rest, a line at the current time, and
 * the activities as boxes placed by the wall clock of their day and laid
 * out side by side where they overlap (crm_calendar_layout). The input half
 * (drag to move, resize and create; the keyboard) is crm-week-grid-input.c.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-recurrence.h"
#include "crm-week-grid-private.h"

G_DEFINE_FINAL_TYPE (CrmWeekGrid, crm_week_grid, GTK_TYPE_WIDGET)

guint crm_week_grid_signals[N_GRID_SIGNALS];

/* ---- columns ------------------------------------------------------------ */

CrmGridColumn *
crm_grid_column_new (const GDate *day, gint64 manager_id, const char *title)
{
  CrmGridColumn *c = g_new0 (CrmGridColumn, 1);

  c->day = *day;
  c->manager_id = manager_id;
  c->title = g_strdup (title);
  return c;
}

void
crm_grid_column_free (CrmGridColumn *column)
{
  if (column == NULL)
    return;
  g_free (column->title);
  g_free (column->tooltip);
  g_free (column);
}

gboolean
crm_grid_columns_per_manager (GPtrArray *columns)
{
  return columns != NULL && columns->len > 1 &&
         g_date_compare (&((CrmGridColumn *) columns->pdata[0])->day,
                         &((CrmGridColumn *) columns->pdata[1])->day) == 0;
}

int
crm_grid_columns_min_width (GPtrArray *columns, int *natural)
{
  guint n = columns != NULL ? MAX (1u, columns->len) : 1;
  gboolean per_manager = crm_grid_columns_per_manager (columns);
  int column = per_manager ? 96 : 40;

  /* The team's day: as narrow as the titles (surnames) allow. */
  if (per_manager && ((CrmGridColumn *) columns->pdata[0])->min_width > 0)
    {
      column = 0;
      for (guint i = 0; i < columns->len; i++)
        column = MAX (column, ((CrmGridColumn *) columns->pdata[i])->min_width);
    }
  if (natural != NULL)
    *natural = CRM_WEEK_GRID_GUTTER + n * MAX (column, per_manager ? 140 : 120);
  return CRM_WEEK_GRID_GUTTER + n * column;
}

int
crm_grid_columns_find (GPtrArray *columns, gint64 t, gint64 manager_id)
{
  GDate day;

  crm_calendar_date_of (t, &day);
  for (guint i = 0; columns != NULL && i < columns->len; i++)
    {
      CrmGridColumn *c = columns->pdata[i];
      if (g_date_compare (&c->day, &day) == 0 && (c->manager_id == 0 || c->manager_id == manager_id))
        return (int) i;
    }
  return -1;
}

gboolean
crm_activity_same (const CrmActivity *a, const CrmActivity *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->id > 0 || b->id > 0)
    return a->id == b->id;
  return a->series_id == b->series_id && a->recurrence_at == b->recurrence_at;
}

/* ---- state -------------------------------------------------------------- */

gint64
crm_week_grid_now (CrmWeekGrid *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
}

CrmGridColumn *
crm_week_grid_column (CrmWeekGrid *self, guint index)
{
  return self->columns != NULL && index < self->columns->len ? self->columns->pdata[index] : NULL;
}

guint
crm_week_grid_n_columns (CrmWeekGrid *self)
{
  return self->columns != NULL ? self->columns->len : 0;
}

double
crm_week_grid_get_column_width (CrmWeekGrid *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (crm_week_grid_n_columns (self) == 0)
    return 0;
  return MAX (1.0, (double) (width - CRM_WEEK_GRID_GUTTER) / crm_week_grid_n_columns (self));
}

double
crm_week_grid_column_x (CrmWeekGrid *self, guint column)
{
  return CRM_WEEK_GRID_GUTTER + column * crm_week_grid_get_column_width (self);
}

double
crm_week_grid_y (CrmWeekGrid *self, int minute)
{
  return (double) minute * self->hour_height / 60.0;
}

int
crm_week_grid_get_hour_height (CrmWeekGrid *self)
{
  g_return_val_if_fail (CRM_IS_WEEK_GRID (self), 0);
  return self->hour_height;
}

static void
clear_items (CrmWeekGrid *self)
{
  for (guint i = 0; i < self->items->len; i++)
    g_object_unref (g_array_index (self->items, GridItem, i).activity);
  /* A new array: the team's week (thousands of boxes) leaves no room behind. */
  g_array_unref (self->items);
  self->items = g_array_new (FALSE, FALSE, sizeof (GridItem));
}

static Overflow *
find_overflow (CrmWeekGrid *self, guint column, guint group)
{
  for (guint i = 0; i < self->overflows->len; i++)
    {
      Overflow *o = &g_array_index (self->overflows, Overflow, i);
      if (o->column == column && o->group == group)
        return o;
    }
  return NULL;
}

/* Rectangles from the layout. Where a group has more sub-columns than fit
 * (the whole team's week), the last one that fits says "+N" instead. */
static void
place_items (CrmWeekGrid *self)
{
  double col_width = crm_week_grid_get_column_width (self);
  double usable = MAX (4.0, col_width - COLUMN_MARGIN);
  /* The whole team's week: a box at least wide enough for its hour. */
  double min_box = self->show_manager ? MIN_TEAM_BOX_WIDTH : MIN_BOX_WIDTH;
  guint fit = MAX (1u, (guint) (usable / min_box));

  g_array_set_size (self->overflows, 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      guint n = it->layout.n_columns;
      gboolean crowded = n > fit;
      /* "+N" keeps room for its number. */
      guint shown = crowded ? MAX (1u, (guint) ((usable - OVERFLOW_WIDTH) / min_box)) : n;
      double w = crowded ? (usable - OVERFLOW_WIDTH) / shown : usable / MAX (1u, n);
      double x = crm_week_grid_column_x (self, it->column) + 1 + w * it->layout.column;
      double y = crm_week_grid_y (self, it->start_min);
      double h = crm_week_grid_y (self, it->end_min) - y;
      guint span = MIN (it->layout.span, shown > it->layout.column ? shown - it->layout.column : 1);

      it->hidden = it->layout.column >= shown;
      if (it->hidden)
        {
          Overflow *o = find_overflow (self, it->column, it->layout.group);
          if (o == NULL)
            {
              Overflow fresh = { it->column, it->layout.group, it->start_min, it->end_min, 0 };
              g_array_append_val (self->overflows, fresh);
              o = &g_array_index (self->overflows, Overflow, self->overflows->len - 1);
              o->rect = GRAPHENE_RECT_INIT (crm_week_grid_column_x (self, it->column) + 1 + w * shown, 0,
                                            OVERFLOW_WIDTH - 2, 0);
            }
          o->count++;
          o->start_min = MIN (o->start_min, it->start_min);
          o->end_min = MAX (o->end_min, it->end_min);
          it->rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
          continue;
        }
      it->rect = GRAPHENE_RECT_INIT (x, y + 1, MAX (1.0, w * span - 2), MAX (1.0, h - 2));
    }
  for (guint i = 0; i < self->overflows->len; i++)
    {
      Overflow *o = &g_array_index (self->overflows, Overflow, i);
      o->rect.origin.y = crm_week_grid_y (self, o->start_min) + 1;
      o->rect.size.height = MAX (1.0, crm_week_grid_y (self, o->end_min) - o->rect.origin.y - 2);
    }
}

/* Items of each column from the activities, laid out. */
static void
build_items (CrmWeekGrid *self)
{
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (CrmLayoutItem));

  g_autofree gint64 *bounds = g_new (gint64, 2 * MAX (1u, crm_week_grid_n_columns (self)));

  clear_items (self);
  for (guint c = 0; c < crm_week_grid_n_columns (self); c++)
    {
      CrmGridColumn *col = self->columns->pdata[c];
      bounds[2 * c] = crm_calendar_local_time (&col->day, 0);
      bounds[2 * c + 1] = crm_calendar_local_time (&col->day, DAY_MINUTES);
    }
  for (guint i = 0; self->activities != NULL && i < self->activities->len; i++)
    {
      CrmActivity *a = self->activities->pdata[i];
      gint64 end = a->starts_at + (gint64) a->duration_min * 60;

      if (a->all_day || a->duration_min >= DAY_MINUTES)
        continue;
      for (guint c = 0; c < crm_week_grid_n_columns (self); c++)
        {
          CrmGridColumn *col = self->columns->pdata[c];
          GridItem it = { 0 };

          if (col->manager_id != 0 && col->manager_id != a->manager_id)
            continue;
          /* In this day: it starts in it, or runs into it. */
          if (a->starts_at >= bounds[2 * c + 1] || (a->starts_at < bounds[2 * c] && end <= bounds[2 * c]))
            continue;
          it.activity = g_object_ref (a);
          it.column = c;
          it.start_min = crm_calendar_minute_of (a->starts_at, &col->day);
          it.end_min = MIN (DAY_MINUTES, MAX (crm_calendar_minute_of (end, &col->day),
                                              it.start_min + MIN_BOX_MINUTES));
          g_array_append_val (self->items, it);
        }
    }

  /* Overlaps, column by column. */
  for (guint c = 0; c < crm_week_grid_n_columns (self); c++)
    {
      g_array_set_size (layout, 0);
      for (guint i = 0; i < self->items->len; i++)
        {
          GridItem *it = &g_array_index (self->items, GridItem, i);
          CrmLayoutItem li = { it->start_min, it->end_min, GUINT_TO_POINTER (i) };
          if (it->column == c)
            g_array_append_val (layout, li);
        }
      crm_calendar_layout ((CrmLayoutItem *) (gpointer) layout->data, layout->len);
      for (guint k = 0; k < layout->len; k++)
        {
          CrmLayoutItem *li = &g_array_index (layout, CrmLayoutItem, k);
          GridItem *it = &g_array_index (self->items, GridItem, GPOINTER_TO_UINT (li->data));
          it->layout = *li;
        }
    }

  /* A manager in two places at once: both boxes get a red outline. */
  for (guint i = 0; i < self->items->len; i++)
    {
      GridItem *a = &g_array_index (self->items, GridItem, i);
      for (guint k = i + 1; k < self->items->len; k++)
        {
          GridItem *b = &g_array_index (self->items, GridItem, k);
          CrmActivity *x = a->activity, *y = b->activity;
          if (a->column == b->column && x->manager_id == y->manager_id &&
              x->state != CRM_STATE_CANCELLED && y->state != CRM_STATE_CANCELLED &&
              x->starts_at < y->starts_at + (gint64) y->duration_min * 60 &&
              y->starts_at < x->starts_at + (gint64) x->duration_min * 60)
            a->conflict = b->conflict = TRUE;
        }
    }
  place_items (self);
}

void
crm_week_grid_set_columns (CrmWeekGrid *self, GPtrArray *columns)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns = columns != NULL ? g_ptr_array_ref (columns) : NULL;
  if (self->cursor_column >= crm_week_grid_n_columns (self))
    self->cursor_column = 0;
  self->drag = DRAG_NONE;
  self->drag_done = FALSE;
  build_items (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
crm_week_grid_set_activities (CrmWeekGrid *self, GPtrArray *activities)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));

  if (activities != NULL)
    g_ptr_array_ref (activities);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->activities = activities;
  /* Fresh data shows where a dropped box really is now. */
  if (self->drag_done)
    {
      self->drag_done = FALSE;
      self->drag = DRAG_NONE;
      g_clear_object (&self->drag_activity);
    }
  build_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
crm_week_grid_is_dragging (CrmWeekGrid *self)
{
  g_return_val_if_fail (CRM_IS_WEEK_GRID (self), FALSE);
  return self->drag != DRAG_NONE && !self->drag_done;
}

void
crm_week_grid_cancel_drag (CrmWeekGrid *self)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));
  self->drag = DRAG_NONE;
  self->drag_done = FALSE;
  g_clear_object (&self->drag_activity);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crm_week_grid_set_work_hours (CrmWeekGrid *self, int start_min, int end_min)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));
  self->work_start = CLAMP (start_min, 0, DAY_MINUTES);
  self->work_end = CLAMP (end_min, self->work_start, DAY_MINUTES);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crm_week_grid_set_show_manager (CrmWeekGrid *self, gboolean show)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));
  self->show_manager = show;
  place_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crm_week_grid_set_now (CrmWeekGrid *self, gint64 now)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));
  self->fixed_now = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
crm_week_grid_get_now (CrmWeekGrid *self)
{
  g_return_val_if_fail (CRM_IS_WEEK_GRID (self), 0);
  return crm_week_grid_now (self);
}

gboolean
crm_week_grid_get_item_rect (CrmWeekGrid *self, CrmActivity *activity, graphene_rect_t *out)
{
  g_return_val_if_fail (CRM_IS_WEEK_GRID (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      if (crm_activity_same (it->activity, activity))
        {
          *out = it->rect;
          return !it->hidden;
        }
    }
  return FALSE;
}

int
crm_week_grid_hit (CrmWeekGrid *self, double x, double y, int *minute, GridItem **item, gboolean *on_edge)
{
  double col_width = crm_week_grid_get_column_width (self);
  int column;

  *item = NULL;
  *on_edge = FALSE;
  *minute = CLAMP ((int) (y * 60.0 / self->hour_height), 0, DAY_MINUTES - 1);
  if (x < CRM_WEEK_GRID_GUTTER || crm_week_grid_n_columns (self) == 0)
    return -1;
  column = MIN ((int) ((x - CRM_WEEK_GRID_GUTTER) / col_width), (int) crm_week_grid_n_columns (self) - 1);
  /* The last drawn is on top. */
  for (guint i = self->items->len; i-- > 0; )
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      if (!it->hidden && graphene_rect_contains_point (&it->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          *item = it;
          *on_edge = y >= it->rect.origin.y + it->rect.size.height - EDGE_PIXELS &&
                     it->rect.size.height >= 2 * EDGE_PIXELS;
          break;
        }
    }
  return column;
}

GridItem *
crm_week_grid_item_at (CrmWeekGrid *self, guint column, int minute)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      if (!it->hidden && it->column == column && it->start_min <= minute && minute < it->end_min)
        return it;
    }
  return NULL;
}

/* ---- selection ---------------------------------------------------------- */

void
crm_week_grid_set_selected (CrmWeekGrid *self, CrmActivity *activity)
{
  if (crm_activity_same (self->selected, activity) || (self->selected == NULL && activity == NULL))
    return;
  g_clear_object (&self->selected);
  if (activity != NULL)
    self->selected = crm_activity_copy (activity);
  g_signal_emit (self, crm_week_grid_signals[SIGNAL_SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CrmActivity *
crm_week_grid_get_selected (CrmWeekGrid *self)
{
  g_return_val_if_fail (CRM_IS_WEEK_GRID (self), NULL);

  /* The activity as the grid has it now (fresh after a reload). */
  for (guint i = 0; self->selected != NULL && i < self->items->len; i++)
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      if (crm_activity_same (it->activity, self->selected))
        return it->activity;
    }
  return NULL;
}

void
crm_week_grid_select (CrmWeekGrid *self, CrmActivity *activity)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));

  crm_week_grid_set_selected (self, activity);
  for (guint i = 0; activity != NULL && i < self->items->len; i++)
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      if (crm_activity_same (it->activity, activity))
        {
          self->cursor_column = it->column;
          self->cursor_minute = it->start_min / SLOT_MINUTES * SLOT_MINUTES;
          crm_week_grid_scroll_to (self, it->start_min, it->end_min);
          break;
        }
    }
}

void
crm_week_grid_get_cursor (CrmWeekGrid *self, guint *column, int *minute)
{
  g_return_if_fail (CRM_IS_WEEK_GRID (self));
  *column = self->cursor_column;
  *minute = self->cursor_minute;
}

void
crm_week_grid_set_cursor (CrmWeekGrid *self, guint column, int minute)
{
  GridItem *it;

  g_return_if_fail (CRM_IS_WEEK_GRID (self));
  self->cursor_column = MIN (column, crm_week_grid_n_columns (self) > 0 ? crm_week_grid_n_columns (self) - 1 : 0);
  self->cursor_minute = CLAMP (minute / SLOT_MINUTES * SLOT_MINUTES, 0, DAY_MINUTES - SLOT_MINUTES);
  it = crm_week_grid_item_at (self, self->cursor_column, self->cursor_minute);
  crm_week_grid_set_selected (self, it != NULL ? it->activity : NULL);
  crm_week_grid_scroll_to (self, self->cursor_minute, self->cursor_minute + SLOT_MINUTES);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crm_week_grid_scroll_to (CrmWeekGrid *self, int minute_from, int minute_to)
{
  GtkWidget *sw = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;

  if (sw == NULL)
    return;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw));
  gtk_adjustment_clamp_page (adj, crm_week_grid_y (self, minute_from) - 8,
                             crm_week_grid_y (self, minute_to) + 8);
}

/* ---- size and drawing --------------------------------------------------- */

static void
crm_week_grid_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CrmWeekGrid *self = CRM_WEEK_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = crm_grid_columns_min_width (self->columns, natural);
  else
    *minimum = *natural = 24 * self->hour_height + 1;
}

static void
crm_week_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  place_items (CRM_WEEK_GRID (widget));
}

/* ---- clock -------------------------------------------------------------- */

static gboolean
clock_tick_cb (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
  return G_SOURCE_CONTINUE;
}

static void
crm_week_grid_map (GtkWidget *widget)
{
  CrmWeekGrid *self = CRM_WEEK_GRID (widget);

  GTK_WIDGET_CLASS (crm_week_grid_parent_class)->map (widget);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (30, clock_tick_cb, self);
}

static void
crm_week_grid_unmap (GtkWidget *widget)
{
  CrmWeekGrid *self = CRM_WEEK_GRID (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  GTK_WIDGET_CLASS (crm_week_grid_parent_class)->unmap (widget);
}

/* ---- object ------------------------------------------------------------- */

GtkWidget *
crm_week_grid_new (void)
{
  return g_object_new (CRM_TYPE_WEEK_GRID, NULL);
}

static void
crm_week_grid_dispose (GObject *object)
{
  CrmWeekGrid *self = CRM_WEEK_GRID (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  clear_items (self);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->drag_activity);
  G_OBJECT_CLASS (crm_week_grid_parent_class)->dispose (object);
}

static void
crm_week_grid_finalize (GObject *object)
{
  CrmWeekGrid *self = CRM_WEEK_GRID (object);

  g_array_unref (self->items);
  g_array_unref (self->overflows);
  G_OBJECT_CLASS (crm_week_grid_parent_class)->finalize (object);
}

static void
crm_week_grid_class_init (CrmWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_week_grid_dispose;
  object_class->finalize = crm_week_grid_finalize;
  widget_class->measure = crm_week_grid_measure;
  widget_class->size_allocate = crm_week_grid_size_allocate;
  widget_class->snapshot = crm_week_grid_snapshot;
  widget_class->map = crm_week_grid_map;
  widget_class->unmap = crm_week_grid_unmap;

  /* An activity opened (double click, Enter). */
  crm_week_grid_signals[SIGNAL_ACTIVITY_ACTIVATED] =
    g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CRM_TYPE_ACTIVITY);
  /* Dropped (or moved with Ctrl+arrows) at a new start, in the column of
   * a manager (0: the same manager). */
  crm_week_grid_signals[SIGNAL_ACTIVITY_MOVED] =
    g_signal_new ("activity-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, CRM_TYPE_ACTIVITY, G_TYPE_INT64, G_TYPE_INT64);
  /* Its bottom edge dragged (or Shift+arrows): the new duration in minutes. */
  crm_week_grid_signals[SIGNAL_ACTIVITY_RESIZED] =
    g_signal_new ("activity-resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CRM_TYPE_ACTIVITY, G_TYPE_INT);
  /* Empty time dragged over (or N): start, end, manager (0: any). */
  crm_week_grid_signals[SIGNAL_CREATE_REQUESTED] =
    g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
  crm_week_grid_signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CRM_TYPE_ACTIVITY);
  /* "+N" clicked: the column (a day) has more than fits; the calendar
   * opens that day. */
  crm_week_grid_signals[SIGNAL_OVERFLOW_ACTIVATED] =
    g_signal_new ("overflow-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  crm_week_grid_signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "weekgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
crm_week_grid_init (CrmWeekGrid *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (GridItem));
  self->overflows = g_array_new (FALSE, FALSE, sizeof (Overflow));
  self->work_start = 9 * 60;
  self->work_end = 18 * 60;
  self->hour_height = 48;
  self->cursor_minute = 9 * 60;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  crm_week_grid_init_input (self);
}
