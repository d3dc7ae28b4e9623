/* crm-report.c — the kinds of report, and what their builders share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-locale.h"
#include "crm-money.h"
#include "crm-report-build.h"

static const char *kind_names[CRM_N_REPORT_KINDS] = {
  "team", "manager", "funnel", "profitability", "pareto",
};

const char *
crm_report_kind_to_string (CrmReportKind kind)
{
  g_return_val_if_fail ((guint) kind < CRM_N_REPORT_KINDS, NULL);
  return kind_names[kind];
}

gboolean
crm_report_kind_from_string (const char *text, CrmReportKind *out)
{
  for (guint i = 0; text != NULL && i < CRM_N_REPORT_KINDS; i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
crm_report_kind_to_label (CrmReportKind kind)
{
  switch (kind)
    {
    case CRM_REPORT_TEAM:          return _("Team KPI Report");
    case CRM_REPORT_MANAGER:       return _("Manager KPI Card");
    case CRM_REPORT_FUNNEL:        return _("Sales Funnel");
    case CRM_REPORT_PROFITABILITY: return _("Client Profitability");
    case CRM_REPORT_PARETO:        return _("Pareto Analysis (80/20)");
    default:                       g_return_val_if_reached ("");
    }
}

const char *
crm_report_kind_describe (CrmReportKind kind)
{
  switch (kind)
    {
    case CRM_REPORT_TEAM:
      return _("Plan and actual of every manager, the KPI score and its parts, early warnings, charts and the loss-making clients.");
    case CRM_REPORT_MANAGER:
      return _("One page on one manager: plan and actual, the score and its parts, the risk, the funnel and the clients.");
    case CRM_REPORT_FUNNEL:
      return _("The deals created in the period: how far they got, conversion from stage to stage, win rate and days per stage.");
    case CRM_REPORT_PROFITABILITY:
      return _("Payments against complaint costs, per client and per manager, and the clients that lost money.");
    case CRM_REPORT_PARETO:
      /* xgettext:no-c-format */
      return _("Which clients, managers and channels bring 80% of the revenue.");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
crm_report_kind_needs_manager (CrmReportKind kind)
{
  return kind == CRM_REPORT_MANAGER;
}

gboolean
crm_report_kind_takes_manager (CrmReportKind kind)
{
  return kind == CRM_REPORT_MANAGER || kind == CRM_REPORT_FUNNEL || kind == CRM_REPORT_PROFITABILITY;
}

CrmReportDoc *
crm_report_build (CrmReportKind kind, const CrmReportData *data)
{
  g_return_val_if_fail (data != NULL && data->kpi != NULL, NULL);

  switch (kind)
    {
    case CRM_REPORT_TEAM:          return report_build_team (data);
    case CRM_REPORT_MANAGER:       return report_build_manager (data);
    case CRM_REPORT_FUNNEL:        return report_build_funnel (data);
    case CRM_REPORT_PROFITABILITY: return report_build_profitability (data);
    case CRM_REPORT_PARETO:        return report_build_pareto (data);
    default:                       g_return_val_if_reached (NULL);
    }
}

