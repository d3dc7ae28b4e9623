/* crm-recurrence.c — expansion of a series, exceptions, "this and following"
 *
 * libical iterates the rule on the wall clock of the series' zone (floating
 * times, no libical zone data involved); GTimeZone turns each wall time into
 * UTC seconds. A wall time that does not exist (in the hour skipped at the
 * spring change) moves forward as GLib does.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "crm-recurrence-private.h"

G_DEFINE_QUARK (crm-recurrence-error-quark, crm_recurrence_error)

/* ---- time conversions --------------------------------------------------- */

struct icaltimetype
crm_recurrence_wall_from_unix (gint64 t, GTimeZone *tz, gboolean all_day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
  struct icaltimetype wall = icaltime_null_time ();

  if (local == NULL)
    return wall;
  wall.year = g_date_time_get_year (local);
  wall.month = g_date_time_get_month (local);
  wall.day = g_date_time_get_day_of_month (local);
  if (all_day)
    wall.is_date = 1;
  else
    {
      wall.hour = g_date_time_get_hour (local);
      wall.minute = g_date_time_get_minute (local);
      wall.second = g_date_time_get_second (local);
    }
  return wall;
}

gint64
crm_recurrence_unix_from_wall (struct icaltimetype wall, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = NULL;

  if (wall.is_date)
    dt = g_date_time_new (tz, wall.year, wall.month, wall.day, 0, 0, 0);
  else
    dt = g_date_time_new (tz, wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second);
  return dt != NULL ? g_date_time_to_unix (dt) : G_MININT64;
}

GTimeZone *
crm_recurrence_zone (const char *tzid)
{
  GTimeZone *tz = NULL;

  if (tzid != NULL && *tzid != '\0')
    tz = g_time_zone_new_identifier (tzid);
  return tz != NULL ? tz : g_time_zone_new_local ();
}

char *
crm_recurrence_local_tzid (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  g_autoptr(GTimeZone) again = NULL;

  /* Only a name that reads back as a zone ("Europe/Moscow", "UTC"); not a
   * path nor a POSIX TZ string. */
  if (id == NULL || *id == '\0' || *id == '/' || *id == ':' || strchr (id, ',') != NULL)
    return NULL;
  again = g_time_zone_new_identifier (id);
  return again != NULL ? g_strdup (id) : NULL;
}

/* ---- reading a rule ----------------------------------------------------- */

static void
init_libical (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* Errors are reported through icalerrno, never by aborting. */
      icalerror_set_errors_are_fatal (0);
      g_once_init_leave (&done, 1);
    }
}

/* Exporters get the text wrong in a few known ways: "RRULE:" kept in the
 * value, "\;" escaped as in a text value, lower case, spaces. */
static char *
clean_rule_text (const char *rrule)
{
  GString *s = g_string_new (NULL);
  const char *p = rrule;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "RRULE:", 6) == 0)
    p += 6;
  for (; *p != '\0'; p++)
    {
      if (*p == '\\' && (p[1] == ';' || p[1] == ','))
        continue;
      if (g_ascii_isspace (*p))
        continue;
      g_string_append_c (s, g_ascii_toupper (*p));
    }
  return g_string_free (s, FALSE);
}

gboolean
crm_recurrence_parse (const char *rrule, GTimeZone *tz, gboolean all_day,
                      struct icalrecurrencetype *out, GError **error)
{
  g_autofree char *text = NULL;

  init_libical ();
  if (rrule == NULL || *rrule == '\0')
    {
      g_set_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_INVALID,
                   _("The repeat rule is empty."));
      return FALSE;
    }
  text = clean_rule_text (rrule);
  icalerror_clear_errno ();
  *out = icalrecurrencetype_from_string (text);
  if (out->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_set_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_INVALID,
                   _("The repeat rule “%s” cannot be read."), rrule);
      return FALSE;
    }
  if (out->interval < 1)
    out->interval = 1;
  if (!icaltime_is_null_time (out->until))
    {
      struct icaltimetype until = out->until;

      if (icaltime_is_utc (until) && !until.is_date)
        {
          gint64 t = icaltime_as_timet (until);
          until = crm_recurrence_wall_from_unix (t, tz, FALSE);
        }
      else if (until.is_date)
        {
          /* The whole last day is included. */
          until.is_date = 0;
          until.hour = 23;
          until.minute = 59;
          until.second = 59;
        }
      until.zone = NULL;
      if (all_day)
        {
          until.is_date = 1;
          until.hour = until.minute = until.second = 0;
        }
      out->until = until;
    }
  return TRUE;
}

