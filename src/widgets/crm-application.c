/* crm-application.c — the SalesCRM application object
 *
 * Single instance (GApplication's D-Bus uniqueness): starting the app again
 * presents the open window. Owns the database connection of the main thread
 * and the GSettings, both shared by the windows.
 *
 * A file of an older data format is opened — and upgraded, which takes a
 * minute on a large database — in a worker thread while the window shows
 * the upgrading page; the connection is handed to the main thread when the
 * worker is done, and the window goes on as after any opening.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application.h"
#include "crm-database-writer.h"
#include "crm-bench-hook.h"
#include "crm-preferences-window.h"
#include "crm-calendar-view.h"
#include "crm-reminders.h"
#include "crm-window.h"

struct _CrmApplication {
  AdwApplication  parent_instance;

  char           *database_path;
  CrmDatabase    *database;
  GError         *database_error;
  GSettings      *settings;
  CrmReminders   *reminders;
  GCancellable   *upgrade_cancellable;  /* while the worker opens and upgrades */
  gboolean        held;           /* run-in-background keeps the app alive */
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPGRADE_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

CrmApplication *
crm_application_new (const char *database_path)
{
  return g_object_new (CRM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       "database-path", database_path,
                       NULL);
}

CrmDatabase *
crm_application_get_database (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);
  return self->database;
}

const GError *
crm_application_get_database_error (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);
  return self->database_error;
}

const char *
crm_application_get_database_path (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);
  return self->database != NULL ? crm_database_get_path (self->database) : self->database_path;
}

/* NULL when the schema is not installed (an uninstalled build run without
 * GSETTINGS_SCHEMA_DIR): the app then simply does not remember its state. */
CrmReminders *
crm_application_get_reminders (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);
  return self->reminders;
}

GSettings *
crm_application_get_settings (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrmApplication *self = CRM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The SalesCRM developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", "SalesCRM",
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The SalesCRM developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep your clients, plan calls and meetings, and measure your sales team by the KPIs that predict revenue."),
                        "website", "https://example.com/salescrm",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The SalesCRM developers",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The parameter names the page to show: "general", "kpi" or "data". */
static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrmApplication *self = CRM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CrmPreferencesWindow *window;

  if (self->database == NULL)
    return;
  window = crm_preferences_window_new (parent, self->database);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window),
                                                g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrmApplication *self = CRM_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close each window so that it saves its state and finishes pending work
   * (an undoable delete in a toast is completed, not lost). */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
  /* While upgrading, the window asks first; the application ends when the
   * worker has (it holds the application till then). */
  if (self->upgrade_cancellable == NULL)
    g_application_quit (G_APPLICATION (self));
}

/* ---- reminders and running in the background ---------------------------- */

static void
open_activity_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrmApplication *self = CRM_APPLICATION (user_data);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autoptr(CrmActivity) activity = NULL;
  GtkWindow *window;
  GtkWidget *calendar;

  /* The window may have been closed while running in the background. */
  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (self->reminders == NULL || window == NULL || !CRM_IS_WINDOW (window))
    return;
  activity = crm_reminders_lookup (self->reminders, key);
  if (activity == NULL)
    {
      crm_window_add_toast (CRM_WINDOW (window), adw_toast_new (_("That activity no longer exists.")));
      return;
    }
  calendar = crm_window_get_screen_widget (CRM_WINDOW (window), "calendar");
  if (calendar != NULL && crm_window_show_screen (CRM_WINDOW (window), "calendar"))
    crm_calendar_view_open_activity (CRM_CALENDAR_VIEW (calendar), activity);
}

static void
snooze_activity_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrmApplication *self = CRM_APPLICATION (user_data);

  if (self->reminders != NULL)
    crm_reminders_snooze (self->reminders, g_variant_get_string (parameter, NULL),
                          g_get_real_time () / G_USEC_PER_SEC, CRM_REMINDERS_SNOOZE_MIN);
}

static void
update_hold (CrmApplication *self)
{
  gboolean want = self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background");

  if (want == self->held)
    return;
  self->held = want;
  if (want)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
run_in_background_changed_cb (GSettings *settings, const char *key, CrmApplication *self)
{
  update_hold (self);
}

static void
start_reminders (CrmApplication *self)
{
  if (self->reminders == NULL && self->database != NULL && !crm_database_is_read_only (self->database))
    self->reminders = crm_reminders_new (G_APPLICATION (self), self->database);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "preferences", preferences_activated, "s" },
  { "quit", quit_activated },
  { "open-activity", open_activity_activated, "s" },
  { "snooze-activity", snooze_activity_activated, "s" },
};

/* Whether another renderer than Cairo was asked for (GTK 4.8 knows gl or
 * opengl, vulkan when built with it, broadway). */
static gboolean
other_renderer_asked (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  return renderer != NULL && *renderer != '\0' && g_ascii_strcasecmp (renderer, "cairo") != 0;
}

