/* crm-my-day.c — "My day": a manager's agenda, what is late, what to follow up
 *
 * Four lists: today's activities in time order (series included), the
 * overdue ones, the clients nobody has talked to for follow_up_days and
 * that have nothing planned, and the deals in one stage for stuck_days.
 * Each row has its one-click actions: log the call (mark done), move to
 * tomorrow, schedule a call, open the client (the rows are made in
 * crm-my-day-rows.c). Whose day it is comes from the "current manager"
 * setting; when it names nobody the picker says, and until somebody picks
 * there it is the day of the manager with the most activities today. With
 * no manager at all the screen says to add one first.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-actions.h"
#include "crm-activity-dialog.h"
#include "crm-activity-store.h"
#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-client-store.h"
#include "crm-locale.h"
#include "crm-manager-picker.h"
#include "crm-my-day-data.h"
#include "crm-my-day-private.h"
#include "crm-screen.h"
#include "crm-setting-store.h"

struct _CrmMyDay {
  GtkBox                parent_instance;

  GtkLabel             *date_label;
  CrmManagerPicker     *manager_picker;
  GtkWidget            *new_button;
  GtkStack             *content_stack;
  GtkWidget            *add_manager_button;
  AdwPreferencesGroup  *agenda_group;
  GtkListBox           *agenda_list;
  AdwPreferencesGroup  *overdue_group;
  GtkListBox           *overdue_list;
  AdwPreferencesGroup  *clients_group;
  GtkListBox           *clients_list;
  AdwPreferencesGroup  *deals_group;
  GtkListBox           *deals_list;

  CrmDatabase          *database;
  CrmSettings          *settings;
  gint64                fixed_now;
  gboolean              dirty;
  guint                 clock_id;
  GCancellable         *cancellable;
  guint                 generation;     /* of the load under way */
  gboolean              loading;
  gboolean              manager_chosen; /* in the picker, by the person */
  gboolean              picking;        /* the picker is being set by the screen */
  gint64                busiest;        /* the automatic choice, of busiest_day */
  GDate                 busiest_day;
  gboolean              focus_row;      /* shown before its rows: the first gets the focus */
};

static void crm_my_day_screen_init (CrmScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmMyDay, crm_my_day, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_SCREEN, crm_my_day_screen_init))

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (CrmMyDay *self);

static gint64
now_of (CrmMyDay *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
}

gint64
crm_my_day_get_manager (CrmMyDay *self)
{
  g_return_val_if_fail (CRM_IS_MY_DAY (self), 0);
  if (self->settings != NULL && self->settings->current_manager_id > 0)
    return self->settings->current_manager_id;
  return crm_manager_picker_get_manager_id (self->manager_picker);
}