char *
crm_recurrence_normalize (const char *rrule, GError **error)
{
  struct icalrecurrencetype r;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *text = NULL;
  icalrecur_iterator *it;
  char *canonical;

  if (!crm_recurrence_parse (rrule, utc, FALSE, &r, error))
    return NULL;
  /* A rule whose parts contradict each other gets no iterator. */
  it = icalrecur_iterator_new (r, icaltime_from_string ("20260105T100000"));
  if (it == NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_INVALID,
                   _("The repeat rule “%s” contradicts itself (for example a day that no month has)."), rrule);
      return NULL;
    }
  icalrecur_iterator_free (it);
  /* libical's own spelling, so that a rule reads the same after a round
   * trip through a file. The UNTIL is read again as written. */
  text = clean_rule_text (rrule);
  r = icalrecurrencetype_from_string (text);
  canonical = icalrecurrencetype_as_string_r (&r);
  icalerror_clear_errno ();
  if (canonical == NULL)
    return g_steal_pointer (&text);
  g_free (text);
  text = g_strdup (canonical);
  icalmemory_free_buffer (canonical);
  return g_steal_pointer (&text);
}

gboolean
crm_recurrence_same_rule (const char *a, const char *b)
{
  g_autofree char *x = a != NULL ? crm_recurrence_normalize (a, NULL) : NULL;
  g_autofree char *y = b != NULL ? crm_recurrence_normalize (b, NULL) : NULL;

  return g_strcmp0 (x, y) == 0;
}

/* ---- expansion ---------------------------------------------------------- */

typedef struct {
  icalrecur_iterator *it;
  GTimeZone          *tz;
  guint               steps;
  gint64              deadline;
  gboolean            hit_limit;
} Walk;

static gboolean
walk_start (Walk *w, const char *rrule, gint64 dtstart, gboolean all_day, const char *tzid,
            gint64 skip_to, GError **error)
{
  struct icalrecurrencetype r;
  struct icaltimetype start;

  memset (w, 0, sizeof *w);
  w->tz = crm_recurrence_zone (tzid);
  if (!crm_recurrence_parse (rrule, w->tz, all_day, &r, error))
    return FALSE;
  start = crm_recurrence_wall_from_unix (dtstart, w->tz, all_day);
  w->it = icalrecur_iterator_new (r, start);
  if (w->it == NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_INVALID,
                   _("The repeat rule “%s” contradicts itself (for example a day that no month has)."), rrule);
      return FALSE;
    }
  /* Jump over the years before the window. Only a plain rule (no COUNT,
   * every period) can start anywhere without changing which dates match. */
  if (skip_to > dtstart + 2 * 86400 && r.count == 0 && r.interval == 1)
    {
      struct icaltimetype wall = crm_recurrence_wall_from_unix (skip_to - 2 * 86400, w->tz, all_day);
      if (!icalrecur_iterator_set_start (w->it, wall))
        icalerror_clear_errno ();
    }
  w->deadline = g_get_monotonic_time () + CRM_RECURRENCE_MAX_MSEC * 1000;
  return TRUE;
}

/* The next occurrence, or G_MININT64 at the end or at a limit. */
static gint64
walk_next (Walk *w)
{
  struct icaltimetype next;

  if (++w->steps > CRM_RECURRENCE_MAX_ITERATIONS ||
      ((w->steps & 255) == 0 && g_get_monotonic_time () > w->deadline))
    {
      w->hit_limit = TRUE;
      return G_MININT64;
    }
  next = icalrecur_iterator_next (w->it);
  if (icaltime_is_null_time (next))
    return G_MININT64;
  return crm_recurrence_unix_from_wall (next, w->tz);
}

static void
walk_end (Walk *w)
{
  g_clear_pointer (&w->it, icalrecur_iterator_free);
  g_clear_pointer (&w->tz, g_time_zone_unref);
  icalerror_clear_errno ();
}

static gboolean
walk_limit_error (Walk *w, const char *rrule, GError **error)
{
  if (!w->hit_limit)
    return TRUE;
  g_set_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_LIMIT,
               _("The repeat rule “%s” makes too many occurrences; only the first ones are shown."), rrule);
  return FALSE;
}

gboolean
crm_recurrence_expand (const char *rrule, gint64 dtstart, gboolean all_day,
                       const char *tzid, const char *exdates,
                       gint64 from, gint64 to, GArray **out, GError **error)
{
  g_autoptr(GArray) excluded = crm_exdates_parse (exdates);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;
  Walk w;

  if (!walk_start (&w, rrule, dtstart, all_day, tzid, from, error))
    {
      if (out != NULL)
        *out = g_steal_pointer (&starts);
      return FALSE;
    }
  for (gint64 t; (t = walk_next (&w)) != G_MININT64 && t < to; )
    {
      gboolean skip = FALSE;

      if (t < from || t < dtstart)
        continue;
      for (guint i = 0; i < excluded->len && !skip; i++)
        skip = g_array_index (excluded, gint64, i) == t;
      if (!skip)
        g_array_append_val (starts, t);
    }
  ok = walk_limit_error (&w, rrule, error);
  walk_end (&w);
  if (out != NULL)
    *out = g_steal_pointer (&starts);
  return ok;
}

