/* test-ical.c — iCalendar import and export of activities
 *
 * A round trip (export, then import into an empty database, gives the
 * same activities), files as other programs write them, broken files, and
 * every real-world file of $SALESCRM_TESTDATA/ics.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "crm-activity-store.h"
#include "crm-client-store.h"
#include "crm-database-private.h"
#include "crm-ical.h"
#include "crm-manager-store.h"
#include "crm-recurrence.h"
#include "crm-test-util.h"
#include "test-calendar-util.h"

static CrmDatabase *
new_database (const char *name)
{
  g_autofree char *path = crm_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  CrmDatabase *db = crm_database_new (path, 0, NULL, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(GError) error = NULL;

  m->name = g_strdup (name);
  m->active = TRUE;
  g_assert_true (crm_manager_store_create (db, m, &error));
  return m->id;
}

static gint64
add_client (CrmDatabase *db, const char *name, gint64 owner)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->owner_id = owner;
  g_assert_true (crm_client_store_create (db, c, &error));
  return c->id;
}

static CrmActivity *
add_activity (CrmDatabase *db, CrmActivityType type, gint64 manager, gint64 client, gint64 starts_at,
              int minutes, const char *title)
{
  CrmActivity *a = crm_activity_new ();
  g_autoptr(GError) error = NULL;

  a->type = type;
  a->manager_id = manager;
  a->client_id = client;
  a->starts_at = starts_at;
  a->duration_min = minutes;
  a->title = g_strdup (title);
  a->reminder_min = -1;
  g_assert_true (crm_activity_store_create (db, a, &error));
  g_assert_no_error (error);
  return a;
}

static GPtrArray *
all_activities (CrmDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = crm_activity_store_list_range (db, 0, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_autoptr(GPtrArray) masters = crm_activity_store_list_series (db, 0, G_MAXINT64 / 2, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < masters->len; i++)
    g_ptr_array_add (rows, g_object_ref (masters->pdata[i]));
  return g_steal_pointer (&rows);
}

static CrmActivity *
find_uid (GPtrArray *list, const char *uid)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((CrmActivity *) list->pdata[i])->uid, uid) == 0)
      return list->pdata[i];
  return NULL;
}

static const char *
series_uid (GPtrArray *list, gint64 series_id)
{
  for (guint i = 0; i < list->len; i++)
    if (((CrmActivity *) list->pdata[i])->id == series_id)
      return ((CrmActivity *) list->pdata[i])->uid;
  return NULL;
}

static void
assert_same (GPtrArray *a_list, CrmActivity *a, GPtrArray *b_list, CrmActivity *b)
{
  g_assert_nonnull (b);
  g_assert_cmpint (a->type, ==, b->type);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpint (a->starts_at, ==, b->starts_at);
  g_assert_cmpint (a->duration_min, ==, b->duration_min);
  g_assert_cmpint (a->all_day, ==, b->all_day);
  g_assert_cmpint (a->direction, ==, b->direction);
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpstr (a->outcome, ==, b->outcome);
  g_assert_cmpstr (a->location, ==, b->location);
  g_assert_cmpint (a->reminder_min, ==, b->reminder_min);
  g_assert_cmpstr (a->rrule, ==, b->rrule);
  g_assert_cmpstr (a->exdates, ==, b->exdates);
  g_assert_cmpstr (a->tzid, ==, b->tzid);
  g_assert_cmpstr (a->manager_name, ==, b->manager_name);
  g_assert_cmpstr (a->client_name, ==, b->client_name);
  g_assert_cmpint (a->recurrence_at, ==, b->recurrence_at);
  g_assert_cmpstr (series_uid (a_list, a->series_id), ==, series_uid (b_list, b->series_id));
}

static void
test_round_trip (void)
{
  g_autoptr(CrmDatabase) db = new_database ("source.db");
  g_autoptr(CrmDatabase) empty = new_database ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmIcalReport) report = crm_ical_report_new ();
  g_autoptr(CrmIcalReport) again = crm_ical_report_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *path = crm_test_tmp_path ("export.ics");
  g_autoptr(CrmActivity) call = NULL, meeting = NULL, task = NULL, series = NULL, lonely = NULL;
  g_autoptr(CrmActivity) occurrence = NULL;
  gint64 anna = add_manager (db, "Анна Петрова");
  gint64 tom = add_manager (db, "Tom Smith, Jr.");
  gint64 client = add_client (db, "ООО «Ромашка»; склад", anna);
  gint64 other = add_client (db, "Acme, Inc.", tom);
  guint n = 0;

  call = add_activity (db, CRM_ACTIVITY_CALL, anna, client, crm_test_time (NULL, 2026, 11, 2, 10, 15), 12, "");
  call->state = CRM_STATE_DONE;
  call->direction = CRM_DIRECTION_INBOUND;
  call->outcome = g_strdup ("Договорились о встрече;\nпрайс, скидка 5%");
  g_assert_true (crm_activity_store_update (db, call, &error));

  meeting = add_activity (db, CRM_ACTIVITY_MEETING, tom, other, crm_test_time (NULL, 2026, 11, 3, 14, 0), 90,
                          "Contract: review, sign");
  meeting->state = CRM_STATE_CANCELLED;
  meeting->location = g_strdup ("Office \\ room 2");
  meeting->reminder_min = 30;
  g_assert_true (crm_activity_store_update (db, meeting, &error));

  task = add_activity (db, CRM_ACTIVITY_TASK, anna, 0, crm_test_time (NULL, 2026, 11, 4, 0, 0), 2 * 24 * 60,
                       "Prepare the quarter report");
  task->all_day = TRUE;
  g_assert_true (crm_activity_store_update (db, task, &error));

  series = add_activity (db, CRM_ACTIVITY_MEETING, anna, client, crm_test_time ("Europe/Berlin", 2026, 3, 16, 10, 0), 60,
                         "Weekly planning");
  series->rrule = g_strdup ("FREQ=WEEKLY;BYDAY=MO;COUNT=8");
  series->tzid = g_strdup ("Europe/Berlin");
  series->exdates = crm_exdates_add (NULL, crm_test_time ("Europe/Berlin", 2026, 3, 23, 10, 0));
  series->reminder_min = 15;
  g_assert_true (crm_activity_store_update (db, series, &error));
  g_assert_no_error (error);

  /* The third occurrence (after the DST change) held: a detached row. */
  occurrence = crm_recurrence_occurrence (series, crm_test_time ("Europe/Berlin", 2026, 3, 30, 10, 0));
  g_assert_nonnull (occurrence);
  occurrence->state = CRM_STATE_DONE;
  occurrence->outcome = g_strdup ("Held");
  g_assert_true (crm_activity_store_save_in_series (db, occurrence, CRM_SERIES_THIS, &error));
  g_assert_no_error (error);

  lonely = add_activity (db, CRM_ACTIVITY_TASK, tom, 0, crm_test_time ("UTC", 2027, 1, 1, 9, 0), 0, "New year");
  lonely->rrule = g_strdup ("FREQ=MONTHLY;UNTIL=20271231T235959Z");
  lonely->tzid = g_strdup ("UTC");
  g_assert_true (crm_activity_store_update (db, lonely, &error));

  g_assert_true (crm_ical_export_ics (db, path, 0, G_MININT64 / 2, G_MAXINT64 / 2, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);

  g_assert_true (crm_ical_import_ics (empty, path, report, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = crm_ical_report_format (report);
    g_test_message ("%s", text);
  }
  g_assert_cmpuint (report->created, ==, 6);
  g_assert_cmpuint (report->skipped, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);

  before = all_activities (db);
  after = all_activities (empty);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      CrmActivity *a = before->pdata[i];
      assert_same (before, a, after, find_uid (after, a->uid));
    }

  /* Importing the same file again updates; nothing is doubled. */
  g_assert_true (crm_ical_import_ics (empty, path, again, &error));
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->updated, ==, 6);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = all_activities (empty);
  g_assert_cmpuint (before->len, ==, after->len);
}

