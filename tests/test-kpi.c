/* test-kpi.c — every KPI of DESIGN §3 on a small data set worked out by hand
 *
 * The data set is tests/crm-test-kpi-data.c (Europe/Berlin, "today"
 * 2026-03-20 12:00; March 2026 has the DST change, so the month is 31 days
 * minus one hour long); its rows are listed there and every expected value
 * is worked out in a comment here.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "crm-kpi-store.h"
#include "crm-setting-store.h"
#include "crm-test-kpi-data.h"
#include "crm-test-util.h"

#define UNITS(x) CRM_TEST_UNITS (x)

static CrmTestKpiData *data;
static const char *db_path;
static gint64 anna, boris, clara;
static gint64 today;

static CrmKpiReport *
compute (const char *period_text, gint64 manager_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (db_path, 0, NULL, &error);
  g_autoptr(CrmPeriod) period = crm_period_parse (period_text, &error);
  g_autoptr(CrmSettings) settings = crm_setting_store_load (db, &error);
  CrmKpiReport *report = crm_kpi_store_compute (db, period, manager_id, settings, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const CrmKpiRow *
row_of (CrmKpiReport *report, gint64 id)
{
  const CrmKpiRow *row = crm_kpi_report_find_row (report, id);
  g_assert_nonnull (row);
  return row;
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

static void
test_anna_march (void)
{
  g_autoptr(CrmKpiReport) r = compute ("2026-03", 0);
  const CrmKpiRow *a = row_of (r, anna);
  const CrmKpiFigures *f = &a->figures;
  const CrmKpiDerived *d = &a->derived;

  /* Revenue: 1000 (c1, repeat: first paid in January) + 2000 + 500 (c2, new). */
  g_assert_cmpint (f->revenue, ==, UNITS (3500));
  g_assert_cmpint (f->new_client_revenue, ==, UNITS (2500));
  g_assert_cmpint (f->repeat_revenue, ==, UNITS (1000));
  g_assert_cmpint (f->revenue_by_source[CRM_SOURCE_REFERRAL], ==, UNITS (1000));
  g_assert_cmpint (f->revenue_by_source[CRM_SOURCE_WEBSITE], ==, UNITS (2500));
  /* Calls: 03-01 00:10, 03-02, 03-03 23:50 (crosses midnight), 03-31 23:50 CEST. */
  g_assert_cmpint (f->calls, ==, 4);
  g_assert_cmpint (f->calls_inbound, ==, 2);
  g_assert_cmpint (f->calls_outbound, ==, 2);
  g_assert_cmpint (f->talk_minutes, ==, 50);          /* 5 + 10 + 20 + 15 */
  g_assert_cmpint (f->talk_minutes_inbound, ==, 25);
  g_assert_cmpint (f->talk_minutes_outbound, ==, 25);
  g_assert_cmpint (f->meetings_held, ==, 2);
  g_assert_cmpint (f->meetings_planned, ==, 1);
  g_assert_cmpint (f->new_prospects, ==, 1);          /* c2 */
  g_assert_cmpint (f->won_deals, ==, 1);              /* d1, closed 03-09 */

  /* Achievements: revenue 3500/5000, calls 4/4, talk 50/30, meetings 2/2, new 1/2. */
  assert_near (d->achievement[CRM_KPI_REVENUE], 0.7);
  assert_near (d->achievement[CRM_KPI_CALLS], 1.0);
  assert_near (d->achievement[CRM_KPI_TALK_MINUTES], 50.0 / 30.0);   /* 167%: above the cap */
  assert_near (d->achievement[CRM_KPI_MEETINGS], 1.0);
  assert_near (d->achievement[CRM_KPI_NEW_PROSPECTS], 0.5);
  /* Score with the default weights (50/10/10/20/10), talk capped at 150%:
   * (50×0.7 + 10×1 + 10×1.5 + 20×1 + 10×0.5) / 100 = 0.85 (uncapped: 0.8667). */
  assert_near (d->score, 0.85);
  assert_near (d->score_parts[CRM_KPI_TALK_MINUTES], 0.15);
  assert_near (d->score_parts[CRM_KPI_REVENUE], 0.35);

  /* Funnel of the deals created in March: d1 new → proposal → won (skips
   * two stages but has reached them), d2 new → qualified → lost. */
  g_assert_cmpint (f->funnel_created, ==, 2);
  g_assert_cmpint (f->funnel_reached[0], ==, 2);
  g_assert_cmpint (f->funnel_reached[1], ==, 2);
  g_assert_cmpint (f->funnel_reached[2], ==, 1);
  g_assert_cmpint (f->funnel_reached[3], ==, 1);
  g_assert_cmpint (f->funnel_reached[4], ==, 1);
  g_assert_cmpint (f->funnel_reached[5], ==, 1);
  g_assert_cmpint (f->funnel_lost, ==, 1);
  g_assert_true (isnan (d->conversion[0]));
  assert_near (d->conversion[1], 1.0);
  assert_near (d->conversion[2], 0.5);
  assert_near (d->conversion[5], 1.0);
  assert_near (d->win_rate, 0.5);
  /* New: d1 3 days, d2 2 days → 2.5; qualified: d2 10 days; proposal: d1 4 days. */
  assert_near (d->avg_days_in_stage[CRM_STAGE_NEW], 2.5);
  assert_near (d->avg_days_in_stage[CRM_STAGE_QUALIFIED], 10.0);
  g_assert_true (isnan (d->avg_days_in_stage[CRM_STAGE_MEETING]));
  assert_near (d->avg_days_in_stage[CRM_STAGE_PROPOSAL], 4.0);

  /* Pipeline now: d3 10000 × 60% = 6000, closing 04-25: within 60 days of
   * 03-20 (before 05-19), not within 30 (before 04-19). */
  g_assert_cmpint (f->weighted_pipeline, ==, UNITS (6000));
  g_assert_cmpint (f->forecast_30, ==, 0);
  g_assert_cmpint (f->forecast_60, ==, UNITS (6000));

  /* Effort: 3500 per 50/60 h = 4200 per hour; 1750 per meeting; 4 calls per won deal. */
  assert_near (d->revenue_per_talk_hour, UNITS (4200));
  assert_near (d->revenue_per_meeting, UNITS (1750));
  assert_near (d->calls_per_won_deal, 4.0);

  /* Profitability: c1 and c2 paid, nobody complained. */
  g_assert_cmpint (f->clients_active, ==, 2);
  g_assert_cmpint (f->clients_loss_making, ==, 0);
  assert_near (d->problem_client_share, 0.0);

  /* Risk: forecast 6000 of 10000 (March's plan twice: April has none) = 60%
   * ≥ 50%; meetings 2 in 30 days of a plan of 2 × 30/31 = 1.94 → low. */
  g_assert_cmpint (d->risk.level, ==, CRM_RISK_LOW);
}

