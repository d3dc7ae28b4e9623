/* crm-deal-close-dialog.c — ask when a deal was won or lost, and why lost
 *
 * Moving a deal to won or lost closes it: the closing date counts in the
 * KPIs (won deals of the month, the funnel), so it is asked for, today by
 * default; a lost deal also needs its reason. The date may not be in the
 * future nor before the deal was created, and a lost deal needs a reason:
 * until then the closing button stays off and a line says why.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-close-dialog.h"
#include "crm-locale.h"
#include "crm-period.h"

struct _CrmDealCloseDialog {
  AdwMessageDialog  parent_instance;

  GtkCalendar      *calendar;
  GtkWidget        *reason_box;
  GtkEntry         *reason_entry;
  GtkLabel         *problem_label;

  CrmDeal          *deal;
  CrmDealStage      stage;
};

G_DEFINE_FINAL_TYPE (CrmDealCloseDialog, crm_deal_close_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
crm_deal_close_dialog_get_closed_on (CrmDealCloseDialog *self)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (CRM_IS_DEAL_CLOSE_DIALOG (self), NULL);
  day = gtk_calendar_get_date (self->calendar);
  return g_date_time_format (day, "%Y-%m-%d");
}

void
crm_deal_close_dialog_set_closed_on (CrmDealCloseDialog *self, const char *iso_date)
{
  GDate date;
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (CRM_IS_DEAL_CLOSE_DIALOG (self));
  if (!crm_date_parse_iso (iso_date, &date))
    return;
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, day);
  g_signal_emit_by_name (self->calendar, "day-selected");
}

const char *
crm_deal_close_dialog_get_reason (CrmDealCloseDialog *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CLOSE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
}

CrmDeal *
crm_deal_close_dialog_get_deal (CrmDealCloseDialog *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CLOSE_DIALOG (self), NULL);
  return self->deal;
}

CrmDealStage
crm_deal_close_dialog_get_stage (CrmDealCloseDialog *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CLOSE_DIALOG (self), CRM_STAGE_WON);
  return self->stage;
}

/* What stops the deal from being closed as entered; NULL when nothing. */
static char *
find_problem (CrmDealCloseDialog *self)
{
  g_autofree char *closed_on = crm_deal_close_dialog_get_closed_on (self);
  g_autofree char *today = NULL;
  g_autofree char *created = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (crm_deal_close_dialog_get_reason (self)));
  GDate d;

  crm_date_set_today (&d);
  today = crm_date_to_iso (&d);
  if (g_strcmp0 (closed_on, today) > 0)
    return g_strdup (_("The closing date cannot be in the future."));
  if (self->deal->created_at > 0)
    {
      g_autoptr(GDateTime) c = g_date_time_new_from_unix_local (self->deal->created_at);
      created = g_date_time_format (c, "%Y-%m-%d");
      if (g_strcmp0 (closed_on, created) < 0)
        {
          g_autofree char *shown = crm_locale_format_iso_date (created);
          /* Translators: %s is a date */
          return g_strdup_printf (_("The deal was created on %s: it cannot close before that."), shown);
        }
    }
  if (self->stage == CRM_STAGE_LOST && *reason == '\0')
    return g_strdup (_("Say why the deal was lost: it helps to see which reasons come up most."));
  return NULL;
}

static void
update_state (CrmDealCloseDialog *self)
{
  g_autofree char *problem = find_problem (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "close", problem == NULL);
  /* Always there, so that the dialog does not change size as one types. */
  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
}

static void
input_changed_cb (GObject *object, CrmDealCloseDialog *self)
{
  update_state (self);
}

static void
reason_activated_cb (GtkEntry *entry, CrmDealCloseDialog *self)
{
  /* As the button would: answer, then close. */
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "close"))
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "close");
      gtk_window_close (GTK_WINDOW (self));
    }
}

CrmDealCloseDialog *
crm_deal_close_dialog_new (GtkWindow *parent, CrmDeal *deal, CrmDealStage stage)
{
  CrmDealCloseDialog *self;
  gboolean won = stage == CRM_STAGE_WON;

  g_return_val_if_fail (CRM_IS_DEAL (deal), NULL);
  g_return_val_if_fail (stage == CRM_STAGE_WON || stage == CRM_STAGE_LOST, NULL);

  self = g_object_new (CRM_TYPE_DEAL_CLOSE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", won ? _("Deal Won") : _("Deal Lost"),
                       NULL);
  self->deal = g_object_ref (deal);
  self->stage = stage;
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  won ? _("When was “%s” won?") : _("When and why was “%s” lost?"),
                                  deal->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "close", won ? _("Mark as _Won") : _("Mark as _Lost"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "close",
                                              won ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  gtk_widget_set_visible (self->reason_box, !won);
  if (!won)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->reason_entry));
  update_state (self);
  return self;
}

static void
crm_deal_close_dialog_dispose (GObject *object)
{
  CrmDealCloseDialog *self = CRM_DEAL_CLOSE_DIALOG (object);

  g_clear_object (&self->deal);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DEAL_CLOSE_DIALOG);
  G_OBJECT_CLASS (crm_deal_close_dialog_parent_class)->dispose (object);
}

static void
crm_deal_close_dialog_class_init (CrmDealCloseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_close_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-deal-close-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealCloseDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCloseDialog, reason_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCloseDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCloseDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_activated_cb);
}

static void
crm_deal_close_dialog_init (CrmDealCloseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
