/* test-rollup.c — the KPI rollups always equal the raw aggregates
 *
 * Random writes of every kind (insert, edit every counted field, delete,
 * a client's source changed, a client deleted and restored), and after each
 * batch the per-day rollups are compared with GROUP BY over the raw rows.
 * Then the time zone changes and the activity days are counted again.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "crm-activity-store.h"
#include "crm-client-store.h"
#include "crm-database-private.h"
#include "crm-deal-store.h"
#include "crm-manager-store.h"
#include "crm-payment-store.h"
#include "crm-test-util.h"

static const char raw_activity[] =
  "SELECT date (starts_at, 'unixepoch', 'localtime') AS day, manager_id,"
  " sum (type = 'call'), sum (type = 'call' AND direction IS 'inbound'),"
  " sum (type = 'call' AND direction IS 'outbound'), sum ((type = 'call') * duration_min),"
  " sum ((type = 'call' AND direction IS 'inbound') * duration_min),"
  " sum ((type = 'call' AND direction IS 'outbound') * duration_min),"
  " sum (type = 'meeting' AND state = 'done'), sum (type = 'meeting' AND state = 'planned')"
  " FROM activity WHERE rrule IS NULL AND ((type = 'call' AND state = 'done')"
  " OR (type = 'meeting' AND state <> 'cancelled')) GROUP BY 1, 2";
static const char rolled_activity[] =
  "SELECT day, manager_id, calls, calls_inbound, calls_outbound, talk_min, talk_inbound, talk_outbound,"
  " meetings_held, meetings_planned FROM kpi_activity_day"
  " WHERE calls <> 0 OR talk_min <> 0 OR meetings_held <> 0 OR meetings_planned <> 0";
static const char raw_payment[] =
  "SELECT p.paid_on, p.manager_id, c.source, sum (p.amount) FROM payment p JOIN client c ON c.id = p.client_id"
  " GROUP BY 1, 2, 3 HAVING sum (p.amount) <> 0";
static const char rolled_payment[] =
  "SELECT day, manager_id, source, revenue FROM kpi_payment_day WHERE revenue <> 0";

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static const char raw_deal[] =
  "SELECT date (created_at, 'unixepoch', 'localtime'), manager_id, count (*), sum (reached_rank >= 1),"
  " sum (reached_rank >= 2), sum (reached_rank >= 3), sum (reached_rank >= 4), sum (reached_rank >= 5),"
  " sum (stage = 'lost'), sum (stay_new), sum (stay_new > 0), sum (stay_qualified), sum (stay_qualified > 0),"
  " sum (stay_meeting), sum (stay_meeting > 0), sum (stay_proposal), sum (stay_proposal > 0),"
  " sum (stay_negotiation), sum (stay_negotiation > 0) FROM deal GROUP BY 1, 2";
static const char rolled_deal[] =
  "SELECT day, manager_id, created, reached_qualified, reached_meeting, reached_proposal, reached_negotiation,"
  " reached_won, lost, stay_new, left_new, stay_qualified, left_qualified, stay_meeting, left_meeting,"
  " stay_proposal, left_proposal, stay_negotiation, left_negotiation FROM kpi_deal_day WHERE created <> 0";
static const char raw_pipeline[] =
  "SELECT coalesce (expected_close, ''), manager_id, sum (amount * probability) FROM deal"
  " WHERE stage <> 'won' AND stage <> 'lost' GROUP BY 1, 2 HAVING sum (amount * probability) <> 0";
static const char rolled_pipeline[] =
  "SELECT close_on, manager_id, weighted FROM kpi_pipeline_day WHERE weighted <> 0";

/* The stays and the furthest stage, recomputed from the stage history. */
static const char raw_deal_columns[] =
  "SELECT d.id, d.reached_rank, d.stay_new, d.stay_proposal FROM deal d ORDER BY d.id";
static const char history_deal_columns[] =
  "SELECT d.id,"
  " coalesce ((SELECT max (CASE to_stage WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'meeting' THEN 2"
  "   WHEN 'proposal' THEN 3 WHEN 'negotiation' THEN 4 WHEN 'won' THEN 5 ELSE 0 END)"
  "   FROM deal_stage_change s WHERE s.deal_id = d.id), 0),"
  " coalesce ((SELECT sum (max (0, n.changed_at - s.changed_at)) FROM deal_stage_change s"
  "   JOIN deal_stage_change n ON n.deal_id = s.deal_id AND n.id = (SELECT min (id) FROM deal_stage_change"
  "   WHERE deal_id = s.deal_id AND id > s.id) WHERE s.deal_id = d.id AND s.to_stage = 'new'), 0),"
  " coalesce ((SELECT sum (max (0, n.changed_at - s.changed_at)) FROM deal_stage_change s"
  "   JOIN deal_stage_change n ON n.deal_id = s.deal_id AND n.id = (SELECT min (id) FROM deal_stage_change"
  "   WHERE deal_id = s.deal_id AND id > s.id) WHERE s.deal_id = d.id AND s.to_stage = 'proposal'), 0)"
  " FROM deal d ORDER BY d.id";

