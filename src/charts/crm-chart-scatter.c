/* crm-chart-scatter.c — effort against result: talk hours and revenue
 *
 * One dot per manager at (talk hours, revenue), named where the name finds
 * room inside the axes — right of the dot, left, above, below or aslant,
 * further away with a thin line to it, the surname when the whole name does
 * not fit — never over another name or dot (a dot left without a name still
 * has its tooltip); a dot on top of another is moved a few pixels aside, so
 * that each one can be pointed at. A dashed line from the origin at the
 * team's revenue per talk hour: a manager above it turns talk into money
 * better than the team does. The axes start at zero; revenue may go below it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-chart-scatter.h"
#include "crm-locale.h"
#include "crm-short-name.h"

#define DOT_INK     0
#define LABEL_WIDTH 120.0
#define HIT_RADIUS  9.0
#define MIN_APART   4.0     /* dots closer than this are moved apart */
#define N_RINGS     6       /* places for a name: beside its dot, then further each time */
#define RING_STEP   12.0
#define LEADER_FROM 4.0     /* a name further than this from its dot is joined to it */

CrmChartScatterData *
crm_chart_scatter_data_new (const char *title, const char *currency)
{
  CrmChartScatterData *data = g_new0 (CrmChartScatterData, 1);

  data->title = g_strdup (title);
  data->currency = g_strdup (currency);
  data->points = crm_chart_items_new (sizeof (CrmChartScatterPoint));
  return data;
}

void
crm_chart_scatter_data_add (CrmChartScatterData *data, const char *label, gint64 talk_minutes, gint64 revenue)
{
  CrmChartScatterPoint point = { g_strdup (label != NULL ? label : ""), MAX (talk_minutes, 0), revenue };

  g_return_if_fail (data != NULL);
  g_array_append_val (data->points, point);
}

void
crm_chart_scatter_data_free (CrmChartScatterData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->currency);
  g_array_unref (data->points);
  g_free (data);
}

static const CrmChartScatterPoint *
point_at (const CrmChartScatterData *data, guint i)
{
  return &g_array_index (data->points, CrmChartScatterPoint, i);
}

static double
hours_of (const CrmChartScatterPoint *p)
{
  return (double) p->talk_minutes / 60.0;
}

/* The team's revenue per talk hour; FALSE when nobody talked. */
static gboolean
team_average (const CrmChartScatterData *data, double *per_hour)
{
  double hours = 0, revenue = 0;

  for (guint i = 0; i < data->points->len; i++)
    {
      hours += hours_of (point_at (data, i));
      revenue += (double) point_at (data, i)->revenue;
    }
  *per_hour = hours > 0 ? revenue / hours : 0;
  return hours > 0;
}

static gboolean
is_empty (const CrmChartScatterData *data)
{
  for (guint i = 0; i < data->points->len; i++)
    if (point_at (data, i)->talk_minutes != 0 || point_at (data, i)->revenue != 0)
      return FALSE;
  return TRUE;
}

static gboolean
rects_overlap (const CrmChartRect *a, const CrmChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const CrmChartRect *box, const CrmChartRect *bounds)
{
  return box->x >= bounds->x && box->y >= bounds->y &&
         box->x + box->width <= bounds->x + bounds->width &&
         box->y + box->height <= bounds->y + bounds->height;
}

/* The point of @rect nearest (@x, @y). */
static void
nearest_point (const CrmChartRect *rect, double x, double y, double *px, double *py)
{
  *px = CLAMP (x, rect->x, rect->x + rect->width);
  *py = CLAMP (y, rect->y, rect->y + rect->height);
}

/* A name set apart from its dot is joined to it by a thin line. */
static gboolean
needs_leader (const CrmChartScatterLayout *layout, const CrmChartScatterElement *e)
{
  double px, py;

  if (e->label.width <= 0)
    return FALSE;
  nearest_point (&e->label, e->x, e->y, &px, &py);
  return hypot (px - e->x, py - e->y) > layout->radius + LEADER_FROM;
}

