/* crm-calendar-view-io.c — iCalendar import and export from the Calendar screen
 *
 * Both run in a worker thread with its own connection, so that a large
 * file never freezes the window; a spinner turns meanwhile and a toast
 * says how it went (with the problems of an import behind "Details").
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-activity-actions.h"
#include "crm-calendar-view-private.h"
#include "crm-ical.h"
#include "crm-window.h"

typedef struct {
  char          *db_path;
  char          *file_path;
  char          *file_name;
  gint64         manager_id;
  CrmIcalReport *report;
  guint          n_events;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->file_path);
  g_free (job->file_name);
  g_clear_pointer (&job->report, crm_ical_report_free);
  g_free (job);
}

static Job *
job_new (CrmCalendarView *self, GFile *file)
{
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (crm_database_get_path (self->database));
  job->file_path = g_file_get_path (file);
  job->file_name = g_file_get_basename (file);
  job->manager_id = crm_manager_picker_get_manager_id (self->manager_picker);
  return job;
}

static void
busy (CrmCalendarView *self, gboolean on)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), on);
  gtk_spinner_set_spinning (self->spinner, on);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.import", !on);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.export", !on);
}

static void
toast (CrmCalendarView *self, AdwToast *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ---- import ------------------------------------------------------------- */

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (job->db_path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, &error);

  job->report = crm_ical_report_new ();
  if (db == NULL || !crm_ical_import_ics (db, job->file_path, job->report, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
details_clicked_cb (AdwToast *toast, gpointer user_data)
{
  GtkWidget *dialog = user_data;

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
drop_dialog (gpointer data, GClosure *closure)
{
  gtk_window_destroy (GTK_WINDOW (data));
  g_object_unref (data);
}

static void
import_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  AdwToast *t;

  busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = NULL;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("“%s” was not imported: %s"), job->file_name, error->message);
      t = crm_toast_new (text);
      adw_toast_set_timeout (t, 0);
      toast (self, t);
      return;
    }
  /* Written by the worker's connection: the screens read again. */
  if (self->database != NULL)
    crm_database_notify_changed (self->database, NULL);
  summary = crm_ical_report_format (job->report);
  if (job->report->problems->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Imported from “%s”: %s"), job->file_name, summary);
      toast (self, crm_toast_new (text));
    }
  else
    {
      g_autofree char *first_line = g_strndup (summary, strcspn (summary, "\n"));
      g_autofree char *text = g_strdup_printf (_("Imported from “%s” with problems: %s"), job->file_name, first_line);
      g_autofree char *heading = g_strdup_printf (_("Import of “%s”"), job->file_name);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, summary);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
      t = crm_toast_new (text);
      adw_toast_set_button_label (t, _("_Details"));
      adw_toast_set_timeout (t, 0);
      g_signal_connect_data (t, "button-clicked", G_CALLBACK (details_clicked_cb),
                             g_object_ref_sink (dialog), drop_dialog, 0);
      toast (self, t);
    }
}

void
crm_calendar_view_import_file (CrmCalendarView *self, GFile *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_CALENDAR_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->database == NULL)
    return;
  busy (self, TRUE);
  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_task_data (task, job_new (self, file), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_response_cb (GtkNativeDialog *chooser, int response, CrmCalendarView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      crm_calendar_view_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_filter_add_suffix (filter, "ical");
  return filter;
}

void
crm_calendar_view_import_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = ics_filter ();

  chooser = gtk_file_chooser_native_new (_("Import an iCalendar File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- export ------------------------------------------------------------- */

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (job->db_path, CRM_DATABASE_FLAGS_READ_ONLY, cancellable, &error);

  if (db == NULL || !crm_ical_export_ics (db, job->file_path, job->manager_id, G_MININT64 / 2, G_MAXINT64 / 2,
                                          &job->n_events, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("The calendar was not exported: %s"), error->message);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u activity to “%s”",
                                         "Exported %u activities to “%s”", job->n_events),
                            job->n_events, job->file_name);
  toast (self, crm_toast_new (text));
}

/* What the Export… dialog's answer runs: the activities of the manager
 * picked (or the whole team) written to @file in a worker, then a toast. */
void
crm_calendar_view_export_file (CrmCalendarView *self, GFile *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_CALENDAR_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->database == NULL)
    return;
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  busy (self, TRUE);
  g_task_set_task_data (task, job_new (self, file), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, CrmCalendarView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      crm_calendar_view_export_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
crm_calendar_view_export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCalendarView *self = CRM_CALENDAR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = ics_filter ();
  const char *who = crm_manager_picker_get_manager_name (self->manager_picker);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export the Calendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name offered, "Calendar - Anna Petrova.ics" */
  name = g_strdup_printf (_("Calendar - %s.ics"), who != NULL ? who : _("Whole team"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
