/* crm-team-plan-copy.c — copy last month's plan into the month shown
 *
 * For every active manager with a plan the month before. When the month
 * shown already has targets it asks first; targets of managers without a
 * plan the month before stay. One transaction of the store's writer
 * thread: all or nothing, and the window goes on meanwhile.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-database-writer.h"
#include "crm-period.h"
#include "crm-save-button.h"
#include "crm-screen.h"
#include "crm-target-store.h"
#include "crm-team-plan-private.h"

typedef struct {
  CrmTeamPlan *plan;
  GArray      *targets;        /* CrmTarget: what the month gets */
  char        *from;
  char        *to;
} PlanCopy;

static void
plan_copy_free (PlanCopy *job)
{
  g_object_unref (job->plan);
  g_array_unref (job->targets);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

/* In the writer thread: one transaction, all or nothing. */
static gboolean
write_copy (CrmDatabase *db, gpointer data, GError **error)
{
  PlanCopy *job = data;

  for (guint i = 0; i < job->targets->len; i++)
    if (!crm_target_store_set (db, &g_array_index (job->targets, CrmTarget, i), error))
      return FALSE;
  return TRUE;
}

/* The cells follow through "changed::kpi_target". */
static void
copied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PlanCopy *job = crm_database_write_get_data (result);
  CrmTeamPlan *self = job->plan;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint copied = job->targets->len;

  crm_save_button_set_busy (self->copy_button, FALSE);
  if (crm_database_write_finish (CRM_DATABASE (source), result, &error))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The plan of %s was copied to %s for %u manager.",
                                         "The plan of %s was copied to %s for %u managers.", copied),
                            job->from, job->to, copied);
  else
    text = g_strdup_printf (_("The plan was not copied: %s"), error->message);
  if (self->database != NULL)
    crm_team_plan_toast (self, text);
}

/* Hands the targets of the managers shown to the store's writer thread;
 * the button turns meanwhile. */
static void
copy_plan (CrmTeamPlan *self, GArray *previous)
{
  g_autofree char *month = crm_team_plan_get_month (self);
  g_autoptr(CrmPeriod) before = crm_period_previous (self->month);
  PlanCopy *job;

  if (self->database == NULL || crm_save_button_is_busy (self->copy_button))
    return;
  job = g_new0 (PlanCopy, 1);
  job->plan = g_object_ref (self);
  job->targets = g_array_new (FALSE, FALSE, sizeof (CrmTarget));
  job->from = crm_period_format (before);
  job->to = crm_period_format (self->month);
  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = self->rows->pdata[i];

      for (guint t = 0; t < previous->len; t++)
        {
          CrmTarget target = g_array_index (previous, CrmTarget, t);

          if (target.manager_id != row->manager_id)
            continue;
          g_strlcpy (target.month, month, sizeof target.month);
          g_array_append_val (job->targets, target);
        }
    }
  crm_save_button_set_busy (self->copy_button, TRUE);
  crm_database_write_async (self->database, (const char * const[]) { "kpi_target", NULL }, write_copy,
                            job, (GDestroyNotify) plan_copy_free, copied_cb, NULL);
}

static void
replace_response_cb (AdwMessageDialog *dialog, const char *response, CrmTeamPlan *self)
{
  GArray *previous = g_object_get_data (G_OBJECT (dialog), "previous");

  if (g_str_equal (response, "replace"))
    copy_plan (self, previous);
}

void
crm_team_plan_copy_previous_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmTeamPlan *self = CRM_TEAM_PLAN (widget);
  g_autoptr(CrmPeriod) before = crm_period_previous (self->month);
  g_autofree char *from = crm_period_format (before);
  g_autofree char *to = crm_period_format (self->month);
  g_autofree char *key = NULL;
  g_autoptr(GArray) previous = NULL;
  gboolean planned = FALSE;
  GtkWidget *dialog;

  if (self->database == NULL)
    return;
  key = crm_period_get_from_iso (before);
  key[7] = '\0';
  previous = crm_target_store_list (self->database, key, key, NULL);
  if (previous == NULL || previous->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("There is no plan for %s to copy."), from);
      crm_team_plan_toast (self, text);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    planned = planned || !crm_target_is_empty (&((PlanRow *) self->rows->pdata[i])->target);
  if (!planned)
    {
      copy_plan (self, previous);
      return;
    }
  dialog = adw_message_dialog_new (crm_screen_get_window (widget),
                                   _("Replace This Month’s Plan?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Some managers already have targets for %s. The plan of %s will replace them; targets of managers without a plan in %s stay."),
                                  to, from, from);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "previous", g_steal_pointer (&previous), (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
