/* crm-kpi.c — the KPI arithmetic of DESIGN.md §3, over plain data
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crm-kpi.h"
#include "crm-locale.h"
#include "crm-money.h"

void
crm_kpi_figures_init (CrmKpiFigures *figures)
{
  memset (figures, 0, sizeof *figures);
  for (int i = 0; i < CRM_N_KPI; i++)
    figures->targets[i] = CRM_NO_TARGET;
}

/* Adds @part into @sum (team totals). Targets add up where @part has one. */
void
crm_kpi_figures_add (CrmKpiFigures *sum, const CrmKpiFigures *part)
{
#define ADD(field) sum->field += part->field
  ADD (revenue);
  ADD (new_client_revenue);
  ADD (repeat_revenue);
  for (int s = 0; s < CRM_N_SOURCES; s++)
    ADD (revenue_by_source[s]);
  ADD (calls);
  ADD (calls_inbound);
  ADD (calls_outbound);
  ADD (talk_minutes);
  ADD (talk_minutes_inbound);
  ADD (talk_minutes_outbound);
  ADD (meetings_held);
  ADD (meetings_planned);
  ADD (new_prospects);
  ADD (won_deals);
  ADD (weighted_pipeline);
  ADD (forecast_30);
  ADD (forecast_60);
  ADD (funnel_created);
  for (int k = 0; k < CRM_FUNNEL_STEPS; k++)
    ADD (funnel_reached[k]);
  ADD (funnel_lost);
  for (int k = 0; k < CRM_N_OPEN_STAGES; k++)
    {
      ADD (funnel_stage_seconds[k]);
      ADD (funnel_stage_stays[k]);
    }
  ADD (clients_active);
  ADD (clients_loss_making);
  ADD (clients_with_complaints);
  ADD (clients_loss_or_complaint);
  ADD (complaint_cost);
#undef ADD
  for (int i = 0; i < CRM_N_KPI; i++)
    if (part->targets[i] != CRM_NO_TARGET)
      sum->targets[i] = (sum->targets[i] == CRM_NO_TARGET ? 0 : sum->targets[i]) + part->targets[i];
}

gint64
crm_kpi_actual (const CrmKpiFigures *figures, CrmKpiIndicator indicator)
{
  switch (indicator)
    {
    case CRM_KPI_REVENUE:       return figures->revenue;
    case CRM_KPI_CALLS:         return figures->calls;
    case CRM_KPI_TALK_MINUTES:  return figures->talk_minutes;
    case CRM_KPI_MEETINGS:      return figures->meetings_held;
    case CRM_KPI_NEW_PROSPECTS: return figures->new_prospects;
    default:                    return 0;
    }
}

double
crm_kpi_ratio (double numerator, double denominator)
{
  if (!(denominator > 0) || !isfinite (numerator))
    return NAN;
  return numerator / denominator;
}

/* actual / target. No target (or a target of zero, which nothing can be a
 * share of) gives NAN: "not shown", never 0%. */
double
crm_kpi_achievement (gint64 actual, gint64 target)
{
  if (target == CRM_NO_TARGET || target <= 0)
    return NAN;
  return (double) actual / (double) target;
}

/* The weighted mean of the achievements that exist, each capped at 150%;
 * the weights of the indicators without a target are left out (the others
 * are renormalised). @parts gets each indicator's contribution: they add up
 * to the score. */
double
crm_kpi_score (const double achievement[CRM_N_KPI], const int weights[CRM_N_KPI], double parts[CRM_N_KPI])
{
  double total_weight = 0, sum = 0;

  for (int i = 0; i < CRM_N_KPI; i++)
    if (isfinite (achievement[i]) && weights[i] > 0)
      total_weight += weights[i];
  for (int i = 0; i < CRM_N_KPI; i++)
    {
      if (total_weight > 0 && isfinite (achievement[i]) && weights[i] > 0)
        {
          double part = weights[i] * MIN (achievement[i], CRM_KPI_SCORE_CAP) / total_weight;
          sum += part;
          if (parts != NULL)
            parts[i] = part;
        }
      else if (parts != NULL)
        parts[i] = NAN;
    }
  return total_weight > 0 ? sum : NAN;
}

static CrmRiskLevel
level_for (double ratio, int high_percent, int medium_percent)
{
  if (ratio < high_percent / 100.0)
    return CRM_RISK_HIGH;
  if (ratio < medium_percent / 100.0)
    return CRM_RISK_MEDIUM;
  return CRM_RISK_LOW;
}

