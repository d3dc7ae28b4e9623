/* test-clients-store.c — a client's timeline and figures, and the field checks
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-activity-store.h"
#include "crm-client-check.h"
#include "crm-client-store.h"
#include "crm-complaint-store.h"
#include "crm-deal-store.h"
#include "crm-error.h"
#include "crm-manager-store.h"
#include "crm-payment-store.h"
#include "crm-test-util.h"
#include "crm-timeline-store.h"

typedef struct {
  CrmDatabase *db;
  gint64       manager;
  gint64       client;
  gint64       other;
} Fixture;

static gint64
local_time (int y, int m, int d, int hh, int mm)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, hh, mm, 0);
  return g_date_time_to_unix (dt);
}

static gint64
add_activity (Fixture *f, gint64 client, CrmActivityType type, gint64 starts_at, int minutes, const char *outcome)
{
  g_autoptr(CrmActivity) a = crm_activity_new ();
  g_autoptr(GError) error = NULL;

  a->type = type;
  a->state = CRM_STATE_DONE;
  a->client_id = client;
  a->manager_id = f->manager;
  a->starts_at = starts_at;
  a->duration_min = minutes;
  a->direction = type == CRM_ACTIVITY_CALL ? CRM_DIRECTION_OUTBOUND : CRM_DIRECTION_NONE;
  a->outcome = g_strdup (outcome);
  a->reminder_min = -1;
  g_assert_true (crm_activity_store_create (f->db, a, &error));
  g_assert_no_error (error);
  return a->id;
}

static void
add_payment (Fixture *f, gint64 client, const char *day, gint64 amount)
{
  g_autoptr(CrmPayment) p = crm_payment_new ();
  g_autoptr(GError) error = NULL;

  p->client_id = client;
  p->manager_id = f->manager;
  p->paid_on = g_strdup (day);
  p->amount = amount;
  g_assert_true (crm_payment_store_create (f->db, p, &error));
  g_assert_no_error (error);
}

static void
add_complaint (Fixture *f, gint64 client, const char *day, gint64 cost)
{
  g_autoptr(CrmComplaint) k = crm_complaint_new ();
  g_autoptr(GError) error = NULL;

  k->client_id = client;
  k->manager_id = f->manager;
  k->opened_on = g_strdup (day);
  k->cost = cost;
  k->description = g_strdup ("Broken on delivery");
  g_assert_true (crm_complaint_store_create (f->db, k, &error));
  g_assert_no_error (error);
}

static gint64
add_deal (Fixture *f, gint64 client, gint64 created_at, const char *title, gint64 amount)
{
  g_autoptr(CrmDeal) d = crm_deal_new ();
  g_autoptr(GError) error = NULL;

  d->client_id = client;
  d->manager_id = f->manager;
  d->title = g_strdup (title);
  d->amount = amount;
  d->stage = CRM_STAGE_NEW;
  d->probability = 10;
  d->created_at = created_at;
  g_assert_true (crm_deal_store_create (f->db, d, &error));
  g_assert_no_error (error);
  return d->id;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("timeline.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(CrmClient) o = crm_client_new ();

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  m->name = g_strdup ("Анна Петрова");
  g_assert_true (crm_manager_store_create (f->db, m, &error));
  f->manager = m->id;
  c->name = g_strdup ("ООО «Ромашка»");
  g_assert_true (crm_client_store_create (f->db, c, &error));
  f->client = c->id;
  o->name = g_strdup ("Someone Else");
  g_assert_true (crm_client_store_create (f->db, o, &error));
  f->other = o->id;
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
}

static gint64
entry_id (CrmTimelineEntry *e)
{
  switch (e->kind)
    {
    case CRM_TIMELINE_ACTIVITY: return CRM_ACTIVITY (e->object)->id;
    case CRM_TIMELINE_DEAL: return CRM_DEAL (e->object)->id;
    case CRM_TIMELINE_PAYMENT: return CRM_PAYMENT (e->object)->id;
    case CRM_TIMELINE_COMPLAINT:
    default: return CRM_COMPLAINT (e->object)->id;
    }
}

/* Activities, deals, payments and complaints of the client, newest first;
 * a dated payment heads the entries of its day; other clients' rows stay out. */
