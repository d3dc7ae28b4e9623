/* test-today.c — "My day" with its one-click actions, and the reminders
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "crm-activity-dialog.h"
#include "crm-activity-store.h"
#include "crm-application.h"
#include "crm-calendar-style.h"
#include "crm-client-card.h"
#include "crm-client-store.h"
#include "crm-clients-page.h"
#include "crm-deal-store.h"
#include "crm-kpi-store.h"
#include "crm-manager-store.h"
#include "crm-my-day.h"
#include "crm-recurrence.h"
#include "crm-reminders.h"
#include "crm-setting-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-calendar-util.h"
#include "crm-window.h"

typedef struct {
  CrmDatabase *db;
  GtkWindow   *window;
  CrmMyDay    *day;
  gint64       anna;
  gint64       boris;
  gint64       acme;
  gint64       quiet;
  gint64       now;
} Fixture;

#define local(y, mo, d, h, mi) crm_test_time (NULL, y, mo, d, h, mi)

static gint64
client (Fixture *f, const char *name, gint64 created_at)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->owner_id = f->anna;
  c->created_at = created_at;
  g_assert_true (crm_client_store_create (f->db, c, &error));
  return c->id;
}

static CrmActivity *
add (Fixture *f, CrmActivityType type, gint64 client_id, gint64 start, int minutes, CrmActivityState state,
     const char *rrule)
{
  CrmActivity *a = crm_activity_new ();
  g_autoptr(GError) error = NULL;

  a->type = type;
  a->manager_id = f->anna;
  a->client_id = client_id;
  a->starts_at = start;
  a->duration_min = minutes;
  a->state = state;
  a->reminder_min = 15;
  a->title = g_strdup ("");
  a->rrule = g_strdup (rrule);
  g_assert_true (crm_activity_store_create (f->db, a, &error));
  g_assert_no_error (error);
  return a;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("today.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmManager) a = crm_manager_new ();
  g_autoptr(CrmManager) b = crm_manager_new ();

  f->now = local (2026, 11, 27, 12, 0);
  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);
  a->name = g_strdup ("Anna Petrova");
  b->name = g_strdup ("Boris Ivanov");
  g_assert_true (crm_manager_store_create (f->db, a, &error));
  g_assert_true (crm_manager_store_create (f->db, b, &error));
  f->anna = a->id;
  f->boris = b->id;
  f->acme = client (f, "Acme Trading", f->now - 200 * 86400);
  f->quiet = client (f, "Quiet Client", f->now - 100 * 86400);
}

static gboolean
loaded (gpointer data)
{
  Fixture *f = data;
  return !crm_my_day_is_loading (f->day);
}

/* My Day in a window, of @manager (0: nobody chosen, as the window shows
 * it first). */
static void
show_day_of (Fixture *f, gint64 manager)
{
  f->day = CRM_MY_DAY (crm_my_day_new ());
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->day));
  crm_my_day_set_database (f->day, f->db);
  if (manager > 0)
    crm_my_day_set_manager (f->day, manager);
  crm_my_day_set_now (f->day, f->now);
  gtk_window_present (f->window);
  crm_test_iterate ();
  /* The lists are read in a worker thread. */
  g_assert_true (crm_test_wait_for (loaded, f, 10));
}

static void
show (Fixture *f)
{
  show_day_of (f, f->anna);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || (l->data != f->window && GTK_IS_WINDOW (l->data)))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  crm_test_iterate ();
  g_clear_object (&f->db);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "activity") != NULL ||
        g_object_get_data (G_OBJECT (row), "client-id") != NULL)
      n++;
  return n;
}

static GtkListBoxRow *
row_at (GtkListBox *list, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) index);
  g_assert_nonnull (row);
  return row;
}

/* The suffix button of @row whose tooltip is @tooltip. */
static GtkButton *
button_of (GtkListBoxRow *row, const char *tooltip)
{
  GtkWidget *stack[64];
  int top = 0;

  stack[top++] = GTK_WIDGET (row);
  while (top > 0)
    {
      GtkWidget *w = stack[--top];
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), tooltip) == 0)
        return GTK_BUTTON (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 64; c = gtk_widget_get_next_sibling (c))
        stack[top++] = c;
    }
  g_assert_not_reached ();
}

