/* crm-reports-print.c — Print… and Export PDF… of the Reports screen
 *
 * Printing goes through GtkPrintOperation and the system dialog, with the
 * page setup and the printer settings of the last time (GSettings keys
 * "page-setup" and "print-settings"); the paper chosen on the screen is
 * kept there too, and a new screen starts on it. The report is laid out again for the
 * paper chosen there, and each page drawn by the same code as the PDF.
 * Export PDF… writes the file in a thread (FILE.part, then renamed).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application.h"
#include "crm-reports-screen-private.h"

/* The margin, as a share of the shorter side of the paper: 15 mm on A4. */
#define MARGIN_SHARE (42.52 / 595.28)

static GSettings *
app_settings (CrmReportsScreen *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return CRM_IS_APPLICATION (app) ? crm_application_get_settings (CRM_APPLICATION (app)) : NULL;
}

/* The page setup of the last time; its paper follows the screen's choice
 * when it was A4 or Letter. */
static GtkPageSetup *
load_page_setup (CrmReportsScreen *self)
{
  GSettings *settings = app_settings (self);
  g_autoptr(GVariant) saved = settings != NULL ? g_settings_get_value (settings, "page-setup") : NULL;
  GtkPageSetup *setup = NULL;
  const char *wanted = g_str_equal (crm_reports_screen_get_format (self)->name, "letter")
                       ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4;
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (wanted);
  GtkPaperSize *current;

  if (saved != NULL && g_variant_n_children (saved) > 0)
    setup = gtk_page_setup_new_from_gvariant (saved);
  if (setup == NULL)
    {
      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, paper);
      return setup;
    }
  current = gtk_page_setup_get_paper_size (setup);
  if (g_str_equal (gtk_paper_size_get_name (current), GTK_PAPER_NAME_A4) ||
      g_str_equal (gtk_paper_size_get_name (current), GTK_PAPER_NAME_LETTER))
    gtk_page_setup_set_paper_size (setup, paper);
  return setup;
}

/* A new screen starts on the paper of the last time, when it is one of
 * the screen's (A4 or Letter). */
void
crm_reports_screen_restore_paper (CrmReportsScreen *self)
{
  GSettings *settings = app_settings (self);
  g_autoptr(GVariant) saved = settings != NULL ? g_settings_get_value (settings, "page-setup") : NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  const char *name;

  if (saved == NULL || g_variant_n_children (saved) == 0 ||
      (setup = gtk_page_setup_new_from_gvariant (saved)) == NULL)
    return;
  name = gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup));
  if (g_str_equal (name, GTK_PAPER_NAME_LETTER))
    gtk_drop_down_set_selected (self->paper_drop_down, 1);
  else if (g_str_equal (name, GTK_PAPER_NAME_A4))
    gtk_drop_down_set_selected (self->paper_drop_down, 0);
}

/* The paper chosen on the screen is kept with the rest of the page setup. */
void
crm_reports_screen_remember_paper (CrmReportsScreen *self)
{
  GSettings *settings = app_settings (self);
  g_autoptr(GtkPageSetup) setup = NULL;

  if (settings == NULL)
    return;
  setup = load_page_setup (self);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

static GtkPrintSettings *
load_print_settings (CrmReportsScreen *self)
{
  GSettings *settings = app_settings (self);
  g_autoptr(GVariant) saved = settings != NULL ? g_settings_get_value (settings, "print-settings") : NULL;

  if (saved != NULL && g_variant_n_children (saved) > 0)
    return gtk_print_settings_new_from_gvariant (saved);
  return gtk_print_settings_new ();
}

typedef struct {
  CrmReportsScreen *self;
  CrmReportDoc     *doc;
  CrmReportLayout  *layout;
  GtkPageSetup     *page_setup;   /* as chosen in the dialog */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->self);
  g_clear_pointer (&job->layout, crm_report_layout_free);
  g_clear_pointer (&job->doc, crm_report_doc_unref);
  g_clear_object (&job->page_setup);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, PrintJob *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  g_clear_pointer (&job->layout, crm_report_layout_free);
  job->layout = crm_report_layout_new (job->doc, width, height, MIN (width, height) * MARGIN_SHARE);
  gtk_print_operation_set_n_pages (op, (int) crm_report_layout_get_n_pages (job->layout));
  g_set_object (&job->page_setup, gtk_print_context_get_page_setup (context));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, PrintJob *job)
{
  crm_report_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
done_cb (GtkPrintOperation *op, GtkPrintOperationResult result, PrintJob *job)
{
  GSettings *settings = app_settings (job->self);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (op, &error);
      text = g_strdup_printf (_("The report could not be printed: %s"),
                              error != NULL ? error->message : _("unknown error"));
      crm_reports_screen_toast (job->self, text);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && settings != NULL)
    {
      GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (op);

      g_settings_delay (settings);
      if (print_settings != NULL)
        g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (print_settings));
      if (job->page_setup != NULL)
        g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (job->page_setup));
      g_settings_apply (settings);
    }
}

