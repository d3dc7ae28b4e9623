/* crm-import-dialog.c — a file of clients (or a database export) imported
 *
 * The pages, in order: "loading" while a CSV file's first rows are read (in
 * a thread: a large file in another encoding takes a moment); "options" —
 * for CSV the encoding and separator found, the program whose export it is
 * (which can be changed), the columns and where each goes with the first
 * rows, and for CSV and vCard what to do with clients already there; for a
 * JSON export only what it will do; "progress", while a worker thread with
 * its own connection imports the file in one transaction (Stop rolls it
 * back); then "result" — the counts and every record or value not
 * imported, with its line and column — or "error" when nothing was.
 *
 * After an import that changed something, the main connection is told
 * (crm_database_notify_changed) so that the screens refresh, and
 * "imported" is emitted.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-csv.h"
#include "crm-import-dialog.h"
#include "crm-progress.h"
#include "crm-import-file.h"
#include "crm-import-report.h"

#define PREVIEW_ROWS 10

struct _CrmImportDialog {
  AdwWindow         parent_instance;

  AdwWindowTitle   *window_title;
  GtkWidget        *cancel_button;
  GtkWidget        *import_button;
  GtkWidget        *done_button;
  GtkStack         *stack;
  GtkSpinner       *spinner;
  GtkWidget        *file_group;
  AdwActionRow     *preset_row;
  GtkDropDown      *preset_chooser;
  GtkLabel         *encoding_label;
  GtkLabel         *delimiter_label;
  CrmImportColumns *columns;
  GtkLabel         *map_error;
  GtkWidget        *duplicates_group;
  AdwComboRow      *duplicates_row;
  GtkWidget        *restore_group;
  GtkLabel         *restore_error;
  AdwStatusPage    *progress_page;
  GtkProgressBar   *progress_bar;
  CrmImportReport  *report;
  AdwStatusPage    *error_page;

  CrmDatabase      *database;
  GFile            *file;
  char             *display_name;
  CrmImportFormat   format;
  CrmImportMap     *detected;      /* CSV: the map as the header was recognised */
  GPtrArray        *rows;          /* CSV: the first rows, GStrv */
  GCancellable     *cancellable;   /* while reading or importing */
  CrmProgress      *progress;      /* while importing */
  gboolean          close_when_done;
};

G_DEFINE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, ADW_TYPE_WINDOW)

static void
drop_progress (CrmImportDialog *self)
{
  if (self->progress == NULL)
    return;
  crm_progress_stop (self->progress);
  g_clear_pointer (&self->progress, crm_progress_unref);
}

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

CrmImportDialog *
crm_import_dialog_new (CrmDatabase *database, GFile *file)
{
  return g_object_new (CRM_TYPE_IMPORT_DIALOG, "database", database, "file", file, NULL);
}

/* "loading", "options", "progress", "result" or "error". */
const char *
crm_import_dialog_get_page (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

CrmImportColumns *
crm_import_dialog_get_columns (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), NULL);
  return self->columns;
}