static void
test_boris_no_target (void)
{
  g_autoptr(CrmKpiReport) r = compute ("2026-03", 0);
  const CrmKpiRow *b = row_of (r, boris);

  g_assert_cmpint (b->figures.revenue, ==, UNITS (300));
  /* c3 paid for the first time in March: new-client revenue. */
  g_assert_cmpint (b->figures.new_client_revenue, ==, UNITS (300));
  g_assert_cmpint (b->figures.calls, ==, 1);
  g_assert_cmpint (b->figures.talk_minutes, ==, 30);
  /* No plan: no achievement at all, and no score — not 0%. */
  for (int i = 0; i < CRM_N_KPI; i++)
    {
      g_assert_cmpint (b->figures.targets[i], ==, CRM_NO_TARGET);
      g_assert_true (isnan (b->derived.achievement[i]));
    }
  g_assert_true (isnan (b->derived.score));
  /* c3: 300 paid, 800 in complaints: loss-making. */
  g_assert_cmpint (b->figures.clients_active, ==, 1);
  g_assert_cmpint (b->figures.clients_loss_making, ==, 1);
  g_assert_cmpint (b->figures.clients_with_complaints, ==, 1);
  assert_near (b->derived.problem_client_share, 1.0);
  /* Risk from his own history: 600 in the last six months → 200 for two
   * months; the forecast is d4, 1000 × 40% = 400 → 200%: low. */
  g_assert_cmpint (b->derived.risk.level, ==, CRM_RISK_LOW);
  g_assert_true (b->derived.risk.reasons[0].from_history);
  assert_near (b->derived.risk.reasons[0].reference, UNITS (200));
}