static GtkPrintOperation *
print_operation_new (CrmReportsScreen *self)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = load_page_setup (self);
  g_autoptr(GtkPrintSettings) settings = load_print_settings (self);
  g_autofree char *title = crm_report_doc_dup_full_title (self->doc);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->self = g_object_ref (self);
  job->doc = crm_report_doc_ref (self->doc);
  gtk_print_operation_set_print_settings (op, settings);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_job_name (op, title);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (op, "done", G_CALLBACK (done_cb), job);
  g_object_set_data_full (G_OBJECT (op), "crm-print-job", job, (GDestroyNotify) print_job_free);
  return op;
}

static void
async_done_cb (GtkPrintOperation *op, GtkPrintOperationResult result, gpointer user_data)
{
  g_object_unref (op);    /* the reference taken for the dialog */
}

void
crm_reports_screen_print (CrmReportsScreen *self)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkPrintOperationResult result;

  if (self->doc == NULL)
    return;
  op = print_operation_new (self);
  gtk_print_operation_set_allow_async (op, TRUE);
  g_signal_connect_after (g_object_ref (op), "done", G_CALLBACK (async_done_cb), NULL);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be printed: %s"), error->message);
      crm_reports_screen_toast (self, text);
    }
}

gboolean
crm_reports_screen_print_to_pdf (CrmReportsScreen *self, const char *path, GError **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (CRM_IS_REPORTS_SCREEN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->doc == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("The report is not ready yet."));
      return FALSE;
    }
  op = print_operation_new (self);
  gtk_print_operation_set_export_filename (op, path);
  return gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* ---- Export PDF… -------------------------------------------------------- */

typedef struct {
  CrmReportDoc  *doc;
  CrmPageFormat  format;
  char          *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->doc, crm_report_doc_unref);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(CrmReportLayout) layout = crm_report_layout_new_for_format (job->doc, &job->format);
  GError *error = NULL;

  if (crm_report_write_pdf (layout, job->doc, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->n_exports--;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_filename_display_basename (job->path);
      /* Translators: a toast; %s is a file name */
      text = g_strdup_printf (_("The report was saved as “%s”."), name);
    }
  else
    text = g_strdup (error->message);
  crm_reports_screen_toast (self, text);
  crm_reports_screen_update_actions (self);
}

void
crm_reports_screen_export_to (CrmReportsScreen *self, GFile *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (CRM_IS_REPORTS_SCREEN (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->doc == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  job->doc = crm_report_doc_ref (self->doc);
  job->format = *crm_reports_screen_get_format (self);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      export_job_free (job);
      crm_reports_screen_toast (self, _("The report can only be saved to a local file."));
      return;
    }
  self->n_exports++;
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, crm_reports_screen_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
  crm_reports_screen_update_actions (self);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, CrmReportsScreen *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        crm_reports_screen_export_to (self, file);
    }
  g_object_unref (dialog);
}

void
crm_reports_screen_choose_export_file (CrmReportsScreen *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->doc == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Export the Report as PDF"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (self->file_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), self->file_name);
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