static GtkWindow *
window_of (CrmMyDay *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- actions of the rows ------------------------------------------------ */

static void
open_activity (CrmMyDay *self, CrmActivity *a)
{
  CrmActivityDialog *dialog = crm_activity_dialog_new (window_of (self), self->database, a);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new call with @client_id at the next quarter hour of the work day
 * (tomorrow morning when today's is over). */
void
crm_my_day_schedule_call (CrmMyDay *self, gint64 client_id, const char *client_name)
{
  g_autoptr(CrmActivity) a = crm_activity_new ();
  gint64 now = now_of (self);
  GDate today;
  int minute;
  int work_start = self->settings->work_start_min, work_end = self->settings->work_end_min;

  crm_calendar_date_of (now, &today);
  minute = (crm_calendar_minute_of (now, &today) / 15 + 1) * 15;
  if (minute < work_start)
    minute = work_start;
  if (minute + 15 > work_end)
    {
      g_date_add_days (&today, 1);
      minute = work_start;
    }
  a->type = CRM_ACTIVITY_CALL;
  a->manager_id = crm_my_day_get_manager (self);
  a->client_id = client_id;
  a->client_name = g_strdup (client_name);
  a->starts_at = crm_calendar_local_time (&today, minute);
  a->duration_min = 15;
  a->reminder_min = self->settings->reminder_min;
  open_activity (self, a);
}

static void
card_response_cb (AdwMessageDialog *dialog, const char *response, CrmMyDay *self)
{
  if (g_str_equal (response, "call"))
    crm_my_day_schedule_call (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "client-id")),
                   g_object_get_data (G_OBJECT (dialog), "client-name"));
}

/* The client's card: the Clients screen's when the window has one, else
 * the contacts and what is planned, in a dialog. */
void
crm_my_day_open_client (CrmMyDay *self, gint64 client_id)
{
  g_autoptr(CrmClient) c = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GString *body;
  GtkWidget *dialog;
  guint planned = 0;

  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-client", "x", client_id))
    return;
  c = crm_client_store_get (self->database, client_id, NULL);
  if (c == NULL)
    return;
  body = g_string_new (NULL);
  if (c->company != NULL && *c->company != '\0' && g_strcmp0 (c->company, c->name) != 0)
    g_string_append_printf (body, "%s\n", c->company);
  if (c->phones != NULL && *c->phones != '\0')
    g_string_append_printf (body, "%s\n", c->phones);
  if (c->emails != NULL && *c->emails != '\0')
    g_string_append_printf (body, "%s\n", c->emails);
  if (c->city != NULL && *c->city != '\0')
    g_string_append_printf (body, "%s\n", c->city);
  g_string_append_printf (body, "%s: %s\n", _("Status"), crm_client_status_to_label (c->status));
  history = crm_activity_store_list_for_client (self->database, client_id, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      CrmActivity *a = history->pdata[i];
      g_autofree char *when = NULL;
      g_autofree char *summary = NULL;
      GDate day;

      if (a->rrule != NULL || (a->state != CRM_STATE_PLANNED && planned > 0) || planned >= 4)
        continue;
      crm_calendar_date_of (a->starts_at, &day);
      when = crm_locale_format_date (&day);
      summary = crm_activity_get_summary (a);
      g_string_append_printf (body, "\n%s — %s (%s)", when, summary,
                              crm_calendar_look_label (crm_calendar_look (a, now_of (self))));
      planned++;
    }
  dialog = adw_message_dialog_new (window_of (self), c->name, body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"),
                                    "call", _("_Schedule a Call"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "call", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "client-id", GSIZE_TO_POINTER ((gsize) client_id));
  g_object_set_data_full (G_OBJECT (dialog), "client-name", g_strdup (c->name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (card_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The row of an activity done or moved is dimmed at once, while the
 * writer thread writes it (the lists are then read again); a refusal
 * brightens it again and says why. */
typedef struct {
  CrmMyDay  *day;
  GtkWidget *row;
  gboolean   was_dim;
} RowChange;

static void
done_cb (CrmActivityStep step, const char *refusal, gpointer user_data)
{
  RowChange *change = user_data;

  if (step == CRM_ACTIVITY_WRITING)
    {
      gtk_widget_add_css_class (change->row, "dim-label");
      return;
    }
  if (step == CRM_ACTIVITY_NOT_WRITTEN && !change->was_dim)
    gtk_widget_remove_css_class (change->row, "dim-label");
  if (refusal != NULL)
    crm_activity_toast (GTK_WIDGET (change->day), refusal);
  g_object_unref (change->day);
  g_object_unref (change->row);
  g_free (change);
}

static RowChange *
row_change (CrmMyDay *self, GtkWidget *button)
{
  RowChange *change = g_new0 (RowChange, 1);

  change->day = g_object_ref (self);
  change->row = g_object_ref (gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW));
  change->was_dim = gtk_widget_has_css_class (change->row, "dim-label");
  return change;
}

void
crm_my_day_mark_done (CrmMyDay *self, GtkWidget *button, CrmActivity *activity)
{
  crm_activity_mark_done (GTK_WIDGET (self), self->database, activity, done_cb, row_change (self, button));
}

void
crm_my_day_move_to_tomorrow (CrmMyDay *self, GtkWidget *button, CrmActivity *activity)
{
  crm_activity_move_to_tomorrow (GTK_WIDGET (self), self->database, activity, done_cb, row_change (self, button));
}

static void
row_activated_cb (GtkListBox *box, GtkListBoxRow *row, CrmMyDay *self)
{
  CrmActivity *a = g_object_get_data (G_OBJECT (row), "activity");
  gint64 client_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "client-id"));

  if (a != NULL)
    open_activity (self, a);
  else if (client_id > 0)
    crm_my_day_open_client (self, client_id);
}

static void
set_count_title (AdwPreferencesGroup *group, const char *title, guint shown, guint total)
{
  g_autofree char *text = total > shown
    /* Translators: a section title with how many of how many are listed, "Overdue · 20 of 35" */
    ? g_strdup_printf (_("%s · %u of %u"), title, shown, total)
    : total > 0 ? g_strdup_printf ("%s · %u", title, total) : g_strdup (title);
  adw_preferences_group_set_title (group, text);
}

/* ---- loading ------------------------------------------------------------ */

static void
fill_agenda (CrmMyDay *self, CrmMyDayData *data)
{
  crm_my_day_clear_list (self->agenda_list);
  for (guint i = 0; i < data->agenda->len; i++)
    gtk_list_box_append (self->agenda_list,
                         crm_my_day_activity_row (self, data->agenda->pdata[i], now_of (self), FALSE));
  if (data->agenda->len == 0)
    crm_my_day_add_placeholder (self->agenda_list, _("Nothing planned for today."));
  set_count_title (self->agenda_group, _("Today"), data->agenda->len, data->agenda->len);
}

static void
fill_overdue (CrmMyDay *self, CrmMyDayData *data)
{
  guint shown = MIN (data->overdue->len, CRM_MY_DAY_MAX_ROWS);

  crm_my_day_clear_list (self->overdue_list);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->overdue_list,
                         crm_my_day_activity_row (self, data->overdue->pdata[i], now_of (self), TRUE));
  if (shown == 0)
    crm_my_day_add_placeholder (self->overdue_list, _("Nothing is overdue."));
  set_count_title (self->overdue_group, _("Overdue"), shown, data->overdue->len);
}

static void
fill_follow_ups (CrmMyDay *self, CrmMyDayData *data)
{
  g_autofree char *clients_text = NULL;
  g_autofree char *deals_text = NULL;

  crm_my_day_clear_list (self->clients_list);
  for (guint i = 0; i < data->clients->len; i++)
    gtk_list_box_append (self->clients_list, crm_my_day_client_row (self, data->clients->pdata[i], now_of (self)));
  if (data->clients->len == 0)
    crm_my_day_add_placeholder (self->clients_list, _("Every client has been contacted lately or has something planned."));
  set_count_title (self->clients_group, _("Clients to Follow Up"), data->clients->len, data->clients_total);
  clients_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "No contact for %d day or more and nothing planned.",
                                               "No contact for %d days or more and nothing planned.",
                                               data->follow_up_days),
                                  data->follow_up_days);
  adw_preferences_group_set_description (self->clients_group, clients_text);

  crm_my_day_clear_list (self->deals_list);
  for (guint i = 0; i < data->deals->len; i++)
    gtk_list_box_append (self->deals_list,
                         crm_my_day_deal_row (self, data->deals->pdata[i], now_of (self), self->settings->currency));
  if (data->deals->len == 0)
    crm_my_day_add_placeholder (self->deals_list, _("No open deal has been in one stage that long."));
  set_count_title (self->deals_group, _("Deals Stuck in a Stage"), data->deals->len, data->deals_total);
  deals_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Open deals in the same stage for %d day or more.",
                                             "Open deals in the same stage for %d days or more.",
                                             data->stuck_days),
                                data->stuck_days);
  adw_preferences_group_set_description (self->deals_group, deals_text);
}

