/* crm-ical-read.c — iCalendar events into activities
 *
 * Each VEVENT (and VTODO, as a task) is parsed alone by libical; its times
 * become UTC seconds through the zone its TZID names: a zone GLib knows
 * (also behind the prefixes Evolution and Thunderbird put before it, or
 * Outlook's Windows name), else the file's VTIMEZONE, else the local zone
 * with a warning. An all-day event starts at the local midnight of its day.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-activity-store.h"
#include "crm-ical-private.h"
#include "crm-io-private.h"
#include "crm-recurrence.h"
#include "crm-setting-store.h"

#define MAX_REMINDER_MIN (28 * 24 * 60)

typedef struct {
  const char    *file;
  CrmIcalReport *report;
  GHashTable    *vzones;       /* TZID → icaltimezone * of the file's VTIMEZONEs */
  GTimeZone     *local;
  GPtrArray     *items;        /* CrmActivityImportItem */
  GHashTable    *by_uid;       /* uid → index in items */
} Reader;

typedef struct {
  char         *olson;         /* a zone GLib knows */
  icaltimezone *vzone;         /* else the file's definition */
  gboolean      floating;      /* no TZID: local time */
  gboolean      unknown;       /* a TZID nobody defines */
} Zone;

static void
problem (Reader *r, CrmImportSeverity severity, guint line, char *message)
{
  crm_ical_report_add (r->report, severity, r->file, line, message);
}

/* ---- text --------------------------------------------------------------- */

/* An X- value is kept as written: undo the TEXT escapes ourselves. */
static char *
unescape_text (const char *value)
{
  GString *s = g_string_new (NULL);

  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (s, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static char *
x_value (const CrmIcalBlock *block, const char *name)
{
  const char *raw = crm_ical_block_find (block, name, 0, NULL);
  return raw != NULL ? unescape_text (raw) : NULL;
}

/* ---- zones and times ---------------------------------------------------- */

static void
zone_clear (Zone *z)
{
  g_clear_pointer (&z->olson, g_free);
  memset (z, 0, sizeof *z);
}

static void
resolve_zone (Reader *r, icalproperty *prop, Zone *z)
{
  icalparameter *param = prop != NULL ? icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER) : NULL;
  const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;

  memset (z, 0, sizeof *z);
  if (tzid == NULL || *tzid == '\0')
    {
      z->floating = TRUE;
      return;
    }
  z->olson = crm_ical_olson_name (tzid);
  z->vzone = g_hash_table_lookup (r->vzones, tzid);
  if (z->olson == NULL && z->vzone != NULL)
    z->olson = crm_ical_olson_name (icaltimezone_get_location (z->vzone));
  if (z->olson == NULL && z->vzone == NULL)
    z->unknown = TRUE;
}

static GTimeZone *
zone_gtz (Reader *r, const Zone *z)
{
  if (z->olson != NULL)
    {
      GTimeZone *tz = g_time_zone_new_identifier (z->olson);
      if (tz != NULL)
        return tz;
    }
  return g_time_zone_ref (r->local);
}

static gboolean
valid_time (struct icaltimetype t)
{
  return !icaltime_is_null_time (t) && icaltime_is_valid_time (t) &&
         t.year >= 1900 && t.year <= 9999 && t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31 &&
         (t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 && t.second >= 0 && t.second <= 60));
}

/* UTC seconds of @t; a date is the local midnight. */
static gboolean
to_unix (Reader *r, struct icaltimetype t, const Zone *z, gint64 *out)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (!valid_time (t))
    return FALSE;
  if (t.is_date)
    dt = g_date_time_new (r->local, t.year, t.month, t.day, 0, 0, 0);
  else if (icaltime_is_utc (t))
    dt = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, MIN (t.second, 59));
  else if (z->olson == NULL && z->vzone != NULL)
    {
      t.zone = NULL;
      *out = icaltime_as_timet_with_zone (t, z->vzone);
      return TRUE;
    }
  else
    {
      tz = zone_gtz (r, z);
      dt = g_date_time_new (tz, t.year, t.month, t.day, t.hour, t.minute, MIN (t.second, 59));
    }
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* A date where a date-time is meant (an EXDATE of a timed series written
 * by some exporters): that day at the series' start time. */
