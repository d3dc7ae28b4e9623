/* crm-export-dialog.c — clients, activities, deals or payments written out
 *
 * The user picks what (a table for spreadsheets, vCard contacts, or a copy
 * of the whole database), whether the CSV is for Excel (a byte-order mark
 * and ";"), then the file in a native save dialog. A worker thread with its
 * own read-only connection writes it beside the target and renames it into
 * place (crm_export_store_to_file): a stopped or failed export leaves no
 * file behind. When it is written, "exported" gives the message for a toast
 * and the dialog closes.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-export-dialog.h"
#include "crm-progress.h"
#include "crm-export-store.h"

struct _CrmExportDialog {
  AdwWindow       parent_instance;

  GtkWidget      *cancel_button;
  GtkWidget      *export_button;
  GtkStack       *stack;
  AdwComboRow    *what_row;
  GtkWidget      *excel_row;
  GtkSwitch      *excel_switch;
  GtkWidget      *csv_note;
  GtkLabel       *error_label;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;

  CrmDatabase    *database;
  GArray         *ids;           /* gint64: the selected clients, or NULL */
  GCancellable   *cancellable;
  CrmProgress    *progress;      /* while exporting */
  GtkFileChooserNative *chooser;
  char           *error;
  gboolean        close_when_done;
};

G_DEFINE_FINAL_TYPE (CrmExportDialog, crm_export_dialog, ADW_TYPE_WINDOW)

static void
drop_progress (CrmExportDialog *self)
{
  if (self->progress == NULL)
    return;
  crm_progress_stop (self->progress);
  g_clear_pointer (&self->progress, crm_progress_unref);
}

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

CrmExportDialog *
crm_export_dialog_new (CrmDatabase *database)
{
  return g_object_new (CRM_TYPE_EXPORT_DIALOG, "database", database, NULL);
}

/* What the failed export said, or NULL. */
const char *
crm_export_dialog_get_error (CrmExportDialog *self)
{
  g_return_val_if_fail (CRM_IS_EXPORT_DIALOG (self), NULL);
  return self->error;
}

/* ---- choices ------------------------------------------------------------ */

static CrmExportChoice
get_choice (CrmExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->what_row);

  if (self->ids != NULL)
    return selected == 0 ? CRM_EXPORT_CHOICE_SELECTED_VCARD : (CrmExportChoice) (selected - 1);
  return (CrmExportChoice) selected;
}

static gboolean
choice_is_csv (CrmExportChoice choice)
{
  return choice == CRM_EXPORT_CHOICE_CLIENTS_CSV || choice == CRM_EXPORT_CHOICE_ACTIVITIES_CSV ||
         choice == CRM_EXPORT_CHOICE_DEALS_CSV || choice == CRM_EXPORT_CHOICE_PAYMENTS_CSV;
}

static void
fill_choices (CrmExportDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  if (self->ids != NULL)
    {
      g_autofree char *selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "The selected client — vCard contact",
                                                                "The %u selected clients — vCard contacts",
                                                                self->ids->len), self->ids->len);
      gtk_string_list_append (list, selected);
    }
  gtk_string_list_append (list, _("Clients — a table (CSV)"));
  gtk_string_list_append (list, _("Clients — vCard contacts"));
  gtk_string_list_append (list, _("Calls, meetings and tasks — a table (CSV)"));
  gtk_string_list_append (list, _("Deals — a table (CSV)"));
  gtk_string_list_append (list, _("Payments — a table (CSV)"));
  gtk_string_list_append (list, _("The whole database — a copy (JSON)"));
  adw_combo_row_set_model (self->what_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->what_row, 0);
}

static void
what_changed_cb (AdwComboRow *row, GParamSpec *pspec, CrmExportDialog *self)
{
  gboolean csv = choice_is_csv (get_choice (self));

  /* What is said of CSV files shows under their options, for them only. */
  gtk_widget_set_sensitive (self->excel_row, csv);
  gtk_widget_set_visible (self->csv_note, csv);
}

/* Restricts the choices to vCard for these clients, or adds that choice
 * first (the clients screen's selection). */
void
crm_export_dialog_set_clients (CrmExportDialog *self, const gint64 *ids, gsize n_ids)
{
  g_return_if_fail (CRM_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->ids, g_array_unref);
  if (ids != NULL && n_ids > 0)
    {
      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) n_ids);
      g_array_append_vals (self->ids, ids, (guint) n_ids);
    }
  fill_choices (self);
}

void
crm_export_dialog_set_choice (CrmExportDialog *self, CrmExportChoice choice, gboolean excel)
{
  g_return_if_fail (CRM_IS_EXPORT_DIALOG (self));

  if (choice == CRM_EXPORT_CHOICE_SELECTED_VCARD)
    adw_combo_row_set_selected (self->what_row, 0);
  else
    adw_combo_row_set_selected (self->what_row, (guint) choice + (self->ids != NULL ? 1 : 0));
  gtk_switch_set_active (self->excel_switch, excel);
}

