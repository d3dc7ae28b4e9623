/* crm-client-card.c — one client: fields, profitability, history
 *
 * Every field can be edited; a change shows the bar with Save and Undo
 * Changes, and Save (Ctrl+S, or Enter in a field) checks the fields first:
 * a wrong one is marked and says what is wrong beneath it, and nothing is
 * written until all are right. The write runs in the store's writer thread
 * (a database locked by another program keeps it waiting, not the window):
 * meanwhile Save holds a spinner and what is typed stays; a refusal is
 * shown in the bar, or in a toast once the card shows another client.
 * Below the fields: the client's revenue,
 * complaint costs and result of all time, the notes, and the history
 * (activities, deals, payments, complaints), newest first, a page at a time.
 *
 * The actions (log a call, delete, …) belong to the Clients screen, whose
 * "clients." actions the card's buttons name.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-child-layout.h"
#include "crm-client-card.h"
#include "crm-client-check.h"
#include "crm-client-dialogs.h"
#include "crm-client-fields.h"
#include "crm-client-store.h"
#include "crm-client-timeline.h"
#include "crm-database-writer.h"
#include "crm-manager-picker.h"
#include "crm-money.h"
#include "crm-save-button.h"
#include "crm-setting-store.h"
#include "crm-timeline-store.h"

#define HISTORY_PAGE 50

struct _CrmClientCard {
  AdwBin              parent_instance;

  GtkWidget          *back_button;
  GtkWidget          *close_button;
  GtkLabel           *name_label;
  GtkLabel           *subtitle_label;
  GtkRevealer        *save_revealer;
  GtkLabel           *save_label;
  GtkButton          *save_button;
  GtkFlowBox         *actions_box;
  GtkLabel           *revenue_label;
  GtkLabel           *cost_label;
  GtkLabel           *result_label;
  AdwActionRow       *result_row;
  GtkWidget          *name_row;
  GtkWidget          *name_message;
  AdwComboRow        *kind_row;
  GtkWidget          *company_row;
  GtkWidget          *phones_row;
  GtkWidget          *phones_message;
  GtkWidget          *emails_row;
  GtkWidget          *emails_message;
  GtkWidget          *address_row;
  GtkWidget          *city_row;
  AdwComboRow        *status_row;
  AdwComboRow        *source_row;
  AdwActionRow       *owner_row;
  CrmManagerPicker   *owner_picker;
  GtkWidget          *tags_row;
  GtkTextView        *notes_view;
  GtkListBox         *timeline_list;
  GtkButton          *more_button;

  CrmDatabase        *database;
  char               *currency;
  CrmClient          *client;
  CrmClientSummary    summary;
  guint               history_limit;
  guint               n_history_rows;
  gboolean            filling;
  gboolean            dirty;
  guint               n_saving;       /* writes asked for, not yet reported */
  guint               edits;          /* changes typed, counted */
  guint               saving_edits;   /* the count the last write took */
};

