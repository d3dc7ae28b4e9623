/* crm-settings.c — the settings kept in the database
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "crm-error.h"
#include "crm-money.h"
#include "crm-settings.h"

G_DEFINE_BOXED_TYPE (CrmSettings, crm_settings, crm_settings_copy, crm_settings_free)

static const char *indicator_keys[CRM_N_KPI] = {
  "revenue", "calls", "talk_minutes", "meetings", "new_prospects",
};

const char *
crm_kpi_indicator_to_string (CrmKpiIndicator indicator)
{
  g_return_val_if_fail (indicator < CRM_N_KPI, "");
  return indicator_keys[indicator];
}

const char *
crm_kpi_indicator_to_label (CrmKpiIndicator indicator)
{
  switch (indicator)
    {
    case CRM_KPI_REVENUE:       return C_("KPI", "Revenue");
    case CRM_KPI_CALLS:         return C_("KPI", "Calls");
    case CRM_KPI_TALK_MINUTES:  return C_("KPI", "Talk time");
    case CRM_KPI_MEETINGS:      return C_("KPI", "Meetings held");
    case CRM_KPI_NEW_PROSPECTS: return C_("KPI", "New prospects");
    default:                    return "";
    }
}

void
crm_settings_reset (CrmSettings *self)
{
  g_free (self->company_name);
  g_free (self->currency);
  memset (self, 0, sizeof *self);
  self->company_name = g_strdup ("");
  /* A new database counts in the currency of the user's locale. */
  self->currency = g_strdup (crm_money_default_currency ());
  /* DESIGN.md §3: revenue 50, meetings 20, calls 10, talk minutes 10, new prospects 10. */
  self->weights[CRM_KPI_REVENUE] = 50;
  self->weights[CRM_KPI_MEETINGS] = 20;
  self->weights[CRM_KPI_CALLS] = 10;
  self->weights[CRM_KPI_TALK_MINUTES] = 10;
  self->weights[CRM_KPI_NEW_PROSPECTS] = 10;
  self->risk_forecast_high = 25;
  self->risk_forecast_medium = 50;
  self->risk_meetings_high = 50;
  self->risk_meetings_medium = 75;
  self->follow_up_days = 14;
  self->stuck_days = 21;
  self->work_start_min = 9 * 60;
  self->work_end_min = 18 * 60;
  self->week_start = 0;
  self->reminder_min = 15;
  self->current_manager_id = 0;
}

CrmSettings *
crm_settings_new (void)
{
  CrmSettings *self = g_new0 (CrmSettings, 1);
  crm_settings_reset (self);
  return self;
}

CrmSettings *
crm_settings_copy (const CrmSettings *self)
{
  CrmSettings *copy = g_new (CrmSettings, 1);

  *copy = *self;
  copy->company_name = g_strdup (self->company_name);
  copy->currency = g_strdup (self->currency);
  return copy;
}

void
crm_settings_free (CrmSettings *self)
{
  if (self == NULL)
    return;
  g_free (self->company_name);
  g_free (self->currency);
  g_free (self);
}

typedef struct {
  const char *key;
  gsize       offset;      /* of an int field; 0 for the strings and the 64-bit id */
  int         min, max;
} IntKey;