static gint64
date_at_start_time (Reader *r, struct icaltimetype date, gint64 start, const Zone *z)
{
  g_autoptr(GTimeZone) tz = zone_gtz (r, z);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) first = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) dt = g_date_time_new (tz, date.year, date.month, date.day,
                                             g_date_time_get_hour (first), g_date_time_get_minute (first),
                                             g_date_time_get_second (first));
  return dt != NULL ? g_date_time_to_unix (dt) : start;
}

static void
read_vtimezone (Reader *r, CrmIcalBlock *block)
{
  g_autofree char *text = crm_ical_block_text (block);
  icalcomponent *comp = icalparser_parse_string (text);
  icaltimezone *zone;
  const char *tzid;

  icalerror_clear_errno ();
  if (comp == NULL || icalcomponent_isa (comp) != ICAL_VTIMEZONE_COMPONENT)
    {
      if (comp != NULL)
        icalcomponent_free (comp);
      problem (r, CRM_IMPORT_PROBLEM_WARNING, block->line,
               g_strdup (_("this time zone definition (VTIMEZONE) cannot be read; times in it are taken as local time")));
      return;
    }
  zone = icaltimezone_new ();
  if (!icaltimezone_set_component (zone, comp))
    {
      icalcomponent_free (comp);
      icaltimezone_free (zone, TRUE);
      problem (r, CRM_IMPORT_PROBLEM_WARNING, block->line,
               g_strdup (_("this time zone definition (VTIMEZONE) has no TZID; it was ignored")));
      return;
    }
  tzid = icaltimezone_get_tzid (zone);
  if (tzid == NULL || g_hash_table_contains (r->vzones, tzid))
    icaltimezone_free (zone, TRUE);
  else
    g_hash_table_insert (r->vzones, g_strdup (tzid), zone);
}

static void
free_vzone (gpointer zone)
{
  icaltimezone_free (zone, TRUE);
}

/* ---- one event ---------------------------------------------------------- */

static int
reminder_from_alarm (Reader *r, icalcomponent *event, gint64 start, int duration_min, const Zone *z)
{
  icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
  icalproperty *trigger_prop;
  struct icaltriggertype trigger;
  gint64 seconds_before;

  if (alarm == NULL || (trigger_prop = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY)) == NULL)
    return -1;
  trigger = icalproperty_get_trigger (trigger_prop);
  if (!icaltime_is_null_time (trigger.time))
    {
      gint64 when;
      if (!to_unix (r, trigger.time, z, &when))
        return -1;
      seconds_before = start - when;
    }
  else
    {
      icalparameter *related = icalproperty_get_first_parameter (trigger_prop, ICAL_RELATED_PARAMETER);
      gint64 offset = icaldurationtype_as_int (trigger.duration);

      if (related != NULL && icalparameter_get_related (related) == ICAL_RELATED_END)
        offset += (gint64) duration_min * 60;
      seconds_before = -offset;
    }
  return (int) CLAMP (seconds_before / 60, 0, MAX_REMINDER_MIN);
}

