/* test-chart-labels.c — the names on the charts: readable, apart, all different
 *
 * Twenty managers under the plan bars (surnames and initials shared), and
 * twenty dots of the effort chart crowded together, in Russian, at the sizes
 * the dashboard, the report and a narrow window give them: checked on the
 * layouts and the hit-tests that the drawing and the pointer use.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crm-chart.h"
#include "crm-short-name.h"
#include "crm-test-util.h"

static const int sizes[][2] = { { 300, 220 }, { 460, 300 }, { 560, 380 }, { 900, 400 }, { 1200, 320 } };

/* Twenty names in which surnames and initials repeat: Мария and Марк
 * Ковалёвы, Анна and Алла Петровы, two Ивановы… */
static GPtrArray *
team_names (void)
{
  const char *first[] = { "Мария", "Марк", "Анна", "Алла", "Игорь" };
  const char *last[] = { "Ковалёва", "Петрова", "Иванова", "Смирнова" };
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (names, g_strdup_printf ("%s %s", first[i % 5], last[i / 5]));
  return names;
}

static cairo_t *
new_context (int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static gboolean
overlap (const CrmChartRect *a, const CrmChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Under the plan bars: never two names that read the same, none cut into
 * its neighbour, all within the chart; the tooltip names the whole person. */
static void
test_bars_names_differ (void)
{
  g_autoptr(GPtrArray) names = team_names ();
  g_auto(GStrv) labels = crm_short_names ((const char * const *) names->pdata, names->len);
  g_autoptr(CrmChartBarsData) data = crm_chart_bars_data_new ("Выручка: план и факт", CRM_CHART_UNIT_MONEY, "RUB");
  g_autoptr(CrmChart) chart = NULL;

  for (guint i = 0; i < names->len; i++)
    {
      crm_chart_bars_data_add (data, labels[i], 100000000, 1000000 * (i * 7 % 13 + 1));
      crm_chart_bars_data_set_full_label (data, names->pdata[i]);
    }
  chart = crm_chart_new_bars (g_steal_pointer (&data));
  {
    g_autofree char *tip = crm_chart_get_tooltip (chart, 1);
    g_assert_true (g_str_has_prefix (tip, "Марк Ковалёва\n"));
  }

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = sizes[s][0], height = sizes[s][1];
      cairo_t *cr = new_context (width, height);
      g_autoptr(CrmChartLayout) chart_layout = crm_chart_layout_new (chart, cr, width, height);
      const CrmChartBarsLayout *layout = crm_chart_layout_get_kind_layout (chart_layout);
      const CrmChartCategories *names_under = &layout->names;
      double top = layout->grid.area.y + layout->grid.area.height + CRM_CHART_GRID_LABEL_GAP;
      guint shown = 0;

      g_test_message ("%d×%d: slot %.1f, names turned %.0f°, every %u, %.0f px tall", width, height,
                      layout->slot, names_under->angle * 180 / G_PI, names_under->every, names_under->extent);
      g_assert_cmpuint (names_under->n, ==, 20);
      for (guint i = 0; i < names_under->n; i++)
        {
          g_assert_cmpstr (names_under->texts[i], !=, "");
          for (guint j = 0; j < i; j++)
            g_assert_cmpstr (names_under->texts[i], !=, names_under->texts[j]);
          if (crm_chart_categories_shown (names_under, i))
            shown++;
        }
      /* At least every other manager is named under the bars. */
      g_assert_cmpuint (shown, >=, names_under->n / 2);
      if (names_under->angle == 0)
        for (guint i = 0; i < names_under->n; i++)
          g_assert_cmpfloat (names_under->widths[i], <=, layout->slot - 4);
      else
        /* Turned lines a column (or several) apart are a line's height apart. */
        g_assert_cmpfloat (layout->slot * names_under->every * sin (names_under->angle), >=, names_under->line);
      /* The names are on the chart, under the axis, and in the column's hit area. */
      g_assert_cmpfloat (top + names_under->extent, <=, height + 0.5);
      for (guint i = 0; i < layout->n; i++)
        {
          const CrmChartBarsElement *e = &layout->elements[i];
          g_assert_cmpint (crm_chart_bars_hit_test (layout, e->column.x + e->column.width / 2, top + 2), ==, (int) i);
        }
      cairo_destroy (cr);
    }
}

/* A label shortened for its room ends in "…" and stays within it. */
static void
test_shorten (void)
{
  cairo_t *cr = new_context (10, 10);
  g_autofree char *whole = crm_chart_text_shorten (cr, "Ковалёва", 500);
  g_autofree char *cut = crm_chart_text_shorten (cr, "Константинопольский-Щедрин", 80);

  g_assert_cmpstr (whole, ==, "Ковалёва");
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_true (g_str_has_prefix (cut, "Конст"));
  g_assert_cmpfloat (crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, cut), <=, 80);
  cairo_destroy (cr);
}

