/* crm-deal.c — a deal in the pipeline
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-deal.h"

G_DEFINE_FINAL_TYPE (CrmDeal, crm_deal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_MANAGER_ID,
  PROP_MANAGER_NAME,
  PROP_TITLE,
  PROP_AMOUNT,
  PROP_STAGE,
  PROP_PROBABILITY,
  PROP_EXPECTED_CLOSE,
  PROP_STAGE_CHANGED_AT,
  PROP_CLOSED_ON,
  PROP_LOST_REASON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CrmDeal *
crm_deal_new (void)
{
  return g_object_new (CRM_TYPE_DEAL, NULL);
}

/* A deep copy: editing the copy leaves the original as it was. */
CrmDeal *
crm_deal_copy (CrmDeal *self)
{
  CrmDeal *copy;

  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);
  copy = crm_deal_new ();
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->client_name = g_strdup (self->client_name);
  copy->manager_id = self->manager_id;
  copy->manager_name = g_strdup (self->manager_name);
  copy->title = g_strdup (self->title);
  copy->amount = self->amount;
  copy->stage = self->stage;
  copy->probability = self->probability;
  copy->expected_close = g_strdup (self->expected_close);
  copy->stage_changed_at = self->stage_changed_at;
  copy->closed_on = g_strdup (self->closed_on);
  copy->lost_reason = g_strdup (self->lost_reason);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

static void
crm_deal_finalize (GObject *object)
{
  CrmDeal *self = CRM_DEAL (object);

  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->expected_close, g_free);
  g_clear_pointer (&self->closed_on, g_free);
  g_clear_pointer (&self->lost_reason, g_free);

  G_OBJECT_CLASS (crm_deal_parent_class)->finalize (object);
}

static void
crm_deal_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmDeal *self = CRM_DEAL (object);

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
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_PROBABILITY:
      g_value_set_int (value, self->probability);
      break;
    case PROP_EXPECTED_CLOSE:
      g_value_set_string (value, self->expected_close);
      break;
    case PROP_STAGE_CHANGED_AT:
      g_value_set_int64 (value, self->stage_changed_at);
      break;
    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;
    case PROP_LOST_REASON:
      g_value_set_string (value, self->lost_reason);
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
crm_deal_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmDeal *self = CRM_DEAL (object);

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
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_AMOUNT:
      self->amount = g_value_get_int64 (value);
      break;
    case PROP_STAGE:
      self->stage = g_value_get_enum (value);
      break;
    case PROP_PROBABILITY:
      self->probability = g_value_get_int (value);
      break;
    case PROP_EXPECTED_CLOSE:
      g_free (self->expected_close);
      self->expected_close = g_value_dup_string (value);
      break;
    case PROP_STAGE_CHANGED_AT:
      self->stage_changed_at = g_value_get_int64 (value);
      break;
    case PROP_CLOSED_ON:
      g_free (self->closed_on);
      self->closed_on = g_value_dup_string (value);
      break;
    case PROP_LOST_REASON:
      g_free (self->lost_reason);
      self->lost_reason = g_value_dup_string (value);
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
crm_deal_class_init (CrmDealClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_deal_finalize;
  object_class->get_property = crm_deal_get_property;
  object_class->set_property = crm_deal_set_property;

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
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, CRM_TYPE_DEAL_STAGE, CRM_STAGE_NEW, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", NULL, NULL, G_MININT, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPECTED_CLOSE] =
    g_param_spec_string ("expected-close", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_CHANGED_AT] =
    g_param_spec_int64 ("stage-changed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOST_REASON] =
    g_param_spec_string ("lost-reason", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_deal_init (CrmDeal *self)
{
  self->stage = CRM_STAGE_NEW;
}
