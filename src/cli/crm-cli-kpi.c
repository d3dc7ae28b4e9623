/* crm-cli-kpi.c — "salescrm kpi": every figure, as a table or as JSON
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "crm-cli.h"
#include "crm-cli-table.h"
#include "crm-kpi-store.h"
#include "crm-locale.h"
#include "crm-manager-store.h"
#include "crm-money.h"
#include "crm-setting-store.h"

/* ---- JSON --------------------------------------------------------------- */

static void
add_ratio (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, round (value * 10000.0) / 10000.0);
  else
    json_builder_add_null_value (b);
}

static void
add_money_or_null (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_int_value (b, (gint64) llround (value));
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
build_row (JsonBuilder *b, const CrmKpiRow *row, const char *currency)
{
  const CrmKpiFigures *f = &row->figures;
  const CrmKpiDerived *d = &row->derived;
  static const char *stage_names[CRM_FUNNEL_STEPS] = { "new", "qualified", "meeting", "proposal", "negotiation", "won" };

  add_int (b, "revenue", f->revenue);
  add_int (b, "new_client_revenue", f->new_client_revenue);
  add_int (b, "repeat_revenue", f->repeat_revenue);
  json_builder_set_member_name (b, "revenue_by_source");
  json_builder_begin_object (b);
  for (int s = 0; s < CRM_N_SOURCES; s++)
    add_int (b, crm_client_source_to_string (s), f->revenue_by_source[s]);
  json_builder_end_object (b);
  add_int (b, "calls", f->calls);
  add_int (b, "calls_inbound", f->calls_inbound);
  add_int (b, "calls_outbound", f->calls_outbound);
  add_int (b, "talk_minutes", f->talk_minutes);
  add_int (b, "talk_minutes_inbound", f->talk_minutes_inbound);
  add_int (b, "talk_minutes_outbound", f->talk_minutes_outbound);
  add_int (b, "meetings_held", f->meetings_held);
  add_int (b, "meetings_planned", f->meetings_planned);
  add_int (b, "new_prospects", f->new_prospects);

  json_builder_set_member_name (b, "targets");
  json_builder_begin_object (b);
  for (int i = 0; i < CRM_N_KPI; i++)
    if (f->targets[i] != CRM_NO_TARGET)
      add_int (b, crm_kpi_indicator_to_string (i), f->targets[i]);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "achievement");
  json_builder_begin_object (b);
  for (int i = 0; i < CRM_N_KPI; i++)
    if (isfinite (d->achievement[i]))
      add_ratio (b, crm_kpi_indicator_to_string (i), d->achievement[i]);
  json_builder_end_object (b);
  if (isfinite (d->score))
    {
      add_ratio (b, "score", d->score);
      json_builder_set_member_name (b, "score_parts");
      json_builder_begin_object (b);
      for (int i = 0; i < CRM_N_KPI; i++)
        if (isfinite (d->score_parts[i]))
          add_ratio (b, crm_kpi_indicator_to_string (i), d->score_parts[i]);
      json_builder_end_object (b);
    }

  add_int (b, "weighted_pipeline", f->weighted_pipeline);
  add_int (b, "forecast_30", f->forecast_30);
  add_int (b, "forecast_60", f->forecast_60);

  json_builder_set_member_name (b, "risk");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "level");
  json_builder_add_string_value (b, crm_risk_level_to_string (d->risk.level));
  json_builder_set_member_name (b, "reasons");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->risk.n_reasons; i++)
    {
      const CrmRiskReason *r = &d->risk.reasons[i];
      g_autofree char *text = crm_risk_reason_describe (r, currency);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "check");
      json_builder_add_string_value (b, crm_risk_check_to_string (r->check));
      json_builder_set_member_name (b, "level");
      json_builder_add_string_value (b, crm_risk_level_to_string (r->level));
      if (r->check == CRM_RISK_CHECK_FORECAST)
        {
          add_money_or_null (b, "actual", r->actual);
          add_money_or_null (b, "reference", r->reference);
        }
      else if (r->check == CRM_RISK_CHECK_MEETINGS)
        {
          add_money_or_null (b, "actual", r->actual);
          add_ratio (b, "reference", r->reference);
        }
      if (r->check != CRM_RISK_CHECK_NO_HISTORY)
        {
          add_ratio (b, "ratio", r->ratio);
          json_builder_set_member_name (b, "reference_kind");
          json_builder_add_string_value (b, r->from_history ? "history" : "target");
        }
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "funnel");
  json_builder_begin_object (b);
  add_int (b, "created", f->funnel_created);
  add_int (b, "lost", f->funnel_lost);
  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  for (int k = 0; k < CRM_FUNNEL_STEPS; k++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "stage");
      json_builder_add_string_value (b, stage_names[k]);
      add_int (b, "reached", f->funnel_reached[k]);
      add_ratio (b, "conversion", d->conversion[k]);
      if (k < CRM_N_OPEN_STAGES)
        add_ratio (b, "average_days", d->avg_days_in_stage[k]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  add_ratio (b, "win_rate", d->win_rate);
  add_int (b, "won_deals", f->won_deals);

  json_builder_set_member_name (b, "effort");
  json_builder_begin_object (b);
  add_money_or_null (b, "revenue_per_talk_hour", d->revenue_per_talk_hour);
  add_money_or_null (b, "revenue_per_meeting", d->revenue_per_meeting);
  add_ratio (b, "calls_per_won_deal", d->calls_per_won_deal);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "profitability");
  json_builder_begin_object (b);
  add_int (b, "clients", f->clients_active);
  add_int (b, "loss_making_clients", f->clients_loss_making);
  add_int (b, "complaint_clients", f->clients_with_complaints);
  add_ratio (b, "share", d->problem_client_share);
  add_int (b, "complaint_cost", f->complaint_cost);
  json_builder_end_object (b);
}