static AdwMessageDialog *
message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (found);
  return found;
}

static void
test_sections (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) later = add (f, CRM_ACTIVITY_MEETING, f->acme, local (2026, 11, 27, 15, 0), 60, CRM_STATE_PLANNED, NULL);
  g_autoptr(CrmActivity) early = add (f, CRM_ACTIVITY_CALL, f->acme, local (2026, 11, 27, 9, 0), 10, CRM_STATE_DONE, NULL);
  g_autoptr(CrmActivity) missed = add (f, CRM_ACTIVITY_CALL, f->acme, local (2026, 11, 25, 10, 0), 10, CRM_STATE_PLANNED, NULL);
  g_autoptr(CrmActivity) series = add (f, CRM_ACTIVITY_TASK, 0, local (2026, 11, 2, 8, 0), 15, CRM_STATE_PLANNED,
                                       "FREQ=WEEKLY;BYDAY=FR");
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(GError) error = NULL;
  GtkListBox *agenda, *overdue, *clients, *deals;
  CrmActivity *first;

  deal->client_id = f->quiet;
  deal->manager_id = f->anna;
  deal->title = g_strdup ("Warehouse racks");
  deal->stage = CRM_STAGE_PROPOSAL;
  deal->stage_changed_at = f->now - 30 * 86400;
  deal->created_at = f->now - 40 * 86400;
  g_assert_true (crm_deal_store_create (f->db, deal, &error));
  show (f);

  agenda = crm_my_day_get_list (f->day, "agenda");
  overdue = crm_my_day_get_list (f->day, "overdue");
  clients = crm_my_day_get_list (f->day, "clients");
  deals = crm_my_day_get_list (f->day, "deals");

  /* Today, in time order: the task of the series at 8:00, the call at
   * 9:00, the meeting at 15:00. */
  g_assert_cmpuint (n_rows (agenda), ==, 3);
  first = g_object_get_data (G_OBJECT (row_at (agenda, 0)), "activity");
  g_assert_true (crm_activity_is_occurrence (first));
  g_assert_cmpint (((CrmActivity *) g_object_get_data (G_OBJECT (row_at (agenda, 2)), "activity"))->id, ==, later->id);
  /* Overdue, latest first: the call of the 25th, then the task of the
   * series on the two Fridays before (the 20th and the 13th). */
  g_assert_cmpuint (n_rows (overdue), ==, 3);
  g_assert_cmpint (((CrmActivity *) g_object_get_data (G_OBJECT (row_at (overdue, 0)), "activity"))->id, ==, missed->id);
  /* Quiet Client: nobody called it in 100 days; Acme was called today. */
  g_assert_cmpuint (n_rows (clients), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (clients, 0))), ==, "Quiet Client");
  g_assert_cmpuint (n_rows (deals), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (deals, 0))), ==, "Warehouse racks");
  (void) early;
  (void) series;
}

