/* crm-demo.c — realistic demo data, up to the scale data set
 *
 * Everything is planned in memory first (clients, deals, payments,
 * complaints), so that each row is written once with its final values and
 * explicit ids; then activities are streamed. One transaction; the
 * secondary indexes are dropped during the load and rebuilt from their own
 * definitions afterwards (sorting once is far faster than a million random
 * index inserts). The shape serves every KPI: an 80/20 revenue curve
 * (Pareto-distributed client value), a seasonal trend, two managers whose
 * activity and pipeline dry up in the last two months (high risk), one who
 * sells at any price (complaints, loss-making clients), one new hire with no
 * history (risk unknown), one without targets, data up to today and
 * planned work in the coming weeks.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crm-database-private.h"
#include "crm-demo-names.h"
#include "crm-demo-private.h"
#include "crm-demo.h"
#include "crm-enums.h"
#include "crm-locale.h"
#include "crm-period.h"
#include "crm-rollup.h"

void
crm_demo_options_init (CrmDemoOptions *options)
{
  memset (options, 0, sizeof *options);
  options->seed = 1;
}

/* ---- randomness --------------------------------------------------------- */

double
demo_uniform (Demo *d)
{
  return g_rand_double (d->rand);
}

int
demo_int (Demo *d, int lo, int hi_exclusive)
{
  return hi_exclusive > lo ? g_rand_int_range (d->rand, lo, hi_exclusive) : lo;
}

/* Log-normal with the given median; sigma ≈ spread. */
double
demo_lognormal (Demo *d, double median, double sigma)
{
  double u1 = demo_uniform (d);
  /* (MAX evaluates its arguments twice: draw first.) */
  u1 = MAX (u1, 1e-12);
  double u2 = demo_uniform (d);
  double z = sqrt (-2.0 * log (u1)) * cos (2 * G_PI * u2);
  return median * exp (sigma * z);
}

/* The index in a cumulative weight array (binary search). */
guint
demo_pick_cumulative (Demo *d, const double *cumulative, guint lo, guint hi)
{
  double base = lo > 0 ? cumulative[lo - 1] : 0.0;
  double target = base + demo_uniform (d) * (cumulative[hi] - base);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (cumulative[mid] < target)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- the calendar of the data ------------------------------------------- */

/* Day 0 is the first day of the month 24 months before today; the last day
 * is four weeks after today. Each day knows its local midnight (as Unix
 * seconds, from the offset at noon so that DST days are right at working
 * hours), its month index, its weekday and its ISO text. */
static void
plan_calendar (Demo *d)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (d->today);
  GDate first, today, last, day;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  first = today;
  g_date_set_day (&first, 1);
  g_date_subtract_months (&first, 24);
  last = today;
  g_date_add_days (&last, 28);

  d->n_days = g_date_days_between (&first, &last) + 1;
  d->today_index = g_date_days_between (&first, &today);
  d->days = g_new0 (DemoDay, d->n_days);
  day = first;
  for (guint i = 0; i < d->n_days; i++)
    {
      g_autoptr(GDateTime) noon = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                                                   g_date_get_day (&day), 12, 0, 0);
      DemoDay *dd = &d->days[i];

      dd->midnight = g_date_time_to_unix (noon) - 12 * 3600;
      dd->month = (g_date_get_year (&day) - g_date_get_year (&first)) * 12 +
                  (g_date_get_month (&day) - g_date_get_month (&first));
      dd->month_of_year = g_date_get_month (&day);
      dd->weekday = g_date_get_weekday (&day);
      g_snprintf (dd->iso, sizeof dd->iso, "%04d-%02d-%02d", g_date_get_year (&day),
                  g_date_get_month (&day), g_date_get_day (&day));
      g_date_add_days (&day, 1);
    }
  d->n_months = d->days[d->n_days - 1].month + 1;
  d->start = d->days[0].midnight;
}

/* The business rhythm: a December peak, a January and summer dip, quiet
 * weekends, and 15% growth a year. */
