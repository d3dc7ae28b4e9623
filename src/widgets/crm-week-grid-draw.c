/* crm-week-grid-draw.c — how the day and week grid is drawn: the hours and
 * work time, the activity boxes with their texts, the "+N more" of a crowded
 * slot, the preview of a drag and the line of the present time
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

static void
get_fg (GtkWidget *widget, GdkRGBA *out, float alpha)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out);
  G_GNUC_END_IGNORE_DEPRECATIONS
  out->alpha *= alpha;
}

static void
draw_background (CrmWeekGrid *self, GtkSnapshot *snapshot, double width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double col_width = crm_week_grid_get_column_width (self);
  GDate today;
  GdkRGBA shade, line, faint, accent;

  get_fg (widget, &shade, 0.045f);
  get_fg (widget, &line, 0.13f);
  get_fg (widget, &faint, 0.06f);
  gdk_rgba_parse (&accent, "#3584e4");
  accent.alpha = 0.07f;
  crm_calendar_date_of (crm_week_grid_now (self), &today);

  for (guint c = 0; c < crm_week_grid_n_columns (self); c++)
    {
      CrmGridColumn *col = self->columns->pdata[c];
      double x = crm_week_grid_column_x (self, c);
      GDateWeekday wd = g_date_get_weekday (&col->day);
      double top = crm_week_grid_y (self, self->work_start);
      double bottom = crm_week_grid_y (self, self->work_end);

      /* Outside the work hours, and the weekend, a little darker. */
      if (wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY)
        gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x, 0, col_width, crm_week_grid_y (self, DAY_MINUTES)));
      else
        {
          gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x, 0, col_width, top));
          gtk_snapshot_append_color (snapshot, &shade,
                                     &GRAPHENE_RECT_INIT (x, bottom, col_width, crm_week_grid_y (self, DAY_MINUTES) - bottom));
        }
      if (g_date_compare (&col->day, &today) == 0)
        gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x, 0, col_width, crm_week_grid_y (self, DAY_MINUTES)));
      if (c > 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, crm_week_grid_y (self, DAY_MINUTES)));
    }
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (CRM_WEEK_GRID_GUTTER - 1, 0, 1, crm_week_grid_y (self, DAY_MINUTES)));

  for (int h = 0; h < 24; h++)
    {
      double y = crm_week_grid_y (self, h * 60);
      double y_half = crm_week_grid_y (self, h * 60 + 30);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (CRM_WEEK_GRID_GUTTER - 6, y, width, 1));
      gtk_snapshot_append_color (snapshot, &faint,
                                 &GRAPHENE_RECT_INIT (CRM_WEEK_GRID_GUTTER, y_half, width, 1));
      if (h > 0)
        {
          g_autofree char *label = g_strdup_printf ("%02d:00", h);
          PangoLayout *layout = gtk_widget_create_pango_layout (widget, label);
          PangoAttrList *attrs = pango_attr_list_new ();
          GdkRGBA fg;
          int lw, lh;

          pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
          pango_layout_set_attributes (layout, attrs);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          get_fg (widget, &fg, 0.6f);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (CRM_WEEK_GRID_GUTTER - 8 - lw, y - lh / 2.0));
          gtk_snapshot_append_layout (snapshot, layout, &fg);
          gtk_snapshot_restore (snapshot);
          pango_attr_list_unref (attrs);
          g_object_unref (layout);
        }
    }
}

static char *
box_detail (CrmWeekGrid *self, CrmActivity *a)
{
  g_autofree char *range = crm_calendar_format_range (a->starts_at, a->starts_at + (gint64) a->duration_min * 60);

  if (self->show_manager && a->manager_name != NULL)
    return g_strdup_printf ("%s · %s", range, a->manager_name);
  return g_steal_pointer (&range);
}

/* Narrower than NARROW_BOX (the whole team's week), a box starts with its
 * time — "Call: Acme Ltd" cut to "Ca…" says nothing — and says what it is
 * under it when tall enough. */
static void
box_texts (CrmWeekGrid *self, GridItem *it, char **text, char **detail)
{
  if (it->rect.size.width >= NARROW_BOX)
    {
      *text = crm_activity_get_summary (it->activity);
      *detail = box_detail (self, it->activity);
      return;
    }
  *text = crm_calendar_box_time (GTK_WIDGET (self), it->activity, &it->rect);
  *detail = *text != NULL && it->rect.size.width >= 30 ? crm_activity_get_summary (it->activity) : NULL;
}

