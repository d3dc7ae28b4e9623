/* crm-team-plan.c — the monthly plan of the team, as an editable table
 *
 *   [‹] November 2026 [›]                       [Copy Last Month’s Plan]
 *   Manager       Revenue, ₽       Calls       Talk time, min …
 *   Anna Smith    [ 500,000 ]      [ 120 ]     [ 900 ]
 *                 420,000 · 84%    131 · 109%  610 · 68%
 *   …
 *   Team          1,500,000        360         …
 *
 * One row per active manager; an empty cell is "no target" (the indicator
 * is then left out of the manager's score, never counted as 0%). A cell is
 * saved when Enter is pressed or the focus leaves it (crm-team-plan-save.c:
 * by the store's writer thread); a refusal (not a number, negative) is
 * shown on the cell and the text is kept to be fixed.
 * Under each target: what was achieved in that month, computed by the KPI
 * engine in a worker.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-kpi.h"
#include "crm-locale.h"
#include "crm-manager-store.h"
#include "crm-money.h"
#include "crm-period.h"
#include "crm-screen.h"
#include "crm-setting-store.h"
#include "crm-target-store.h"
#include "crm-team-actuals.h"
#include "crm-team-plan-private.h"

G_DEFINE_FINAL_TYPE (CrmTeamPlan, crm_team_plan, GTK_TYPE_BOX)

static void load_actuals (CrmTeamPlan *self);

static void
plan_row_free (PlanRow *row)
{
  g_free (row->name);
  g_free (row);
}

static char *
month_key (CrmTeamPlan *self)
{
  g_autofree char *from = crm_period_get_from_iso (self->month);
  return g_strndup (from, 7);
}

char *
crm_team_plan_get_month (CrmTeamPlan *self)
{
  g_return_val_if_fail (CRM_IS_TEAM_PLAN (self), NULL);
  return month_key (self);
}

/* Turning while the figures load or a cell is written. */
void
crm_team_plan_update_spinner (CrmTeamPlan *self)
{
  gboolean busy = self->cancellable != NULL || self->n_saving > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

void
crm_team_plan_toast (CrmTeamPlan *self, const char *text)
{
  crm_screen_toast (GTK_WIDGET (self), text);
}

/* ---- numbers ------------------------------------------------------------ */

char *
crm_team_plan_format_value (CrmTeamPlan *self, CrmKpiIndicator kpi, gint64 value, gboolean symbol)
{
  if (value == CRM_NO_TARGET)
    return g_strdup ("");
  if (kpi == CRM_KPI_REVENUE)
    return crm_money_format (value, self->currency, CRM_MONEY_WHOLE | (symbol ? 0 : CRM_MONEY_NO_SYMBOL));
  return crm_locale_format_integer (value);
}

/* A whole number as people type it: "1 200", "1,200", "-5". */
static gboolean
parse_count (const char *text, gint64 *out, GError **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f || c == ',' || c == '.' || c == '\'')
        continue;
      if (c == 0x2212)
        c = '-';
      g_string_append_unichar (digits, c);
    }
  if (!g_ascii_string_to_signed (digits->str, 10, G_MININT32, G_MAXINT32, out, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a whole number. Enter a number, or leave the cell empty for no target."), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_team_plan_parse_value (CrmTeamPlan *self, CrmKpiIndicator kpi, const char *text, gint64 *out, GError **error)
{
  if (*text == '\0')
    {
      *out = CRM_NO_TARGET;
      return TRUE;
    }
  if (kpi == CRM_KPI_REVENUE)
    return crm_money_parse (text, self->currency, out, error);
  return parse_count (text, out, error);
}

/* ---- the achievement under a cell --------------------------------------- */

static void
show_achievement (CrmTeamPlan *self, GtkLabel *label, CrmKpiIndicator kpi, const gint64 *actual, gint64 target)
{
  g_autofree char *figure = NULL;
  g_autofree char *text = NULL;
  double ratio;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  if (actual == NULL)
    {
      gtk_label_set_label (label, self->actuals != NULL ? "—" : "");
      return;
    }
  figure = crm_team_plan_format_value (self, kpi, actual[kpi], FALSE);
  ratio = crm_kpi_achievement (actual[kpi], target);
  if (isnan (ratio))
    {
      gtk_label_set_label (label, figure);
      return;
    }
  {
    g_autofree char *percent = crm_locale_format_percent (ratio);
    /* Translators: under a target in the plan table: what was achieved · the share of the target */
    text = g_strdup_printf (C_("plan cell", "%s · %s"), figure, percent);
  }
  gtk_label_set_label (label, text);
  if (ratio >= 1.0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "success");
}

static void
update_team_row (CrmTeamPlan *self)
{
  for (int k = 0; k < CRM_N_KPI; k++)
    {
      gint64 sum = CRM_NO_TARGET;

      if (self->team_labels[k] == NULL)
        continue;
      for (guint i = 0; i < self->rows->len; i++)
        {
          PlanRow *row = self->rows->pdata[i];
          if (row->target.values[k] != CRM_NO_TARGET)
            sum = (sum == CRM_NO_TARGET ? 0 : sum) + row->target.values[k];
        }
      {
        g_autofree char *plan = crm_team_plan_format_value (self, k, sum, FALSE);
        GtkLabel *plan_label = g_object_get_data (G_OBJECT (self->team_labels[k]), "plan");

        gtk_label_set_label (plan_label, sum == CRM_NO_TARGET ? "—" : plan);
        show_achievement (self, self->team_labels[k], k, self->actuals != NULL ? self->actuals->team : NULL, sum);
      }
    }
}

void
crm_team_plan_update_achievements (CrmTeamPlan *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = self->rows->pdata[i];
      const gint64 *actual = self->actuals != NULL ? crm_team_actuals_get (self->actuals, row->manager_id) : NULL;

      for (int k = 0; k < CRM_N_KPI; k++)
        show_achievement (self, row->labels[k], k, actual, row->target.values[k]);
    }
  update_team_row (self);
}

static void
entry_activated_cb (GtkEntry *entry, CrmTeamPlan *self)
{
  if (crm_team_plan_commit_cell (self, entry))
    gtk_widget_child_focus (GTK_WIDGET (self->grid), GTK_DIR_TAB_FORWARD);
}

static void
entry_focus_left_cb (GtkEventControllerFocus *controller, CrmTeamPlan *self)
{
  crm_team_plan_commit_cell (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* ---- building the table ------------------------------------------------- */

/* A column of the plan: the indicator and the unit its targets are
 * entered in, with header capitalisation like the dashboard's tiles. */
static char *
plan_header (CrmKpiIndicator indicator, const char *currency)
{
  switch (indicator)
    {
    case CRM_KPI_REVENUE:
      /* Translators: a column of the plan table: "Revenue, ₽" */
      return g_strdup_printf (C_("plan header", "Revenue, %s"), crm_currency_symbol (currency));
    case CRM_KPI_CALLS:
      return g_strdup (C_("plan header", "Calls"));
    case CRM_KPI_TALK_MINUTES:
      /* Translators: a column of the plan table: the talk time target is entered in minutes */
      return g_strdup (C_("plan header", "Talk Time, min"));
    case CRM_KPI_MEETINGS:
      return g_strdup (C_("plan header", "Meetings Held"));
    case CRM_KPI_NEW_PROSPECTS:
    default:
      return g_strdup (C_("plan header", "New Prospects"));
    }
}

static GtkWidget *
header_label (const char *text, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
achievement_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "figure");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
add_cell (CrmTeamPlan *self, PlanRow *row, CrmKpiIndicator kpi, int y)
{
  g_autofree char *month = crm_period_format (self->month);
  g_autofree char *name = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), kpi == CRM_KPI_REVENUE ? 10 : 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), kpi == CRM_KPI_REVENUE ? GTK_INPUT_PURPOSE_NUMBER
                                                                          : GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_add_css_class (entry, "figure");
  /* Translators: the accessible name of a cell of the plan table: "Anna Smith, Calls, November 2026" */
  name = g_strdup_printf (C_("plan cell name", "%s, %s, %s"), row->name, crm_kpi_indicator_to_label (kpi), month);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (entry), "plan-row", row);
  g_object_set_data (G_OBJECT (entry), "kpi", GINT_TO_POINTER (kpi));
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_left_cb), self);
  gtk_widget_add_controller (entry, focus);

  row->entries[kpi] = GTK_ENTRY (entry);
  row->labels[kpi] = GTK_LABEL (achievement_label ());
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->labels[kpi]));
  gtk_grid_attach (self->grid, box, 1 + kpi, y, 1, 1);
  crm_team_plan_show_cell (self, row, kpi);
}

