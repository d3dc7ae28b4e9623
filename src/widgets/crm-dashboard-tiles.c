/* crm-dashboard-tiles.c — the figures of the dashboard's KPI tiles
 *
 * Revenue, calls, talk time (in hours), meetings held and new prospects,
 * each with its plan and achievement ("no plan" without one); the weighted
 * pipeline with what is expected to close within 30 and 60 days; the KPI
 * score with the share of each indicator in it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-dashboard-tiles.h"
#include "crm-locale.h"
#include "crm-money.h"

static char *
format_count (gint64 value)
{
  return crm_locale_format_integer (value);
}

/* Talk time in hours: "48,3 h"; whole hours from 100 on. */
static char *
format_hours (gint64 minutes)
{
  double hours = minutes / 60.0;
  g_autofree char *number = crm_locale_format_decimal (hours, hours < 100 ? 1 : 0);

  /* Translators: hours of talk time on the dashboard, "48.3 h" */
  return g_strdup_printf (_("%s h"), number);
}

typedef char *(*FormatFunc) (gint64 value, const char *currency);

static char *
money_whole (gint64 value, const char *currency)
{
  return crm_money_format (value, currency, CRM_MONEY_WHOLE);
}

static char *
count (gint64 value, const char *currency)
{
  return format_count (value);
}

static char *
hours (gint64 value, const char *currency)
{
  return format_hours (value);
}

static void
show_kpi (CrmKpiTile *tile, const CrmKpiRow *row, CrmKpiIndicator indicator, FormatFunc format,
          const char *currency)
{
  gint64 target = row->figures.targets[indicator];
  g_autofree char *value = format (crm_kpi_actual (&row->figures, indicator), currency);
  g_autofree char *plan = target != CRM_NO_TARGET ? format (target, currency) : NULL;

  crm_kpi_tile_set_value (tile, value, NAN);
  crm_kpi_tile_set_plan (tile, plan, row->derived.achievement[indicator]);
}

/* Each indicator's points in the score: "points from revenue 57, meetings
 * 17, …" (they add up to the score; not achievements of their own). */
static char *
describe_score_parts (const CrmKpiDerived *d)
{
  static const CrmKpiIndicator order[] = {
    CRM_KPI_REVENUE, CRM_KPI_MEETINGS, CRM_KPI_CALLS, CRM_KPI_TALK_MINUTES, CRM_KPI_NEW_PROSPECTS,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *names[] = {
        C_("score part", "revenue"), C_("score part", "calls"), C_("score part", "talk time"),
        C_("score part", "meetings"), C_("score part", "prospects"),
      };
      g_autofree char *percent = NULL;

      if (!isfinite (d->score_parts[order[i]]))
        continue;
      percent = crm_locale_format_decimal (d->score_parts[order[i]] * 100.0, 0);
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: one part of the KPI score in points, "revenue 57" */
      g_string_append_printf (text, C_("score part", "%1$s %2$s"), names[order[i]], percent);
    }
  /* Translators: under the KPI score: "points from revenue 57, meetings 17, calls 8" */
  return g_strdup_printf (C_("score part", "points from %s"), text->str);
}

/* Shows the figures of @data (the team's or the chosen manager's) on the
 * tiles, in the order of CrmDashboardTile. */
void
crm_dashboard_tiles_show (CrmKpiTile * const tiles[CRM_DASHBOARD_N_TILES], const CrmDashboardData *data)
{
  const CrmKpiRow *row = crm_dashboard_data_get_row (data);
  const CrmKpiFigures *f = &row->figures;
  const char *currency = data->currency;
  double due = data->days_total > 0 ? (double) data->days_passed / data->days_total : 1.0;
  g_autofree char *explanation = NULL;

  /* A period not over yet is judged against the part of the plan due by today. */
  if (due > 0 && due < 1)
    {
      g_autofree char *share = crm_locale_format_percent (due);

      explanation = g_strdup_printf (ngettext (
                                                  "%2$d day of %3$d has passed: %1$s of the plan is due by today, and the colour compares with that.",
                                                  "%2$d days of %3$d have passed: %1$s of the plan is due by today, and the colour compares with that.",
                                                  data->days_passed),
                                     share, data->days_passed, data->days_total);
    }
  for (int i = 0; i < CRM_DASHBOARD_N_TILES; i++)
    crm_kpi_tile_set_due (tiles[i], due, explanation);

  show_kpi (tiles[CRM_DASHBOARD_TILE_REVENUE], row, CRM_KPI_REVENUE, money_whole, currency);
  show_kpi (tiles[CRM_DASHBOARD_TILE_CALLS], row, CRM_KPI_CALLS, count, currency);
  show_kpi (tiles[CRM_DASHBOARD_TILE_TALK], row, CRM_KPI_TALK_MINUTES, hours, currency);
  show_kpi (tiles[CRM_DASHBOARD_TILE_MEETINGS], row, CRM_KPI_MEETINGS, count, currency);
  show_kpi (tiles[CRM_DASHBOARD_TILE_PROSPECTS], row, CRM_KPI_NEW_PROSPECTS, count, currency);

  {
    g_autofree char *pipeline = money_whole (f->weighted_pipeline, currency);
    g_autofree char *in_30 = crm_money_format (f->forecast_30, currency, CRM_MONEY_COMPACT);
    g_autofree char *in_60 = crm_money_format (f->forecast_60, currency, CRM_MONEY_COMPACT);
    /* Translators: under the weighted pipeline: the deals expected to close within 30 and 60 days */
    g_autofree char *note = g_strdup_printf (_("expected within 30 days: %1$s, 60 days: %2$s"), in_30, in_60);

    crm_kpi_tile_set_value (tiles[CRM_DASHBOARD_TILE_PIPELINE], pipeline, NAN);
    crm_kpi_tile_set_note (tiles[CRM_DASHBOARD_TILE_PIPELINE], note);
  }

  if (isfinite (row->derived.score))
    {
      g_autofree char *score = crm_locale_format_percent (row->derived.score);
      g_autofree char *parts = describe_score_parts (&row->derived);

      crm_kpi_tile_set_value (tiles[CRM_DASHBOARD_TILE_SCORE], score, row->derived.score);
      crm_kpi_tile_set_note (tiles[CRM_DASHBOARD_TILE_SCORE], parts);
    }
  else
    {
      crm_kpi_tile_set_value (tiles[CRM_DASHBOARD_TILE_SCORE], "—", NAN);
      crm_kpi_tile_set_plan (tiles[CRM_DASHBOARD_TILE_SCORE], NULL, NAN);
    }
}

/* A line over the tiles while the period is not over ("November 2026 so
 * far: 27 days of 30…"), or before it begins; NULL for a past period. */
char *
crm_dashboard_tiles_describe_pace (const CrmDashboardData *data)
{
  g_autofree char *period = crm_period_format (data->period);

  if (data->days_total <= 0 || data->days_passed >= data->days_total)
    return NULL;
  if (data->days_passed == 0)
    /* Translators: %s is a period, "December 2026" */
    return g_strdup_printf (_("%s has not begun yet: the figures and the plans are for the days to come."), period);
  {
    g_autofree char *share = crm_locale_format_percent ((double) data->days_passed / data->days_total);

    /* Translators: "November 2026 so far: 27 days of 30. …90% of each plan…" */
    return g_strdup_printf (ngettext ("%1$s so far: %2$d day of %3$d. The colours compare each achievement with the %4$s of its plan due by today.",
                                      "%1$s so far: %2$d days of %3$d. The colours compare each achievement with the %4$s of its plan due by today.",
                                      data->days_passed),
                            period, data->days_passed, data->days_total, share);
  }
}