static void
test_clara_high_risk (void)
{
  g_autoptr(CrmKpiReport) r = compute ("2026-03", 0);
  const CrmKpiRow *c = row_of (r, clara);
  const CrmRisk *risk = &c->derived.risk;
  g_autofree char *text0 = NULL;

  /* Forecast: d5 40000 × 50% = 20000 of 500000 planned for March and
   * April = 4% < 25%; meetings: 1 in the last 30 days of 10 × 30/31 = 9.68
   * planned = 10% < 50%. High, for both reasons. */
  g_assert_cmpint (risk->level, ==, CRM_RISK_HIGH);
  g_assert_cmpuint (risk->n_reasons, ==, 2);
  g_assert_cmpint (risk->reasons[0].level, ==, CRM_RISK_HIGH);
  g_assert_cmpint (risk->reasons[1].level, ==, CRM_RISK_HIGH);
  for (guint i = 0; i < 2; i++)
    {
      const CrmRiskReason *reason = &risk->reasons[i];
      if (reason->check == CRM_RISK_CHECK_FORECAST)
        {
          assert_near (reason->actual, UNITS (20000));
          assert_near (reason->reference, UNITS (500000));
          assert_near (reason->ratio, 0.04);
          g_assert_false (reason->from_history);
        }
      else
        {
          g_assert_cmpint (reason->check, ==, CRM_RISK_CHECK_MEETINGS);
          assert_near (reason->actual, 1);
          assert_near (reason->reference, 10.0 * 30 / 31);
        }
    }
  crm_test_use_language (NULL);
  text0 = crm_risk_reason_describe (&risk->reasons[0], "EUR");
  g_assert_true (strstr (text0, "4%") != NULL || strstr (text0, "10%") != NULL);
  /* Only the revenue and meetings plans exist: the score is over those two. */
  assert_near (c->derived.achievement[CRM_KPI_MEETINGS], 0.1);
  g_assert_true (isnan (c->derived.achievement[CRM_KPI_CALLS]));
  /* (50 × 0 + 20 × 0.1) / 70 */
  assert_near (c->derived.score, 2.0 / 70.0);
  g_assert_cmpint (c->figures.new_prospects, ==, 1);
}

