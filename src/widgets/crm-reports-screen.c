/* crm-reports-screen.c — the Reports screen: choose, preview, print, export
 *
 *   [Report ▾] [Manager ▾] [Month ▾ ‹ November 2026 ›]
 *   What the report is          5 pages ◌ [A4 ▾] [Print…] [Export PDF…]
 *   ────────────────────────────────────────────────────────────────────────
 *   the pages, one under the other
 *
 * The report is loaded and laid out in a GTask thread with its own database
 * connection; a newer choice makes an older result stale. The pages are
 * drawn into images as they come into view (crm-reports-preview.c). The same document then goes to the printer
 * (crm-reports-print.c) or to a PDF file.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-memory.h"
#include "crm-report-store.h"
#include "crm-reports-screen-private.h"
#include "crm-window.h"

#define PREVIEW_SCALE      1.25   /* pixels per point of the preview images */
#define MAX_PREVIEW_PAGES  200    /* beyond this the preview stops; print and PDF do not */
#define RELOAD_DELAY_MS    150

G_DEFINE_FINAL_TYPE (CrmReportsScreen, crm_reports_screen, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- what is chosen ----------------------------------------------------- */

CrmReportKind
crm_reports_screen_get_kind (CrmReportsScreen *self)
{
  guint selected;

  g_return_val_if_fail (CRM_IS_REPORTS_SCREEN (self), CRM_REPORT_TEAM);
  selected = gtk_drop_down_get_selected (self->kind_drop_down);
  return selected < CRM_N_REPORT_KINDS ? (CrmReportKind) selected : CRM_REPORT_TEAM;
}

void
crm_reports_screen_set_kind (CrmReportsScreen *self, CrmReportKind kind)
{
  g_return_if_fail (CRM_IS_REPORTS_SCREEN (self));
  g_return_if_fail ((guint) kind < CRM_N_REPORT_KINDS);

  gtk_drop_down_set_selected (self->kind_drop_down, kind);
}

const CrmPageFormat *
crm_reports_screen_get_format (CrmReportsScreen *self)
{
  return gtk_drop_down_get_selected (self->paper_drop_down) == 1 ? crm_page_format_lookup ("letter")
                                                                 : crm_page_format_default ();
}

guint
crm_reports_screen_get_n_pages (CrmReportsScreen *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_SCREEN (self), 0);
  return self->doc != NULL ? self->n_pages : 0;
}

gboolean
crm_reports_screen_is_busy (CrmReportsScreen *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_SCREEN (self), FALSE);
  return self->cancellable != NULL || self->reload_source != 0 || self->n_exports > 0;
}

void
crm_reports_screen_update_actions (CrmReportsScreen *self)
{
  gboolean ready = self->doc != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", ready);
  gtk_spinner_set_spinning (self->spinner, crm_reports_screen_is_busy (self));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), crm_reports_screen_is_busy (self));
}

void
crm_reports_screen_toast (CrmReportsScreen *self, const char *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), crm_toast_new (text));
  else
    g_message ("%s", text);
}

/* ---- the worker --------------------------------------------------------- */

typedef struct {
  /* in */
  char          *path;
  CrmReportKind  kind;
  CrmPeriod     *period;
  gint64         manager_id;
  CrmPageFormat  format;
  double         scale;
  guint          generation;
  /* out */
  CrmReportDoc  *doc;
  char          *file_name;
  CrmPreview    *preview;
  GBytes        *first_page;   /* the image of the first page */
  gsize          stride;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->period, crm_period_unref);
  g_clear_pointer (&job->doc, crm_report_doc_unref);
  g_free (job->file_name);
  g_clear_pointer (&job->preview, crm_preview_unref);
  g_clear_pointer (&job->first_page, g_bytes_unref);
  g_free (job);
}

