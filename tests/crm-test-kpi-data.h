/* crm-test-kpi-data.h — the small KPI data set worked out by hand
 *
 * Europe/Berlin, "today" 2026-03-20 12:00; Anna (plan for March), Boris (no
 * plan), Clara (at high risk). See crm-test-kpi-data.c for every row.
 * The suites set TZ=Europe/Berlin before they build it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_TEST_UNITS(x) ((gint64) ((x) * 100))

typedef struct {
  char   *db_path;       /* in a temporary folder, removed at exit */
  gint64  anna, boris, clara;
  gint64  loss_client;   /* c3, "Loss Client", brought by Boris */
  gint64  today;         /* 2026-03-20 12:00 in Berlin */
} CrmTestKpiData;

CrmTestKpiData *crm_test_kpi_data_build (void);
void            crm_test_kpi_data_free  (CrmTestKpiData *data);
gint64          crm_test_kpi_at         (int year, int month, int day, int hour, int minute);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmTestKpiData, crm_test_kpi_data_free)

G_END_DECLS
