/* crm-test-kpi-data.c — the small KPI data set worked out by hand
 *
 * Time zone Europe/Berlin; "today" is 2026-03-20 12:00. March 2026 has the
 * DST change (29 March, 02:00 → 03:00), so the month is 31 days minus one
 * hour long.
 *
 * The data set (money in units; the store keeps cents):
 *
 *   Managers: Anna (plan for March), Boris (no plan at all), Clara (plan for
 *   March and April, at high risk).
 *
 *   Clients                 owner  created      source     payments                 complaints
 *   c1 Old Client           Anna   2025-12-01   referral   01-15 100, 03-05 1000
 *   c2 New Client           Anna   2026-03-02   website    03-10 2000, 03-25 500
 *   c3 Loss Client          Boris  2026-02-10   inbound    03-12 300                03-15 cost 800
 *   c4 Quiet Client         Clara  2026-03-25   other
 *   c5 Nobody's Client      —      2026-03-03   other
 *   c6 Clara's Old Client   Clara  2025-10-01   other      2025-11-10 100 (Clara)
 *   c7 Boris' Old Client    Boris  2025-11-01   other      2025-12-10 600 (Boris)
 *
 *   Anna's calls (done): 03-01 00:10 5 min in (a naive UTC day would put it in
 *   February), 03-02 10:00 10 min out, 03-03 23:50 20 min in (crosses
 *   midnight: counts whole, on the day it starts), 03-31 23:50 CEST 15 min
 *   out (after the DST change, still March). Not counted: 04-01 00:30 CEST
 *   7 min (April, though a fixed +01:00 would put it in March), a planned
 *   call and a cancelled one. Boris: 03-12 12:00 30 min in.
 *   Meetings: Anna done 03-10 and 03-18, planned 03-27; Clara done 03-05.
 *
 *   Deals: d1 Anna/c2 2500, new 03-02 → proposal 03-05 (skips two stages) →
 *   won 03-09. d2 Anna/c1 new 03-04 → qualified 03-06 → lost 03-16.
 *   Open: d3 Anna 10000 at 60% closing 04-25; d4 Boris 1000 at 40% closing
 *   04-05; d5 Clara 40000 at 50% closing 04-10.
 *
 *   Plans: Anna March — revenue 5000, calls 4, talk 30 min, meetings 2, new
 *   clients 2. Clara March and April — revenue 250000 each, meetings 10 (March).
 *
 * The expected figures are worked out in tests/test-kpi.c; the dashboard
 * test shows the same data set on screen.
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
#include "crm-target-store.h"
#include "crm-setting-store.h"
#include "crm-test-kpi-data.h"
#include "crm-test-util.h"

/* Unix seconds of a Berlin wall-clock time. */
gint64
crm_test_kpi_at (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (berlin);
  dt = g_date_time_new (berlin, y, mo, d, h, mi, 0);
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

/* Writes the data set into a fresh database file in a temporary folder. */
CrmTestKpiData *
crm_test_kpi_data_build (void)
{
  CrmTestKpiData *data = g_new0 (CrmTestKpiData, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  gint64 anna, boris, clara, c1, c2, c3, c4, c6, c7, d1, d2;

  data->db_path = crm_test_tmp_path ("kpi.db");
  data->today = crm_test_kpi_at (2026, 3, 20, 12, 0);
  db = crm_database_new (data->db_path, 0, NULL, &error);
  g_assert_no_error (error);
  /* The figures of the data set are in roubles, whatever the test's locale. */
  g_assert_true (crm_setting_store_set_value (db, "currency", "RUB", &error));

  anna = data->anna = manager (db, "Anna");
  boris = data->boris = manager (db, "Boris");
  clara = data->clara = manager (db, "Clara");

  c1 = client (db, "Old Client", anna, crm_test_kpi_at (2025, 12, 1, 10, 0), CRM_SOURCE_REFERRAL);
  c2 = client (db, "New Client", anna, crm_test_kpi_at (2026, 3, 2, 10, 0), CRM_SOURCE_WEBSITE);
  c3 = client (db, "Loss Client", boris, crm_test_kpi_at (2026, 2, 10, 10, 0), CRM_SOURCE_INBOUND_CALL);
  c4 = client (db, "Quiet Client", clara, crm_test_kpi_at (2026, 3, 25, 10, 0), CRM_SOURCE_OTHER);
  client (db, "Nobody's Client", 0, crm_test_kpi_at (2026, 3, 3, 10, 0), CRM_SOURCE_OTHER);
  c6 = client (db, "Clara's Old Client", clara, crm_test_kpi_at (2025, 10, 1, 10, 0), CRM_SOURCE_OTHER);
  c7 = client (db, "Boris' Old Client", boris, crm_test_kpi_at (2025, 11, 1, 10, 0), CRM_SOURCE_OTHER);
  (void) c4;

  payment (db, c1, anna, "2026-01-15", CRM_TEST_UNITS (100));
  payment (db, c1, anna, "2026-03-05", CRM_TEST_UNITS (1000));
  payment (db, c2, anna, "2026-03-10", CRM_TEST_UNITS (2000));
  payment (db, c2, anna, "2026-03-25", CRM_TEST_UNITS (500));
  payment (db, c3, boris, "2026-03-12", CRM_TEST_UNITS (300));
  payment (db, c6, clara, "2025-11-10", CRM_TEST_UNITS (100));
  payment (db, c7, boris, "2025-12-10", CRM_TEST_UNITS (600));
  {
    g_autoptr(CrmComplaint) k = crm_complaint_new ();
    k->client_id = c3;
    k->manager_id = boris;
    k->opened_on = g_strdup ("2026-03-15");
    k->cost = CRM_TEST_UNITS (800);
    g_assert_true (crm_complaint_store_create (db, k, NULL));
  }

  activity (db, anna, c1, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 3, 1, 0, 10), 5, CRM_DIRECTION_INBOUND, CRM_STATE_DONE);
  activity (db, anna, c1, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 3, 2, 10, 0), 10, CRM_DIRECTION_OUTBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 3, 3, 23, 50), 20, CRM_DIRECTION_INBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 3, 31, 23, 50), 15, CRM_DIRECTION_OUTBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 4, 1, 0, 30), 7, CRM_DIRECTION_OUTBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 3, 26, 11, 0), 10, CRM_DIRECTION_OUTBOUND, CRM_STATE_PLANNED);
  activity (db, anna, c1, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 3, 11, 11, 0), 10, CRM_DIRECTION_OUTBOUND, CRM_STATE_CANCELLED);
  activity (db, boris, c3, CRM_ACTIVITY_CALL, crm_test_kpi_at (2026, 3, 12, 12, 0), 30, CRM_DIRECTION_INBOUND, CRM_STATE_DONE);
  activity (db, anna, c2, CRM_ACTIVITY_MEETING, crm_test_kpi_at (2026, 3, 10, 14, 0), 60, CRM_DIRECTION_NONE, CRM_STATE_DONE);
  activity (db, anna, c1, CRM_ACTIVITY_MEETING, crm_test_kpi_at (2026, 3, 18, 14, 0), 30, CRM_DIRECTION_NONE, CRM_STATE_DONE);
  activity (db, anna, c1, CRM_ACTIVITY_MEETING, crm_test_kpi_at (2026, 3, 27, 14, 0), 30, CRM_DIRECTION_NONE, CRM_STATE_PLANNED);
  activity (db, clara, c6, CRM_ACTIVITY_MEETING, crm_test_kpi_at (2026, 3, 5, 14, 0), 60, CRM_DIRECTION_NONE, CRM_STATE_DONE);

  d1 = deal (db, anna, c2, CRM_TEST_UNITS (2500), 10, NULL, crm_test_kpi_at (2026, 3, 2, 9, 0));
  g_assert_true (crm_deal_store_set_stage (db, d1, CRM_STAGE_PROPOSAL, NULL, NULL, crm_test_kpi_at (2026, 3, 5, 9, 0), &error));
  g_assert_true (crm_deal_store_set_stage (db, d1, CRM_STAGE_WON, "2026-03-09", NULL, crm_test_kpi_at (2026, 3, 9, 9, 0), &error));
  d2 = deal (db, anna, c1, CRM_TEST_UNITS (700), 10, NULL, crm_test_kpi_at (2026, 3, 4, 10, 0));
  g_assert_true (crm_deal_store_set_stage (db, d2, CRM_STAGE_QUALIFIED, NULL, NULL, crm_test_kpi_at (2026, 3, 6, 10, 0), &error));
  g_assert_true (crm_deal_store_set_stage (db, d2, CRM_STAGE_LOST, "2026-03-16", "Too expensive", crm_test_kpi_at (2026, 3, 16, 10, 0), &error));
  g_assert_no_error (error);
  deal (db, anna, c1, CRM_TEST_UNITS (10000), 60, "2026-04-25", crm_test_kpi_at (2026, 2, 20, 10, 0));
  deal (db, boris, c3, CRM_TEST_UNITS (1000), 40, "2026-04-05", crm_test_kpi_at (2026, 2, 25, 10, 0));
  deal (db, clara, c6, CRM_TEST_UNITS (40000), 50, "2026-04-10", crm_test_kpi_at (2026, 1, 10, 10, 0));

  target (db, anna, "2026-03", CRM_TEST_UNITS (5000), 4, 30, 2, 2);
  target (db, clara, "2026-03", CRM_TEST_UNITS (250000), CRM_NO_TARGET, CRM_NO_TARGET, 10, CRM_NO_TARGET);
  target (db, clara, "2026-04", CRM_TEST_UNITS (250000), CRM_NO_TARGET, CRM_NO_TARGET, CRM_NO_TARGET, CRM_NO_TARGET);
  data->loss_client = c3;
  return data;
}

void
crm_test_kpi_data_free (CrmTestKpiData *data)
{
  if (data == NULL)
    return;
  g_free (data->db_path);
  g_free (data);
}
