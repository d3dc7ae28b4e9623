/* test-upgrade.c — starting the app on a file of an older data format
 *
 * The window shows the upgrading page at once while a worker upgrades the
 * file, then goes on as after any opening. To see the page while the
 * upgrade runs, whatever the machine's speed, the test holds the file's
 * write lock from a connection of its own: the copy of the old file is made
 * (readers go on), the migration waits for the lock (up to the store's
 * busy timeout) until the test lets go.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "crm-application.h"
#include "crm-database-private.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-upgrade-page.h"
#include "crm-window.h"

/* A file of data format 3 with a few thousand clients and their calls. */
static void
make_v3_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  char *msg = NULL;

  g_assert_true (crm_database_create_at_version (path, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  crm_store_register_functions (raw);
  if (sqlite3_exec (raw,
                    "BEGIN;"
                    "INSERT INTO manager (id, name, created_at, updated_at) VALUES (1, 'Anna', 0, 0);"
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                    " INSERT INTO client (kind, name, sort_key, owner_id, created_at, updated_at)"
                    " SELECT 'person', 'Client ' || i, 'client ' || i, 1, 1700000000 + i, 1700000000 + i FROM n;"
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                    " INSERT INTO activity (uid, type, client_id, manager_id, starts_at, duration_min, state,"
                    " created_at, updated_at)"
                    " SELECT 'a' || i, 'call', 1 + i % 2000, 1, 1700000000 + i * 60, 5, 'done', 0, 0 FROM n;"
                    "COMMIT;", NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s", msg);
  sqlite3_close (raw);
}

/* Another program's write transaction on @path: the migration waits for it. */
static sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return raw;
}

static void
release_write_lock (sqlite3 *raw)
{
  g_assert_cmpint (sqlite3_exec (raw, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static int
file_version (const char *path)
{
  g_autoptr(GError) error = NULL;
  int version = -1;

  g_assert_true (crm_database_peek_version (path, &version, &error));
  g_assert_no_error (error);
  return version;
}

/* The backup copies made beside @path. */
static guint
count_backups (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".v3-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak"))
      n++;
  return n;
}

typedef struct {
  CrmApplication *app;
  guint           reports;
  guint           migrate_reports;
} Watch;

static void
upgrade_progress_cb (CrmApplication *app, guint step, double fraction, Watch *watch)
{
  watch->reports++;
  if (step == CRM_DATABASE_UPGRADE_MIGRATE)
    watch->migrate_reports++;
}

static gboolean
migration_reported (gpointer data)
{
  return ((Watch *) data)->migrate_reports > 0;
}

static gboolean
upgrade_over (gpointer data)
{
  return !crm_application_is_upgrading (((Watch *) data)->app);
}

static CrmWindow *
start_app (Watch *watch, const char *path)
{
  g_autoptr(GError) error = NULL;
  static int n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.Upgrade%d_%d", APPLICATION_ID, (int) getpid (), ++n_apps);
  GtkWindow *window;

  watch->app = crm_application_new (path);
  g_application_set_application_id (G_APPLICATION (watch->app), app_id);
  g_application_set_flags (G_APPLICATION (watch->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (watch->app), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (watch->app, "upgrade-progress", G_CALLBACK (upgrade_progress_cb), watch);
  g_application_activate (G_APPLICATION (watch->app));
  window = gtk_application_get_active_window (GTK_APPLICATION (watch->app));
  g_assert_true (CRM_IS_WINDOW (window));
  return CRM_WINDOW (window);
}

static gboolean
has_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The window at once, on the upgrading page; the main loop turns (the
 * migration's progress arrives) while the worker upgrades; then the
 * screens, the file at the current format, its copy, and the toast. */
static void
test_window_while_upgrading (void)
{
  g_autofree char *path = crm_test_tmp_path ("old.db");
  Watch watch = { NULL, 0, 0 };
  sqlite3 *lock;
  CrmWindow *window;
  CrmUpgradePage *page;
  g_autofree char *toast = NULL;

  make_v3_file (path);
  lock = hold_write_lock (path);
  window = start_app (&watch, path);

  /* Shown before the file is opened. */
  g_assert_true (crm_application_is_upgrading (watch.app));
  g_assert_null (crm_application_get_database (watch.app));
  g_assert_cmpstr (crm_window_get_page (window), ==, "upgrading");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Upgrading — SalesCRM");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (watch.app), "preferences"));
  page = CRM_UPGRADE_PAGE (crm_test_find_widget (GTK_WIDGET (window), CRM_TYPE_UPGRADE_PAGE));
  g_assert_nonnull (page);
  g_assert_true (has_label (GTK_WIDGET (window), "Upgrading the Database"));

  /* The copy is made; the migration waits for the lock meanwhile, and the
   * window hears of it through its main loop. */
  g_assert_true (crm_test_wait_for (migration_reported, &watch, 20));
  g_assert_true (crm_application_is_upgrading (watch.app));
  g_assert_cmpstr (crm_window_get_page (window), ==, "upgrading");
  g_assert_cmpstr (crm_upgrade_page_get_step_text (page), ==, "Upgrading the tables…");
  g_assert_cmpuint (count_backups (path), ==, 1);
  g_assert_cmpint (file_version (path), ==, 3);

  release_write_lock (lock);
  g_assert_true (crm_test_wait_for (upgrade_over, &watch, 60));
  crm_test_iterate ();

  g_assert_nonnull (crm_application_get_database (watch.app));
  g_assert_cmpint (crm_database_get_schema_version (crm_application_get_database (watch.app)), ==,
                   CRM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (file_version (path), ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpstr (crm_window_get_page (window), ==, "main");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (watch.app), "preferences"));
  g_assert_null (crm_test_find_widget (GTK_WIDGET (window), CRM_TYPE_UPGRADE_PAGE));
  g_assert_nonnull (crm_application_get_reminders (watch.app));
  toast = g_strdup_printf ("The database was upgraded. A copy of the old one was kept in %s.",
                           crm_database_get_backup_path (crm_application_get_database (watch.app)));
  g_assert_true (g_file_test (crm_database_get_backup_path (crm_application_get_database (watch.app)),
                              G_FILE_TEST_IS_REGULAR));
  g_assert_true (has_label (GTK_WIDGET (window), toast));
  g_assert_cmpuint (watch.reports, >=, 2);

  gtk_window_close (GTK_WINDOW (window));
  crm_test_iterate ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (watch.app)));
  g_object_unref (watch.app);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* Closing the window while the upgrade runs asks first. Going on keeps
 * it; quitting stops the upgrade, which rolls back: the file stays at
 * format 3 (and opens and upgrades later as any), the copy stays too. */
static void
test_quit_while_upgrading (void)
{
  g_autofree char *path = crm_test_tmp_path ("quit.db");
  Watch watch = { NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) later = NULL;
  AdwMessageDialog *dialog;
  sqlite3 *lock;
  CrmWindow *window;

  make_v3_file (path);
  lock = hold_write_lock (path);
  window = start_app (&watch, path);
  g_object_ref (window);
  g_assert_true (crm_test_wait_for (migration_reported, &watch, 20));

  /* Asked, and going on: nothing changes. (While the bar pulses the main
   * loop always has work: wait for what is expected instead.) */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (crm_test_wait_for (dialog_shown, NULL, 10));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Stop the Upgrade?");
  /* As its button does: the response, then the dialog goes. */
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (crm_test_wait_for (dialog_gone, NULL, 10));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (crm_application_is_upgrading (watch.app));

  /* Asked again, and quitting: the window goes, the app waits for the
   * worker, which finds the lock free and stops before it commits. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (crm_test_wait_for (dialog_shown, NULL, 10));
  dialog = g_object_ref (find_message_dialog ());
  adw_message_dialog_response (dialog, "quit");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_true (crm_test_wait_for (dialog_gone, NULL, 10));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (watch.app)));
  release_write_lock (lock);
  g_assert_true (crm_test_wait_for (upgrade_over, &watch, 60));
  crm_test_iterate ();

  g_assert_null (crm_application_get_database (watch.app));
  g_assert_error (crm_application_get_database_error (watch.app), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (file_version (path), ==, 3);
  g_assert_cmpuint (count_backups (path), ==, 1);
  g_object_unref (window);
  g_object_unref (watch.app);

  later = crm_database_new (path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (later), ==, CRM_DATABASE_SCHEMA_VERSION);
}

/* An upgrade that fails (here the file stays locked by another program past
 * the store's wait): the error page with the store's message, and the file
 * as it was. */
static void
test_failed_upgrade_shows_error (void)
{
  g_autofree char *path = crm_test_tmp_path ("locked.db");
  Watch watch = { NULL, 0, 0 };
  sqlite3 *lock;
  CrmWindow *window;
  const GError *error;

  make_v3_file (path);
  lock = hold_write_lock (path);
  window = start_app (&watch, path);
  g_assert_true (crm_test_wait_for (upgrade_over, &watch, 60));
  crm_test_iterate ();
  release_write_lock (lock);

  error = crm_application_get_database_error (watch.app);
  g_assert_nonnull (error);
  g_assert_cmpstr (crm_window_get_page (window), ==, "error");
  g_assert_true (has_label (GTK_WIDGET (window), error->message));
  g_assert_cmpint (file_version (path), ==, 3);

  gtk_window_close (GTK_WINDOW (window));
  crm_test_iterate ();
  g_object_unref (watch.app);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  crm_test_serve_notifications ();

  g_test_add_func ("/upgrade/window-while-upgrading", test_window_while_upgrading);
  g_test_add_func ("/upgrade/quit-while-upgrading", test_quit_while_upgrading);
  g_test_add_func ("/upgrade/failed-upgrade-shows-error", test_failed_upgrade_shows_error);

  return g_test_run ();
}