static void
clear_all (CrmMyDay *self)
{
  crm_my_day_clear_list (self->agenda_list);
  crm_my_day_clear_list (self->overdue_list);
  crm_my_day_clear_list (self->clients_list);
  crm_my_day_clear_list (self->deals_list);
}

/* ---- the keyboard ------------------------------------------------------- */

static GtkListBox *
list_at (CrmMyDay *self, guint i)
{
  GtkListBox *lists[] = { self->agenda_list, self->overdue_list, self->clients_list, self->deals_list };
  return i < G_N_ELEMENTS (lists) ? lists[i] : NULL;
}

/* Which list and row have the focus (a reload replaces the rows); FALSE
 * when it is elsewhere. */
static gboolean
focused_row (CrmMyDay *self, guint *list_index, int *row_index)
{
  GtkWidget *focus = crm_screen_get_focus (GTK_WIDGET (self));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  for (guint i = 0; row != NULL && list_at (self, i) != NULL; i++)
    if (gtk_widget_get_parent (row) == GTK_WIDGET (list_at (self, i)))
      {
        *list_index = i;
        *row_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

/* The first thing to do: the first row that does something (today's first
 * activity, else what is overdue, …); with no manager, adding one. */
static gboolean
crm_my_day_grab_focus (GtkWidget *widget)
{
  CrmMyDay *self = CRM_MY_DAY (widget);
  GtkListBox *list;

  self->focus_row = FALSE;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "empty"))
    return gtk_widget_grab_focus (self->add_manager_button);
  for (guint i = 0; (list = list_at (self, i)) != NULL; i++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
        return gtk_widget_grab_focus (row);
  /* Still reading: the first row takes the focus when it comes. */
  self->focus_row = self->loading;
  if (gtk_widget_get_visible (GTK_WIDGET (self->manager_picker)))
    return gtk_widget_child_focus (GTK_WIDGET (self->manager_picker), GTK_DIR_TAB_FORWARD);
  return gtk_widget_grab_focus (self->new_button);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!crm_my_day_data_load (task_data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmMyDay *self = CRM_MY_DAY (source);
  CrmMyDayData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean had_focus, in_row;
  guint list_index = 0;
  int row_index = 0;
  GtkWidget *focus;

  /* A newer load is on its way: this one is out of date. */
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "generation")) != self->generation)
    return;
  self->loading = FALSE;
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("My day cannot be read: %s"), error->message);
          clear_all (self);
          crm_my_day_add_placeholder (self->agenda_list, text);
        }
      return;
    }
  in_row = focused_row (self, &list_index, &row_index);
  had_focus = in_row || gtk_widget_has_focus (self->add_manager_button);
  focus = crm_screen_get_focus (GTK_WIDGET (self));
  /* The screen shown, or asked for, before it knew what to show. */
  had_focus |= self->focus_row && (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
  self->focus_row = FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, data->n_managers == 0 ? "empty" : "day");
  gtk_widget_set_visible (GTK_WIDGET (self->manager_picker),
                          data->n_managers > 0 && self->settings->current_manager_id <= 0);
  gtk_widget_set_visible (self->new_button, data->n_managers > 0);
  if (data->n_managers == 0)
    clear_all (self);
  else
    {
      if (self->settings->current_manager_id <= 0 && !self->manager_chosen)
        {
          /* Whose day was chosen for the person: the picker says so. */
          self->busiest = data->manager_id;
          self->busiest_day = data->today;
          self->picking = TRUE;
          crm_manager_picker_set_manager_id (self->manager_picker, data->manager_id);
          self->picking = FALSE;
        }
      fill_agenda (self, data);
      fill_overdue (self, data);
      fill_follow_ups (self, data);
    }
  if (in_row && data->n_managers > 0)
    {
      /* The keyboard stays where it was: a row done or moved, the next. */
      GtkListBox *list = list_at (self, list_index);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, row_index);

      if (row == NULL && row_index > 0)
        row = gtk_list_box_get_row_at_index (list, row_index - 1);
      if (row != NULL && gtk_list_box_row_get_activatable (row) && gtk_widget_grab_focus (GTK_WIDGET (row)))
        return;
    }
  if (had_focus)
    crm_my_day_grab_focus (GTK_WIDGET (self));
}

