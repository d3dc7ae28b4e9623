/* crm-complaint.c — a claim or a return: money a client cost
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-complaint.h"

G_DEFINE_FINAL_TYPE (CrmComplaint, crm_complaint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_MANAGER_ID,
  PROP_MANAGER_NAME,
  PROP_DEAL_ID,
  PROP_OPENED_ON,
  PROP_COST,
  PROP_STATUS,
  PROP_DESCRIPTION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CrmComplaint *
crm_complaint_new (void)
{
  return g_object_new (CRM_TYPE_COMPLAINT, NULL);
}

/* A deep copy: editing the copy leaves the original as it was. */
CrmComplaint *
crm_complaint_copy (CrmComplaint *self)
{
  CrmComplaint *copy;

  g_return_val_if_fail (CRM_IS_COMPLAINT (self), NULL);
  copy = crm_complaint_new ();
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->client_name = g_strdup (self->client_name);
  copy->manager_id = self->manager_id;
  copy->manager_name = g_strdup (self->manager_name);
  copy->deal_id = self->deal_id;
  copy->opened_on = g_strdup (self->opened_on);
  copy->cost = self->cost;
  copy->status = self->status;
  copy->description = g_strdup (self->description);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

static void
crm_complaint_finalize (GObject *object)
{
  CrmComplaint *self = CRM_COMPLAINT (object);

  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_pointer (&self->opened_on, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (crm_complaint_parent_class)->finalize (object);
}

static void
crm_complaint_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmComplaint *self = CRM_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_MANAGER_ID:
      g_value_set_int64 (value, self->manager_id);
      break;
    case PROP_MANAGER_NAME:
      g_value_set_string (value, self->manager_name);
      break;
    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;
    case PROP_OPENED_ON:
      g_value_set_string (value, self->opened_on);
      break;
    case PROP_COST:
      g_value_set_int64 (value, self->cost);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_complaint_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmComplaint *self = CRM_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CLIENT_ID:
      self->client_id = g_value_get_int64 (value);
      break;
    case PROP_CLIENT_NAME:
      g_free (self->client_name);
      self->client_name = g_value_dup_string (value);
      break;
    case PROP_MANAGER_ID:
      self->manager_id = g_value_get_int64 (value);
      break;
    case PROP_MANAGER_NAME:
      g_free (self->manager_name);
      self->manager_name = g_value_dup_string (value);
      break;
    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;
    case PROP_OPENED_ON:
      g_free (self->opened_on);
      self->opened_on = g_value_dup_string (value);
      break;
    case PROP_COST:
      self->cost = g_value_get_int64 (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_value_dup_string (value);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;
    case PROP_UPDATED_AT:
      self->updated_at = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_complaint_class_init (CrmComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_complaint_finalize;
  object_class->get_property = crm_complaint_get_property;
  object_class->set_property = crm_complaint_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANAGER_ID] =
    g_param_spec_int64 ("manager-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANAGER_NAME] =
    g_param_spec_string ("manager-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENED_ON] =
    g_param_spec_string ("opened-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COST] =
    g_param_spec_int64 ("cost", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CRM_TYPE_COMPLAINT_STATUS, CRM_COMPLAINT_OPEN, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_complaint_init (CrmComplaint *self)
{
  self->status = CRM_COMPLAINT_OPEN;
}