static void
test_team_march (void)
{
  g_autoptr(CrmKpiReport) r = compute ("2026-03", 0);
  const CrmKpiFigures *f = &r->team.figures;
  const CrmKpiDerived *d = &r->team.derived;

  g_assert_true (r->has_team);
  g_assert_cmpuint (r->managers->len, ==, 3);
  g_assert_cmpint (f->revenue, ==, UNITS (3800));
  g_assert_cmpint (f->new_client_revenue, ==, UNITS (2800));
  g_assert_cmpint (f->repeat_revenue, ==, UNITS (1000));
  g_assert_cmpint (f->revenue_by_source[CRM_SOURCE_INBOUND_CALL], ==, UNITS (300));
  g_assert_cmpint (f->calls, ==, 5);
  g_assert_cmpint (f->calls_inbound, ==, 3);
  g_assert_cmpint (f->talk_minutes, ==, 80);
  g_assert_cmpint (f->meetings_held, ==, 3);
  g_assert_cmpint (f->meetings_planned, ==, 1);
  /* c2, c4 and the unowned c5: the team counts every new client. */
  g_assert_cmpint (f->new_prospects, ==, 3);
  g_assert_cmpint (f->weighted_pipeline, ==, UNITS (26400));   /* 6000 + 400 + 20000 */
  g_assert_cmpint (f->forecast_30, ==, UNITS (20400));         /* d4 + d5 */
  g_assert_cmpint (f->forecast_60, ==, UNITS (26400));
  /* Team plans are the sums of the plans that exist. */
  g_assert_cmpint (f->targets[CRM_KPI_REVENUE], ==, UNITS (255000));
  g_assert_cmpint (f->targets[CRM_KPI_MEETINGS], ==, 12);
  g_assert_cmpint (f->targets[CRM_KPI_CALLS], ==, 4);
  assert_near (d->achievement[CRM_KPI_CALLS], 1.25);
  assert_near (d->achievement[CRM_KPI_MEETINGS], 0.25);
  /* (50 × 3800/255000 + 10 × 1.25 + 10 × min(80/30, 1.5) + 20 × 0.25 + 10 × min(3/2, 1.5)) / 100 */
  assert_near (d->score, (50.0 * 3800 / 255000 + 12.5 + 15 + 5 + 15) / 100);
  /* Profitability: c1, c2, c3 had money; c3 lost it. */
  g_assert_cmpint (f->clients_active, ==, 3);
  g_assert_cmpint (f->clients_loss_making, ==, 1);
  assert_near (d->problem_client_share, 1.0 / 3);
  /* Pareto: 2500 + 1000 of 3800 ≥ 80%: 2 of 3 clients. */
  g_assert_cmpuint (r->pareto_clients.n_items, ==, 3);
  g_assert_cmpuint (r->pareto_clients.items_for_80, ==, 2);
  assert_near (r->pareto_clients.share_of_items, 2.0 / 3);
  /* The loss-making client is listed with the manager who brought it. */
  g_assert_cmpuint (r->n_loss_making, ==, 1);
  g_assert_cmpuint (r->problem_clients->len, ==, 1);
  {
    CrmKpiClientLine *line = r->problem_clients->pdata[0];
    g_assert_cmpstr (line->name, ==, "Loss Client");
    g_assert_cmpstr (line->manager_name, ==, "Boris");
    g_assert_cmpint (line->revenue - line->cost, ==, -UNITS (500));
  }
  /* The team is at high risk too: 26400 of 510000 planned. */
  g_assert_cmpint (d->risk.level, ==, CRM_RISK_HIGH);
}

static void
test_period_without_data (void)
{
  g_autoptr(CrmKpiReport) r = compute ("2025-06", 0);
  const CrmKpiFigures *f = &r->team.figures;

  g_assert_cmpint (f->revenue, ==, 0);
  g_assert_cmpint (f->calls, ==, 0);
  g_assert_cmpint (f->new_prospects, ==, 0);
  g_assert_cmpint (f->funnel_created, ==, 0);
  g_assert_true (isnan (r->team.derived.score));
  g_assert_true (isnan (r->team.derived.win_rate));
  g_assert_true (isnan (r->team.derived.revenue_per_talk_hour));
  g_assert_cmpuint (r->pareto_clients.items_for_80, ==, 0);
  g_assert_true (isnan (r->pareto_clients.share_of_items));
  /* The active managers are still listed, with nothing. */
  g_assert_cmpuint (r->managers->len, ==, 3);
}