static CrmActivity *
make_occurrence (CrmActivity *master, gint64 at)
{
  CrmActivity *o = crm_activity_copy (master);

  o->id = 0;
  o->series_id = master->id;
  o->recurrence_at = at;
  o->starts_at = at;
  return o;
}

gboolean
crm_recurrence_expand_activity (CrmActivity *master, gint64 from, gint64 to,
                                GPtrArray *out, GError **error)
{
  g_autoptr(GArray) starts = NULL;
  gint64 length = master->all_day ? 86400 : (gint64) master->duration_min * 60;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_ACTIVITY (master), FALSE);
  ok = crm_recurrence_expand (master->rrule, master->starts_at, master->all_day, master->tzid,
                              master->exdates, from - MAX (length, 1) + 1, to, &starts, error);
  for (guint i = 0; starts != NULL && i < starts->len; i++)
    g_ptr_array_add (out, make_occurrence (master, g_array_index (starts, gint64, i)));
  return ok;
}

CrmActivity *
crm_recurrence_occurrence (CrmActivity *master, gint64 at)
{
  g_autoptr(GArray) starts = NULL;

  g_return_val_if_fail (CRM_IS_ACTIVITY (master), NULL);
  if (master->rrule == NULL ||
      !crm_recurrence_expand (master->rrule, master->starts_at, master->all_day, master->tzid,
                              master->exdates, at, at + 1, &starts, NULL) ||
      starts->len == 0)
    return NULL;
  return make_occurrence (master, at);
}

gint64
crm_recurrence_last_start (const char *rrule, gint64 dtstart, gboolean all_day, const char *tzid)
{
  g_autoptr(GTimeZone) tz = crm_recurrence_zone (tzid);
  struct icalrecurrencetype r;
  gint64 last = dtstart;
  Walk w;

  if (!crm_recurrence_parse (rrule, tz, all_day, &r, NULL))
    return -1;
  if (r.count == 0 && icaltime_is_null_time (r.until))
    return G_MAXINT64;
  if (!walk_start (&w, rrule, dtstart, all_day, tzid, G_MININT64, NULL))
    return -1;
  for (gint64 t; (t = walk_next (&w)) != G_MININT64; )
    last = t;
  if (w.hit_limit)
    last = G_MAXINT64;
  walk_end (&w);
  return last;
}

/* ---- this and following ------------------------------------------------- */

/* The rule text without its COUNT and UNTIL parts. */
static char *
strip_end (const char *rrule)
{
  g_autofree char *text = clean_rule_text (rrule);
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_has_prefix (parts[i], "COUNT=") || g_str_has_prefix (parts[i], "UNTIL="))
        continue;
      if (s->len > 0)
        g_string_append_c (s, ';');
      g_string_append (s, parts[i]);
    }
  return g_string_free (s, FALSE);
}

static char *
utc_stamp (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

gboolean
crm_recurrence_split (const char *rrule, gint64 dtstart, gboolean all_day, const char *tzid,
                      gint64 at, char **before, char **after, GError **error)
{
  g_autoptr(GTimeZone) tz = crm_recurrence_zone (tzid);
  g_autofree char *bare = NULL;
  struct icalrecurrencetype r;
  int n_before = 0;
  gint64 last_before = G_MININT64;
  Walk w;

  *before = *after = NULL;
  if (!crm_recurrence_parse (rrule, tz, all_day, &r, error))
    return FALSE;
  if (!walk_start (&w, rrule, dtstart, all_day, tzid, G_MININT64, error))
    return FALSE;
  for (gint64 t; (t = walk_next (&w)) != G_MININT64 && t < at; )
    {
      n_before++;
      last_before = t;
    }
  if (!walk_limit_error (&w, rrule, error))
    {
      walk_end (&w);
      return FALSE;
    }
  walk_end (&w);

  bare = strip_end (rrule);
  if (n_before > 0)
    {
      if (r.count > 0)
        *before = g_strdup_printf ("%s;COUNT=%d", bare, n_before);
      else
        {
          g_autofree char *until = utc_stamp (all_day ? last_before + 86399 : last_before);
          *before = g_strdup_printf ("%s;UNTIL=%s", bare, until);
        }
    }
  if (r.count > 0)
    *after = r.count > n_before ? g_strdup_printf ("%s;COUNT=%d", bare, r.count - n_before) : NULL;
  else
    {
      g_autofree char *rest = clean_rule_text (rrule);
      *after = g_strdup (rest);
    }
  return TRUE;
}

/* ---- exceptions --------------------------------------------------------- */

GArray *
crm_exdates_parse (const char *exdates)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *p = exdates;

  while (p != NULL && *p != '\0')
    {
      char *end = NULL;
      gint64 t = g_ascii_strtoll (p, &end, 10);

      if (end == p)
        break;
      g_array_append_val (list, t);
      p = end;
      while (*p == ',' || *p == ' ')
        p++;
    }
  return list;
}

