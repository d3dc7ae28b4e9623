/* crm-client-timeline.c — a row of the client's history
 *
 * "Outbound call, 12 min — interested in the offer", with when and who
 * under it, and the money on the right: payments as income, complaint
 * costs as loss.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-client-timeline.h"
#include "crm-locale.h"
#include "crm-money.h"

static char *
format_time (gint64 at)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (at);
  g_autofree char *day = g_date_time_format (dt, "%Y-%m-%d");
  g_autofree char *date = crm_locale_format_iso_date (day);
  g_autofree char *time = g_date_time_format (dt, "%H:%M");

  /* Translators: a day and a time, "Nov 27, 2026 14:30" */
  return g_strdup_printf (C_("date and time", "%s %s"), date, time);
}

static char *
join_parts (const char *first, ...)
{
  g_autoptr(GString) s = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    if (*p != '\0')
      {
        if (s->len > 0)
          g_string_append (s, " · ");
        g_string_append (s, p);
      }
  va_end (args);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
activity_title (CrmActivity *a)
{
  g_autofree char *what = NULL;
  const char *detail = a->outcome != NULL && *a->outcome ? a->outcome : a->title;

  if (a->type == CRM_ACTIVITY_CALL && a->direction == CRM_DIRECTION_INBOUND)
    what = g_strdup_printf (_("Inbound call, %d min"), a->duration_min);
  else if (a->type == CRM_ACTIVITY_CALL && a->direction == CRM_DIRECTION_OUTBOUND)
    what = g_strdup_printf (_("Outbound call, %d min"), a->duration_min);
  else if (a->type == CRM_ACTIVITY_CALL)
    what = g_strdup_printf (_("Call, %d min"), a->duration_min);
  else if (a->type == CRM_ACTIVITY_MEETING)
    what = g_strdup_printf (_("Meeting, %d min"), a->duration_min);
  else
    what = g_strdup (crm_activity_type_to_label (a->type));
  if (detail != NULL && *detail != '\0')
    /* Translators: "Outbound call, 12 min — interested in the offer" */
    return g_strdup_printf (_("%s — %s"), what, detail);
  return g_steal_pointer (&what);
}

static GtkWidget *
money_label (gint64 amount, const char *currency, const char *sign, const char *css_class)
{
  g_autofree char *money = crm_money_format (amount, currency, CRM_MONEY_DEFAULT);
  g_autofree char *text = g_strconcat (sign, money, NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

GtkWidget *
crm_client_timeline_row_new (const CrmTimelineEntry *entry, const char *currency)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;
  const char *icon = NULL;
  GtkWidget *suffix = NULL;

  switch (entry->kind)
    {
    case CRM_TIMELINE_ACTIVITY:
      {
        CrmActivity *a = CRM_ACTIVITY (entry->object);

        when = format_time (a->starts_at);
        title = activity_title (a);
        subtitle = join_parts (when, a->manager_name != NULL ? a->manager_name : "",
                               a->location != NULL ? a->location : "", NULL);
        if (a->type == CRM_ACTIVITY_CALL)
          icon = a->direction == CRM_DIRECTION_INBOUND ? "call-incoming-symbolic" : "call-outgoing-symbolic";
        else if (a->type == CRM_ACTIVITY_MEETING)
          icon = "x-office-calendar-symbolic";
        else
          icon = "task-due-symbolic";
        if (a->state != CRM_STATE_DONE)
          suffix = dim_label (crm_activity_state_to_label (a->state));
        break;
      }
    case CRM_TIMELINE_DEAL:
      {
        CrmDeal *d = CRM_DEAL (entry->object);
        g_autofree char *close = NULL;

        when = format_time (d->stage_changed_at);
        /* Translators: a deal in the client's history: "Deal “Office chairs”: Proposal" */
        title = g_strdup_printf (_("Deal “%s”: %s"), d->title, crm_deal_stage_to_label (d->stage));
        if (crm_deal_stage_is_open (d->stage) && d->expected_close != NULL)
          {
            g_autofree char *day = crm_locale_format_iso_date (d->expected_close);
            close = g_strdup_printf (_("expected to close %s"), day);
          }
        subtitle = join_parts (when, d->manager_name != NULL ? d->manager_name : "",
                               close != NULL ? close : "", NULL);
        icon = "emblem-documents-symbolic";
        suffix = money_label (d->amount, currency, "", d->stage == CRM_STAGE_LOST ? "dim-label" : NULL);
        break;
      }
    case CRM_TIMELINE_PAYMENT:
      {
        CrmPayment *p = CRM_PAYMENT (entry->object);

        when = crm_locale_format_iso_date (p->paid_on);
        title = p->note != NULL && *p->note ? g_strdup_printf (_("Payment — %s"), p->note) : g_strdup (_("Payment"));
        subtitle = join_parts (when, p->manager_name != NULL ? p->manager_name : "", NULL);
        icon = "auth-smartcard-symbolic";     /* as the card's Payment button */
        suffix = money_label (p->amount, currency, "+", "success");
        break;
      }
    case CRM_TIMELINE_COMPLAINT:
    default:
      {
        CrmComplaint *k = CRM_COMPLAINT (entry->object);

        when = crm_locale_format_iso_date (k->opened_on);
        title = k->description != NULL && *k->description
                ? g_strdup_printf (_("Complaint — %s"), k->description) : g_strdup (_("Complaint"));
        subtitle = join_parts (when, crm_complaint_status_to_label (k->status),
                               k->manager_name != NULL ? k->manager_name : "", NULL);
        icon = "dialog-warning-symbolic";
        suffix = money_label (k->cost, currency, "−", "error");
        break;
      }
    }

  /* Outcomes and names are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  if (suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}
