/* test-demo.c — demo data: the right amounts, deterministic, in the user's language
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-client-store.h"
#include "crm-database-private.h"
#include "crm-demo.h"
#include "crm-kpi-store.h"
#include "crm-manager-store.h"
#include "crm-test-util.h"

static gint64
count (CrmDatabase *db, const char *sql)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static CrmDatabase *
make_demo (const char *language, guint clients, guint32 seed, char **out_path)
{
  g_autofree char *path = crm_test_tmp_path ("demo.db");
  g_autoptr(GError) error = NULL;
  CrmDatabase *db = crm_database_new (path, 0, NULL, &error);
  CrmDemoOptions options;

  g_assert_no_error (error);
  crm_demo_options_init (&options);
  options.n_clients = clients;
  options.seed = seed;
  options.language = language;
  options.today = 1795780800;              /* 2026-11-27 09:20 UTC */
  g_assert_true (crm_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return db;
}

static void
progress_cb (double fraction, const char *stage, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last - 1e-9);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (stage);
  *last = fraction;
}

static void
test_amounts_and_integrity (void)
{
  g_autoptr(CrmDatabase) db = make_demo ("en", 500, 7, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (count (db, "SELECT count(*) FROM manager"), ==, 20);
  g_assert_cmpint (count (db, "SELECT count(*) FROM client"), ==, 500);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity"), ==, 5000);
  g_assert_cmpint (count (db, "SELECT count(*) FROM payment"), ==, 1500);
  g_assert_cmpint (count (db, "SELECT count(*) FROM complaint"), ==, 50);
  g_assert_cmpint (count (db, "SELECT count(*) FROM deal"), >, 700);
  /* Every deal has its history, starting with its creation. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM deal d WHERE NOT EXISTS"
                               " (SELECT 1 FROM deal_stage_change s WHERE s.deal_id = d.id AND s.from_stage IS NULL)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM deal d WHERE d.stage <> (SELECT to_stage FROM deal_stage_change s"
                               " WHERE s.deal_id = d.id ORDER BY changed_at DESC, id DESC LIMIT 1)"), ==, 0);
  /* The first payment the triggers would keep. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM client c WHERE c.first_paid_on IS NOT"
                               " (SELECT min(paid_on) FROM payment p WHERE p.client_id = c.id)"), ==, 0);
  /* Data up to today, and planned work in the coming weeks. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity WHERE state = 'planned' AND starts_at > 1795780800"), >, 50);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity WHERE state = 'done' AND starts_at > 1795780800"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM payment WHERE paid_on > '2026-11-27'"), ==, 0);
  /* Some loss-making clients; targets for every month of most managers. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM client c WHERE (SELECT coalesce(sum(cost), 0) FROM complaint k"
                               " WHERE k.client_id = c.id) > (SELECT coalesce(sum(amount), 0) FROM payment p"
                               " WHERE p.client_id = c.id)"), >, 3);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT manager_id) FROM kpi_target WHERE month = '2026-11'"), ==, 18);   /* not the one without a plan, nor the one who left */
  g_assert_cmpint (count (db, "SELECT count(*) FROM manager WHERE active = 0"), ==, 1);
  /* The indexes and triggers dropped for the load are all back, as a new
   * database has them. */
  {
    g_autofree char *fresh_path = crm_test_tmp_path ("fresh.db");
    g_autoptr(CrmDatabase) fresh = crm_database_new (fresh_path, 0, NULL, &error);
    const char *schema = "SELECT group_concat (name || ':' || sql, '|') FROM"
                         " (SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name)";
    sqlite3_stmt *a = crm_database_prepare (db, schema, NULL);
    sqlite3_stmt *b = crm_database_prepare (fresh, schema, NULL);
    g_assert_cmpint (sqlite3_step (a), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_step (b), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (a, 0), ==, (const char *) sqlite3_column_text (b, 0));
    sqlite3_reset (a);
    sqlite3_reset (b);
  }

  g_assert_true (crm_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  /* The shape the dashboard is there to show: activity in December well
   * above July (the season), most of the year's revenue from few clients
   * (80/20), and managers the early warning picks out. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity WHERE date (starts_at, 'unixepoch') BETWEEN '2025-12-01' AND '2025-12-31'"),
                   >, count (db, "SELECT count(*) FROM activity WHERE date (starts_at, 'unixepoch') BETWEEN '2025-07-01' AND '2025-07-31'") * 5 / 4);
  {
    g_autoptr(CrmPeriod) year = crm_period_new_year (2026);
    g_autoptr(CrmPeriod) month = crm_period_new_month (2026, 11);
    g_autoptr(CrmSettings) settings = crm_settings_new ();
    g_autoptr(CrmKpiReport) annual = crm_kpi_store_compute (db, year, 0, settings, 1795780800, &error);
    g_autoptr(CrmKpiReport) november = NULL;
    guint high = 0;

    g_assert_no_error (error);
    g_test_message ("80%% of 2026's revenue from %u of %u clients", annual->pareto_clients.items_for_80,
                    annual->pareto_clients.n_items);
    g_assert_cmpfloat (annual->pareto_clients.share_of_items, <, 0.5);
    november = crm_kpi_store_compute (db, month, 0, settings, 1795780800, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < november->managers->len; i++)
      {
        CrmKpiRow *row = november->managers->pdata[i];
        high += row->derived.risk.level == CRM_RISK_HIGH;
      }
    g_test_message ("%u managers at high risk", high);
    g_assert_cmpuint (high, >=, 2);
  }
}

static void
test_deterministic (void)
{
  g_autoptr(CrmDatabase) a = make_demo ("en", 200, 42, NULL);
  g_autoptr(CrmDatabase) b = make_demo ("en", 200, 42, NULL);
  g_autoptr(CrmDatabase) c = make_demo ("en", 200, 43, NULL);
  const char *sql = "SELECT sum(amount) + count(*) FROM payment";

  g_assert_cmpint (count (a, sql), ==, count (b, sql));
  g_assert_cmpint (count (a, "SELECT sum(duration_min) FROM activity"), ==, count (b, "SELECT sum(duration_min) FROM activity"));
  g_assert_cmpint (count (a, sql), !=, count (c, sql));
}

static void
test_russian (void)
{
  g_autoptr(CrmDatabase) db = make_demo ("ru", 100, 1, NULL);
  g_autoptr(CrmClient) c = crm_client_store_get (db, 1, NULL);
  g_autoptr(CrmManager) m = crm_manager_store_get (db, 1, NULL);

  g_assert_nonnull (c);
  /* Cyrillic names and +7 numbers. */
  g_assert_true (g_utf8_get_char (c->name) >= 0x0400 && g_utf8_get_char (c->name) <= 0x04FF);
  g_assert_true (g_utf8_get_char (m->name) >= 0x0400 && g_utf8_get_char (m->name) <= 0x04FF);
  g_assert_true (g_str_has_prefix (c->phones, "+7 ("));
  g_assert_cmpint (count (db, "SELECT count(*) FROM setting WHERE key = 'currency' AND value = 'RUB'"), ==, 1);
}

static void
test_refuses_non_empty (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrmDatabase) db = make_demo ("en", 50, 1, &path);
  g_autoptr(GError) error = NULL;
  CrmDemoOptions options;
  gint64 before = count (db, "SELECT count(*) FROM client");

  crm_demo_options_init (&options);
  g_assert_false (crm_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID);
  g_assert_cmpint (count (db, "SELECT count(*) FROM client"), ==, before);
}

static void
test_cancel_leaves_nothing (void)
{
  g_autofree char *path = crm_test_tmp_path ("demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CrmDemoOptions options;
  double last = 0;

  crm_demo_options_init (&options);
  options.n_clients = 20000;
  options.n_activities = 20000;
  g_cancellable_cancel (cancellable);
  g_assert_false (crm_demo_generate (db, &options, progress_cb, &last, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (crm_database_is_empty (db, NULL));
  g_assert_cmpint (count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'activity_%'"), ==, 6);
}

static void
test_progress (void)
{
  g_autofree char *path = crm_test_tmp_path ("demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  CrmDemoOptions options;
  double last = 0;

  crm_demo_options_init (&options);
  options.n_clients = 300;
  g_assert_true (crm_demo_generate (db, &options, progress_cb, &last, NULL, &error));
  g_assert_cmpfloat (last, ==, 1.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/amounts-and-integrity", test_amounts_and_integrity);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/russian", test_russian);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/cancel-leaves-nothing", test_cancel_leaves_nothing);
  g_test_add_func ("/demo/progress", test_progress);

  return g_test_run ();
}
