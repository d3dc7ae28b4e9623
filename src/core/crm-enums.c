/* crm-enums.c — the enumerations of the domain model
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-enums.h"

typedef struct {
  int         value;
  const char *nick;     /* the database spelling */
  const char *context;
  const char *label;
} EnumInfo;

static const char *
info_to_string (const EnumInfo *infos, gsize n, int v)
{
  for (gsize i = 0; i < n; i++)
    if (infos[i].value == v)
      return infos[i].nick;
  return NULL;
}

static gboolean
info_from_string (const EnumInfo *infos, gsize n, const char *s, int *out)
{
  if (s == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (infos[i].nick != NULL && g_str_equal (infos[i].nick, s))
      {
        *out = infos[i].value;
        return TRUE;
      }
  return FALSE;
}

static const char *
info_to_label (const EnumInfo *infos, gsize n, int v)
{
  for (gsize i = 0; i < n; i++)
    if (infos[i].value == v)
      return g_dpgettext2 (GETTEXT_PACKAGE, infos[i].context, infos[i].label);
  return "";
}

static GType
register_enum (const char *name, const EnumInfo *infos, gsize n)
{
  GEnumValue *values = g_new0 (GEnumValue, n + 1);

  for (gsize i = 0; i < n; i++)
    {
      values[i].value = infos[i].value;
      values[i].value_name = infos[i].label;
      values[i].value_nick = infos[i].nick != NULL ? infos[i].nick : "none";
    }
  return g_enum_register_static (name, values);
}

static const EnumInfo client_kind_infos[] = {
  { CRM_CLIENT_PERSON, "person", "client kind", NC_("client kind", "Person") },
  { CRM_CLIENT_COMPANY, "company", "client kind", NC_("client kind", "Company") },
};

GType
crm_client_kind_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmClientKind", client_kind_infos, G_N_ELEMENTS (client_kind_infos)));
  return type;
}

const char *
crm_client_kind_to_string (CrmClientKind v)
{
  return info_to_string (client_kind_infos, G_N_ELEMENTS (client_kind_infos), v);
}

gboolean
crm_client_kind_from_string (const char *s, CrmClientKind *out)
{
  int v;

  if (!info_from_string (client_kind_infos, G_N_ELEMENTS (client_kind_infos), s, &v))
    return FALSE;
  *out = (CrmClientKind) v;
  return TRUE;
}

const char *
crm_client_kind_to_label (CrmClientKind v)
{
  return info_to_label (client_kind_infos, G_N_ELEMENTS (client_kind_infos), v);
}

static const EnumInfo client_source_infos[] = {
  { CRM_SOURCE_INBOUND_CALL, "inbound_call", "client source", NC_("client source", "Inbound call") },
  { CRM_SOURCE_OUTBOUND_CALL, "outbound_call", "client source", NC_("client source", "Outbound call") },
  { CRM_SOURCE_REFERRAL, "referral", "client source", NC_("client source", "Referral") },
  { CRM_SOURCE_WEBSITE, "website", "client source", NC_("client source", "Website") },
  { CRM_SOURCE_OTHER, "other", "client source", NC_("client source", "Other") },
};

GType
crm_client_source_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmClientSource", client_source_infos, G_N_ELEMENTS (client_source_infos)));
  return type;
}

const char *
crm_client_source_to_string (CrmClientSource v)
{
  return info_to_string (client_source_infos, G_N_ELEMENTS (client_source_infos), v);
}

gboolean
crm_client_source_from_string (const char *s, CrmClientSource *out)
{
  int v;

  if (!info_from_string (client_source_infos, G_N_ELEMENTS (client_source_infos), s, &v))
    return FALSE;
  *out = (CrmClientSource) v;
  return TRUE;
}

const char *
crm_client_source_to_label (CrmClientSource v)
{
  return info_to_label (client_source_infos, G_N_ELEMENTS (client_source_infos), v);
}