static void
read_labels (CrmActivity *a, const CrmIcalBlock *block, icalcomponent *comp, gboolean *full)
{
  g_autofree char *type = x_value (block, "X-SALESCRM-TYPE");
  g_autofree char *state = x_value (block, "X-SALESCRM-STATE");
  g_autofree char *direction = x_value (block, "X-SALESCRM-DIRECTION");
  g_autofree char *untitled = x_value (block, "X-SALESCRM-UNTITLED");
  const char *summary = icalcomponent_get_summary (comp);
  const char *description = icalcomponent_get_description (comp);
  const char *location = icalcomponent_get_location (comp);
  icalproperty_status status = icalcomponent_get_status (comp);

  *full = type != NULL && crm_activity_type_from_string (type, &a->type);
  if (!*full)
    a->type = icalcomponent_isa (comp) == ICAL_VTODO_COMPONENT ? CRM_ACTIVITY_TASK : CRM_ACTIVITY_MEETING;
  if (state == NULL || !crm_activity_state_from_string (state, &a->state))
    {
      if (status == ICAL_STATUS_CANCELLED)
        a->state = CRM_STATE_CANCELLED;
      else if (status == ICAL_STATUS_COMPLETED ||
               icalcomponent_get_first_property (comp, ICAL_COMPLETED_PROPERTY) != NULL)
        a->state = CRM_STATE_DONE;
      else
        a->state = CRM_STATE_PLANNED;
    }
  if (a->type == CRM_ACTIVITY_CALL && direction != NULL)
    crm_direction_from_string (direction, &a->direction);
  a->title = g_strdup (summary != NULL && g_strcmp0 (untitled, "TRUE") != 0 ? summary : "");
  a->outcome = g_strdup (description != NULL ? description : "");
  a->location = g_strdup (location != NULL ? location : "");
  a->manager_name = x_value (block, "X-SALESCRM-MANAGER");
  a->client_name = x_value (block, "X-SALESCRM-CLIENT");
}

/* Minutes from the start to DTEND, or DURATION; -1 when the file's value
 * makes no sense. */
static int
read_duration (Reader *r, icalcomponent *comp, struct icaltimetype start_t, gint64 start, const Zone *start_zone)
{
  icalproperty *end_prop = icalcomponent_get_first_property (comp, ICAL_DTEND_PROPERTY);
  icalproperty *due_prop = icalcomponent_get_first_property (comp, ICAL_DUE_PROPERTY);
  icalproperty *dur_prop = icalcomponent_get_first_property (comp, ICAL_DURATION_PROPERTY);
  gint64 seconds = -1;

  if (end_prop != NULL && icalcomponent_isa (comp) == ICAL_VEVENT_COMPONENT)
    {
      struct icaltimetype t = icalproperty_get_dtend (end_prop);
      Zone z;
      gint64 end;

      resolve_zone (r, end_prop, &z);
      if (z.floating && !start_zone->floating)
        {
          zone_clear (&z);
          z = *start_zone;
          z.olson = g_strdup (start_zone->olson);
        }
      if (to_unix (r, t, &z, &end))
        seconds = end - start;
      zone_clear (&z);
    }
  else if (dur_prop != NULL)
    {
      struct icaldurationtype d = icalproperty_get_duration (dur_prop);
      if (!icaldurationtype_is_bad_duration (d) && !d.is_neg)
        seconds = (((gint64) d.weeks * 7 + d.days) * 24 + d.hours) * 3600 + (gint64) d.minutes * 60 + d.seconds;
    }
  else if (due_prop == NULL || icalcomponent_isa (comp) == ICAL_VTODO_COMPONENT)
    seconds = start_t.is_date ? 86400 : 0;
  if (seconds < 0 || seconds / 60 > 100000)
    return -1;
  return (int) (seconds / 60);
}

static void
read_exdates (Reader *r, icalcomponent *comp, CrmActivity *a, const Zone *zone, guint line)
{
  g_autofree char *list = NULL;

  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_EXDATE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (comp, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype t = icalproperty_get_exdate (p);
      Zone z;
      gint64 at = 0;
      gboolean ok;

      resolve_zone (r, p, &z);
      if (z.floating)
        {
          z.floating = zone->floating;
          z.olson = g_strdup (zone->olson);
          z.vzone = zone->vzone;
        }
      if (t.is_date && !a->all_day && valid_time (t))
        {
          at = date_at_start_time (r, t, a->starts_at, &z);
          ok = TRUE;
        }
      else
        ok = to_unix (r, t, &z, &at);
      zone_clear (&z);
      if (!ok)
        {
          problem (r, CRM_IMPORT_PROBLEM_WARNING, line,
                   g_strdup (_("an excluded date (EXDATE) cannot be read; it was ignored")));
          continue;
        }
      g_free (list);
      list = crm_exdates_add (a->exdates, at);
      g_free (a->exdates);
      a->exdates = g_steal_pointer (&list);
    }
}