CrmImportReport *
crm_import_dialog_get_report (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

static void
show_page (CrmImportDialog *self, const char *page)
{
  gboolean options = g_str_equal (page, "options");
  gboolean finished = g_str_equal (page, "result") || g_str_equal (page, "error");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_widget_set_visible (self->import_button, options);
  gtk_widget_set_visible (self->cancel_button, !finished && !g_str_equal (page, "progress"));
  gtk_widget_set_visible (self->done_button, finished);
}

static void
show_error (CrmImportDialog *self, const char *title, const char *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  show_page (self, "error");
}

/* ---- the options -------------------------------------------------------- */

static const char *
delimiter_text (char delimiter)
{
  switch (delimiter)
    {
    case ',': return _("Commas (,)");
    case ';': return _("Semicolons (;)");
    case '\t': return _("Tabs");
    case '|': return _("Vertical bars (|)");
    default: return _("Another character");
    }
}

static void
check_map (CrmImportDialog *self)
{
  CrmImportMap *map = crm_import_columns_get_map (self->columns);
  g_autoptr(GError) error = NULL;
  gboolean ok = map != NULL && crm_import_map_check (map, &error);

  gtk_label_set_label (self->map_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->map_error), error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", ok);
}

static void
columns_changed_cb (CrmImportDialog *self)
{
  check_map (self);
}

static void
update_preset_subtitle (CrmImportDialog *self, CrmImportMap *map)
{
  const char *name = crm_import_map_get_preset_name (map);

  adw_action_row_set_subtitle (self->preset_row,
                               name != NULL ? name : _("No program recognised: columns matched by their names"));
}

static void
preset_changed_cb (GtkDropDown *chooser, GParamSpec *pspec, CrmImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (chooser);
  const char * const *ids = crm_import_preset_ids ();
  g_autoptr(CrmImportMap) map = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  guint n;

  if (self->detected == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  n = crm_import_map_get_n_columns (self->detected);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (header, (gpointer) crm_import_map_get_header (self->detected, i));
  if (selected == 0)
    map = crm_import_map_copy (self->detected);
  else
    map = crm_import_map_new_for_preset ((const char * const *) header->pdata, n, ids[selected - 1], NULL);
  if (map == NULL)
    return;
  crm_import_map_set_file (map, self->display_name);
  update_preset_subtitle (self, map);
  crm_import_columns_set_preview (self->columns, map, self->rows);
  check_map (self);
}

static void
fill_presets (CrmImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = crm_import_preset_ids ();

  gtk_string_list_append (names, _("Recognised automatically"));
  for (gsize i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, crm_import_preset_get_name (ids[i]));
  gtk_drop_down_set_model (self->preset_chooser, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->preset_chooser, 0);
  g_signal_connect (self->preset_chooser, "notify::selected", G_CALLBACK (preset_changed_cb), self);
}

static void
show_options (CrmImportDialog *self)
{
  gboolean csv = self->format == CRM_IMPORT_FORMAT_CSV;
  gboolean json = self->format == CRM_IMPORT_FORMAT_JSON;

  gtk_widget_set_visible (self->file_group, csv);
  gtk_widget_set_visible (GTK_WIDGET (self->columns), csv);
  gtk_widget_set_visible (self->duplicates_group, !json);
  gtk_widget_set_visible (self->restore_group, json);
  if (json)
    {
      g_autoptr(GError) error = NULL;
      gboolean empty = crm_database_is_empty (self->database, &error);

      gtk_label_set_label (self->restore_error,
                           error != NULL ? error->message
                                         : _("This database already has managers or clients, so the "
                                             "export cannot be put into it. Open a new, empty database "
                                             "(salescrm --database new.db) and import the export there."));
      gtk_widget_set_visible (GTK_WIDGET (self->restore_error), !empty);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", empty);
    }
  else if (!csv)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", TRUE);
  show_page (self, "options");
}

/* ---- reading the first rows --------------------------------------------- */

typedef struct {
  char         *encoding;
  char          delimiter;
  CrmImportMap *map;
  GPtrArray    *rows;
} Preview;

static void
preview_free (Preview *preview)
{
  g_free (preview->encoding);
  g_clear_pointer (&preview->map, crm_import_map_free);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

static void
preview_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(CrmCsvReader) reader = NULL;
  const CrmCsvRow *row = NULL;
  GError *error = NULL;
  Preview *preview;

  reader = crm_csv_reader_new_for_path (path, &error);
  if (reader == NULL || !crm_csv_reader_next (reader, &row, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (row == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                               _("The file is empty: there is nothing to import."));
      return;
    }
  preview = g_new0 (Preview, 1);
  preview->encoding = g_strdup (crm_csv_reader_get_encoding (reader));
  preview->delimiter = crm_csv_reader_get_delimiter (reader);
  preview->map = crm_import_map_new_auto (row->fields, row->n_fields);
  crm_import_map_set_file (preview->map, crm_csv_reader_get_display_name (reader));
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (preview->rows->len < PREVIEW_ROWS && crm_csv_reader_next (reader, &row, &error) && row != NULL)
    g_ptr_array_add (preview->rows, g_strdupv ((char **) row->fields));
  if (error != NULL)
    {
      preview_free (preview);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, preview, (GDestroyNotify) preview_free);
}

static void
preview_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Preview *preview = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->cancellable);
  if (self->close_when_done)
    {
      g_clear_pointer (&preview, preview_free);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (preview == NULL)
    {
      show_error (self, _("The File Cannot Be Imported"), error->message);
      return;
    }
  gtk_label_set_label (self->encoding_label, preview->encoding);
  gtk_label_set_label (self->delimiter_label, delimiter_text (preview->delimiter));
  self->detected = g_steal_pointer (&preview->map);
  self->rows = g_steal_pointer (&preview->rows);
  preview_free (preview);
  update_preset_subtitle (self, self->detected);
  crm_import_columns_set_preview (self->columns, self->detected, self->rows);
  check_map (self);
  show_options (self);
}

static void
start (CrmImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->format != CRM_IMPORT_FORMAT_CSV)
    {
      show_options (self);
      return;
    }
  show_page (self, "loading");
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, preview_finished_cb, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, g_file_get_path (self->file), g_free);
  g_task_run_in_thread (task, preview_thread);
}

/* ---- importing ---------------------------------------------------------- */

