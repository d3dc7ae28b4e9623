/* crm-reminders.c — desktop notifications before planned activities
 *
 * Owned by the application while it runs. One GLib timeout waits for the
 * next reminder (reminder_min before a planned activity of the "current
 * manager", or of everybody when the setting names nobody); a change to
 * the activities or the settings reschedules it. Each look reads the
 * activities in a worker thread with its own connection and sends from the
 * main thread. The notification opens
 * the activity or snoozes it for ten minutes (app.open-activity,
 * app.snooze-activity with the key of the activity).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "crm-activity-store.h"
#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-recurrence.h"
#include "crm-reminders.h"
#include "crm-setting-store.h"

#define LOOK_AHEAD   (2 * 86400)     /* reminders are at most a day or so ahead */
#define RECHECK      (6 * 3600)      /* look again at least this often */
#define LATE_MAX     (10 * 60)       /* a reminder missed by more than this is not sent */

struct _CrmReminders {
  GObject       parent_instance;

  GApplication *app;               /* weak */
  CrmDatabase  *db;
  GHashTable   *fired;             /* key → gint64 * when it was due */
  GHashTable   *snoozed;           /* key → gint64 * when it is due again */
  GPtrArray    *sent;
  guint         timeout_id;
  GCancellable *looking;           /* the look in a worker, while it runs */
};

G_DEFINE_FINAL_TYPE (CrmReminders, crm_reminders, G_TYPE_OBJECT)

static void schedule (CrmReminders *self);

char *
crm_reminders_key (const CrmActivity *a)
{
  if (a->id > 0)
    return g_strdup_printf ("a:%" G_GINT64_FORMAT, a->id);
  return g_strdup_printf ("s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a->series_id, a->recurrence_at);
}

CrmActivity *
crm_reminders_lookup (CrmReminders *self, const char *key)
{
  g_return_val_if_fail (CRM_IS_REMINDERS (self), NULL);

  if (g_str_has_prefix (key, "a:"))
    return crm_activity_store_get (self->db, g_ascii_strtoll (key + 2, NULL, 10), NULL);
  if (g_str_has_prefix (key, "s:"))
    {
      char *end = NULL;
      gint64 series = g_ascii_strtoll (key + 2, &end, 10);
      g_autoptr(CrmActivity) master = NULL;

      if (end == NULL || *end != ':')
        return NULL;
      master = crm_activity_store_get (self->db, series, NULL);
      return master != NULL ? crm_recurrence_occurrence (master, g_ascii_strtoll (end + 1, NULL, 10)) : NULL;
    }
  return NULL;
}

static gint64
whose (CrmDatabase *db)
{
  g_autoptr(CrmSettings) settings = crm_setting_store_load (db, NULL);
  return settings != NULL ? settings->current_manager_id : 0;
}

/* The planned activities whose reminders may fall due around @now. */
static GPtrArray *
list_around (CrmDatabase *db, gint64 now, GError **error)
{
  return crm_activity_store_list_reminders (db, whose (db), now - LATE_MAX, now + LOOK_AHEAD, error);
}

static void
notify (CrmReminders *self, CrmActivity *a, const char *key, gint64 now)
{
  g_autoptr(GNotification) n = NULL;
  g_autofree char *summary = crm_activity_get_summary (a);
  g_autofree char *time = crm_calendar_format_time (a->starts_at);
  g_autofree char *body = NULL;
  int minutes = (int) ((a->starts_at - now + 59) / 60);

  if (minutes > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Starts in %d minute, at %s", "Starts in %d minutes, at %s",
                                         minutes), minutes, time);
  else
    body = g_strdup_printf (_("Started at %s"), time);
  if (a->location != NULL && *a->location != '\0')
    {
      g_autofree char *with_place = g_strdup_printf ("%s\n%s", body, a->location);
      g_free (body);
      body = g_steal_pointer (&with_place);
    }
  g_ptr_array_add (self->sent, g_strdup (key));
  if (self->app == NULL || !g_application_get_is_registered (self->app))
    return;
  n = g_notification_new (summary);
  g_notification_set_body (n, body);
  g_notification_set_priority (n, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (n, "app.open-activity", "s", key);
  g_notification_add_button_with_target (n, _("Open"), "app.open-activity", "s", key);
  g_notification_add_button_with_target (n, _("Snooze 10 Minutes"), "app.snooze-activity", "s", key);
  g_application_send_notification (self->app, key, n);
}

/* Sends the reminders of @list due by @now; returns when the next one falls
 * due (0: none in sight). */
static gint64
send_due (CrmReminders *self, GPtrArray *list, gint64 now)
{
  gint64 next = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CrmActivity *a = list->pdata[i];
      g_autofree char *key = crm_reminders_key (a);
      gint64 *snoozed = g_hash_table_lookup (self->snoozed, key);
      gint64 *fired = g_hash_table_lookup (self->fired, key);
      gint64 due = snoozed != NULL ? *snoozed : a->starts_at - (gint64) a->reminder_min * 60;

      if (fired != NULL && *fired == due)
        continue;
      if (due <= now)
        {
          /* Missed while the app was not running: only if still useful. */
          if (now - due <= LATE_MAX || a->starts_at > now)
            notify (self, a, key, now);
          g_hash_table_insert (self->fired, g_strdup (key), g_memdup2 (&due, sizeof due));
        }
      else if (next == 0 || due < next)
        next = due;
    }
  return next;
}

