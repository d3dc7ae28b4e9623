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
#include "crm-calendar-view.h"
#include "crm-chart-view.h"
#include "crm-client-list-model.h"
#include "crm-client-card.h"
#include "crm-client-store.h"
#include "crm-clients-page.h"
#include "crm-dashboard.h"
#include "crm-deal-column.h"
#include "crm-deals-page.h"
#include "crm-demo.h"
#include "crm-manager-store.h"
#include "crm-my-day.h"
#include "crm-risk-list.h"
#include "crm-team-manager-dialog.h"
#include "crm-team-page.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-week-grid.h"
#include "crm-welcome-page.h"
#include "crm-screen-slot.h"
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

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
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
                             "win.show-shortcuts", "app.about", "app.quit" };
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);
  GtkWidget *button = crm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  /* The menu is made when first opened (the start does not pay for it). */
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  collect_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), actions);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
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
  clients = crm_window_get_screen_widget (window, "clients");
  g_assert_true (crm_clients_page_is_card_open (CRM_CLIENTS_PAGE (clients)));
  shown = crm_client_card_get_client (CRM_CLIENT_CARD (crm_test_find_widget (clients, CRM_TYPE_CLIENT_CARD)));
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->id, ==, id);
  g_assert_cmpstr (shown->name, ==, "Olga Example");
  close_app (app, window);
}

/* The window size is kept in GSettings. */
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

/* ---- the keyboard goes into the screen shown ---------------------------- */

static GtkWidget *
visible_screen (CrmWindow *window)
{
  return crm_window_get_screen_widget (window, crm_window_get_screen (window));
}

static gboolean
focus_in_screen (gpointer data)
{
  CrmWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, visible_screen (window));
}

/* The focus is on a card of the pipeline board. */
static gboolean
focus_on_card (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, CRM_TYPE_DEAL_COLUMN) != NULL &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_GRID_VIEW) != NULL;
}

static gboolean
my_day_has_rows (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_ancestor (focus, CRM_TYPE_MY_DAY) != NULL;
}

