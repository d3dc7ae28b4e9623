/* test-window.c — the application and its main window under Xvfb
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "crm-application.h"
#include "crm-client-card.h"
#include "crm-client-store.h"
#include "crm-clients-page.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-welcome-page.h"
#include "crm-window.h"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CrmWindow *
start_app (CrmApplication **out_app, const char *db_path)
{
  g_autoptr(GError) error = NULL;
  CrmApplication *app = crm_application_new (db_path);
  static int n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%d_%d", APPLICATION_ID, (int) getpid (), ++n_apps);
  GtkWindow *window;

  /* A new id for each app object: a session bus may still hold the last one. */
  g_application_set_application_id (G_APPLICATION (app), app_id);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  iterate ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRM_IS_WINDOW (window));
  *out_app = app;
  return CRM_WINDOW (window);
}

static void
close_app (CrmApplication *app, CrmWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_object_unref (app);
}

static void
test_opens_welcome_on_empty_database (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (crm_window_get_page (window), ==, "welcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Welcome — SalesCRM");
  g_assert_nonnull (crm_application_get_database (app));

  /* "Start with an empty database" leaves the welcome page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  iterate ();
  g_assert_cmpstr (crm_window_get_page (window), !=, "welcome");

  close_app (app, window);
}

static void
test_title_in_russian (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmApplication *app = NULL;
  CrmWindow *window;

  crm_test_use_language ("ru");
  window = start_app (&app, path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Добро пожаловать — SalesCRM");
  close_app (app, window);
  crm_test_use_language (NULL);
}

static void
test_error_page_for_bad_file (void)
{
  g_autofree char *path = crm_test_tmp_path ("bad.db");
  CrmApplication *app = NULL;
  CrmWindow *window;

  g_assert_true (g_file_set_contents (path, "plain text", -1, NULL));
  window = start_app (&app, path);
  g_assert_cmpstr (crm_window_get_page (window), ==, "error");
  g_assert_null (crm_application_get_database (app));
  g_assert_nonnull (crm_application_get_database_error (app));
  close_app (app, window);
}

static void
test_about_and_shortcuts (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);
  GList *toplevels;
  GtkWidget *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (about);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (about)));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (GTK_WINDOW (about));
  iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate ();
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
  gtk_window_close (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  iterate ();
  close_app (app, window);
}

/* "Try it with demo data" fills the database in a worker thread while the
 * window stays responsive, then shows the main screens. */
static void
test_load_demo_from_welcome (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint iterations = 0;

  GtkWidget *page = crm_test_find_widget (GTK_WIDGET (window), CRM_TYPE_WELCOME_PAGE);

  g_assert_cmpstr (crm_window_get_page (window), ==, "welcome");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "welcome.load-demo", NULL));
  /* The main loop keeps turning while the data is written. */
  while (g_str_equal (crm_window_get_page (window), "welcome") && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      iterations++;
    }
  g_assert_cmpstr (crm_window_get_page (window), ==, "main");
  g_assert_cmpuint (iterations, >, 5);
  g_assert_false (crm_database_is_empty (crm_application_get_database (app), NULL));
  close_app (app, window);
}

static void
collect_actions (GMenuModel *model, GPtrArray *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
      if (section != NULL)
        collect_actions (section, actions);
    }
}

/* The main menu offers what the README says it does, and each entry works. */
static void
test_main_menu (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  const char *expected[] = { "win.import", "win.export", "app.run-in-background", "app.preferences",
                             "win.show-help-overlay", "app.about", "app.quit" };
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);
  GtkWidget *button = crm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  collect_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), actions);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (g_ptr_array_find_with_equal_func (actions, expected[i], g_str_equal, NULL));
      if (g_str_has_prefix (expected[i], "app."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), expected[i] + 4));
    }
  close_app (app, window);
}

/* win.show-client: what the dashboard and the calendar use to open a client. */
static void
test_show_client (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  g_autoptr(GError) error = NULL;
  CrmApplication *app = NULL;
  CrmWindow *window;
  GtkWidget *clients;
  CrmClient *shown;
  gint64 id;

  {
    g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
    g_autoptr(CrmClient) client = crm_client_new ();

    g_assert_no_error (error);
    client->name = g_strdup ("Olga Example");
    g_assert_true (crm_client_store_create (db, client, &error));
    g_assert_no_error (error);
    id = client->id;
  }

  window = start_app (&app, path);
  g_assert_cmpstr (crm_window_get_page (window), ==, "main");
  g_assert_true (crm_window_show_screen (window, "dashboard"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-client", "x", id));
  iterate ();
  g_assert_cmpstr (crm_window_get_screen (window), ==, "clients");
  clients = crm_test_find_widget (GTK_WIDGET (window), CRM_TYPE_CLIENTS_PAGE);
  g_assert_true (crm_clients_page_is_card_open (CRM_CLIENTS_PAGE (clients)));
  shown = crm_client_card_get_client (CRM_CLIENT_CARD (crm_test_find_widget (clients, CRM_TYPE_CLIENT_CARD)));
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->id, ==, id);
  g_assert_cmpstr (shown->name, ==, "Olga Example");
  close_app (app, window);
}

/* The window size and the screen are kept in GSettings. */
static void
test_remembers_size (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);
  GSettings *settings = crm_application_get_settings (app);

  g_assert_nonnull (settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  iterate ();
  close_app (app, window);

  {
    g_autoptr(GSettings) s = g_settings_new (APPLICATION_ID);
    g_assert_cmpint (g_settings_get_int (s, "window-width"), ==, 900);
    g_assert_cmpint (g_settings_get_int (s, "window-height"), ==, 650);
  }
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  crm_test_use_language (NULL);

  g_test_add_func ("/window/opens-welcome-on-empty-database", test_opens_welcome_on_empty_database);
  g_test_add_func ("/window/title-in-russian", test_title_in_russian);
  g_test_add_func ("/window/error-page-for-bad-file", test_error_page_for_bad_file);
  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/window/remembers-size", test_remembers_size);
  g_test_add_func ("/window/show-client", test_show_client);
  g_test_add_func ("/window/main-menu", test_main_menu);
  g_test_add_func ("/window/load-demo-from-welcome", test_load_demo_from_welcome);

  return g_test_run ();
}
