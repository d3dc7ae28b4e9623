/* crm-client-dialogs.c — what can be done for a client: the forms
 *
 * One form per action of the client card, each a single step: the fields
 * start filled with what is most likely (the client's owner as the manager,
 * today, an outbound call of five minutes), Enter saves. What the person
 * typed is checked at the field before the store sees it; what the store
 * still refuses is shown at the field it names. The row is written by the
 * store's writer thread (crm_database_write_async), so a database locked
 * by another program does not freeze the window; the toast comes once the
 * row is committed.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "crm-activity-store.h"
#include "crm-client-check.h"
#include "crm-client-date-button.h"
#include "crm-client-dialogs.h"
#include "crm-client-fields.h"
#include "crm-client-store.h"
#include "crm-complaint-store.h"
#include "crm-deal-store.h"
#include "crm-locale.h"
#include "crm-manager-picker.h"
#include "crm-money.h"
#include "crm-payment-store.h"
#include "crm-setting-store.h"
#include "crm-window.h"

#define DEFAULT_CALL_MINUTES 5
#define DEFAULT_MEETING_MINUTES 60

typedef struct {
  CrmDatabase   *db;
  CrmClient     *client;
  CrmSettings   *settings;
  CrmClientForm *form;            /* not owned */
  GHashTable    *widgets;         /* name → the widget holding the value */
  CrmClientCreatedFunc created;
  gpointer       created_data;
} FormData;

static void
form_data_free (FormData *data)
{
  g_clear_object (&data->db);
  g_clear_object (&data->client);
  g_clear_pointer (&data->settings, crm_settings_free);
  g_clear_pointer (&data->widgets, g_hash_table_unref);
  g_free (data);
}

static FormData *
form_data_new (CrmDatabase *db, CrmClient *client)
{
  FormData *data = g_new0 (FormData, 1);

  data->db = g_object_ref (db);
  data->client = client != NULL ? crm_client_copy (client) : NULL;
  data->settings = crm_setting_store_load (db, NULL);
  if (data->settings == NULL)
    data->settings = crm_settings_new ();
  data->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return data;
}

static GtkWidget *
widget_of (FormData *data, const char *name)
{
  return g_hash_table_lookup (data->widgets, name);
}

/* Adds @row to the form; @value_widget (NULL: the row) holds the value. */
static void
add_row (FormData *data, const char *field, const char *name, GtkWidget *row, GtkWidget *value_widget)
{
  gtk_widget_set_name (row, name);
  crm_client_form_add (data->form, field, row);
  g_hash_table_insert (data->widgets, g_strdup (name), value_widget != NULL ? value_widget : row);
}

static const char *
text_of (FormData *data, const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget_of (data, name)));
}

static void
add_date_row (FormData *data, const char *field, const char *name, const char *title, const char *iso_date,
              gboolean allow_none)
{
  GtkWidget *button;
  GtkWidget *row = crm_client_field_date (title, iso_date, allow_none, &button);

  add_row (data, field, name, row, button);
}

static char *
date_of (FormData *data, const char *name)
{
  return g_strdup (crm_client_date_button_get_date (CRM_CLIENT_DATE_BUTTON (widget_of (data, name))));
}

static gint64
manager_of (FormData *data)
{
  return crm_manager_picker_get_manager_id (CRM_MANAGER_PICKER (widget_of (data, "manager_id")));
}

static gint64
default_manager (FormData *data)
{
  if (data->client != NULL && data->client->owner_id > 0)
    return data->client->owner_id;
  return data->settings->current_manager_id;
}

static void
add_manager_row (FormData *data, const char *title)
{
  GtkWidget *picker;
  GtkWidget *row = crm_client_field_manager (title, data->db, NULL, default_manager (data), &picker);

  add_row (data, "manager_id", "manager_id", row, picker);
}

static gboolean
check_manager (FormData *data, const char *message)
{
  if (manager_of (data) > 0)
    return TRUE;
  crm_client_form_set_error (data->form, "manager_id", message);
  return FALSE;
}

