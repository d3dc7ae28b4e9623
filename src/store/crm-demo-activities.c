/* crm-demo-activities.c — demo calls, meetings, tasks and monthly targets
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-demo-private.h"
#include "crm-enums.h"

static const char *call_outcomes_ru[] = {
  "Договорились о встрече", "Выслал коммерческое предложение", "Перезвонить через неделю",
  "Не заинтересованы сейчас", "Уточнили объём заказа", "Согласовали скидку", "Не дозвонился",
};
static const char *call_outcomes_en[] = {
  "Booked a meeting", "Sent the proposal", "Call back next week", "Not interested for now",
  "Clarified the order size", "Agreed on a discount", "No answer",
};
static const char *meeting_titles_ru[] = {
  "Презентация продукта", "Встреча с закупками", "Обсуждение договора", "Демонстрация на объекте",
};
static const char *meeting_titles_en[] = {
  "Product presentation", "Meeting with purchasing", "Contract discussion", "On-site demo",
};
static const char *task_titles_ru[] = {
  "Подготовить КП", "Отправить счёт", "Проверить оплату", "Обновить данные клиента",
};
static const char *task_titles_en[] = {
  "Prepare the proposal", "Send the invoice", "Check the payment", "Update the client's details",
};

#define PICK_LANG(d, ru, en) ((d)->russian ? ru[demo_int ((d), 0, G_N_ELEMENTS (ru))] \
                                           : en[demo_int ((d), 0, G_N_ELEMENTS (en))])

/* A client of the manager who already existed on @day, recent ones more
 * often; -1 when there is none. */