static void
build_pareto (JsonBuilder *b, const char *what, const CrmPareto *p)
{
  g_autofree char *count = g_strdup_printf ("%s_for_80_percent", what);
  g_autofree char *share = g_strdup_printf ("share_of_%s", what);
  g_autofree char *total = g_strdup_printf ("%s_with_revenue", what);

  add_int (b, count, p->items_for_80);
  add_ratio (b, share, p->share_of_items);
  add_int (b, total, p->n_items);
}

static char *
report_to_json (const CrmKpiReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (report->today);
  g_autofree char *today_text = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *text = crm_period_to_string (report->period);
  g_autofree char *from = crm_period_get_from_iso (report->period);
  g_autofree char *to = crm_period_get_to_iso (report->period);
  g_autofree char *label = crm_period_format (report->period);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "period");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, text);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, from);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, to);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, label);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "currency");
  json_builder_add_string_value (b, report->currency);
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, today_text);

  if (report->has_team)
    {
      json_builder_set_member_name (b, "team");
      json_builder_begin_object (b);
      build_row (b, &report->team, report->currency);
      json_builder_set_member_name (b, "pareto");
      json_builder_begin_object (b);
      build_pareto (b, "clients", &report->pareto_clients);
      build_pareto (b, "managers", &report->pareto_managers);
      build_pareto (b, "channels", &report->pareto_sources);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "managers");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->managers->len; i++)
    {
      const CrmKpiRow *row = report->managers->pdata[i];

      json_builder_begin_object (b);
      add_int (b, "id", row->manager_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, row->name);
      json_builder_set_member_name (b, "active");
      json_builder_add_boolean_value (b, row->active);
      build_row (b, row, report->currency);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* ---- the readable table ------------------------------------------------- */

static char *
achievement_text (double achievement)
{
  return isfinite (achievement) ? crm_locale_format_percent (achievement) : g_strdup ("—");
}

static void
add_table_row (CrmCliTable *table, const CrmKpiRow *row, const char *name, const char *currency)
{
  const CrmKpiFigures *f = &row->figures;
  const CrmKpiDerived *d = &row->derived;

  crm_cli_table_add_row (table,
                         g_strdup (name),
                         crm_money_format (f->revenue, currency, CRM_MONEY_WHOLE),
                         achievement_text (d->achievement[CRM_KPI_REVENUE]),
                         crm_locale_format_integer (f->calls),
                         achievement_text (d->achievement[CRM_KPI_CALLS]),
                         crm_locale_format_decimal (f->talk_minutes / 60.0, 1),
                         achievement_text (d->achievement[CRM_KPI_TALK_MINUTES]),
                         crm_locale_format_integer (f->meetings_held),
                         achievement_text (d->achievement[CRM_KPI_MEETINGS]),
                         crm_locale_format_integer (f->new_prospects),
                         achievement_text (d->achievement[CRM_KPI_NEW_PROSPECTS]),
                         crm_money_format (f->weighted_pipeline, currency, CRM_MONEY_WHOLE),
                         achievement_text (d->score),
                         g_strdup (crm_risk_level_to_label (d->risk.level)),
                         NULL);
}

/* The revenue of each channel, the names padded to one column. */
static void
print_channels (const CrmKpiFigures *f, const char *currency)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char *amounts[CRM_N_SOURCES] = { NULL };
  guint name_width = 0, amount_width = 0;

  for (int s = 0; s < CRM_N_SOURCES; s++)
    {
      amounts[s] = crm_money_format (f->revenue_by_source[s], currency, CRM_MONEY_WHOLE);
      name_width = MAX (name_width, crm_cli_text_width (crm_client_source_to_label (s)));
      amount_width = MAX (amount_width, crm_cli_text_width (amounts[s]));
    }
  g_string_append_printf (out, "%s\n", _("Revenue by channel:"));
  for (int s = 0; s < CRM_N_SOURCES; s++)
    {
      g_string_append (out, "  ");
      crm_cli_append_padded (out, crm_client_source_to_label (s), name_width + 2, TRUE);
      crm_cli_append_padded (out, amounts[s], amount_width, FALSE);
      g_string_append_c (out, '\n');
    }
  for (int s = 0; s < CRM_N_SOURCES; s++)
    g_free (amounts[s]);
  g_print ("%s", out->str);
}