gboolean
crm_exdates_contains (const char *exdates, gint64 at)
{
  g_autoptr(GArray) list = crm_exdates_parse (exdates);

  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, gint64, i) == at)
      return TRUE;
  return FALSE;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static char *
join_exdates (GArray *list)
{
  GString *s = g_string_new (NULL);

  g_array_sort (list, compare_gint64);
  for (guint i = 0; i < list->len; i++)
    {
      gint64 t = g_array_index (list, gint64, i);
      if (i > 0 && t == g_array_index (list, gint64, i - 1))
        continue;
      if (s->len > 0)
        g_string_append_c (s, ',');
      g_string_append_printf (s, "%" G_GINT64_FORMAT, t);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

char *
crm_exdates_add (const char *exdates, gint64 at)
{
  g_autoptr(GArray) list = crm_exdates_parse (exdates);

  g_array_append_val (list, at);
  return join_exdates (list);
}

/* The wall clock of @t in @tz, as seconds of a zone without changes. */
static gint64
wall_seconds (gint64 t, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_to_unix (local) + g_date_time_get_utc_offset (local) / G_USEC_PER_SEC;
}

gint64
crm_recurrence_shift (gint64 t, gint64 from, gint64 to, const char *tzid)
{
  g_autoptr(GTimeZone) tz = crm_recurrence_zone (tzid);
  g_autoptr(GDateTime) wall = NULL;
  g_autoptr(GDateTime) back = NULL;
  gint64 delta;

  if (from == to)
    return t;
  delta = wall_seconds (to, tz) - wall_seconds (from, tz);
  wall = g_date_time_new_from_unix_utc (wall_seconds (t, tz) + delta);
  if (wall == NULL)
    return t + (to - from);
  back = g_date_time_new (tz, g_date_time_get_year (wall), g_date_time_get_month (wall),
                          g_date_time_get_day_of_month (wall), g_date_time_get_hour (wall),
                          g_date_time_get_minute (wall), g_date_time_get_second (wall));
  return back != NULL ? g_date_time_to_unix (back) : t + (to - from);
}

char *
crm_exdates_shift (const char *exdates, gint64 from, gint64 to, const char *tzid)
{
  g_autoptr(GArray) list = crm_exdates_parse (exdates);

  for (guint i = 0; i < list->len; i++)
    g_array_index (list, gint64, i) = crm_recurrence_shift (g_array_index (list, gint64, i), from, to, tzid);
  return join_exdates (list);
}

void
crm_exdates_split (const char *exdates, gint64 at, char **before, char **after)
{
  g_autoptr(GArray) list = crm_exdates_parse (exdates);
  g_autoptr(GArray) early = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) late = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < list->len; i++)
    {
      gint64 t = g_array_index (list, gint64, i);
      g_array_append_val (t < at ? early : late, t);
    }
  *before = join_exdates (early);
  *after = join_exdates (late);
}

/* ---- activity helpers --------------------------------------------------- */

gboolean
crm_activity_is_occurrence (const CrmActivity *a)
{
  return a->id == 0 && a->series_id > 0;
}

gboolean
crm_activity_in_series (const CrmActivity *a)
{
  return a->series_id > 0 || (a->rrule != NULL && *a->rrule != '\0');
}

gint64
crm_activity_get_end (const CrmActivity *a)
{
  if (a->all_day)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (a->starts_at);
      g_autoptr(GDateTime) midnight = NULL;
      g_autoptr(GDateTime) next = NULL;
      int days = MAX (1, (a->duration_min + 24 * 60 - 1) / (24 * 60));

      if (start != NULL)
        midnight = g_date_time_new (local, g_date_time_get_year (start), g_date_time_get_month (start),
                                    g_date_time_get_day_of_month (start), 0, 0, 0);
      if (midnight != NULL)
        next = g_date_time_add_days (midnight, days);
      return next != NULL ? g_date_time_to_unix (next) : a->starts_at + 86400;
    }
  return a->starts_at + (gint64) a->duration_min * 60;
}

gboolean
crm_activity_is_overdue (const CrmActivity *a, gint64 now)
{
  return a->state == CRM_STATE_PLANNED && crm_activity_get_end (a) <= now;
}
