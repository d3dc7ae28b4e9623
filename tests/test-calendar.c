/* test-calendar.c — the calendar's data: overlap layout, occurrences,
 * conflicts, series edits, DST through the store, follow-ups
 *
 * Runs in Europe/Berlin (TZ is set before anything reads the zone), where
 * the clocks change on 29 March and 25 October 2026.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-activity-store.h"
#include "crm-agenda-store.h"
#include "crm-calendar-layout.h"
#include "crm-client-store.h"
#include "crm-deal-store.h"
#include "crm-kpi-store.h"
#include "crm-manager-store.h"
#include "crm-recurrence.h"
#include "crm-setting-store.h"
#include "crm-test-util.h"
#include "test-calendar-util.h"

#define local(y, mo, d, h, mi) crm_test_time (NULL, y, mo, d, h, mi)

static int
local_hour (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);
  return g_date_time_get_hour (dt);
}

typedef struct {
  CrmDatabase *db;
  gint64       anna;
  gint64       boris;
  gint64       client;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("calendar.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmManager) a = crm_manager_new ();
  g_autoptr(CrmManager) b = crm_manager_new ();
  g_autoptr(CrmClient) c = crm_client_new ();

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  a->name = g_strdup ("Anna");
  b->name = g_strdup ("Boris");
  g_assert_true (crm_manager_store_create (f->db, a, &error));
  g_assert_true (crm_manager_store_create (f->db, b, &error));
  c->name = g_strdup ("Acme");
  c->owner_id = a->id;
  c->created_at = local (2026, 1, 1, 9, 0);
  g_assert_true (crm_client_store_create (f->db, c, &error));
  f->anna = a->id;
  f->boris = b->id;
  f->client = c->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
}

static CrmActivity *
add (Fixture *f, gint64 manager, CrmActivityType type, gint64 start, int minutes, const char *rrule)
{
  CrmActivity *a = crm_activity_new ();
  g_autoptr(GError) error = NULL;

  a->type = type;
  a->manager_id = manager;
  a->client_id = f->client;
  a->starts_at = start;
  a->duration_min = minutes;
  a->reminder_min = -1;
  a->title = g_strdup (rrule != NULL ? "Planning" : "");
  if (rrule != NULL)
    {
      a->rrule = g_strdup (rrule);
      a->tzid = g_strdup ("Europe/Berlin");
    }
  g_assert_true (crm_activity_store_create (f->db, a, &error));
  g_assert_no_error (error);
  return a;
}

/* ---- layout ------------------------------------------------------------- */

static void
test_layout (void)
{
  /* 9:00–10:00, 9:30–10:30 and 10:00–11:00 overlap as a chain: two
   * columns; the third reuses the first. 12:00 is alone and full width. */
  CrmLayoutItem items[] = {
    { 600, 660 }, { 540, 600 }, { 570, 630 }, { 720, 750 }, { 540, 560 },
  };

  crm_calendar_layout (items, G_N_ELEMENTS (items));
  /* Sorted: 540–600, 540–560, 570–630, 600–660, 720–750. */
  g_assert_cmpint (items[0].start, ==, 540);
  g_assert_cmpint (items[0].end, ==, 600);
  g_assert_cmpuint (items[0].column, ==, 0);
  g_assert_cmpuint (items[1].column, ==, 1);
  g_assert_cmpuint (items[2].column, ==, 1);      /* after 540–560 ended */
  g_assert_cmpuint (items[3].column, ==, 0);      /* touches 540–600: shares its column */
  for (int i = 0; i < 4; i++)
    {
      g_assert_cmpuint (items[i].n_columns, ==, 2);
      g_assert_cmpuint (items[i].group, ==, 0);
    }
  g_assert_cmpuint (items[4].group, ==, 1);
  g_assert_cmpuint (items[4].n_columns, ==, 1);
  g_assert_cmpuint (items[4].span, ==, 1);
  /* 540–600 has 540–560 and 570–630 beside it: no room to stretch. */
  g_assert_cmpuint (items[0].span, ==, 1);
}