static void
test_other_periods (void)
{
  /* Q1: c1's first payment (01-15) is in the quarter: all its payments are new. */
  {
    g_autoptr(CrmKpiReport) r = compute ("2026-Q1", 0);
    g_assert_cmpint (r->team.figures.revenue, ==, UNITS (3900));
    g_assert_cmpint (r->team.figures.new_client_revenue, ==, UNITS (3900));
    /* Anna's plan exists only for March: none for the quarter. */
    g_assert_cmpint (row_of (r, anna)->figures.targets[CRM_KPI_REVENUE], ==, CRM_NO_TARGET);
  }
  /* A range of days: the plan is prorated (9 of 31 days of 5000). */
  {
    g_autoptr(CrmKpiReport) r = compute ("2026-03-01..2026-03-09", 0);
    const CrmKpiRow *a = row_of (r, anna);
    g_assert_cmpint (a->figures.revenue, ==, UNITS (1000));
    g_assert_cmpint (a->figures.calls, ==, 3);
    g_assert_cmpint (a->figures.targets[CRM_KPI_REVENUE], ==, 145161);
  }
  /* A year. */
  {
    g_autoptr(CrmKpiReport) r = compute ("2025", 0);
    g_assert_cmpint (r->team.figures.revenue, ==, UNITS (700));   /* 100 + 600 */
    g_assert_cmpint (r->team.figures.new_prospects, ==, 3);        /* c1, c6, c7 */
  }
  /* One manager. */
  {
    g_autoptr(CrmKpiReport) r = compute ("2026-03", boris);
    g_assert_false (r->has_team);
    g_assert_cmpuint (r->managers->len, ==, 1);
    g_assert_cmpint (row_of (r, boris)->figures.revenue, ==, UNITS (300));
    g_assert_cmpuint (r->n_loss_making, ==, 1);
  }
}

static void
test_pure_arithmetic (void)
{
  double a[CRM_N_KPI] = { 2.0, NAN, 1.0, NAN, 0.0 };
  int w[CRM_N_KPI] = { 50, 10, 10, 20, 10 };
  double parts[CRM_N_KPI];
  gint64 values[] = { 50, 30, 10, 5, 5, 0, 0 };
  CrmPareto p;

  /* (50 × 1.5 + 10 × 1.0 + 10 × 0) / 70 */
  assert_near (crm_kpi_score (a, w, parts), 85.0 / 70.0);
  g_assert_true (isnan (parts[1]));
  g_assert_true (isnan (crm_kpi_achievement (10, CRM_NO_TARGET)));
  g_assert_true (isnan (crm_kpi_achievement (10, 0)));
  assert_near (crm_kpi_achievement (150, 100), 1.5);

  crm_kpi_pareto (values, G_N_ELEMENTS (values), &p);
  g_assert_cmpuint (p.n_items, ==, 5);
  g_assert_cmpint (p.total, ==, 100);
  g_assert_cmpuint (p.items_for_80, ==, 2);      /* 50 + 30 = 80 exactly */
  crm_kpi_pareto (values, 0, &p);
  g_assert_cmpuint (p.items_for_80, ==, 0);

  {
    g_autoptr(CrmSettings) s = crm_settings_new ();
    CrmRiskInput in = { 0 };
    CrmRisk risk;

    in.has_history = TRUE;
    in.revenue_target_2m = 1000;
    in.meetings_target_30d = NAN;
    in.forecast_60 = 400;                   /* 40%: medium */
    crm_kpi_risk (&in, s, &risk);
    g_assert_cmpint (risk.level, ==, CRM_RISK_MEDIUM);
    in.forecast_60 = 500;                   /* 50%: low */
    crm_kpi_risk (&in, s, &risk);
    g_assert_cmpint (risk.level, ==, CRM_RISK_LOW);
    s->risk_forecast_medium = 60;           /* thresholds are settings */
    crm_kpi_risk (&in, s, &risk);
    g_assert_cmpint (risk.level, ==, CRM_RISK_MEDIUM);
    in.has_history = FALSE;                 /* nobody to judge yet */
    crm_kpi_risk (&in, s, &risk);
    g_assert_cmpint (risk.level, ==, CRM_RISK_UNKNOWN);
    g_assert_cmpint (risk.reasons[0].check, ==, CRM_RISK_CHECK_NO_HISTORY);
    in.has_history = TRUE;
    in.revenue_target_2m = CRM_NO_TARGET;   /* no plan and no revenue history */
    crm_kpi_risk (&in, s, &risk);
    g_assert_cmpint (risk.level, ==, CRM_RISK_UNKNOWN);
  }
}