static void
prepare_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (job->path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, &error);
  g_autoptr(CrmReportData) data = NULL;

  if (db == NULL || (data = crm_report_store_load (db, job->period, job->manager_id, 0, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&db);
  job->doc = crm_report_build (job->kind, data);
  job->file_name = crm_report_suggest_file_name (job->kind, data);
  g_clear_pointer (&data, crm_report_data_free);
  job->preview = crm_preview_new (job->doc, &job->format, job->scale);
  /* The first page is in view when the preview appears: draw it now. The
   * others are drawn as they come into view (crm-reports-preview.c). */
  if (!g_task_return_error_if_cancelled (task))
    {
      job->first_page = crm_preview_render (job->preview, 0, &job->stride);
      crm_memory_release ();
      g_task_return_boolean (task, TRUE);
    }
}

static void
show_message (CrmReportsScreen *self, const char *title, const char *description)
{
  crm_reports_screen_clear_preview (self);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
}

static void
show_pages (CrmReportsScreen *self, Job *job)
{
  g_autoptr(GdkTexture) first = crm_preview_texture_new (job->preview, job->first_page, job->stride);
  guint shown = MIN (self->n_pages, MAX_PREVIEW_PAGES);
  g_autofree char *summary = NULL;

  crm_reports_screen_show_preview (self, job->preview, shown, first);
  if (self->n_pages > shown)
    {
      g_autofree char *text = g_strdup_printf (_("The preview shows the first %1$u of %2$u pages; "
                                                 "printing and the PDF have them all."),
                                               shown, self->n_pages);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->pages_box, label);
    }
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", self->n_pages), self->n_pages);
  gtk_label_set_label (self->pages_label, summary);
}

static void
prepare_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || job->generation != self->generation)
        return;
      g_clear_object (&self->cancellable);
      show_message (self, _("The Report Could Not Be Prepared"), error->message);
      crm_reports_screen_update_actions (self);
      return;
    }
  if (job->generation != self->generation)
    return;
  g_clear_object (&self->cancellable);
  self->doc = g_steal_pointer (&job->doc);
  g_free (self->file_name);
  self->file_name = g_steal_pointer (&job->file_name);
  self->n_pages = crm_preview_get_n_pages (job->preview);
  show_pages (self, job);
  crm_reports_screen_update_actions (self);
}

static void
start_job (CrmReportsScreen *self)
{
  CrmReportKind kind = crm_reports_screen_get_kind (self);
  gint64 manager_id = crm_manager_picker_get_manager_id (self->manager_picker);
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->doc, crm_report_doc_unref);
  self->generation++;
  self->dirty = FALSE;

  gtk_label_set_label (self->summary_label, crm_report_kind_describe (kind));
  gtk_label_set_label (self->pages_label, "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), crm_report_kind_describe (kind));
  if (self->database == NULL)
    {
      show_message (self, _("No Database"), _("Open a database to make reports."));
      crm_reports_screen_update_actions (self);
      return;
    }
  if (crm_report_kind_needs_manager (kind) && manager_id == 0)
    {
      show_message (self, _("No Manager to Report On"),
                    _("The KPI card is about one manager. Add your sales managers on the Team screen first."));
      crm_reports_screen_update_actions (self);
      return;
    }

  job = g_new0 (Job, 1);
  job->path = g_strdup (crm_database_get_path (self->database));
  job->kind = kind;
  job->period = crm_period_ref (crm_period_picker_get_period (self->period_picker));
  job->manager_id = crm_report_kind_takes_manager (kind) ? manager_id : 0;
  job->format = *crm_reports_screen_get_format (self);
  job->scale = PREVIEW_SCALE * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->generation = self->generation;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, prepare_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, prepare_thread);
  crm_reports_screen_update_actions (self);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  CrmReportsScreen *self = user_data;

  self->reload_source = 0;
  start_job (self);
  return G_SOURCE_REMOVE;
}

/* Prepares the report again soon: several changes in a row make one job. */
static void
schedule_reload (CrmReportsScreen *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
  crm_reports_screen_update_actions (self);
}

/* ---- signals ------------------------------------------------------------ */