static void
test_layout_stretch (void)
{
  /* A long meeting beside two short calls one after the other, and a
   * third call overlapping the first: three columns for the calls' part,
   * the meeting keeps its own, the late call stretches over the free one. */
  CrmLayoutItem items[] = {
    { 0, 240 },      /* meeting */
    { 0, 60 },       /* call A */
    { 30, 90 },      /* call B, overlaps A */
    { 120, 180 },    /* call C: columns 1 and 2 are free then */
  };

  crm_calendar_layout (items, G_N_ELEMENTS (items));
  g_assert_cmpuint (items[0].column, ==, 0);
  g_assert_cmpuint (items[1].column, ==, 1);
  g_assert_cmpuint (items[2].column, ==, 2);
  g_assert_cmpuint (items[3].column, ==, 1);
  g_assert_cmpuint (items[3].n_columns, ==, 3);
  g_assert_cmpuint (items[3].span, ==, 2);
  g_assert_cmpuint (items[1].span, ==, 1);

  /* Nothing to lay out is fine. */
  crm_calendar_layout (NULL, 0);
}

/* ---- occurrences and conflicts ------------------------------------------ */

static void
test_occurrences (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) late = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 11, 1, 23, 0), 120, NULL);
  g_autoptr(CrmActivity) call = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 2, 9, 0), 15, NULL);
  g_autoptr(CrmActivity) other = add (f, f->boris, CRM_ACTIVITY_CALL, local (2026, 11, 2, 9, 0), 15, NULL);
  g_autoptr(CrmActivity) series = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 10, 5, 10, 0), 60,
                                       "FREQ=WEEKLY;BYDAY=MO,WE");
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) team = NULL;

  /* The week of 2 November: the meeting from Sunday night runs into it,
   * the call, and the series on Monday and Wednesday. */
  week = crm_activity_store_list_occurrences (f->db, f->anna, local (2026, 11, 2, 0, 0), local (2026, 11, 9, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->len, ==, 4);
  g_assert_cmpint (((CrmActivity *) week->pdata[0])->id, ==, late->id);
  g_assert_cmpint (((CrmActivity *) week->pdata[1])->id, ==, call->id);
  g_assert_true (crm_activity_is_occurrence (week->pdata[2]));
  g_assert_cmpint (((CrmActivity *) week->pdata[2])->starts_at, ==, local (2026, 11, 2, 10, 0));
  g_assert_cmpint (((CrmActivity *) week->pdata[3])->starts_at, ==, local (2026, 11, 4, 10, 0));
  g_assert_cmpstr (((CrmActivity *) week->pdata[3])->manager_name, ==, "Anna");

  team = crm_activity_store_list_occurrences (f->db, 0, local (2026, 11, 2, 0, 0), local (2026, 11, 3, 0, 0), &error);
  g_assert_cmpuint (team->len, ==, 4);     /* the late meeting, two calls, the series */
  (void) other;
}

static void
test_conflicts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) call = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 2, 9, 0), 30, NULL);
  g_autoptr(CrmActivity) series = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 10, 5, 10, 0), 60,
                                       "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(CrmActivity) cancelled = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 2, 12, 0), 30, NULL);
  g_autoptr(GPtrArray) busy = NULL;
  g_autoptr(CrmActivity) occurrence = NULL;

  cancelled->state = CRM_STATE_CANCELLED;
  g_assert_true (crm_activity_store_update (f->db, cancelled, &error));

  /* 9:15–10:15 touches the call and the series' occurrence at 10:00. */
  busy = crm_activity_store_find_busy (f->db, f->anna, local (2026, 11, 2, 9, 15), local (2026, 11, 2, 10, 15), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (busy->len, ==, 2);
  g_assert_cmpint (((CrmActivity *) busy->pdata[0])->id, ==, call->id);
  g_assert_cmpint (((CrmActivity *) busy->pdata[1])->series_id, ==, series->id);
  g_clear_pointer (&busy, g_ptr_array_unref);

  /* The call itself, moved, is not in its own way; Boris is free. */
  busy = crm_activity_store_find_busy (f->db, f->anna, local (2026, 11, 2, 9, 15), local (2026, 11, 2, 9, 45), call, &error);
  g_assert_cmpuint (busy->len, ==, 0);
  g_clear_pointer (&busy, g_ptr_array_unref);
  busy = crm_activity_store_find_busy (f->db, f->boris, local (2026, 11, 2, 9, 0), local (2026, 11, 2, 11, 0), NULL, &error);
  g_assert_cmpuint (busy->len, ==, 0);
  g_clear_pointer (&busy, g_ptr_array_unref);

  /* An occurrence moved within its own hour clashes with nothing; ending
   * exactly when the call starts is no clash; a cancelled one is free. */
  occurrence = crm_recurrence_occurrence (series, local (2026, 11, 2, 10, 0));
  busy = crm_activity_store_find_busy (f->db, f->anna, local (2026, 11, 2, 10, 15), local (2026, 11, 2, 11, 15), occurrence, &error);
  g_assert_cmpuint (busy->len, ==, 0);
  g_clear_pointer (&busy, g_ptr_array_unref);
  busy = crm_activity_store_find_busy (f->db, f->anna, local (2026, 11, 2, 8, 30), local (2026, 11, 2, 9, 0), NULL, &error);
  g_assert_cmpuint (busy->len, ==, 0);
  g_clear_pointer (&busy, g_ptr_array_unref);
  busy = crm_activity_store_find_busy (f->db, f->anna, local (2026, 11, 2, 12, 0), local (2026, 11, 2, 12, 30), NULL, &error);
  g_assert_cmpuint (busy->len, ==, 0);
}

