/* crm-payment.c — money received from a client
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-payment.h"

G_DEFINE_FINAL_TYPE (CrmPayment, crm_payment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_MANAGER_ID,
  PROP_MANAGER_NAME,
  PROP_DEAL_ID,
  PROP_PAID_ON,
  PROP_AMOUNT,
  PROP_NOTE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CrmPayment *
crm_payment_new (void)
{
  return g_object_new (CRM_TYPE_PAYMENT, NULL);
}

/* A deep copy: editing the copy leaves the original as it was. */
CrmPayment *
crm_payment_copy (CrmPayment *self)
{
  CrmPayment *copy;

  g_return_val_if_fail (CRM_IS_PAYMENT (self), NULL);
  copy = crm_payment_new ();
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->client_name = g_strdup (self->client_name);
  copy->manager_id = self->manager_id;
  copy->manager_name = g_strdup (self->manager_name);
  copy->deal_id = self->deal_id;
  copy->paid_on = g_strdup (self->paid_on);
  copy->amount = self->amount;
  copy->note = g_strdup (self->note);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

static void
crm_payment_finalize (GObject *object)
{
  CrmPayment *self = CRM_PAYMENT (object);

  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_pointer (&self->paid_on, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (crm_payment_parent_class)->finalize (object);
}

static void
crm_payment_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmPayment *self = CRM_PAYMENT (object);

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
    case PROP_PAID_ON:
      g_value_set_string (value, self->paid_on);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
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
crm_payment_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmPayment *self = CRM_PAYMENT (object);

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
    case PROP_PAID_ON:
      g_free (self->paid_on);
      self->paid_on = g_value_dup_string (value);
      break;
    case PROP_AMOUNT:
      self->amount = g_value_get_int64 (value);
      break;
    case PROP_NOTE:
      g_free (self->note);
      self->note = g_value_dup_string (value);
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
crm_payment_class_init (CrmPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_payment_finalize;
  object_class->get_property = crm_payment_get_property;
  object_class->set_property = crm_payment_set_property;

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
  properties[PROP_PAID_ON] =
    g_param_spec_string ("paid-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_payment_init (CrmPayment *self)
{
}