static double
day_weight (Demo *d, guint i)
{
  static const double season[13] = { 0, 0.75, 0.85, 1.05, 1.10, 1.05, 0.95, 0.80, 0.80, 1.05, 1.15, 1.20, 1.25 };
  const DemoDay *dd = &d->days[i];
  double w = season[dd->month_of_year] * (1.0 + 0.15 * i / 365.0);

  if (dd->weekday == G_DATE_SATURDAY || dd->weekday == G_DATE_SUNDAY)
    w *= 0.06;
  return w;
}

static void
plan_day_weights (Demo *d)
{
  double sum = 0;

  d->day_cumulative = g_new (double, d->n_days);
  for (guint i = 0; i < d->n_days; i++)
    {
      sum += day_weight (d, i);
      d->day_cumulative[i] = sum;
    }
}

/* A day in [lo, hi] following the business rhythm. */
guint
demo_pick_day (Demo *d, guint lo, guint hi)
{
  lo = MIN (lo, d->n_days - 1);
  hi = MIN (hi, d->n_days - 1);
  if (lo >= hi)
    return lo;
  return demo_pick_cumulative (d, d->day_cumulative, lo, hi);
}

gint64
demo_time (Demo *d, guint day, int minute_of_day)
{
  return d->days[day].midnight + (gint64) minute_of_day * 60;
}

guint
demo_day_of_time (Demo *d, gint64 t)
{
  gint64 index = (t - d->start) / 86400;
  return (guint) CLAMP (index, 0, (gint64) d->n_days - 1);
}

/* ---- progress and cancellation ------------------------------------------ */

gboolean
demo_tick (Demo *d, guint done, guint total, GError **error)
{
  if ((done & 0x3fff) != 0 && done != total)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (d->cancellable, error))
    return FALSE;
  if (d->progress != NULL)
    d->progress (d->phase_base + d->phase_span * (total > 0 ? (double) done / total : 1.0),
                 d->phase_name, d->progress_data);
  return TRUE;
}

void
demo_phase (Demo *d, double base, double span, const char *name)
{
  d->phase_base = base;
  d->phase_span = span;
  d->phase_name = name;
  if (d->progress != NULL)
    d->progress (base, name, d->progress_data);
}

/* ---- managers ----------------------------------------------------------- */