static int
compare_reasons (gconstpointer a, gconstpointer b)
{
  const CrmRiskReason *x = a, *y = b;
  return (int) y->level - (int) x->level;
}

/* The early warning: high when the 60-day forecast is below 25% of the
 * revenue expected for the next two months, or the meetings of the last 30
 * days below 50% of their plan; medium below 50% / 75%; else low (the
 * thresholds come from the settings). Without a plan the reference is the
 * average of the previous six months. Without history: unknown. */
void
crm_kpi_risk (const CrmRiskInput *input, const CrmSettings *settings, CrmRisk *out)
{
  memset (out, 0, sizeof *out);
  out->level = CRM_RISK_UNKNOWN;

  if (input->inactive)
    {
      out->reasons[0].check = CRM_RISK_CHECK_INACTIVE;
      out->reasons[0].level = CRM_RISK_UNKNOWN;
      out->reasons[0].actual = out->reasons[0].reference = out->reasons[0].ratio = NAN;
      out->n_reasons = 1;
      return;
    }
  if (!input->has_history)
    {
      out->reasons[0].check = CRM_RISK_CHECK_NO_HISTORY;
      out->reasons[0].level = CRM_RISK_UNKNOWN;
      out->reasons[0].actual = out->reasons[0].reference = out->reasons[0].ratio = NAN;
      out->n_reasons = 1;
      return;
    }

  {
    double reference = NAN;
    gboolean from_history = FALSE;

    if (input->revenue_target_2m != CRM_NO_TARGET && input->revenue_target_2m > 0)
      reference = input->revenue_target_2m;
    else if (input->revenue_history_6m > 0)
      {
        reference = input->revenue_history_6m / 6.0 * 2.0;
        from_history = TRUE;
      }
    if (isfinite (reference))
      {
        CrmRiskReason *r = &out->reasons[out->n_reasons++];
        r->check = CRM_RISK_CHECK_FORECAST;
        r->actual = input->forecast_60;
        r->reference = reference;
        r->ratio = input->forecast_60 / reference;
        r->from_history = from_history;
        r->level = level_for (r->ratio, settings->risk_forecast_high, settings->risk_forecast_medium);
      }
  }
  {
    double reference = NAN;
    gboolean from_history = FALSE;

    if (isfinite (input->meetings_target_30d) && input->meetings_target_30d > 0)
      reference = input->meetings_target_30d;
    else if (input->meetings_history_6m > 0)
      {
        reference = input->meetings_history_6m / 6.0;
        from_history = TRUE;
      }
    if (isfinite (reference))
      {
        CrmRiskReason *r = &out->reasons[out->n_reasons++];
        r->check = CRM_RISK_CHECK_MEETINGS;
        r->actual = input->meetings_30d;
        r->reference = reference;
        r->ratio = input->meetings_30d / reference;
        r->from_history = from_history;
        r->level = level_for (r->ratio, settings->risk_meetings_high, settings->risk_meetings_medium);
      }
  }

  if (out->n_reasons == 0)
    {
      out->reasons[0].check = CRM_RISK_CHECK_NO_HISTORY;
      out->reasons[0].level = CRM_RISK_UNKNOWN;
      out->reasons[0].actual = out->reasons[0].reference = out->reasons[0].ratio = NAN;
      out->n_reasons = 1;
      return;
    }
  qsort (out->reasons, out->n_reasons, sizeof (CrmRiskReason), compare_reasons);
  out->level = out->reasons[0].level;
}

/* Everything derived from the period's figures. @out->risk is left as it
 * is: the risk is computed by crm_kpi_risk() as of today, whatever the
 * period. */