static char *
demo_database (guint n_clients)
{
  g_autofree char *path = crm_test_tmp_path ("demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  CrmDemoOptions options;

  g_assert_no_error (error);
  crm_demo_options_init (&options);
  options.n_clients = n_clients;
  options.n_activities = n_clients * 4;
  options.language = "en";
  g_assert_true (crm_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static guint
count_made_screens (CrmWindow *window)
{
  GtkWidget *stack = crm_test_find_by_name (GTK_WIDGET (window), "content_stack");
  guint n = 0;

  for (GtkWidget *slot = gtk_widget_get_first_child (stack); slot != NULL; slot = gtk_widget_get_next_sibling (slot))
    n += crm_screen_slot_peek_screen (CRM_SCREEN_SLOT (slot)) != NULL;
  return n;
}

/* At start, after Ctrl+1…7 and after a click in the sidebar, the keyboard
 * is in the screen shown, on what the screen starts with: its keys (Ctrl+L
 * of the board, Ctrl+F of the clients…) work at once. */
static void
test_focus_enters_screen (void)
{
  g_autofree char *path = demo_database (60);
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);
  GtkWidget *focus;

  g_assert_cmpstr (crm_window_get_page (window), ==, "main");
  /* At start (on the screen of last time). */
  g_assert_true (crm_test_wait_for (focus_in_screen, window, 30));
  /* Only the screen shown has been made: the others wait for their turn. */
  g_assert_cmpuint (count_made_screens (window), ==, 1);

  for (guint i = 1; i <= 7; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-screen", "u", i));
      crm_test_iterate ();
      g_test_message ("screen %u: %s", i, crm_window_get_screen (window));
      g_assert_true (crm_test_wait_for (focus_in_screen, window, 10));
    }
  g_assert_cmpuint (count_made_screens (window), ==, 7);

  /* Each screen's own first place: My Day's first activity once it is read, */
  g_assert_true (crm_window_show_screen (window, "today"));
  g_assert_true (crm_test_wait_for (my_day_has_rows, window, 30));
  /* the search of the clients, the calendar's grid, a card of the board. */
  g_assert_true (crm_window_show_screen (window, "clients"));
  crm_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (crm_window_show_screen (window, "calendar"));
  crm_test_iterate ();
  g_assert_true (CRM_IS_WEEK_GRID (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (crm_window_show_screen (window, "deals"));
  g_assert_true (crm_test_wait_for (focus_on_card, window, 30));
  /* The card with the focus is the selected one, which the keys move. */
  g_assert_nonnull (crm_deals_page_get_current (CRM_DEALS_PAGE (visible_screen (window))));

  /* A click in the sidebar is a row activated. */
  {
    GtkListBox *sidebar = GTK_LIST_BOX (crm_test_find_by_name (GTK_WIDGET (window), "sidebar_list"));
    GtkListBoxRow *team = gtk_list_box_get_row_at_index (sidebar, 5);

    gtk_widget_grab_focus (GTK_WIDGET (team));
    g_signal_emit_by_name (sidebar, "row-activated", team);
    crm_test_iterate ();
    g_assert_cmpstr (crm_window_get_screen (window), ==, "team");
    g_assert_true (focus_in_screen (window));
  }
  close_app (app, window);
}

/* ---- a first start on an empty database --------------------------------- */

static gboolean
dashboard_loaded (gpointer data)
{
  gboolean loading = TRUE;

  g_object_get (data, "loading", &loading, NULL);
  return !loading;
}

static gboolean
my_day_loaded (gpointer data)
{
  return !crm_my_day_is_loading (CRM_MY_DAY (data));
}

static const char *
stack_page (GtkWidget *screen, const char *stack_id)
{
  GtkWidget *stack = crm_test_find_by_name (screen, stack_id);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Without managers, every screen that needs them says to add one first,
 * and its button opens the Add Manager dialog on the Team screen. */
static void
test_empty_database (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, path);
  GtkWidget *day, *calendar, *dashboard, *team, *button;
  CrmTeamManagerDialog *dialog = NULL;
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  crm_test_iterate ();
  day = crm_window_get_screen_widget (window, "today");
  calendar = crm_window_get_screen_widget (window, "calendar");
  dashboard = crm_window_get_screen_widget (window, "dashboard");
  team = crm_window_get_screen_widget (window, "team");

  /* My Day: no "(None)" picker and empty cards, but what to do. */
  g_assert_true (crm_window_show_screen (window, "today"));
  g_assert_true (crm_test_wait_for (my_day_loaded, day, 30));
  g_assert_cmpstr (stack_page (day, "content_stack"), ==, "empty");
  g_assert_false (gtk_widget_get_visible (crm_test_find_by_name (day, "manager_picker")));
  button = crm_test_find_by_name (day, "add_manager_button");
  g_assert_true (gtk_widget_has_focus (button));

  /* Calendar. */
  g_assert_true (crm_window_show_screen (window, "calendar"));
  crm_test_iterate ();
  g_assert_cmpstr (stack_page (calendar, "view_stack"), ==, "empty");
  g_assert_true (gtk_widget_has_focus (crm_test_find_by_name (calendar, "add_manager_button")));

  /* Dashboard: not "on track", not "nobody at risk". */
  g_assert_true (crm_window_show_screen (window, "dashboard"));
  g_assert_true (crm_test_wait_for (dashboard_loaded, dashboard, 30));
  crm_test_iterate ();
  g_assert_cmpstr (stack_page (dashboard, "content_stack"), ==, "empty");
  g_assert_cmpstr (crm_risk_list_get_summary (CRM_RISK_LIST (crm_test_find_widget (dashboard, CRM_TYPE_RISK_LIST))),
                   ==, "Nobody to judge yet.");

  /* Team. */
  g_assert_true (crm_window_show_screen (window, "team"));
  crm_test_iterate ();
  g_assert_cmpstr (stack_page (team, "managers_stack"), ==, "empty");
  g_assert_true (gtk_widget_has_focus (crm_test_find_by_name (team, "empty_add_button")));

  /* My Day's button: the Team screen and its Add Manager dialog. */
  g_assert_true (crm_window_show_screen (window, "today"));
  crm_test_iterate ();
  g_signal_emit_by_name (button, "clicked");
  crm_test_iterate ();
  g_assert_cmpstr (crm_window_get_screen (window), ==, "team");
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_TEAM_MANAGER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The first manager: the screens show their content. */
  {
    g_autoptr(CrmManager) m = crm_manager_new ();

    m->name = g_strdup ("Anna Petrova");
    g_assert_true (crm_manager_store_create (crm_application_get_database (app), m, NULL));
  }
  g_assert_true (crm_test_wait_for (my_day_loaded, day, 5));
  crm_test_iterate ();
  g_assert_cmpstr (stack_page (team, "managers_stack"), ==, "list");
  g_assert_true (crm_window_show_screen (window, "today"));
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (my_day_loaded, day, 30));
  g_assert_cmpstr (stack_page (day, "content_stack"), ==, "day");
  g_assert_true (crm_window_show_screen (window, "calendar"));
  crm_test_iterate ();
  g_assert_cmpstr (stack_page (calendar, "view_stack"), ==, "grid");
  /* Nothing planned yet: the calendar says how to plan. */
  g_assert_true (gtk_widget_get_visible (crm_test_find_by_name (calendar, "hint_label")));
  close_app (app, window);
}

static gchar *
saved_screen (void)
{
  g_autoptr(GSettings) s = g_settings_new (APPLICATION_ID);
  return g_settings_get_string (s, "last-screen");
}

/* The screen shown when the window was closed is the one a new window
 * opens on (GSettings "last-screen"); the welcome page leaves it alone. */
static void
test_remembers_screen (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  g_autofree char *empty_path = crm_test_tmp_path ("empty.db");
  g_autoptr(GError) error = NULL;
  const char *screens[] = { "deals", "team" };
  CrmApplication *app = NULL;
  CrmWindow *window;

  {
    g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
    g_autoptr(CrmClient) client = crm_client_new ();

    g_assert_no_error (error);
    client->name = g_strdup ("Olga Example");
    g_assert_true (crm_client_store_create (db, client, &error));
    g_assert_no_error (error);
  }

  for (gsize i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *saved = NULL;

      window = start_app (&app, path);
      g_assert_cmpstr (crm_window_get_page (window), ==, "main");
      g_assert_cmpstr (crm_window_get_screen (window), !=, screens[i]);
      g_assert_true (crm_window_show_screen (window, screens[i]));
      iterate ();
      close_app (app, window);
      saved = saved_screen ();
      g_assert_cmpstr (saved, ==, screens[i]);

      window = start_app (&app, path);
      g_assert_cmpstr (crm_window_get_page (window), ==, "main");
      g_assert_cmpstr (crm_window_get_screen (window), ==, screens[i]);
      g_assert_true (gtk_widget_get_mapped (crm_window_get_screen_widget (window, screens[i])));
      close_app (app, window);
    }

  /* Closed on the welcome page of an empty database: still the team. */
  window = start_app (&app, empty_path);
  g_assert_cmpstr (crm_window_get_page (window), ==, "welcome");
  close_app (app, window);
  {
    g_autofree char *saved = saved_screen ();
    g_assert_cmpstr (saved, ==, "team");
  }
}

/* ---- what a screen not shown lets go ------------------------------------ */

static guint
n_rows (GtkWidget *screen, const char *list_id)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (crm_test_find_by_name (screen, list_id)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static guint
n_deals_shown (GtkWidget *deals)
{
  guint n = 0;

  for (CrmDealStage stage = CRM_STAGE_NEW; stage <= CRM_STAGE_LOST; stage++)
    n += g_list_model_get_n_items (G_LIST_MODEL (crm_deal_column_get_store (
      CRM_DEAL_COLUMN (crm_deals_page_get_column (CRM_DEALS_PAGE (deals), stage)))));
  return n;
}

static gboolean
clients_listed (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (crm_clients_page_get_model (CRM_CLIENTS_PAGE (data)))) == 300;
}

static gboolean
unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
deals_loaded (gpointer data)
{
  return !crm_deals_page_is_loading (CRM_DEALS_PAGE (data));
}

/* A moment after a change of screen, the screens not shown let go of their
 * rows and what they read, the shown one keeps all; each reads again what
 * it shows when it comes back. */
static void
test_hidden_screens_let_go (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmApplication *app = NULL;
  CrmWindow *window;
  GtkWidget *day, *calendar, *deals, *dashboard, *clients;
  CrmChartView *pareto;
  CrmDatabase *db;
  guint deals_shown;
  gsize cache;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmDatabase) demo = crm_database_new (path, 0, NULL, &error);
    CrmDemoOptions options;

    crm_demo_options_init (&options);
    options.n_clients = 300;
    options.n_activities = 3000;
    g_assert_true (crm_demo_generate (demo, &options, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  window = start_app (&app, path);
  db = crm_application_get_database (app);
  day = crm_window_get_screen_widget (window, "today");
  calendar = crm_window_get_screen_widget (window, "calendar");
  deals = crm_window_get_screen_widget (window, "deals");
  dashboard = crm_window_get_screen_widget (window, "dashboard");
  clients = crm_window_get_screen_widget (window, "clients");
  pareto = CRM_CHART_VIEW (crm_test_find_by_name (dashboard, "pareto_chart"));

  /* Every screen shown once, the Clients last. */
  g_assert_true (crm_window_show_screen (window, "today"));
  g_assert_true (crm_test_wait_for (my_day_loaded, day, 30));
  g_assert_cmpuint (n_rows (day, "agenda_list"), >, 0);
  g_assert_true (crm_window_show_screen (window, "calendar"));
  crm_test_iterate ();
  g_assert_nonnull (crm_calendar_view_get_activities (CRM_CALENDAR_VIEW (calendar)));
  g_assert_true (crm_window_show_screen (window, "deals"));
  g_assert_true (crm_test_wait_for (deals_loaded, deals, 30));
  deals_shown = n_deals_shown (deals);
  g_assert_cmpuint (deals_shown, >, 0);
  g_assert_true (crm_window_show_screen (window, "dashboard"));
  g_assert_true (crm_test_wait_for (dashboard_loaded, dashboard, 30));
  crm_test_iterate ();
  g_assert_nonnull (crm_dashboard_get_data (CRM_DASHBOARD (dashboard)));
  g_assert_nonnull (crm_chart_view_get_chart (pareto));
  g_assert_true (crm_window_show_screen (window, "clients"));
  g_assert_true (crm_test_wait_for (clients_listed, clients, 30));
  /* The stack's crossfade over. */
  g_assert_true (crm_test_wait_for (unmapped, dashboard, 5));
  /* A read on the main connection (the window may have let go of its
   * cache already while the screens loaded). */
  {
    CrmClientQuery query;
    guint count = 0;

    crm_client_query_init (&query);
    query.search = "a";
    g_assert_true (crm_client_store_count (db, &query, &count, NULL));
  }
  cache = crm_database_get_cache_used (db);

  crm_window_release_memory (window);
  g_assert_cmpuint (n_rows (day, "agenda_list"), ==, 0);
  g_assert_cmpuint (n_rows (day, "overdue_list"), ==, 0);
  g_assert_null (crm_calendar_view_get_activities (CRM_CALENDAR_VIEW (calendar)));
  g_assert_cmpuint (n_deals_shown (deals), ==, 0);
  g_assert_null (crm_dashboard_get_data (CRM_DASHBOARD (dashboard)));
  g_assert_null (crm_chart_view_get_chart (pareto));
  g_assert_cmpuint (crm_database_get_cache_used (db), <, cache);
  /* The screen shown keeps what it shows. */
  g_assert_true (clients_listed (clients));

  /* Shown again, each has it back. */
  g_assert_true (crm_window_show_screen (window, "calendar"));
  crm_test_iterate ();
  g_assert_nonnull (crm_calendar_view_get_activities (CRM_CALENDAR_VIEW (calendar)));
  g_assert_true (crm_window_show_screen (window, "today"));
  g_assert_true (crm_test_wait_for (my_day_loaded, day, 30));
  g_assert_cmpuint (n_rows (day, "agenda_list"), >, 0);
  g_assert_true (crm_window_show_screen (window, "deals"));
  g_assert_true (crm_test_wait_for (deals_loaded, deals, 30));
  g_assert_cmpuint (n_deals_shown (deals), ==, deals_shown);
  g_assert_true (crm_window_show_screen (window, "dashboard"));
  g_assert_true (crm_test_wait_for (dashboard_loaded, dashboard, 30));
  crm_test_iterate ();
  g_assert_nonnull (crm_dashboard_get_data (CRM_DASHBOARD (dashboard)));
  g_assert_nonnull (crm_chart_view_get_chart (pareto));
  close_app (app, window);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  crm_test_serve_notifications ();
  crm_test_use_language (NULL);

  g_test_add_func ("/window/opens-welcome-on-empty-database", test_opens_welcome_on_empty_database);
  g_test_add_func ("/window/title-in-russian", test_title_in_russian);
  g_test_add_func ("/window/error-page-for-bad-file", test_error_page_for_bad_file);
  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/window/remembers-size", test_remembers_size);
  g_test_add_func ("/window/remembers-screen", test_remembers_screen);
  g_test_add_func ("/window/show-client", test_show_client);
  g_test_add_func ("/window/main-menu", test_main_menu);
  g_test_add_func ("/window/load-demo-from-welcome", test_load_demo_from_welcome);
  g_test_add_func ("/window/focus-enters-screen", test_focus_enters_screen);
  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/hidden-screens-let-go", test_hidden_screens_let_go);

  return g_test_run ();
}