static const IntKey int_keys[] = {
  { "weight_revenue", G_STRUCT_OFFSET (CrmSettings, weights) + CRM_KPI_REVENUE * sizeof (int), 0, 1000 },
  { "weight_calls", G_STRUCT_OFFSET (CrmSettings, weights) + CRM_KPI_CALLS * sizeof (int), 0, 1000 },
  { "weight_talk_minutes", G_STRUCT_OFFSET (CrmSettings, weights) + CRM_KPI_TALK_MINUTES * sizeof (int), 0, 1000 },
  { "weight_meetings", G_STRUCT_OFFSET (CrmSettings, weights) + CRM_KPI_MEETINGS * sizeof (int), 0, 1000 },
  { "weight_new_prospects", G_STRUCT_OFFSET (CrmSettings, weights) + CRM_KPI_NEW_PROSPECTS * sizeof (int), 0, 1000 },
  { "risk_forecast_high", G_STRUCT_OFFSET (CrmSettings, risk_forecast_high), 0, 1000 },
  { "risk_forecast_medium", G_STRUCT_OFFSET (CrmSettings, risk_forecast_medium), 0, 1000 },
  { "risk_meetings_high", G_STRUCT_OFFSET (CrmSettings, risk_meetings_high), 0, 1000 },
  { "risk_meetings_medium", G_STRUCT_OFFSET (CrmSettings, risk_meetings_medium), 0, 1000 },
  { "follow_up_days", G_STRUCT_OFFSET (CrmSettings, follow_up_days), 1, 3650 },
  { "stuck_days", G_STRUCT_OFFSET (CrmSettings, stuck_days), 1, 3650 },
  { "work_start_min", G_STRUCT_OFFSET (CrmSettings, work_start_min), 0, 24 * 60 - 1 },
  { "work_end_min", G_STRUCT_OFFSET (CrmSettings, work_end_min), 1, 24 * 60 },
  { "week_start", G_STRUCT_OFFSET (CrmSettings, week_start), 0, 7 },
  { "reminder_min", G_STRUCT_OFFSET (CrmSettings, reminder_min), 0, 7 * 24 * 60 },
};

const char * const *
crm_settings_keys (void)
{
  static const char *keys[G_N_ELEMENTS (int_keys) + 4];

  if (keys[0] == NULL)
    {
      gsize n = 0;
      keys[n++] = "company_name";
      keys[n++] = "currency";
      keys[n++] = "current_manager_id";
      for (gsize i = 0; i < G_N_ELEMENTS (int_keys); i++)
        keys[n++] = int_keys[i].key;
    }
  return keys;
}

static const IntKey *
find_int_key (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (int_keys); i++)
    if (g_str_equal (int_keys[i].key, key))
      return &int_keys[i];
  return NULL;
}

char *
crm_settings_get_value (const CrmSettings *self, const char *key)
{
  const IntKey *ik;

  if (g_str_equal (key, "company_name"))
    return g_strdup (self->company_name);
  if (g_str_equal (key, "currency"))
    return g_strdup (self->currency);
  if (g_str_equal (key, "current_manager_id"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, self->current_manager_id);
  ik = find_int_key (key);
  g_return_val_if_fail (ik != NULL, NULL);
  return g_strdup_printf ("%d", G_STRUCT_MEMBER (int, self, ik->offset));
}

gboolean
crm_settings_set_value (CrmSettings *self, const char *key, const char *value, GError **error)
{
  const IntKey *ik;
  gint64 number;

  if (g_str_equal (key, "company_name"))
    {
      g_free (self->company_name);
      self->company_name = g_strdup (value);
      return TRUE;
    }
  if (g_str_equal (key, "currency"))
    {
      if (value == NULL || strlen (value) != 3)
        {
          g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                       _("“%s” is not a currency code: use three letters such as RUB, USD or EUR."),
                       value ? value : "");
          return FALSE;
        }
      g_free (self->currency);
      self->currency = g_ascii_strup (value, -1);
      return TRUE;
    }
  if (g_str_equal (key, "current_manager_id"))
    {
      if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &number, NULL))
        {
          g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                       _("The setting “%s” must be a whole number, not “%s”."), key, value);
          return FALSE;
        }
      self->current_manager_id = number;
      return TRUE;
    }
  ik = find_int_key (key);
  if (ik == NULL)
    {
      g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_NOT_FOUND,
                   _("There is no setting called “%s”."), key);
      return FALSE;
    }
  if (!g_ascii_string_to_signed (value, 10, ik->min, ik->max, &number, NULL))
    {
      g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                   _("The setting “%s” must be a whole number from %d to %d, not “%s”."),
                   key, ik->min, ik->max, value);
      return FALSE;
    }
  G_STRUCT_MEMBER (int, self, ik->offset) = (int) number;
  return TRUE;
}