G_DEFINE_FINAL_TYPE (CrmClientCard, crm_client_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  GONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- showing ------------------------------------------------------------ */

static void
set_dirty (CrmClientCard *self, gboolean dirty)
{
  if (!dirty)
    gtk_label_set_label (self->save_label, _("Unsaved changes"));
  gtk_revealer_set_reveal_child (self->save_revealer, dirty);
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
load_currency (CrmClientCard *self)
{
  g_autoptr(CrmSettings) settings = self->database != NULL ? crm_setting_store_load (self->database, NULL) : NULL;

  g_free (self->currency);
  self->currency = g_strdup (settings != NULL ? settings->currency : "RUB");
}

static void
fill_header (CrmClientCard *self)
{
  CrmClient *c = self->client;
  g_autoptr(GString) sub = g_string_new (NULL);

  gtk_label_set_label (self->name_label, c->name);
  if (c->company != NULL && *c->company && g_strcmp0 (c->company, c->name) != 0)
    g_string_append_printf (sub, "%s · ", c->company);
  g_string_append (sub, crm_client_status_to_label (c->status));
  if (c->owner_name != NULL && *c->owner_name)
    g_string_append_printf (sub, " · %s", c->owner_name);
  gtk_label_set_label (self->subtitle_label, sub->str);
}

static void
show_message (GtkWidget *row, GtkWidget *message_row, const char *message)
{
  crm_client_field_show (row, message_row, message, TRUE);
}

static void
fill_fields (CrmClientCard *self)
{
  CrmClient *c = self->client;
  g_autofree char *phones = crm_client_join_values (c->phones);
  g_autofree char *emails = crm_client_join_values (c->emails);
  g_autofree char *tags = g_strjoinv (", ", c->tags != NULL ? c->tags : (char *[]) { NULL });

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), c->name != NULL ? c->name : "");
  adw_combo_row_set_selected (self->kind_row, c->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->company_row), c->company != NULL ? c->company : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phones_row), phones);
  gtk_editable_set_text (GTK_EDITABLE (self->emails_row), emails);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), c->address != NULL ? c->address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->city_row), c->city != NULL ? c->city : "");
  adw_combo_row_set_selected (self->status_row, c->status);
  adw_combo_row_set_selected (self->source_row, c->source);
  crm_manager_picker_set_manager_id (self->owner_picker, c->owner_id);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), c->notes != NULL ? c->notes : "", -1);
  show_message (self->name_row, self->name_message, NULL);
  show_message (self->phones_row, self->phones_message, NULL);
  show_message (self->emails_row, self->emails_message, NULL);
  self->filling = FALSE;
  set_dirty (self, FALSE);
}

static void
fill_summary (CrmClientCard *self)
{
  /* Totals, in whole units; the history below has each payment exactly. */
  g_autofree char *revenue = crm_money_format (self->summary.revenue, self->currency, CRM_MONEY_WHOLE);
  g_autofree char *cost = crm_money_format (self->summary.complaint_cost, self->currency, CRM_MONEY_WHOLE);
  g_autofree char *result = crm_money_format (self->summary.result, self->currency, CRM_MONEY_WHOLE);
  GtkWidget *label = GTK_WIDGET (self->result_label);

  gtk_label_set_label (self->revenue_label, revenue);
  gtk_label_set_label (self->cost_label, cost);
  gtk_label_set_label (self->result_label, result);
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (self->summary.result < 0)
    {
      adw_action_row_set_subtitle (self->result_row, _("Loss-making: complaints cost more than the client paid"));
      gtk_widget_add_css_class (label, "error");
    }
  else if (self->summary.result > 0)
    {
      adw_action_row_set_subtitle (self->result_row, _("Profitable"));
      gtk_widget_add_css_class (label, "success");
    }
  else
    adw_action_row_set_subtitle (self->result_row, _("No payments or complaint costs yet"));
}

static void
fill_history (CrmClientCard *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint total = crm_client_summary_n_entries (&self->summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);
  self->n_history_rows = 0;

  entries = crm_timeline_store_list (self->database, self->client->id, self->history_limit, &error);
  if (entries == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (self->timeline_list, row);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->timeline_list, crm_client_timeline_row_new (entries->pdata[i], self->currency));
  self->n_history_rows = entries->len;
  if (entries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No calls, meetings, deals, payments or complaints yet. Use the buttons above to log the first one."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->timeline_list, row);
    }

  if (total > entries->len)
    {
      g_autofree char *label = NULL;
      guint more = total - entries->len;

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show Older (%u more)", "Show Older (%u more)", more), more);
      gtk_button_set_label (self->more_button, label);
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
}

static void
fill_figures (CrmClientCard *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_timeline_store_summary (self->database, self->client->id, &self->summary, &error))
    memset (&self->summary, 0, sizeof self->summary);
  fill_summary (self);
  fill_history (self);
}

/* Shows the client; unsaved changes to the one shown before are dropped
 * (the screen saves them first). */