static void
clear_grid (CrmTeamPlan *self)
{
  GtkWidget *focus = crm_screen_get_focus (GTK_WIDGET (self));
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
  GtkWidget *child;

  /* What is being typed is kept; then the rows are detached, or their
   * entries would commit again as they lose the focus. */
  if (entry != NULL && gtk_widget_is_ancestor (entry, GTK_WIDGET (self->grid)))
    crm_team_plan_commit_cell (self, GTK_ENTRY (entry));
  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = self->rows->pdata[i];
      for (int k = 0; k < CRM_N_KPI; k++)
        g_object_set_data (G_OBJECT (row->entries[k]), "plan-row", NULL);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->rows, 0);
  memset (self->team_labels, 0, sizeof self->team_labels);
}

static void
rebuild (CrmTeamPlan *self)
{
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(CrmSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = month_key (self);
  g_autofree char *title = crm_period_format (self->month);
  int y = 1;

  gtk_label_set_label (self->month_label, title);
  clear_grid (self);
  if (self->database == NULL)
    return;
  if ((settings = crm_setting_store_load (self->database, &error)) == NULL ||
      (managers = crm_manager_store_list (self->database, FALSE, &error)) == NULL ||
      (targets = crm_target_store_list (self->database, month, month, &error)) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The plan could not be read: %s"), error->message);
      crm_team_plan_toast (self, text);
      return;
    }
  g_free (self->currency);
  self->currency = g_strdup (settings->currency);

  gtk_grid_attach (self->grid, header_label (_("Manager"), 0), 0, 0, 1, 1);
  for (int k = 0; k < CRM_N_KPI; k++)
    {
      g_autofree char *title = plan_header (k, self->currency);
      gtk_grid_attach (self->grid, header_label (title, 1), 1 + k, 0, 1, 1);
    }

  for (guint i = 0; i < managers->len; i++, y++)
    {
      CrmManager *m = managers->pdata[i];
      PlanRow *row = g_new0 (PlanRow, 1);
      GtkWidget *name = gtk_label_new (m->name);

      row->manager_id = m->id;
      row->name = g_strdup (m->name);
      crm_target_init (&row->target, m->id, month);
      for (guint t = 0; t < targets->len; t++)
        if (g_array_index (targets, CrmTarget, t).manager_id == m->id)
          row->target = g_array_index (targets, CrmTarget, t);
      g_ptr_array_add (self->rows, row);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (name), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
      gtk_widget_set_valign (name, GTK_ALIGN_START);
      gtk_widget_set_margin_top (name, 8);
      gtk_widget_set_tooltip_text (name, m->name);
      gtk_grid_attach (self->grid, name, 0, y, 1, 1);
      for (int k = 0; k < CRM_N_KPI; k++)
        add_cell (self, row, k, y);
    }

  if (managers->len > 0)
    {
      GtkWidget *team = header_label (_("Team"), 0);

      gtk_widget_set_valign (team, GTK_ALIGN_START);
      gtk_grid_attach (self->grid, team, 0, y, 1, 1);
      for (int k = 0; k < CRM_N_KPI; k++)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          GtkWidget *plan = header_label (NULL, 1);

          gtk_widget_add_css_class (plan, "figure");
          self->team_labels[k] = GTK_LABEL (achievement_label ());
          g_object_set_data (G_OBJECT (self->team_labels[k]), "plan", plan);
          gtk_box_append (GTK_BOX (box), plan);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->team_labels[k]));
          gtk_grid_attach (self->grid, box, 1 + k, y, 1, 1);
        }
    }
  gtk_widget_set_visible (self->empty_label, managers->len == 0);
  crm_team_plan_update_achievements (self);
  load_actuals (self);
}

