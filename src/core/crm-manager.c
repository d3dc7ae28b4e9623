/* crm-manager.c — a sales manager
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-manager.h"

G_DEFINE_FINAL_TYPE (CrmManager, crm_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ACTIVE,
  PROP_HIRED_ON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CrmManager *
crm_manager_new (void)
{
  return g_object_new (CRM_TYPE_MANAGER, NULL);
}

/* A deep copy: editing the copy leaves the original as it was. */
CrmManager *
crm_manager_copy (CrmManager *self)
{
  CrmManager *copy;

  g_return_val_if_fail (CRM_IS_MANAGER (self), NULL);
  copy = crm_manager_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->active = self->active;
  copy->hired_on = g_strdup (self->hired_on);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

static void
crm_manager_finalize (GObject *object)
{
  CrmManager *self = CRM_MANAGER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->hired_on, g_free);

  G_OBJECT_CLASS (crm_manager_parent_class)->finalize (object);
}

static void
crm_manager_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmManager *self = CRM_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_HIRED_ON:
      g_value_set_string (value, self->hired_on);
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
crm_manager_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmManager *self = CRM_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_EMAIL:
      g_free (self->email);
      self->email = g_value_dup_string (value);
      break;
    case PROP_PHONE:
      g_free (self->phone);
      self->phone = g_value_dup_string (value);
      break;
    case PROP_ACTIVE:
      self->active = g_value_get_boolean (value);
      break;
    case PROP_HIRED_ON:
      g_free (self->hired_on);
      self->hired_on = g_value_dup_string (value);
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
crm_manager_class_init (CrmManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_manager_finalize;
  object_class->get_property = crm_manager_get_property;
  object_class->set_property = crm_manager_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIRED_ON] =
    g_param_spec_string ("hired-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_manager_init (CrmManager *self)
{
  self->active = TRUE;
}
