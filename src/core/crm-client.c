/* crm-client.c — a client: a person or a company
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-client.h"

G_DEFINE_FINAL_TYPE (CrmClient, crm_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_COMPANY,
  PROP_PHONES,
  PROP_EMAILS,
  PROP_ADDRESS,
  PROP_CITY,
  PROP_SOURCE,
  PROP_STATUS,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_TAGS,
  PROP_NOTES,
  PROP_FIRST_PAID_ON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_LAST_CONTACT_AT,
  PROP_REVENUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CrmClient *
crm_client_new (void)
{
  return g_object_new (CRM_TYPE_CLIENT, NULL);
}

/* A deep copy: editing the copy leaves the original as it was. */
CrmClient *
crm_client_copy (CrmClient *self)
{
  CrmClient *copy;

  g_return_val_if_fail (CRM_IS_CLIENT (self), NULL);
  copy = crm_client_new ();
  copy->id = self->id;
  copy->kind = self->kind;
  copy->name = g_strdup (self->name);
  copy->company = g_strdup (self->company);
  copy->phones = g_strdup (self->phones);
  copy->emails = g_strdup (self->emails);
  copy->address = g_strdup (self->address);
  copy->city = g_strdup (self->city);
  copy->source = self->source;
  copy->status = self->status;
  copy->owner_id = self->owner_id;
  copy->owner_name = g_strdup (self->owner_name);
  copy->tags = g_strdupv (self->tags);
  copy->notes = g_strdup (self->notes);
  copy->first_paid_on = g_strdup (self->first_paid_on);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->last_contact_at = self->last_contact_at;
  copy->revenue = self->revenue;
  return copy;
}

static void
crm_client_finalize (GObject *object)
{
  CrmClient *self = CRM_CLIENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->phones, g_free);
  g_clear_pointer (&self->emails, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->owner_name, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->first_paid_on, g_free);

  G_OBJECT_CLASS (crm_client_parent_class)->finalize (object);
}

static void
crm_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmClient *self = CRM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;
    case PROP_PHONES:
      g_value_set_string (value, self->phones);
      break;
    case PROP_EMAILS:
      g_value_set_string (value, self->emails);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_FIRST_PAID_ON:
      g_value_set_string (value, self->first_paid_on);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_LAST_CONTACT_AT:
      g_value_set_int64 (value, self->last_contact_at);
      break;
    case PROP_REVENUE:
      g_value_set_int64 (value, self->revenue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmClient *self = CRM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_COMPANY:
      g_free (self->company);
      self->company = g_value_dup_string (value);
      break;
    case PROP_PHONES:
      g_free (self->phones);
      self->phones = g_value_dup_string (value);
      break;
    case PROP_EMAILS:
      g_free (self->emails);
      self->emails = g_value_dup_string (value);
      break;
    case PROP_ADDRESS:
      g_free (self->address);
      self->address = g_value_dup_string (value);
      break;
    case PROP_CITY:
      g_free (self->city);
      self->city = g_value_dup_string (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_get_enum (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_OWNER_ID:
      self->owner_id = g_value_get_int64 (value);
      break;
    case PROP_OWNER_NAME:
      g_free (self->owner_name);
      self->owner_name = g_value_dup_string (value);
      break;
    case PROP_TAGS:
      g_strfreev (self->tags);
      self->tags = g_value_dup_boxed (value);
      break;
    case PROP_NOTES:
      g_free (self->notes);
      self->notes = g_value_dup_string (value);
      break;
    case PROP_FIRST_PAID_ON:
      g_free (self->first_paid_on);
      self->first_paid_on = g_value_dup_string (value);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;
    case PROP_UPDATED_AT:
      self->updated_at = g_value_get_int64 (value);
      break;
    case PROP_LAST_CONTACT_AT:
      self->last_contact_at = g_value_get_int64 (value);
      break;
    case PROP_REVENUE:
      self->revenue = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_class_init (CrmClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_client_finalize;
  object_class->get_property = crm_client_get_property;
  object_class->set_property = crm_client_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CRM_TYPE_CLIENT_KIND, CRM_CLIENT_PERSON, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONES] =
    g_param_spec_string ("phones", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAILS] =
    g_param_spec_string ("emails", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, CRM_TYPE_CLIENT_SOURCE, CRM_SOURCE_OTHER, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CRM_TYPE_CLIENT_STATUS, CRM_STATUS_LEAD, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_NAME] =
    g_param_spec_string ("owner-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_PAID_ON] =
    g_param_spec_string ("first-paid-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_int64 ("last-contact-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVENUE] =
    g_param_spec_int64 ("revenue", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_client_init (CrmClient *self)
{
  self->kind = CRM_CLIENT_PERSON;
  self->source = CRM_SOURCE_OTHER;
  self->status = CRM_STATUS_LEAD;
}