/* "Log the call": minutes, direction, outcome; done, it counts. */
static void
test_log_call (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add (f, CRM_ACTIVITY_CALL, f->acme, local (2026, 11, 27, 10, 0), 10, CRM_STATE_PLANNED, NULL);
  g_autoptr(CrmActivity) after = NULL;
  g_autoptr(CrmPeriod) period = crm_period_parse ("2026-11", NULL);
  g_autoptr(CrmSettings) settings = NULL;
  g_autoptr(CrmKpiReport) report = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkSpinButton *minutes;
  GtkDropDown *direction;
  GtkEntry *outcome;

  show (f);
  g_signal_emit_by_name (button_of (row_at (crm_my_day_get_list (f->day, "agenda"), 0), "Log the call"), "clicked");
  crm_test_iterate ();
  dialog = message_dialog ();
  extra = adw_message_dialog_get_extra_child (dialog);
  minutes = GTK_SPIN_BUTTON (crm_test_find_widget (extra, GTK_TYPE_SPIN_BUTTON));
  direction = GTK_DROP_DOWN (crm_test_find_widget (extra, GTK_TYPE_DROP_DOWN));
  outcome = GTK_ENTRY (crm_test_find_widget (extra, GTK_TYPE_ENTRY));
  gtk_spin_button_set_value (minutes, 23);
  gtk_drop_down_set_selected (direction, 1);                 /* incoming */
  gtk_editable_set_text (GTK_EDITABLE (outcome), "Wants a discount");
  adw_message_dialog_response (dialog, "done");
  gtk_window_destroy (GTK_WINDOW (dialog));
  crm_test_wait_for_writes (f->db);

  after = crm_activity_store_get (f->db, call->id, NULL);
  g_assert_cmpint (after->state, ==, CRM_STATE_DONE);
  g_assert_cmpint (after->duration_min, ==, 23);
  g_assert_cmpint (after->direction, ==, CRM_DIRECTION_INBOUND);
  g_assert_cmpstr (after->outcome, ==, "Wants a discount");
  settings = crm_setting_store_load (f->db, NULL);
  report = crm_kpi_store_compute (f->db, period, f->anna, settings, f->now, NULL);
  g_assert_cmpint (((CrmKpiRow *) report->managers->pdata[0])->figures.talk_minutes_inbound, ==, 23);
}

/* A meeting: held or not. A series' occurrence done becomes a row. */
static void
test_meeting_held (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) series = add (f, CRM_ACTIVITY_MEETING, f->acme, local (2026, 11, 6, 11, 0), 60, CRM_STATE_PLANNED,
                                       "FREQ=WEEKLY;BYDAY=FR");
  g_autoptr(GPtrArray) rows = NULL;
  AdwMessageDialog *dialog;

  show (f);
  g_signal_emit_by_name (button_of (row_at (crm_my_day_get_list (f->day, "agenda"), 0), "Mark done"), "clicked");
  crm_test_iterate ();
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Was the Meeting Held?");
  adw_message_dialog_response (dialog, "done");
  gtk_window_destroy (GTK_WINDOW (dialog));
  crm_test_wait_for_writes (f->db);

  rows = crm_activity_store_list_range (f->db, f->anna, local (2026, 11, 27, 0, 0), local (2026, 11, 28, 0, 0), NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((CrmActivity *) rows->pdata[0])->state, ==, CRM_STATE_DONE);
  g_assert_cmpint (((CrmActivity *) rows->pdata[0])->series_id, ==, series->id);
}

/* "Move to tomorrow": the same hour, the day after today. */
static void
test_move_to_tomorrow (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) missed = add (f, CRM_ACTIVITY_CALL, f->acme, local (2026, 11, 20, 16, 30), 10, CRM_STATE_PLANNED, NULL);
  g_autoptr(CrmActivity) after = NULL;
  GDate today;

  /* "Tomorrow" is the real tomorrow: run as if today were the 27th only
   * when it is; the date arithmetic is the same on any day. */
  crm_date_set_today (&today);
  show (f);
  g_signal_emit_by_name (button_of (row_at (crm_my_day_get_list (f->day, "overdue"), 0), "Move to tomorrow"), "clicked");
  crm_test_wait_for_writes (f->db);
  after = crm_activity_store_get (f->db, missed->id, NULL);
  g_date_add_days (&today, 1);
  g_assert_cmpint (after->starts_at, ==, crm_calendar_local_time (&today, 16 * 60 + 30));
}

/* A row done or moved with the keyboard: the focus goes on to the next row,
 * not out of the window (the lists are read anew after each change). */