/* ---- series ------------------------------------------------------------- */

static gint64
calls_done (Fixture *f, const char *month)
{
  g_autoptr(CrmPeriod) period = crm_period_parse (month, NULL);
  g_autoptr(CrmSettings) settings = crm_setting_store_load (f->db, NULL);
  g_autoptr(CrmKpiReport) report = crm_kpi_store_compute (f->db, period, f->anna, settings, 0, NULL);
  const CrmKpiRow *row = report->managers->pdata[0];

  return row->figures.calls;
}

static void
test_series_this_one (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) series = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 2, 9, 0), 15,
                                       "FREQ=DAILY;COUNT=5");
  g_autoptr(CrmActivity) second = crm_recurrence_occurrence (series, local (2026, 11, 3, 9, 0));
  g_autoptr(CrmActivity) master = NULL;
  g_autoptr(CrmActivity) row = NULL;
  g_autoptr(GPtrArray) week = NULL;

  /* Not counted while it is a rule. */
  g_assert_cmpint (calls_done (f, "2026-11"), ==, 0);

  /* Done: a row of its own, out of the master, counted by the KPIs. */
  second->state = CRM_STATE_DONE;
  second->duration_min = 12;
  second->direction = CRM_DIRECTION_OUTBOUND;
  g_assert_true (crm_activity_store_save_in_series (f->db, second, CRM_SERIES_THIS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second->id, >, 0);
  row = crm_activity_store_get (f->db, second->id, &error);
  g_assert_null (row->rrule);
  g_assert_cmpint (row->series_id, ==, series->id);
  g_assert_cmpint (row->recurrence_at, ==, local (2026, 11, 3, 9, 0));
  master = crm_activity_store_get (f->db, series->id, &error);
  g_assert_true (crm_exdates_contains (master->exdates, local (2026, 11, 3, 9, 0)));
  g_assert_cmpint (calls_done (f, "2026-11"), ==, 1);

  /* The week shows it once: the row, not the occurrence. */
  week = crm_activity_store_list_occurrences (f->db, f->anna, local (2026, 11, 2, 0, 0), local (2026, 11, 9, 0, 0), &error);
  g_assert_cmpuint (week->len, ==, 5);
  g_assert_cmpint (((CrmActivity *) week->pdata[1])->id, ==, second->id);
}

static void
test_series_following_and_all (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) series = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 11, 2, 10, 0), 60,
                                       "FREQ=WEEKLY;COUNT=6");
  g_autoptr(CrmActivity) third = crm_recurrence_occurrence (series, local (2026, 11, 16, 10, 0));
  g_autoptr(CrmActivity) first = NULL;
  g_autoptr(CrmActivity) master = NULL;
  g_autoptr(GPtrArray) masters = NULL;
  g_autoptr(GPtrArray) all = NULL;

  /* From the third on at 11:00: the old series keeps two, a new one has
   * the four left. */
  third->starts_at = local (2026, 11, 16, 11, 0);
  g_assert_true (crm_activity_store_save_in_series (f->db, third, CRM_SERIES_FOLLOWING, &error));
  g_assert_no_error (error);
  masters = crm_activity_store_list_series (f->db, f->anna, G_MAXINT64 / 2, &error);
  g_assert_cmpuint (masters->len, ==, 2);
  g_assert_cmpstr (((CrmActivity *) masters->pdata[0])->rrule, ==, "FREQ=WEEKLY;COUNT=2");
  g_assert_cmpstr (((CrmActivity *) masters->pdata[1])->rrule, ==, "FREQ=WEEKLY;COUNT=4");
  g_assert_cmpint (((CrmActivity *) masters->pdata[1])->starts_at, ==, local (2026, 11, 16, 11, 0));
  all = crm_activity_store_list_occurrences (f->db, f->anna, local (2026, 11, 1, 0, 0), local (2027, 1, 1, 0, 0), &error);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_cmpint (local_hour (((CrmActivity *) all->pdata[1])->starts_at), ==, 10);
  g_assert_cmpint (local_hour (((CrmActivity *) all->pdata[2])->starts_at), ==, 11);

  /* All of the first series a day later and renamed, from its second
   * occurrence. */
  first = crm_recurrence_occurrence (masters->pdata[0], local (2026, 11, 9, 10, 0));
  first->starts_at = local (2026, 11, 10, 10, 0);
  g_free (first->title);
  first->title = g_strdup ("Weekly review");
  g_assert_true (crm_activity_store_save_in_series (f->db, first, CRM_SERIES_ALL, &error));
  master = crm_activity_store_get (f->db, ((CrmActivity *) masters->pdata[0])->id, &error);
  g_assert_cmpint (master->starts_at, ==, local (2026, 11, 3, 10, 0));
  g_assert_cmpstr (master->title, ==, "Weekly review");
}