static void
reload (CrmMyDay *self)
{
  gint64 now = now_of (self);
  gint64 manager;
  g_autofree char *date = NULL;
  g_autoptr(GTask) task = NULL;
  CrmMyDayData *data;
  GDate today;

  self->dirty = FALSE;
  crm_calendar_date_of (now, &today);
  date = crm_calendar_format_day (&today, TRUE);
  gtk_label_set_text (self->date_label, date);
  if (self->settings->current_manager_id > 0 || self->manager_chosen)
    manager = crm_my_day_get_manager (self);
  else if (g_date_valid (&self->busiest_day) && g_date_compare (&self->busiest_day, &today) == 0)
    manager = self->busiest;
  else
    manager = 0;          /* the worker finds the busiest */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  if (self->database == NULL)
    {
      self->loading = FALSE;
      clear_all (self);
      return;
    }

  data = g_new0 (CrmMyDayData, 1);
  data->db_path = g_strdup (crm_database_get_path (self->database));
  data->manager_id = manager;
  data->now = now;
  data->today = today;
  data->follow_up_days = self->settings->follow_up_days;
  data->stuck_days = self->settings->stuck_days;
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) crm_my_day_data_free);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (self->generation));
  g_task_run_in_thread (task, load_thread);
}

gboolean
crm_my_day_is_loading (CrmMyDay *self)
{
  g_return_val_if_fail (CRM_IS_MY_DAY (self), FALSE);
  return self->loading;
}