/* Both queries' rows as sorted text. */
static char *
rows_text (CrmDatabase *db, const char *sql)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (row, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_strings);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (char *) rows->pdata[i]);
  return g_string_free (out, FALSE);
}

static void
assert_rollups_equal (CrmDatabase *db)
{
  g_autofree char *a = rows_text (db, raw_activity);
  g_autofree char *b = rows_text (db, rolled_activity);
  g_autofree char *c = rows_text (db, raw_payment);
  g_autofree char *d = rows_text (db, rolled_payment);

  g_autofree char *e = rows_text (db, raw_deal);
  g_autofree char *f = rows_text (db, rolled_deal);
  g_autofree char *g = rows_text (db, raw_pipeline);
  g_autofree char *h = rows_text (db, rolled_pipeline);
  g_autofree char *i = rows_text (db, raw_deal_columns);
  g_autofree char *j = rows_text (db, history_deal_columns);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
  g_assert_cmpstr (e, ==, f);
  g_assert_cmpstr (g, ==, h);
  g_assert_cmpstr (i, ==, j);
  g_assert_cmpuint (strlen (a), >, 0);
}

static void
test_random_writes (void)
{
  g_autofree char *path = crm_test_tmp_path ("rollup.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GArray) activities = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 managers[3], clients[6];

  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CrmManager) m = crm_manager_new ();
      m->name = g_strdup_printf ("M%d", i);
      g_assert_true (crm_manager_store_create (db, m, &error));
      managers[i] = m->id;
    }
  for (int i = 0; i < 6; i++)
    {
      g_autoptr(CrmClient) c = crm_client_new ();
      c->name = g_strdup_printf ("C%d", i);
      c->source = i % CRM_N_SOURCES;
      g_assert_true (crm_client_store_create (db, c, &error));
      clients[i] = c->id;
    }

  for (int batch = 0; batch < 12; batch++)
    {
      for (int k = 0; k < 40; k++)
        {
          int op = g_rand_int_range (rand, 0, 10);

          if (op < 4 || activities->len == 0)
            {
              g_autoptr(CrmActivity) a = crm_activity_new ();
              a->type = g_rand_int_range (rand, 0, 3);
              a->state = g_rand_int_range (rand, 0, 3);
              a->manager_id = managers[g_rand_int_range (rand, 0, 3)];
              a->client_id = clients[g_rand_int_range (rand, 0, 6)];
              /* Around midnight and across the spring DST change. */
              a->starts_at = 1774648800 + g_rand_int_range (rand, -3, 4) * 86400 + g_rand_int_range (rand, -7200, 7200);
              a->duration_min = g_rand_int_range (rand, 0, 90);
              if (a->type == CRM_ACTIVITY_CALL)
                a->direction = g_rand_int_range (rand, 0, 3);
              if (g_rand_int_range (rand, 0, 8) == 0)
                a->rrule = g_strdup ("FREQ=WEEKLY");
              g_assert_true (crm_activity_store_create (db, a, &error));
              g_array_append_val (activities, a->id);
            }
          else if (op < 7)
            {
              gint64 id = g_array_index (activities, gint64, g_rand_int_range (rand, 0, activities->len));
              g_autoptr(CrmActivity) a = crm_activity_store_get (db, id, &error);
              switch (g_rand_int_range (rand, 0, 6))
                {
                case 0: a->state = g_rand_int_range (rand, 0, 3); break;
                case 1: a->starts_at += g_rand_int_range (rand, -86400, 86400); break;
                case 2: a->manager_id = managers[g_rand_int_range (rand, 0, 3)]; break;
                case 3: a->duration_min = g_rand_int_range (rand, 0, 120); break;
                case 4:
                  a->type = g_rand_int_range (rand, 0, 3);
                  a->direction = a->type == CRM_ACTIVITY_CALL ? g_rand_int_range (rand, 0, 3) : CRM_DIRECTION_NONE;
                  break;
                default:
                  g_free (a->rrule);
                  a->rrule = a->rrule == NULL ? g_strdup ("FREQ=DAILY") : NULL;
                  break;
                }
              g_assert_true (crm_activity_store_update (db, a, &error));
            }
          else if (op < 8)
            {
              guint i = g_rand_int_range (rand, 0, activities->len);
              g_assert_true (crm_activity_store_delete (db, g_array_index (activities, gint64, i), &error));
              g_array_remove_index_fast (activities, i);
            }
          else if (op == 8 && g_rand_boolean (rand))
            {
              /* A deal: created, moved through stages (sometimes skipping
               * some, back and forth), edited, sometimes deleted. */
              g_autoptr(CrmDeal) d = crm_deal_new ();
              gint64 t = 1774000000 + g_rand_int_range (rand, 0, 86400 * 20);
              d->client_id = clients[g_rand_int_range (rand, 0, 6)];
              d->manager_id = managers[g_rand_int_range (rand, 0, 3)];
              d->title = g_strdup ("D");
              d->amount = g_rand_int_range (rand, 0, 500000);
              d->probability = g_rand_int_range (rand, 0, 101);
              d->stage = g_rand_int_range (rand, 0, CRM_N_OPEN_STAGES);
              if (g_rand_boolean (rand))
                d->expected_close = g_strdup_printf ("2026-04-%02d", g_rand_int_range (rand, 1, 29));
              d->created_at = t;
              g_assert_true (crm_deal_store_create (db, d, &error));
              for (int moves = g_rand_int_range (rand, 0, 4); moves > 0; moves--)
                {
                  CrmDealStage stage = g_rand_int_range (rand, 0, CRM_N_STAGES);
                  t += g_rand_int_range (rand, 0, 86400 * 9);
                  g_assert_true (crm_deal_store_set_stage (db, d->id, stage, "2026-04-20", "x", t, &error));
                  if (!crm_deal_stage_is_open (stage))
                    break;
                }
              if (g_rand_boolean (rand))
                {
                  g_autoptr(CrmDeal) back = crm_deal_store_get (db, d->id, &error);
                  back->amount += 1000;
                  back->probability = g_rand_int_range (rand, 0, 101);
                  back->manager_id = managers[g_rand_int_range (rand, 0, 3)];
                  g_assert_true (crm_deal_store_update (db, back, &error));
                }
              if (g_rand_int_range (rand, 0, 5) == 0)
                g_assert_true (crm_deal_store_delete (db, d->id, &error));
            }
          else
            {
              g_autoptr(CrmPayment) p = crm_payment_new ();
              p->client_id = clients[g_rand_int_range (rand, 0, 6)];
              p->manager_id = managers[g_rand_int_range (rand, 0, 3)];
              p->paid_on = g_strdup_printf ("2026-03-%02d", g_rand_int_range (rand, 25, 31));
              p->amount = g_rand_int_range (rand, 1, 100000);
              g_assert_true (crm_payment_store_create (db, p, &error));
              if (op == 9)
                {
                  g_free (p->paid_on);
                  p->paid_on = g_strdup ("2026-04-02");
                  p->amount *= 2;
                  g_assert_true (crm_payment_store_update (db, p, &error));
                }
            }
          g_assert_no_error (error);
        }

      /* A client's source changes: its revenue moves to the other channel. */
      {
        g_autoptr(CrmClient) c = crm_client_store_get (db, clients[batch % 6], &error);
        c->source = (c->source + 1) % CRM_N_SOURCES;
        g_assert_true (crm_client_store_update (db, c, &error));
      }
      assert_rollups_equal (db);

      /* A client goes with everything, and comes back. */
      {
        g_autoptr(CrmClientSnapshot) snapshot = crm_client_store_delete_with_snapshot (db, clients[(batch + 3) % 6], &error);
        g_assert_no_error (error);
        if (batch % 2 == 0)
          {
            g_assert_true (crm_client_store_restore (db, snapshot, &error));
            g_assert_no_error (error);
          }
        else
          {
            /* Gone for good: a new client takes its place in the test. */
            g_autoptr(CrmClient) c = crm_client_new ();
            c->name = g_strdup ("Replacement");
            g_assert_true (crm_client_store_create (db, c, &error));
            clients[(batch + 3) % 6] = c->id;
            for (guint i = activities->len; i-- > 0;)
              {
                g_autoptr(CrmActivity) a = crm_activity_store_get (db, g_array_index (activities, gint64, i), NULL);
                if (a == NULL)
                  g_array_remove_index_fast (activities, i);
              }
          }
      }
      assert_rollups_equal (db);
    }
}