static void
test_focus_stays_in_list (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) first = NULL;
  g_autoptr(CrmActivity) second = NULL;
  g_autoptr(CrmActivity) third = NULL;
  GtkListBox *agenda;
  GtkButton *tomorrow;
  GtkWidget *focus;
  GDate today;

  /* "Tomorrow" is the real one: the day shown is the real today. */
  crm_date_set_today (&today);
  f->now = crm_calendar_local_time (&today, 12 * 60);
  first = add (f, CRM_ACTIVITY_CALL, f->acme, crm_calendar_local_time (&today, 10 * 60), 10, CRM_STATE_PLANNED, NULL);
  second = add (f, CRM_ACTIVITY_CALL, f->quiet, crm_calendar_local_time (&today, 11 * 60), 10, CRM_STATE_PLANNED, NULL);
  third = add (f, CRM_ACTIVITY_TASK, 0, crm_calendar_local_time (&today, 15 * 60), 30, CRM_STATE_PLANNED, NULL);
  show (f);
  agenda = crm_my_day_get_list (f->day, "agenda");
  g_assert_cmpuint (n_rows (agenda), ==, 3);
  tomorrow = button_of (row_at (agenda, 1), "Move to tomorrow");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (tomorrow)));
  g_signal_emit_by_name (tomorrow, "clicked");
  crm_test_wait_for_writes (f->db);
  g_assert_true (crm_test_wait_for (loaded, f, 10));
  g_assert_cmpuint (n_rows (agenda), ==, 2);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (row_at (agenda, 1)));
  g_assert_cmpint (((CrmActivity *) g_object_get_data (G_OBJECT (focus), "activity"))->id, ==, third->id);
  (void) first;
  (void) second;
}

/* ---- whose day ----------------------------------------------------------- */

static CrmActivity *
add_for (Fixture *f, gint64 manager, gint64 start)
{
  CrmActivity *a = add (f, CRM_ACTIVITY_CALL, f->acme, start, 10, CRM_STATE_PLANNED, NULL);
  g_autoptr(GError) error = NULL;

  a->manager_id = manager;
  g_assert_true (crm_activity_store_update (f->db, a, &error));
  g_assert_no_error (error);
  return a;
}

/* Nobody chosen: the day of the manager with the most to do today, not the
 * first by name; the "current manager" setting wins; a choice in the
 * picker is kept. */
static void
test_busiest_manager (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmManager) aaron = crm_manager_new ();
  g_autoptr(CrmActivity) b1 = NULL, b2 = NULL, a1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aaron_id = NULL;

  aaron->name = g_strdup ("Aaron Abbott");          /* first by name, nothing today */
  g_assert_true (crm_manager_store_create (f->db, aaron, &error));
  b1 = add_for (f, f->boris, local (2026, 11, 27, 10, 0));
  b2 = add_for (f, f->boris, local (2026, 11, 27, 14, 0));
  a1 = add_for (f, f->anna, local (2026, 11, 27, 11, 0));
  show_day_of (f, 0);
  g_assert_cmpint (crm_my_day_get_manager (f->day), ==, f->boris);
  g_assert_cmpuint (n_rows (crm_my_day_get_list (f->day, "agenda")), ==, 2);

  /* The person picks Anna: her day, and it stays hers on a reload. */
  crm_my_day_set_manager (f->day, f->anna);
  g_assert_true (crm_test_wait_for (loaded, f, 10));
  g_assert_cmpuint (n_rows (crm_my_day_get_list (f->day, "agenda")), ==, 1);
  crm_database_notify_changed (f->db, "activity");
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (loaded, f, 10));
  g_assert_cmpint (crm_my_day_get_manager (f->day), ==, f->anna);

  /* "This computer is Aaron's": his day, whatever the others have. */
  gtk_window_destroy (f->window);
  f->window = NULL;
  aaron_id = g_strdup_printf ("%" G_GINT64_FORMAT, aaron->id);
  g_assert_true (crm_setting_store_set_value (f->db, "current_manager_id", aaron_id, &error));
  g_assert_no_error (error);
  show_day_of (f, 0);
  g_assert_cmpint (crm_my_day_get_manager (f->day), ==, aaron->id);
  g_assert_cmpuint (n_rows (crm_my_day_get_list (f->day, "agenda")), ==, 0);
}