/* Targets written elsewhere (another window, the command line, "copy last
 * month"): the cells being edited are left alone, the others follow. */
void
crm_team_plan_refresh_targets (CrmTeamPlan *self)
{
  g_autoptr(GArray) targets = NULL;
  g_autofree char *month = month_key (self);
  GtkWidget *focus = crm_screen_get_focus (GTK_WIDGET (self));

  if (self->database == NULL || (targets = crm_target_store_list (self->database, month, month, NULL)) == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = self->rows->pdata[i];

      CrmTarget shown = row->target;

      crm_target_init (&row->target, row->manager_id, month);
      for (guint t = 0; t < targets->len; t++)
        if (g_array_index (targets, CrmTarget, t).manager_id == row->manager_id)
          row->target = g_array_index (targets, CrmTarget, t);
      for (int k = 0; k < CRM_N_KPI; k++)
        {
          /* A cell on its way to the database keeps the value it is writing. */
          if (crm_team_plan_cell_is_saving (row->entries[k]))
            row->target.values[k] = shown.values[k];
          else if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (row->entries[k])))
            crm_team_plan_show_cell (self, row, k);
        }
    }
  crm_team_plan_update_achievements (self);
}

/* ---- the actual figures ------------------------------------------------- */

static void
actuals_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(CrmTeamPlan) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTeamActuals) actuals = crm_team_actuals_load_finish (result, &error);
  g_autofree char *month = NULL;

  if (actuals == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  crm_team_plan_update_spinner (self);
  if (actuals == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("What the team achieved could not be computed: %s"), error->message);
      crm_team_plan_toast (self, text);
      return;
    }
  month = month_key (self);
  if (!g_str_equal (month, actuals->month))
    return;
  g_clear_pointer (&self->actuals, crm_team_actuals_free);
  self->actuals = g_steal_pointer (&actuals);
  crm_team_plan_update_achievements (self);
}