gint64
crm_reminders_check (CrmReminders *self, gint64 now)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (CRM_IS_REMINDERS (self), 0);
  list = list_around (self->db, now, NULL);
  return send_due (self, list, now);
}

void
crm_reminders_snooze (CrmReminders *self, const char *key, gint64 now, int minutes)
{
  gint64 due = now + (gint64) minutes * 60;

  g_return_if_fail (CRM_IS_REMINDERS (self));
  g_hash_table_insert (self->snoozed, g_strdup (key), g_memdup2 (&due, sizeof due));
  if (self->app != NULL && g_application_get_is_registered (self->app))
    g_application_withdraw_notification (self->app, key);
  schedule (self);
}

GPtrArray *
crm_reminders_get_sent (CrmReminders *self)
{
  g_return_val_if_fail (CRM_IS_REMINDERS (self), NULL);
  return self->sent;
}

static gboolean
timeout_cb (gpointer user_data)
{
  CrmReminders *self = user_data;

  self->timeout_id = 0;
  schedule (self);
  return G_SOURCE_REMOVE;
}

static void
wait_for_next (CrmReminders *self, gint64 now, gint64 next)
{
  gint64 wait = next > 0 ? MIN (next - now, RECHECK) : RECHECK;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds ((guint) CLAMP (wait, 1, RECHECK), timeout_cb, self);
}

typedef struct {
  char   *path;
  gint64  now;
} Look;

static void
look_free (Look *look)
{
  g_free (look->path);
  g_free (look);
}

static void
look_in_worker (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Look *look = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (look->path, CRM_DATABASE_FLAGS_READ_ONLY | CRM_DATABASE_FLAGS_NO_CREATE,
                                                 cancellable, &error);
  GPtrArray *list = db != NULL ? list_around (db, look->now, &error) : NULL;

  if (list != NULL)
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
looked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmReminders *self = user_data;       /* not touched once cancelled */
  Look *look = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;                     /* a newer look, a change since, or the end */
  g_clear_object (&self->looking);
  list = g_task_propagate_pointer (G_TASK (result), &error);
  if (list == NULL)
    {
      /* The worker could not read (the file moved?): the main connection can. */
      g_debug ("Reminders read in the window's thread: %s", error != NULL ? error->message : "no list");
      wait_for_next (self, look->now, crm_reminders_check (self, look->now));
      return;
    }
  wait_for_next (self, look->now, send_due (self, list, look->now));
}

/* A look under way reads what was there before a change: it is dropped. */
static void
stop_looking (CrmReminders *self)
{
  if (self->looking != NULL)
    g_cancellable_cancel (self->looking);
  g_clear_object (&self->looking);
}

/* Looks for reminders now: the activities are read in a worker with its own
 * connection (some 15 ms on the scale data set, a frame the window would
 * drop after every change to an activity), then sent from here. */
static void
schedule (CrmReminders *self)
{
  g_autoptr(GTask) task = NULL;
  Look *look;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_looking (self);
  self->looking = g_cancellable_new ();
  look = g_new0 (Look, 1);
  look->path = g_strdup (crm_database_get_path (self->db));
  look->now = g_get_real_time () / G_USEC_PER_SEC;
  /* No reference on self: dispose (in the main thread) cancels the look,
   * and looked_cb touches nothing once it is cancelled. */
  task = g_task_new (NULL, self->looking, looked_cb, self);
  g_task_set_task_data (task, look, (GDestroyNotify) look_free);
  g_task_run_in_thread (task, look_in_worker);
}

/* The next look, in a second: a burst of changes (an import, a week's
 * activities moved) is looked at once, and the window's first frame does
 * not wait for the first look (some 15 ms on the scale data set). */
static void
schedule_soon (CrmReminders *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_looking (self);
  self->timeout_id = g_timeout_add_seconds (1, timeout_cb, self);
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmReminders *self)
{
  if (table == NULL || g_str_equal (table, "activity") || g_str_equal (table, "setting"))
    schedule_soon (self);
}

CrmReminders *
crm_reminders_new (GApplication *app, CrmDatabase *db)
{
  CrmReminders *self = g_object_new (CRM_TYPE_REMINDERS, NULL);

  self->db = g_object_ref (db);
  self->app = app;
  if (app != NULL)
    g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &self->app);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self, 0);
  schedule_soon (self);
  return self;
}

static void
crm_reminders_dispose (GObject *object)
{
  CrmReminders *self = CRM_REMINDERS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_looking (self);
  if (self->app != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->app), (gpointer *) &self->app);
  self->app = NULL;
  g_clear_object (&self->db);
  G_OBJECT_CLASS (crm_reminders_parent_class)->dispose (object);
}

static void
crm_reminders_finalize (GObject *object)
{
  CrmReminders *self = CRM_REMINDERS (object);

  g_hash_table_unref (self->fired);
  g_hash_table_unref (self->snoozed);
  g_ptr_array_unref (self->sent);
  G_OBJECT_CLASS (crm_reminders_parent_class)->finalize (object);
}

static void
crm_reminders_class_init (CrmRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_reminders_dispose;
  object_class->finalize = crm_reminders_finalize;
}

static void
crm_reminders_init (CrmReminders *self)
{
  self->fired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->snoozed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sent = g_ptr_array_new_with_free_func (g_free);
}