static void
test_zone_change_rebuilds (void)
{
  g_autofree char *path = crm_test_tmp_path ("zone.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  gint64 manager;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CrmManager) m = crm_manager_new ();
    m->name = g_strdup ("M");
    g_assert_true (crm_manager_store_create (db, m, &error));
    manager = m->id;
  }
  /* 23:30 in Berlin, 17:30 in New York: the same day; 00:30 in Berlin is
   * the evening before in New York. */
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(CrmActivity) a = crm_activity_new ();
      a->type = CRM_ACTIVITY_CALL;
      a->state = CRM_STATE_DONE;
      a->manager_id = manager;
      a->duration_min = 5;
      a->starts_at = 1772404200 + i * 3600;      /* 2026-03-01 23:30 CET onwards */
      g_assert_true (crm_activity_store_create (db, a, &error));
    }
  assert_rollups_equal (db);
  g_clear_object (&db);

  g_setenv ("TZ", "America/New_York", TRUE);
  tzset ();
  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  assert_rollups_equal (db);
  {
    g_autofree char *rows = rows_text (db, rolled_activity);
    g_assert_nonnull (strstr (rows, "2026-03-01|"));
    g_assert_null (strstr (rows, "2026-03-02|"));
  }
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollup/random-writes", test_random_writes);
  g_test_add_func ("/rollup/zone-change-rebuilds", test_zone_change_rebuilds);

  return g_test_run ();
}
