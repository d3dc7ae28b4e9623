/* crm-kpi-store-private.h — what the KPI query files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database-private.h"
#include "crm-kpi-store.h"

G_BEGIN_DECLS

typedef struct {
  CrmDatabase        *db;
  CrmKpiReport       *report;
  const CrmSettings  *settings;
  gint64              only_manager;    /* 0: everybody */
  GHashTable         *rows;            /* manager id → CrmKpiRow (borrowed) */
  char               *from_day;        /* the period, [from_day, to_day) */
  char               *to_day;
  gint64              from_ts;
  gint64              to_ts;
  GDate               today;
  gint64              now;
} KpiCtx;

/* Per manager over a range of local days. */
typedef struct {
  gint64 calls, calls_inbound, calls_outbound;
  gint64 talk, talk_inbound, talk_outbound;
  gint64 meetings_held, meetings_planned;
} KpiActivitySums;

CrmKpiRow *kpi_row_for          (KpiCtx *c, gint64 manager_id);
gboolean   kpi_activity_days    (KpiCtx *c, const GDate *from, const GDate *to,
                                 GHashTable *out, GError **error);
gboolean   kpi_query_money      (KpiCtx *c, GError **error);
gboolean   kpi_query_risk       (KpiCtx *c, GError **error);

G_END_DECLS