/* A file name from the manager's name: letters and digits, in lower case. */
static char *
slug (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
crm_report_suggest_file_name (CrmReportKind kind, const CrmReportData *data)
{
  static const char *stems[CRM_N_REPORT_KINDS] = {
    "team-kpi", "kpi-card", "sales-funnel", "client-profitability", "pareto",
  };
  g_autofree char *period = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail ((guint) kind < CRM_N_REPORT_KINDS && data != NULL, NULL);

  period = crm_period_to_string (data->kpi->period);
  if (!data->kpi->has_team && data->kpi->managers->len == 1)
    who = slug (((CrmKpiRow *) data->kpi->managers->pdata[0])->name);
  if (who != NULL && *who != '\0')
    return g_strdup_printf ("%s-%s-%s.pdf", stems[kind], who, period);
  return g_strdup_printf ("%s-%s.pdf", stems[kind], period);
}

/* ---- what the builders share -------------------------------------------- */

const CrmKpiRow *
report_subject_row (const CrmKpiReport *kpi)
{
  if (!kpi->has_team && kpi->managers->len == 1)
    return kpi->managers->pdata[0];
  return &kpi->team;
}

char *
report_row_name (const CrmKpiRow *row)
{
  if (row->manager_id == 0)
    return g_strdup (_("Whole team"));
  if (!row->active)
    /* Translators: a manager who has left, in a report */
    return g_strdup_printf (_("%s (left)"), row->name);
  return g_strdup (row->name);
}

CrmReportDoc *
report_doc_new (const CrmReportData *data, CrmReportKind kind)
{
  const CrmKpiReport *kpi = data->kpi;
  g_autofree char *period = crm_period_format_for (kpi->period);
  g_autofree char *title = NULL;
  const char *company = data->settings->company_name;

  if (!kpi->has_team && kpi->managers->len == 1)
    {
      const char *name = ((CrmKpiRow *) kpi->managers->pdata[0])->name;

      switch (kind)
        {
        case CRM_REPORT_FUNNEL:
          /* Translators: the title of a report on one manager; %s is the name */
          title = g_strdup_printf (_("Sales Funnel: %s"), name);
          break;
        case CRM_REPORT_PROFITABILITY:
          title = g_strdup_printf (_("Client Profitability: %s"), name);
          break;
        case CRM_REPORT_MANAGER:
        case CRM_REPORT_TEAM:
        case CRM_REPORT_PARETO:
        default:
          title = g_strdup_printf (_("KPI Card: %s"), name);
          break;
        }
    }
  else
    {
      switch (kind)
        {
        case CRM_REPORT_TEAM:
          title = g_strdup (_("Team KPI Report"));
          break;
        case CRM_REPORT_FUNNEL:
          title = g_strdup (_("Sales Funnel Report"));
          break;
        case CRM_REPORT_PROFITABILITY:
          title = g_strdup (_("Client Profitability Report"));
          break;
        case CRM_REPORT_PARETO:
          /* xgettext:no-c-format */
          title = g_strdup (_("Pareto Analysis: Who Brings 80% of the Revenue"));
          break;
        case CRM_REPORT_MANAGER:
        default:
          title = g_strdup (crm_report_kind_to_label (kind));
          break;
        }
    }
  return crm_report_doc_new (company, title, period, &data->printed_on);
}

char *
report_money (const CrmReportData *data, gint64 minor)
{
  return crm_money_format (minor, data->kpi->currency, CRM_MONEY_DEFAULT);
}

char *
report_money_or_dash (const CrmReportData *data, double minor)
{
  if (!isfinite (minor))
    return g_strdup (REPORT_DASH);
  return crm_money_format ((gint64) llround (minor), data->kpi->currency, CRM_MONEY_DEFAULT);
}

char *
report_percent (double ratio)
{
  return isfinite (ratio) ? crm_locale_format_percent (ratio) : g_strdup (REPORT_DASH);
}

/* A small share, with a decimal: "0.4%". */
char *
report_share (double ratio)
{
  g_autofree char *number = NULL;

  if (!isfinite (ratio))
    return g_strdup (REPORT_DASH);
  number = crm_locale_format_decimal (ratio * 100, 1);
  return g_strconcat (number, "%", NULL);
}

char *
report_count (gint64 value)
{
  return crm_locale_format_integer (value);
}

char *
report_decimal_or_dash (double value, int decimals)
{
  return isfinite (value) ? crm_locale_format_decimal (value, decimals) : g_strdup (REPORT_DASH);
}

const char *
report_indicator_label (CrmKpiIndicator indicator)
{
  if (indicator == CRM_KPI_TALK_MINUTES)
    /* Translators: the talk time indicator with its unit, hours, as a figure or a table column */
    return _("Talk time, h");
  return crm_kpi_indicator_to_label (indicator);
}

char *
report_indicator_value (const CrmReportData *data, CrmKpiIndicator indicator, gint64 value)
{
  switch (indicator)
    {
    case CRM_KPI_REVENUE:
      return report_money (data, value);
    case CRM_KPI_TALK_MINUTES:
      return crm_locale_format_decimal (value / 60.0, 1);
    case CRM_KPI_CALLS:
    case CRM_KPI_MEETINGS:
    case CRM_KPI_NEW_PROSPECTS:
    default:
      return report_count (value);
    }
}

char *
report_indicator_plan (const CrmReportData *data, const CrmKpiFigures *figures, CrmKpiIndicator indicator)
{
  if (figures->targets[indicator] == CRM_NO_TARGET)
    return g_strdup (REPORT_DASH);
  return report_indicator_value (data, indicator, figures->targets[indicator]);
}

CrmReportTone
report_achievement_tone (double ratio)
{
  if (!isfinite (ratio))
    return CRM_REPORT_TONE_MUTED;
  if (ratio >= 1.0)
    return CRM_REPORT_TONE_GOOD;
  if (ratio < 0.5)
    return CRM_REPORT_TONE_BAD;
  if (ratio < 0.75)
    return CRM_REPORT_TONE_WARNING;
  return CRM_REPORT_TONE_NORMAL;
}

CrmReportTone
report_risk_tone (CrmRiskLevel level)
{
  switch (level)
    {
    case CRM_RISK_HIGH:   return CRM_REPORT_TONE_BAD;
    case CRM_RISK_MEDIUM: return CRM_REPORT_TONE_WARNING;
    case CRM_RISK_LOW:    return CRM_REPORT_TONE_GOOD;
    case CRM_RISK_UNKNOWN:
    default:              return CRM_REPORT_TONE_MUTED;
    }
}

void
report_cell (CrmReportBlock *table, guint row, guint column, char *text)
{
  gboolean dash = text != NULL && g_str_equal (text, REPORT_DASH);

  crm_report_table_take (table, row, column, text, dash ? CRM_REPORT_TONE_MUTED : CRM_REPORT_TONE_NORMAL);
}

void
report_cell_percent (CrmReportBlock *table, guint row, guint column, double ratio, gboolean achievement)
{
  crm_report_table_take (table, row, column, report_percent (ratio),
                         achievement ? report_achievement_tone (ratio)
                                     : isfinite (ratio) ? CRM_REPORT_TONE_NORMAL : CRM_REPORT_TONE_MUTED);
}

void
report_figure_indicator (CrmReportBlock *figures, const CrmReportData *data, const CrmKpiRow *row,
                         CrmKpiIndicator indicator)
{
  const CrmKpiFigures *f = &row->figures;
  double achievement = row->derived.achievement[indicator];
  g_autofree char *value = report_indicator_value (data, indicator, crm_kpi_actual (f, indicator));
  g_autofree char *detail = NULL;

  if (f->targets[indicator] == CRM_NO_TARGET)
    detail = g_strdup (_("No plan"));
  else
    {
      g_autofree char *plan = report_indicator_value (data, indicator, f->targets[indicator]);
      g_autofree char *percent = report_percent (achievement);
      /* Translators: under a key figure: "Plan 5 000,00 ₽ · 70%" */
      detail = g_strdup_printf (_("Plan %1$s · %2$s"), plan, percent);
    }
  crm_report_figures_add (figures,
                          report_indicator_label (indicator),
                          value, detail, achievement, report_achievement_tone (achievement));
}

void
report_figure_score (CrmReportBlock *figures, const CrmKpiRow *row)
{
  double score = row->derived.score;
  g_autofree char *value = report_percent (score);

  crm_report_figures_add (figures, _("KPI score"), value,
                          isfinite (score) ? _("Weighted plan achievement, each indicator counted up to 150%")
                                           : _("No plan: no score"),
                          score, report_achievement_tone (score));
}