static char *
today_iso (int days_ahead)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_ahead);
  return g_date_time_format (day, "%Y-%m-%d");
}

/* An amount of money typed in @name; empty is @empty_value (or an error
 * when @empty_value is negative). */
static gboolean
parse_money (FormData *data, const char *name, gint64 empty_value, const char *empty_message, gint64 *out)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (data, name)));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      if (empty_value >= 0)
        {
          *out = empty_value;
          return TRUE;
        }
      crm_client_form_set_error (data->form, name, empty_message);
      return FALSE;
    }
  if (!crm_money_parse (text, data->settings->currency, out, &error))
    {
      crm_client_form_set_error (data->form, name, error->message);
      return FALSE;
    }
  if (*out < 0)
    {
      crm_client_form_set_error (data->form, name, _("The amount cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

/* The trimmed text of @name; NULL, and @message under it, when empty. */
static char *
required_text (FormData *data, const char *name, const char *message)
{
  char *text = g_strstrip (g_strdup (text_of (data, name)));

  if (*text != '\0')
    return text;
  g_free (text);
  crm_client_form_set_error (data->form, name, message);
  return NULL;
}

static CrmClientForm *
present (FormData *data, GtkWidget *first)
{
  gtk_window_present (GTK_WINDOW (data->form));
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return data->form;
}

void
crm_client_dialogs_toast (GtkWidget *widget, const char *text)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  if (CRM_IS_CLIENT_FORM (root))
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), crm_toast_new (text));
}

static FormData *
start_form (GtkWidget *parent, CrmDatabase *db, CrmClient *client, const char *title, const char *save_label,
            CrmClientFormSaveFunc save, CrmClientFormSavedFunc saved)
{
  FormData *data = form_data_new (db, client);

  data->form = crm_client_form_new (parent, title, save_label);
  /* The title says what is done, the subtitle for whom. */
  if (client != NULL)
    crm_client_form_set_subtitle (data->form, client->name);
  crm_client_form_set_save_func (data->form, db, save, saved, data, (GDestroyNotify) form_data_free);
  return data;
}

/* ---- the writes, in the writer thread ------------------------------------ */

static const char * const client_tables[] = { "client", "client_tag", NULL };
static const char * const activity_tables[] = { "activity", NULL };
static const char * const deal_tables[] = { "deal", "deal_stage_change", NULL };
static const char * const payment_tables[] = { "payment", NULL };
static const char * const complaint_tables[] = { "complaint", NULL };

static gboolean
write_client (CrmDatabase *db, gpointer data, GError **error)
{
  return crm_client_store_create (db, data, error);
}

static gboolean
write_activity (CrmDatabase *db, gpointer data, GError **error)
{
  return crm_activity_store_create (db, data, error);
}

static gboolean
write_deal (CrmDatabase *db, gpointer data, GError **error)
{
  return crm_deal_store_create (db, data, error);
}

static gboolean
write_payment (CrmDatabase *db, gpointer data, GError **error)
{
  return crm_payment_store_create (db, data, error);
}

static gboolean
write_complaint (CrmDatabase *db, gpointer data, GError **error)
{
  return crm_complaint_store_create (db, data, error);
}

/* @object (owned) is written by @func. */
static gboolean
set_write (CrmClientFormWrite *write, CrmDatabaseWriteFunc func, gpointer object, const char * const *tables)
{
  write->func = func;
  write->data = object;
  write->destroy = g_object_unref;
  write->tables = tables;
  return TRUE;
}

/* ---- new client --------------------------------------------------------- */

static gboolean
check_client_fields (CrmClientForm *form, const char *name, const char *phones, const char *emails)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  gboolean ok = TRUE;

  if (!crm_client_check_name (name, &e1))
    {
      crm_client_form_set_error (form, "name", e1->message);
      ok = FALSE;
    }
  if (!crm_client_check_phones (phones, &e2))
    {
      crm_client_form_set_error (form, "phones", e2->message);
      ok = FALSE;
    }
  if (!crm_client_check_emails (emails, &e3))
    {
      crm_client_form_set_error (form, "emails", e3->message);
      ok = FALSE;
    }
  return ok;
}