static void
sync_manager_picker (CrmReportsScreen *self)
{
  CrmReportKind kind = crm_reports_screen_get_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->manager_picker), crm_report_kind_takes_manager (kind));
  g_object_set (self->manager_picker, "allow-all", !crm_report_kind_needs_manager (kind), NULL);
}

static void
kind_changed_cb (GtkDropDown *drop_down, GParamSpec *pspec, CrmReportsScreen *self)
{
  sync_manager_picker (self);
  schedule_reload (self);
}

static void
choice_changed_cb (GObject *object, GParamSpec *pspec, CrmReportsScreen *self)
{
  schedule_reload (self);
}

static void
paper_changed_cb (GtkDropDown *drop_down, GParamSpec *pspec, CrmReportsScreen *self)
{
  crm_reports_screen_remember_paper (self);
  schedule_reload (self);
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmReportsScreen *self)
{
  schedule_reload (self);
}

static void
set_database (CrmReportsScreen *self, CrmDatabase *database)
{
  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, 0);
  crm_manager_picker_set_database (self->manager_picker, database);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_job (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
print_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crm_reports_screen_print (CRM_REPORTS_SCREEN (widget));
}

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crm_reports_screen_choose_export_file (CRM_REPORTS_SCREEN (widget));
}

/* ---- the object --------------------------------------------------------- */

GtkWidget *
crm_reports_screen_new (void)
{
  return g_object_new (CRM_TYPE_REPORTS_SCREEN, NULL);
}

static void
crm_reports_screen_map (GtkWidget *widget)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (widget);

  /* In a window of the application now: its settings say the paper. */
  if (!self->paper_restored)
    {
      self->paper_restored = TRUE;
      crm_reports_screen_restore_paper (self);
    }
  GTK_WIDGET_CLASS (crm_reports_screen_parent_class)->map (widget);
  if (self->dirty)
    start_job (self);
  else
    crm_reports_screen_update_preview (self);
}

static void
crm_reports_screen_unmap (GtkWidget *widget)
{
  crm_reports_screen_drop_images (CRM_REPORTS_SCREEN (widget));
  GTK_WIDGET_CLASS (crm_reports_screen_parent_class)->unmap (widget);
}

static void
crm_reports_screen_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (object);

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
crm_reports_screen_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_reports_screen_dispose (GObject *object)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  g_clear_pointer (&self->doc, crm_report_doc_unref);
  crm_reports_screen_finalize_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_REPORTS_SCREEN);
  G_OBJECT_CLASS (crm_reports_screen_parent_class)->dispose (object);
}

static void
crm_reports_screen_finalize (GObject *object)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (object);

  g_free (self->file_name);
  G_OBJECT_CLASS (crm_reports_screen_parent_class)->finalize (object);
}

static void
crm_reports_screen_class_init (CrmReportsScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crm_reports_screen_get_property;
  object_class->set_property = crm_reports_screen_set_property;
  object_class->dispose = crm_reports_screen_dispose;
  object_class->finalize = crm_reports_screen_finalize;
  widget_class->map = crm_reports_screen_map;
  widget_class->unmap = crm_reports_screen_unmap;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  g_type_ensure (CRM_TYPE_PERIOD_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-reports-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, kind_names);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, manager_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, period_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, pages_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, paper_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, pages_box);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsScreen, message_page);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paper_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_activated);
}

/* Ctrl+P and Ctrl+E wherever the focus is in the window, while the screen
 * is shown (a global shortcut of a hidden, unmapped widget does not fire). */
static void
add_shortcuts (CrmReportsScreen *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("reports.print")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("reports.export")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
crm_reports_screen_init (CrmReportsScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_reports_screen_init_preview (self);
  add_shortcuts (self);

  for (guint k = 0; k < CRM_N_REPORT_KINDS; k++)
    gtk_string_list_append (self->kind_names, crm_report_kind_to_label (k));
  gtk_drop_down_set_selected (self->kind_drop_down, CRM_REPORT_TEAM);
  sync_manager_picker (self);
  self->dirty = TRUE;
  show_message (self, _("Preparing the Report"), NULL);
  crm_reports_screen_update_actions (self);
}
