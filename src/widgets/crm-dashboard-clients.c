/* crm-dashboard-clients.c — the loss-making and complaint clients of a period
 *
 * The worst result first: the client, the manager who brought the client
 * (the owner), what the client paid and what the complaints cost, and the
 * result, red when negative. The first CRM_DASHBOARD_CLIENTS_SHOWN, then
 * "and N more". Activating a row emits "client-activated" with the client
 * and the owner.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-dashboard-clients.h"
#include "crm-money.h"

struct _CrmDashboardClients {
  AdwBin      parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CrmDashboardClients, crm_dashboard_clients, ADW_TYPE_BIN)

enum {
  CLIENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
crm_dashboard_clients_new (void)
{
  return g_object_new (CRM_TYPE_DASHBOARD_CLIENTS, NULL);
}

GtkListBox *
crm_dashboard_clients_get_list (CrmDashboardClients *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD_CLIENTS (self), NULL);
  return self->list;
}

const char *
crm_dashboard_clients_get_summary (CrmDashboardClients *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD_CLIENTS (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

static void
row_activated_cb (AdwActionRow *row, CrmDashboardClients *self)
{
  const CrmKpiClientLine *line = g_object_get_data (G_OBJECT (row), "client");

  if (line != NULL)
    g_signal_emit (self, signals[CLIENT_ACTIVATED], 0, line->client_id, line->manager_id);
}

static CrmKpiClientLine *
copy_line (const CrmKpiClientLine *line)
{
  CrmKpiClientLine *copy = g_memdup2 (line, sizeof *line);

  copy->name = g_strdup (line->name);
  copy->manager_name = g_strdup (line->manager_name);
  return copy;
}

static void
add_client_row (CrmDashboardClients *self, const CrmKpiClientLine *line, const char *currency)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *result_label;
  g_autofree char *paid = crm_money_format (line->revenue, currency, CRM_MONEY_WHOLE);
  g_autofree char *cost = crm_money_format (line->cost, currency, CRM_MONEY_WHOLE);
  g_autofree char *result = crm_money_format (line->revenue - line->cost, currency, CRM_MONEY_WHOLE);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;

  if (line->manager_name != NULL && *line->manager_name != '\0')
    subtitle = g_strdup_printf (_("Brought by %1$s · paid %2$s · complaints %3$s"),
                                line->manager_name, paid, cost);
  else
    subtitle = g_strdup_printf (_("Brought by nobody · paid %1$s · complaints %2$s"), paid, cost);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->name != NULL ? line->name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  result_label = gtk_label_new (result);
  gtk_widget_add_css_class (result_label, "heading");
  gtk_widget_add_css_class (result_label, "figure");
  if (line->revenue - line->cost < 0)
    gtk_widget_add_css_class (result_label, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), result_label);

  tooltip = g_strdup_printf (_("Open %s"), line->name != NULL ? line->name : "");
  gtk_widget_set_tooltip_text (row, tooltip);
  g_object_set_data_full (G_OBJECT (row), "client", copy_line (line), (GDestroyNotify) crm_kpi_client_line_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  gtk_list_box_append (self->list, row);
}

static void
add_note_row (CrmDashboardClients *self, const char *text, const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  else
    gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
}

void
crm_dashboard_clients_set_report (CrmDashboardClients *self, const CrmKpiReport *report)
{
  const CrmKpiFigures *f = NULL;
  g_autofree char *summary = NULL;
  guint total, shown;
  GtkWidget *child;

  g_return_if_fail (CRM_IS_DASHBOARD_CLIENTS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (report == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  if (report->has_team)
    f = &report->team.figures;
  else if (report->managers->len > 0)
    f = &((const CrmKpiRow *) report->managers->pdata[0])->figures;
  total = MAX (report->problem_clients->len, f != NULL ? (guint) f->clients_loss_or_complaint : 0);
  shown = MIN (report->problem_clients->len, CRM_DASHBOARD_CLIENTS_SHOWN);

  for (guint i = 0; i < shown; i++)
    add_client_row (self, report->problem_clients->pdata[i], report->currency);
  if (total > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more client",
                                                            "and %u more clients", total - shown),
                                               total - shown);
      add_note_row (self, more, NULL);
    }
  if (total == 0)
    add_note_row (self, _("No client cost money in this period"), "emblem-ok-symbolic");

  if (f != NULL && f->clients_active > 0)
    /* Translators: "Loss-making clients: 20 of 331; with complaints: 27" */
    summary = g_strdup_printf (_("Loss-making clients: %1$u of %2$u; with complaints: %3$u"),
                               (guint) f->clients_loss_making, (guint) f->clients_active,
                               (guint) f->clients_with_complaints);
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : _("No client paid or complained in this period"));
}

static void
crm_dashboard_clients_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DASHBOARD_CLIENTS);
  G_OBJECT_CLASS (crm_dashboard_clients_parent_class)->dispose (object);
}

static void
crm_dashboard_clients_class_init (CrmDashboardClientsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_dashboard_clients_dispose;

  /**
   * CrmDashboardClients::client-activated:
   * @client_id: the client of the row
   * @manager_id: the manager who brought the client (0: none)
   */
  signals[CLIENT_ACTIVATED] =
    g_signal_new ("client-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-dashboard-clients.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardClients, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardClients, list);
}

static void
crm_dashboard_clients_init (CrmDashboardClients *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
