/* crm-activity-text.c — an activity in words, for lists, files and notifications
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-activity-text.h"

char *
crm_activity_get_summary (const CrmActivity *a)
{
  const char *who = a->client_name != NULL && *a->client_name != '\0' ? a->client_name : NULL;

  if (a->title != NULL && *a->title != '\0')
    return g_strdup (a->title);
  if (who == NULL)
    return g_strdup (crm_activity_type_to_label (a->type));
  switch (a->type)
    {
    case CRM_ACTIVITY_CALL:
      /* Translators: an activity without a title of its own, "Call: Acme Ltd" */
      return g_strdup_printf (_("Call: %s"), who);
    case CRM_ACTIVITY_MEETING:
      return g_strdup_printf (_("Meeting: %s"), who);
    case CRM_ACTIVITY_TASK:
    default:
      return g_strdup_printf (_("Task: %s"), who);
    }
}