gboolean
crm_client_card_show_client (CrmClientCard *self, gint64 client_id, GError **error)
{
  CrmClient *client;

  g_return_val_if_fail (CRM_IS_CLIENT_CARD (self), FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  client = crm_client_store_get (self->database, client_id, error);
  if (client == NULL)
    return FALSE;
  if (self->client == NULL || self->client->id != client_id)
    self->history_limit = HISTORY_PAGE;
  g_clear_object (&self->client);
  self->client = client;
  load_currency (self);
  fill_header (self);
  fill_fields (self);
  fill_figures (self);
  return TRUE;
}

void
crm_client_card_clear (CrmClientCard *self)
{
  g_return_if_fail (CRM_IS_CLIENT_CARD (self));
  g_clear_object (&self->client);
  set_dirty (self, FALSE);
}

/* The client shown (as last read or saved), or NULL. */
CrmClient *
crm_client_card_get_client (CrmClientCard *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_CARD (self), NULL);
  return self->client;
}

/* The data changed: read the client again. Edits in progress stay; a
 * client deleted meanwhile emits "gone". */
void
crm_client_card_reload (CrmClientCard *self)
{
  g_autoptr(GError) error = NULL;
  CrmClient *client;

  g_return_if_fail (CRM_IS_CLIENT_CARD (self));
  if (self->client == NULL || self->database == NULL)
    return;
  client = crm_client_store_get (self->database, self->client->id, &error);
  if (client == NULL)
    {
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND))
        g_signal_emit (self, signals[GONE], 0);
      return;
    }
  g_clear_object (&self->client);
  self->client = client;
  load_currency (self);
  fill_header (self);
  if (!self->dirty)
    fill_fields (self);
  fill_figures (self);
}

gboolean
crm_client_card_has_changes (CrmClientCard *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_CARD (self), FALSE);
  return self->client != NULL && self->dirty;
}

guint
crm_client_card_get_n_history_rows (CrmClientCard *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_CARD (self), 0);
  return self->n_history_rows;
}

void
crm_client_card_set_folded (CrmClientCard *self, gboolean folded)
{
  g_return_if_fail (CRM_IS_CLIENT_CARD (self));
  gtk_widget_set_visible (self->back_button, folded);
  gtk_widget_set_visible (self->close_button, !folded);
}

/* ---- editing ------------------------------------------------------------ */

typedef gboolean (*CheckFunc) (const char *text, GError **error);

/* Checks one field and says beneath it what is wrong. */
static gboolean
check_field (GtkWidget *row, GtkWidget *message_row, CheckFunc check)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = check (gtk_editable_get_text (GTK_EDITABLE (row)), &error);

  show_message (row, message_row, ok ? NULL : error->message);
  return ok;
}

static gboolean
check_all (CrmClientCard *self)
{
  gboolean ok = TRUE;
  GtkWidget *first = NULL;

  if (!check_field (self->name_row, self->name_message, crm_client_check_name))
    first = self->name_row, ok = FALSE;
  if (!check_field (self->phones_row, self->phones_message, crm_client_check_phones))
    first = first != NULL ? first : self->phones_row, ok = FALSE;
  if (!check_field (self->emails_row, self->emails_message, crm_client_check_emails))
    first = first != NULL ? first : self->emails_row, ok = FALSE;
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return ok;
}

static char *
lines_of (GtkWidget *row)
{
  g_auto(GStrv) values = crm_client_split_values (gtk_editable_get_text (GTK_EDITABLE (row)));
  return g_strjoinv ("\n", values);
}

static char *
text_of (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

typedef struct {
  CrmClientCard *card;
  CrmClient     *edited;
  guint          edits;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->card);
  g_object_unref (job->edited);
  g_free (job);
}

