/* crm-period.h — an immutable period of calendar days [from, to)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CRM_PERIOD_MONTH,
  CRM_PERIOD_QUARTER,
  CRM_PERIOD_YEAR,
  CRM_PERIOD_RANGE,
} CrmPeriodKind;

#define CRM_TYPE_PERIOD (crm_period_get_type ())

typedef struct _CrmPeriod CrmPeriod;

GType       crm_period_get_type       (void) G_GNUC_CONST;
CrmPeriod  *crm_period_ref            (CrmPeriod *self);
void        crm_period_unref          (CrmPeriod *self);

CrmPeriod  *crm_period_new_month      (int year, int month);
CrmPeriod  *crm_period_new_quarter    (int year, int quarter);
CrmPeriod  *crm_period_new_year       (int year);
CrmPeriod  *crm_period_new_range      (const GDate *from, const GDate *to_exclusive);
CrmPeriod  *crm_period_new_containing (CrmPeriodKind kind, const GDate *day);
CrmPeriod  *crm_period_parse          (const char *text, GError **error);

CrmPeriodKind crm_period_get_kind     (const CrmPeriod *self);
void        crm_period_get_from       (const CrmPeriod *self, GDate *out);
void        crm_period_get_to         (const CrmPeriod *self, GDate *out);
char       *crm_period_get_from_iso   (const CrmPeriod *self);
char       *crm_period_get_to_iso     (const CrmPeriod *self);
gint64      crm_period_get_start_unix (const CrmPeriod *self, GTimeZone *tz);
gint64      crm_period_get_end_unix   (const CrmPeriod *self, GTimeZone *tz);
int         crm_period_get_n_days     (const CrmPeriod *self);
int         crm_period_get_n_months   (const CrmPeriod *self);
gboolean    crm_period_contains       (const CrmPeriod *self, const GDate *day);
gboolean    crm_period_equal          (const CrmPeriod *a, const CrmPeriod *b);

CrmPeriod  *crm_period_previous       (const CrmPeriod *self);
CrmPeriod  *crm_period_next           (const CrmPeriod *self);
CrmPeriod  *crm_period_year_before    (const CrmPeriod *self);

char       *crm_period_to_string      (const CrmPeriod *self);
char       *crm_period_format         (const CrmPeriod *self);
char       *crm_period_format_for     (const CrmPeriod *self);

gint64      crm_date_to_unix_local    (const GDate *day, GTimeZone *tz);
gboolean    crm_date_parse_iso        (const char *text, GDate *out);
char       *crm_date_to_iso           (const GDate *day);
void        crm_date_set_today        (GDate *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPeriod, crm_period_unref)

G_END_DECLS
