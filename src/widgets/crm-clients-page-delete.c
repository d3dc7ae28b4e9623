/* crm-clients-page-delete.c — deleting a client, and undoing it
 *
 * A client with history (activities, deals, payments, complaints) is
 * deleted after a question that says how much goes with it. The deletion
 * is committed at once, and every row it took is kept in memory for the
 * undo toast (Ctrl+Z while it is up): closing the app meanwhile leaves the
 * client deleted — whole, never half. Both the deletion and the undo run
 * in a worker thread with a connection of its own: a client with thousands
 * of payments takes half a second, which the window does not wait for.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-clients-page-private.h"
#include "crm-timeline-store.h"
#include "crm-window.h"

typedef struct {
  char              *path;
  gint64             client_id;
  char              *name;
  CrmClientSnapshot *snapshot;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->name);
  g_clear_pointer (&job->snapshot, crm_client_snapshot_free);
  g_free (job);
}

static Job *
job_new (CrmClientsPage *self, gint64 client_id, const char *name)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (crm_database_get_path (self->database));
  job->client_id = client_id;
  job->name = g_strdup (name);
  return job;
}

static void
delete_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  GError *error = NULL;

  db = crm_database_new (job->path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  if (db != NULL)
    job->snapshot = crm_client_store_delete_with_snapshot (db, job->client_id, &error);
  if (job->snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
restore_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  GError *error = NULL;

  db = crm_database_new (job->path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  if (db == NULL || !crm_client_store_restore (db, job->snapshot, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run (CrmClientsPage *self, Job *job, GTaskThreadFunc thread, GAsyncReadyCallback done)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, done, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->n_busy++;
  crm_clients_page_update_actions (self);
  g_task_run_in_thread (task, thread);
}

/* Another connection wrote: the screens of this one are told. */
static void
finished (CrmClientsPage *self)
{
  self->n_busy--;
  if (self->database != NULL)
    crm_database_notify_changed (self->database, NULL);
  crm_clients_page_update_actions (self);
}

/* ---- undo --------------------------------------------------------------- */

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  finished (self);
  if (self->undo_toasts == NULL)         /* the window closed meanwhile */
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      text = g_strdup_printf (_("“%s” could not be restored: %s"), job->name, error->message);
      crm_clients_page_toast (self, text);
      return;
    }
  text = g_strdup_printf (_("“%s” is back, with all the history."), job->name);
  crm_clients_page_toast (self, text);
  crm_clients_page_open_client (self, job->client_id);
}

/* Puts back what the toast's deletion took (once). */
static void
restore (CrmClientsPage *self, AdwToast *undo_toast)
{
  Job *undo = g_object_get_data (G_OBJECT (undo_toast), "crm-undo");
  Job *job;

  if (undo == NULL || undo->snapshot == NULL || self->database == NULL)
    return;
  job = job_new (self, undo->client_id, undo->name);
  job->snapshot = g_steal_pointer (&undo->snapshot);
  run (self, job, restore_thread, restored_cb);
}

static void
undo_clicked_cb (AdwToast *undo_toast, CrmClientsPage *self)
{
  restore (self, undo_toast);
}

static void
undo_dismissed_cb (AdwToast *undo_toast, CrmClientsPage *self)
{
  g_ptr_array_remove (self->undo_toasts, undo_toast);
  crm_clients_page_update_actions (self);
}

/* Ctrl+Z: undo the last deletion whose toast is still up. */
void
crm_clients_page_undo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);
  g_autoptr(AdwToast) last = NULL;

  if (self->undo_toasts->len == 0)
    return;
  last = g_object_ref (self->undo_toasts->pdata[self->undo_toasts->len - 1]);
  g_ptr_array_remove_index (self->undo_toasts, self->undo_toasts->len - 1);
  restore (self, last);
  adw_toast_dismiss (last);
  crm_clients_page_update_actions (self);
}

/* The page goes (the window closes): the deletions stand, and their rows
 * in memory go with the toasts. */
void
crm_clients_page_forget_undo (CrmClientsPage *self)
{
  for (guint i = 0; self->undo_toasts != NULL && i < self->undo_toasts->len; i++)
    g_signal_handlers_disconnect_by_data (self->undo_toasts->pdata[i], self);
  g_clear_pointer (&self->undo_toasts, g_ptr_array_unref);
}

/* ---- delete ------------------------------------------------------------- */

static void
deleted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  AdwToast *undo_toast;
  GtkRoot *root;
  Job *undo;

  finished (self);
  if (self->undo_toasts == NULL)         /* the window closed meanwhile: it stands */
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      text = g_strdup_printf (_("“%s” could not be deleted: %s"), job->name, error->message);
      crm_clients_page_toast (self, text);
      return;
    }

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (job->name, -1);
  text = g_strdup_printf (_("“%s” deleted"), escaped);
  undo_toast = adw_toast_new (text);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (undo_toast, 10);
  /* The toast keeps the rows; the task lets go of them. */
  undo = job_new (self, job->client_id, job->name);
  undo->snapshot = g_steal_pointer (&job->snapshot);
  g_object_set_data_full (G_OBJECT (undo_toast), "crm-undo", undo, (GDestroyNotify) job_free);
  g_signal_connect_object (undo_toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (undo_toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self, 0);
  g_ptr_array_add (self->undo_toasts, undo_toast);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), g_object_ref (undo_toast));
  crm_clients_page_update_actions (self);
}

static void
delete_now (CrmClientsPage *self, gint64 id, const char *name)
{
  CrmClient *shown = crm_client_card_get_client (self->card);

  if (shown != NULL && shown->id == id)
    {
      crm_client_card_clear (self->card);
      crm_clients_page_show_card (self, FALSE);
    }
  run (self, job_new (self, id, name), delete_thread, deleted_cb);
}

static char *
history_text (const CrmClientSummary *s)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (s->n_activities > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", s->n_activities), s->n_activities));
  if (s->n_deals > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal", "%u deals", s->n_deals), s->n_deals));
  if (s->n_payments > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u payment", "%u payments", s->n_payments), s->n_payments));
  if (s->n_complaints > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u complaint", "%u complaints", s->n_complaints), s->n_complaints));
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: %s is a list such as "12 activities, 3 deals, 5 payments" */
  return g_strdup_printf (_("The client’s history goes too: %s. You can undo it right after."), list);
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, CrmClientsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "client-id");

  if (g_strcmp0 (response, "delete") == 0 && self->database != NULL)
    delete_now (self, *id, g_object_get_data (G_OBJECT (dialog), "client-name"));
}

/* Delete: the client of the card, else the one selected in the list. */
void
crm_clients_page_delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmClientsPage *self = CRM_CLIENTS_PAGE (widget);
  g_autoptr(CrmClient) client = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  CrmClientSummary summary;
  GtkWidget *dialog;
  gint64 *id;

  if (crm_clients_page_card_shows_client (self))
    client = g_object_ref (crm_client_card_get_client (self->card));
  else if (crm_clients_page_selected_id (self) > 0)
    client = g_object_ref (gtk_single_selection_get_selected_item (self->selection));
  if (client == NULL || self->database == NULL)
    return;
  crm_clients_page_commit_card (self);

  if (!crm_timeline_store_summary (self->database, client->id, &summary, NULL) ||
      crm_client_summary_n_entries (&summary) == 0)
    {
      delete_now (self, client->id, client->name);
      return;
    }
  heading = g_strdup_printf (_("Delete “%s”?"), client->name);
  body = history_text (&summary);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = client->id;
  g_object_set_data_full (G_OBJECT (dialog), "client-id", id, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "client-name", g_strdup (client->name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