static char *
join_lines (const char *text)
{
  g_auto(GStrv) values = crm_client_split_values (text);
  return g_strjoinv ("\n", values);
}

static gboolean
save_new_client (CrmClientForm *form, gpointer user_data, CrmClientFormWrite *write)
{
  FormData *data = user_data;
  g_autoptr(CrmClient) client = crm_client_new ();

  if (!check_client_fields (form, text_of (data, "name"), text_of (data, "phones"), text_of (data, "emails")))
    return FALSE;
  client->name = g_strstrip (g_strdup (text_of (data, "name")));
  client->company = g_strstrip (g_strdup (text_of (data, "company")));
  client->phones = join_lines (text_of (data, "phones"));
  client->emails = join_lines (text_of (data, "emails"));
  client->kind = adw_combo_row_get_selected (ADW_COMBO_ROW (widget_of (data, "kind")));
  client->status = adw_combo_row_get_selected (ADW_COMBO_ROW (widget_of (data, "status")));
  client->source = adw_combo_row_get_selected (ADW_COMBO_ROW (widget_of (data, "source")));
  client->owner_id = crm_manager_picker_get_manager_id (CRM_MANAGER_PICKER (widget_of (data, "owner_id")));
  client->tags = crm_client_split_values (text_of (data, "tags"));
  return set_write (write, write_client, g_steal_pointer (&client), client_tables);
}

static void
new_client_saved (CrmClientForm *form, gpointer user_data, gpointer object)
{
  FormData *data = user_data;

  if (data->created != NULL)
    data->created (CRM_CLIENT (object)->id, data->created_data);
}

CrmClientForm *
crm_client_dialog_new_client (GtkWidget *parent, CrmDatabase *db, CrmClientCreatedFunc created, gpointer user_data)
{
  FormData *data = start_form (parent, db, NULL, _("New Client"), _("C_reate"), save_new_client,
                                new_client_saved);
  GtkWidget *name, *picker, *row;

  data->created = created;
  data->created_data = user_data;
  name = crm_client_field_entry (_("_Name"), NULL);
  add_row (data, "name", "name", name, NULL);
  add_row (data, NULL, "kind", crm_client_field_combo (_("_Kind"), crm_client_field_kind_labels (), CRM_CLIENT_PERSON), NULL);
  add_row (data, NULL, "company", crm_client_field_entry (_("Co_mpany"), NULL), NULL);
  add_row (data, "phones", "phones", crm_client_field_entry (_("_Phone"), NULL), NULL);
  add_row (data, "emails", "emails", crm_client_field_entry (_("_E-mail"), NULL), NULL);
  add_row (data, NULL, "status",
           crm_client_field_combo (_("_Status"), crm_client_field_status_labels (), CRM_STATUS_LEAD), NULL);
  add_row (data, NULL, "source",
           crm_client_field_combo (_("So_urce"), crm_client_field_source_labels (), CRM_SOURCE_OTHER), NULL);
  row = crm_client_field_manager (_("_Owner"), db, _("Nobody"), data->settings->current_manager_id, &picker);
  add_row (data, "owner_id", "owner_id", row, picker);
  add_row (data, NULL, "tags", crm_client_field_entry (_("_Tags (separated by commas)"), NULL), NULL);
  return present (data, name);
}

/* ---- log a call ----------------------------------------------------------- */

