/* crm-preferences-window.c — the settings kept in the database
 *
 * General (company, currency, week start, work hours, reminder), KPI
 * (score weights, risk thresholds, follow-ups) and Data (the database
 * file, backup). Every change is stored as it is made, by the store's
 * writer thread (the window never waits for the database); a value out of
 * range, or one the store refuses, is put back with the reason in a toast.
 * The other screens hear of it through the database's "changed::setting".
 *
 * The backup runs in a worker with its own connection (SQLite's online
 * backup: consistent while the app goes on writing) and shows its progress.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "crm-database-writer.h"
#include "crm-locale.h"
#include "crm-money.h"
#include "crm-preferences-window.h"
#include "crm-setting-store.h"
#include "crm-window.h"

/* The spin buttons and the setting each one keeps. */
#define SPIN_KEYS(X) \
  X (work_start_min, work_start_spin) \
  X (work_end_min, work_end_spin) \
  X (reminder_min, reminder_spin) \
  X (weight_revenue, weight_revenue_spin) \
  X (weight_calls, weight_calls_spin) \
  X (weight_talk_minutes, weight_talk_minutes_spin) \
  X (weight_meetings, weight_meetings_spin) \
  X (weight_new_prospects, weight_new_prospects_spin) \
  X (risk_forecast_high, risk_forecast_high_spin) \
  X (risk_forecast_medium, risk_forecast_medium_spin) \
  X (risk_meetings_high, risk_meetings_high_spin) \
  X (risk_meetings_medium, risk_meetings_medium_spin) \
  X (follow_up_days, follow_up_days_spin) \
  X (stuck_days, stuck_days_spin)

struct _CrmPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  GtkWidget      *general_page;
  GtkWidget      *kpi_page;
  AdwEntryRow    *company_row;
  AdwComboRow    *currency_row;
  GtkStringList  *currency_names;
  AdwComboRow    *week_row;
  GtkStringList  *week_names;
  AdwActionRow   *path_row;
  GtkWidget      *progress_row;
  GtkProgressBar *progress_bar;
#define X(key, spin) GtkSpinButton *spin;
  SPIN_KEYS (X)
#undef X

  CrmDatabase    *database;
  CrmSettings    *settings;       /* as stored */
  GCancellable   *backup;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  BACKUP_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Week start: the setting's value of each entry of the drop-down. */
static const int week_values[] = { 0, 1, 7 };

static void
toast (CrmPreferencesWindow *self, const char *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), crm_toast_new (text));
}

static int
spin_setting (CrmPreferencesWindow *self, const char *key)
{
  g_autofree char *value = crm_settings_get_value (self->settings, key);
  return atoi (value);
}

/* ---- showing the stored values ------------------------------------------ */

static void
show_settings (CrmPreferencesWindow *self)
{
  const char * const *currencies = crm_currency_list ();

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->company_row), self->settings->company_name);
  for (guint i = 0; currencies[i] != NULL; i++)
    if (g_ascii_strcasecmp (currencies[i], self->settings->currency) == 0)
      adw_combo_row_set_selected (self->currency_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (week_values); i++)
    if (week_values[i] == self->settings->week_start)
      adw_combo_row_set_selected (self->week_row, i);
#define X(key, spin) gtk_spin_button_set_value (self->spin, spin_setting (self, #key));
  SPIN_KEYS (X)
#undef X
  self->updating = FALSE;
}

/* ---- storing a change --------------------------------------------------- */

typedef struct {
  CrmPreferencesWindow *window;
  char                 *key;
  char                 *value;      /* as written */
  char                 *previous;   /* as stored before */
} SettingWrite;

static void
setting_write_free (SettingWrite *job)
{
  g_object_unref (job->window);
  g_free (job->key);
  g_free (job->value);
  g_free (job->previous);
  g_free (job);
}

/* In the writer thread. */
static gboolean
write_setting (CrmDatabase *db, gpointer data, GError **error)
{
  SettingWrite *job = data;
  return crm_setting_store_set_value (db, job->key, job->value, error);
}

/* A refusal puts the value stored before back (unless it was changed
 * again meanwhile: that change is on its way) and says why. */
static void
setting_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SettingWrite *job = crm_database_write_get_data (result);
  CrmPreferencesWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;

  if (crm_database_write_finish (CRM_DATABASE (source), result, &error) || self->database == NULL)
    return;
  now = crm_settings_get_value (self->settings, job->key);
  if (g_strcmp0 (now, job->value) == 0)
    {
      crm_settings_set_value (self->settings, job->key, job->previous, NULL);
      show_settings (self);
    }
  text = g_strdup_printf (_("The setting was not saved: %s"), error->message);
  toast (self, text);
}

/* Checks one setting and hands it to the store's writer thread (the window
 * never waits for the database); a value out of range is told and the
 * stored value shown again. */