/* ---- the command line --------------------------------------------------- */

static JsonObject *
member_object (JsonObject *o, const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_object_member (o, name);
}

static JsonObject *
manager_json (JsonObject *root, const char *name)
{
  JsonArray *managers = json_object_get_array_member (root, "managers");

  for (guint i = 0; i < json_array_get_length (managers); i++)
    {
      JsonObject *m = json_array_get_object_element (managers, i);
      if (g_str_equal (json_object_get_string_member (m, "name"), name))
        return m;
    }
  g_assert_not_reached ();
}

static void
test_cli_json (void)
{
  const char *env[] = { "DISPLAY=", "TZ=Europe/Berlin", NULL };
  g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", db_path, "kpi", "--period", "2026-03",
                                            "--today", "2026-03-20", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *team, *anna_o, *boris_o, *clara_o;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run->out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (member_object (root, "period"), "from"), ==, "2026-03-01");
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "period"), "to"), ==, "2026-04-01");
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-03-20");
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, "RUB");

  team = member_object (root, "team");
  g_assert_cmpint (json_object_get_int_member (team, "revenue"), ==, 380000);
  g_assert_cmpint (json_object_get_int_member (team, "new_client_revenue"), ==, 280000);
  g_assert_cmpint (json_object_get_int_member (member_object (team, "revenue_by_source"), "website"), ==, 250000);
  g_assert_cmpint (json_object_get_int_member (team, "calls"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (team, "new_prospects"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (team, "weighted_pipeline"), ==, 2640000);
  g_assert_cmpint (json_object_get_int_member (member_object (team, "pareto"), "clients_for_80_percent"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (member_object (team, "pareto"), "share_of_clients"), 0.6667, 1e-4);
  g_assert_cmpint (json_object_get_int_member (member_object (team, "profitability"), "loss_making_clients"), ==, 1);
  /* Repeat: c1's 1 000; the rest is the new clients' 2 800. */
  g_assert_cmpint (json_object_get_int_member (team, "repeat_revenue"), ==, 100000);
  /* In: Anna 03-01 (5), 03-03 (20), Boris 03-12 (30); out: Anna 03-02 (10), 03-31 (15). */
  g_assert_cmpint (json_object_get_int_member (team, "calls_inbound"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (team, "calls_outbound"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (team, "talk_minutes_inbound"), ==, 55);
  g_assert_cmpint (json_object_get_int_member (team, "talk_minutes_outbound"), ==, 25);
  /* Held: Anna 03-10, 03-18, Clara 03-05; planned: Anna 03-27. */
  g_assert_cmpint (json_object_get_int_member (team, "meetings_held"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (team, "meetings_planned"), ==, 1);
  /* Within 30 days of 03-20: d4 (1 000 × 40%) and d5 (40 000 × 50%); within 60 also d3 (10 000 × 60%). */
  g_assert_cmpint (json_object_get_int_member (team, "forecast_30"), ==, 2040000);
  g_assert_cmpint (json_object_get_int_member (team, "forecast_60"), ==, 2640000);
  /* 3 800 over 3 meetings; 5 calls for the one deal won. */
  g_assert_cmpint (json_object_get_int_member (member_object (team, "effort"), "revenue_per_meeting"), ==, 126667);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (member_object (team, "effort"), "calls_per_won_deal"), 5.0, 1e-9);
  /* c3 complained (800) and is the one loss-making client of three. */
  g_assert_cmpint (json_object_get_int_member (member_object (team, "profitability"), "complaint_clients"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (member_object (team, "profitability"), "complaint_cost"), ==, 80000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (member_object (team, "profitability"), "share"), 0.3333, 1e-4);
  /* Anna's 3 500 of 3 800 is over 80% alone; website 2 500 + referral 1 000 make 92%. */
  g_assert_cmpint (json_object_get_int_member (member_object (team, "pareto"), "managers_for_80_percent"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (member_object (team, "pareto"), "channels_for_80_percent"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (member_object (team, "pareto"), "channels_with_revenue"), ==, 3);

  anna_o = manager_json (root, "Anna");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (anna_o, "score"), 0.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (member_object (anna_o, "achievement"), "talk_minutes"), 1.6667, 1e-9);
  g_assert_cmpint (json_object_get_int_member (member_object (anna_o, "effort"), "revenue_per_talk_hour"), ==, 420000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (anna_o, "win_rate"), 0.5, 1e-9);
  {
    JsonArray *stages = json_object_get_array_member (member_object (anna_o, "funnel"), "stages");
    g_assert_cmpuint (json_array_get_length (stages), ==, 6);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (stages, 2), "reached"), ==, 1);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (stages, 2), "conversion"), 0.5, 1e-9);
  }

  /* No target: achievement empty, no score member at all. */
  boris_o = manager_json (root, "Boris");
  g_assert_cmpuint (json_object_get_size (member_object (boris_o, "achievement")), ==, 0);
  g_assert_cmpuint (json_object_get_size (member_object (boris_o, "targets")), ==, 0);
  g_assert_false (json_object_has_member (boris_o, "score"));

  clara_o = manager_json (root, "Clara");
  g_assert_cmpstr (json_object_get_string_member (member_object (clara_o, "risk"), "level"), ==, "high");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (member_object (clara_o, "risk"), "reasons")), ==, 2);
}

