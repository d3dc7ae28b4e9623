/* crm-week-header.c — the titles of the grid's columns and the all-day row
 *
 * Drawn above the week grid with the same columns (the gutter on the left
 * is as wide as the grid's hour labels). A title is a day ("Mon 2", today
 * marked) or a manager's name; clicking a day's title opens that day. The
 * all-day activities span the days they take, up to three rows, then
 * "+N" in the column.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-week-header.h"

#define TITLE_HEIGHT 30
#define NAME_HEIGHT  42            /* two lines of a manager's name */
#define NAME_SCALE   0.85
#define NAME_PADDING 8
#define ROW_HEIGHT   22
#define MAX_ROWS     3

typedef struct {
  CrmActivity    *activity;
  guint           first;         /* columns it covers */
  guint           last;
  guint           row;
  graphene_rect_t rect;
} HeaderItem;

struct _CrmWeekHeader {
  GtkWidget  parent_instance;

  GPtrArray *columns;
  GArray    *items;              /* HeaderItem */
  GArray    *hidden;             /* guint per column: items beyond MAX_ROWS */
  guint      n_rows;
  gint64     fixed_now;
};

G_DEFINE_FINAL_TYPE (CrmWeekHeader, crm_week_header, GTK_TYPE_WIDGET)

enum {
  SIGNAL_COLUMN_ACTIVATED,
  SIGNAL_ACTIVITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_columns (CrmWeekHeader *self)
{
  return self->columns != NULL ? self->columns->len : 0;
}

/* A manager's name takes two lines (the team's day); a day one. */
static int
title_height (CrmWeekHeader *self)
{
  return crm_grid_columns_per_manager (self->columns) ? NAME_HEIGHT : TITLE_HEIGHT;
}

static double
column_width (CrmWeekHeader *self)
{
  return n_columns (self) > 0
         ? MAX (1.0, (double) (gtk_widget_get_width (GTK_WIDGET (self)) - CRM_WEEK_GRID_GUTTER) / n_columns (self))
         : 0;
}

static void
clear_items (CrmWeekHeader *self)
{
  for (guint i = 0; i < self->items->len; i++)
    g_object_unref (g_array_index (self->items, HeaderItem, i).activity);
  g_array_set_size (self->items, 0);
}

static void
place (CrmWeekHeader *self)
{
  double w = column_width (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      HeaderItem *it = &g_array_index (self->items, HeaderItem, i);
      it->rect = GRAPHENE_RECT_INIT (CRM_WEEK_GRID_GUTTER + it->first * w + 2, title_height (self) + it->row * ROW_HEIGHT + 1,
                                     (it->last - it->first + 1) * w - 4, ROW_HEIGHT - 2);
    }
}

void
crm_week_header_set_activities (CrmWeekHeader *self, GPtrArray *activities)
{
  g_autoptr(GArray) used = g_array_new (FALSE, TRUE, sizeof (guint));   /* rows taken per column, bitmask */
  g_autofree gint64 *bounds = NULL;

  g_return_if_fail (CRM_IS_WEEK_HEADER (self));
  clear_items (self);
  g_array_set_size (self->hidden, 0);
  g_array_set_size (self->hidden, n_columns (self));
  g_array_set_size (used, n_columns (self));
  self->n_rows = 0;
  bounds = g_new (gint64, 2 * MAX (1u, n_columns (self)));
  for (guint c = 0; c < n_columns (self); c++)
    {
      CrmGridColumn *col = self->columns->pdata[c];
      bounds[2 * c] = crm_calendar_local_time (&col->day, 0);
      bounds[2 * c + 1] = crm_calendar_local_time (&col->day, 24 * 60);
    }

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      CrmActivity *a = activities->pdata[i];
      gint64 end = a->starts_at + MAX ((gint64) a->duration_min * 60, 1);
      HeaderItem it = { 0 };
      gboolean found = FALSE;
      guint row;

      if (!a->all_day && a->duration_min < 24 * 60)
        continue;
      for (guint c = 0; c < n_columns (self); c++)
        {
          CrmGridColumn *col = self->columns->pdata[c];

          if ((col->manager_id != 0 && col->manager_id != a->manager_id) ||
              a->starts_at >= bounds[2 * c + 1] || end <= bounds[2 * c])
            continue;
          if (!found)
            it.first = c;
          it.last = c;
          found = TRUE;
        }
      if (!found)
        continue;
      for (row = 0; row < MAX_ROWS; row++)
        {
          gboolean free_row = TRUE;
          for (guint c = it.first; c <= it.last && free_row; c++)
            free_row = (g_array_index (used, guint, c) & (1u << row)) == 0;
          if (free_row)
            break;
        }
      if (row == MAX_ROWS)
        {
          for (guint c = it.first; c <= it.last; c++)
            g_array_index (self->hidden, guint, c)++;
          continue;
        }
      for (guint c = it.first; c <= it.last; c++)
        g_array_index (used, guint, c) |= 1u << row;
      it.row = row;
      it.activity = g_object_ref (a);
      self->n_rows = MAX (self->n_rows, row + 1);
      g_array_append_val (self->items, it);
    }
  for (guint c = 0; c < n_columns (self); c++)
    if (g_array_index (self->hidden, guint, c) > 0)
      self->n_rows = MAX_ROWS + 1;
  place (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
crm_week_header_set_columns (CrmWeekHeader *self, GPtrArray *columns)
{
  g_return_if_fail (CRM_IS_WEEK_HEADER (self));
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns = columns != NULL ? g_ptr_array_ref (columns) : NULL;
  crm_week_header_set_activities (self, NULL);
}

void
crm_week_header_set_now (CrmWeekHeader *self, gint64 now)
{
  g_return_if_fail (CRM_IS_WEEK_HEADER (self));
  self->fixed_now = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gint64
now_of (CrmWeekHeader *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
}

static void
crm_week_header_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                         int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CrmWeekHeader *self = CRM_WEEK_HEADER (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = crm_grid_columns_min_width (self->columns, natural);
  else
    *minimum = *natural = title_height (self) + self->n_rows * ROW_HEIGHT + 4;
}

static void
crm_week_header_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  place (CRM_WEEK_HEADER (widget));
}

static PangoLayout *
title_layout (GtkWidget *widget, const char *text, gboolean bold, gboolean name)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (name)
    pango_attr_list_insert (attrs, pango_attr_scale_new (NAME_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* @text centred in the column at @x, @width wide, around @y; a manager's
 * name (@name) wraps to a second line between its words. */
static void
draw_text (GtkWidget *widget, GtkSnapshot *snapshot, const char *text, double x, double y, double width,
           gboolean bold, gboolean name, const GdkRGBA *color)
{
  PangoLayout *layout = title_layout (widget, text, bold, name);
  int lw, lh;

  pango_layout_set_width (layout, (int) (MAX (1.0, width - 4) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (name)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, -2);
    }
  pango_layout_get_pixel_size (layout, &lw, &lh);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 2, y - lh / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* How wide a column must be for @title as a manager's name: its longest
 * word whole (the name wraps between words). */
int
crm_week_header_name_width (CrmWeekHeader *self, const char *title)
{
  g_auto(GStrv) words = NULL;
  int widest = 0;

  g_return_val_if_fail (CRM_IS_WEEK_HEADER (self), 0);
  words = g_strsplit (title != NULL ? title : "", " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = title_layout (GTK_WIDGET (self), words[i], FALSE, TRUE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest + NAME_PADDING;
}

static void
crm_week_header_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrmWeekHeader *self = CRM_WEEK_HEADER (widget);
  double w = column_width (self);
  int height = gtk_widget_get_height (widget);
  gint64 now = now_of (self);
  GdkRGBA fg, line, accent;
  gboolean per_manager;
  GDate today;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = fg;
  line.alpha *= 0.13f;
  gdk_rgba_parse (&accent, "#1c71d8");
  crm_calendar_date_of (now, &today);
  /* The team's day has a column per manager: no day to mark there. */
  per_manager = crm_grid_columns_per_manager (self->columns);

  for (guint c = 0; c < n_columns (self); c++)
    {
      CrmGridColumn *col = self->columns->pdata[c];
      double x = CRM_WEEK_GRID_GUTTER + c * w;
      gboolean is_today = g_date_compare (&col->day, &today) == 0 && !per_manager;

      draw_text (widget, snapshot, col->title, x, title_height (self) / 2.0, w, is_today, per_manager,
                 is_today ? &accent : &fg);
      if (c > 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, height));
      if (g_array_index (self->hidden, guint, c) > 0)
        {
          g_autofree char *more = g_strdup_printf (_("+%u more"), g_array_index (self->hidden, guint, c));
          GdkRGBA dim = fg;
          dim.alpha *= 0.7f;
          draw_text (widget, snapshot, more, x, title_height (self) + MAX_ROWS * ROW_HEIGHT + ROW_HEIGHT / 2.0, w,
                     FALSE, FALSE, &dim);
        }
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      HeaderItem *it = &g_array_index (self->items, HeaderItem, i);
      g_autofree char *text = crm_activity_get_summary (it->activity);
      crm_calendar_draw_box (snapshot, widget, &it->rect, it->activity, now, text, NULL, FALSE, FALSE);
    }
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, height - 1, gtk_widget_get_width (widget), 1));
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrmWeekHeader *self)
{
  double w = column_width (self);
  int c;

  if (x < CRM_WEEK_GRID_GUTTER || w <= 0)
    return;
  for (guint i = 0; i < self->items->len; i++)
    {
      HeaderItem *it = &g_array_index (self->items, HeaderItem, i);
      if (graphene_rect_contains_point (&it->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (n_press == 2)
            g_signal_emit (self, signals[SIGNAL_ACTIVITY_ACTIVATED], 0, it->activity);
          return;
        }
    }
  c = (int) ((x - CRM_WEEK_GRID_GUTTER) / w);
  if (y < title_height (self) && c >= 0 && c < (int) n_columns (self) && n_press == 1)
    g_signal_emit (self, signals[SIGNAL_COLUMN_ACTIVATED], 0, (guint) c);
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, CrmWeekHeader *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      HeaderItem *it = &g_array_index (self->items, HeaderItem, i);
      if (graphene_rect_contains_point (&it->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          g_autofree char *text = crm_activity_get_summary (it->activity);
          g_autofree char *full = g_strdup_printf ("%s\n%s · %s", text, crm_activity_type_to_label (it->activity->type),
                                                   crm_calendar_look_label (crm_calendar_look (it->activity, now_of (self))));
          gtk_tooltip_set_text (tooltip, full);
          return TRUE;
        }
    }
  if (y < title_height (self) && x >= CRM_WEEK_GRID_GUTTER && n_columns (self) > 0 &&
      ((CrmGridColumn *) self->columns->pdata[0])->manager_id == 0)
    {
      gtk_tooltip_set_text (tooltip, _("Show this day"));
      return TRUE;
    }
  /* The team's day: whose column it is, in full. */
  if (y < title_height (self) && x >= CRM_WEEK_GRID_GUTTER && column_width (self) > 0)
    {
      guint c = (guint) ((x - CRM_WEEK_GRID_GUTTER) / column_width (self));
      CrmGridColumn *col = c < n_columns (self) ? self->columns->pdata[c] : NULL;

      if (col != NULL && col->tooltip != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("%s — show this manager’s week"), col->tooltip);
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
crm_week_header_new (void)
{
  return g_object_new (CRM_TYPE_WEEK_HEADER, NULL);
}

static void
crm_week_header_dispose (GObject *object)
{
  CrmWeekHeader *self = CRM_WEEK_HEADER (object);

  clear_items (self);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  G_OBJECT_CLASS (crm_week_header_parent_class)->dispose (object);
}

static void
crm_week_header_finalize (GObject *object)
{
  CrmWeekHeader *self = CRM_WEEK_HEADER (object);

  g_array_unref (self->items);
  g_array_unref (self->hidden);
  G_OBJECT_CLASS (crm_week_header_parent_class)->finalize (object);
}

static void
crm_week_header_class_init (CrmWeekHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_week_header_dispose;
  object_class->finalize = crm_week_header_finalize;
  widget_class->measure = crm_week_header_measure;
  widget_class->size_allocate = crm_week_header_size_allocate;
  widget_class->snapshot = crm_week_header_snapshot;

  signals[SIGNAL_COLUMN_ACTIVATED] =
    g_signal_new ("column-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_ACTIVITY_ACTIVATED] =
    g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CRM_TYPE_ACTIVITY);
  gtk_widget_class_set_css_name (widget_class, "weekheader");
}

static void
crm_week_header_init (CrmWeekHeader *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->items = g_array_new (FALSE, FALSE, sizeof (HeaderItem));
  self->hidden = g_array_new (FALSE, TRUE, sizeof (guint));
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
