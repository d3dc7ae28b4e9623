/* crm-ical.h — iCalendar (RFC 5545) import and export of activities
 *
 * Reads what Thunderbird, Google Calendar, Evolution and Outlook write:
 * VEVENT (and VTODO as tasks) with TZID and VTIMEZONE, all-day events,
 * RRULE and EXDATE, changed occurrences (RECURRENCE-ID), VALARM (becomes
 * the reminder). The UID is kept, so that importing the same file twice
 * updates the activities instead of doubling them. A broken file gives what
 * can be read; every event left out is reported with its line and why.
 * Writes VCALENDAR 2.0 that those programs read back, with X-SALESCRM-*
 * properties for what only SalesCRM knows (type, state, manager, client),
 * so that an export imported into an empty database gives the same
 * activities.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-activity-exchange.h"
#include "crm-contact.h"
#include "crm-database.h"

G_BEGIN_DECLS

/* The largest file read (a year of a busy team is a few megabytes). */
#define CRM_ICAL_MAX_FILE_SIZE (64 * 1024 * 1024)

typedef struct {
  guint      found;       /* events and tasks in the file */
  guint      created;
  guint      updated;
  guint      skipped;     /* left out: see problems */
  GPtrArray *problems;    /* CrmImportProblem: file, line, what is wrong */
} CrmIcalReport;

CrmIcalReport *crm_ical_report_new    (void);
void           crm_ical_report_free   (CrmIcalReport *report);
/* "Imported 12 events (3 updated); 1 left out." and the problems, one a
 * line, for people. */
char          *crm_ical_report_format (const CrmIcalReport *report);

/* Reads @data into import items (CrmActivityImportItem; masters first),
 * noting problems in @report. FALSE when it has no calendar at all (empty,
 * not iCalendar, no event). @display_name names the file in messages. */
GPtrArray     *crm_ical_parse         (const char *data, gsize length, const char *display_name,
                                       CrmIcalReport *report, GError **error);

/* Reads the file at @path and writes its events in one transaction (the
 * activities without a manager go to the "current manager" setting, else
 * the first active manager). */
gboolean       crm_ical_import_ics    (CrmDatabase *db, const char *path, CrmIcalReport *report,
                                       GError **error);

/* The activities of @manager_id (0: everybody) starting in [from, to) — the
 * series that reach into it included — as a VCALENDAR written to @path
 * (replaced atomically). *n_events (may be NULL) is how many were written. */
gboolean       crm_ical_export_ics    (CrmDatabase *db, const char *path, gint64 manager_id,
                                       gint64 from, gint64 to, guint *n_events, GError **error);
/* The same, into a stream. */
gboolean       crm_ical_write         (CrmDatabase *db, GOutputStream *out, gint64 manager_id,
                                       gint64 from, gint64 to, guint *n_events,
                                       GCancellable *cancellable, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmIcalReport, crm_ical_report_free)

G_END_DECLS
