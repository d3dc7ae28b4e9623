/* crm-team-plan-save.c — saving a cell of the plan
 *
 * Enter, or the focus leaving a cell, writes its target: checked here, then
 * written by the store's writer thread (crm_database_write_async), so that
 * a database locked by another program does not stop the typing in the
 * other cells. The row's target takes the new value at once — the next
 * cell of the same row is written on top of it — and goes back to the old
 * one if the store refuses; a refusal is shown on the cell (its text kept
 * to be fixed) and said once in a toast. The plan's spinner turns while
 * cells are being written.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-database-writer.h"
#include "crm-kpi.h"
#include "crm-target-store.h"
#include "crm-team-plan-private.h"

typedef struct {
  CrmTeamPlan     *plan;
  GtkEntry        *entry;
  CrmKpiIndicator  kpi;
  CrmTarget        target;        /* as written */
  gint64           previous;      /* the cell's value before */
  char            *text;          /* as typed */
} CellWrite;

static void
cell_write_free (CellWrite *job)
{
  g_object_unref (job->plan);
  g_object_unref (job->entry);
  g_free (job->text);
  g_free (job);
}

void
crm_team_plan_show_cell (CrmTeamPlan *self, PlanRow *row, CrmKpiIndicator kpi)
{
  g_autofree char *text = crm_team_plan_format_value (self, kpi, row->target.values[kpi], FALSE);

  g_object_set_data_full (G_OBJECT (row->entries[kpi]), "shown", g_strdup (text), g_free);
  gtk_editable_set_text (GTK_EDITABLE (row->entries[kpi]), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row->entries[kpi]), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->entries[kpi]), NULL);
}

gboolean
crm_team_plan_cell_is_saving (GtkEntry *entry)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "saving")) > 0;
}

static void
count_saving (CrmTeamPlan *self, GtkEntry *entry, int delta)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "saving"));

  g_object_set_data (G_OBJECT (entry), "saving", GUINT_TO_POINTER (n + delta));
  self->n_saving += delta;
  crm_team_plan_update_spinner (self);
}

static void
refuse (CrmTeamPlan *self, GtkEntry *entry, CrmKpiIndicator kpi, const char *name, const char *text,
        const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("The target “%s” of %s was not saved: %s"),
                                              crm_kpi_indicator_to_label (kpi), name, error->message);

  /* Told once: leaving the cell with the same text says nothing new. */
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (entry), "refused")) != 0)
    crm_team_plan_toast (self, message);
  g_object_set_data_full (G_OBJECT (entry), "refused", g_strdup (text), g_free);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
}

/* In the writer thread. */
static gboolean
write_cell (CrmDatabase *db, gpointer data, GError **error)
{
  CellWrite *job = data;

  if (crm_target_is_empty (&job->target))
    return crm_target_store_delete (db, job->target.manager_id, job->target.month, error);
  return crm_target_store_set (db, &job->target, error);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CellWrite *job = crm_database_write_get_data (result);
  CrmTeamPlan *self = job->plan;
  g_autoptr(GError) error = NULL;
  gboolean ok = crm_database_write_finish (CRM_DATABASE (source), result, &error);
  PlanRow *row = g_object_get_data (G_OBJECT (job->entry), "plan-row");
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (job->entry))));

  count_saving (self, job->entry, -1);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (job->entry), "pending"), job->text) == 0)
    g_object_set_data (G_OBJECT (job->entry), "pending", NULL);
  /* The table was built again meanwhile: the cell is gone. */
  if (row == NULL || self->database == NULL)
    {
      if (!ok)
        {
          g_autofree char *message = g_strdup_printf (_("A target was not saved: %s"), error->message);
          crm_team_plan_toast (self, message);
        }
      return;
    }
  if (!ok)
    {
      if (!crm_team_plan_cell_is_saving (job->entry))
        row->target.values[job->kpi] = job->previous;
      refuse (self, job->entry, job->kpi, row->name, job->text, error);
      crm_team_plan_update_achievements (self);
      return;
    }
  g_object_set_data (G_OBJECT (job->entry), "refused", NULL);
  /* The cell shows the value as stored, unless it was typed over meanwhile:
   * that text is for the next save. */
  if (g_strcmp0 (stripped, job->text) == 0 && !crm_team_plan_cell_is_saving (job->entry))
    crm_team_plan_show_cell (self, row, job->kpi);
  crm_team_plan_update_achievements (self);
}

/* Checks the cell and starts writing it: FALSE when its text is not a
 * target (the cell says why), TRUE when it is saved or on its way. */
gboolean
crm_team_plan_commit_cell (CrmTeamPlan *self, GtkEntry *entry)
{
  PlanRow *row = g_object_get_data (G_OBJECT (entry), "plan-row");
  CrmKpiIndicator kpi = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "kpi"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  CellWrite *job;
  gint64 value;

  if (row == NULL || self->database == NULL)
    return FALSE;
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (entry), "shown")) == 0 &&
      !crm_team_plan_cell_is_saving (entry))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (entry), "pending")) == 0)
    return TRUE;
  if (!crm_team_plan_parse_value (self, kpi, text, &value, &error))
    {
      refuse (self, entry, kpi, row->name, text, error);
      return FALSE;
    }
  job = g_new0 (CellWrite, 1);
  job->plan = g_object_ref (self);
  job->entry = g_object_ref (entry);
  job->kpi = kpi;
  job->previous = row->target.values[kpi];
  job->text = g_strdup (text);
  row->target.values[kpi] = value;
  job->target = row->target;
  g_object_set_data_full (G_OBJECT (entry), "pending", g_strdup (text), g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  count_saving (self, entry, 1);
  crm_database_write_async (self->database, (const char * const[]) { "kpi_target", NULL }, write_cell,
                            job, (GDestroyNotify) cell_write_free, written_cb, NULL);
  return TRUE;
}