/* In the writer thread. */
static gboolean
write_client (CrmDatabase *db, gpointer data, GError **error)
{
  SaveJob *job = data;
  return crm_client_store_update (db, job->edited, error);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SaveJob *job = crm_database_write_get_data (result);
  CrmClientCard *self = job->card;
  g_autoptr(GError) error = NULL;
  gboolean ok = crm_database_write_finish (CRM_DATABASE (source), result, &error);
  gboolean same;

  self->n_saving--;
  if (self->database == NULL)            /* gone meanwhile */
    return;
  if (self->n_saving == 0)
    crm_save_button_set_busy (self->save_button, FALSE);
  same = self->client != NULL && self->client->id == job->edited->id;
  if (!ok && !same)
    {
      g_autofree char *text = g_strdup_printf (_("The changes to “%s” were not saved: %s"),
                                               job->edited->name, error->message);
      crm_client_dialogs_toast (GTK_WIDGET (self), text);
      return;
    }
  if (!ok)
    {
      const char *field = crm_store_error_get_field (error);
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);

      if (g_strcmp0 (field, "name") == 0 || g_strcmp0 (field, "sort_key") == 0)
        show_message (self->name_row, self->name_message, error->message);
      gtk_label_set_label (self->save_label, text);
      return;
    }
  if (!same)
    return;
  /* Read back: the owner's name, the tags as stored. What was typed
   * meanwhile stays, to be saved next. */
  {
    g_autoptr(CrmClient) stored = crm_client_store_get (self->database, job->edited->id, NULL);
    g_clear_object (&self->client);
    self->client = stored != NULL ? g_steal_pointer (&stored) : g_object_ref (job->edited);
  }
  fill_header (self);
  if (self->edits == job->edits)
    fill_fields (self);
  else
    gtk_label_set_label (self->save_label, _("Unsaved changes"));
}

/* Checks the fields and starts writing them. FALSE when a field is wrong
 * (it says so, and @error); TRUE when the write started: a refusal of the
 * store comes later, in the bar (the field it names is marked). */
gboolean
crm_client_card_save (CrmClientCard *self, GError **error)
{
  g_autoptr(CrmClient) edited = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer;
  SaveJob *job;

  g_return_val_if_fail (CRM_IS_CLIENT_CARD (self), FALSE);
  if (self->client == NULL || self->database == NULL)
    return TRUE;
  if (!check_all (self))
    {
      gtk_label_set_label (self->save_label, _("Not saved: correct the marked fields."));
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID,
                           _("Some fields are not filled in correctly."));
      return FALSE;
    }
  /* Already on its way, with nothing typed since. */
  if (self->n_saving > 0 && self->saving_edits == self->edits)
    return TRUE;
  edited = crm_client_copy (self->client);
  g_free (edited->name);
  edited->name = text_of (self->name_row);
  edited->kind = adw_combo_row_get_selected (self->kind_row);
  g_free (edited->company);
  edited->company = text_of (self->company_row);
  g_free (edited->phones);
  edited->phones = lines_of (self->phones_row);
  g_free (edited->emails);
  edited->emails = lines_of (self->emails_row);
  g_free (edited->address);
  edited->address = text_of (self->address_row);
  g_free (edited->city);
  edited->city = text_of (self->city_row);
  edited->status = adw_combo_row_get_selected (self->status_row);
  edited->source = adw_combo_row_get_selected (self->source_row);
  edited->owner_id = crm_manager_picker_get_manager_id (self->owner_picker);
  g_strfreev (edited->tags);
  edited->tags = crm_client_split_values (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (edited->notes);
  edited->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  job = g_new0 (SaveJob, 1);
  job->card = g_object_ref (self);
  job->edited = g_steal_pointer (&edited);
  job->edits = self->edits;
  self->saving_edits = self->edits;
  self->n_saving++;
  crm_save_button_set_busy (self->save_button, TRUE);
  gtk_label_set_label (self->save_label, _("Saving…"));
  crm_database_write_async (self->database, (const char * const[]) { "client", "client_tag", NULL },
                            write_client, job, (GDestroyNotify) save_job_free, written_cb, NULL);
  return TRUE;
}

/* A write of the card not yet committed or refused. */
gboolean
crm_client_card_is_saving (CrmClientCard *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_CARD (self), FALSE);
  return self->n_saving > 0;
}

void
crm_client_card_revert (CrmClientCard *self)
{
  g_return_if_fail (CRM_IS_CLIENT_CARD (self));
  if (self->client != NULL)
    fill_fields (self);
}

static void
changed (CrmClientCard *self, GtkWidget *widget)
{
  if (self->filling || self->client == NULL)
    return;
  self->edits++;
  if (self->n_saving > 0)
    gtk_label_set_label (self->save_label, _("Unsaved changes"));
  set_dirty (self, TRUE);
  /* A field marked wrong is checked again as it is corrected. */
  if (widget == self->name_row && gtk_widget_has_css_class (widget, "error"))
    check_field (self->name_row, self->name_message, crm_client_check_name);
  else if (widget == self->phones_row && gtk_widget_has_css_class (widget, "error"))
    check_field (self->phones_row, self->phones_message, crm_client_check_phones);
  else if (widget == self->emails_row && gtk_widget_has_css_class (widget, "error"))
    check_field (self->emails_row, self->emails_message, crm_client_check_emails);
}