void
crm_kpi_derive (const CrmKpiFigures *f, const CrmSettings *settings, CrmKpiDerived *out)
{
  gint64 closed = f->funnel_reached[CRM_FUNNEL_STEPS - 1] + f->funnel_lost;

  for (int i = 0; i < CRM_N_KPI; i++)
    out->achievement[i] = crm_kpi_achievement (crm_kpi_actual (f, i), f->targets[i]);
  out->score = crm_kpi_score (out->achievement, settings->weights, out->score_parts);

  out->conversion[0] = NAN;
  for (int k = 1; k < CRM_FUNNEL_STEPS; k++)
    out->conversion[k] = crm_kpi_ratio (f->funnel_reached[k], f->funnel_reached[k - 1]);
  out->win_rate = crm_kpi_ratio (f->funnel_reached[CRM_FUNNEL_STEPS - 1], closed);
  for (int k = 0; k < CRM_N_OPEN_STAGES; k++)
    out->avg_days_in_stage[k] = crm_kpi_ratio (f->funnel_stage_seconds[k] / 86400.0, f->funnel_stage_stays[k]);

  out->revenue_per_talk_hour = crm_kpi_ratio (f->revenue, f->talk_minutes / 60.0);
  out->revenue_per_meeting = crm_kpi_ratio (f->revenue, f->meetings_held);
  out->calls_per_won_deal = crm_kpi_ratio (f->calls, f->won_deals);
  out->problem_client_share = crm_kpi_ratio (f->clients_loss_or_complaint, f->clients_active);
}

int
crm_kpi_compare_desc (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? 1 : (x > y ? -1 : 0);
}

/* @values_desc sorted from the largest; items of zero or less are not
 * counted. The fewest items whose sum reaches 80% of the total. */
void
crm_kpi_pareto (const gint64 *values_desc, guint n, CrmPareto *out)
{
  gint64 cumulative = 0;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n && values_desc[i] > 0; i++)
    {
      out->n_items++;
      out->total += values_desc[i];
    }
  for (guint i = 0; i < out->n_items; i++)
    {
      cumulative += values_desc[i];
      /* cumulative ≥ 0.8 × total, in integers */
      if (cumulative * 5 >= out->total * 4)
        {
          out->items_for_80 = i + 1;
          break;
        }
    }
  out->share_of_items = crm_kpi_ratio (out->items_for_80, out->n_items);
}

const char *
crm_risk_level_to_string (CrmRiskLevel level)
{
  static const char *names[] = { "unknown", "low", "medium", "high" };
  return names[CLAMP ((int) level, 0, 3)];
}

const char *
crm_risk_level_to_label (CrmRiskLevel level)
{
  switch (level)
    {
    case CRM_RISK_LOW:    return C_("risk", "Low");
    case CRM_RISK_MEDIUM: return C_("risk", "Medium");
    case CRM_RISK_HIGH:   return C_("risk", "High");
    case CRM_RISK_UNKNOWN:
    default:              return C_("risk", "Unknown");
    }
}

const char *
crm_risk_check_to_string (CrmRiskCheck check)
{
  static const char *names[] = { "forecast", "meetings", "no_history", "inactive" };
  return names[CLAMP ((int) check, 0, 3)];
}

/* The reason in words, with the figures. */
char *
crm_risk_reason_describe (const CrmRiskReason *r, const char *currency)
{
  g_autofree char *percent = isfinite (r->ratio) ? crm_locale_format_percent (r->ratio) : NULL;

  switch (r->check)
    {
    case CRM_RISK_CHECK_FORECAST:
      {
        g_autofree char *actual = crm_money_format ((gint64) r->actual, currency, CRM_MONEY_WHOLE);
        g_autofree char *reference = crm_money_format ((gint64) llround (r->reference), currency, CRM_MONEY_WHOLE);
        if (r->from_history)
          return g_strdup_printf (_("Deals expected to close in the next 60 days are worth %s (weighted by probability): %s of the %s the manager usually brings in two months."),
                                  actual, percent, reference);
        return g_strdup_printf (_("Deals expected to close in the next 60 days are worth %s (weighted by probability): %s of the %s planned for two months."),
                                actual, percent, reference);
      }
    case CRM_RISK_CHECK_MEETINGS:
      {
        gboolean whole = fabs (r->reference - round (r->reference)) < 0.05;
        g_autofree char *reference = crm_locale_format_decimal (r->reference, whole ? 0 : 1);
        int n = (int) r->actual;
        if (r->from_history)
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%d meeting held in the last 30 days: %s of the usual %s.",
                                               "%d meetings held in the last 30 days: %s of the usual %s.", n),
                                  n, percent, reference);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d meeting held in the last 30 days: %s of the plan of %s.",
                                             "%d meetings held in the last 30 days: %s of the plan of %s.", n),
                                n, percent, reference);
      }
    case CRM_RISK_CHECK_INACTIVE:
      return g_strdup (_("The manager no longer works in the team."));
    case CRM_RISK_CHECK_NO_HISTORY:
    default:
      return g_strdup (_("No plan and no history in the last six months to compare with yet."));
    }
}