static void
test_series_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) series = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 2, 9, 0), 15, "FREQ=DAILY");
  g_autoptr(CrmActivity) done = crm_recurrence_occurrence (series, local (2026, 11, 2, 9, 0));
  g_autoptr(CrmActivity) fourth = crm_recurrence_occurrence (series, local (2026, 11, 5, 9, 0));
  g_autoptr(CrmActivity) second = crm_recurrence_occurrence (series, local (2026, 11, 3, 9, 0));
  g_autoptr(CrmActivity) kept = NULL;
  g_autoptr(GPtrArray) left = NULL;

  done->state = CRM_STATE_DONE;
  g_assert_true (crm_activity_store_save_in_series (f->db, done, CRM_SERIES_THIS, &error));

  /* This one: only the 3rd goes. Following from the 5th: the series ends
   * on the 4th. */
  g_assert_true (crm_activity_store_delete_in_series (f->db, second, CRM_SERIES_THIS, &error));
  g_assert_true (crm_activity_store_delete_in_series (f->db, fourth, CRM_SERIES_FOLLOWING, &error));
  g_assert_no_error (error);
  left = crm_activity_store_list_occurrences (f->db, f->anna, local (2026, 11, 1, 0, 0), local (2026, 12, 1, 0, 0), &error);
  g_assert_cmpuint (left->len, ==, 2);     /* the done one (a row) and the 4th */
  g_assert_cmpint (((CrmActivity *) left->pdata[1])->starts_at, ==, local (2026, 11, 4, 9, 0));

  /* All: the series goes, what was done stays as history. */
  g_assert_true (crm_activity_store_delete_in_series (f->db, left->pdata[1], CRM_SERIES_ALL, &error));
  g_assert_no_error (error);
  g_assert_null (crm_activity_store_get (f->db, series->id, NULL));
  kept = crm_activity_store_get (f->db, done->id, &error);
  g_assert_nonnull (kept);
  g_assert_cmpint (kept->series_id, ==, 0);
  g_assert_cmpint (calls_done (f, "2026-11"), ==, 1);
}

/* A weekly 10:00 meeting stays at 10:00 local across both DST changes. */
static void
test_dst_weekly (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) series = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 3, 2, 10, 0), 60,
                                       "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(GPtrArray) spring = NULL;
  g_autoptr(GPtrArray) autumn = NULL;

  spring = crm_activity_store_list_occurrences (f->db, f->anna, local (2026, 3, 16, 0, 0), local (2026, 4, 13, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spring->len, ==, 4);
  for (guint i = 0; i < spring->len; i++)
    g_assert_cmpint (local_hour (((CrmActivity *) spring->pdata[i])->starts_at), ==, 10);
  g_assert_cmpint (((CrmActivity *) spring->pdata[2])->starts_at - ((CrmActivity *) spring->pdata[1])->starts_at,
                   ==, 7 * 86400 - 3600);
  autumn = crm_activity_store_list_occurrences (f->db, f->anna, local (2026, 10, 19, 0, 0), local (2026, 11, 3, 0, 0), &error);
  g_assert_cmpuint (autumn->len, ==, 3);
  for (guint i = 0; i < autumn->len; i++)
    g_assert_cmpint (local_hour (((CrmActivity *) autumn->pdata[i])->starts_at), ==, 10);
}