static void
load_actuals (CrmTeamPlan *self)
{
  g_autofree char *month = month_key (self);

  if (self->database == NULL)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->actuals != NULL && !g_str_equal (self->actuals->month, month))
    {
      g_clear_pointer (&self->actuals, crm_team_actuals_free);
      crm_team_plan_update_achievements (self);
    }
  self->cancellable = g_cancellable_new ();
  crm_team_plan_update_spinner (self);
  crm_team_actuals_load_async (crm_database_get_path (self->database), month, self->cancellable,
                               actuals_loaded_cb, g_object_ref (self));
}

gboolean
crm_team_plan_is_loading (CrmTeamPlan *self)
{
  g_return_val_if_fail (CRM_IS_TEAM_PLAN (self), FALSE);
  return self->cancellable != NULL || self->dirty;
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmTeamPlan *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (g_str_equal (table, "manager") || g_str_equal (table, "setting"))
    rebuild (self);
  else if (g_str_equal (table, "kpi_target"))
    crm_team_plan_refresh_targets (self);
  else
    load_actuals (self);
}

static void
crm_team_plan_map (GtkWidget *widget)
{
  CrmTeamPlan *self = CRM_TEAM_PLAN (widget);

  GTK_WIDGET_CLASS (crm_team_plan_parent_class)->map (widget);
  if (self->dirty)
    {
      self->dirty = FALSE;
      rebuild (self);
    }
}

/* ---- months ------------------------------------------------------------- */

void
crm_team_plan_set_month (CrmTeamPlan *self, CrmPeriod *month)
{
  g_return_if_fail (CRM_IS_TEAM_PLAN (self));
  g_return_if_fail (crm_period_get_kind (month) == CRM_PERIOD_MONTH);

  g_clear_pointer (&self->month, crm_period_unref);
  self->month = crm_period_ref (month);
  rebuild (self);
}