static gboolean
save_call (CrmClientForm *form, gpointer user_data, CrmClientFormWrite *write)
{
  FormData *data = user_data;
  g_autoptr(CrmActivity) call = crm_activity_new ();
  int minutes = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget_of (data, "minutes")));

  if (!check_manager (data, _("Choose the manager who made the call: add a manager on the Team screen first.")))
    return FALSE;
  call->type = CRM_ACTIVITY_CALL;
  call->state = CRM_STATE_DONE;
  call->client_id = data->client->id;
  call->manager_id = manager_of (data);
  call->direction = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget_of (data, "inbound")))
                    ? CRM_DIRECTION_INBOUND : CRM_DIRECTION_OUTBOUND;
  call->duration_min = minutes;
  /* Logged as it ends: it started that many minutes ago. */
  call->starts_at = g_get_real_time () / G_USEC_PER_SEC - (gint64) minutes * 60;
  call->outcome = g_strstrip (g_strdup (text_of (data, "outcome")));
  call->reminder_min = -1;
  return set_write (write, write_activity, g_steal_pointer (&call), activity_tables);
}

static void
call_saved (CrmClientForm *form, gpointer user_data, gpointer object)
{
  FormData *data = user_data;
  g_autofree char *done = g_strdup_printf (_("Call with %s logged."), data->client->name);

  crm_client_dialogs_toast (GTK_WIDGET (form), done);
}

CrmClientForm *
crm_client_dialog_log_call (GtkWidget *parent, CrmDatabase *db, CrmClient *client)
{
  FormData *data = start_form (parent, db, client, _("Log a Call"), _("_Log Call"), save_call, call_saved);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *outbound = gtk_toggle_button_new_with_mnemonic (_("_Outbound"));
  GtkWidget *inbound = gtk_toggle_button_new_with_mnemonic (_("_Inbound"));
  GtkWidget *outcome;
  GtkSpinButton *minutes_spin;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Direction"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (inbound), GTK_TOGGLE_BUTTON (outbound));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (outbound), TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), outbound);
  gtk_box_append (GTK_BOX (box), inbound);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  add_row (data, NULL, "direction", row, box);
  g_hash_table_insert (data->widgets, g_strdup ("inbound"), inbound);
  g_hash_table_insert (data->widgets, g_strdup ("outbound"), outbound);
  {
    GtkWidget *minutes = crm_client_field_spin (_("_Minutes"), 0, 600, 1, DEFAULT_CALL_MINUTES, &minutes_spin);
    add_row (data, "duration_min", "minutes", minutes, GTK_WIDGET (minutes_spin));
  }
  outcome = crm_client_field_entry (_("Out_come"), NULL);
  add_row (data, "outcome", "outcome", outcome, NULL);
  add_manager_row (data, _("_Manager"));
  /* Minutes, Tab, what came of it, Enter. */
  return present (data, GTK_WIDGET (minutes_spin));
}

/* ---- schedule a meeting --------------------------------------------------- */

/* "14:30", "9.05", "9" → minutes after midnight, or -1. */
static int
parse_time (const char *text)
{
  int h = 0, m = 0;
  char sep = 0, extra = 0;
  int n = sscanf (text, " %d %c %d %c", &h, &sep, &m, &extra);

  if (n == 1)
    m = 0;
  else if (n != 3 || (sep != ':' && sep != '.'))
    return -1;
  if (h < 0 || h > 23 || m < 0 || m > 59)
    return -1;
  return h * 60 + m;
}

static gint64
meeting_start (FormData *data)
{
  const char *date = crm_client_date_button_get_date (CRM_CLIENT_DATE_BUTTON (widget_of (data, "date")));
  int minutes = parse_time (text_of (data, "time"));
  int y, mo, d;
  g_autoptr(GDateTime) dt = NULL;

  if (minutes < 0 || date == NULL || sscanf (date, "%d-%d-%d", &y, &mo, &d) != 3)
    return 0;
  dt = g_date_time_new_local (y, mo, d, minutes / 60, minutes % 60, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/* Says, without stopping the save, when the manager is busy then. */
static void
check_conflicts (FormData *data)
{
  gint64 start = meeting_start (data);
  int duration = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget_of (data, "duration_min")));
  g_autoptr(GPtrArray) busy = NULL;
  g_autofree char *note = NULL;

  if (start > 0 && manager_of (data) > 0 && duration > 0)
    busy = crm_activity_store_find_conflicts (data->db, manager_of (data), start, start + duration * 60, 0, NULL);
  if (busy != NULL && busy->len > 0)
    {
      CrmActivity *a = busy->pdata[0];
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (a->starts_at);
      g_autoptr(GDateTime) to = g_date_time_add_minutes (from, a->duration_min);
      g_autofree char *f = g_date_time_format (from, "%H:%M");
      g_autofree char *t = g_date_time_format (to, "%H:%M");
      const char *what = a->client_name != NULL && *a->client_name ? a->client_name
                         : crm_activity_type_to_label (a->type);

      /* Translators: "Anna Petrova is busy then: Meeting — Ivan Sidorov, 10:00–11:00." */
      note = g_strdup_printf (_("%s is busy then: %s — %s, %s–%s."),
                              a->manager_name, crm_activity_type_to_label (a->type), what, f, t);
    }
  crm_client_form_set_note (data->form, "time", note);
}

