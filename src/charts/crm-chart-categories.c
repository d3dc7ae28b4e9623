/* crm-chart-categories.c — the names under the columns of a bar chart
 *
 * Level when the widest name fits its column (or a wide column keeps it
 * level, shortened with "…"); else turned by 45° (the
 * lines of neighbours a column's width apart, read upwards to the right),
 * else upright; upright names closer than a line's height are written for
 * every other column (or every third…), the tooltips name them all. A name
 * too long for the room under the plot is shortened with "…", unless that
 * makes it read like another one: two columns never carry the same name.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-chart-categories.h"
#include "crm-chart-text.h"

#define LEVEL_GAP  6.0     /* between two level names */
#define LINE_GAP   2.0     /* between two turned lines */
#define LEVEL_ROOM 100.0   /* a column this wide keeps its name level, shortened */

/* @text cut to the longest start that fits @max_width with "…" after it
 * (the whole of it when it fits). */
char *
crm_chart_text_shorten (cairo_t *cr, const char *text, double max_width)
{
  glong length, lo = 0, hi;

  if (text == NULL)
    return g_strdup ("");
  if (crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, text) <= max_width)
    return g_strdup (text);
  length = g_utf8_strlen (text, -1);
  hi = length;
  /* The longest prefix p (0 ≤ p < length) with p + "…" within the width. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *head = g_utf8_substring (text, 0, mid);
      g_autofree char *cut = g_strconcat (g_strchomp (head), "…", NULL);

      if (mid < length && crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, cut) <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }
  {
    g_autofree char *head = g_utf8_substring (text, 0, lo);
    return g_strconcat (g_strchomp (head), "…", NULL);
  }
}

/* Whether the names shortened to @slot all still read differently. */
static gboolean
level_shortened_differ (cairo_t *cr, const char * const *labels, guint n, double slot)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      char *text = crm_chart_text_shorten (cr, labels[i], slot - LEVEL_GAP);

      if (!g_hash_table_add (seen, text))
        return FALSE;
    }
  return TRUE;
}

/* The height a name of @width takes turned by @angle. */
static double
extent_of (double width, double angle, double line)
{
  return width * sin (angle) + line * cos (angle);
}

void
crm_chart_categories_layout (CrmChartCategories *cats, cairo_t *cr, const char * const *labels, guint n,
                             double slot, double room_left, double max_extent)
{
  double widest = 0, longest;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *shared = g_new0 (gboolean, MAX (n, 1));

  g_return_if_fail (cats != NULL && cr != NULL && (labels != NULL || n == 0));

  crm_chart_categories_clear (cats);
  cats->n = n;
  cats->texts = g_new0 (char *, n + 1);
  cats->widths = g_new0 (double, MAX (n, 1));
  cats->line = crm_chart_font_height (cr, CRM_CHART_FONT_LABEL);
  cats->every = 1;
  for (guint i = 0; i < n; i++)
    widest = MAX (widest, crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, labels[i]));

  if (widest <= slot - LEVEL_GAP || (slot - LEVEL_GAP >= LEVEL_ROOM && level_shortened_differ (cr, labels, n, slot)))
    cats->angle = 0;
  else if (slot * sin (G_PI / 4) >= cats->line + LINE_GAP &&
           MIN (widest, max_extent / sin (G_PI / 4)) * cos (G_PI / 4) <= room_left + slot / 2)
    cats->angle = G_PI / 4;
  else
    {
      cats->angle = G_PI / 2;
      if (slot > 0)
        cats->every = (guint) MAX (1.0, ceil ((cats->line + LINE_GAP) / slot));
    }

  /* The longest a name may be for the room under the plot. */
  longest = cats->angle == 0 ? slot - LEVEL_GAP
                             : (max_extent - cats->line * cos (cats->angle)) / sin (cats->angle);
  longest = MAX (longest, cats->line * 2);
  for (guint i = 0; i < n; i++)
    {
      cats->texts[i] = crm_chart_text_shorten (cr, labels[i], longest);
      g_hash_table_insert (counts, cats->texts[i],
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, cats->texts[i])) + 1));
    }
  /* Shortened into the same words: those stay whole. */
  for (guint i = 0; i < n; i++)
    shared[i] = GPOINTER_TO_UINT (g_hash_table_lookup (counts, cats->texts[i])) > 1;
  g_hash_table_remove_all (counts);
  for (guint i = 0; i < n; i++)
    if (shared[i] && g_strcmp0 (cats->texts[i], labels[i]) != 0)
      {
        g_free (cats->texts[i]);
        cats->texts[i] = g_strdup (labels[i]);
      }

  cats->extent = 0;
  for (guint i = 0; i < n; i++)
    {
      cats->widths[i] = crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, cats->texts[i]);
      if (crm_chart_categories_shown (cats, i))
        cats->extent = MAX (cats->extent, extent_of (cats->widths[i], cats->angle, cats->line));
    }
}

void
crm_chart_categories_clear (CrmChartCategories *cats)
{
  g_return_if_fail (cats != NULL);
  g_strfreev (cats->texts);
  g_free (cats->widths);
  memset (cats, 0, sizeof *cats);
}

gboolean
crm_chart_categories_shown (const CrmChartCategories *cats, guint i)
{
  return i < cats->n && cats->every > 0 && i % cats->every == 0 && *cats->texts[i] != '\0';
}

/* The name of category @i under @top, centred on @x; turned, it ends there. */
void
crm_chart_categories_draw (cairo_t *cr, const CrmChartCategories *cats, guint i, double x, double top,
                           const CrmChartColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (!crm_chart_categories_shown (cats, i))
    return;
  layout = crm_chart_text_new (cr, CRM_CHART_FONT_LABEL, cats->texts[i], -1);
  if (cats->angle == 0)
    {
      crm_chart_text_draw (cr, layout, x, top, 0.5, 0, color);
      return;
    }
  cairo_save (cr);
  /* The end of the line at the column, its middle on the turned axis. */
  cairo_translate (cr, x, top + cats->line / 2 * cos (cats->angle));
  cairo_rotate (cr, -cats->angle);
  crm_chart_text_draw (cr, layout, 0, 0, 1, 0.5, color);
  cairo_restore (cr);
}
