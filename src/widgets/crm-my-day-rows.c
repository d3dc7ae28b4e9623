/* crm-my-day-rows.c — the rows of "My day" and their one-click buttons
 *
 * An activity: its type, time, client and state, with "log the call" /
 * "mark done", "move to tomorrow" and "open the client". A client to
 * follow up (a person or a company) and a deal stuck in a stage: "schedule
 * a call" and "open the client". Activating a row opens the activity, or
 * the client.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-money.h"
#include "crm-my-day-private.h"
#include "crm-recurrence.h"

/* The icons of the rows: each says one thing on the screen. */
#define ICON_OPEN_CLIENT "x-office-address-book-symbolic"   /* as the Clients screen */
#define ICON_TOMORROW    "go-jump-symbolic"
#define ICON_DONE        "emblem-ok-symbolic"
#define ICON_CALL        "call-start-symbolic"
#define ICON_PERSON      "avatar-default-symbolic"
#define ICON_COMPANY     "system-users-symbolic"
#define ICON_DEAL        "emblem-documents-symbolic"         /* as the Deals screen */

static void
mark_done_clicked_cb (GtkButton *button, CrmMyDay *self)
{
  crm_my_day_mark_done (self, GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "activity"));
}

static void
tomorrow_clicked_cb (GtkButton *button, CrmMyDay *self)
{
  crm_my_day_move_to_tomorrow (self, GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "activity"));
}

static void
client_clicked_cb (GtkButton *button, CrmMyDay *self)
{
  crm_my_day_open_client (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "client-id")));
}

static void
call_clicked_cb (GtkButton *button, CrmMyDay *self)
{
  crm_my_day_schedule_call (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "client-id")),
                            g_object_get_data (G_OBJECT (button), "client-name"));
}

static GtkWidget *
row_button (GtkWidget *row, const char *icon, const char *tooltip, GCallback callback, CrmMyDay *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
set_client (GtkWidget *widget, gint64 client_id, const char *name)
{
  g_object_set_data (G_OBJECT (widget), "client-id", GSIZE_TO_POINTER ((gsize) client_id));
  g_object_set_data_full (G_OBJECT (widget), "client-name", g_strdup (name), g_free);
}

/* As the client card and its history show them. */
static const char *
type_icon (CrmActivityType type)
{
  switch (type)
    {
    case CRM_ACTIVITY_CALL:
      return ICON_CALL;
    case CRM_ACTIVITY_MEETING:
      return "x-office-calendar-symbolic";
    case CRM_ACTIVITY_TASK:
    default:
      return "task-due-symbolic";
    }
}

GtkWidget *
crm_my_day_activity_row (CrmMyDay *self, CrmActivity *a, gint64 now, gboolean with_date)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (type_icon (a->type));
  CrmActivityLook look = crm_calendar_look (a, now);
  g_autofree char *summary = crm_activity_get_summary (a);
  g_autofree char *when = a->all_day ? g_strdup (_("All day"))
                          : crm_calendar_format_range (a->starts_at, a->starts_at + (gint64) a->duration_min * 60);
  GString *sub = g_string_new (NULL);

  if (with_date)
    {
      GDate day;
      g_autofree char *date = NULL;
      crm_calendar_date_of (a->starts_at, &day);
      date = crm_calendar_format_day (&day, FALSE);
      g_string_append_printf (sub, "%s, ", date);
    }
  g_string_append (sub, when);
  if (a->client_name != NULL && *a->client_name != '\0' && a->title != NULL && *a->title != '\0')
    g_string_append_printf (sub, " · %s", a->client_name);
  if (look != CRM_LOOK_PLANNED)
    g_string_append_printf (sub, " · %s", crm_calendar_look_label (look));
  if (crm_activity_in_series (a))
    g_string_append_printf (sub, " · %s", _("repeats"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
  g_string_free (sub, TRUE);
  gtk_widget_set_tooltip_text (icon, crm_activity_type_to_label (a->type));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (look == CRM_LOOK_OVERDUE)
    gtk_widget_add_css_class (icon, "error");
  else if (look != CRM_LOOK_PLANNED)
    gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "activity", g_object_ref (a), g_object_unref);

  if (a->state == CRM_STATE_PLANNED)
    {
      GtkWidget *b;
      b = row_button (row, ICON_DONE,
                      a->type == CRM_ACTIVITY_CALL ? _("Log the call") : _("Mark done"),
                      G_CALLBACK (mark_done_clicked_cb), self);
      g_object_set_data_full (G_OBJECT (b), "activity", g_object_ref (a), g_object_unref);
      b = row_button (row, ICON_TOMORROW, _("Move to tomorrow"), G_CALLBACK (tomorrow_clicked_cb), self);
      g_object_set_data_full (G_OBJECT (b), "activity", g_object_ref (a), g_object_unref);
    }
  if (a->client_id > 0)
    set_client (row_button (row, ICON_OPEN_CLIENT, _("Open the client"), G_CALLBACK (client_clicked_cb), self),
                a->client_id, a->client_name);
  return row;
}

/* A row about a client: activated, it opens the client; its buttons
 * schedule a call and open the client. */
static void
add_client_buttons (CrmMyDay *self, GtkWidget *row, gint64 client_id, const char *name)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  set_client (row, client_id, name);
  set_client (row_button (row, ICON_CALL, _("Schedule a call"), G_CALLBACK (call_clicked_cb), self),
              client_id, name);
  set_client (row_button (row, ICON_OPEN_CLIENT, _("Open the client"), G_CALLBACK (client_clicked_cb), self),
              client_id, name);
}

static char *
days_ago (gint64 then, gint64 now)
{
  int days = (int) MAX (0, (now - then) / 86400);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
}

GtkWidget *
crm_my_day_client_row (CrmMyDay *self, CrmClient *c, gint64 now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (c->kind == CRM_CLIENT_COMPANY ? ICON_COMPANY : ICON_PERSON);
  g_autofree char *ago = NULL;
  g_autofree char *subtitle = NULL;

  if (c->last_contact_at > 0)
    {
      ago = days_ago (c->last_contact_at, now);
      subtitle = g_strdup_printf (_("Last contact %s"), ago);
    }
  else
    {
      ago = days_ago (c->created_at, now);
      subtitle = g_strdup_printf (_("No contact yet; a client since %s"), ago);
    }
  if (c->company != NULL && *c->company != '\0' && g_strcmp0 (c->company, c->name) != 0)
    {
      g_autofree char *with_company = g_strdup_printf ("%s · %s", c->company, subtitle);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_company);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (icon, crm_client_kind_to_label (c->kind));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  add_client_buttons (self, row, c->id, c->name);
  return row;
}

GtkWidget *
crm_my_day_deal_row (CrmMyDay *self, CrmDeal *d, gint64 now, const char *currency)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = crm_money_format (d->amount, currency, CRM_MONEY_WHOLE);
  int days = (int) MAX (0, (now - d->stage_changed_at) / 86400);
  g_autofree char *stuck = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s for %d day", "%s for %d days", days),
                                            crm_deal_stage_to_label (d->stage), days);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", d->client_name, stuck, amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (ICON_DEAL));
  add_client_buttons (self, row, d->client_id, d->client_name);
  return row;
}

void
crm_my_day_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
crm_my_day_add_placeholder (GtkListBox *list, const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}