static void
print_report (const CrmKpiReport *report)
{
  g_autoptr(CrmCliTable) table = crm_cli_table_new ();
  g_autofree char *period = crm_period_format_for (report->period);
  const CrmKpiRow *team = &report->team;
  const char *cur = report->currency;

  /* Translators: "KPI for November 2026 (USD)"; %1$s is the period as in a
   * report title ("for November 2026", ru "за ноябрь 2026 г."), %2$s the currency */
  g_print (_("KPI %1$s (%2$s)\n\n"), period, cur);
  crm_cli_table_set_header (table,
                            _("Manager"), _("Revenue"), _("Plan"), _("Calls"), _("Plan"),
                            _("Talk h"), _("Plan"), _("Meetings"), _("Plan"), _("New"), _("Plan"),
                            _("Pipeline"), _("Score"), _("Risk"), NULL);
  if (report->has_team)
    add_table_row (table, team, _("Team"), cur);
  for (guint i = 0; i < report->managers->len; i++)
    {
      const CrmKpiRow *row = report->managers->pdata[i];
      g_autofree char *name = row->active ? g_strdup (row->name)
                                          : g_strdup_printf (_("%s (inactive)"), row->name);
      add_table_row (table, row, name, cur);
    }
  crm_cli_table_print (table);
  g_print ("\n%s\n", _("“Plan” is the achievement of the monthly plan; — means no plan was set."));

  if (report->has_team)
    {
      const CrmKpiFigures *f = &team->figures;
      const CrmKpiDerived *d = &team->derived;
      g_autofree char *fresh = crm_money_format (f->new_client_revenue, cur, CRM_MONEY_WHOLE);
      g_autofree char *repeat = crm_money_format (f->repeat_revenue, cur, CRM_MONEY_WHOLE);
      g_autofree char *per_hour = isfinite (d->revenue_per_talk_hour)
                                  ? crm_money_format ((gint64) d->revenue_per_talk_hour, cur, CRM_MONEY_WHOLE) : g_strdup ("—");
      g_autofree char *per_meeting = isfinite (d->revenue_per_meeting)
                                     ? crm_money_format ((gint64) d->revenue_per_meeting, cur, CRM_MONEY_WHOLE) : g_strdup ("—");
      g_autofree char *win = isfinite (d->win_rate) ? crm_locale_format_percent (d->win_rate) : g_strdup ("—");
      g_autofree char *share = isfinite (report->pareto_clients.share_of_items)
                               ? crm_locale_format_percent (report->pareto_clients.share_of_items) : g_strdup ("—");
      g_autofree char *created = crm_locale_format_integer (f->funnel_created);
      g_autofree char *won = crm_locale_format_integer (f->funnel_reached[CRM_FUNNEL_STEPS - 1]);
      g_autofree char *lost = crm_locale_format_integer (f->funnel_lost);
      g_autofree char *active = crm_locale_format_integer (f->clients_active);
      g_autofree char *loss_making = crm_locale_format_integer (f->clients_loss_making);
      g_autofree char *complaints = crm_locale_format_integer (f->clients_with_complaints);
      g_autofree char *top = crm_locale_format_integer (report->pareto_clients.items_for_80);
      g_autofree char *with_revenue = crm_locale_format_integer (report->pareto_clients.n_items);

      g_print ("\n");
      g_print (_("Revenue from new clients: %s; from repeat clients: %s\n"), fresh, repeat);
      print_channels (f, cur);
      g_print (_("Revenue per talk hour: %s; per meeting held: %s\n"), per_hour, per_meeting);
      g_print (_("Deals created: %s; won: %s; lost: %s; win rate: %s\n"), created, won, lost, win);
      g_print (_("Clients with money in the period: %s; loss-making: %s; with complaints: %s\n"),
               active, loss_making, complaints);
      g_print (_("%s of %s clients (%s) bring 80%% of the revenue.\n"), top, with_revenue, share);
    }

  {
    gboolean header = FALSE;
    for (guint i = 0; i < report->managers->len; i++)
      {
        const CrmKpiRow *row = report->managers->pdata[i];
        if (row->derived.risk.level < CRM_RISK_MEDIUM)
          continue;
        if (!header)
          g_print ("\n%s\n", _("Early warning:"));
        header = TRUE;
        g_print ("  %s — %s\n", row->name, crm_risk_level_to_label (row->derived.risk.level));
        for (guint r = 0; r < row->derived.risk.n_reasons; r++)
          if (row->derived.risk.reasons[r].level >= CRM_RISK_MEDIUM)
            {
              g_autofree char *text = crm_risk_reason_describe (&row->derived.risk.reasons[r], cur);
              g_print ("    %s\n", text);
            }
      }
  }
}