static void
meeting_changed_cb (GObject *object, GParamSpec *pspec, FormData *data)
{
  check_conflicts (data);
}

static void
meeting_text_changed_cb (GtkEditable *editable, FormData *data)
{
  check_conflicts (data);
}

static gboolean
save_meeting (CrmClientForm *form, gpointer user_data, CrmClientFormWrite *write)
{
  FormData *data = user_data;
  g_autoptr(CrmActivity) meeting = crm_activity_new ();
  gint64 start = meeting_start (data);

  if (parse_time (text_of (data, "time")) < 0)
    {
      crm_client_form_set_error (form, "time", _("Enter the time as hours and minutes, for example 14:30."));
      return FALSE;
    }
  if (!check_manager (data, _("Choose the manager who meets the client: add a manager on the Team screen first.")))
    return FALSE;
  meeting->type = CRM_ACTIVITY_MEETING;
  meeting->state = CRM_STATE_PLANNED;
  meeting->client_id = data->client->id;
  meeting->manager_id = manager_of (data);
  meeting->starts_at = start;
  meeting->duration_min = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget_of (data, "duration_min")));
  meeting->title = g_strdup_printf (_("Meeting with %s"), data->client->name);
  meeting->location = g_strstrip (g_strdup (text_of (data, "location")));
  meeting->reminder_min = data->settings->reminder_min;
  return set_write (write, write_activity, g_steal_pointer (&meeting), activity_tables);
}

static void
meeting_saved (CrmClientForm *form, gpointer user_data, gpointer object)
{
  FormData *data = user_data;
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (CRM_ACTIVITY (object)->starts_at);
  g_autofree char *day = g_date_time_format (dt, "%Y-%m-%d");
  g_autofree char *day_text = crm_locale_format_iso_date (day);
  g_autofree char *time = g_date_time_format (dt, "%H:%M");
  g_autofree char *done = g_strdup_printf (_("Meeting with %s scheduled for %s at %s."),
                                           data->client->name, day_text, time);

  crm_client_dialogs_toast (GTK_WIDGET (form), done);
}

CrmClientForm *
crm_client_dialog_schedule_meeting (GtkWidget *parent, CrmDatabase *db, CrmClient *client)
{
  FormData *data = start_form (parent, db, client, _("Schedule a Meeting"), _("_Schedule"), save_meeting,
                                meeting_saved);
  g_autofree char *tomorrow = today_iso (1);
  GtkWidget *time, *row;
  GtkSpinButton *spin;

  add_date_row (data, "starts_at", "date", _("_Day"), tomorrow, FALSE);
  time = crm_client_field_entry (_("_Time"), "10:00");
  add_row (data, "time", "time", time, NULL);
  row = crm_client_field_spin (_("D_uration, minutes"), 5, 600, 15, DEFAULT_MEETING_MINUTES, &spin);
  add_row (data, "duration_min", "duration_min", row, GTK_WIDGET (spin));
  add_row (data, NULL, "location", crm_client_field_entry (_("_Place"), NULL), NULL);
  add_manager_row (data, _("_Manager"));

  g_signal_connect (widget_of (data, "date"), "notify::date", G_CALLBACK (meeting_changed_cb), data);
  g_signal_connect (widget_of (data, "manager_id"), "notify::manager-id", G_CALLBACK (meeting_changed_cb), data);
  g_signal_connect (spin, "notify::value", G_CALLBACK (meeting_changed_cb), data);
  g_signal_connect (time, "changed", G_CALLBACK (meeting_text_changed_cb), data);
  check_conflicts (data);
  return present (data, time);
}

