/* crm-report-sections.c — parts that more than one report has
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-locale.h"
#include "crm-report-build.h"

/* The reasons of a manager's risk, one a line; with @warnings_only, only
 * those at medium or high risk (or every one when the level is unknown). */
char *
report_risk_reasons (const CrmReportData *data, const CrmKpiRow *row, gboolean warnings_only)
{
  const CrmRisk *risk = &row->derived.risk;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < risk->n_reasons; i++)
    {
      const CrmRiskReason *reason = &risk->reasons[i];
      g_autofree char *line = NULL;

      if (warnings_only && risk->level != CRM_RISK_UNKNOWN && reason->level < CRM_RISK_MEDIUM)
        continue;
      line = crm_risk_reason_describe (reason, data->kpi->currency);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

static char *
as_of_text (const CrmKpiReport *kpi)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (kpi->today);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return crm_locale_format_date (&day);
}

CrmReportBlock *
report_risk_note (const CrmReportData *data)
{
  const CrmSettings *s = data->settings;
  g_autofree char *day = as_of_text (data->kpi);
  g_autofree char *text = NULL;

  /* Translators: %1$s is a date; the numbers are the risk thresholds in percent */
  text = g_strdup_printf (_("Early warning as of %1$s. The deals expected to close in the next 60 days "
                            "(weighted by probability) are compared with the revenue plan for this month and "
                            "the next, and the meetings of the last 30 days with their plan: high risk below "
                            "%2$d%% and %3$d%%, medium below %4$d%% and %5$d%%. Without a plan, the manager’s "
                            "average of the six months before is the reference."),
                          day, s->risk_forecast_high, s->risk_meetings_high,
                          s->risk_forecast_medium, s->risk_meetings_medium);
  return crm_report_note_new (text);
}

/* Clients with their payments, complaint costs and result: the first @max
 * of @lines (CrmKpiClientLine *). */
CrmReportBlock *
report_client_table (const CrmReportData *data, GPtrArray *lines, guint max, gboolean numbered)
{
  CrmReportBlock *table = crm_report_table_new ();
  guint first = numbered ? 1 : 0;

  if (numbered)
    /* Translators: the column of row numbers */
    crm_report_table_add_column (table, _("No."), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Client"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, _("Brought by"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, _("Payments"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Complaint costs"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Complaints"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Result"), CRM_REPORT_ALIGN_END, FALSE);

  for (guint i = 0; i < MIN (max, lines->len); i++)
    {
      const CrmKpiClientLine *line = lines->pdata[i];
      gint64 result = line->revenue - line->cost;
      guint r = crm_report_table_add_row (table, CRM_REPORT_ROW_NORMAL);

      if (numbered)
        report_cell (table, r, 0, report_count (i + 1));
      crm_report_table_set (table, r, first, line->name, CRM_REPORT_TONE_NORMAL);
      if (line->manager_name != NULL)
        crm_report_table_set (table, r, first + 1, line->manager_name, CRM_REPORT_TONE_NORMAL);
      else
        crm_report_table_set (table, r, first + 1, _("nobody"), CRM_REPORT_TONE_MUTED);
      report_cell (table, r, first + 2, report_money (data, line->revenue));
      report_cell (table, r, first + 3, line->cost != 0 ? report_money (data, line->cost) : g_strdup (REPORT_DASH));
      report_cell (table, r, first + 4, line->complaints != 0 ? report_count (line->complaints) : g_strdup (REPORT_DASH));
      crm_report_table_take (table, r, first + 5, report_money (data, result),
                             result < 0 ? CRM_REPORT_TONE_BAD : CRM_REPORT_TONE_NORMAL);
    }
  return table;
}