static const EnumInfo client_status_infos[] = {
  { CRM_STATUS_LEAD, "lead", "client status", NC_("client status", "Lead") },
  { CRM_STATUS_PROSPECT, "prospect", "client status", NC_("client status", "Prospect") },
  { CRM_STATUS_CUSTOMER, "customer", "client status", NC_("client status", "Customer") },
  { CRM_STATUS_REGULAR, "regular", "client status", NC_("client status", "Regular") },
  { CRM_STATUS_LOST, "lost", "client status", NC_("client status", "Lost") },
};

GType
crm_client_status_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmClientStatus", client_status_infos, G_N_ELEMENTS (client_status_infos)));
  return type;
}

const char *
crm_client_status_to_string (CrmClientStatus v)
{
  return info_to_string (client_status_infos, G_N_ELEMENTS (client_status_infos), v);
}

gboolean
crm_client_status_from_string (const char *s, CrmClientStatus *out)
{
  int v;

  if (!info_from_string (client_status_infos, G_N_ELEMENTS (client_status_infos), s, &v))
    return FALSE;
  *out = (CrmClientStatus) v;
  return TRUE;
}

const char *
crm_client_status_to_label (CrmClientStatus v)
{
  return info_to_label (client_status_infos, G_N_ELEMENTS (client_status_infos), v);
}

static const EnumInfo activity_type_infos[] = {
  { CRM_ACTIVITY_CALL, "call", "activity type", NC_("activity type", "Call") },
  { CRM_ACTIVITY_MEETING, "meeting", "activity type", NC_("activity type", "Meeting") },
  { CRM_ACTIVITY_TASK, "task", "activity type", NC_("activity type", "Task") },
};

GType
crm_activity_type_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmActivityType", activity_type_infos, G_N_ELEMENTS (activity_type_infos)));
  return type;
}

const char *
crm_activity_type_to_string (CrmActivityType v)
{
  return info_to_string (activity_type_infos, G_N_ELEMENTS (activity_type_infos), v);
}

gboolean
crm_activity_type_from_string (const char *s, CrmActivityType *out)
{
  int v;

  if (!info_from_string (activity_type_infos, G_N_ELEMENTS (activity_type_infos), s, &v))
    return FALSE;
  *out = (CrmActivityType) v;
  return TRUE;
}

const char *
crm_activity_type_to_label (CrmActivityType v)
{
  return info_to_label (activity_type_infos, G_N_ELEMENTS (activity_type_infos), v);
}

static const EnumInfo activity_state_infos[] = {
  { CRM_STATE_PLANNED, "planned", "activity state", NC_("activity state", "Planned") },
  { CRM_STATE_DONE, "done", "activity state", NC_("activity state", "Done") },
  { CRM_STATE_CANCELLED, "cancelled", "activity state", NC_("activity state", "Cancelled") },
};

GType
crm_activity_state_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmActivityState", activity_state_infos, G_N_ELEMENTS (activity_state_infos)));
  return type;
}

const char *
crm_activity_state_to_string (CrmActivityState v)
{
  return info_to_string (activity_state_infos, G_N_ELEMENTS (activity_state_infos), v);
}

gboolean
crm_activity_state_from_string (const char *s, CrmActivityState *out)
{
  int v;

  if (!info_from_string (activity_state_infos, G_N_ELEMENTS (activity_state_infos), s, &v))
    return FALSE;
  *out = (CrmActivityState) v;
  return TRUE;
}

const char *
crm_activity_state_to_label (CrmActivityState v)
{
  return info_to_label (activity_state_infos, G_N_ELEMENTS (activity_state_infos), v);
}

static const EnumInfo direction_infos[] = {
  { CRM_DIRECTION_NONE, NULL, "call direction", NC_("call direction", "None") },
  { CRM_DIRECTION_INBOUND, "inbound", "call direction", NC_("call direction", "Inbound") },
  { CRM_DIRECTION_OUTBOUND, "outbound", "call direction", NC_("call direction", "Outbound") },
};

GType
crm_direction_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmDirection", direction_infos, G_N_ELEMENTS (direction_infos)));
  return type;
}