static void
options_for (CrmExportDialog *self, CrmExportOptions *options, const char **file_name)
{
  CrmExportChoice choice = get_choice (self);
  gboolean excel = gtk_switch_get_active (self->excel_switch) && choice_is_csv (choice);

  memset (options, 0, sizeof *options);
  options->format = CRM_EXPORT_FORMAT_CSV;
  options->bom = excel;
  options->delimiter = excel ? ';' : ',';
  switch (choice)
    {
    case CRM_EXPORT_CHOICE_CLIENTS_CSV:
      options->what = CRM_EXPORT_CLIENTS;
      *file_name = "clients.csv";
      break;
    case CRM_EXPORT_CHOICE_SELECTED_VCARD:
    case CRM_EXPORT_CHOICE_CLIENTS_VCARD:
      options->format = CRM_EXPORT_FORMAT_VCARD;
      if (choice == CRM_EXPORT_CHOICE_SELECTED_VCARD && self->ids != NULL)
        {
          options->ids = (const gint64 *) self->ids->data;
          options->n_ids = self->ids->len;
        }
      *file_name = "clients.vcf";
      break;
    case CRM_EXPORT_CHOICE_ACTIVITIES_CSV:
      options->what = CRM_EXPORT_ACTIVITIES;
      *file_name = "activities.csv";
      break;
    case CRM_EXPORT_CHOICE_DEALS_CSV:
      options->what = CRM_EXPORT_DEALS;
      *file_name = "deals.csv";
      break;
    case CRM_EXPORT_CHOICE_PAYMENTS_CSV:
      options->what = CRM_EXPORT_PAYMENTS;
      *file_name = "payments.csv";
      break;
    case CRM_EXPORT_CHOICE_DATABASE_JSON:
    default:
      options->format = CRM_EXPORT_FORMAT_JSON;
      *file_name = "salescrm.json";
      break;
    }
}

/* ---- the worker --------------------------------------------------------- */

typedef struct {
  char            *db_path;
  char            *path;
  CrmExportOptions options;
  GArray          *ids;
  CrmProgress     *progress;
  guint64          n_rows;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_free (data->path);
  g_clear_pointer (&data->ids, g_array_unref);
  crm_progress_unref (data->progress);
  g_free (data);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  GError *error = NULL;

  db = crm_database_new (data->db_path, CRM_DATABASE_FLAGS_READ_ONLY, cancellable, &error);
  if (db == NULL ||
      !crm_export_store_to_file (db, data->path, &data->options, crm_progress_set, data->progress, cancellable,
                                 &data->n_rows, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static char *
done_message (const ExportData *data)
{
  g_autofree char *name = g_path_get_basename (data->path);
  unsigned long long n = data->n_rows;

  if (data->options.format == CRM_EXPORT_FORMAT_JSON)
    return g_strdup_printf (_("The whole database was exported to %s."), name);
  switch (data->options.what)
    {
    case CRM_EXPORT_ACTIVITIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu activity exported to %s.",
                                           "%llu activities exported to %s.", n), n, name);
    case CRM_EXPORT_DEALS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu deal exported to %s.",
                                           "%llu deals exported to %s.", n), n, name);
    case CRM_EXPORT_PAYMENTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu payment exported to %s.",
                                           "%llu payments exported to %s.", n), n, name);
    case CRM_EXPORT_CLIENTS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu client exported to %s.",
                                           "%llu clients exported to %s.", n), n, name);
    }
}

static void
export_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (source);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  drop_progress (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = done_message (data);
      g_signal_emit (self, signals[EXPORTED], 0, message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  g_free (self->error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->error = g_strdup (_("The export was stopped: no file was written."));
  else
    self->error = g_strdup (error->message);
  gtk_label_set_label (self->error_label, self->error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "options");
  gtk_widget_set_visible (self->export_button, TRUE);
  gtk_widget_set_visible (self->cancel_button, TRUE);
}

/* Writes the export chosen to @file, now (the save dialog's answer). */
void
crm_export_dialog_export_to (CrmExportDialog *self, GFile *file)
{
  g_autoptr(GTask) task = NULL;
  const char *file_name;
  ExportData *data;

  g_return_if_fail (CRM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    return;
  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (crm_database_get_path (self->database));
  data->path = g_file_get_path (file);
  options_for (self, &data->options, &file_name);
  if (data->options.ids != NULL)
    {
      data->ids = g_array_ref (self->ids);
      data->options.ids = (const gint64 *) data->ids->data;
    }
  drop_progress (self);
  self->progress = crm_progress_new (self->progress_bar);
  data->progress = crm_progress_ref (self->progress);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (self->export_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, export_finished_cb, NULL);
  g_task_set_source_tag (task, crm_export_dialog_export_to);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  if (data->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Choose a folder on this computer."));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

/* ---- actions ------------------------------------------------------------ */

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CrmExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        crm_export_dialog_export_to (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
run_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (widget);
  CrmExportOptions options;
  const char *file_name;

  if (self->cancellable != NULL || self->chooser != NULL)
    return;
  options_for (self, &options, &file_name);
  self->chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
close_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
crm_export_dialog_close_request (GtkWindow *window)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (window);

  if (crm_progress_hold_close (window, self->cancellable, &self->close_when_done))
    return TRUE;
  return GTK_WINDOW_CLASS (crm_export_dialog_parent_class)->close_request (window);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_export_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_export_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_export_dialog_dispose (GObject *object)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  drop_progress (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (crm_export_dialog_parent_class)->dispose (object);
}

static void
crm_export_dialog_finalize (GObject *object)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->error);
  G_OBJECT_CLASS (crm_export_dialog_parent_class)->finalize (object);
}

static void
crm_export_dialog_class_init (CrmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = crm_export_dialog_get_property;
  object_class->set_property = crm_export_dialog_set_property;
  object_class->dispose = crm_export_dialog_dispose;
  object_class->finalize = crm_export_dialog_finalize;
  window_class->close_request = crm_export_dialog_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file is written; the argument says what went where, for a toast. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, excel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, excel_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, csv_note);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "export.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.close", NULL);
}

static void
crm_export_dialog_init (CrmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_choices (self);
  g_signal_connect (self->what_row, "notify::selected", G_CALLBACK (what_changed_cb), self);
  what_changed_cb (self->what_row, NULL, self);
}