/* ---- new deal ----------------------------------------------------------- */

static void
stage_changed_cb (AdwComboRow *row, GParamSpec *pspec, FormData *data)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget_of (data, "probability")),
                             crm_deal_stage_default_probability (adw_combo_row_get_selected (row)));
}

static gboolean
save_deal (CrmClientForm *form, gpointer user_data, CrmClientFormWrite *write)
{
  FormData *data = user_data;
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autofree char *title = required_text (data, "title", _("Enter the deal’s title: it cannot be empty."));
  gboolean ok = title != NULL;

  if (!parse_money (data, "amount", 0, NULL, &deal->amount))
    ok = FALSE;
  if (!check_manager (data, _("Choose the manager of the deal: add a manager on the Team screen first.")))
    ok = FALSE;
  if (!ok)
    return FALSE;
  deal->client_id = data->client->id;
  deal->manager_id = manager_of (data);
  deal->title = g_steal_pointer (&title);
  deal->stage = adw_combo_row_get_selected (ADW_COMBO_ROW (widget_of (data, "stage")));
  deal->probability = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget_of (data, "probability")));
  deal->expected_close = date_of (data, "expected_close");
  return set_write (write, write_deal, g_steal_pointer (&deal), deal_tables);
}

static void
deal_saved (CrmClientForm *form, gpointer user_data, gpointer object)
{
  g_autofree char *done = g_strdup_printf (_("Deal “%s” created."), CRM_DEAL (object)->title);

  crm_client_dialogs_toast (GTK_WIDGET (form), done);
}

CrmClientForm *
crm_client_dialog_new_deal (GtkWidget *parent, CrmDatabase *db, CrmClient *client)
{
  FormData *data = start_form (parent, db, client, _("New Deal"), _("C_reate"), save_deal, deal_saved);
  const char *stages[CRM_N_OPEN_STAGES + 1];
  GtkWidget *title, *stage, *row;
  GtkSpinButton *spin;

  for (int i = 0; i < CRM_N_OPEN_STAGES; i++)
    stages[i] = crm_deal_stage_to_label (i);
  stages[CRM_N_OPEN_STAGES] = NULL;

  title = crm_client_field_entry (_("_Title"), NULL);
  add_row (data, "title", "title", title, NULL);
  add_row (data, "amount", "amount", crm_client_field_entry (_("_Amount"), NULL), NULL);
  stage = crm_client_field_combo (_("_Stage"), stages, CRM_STAGE_NEW);
  add_row (data, "stage", "stage", stage, NULL);
  row = crm_client_field_spin (_("_Probability, %"), 0, 100, 5,
                               crm_deal_stage_default_probability (CRM_STAGE_NEW), &spin);
  add_row (data, "probability", "probability", row, GTK_WIDGET (spin));
  add_date_row (data, "expected_close", "expected_close", _("_Expected to close"), NULL, TRUE);
  add_manager_row (data, _("_Manager"));
  g_signal_connect (stage, "notify::selected", G_CALLBACK (stage_changed_cb), data);
  return present (data, title);
}

/* ---- record a payment ----------------------------------------------------- */