static gboolean
store (CrmPreferencesWindow *self, const char *key, const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  SettingWrite *job;

  if (self->updating || self->database == NULL)
    return FALSE;
  previous = crm_settings_get_value (self->settings, key);
  if (!crm_settings_set_value (self->settings, key, value, &error))
    {
      toast (self, error->message);
      show_settings (self);
      return FALSE;
    }
  job = g_new0 (SettingWrite, 1);
  job->window = g_object_ref (self);
  job->key = g_strdup (key);
  job->value = crm_settings_get_value (self->settings, key);
  job->previous = g_steal_pointer (&previous);
  crm_database_write_async (self->database, (const char * const[]) { "setting", NULL }, write_setting,
                            job, (GDestroyNotify) setting_write_free, setting_written_cb, NULL);
  return TRUE;
}

static void
company_applied_cb (AdwEntryRow *row, CrmPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  store (self, "company_name", name);
}

static void
currency_selected_cb (AdwComboRow *row, GParamSpec *pspec, CrmPreferencesWindow *self)
{
  const char * const *currencies = crm_currency_list ();
  guint selected = adw_combo_row_get_selected (row);

  if (selected < g_strv_length ((char **) currencies))
    store (self, "currency", currencies[selected]);
}

static void
week_selected_cb (AdwComboRow *row, GParamSpec *pspec, CrmPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  char value[8];

  if (selected >= G_N_ELEMENTS (week_values))
    return;
  g_snprintf (value, sizeof value, "%d", week_values[selected]);
  store (self, "week_start", value);
}

/* What the store does not check itself: the pairs that must be in order. */
static const char *
check_order (CrmPreferencesWindow *self, const char *key, int value)
{
  if ((g_str_equal (key, "work_start_min") && value >= self->settings->work_end_min) ||
      (g_str_equal (key, "work_end_min") && value <= self->settings->work_start_min))
    return _("The work day must end after it starts.");
  if ((g_str_equal (key, "risk_forecast_high") && value > self->settings->risk_forecast_medium) ||
      (g_str_equal (key, "risk_forecast_medium") && value < self->settings->risk_forecast_high) ||
      (g_str_equal (key, "risk_meetings_high") && value > self->settings->risk_meetings_medium) ||
      (g_str_equal (key, "risk_meetings_medium") && value < self->settings->risk_meetings_high))
    return _("The high-risk threshold cannot be above the medium-risk one.");
  return NULL;
}

static void
spin_changed_cb (GtkSpinButton *spin, CrmPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "setting");
  int value = gtk_spin_button_get_value_as_int (spin);
  const char *problem;
  char text[16];

  if (self->updating)
    return;
  if ((problem = check_order (self, key, value)) != NULL)
    {
      toast (self, problem);
      show_settings (self);
      return;
    }
  g_snprintf (text, sizeof text, "%d", value);
  store (self, key, text);
}

/* ---- times of day in the spin buttons ----------------------------------- */

static gboolean
time_output_cb (GtkSpinButton *spin, gpointer user_data)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  char text[8];

  g_snprintf (text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
time_input_cb (GtkSpinButton *spin, double *new_value, gpointer user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hours = 0, minutes = 0;
  char extra;

  /* "9:30", "9.30" or "9" */
  if (sscanf (text, "%d:%d%c", &hours, &minutes, &extra) != 2 &&
      sscanf (text, "%d.%d%c", &hours, &minutes, &extra) != 2)
    {
      minutes = 0;
      if (sscanf (text, "%d%c", &hours, &extra) != 1)
        return GTK_INPUT_ERROR;
    }
  if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 24 * 60)
    return GTK_INPUT_ERROR;
  *new_value = hours * 60 + minutes;
  return TRUE;
}

/* ---- the database file and its backup ----------------------------------- */

static void
copy_path_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), crm_database_get_path (self->database));
  toast (self, _("The path of the database file was copied."));
}

typedef struct {
  char    *source;
  char    *destination;
  GWeakRef window;
} BackupJob;

typedef struct {
  GWeakRef window;
  double   fraction;
} BackupProgress;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->source);
  g_free (job->destination);
  g_weak_ref_clear (&job->window);
  g_free (job);
}