static int
pick_client (Demo *d, DemoManager *m, guint day)
{
  guint lo = 0, hi = m->clients->len;
  guint count;
  double u;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (d->clients[g_array_index (m->clients, guint, mid)].created_day <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  count = lo;
  if (count == 0)
    return -1;
  u = demo_uniform (d);
  return (int) g_array_index (m->clients, guint, count - 1 - (guint) (count * u * u * u));
}

gboolean
demo_write_activities (Demo *d, GError **error)
{
  g_autofree double *cumulative = g_new (double, d->n_managers);
  double sum = 0;
  gint64 now_minute = (d->today - d->days[d->today_index].midnight) / 60;
  g_autoptr(GArray) working = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_today;
  sqlite3_stmt *stmt = crm_database_prepare (d->db,
    "INSERT INTO activity (uid, type, client_id, manager_id, deal_id, title, starts_at, duration_min,"
    " direction, state, outcome, reminder_min, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  /* A manager's share of the activities: their activity level over the
   * days they worked. */
  for (guint m = 0; m < d->n_managers; m++)
    {
      DemoManager *man = &d->managers[m];
      double span = d->day_cumulative[man->last_day] -
                    (man->first_day > 0 ? d->day_cumulative[man->first_day - 1] : 0.0);
      sum += man->activity * span;
      cumulative[m] = sum;
    }

  /* Whoever works today has a few things planned for the rest of the day:
   * the demo opens on a day with something in it. */
  for (guint m = 0; m < d->n_managers; m++)
    if (d->managers[m].first_day <= d->today_index && d->managers[m].last_day >= d->today_index)
      g_array_append_val (working, m);
  n_today = MIN (d->n_activities / 20, working->len * 3);

  for (guint n = 0; n < d->n_activities; n++)
    {
      gboolean today = n < n_today;
      guint mi = today ? g_array_index (working, guint, n % working->len)
                       : demo_pick_cumulative (d, cumulative, 0, d->n_managers - 1);
      DemoManager *m = &d->managers[mi];
      guint day = today ? d->today_index : demo_pick_day (d, m->first_day, m->last_day);
      double r = demo_uniform (d);
      CrmActivityType type = r < 0.70 ? CRM_ACTIVITY_CALL : (r < 0.88 ? CRM_ACTIVITY_MEETING : CRM_ACTIVITY_TASK);
      CrmActivityState state;
      int client;
      int minute;
      int duration;
      const char *direction = NULL;
      const char *title = "";
      const char *outcome = "";
      gint64 deal = 0;
      char uid[48];

      /* The managers at risk work a third as much in the last two months. */
      for (int attempt = 0; !today && m->at_risk && day + 60 > d->today_index && attempt < 8 && demo_uniform (d) > 0.3; attempt++)
        day = demo_pick_day (d, m->first_day, m->last_day);

      client = pick_client (d, m, day);
      if (client < 0 && type != CRM_ACTIVITY_TASK)
        type = CRM_ACTIVITY_TASK;

      switch (type)
        {
        case CRM_ACTIVITY_CALL:
          minute = 9 * 60 + demo_int (d, 0, 9 * 60);
          {
            /* (CLAMP evaluates its argument more than once: draw once.) */
            int drawn = (int) llround (demo_lognormal (d, 4.0, 0.8));
            duration = CLAMP (drawn, 1, 90);
          }
          direction = demo_uniform (d) < m->call_inbound_share +
                      (d->clients[client].source == CRM_SOURCE_INBOUND_CALL ? 0.3 : 0.0)
                      ? "inbound" : "outbound";
          break;
        case CRM_ACTIVITY_MEETING:
          minute = (9 + demo_int (d, 0, 8)) * 60 + 30 * demo_int (d, 0, 2);
          duration = 30 * demo_int (d, 1, 5);
          title = PICK_LANG (d, meeting_titles_ru, meeting_titles_en);
          if (d->clients[client].first_deal > 0 && demo_uniform (d) < 0.5)
            deal = d->clients[client].first_deal;
          break;
        case CRM_ACTIVITY_TASK:
        default:
          minute = 9 * 60 + 15 * demo_int (d, 0, 36);
          duration = 15 * demo_int (d, 1, 3);
          title = PICK_LANG (d, task_titles_ru, task_titles_en);
          break;
        }

      if (today && minute <= now_minute)
        minute = (int) MIN (now_minute + 15 * demo_int (d, 2, 12), 23 * 60 + 45);
      if (day < d->today_index || (day == d->today_index && minute < now_minute))
        {
          double s = demo_uniform (d);
          /* A few of the last week's are still open: overdue. */
          if (day + 7 >= d->today_index && s < 0.08)
            state = CRM_STATE_PLANNED;
          else
            state = s < 0.95 ? CRM_STATE_DONE : CRM_STATE_CANCELLED;
        }
      else
        state = CRM_STATE_PLANNED;

      if (type == CRM_ACTIVITY_CALL && state == CRM_STATE_DONE)
        outcome = PICK_LANG (d, call_outcomes_ru, call_outcomes_en);
      if (type == CRM_ACTIVITY_CALL && state != CRM_STATE_DONE)
        duration = 10;
      if (state == CRM_STATE_DONE)
        {
          DemoStats *st = demo_stats (d, mi, d->days[day].month);
          if (type == CRM_ACTIVITY_CALL)
            {
              st->calls++;
              st->talk_min += duration;
            }
          else if (type == CRM_ACTIVITY_MEETING)
            st->meetings++;
        }

      g_snprintf (uid, sizeof uid, "demo-%09u@salescrm", n + 1);
      crm_bind_text (stmt, 1, uid);
      crm_bind_text (stmt, 2, crm_activity_type_to_string (type));
      crm_bind_int64_or_null (stmt, 3, client + 1, client < 0);
      sqlite3_bind_int64 (stmt, 4, m->id);
      crm_bind_int64_or_null (stmt, 5, deal, deal == 0);
      crm_bind_text (stmt, 6, title);
      sqlite3_bind_int64 (stmt, 7, demo_time (d, day, minute));
      sqlite3_bind_int (stmt, 8, duration);
      crm_bind_text (stmt, 9, direction);
      crm_bind_text (stmt, 10, crm_activity_state_to_string (state));
      crm_bind_text (stmt, 11, outcome);
      crm_bind_int64_or_null (stmt, 12, type == CRM_ACTIVITY_MEETING ? 30 : 15, state != CRM_STATE_PLANNED);
      sqlite3_bind_int64 (stmt, 13, MIN (demo_time (d, day, minute), d->today));
      sqlite3_bind_int64 (stmt, 14, MIN (demo_time (d, day, minute), d->today));
      if (!crm_database_step_done (d->db, stmt, error))
        return FALSE;
      if (!demo_tick (d, n + 1, d->n_activities, error))
        return FALSE;
    }
  return TRUE;
}

/* A plan a little above what the manager did in the three months before:
 * most achievements land between 70% and 110%. */
static gint64
plan_from (double average, double factor, gint64 step)
{
  gint64 v = (gint64) llround (average * factor / step) * step;
  return MAX (v, step);
}

gboolean
demo_write_targets (Demo *d, GError **error)
{
  guint current = d->days[d->today_index].month;
  gint64 revenue_step = d->russian ? 1000000 : 10000;   /* 10 000 ₽ or $100 */

  for (guint mi = 0; mi < d->n_managers; mi++)
    {
      DemoManager *m = &d->managers[mi];

      if (m->no_target)
        continue;
      if (m->last_day < d->today_index)
        continue;             /* left: no plan any more, and none was kept */
      for (guint month = 3; month <= MIN (current + 1, d->n_months - 1); month++)
        {
          double revenue = 0, calls = 0, talk = 0, meetings = 0, fresh = 0;
          guint base = MIN (month, current);
          double factor = 1.05 + 0.25 * demo_uniform (d);
          char month_text[8];
          sqlite3_stmt *stmt;

          /* The plan of a manager at risk was set before the slump. */
          if (m->at_risk && base + 3 > current && current >= 5)
            base = current - 2;
          for (guint k = base - 3; k < base; k++)
            {
              DemoStats *st = demo_stats (d, mi, k);
              revenue += st->revenue / 3.0;
              calls += st->calls / 3.0;
              talk += st->talk_min / 3.0;
              meetings += st->meetings / 3.0;
              fresh += st->new_clients / 3.0;
            }
          if (calls < 1 && meetings < 1 && revenue < 1)
            {
              /* The new hire: a starter plan for this month and the next. */
              if (m->first_day == 0 || month < current)
                continue;
              revenue = demo_stats (d, 0, current - 1)->revenue * 0.3;
              calls = 40;
              talk = 160;
              meetings = 4;
              fresh = 5;
            }
          for (guint day = 0; day < d->n_days; day++)
            if (d->days[day].month == month)
              {
                g_strlcpy (month_text, d->days[day].iso, sizeof month_text);
                break;
              }

          stmt = crm_database_prepare (d->db,
            "INSERT INTO kpi_target (manager_id, month, revenue, calls, talk_min, meetings, new_clients,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, m->id);
          crm_bind_text (stmt, 2, month_text);
          sqlite3_bind_int64 (stmt, 3, plan_from (revenue, factor, revenue_step));
          sqlite3_bind_int64 (stmt, 4, plan_from (calls, factor, 5));
          sqlite3_bind_int64 (stmt, 5, plan_from (talk, factor, 10));
          sqlite3_bind_int64 (stmt, 6, plan_from (meetings, factor, 1));
          sqlite3_bind_int64 (stmt, 7, plan_from (fresh, factor, 1));
          sqlite3_bind_int64 (stmt, 8, d->start);
          sqlite3_bind_int64 (stmt, 9, d->start);
          if (!crm_database_step_done (d->db, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}
