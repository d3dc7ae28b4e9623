/* crm-kpi.h — the KPI arithmetic of DESIGN.md §3, over plain data
 *
 * The store aggregates raw figures (CrmKpiFigures); everything derived —
 * achievements, the capped weighted score, risk with its reasons, funnel
 * conversions, effort, profitability shares, Pareto — is computed here, with
 * no SQL and no GTK. An absent figure (no target, nothing to divide by) is
 * NAN, never 0.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-enums.h"
#include "crm-settings.h"
#include "crm-target.h"

G_BEGIN_DECLS

#define CRM_KPI_SCORE_CAP 1.5   /* each achievement counts up to 150% */

/* Funnel positions: the five open stages and won. */
#define CRM_FUNNEL_STEPS (CRM_N_OPEN_STAGES + 1)

typedef struct {
  gint64 revenue;
  gint64 new_client_revenue;
  gint64 repeat_revenue;
  gint64 revenue_by_source[CRM_N_SOURCES];
  gint64 calls;                 /* done calls starting in the period */
  gint64 calls_inbound;
  gint64 calls_outbound;
  gint64 talk_minutes;
  gint64 talk_minutes_inbound;
  gint64 talk_minutes_outbound;
  gint64 meetings_held;
  gint64 meetings_planned;
  gint64 new_prospects;
  gint64 won_deals;             /* deals won (closed) in the period */
  gint64 weighted_pipeline;     /* open deals now: Σ amount × probability */
  gint64 forecast_30;
  gint64 forecast_60;
  /* Deals created in the period: how many reached each step. */
  gint64 funnel_created;
  gint64 funnel_reached[CRM_FUNNEL_STEPS];
  gint64 funnel_lost;
  double funnel_stage_seconds[CRM_N_OPEN_STAGES];  /* total time spent, completed stays */
  gint64 funnel_stage_stays[CRM_N_OPEN_STAGES];
  /* Clients with a payment or a complaint in the period (by owner). */
  gint64 clients_active;
  gint64 clients_loss_making;
  gint64 clients_with_complaints;
  gint64 clients_loss_or_complaint;
  gint64 complaint_cost;
  /* The plan for the period; CRM_NO_TARGET when there is none. */
  gint64 targets[CRM_N_KPI];
} CrmKpiFigures;

typedef enum {
  CRM_RISK_UNKNOWN,
  CRM_RISK_LOW,
  CRM_RISK_MEDIUM,
  CRM_RISK_HIGH,
} CrmRiskLevel;

typedef enum {
  CRM_RISK_CHECK_FORECAST,       /* 60-day forecast vs the revenue reference for two months */
  CRM_RISK_CHECK_MEETINGS,       /* meetings in the last 30 days vs their plan */
  CRM_RISK_CHECK_NO_HISTORY,     /* nothing to compare with */
  CRM_RISK_CHECK_INACTIVE,       /* no longer in the team: not judged */
} CrmRiskCheck;

typedef struct {
  CrmRiskCheck check;
  CrmRiskLevel level;
  double       actual;           /* minor units for the forecast */
  double       reference;
  double       ratio;            /* actual / reference */
  gboolean     from_history;     /* reference: 6-month average, not a target */
} CrmRiskReason;

/* What the early warning looks at, as of today. */
typedef struct {
  gint64 forecast_60;
  gint64 revenue_target_2m;      /* CRM_NO_TARGET when no plan for the next two months */
  gint64 revenue_history_6m;     /* revenue of the six months before this one */
  gint64 meetings_30d;
  double meetings_target_30d;    /* NAN when no plan */
  gint64 meetings_history_6m;
  gboolean has_history;          /* any revenue, meeting or call in those six months */
  gboolean inactive;             /* the manager has left */
} CrmRiskInput;

typedef struct {
  CrmRiskLevel  level;
  CrmRiskReason reasons[3];
  guint         n_reasons;
} CrmRisk;

typedef struct {
  double achievement[CRM_N_KPI];   /* actual / target, NAN without a target */
  double score;                    /* weighted mean of capped achievements, NAN when none */
  double score_parts[CRM_N_KPI];   /* each indicator's share of the score, NAN when left out */
  double conversion[CRM_FUNNEL_STEPS];  /* [k]: reached[k] / reached[k-1]; [0] NAN */
  double win_rate;                 /* won / (won + lost) of the deals created in the period */
  double avg_days_in_stage[CRM_N_OPEN_STAGES];
  double revenue_per_talk_hour;    /* minor units */
  double revenue_per_meeting;
  double calls_per_won_deal;
  double problem_client_share;     /* loss-making or with complaints / active clients */
  CrmRisk risk;
} CrmKpiDerived;

typedef struct {
  guint  n_items;                  /* items with revenue > 0 */
  guint  items_for_80;             /* the fewest items that make 80% of the total */
  double share_of_items;           /* items_for_80 / n_items, NAN when none */
  gint64 total;
} CrmPareto;

void         crm_kpi_figures_init      (CrmKpiFigures *figures);
void         crm_kpi_figures_add       (CrmKpiFigures *sum, const CrmKpiFigures *part);
gint64       crm_kpi_actual            (const CrmKpiFigures *figures, CrmKpiIndicator indicator);
double       crm_kpi_achievement       (gint64 actual, gint64 target);
double       crm_kpi_score             (const double achievement[CRM_N_KPI],
                                        const int weights[CRM_N_KPI],
                                        double parts[CRM_N_KPI]);
void         crm_kpi_risk              (const CrmRiskInput *input,
                                        const CrmSettings *settings,
                                        CrmRisk *out);
void         crm_kpi_derive            (const CrmKpiFigures *figures,
                                        const CrmSettings *settings,
                                        CrmKpiDerived *out);
double       crm_kpi_ratio             (double numerator, double denominator);
void         crm_kpi_pareto            (const gint64 *values_desc, guint n, CrmPareto *out);
int          crm_kpi_compare_desc      (gconstpointer a, gconstpointer b);

const char  *crm_risk_level_to_string  (CrmRiskLevel level);
const char  *crm_risk_level_to_label   (CrmRiskLevel level);
const char  *crm_risk_check_to_string  (CrmRiskCheck check);
char        *crm_risk_reason_describe  (const CrmRiskReason *reason, const char *currency);

G_END_DECLS