/* The repeat rule, or FALSE when there is one that cannot be used. */
static gboolean
read_rule (Reader *r, const CrmIcalBlock *block, CrmActivity *a, const Zone *zone)
{
  guint line = block->line;
  const char *raw = crm_ical_block_find (block, "RRULE", 0, &line);
  g_autoptr(GError) error = NULL;

  if (crm_ical_block_find (block, "RDATE", 0, NULL) != NULL)
    problem (r, CRM_IMPORT_PROBLEM_WARNING, block->line,
             g_strdup (_("extra dates (RDATE) are not supported; the event was imported without them")));
  if (crm_ical_block_find (block, "EXRULE", 0, NULL) != NULL)
    problem (r, CRM_IMPORT_PROBLEM_WARNING, block->line,
             g_strdup (_("exclusion rules (EXRULE) are not supported; the event was imported without them")));
  if (raw == NULL)
    return TRUE;
  a->rrule = crm_recurrence_normalize (raw, &error);
  if (a->rrule == NULL)
    {
      problem (r, CRM_IMPORT_PROBLEM_ERROR, line, g_strdup_printf (_("not imported: %s"), error->message));
      return FALSE;
    }
  if (crm_ical_block_find (block, "RRULE", 1, &line) != NULL)
    problem (r, CRM_IMPORT_PROBLEM_WARNING, line,
             g_strdup (_("a second repeat rule (RRULE) was ignored: only one is supported")));
  /* The zone whose local hour the series keeps. */
  if (a->all_day || zone->floating)
    a->tzid = NULL;
  else if (zone->olson != NULL)
    a->tzid = g_strdup (zone->olson);
  else
    {
      a->tzid = NULL;
      problem (r, CRM_IMPORT_PROBLEM_WARNING, line,
               g_strdup (_("the time zone of this repeating event is not known by name; it repeats at the same local time of this computer")));
    }
  return TRUE;
}

static void
add_item (Reader *r, CrmActivityImportItem *item)
{
  gpointer index;

  /* The same event twice in a file (an invitation and its update): the
   * later one wins. */
  if (g_hash_table_lookup_extended (r->by_uid, item->activity->uid, NULL, &index))
    {
      crm_activity_import_item_free (r->items->pdata[GPOINTER_TO_UINT (index)]);
      r->items->pdata[GPOINTER_TO_UINT (index)] = item;
      return;
    }
  g_hash_table_insert (r->by_uid, g_strdup (item->activity->uid), GUINT_TO_POINTER (r->items->len));
  g_ptr_array_add (r->items, item);
}