typedef struct {
  char              *db_path;
  char              *path;
  CrmImportFormat    format;
  CrmImportMap      *map;
  CrmDuplicatePolicy duplicates;
  CrmProgress       *progress;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->db_path);
  g_free (data->path);
  g_clear_pointer (&data->map, crm_import_map_free);
  crm_progress_unref (data->progress);
  g_free (data);
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  CrmImportResult *result;
  CrmImportOptions options;
  GError *error = NULL;

  db = crm_database_new (data->db_path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  crm_import_options_init (&options);
  options.duplicates = data->duplicates;
  options.columns = data->map;
  result = crm_import_file (db, data->path, data->format, &options, crm_progress_set, data->progress, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) crm_import_result_free);
}

static void
import_finished_cb (GObject *source, GAsyncResult *res, gpointer user_data)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = g_task_propagate_pointer (G_TASK (res), &error);

  g_clear_object (&self->cancellable);
  drop_progress (self);
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (result != NULL)
    {
      show_page (self, "result");
      if (crm_import_report_set_result (self->report, result))
        {
          /* Written by the worker's own connection: tell the screens. */
          crm_database_notify_changed (self->database, NULL);
          g_signal_emit (self, signals[IMPORTED], 0);
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("The Import Was Stopped"),
                _("Nothing of it was kept: the database is as it was before."));
  else
    {
      g_autofree char *text = g_strdup_printf (_("%s\n\nThe database is as it was before."), error->message);
      show_error (self, _("Nothing Was Imported"), text);
    }
}

static void
run_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  if (self->cancellable != NULL)
    return;
  data = g_new0 (ImportData, 1);
  data->db_path = g_strdup (crm_database_get_path (self->database));
  data->path = g_file_get_path (self->file);
  data->format = self->format;
  data->duplicates = (CrmDuplicatePolicy) adw_combo_row_get_selected (self->duplicates_row);
  if (self->format == CRM_IMPORT_FORMAT_CSV)
    data->map = crm_import_map_copy (crm_import_columns_get_map (self->columns));
  drop_progress (self);
  self->progress = crm_progress_new (self->progress_bar);
  data->progress = crm_progress_ref (self->progress);

  show_page (self, "progress");
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, import_finished_cb, NULL);
  g_task_set_source_tag (task, run_activated);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
close_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Closing while a thread runs stops it; the window goes when it has. */
static gboolean
crm_import_dialog_close_request (GtkWindow *window)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (window);

  if (crm_progress_hold_close (window, self->cancellable, &self->close_when_done))
    return TRUE;
  return GTK_WINDOW_CLASS (crm_import_dialog_parent_class)->close_request (window);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_import_dialog_constructed (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->constructed (object);

  g_return_if_fail (CRM_IS_DATABASE (self->database) && G_IS_FILE (self->file));
  path = g_file_get_path (self->file);
  self->display_name = g_file_get_basename (self->file);
  self->format = crm_import_format_for_path (path);
  if (self->format == CRM_IMPORT_FORMAT_JSON)
    gtk_window_set_title (GTK_WINDOW (self), _("Restore a Database"));
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Import Clients"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  adw_window_title_set_subtitle (self->window_title, self->display_name);
  adw_status_page_set_description (self->progress_page, self->display_name);
  fill_presets (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
  if (path == NULL)
    show_error (self, _("The File Cannot Be Imported"), _("Only files on this computer can be imported."));
  else if (self->format != CRM_IMPORT_FORMAT_CSV && self->format != CRM_IMPORT_FORMAT_VCARD &&
           self->format != CRM_IMPORT_FORMAT_JSON)
    show_error (self, _("The File Cannot Be Imported"),
                _("Clients are imported from CSV files (.csv, .txt) and vCard files (.vcf); a whole "
                  "database from a SalesCRM export (.json)."));
  else
    start (self);
}

static void
crm_import_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_import_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_import_dialog_dispose (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  drop_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (crm_import_dialog_parent_class)->dispose (object);
}

static void
crm_import_dialog_finalize (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->detected, crm_import_map_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->display_name);
  G_OBJECT_CLASS (crm_import_dialog_parent_class)->finalize (object);
}

static void
crm_import_dialog_class_init (CrmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = crm_import_dialog_constructed;
  object_class->get_property = crm_import_dialog_get_property;
  object_class->set_property = crm_import_dialog_set_property;
  object_class->dispose = crm_import_dialog_dispose;
  object_class->finalize = crm_import_dialog_finalize;
  window_class->close_request = crm_import_dialog_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After an import that changed the database, on the main thread. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CRM_TYPE_IMPORT_COLUMNS);
  g_type_ensure (CRM_TYPE_IMPORT_REPORT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, preset_chooser);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, delimiter_label);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, columns);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, map_error);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, restore_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, restore_error);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, report);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, columns_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.close", NULL);
}

static void
crm_import_dialog_init (CrmImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