static void
queue_reload (CrmMyDay *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
load_settings (CrmMyDay *self)
{
  g_clear_pointer (&self->settings, crm_settings_free);
  self->settings = crm_calendar_load_settings (self->database);
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmMyDay *self)
{
  if (table == NULL || g_str_equal (table, "setting"))
    load_settings (self);
  if (table == NULL || g_str_equal (table, "activity") || g_str_equal (table, "setting") ||
      g_str_equal (table, "client") || g_str_equal (table, "deal") || g_str_equal (table, "manager"))
    queue_reload (self);
}

static void
manager_changed_cb (CrmManagerPicker *picker, GParamSpec *pspec, CrmMyDay *self)
{
  if (self->picking)
    return;
  self->manager_chosen = TRUE;
  queue_reload (self);
}

static gboolean
clock_cb (gpointer user_data)
{
  /* What was planned becomes overdue as time goes by. */
  reload (CRM_MY_DAY (user_data));
  return G_SOURCE_CONTINUE;
}

static void
crm_my_day_map (GtkWidget *widget)
{
  CrmMyDay *self = CRM_MY_DAY (widget);

  GTK_WIDGET_CLASS (crm_my_day_parent_class)->map (widget);
  if (self->dirty)
    reload (self);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (300, clock_cb, self);
}

static void
crm_my_day_unmap (GtkWidget *widget)
{
  CrmMyDay *self = CRM_MY_DAY (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  GTK_WIDGET_CLASS (crm_my_day_parent_class)->unmap (widget);
}

/* Not shown: the rows go (a busy day has a couple of hundred, each with
 * its buttons); the day is read again when shown. */
static void
crm_my_day_release (CrmScreen *screen)
{
  CrmMyDay *self = CRM_MY_DAY (screen);

  if (self->database == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->loading = FALSE;
  clear_all (self);
  self->dirty = TRUE;
}

static void
crm_my_day_screen_init (CrmScreenInterface *iface)
{
  iface->release = crm_my_day_release;
}

void
crm_my_day_set_database (CrmMyDay *self, CrmDatabase *db)
{
  g_return_if_fail (CRM_IS_MY_DAY (self));

  if (self->database == db)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, db);
  if (db != NULL)
    g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self, 0);
  load_settings (self);
  self->picking = TRUE;
  crm_manager_picker_set_database (self->manager_picker, db);
  self->picking = FALSE;
  self->manager_chosen = FALSE;
  g_date_clear (&self->busiest_day, 1);
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

void
crm_my_day_set_manager (CrmMyDay *self, gint64 manager_id)
{
  g_return_if_fail (CRM_IS_MY_DAY (self));
  self->manager_chosen = TRUE;
  self->picking = TRUE;
  crm_manager_picker_set_manager_id (self->manager_picker, manager_id);
  self->picking = FALSE;
  queue_reload (self);
}

void
crm_my_day_set_now (CrmMyDay *self, gint64 now)
{
  g_return_if_fail (CRM_IS_MY_DAY (self));
  self->fixed_now = now;
  reload (self);
}

GtkListBox *
crm_my_day_get_list (CrmMyDay *self, const char *section)
{
  g_return_val_if_fail (CRM_IS_MY_DAY (self), NULL);
  if (g_str_equal (section, "agenda"))
    return self->agenda_list;
  if (g_str_equal (section, "overdue"))
    return self->overdue_list;
  if (g_str_equal (section, "clients"))
    return self->clients_list;
  if (g_str_equal (section, "deals"))
    return self->deals_list;
  return NULL;
}

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmMyDay *self = CRM_MY_DAY (widget);

  if (self->database != NULL && crm_my_day_get_manager (self) > 0)
    crm_my_day_schedule_call (self, 0, NULL);
}

/* ---- object ------------------------------------------------------------- */

GtkWidget *
crm_my_day_new (void)
{
  return g_object_new (CRM_TYPE_MY_DAY, NULL);
}

static void
crm_my_day_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmMyDay *self = CRM_MY_DAY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_my_day_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmMyDay *self = CRM_MY_DAY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      crm_my_day_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_my_day_dispose (GObject *object)
{
  CrmMyDay *self = CRM_MY_DAY (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  g_clear_pointer (&self->settings, crm_settings_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_MY_DAY);
  G_OBJECT_CLASS (crm_my_day_parent_class)->dispose (object);
}

static void
crm_my_day_class_init (CrmMyDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crm_my_day_get_property;
  object_class->set_property = crm_my_day_set_property;
  object_class->dispose = crm_my_day_dispose;
  widget_class->map = crm_my_day_map;
  widget_class->unmap = crm_my_day_unmap;
  widget_class->grab_focus = crm_my_day_grab_focus;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-my-day.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, date_label);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, manager_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, new_button);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, add_manager_button);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, clients_group);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, clients_list);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, deals_group);
  gtk_widget_class_bind_template_child (widget_class, CrmMyDay, deals_list);

  gtk_widget_class_install_action (widget_class, "today.new", NULL, new_activated);
}

static void
crm_my_day_init (CrmMyDay *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+N wherever the focus is while the screen is shown. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("today.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->settings = crm_settings_new ();
  g_date_clear (&self->busiest_day, 1);
  g_signal_connect (self->manager_picker, "notify::manager-id", G_CALLBACK (manager_changed_cb), self);
  g_signal_connect (self->agenda_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->overdue_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->clients_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->deals_list, "row-activated", G_CALLBACK (row_activated_cb), self);
}