static gboolean
read_event (Reader *r, const CrmIcalBlock *block, icalcomponent *comp)
{
  g_autoptr(CrmActivity) a = crm_activity_new ();
  g_autoptr(CrmActivityImportItem) item = NULL;
  icalproperty *start_prop = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  icalproperty *rid_prop = icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY);
  const char *uid = icalcomponent_get_uid (comp);
  struct icaltimetype start_t;
  guint line = block->line;
  Zone zone;
  int duration;
  gboolean full;
  gboolean ok = TRUE;

  if (start_prop == NULL && icalcomponent_isa (comp) == ICAL_VTODO_COMPONENT)
    start_prop = icalcomponent_get_first_property (comp, ICAL_DUE_PROPERTY);
  if (start_prop == NULL)
    {
      const char *raw = crm_ical_block_find (block, "DTSTART", 0, &line);
      if (raw != NULL)
        problem (r, CRM_IMPORT_PROBLEM_ERROR, line,
                 g_strdup_printf (_("not imported: the start (DTSTART) “%s” cannot be read"), raw));
      else if (icalcomponent_isa (comp) == ICAL_VTODO_COMPONENT)
        problem (r, CRM_IMPORT_PROBLEM_ERROR, line,
                 g_strdup (_("not imported: the task has no date (DTSTART or DUE)")));
      else
        problem (r, CRM_IMPORT_PROBLEM_ERROR, line, g_strdup (_("not imported: the event has no start (DTSTART)")));
      return FALSE;
    }
  start_t = icalproperty_isa (start_prop) == ICAL_DUE_PROPERTY ? icalproperty_get_due (start_prop)
                                                               : icalproperty_get_dtstart (start_prop);
  resolve_zone (r, start_prop, &zone);
  if (icaltime_is_utc (start_t) && !start_t.is_date)
    {
      /* A series written in UTC repeats at the same UTC hour. */
      zone_clear (&zone);
      zone.olson = g_strdup ("UTC");
    }
  if (zone.unknown)
    {
      icalparameter *param = icalproperty_get_first_parameter (start_prop, ICAL_TZID_PARAMETER);
      crm_ical_block_find (block, "DTSTART", 0, &line);
      problem (r, CRM_IMPORT_PROBLEM_WARNING, line,
               g_strdup_printf (_("the time zone “%s” is defined nowhere; the local time zone was assumed"),
                                icalparameter_get_tzid (param)));
    }
  a->all_day = start_t.is_date;
  if (!to_unix (r, start_t, &zone, &a->starts_at))
    {
      crm_ical_block_find (block, "DTSTART", 0, &line);
      problem (r, CRM_IMPORT_PROBLEM_ERROR, line,
               g_strdup (_("not imported: the start (DTSTART) is not a real date and time")));
      zone_clear (&zone);
      return FALSE;
    }

  duration = read_duration (r, comp, start_t, a->starts_at, &zone);
  if (duration < 0)
    {
      problem (r, CRM_IMPORT_PROBLEM_WARNING, block->line,
               g_strdup (_("the end or duration of the event makes no sense (before the start, or months long); it was imported without a duration")));
      duration = a->all_day ? 24 * 60 : 0;
    }
  a->duration_min = a->all_day ? MAX (duration, 24 * 60) : duration;

  read_labels (a, block, comp, &full);
  a->reminder_min = reminder_from_alarm (r, comp, a->starts_at, a->duration_min, &zone);
  a->uid = g_strdup (uid != NULL && *uid != '\0' ? uid : NULL);
  if (a->uid == NULL)
    {
      /* No UID: one made from the event's text stays the same when the
       * file is imported again. */
      g_autofree char *text = crm_ical_block_text (block);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);
      a->uid = g_strdup_printf ("%s@import.salescrm", hash);
    }

  if (rid_prop != NULL)
    {
      struct icaltimetype rid_t = icalproperty_get_recurrenceid (rid_prop);
      g_autofree char *own = x_value (block, "X-SALESCRM-UID");
      Zone z;

      resolve_zone (r, rid_prop, &z);
      if (z.floating && !zone.floating)
        {
          z.floating = FALSE;
          z.olson = g_strdup (zone.olson);
          z.vzone = zone.vzone;
        }
      if (rid_t.is_date && !a->all_day && valid_time (rid_t))
        a->recurrence_at = date_at_start_time (r, rid_t, a->starts_at, &z);
      else if (!to_unix (r, rid_t, &z, &a->recurrence_at))
        ok = FALSE;
      zone_clear (&z);
      if (!ok)
        {
          crm_ical_block_find (block, "RECURRENCE-ID", 0, &line);
          problem (r, CRM_IMPORT_PROBLEM_ERROR, line,
                   g_strdup (_("not imported: the occurrence it changes (RECURRENCE-ID) cannot be read")));
          zone_clear (&zone);
          return FALSE;
        }
      item = crm_activity_import_item_new (a, block->line);
      item->series_uid = g_strdup (a->uid);
      g_free (a->uid);
      a->uid = own != NULL && *own != '\0' ? g_steal_pointer (&own)
               : g_strdup_printf ("%s#%" G_GINT64_FORMAT, item->series_uid, a->recurrence_at);
    }
  else
    {
      ok = read_rule (r, block, a, &zone);
      if (ok && a->rrule != NULL)
        read_exdates (r, comp, a, &zone, block->line);
      item = crm_activity_import_item_new (a, block->line);
    }
  zone_clear (&zone);
  if (!ok)
    return FALSE;
  item->full = full;
  add_item (r, g_steal_pointer (&item));
  return TRUE;
}