/* The effort dots: most crowded near the origin, one far out, two at the
 * same place. */
static CrmChart *
effort_chart (void)
{
  g_autoptr(GPtrArray) names = team_names ();
  CrmChartScatterData *data = crm_chart_scatter_data_new ("Усилия и результат", "RUB");

  for (guint i = 0; i < names->len; i++)
    {
      gint64 minutes = 30 + (gint64) (i * 37 % 240);
      gint64 revenue = G_GINT64_CONSTANT (10000000) * (i * 11 % 17);

      if (i == 7)
        minutes = 300, revenue = G_GINT64_CONSTANT (10000000000);
      if (i == 12)
        minutes = 30 + 4 * 37 % 240, revenue = G_GINT64_CONSTANT (10000000) * (4 * 11 % 17);
      crm_chart_scatter_data_add (data, names->pdata[i], minutes, revenue);
    }
  return crm_chart_new_scatter (data);
}

/* The names of the dots stay inside the axes (never over their numbers),
 * never cover each other or a dot, and every dot can be pointed at. */
static void
test_scatter_names_apart (void)
{
  g_autoptr(CrmChart) chart = NULL;

  crm_test_use_language ("ru");
  chart = effort_chart ();
  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = sizes[s][0], height = sizes[s][1];
      cairo_t *cr = new_context (width, height);
      g_autoptr(CrmChartLayout) chart_layout = crm_chart_layout_new (chart, cr, width, height);
      const CrmChartScatterLayout *layout = crm_chart_layout_get_kind_layout (chart_layout);
      const CrmChartRect *area = &layout->grid.area;
      guint named = 0;

      g_assert_cmpuint (layout->n, ==, 20);
      for (guint i = 0; i < layout->n; i++)
        {
          const CrmChartScatterElement *e = &layout->elements[i];
          const CrmChartRect *box = &e->label;

          /* Every dot is where the pointer finds it, even the two that
           * were at the same place. */
          g_assert_cmpint (crm_chart_scatter_hit_test (layout, e->x, e->y), ==, (int) i);
          for (guint j = 0; j < i; j++)
            g_assert_cmpfloat (hypot (e->x - layout->elements[j].x, e->y - layout->elements[j].y), >=, 3.9);
          if (e->text == NULL)
            {
              g_assert_cmpfloat (box->width, ==, 0);
              continue;
            }
          named++;
          /* Inside the axes: clear of the axis lines and their numbers. */
          g_assert_cmpfloat (box->x, >, area->x);
          g_assert_cmpfloat (box->y, >=, area->y);
          g_assert_cmpfloat (box->x + box->width, <=, area->x + area->width);
          g_assert_cmpfloat (box->y + box->height, <, area->y + area->height);
          /* The name leads to its dot. */
          g_assert_cmpint (crm_chart_scatter_hit_test (layout, box->x + box->width / 2, box->y + box->height / 2),
                           ==, (int) i);
          for (guint j = 0; j < layout->n; j++)
            {
              const CrmChartScatterElement *o = &layout->elements[j];
              CrmChartRect dot = { o->x - layout->radius, o->y - layout->radius, 2 * layout->radius, 2 * layout->radius };

              g_assert_false (overlap (box, &dot));
              if (j != i && o->text != NULL)
                g_assert_false (overlap (box, &o->label));
            }
        }
      g_test_message ("%d×%d: %u of %u dots named", width, height, named, layout->n);
      g_assert_cmpuint (named, >=, width >= 460 ? 5 : 2);
      cairo_destroy (cr);
    }
  crm_test_use_language (NULL);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-labels/bars/names-differ", test_bars_names_differ);
  g_test_add_func ("/chart-labels/shorten", test_shorten);
  g_test_add_func ("/chart-labels/scatter/names-apart", test_scatter_names_apart);

  status = g_test_run ();
  pango_cairo_font_map_set_default (NULL);
  return status;
}
