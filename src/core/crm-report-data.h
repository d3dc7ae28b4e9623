/* crm-report-data.h — everything a printed report is made from
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-kpi-report.h"
#include "crm-settings.h"

G_BEGIN_DECLS

/* The KPIs of the period, every client with money in it, and the settings
 * (company name, weights). A report is a pure function of this, the page
 * format and the language. */
typedef struct {
  CrmKpiReport *kpi;
  GPtrArray    *clients;     /* CrmKpiClientLine *: each client with a payment or a
                              * complaint in the period, the best result first */
  CrmSettings  *settings;
  GDate         printed_on;  /* the date in the header */
} CrmReportData;

CrmReportData *crm_report_data_new  (CrmKpiReport  *kpi,
                                     GPtrArray     *clients,
                                     CrmSettings   *settings,
                                     const GDate   *printed_on);
void           crm_report_data_free (CrmReportData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmReportData, crm_report_data_free)

G_END_DECLS