static gboolean
show_progress (gpointer data)
{
  BackupProgress *progress = data;
  g_autoptr(CrmPreferencesWindow) self = g_weak_ref_get (&progress->window);

  if (self != NULL && self->backup != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  g_weak_ref_clear (&progress->window);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* In the worker: hand the figure to the main loop. */
static void
backup_progress_cb (goffset current, goffset total, gpointer data)
{
  BackupJob *job = data;
  BackupProgress *progress = g_new0 (BackupProgress, 1);
  g_autoptr(GObject) window = g_weak_ref_get (&job->window);

  g_weak_ref_init (&progress->window, window);
  progress->fraction = total > 0 ? (double) current / (double) total : 0;
  g_idle_add (show_progress, progress);
}

static void
backup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  GError *error = NULL;

  db = crm_database_new (job->source, CRM_DATABASE_FLAGS_NO_CREATE | CRM_DATABASE_FLAGS_READ_ONLY,
                         cancellable, &error);
  if (db == NULL || !crm_database_backup_to (db, job->destination, backup_progress_cb, job, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
backup_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (source);
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_filename_display_name (job->destination);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->backup);
  gtk_widget_set_visible (self->progress_row, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.back-up", TRUE);
  if (ok)
    text = g_strdup_printf (_("The database was backed up to %s."), name);
  else
    text = g_strdup_printf (_("The backup failed: %s"), error->message);
  toast (self, text);
  g_signal_emit (self, signals[BACKUP_FINISHED], 0, ok);
}

void
crm_preferences_window_back_up_to (CrmPreferencesWindow *self, const char *destination)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (CRM_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (destination != NULL);

  if (self->backup != NULL || self->database == NULL)
    return;
  self->backup = g_cancellable_new ();
  job = g_new0 (BackupJob, 1);
  job->source = g_strdup (crm_database_get_path (self->database));
  job->destination = g_strdup (destination);
  g_weak_ref_init (&job->window, self);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (self->progress_row, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.back-up", FALSE);
  task = g_task_new (self, self->backup, backup_finished_cb, NULL);
  g_task_set_source_tag (task, crm_preferences_window_back_up_to);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
crm_preferences_window_is_backing_up (CrmPreferencesWindow *self)
{
  g_return_val_if_fail (CRM_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->backup != NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CrmPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        crm_preferences_window_back_up_to (self, path);
    }
  g_object_unref (chooser);
}

static void
back_up_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("salescrm-backup-%s.db", day);

  chooser = gtk_file_chooser_native_new (_("Back Up the Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ------------------------------------------------------------ */

CrmPreferencesWindow *
crm_preferences_window_new (GtkWindow *parent, CrmDatabase *database)
{
  CrmPreferencesWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->settings = crm_setting_store_load (database, &error);
  if (self->settings == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The settings could not be read: %s"), error->message);
      self->settings = crm_settings_new ();
      toast (self, text);
    }
  path = g_markup_escape_text (crm_database_get_path (database), -1);
  adw_action_row_set_subtitle (self->path_row, path);
  show_settings (self);
  if (crm_database_is_read_only (database))
    {
      gtk_widget_set_sensitive (self->general_page, FALSE);
      gtk_widget_set_sensitive (self->kpi_page, FALSE);
      toast (self, _("The database is open read-only: the settings cannot be changed."));
    }
  return self;
}

static void
crm_preferences_window_dispose (GObject *object)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  if (self->backup != NULL)
    g_cancellable_cancel (self->backup);
  g_clear_object (&self->backup);
  g_clear_object (&self->database);
  g_clear_pointer (&self->settings, crm_settings_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (crm_preferences_window_parent_class)->dispose (object);
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_window_dispose;

  signals[BACKUP_FINISHED] = g_signal_new ("backup-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, kpi_page);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, company_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, currency_names);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, week_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, week_names);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, progress_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, progress_bar);
#define X(key, spin) gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, spin);
  SPIN_KEYS (X)
#undef X
  gtk_widget_class_bind_template_callback (widget_class, company_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, week_selected_cb);

  gtk_widget_class_install_action (widget_class, "prefs.copy-path", NULL, copy_path_activated);
  gtk_widget_class_install_action (widget_class, "prefs.back-up", NULL, back_up_activated);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  const char * const *currencies = crm_currency_list ();
  g_autofree char *language_day = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  for (guint i = 0; currencies[i] != NULL; i++)
    {
      /* Translators: an entry of the currency list: the code and its sign, "RUB (₽)" */
      g_autofree char *label = g_strdup_printf (C_("currency", "%s (%s)"), currencies[i], crm_currency_symbol (currencies[i]));
      gtk_string_list_append (self->currency_names, label);
    }
  /* Translators: the week starts as the language says; %s is that day: "Monday (automatic)" */
  language_day = g_strdup_printf (C_("week start", "%s (automatic)"),
                                  crm_locale_get_first_weekday () == G_DATE_SUNDAY ? _("Sunday") : _("Monday"));
  gtk_string_list_append (self->week_names, language_day);
  gtk_string_list_append (self->week_names, _("Monday"));
  gtk_string_list_append (self->week_names, _("Sunday"));
  self->updating = FALSE;

#define X(key, spin) \
  g_object_set_data (G_OBJECT (self->spin), "setting", (gpointer) #key); \
  g_signal_connect (self->spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
  SPIN_KEYS (X)
#undef X
  g_signal_connect (self->work_start_spin, "output", G_CALLBACK (time_output_cb), NULL);
  g_signal_connect (self->work_start_spin, "input", G_CALLBACK (time_input_cb), NULL);
  g_signal_connect (self->work_end_spin, "output", G_CALLBACK (time_output_cb), NULL);
  g_signal_connect (self->work_end_spin, "input", G_CALLBACK (time_input_cb), NULL);
}
