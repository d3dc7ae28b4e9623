/* crm-enums.h — the enumerations of the domain model (DESIGN.md §2)
 *
 * Each has its database spelling (_to_string/_from_string, stable: stored
 * and exported) and a translated label for people (_to_label).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CRM_CLIENT_PERSON,
  CRM_CLIENT_COMPANY,
} CrmClientKind;

typedef enum {
  CRM_SOURCE_INBOUND_CALL,
  CRM_SOURCE_OUTBOUND_CALL,
  CRM_SOURCE_REFERRAL,
  CRM_SOURCE_WEBSITE,
  CRM_SOURCE_OTHER,
} CrmClientSource;
#define CRM_N_SOURCES 5

typedef enum {
  CRM_STATUS_LEAD,
  CRM_STATUS_PROSPECT,
  CRM_STATUS_CUSTOMER,
  CRM_STATUS_REGULAR,
  CRM_STATUS_LOST,
} CrmClientStatus;
#define CRM_N_STATUSES 5

typedef enum {
  CRM_ACTIVITY_CALL,
  CRM_ACTIVITY_MEETING,
  CRM_ACTIVITY_TASK,
} CrmActivityType;

typedef enum {
  CRM_STATE_PLANNED,
  CRM_STATE_DONE,
  CRM_STATE_CANCELLED,
} CrmActivityState;

typedef enum {
  CRM_DIRECTION_NONE,
  CRM_DIRECTION_INBOUND,
  CRM_DIRECTION_OUTBOUND,
} CrmDirection;

typedef enum {
  CRM_STAGE_NEW,
  CRM_STAGE_QUALIFIED,
  CRM_STAGE_MEETING,
  CRM_STAGE_PROPOSAL,
  CRM_STAGE_NEGOTIATION,
  CRM_STAGE_WON,
  CRM_STAGE_LOST,
} CrmDealStage;
#define CRM_N_STAGES 7
#define CRM_N_OPEN_STAGES 5

typedef enum {
  CRM_COMPLAINT_OPEN,
  CRM_COMPLAINT_RESOLVED,
  CRM_COMPLAINT_REJECTED,
} CrmComplaintStatus;

GType crm_client_kind_get_type (void) G_GNUC_CONST;
GType crm_client_source_get_type (void) G_GNUC_CONST;
GType crm_client_status_get_type (void) G_GNUC_CONST;
GType crm_activity_type_get_type (void) G_GNUC_CONST;
GType crm_activity_state_get_type (void) G_GNUC_CONST;
GType crm_direction_get_type (void) G_GNUC_CONST;
GType crm_deal_stage_get_type (void) G_GNUC_CONST;
GType crm_complaint_status_get_type (void) G_GNUC_CONST;

#define CRM_TYPE_CLIENT_KIND (crm_client_kind_get_type ())
#define CRM_TYPE_CLIENT_SOURCE (crm_client_source_get_type ())
#define CRM_TYPE_CLIENT_STATUS (crm_client_status_get_type ())
#define CRM_TYPE_ACTIVITY_TYPE (crm_activity_type_get_type ())
#define CRM_TYPE_ACTIVITY_STATE (crm_activity_state_get_type ())
#define CRM_TYPE_DIRECTION (crm_direction_get_type ())
#define CRM_TYPE_DEAL_STAGE (crm_deal_stage_get_type ())
#define CRM_TYPE_COMPLAINT_STATUS (crm_complaint_status_get_type ())

const char *crm_client_kind_to_string (CrmClientKind v);
gboolean    crm_client_kind_from_string (const char *s, CrmClientKind *out);
const char *crm_client_kind_to_label (CrmClientKind v);

const char *crm_client_source_to_string (CrmClientSource v);
gboolean    crm_client_source_from_string (const char *s, CrmClientSource *out);
const char *crm_client_source_to_label (CrmClientSource v);

const char *crm_client_status_to_string (CrmClientStatus v);
gboolean    crm_client_status_from_string (const char *s, CrmClientStatus *out);
const char *crm_client_status_to_label (CrmClientStatus v);

const char *crm_activity_type_to_string (CrmActivityType v);
gboolean    crm_activity_type_from_string (const char *s, CrmActivityType *out);
const char *crm_activity_type_to_label (CrmActivityType v);

const char *crm_activity_state_to_string (CrmActivityState v);
gboolean    crm_activity_state_from_string (const char *s, CrmActivityState *out);
const char *crm_activity_state_to_label (CrmActivityState v);

const char *crm_direction_to_string (CrmDirection v);           /* NULL for NONE */
gboolean    crm_direction_from_string (const char *s, CrmDirection *out);
const char *crm_direction_to_label (CrmDirection v);

const char *crm_deal_stage_to_string (CrmDealStage v);
gboolean    crm_deal_stage_from_string (const char *s, CrmDealStage *out);
const char *crm_deal_stage_to_label (CrmDealStage v);
gboolean    crm_deal_stage_is_open (CrmDealStage v);
int         crm_deal_stage_default_probability (CrmDealStage v);

const char *crm_complaint_status_to_string (CrmComplaintStatus v);
gboolean    crm_complaint_status_from_string (const char *s, CrmComplaintStatus *out);
const char *crm_complaint_status_to_label (CrmComplaintStatus v);

G_END_DECLS