/* ---- the command -------------------------------------------------------- */

int
crm_cli_kpi (CrmCliContext *ctx, int argc, char **argv)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autoptr(CrmSettings) settings = NULL;
  g_autoptr(CrmKpiReport) report = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *manager_text = NULL;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  gint64 manager_id = 0;
  gint64 now = 0;
  int status;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("The period: a month 2026-11, a quarter 2026-Q4, a year 2026 or days 2026-11-01..2026-11-15"), N_("PERIOD") },
    { "manager", 0, 0, G_OPTION_ARG_STRING, &manager_text, N_("Only this manager (a name, part of it, or the number)"), N_("MANAGER") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (money in minor units) instead of a table"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Take the pipeline and the risk as of this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  if (!crm_cli_parse_options ("kpi", "--period [--manager] [--json]",
                              _("Prints every KPI of a period for the team and each manager: revenue (new and repeat clients, by channel), calls, talk minutes, meetings, new prospects, plan achievement, the KPI score, the weighted pipeline and forecast, the early-warning risk with its reasons, the funnel, effort, profitability and the 80/20 figures."),
                              entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return crm_cli_usage_error ("kpi", _("unexpected argument “%s”"), argv[1]);
  if (period_text == NULL)
    return crm_cli_usage_error ("kpi", _("say which period, as in: --period 2026-11"));
  period = crm_period_parse (period_text, &error);
  if (period == NULL)
    return crm_cli_usage_error ("kpi", "%s", error->message);
  if (today_text != NULL)
    {
      GDate day;
      if (!crm_date_parse_iso (today_text, &day))
        return crm_cli_usage_error ("kpi", _("--today needs a date such as 2026-11-27, not “%s”"), today_text);
      /* The end of that day. */
      g_date_add_days (&day, 1);
      now = crm_date_to_unix_local (&day, NULL) - 1;
    }

  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("kpi", error);
      return CRM_EXIT_FAILURE;
    }
  if (crm_database_is_empty (db, &error))
    {
      crm_cli_error ("kpi", _("the database %s has no managers and no clients yet, so there are no KPIs; add your team and clients in the app, import them, or try “salescrm demo”"),
                     crm_database_get_path (db));
      return CRM_EXIT_FAILURE;
    }
  if (manager_text != NULL && !crm_cli_find_manager (db, "kpi", manager_text, &manager_id))
    return CRM_EXIT_FAILURE;
  settings = crm_setting_store_load (db, &error);
  if (settings == NULL)
    {
      crm_cli_print_error ("kpi", error);
      return CRM_EXIT_FAILURE;
    }
  report = crm_kpi_store_compute (db, period, manager_id, settings, now, &error);
  if (report == NULL)
    {
      crm_cli_print_error ("kpi", error);
      return CRM_EXIT_FAILURE;
    }

  if (json)
    {
      g_autofree char *text = report_to_json (report);
      g_print ("%s\n", text);
    }
  else
    print_report (report);
  return CRM_EXIT_OK;
}