static void
test_timeline_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) two = NULL;
  gint64 call, meeting, deal;
  CrmTimelineEntry *e;

  call = add_activity (f, f->client, CRM_ACTIVITY_CALL, local_time (2026, 11, 3, 10, 0), 12, "Interested");
  meeting = add_activity (f, f->client, CRM_ACTIVITY_MEETING, local_time (2026, 11, 5, 15, 0), 60, NULL);
  deal = add_deal (f, f->client, local_time (2026, 11, 4, 9, 30), "Office chairs", 1200000);
  add_payment (f, f->client, "2026-11-03", 500000);
  add_complaint (f, f->client, "2026-11-06", 70000);
  add_activity (f, f->other, CRM_ACTIVITY_CALL, local_time (2026, 11, 7, 10, 0), 3, NULL);
  add_payment (f, f->other, "2026-11-08", 100);

  all = crm_timeline_store_list (f->db, f->client, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  e = all->pdata[0];
  g_assert_cmpint (e->kind, ==, CRM_TIMELINE_COMPLAINT);                        /* Nov 6 */
  e = all->pdata[1];
  g_assert_cmpint (e->kind, ==, CRM_TIMELINE_ACTIVITY);                         /* Nov 5 15:00 */
  g_assert_cmpint (entry_id (e), ==, meeting);
  e = all->pdata[2];
  g_assert_cmpint (e->kind, ==, CRM_TIMELINE_DEAL);                             /* Nov 4 09:30 */
  g_assert_cmpint (entry_id (e), ==, deal);
  g_assert_cmpstr (CRM_DEAL (e->object)->title, ==, "Office chairs");
  g_assert_cmpstr (CRM_DEAL (e->object)->manager_name, ==, "Анна Петрова");
  e = all->pdata[3];
  g_assert_cmpint (e->kind, ==, CRM_TIMELINE_PAYMENT);                          /* Nov 3, end of day */
  g_assert_cmpint (CRM_PAYMENT (e->object)->amount, ==, 500000);
  e = all->pdata[4];
  g_assert_cmpint (e->kind, ==, CRM_TIMELINE_ACTIVITY);                         /* Nov 3 10:00 */
  g_assert_cmpint (entry_id (e), ==, call);
  g_assert_cmpstr (CRM_ACTIVITY (e->object)->outcome, ==, "Interested");
  g_assert_cmpint (CRM_ACTIVITY (e->object)->direction, ==, CRM_DIRECTION_OUTBOUND);

  /* The newest two only. */
  two = crm_timeline_store_list (f->db, f->client, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpint (((CrmTimelineEntry *) two->pdata[0])->kind, ==, CRM_TIMELINE_COMPLAINT);
  g_assert_cmpint (entry_id (two->pdata[1]), ==, meeting);
}

/* Revenue, complaint costs and the result, all time, for that client only. */
static void
test_summary (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CrmClientSummary s;

  g_assert_true (crm_timeline_store_summary (f->db, f->client, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.revenue, ==, 0);
  g_assert_cmpuint (crm_client_summary_n_entries (&s), ==, 0);

  add_payment (f, f->client, "2024-01-10", 300000);
  add_payment (f, f->client, "2026-11-03", 200000);
  add_payment (f, f->other, "2026-11-03", 999999);
  add_complaint (f, f->client, "2026-11-04", 650000);
  add_activity (f, f->client, CRM_ACTIVITY_CALL, local_time (2026, 11, 3, 10, 0), 5, NULL);
  add_deal (f, f->client, local_time (2026, 11, 1, 9, 0), "Chairs", 10);

  g_assert_true (crm_timeline_store_summary (f->db, f->client, &s, &error));
  g_assert_cmpint (s.revenue, ==, 500000);
  g_assert_cmpint (s.complaint_cost, ==, 650000);
  g_assert_cmpint (s.result, ==, -150000);          /* loss-making */
  g_assert_cmpuint (s.n_payments, ==, 2);
  g_assert_cmpuint (s.n_complaints, ==, 1);
  g_assert_cmpuint (s.n_activities, ==, 1);
  g_assert_cmpuint (s.n_deals, ==, 1);
  g_assert_cmpuint (crm_client_summary_n_entries (&s), ==, 5);
}

/* A client with thousands of payments: the timeline reads only the newest. */
static void
test_timeline_large (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2020, 1, 1, 0, 0, 0);

  g_assert_true (crm_database_begin (f->db, &error));
  for (int i = 0; i < 3000; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, i / 2);
      g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
      add_payment (f, f->client, iso, 100 + i);
    }
  g_assert_true (crm_database_commit (f->db, &error));

  page = crm_timeline_store_list (f->db, f->client, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 50);
  /* The last day has the two last payments, the newer row first. */
  g_assert_cmpint (CRM_PAYMENT (((CrmTimelineEntry *) page->pdata[0])->object)->amount, ==, 100 + 2999);
  g_assert_cmpint (CRM_PAYMENT (((CrmTimelineEntry *) page->pdata[1])->object)->amount, ==, 100 + 2998);
  for (guint i = 1; i < page->len; i++)
    g_assert_cmpint (((CrmTimelineEntry *) page->pdata[i - 1])->at, >=, ((CrmTimelineEntry *) page->pdata[i])->at);
}

