/* crm-welcome-page.c — the first screen on an empty database
 *
 * Says what the app is for and offers the ways to begin. Loading demo data
 * runs in a worker thread with its own database connection; the page shows
 * its progress and can cancel it (the load is one transaction, so a cancel
 * leaves the database empty). When data is there, "data-loaded" is emitted.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-demo.h"
#include "crm-locale.h"
#include "crm-welcome-page.h"

struct _CrmWelcomePage {
  AdwBin        parent_instance;

  GtkWidget    *buttons;
  GtkWidget    *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel     *progress_label;
  GtkLabel     *error_label;

  char         *database_path;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CrmWelcomePage, crm_welcome_page, ADW_TYPE_BIN)

enum {
  DATA_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
crm_welcome_page_set_database_path (CrmWelcomePage *self, const char *path)
{
  g_return_if_fail (CRM_IS_WELCOME_PAGE (self));
  g_free (self->database_path);
  self->database_path = g_strdup (path);
}

gboolean
crm_welcome_page_get_busy (CrmWelcomePage *self)
{
  g_return_val_if_fail (CRM_IS_WELCOME_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

/* ---- the worker --------------------------------------------------------- */

typedef struct {
  char   *path;
  char   *language;
  GWeakRef page;
} LoadData;

typedef struct {
  GWeakRef page;
  double   fraction;
  char    *stage;
} ProgressUpdate;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->language);
  g_weak_ref_clear (&data->page);
  g_free (data);
}

static gboolean
apply_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  g_autoptr(CrmWelcomePage) self = g_weak_ref_get (&update->page);

  if (self != NULL && self->cancellable != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, update->fraction);
      gtk_label_set_label (self->progress_label, update->stage);
    }
  g_weak_ref_clear (&update->page);
  g_free (update->stage);
  g_free (update);
  return G_SOURCE_REMOVE;
}

/* In the worker thread: hand the figure to the main loop. */
static void
progress_cb (double fraction, const char *stage, gpointer user_data)
{
  LoadData *data = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);
  g_autoptr(GObject) page = g_weak_ref_get (&data->page);

  g_weak_ref_init (&update->page, page);
  update->fraction = fraction;
  update->stage = g_strdup (stage);
  g_idle_add (apply_progress, update);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  GError *error = NULL;
  CrmDemoOptions options;

  db = crm_database_new (data->path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  crm_demo_options_init (&options);
  options.language = data->language;
  if (!crm_demo_generate (db, &options, progress_cb, data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmWelcomePage *self = CRM_WELCOME_PAGE (source);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_widget_set_visible (self->buttons, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.load-demo", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The demo data could not be loaded: %s"), error->message);
          gtk_label_set_label (self->error_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }
  g_signal_emit (self, signals[DATA_LOADED], 0);
}

static void
load_demo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWelcomePage *self = CRM_WELCOME_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  if (self->cancellable != NULL || self->database_path == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (self->database_path);
  data->language = g_strdup (crm_locale_get_language ());
  g_weak_ref_init (&data->page, self);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->buttons, FALSE);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->progress_label, _("Preparing"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.load-demo", FALSE);

  task = g_task_new (self, self->cancellable, load_finished_cb, NULL);
  g_task_set_source_tag (task, load_demo_activated);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWelcomePage *self = CRM_WELCOME_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_welcome_page_dispose (GObject *object)
{
  CrmWelcomePage *self = CRM_WELCOME_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (crm_welcome_page_parent_class)->dispose (object);
}

static void
crm_welcome_page_finalize (GObject *object)
{
  CrmWelcomePage *self = CRM_WELCOME_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database_path, g_free);
  G_OBJECT_CLASS (crm_welcome_page_parent_class)->finalize (object);
}

static void
crm_welcome_page_class_init (CrmWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_welcome_page_dispose;
  object_class->finalize = crm_welcome_page_finalize;

  signals[DATA_LOADED] = g_signal_new ("data-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWelcomePage, buttons);
  gtk_widget_class_bind_template_child (widget_class, CrmWelcomePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CrmWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmWelcomePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CrmWelcomePage, error_label);

  gtk_widget_class_install_action (widget_class, "welcome.load-demo", NULL, load_demo_activated);
  gtk_widget_class_install_action (widget_class, "welcome.cancel", NULL, cancel_activated);
}

static void
crm_welcome_page_init (CrmWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
