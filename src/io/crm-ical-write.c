/* crm-ical-write.c — activities as an iCalendar file
 *
 * Each activity becomes a VEVENT built with libical. A single activity is
 * written in UTC, a series in its zone (TZID with the zone's VTIMEZONE, so
 * that other programs keep its local hour across DST), an all-day one as
 * dates. A detached occurrence is a VEVENT with the series' UID and a
 * RECURRENCE-ID. The reminder is a VALARM.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-activity-store.h"
#include "crm-activity-text.h"
#include "crm-ical-private.h"
#include "crm-io-private.h"
#include "crm-recurrence-private.h"

typedef struct {
  CrmDatabase   *db;
  GOutputStream *out;
  GCancellable  *cancellable;
  GString       *buffer;
  guint          n;
  char          *local_tzid;
  struct icaltimetype stamp;
} Writer;

static gboolean
flush (Writer *w, gboolean all, GError **error)
{
  if (w->buffer->len == 0 || (!all && w->buffer->len < 64 * 1024))
    return TRUE;
  if (!g_output_stream_write_all (w->out, w->buffer->str, w->buffer->len, NULL, w->cancellable, error))
    return FALSE;
  g_string_truncate (w->buffer, 0);
  return TRUE;
}

/* ---- times -------------------------------------------------------------- */

static struct icaltimetype
utc_time (gint64 t)
{
  return icaltime_from_timet_with_zone ((time_t) t, 0, icaltimezone_get_utc_timezone ());
}

/* The wall clock (or the date) of @t in the zone @tzid (NULL: local). */
static struct icaltimetype
zone_time (gint64 t, const char *tzid, gboolean date_only)
{
  g_autoptr(GTimeZone) tz = crm_recurrence_zone (tzid);
  return crm_recurrence_wall_from_unix (t, tz, date_only);
}

/* A DTSTART-like property for @t: a date, a wall clock with TZID, or UTC. */
static icalproperty *
time_property (icalproperty *prop, void (*set) (icalproperty *, struct icaltimetype),
               gint64 t, gboolean all_day, const char *tzid)
{
  if (all_day)
    set (prop, zone_time (t, NULL, TRUE));
  else if (tzid != NULL)
    {
      set (prop, zone_time (t, tzid, FALSE));
      icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
    }
  else
    set (prop, utc_time (t));
  return prop;
}

/* ---- properties --------------------------------------------------------- */

/* libical escapes the backslash and the line break of an X- value; the
 * reader undoes exactly that. */
static void
add_x (icalcomponent *comp, const char *name, const char *value)
{
  icalproperty *p;

  if (value == NULL)
    return;
  p = icalproperty_new_x (value);
  icalproperty_set_x_name (p, name);
  icalcomponent_add_property (comp, p);
}

static void
add_alarm (icalcomponent *event, CrmActivity *a, const char *summary)
{
  icalcomponent *alarm;
  struct icaltriggertype trigger = { icaltime_null_time (), icaldurationtype_from_int (-a->reminder_min * 60) };

  if (a->reminder_min < 0)
    return;
  alarm = icalcomponent_new_valarm ();
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_component (event, alarm);
}

static void
add_exdates (Writer *w, icalcomponent *event, CrmActivity *a, const char *tzid)
{
  g_autoptr(GArray) excluded = crm_exdates_parse (a->exdates);
  g_autoptr(GArray) detached = crm_activity_store_detached_times (w->db, a->id, NULL);

  for (guint i = 0; i < excluded->len; i++)
    {
      gint64 t = g_array_index (excluded, gint64, i);
      gboolean replaced = FALSE;

      /* An occurrence changed rather than removed is written as its own
       * VEVENT with a RECURRENCE-ID, not excluded. */
      for (guint k = 0; detached != NULL && k < detached->len && !replaced; k++)
        replaced = g_array_index (detached, gint64, k) == t;
      if (!replaced)
        icalcomponent_add_property (event, time_property (icalproperty_new (ICAL_EXDATE_PROPERTY),
                                                          icalproperty_set_exdate, t, a->all_day, tzid));
    }
}