static const char *
component_label (const char *kind)
{
  if (g_str_equal (kind, "VJOURNAL"))
    return _("a journal entry (VJOURNAL)");
  if (g_str_equal (kind, "VFREEBUSY"))
    return _("free/busy time (VFREEBUSY)");
  if (g_str_equal (kind, "VALARM"))
    return _("an alarm outside any event (VALARM)");
  return NULL;
}

/* "No value for DESCRIPTION property": an empty text is nothing lost. */
static gboolean
empty_text_value (const char *what)
{
  static const char *texts[] = { "DESCRIPTION", "LOCATION", "SUMMARY", "COMMENT", "CATEGORIES", "URL", NULL };

  if (!g_str_has_prefix (what, "No value for "))
    return FALSE;
  for (guint i = 0; texts[i] != NULL; i++)
    if (g_str_has_prefix (what + strlen ("No value for "), texts[i]))
      return TRUE;
  return FALSE;
}

static void
read_block (Reader *r, const CrmIcalBlock *block)
{
  g_autofree char *text = NULL;
  icalcomponent *comp;
  gboolean is_event = g_str_equal (block->kind, "VEVENT") || g_str_equal (block->kind, "VTODO");

  if (!is_event)
    {
      const char *label = component_label (block->kind);
      r->report->found++;
      r->report->skipped++;
      problem (r, CRM_IMPORT_PROBLEM_ERROR, block->line,
               label != NULL ? g_strdup_printf (_("%s is not an event; it was skipped"), label)
                             : g_strdup_printf (_("the component %s is not an event; it was skipped"), block->kind));
      return;
    }
  r->report->found++;
  text = crm_ical_block_text (block);
  comp = icalparser_parse_string (text);
  icalerror_clear_errno ();
  if (comp == NULL ||
      (icalcomponent_isa (comp) != ICAL_VEVENT_COMPONENT && icalcomponent_isa (comp) != ICAL_VTODO_COMPONENT))
    {
      r->report->skipped++;
      problem (r, CRM_IMPORT_PROBLEM_ERROR, block->line, g_strdup (_("not imported: the event cannot be read")));
      if (comp != NULL)
        icalcomponent_free (comp);
      return;
    }
  /* What libical could not read of the other properties. */
  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY))
    {
      const char *what = icalproperty_get_xlicerror (p);
      /* The start and the rule are checked below; X- values are read as
       * written. */
      if (what != NULL && strstr (what, "DTSTART") == NULL && strstr (what, "RRULE") == NULL &&
          strstr (what, "X property") == NULL && !empty_text_value (what))
        problem (r, CRM_IMPORT_PROBLEM_WARNING, block->line,
                 g_strdup_printf (_("a value that cannot be read was ignored (%s)"), what));
    }
  if (!read_event (r, block, comp))
    r->report->skipped++;
  icalcomponent_free (comp);
}

static int
masters_first (gconstpointer pa, gconstpointer pb)
{
  const CrmActivityImportItem *a = *(CrmActivityImportItem * const *) pa;
  const CrmActivityImportItem *b = *(CrmActivityImportItem * const *) pb;

  return (a->series_uid != NULL) - (b->series_uid != NULL);
}

/* RFC 5545 says UTF-8. Anything else is read as well as it can be: a
 * UTF-16 file with its BOM is converted, broken bytes are replaced. */
static char *
decode (const char *data, gsize length, const char *display_name, CrmIcalReport *report, GError **error)
{
  const guchar *u = (const guchar *) data;

  if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    return crm_text_to_utf8 (u, length, NULL, NULL, error);
  if (memchr (data, '\0', length) != NULL)
    {
      /* Zero bytes have no place in text: read the file without them (a
       * file that is not a calendar at all is refused further on). */
      GString *clean = g_string_sized_new (length);
      g_autofree char *text = NULL;

      for (gsize i = 0; i < length; i++)
        if (data[i] != '\0')
          g_string_append_c (clean, data[i]);
      crm_ical_report_add (report, CRM_IMPORT_PROBLEM_WARNING, display_name, 0,
                           g_strdup (_("the file contains zero bytes, which text never has; they were removed")));
      text = decode (clean->str, clean->len, display_name, report, error);
      g_string_free (clean, TRUE);
      return g_steal_pointer (&text);
    }
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);
  crm_ical_report_add (report, CRM_IMPORT_PROBLEM_WARNING, display_name, 0,
                       g_strdup (_("the file is not valid UTF-8 text; the bytes that are not were replaced")));
  return g_utf8_make_valid (data, length);
}

