/* crm-activity-actions.c — saving, deleting, marking done, rescheduling
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-actions.h"
#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-database-writer.h"
#include "crm-period.h"
#include "crm-recurrence.h"
#include "crm-window.h"

typedef struct {
  GtkWidget      *parent;
  CrmDatabase    *db;
  CrmActivity    *edited;
  CrmSaveFlags    flags;
  CrmActivityDone done;
  gpointer        user_data;
  GtkWidget      *minutes;        /* the done dialog's fields */
  GtkWidget      *direction;
  GtkWidget      *outcome;
  char           *toast;          /* said once written */
  /* What the writer thread does (it reads nothing else of the job). */
  gboolean        deleting;
  CrmSeriesScope  scope;
  CrmActivity    *single;         /* written after a delete, as one of its own */
} Job;

static Job *
job_new (GtkWidget *parent, CrmDatabase *db, CrmActivity *activity, CrmActivityDone done, gpointer user_data)
{
  Job *job = g_new0 (Job, 1);

  job->parent = g_object_ref (parent);
  job->db = g_object_ref (db);
  job->edited = crm_activity_copy (activity);
  job->done = done;
  job->user_data = user_data;
  return job;
}

/* The last step: @job is freed. */
static void
job_finish (Job *job, CrmActivityStep step, const char *refusal)
{
  if (job->done != NULL)
    job->done (step, refusal, job->user_data);
  else if (refusal != NULL)
    crm_activity_toast (job->parent, refusal);
  g_object_unref (job->parent);
  g_object_unref (job->db);
  g_object_unref (job->edited);
  g_clear_object (&job->single);
  g_free (job->toast);
  g_free (job);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
crm_activity_toast (GtkWidget *widget, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkWindow *window = window_of (widget);

  /* A window of toasts of its own (a dialog, a test's window). */
  if (overlay != NULL && (window == NULL || !CRM_IS_WINDOW (window)))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), crm_toast_new (text));
      return;
    }

  /* A dialog's toast goes to the main window behind it. */
  while (window != NULL && !CRM_IS_WINDOW (window) && gtk_window_get_transient_for (window) != NULL)
    window = gtk_window_get_transient_for (window);
  if (window != NULL && CRM_IS_WINDOW (window))
    crm_window_add_toast (CRM_WINDOW (window), crm_toast_new (text));
}

char *
crm_activity_describe_busy (GPtrArray *busy, guint max_lines)
{
  GString *s;

  if (busy == NULL || busy->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < busy->len && i < max_lines; i++)
    {
      CrmActivity *b = busy->pdata[i];
      g_autofree char *range = crm_calendar_format_range (b->starts_at, b->starts_at + (gint64) b->duration_min * 60);
      g_autofree char *summary = crm_activity_get_summary (b);
      g_string_append_printf (s, "%s%s %s", s->len > 0 ? "\n" : "", range, summary);
    }
  if (busy->len > max_lines)
    g_string_append_printf (s, "\n%s", _("and more"));
  return g_string_free (s, FALSE);
}

/* ---- saving ------------------------------------------------------------- */

/* In the writer thread. */
static gboolean
write_activity (CrmDatabase *db, gpointer data, GError **error)
{
  Job *job = data;
  CrmActivity *a = job->edited;

  if (job->deleting)
    {
      if (a->series_id > 0 || a->rrule != NULL)
        {
          if (!crm_activity_store_delete_in_series (db, a, job->scope, error))
            return FALSE;
        }
      else if (!crm_activity_store_delete (db, a->id, error))
        return FALSE;
      return job->single == NULL || crm_activity_store_create (db, job->single, error);
    }
  if (a->series_id > 0)
    return crm_activity_store_save_in_series (db, a, job->scope, error);
  if (a->id > 0)
    return crm_activity_store_update (db, a, error);
  return crm_activity_store_create (db, a, error);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *refusal = NULL;

  if (crm_database_write_finish (CRM_DATABASE (source), result, &error))
    {
      if (job->toast != NULL)
        crm_activity_toast (job->parent, job->toast);
      job_finish (job, CRM_ACTIVITY_WRITTEN, NULL);
      return;
    }
  summary = crm_activity_get_summary (job->edited);
  refusal = job->deleting && job->single == NULL
            /* Translators: the activity's summary, then the store's reason */
            ? g_strdup_printf (_("“%s” was not deleted: %s"), summary, error->message)
            /* Translators: the activity's summary, then the store's reason */
            : g_strdup_printf (_("“%s” was not saved: %s"), summary, error->message);
  job_finish (job, CRM_ACTIVITY_NOT_WRITTEN, refusal);
}