static void
step_month_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmTeamPlan *self = CRM_TEAM_PLAN (widget);
  g_autoptr(CrmPeriod) month = g_str_equal (action_name, "plan.next-month") ? crm_period_next (self->month)
                                                                             : crm_period_previous (self->month);

  crm_team_plan_set_month (self, month);
}

static void
this_month_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GDate today;
  g_autoptr(CrmPeriod) month = NULL;

  crm_date_set_today (&today);
  month = crm_period_new_containing (CRM_PERIOD_MONTH, &today);
  crm_team_plan_set_month (CRM_TEAM_PLAN (widget), month);
}

/* ---- public ------------------------------------------------------------- */

GtkEntry *
crm_team_plan_get_entry (CrmTeamPlan *self, gint64 manager_id, CrmKpiIndicator kpi)
{
  g_return_val_if_fail (CRM_IS_TEAM_PLAN (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = self->rows->pdata[i];
      if (row->manager_id == manager_id)
        return row->entries[kpi];
    }
  return NULL;
}

GtkLabel *
crm_team_plan_get_achievement (CrmTeamPlan *self, gint64 manager_id, CrmKpiIndicator kpi)
{
  g_return_val_if_fail (CRM_IS_TEAM_PLAN (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = self->rows->pdata[i];
      if (row->manager_id == manager_id)
        return row->labels[kpi];
    }
  return NULL;
}

void
crm_team_plan_set_database (CrmTeamPlan *self, CrmDatabase *database)
{
  static const char * const tables[] = { "manager", "setting", "kpi_target", "activity", "payment", "client", NULL };

  g_return_if_fail (CRM_IS_TEAM_PLAN (self));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    crm_screen_watch_tables (GTK_WIDGET (self), database, tables, G_CALLBACK (database_changed_cb));
  g_clear_pointer (&self->actuals, crm_team_actuals_free);
  /* Built when first shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

GtkWidget *
crm_team_plan_new (void)
{
  return g_object_new (CRM_TYPE_TEAM_PLAN, NULL);
}

static void
crm_team_plan_dispose (GObject *object)
{
  CrmTeamPlan *self = CRM_TEAM_PLAN (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  if (self->rows != NULL)
    clear_grid (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_TEAM_PLAN);
  G_OBJECT_CLASS (crm_team_plan_parent_class)->dispose (object);
}

static void
crm_team_plan_finalize (GObject *object)
{
  CrmTeamPlan *self = CRM_TEAM_PLAN (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->month, crm_period_unref);
  g_clear_pointer (&self->actuals, crm_team_actuals_free);
  g_free (self->currency);
  G_OBJECT_CLASS (crm_team_plan_parent_class)->finalize (object);
}

static void
crm_team_plan_class_init (CrmTeamPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_team_plan_dispose;
  object_class->finalize = crm_team_plan_finalize;
  widget_class->map = crm_team_plan_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-team-plan.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPlan, month_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPlan, grid);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPlan, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPlan, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPlan, empty_label);

  gtk_widget_class_install_action (widget_class, "plan.previous-month", NULL, step_month_activated);
  gtk_widget_class_install_action (widget_class, "plan.next-month", NULL, step_month_activated);
  gtk_widget_class_install_action (widget_class, "plan.this-month", NULL, this_month_activated);
  gtk_widget_class_install_action (widget_class, "plan.copy-previous", NULL, crm_team_plan_copy_previous_activated);
}

static void
crm_team_plan_init (CrmTeamPlan *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GDate today;
  struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "plan.previous-month" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "plan.next-month" },
    { GDK_KEY_Home, GDK_CONTROL_MASK | GDK_ALT_MASK, "plan.this-month" },
    { GDK_KEY_d, GDK_CONTROL_MASK, "plan.copy-previous" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_row_free);
  crm_date_set_today (&today);
  self->month = crm_period_new_containing (CRM_PERIOD_MONTH, &today);
  gtk_label_set_label (self->month_label, "");

  /* Before the scrolled window (which scrolls sideways on Ctrl+Page Up/Down)
   * and the entries see the keys. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