/* SalesCRM draws with Cairo and does not set up OpenGL. On X11, GTK 4.8
 * opens OpenGL (loading the Mesa or vendor driver) when it connects to the
 * display, only to choose the window's visual, whatever renderer then
 * draws: some 40 % of an empty GTK window's start on this machine, and the
 * driver's memory (benchmarks/results.md). A window of forms, lists and
 * Cairo charts gains little from the GPU, so GDK is told to leave OpenGL out:
 * gl-disable is added to GDK_DEBUG, which GDK reads once when it starts, and
 * the variable is put back as it was at once, so that programs started from
 * here do not inherit it. Whoever sets GSK_RENDERER to another renderer
 * (GSK_RENDERER=gl for the GPU) keeps GTK's own choice.
 *
 * Returns whether it did; @before keeps GDK_DEBUG's value before. */
static gboolean
leave_out_gl (char **before)
{
  const char *debug = g_getenv ("GDK_DEBUG");

  *before = g_strdup (debug);
  if (other_renderer_asked ())
    return FALSE;
  if (debug != NULL && *debug != '\0')
    {
      g_autofree char *both = g_strconcat (debug, ",gl-disable", NULL);
      g_setenv ("GDK_DEBUG", both, TRUE);
    }
  else
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  return TRUE;
}

/* libadwaita styles every widget with its own style sheet: when it starts it
 * switches GTK's theme to "Adwaita-empty", an empty theme it ships. GTK 4.8
 * has by then parsed its own default theme, only for it to be dropped — a
 * sixth of the whole start (see benchmarks/results.md). GTK reads GTK_THEME
 * when it initialises, so starting it with the empty theme skips that
 * parse; libadwaita leaves its style sheet out while GTK_THEME is set, so
 * the variable goes again at once. What people see is the same. A theme set
 * with GTK_THEME is left alone.
 *
 * It also leaves OpenGL out, as leave_out_gl () says.
 *
 * main () calls this first. On X11 only the main thread runs then; on
 * Wayland GTK may have started its D-Bus thread (the settings portal) by the
 * time the variables are put back. glibc's setenv and unsetenv lock against
 * each other and never free a string getenv may have returned, so a getenv
 * in that thread at worst misses a variable; GLib's own threads read none of
 * these. */
void
crm_application_init_display (void)
{
  g_autofree char *debug_before = NULL;
  gboolean gl_left_out = leave_out_gl (&debug_before);
  gboolean theme_set = FALSE;

  if (g_getenv ("GTK_THEME") == NULL)
    {
      g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
      theme_set = TRUE;
    }
  /* Without a display GtkApplication's start says so later, as before.
   * GTK loads the theme with the display's settings, made on first use. */
  if (gtk_init_check ())
    {
      gtk_settings_get_default ();
      /* GSK's choice for each new window: the display's "gsk-renderer" comes
       * before GSK_RENDERER. Without it GSK tries OpenGL first and says on
       * the terminal that it is disabled. */
      if (gl_left_out)
        g_object_set_data (G_OBJECT (gdk_display_get_default ()), "gsk-renderer", (gpointer) "cairo");
    }
  if (theme_set)
    g_unsetenv ("GTK_THEME");
  if (gl_left_out && debug_before != NULL)
    g_setenv ("GDK_DEBUG", debug_before, TRUE);
  else if (gl_left_out)
    g_unsetenv ("GDK_DEBUG");
}

static void
read_icon_theme_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  /* Any look-up reads the theme's index and caches, under the theme's lock. */
  gtk_icon_theme_has_icon (task_data, "document-open-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* The icon theme is read in a worker while the window is made (a sixth of
 * the start when the first icon read it in the main thread). GTK starts
 * such a read itself when the theme is first asked for, but GtkApplication
 * and libadwaita then add their icon folders, and each addition throws away
 * what was read. Reading it again here, after the last of them, lasts.
 * GtkIconTheme's look-ups may be called from any thread once it is set up in
 * the main one (see gtkicontheme.c); a look-up in the main thread meanwhile
 * waits for the read instead of doing it again. */
static void
read_icon_theme_in_background (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
crm_application_startup (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (app);
  read_icon_theme_in_background ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences('general')",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GAction) background = NULL;

      self->settings = g_settings_new (APPLICATION_ID);
      /* A checkbox in the main menu; the setting keeps it across runs. */
      background = g_settings_create_action (self->settings, "run-in-background");
      g_action_map_add_action (G_ACTION_MAP (self), background);
      g_signal_connect_object (self->settings, "changed::run-in-background",
                               G_CALLBACK (run_in_background_changed_cb), self, 0);
      update_hold (self);
    }
  else
    g_message ("The GSettings schema %s is not installed: window size and screen will not be remembered.",
               APPLICATION_ID);
}

/* The database of the main thread is known (or its error): */
static void
database_opened (CrmApplication *self)
{
  if (self->database != NULL)
    crm_database_watch_changes (self->database);
  /* Without a database there is nothing to set. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                               self->database != NULL);
  start_reminders (self);
}

/* ---- upgrading an older file in a worker --------------------------------- */

gboolean
crm_application_is_upgrading (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), FALSE);
  return self->upgrade_cancellable != NULL;
}

/* The upgrade stops and its transaction is rolled back: the file stays at
 * its old format. The application waits for the worker before it ends. */