static void
field_changed_cb (GtkEditable *editable, CrmClientCard *self)
{
  changed (self, GTK_WIDGET (editable));
}

static void
field_notify_cb (GObject *object, GParamSpec *pspec, CrmClientCard *self)
{
  changed (self, GTK_WIDGET (object));
}

static void
notes_changed_cb (GtkTextBuffer *buffer, CrmClientCard *self)
{
  changed (self, GTK_WIDGET (self->notes_view));
}

static void
entry_activated_cb (AdwEntryRow *row, CrmClientCard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "clients.save", NULL);
}

static void
more_clicked_cb (GtkButton *button, CrmClientCard *self)
{
  self->history_limit += HISTORY_PAGE * 4;
  fill_history (self);
}

/* ---- GObject ------------------------------------------------------------ */

GtkWidget *
crm_client_card_new (void)
{
  return g_object_new (CRM_TYPE_CLIENT_CARD, NULL);
}

void
crm_client_card_set_database (CrmClientCard *self, CrmDatabase *database)
{
  g_return_if_fail (CRM_IS_CLIENT_CARD (self));

  if (self->database == database)
    return;
  g_set_object (&self->database, database);
  crm_manager_picker_set_database (self->owner_picker, database);
  crm_client_card_clear (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
crm_client_card_dispose (GObject *object)
{
  CrmClientCard *self = CRM_CLIENT_CARD (object);

  g_clear_object (&self->client);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_CLIENT_CARD);
  G_OBJECT_CLASS (crm_client_card_parent_class)->dispose (object);
}

static void
crm_client_card_finalize (GObject *object)
{
  g_free (CRM_CLIENT_CARD (object)->currency);
  G_OBJECT_CLASS (crm_client_card_parent_class)->finalize (object);
}

static void
crm_client_card_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmClientCard *self = CRM_CLIENT_CARD (object);

  switch (prop_id)
    {
    case PROP_DATABASE: g_value_set_object (value, self->database); break;
    case PROP_DIRTY: g_value_set_boolean (value, self->dirty); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_card_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmClientCard *self = CRM_CLIENT_CARD (object);

  switch (prop_id)
    {
    case PROP_DATABASE: crm_client_card_set_database (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_card_class_init (CrmClientCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_client_card_dispose;
  object_class->finalize = crm_client_card_finalize;
  object_class->get_property = crm_client_card_get_property;
  object_class->set_property = crm_client_card_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The client shown was deleted (elsewhere). */
  signals[GONE] = g_signal_new ("gone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-client-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, close_button);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, save_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, revenue_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, cost_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, result_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, result_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, name_message);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, company_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, phones_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, phones_message);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, emails_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, emails_message);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, address_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, city_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, status_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, source_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, owner_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, CrmClientCard, more_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
}

static void
set_combo_labels (AdwComboRow *row, const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* Beside the list the card is as wide as CRM_CLIENT_CARD_WIDTH whoever it
 * shows (its content would make it wider or narrower with each name). */
static void
card_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
              int *minimum_baseline, int *natural_baseline)
{
  crm_child_layout_measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, CRM_CLIENT_CARD_WIDTH);
}

static void
crm_client_card_init (CrmClientCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, card_measure, crm_child_layout_allocate));

  self->history_limit = HISTORY_PAGE;
  set_combo_labels (self->kind_row, crm_client_field_kind_labels ());
  set_combo_labels (self->status_row, crm_client_field_status_labels ());
  set_combo_labels (self->source_row, crm_client_field_source_labels ());
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, 0);
  adw_action_row_set_activatable_widget (self->owner_row, gtk_widget_get_first_child (GTK_WIDGET (self->owner_picker)));
  /* Tab goes to the buttons, not to the flow box's cells. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}