static void
test_bad_rule_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) a = crm_activity_new ();

  a->type = CRM_ACTIVITY_CALL;
  a->manager_id = f->anna;
  a->starts_at = local (2026, 11, 2, 9, 0);
  a->rrule = g_strdup ("FREQ=SOMETIMES");
  g_assert_false (crm_activity_store_create (f->db, a, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID);
  g_assert_cmpstr (crm_store_error_get_field (error), ==, "rrule");
}

/* ---- follow-ups --------------------------------------------------------- */

static void
test_follow_ups (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = local (2026, 11, 27, 12, 0);
  g_autoptr(CrmClient) fresh = crm_client_new ();
  g_autoptr(CrmClient) planned = crm_client_new ();
  g_autoptr(CrmDeal) stuck = crm_deal_new ();
  g_autoptr(CrmDeal) moving = crm_deal_new ();
  g_autoptr(CrmActivity) old_call = NULL;
  g_autoptr(CrmActivity) next_call = NULL;
  g_autoptr(CrmActivity) overdue = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) late = NULL;
  guint total = 0;

  /* Acme: last contact 30 days ago. A new client: created yesterday. A
   * client with a call planned: not due. */
  old_call = add (f, f->anna, CRM_ACTIVITY_CALL, now - 30 * 86400, 10, NULL);
  old_call->state = CRM_STATE_DONE;
  g_assert_true (crm_activity_store_update (f->db, old_call, &error));
  fresh->name = g_strdup ("Newcomer");
  fresh->owner_id = f->anna;
  fresh->created_at = now - 86400;
  g_assert_true (crm_client_store_create (f->db, fresh, &error));
  planned->name = g_strdup ("Planned Ltd");
  planned->owner_id = f->anna;
  planned->created_at = now - 90 * 86400;
  g_assert_true (crm_client_store_create (f->db, planned, &error));
  next_call = add (f, f->anna, CRM_ACTIVITY_CALL, now + 86400, 10, NULL);
  next_call->client_id = planned->id;
  g_assert_true (crm_activity_store_update (f->db, next_call, &error));

  due = crm_agenda_store_clients_due (f->db, f->anna, now, 14, 10, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (((CrmClient *) due->pdata[0])->name, ==, "Acme");
  g_assert_cmpint (((CrmClient *) due->pdata[0])->last_contact_at, ==, now - 30 * 86400);

  stuck->client_id = f->client;
  stuck->manager_id = f->anna;
  stuck->title = g_strdup ("Old proposal");
  stuck->stage = CRM_STAGE_PROPOSAL;
  stuck->stage_changed_at = now - 40 * 86400;
  stuck->created_at = now - 50 * 86400;
  g_assert_true (crm_deal_store_create (f->db, stuck, &error));
  g_assert_no_error (error);
  moving->client_id = f->client;
  moving->manager_id = f->anna;
  moving->title = g_strdup ("Fresh lead");
  moving->stage_changed_at = now - 2 * 86400;
  moving->created_at = now - 2 * 86400;
  g_assert_true (crm_deal_store_create (f->db, moving, &error));
  deals = crm_agenda_store_stuck_deals (f->db, f->anna, now, 21, 10, &total, &error);
  g_assert_cmpuint (deals->len, ==, 1);
  g_assert_cmpstr (((CrmDeal *) deals->pdata[0])->title, ==, "Old proposal");

  /* Overdue: planned and over before now. */
  overdue = add (f, f->anna, CRM_ACTIVITY_CALL, now - 2 * 86400, 10, NULL);
  late = crm_activity_store_list_overdue (f->db, f->anna, now, 10, &error);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpint (((CrmActivity *) late->pdata[0])->id, ==, overdue->id);
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/layout", test_layout);
  g_test_add_func ("/calendar/layout-stretch", test_layout_stretch);
#define ADD(path, fn) g_test_add ("/calendar/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("occurrences", test_occurrences);
  ADD ("conflicts", test_conflicts);
  ADD ("series-this-one", test_series_this_one);
  ADD ("series-following-and-all", test_series_following_and_all);
  ADD ("series-delete", test_series_delete);
  ADD ("dst-weekly", test_dst_weekly);
  ADD ("bad-rule-refused", test_bad_rule_refused);
  ADD ("follow-ups", test_follow_ups);
#undef ADD

  return g_test_run ();
}