static CrmIcalReport *
import_text (CrmDatabase *db, const char *text, gboolean expect_ok)
{
  g_autofree char *path = crm_test_tmp_path ("in.ics");
  g_autoptr(GError) error = NULL;
  CrmIcalReport *report = crm_ical_report_new ();

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (crm_ical_import_ics (db, path, report, &error), ==, expect_ok);
  if (expect_ok)
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);
  return report;
}

static gboolean
has_problem (CrmIcalReport *report, guint line, const char *part)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      CrmImportProblem *p = report->problems->pdata[i];
      if (p->line == line && strstr (p->message, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* As Google Calendar, Outlook and Evolution write them. */
static void
test_other_programs (void)
{
  g_autoptr(CrmDatabase) db = new_database ("others.db");
  g_autoptr(CrmIcalReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  CrmActivity *a;
  const char *text =
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Russian Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0300\r\n"
    "TZOFFSETTO:+0300\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:google-1@google.com\r\n"
    "DTSTART;TZID=Europe/Moscow:20261105T100000\r\n"
    "DTEND;TZID=Europe/Moscow:20261105T113000\r\n"
    "SUMMARY:Встреча с\\, клиентом\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "TRIGGER:-P0DT0H30M0S\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:outlook-1\r\n"
    "DTSTART;TZID=Russian Standard Time:20261106T090000\r\n"
    "DURATION:PT45M\r\n"
    "RRULE:FREQ=WEEKLY;BYDAY=FR;COUNT=4\r\n"
    "EXDATE;TZID=Russian Standard Time:20261113T090000\r\n"
    "SUMMARY:Outlook weekly\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:evo-1\r\n"
    "DTSTART;VALUE=DATE:20261110\r\n"
    "DTEND;VALUE=DATE:20261111\r\n"
    "SUMMARY:All day\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:evo-2\r\n"
    "DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:\r\n"
    " 20261112T150000\r\n"
    "DTEND;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:20261112T160000\r\n"
    "SUMMARY:Folded start\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:outlook-1\r\n"
    "RECURRENCE-ID;TZID=Russian Standard Time:20261120T090000\r\n"
    "DTSTART;TZID=Russian Standard Time:20261120T110000\r\n"
    "DURATION:PT45M\r\n"
    "SUMMARY:Outlook weekly (moved)\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

  add_manager (db, "Owner");
  report = import_text (db, text, TRUE);
  g_assert_cmpuint (report->found, ==, 5);
  g_assert_cmpuint (report->created, ==, 5);
  g_assert_cmpuint (report->problems->len, ==, 0);
  list = all_activities (db);

  a = find_uid (list, "google-1@google.com");
  g_assert_cmpint (a->starts_at, ==, crm_test_time ("Europe/Moscow", 2026, 11, 5, 10, 0));
  g_assert_cmpint (a->duration_min, ==, 90);
  g_assert_cmpint (a->reminder_min, ==, 30);
  g_assert_cmpint (a->type, ==, CRM_ACTIVITY_MEETING);
  g_assert_cmpstr (a->title, ==, "Встреча с, клиентом");
  g_assert_cmpstr (a->manager_name, ==, "Owner");

  /* Outlook's Windows zone name is Moscow. */
  a = find_uid (list, "outlook-1");
  g_assert_cmpstr (a->tzid, ==, "Europe/Moscow");
  g_assert_cmpstr (a->rrule, ==, "FREQ=WEEKLY;COUNT=4;BYDAY=FR");
  g_assert_cmpint (a->duration_min, ==, 45);
  g_assert_true (crm_exdates_contains (a->exdates, crm_test_time ("Europe/Moscow", 2026, 11, 13, 9, 0)));
  /* The moved occurrence is excluded from the series and a row of its own. */
  g_assert_true (crm_exdates_contains (a->exdates, crm_test_time ("Europe/Moscow", 2026, 11, 20, 9, 0)));
  {
    g_autofree char *uid = g_strdup_printf ("outlook-1#%" G_GINT64_FORMAT, crm_test_time ("Europe/Moscow", 2026, 11, 20, 9, 0));
    CrmActivity *moved = find_uid (list, uid);
    g_assert_nonnull (moved);
    g_assert_cmpint (moved->series_id, ==, a->id);
    g_assert_cmpint (moved->starts_at, ==, crm_test_time ("Europe/Moscow", 2026, 11, 20, 11, 0));
  }

  a = find_uid (list, "evo-1");
  g_assert_true (a->all_day);
  g_assert_cmpint (a->starts_at, ==, crm_test_time (NULL, 2026, 11, 10, 0, 0));
  g_assert_cmpint (a->duration_min, ==, 24 * 60);

  a = find_uid (list, "evo-2");
  g_assert_cmpint (a->starts_at, ==, crm_test_time ("Europe/Berlin", 2026, 11, 12, 15, 0));
  g_assert_cmpint (a->duration_min, ==, 60);
}

/* The valid events go in; the others are reported with line and reason. */
static void
test_broken_file (void)
{
  g_autoptr(CrmDatabase) db = new_database ("broken.db");
  g_autoptr(CrmIcalReport) report = NULL;
  g_autoptr(CrmIcalReport) empty = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *text =
    "BEGIN:VCALENDAR\n"                          /* 1 */
    "VERSION:2.0\n"
    "BEGIN:VEVENT\n"                             /* 3 */
    "UID:good-1\n"
    "DTSTART:20261105T100000Z\n"
    "SUMMARY:Good\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"                             /* 8 */
    "UID:no-start\n"
    "SUMMARY:No start\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"                             /* 12 */
    "UID:bad-rule\n"
    "DTSTART:20261105T100000Z\n"
    "RRULE:FREQ=SOMETIMES\n"                     /* 15 */
    "END:VEVENT\n"
    "BEGIN:VJOURNAL\n"                           /* 17 */
    "UID:journal\n"
    "END:VJOURNAL\n"
    "BEGIN:VEVENT\n"                             /* 20 */
    "UID:bad-date\n"
    "DTSTART:INVALID-DATE\n"                     /* 22 */
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"                             /* 24 */
    "UID:good-2\n"
    "DTSTART;VALUE=DATE:20261106\n"
    "SUMMARY:Good too\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"                             /* 29 */
    "UID:cut\n"
    "DTSTART:20261107T100000Z\n";

  report = import_text (db, text, TRUE);
  g_assert_cmpuint (report->created, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 5);
  g_assert_true (has_problem (report, 8, "DTSTART"));
  g_assert_true (has_problem (report, 15, "SOMETIMES"));
  g_assert_true (has_problem (report, 17, "VJOURNAL"));
  g_assert_true (has_problem (report, 22, "DTSTART"));
  g_assert_true (has_problem (report, 29, "END:VEVENT"));
  list = all_activities (db);
  g_assert_cmpuint (list->len, ==, 2);

  /* Nothing to import at all is an error, not a silent success. */
  empty = import_text (db, "", FALSE);
  g_clear_pointer (&empty, crm_ical_report_free);
  empty = import_text (db, "BEGIN:VCALENDAR\nEND:VCALENDAR\n", FALSE);
  g_clear_pointer (&empty, crm_ical_report_free);
  empty = import_text (db, "Name,Phone\nAnna,123\n", FALSE);
}

/* ---- the real-world files ------------------------------------------------ */

typedef enum {
  EVENTS,          /* at least one activity imported; what was left out is listed */
  EVENTS_LISTED,   /* as EVENTS, and the file's flaws are listed */
  NOTHING,         /* nothing to import: refused with a message, or each left out with its reason */
  ANY,             /* a file not in the list yet: only the checks every file gets */
} Expect;

/* What each file of $SALESCRM_TESTDATA/ics holds, read by hand. A file that
 * is not here gets only the checks every file gets: add it. */
static const struct {
  const char *file;
  Expect      expect;
} real_world[] = {
  { "clients/dimex__ruby_rrule.ics", EVENTS },
  { "clients/evolution__event-5.ics", EVENTS },
  { "clients/evolution__event-6-a_detached.ics", EVENTS },
  { "clients/evolution__event-6.ics", EVENTS },
  { "clients/evolution__invite-5.ics", EVENTS },
  { "clients/evolution__invite-7.ics", EVENTS },
  { "clients/evolution__memo_items.ics", NOTHING },              /* memos (VJOURNAL) only */
  { "clients/evolution__task-7.ics", NOTHING },                  /* a task with no date */
  { "clients/google__alarm_future.ics", EVENTS },
  { "clients/pyical__all_components.ics", EVENTS },
  { "clients/pyical__calendar_with_unicode.ics", NOTHING },      /* calendar properties only */
  { "clients/pyical__escaped_characters.ics", NOTHING },         /* an event with no start */
  { "clients/pyical__rfc7986_properties.ics", NOTHING },         /* calendar properties only */
  { "full/icaljs__daily_recur.ics", EVENTS },
  { "full/icaljs__day_long_recur_yearly.ics", EVENTS },
  { "full/icaljs__duration_instead_of_dtend.ics", EVENTS },
  { "full/icaljs__forced_types.ics", EVENTS },
  { "full/icaljs__google_birthday.ics", EVENTS },
  { "full/icaljs__multiple_rrules.ics", EVENTS },
  { "full/icaljs__parserv2.ics", EVENTS },
  { "full/icaljs__rdate_exdate.ics", EVENTS },
  { "full/icaljs__recur_instances.ics", EVENTS },
  { "full/icaljs__recur_instances_finite.ics", EVENTS },
  { "full/libical__rfc2445_examples.ics", EVENTS },
  { "full/libical__rfc2446_itip.ics", EVENTS },
  { "full/libical__zday.ics", NOTHING },                         /* fuzzed: events in 1864, or no start */
  { "malformed/icaljs__blank_line_end.ics", NOTHING },           /* an empty calendar */
  { "malformed/icaljs__blank_line_mid.ics", NOTHING },
  { "malformed/icaljs__multiple_root_components.ics", NOTHING },
  { "malformed/icaljs__newline_junk.ics", NOTHING },
  { "malformed/icaljs__single_empty_vcalendar.ics", NOTHING },
  { "malformed/icaljs__utc_negative_zero.ics", EVENTS },         /* TZOFFSETTO:-0000 of a known zone */
  { "malformed/libical__recur-errors.ics", EVENTS_LISTED },
  { "malformed/pyical__bom_calendar.ics", NOTHING },
  { "malformed/pyical__broken_dtstart.ics", NOTHING },
  { "malformed/pyical__broken_ical.ics", EVENTS },               /* DTSTART;;VALUE=…: read as meant */
  { "malformed/pyical__empty.ics", NOTHING },
  { "malformed/pyical__invalid_duration.ics", EVENTS_LISTED },
  { "malformed/pyical__issue_104_broken_calendar.ics", EVENTS }, /* a stray line outside the event */
  { "malformed/pyical__issue_218_bad_tzid.ics", EVENTS },        /* its own VTIMEZONE says the offset */
  { "malformed/pyical__issue_722_missing_VTIMEZONE_custom.ics", EVENTS_LISTED },
  { "malformed/pyical__parsing_error.ics", EVENTS_LISTED },
  { "malformed/pyical__small_bad_calendar.ics", NOTHING },
};

static int
expectation_of (const char *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_world); i++)
    if (g_str_equal (real_world[i].file, file))
      return (int) i;
  return -1;
}

/* Every file of the real-world set gives what it holds: events imported,
 * what was left out listed with its reason, a file with nothing to import
 * refused with a message; none crashes, and a second import adds nothing. */
static void
test_real_world_files (void)
{
  const char *root = g_getenv ("SALESCRM_TESTDATA");
  const char *folders[] = { "clients", "full", "malformed" };
  gboolean seen[G_N_ELEMENTS (real_world)] = { FALSE };
  guint n_files = 0;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("SALESCRM_TESTDATA is not there");
      return;
    }
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_build_filename (root, "ics", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *file = g_strdup_printf ("%s/%s", folders[f], name);
          g_autofree char *db_name = g_strdup_printf ("rw-%s.db", name);
          g_autoptr(CrmDatabase) db = NULL;
          g_autoptr(CrmIcalReport) report = crm_ical_report_new ();
          g_autoptr(GError) error = NULL;
          int index = expectation_of (file);
          Expect expect;
          gboolean ok;

          if (!g_str_has_suffix (name, ".ics"))
            continue;
          /* The shared files may change between sessions: a new one gets
           * the checks every file gets (imported with what was left out
           * listed, or refused with a message), and is named in the log so
           * that real_world[] can say what it should give. */
          if (index < 0)
            g_test_message ("%s is new: add it to real_world[]", file);
          else
            seen[index] = TRUE;
          expect = index < 0 ? ANY : real_world[index].expect;
          n_files++;
          db = new_database (db_name);
          ok = crm_ical_import_ics (db, path, report, &error);
          if (ok)
            {
              g_autofree char *text = crm_ical_report_format (report);
              g_assert_no_error (error);
              g_test_message ("%s: found %u, %s", file, report->found, text);
              /* What was left out says why. */
              g_assert_cmpuint (report->problems->len, >=, report->skipped);
              g_assert_cmpuint (report->created + report->updated + report->skipped, >=, 1);
            }
          else
            {
              g_assert_nonnull (error);
              g_assert_cmpstr (error->message, !=, "");
              g_test_message ("%s: refused: %s", file, error->message);
            }

          if (expect == ANY)
            ;
          else if (expect == NOTHING)
            {
              /* Refused, or every item left out with its reason. */
              g_assert_true (!ok || (report->created == 0 && report->updated == 0 &&
                                     report->skipped >= 1 && report->problems->len >= 1));
            }
          else
            {
              g_assert_true (ok);
              g_assert_cmpuint (report->created, >=, 1);
              if (expect == EVENTS_LISTED)
                g_assert_cmpuint (report->problems->len, >=, 1);
            }

          /* A second import changes nothing in the count. */
          if (ok && report->created > 0)
            {
              g_autoptr(CrmIcalReport) again = crm_ical_report_new ();
              g_assert_true (crm_ical_import_ics (db, path, again, NULL));
              g_assert_cmpuint (again->created, ==, 0);
            }
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (real_world); i++)
    if (!seen[i])
      g_test_message ("%s is no longer in %s/ics", real_world[i].file, root);
  g_test_message ("%u files, %u of them known", n_files, (guint) G_N_ELEMENTS (real_world));
  g_assert_cmpuint (n_files, >, 0);
}

