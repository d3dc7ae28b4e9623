/* crm-my-day-data.c — what "My day" shows, read in a worker thread
 *
 * The follow-ups look at every client and open deal of the manager: on the
 * scale data set (thousands of clients a manager) that is a tenth of a
 * second or more, too long for the window's thread.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-activity-store.h"
#include "crm-agenda-store.h"
#include "crm-calendar-layout.h"
#include "crm-my-day-data.h"
#include "crm-recurrence.h"

/* How far back the missed occurrences of a series count as overdue. */
#define SERIES_OVERDUE_DAYS 14

void
crm_my_day_data_free (CrmMyDayData *data)
{
  if (data == NULL)
    return;
  g_free (data->db_path);
  g_clear_pointer (&data->agenda, g_ptr_array_unref);
  g_clear_pointer (&data->overdue, g_ptr_array_unref);
  g_clear_pointer (&data->clients, g_ptr_array_unref);
  g_clear_pointer (&data->deals, g_ptr_array_unref);
  g_free (data);
}

static int
latest_first (gconstpointer pa, gconstpointer pb)
{
  const CrmActivity *a = *(CrmActivity * const *) pa;
  const CrmActivity *b = *(CrmActivity * const *) pb;

  return a->starts_at < b->starts_at ? 1 : a->starts_at > b->starts_at ? -1 : 0;
}

gboolean
crm_my_day_data_load (CrmMyDayData *data, GCancellable *cancellable, GError **error)
{
  g_autoptr(CrmDatabase) db = crm_database_new (data->db_path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, error);
  g_autoptr(GPtrArray) recent = NULL;
  GDate tomorrow = data->today;
  gint64 midnight = crm_calendar_local_time (&data->today, 0);

  if (db == NULL)
    return FALSE;
  g_date_add_days (&tomorrow, 1);
  data->agenda = crm_activity_store_list_occurrences (db, data->manager_id, midnight,
                                                      crm_calendar_local_time (&tomorrow, 0), error);
  if (data->agenda == NULL)
    return FALSE;

  data->overdue = crm_activity_store_list_overdue (db, data->manager_id, midnight, 200, error);
  recent = data->overdue != NULL
           ? crm_activity_store_list_occurrences (db, data->manager_id, midnight - SERIES_OVERDUE_DAYS * 86400,
                                                  midnight, error)
           : NULL;
  if (recent == NULL)
    return FALSE;
  /* The occurrences of a series missed lately are late too. */
  for (guint i = 0; i < recent->len; i++)
    {
      CrmActivity *o = recent->pdata[i];
      if (crm_activity_is_occurrence (o) && crm_activity_is_overdue (o, midnight))
        g_ptr_array_add (data->overdue, g_object_ref (o));
    }
  g_ptr_array_sort (data->overdue, latest_first);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  data->clients = crm_agenda_store_clients_due (db, data->manager_id, data->now, data->follow_up_days,
                                                CRM_MY_DAY_MAX_ROWS, &data->clients_total, error);
  if (data->clients == NULL)
    return FALSE;
  data->deals = crm_agenda_store_stuck_deals (db, data->manager_id, data->now, data->stuck_days,
                                              CRM_MY_DAY_MAX_ROWS, &data->deals_total, error);
  return data->deals != NULL;
}