/* The prefix says a person or a company; the buttons are other icons. */
static void
test_row_icons (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmClient) company = crm_client_store_get (f->db, f->quiet, NULL);
  g_autoptr(CrmClient) person = crm_client_new ();
  g_autoptr(GError) error = NULL;
  GtkListBox *clients;

  company->kind = CRM_CLIENT_COMPANY;
  g_assert_true (crm_client_store_update (f->db, company, &error));
  person->name = g_strdup ("Olga Smirnova");
  person->owner_id = f->anna;
  person->created_at = f->now - 300 * 86400;
  g_assert_true (crm_client_store_create (f->db, person, &error));
  show (f);
  clients = crm_my_day_get_list (f->day, "clients");
  /* Acme and Olga (people) and Quiet Client (a company): nobody called them. */
  g_assert_cmpuint (n_rows (clients), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GtkListBoxRow *row = row_at (clients, i);
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "client-id"));
      GtkImage *prefix = GTK_IMAGE (crm_test_find_widget (GTK_WIDGET (row), GTK_TYPE_IMAGE));
      GtkButton *open = button_of (row, "Open the client");
      const char *kind_icon = gtk_image_get_icon_name (prefix);

      g_assert_cmpstr (kind_icon, ==, id == f->quiet ? "system-users-symbolic" : "avatar-default-symbolic");
      g_assert_cmpstr (gtk_button_get_icon_name (open), !=, kind_icon);
      g_assert_cmpstr (gtk_button_get_icon_name (button_of (row, "Schedule a call")), !=,
                       gtk_button_get_icon_name (open));
    }
}

/* ---- reminders ---------------------------------------------------------- */

static void
test_reminders (Fixture *f, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(CrmActivity) soon = add (f, CRM_ACTIVITY_CALL, f->acme, now + 40 * 60, 10, CRM_STATE_PLANNED, NULL);
  g_autoptr(CrmActivity) none = add (f, CRM_ACTIVITY_CALL, f->acme, now + 50 * 60, 10, CRM_STATE_PLANNED, NULL);
  g_autoptr(CrmActivity) series = add (f, CRM_ACTIVITY_MEETING, f->acme, now + 3600, 30, CRM_STATE_PLANNED, "FREQ=DAILY");
  g_autoptr(CrmReminders) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *soon_key = crm_reminders_key (soon);
  g_autoptr(CrmActivity) found = NULL;
  GPtrArray *sent;
  gint64 next;

  none->reminder_min = -1;
  g_assert_true (crm_activity_store_update (f->db, none, &error));
  reminders = crm_reminders_new (NULL, f->db);
  sent = crm_reminders_get_sent (reminders);
  g_assert_cmpuint (sent->len, ==, 0);

  /* The next is 15 minutes before the call. */
  next = crm_reminders_check (reminders, now);
  g_assert_cmpint (next, ==, soon->starts_at - 15 * 60);
  crm_reminders_check (reminders, next);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (sent->pdata[0], ==, soon_key);
  /* Once only… unless snoozed: ten minutes later again. */
  crm_reminders_check (reminders, next + 60);
  g_assert_cmpuint (sent->len, ==, 1);
  crm_reminders_snooze (reminders, soon_key, next + 60, CRM_REMINDERS_SNOOZE_MIN);
  crm_reminders_check (reminders, next + 5 * 60);
  g_assert_cmpuint (sent->len, ==, 1);
  crm_reminders_check (reminders, next + 11 * 60);
  g_assert_cmpuint (sent->len, ==, 2);

  /* The series' occurrence has its own key, which finds it again. */
  crm_reminders_check (reminders, series->starts_at - 15 * 60);
  g_assert_cmpuint (sent->len, ==, 3);
  g_assert_true (g_str_has_prefix (sent->pdata[2], "s:"));
  found = crm_reminders_lookup (reminders, sent->pdata[2]);
  g_assert_nonnull (found);
  g_assert_cmpint (found->starts_at, ==, series->starts_at);
  g_assert_cmpint (found->series_id, ==, series->id);
  /* The call without a reminder never came. */
  crm_reminders_check (reminders, none->starts_at);
  {
    g_autofree char *none_key = crm_reminders_key (none);
    for (guint i = 0; i < sent->len; i++)
      g_assert_cmpstr (sent->pdata[i], !=, none_key);
  }
}

/* The application's actions: a notification's "Open" shows the activity in
 * the calendar; "keep running in the background" is a checkbox kept in
 * the settings. */
