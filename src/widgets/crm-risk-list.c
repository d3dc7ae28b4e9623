/* crm-risk-list.c — the early warning: managers at risk and why
 *
 * The managers at high risk first, then at medium risk, each with the
 * checks that put them there as sentences ("Deals expected to close in the
 * next 60 days are worth …: 4% of the … planned"); "Nobody is at risk" when
 * nobody is, "No managers yet" when there is nobody; the managers not judged yet (no plan and no history) dimmed at
 * the end. A manager who left is not listed. Activating a row emits
 * "manager-activated" with the manager's id.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-risk-list.h"

struct _CrmRiskList {
  AdwBin      parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CrmRiskList, crm_risk_list, ADW_TYPE_BIN)

enum {
  MANAGER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
crm_risk_list_new (void)
{
  return g_object_new (CRM_TYPE_RISK_LIST, NULL);
}

GtkListBox *
crm_risk_list_get_list (CrmRiskList *self)
{
  g_return_val_if_fail (CRM_IS_RISK_LIST (self), NULL);
  return self->list;
}

const char *
crm_risk_list_get_summary (CrmRiskList *self)
{
  g_return_val_if_fail (CRM_IS_RISK_LIST (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

static void
row_activated_cb (AdwActionRow *row, CrmRiskList *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "manager-id");

  if (id != NULL)
    g_signal_emit (self, signals[MANAGER_ACTIVATED], 0, *id);
}

static GtkWidget *
new_row (const char *title, const char *subtitle, const char *icon_name, const char *tone)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (tone != NULL)
    gtk_widget_add_css_class (icon, tone);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* The reasons that make the level, one sentence a line. */
static char *
describe_reasons (const CrmKpiRow *row, const char *currency)
{
  const CrmRisk *risk = &row->derived.risk;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < risk->n_reasons; i++)
    {
      const CrmRiskReason *reason = &risk->reasons[i];
      g_autofree char *sentence = NULL;

      if (risk->level != CRM_RISK_UNKNOWN && reason->level != risk->level &&
          !(risk->level == CRM_RISK_HIGH && reason->level == CRM_RISK_MEDIUM))
        continue;
      sentence = crm_risk_reason_describe (reason, currency);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, sentence);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_manager_row (CrmRiskList *self, const CrmKpiRow *row, const char *currency)
{
  CrmRiskLevel level = row->derived.risk.level;
  const char *tone = level == CRM_RISK_HIGH ? "error" : level == CRM_RISK_MEDIUM ? "warning" : NULL;
  g_autofree char *reasons = describe_reasons (row, currency);
  g_autofree char *tooltip = g_strdup_printf (_("Show the figures of %s"), row->name);
  GtkWidget *widget = new_row (row->name, reasons,
                               level == CRM_RISK_UNKNOWN ? "dialog-question-symbolic" : "dialog-warning-symbolic",
                               tone);
  GtkWidget *label = gtk_label_new (crm_risk_level_to_label (level));
  gint64 *id = g_new (gint64, 1);

  *id = row->manager_id;
  g_object_set_data_full (G_OBJECT (widget), "manager-id", id, g_free);
  g_object_set_data (G_OBJECT (widget), "risk-level", GINT_TO_POINTER (level));
  gtk_widget_add_css_class (label, "caption-heading");
  if (tone != NULL)
    gtk_widget_add_css_class (label, tone);
  else
    gtk_widget_add_css_class (widget, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), label);
  gtk_widget_set_tooltip_text (widget, tooltip);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
  g_signal_connect_object (widget, "activated", G_CALLBACK (row_activated_cb), self, 0);
  gtk_list_box_append (self->list, widget);
}

static int
compare_risk (gconstpointer a, gconstpointer b)
{
  const CrmKpiRow *x = *(const CrmKpiRow * const *) a;
  const CrmKpiRow *y = *(const CrmKpiRow * const *) b;
  int rank_x = x->derived.risk.level == CRM_RISK_UNKNOWN ? 0 : x->derived.risk.level;
  int rank_y = y->derived.risk.level == CRM_RISK_UNKNOWN ? 0 : y->derived.risk.level;

  if (rank_x != rank_y)
    return rank_y - rank_x;
  return g_utf8_collate (x->name, y->name);
}

static char *
summarize (guint n_high, guint n_medium)
{
  g_autofree char *high = NULL;
  g_autofree char *medium = NULL;

  if (n_high > 0)
    high = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u manager at high risk",
                                         "%u managers at high risk", n_high), n_high);
  if (n_medium > 0)
    medium = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u manager at medium risk",
                                           "%u managers at medium risk", n_medium), n_medium);
  if (high != NULL && medium != NULL)
    /* Translators: "2 managers at high risk, 5 managers at medium risk" */
    return g_strdup_printf (_("%1$s, %2$s"), high, medium);
  if (high != NULL)
    return g_steal_pointer (&high);
  if (medium != NULL)
    return g_steal_pointer (&medium);
  return g_strdup (_("Forecasts and meetings are on track."));
}

/* Shows the risk of every manager of @report, or only @manager_id's. */
void
crm_risk_list_set_report (CrmRiskList *self, const CrmKpiReport *report, gint64 manager_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  guint n_high = 0, n_medium = 0, n_active = 0;
  GtkWidget *child;

  g_return_if_fail (CRM_IS_RISK_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (report == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  for (guint i = 0; i < report->managers->len; i++)
    {
      CrmKpiRow *row = report->managers->pdata[i];

      if ((manager_id != 0 && row->manager_id != manager_id) || (manager_id == 0 && !row->active))
        continue;
      n_active++;
      if (row->derived.risk.level == CRM_RISK_HIGH)
        n_high++;
      else if (row->derived.risk.level == CRM_RISK_MEDIUM)
        n_medium++;
      else if (row->derived.risk.level != CRM_RISK_UNKNOWN)
        continue;
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_risk);

  if (manager_id == 0 && n_active == 0)
    {
      /* Nobody to judge: "on track" would be a false comfort. */
      gtk_list_box_append (self->list, new_row (_("No managers yet"), _("Add them on the Team screen."),
                                                "dialog-information-symbolic", NULL));
      gtk_label_set_label (self->summary_label, _("Nobody to judge yet."));
      return;
    }
  if (n_high + n_medium == 0)
    {
      const CrmKpiRow *only = manager_id != 0 ? crm_kpi_report_find_row ((CrmKpiReport *) report, manager_id) : NULL;
      g_autofree char *title = only != NULL && only->derived.risk.level == CRM_RISK_LOW
                               ? g_strdup_printf (_("%s is not at risk"), only->name)
                               : NULL;

      if (only == NULL || only->derived.risk.level == CRM_RISK_LOW)
        gtk_list_box_append (self->list, new_row (title != NULL ? title : _("Nobody is at risk"),
                                                  NULL, "emblem-ok-symbolic", "success"));
    }
  for (guint i = 0; i < rows->len; i++)
    add_manager_row (self, rows->pdata[i], report->currency);

  summary = summarize (n_high, n_medium);
  gtk_label_set_label (self->summary_label, summary);
}

static void
crm_risk_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_RISK_LIST);
  G_OBJECT_CLASS (crm_risk_list_parent_class)->dispose (object);
}

static void
crm_risk_list_class_init (CrmRiskListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_risk_list_dispose;

  /**
   * CrmRiskList::manager-activated:
   * @manager_id: the manager of the row
   */
  signals[MANAGER_ACTIVATED] =
    g_signal_new ("manager-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-risk-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRiskList, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRiskList, list);
}

static void
crm_risk_list_init (CrmRiskList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
