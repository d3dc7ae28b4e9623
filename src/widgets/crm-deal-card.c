/* crm-deal-card.c — one deal on the pipeline board
 *
 *   Annual service contract
 *   Northwind Ltd
 *   $12,000                    Anna Smith
 *   Close by Dec 12, 2026               (warning colour once overdue)
 *
 * The card is where a drag starts: it carries the CrmDeal itself, which a
 * stage column accepts.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-card.h"
#include "crm-locale.h"
#include "crm-money.h"
#include "crm-period.h"

struct _CrmDealCard {
  GtkBox     parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *client_label;
  GtkLabel  *amount_label;
  GtkLabel  *manager_label;
  GtkLabel  *date_label;

  CrmDeal   *deal;
};

G_DEFINE_FINAL_TYPE (CrmDealCard, crm_deal_card, GTK_TYPE_BOX)

static char *
describe_date (CrmDeal *deal, gboolean *overdue)
{
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;
  GDate d;

  *overdue = FALSE;
  if (deal->stage == CRM_STAGE_WON || deal->stage == CRM_STAGE_LOST)
    {
      date = crm_locale_format_iso_date (deal->closed_on);
      if (deal->stage == CRM_STAGE_WON)
        /* Translators: on a deal card; %s is a date */
        return g_strdup_printf (_("Won on %s"), date);
      if (deal->lost_reason != NULL && *deal->lost_reason != '\0')
        /* Translators: on a deal card; the date, then why the deal was lost */
        return g_strdup_printf (_("Lost on %s: %s"), date, deal->lost_reason);
      /* Translators: on a deal card; %s is a date */
      return g_strdup_printf (_("Lost on %s"), date);
    }
  if (deal->expected_close == NULL || *deal->expected_close == '\0')
    return g_strdup (_("No closing date expected"));
  crm_date_set_today (&d);
  today = crm_date_to_iso (&d);
  date = crm_locale_format_iso_date (deal->expected_close);
  *overdue = g_strcmp0 (deal->expected_close, today) < 0;
  if (*overdue)
    /* Translators: on a deal card; the expected closing date has passed */
    return g_strdup_printf (_("Overdue: expected by %s"), date);
  /* Translators: on a deal card; %s is the expected closing date */
  return g_strdup_printf (_("Close by %s"), date);
}

void
crm_deal_card_set (CrmDealCard *self, CrmDeal *deal, const char *currency)
{
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  g_autofree char *tooltip = NULL;
  gboolean overdue;

  g_return_if_fail (CRM_IS_DEAL_CARD (self));

  g_set_object (&self->deal, deal);
  if (deal == NULL)
    return;
  amount = crm_money_format (deal->amount, currency, CRM_MONEY_WHOLE);
  date = describe_date (deal, &overdue);
  gtk_label_set_label (self->title_label, deal->title);
  gtk_label_set_label (self->client_label, deal->client_name);
  gtk_label_set_label (self->amount_label, amount);
  gtk_label_set_label (self->manager_label, deal->manager_name);
  gtk_label_set_label (self->date_label, date);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_label), "warning");
  gtk_widget_set_opacity (GTK_WIDGET (self->date_label), overdue ? 1.0 : 0.75);
  tooltip = g_strdup_printf ("%s\n%s\n%s · %s\n%s", deal->title, deal->client_name, amount,
                             deal->manager_name, date);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

CrmDeal *
crm_deal_card_get_deal (CrmDealCard *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CARD (self), NULL);
  return self->deal;
}

GtkWidget *
crm_deal_card_new (void)
{
  return g_object_new (CRM_TYPE_DEAL_CARD, NULL);
}

/* ---- drag --------------------------------------------------------------- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, CrmDealCard *self)
{
  if (self->deal == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CRM_TYPE_DEAL, self->deal);
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, CrmDealCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 16, 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
drag_end_cb (GtkDragSource *source, GdkDrag *drag, gboolean delete_data, CrmDealCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_deal_card_dispose (GObject *object)
{
  CrmDealCard *self = CRM_DEAL_CARD (object);

  g_clear_object (&self->deal);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DEAL_CARD);
  G_OBJECT_CLASS (crm_deal_card_parent_class)->dispose (object);
}

static void
crm_deal_card_class_init (CrmDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-deal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCard, client_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCard, amount_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCard, manager_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCard, date_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_deal_card_init (CrmDealCard *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}
