/* crm-demo-private.h — what the demo generator's files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database-private.h"
#include "crm-demo.h"

G_BEGIN_DECLS

typedef struct {
  gint64 midnight;          /* local midnight, Unix seconds */
  guint  month;             /* months since the first day's month */
  guint  month_of_year;     /* 1..12 */
  GDateWeekday weekday;
  char   iso[11];
} DemoDay;

typedef struct {
  gint64  id;
  double  skill;             /* revenue per deal */
  double  activity;          /* calls and meetings per day */
  double  complaint_rate;
  double  client_weight;     /* share of new clients */
  double  call_inbound_share;
  guint   first_day;         /* hired */
  guint   last_day;          /* left */
  gboolean at_risk;
  gboolean no_target;
  GArray *clients;           /* guint client indexes, by creation */
} DemoManager;

typedef struct {
  gint64  created_at;
  guint   created_day;
  guint   first_paid_day;    /* G_MAXUINT: never paid */
  guint8  manager;
  guint8  source;
  guint8  status;
  double  value;             /* Pareto weight: a few clients bring most revenue */
  gint64  revenue;
  gint64  cost;
  guint32 first_deal;        /* 1-based deal index, 0: none */
  guint16 n_payments;
  guint16 n_won;
  guint16 n_open;
  guint16 n_lost;
} DemoClient;

#define DEMO_MAX_STEPS 7

typedef struct {
  guint   client;
  guint8  manager;
  guint8  n_steps;
  guint8  stages[DEMO_MAX_STEPS];     /* CrmDealStage of each step; [0] is the first */
  gint64  times[DEMO_MAX_STEPS];
  gint64  amount;
  guint   expected_close_day;         /* G_MAXUINT: none */
  guint   closed_day;                 /* G_MAXUINT: open */
  guint8  lost_reason;
} DemoDeal;

typedef struct {
  guint   client;
  guint8  manager;
  guint32 deal;                       /* 1-based, 0: none */
  guint   day;
  gint64  amount;
} DemoPayment;

typedef struct {
  guint   client;
  guint8  manager;
  guint   day;
  gint64  cost;
  guint8  status;
  guint8  description;
} DemoComplaint;

/* Per manager and month: what the targets are built from. */
typedef struct {
  gint64 revenue;
  guint  calls;
  guint  talk_min;
  guint  meetings;
  guint  new_clients;
} DemoStats;

typedef struct {
  CrmDatabase   *db;
  GRand         *rand;
  gboolean       russian;
  const char    *currency;
  double         money_scale;        /* 1 for roubles; dollars are smaller numbers */
  gint64         today;
  gint64         start;
  guint          today_index;
  guint          n_days;
  guint          n_months;
  DemoDay       *days;
  double        *day_cumulative;
  guint          n_managers;
  DemoManager   *managers;
  double        *manager_cumulative;
  guint          n_clients;
  guint          n_activities;
  DemoClient    *clients;
  GArray        *deals;              /* DemoDeal */
  GArray        *payments;           /* DemoPayment */
  GArray        *complaints;         /* DemoComplaint */
  DemoStats     *stats;              /* [manager * n_months + month] */
  GPtrArray     *index_sql;          /* indexes and triggers dropped during the load */
  CrmDemoProgressFunc progress;
  gpointer       progress_data;
  GCancellable  *cancellable;
  double         phase_base;
  double         phase_span;
  const char    *phase_name;
} Demo;

double   demo_uniform          (Demo *d);
int      demo_int              (Demo *d, int lo, int hi_exclusive);
double   demo_lognormal        (Demo *d, double median, double sigma);
guint    demo_pick_cumulative  (Demo *d, const double *cumulative, guint lo, guint hi);
guint    demo_pick_day         (Demo *d, guint lo, guint hi);
guint    demo_pick_manager     (Demo *d, guint day);
gint64   demo_time             (Demo *d, guint day, int minute_of_day);
guint    demo_day_of_time      (Demo *d, gint64 t);
gboolean demo_tick             (Demo *d, guint done, guint total, GError **error);
void     demo_phase            (Demo *d, double base, double span, const char *name);

static inline DemoStats *
demo_stats (Demo *d, guint manager, guint month)
{
  return &d->stats[manager * d->n_months + MIN (month, d->n_months - 1)];
}

gboolean demo_plan_clients     (Demo *d, GError **error);
gboolean demo_plan_deals       (Demo *d, GError **error);
gboolean demo_plan_payments    (Demo *d, GError **error);
gboolean demo_plan_complaints  (Demo *d, GError **error);
gboolean demo_write_clients    (Demo *d, GError **error);
gboolean demo_write_deals      (Demo *d, GError **error);
gboolean demo_write_payments   (Demo *d, GError **error);
gboolean demo_write_complaints (Demo *d, GError **error);
gboolean demo_write_activities (Demo *d, GError **error);
gboolean demo_write_targets    (Demo *d, GError **error);

G_END_DECLS