static void
test_cli_errors (void)
{
  const char *env[] = { "DISPLAY=", NULL };
  g_autofree char *empty = crm_test_tmp_path ("empty.db");

  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", db_path, "kpi", "--period", "2026-13", NULL);
    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "2026-13"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", db_path, "kpi", NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", db_path, "kpi", "--period", "2026-03", "--manager", "Nobody", NULL);
    g_assert_cmpint (run->status, ==, 1);
    /* The command line's own message: lower case, no full stop (GNU style). */
    g_assert_nonnull (strstr (run->err, "salescrm kpi: there is no manager called “Nobody”\n"));
  }
  {
    g_autoptr(CrmDatabase) db = crm_database_new (empty, 0, NULL, NULL);
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", empty, "kpi", "--period", "2026-03", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "no managers"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", "/nonexistent/x.db", "kpi", "--period", "2026-03", NULL);
    g_assert_cmpint (run->status, ==, 1);
  }
  {
    /* The readable table, in Russian. */
    const char *ru[] = { "DISPLAY=", "TZ=Europe/Berlin", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
    g_autoptr(CrmTestRun) run = crm_test_run (ru, "--database", db_path, "kpi", "--period", "2026-03",
                                              "--today", "2026-03-20", "--manager", "Anna", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_str_has_prefix (run->out, "KPI за март 2026 г. ("));
    g_assert_nonnull (strstr (run->out, "3\u00a0500\u00a0₽"));
    g_assert_nonnull (strstr (run->out, "85%"));
  }
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  data = crm_test_kpi_data_build ();
  db_path = data->db_path;
  anna = data->anna;
  boris = data->boris;
  clara = data->clara;
  today = data->today;

  g_test_add_func ("/kpi/arithmetic", test_pure_arithmetic);
  g_test_add_func ("/kpi/manager-with-plan", test_anna_march);
  g_test_add_func ("/kpi/manager-without-target", test_boris_no_target);
  g_test_add_func ("/kpi/manager-at-high-risk", test_clara_high_risk);
  g_test_add_func ("/kpi/team", test_team_march);
  g_test_add_func ("/kpi/period-without-data", test_period_without_data);
  g_test_add_func ("/kpi/quarter-range-year-one-manager", test_other_periods);
  g_test_add_func ("/kpi/cli-json", test_cli_json);
  g_test_add_func ("/kpi/cli-errors-and-table", test_cli_errors);

  {
    int status = g_test_run ();
    crm_test_kpi_data_free (data);
    return status;
  }
}