/* The questions are answered: the writer thread takes it from here. */
static void
write_now (Job *job, CrmSeriesScope scope)
{
  job->scope = scope;
  if (job->done != NULL)
    job->done (CRM_ACTIVITY_WRITING, NULL, job->user_data);
  crm_database_write_async (job->db, (const char * const[]) { "activity", NULL }, write_activity,
                            job, NULL, written_cb, job);
}

static void
scope_response_cb (AdwMessageDialog *dialog, const char *response, Job *job)
{
  if (g_str_equal (response, "this"))
    write_now (job, CRM_SERIES_THIS);
  else if (g_str_equal (response, "following"))
    write_now (job, CRM_SERIES_FOLLOWING);
  else if (g_str_equal (response, "all"))
    write_now (job, CRM_SERIES_ALL);
  else
    job_finish (job, CRM_ACTIVITY_NOT_WRITTEN, NULL);
}

static GtkWidget *
scope_dialog (GtkWidget *parent, const char *heading, gboolean allow_this)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (parent), heading,
                                              _("This activity repeats. Change only this occurrence, this one and the ones after it, or the whole series?"));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (allow_this)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "this", _("_Only This One"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "following", _("This and _Following"),
                                    "all", _("_All of Them"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), allow_this ? "this" : "following");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
ask_scope_or_write (Job *job)
{
  GtkWidget *dialog;

  if (job->edited->series_id <= 0 || (job->flags & CRM_SAVE_ASK_SCOPE) == 0)
    {
      write_now (job, CRM_SERIES_THIS);
      return;
    }
  dialog = scope_dialog (job->parent, _("Change a Repeating Activity"), (job->flags & CRM_SAVE_NO_THIS_ONE) == 0);
  g_signal_connect (dialog, "response", G_CALLBACK (scope_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
busy_response_cb (AdwMessageDialog *dialog, const char *response, Job *job)
{
  if (g_str_equal (response, "save"))
    ask_scope_or_write (job);
  else
    job_finish (job, CRM_ACTIVITY_NOT_WRITTEN, NULL);
}

void
crm_activity_save (GtkWidget *parent, CrmDatabase *db, CrmActivity *edited, CrmSaveFlags flags,
                   CrmActivityDone done, gpointer user_data)
{
  Job *job;
  g_autoptr(GPtrArray) busy = NULL;
  g_autofree char *list = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  CrmActivity *a;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (CRM_IS_ACTIVITY (edited));

  job = job_new (parent, db, edited, done, user_data);
  job->flags = flags;
  a = job->edited;
  if ((flags & CRM_SAVE_CONFIRM_CONFLICTS) && a->state != CRM_STATE_CANCELLED && !a->all_day)
    busy = crm_activity_store_find_busy (db, a->manager_id, a->starts_at,
                                         a->starts_at + (gint64) MAX (a->duration_min, 1) * 60, a, NULL);
  list = crm_activity_describe_busy (busy, 4);
  if (list == NULL)
    {
      ask_scope_or_write (job);
      return;
    }
  body = g_strdup_printf (_("%s already has at that time:\n%s"),
                          a->manager_name != NULL ? a->manager_name : _("The manager"), list);
  dialog = adw_message_dialog_new (window_of (parent), _("The Manager Is Busy Then"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Keep Both"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (busy_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- deleting ----------------------------------------------------------- */

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, Job *job)
{
  CrmSeriesScope scope = CRM_SERIES_THIS;

  if (g_str_equal (response, "cancel"))
    {
      job_finish (job, CRM_ACTIVITY_NOT_WRITTEN, NULL);
      return;
    }
  if (g_str_equal (response, "following"))
    scope = CRM_SERIES_FOLLOWING;
  else if (g_str_equal (response, "all"))
    scope = CRM_SERIES_ALL;
  job->deleting = TRUE;
  if (job->single == NULL)
    job->toast = g_strdup (_("Activity deleted"));
  write_now (job, scope);
}

static void
ask_delete (Job *job)
{
  CrmActivity *activity = job->edited;
  GtkWidget *parent = job->parent;
  g_autofree char *summary = crm_activity_get_summary (activity);
  GtkWidget *dialog;

  if (activity->series_id > 0)
    {
      dialog = scope_dialog (parent, _("Delete a Repeating Activity"), TRUE);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("This activity repeats. Delete only this occurrence, this one and the ones after it, or the whole series? Occurrences already done stay."));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "all", ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), summary);
      dialog = adw_message_dialog_new (window_of (parent), heading,
                                       activity->state == CRM_STATE_DONE
                                       ? _("It was done: it counts in the KPIs of its manager and will not any more.")
                                       : NULL);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
crm_activity_delete (GtkWidget *parent, CrmDatabase *db, CrmActivity *activity,
                     CrmActivityDone done, gpointer user_data)
{
  ask_delete (job_new (parent, db, activity, done, user_data));
}

void
crm_activity_stop_series (GtkWidget *parent, CrmDatabase *db, CrmActivity *occurrence,
                          CrmActivity *single, CrmActivityDone done, gpointer user_data)
{
  Job *job = job_new (parent, db, occurrence, done, user_data);

  job->single = crm_activity_copy (single);
  ask_delete (job);
}

/* ---- done --------------------------------------------------------------- */

static void
done_response_cb (AdwMessageDialog *dialog, const char *response, Job *job)
{
  CrmActivity *a = job->edited;
  const char *outcome = gtk_editable_get_text (GTK_EDITABLE (job->outcome));

  if (g_str_equal (response, "cancel"))
    {
      job_finish (job, CRM_ACTIVITY_NOT_WRITTEN, NULL);
      return;
    }
  a->state = g_str_equal (response, "not-held") ? CRM_STATE_CANCELLED : CRM_STATE_DONE;
  g_free (a->outcome);
  a->outcome = g_strdup (outcome);
  if (job->minutes != NULL)
    a->duration_min = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (job->minutes));
  if (job->direction != NULL)
    a->direction = gtk_drop_down_get_selected (GTK_DROP_DOWN (job->direction)) == 0
                   ? CRM_DIRECTION_OUTBOUND : CRM_DIRECTION_INBOUND;
  if (a->state == CRM_STATE_DONE)
    {
      g_autofree char *summary = crm_activity_get_summary (a);
      job->toast = g_strdup_printf (_("“%s” is done"), summary);
    }
  /* An occurrence of a series is detached: done, it counts in the KPIs. */
  write_now (job, CRM_SERIES_THIS);
}

static GtkWidget *
labelled (GtkWidget *grid, int row, const char *text, GtkWidget *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  return field;
}

void
crm_activity_mark_done (GtkWidget *parent, CrmDatabase *db, CrmActivity *activity,
                        CrmActivityDone done, gpointer user_data)
{
  Job *job = job_new (parent, db, activity, done, user_data);
  g_autofree char *summary = crm_activity_get_summary (activity);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *dialog;
  const char *heading;
  int row = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  if (activity->type == CRM_ACTIVITY_CALL)
    {
      const char *directions[] = { _("Outgoing (we called)"), _("Incoming (they called)"), NULL };
      heading = _("Log the Call");
      job->minutes = labelled (grid, row++, _("_Minutes"),
                               gtk_spin_button_new_with_range (1, 600, 1));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (job->minutes), MAX (1, activity->duration_min));
      job->direction = labelled (grid, row++, _("_Direction"), gtk_drop_down_new_from_strings (directions));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (job->direction),
                                  activity->direction == CRM_DIRECTION_INBOUND ? 1 : 0);
    }
  else if (activity->type == CRM_ACTIVITY_MEETING)
    heading = _("Was the Meeting Held?");
  else
    heading = _("Mark the Task Done");
  job->outcome = labelled (grid, row++, _("_Outcome"), gtk_entry_new ());
  gtk_entry_set_activates_default (GTK_ENTRY (job->outcome), TRUE);
  if (activity->outcome != NULL)
    gtk_editable_set_text (GTK_EDITABLE (job->outcome), activity->outcome);
  g_object_set (job->outcome, "placeholder-text",
                activity->type == CRM_ACTIVITY_CALL ? _("Agreed on a meeting, sent the offer…")
                                                    : _("What came of it"), NULL);

  dialog = adw_message_dialog_new (window_of (parent), heading, summary);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (activity->type == CRM_ACTIVITY_MEETING)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "not-held", _("_Did Not Take Place"), "done", _("_Held"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "not-held", ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "done", _("_Done"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "done");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (done_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- tomorrow ----------------------------------------------------------- */

void
crm_activity_move_to_tomorrow (GtkWidget *parent, CrmDatabase *db, CrmActivity *activity,
                               CrmActivityDone done, gpointer user_data)
{
  g_autoptr(CrmActivity) moved = crm_activity_copy (activity);
  GDate planned, tomorrow;

  crm_calendar_date_of (activity->starts_at, &planned);
  crm_date_set_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  moved->starts_at = crm_calendar_local_time (&tomorrow, crm_calendar_minute_of (activity->starts_at, &planned));
  crm_activity_save (parent, db, moved, CRM_SAVE_CONFIRM_CONFLICTS, done, user_data);
}
