/* crm-test-report-data.h — the KPI suite's hand-made data set, for the reports
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UNITS(x) ((gint64) ((x) * 100))
#define CRM_TEST_REPORT_COMPANY "Northwind Test Trading"

typedef struct {
  char   *db_path;
  gint64  anna, boris, clara;
  gint64  today;       /* 2026-03-20 12:00 Europe/Berlin */
} CrmTestReportData;

/* Makes the data set in a fresh temporary database; the process must run
 * in TZ=Europe/Berlin. */
const CrmTestReportData *crm_test_report_data_get (void);

G_END_DECLS
