/* crm-demo-plan.c — demo clients, deals, payments and complaints
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "crm-demo-names.h"
#include "crm-demo-private.h"
#include "crm-enums.h"

/* Money in minor units of the demo currency (kopecks or cents). */
static gint64
money (Demo *d, double roubles)
{
  double minor = roubles * d->money_scale * 100.0;
  /* Round to whole tens of roubles (or whole dollars). */
  gint64 step = d->russian ? 1000 : 100;
  gint64 value = (gint64) llround (minor / step) * step;
  return MAX (value, step);
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

gboolean
demo_plan_clients (Demo *d, GError **error)
{
  g_autofree guint *days = g_new (guint, d->n_clients);
  static const double source_weights[CRM_N_SOURCES] = { 28, 24, 14, 24, 10 };

  d->stats = g_new0 (DemoStats, d->n_managers * d->n_months);
  d->clients = g_new0 (DemoClient, d->n_clients);
  for (guint m = 0; m < d->n_managers; m++)
    d->managers[m].clients = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Creation days first, sorted, so that ids follow creation. */
  for (guint i = 0; i < d->n_clients; i++)
    days[i] = demo_pick_day (d, 0, d->today_index);
  qsort (days, d->n_clients, sizeof (guint), compare_uint);

  for (guint i = 0; i < d->n_clients; i++)
    {
      DemoClient *c = &d->clients[i];
      double r = demo_uniform (d) * 100.0, acc = 0;

      c->created_day = days[i];
      c->first_paid_day = G_MAXUINT;
      c->created_at = demo_time (d, days[i], 9 * 60 + demo_int (d, 0, 540));
      if (c->created_at > d->today)
        c->created_at = d->today - demo_int (d, 60, 3600);
      c->manager = demo_pick_manager (d, days[i]);
      for (guint s = 0; s < CRM_N_SOURCES; s++)
        {
          acc += source_weights[s];
          if (r < acc)
            {
              c->source = s;
              break;
            }
        }
      /* Pareto with α = 1.16: the 80/20 shape. Capped so one client
       * cannot be the whole business. */
      {
        /* (MIN and MAX evaluate their arguments twice: draw once.) */
        double u = demo_uniform (d);
        double pareto = 1.0 / pow (MAX (u, 1e-9), 1.0 / 1.16);

        c->value = MIN (pareto, 100.0);
      }
      g_array_append_val (d->managers[c->manager].clients, i);
      demo_stats (d, c->manager, d->days[days[i]].month)->new_clients++;
      if (!demo_tick (d, i + 1, d->n_clients, error))
        return FALSE;
    }
  return TRUE;
}

static int
poisson (Demo *d, double lambda)
{
  double limit = exp (-lambda), p = 1.0;
  int k = 0;

  do
    {
      k++;
      p *= demo_uniform (d);
    }
  while (p > limit && k < 50);
  return k - 1;
}

static void
plan_deal_path (Demo *d, DemoDeal *deal, guint created_day, gboolean at_risk)
{
  guint age = d->today_index - created_day;
  double r = demo_uniform (d);
  int outcome;                   /* 0 open, 1 won, 2 lost */
  int top;                       /* the furthest open stage reached */
  gboolean fast;
  gint64 t = demo_time (d, created_day, 9 * 60 + demo_int (d, 0, 480));

  if (age > 100)
    outcome = r < 0.42 ? 1 : (r < 0.90 ? 2 : 0);
  else if (age > 40)
    outcome = r < 0.30 ? 1 : (r < 0.55 ? 2 : 0);
  else
    outcome = r < 0.08 ? 1 : (r < 0.18 ? 2 : 0);

  if (outcome == 1)
    top = CRM_STAGE_NEGOTIATION;
  else if (outcome == 2)
    top = demo_uniform (d) < 0.2 ? CRM_STAGE_NEW : demo_int (d, CRM_STAGE_QUALIFIED, CRM_STAGE_NEGOTIATION + 1);
  else
    {
      int reach = (int) (age / 12) + demo_int (d, 0, 2);
      top = MIN (CRM_STAGE_NEGOTIATION, reach);
    }
  if (at_risk && outcome == 0)
    top = MIN (top, CRM_STAGE_QUALIFIED);

  /* A few deals are quick: a repeat order, an urgent need. */
  fast = demo_uniform (d) < 0.15;
  if (fast && outcome == 0 && age > 5)
    {
      outcome = demo_uniform (d) < 0.75 ? 1 : 2;
      top = outcome == 1 ? CRM_STAGE_NEGOTIATION : CRM_STAGE_QUALIFIED;
    }

  deal->n_steps = 0;
  deal->stages[deal->n_steps] = CRM_STAGE_NEW;
  deal->times[deal->n_steps++] = t;
  for (int s = CRM_STAGE_QUALIFIED; s <= top; s++)
    {
      /* Some deals skip a stage (straight from new to proposal). */
      if (s < top && demo_uniform (d) < 0.15)
        continue;
      t += fast ? (gint64) demo_int (d, 3600, 86400)
                : (gint64) demo_int (d, 2, 18) * 86400 + demo_int (d, 0, 3600);
      if (t > d->today)
        {
          outcome = 0;
          break;
        }
      deal->stages[deal->n_steps] = s;
      deal->times[deal->n_steps++] = t;
    }
  deal->closed_day = G_MAXUINT;
  if (outcome != 0)
    {
      t += fast ? (gint64) demo_int (d, 3600, 2 * 86400) : (gint64) demo_int (d, 2, 20) * 86400;
      if (t <= d->today)
        {
          deal->stages[deal->n_steps] = outcome == 1 ? CRM_STAGE_WON : CRM_STAGE_LOST;
          deal->times[deal->n_steps++] = t;
          deal->closed_day = demo_day_of_time (d, t);
        }
    }
}

gboolean
demo_plan_deals (Demo *d, GError **error)
{
  d->deals = g_array_sized_new (FALSE, TRUE, sizeof (DemoDeal), d->n_clients * 2);

  for (guint i = 0; i < d->n_clients; i++)
    {
      DemoClient *c = &d->clients[i];
      DemoManager *m = &d->managers[c->manager];
      int n = poisson (d, 2.0);

      for (int k = 0; k < n; k++)
        {
          DemoDeal deal = { 0 };
          guint span = d->today_index - c->created_day;
          guint created_day = c->created_day + (k == 0 ? (guint) demo_int (d, 0, MIN (span, 20) + 1)
                                                        : (guint) demo_int (d, 0, span + 1));

          /* A manager at risk opens almost nothing new lately. */
          if (m->at_risk && created_day + 60 > d->today_index && demo_uniform (d) < 0.8)
            continue;
          deal.client = i;
          deal.manager = c->manager;
          /* Deals of a manager who has left go to whoever works then. */
          if (created_day > m->last_day)
            deal.manager = demo_pick_manager (d, created_day);
          plan_deal_path (d, &deal, created_day, m->at_risk);
          if (deal.closed_day == G_MAXUINT && d->managers[deal.manager].last_day < d->today_index)
            deal.manager = demo_pick_manager (d, d->today_index);
          deal.amount = money (d, 120000.0 * demo_lognormal (d, 1.0, 0.6) * pow (c->value, 0.8) * m->skill);
          if (deal.closed_day != G_MAXUINT)
            deal.expected_close_day = deal.closed_day;
          else if (m->at_risk)
            deal.expected_close_day = d->today_index + demo_int (d, 70, 180);
          else
            {
              deal.expected_close_day = created_day + demo_int (d, 20, 120);
              if (deal.expected_close_day < d->today_index)
                deal.expected_close_day = d->today_index + demo_int (d, 3, 75);
            }
          deal.lost_reason = demo_int (d, 0, 5);
          g_array_append_val (d->deals, deal);
          if (c->first_deal == 0)
            c->first_deal = d->deals->len;
          switch (deal.stages[deal.n_steps - 1])
            {
            case CRM_STAGE_WON:
              c->n_won++;
              break;
            case CRM_STAGE_LOST:
              c->n_lost++;
              break;
            default:
              c->n_open++;
              break;
            }
        }
      if (!demo_tick (d, i + 1, d->n_clients, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_payment (Demo *d, guint client, guint manager, guint32 deal, guint day, gint64 amount)
{
  DemoPayment p = { client, (guint8) manager, deal, day, amount };
  DemoClient *c = &d->clients[client];

  /* A manager who left handed the clients over: later payments are
   * credited to whoever works on that day. */
  if (day > d->managers[manager].last_day)
    p.manager = manager = demo_pick_manager (d, day);

  g_array_append_val (d->payments, p);
  c->first_paid_day = MIN (c->first_paid_day, day);
  c->revenue += amount;
  c->n_payments++;
  demo_stats (d, manager, d->days[day].month)->revenue += amount;
}

gboolean
demo_plan_payments (Demo *d, GError **error)
{
  g_autoptr(GArray) paying = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *cumulative = NULL;
  guint target = d->n_clients * 3;

  d->payments = g_array_sized_new (FALSE, TRUE, sizeof (DemoPayment), target);

  /* Won deals are paid, in one or two parts. */
  for (guint i = 0; i < d->deals->len; i++)
    {
      DemoDeal *deal = &g_array_index (d->deals, DemoDeal, i);
      guint day;

      if (deal->stages[deal->n_steps - 1] != CRM_STAGE_WON)
        continue;
      day = deal->closed_day + demo_int (d, 0, 15);
      if (day > d->today_index)
        continue;
      if (demo_uniform (d) < 0.3 && day + 30 <= d->today_index)
        {
          gint64 first = deal->amount / 2;
          add_payment (d, deal->client, deal->manager, i + 1, day, first);
          add_payment (d, deal->client, deal->manager, i + 1, day + 30, deal->amount - first);
        }
      else
        add_payment (d, deal->client, deal->manager, i + 1, day, deal->amount);
    }

  /* Repeat orders from the clients who have bought, by their value. */
  for (guint i = 0; i < d->n_clients; i++)
    if (d->clients[i].n_won > 0 && d->clients[i].created_day + 14 < d->today_index)
      g_array_append_val (paying, i);
  if (paying->len == 0)
    return TRUE;
  cumulative = g_new (double, paying->len);
  {
    double sum = 0;
    for (guint k = 0; k < paying->len; k++)
      {
        sum += d->clients[g_array_index (paying, guint, k)].value;
        cumulative[k] = sum;
      }
  }
  for (guint n = d->payments->len, k = 0; n < target; n++, k++)
    {
      guint client = g_array_index (paying, guint, demo_pick_cumulative (d, cumulative, 0, paying->len - 1));
      DemoClient *c = &d->clients[client];
      guint day = demo_pick_day (d, c->created_day + 14, d->today_index);
      gint64 amount = money (d, 25000.0 * demo_lognormal (d, 1.0, 0.5) * pow (c->value, 0.5));

      add_payment (d, client, c->manager, 0, day, amount);
      if (!demo_tick (d, k + 1, target, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
demo_plan_complaints (Demo *d, GError **error)
{
  g_autofree double *cumulative = g_new (double, d->n_clients);
  guint target = d->n_clients / 10;
  double sum = 0;

  d->complaints = g_array_sized_new (FALSE, TRUE, sizeof (DemoComplaint), target);
  for (guint i = 0; i < d->n_clients; i++)
    {
      DemoClient *c = &d->clients[i];
      sum += (c->n_payments > 0 ? 1.0 : 0.1) * d->managers[c->manager].complaint_rate;
      cumulative[i] = sum;
    }
  for (guint n = 0; n < target; n++)
    {
      guint client = demo_pick_cumulative (d, cumulative, 0, d->n_clients - 1);
      DemoClient *c = &d->clients[client];
      DemoComplaint k = { 0 };

      k.client = client;
      k.manager = c->manager;
      k.day = demo_pick_day (d, MIN (c->created_day + 7, d->today_index), d->today_index);
      /* A third are costly returns that leave the client loss-making. */
      if (demo_uniform (d) < 0.3)
        {
          gint64 cost = (gint64) (c->revenue * (1.2 + 0.8 * demo_uniform (d)));
          k.cost = MAX (cost, money (d, 20000.0));
        }
      else
        k.cost = money (d, 6000.0 * demo_lognormal (d, 1.0, 0.7));
      if (k.day + 30 < d->today_index)
        {
          double r = demo_uniform (d);
          k.status = r < 0.7 ? CRM_COMPLAINT_RESOLVED : (r < 0.9 ? CRM_COMPLAINT_REJECTED : CRM_COMPLAINT_OPEN);
        }
      else
        k.status = CRM_COMPLAINT_OPEN;
      k.description = demo_int (d, 0, 5);
      c->cost += k.cost;
      g_array_append_val (d->complaints, k);
      if (!demo_tick (d, n + 1, target, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- writing ------------------------------------------------------------ */

static CrmClientStatus
final_status (Demo *d, DemoClient *c)
{
  if (c->n_payments >= 4)
    return CRM_STATUS_REGULAR;
  if (c->n_payments >= 1)
    return CRM_STATUS_CUSTOMER;
  if (c->n_open > 0)
    return CRM_STATUS_PROSPECT;
  if (c->n_lost > 0)
    return demo_uniform (d) < 0.7 ? CRM_STATUS_LOST : CRM_STATUS_LEAD;
  return demo_uniform (d) < 0.6 ? CRM_STATUS_LEAD : CRM_STATUS_PROSPECT;
}

/* TRUE the first time @contact (an e-mail, or a phone by its last ten
 * digits) is seen. */
static gboolean
first_use (GHashTable *seen, const char *contact)
{
  g_autofree char *key = NULL;

  if (strchr (contact, '@') != NULL)
    key = g_ascii_strdown (contact, -1);
  else
    {
      g_autofree char *digits = crm_store_digits (contact);
      gsize n = strlen (digits);
      key = g_strdup (n > 10 ? digits + n - 10 : digits);
    }
  if (g_hash_table_contains (seen, key))
    return FALSE;
  g_hash_table_add (seen, g_steal_pointer (&key));
  return TRUE;
}

gboolean
demo_write_clients (Demo *d, GError **error)
{
  g_autoptr(GHashTable) seen = NULL;
  const char *tags_ru[] = { "VIP", "опт", "сеть", "госзаказ" };
  const char *tags_en[] = { "VIP", "wholesale", "chain", "government" };
  const char **tags = d->russian ? tags_ru : tags_en;
  sqlite3_stmt *client_stmt, *tag_stmt, *link_stmt;

  tag_stmt = crm_database_prepare (d->db, "INSERT INTO tag (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)", error);
  if (tag_stmt == NULL)
    return FALSE;
  for (int t = 0; t < 4; t++)
    {
      sqlite3_bind_int64 (tag_stmt, 1, t + 1);
      crm_bind_text (tag_stmt, 2, tags[t]);
      sqlite3_bind_int64 (tag_stmt, 3, d->start);
      sqlite3_bind_int64 (tag_stmt, 4, d->start);
      if (!crm_database_step_done (d->db, tag_stmt, error))
        return FALSE;
    }

  client_stmt = crm_database_prepare (d->db,
    "INSERT INTO client (id, kind, name, sort_key, company, phones, emails, address, city, source, status,"
    " owner_id, notes, created_at, updated_at, first_paid_on)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  link_stmt = crm_database_prepare (d->db,
    "INSERT INTO client_tag (client_id, tag_id, created_at, updated_at) VALUES (?, ?, ?, ?)", error);
  if (client_stmt == NULL || link_stmt == NULL)
    return FALSE;
  /* No two demo clients share an e-mail or a phone: an export imports back
   * whole, with no duplicates. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < d->n_clients; i++)
    {
      DemoClient *c = &d->clients[i];
      CrmDemoPerson person = { 0 };
      gboolean company = demo_uniform (d) < 0.4;
      g_autofree char *company_name = crm_demo_company (d->rand, d->russian);
      g_autofree char *phones = crm_demo_phone (d->rand, d->russian);
      g_autofree char *emails = NULL;
      g_autofree char *address = crm_demo_address (d->rand, d->russian);
      g_autofree char *sort_key = NULL;
      const char *name;

      crm_demo_person (d->rand, d->russian, &person);
      name = company ? company_name : person.name;
      while (!first_use (seen, phones))
        {
          g_free (phones);
          phones = crm_demo_phone (d->rand, d->russian);
        }
      if (demo_uniform (d) < 0.3)
        {
          g_autofree char *second = crm_demo_phone (d->rand, d->russian);

          if (first_use (seen, second))
            {
              char *both = g_strconcat (phones, "\n", second, NULL);
              g_free (phones);
              phones = both;
            }
        }
      if (demo_uniform (d) < 0.85)
        {
          emails = company ? g_strdup_printf ("info@%s.%s", person.email_local, d->russian ? "ru" : "com")
                           : g_strdup_printf ("%s@%s", person.email_local, person.email_domain);
          if (!first_use (seen, emails))
            {
              g_free (emails);
              emails = company ? g_strdup_printf ("info%u@%s.%s", i + 1, person.email_local, d->russian ? "ru" : "com")
                               : g_strdup_printf ("%s.%u@%s", person.email_local, i + 1, person.email_domain);
              first_use (seen, emails);
            }
        }
      sort_key = crm_store_fold (name);
      c->status = final_status (d, c);

      sqlite3_bind_int64 (client_stmt, 1, i + 1);
      crm_bind_text (client_stmt, 2, company ? "company" : "person");
      crm_bind_text (client_stmt, 3, name);
      crm_bind_text (client_stmt, 4, sort_key);
      crm_bind_text (client_stmt, 5, company ? company_name : (demo_uniform (d) < 0.5 ? company_name : ""));
      crm_bind_text (client_stmt, 6, phones);
      crm_bind_text_or_empty (client_stmt, 7, emails);
      crm_bind_text (client_stmt, 8, address);
      crm_bind_text (client_stmt, 9, crm_demo_city (d->rand, d->russian));
      crm_bind_text (client_stmt, 10, crm_client_source_to_string (c->source));
      crm_bind_text (client_stmt, 11, crm_client_status_to_string (c->status));
      sqlite3_bind_int64 (client_stmt, 12, d->managers[c->manager].id);
      crm_bind_text (client_stmt, 13, "");
      sqlite3_bind_int64 (client_stmt, 14, c->created_at);
      sqlite3_bind_int64 (client_stmt, 15, c->created_at);
      crm_bind_text (client_stmt, 16, c->first_paid_day != G_MAXUINT ? d->days[c->first_paid_day].iso : NULL);
      crm_demo_person_clear (&person);
      if (!crm_database_step_done (d->db, client_stmt, error))
        return FALSE;

      /* The most valuable clients are VIPs; a few carry other tags. */
      if (c->value > 6.0 || demo_uniform (d) < 0.06)
        {
          sqlite3_bind_int64 (link_stmt, 1, i + 1);
          sqlite3_bind_int64 (link_stmt, 2, c->value > 6.0 ? 1 : demo_int (d, 2, 5));
          sqlite3_bind_int64 (link_stmt, 3, c->created_at);
          sqlite3_bind_int64 (link_stmt, 4, c->created_at);
          if (!crm_database_step_done (d->db, link_stmt, error))
            return FALSE;
        }
      if (!demo_tick (d, i + 1, d->n_clients, error))
        return FALSE;
    }
  return TRUE;
}

/* The ISO date of day @index, also past the last day of the calendar (the
 * open deals expected to close months ahead). */
static void
demo_day_iso (Demo *d, guint index, char iso[11])
{
  GDate date;
  unsigned y, m, day;

  if (index < d->n_days)
    {
      memcpy (iso, d->days[index].iso, 11);
      return;
    }
  g_date_clear (&date, 1);
  sscanf (d->days[d->n_days - 1].iso, "%u-%u-%u", &y, &m, &day);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  g_date_add_days (&date, index - (d->n_days - 1));
  g_snprintf (iso, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

gboolean
demo_write_deals (Demo *d, GError **error)
{
  const char *titles_ru[] = { "Поставка оборудования", "Годовой контракт", "Пробная партия", "Расширение заказа",
                              "Сервисное обслуживание", "Комплексное решение", "Поставка материалов" };
  const char *titles_en[] = { "Equipment supply", "Annual contract", "Trial order", "Order expansion",
                              "Service plan", "Turnkey solution", "Materials supply" };
  const char *reasons_ru[] = { "Дорого", "Выбрали конкурента", "Нет бюджета", "Отложили проект", "Не вышли на ЛПР" };
  const char *reasons_en[] = { "Too expensive", "Chose a competitor", "No budget", "Project postponed", "Never reached the decision maker" };
  sqlite3_stmt *insert, *history;

  /* The stage triggers are off during the load (see crm-demo.c): each deal
   * is written in its final state and its history rows explicitly, exactly
   * as the triggers would have recorded the moves. */
  insert = crm_database_prepare (d->db,
    "INSERT INTO deal (id, client_id, manager_id, title, amount, stage, probability, expected_close,"
    " stage_changed_at, closed_on, lost_reason, created_at, updated_at, reached_rank, stay_new,"
    " stay_qualified, stay_meeting, stay_proposal, stay_negotiation)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  history = crm_database_prepare (d->db,
    "INSERT INTO deal_stage_change (deal_id, from_stage, to_stage, changed_at, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?4)", error);
  if (insert == NULL || history == NULL)
    return FALSE;

  for (guint i = 0; i < d->deals->len; i++)
    {
      DemoDeal *deal = &g_array_index (d->deals, DemoDeal, i);
      const char *title = (d->russian ? titles_ru : titles_en)[(i * 7 + deal->client) % G_N_ELEMENTS (titles_ru)];
      CrmDealStage stage = deal->stages[deal->n_steps - 1];
      gint64 last = deal->times[deal->n_steps - 1];
      gint64 stays[CRM_N_OPEN_STAGES] = { 0 };
      int reached = 0;
      char close_iso[11];

      /* What the stage triggers keep: the furthest stage and the stays. */
      for (guint s = 0; s < deal->n_steps; s++)
        {
          int st = deal->stages[s];
          reached = MAX (reached, st == CRM_STAGE_WON ? 5 : (st == CRM_STAGE_LOST ? 0 : st));
          if (s + 1 < deal->n_steps && st < CRM_N_OPEN_STAGES)
            stays[st] += deal->times[s + 1] - deal->times[s];
        }

      sqlite3_bind_int64 (insert, 1, i + 1);
      sqlite3_bind_int64 (insert, 2, deal->client + 1);
      sqlite3_bind_int64 (insert, 3, d->managers[deal->manager].id);
      crm_bind_text (insert, 4, title);
      sqlite3_bind_int64 (insert, 5, deal->amount);
      crm_bind_text (insert, 6, crm_deal_stage_to_string (stage));
      sqlite3_bind_int (insert, 7, crm_deal_stage_default_probability (stage));
      demo_day_iso (d, deal->expected_close_day, close_iso);
      crm_bind_text (insert, 8, close_iso);
      sqlite3_bind_int64 (insert, 9, last);
      crm_bind_text (insert, 10, deal->closed_day != G_MAXUINT ? d->days[deal->closed_day].iso : NULL);
      crm_bind_text (insert, 11, stage == CRM_STAGE_LOST ? (d->russian ? reasons_ru : reasons_en)[deal->lost_reason] : "");
      sqlite3_bind_int64 (insert, 12, deal->times[0]);
      sqlite3_bind_int64 (insert, 13, last);
      sqlite3_bind_int (insert, 14, reached);
      for (int k = 0; k < CRM_N_OPEN_STAGES; k++)
        sqlite3_bind_int64 (insert, 15 + k, stays[k]);
      if (!crm_database_step_done (d->db, insert, error))
        return FALSE;

      for (guint s = 0; s < deal->n_steps; s++)
        {
          sqlite3_bind_int64 (history, 1, i + 1);
          crm_bind_text (history, 2, s > 0 ? crm_deal_stage_to_string (deal->stages[s - 1]) : NULL);
          crm_bind_text (history, 3, crm_deal_stage_to_string (deal->stages[s]));
          sqlite3_bind_int64 (history, 4, deal->times[s]);
          if (!crm_database_step_done (d->db, history, error))
            return FALSE;
        }
      if (!demo_tick (d, i + 1, d->deals->len, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
demo_write_payments (Demo *d, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (d->db,
    "INSERT INTO payment (client_id, manager_id, deal_id, paid_on, amount, note, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, '', ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < d->payments->len; i++)
    {
      DemoPayment *p = &g_array_index (d->payments, DemoPayment, i);
      gint64 at = demo_time (d, p->day, 12 * 60);

      sqlite3_bind_int64 (stmt, 1, p->client + 1);
      sqlite3_bind_int64 (stmt, 2, d->managers[p->manager].id);
      crm_bind_int64_or_null (stmt, 3, p->deal, p->deal == 0);
      crm_bind_text (stmt, 4, d->days[p->day].iso);
      sqlite3_bind_int64 (stmt, 5, p->amount);
      sqlite3_bind_int64 (stmt, 6, at);
      sqlite3_bind_int64 (stmt, 7, at);
      if (!crm_database_step_done (d->db, stmt, error))
        return FALSE;
      if (!demo_tick (d, i + 1, d->payments->len + d->complaints->len, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
demo_write_complaints (Demo *d, GError **error)
{
  const char *text_ru[] = { "Возврат бракованной партии", "Задержка поставки, штраф по договору",
                            "Претензия по качеству", "Пересорт, замена товара", "Компенсация за простой" };
  const char *text_en[] = { "Return of a defective batch", "Late delivery penalty", "Quality claim",
                            "Wrong items, replacement", "Downtime compensation" };

  sqlite3_stmt *stmt = crm_database_prepare (d->db,
    "INSERT INTO complaint (client_id, manager_id, opened_on, cost, status, description, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < d->complaints->len; i++)
    {
      DemoComplaint *k = &g_array_index (d->complaints, DemoComplaint, i);
      gint64 at = demo_time (d, k->day, 11 * 60);

      sqlite3_bind_int64 (stmt, 1, k->client + 1);
      sqlite3_bind_int64 (stmt, 2, d->managers[k->manager].id);
      crm_bind_text (stmt, 3, d->days[k->day].iso);
      sqlite3_bind_int64 (stmt, 4, k->cost);
      crm_bind_text (stmt, 5, crm_complaint_status_to_string (k->status));
      crm_bind_text (stmt, 6, (d->russian ? text_ru : text_en)[k->description]);
      sqlite3_bind_int64 (stmt, 7, at);
      sqlite3_bind_int64 (stmt, 8, at);
      if (!crm_database_step_done (d->db, stmt, error))
        return FALSE;
      if (!demo_tick (d, d->payments->len + i + 1, d->payments->len + d->complaints->len, error))
        return FALSE;
    }
  return TRUE;
}
