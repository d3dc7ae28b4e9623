/* crm-report-data.c — everything a printed report is made from
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-period.h"
#include "crm-report-data.h"

/* Takes ownership of @kpi, @clients and @settings. @printed_on NULL: today. */
CrmReportData *
crm_report_data_new (CrmKpiReport *kpi, GPtrArray *clients, CrmSettings *settings,
                     const GDate *printed_on)
{
  CrmReportData *data;

  g_return_val_if_fail (kpi != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  data = g_new0 (CrmReportData, 1);
  data->kpi = kpi;
  data->clients = clients != NULL ? clients
                                  : g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kpi_client_line_free);
  data->settings = settings;
  if (printed_on != NULL && g_date_valid (printed_on))
    data->printed_on = *printed_on;
  else
    crm_date_set_today (&data->printed_on);
  return data;
}

void
crm_report_data_free (CrmReportData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->kpi, crm_kpi_report_free);
  g_clear_pointer (&data->clients, g_ptr_array_unref);
  g_clear_pointer (&data->settings, crm_settings_free);
  g_free (data);
}
