/* crm-settings.h — the settings kept in the database (DESIGN.md §2, §3)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CRM_KPI_REVENUE,
  CRM_KPI_CALLS,
  CRM_KPI_TALK_MINUTES,
  CRM_KPI_MEETINGS,
  CRM_KPI_NEW_PROSPECTS,
} CrmKpiIndicator;
#define CRM_N_KPI 5

typedef struct {
  char   *company_name;
  char   *currency;                 /* ISO 4217 code */
  int     weights[CRM_N_KPI];       /* relative weights of the KPI score */
  int     risk_forecast_high;       /* % of the revenue target: below → high risk */
  int     risk_forecast_medium;     /* below → medium risk */
  int     risk_meetings_high;       /* % of the meetings plan in the last 30 days */
  int     risk_meetings_medium;
  int     follow_up_days;           /* a client with no contact this long is due */
  int     stuck_days;               /* a deal in one stage this long is stuck */
  int     work_start_min;           /* minutes after midnight */
  int     work_end_min;
  int     week_start;               /* 0: as the locale says; 1 Monday … 7 Sunday */
  int     reminder_min;             /* default reminder lead time */
  gint64  current_manager_id;       /* whose "My day" is shown; 0: the whole team */
} CrmSettings;

#define CRM_TYPE_SETTINGS (crm_settings_get_type ())

GType        crm_settings_get_type   (void) G_GNUC_CONST;
CrmSettings *crm_settings_new        (void);
CrmSettings *crm_settings_copy       (const CrmSettings *self);
void         crm_settings_free       (CrmSettings *self);
void         crm_settings_reset      (CrmSettings *self);

/* Key/value form, as stored: every key has a default. */
const char * const *crm_settings_keys (void);
char        *crm_settings_get_value  (const CrmSettings *self, const char *key);
gboolean     crm_settings_set_value  (CrmSettings *self, const char *key, const char *value, GError **error);

const char  *crm_kpi_indicator_to_string (CrmKpiIndicator indicator);
const char  *crm_kpi_indicator_to_label  (CrmKpiIndicator indicator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmSettings, crm_settings_free)

G_END_DECLS
