/* crm-cli-report.c — "salescrm report": a printed report as a PDF, for cron
 *
 * The same pages as the Reports screen prints, with no display. The PDF is
 * written to FILE.part and renamed when whole: a failure leaves nothing.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-cli.h"
#include "crm-manager-store.h"
#include "crm-report-store.h"
#include "crm-report.h"

static char *
kind_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint k = 0; k < CRM_N_REPORT_KINDS; k++)
    g_string_append_printf (list, "%s%s", k > 0 ? ", " : "", crm_report_kind_to_string (k));
  return g_string_free (list, FALSE);
}

int
crm_cli_report (CrmCliContext *ctx, int argc, char **argv)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autoptr(CrmReportData) data = NULL;
  g_autoptr(CrmReportDoc) doc = NULL;
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *manager_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *kinds = kind_list ();
  const CrmPageFormat *format = crm_page_format_default ();
  CrmReportKind kind = CRM_REPORT_TEAM;
  gint64 manager_id = 0;
  gint64 now = 0;
  int status;
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text, N_("Which report: team (the default), manager, funnel, profitability or pareto"), N_("TYPE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("The period: a month 2026-11, a quarter 2026-Q4, a year 2026 or days 2026-11-01..2026-11-15"), N_("PERIOD") },
    { "manager", 0, 0, G_OPTION_ARG_STRING, &manager_text, N_("The manager (a name, part of it, or the number): needed for the manager card, possible for the funnel and profitability reports"), N_("MANAGER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("The paper size: a4 (the default) or letter"), N_("SIZE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Take the pipeline and the risk as of this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  if (!crm_cli_parse_options ("report", "[--type] --period [--manager] --output",
                              _("Writes a printed report as a PDF file: the team KPI report, a manager’s KPI card, the sales funnel, client profitability or the 80/20 analysis — the same pages as Print… in the app."),
                              entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return crm_cli_usage_error ("report", _("unexpected argument “%s”"), argv[1]);
  if (type_text != NULL && !crm_report_kind_from_string (type_text, &kind))
    return crm_cli_usage_error ("report", _("there is no report “%1$s”; the reports are: %2$s"), type_text, kinds);
  if (period_text == NULL)
    return crm_cli_usage_error ("report", _("say which period, as in: --period 2026-11"));
  period = crm_period_parse (period_text, &error);
  if (period == NULL)
    return crm_cli_usage_error ("report", "%s", error->message);
  if (output == NULL || *output == '\0')
    return crm_cli_usage_error ("report", _("say where to write the PDF, as in: --output kpi.pdf"));
  if (paper != NULL && (format = crm_page_format_lookup (paper)) == NULL)
    return crm_cli_usage_error ("report", _("the paper size “%s” is not known: say a4 or letter"), paper);
  if (crm_report_kind_needs_manager (kind) && manager_text == NULL)
    return crm_cli_usage_error ("report", _("the %s report is about one manager: say which, as in --manager Petrova"),
                                crm_report_kind_to_string (kind));
  if (!crm_report_kind_takes_manager (kind) && manager_text != NULL)
    return crm_cli_usage_error ("report", _("the %s report is about the whole team: leave out --manager"),
                                crm_report_kind_to_string (kind));
  if (today_text != NULL)
    {
      GDate day;
      if (!crm_date_parse_iso (today_text, &day))
        return crm_cli_usage_error ("report", _("--today needs a date such as 2026-11-27, not “%s”"), today_text);
      /* The end of that day. */
      g_date_add_days (&day, 1);
      now = crm_date_to_unix_local (&day, NULL) - 1;
    }

  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("report", error);
      return CRM_EXIT_FAILURE;
    }
  if (crm_database_is_empty (db, &error))
    {
      crm_cli_error ("report", _("the database %s has no managers and no clients yet, so there is nothing to report; add your team and clients in the app, import them, or try “salescrm demo”"),
                     crm_database_get_path (db));
      return CRM_EXIT_FAILURE;
    }
  if (manager_text != NULL && !crm_cli_find_manager (db, "report", manager_text, &manager_id))
    return CRM_EXIT_FAILURE;

  data = crm_report_store_load (db, period, manager_id, now, &error);
  if (data == NULL)
    {
      crm_cli_print_error ("report", error);
      return CRM_EXIT_FAILURE;
    }
  doc = crm_report_build (kind, data);
  layout = crm_report_layout_new_for_format (doc, format);
  if (!crm_report_write_pdf (layout, doc, output, &error))
    {
      crm_cli_print_error ("report", error);
      return CRM_EXIT_FAILURE;
    }
  return CRM_EXIT_OK;
}