/* An import is one transaction: when the disk fills half-way, not one of
 * its events is kept, the error says why, and the same file imports whole
 * once there is room. */
static void
test_all_or_nothing (void)
{
  g_autoptr(CrmDatabase) db = new_database ("full.db");
  g_autofree char *path = crm_test_tmp_path ("many.ics");
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
  g_autoptr(CrmIcalReport) report = crm_ical_report_new ();
  g_autoptr(CrmIcalReport) again = crm_ical_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 pages = 0;

  add_manager (db, "Owner");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:event-%u@test\r\nDTSTART:20261201T%02u%02u00Z\r\n"
                                  "DURATION:PT30M\r\nSUMMARY:Meeting %u with a long enough title to take room\r\n"
                                  "DESCRIPTION:%0200u\r\nEND:VEVENT\r\n", i, 8 + i % 10, i % 60, i, i);
  g_string_append (text, "END:VCALENDAR\r\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  before = all_activities (db);
  {
    sqlite3_stmt *stmt = crm_database_prepare (db, "PRAGMA page_count", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    pages = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
  }
  g_assert_true (crm_database_set_max_pages (db, pages + 40, &error));
  g_assert_false (crm_ical_import_ics (db, path, report, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  after = all_activities (db);
  g_assert_cmpuint (after->len, ==, before->len);

  g_assert_true (crm_database_set_max_pages (db, 1000000, &error));
  g_assert_true (crm_ical_import_ics (db, path, again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->created, ==, 3000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/round-trip", test_round_trip);
  g_test_add_func ("/ical/other-programs", test_other_programs);
  g_test_add_func ("/ical/broken-file", test_broken_file);
  g_test_add_func ("/ical/real-world-files", test_real_world_files);
  g_test_add_func ("/ical/all-or-nothing", test_all_or_nothing);

  return g_test_run ();
}
