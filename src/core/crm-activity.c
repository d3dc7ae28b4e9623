/* crm-activity.c — a call, a meeting or a task
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-activity.h"

G_DEFINE_FINAL_TYPE (CrmActivity, crm_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TYPE,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_MANAGER_ID,
  PROP_MANAGER_NAME,
  PROP_DEAL_ID,
  PROP_TITLE,
  PROP_STARTS_AT,
  PROP_DURATION_MIN,
  PROP_ALL_DAY,
  PROP_DIRECTION,
  PROP_STATE,
  PROP_OUTCOME,
  PROP_LOCATION,
  PROP_REMINDER_MIN,
  PROP_RRULE,
  PROP_EXDATES,
  PROP_TZID,
  PROP_SERIES_ID,
  PROP_RECURRENCE_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CrmActivity *
crm_activity_new (void)
{
  return g_object_new (CRM_TYPE_ACTIVITY, NULL);
}

/* A deep copy: editing the copy leaves the original as it was. */
CrmActivity *
crm_activity_copy (CrmActivity *self)
{
  CrmActivity *copy;

  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);
  copy = crm_activity_new ();
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->type = self->type;
  copy->client_id = self->client_id;
  copy->client_name = g_strdup (self->client_name);
  copy->manager_id = self->manager_id;
  copy->manager_name = g_strdup (self->manager_name);
  copy->deal_id = self->deal_id;
  copy->title = g_strdup (self->title);
  copy->starts_at = self->starts_at;
  copy->duration_min = self->duration_min;
  copy->all_day = self->all_day;
  copy->direction = self->direction;
  copy->state = self->state;
  copy->outcome = g_strdup (self->outcome);
  copy->location = g_strdup (self->location);
  copy->reminder_min = self->reminder_min;
  copy->rrule = g_strdup (self->rrule);
  copy->exdates = g_strdup (self->exdates);
  copy->tzid = g_strdup (self->tzid);
  copy->series_id = self->series_id;
  copy->recurrence_at = self->recurrence_at;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

static void
crm_activity_finalize (GObject *object)
{
  CrmActivity *self = CRM_ACTIVITY (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->exdates, g_free);
  g_clear_pointer (&self->tzid, g_free);

  G_OBJECT_CLASS (crm_activity_parent_class)->finalize (object);
}

static void
crm_activity_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmActivity *self = CRM_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_TYPE:
      g_value_set_enum (value, self->type);
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
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STARTS_AT:
      g_value_set_int64 (value, self->starts_at);
      break;
    case PROP_DURATION_MIN:
      g_value_set_int (value, self->duration_min);
      break;
    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_REMINDER_MIN:
      g_value_set_int (value, self->reminder_min);
      break;
    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;
    case PROP_EXDATES:
      g_value_set_string (value, self->exdates);
      break;
    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;
    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;
    case PROP_RECURRENCE_AT:
      g_value_set_int64 (value, self->recurrence_at);
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
crm_activity_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmActivity *self = CRM_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_UID:
      g_free (self->uid);
      self->uid = g_value_dup_string (value);
      break;
    case PROP_TYPE:
      self->type = g_value_get_enum (value);
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
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_STARTS_AT:
      self->starts_at = g_value_get_int64 (value);
      break;
    case PROP_DURATION_MIN:
      self->duration_min = g_value_get_int (value);
      break;
    case PROP_ALL_DAY:
      self->all_day = g_value_get_boolean (value);
      break;
    case PROP_DIRECTION:
      self->direction = g_value_get_enum (value);
      break;
    case PROP_STATE:
      self->state = g_value_get_enum (value);
      break;
    case PROP_OUTCOME:
      g_free (self->outcome);
      self->outcome = g_value_dup_string (value);
      break;
    case PROP_LOCATION:
      g_free (self->location);
      self->location = g_value_dup_string (value);
      break;
    case PROP_REMINDER_MIN:
      self->reminder_min = g_value_get_int (value);
      break;
    case PROP_RRULE:
      g_free (self->rrule);
      self->rrule = g_value_dup_string (value);
      break;
    case PROP_EXDATES:
      g_free (self->exdates);
      self->exdates = g_value_dup_string (value);
      break;
    case PROP_TZID:
      g_free (self->tzid);
      self->tzid = g_value_dup_string (value);
      break;
    case PROP_SERIES_ID:
      self->series_id = g_value_get_int64 (value);
      break;
    case PROP_RECURRENCE_AT:
      self->recurrence_at = g_value_get_int64 (value);
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
crm_activity_class_init (CrmActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_activity_finalize;
  object_class->get_property = crm_activity_get_property;
  object_class->set_property = crm_activity_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL, CRM_TYPE_ACTIVITY_TYPE, CRM_ACTIVITY_CALL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
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
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTS_AT] =
    g_param_spec_int64 ("starts-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION_MIN] =
    g_param_spec_int ("duration-min", NULL, NULL, G_MININT, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, CRM_TYPE_DIRECTION, CRM_DIRECTION_NONE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CRM_TYPE_ACTIVITY_STATE, CRM_STATE_PLANNED, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMINDER_MIN] =
    g_param_spec_int ("reminder-min", NULL, NULL, G_MININT, G_MAXINT, -1, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RRULE] =
    g_param_spec_string ("rrule", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXDATES] =
    g_param_spec_string ("exdates", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECURRENCE_AT] =
    g_param_spec_int64 ("recurrence-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_activity_init (CrmActivity *self)
{
  self->type = CRM_ACTIVITY_CALL;
  self->direction = CRM_DIRECTION_NONE;
  self->state = CRM_STATE_PLANNED;
  self->reminder_min = -1;
}