/* Whether the segment (@x0, @y0)–(@x1, @y1) crosses @rect (sampled every
 * pixel: the segments are short). */
static gboolean
segment_crosses (double x0, double y0, double x1, double y1, const CrmChartRect *rect)
{
  double length = hypot (x1 - x0, y1 - y0);
  int steps = MAX (1, (int) ceil (length));

  for (int k = 0; k <= steps; k++)
    {
      double t = (double) k / steps;
      if (crm_chart_rect_contains (rect, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
        return TRUE;
    }
  return FALSE;
}

/* A place for @box, the name of @e: inside the axes, over no dot, no name
 * and no line placed before; its own line, if it needs one, over no other
 * dot and no name either (which dot it names stays plain). */
static gboolean
has_room (const CrmChartScatterLayout *layout, const CrmChartScatterElement *e, const CrmChartRect *box)
{
  CrmChartScatterElement self = *e;
  gboolean leader;
  double px, py;

  /* Off the axes by two pixels: the background under a name too. */
  CrmChartRect inside = { layout->grid.area.x + 2, layout->grid.area.y, layout->grid.area.width - 2,
                          layout->grid.area.height - 2 };

  if (!rect_inside (box, &inside))
    return FALSE;
  self.label = *box;
  leader = needs_leader (layout, &self);
  nearest_point (box, e->x, e->y, &px, &py);
  for (guint j = 0; j < layout->n; j++)
    {
      const CrmChartScatterElement *other = &layout->elements[j];
      CrmChartRect dot = { other->x - layout->radius - 1, other->y - layout->radius - 1,
                           2 * layout->radius + 2, 2 * layout->radius + 2 };

      if (rects_overlap (box, &dot) || (leader && other != e && segment_crosses (e->x, e->y, px, py, &dot)))
        return FALSE;
      if (other->label.width <= 0)
        continue;
      if (rects_overlap (box, &other->label) || (leader && segment_crosses (e->x, e->y, px, py, &other->label)))
        return FALSE;
      if (needs_leader (layout, other))
        {
          double ox, oy;
          nearest_point (&other->label, other->x, other->y, &ox, &oy);
          if (segment_crosses (other->x, other->y, ox, oy, box))
            return FALSE;
        }
    }
  return TRUE;
}

/* The box of a name @w × @h whose side or corner facing the dot is @d
 * from it, in the direction @angle (0: right, counter-clockwise). */
static CrmChartRect
box_towards (const CrmChartScatterElement *e, double angle, double d, double w, double h)
{
  double c = cos (angle), s = sin (angle);
  double px = e->x + d * c, py = e->y - d * s;
  double xalign = c > 0.3 ? 0 : c < -0.3 ? 1 : 0.5;
  double yalign = s > 0.3 ? 1 : s < -0.3 ? 0 : 0.5;

  return (CrmChartRect) { px - xalign * w, py - yalign * h, w, h };
}

/* The whole name (the surname when the whole one is too long, or has no
 * room); right of the dot, left, above, below, aslant, then a little further
 * away each time (joined to the dot by a line): the first place with room. */
static void
place_label (CrmChartScatterLayout *layout, cairo_t *cr, const CrmChartScatterData *data, guint i)
{
  /* Right, left, up, down first; then the slants. */
  static const double angles[] = { 0, 180, 90, 270, 30, 330, 150, 210, 60, 300, 120, 240 };
  CrmChartScatterElement *e = &layout->elements[i];
  const char *texts[] = { point_at (data, i)->label, layout->short_labels[i] };
  double sizes[G_N_ELEMENTS (texts)][2] = { { 0 } };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    if (texts[t] != NULL && *texts[t] != '\0' && (t == 0 || g_strcmp0 (texts[t], texts[0]) != 0))
      {
        g_autoptr(PangoLayout) text = crm_chart_text_new (cr, CRM_CHART_FONT_LABEL, texts[t], -1);
        crm_chart_text_get_size (text, &sizes[t][0], &sizes[t][1]);
        /* Cut with "…", a name says less than the surname. */
        if (sizes[t][0] > LABEL_WIDTH && t + 1 < G_N_ELEMENTS (texts))
          sizes[t][0] = 0;
        sizes[t][0] = MIN (sizes[t][0], LABEL_WIDTH);
      }

  for (guint ring = 0; ring < N_RINGS; ring++)
    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      for (guint k = 0; k < G_N_ELEMENTS (angles) && sizes[t][0] > 0; k++)
        {
          double d = layout->radius + 3 + ring * RING_STEP;
          CrmChartRect box = box_towards (e, angles[k] * G_PI / 180, d, sizes[t][0], sizes[t][1]);

          if (has_room (layout, e, &box))
            {
              e->label = box;
              e->text = texts[t];
              return;
            }
        }
}

/* A dot where another already is moves a few pixels aside (round it, then
 * further), staying inside the axes: every dot keeps a place of its own
 * under the pointer. */
static void
move_apart (CrmChartScatterLayout *layout, guint i)
{
  CrmChartScatterElement *e = &layout->elements[i];
  const CrmChartRect *area = &layout->grid.area;
  double x0 = e->x, y0 = e->y;

  for (guint step = 0; step < 48; step++)
    {
      gboolean clear = TRUE;

      for (guint j = 0; j < i && clear; j++)
        clear = hypot (layout->elements[j].x - e->x, layout->elements[j].y - e->y) >= MIN_APART;
      if (clear)
        return;
      {
        double distance = MIN_APART * (1 + step / 8);
        double angle = G_PI / 4 * (step % 8);

        e->x = CLAMP (x0 + distance * cos (angle), area->x, area->x + area->width);
        e->y = CLAMP (y0 - distance * sin (angle), area->y, area->y + area->height);
      }
    }
}

CrmChartScatterLayout *
crm_chart_scatter_layout_new (const CrmChartScatterData *data, cairo_t *cr, double width, double height)
{
  CrmChartScatterLayout *layout;
  double lo = 0, hi = 0, x_max = 0, per_hour = 0, lh;
  CrmChartRect plot;

  g_return_val_if_fail (data != NULL && cr != NULL, NULL);

  layout = g_new0 (CrmChartScatterLayout, 1);
  crm_chart_frame_init (&layout->frame, width, height, data->title);
  layout->n = data->points->len;
  layout->frame.no_data = is_empty (data);
  layout->has_average = !layout->frame.no_data && team_average (data, &per_hour);
  if (layout->has_average)
    crm_chart_frame_add_legend (&layout->frame, _("Team average per talk hour"), NULL, CRM_CHART_INK_NEUTRAL,
                                CRM_CHART_SWATCH_DASH);
  crm_chart_frame_layout (&layout->frame, cr, CRM_CHART_LEGEND_TOP, 120, 80);
  if (layout->frame.no_data)
    return layout;

  for (guint i = 0; i < layout->n; i++)
    {
      lo = MIN (lo, (double) point_at (data, i)->revenue);
      hi = MAX (hi, (double) point_at (data, i)->revenue);
      x_max = MAX (x_max, hours_of (point_at (data, i)));
    }
  /* A row above for the revenue axis title, one below for the hours title. */
  lh = crm_chart_font_height (cr, CRM_CHART_FONT_LABEL);
  plot = layout->frame.plot;
  plot.y += lh + 4;
  plot.height = MAX (plot.height - 2 * (lh + 4), 1);
  /* Headroom: a dot at the largest value stays off the plot's border. */
  crm_chart_grid_layout (&layout->grid, cr, &plot, CRM_CHART_GRID_X_VALUES, CRM_CHART_UNIT_MONEY,
                         data->currency, lo * 1.05, hi * 1.05, x_max * 1.05);

  layout->radius = 5;
  layout->elements = g_new0 (CrmChartScatterElement, layout->n);
  {
    g_autofree const char **names = g_new0 (const char *, layout->n + 1);

    for (guint i = 0; i < layout->n; i++)
      names[i] = point_at (data, i)->label;
    layout->short_labels = crm_short_names (names, layout->n);
  }
  for (guint i = 0; i < layout->n; i++)
    {
      layout->elements[i].x = crm_chart_grid_x (&layout->grid, hours_of (point_at (data, i)));
      layout->elements[i].y = crm_chart_grid_y (&layout->grid, (double) point_at (data, i)->revenue);
      move_apart (layout, i);
    }
  for (guint i = 0; i < layout->n; i++)
    place_label (layout, cr, data, i);

  if (layout->has_average)
    {
      /* From the origin to where the line leaves the axes' ranges. */
      const CrmChartAxis *ya = &layout->grid.y;
      double x1 = layout->grid.x.max, y1 = per_hour * x1;

      if (y1 > ya->max)
        {
          x1 = ya->max / per_hour;
          y1 = ya->max;
        }
      else if (y1 < ya->min)
        {
          x1 = ya->min / per_hour;
          y1 = ya->min;
        }
      layout->average_x0 = crm_chart_grid_x (&layout->grid, 0);
      layout->average_y0 = crm_chart_grid_y (&layout->grid, 0);
      layout->average_x1 = crm_chart_grid_x (&layout->grid, x1);
      layout->average_y1 = crm_chart_grid_y (&layout->grid, y1);
    }
  return layout;
}

void
crm_chart_scatter_layout_free (CrmChartScatterLayout *layout)
{
  if (layout == NULL)
    return;
  crm_chart_frame_clear (&layout->frame);
  g_free (layout->elements);
  g_strfreev (layout->short_labels);
  g_free (layout);
}

/* The dot nearest the point within reach, else a name under it. */
int
crm_chart_scatter_hit_test (const CrmChartScatterLayout *layout, double x, double y)
{
  double best = HIT_RADIUS * HIT_RADIUS;
  int found = -1;

  g_return_val_if_fail (layout != NULL, -1);
  if (layout->elements == NULL)
    return -1;

  for (guint i = 0; i < layout->n; i++)
    {
      double dx = x - layout->elements[i].x, dy = y - layout->elements[i].y;

      if (dx * dx + dy * dy <= best)
        {
          best = dx * dx + dy * dy;
          found = (int) i;
        }
    }
  for (guint i = 0; i < layout->n && found < 0; i++)
    if (crm_chart_rect_contains (&layout->elements[i].label, x, y))
      found = (int) i;
  return found;
}

void
crm_chart_scatter_draw (cairo_t *cr, const CrmChartScatterData *data, const CrmChartScatterLayout *layout,
                        const CrmChartPalette *palette, int highlight)
{
  const CrmChartRect *plot = &layout->frame.plot;
  const CrmChartColor *ink;

  g_return_if_fail (cr != NULL && data != NULL && layout != NULL && palette != NULL);

  if (!crm_chart_frame_draw (cr, &layout->frame, palette, -1) || layout->elements == NULL)
    return;
  cairo_save (cr);
  crm_chart_grid_draw (cr, &layout->grid, palette);
  crm_chart_grid_draw_zero (cr, &layout->grid, palette);
  crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, _("Revenue"), plot->width, plot->x, plot->y, 0, 0,
                       &palette->text_dim);
  crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, _("Talk time, h"), plot->width, plot->x + plot->width,
                       plot->y + plot->height, 1, 1, &palette->text_dim);

  if (layout->has_average)
    {
      cairo_save (cr);
      crm_chart_set_color (cr, &palette->neutral, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_move_to (cr, layout->average_x0, layout->average_y0);
      cairo_line_to (cr, layout->average_x1, layout->average_y1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  ink = crm_chart_palette_ink (palette, DOT_INK);
  /* The lines to the names set apart, under the dots. */
  cairo_save (cr);
  crm_chart_set_color (cr, &palette->text_dim, 0.6);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartScatterElement *e = &layout->elements[i];
      double px, py;

      if (!needs_leader (layout, e))
        continue;
      nearest_point (&e->label, e->x, e->y, &px, &py);
      cairo_move_to (cr, e->x, e->y);
      cairo_line_to (cr, px, py);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartScatterElement *e = &layout->elements[i];

      if (i == (guint) highlight)
        {
          crm_chart_set_color (cr, ink, 0.25);
          cairo_arc (cr, e->x, e->y, layout->radius + 5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      /* A ring of the background keeps overlapping dots apart. */
      crm_chart_set_color (cr, &palette->background, 1.0);
      cairo_arc (cr, e->x, e->y, layout->radius + 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
      crm_chart_set_color (cr, ink, 1.0);
      cairo_arc (cr, e->x, e->y, layout->radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartScatterElement *e = &layout->elements[i];

      if (e->text == NULL)
        continue;
      /* The name stays readable over the average line and the grid. */
      crm_chart_set_color (cr, &palette->background, 0.85);
      cairo_rectangle (cr, e->label.x - 1, e->label.y, e->label.width + 2, e->label.height);
      cairo_fill (cr);
      crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, e->text, e->label.width + 1, e->label.x, e->label.y, 0, 0,
                           &palette->text);
    }
  cairo_restore (cr);
}

static char *
format_hours (const CrmChartScatterPoint *p)
{
  return crm_locale_format_decimal (hours_of (p), 1);
}

char *
crm_chart_scatter_tooltip (const CrmChartScatterData *data, int index)
{
  const CrmChartScatterPoint *p;
  g_autofree char *hours = NULL;
  g_autofree char *revenue = NULL;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  if (index < 0 || (guint) index >= data->points->len)
    return NULL;

  p = point_at (data, index);
  hours = format_hours (p);
  revenue = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, p->revenue, CRM_CHART_FORMAT_WHOLE);
  text = g_string_new (p->label);
  g_string_append_c (text, '\n');
  /* Translators: "Talk time: 12.5 h" */
  g_string_append_printf (text, _("Talk time: %s h"), hours);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Revenue: %s"), revenue);
  if (p->talk_minutes > 0)
    {
      g_autofree char *per_hour = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency,
                                                          crm_chart_to_int64 ((double) p->revenue / hours_of (p)),
                                                          CRM_CHART_FORMAT_WHOLE);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Per talk hour: %s"), per_hour);
    }
  return g_string_free (text, FALSE);
}

char *
crm_chart_scatter_describe (const CrmChartScatterData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  double per_hour = 0;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->points->len && !is_empty (data); i++)
    {
      const CrmChartScatterPoint *p = point_at (data, i);
      g_autofree char *hours = format_hours (p);
      g_autofree char *revenue = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, p->revenue,
                                                         CRM_CHART_FORMAT_WHOLE);

      /* Translators: a manager in the text alternative of the effort chart: "Anna: 12.5 h of talk, revenue 870 ₽" */
      g_ptr_array_add (parts, g_strdup_printf (_("%1$s: %2$s h of talk, revenue %3$s"), p->label, hours, revenue));
    }
  if (!is_empty (data) && team_average (data, &per_hour))
    {
      g_autofree char *average = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency,
                                                         crm_chart_to_int64 (per_hour), CRM_CHART_FORMAT_WHOLE);
      g_ptr_array_add (parts, g_strdup_printf (_("team average %s per talk hour"), average));
    }
  return crm_chart_describe_join (data->title != NULL ? data->title : _("Effort and Result"), parts);
}