void
crm_application_stop_upgrade (CrmApplication *self)
{
  g_return_if_fail (CRM_IS_APPLICATION (self));
  if (self->upgrade_cancellable != NULL)
    g_cancellable_cancel (self->upgrade_cancellable);
}

typedef struct {
  CrmApplication        *app;
  CrmDatabaseUpgradeStep step;
  double                 fraction;
} UpgradeReport;

static gboolean
upgrade_reported_cb (gpointer data)
{
  UpgradeReport *report = data;

  g_signal_emit (report->app, signals[UPGRADE_PROGRESS], 0, report->step, report->fraction);
  return G_SOURCE_REMOVE;
}

static void
upgrade_report_free (gpointer data)
{
  UpgradeReport *report = data;

  g_object_unref (report->app);
  g_free (report);
}

/* In the worker, a few times a second: passed on to the main loop. */
static void
upgrade_progress_cb (const CrmDatabaseUpgrade *upgrade, gpointer user_data)
{
  UpgradeReport *report = g_new0 (UpgradeReport, 1);

  report->app = g_object_ref (user_data);
  report->step = upgrade->step;
  report->fraction = upgrade->fraction;
  g_idle_add_full (G_PRIORITY_DEFAULT, upgrade_reported_cb, report, upgrade_report_free);
}

static void
open_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  CrmDatabase *db = crm_database_new_upgrading (task_data, CRM_DATABASE_FLAGS_NONE,
                                                upgrade_progress_cb, source, cancellable, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmApplication *self = CRM_APPLICATION (source);
  gboolean stopped = g_cancellable_is_cancelled (self->upgrade_cancellable);
  GtkWindow *window;

  g_clear_object (&self->upgrade_cancellable);
  self->database = g_task_propagate_pointer (G_TASK (result), &self->database_error);
  if (!stopped)
    {
      database_opened (self);
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (window != NULL && CRM_IS_WINDOW (window))
        crm_window_database_opened (CRM_WINDOW (window));
    }
  g_application_release (G_APPLICATION (self));
}

/* TRUE when the file is of an older data format: then it is opened in a
 * worker. A file that cannot be read, or is newer, is opened here as before
 * and the error says why. */
static gboolean
open_in_worker (CrmApplication *self)
{
  g_autoptr(GTask) task = NULL;
  int version = 0;

  if (!crm_database_peek_version (self->database_path, &version, NULL) ||
      version <= 0 || version >= CRM_DATABASE_SCHEMA_VERSION)
    return FALSE;
  self->upgrade_cancellable = g_cancellable_new ();
  /* Until the worker is done, even with no window left. */
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, self->upgrade_cancellable, opened_cb, NULL);
  g_task_set_source_tag (task, open_in_worker);
  g_task_set_task_data (task, g_strdup (self->database_path), g_free);
  g_task_run_in_thread (task, open_in_thread);
  return TRUE;
}

static void
crm_application_activate (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      if (self->database_path == NULL)
        self->database_path = crm_database_get_default_path ();
      if (self->database == NULL && self->database_error == NULL && self->upgrade_cancellable == NULL &&
          !open_in_worker (self))
        self->database = crm_database_new (self->database_path, CRM_DATABASE_FLAGS_NONE,
                                           NULL, &self->database_error);
      if (self->upgrade_cancellable == NULL)
        database_opened (self);
      else
        g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                                     FALSE);
      window = GTK_WINDOW (crm_window_new (self));
      crm_bench_hook_watch (window);
    }
  gtk_window_present (window);
}

static void
crm_application_shutdown (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);

  /* Quit while the worker upgrades: it stops, rolls back, and is waited for. */
  if (self->upgrade_cancellable != NULL)
    {
      g_cancellable_cancel (self->upgrade_cancellable);
      while (self->upgrade_cancellable != NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  G_APPLICATION_CLASS (crm_application_parent_class)->shutdown (app);
  g_clear_object (&self->reminders);
  /* A save the writer thread has not finished is finished, not lost. */
  if (self->database != NULL)
    crm_database_wait_for_writes (self->database);
  g_clear_object (&self->database);
}

static void
crm_application_finalize (GObject *object)
{
  CrmApplication *self = CRM_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->database);
  g_clear_object (&self->upgrade_cancellable);
  g_clear_error (&self->database_error);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (crm_application_parent_class)->finalize (object);
}

static void
crm_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmApplication *self = CRM_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_application_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmApplication *self = CRM_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = crm_application_finalize;
  object_class->get_property = crm_application_get_property;
  object_class->set_property = crm_application_set_property;

  app_class->startup = crm_application_startup;
  app_class->activate = crm_application_activate;
  app_class->shutdown = crm_application_shutdown;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmApplication::upgrade-progress:
   * @step: a #CrmDatabaseUpgradeStep
   * @fraction: of the step, 0…1, or < 0 when not known
   *
   * How far the upgrade of an older file is, on the main loop.
   */
  signals[UPGRADE_PROGRESS] = g_signal_new ("upgrade-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_DOUBLE);
}

static void
crm_application_init (CrmApplication *self)
{
}