static gboolean
plan_and_write_managers (Demo *d, GError **error)
{
  sqlite3_stmt *stmt;
  guint n = d->n_clients >= 40 ? 20 : MAX (2, d->n_clients / 2);

  stmt = crm_database_prepare (d->db,
    "INSERT INTO manager (id, name, email, phone, active, hired_on, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  d->n_managers = n;
  d->managers = g_new0 (DemoManager, n);
  for (guint i = 0; i < n; i++)
    {
      DemoManager *m = &d->managers[i];
      CrmDemoPerson person = { 0 };
      g_autofree char *email = NULL;
      g_autofree char *phone = crm_demo_phone (d->rand, d->russian);
      guint hired_day = 0;
      char hired[11];
      gint64 hired_at;

      m->id = i + 1;
      m->skill = 0.6 + demo_uniform (d);
      m->activity = 0.7 + 0.6 * demo_uniform (d);
      m->complaint_rate = 1.0;
      m->first_day = 0;
      m->last_day = d->n_days - 1;
      m->client_weight = 0.6 + 0.8 * demo_uniform (d);
      m->call_inbound_share = 0.15 + 0.45 * demo_uniform (d);

      /* The roles the KPIs need (on a full team of 20). */
      if (n >= 20)
        switch (i)
          {
          case 3:
          case 10:
            m->at_risk = TRUE;                 /* activity and pipeline dry up lately */
            break;
          case 6:
            m->complaint_rate = 6.0;           /* sells at any price */
            m->skill = 1.5;
            break;
          case 14:
            m->no_target = TRUE;               /* no plan: judged against own history */
            break;
          case 17:
            m->first_day = d->today_index > 21 ? d->today_index - 21 : 0;   /* a new hire */
            m->client_weight = 0.15;
            break;
          case 19:
            m->last_day = d->today_index > 180 ? d->today_index - 180 : d->today_index;  /* left */
            break;
          default:
            break;
          }

      crm_demo_person (d->rand, d->russian, &person);
      email = g_strdup_printf ("%s@%s", person.email_local, d->russian ? "vector-prodazh.ru" : "vectorsales.com");
      hired_day = m->first_day;
      hired_at = m->first_day > 0 ? demo_time (d, m->first_day, 9 * 60)
                                  : d->start - (gint64) demo_int (d, 60, 1500) * 86400;
      if (m->first_day > 0)
        g_strlcpy (hired, d->days[hired_day].iso, sizeof hired);
      else
        {
          g_autoptr(GDateTime) h = g_date_time_new_from_unix_local (hired_at);
          g_autofree char *s = g_date_time_format (h, "%Y-%m-%d");
          g_strlcpy (hired, s, sizeof hired);
        }

      sqlite3_bind_int64 (stmt, 1, m->id);
      crm_bind_text (stmt, 2, person.short_name);
      crm_bind_text (stmt, 3, email);
      crm_bind_text (stmt, 4, phone);
      sqlite3_bind_int (stmt, 5, m->last_day >= d->today_index ? 1 : 0);
      crm_bind_text (stmt, 6, hired);
      sqlite3_bind_int64 (stmt, 7, hired_at);
      sqlite3_bind_int64 (stmt, 8, hired_at);
      crm_demo_person_clear (&person);
      if (!crm_database_step_done (d->db, stmt, error))
        return FALSE;
    }

  d->manager_cumulative = g_new (double, n);
  {
    double sum = 0;
    for (guint i = 0; i < n; i++)
      {
        sum += d->managers[i].client_weight;
        d->manager_cumulative[i] = sum;
      }
  }
  return TRUE;
}

/* A manager who works on @day, chosen by weight. */
guint
demo_pick_manager (Demo *d, guint day)
{
  for (int attempt = 0; attempt < 64; attempt++)
    {
      guint m = demo_pick_cumulative (d, d->manager_cumulative, 0, d->n_managers - 1);
      if (day >= d->managers[m].first_day && day <= d->managers[m].last_day)
        return m;
    }
  return 0;
}

/* ---- settings and indexes ----------------------------------------------- */

static gboolean
write_settings (Demo *d, GError **error)
{
  g_autofree char *company = crm_demo_company_name (d->russian);
  const char *keys[] = { "company_name", "currency" };
  const char *values[] = { company, d->currency };
  sqlite3_stmt *stmt = crm_database_prepare (d->db,
    "INSERT INTO setting (key, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      crm_bind_text (stmt, 1, keys[i]);
      crm_bind_text (stmt, 2, values[i]);
      sqlite3_bind_int64 (stmt, 3, d->today);
      if (!crm_database_step_done (d->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Drops the secondary indexes of the bulk tables, and the triggers whose
 * work the loader does itself (stage history and funnel columns, first
 * payment, the KPI rollups, the clients' revenue and last contact), keeping their SQL to create them again exactly
 * as the schema has them. */
static gboolean
drop_indexes (Demo *d, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (d->db,
    "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND"
    " ((type = 'index' AND tbl_name IN ('client', 'activity', 'deal', 'deal_stage_change', 'payment',"
    "   'complaint', 'client_tag'))"
    "  OR (type = 'trigger' AND tbl_name IN ('deal', 'payment', 'activity')))", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  d->index_sql = g_ptr_array_new_with_free_func (g_free);
  while ((rc = crm_database_step_row (d->db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup_printf ("DROP %s \"%s\"",
                                               g_str_equal (crm_column_text (stmt, 0), "index") ? "INDEX" : "TRIGGER",
                                               crm_column_text (stmt, 1)));
      g_ptr_array_add (d->index_sql, crm_column_dup_text (stmt, 2));
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      /* Names from sqlite_schema, quoted: not user text. */
      if (!crm_database_exec (d->db, names->pdata[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
rebuild_indexes (Demo *d, GError **error)
{
  /* Sort with both cores. */
  if (!crm_database_exec (d->db, "PRAGMA threads = 2", error))
    return FALSE;
  for (guint i = 0; i < d->index_sql->len; i++)
    {
      if (!crm_database_exec (d->db, d->index_sql->pdata[i], error))
        return FALSE;
      if (!demo_tick (d, i + 1, d->index_sql->len, error))
        return FALSE;
    }
  return TRUE;
}

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->days, g_free);
  g_clear_pointer (&d->day_cumulative, g_free);
  if (d->managers != NULL)
    for (guint i = 0; i < d->n_managers; i++)
      g_clear_pointer (&d->managers[i].clients, g_array_unref);
  g_clear_pointer (&d->managers, g_free);
  g_clear_pointer (&d->manager_cumulative, g_free);
  g_clear_pointer (&d->clients, g_free);
  g_clear_pointer (&d->deals, g_array_unref);
  g_clear_pointer (&d->payments, g_array_unref);
  g_clear_pointer (&d->complaints, g_array_unref);
  g_clear_pointer (&d->stats, g_free);
  g_clear_pointer (&d->index_sql, g_ptr_array_unref);
}

gboolean
crm_demo_generate (CrmDatabase          *db,
                   const CrmDemoOptions *options,
                   CrmDemoProgressFunc   progress,
                   gpointer              progress_data,
                   GCancellable         *cancellable,
                   GError              **error)
{
  Demo d = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!crm_database_check_writable (db, error))
    return FALSE;
  {
    GError *local_error = NULL;
    gboolean empty = crm_database_is_empty (db, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
    if (!empty)
      {
        g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID,
                     _("The database already has clients or managers. Demo data goes into an empty database: choose a new file, for example with --database demo.db."));
        return FALSE;
      }
  }

  d.db = db;
  d.rand = g_rand_new_with_seed (options->seed);
  d.russian = crm_demo_names_russian (options->language != NULL ? options->language
                                                                : crm_locale_get_language ());
  d.currency = d.russian ? "RUB" : "USD";
  d.money_scale = d.russian ? 1.0 : 1.0 / 60.0;
  d.today = options->today > 0 ? options->today : g_get_real_time () / G_USEC_PER_SEC;
  d.n_clients = options->n_clients > 0 ? options->n_clients : 2000;
  d.n_activities = options->n_activities > 0 ? options->n_activities : d.n_clients * 10;
  d.progress = progress;
  d.progress_data = progress_data;
  d.cancellable = cancellable;

  plan_calendar (&d);
  plan_day_weights (&d);

  /* A big page cache while loading; the usual one afterwards. */
  if (!crm_database_exec (db, "PRAGMA cache_size = -262144", error) ||
      !crm_database_begin (db, error))
    goto out;

  demo_phase (&d, 0.00, 0.02, _("Preparing"));
  if (!drop_indexes (&d, error) || !write_settings (&d, error) ||
      !plan_and_write_managers (&d, error))
    goto fail;
  demo_phase (&d, 0.02, 0.06, _("Planning clients and deals"));
  if (!demo_plan_clients (&d, error) || !demo_plan_deals (&d, error) ||
      !demo_plan_payments (&d, error) || !demo_plan_complaints (&d, error))
    goto fail;
  demo_phase (&d, 0.08, 0.08, _("Writing clients"));
  if (!demo_write_clients (&d, error))
    goto fail;
  demo_phase (&d, 0.16, 0.14, _("Writing deals and their history"));
  if (!demo_write_deals (&d, error))
    goto fail;
  demo_phase (&d, 0.30, 0.08, _("Writing payments and complaints"));
  if (!demo_write_payments (&d, error) || !demo_write_complaints (&d, error))
    goto fail;
  demo_phase (&d, 0.38, 0.40, _("Writing calls, meetings and tasks"));
  if (!demo_write_activities (&d, error))
    goto fail;
  demo_phase (&d, 0.78, 0.01, _("Writing monthly targets"));
  if (!demo_write_targets (&d, error))
    goto fail;
  /* Before the indexes: the totals are whole-table aggregates, and no
   * client index is kept up to date while they are written. */
  demo_phase (&d, 0.79, 0.19, _("Building the indexes"));
  if (!crm_rollup_rebuild_client_totals (db, error) ||
      !rebuild_indexes (&d, error) || !crm_rollup_rebuild (db, error) ||
      !crm_database_commit (db, error))
    goto fail;
  demo_phase (&d, 0.98, 0.02, _("Analysing"));
  if (!crm_database_analyze (db, error))
    goto out;
  if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  ok = TRUE;
  goto out;

fail:
  if (crm_database_in_transaction (db))
    crm_database_rollback (db);
out:
  crm_database_exec (db, "PRAGMA cache_size = -16000", NULL);
  demo_clear (&d);
  return ok;
}
