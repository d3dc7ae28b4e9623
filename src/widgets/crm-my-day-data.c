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
#include "crm-manager-store.h"
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

/* The active manager with the most activities today (the first by name
 * among equals, or when nobody has any): whose day is worth showing when
 * nobody was chosen. */
static gint64
busiest_manager (CrmDatabase *db, GPtrArray *managers, gint64 from, gint64 to, GError **error)
{
  g_autoptr(GPtrArray) today = crm_activity_store_list_occurrences (db, 0, from, to, error);
  g_autoptr(GHashTable) counts = NULL;
  gint64 best = 0;
  guint best_count = 0;

  if (today == NULL)
    return -1;
  counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < today->len; i++)
    {
      CrmActivity *a = today->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &a->manager_id));
      g_hash_table_insert (counts, &a->manager_id, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < managers->len; i++)
    {
      CrmManager *m = managers->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &m->id));

      if (best == 0 || n > best_count)
        {
          best = m->id;
          best_count = n;
        }
    }
  return best;
}

gboolean
crm_my_day_data_load (CrmMyDayData *data, GCancellable *cancellable, GError **error)
{
  g_autoptr(CrmDatabase) db = crm_database_new (data->db_path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, error);
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  GDate tomorrow = data->today;
  gint64 midnight = crm_calendar_local_time (&data->today, 0);

  if (db == NULL)
    return FALSE;
  g_date_add_days (&tomorrow, 1);
  managers = crm_manager_store_list (db, FALSE, error);
  if (managers == NULL)
    return FALSE;
  data->n_managers = managers->len;
  if (managers->len == 0)
    return TRUE;
  if (data->manager_id <= 0)
    data->manager_id = busiest_manager (db, managers, midnight, crm_calendar_local_time (&tomorrow, 0), error);
  if (data->manager_id < 0)
    return FALSE;
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