static gboolean
save_payment (CrmClientForm *form, gpointer user_data, CrmClientFormWrite *write)
{
  FormData *data = user_data;
  g_autoptr(CrmPayment) payment = crm_payment_new ();
  gboolean ok = TRUE;

  if (!parse_money (data, "amount", -1, _("Enter the amount received, for example 12 500."), &payment->amount))
    ok = FALSE;
  else if (payment->amount == 0)
    {
      crm_client_form_set_error (form, "amount", _("A payment of zero is not a payment: enter the amount received."));
      ok = FALSE;
    }
  if (!check_manager (data, _("Choose the manager the payment is credited to: add a manager on the Team screen first.")))
    ok = FALSE;
  if (!ok)
    return FALSE;
  payment->client_id = data->client->id;
  payment->manager_id = manager_of (data);
  payment->paid_on = date_of (data, "paid_on");
  payment->note = g_strstrip (g_strdup (text_of (data, "note")));
  return set_write (write, write_payment, g_steal_pointer (&payment), payment_tables);
}

static void
payment_saved (CrmClientForm *form, gpointer user_data, gpointer object)
{
  FormData *data = user_data;
  g_autofree char *amount = crm_money_format (CRM_PAYMENT (object)->amount, data->settings->currency,
                                              CRM_MONEY_DEFAULT);
  g_autofree char *done = g_strdup_printf (_("Payment of %s from %s recorded."), amount, data->client->name);

  crm_client_dialogs_toast (GTK_WIDGET (form), done);
}

CrmClientForm *
crm_client_dialog_record_payment (GtkWidget *parent, CrmDatabase *db, CrmClient *client)
{
  FormData *data = start_form (parent, db, client, _("Record a Payment"), _("_Record"), save_payment,
                                payment_saved);
  g_autofree char *today = today_iso (0);
  GtkWidget *amount;

  amount = crm_client_field_entry (_("_Amount"), NULL);
  add_row (data, "amount", "amount", amount, NULL);
  add_date_row (data, "paid_on", "paid_on", _("_Paid on"), today, FALSE);
  add_row (data, "note", "note", crm_client_field_entry (_("_Note"), NULL), NULL);
  add_manager_row (data, _("_Credited to"));
  return present (data, amount);
}

/* ---- register a complaint --------------------------------------------------- */

static gboolean
save_complaint (CrmClientForm *form, gpointer user_data, CrmClientFormWrite *write)
{
  FormData *data = user_data;
  g_autoptr(CrmComplaint) complaint = crm_complaint_new ();
  g_autofree char *description = required_text (data, "description",
                                                _("Describe the complaint: what is the client unhappy with?"));
  gboolean ok = description != NULL;

  if (!parse_money (data, "cost", -1, _("Enter what the complaint cost, for example 3 000 (0 when it cost nothing)."),
                    &complaint->cost))
    ok = FALSE;
  if (!check_manager (data, _("Choose the manager responsible for the complaint: add a manager on the Team screen first.")))
    ok = FALSE;
  if (!ok)
    return FALSE;
  complaint->client_id = data->client->id;
  complaint->manager_id = manager_of (data);
  complaint->opened_on = date_of (data, "opened_on");
  complaint->status = CRM_COMPLAINT_OPEN;
  complaint->description = g_steal_pointer (&description);
  return set_write (write, write_complaint, g_steal_pointer (&complaint), complaint_tables);
}

static void
complaint_saved (CrmClientForm *form, gpointer user_data, gpointer object)
{
  FormData *data = user_data;
  g_autofree char *done = g_strdup_printf (_("Complaint from %s registered."), data->client->name);

  crm_client_dialogs_toast (GTK_WIDGET (form), done);
}

CrmClientForm *
crm_client_dialog_register_complaint (GtkWidget *parent, CrmDatabase *db, CrmClient *client)
{
  FormData *data = start_form (parent, db, client, _("Register a Complaint"), _("_Register"),
                                save_complaint, complaint_saved);
  g_autofree char *today = today_iso (0);
  GtkWidget *description;

  description = crm_client_field_entry (_("_What happened"), NULL);
  add_row (data, "description", "description", description, NULL);
  add_row (data, "cost", "cost", crm_client_field_entry (_("_Cost to us"), NULL), NULL);
  add_date_row (data, "opened_on", "opened_on", _("_Received on"), today, FALSE);
  add_manager_row (data, _("_Manager"));
  return present (data, description);
}