const char *
crm_direction_to_string (CrmDirection v)
{
  return info_to_string (direction_infos, G_N_ELEMENTS (direction_infos), v);
}

gboolean
crm_direction_from_string (const char *s, CrmDirection *out)
{
  int v;

  if (!info_from_string (direction_infos, G_N_ELEMENTS (direction_infos), s, &v))
    return FALSE;
  *out = (CrmDirection) v;
  return TRUE;
}

const char *
crm_direction_to_label (CrmDirection v)
{
  return info_to_label (direction_infos, G_N_ELEMENTS (direction_infos), v);
}

static const EnumInfo deal_stage_infos[] = {
  { CRM_STAGE_NEW, "new", "deal stage", NC_("deal stage", "New") },
  { CRM_STAGE_QUALIFIED, "qualified", "deal stage", NC_("deal stage", "Qualified") },
  { CRM_STAGE_MEETING, "meeting", "deal stage", NC_("deal stage", "Meeting") },
  { CRM_STAGE_PROPOSAL, "proposal", "deal stage", NC_("deal stage", "Proposal") },
  { CRM_STAGE_NEGOTIATION, "negotiation", "deal stage", NC_("deal stage", "Negotiation") },
  { CRM_STAGE_WON, "won", "deal stage", NC_("deal stage", "Won") },
  { CRM_STAGE_LOST, "lost", "deal stage", NC_("deal stage", "Lost") },
};

GType
crm_deal_stage_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmDealStage", deal_stage_infos, G_N_ELEMENTS (deal_stage_infos)));
  return type;
}

const char *
crm_deal_stage_to_string (CrmDealStage v)
{
  return info_to_string (deal_stage_infos, G_N_ELEMENTS (deal_stage_infos), v);
}

gboolean
crm_deal_stage_from_string (const char *s, CrmDealStage *out)
{
  int v;

  if (!info_from_string (deal_stage_infos, G_N_ELEMENTS (deal_stage_infos), s, &v))
    return FALSE;
  *out = (CrmDealStage) v;
  return TRUE;
}

const char *
crm_deal_stage_to_label (CrmDealStage v)
{
  return info_to_label (deal_stage_infos, G_N_ELEMENTS (deal_stage_infos), v);
}

static const EnumInfo complaint_status_infos[] = {
  { CRM_COMPLAINT_OPEN, "open", "complaint status", NC_("complaint status", "Open") },
  { CRM_COMPLAINT_RESOLVED, "resolved", "complaint status", NC_("complaint status", "Resolved") },
  { CRM_COMPLAINT_REJECTED, "rejected", "complaint status", NC_("complaint status", "Rejected") },
};

GType
crm_complaint_status_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("CrmComplaintStatus", complaint_status_infos, G_N_ELEMENTS (complaint_status_infos)));
  return type;
}

const char *
crm_complaint_status_to_string (CrmComplaintStatus v)
{
  return info_to_string (complaint_status_infos, G_N_ELEMENTS (complaint_status_infos), v);
}

gboolean
crm_complaint_status_from_string (const char *s, CrmComplaintStatus *out)
{
  int v;

  if (!info_from_string (complaint_status_infos, G_N_ELEMENTS (complaint_status_infos), s, &v))
    return FALSE;
  *out = (CrmComplaintStatus) v;
  return TRUE;
}

const char *
crm_complaint_status_to_label (CrmComplaintStatus v)
{
  return info_to_label (complaint_status_infos, G_N_ELEMENTS (complaint_status_infos), v);
}

gboolean
crm_deal_stage_is_open (CrmDealStage v)
{
  return v != CRM_STAGE_WON && v != CRM_STAGE_LOST;
}

/* The probability a deal gets when it enters a stage, unless set by hand. */
int
crm_deal_stage_default_probability (CrmDealStage v)
{
  static const int probability[CRM_N_STAGES] = { 10, 20, 40, 60, 80, 100, 0 };
  return probability[CLAMP ((int) v, 0, CRM_N_STAGES - 1)];
}
