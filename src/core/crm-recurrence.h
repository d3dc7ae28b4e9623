/* crm-recurrence.h — recurring activities: RRULE text, expansion, exceptions
 *
 * A series is one activity row (the master) with an RFC 5545 RRULE, the
 * zone whose local hour it keeps (tzid) and the excluded occurrences
 * (exdates, Unix seconds). Expansion runs libical's iterator on the wall
 * clock of that zone, so a weekly 10:00 meeting stays at 10:00 local time
 * across a DST change; each occurrence is then turned into UTC seconds.
 *
 * An expanded occurrence is a copy of the master with id 0, series_id the
 * master's id and recurrence_at its own start; a detached occurrence (edited
 * or done) is a row of its own with series_id, recurrence_at and no rrule,
 * and its recurrence_at is in the master's exdates.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-activity.h"

G_BEGIN_DECLS

#define CRM_RECURRENCE_ERROR (crm_recurrence_error_quark ())

typedef enum {
  CRM_RECURRENCE_ERROR_INVALID,     /* the rule cannot be read */
  CRM_RECURRENCE_ERROR_LIMIT,       /* expansion stopped at its iteration or time limit */
} CrmRecurrenceError;

GQuark crm_recurrence_error_quark (void);

/* What the activity dialog offers; anything else read from a file is OTHER
 * and kept as it is. */
typedef enum {
  CRM_REPEAT_NONE,
  CRM_REPEAT_DAILY,
  CRM_REPEAT_WEEKLY,
  CRM_REPEAT_MONTHLY,
  CRM_REPEAT_OTHER,
} CrmRepeatFrequency;

typedef struct {
  CrmRepeatFrequency frequency;
  int                interval;    /* every N days, weeks or months; ≥ 1 */
  guint              weekdays;    /* weekly: bit 1 << G_DATE_MONDAY … 1 << G_DATE_SUNDAY */
  GDate              until;       /* the last day included, or cleared */
  int                count;       /* this many occurrences, or 0 */
} CrmRepeat;

/* The limits of one expansion: enough for any real calendar, small enough
 * that a hostile rule cannot hang the window or an import. */
#define CRM_RECURRENCE_MAX_ITERATIONS 100000
#define CRM_RECURRENCE_MAX_MSEC       250

void        crm_repeat_init          (CrmRepeat *repeat);
/* The RRULE text; @dtstart and @tz turn the last day into a UTC UNTIL.
 * NULL for CRM_REPEAT_NONE and OTHER. */
char       *crm_repeat_to_rrule      (const CrmRepeat *repeat, gint64 dtstart, GTimeZone *tz);
/* FALSE (and frequency OTHER) when the rule says more than the dialog can
 * show; @repeat is filled as far as it goes. */
gboolean    crm_repeat_from_rrule    (const char *rrule, gint64 dtstart, GTimeZone *tz, CrmRepeat *repeat);
/* "Every week on Monday and Wednesday, until 31.12.2026", translated. */
char       *crm_recurrence_describe  (const char *rrule, gint64 dtstart, GTimeZone *tz);

/* The zone of a series: @tzid, or the local zone when it is NULL or unknown. */
GTimeZone  *crm_recurrence_zone      (const char *tzid);
/* The identifier of the local zone ("Europe/Moscow"), or NULL when the
 * system names none that could be read back. */
char       *crm_recurrence_local_tzid (void);

/* Checks that the rule can be read and repaired forms (an escaped ";",
 * lower case) are normalised: returns the rule to store, or NULL. */
char       *crm_recurrence_normalize (const char *rrule, GError **error);

/* Whether two rules say the same (NULL: no rule). */
gboolean    crm_recurrence_same_rule (const char *a, const char *b);

/* Occurrence starts (gint64, UTC seconds) of a series in [from, to),
 * without the excluded ones. Stops with CRM_RECURRENCE_ERROR_LIMIT after
 * CRM_RECURRENCE_MAX_ITERATIONS steps or CRM_RECURRENCE_MAX_MSEC; the
 * occurrences found until then are in *out either way (may be NULL). */
gboolean    crm_recurrence_expand    (const char *rrule, gint64 dtstart, gboolean all_day,
                                      const char *tzid, const char *exdates,
                                      gint64 from, gint64 to, GArray **out, GError **error);
/* Occurrences of @master overlapping [from, to), appended to @out as
 * activities (see above). FALSE only on a limit or a bad rule; what was
 * expanded is appended anyway. */
gboolean    crm_recurrence_expand_activity (CrmActivity *master, gint64 from, gint64 to,
                                            GPtrArray *out, GError **error);
/* The occurrence of @master starting at @at, or NULL when the series has
 * none there. */
CrmActivity *crm_recurrence_occurrence (CrmActivity *master, gint64 at);
/* The end of the series (the start of its last occurrence), G_MAXINT64
 * when it never ends, or -1 when the rule cannot be read. */
gint64      crm_recurrence_last_start (const char *rrule, gint64 dtstart, gboolean all_day,
                                       const char *tzid);

/* "This and following": the rule of the part before @at (NULL when @at is
 * the first occurrence: nothing stays) and of the part from @at on (its
 * COUNT reduced by the occurrences before). */
gboolean    crm_recurrence_split     (const char *rrule, gint64 dtstart, gboolean all_day,
                                      const char *tzid, gint64 at,
                                      char **before, char **after, GError **error);

/* The exclusion list: "t1,t2,…" in Unix seconds. */
gboolean    crm_exdates_contains     (const char *exdates, gint64 at);
char       *crm_exdates_add          (const char *exdates, gint64 at);
GArray     *crm_exdates_parse        (const char *exdates);
/* Every exclusion moved as @from moves to @to on the wall clock of @tzid. */
char       *crm_exdates_shift        (const char *exdates, gint64 from, gint64 to, const char *tzid);
/* The exclusions before @at and from @at on. */
void        crm_exdates_split        (const char *exdates, gint64 at, char **before, char **after);
/* @t moved as @from moves to @to on the wall clock of @tzid: a series moved
 * from Monday 10:00 to Tuesday 11:00 keeps its occurrences at 11:00 on the
 * day after, across DST changes too. */
gint64      crm_recurrence_shift     (gint64 t, gint64 from, gint64 to, const char *tzid);

/* An expanded occurrence (not a row of its own). */
gboolean    crm_activity_is_occurrence (const CrmActivity *a);
/* A master, an occurrence or a detached occurrence. */
gboolean    crm_activity_in_series   (const CrmActivity *a);
/* Planned and over (its end, or its day for an all-day one, has passed). */
gboolean    crm_activity_is_overdue  (const CrmActivity *a, gint64 now);
gint64      crm_activity_get_end     (const CrmActivity *a);

G_END_DECLS