static void
test_app_actions (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add (f, CRM_ACTIVITY_CALL, f->acme, local (2026, 11, 27, 10, 0), 10, CRM_STATE_PLANNED, NULL);
  g_autofree char *key = crm_reminders_key (call);
  g_autofree char *app_id = g_strdup_printf ("%s.TestToday%d", APPLICATION_ID, (int) getpid ());
  g_autoptr(GError) error = NULL;
  CrmApplication *app;
  GtkWindow *window;
  CrmActivityDialog *dialog;
  g_autoptr(GVariant) state = NULL;

  app = crm_application_new (crm_database_get_path (f->db));
  g_object_set (app, "application-id", app_id, NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open-activity"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "snooze-activity"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "run-in-background"));

  g_action_group_change_action_state (G_ACTION_GROUP (app), "run-in-background", g_variant_new_boolean (TRUE));
  g_assert_true (g_settings_get_boolean (crm_application_get_settings (app), "run-in-background"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "run-in-background");
  g_assert_true (g_variant_get_boolean (state));
  g_action_group_change_action_state (G_ACTION_GROUP (app), "run-in-background", g_variant_new_boolean (FALSE));
  g_assert_false (g_settings_get_boolean (crm_application_get_settings (app), "run-in-background"));

  /* "Open" from a notification: the window, the calendar, the activity. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-activity", g_variant_new_string (key));
  crm_test_iterate ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRM_IS_WINDOW (window));
  g_assert_cmpstr (crm_window_get_screen (CRM_WINDOW (window)), ==, "calendar");
  dialog = crm_test_find_toplevel (CRM_TYPE_ACTIVITY_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autoptr(CrmActivity) shown = crm_activity_dialog_get_edited (dialog);
    g_assert_cmpint (shown->id, ==, call->id);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
  crm_test_iterate ();
  g_object_unref (app);
}

/* "Keep running in the background": the window closed, the application
 * stays and its reminders still come. */
typedef struct {
  CrmApplication *app;
  gboolean        closed;
  gboolean        still_running;
  guint           sent;
} Background;

static gboolean
background_check_cb (gpointer data)
{
  Background *bg = data;
  CrmReminders *reminders = crm_application_get_reminders (bg->app);

  bg->still_running = gtk_application_get_active_window (GTK_APPLICATION (bg->app)) == NULL;
  bg->sent = reminders != NULL ? crm_reminders_get_sent (reminders)->len : 0;
  g_application_quit (G_APPLICATION (bg->app));
  return G_SOURCE_REMOVE;
}

static gboolean
background_close_cb (gpointer data)
{
  Background *bg = data;

  gtk_window_close (gtk_application_get_active_window (GTK_APPLICATION (bg->app)));
  bg->closed = TRUE;
  /* The reminder is due two seconds after the start. */
  g_timeout_add_seconds (4, background_check_cb, bg);
  return G_SOURCE_REMOVE;
}

static void
background_activate_cb (GApplication *app, Background *bg)
{
  g_action_group_change_action_state (G_ACTION_GROUP (app), "run-in-background", g_variant_new_boolean (TRUE));
  g_idle_add (background_close_cb, bg);
}

static void
test_background (Fixture *f, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  /* Reminded 15 minutes before: two seconds from now. */
  g_autoptr(CrmActivity) call = add (f, CRM_ACTIVITY_CALL, f->acme, now + 15 * 60 + 2, 10, CRM_STATE_PLANNED, NULL);
  g_autofree char *app_id = g_strdup_printf ("%s.TestBackground%d", APPLICATION_ID, (int) getpid ());
  char *argv[] = { (char *) "salescrm", NULL };
  Background bg = { 0 };


  bg.app = crm_application_new (crm_database_get_path (f->db));
  g_object_set (bg.app, "application-id", app_id, NULL);
  g_application_set_flags (G_APPLICATION (bg.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (bg.app, "activate", G_CALLBACK (background_activate_cb), &bg);
  /* Without the hold, run would return as soon as the window closed. */
  g_assert_cmpint (g_application_run (G_APPLICATION (bg.app), 1, argv), ==, 0);
  g_assert_true (bg.closed);
  g_assert_true (bg.still_running);
  g_assert_cmpuint (bg.sent, ==, 1);
  /* The reminder reached the desktop's notification service. */
  if (crm_test_notifications_served ())
    g_assert_cmpuint (crm_test_notifications_sent (app_id), ==, 1);
  g_object_unref (bg.app);
}

/* ---- open the client ------------------------------------------------------ */

static CrmClient *
card_shown (CrmWindow *window)
{
  GtkWidget *clients = crm_window_get_screen_widget (window, "clients");

  g_assert_true (crm_clients_page_is_card_open (CRM_CLIENTS_PAGE (clients)));
  return crm_client_card_get_client (CRM_CLIENT_CARD (crm_test_find_widget (clients, CRM_TYPE_CLIENT_CARD)));
}

/* "Open the client" on a row: in the main window, the Clients screen with
 * that client's card (win.show-client); alone, a dialog with the client. */
static void
test_open_client (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add (f, CRM_ACTIVITY_CALL, f->acme, local (2026, 11, 27, 10, 0), 10, CRM_STATE_PLANNED, NULL);
  g_autofree char *app_id = g_strdup_printf ("%s.TestTodayOpen%d", APPLICATION_ID, (int) getpid ());
  g_autoptr(GError) error = NULL;
  CrmApplication *app;
  CrmWindow *window;
  CrmMyDay *day;
  GtkListBoxRow *row;

  /* My Day alone: the client in a dialog. */
  show (f);
  g_signal_emit_by_name (button_of (row_at (crm_my_day_get_list (f->day, "agenda"), 0), "Open the client"), "clicked");
  crm_test_iterate ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message_dialog ()), ==, "Acme Trading");
  gtk_window_destroy (GTK_WINDOW (message_dialog ()));
  gtk_window_destroy (f->window);
  f->window = NULL;

  /* In the main window. */
  app = crm_application_new (crm_database_get_path (f->db));
  g_object_set (app, "application-id", app_id, NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  crm_test_iterate ();
  window = CRM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpstr (crm_window_get_page (window), ==, "main");
  g_assert_true (crm_window_show_screen (window, "today"));
  day = f->day = CRM_MY_DAY (crm_window_get_screen_widget (window, "today"));
  crm_my_day_set_now (day, f->now);
  crm_my_day_set_manager (day, f->anna);
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (loaded, f, 10));

  /* The button on today's call with Acme. */
  g_signal_emit_by_name (button_of (row_at (crm_my_day_get_list (day, "agenda"), 0), "Open the client"), "clicked");
  crm_test_iterate ();
  g_assert_cmpstr (crm_window_get_screen (window), ==, "clients");
  g_assert_cmpint (card_shown (window)->id, ==, f->acme);
  g_assert_cmpstr (card_shown (window)->name, ==, "Acme Trading");

  /* A client to follow up, activated: Quiet Client's card. */
  g_assert_true (crm_window_show_screen (window, "today"));
  crm_test_iterate ();
  row = NULL;
  for (guint i = 0; i < n_rows (crm_my_day_get_list (day, "clients")) && row == NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (crm_my_day_get_list (day, "clients"), i))),
                   "Quiet Client") == 0)
      row = row_at (crm_my_day_get_list (day, "clients"), i);
  g_assert_nonnull (row);
  g_signal_emit_by_name (crm_my_day_get_list (day, "clients"), "row-activated", row);
  crm_test_iterate ();
  g_assert_cmpstr (crm_window_get_screen (window), ==, "clients");
  g_assert_cmpint (card_shown (window)->id, ==, f->quiet);

  f->day = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
  g_object_unref (app);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  crm_test_serve_notifications ();

#define ADD(path, fn) g_test_add ("/today/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("sections", test_sections);
  ADD ("log-call", test_log_call);
  ADD ("meeting-held", test_meeting_held);
  ADD ("move-to-tomorrow", test_move_to_tomorrow);
  ADD ("focus-stays-in-list", test_focus_stays_in_list);
  ADD ("busiest-manager", test_busiest_manager);
  ADD ("row-icons", test_row_icons);
  ADD ("open-client", test_open_client);
  ADD ("reminders", test_reminders);
  ADD ("app-actions", test_app_actions);
  ADD ("background", test_background);
#undef ADD

  return g_test_run ();
}