/* @error is read after @ok was computed (the order of arguments is not). */
static void
assert_invalid (gboolean ok, GError **error, const char *part)
{
  g_assert_false (ok);
  g_assert_error (*error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr ((*error)->message, part));
  g_clear_error (error);
}

/* What the card and the forms accept in a field, and what they say. */
static void
test_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (crm_client_check_name ("Иван", NULL));
  assert_invalid (crm_client_check_name ("   ", &error), &error, "name");

  g_assert_true (crm_client_check_phones ("", NULL));
  g_assert_true (crm_client_check_phones ("+7 (912) 345-67-89, 8.800.555.35.35", NULL));
  assert_invalid (crm_client_check_phones ("+7 912 CALL ME", &error), &error, "+7 912 CALL ME");
  assert_invalid (crm_client_check_phones ("12-34", &error), &error, "5");     /* four digits */
  assert_invalid (crm_client_check_phones ("+7 912 345 67 89; x", &error), &error, "“x”");

  g_assert_true (crm_client_check_emails ("", NULL));
  g_assert_true (crm_client_check_emails ("anna@example.com; i.petrov@почта.рф", NULL));
  assert_invalid (crm_client_check_emails ("anna.example.com", &error), &error, "@");
  assert_invalid (crm_client_check_emails ("anna@@example.com", &error), &error, "@");
  assert_invalid (crm_client_check_emails ("anna@localhost", &error), &error, "anna@localhost");
  assert_invalid (crm_client_check_emails ("@example.com", &error), &error, "@example.com");
  assert_invalid (crm_client_check_emails ("anna @example.com", &error), &error, "spaces");
  assert_invalid (crm_client_check_emails ("anna@example.", &error), &error, "anna@example.");

  values = crm_client_split_values (" a , b;\n\nc ,");
  g_assert_cmpuint (g_strv_length (values), ==, 3);
  g_assert_cmpstr (values[0], ==, "a");
  g_assert_cmpstr (values[2], ==, "c");
  joined = crm_client_join_values ("+7 912\n8 800");
  g_assert_cmpstr (joined, ==, "+7 912, 8 800");
}

/* The messages are translated. */
static void
test_checks_in_russian (void)
{
  g_autoptr(GError) error = NULL;

  crm_test_use_language ("ru");
  g_assert_false (crm_client_check_emails ("anna.example.com", &error));
  g_assert_nonnull (strstr (error->message, "адрес"));
  crm_test_use_language (NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/clients-store/timeline-order", Fixture, NULL, fixture_setup, test_timeline_order, fixture_teardown);
  g_test_add ("/clients-store/summary", Fixture, NULL, fixture_setup, test_summary, fixture_teardown);
  g_test_add ("/clients-store/timeline-large", Fixture, NULL, fixture_setup, test_timeline_large, fixture_teardown);
  g_test_add_func ("/clients-store/checks", test_checks);
  g_test_add_func ("/clients-store/checks-in-russian", test_checks_in_russian);

  return g_test_run ();
}