static void
draw_preview (CrmWeekGrid *self, GtkSnapshot *snapshot)
{
  double col_width = crm_week_grid_get_column_width (self);
  double x = crm_week_grid_column_x (self, self->drag_column) + 1;
  double y = crm_week_grid_y (self, self->drag_start);
  double h = crm_week_grid_y (self, MAX (self->drag_end, self->drag_start + SLOT_MINUTES)) - y;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y + 1, MAX (4.0, col_width - COLUMN_MARGIN - 2), h - 2);
  CrmGridColumn *col = crm_week_grid_column (self, self->drag_column);
  g_autoptr(CrmActivity) ghost = NULL;
  g_autofree char *range = NULL;
  g_autofree char *summary = NULL;
  gboolean busy = FALSE;

  if (col == NULL)
    return;
  ghost = self->drag_activity != NULL ? crm_activity_copy (self->drag_activity) : crm_activity_new ();
  if (self->drag_activity == NULL)
    ghost->type = CRM_ACTIVITY_MEETING;
  ghost->starts_at = crm_calendar_local_time (&col->day, self->drag_start);
  /* A move keeps the duration (the box may be drawn taller than a short
   * call); a resize or a new range is what was dragged. */
  if (self->drag != DRAG_MOVE || self->drag_activity == NULL)
    ghost->duration_min = (int) ((crm_calendar_local_time (&col->day, self->drag_end) - ghost->starts_at) / 60);
  ghost->state = CRM_STATE_PLANNED;
  if (col->manager_id != 0)
    ghost->manager_id = col->manager_id;
  /* Where it would land on someone else's time, say so while dragging. */
  for (guint i = 0; i < self->items->len; i++)
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      CrmActivity *o = it->activity;
      if (it->column == self->drag_column && !crm_activity_same (o, self->drag_activity) &&
          o->manager_id == ghost->manager_id && o->state != CRM_STATE_CANCELLED &&
          o->starts_at < ghost->starts_at + (gint64) ghost->duration_min * 60 &&
          ghost->starts_at < o->starts_at + (gint64) o->duration_min * 60)
        busy = TRUE;
    }
  range = crm_calendar_format_range (ghost->starts_at, ghost->starts_at + (gint64) ghost->duration_min * 60);
  summary = self->drag == DRAG_CREATE ? g_strdup (_("New activity")) : crm_activity_get_summary (ghost);
  gtk_snapshot_push_opacity (snapshot, 0.85);
  crm_calendar_draw_box (snapshot, GTK_WIDGET (self), &rect, ghost, 0, range, summary, TRUE, busy);
  gtk_snapshot_pop (snapshot);
}

static void
draw_overflows (CrmWeekGrid *self, GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fill, fg;

  get_fg (widget, &fill, 0.12f);
  get_fg (widget, &fg, 0.85f);
  for (guint i = 0; i < self->overflows->len; i++)
    {
      Overflow *o = &g_array_index (self->overflows, Overflow, i);
      g_autofree char *text = g_strdup_printf (_("+%u"), o->count);
      PangoLayout *layout;
      GskRoundedRect r;
      int lw, lh;

      gsk_rounded_rect_init_from_rect (&r, &o->rect, MIN (4.f, o->rect.size.width / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &r);
      gtk_snapshot_append_color (snapshot, &fill, &o->rect);
      layout = gtk_widget_create_pango_layout (widget, text);
      {
        PangoAttrList *attrs = pango_attr_list_new ();
        pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
        pango_layout_set_attributes (layout, attrs);
        pango_attr_list_unref (attrs);
      }
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (o->rect.origin.x + MAX (1.0, (o->rect.size.width - lw) / 2),
                                                              o->rect.origin.y + 2));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
      gtk_snapshot_pop (snapshot);
    }
}

static void
draw_now (CrmWeekGrid *self, GtkSnapshot *snapshot)
{
  gint64 now = crm_week_grid_now (self);
  double col_width = crm_week_grid_get_column_width (self);
  GdkRGBA red;

  gdk_rgba_parse (&red, "#e01b24");
  for (guint c = 0; c < crm_week_grid_n_columns (self); c++)
    {
      CrmGridColumn *col = self->columns->pdata[c];
      int minute = crm_calendar_minute_of (now, &col->day);
      double x = crm_week_grid_column_x (self, c);
      double y;

      if (minute <= 0 || minute >= DAY_MINUTES)
        continue;
      y = crm_week_grid_y (self, minute);
      gtk_snapshot_append_color (snapshot, &red, &GRAPHENE_RECT_INIT (x, y - 1, col_width, 2));
      gtk_snapshot_append_color (snapshot, &red, &GRAPHENE_RECT_INIT (x - 3, y - 4, 6, 8));
    }
}

void
crm_week_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrmWeekGrid *self = CRM_WEEK_GRID (widget);
  int width = gtk_widget_get_width (widget);
  gint64 now = crm_week_grid_now (self);
  gboolean previewing = self->drag == DRAG_MOVE || self->drag == DRAG_RESIZE || self->drag == DRAG_CREATE;

  draw_background (self, snapshot, width);

  for (guint i = 0; i < self->items->len; i++)
    {
      GridItem *it = &g_array_index (self->items, GridItem, i);
      g_autofree char *text = NULL;
      g_autofree char *detail = NULL;
      gboolean dragged = previewing && crm_activity_same (it->activity, self->drag_activity);
      gboolean selected = crm_activity_same (it->activity, self->selected) && gtk_widget_has_focus (widget);

      if (it->hidden)
        continue;
      box_texts (self, it, &text, &detail);
      if (dragged)
        gtk_snapshot_push_opacity (snapshot, 0.35);
      /* The team's week is an overview: the clashes of each manager show
       * in their own week (and in the tooltip). */
      crm_calendar_draw_box (snapshot, widget, &it->rect, it->activity, now, text, detail,
                             selected, it->conflict && !self->show_manager);
      if (dragged)
        gtk_snapshot_pop (snapshot);
    }

  draw_overflows (self, snapshot);
  if (previewing)
    draw_preview (self, snapshot);
  else if (gtk_widget_has_focus (widget) && self->selected == NULL && crm_week_grid_n_columns (self) > 0)
    {
      /* The keyboard's empty slot. */
      double col_width = crm_week_grid_get_column_width (self);
      GskRoundedRect r;
      GdkRGBA fg;

      get_fg (widget, &fg, 0.8f);
      gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (crm_week_grid_column_x (self, self->cursor_column) + 1,
                                                                crm_week_grid_y (self, self->cursor_minute) + 1,
                                                                col_width - 2,
                                                                crm_week_grid_y (self, SLOT_MINUTES) - 2), 3);
      gtk_snapshot_append_border (snapshot, &r, (float[4]) { 2, 2, 2, 2 }, (GdkRGBA[4]) { fg, fg, fg, fg });
    }
  draw_now (self, snapshot);
}