GPtrArray *
crm_ical_parse (const char *data, gsize length, const char *display_name, CrmIcalReport *report,
                GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  Reader r = { display_name, report };
  gboolean any_calendar;
  guint n_events = 0;

  if (length > CRM_ICAL_MAX_FILE_SIZE)
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_TOO_LARGE,
                   _("The calendar file is larger than %d MB; split it into smaller files."),
                   CRM_ICAL_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  text = decode (data, length, display_name, report, error);
  if (text == NULL)
    return NULL;
  {
    g_autofree char *copy = g_strstrip (g_strdup (text));
    if (*copy == '\0')
      {
        g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_EMPTY, _("The file is empty: there is nothing to import."));
        return NULL;
      }
  }

  blocks = crm_ical_scan (text, display_name, report);
  any_calendar = g_ascii_strncasecmp (text, "BEGIN:", 6) == 0 || strstr (text, "BEGIN:VCALENDAR") != NULL;
  for (guint i = 0; i < blocks->len; i++)
    {
      CrmIcalBlock *b = blocks->pdata[i];
      if (g_str_equal (b->kind, "VEVENT") || g_str_equal (b->kind, "VTODO"))
        n_events++;
    }
  if (n_events == 0)
    {
      if (!any_calendar)
        g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                     _("This is not an iCalendar file: it has no BEGIN:VCALENDAR."));
      else
        g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_EMPTY,
                     _("The calendar has no events or tasks to import."));
      return NULL;
    }

  r.vzones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_vzone);
  r.local = g_time_zone_new_local ();
  r.items = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_activity_import_item_free);
  r.by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < blocks->len; i++)
    if (g_str_equal (((CrmIcalBlock *) blocks->pdata[i])->kind, "VTIMEZONE"))
      read_vtimezone (&r, blocks->pdata[i]);
  for (guint i = 0; i < blocks->len; i++)
    if (!g_str_equal (((CrmIcalBlock *) blocks->pdata[i])->kind, "VTIMEZONE"))
      read_block (&r, blocks->pdata[i]);
  g_ptr_array_sort (r.items, masters_first);

  g_hash_table_unref (r.by_uid);
  g_hash_table_unref (r.vzones);
  g_time_zone_unref (r.local);
  return r.items;
}

/* ---- the import --------------------------------------------------------- */

typedef struct {
  CrmIcalReport *report;
  const char    *file;
} StoreProblem;

static void
store_problem_cb (guint line, gboolean skipped, const char *message, gpointer user_data)
{
  StoreProblem *sp = user_data;

  if (skipped)
    sp->report->skipped++;
  crm_ical_report_add (sp->report, skipped ? CRM_IMPORT_PROBLEM_ERROR : CRM_IMPORT_PROBLEM_WARNING,
                       sp->file, line, g_strdup (message));
}

gboolean
crm_ical_import_ics (CrmDatabase *db, const char *path, CrmIcalReport *report, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(CrmSettings) settings = NULL;
  StoreProblem sp = { report, NULL };
  gsize length;
  const char *data;

  g_return_val_if_fail (report != NULL, FALSE);
  bytes = crm_io_open_file (path, &name, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  items = crm_ical_parse (data != NULL ? data : "", length, name, report, error);
  if (items == NULL)
    return FALSE;
  settings = crm_setting_store_load (db, error);
  if (settings == NULL)
    return FALSE;
  sp.file = name;
  return crm_activity_store_import (db, items, settings->current_manager_id,
                                    &report->created, &report->updated, store_problem_cb, &sp, error);
}