static gboolean
write_activity (CrmActivity *a, const CrmSeriesInfo *series, gpointer user_data, GError **error)
{
  Writer *w = user_data;
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *summary = crm_activity_get_summary (a);
  const char *zone = NULL;
  char *text;

  if (a->rrule != NULL)
    zone = a->tzid != NULL ? a->tzid : w->local_tzid;
  else if (series != NULL)
    zone = series->tzid != NULL ? series->tzid : w->local_tzid;
  /* UTC is written as UTC ("Z"), which needs no VTIMEZONE. */
  if (g_strcmp0 (zone, "UTC") == 0)
    zone = NULL;

  if (series != NULL)
    {
      g_autofree char *derived = g_strdup_printf ("%s#%" G_GINT64_FORMAT, series->uid, a->recurrence_at);
      icalcomponent_set_uid (event, series->uid);
      icalcomponent_add_property (event, time_property (icalproperty_new (ICAL_RECURRENCEID_PROPERTY),
                                                        icalproperty_set_recurrenceid, a->recurrence_at,
                                                        series->all_day, zone));
      if (g_strcmp0 (derived, a->uid) != 0)
        add_x (event, "X-SALESCRM-UID", a->uid);
    }
  else
    icalcomponent_set_uid (event, a->uid);
  icalcomponent_add_property (event, icalproperty_new_dtstamp (w->stamp));
  if (a->created_at > 0)
    icalcomponent_add_property (event, icalproperty_new_created (utc_time (a->created_at)));
  if (a->updated_at > 0)
    icalcomponent_add_property (event, icalproperty_new_lastmodified (utc_time (a->updated_at)));

  icalcomponent_add_property (event, time_property (icalproperty_new (ICAL_DTSTART_PROPERTY),
                                                    icalproperty_set_dtstart, a->starts_at, a->all_day, zone));
  if (a->all_day)
    {
      struct icaltimetype end = zone_time (a->starts_at, NULL, TRUE);
      icaltime_adjust (&end, MAX (1, a->duration_min / (24 * 60)), 0, 0, 0);
      icalcomponent_add_property (event, icalproperty_new_dtend (end));
    }
  else
    icalcomponent_add_property (event, time_property (icalproperty_new (ICAL_DTEND_PROPERTY),
                                                      icalproperty_set_dtend,
                                                      a->starts_at + (gint64) a->duration_min * 60, FALSE, zone));
  if (a->rrule != NULL)
    {
      struct icalrecurrencetype r = icalrecurrencetype_from_string (a->rrule);
      icalerror_clear_errno ();
      if (r.freq != ICAL_NO_RECURRENCE)
        icalcomponent_add_property (event, icalproperty_new_rrule (r));
      add_exdates (w, event, a, zone);
    }

  icalcomponent_set_summary (event, summary);
  if (a->outcome != NULL && *a->outcome != '\0')
    icalcomponent_set_description (event, a->outcome);
  if (a->location != NULL && *a->location != '\0')
    icalcomponent_set_location (event, a->location);
  icalcomponent_set_status (event, a->state == CRM_STATE_CANCELLED ? ICAL_STATUS_CANCELLED
                                                                   : ICAL_STATUS_CONFIRMED);
  add_x (event, "X-SALESCRM-TYPE", crm_activity_type_to_string (a->type));
  add_x (event, "X-SALESCRM-STATE", crm_activity_state_to_string (a->state));
  /* The summary of an activity without a title is made up: say so, so
   * that it comes back without one. */
  if (a->title == NULL || *a->title == '\0')
    add_x (event, "X-SALESCRM-UNTITLED", "TRUE");
  add_x (event, "X-SALESCRM-DIRECTION", crm_direction_to_string (a->direction));
  add_x (event, "X-SALESCRM-MANAGER", a->manager_name);
  if (a->client_name != NULL && *a->client_name != '\0')
    add_x (event, "X-SALESCRM-CLIENT", a->client_name);
  add_alarm (event, a, summary);

  text = icalcomponent_as_ical_string_r (event);
  g_string_append (w->buffer, text);
  icalmemory_free_buffer (text);
  icalcomponent_free (event);
  icalerror_clear_errno ();
  w->n++;
  return flush (w, FALSE, error);
}

/* The zone's definition from libical's data, under the plain name the
 * events use. */
static void
write_vtimezone (Writer *w, const char *tzid)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);
  icalcomponent *comp;
  icalproperty *id;
  char *text;

  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    {
      icalerror_clear_errno ();
      return;
    }
  comp = icalcomponent_new_clone (icaltimezone_get_component (zone));
  id = icalcomponent_get_first_property (comp, ICAL_TZID_PROPERTY);
  if (id != NULL)
    icalproperty_set_tzid (id, tzid);
  text = icalcomponent_as_ical_string_r (comp);
  g_string_append (w->buffer, text);
  icalmemory_free_buffer (text);
  icalcomponent_free (comp);
}

gboolean
crm_ical_write (CrmDatabase *db, GOutputStream *out, gint64 manager_id, gint64 from, gint64 to,
                guint *n_events, GCancellable *cancellable, GError **error)
{
  Writer w = { db, out, cancellable, g_string_sized_new (128 * 1024), 0, crm_recurrence_local_tzid () };
  g_auto(GStrv) zones = crm_activity_store_series_zones (db, manager_id, error);
  gboolean ok;

  if (zones == NULL)
    {
      g_string_free (w.buffer, TRUE);
      g_free (w.local_tzid);
      return FALSE;
    }
  w.stamp = utc_time (g_get_real_time () / G_USEC_PER_SEC);
  g_string_append (w.buffer,
                   "BEGIN:VCALENDAR\r\n"
                   "VERSION:2.0\r\n"
                   "PRODID:-//SalesCRM//SalesCRM " PACKAGE_VERSION "//EN\r\n"
                   "CALSCALE:GREGORIAN\r\n"
                   "METHOD:PUBLISH\r\n");
  for (guint i = 0; zones[i] != NULL; i++)
    {
      const char *zone = zones[i][0] != '\0' ? zones[i] : w.local_tzid;
      if (zone != NULL && g_strcmp0 (zone, "UTC") != 0 &&
          (zones[i][0] != '\0' || !g_strv_contains ((const char * const *) zones, zone)))
        write_vtimezone (&w, zone);
    }

  ok = crm_activity_store_export (db, manager_id, from, to, write_activity, &w, error);
  if (ok)
    {
      g_string_append (w.buffer, "END:VCALENDAR\r\n");
      ok = flush (&w, TRUE, error);
    }
  if (ok && n_events != NULL)
    *n_events = w.n;
  g_string_free (w.buffer, TRUE);
  g_free (w.local_tzid);
  return ok;
}

gboolean
crm_ical_export_ics (CrmDatabase *db, const char *path, gint64 manager_id, gint64 from, gint64 to,
                     guint *n_events, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  /* Written next to the file and renamed over it when complete: a failed
   * export leaves the old file as it was. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      g_autofree char *name = crm_io_display_name (path);
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  if (!crm_ical_write (db, G_OUTPUT_STREAM (stream), manager_id, from, to, n_events, NULL, error))
    {
      /* Closing a cancelled replace stream keeps the old file. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_autofree char *name = crm_io_display_name (path);
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
