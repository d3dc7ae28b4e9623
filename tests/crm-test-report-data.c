/* crm-test-report-data.c — the KPI suite's hand-made data set, for the reports
 *
 * A copy of the builder of tests/test-kpi.c (where every figure is worked
 * out by hand in a comment), with a company name for the report headers.
 * Time zone Europe/Berlin; "today" is 2026-03-20 12:00.
 *
 *   Managers: Anna (plan for March), Boris (no plan at all), Clara (plan for
 *   March and April, at high risk).
 *   March 2026: team revenue 3 800 (Anna 3 500, Boris 300); Anna's score
 *   85%; Clara at high risk for both reasons; "Loss Client" (Boris's) paid
 *   300 and cost 800 in complaints.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-activity-store.h"
#include "crm-client-store.h"
#include "crm-complaint-store.h"
#include "crm-deal-store.h"
#include "crm-manager-store.h"
#include "crm-payment-store.h"
#include "crm-setting-store.h"
#include "crm-target-store.h"
#include "crm-test-report-data.h"
#include "crm-test-util.h"

static GTimeZone *berlin;



static gint64
at (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new (berlin, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static gint64
manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  m->name = g_strdup (name);
  g_assert_true (crm_manager_store_create (db, m, NULL));
  return m->id;
}

static gint64
client (CrmDatabase *db, const char *name, gint64 owner, gint64 created, CrmClientSource source)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  c->name = g_strdup (name);
  c->owner_id = owner;
  c->created_at = created;
  c->source = source;
  g_assert_true (crm_client_store_create (db, c, NULL));
  return c->id;
}

static void
payment (CrmDatabase *db, gint64 client_id, gint64 manager_id, const char *day, gint64 amount)
{
  g_autoptr(CrmPayment) p = crm_payment_new ();
  p->client_id = client_id;
  p->manager_id = manager_id;
  p->paid_on = g_strdup (day);
  p->amount = amount;
  g_assert_true (crm_payment_store_create (db, p, NULL));
}

static void
activity (CrmDatabase *db, gint64 manager_id, gint64 client_id, CrmActivityType type, gint64 starts,
          int minutes, CrmDirection direction, CrmActivityState state)
{
  g_autoptr(CrmActivity) a = crm_activity_new ();
  g_autoptr(GError) error = NULL;
  a->manager_id = manager_id;
  a->client_id = client_id;
  a->type = type;
  a->starts_at = starts;
  a->duration_min = minutes;
  a->direction = direction;
  a->state = state;
  g_assert_true (crm_activity_store_create (db, a, &error));
  g_assert_no_error (error);
}

static gint64
deal (CrmDatabase *db, gint64 manager_id, gint64 client_id, gint64 amount, int probability,
      const char *expected_close, gint64 created)
{
  g_autoptr(CrmDeal) d = crm_deal_new ();
  d->manager_id = manager_id;
  d->client_id = client_id;
  d->title = g_strdup ("Deal");
  d->amount = amount;
  d->probability = probability;
  d->expected_close = g_strdup (expected_close);
  d->created_at = created;
  g_assert_true (crm_deal_store_create (db, d, NULL));
  return d->id;
}

static void
target (CrmDatabase *db, gint64 manager_id, const char *month, gint64 revenue, gint64 calls,
        gint64 talk, gint64 meetings, gint64 fresh)
{
  CrmTarget t;
  crm_target_init (&t, manager_id, month);
  t.values[CRM_KPI_REVENUE] = revenue;
  t.values[CRM_KPI_CALLS] = calls;
  t.values[CRM_KPI_TALK_MINUTES] = talk;
  t.values[CRM_KPI_MEETINGS] = meetings;
  t.values[CRM_KPI_NEW_PROSPECTS] = fresh;
  g_assert_true (crm_target_store_set (db, &t, NULL));
}

static void
build_data_set (CrmTestReportData *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  gint64 anna, boris, clara, c1, c2, c3, c4, c6, c7, d1, d2;

  out->db_path = crm_test_tmp_path ("report.db");
  db = crm_database_new (out->db_path, 0, NULL, &error);
  g_assert_no_error (error);

  anna = out->anna = manager (db, "Anna");
  boris = out->boris = manager (db, "Boris");
  clara = out->clara = manager (db, "Clara");

  c1 = client (db, "Old Client", anna, at (2025, 12, 1, 10, 0), CRM_SOURCE_REFERRAL);
  c2 = client (db, "New Client", anna, at (2026, 3, 2, 10, 0), CRM_SOURCE_WEBSITE);
  c3 = client (db, "Loss Client", boris, at (2026, 2, 10, 10, 0), CRM_SOURCE_INBOUND_CALL);
  c4 = client (db, "Quiet Client", clara, at (2026, 3, 25, 10, 0), CRM_SOURCE_OTHER);
  client (db, "Nobody's Client", 0, at (2026, 3, 3, 10, 0), CRM_SOURCE_OTHER);
  c6 = client (db, "Clara's Old Client", clara, at (2025, 10, 1, 10, 0), CRM_SOURCE_OTHER);
  c7 = client (db, "Boris' Old Client", boris, at (2025, 11, 1, 10, 0), CRM_SOURCE_OTHER);
  (void) c4;

  payment (db, c1, anna, "2026-01-15", UNITS (100));
  payment (db, c1, anna, "2026-03-05", UNITS (1000));
  payment (db, c2, anna, "2026-03-10", UNITS (2000));
  payment (db, c2, anna, "2026-03-25", UNITS (500));
  payment (db, c3, boris, "2026-03-12", UNITS (300));
  payment (db, c6, clara, "2025-11-10", UNITS (100));
  payment (db, c7, boris, "2025-12-10", UNITS (600));
  {
    g_autoptr(CrmComplaint) k = crm_complaint_new ();
    k->client_id = c3;
    k->manager_id = boris;
    k->opened_on = g_strdup ("2026-03-15");
    k->cost = UNITS (800);
    g_assert_true (crm_complaint_store_create (db, k, NULL));
  }

  activity (db, anna, c1, CRM_ACTIVITY_CALL, at (2026, 3, 1, 0, 10), 5, CRM_DIRECTION_INBOUND, CRM_STATE_DONE);
  activity (db, anna, c1, CRM_ACTIVITY_CALL, at (2026, 3, 2, 10, 0), 10, CRM_DIRECTION_OUTBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, at (2026, 3, 3, 23, 50), 20, CRM_DIRECTION_INBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, at (2026, 3, 31, 23, 50), 15, CRM_DIRECTION_OUTBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, at (2026, 4, 1, 0, 30), 7, CRM_DIRECTION_OUTBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, at (2026, 3, 26, 11, 0), 10, CRM_DIRECTION_OUTBOUND, CRM_STATE_PLANNED);
  activity (db, anna, c1, CRM_ACTIVITY_CALL, at (2026, 3, 11, 11, 0), 10, CRM_DIRECTION_OUTBOUND, CRM_STATE_CANCELLED);
  activity (db, boris, c3, CRM_ACTIVITY_CALL, at (2026, 3, 12, 12, 0), 30, CRM_DIRECTION_INBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_MEETING, at (2026, 3, 10, 14, 0), 60, CRM_DIRECTION_NONE, CRM_STATE_DONE);
  activity (db, anna, c1, CRM_ACTIVITY_MEETING, at (2026, 3, 18, 14, 0), 30, CRM_DIRECTION_NONE, CRM_STATE_DONE);
  activity (db, anna, c1, CRM_ACTIVITY_MEETING, at (2026, 3, 27, 14, 0), 30, CRM_DIRECTION_NONE, CRM_STATE_PLANNED);
  activity (db, clara, c6, CRM_ACTIVITY_MEETING, at (2026, 3, 5, 14, 0), 60, CRM_DIRECTION_NONE, CRM_STATE_DONE);

  d1 = deal (db, anna, c2, UNITS (2500), 10, NULL, at (2026, 3, 2, 9, 0));
  g_assert_true (crm_deal_store_set_stage (db, d1, CRM_STAGE_PROPOSAL, NULL, NULL, at (2026, 3, 5, 9, 0), &error));
  g_assert_true (crm_deal_store_set_stage (db, d1, CRM_STAGE_WON, "2026-03-09", NULL, at (2026, 3, 9, 9, 0), &error));
  d2 = deal (db, anna, c1, UNITS (700), 10, NULL, at (2026, 3, 4, 10, 0));
  g_assert_true (crm_deal_store_set_stage (db, d2, CRM_STAGE_QUALIFIED, NULL, NULL, at (2026, 3, 6, 10, 0), &error));
  g_assert_true (crm_deal_store_set_stage (db, d2, CRM_STAGE_LOST, "2026-03-16", "Too expensive", at (2026, 3, 16, 10, 0), &error));
  g_assert_no_error (error);
  deal (db, anna, c1, UNITS (10000), 60, "2026-04-25", at (2026, 2, 20, 10, 0));
  deal (db, boris, c3, UNITS (1000), 40, "2026-04-05", at (2026, 2, 25, 10, 0));
  deal (db, clara, c6, UNITS (40000), 50, "2026-04-10", at (2026, 1, 10, 10, 0));

  target (db, anna, "2026-03", UNITS (5000), 4, 30, 2, 2);
  target (db, clara, "2026-03", UNITS (250000), CRM_NO_TARGET, CRM_NO_TARGET, 10, CRM_NO_TARGET);
  target (db, clara, "2026-04", UNITS (250000), CRM_NO_TARGET, CRM_NO_TARGET, CRM_NO_TARGET, CRM_NO_TARGET);
  g_assert_true (crm_setting_store_set_value (db, "company_name", CRM_TEST_REPORT_COMPANY, &error));
  /* The figures of the data set are in roubles, whatever the test's locale. */
  g_assert_true (crm_setting_store_set_value (db, "currency", "RUB", &error));
  g_assert_no_error (error);
}

const CrmTestReportData *
crm_test_report_data_get (void)
{
  static CrmTestReportData data;

  if (data.db_path == NULL)
    {
      berlin = g_time_zone_new_identifier ("Europe/Berlin");
      g_assert_nonnull (berlin);
      data.today = at (2026, 3, 20, 12, 0);
      build_data_set (&data);
    }
  return &data;
}
