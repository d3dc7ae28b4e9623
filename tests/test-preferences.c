/* test-preferences.c — the Preferences window, driven as a person would
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "crm-application.h"
#include "crm-database-writer.h"
#include "crm-manager-store.h"
#include "crm-preferences-window.h"
#include "crm-setting-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"

typedef struct {
  char                 *path;
  CrmDatabase          *db;
  CrmPreferencesWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmManager) m = crm_manager_new ();

  f->path = crm_test_tmp_path ("prefs.db");
  f->db = crm_database_new (f->path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);
  m->name = g_strdup ("Anna");
  g_assert_true (crm_manager_store_create (f->db, m, NULL));
  f->window = crm_preferences_window_new (NULL, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  crm_test_iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  crm_test_iterate ();
  g_clear_object (&f->db);
  g_free (f->path);
}

static CrmSettings *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CrmSettings *settings;

  crm_test_wait_for_writes (f->db);        /* written by the writer thread */
  settings = crm_setting_store_load (f->db, &error);
  g_assert_no_error (error);
  return settings;
}

static GtkSpinButton *
spin (Fixture *f, const char *id)
{
  GtkWidget *w = crm_test_find_by_name (GTK_WIDGET (f->window), id);

  g_assert_true (GTK_IS_SPIN_BUTTON (w));
  return GTK_SPIN_BUTTON (w);
}

static void
test_weight_and_currency (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmSettings) before = stored (f);
  g_autoptr(CrmSettings) after = NULL;
  AdwComboRow *currency = ADW_COMBO_ROW (crm_test_find_by_name (GTK_WIDGET (f->window), "currency_row"));
  GListModel *names = adw_combo_row_get_model (currency);
  guint eur = GTK_INVALID_LIST_POSITION;

  /* The stored values are shown. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (f, "weight_revenue_spin")), ==, 50);
  g_assert_cmpstr (before->currency, ==, "USD");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), adw_combo_row_get_selected (currency)),
                   ==, "USD ($)");

  gtk_spin_button_set_value (spin (f, "weight_revenue_spin"), 60);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "EUR"))
      eur = i;
  g_assert_cmpuint (eur, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (currency, eur);
  gtk_spin_button_set_value (spin (f, "stuck_days_spin"), 30);

  after = stored (f);
  g_assert_cmpint (after->weights[CRM_KPI_REVENUE], ==, 60);
  g_assert_cmpint (after->weights[CRM_KPI_CALLS], ==, 10);
  g_assert_cmpstr (after->currency, ==, "EUR");
  g_assert_cmpint (after->stuck_days, ==, 30);
}

static void
test_company_and_week (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmSettings) after = NULL;
  GtkWidget *company = crm_test_find_by_name (GTK_WIDGET (f->window), "company_row");
  AdwComboRow *week = ADW_COMBO_ROW (crm_test_find_by_name (GTK_WIDGET (f->window), "week_row"));

  gtk_editable_set_text (GTK_EDITABLE (company), "  Vector Sales  ");
  g_signal_emit_by_name (company, "apply");
  adw_combo_row_set_selected (week, 2);         /* Sunday */
  after = stored (f);
  g_assert_cmpstr (after->company_name, ==, "Vector Sales");
  g_assert_cmpint (after->week_start, ==, 7);
}

/* Work hours are typed as times; the day must end after it starts. */
static void
test_work_hours (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmSettings) after = NULL;
  GtkSpinButton *start = spin (f, "work_start_spin");
  GtkSpinButton *end = spin (f, "work_end_spin");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "09:00");
  gtk_editable_set_text (GTK_EDITABLE (start), "8:30");
  gtk_spin_button_update (start);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "08:30");

  /* Ending before the start is refused and the stored time comes back. */
  gtk_spin_button_set_value (end, 7 * 60);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (end), ==, 18 * 60);

  after = stored (f);
  g_assert_cmpint (after->work_start_min, ==, 8 * 60 + 30);
  g_assert_cmpint (after->work_end_min, ==, 18 * 60);

  /* Risk thresholds stay in order too. */
  gtk_spin_button_set_value (spin (f, "risk_meetings_high_spin"), 90);
  g_clear_pointer (&after, crm_settings_free);
  after = stored (f);
  g_assert_cmpint (after->risk_meetings_high, ==, 50);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (f, "risk_meetings_high_spin")), ==, 50);
}

static void
backup_finished_cb (CrmPreferencesWindow *window, gboolean ok, gboolean *result)
{
  *result = ok ? 1 : 2;
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data != 0;
}

static void
test_backup_writes_a_file (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = crm_test_make_tmpdir ();
  g_autofree char *copy = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "no such folder", "backup.db", NULL);
  g_autoptr(CrmDatabase) restored = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;
  gboolean result = 0;

  g_signal_connect (f->window, "backup-finished", G_CALLBACK (backup_finished_cb), &result);
  crm_preferences_window_back_up_to (f->window, copy);
  g_assert_true (crm_preferences_window_is_backing_up (f->window));
  g_assert_true (crm_test_wait_for (is_set, &result, 30));
  g_assert_cmpint (result, ==, 1);
  g_assert_false (crm_preferences_window_is_backing_up (f->window));

  restored = crm_database_new (copy, CRM_DATABASE_FLAGS_READ_ONLY | CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_assert_no_error (error);
  managers = crm_manager_store_list (restored, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (managers->len, ==, 1);

  /* A folder that does not exist: it fails, and says so. */
  result = 0;
  crm_preferences_window_back_up_to (f->window, bad);
  g_assert_true (crm_test_wait_for (is_set, &result, 30));
  g_assert_cmpint (result, ==, 2);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* The menu's Preferences (Ctrl+comma) opens the window on the page asked. */
static void
test_app_action (void)
{
  g_autofree char *path = crm_test_tmp_path ("app.db");
  g_autofree char *id = g_strdup_printf ("%s.PrefsTest%d", APPLICATION_ID, (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  CrmApplication *app = crm_application_new (path);
  CrmPreferencesWindow *prefs = NULL;
  GList *windows;

  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  crm_test_iterate ();

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences('general')");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", g_variant_new_string ("kpi"));
  crm_test_iterate ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (CRM_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_list_free (windows);
  g_assert_nonnull (prefs);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)), ==, "kpi");
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_close (gtk_application_get_active_window (GTK_APPLICATION (app)));
  crm_test_iterate ();
  g_object_unref (app);
}

static gboolean
no_pending_writes (gpointer data)
{
  return crm_database_get_n_pending_writes (data) == 0;
}

static gboolean
label_with (GtkWidget *root, const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (label_with (child, part))
      return TRUE;
  return FALSE;
}

/* Another program holds the write lock: the change waits in the writer
 * thread while the window goes on, then is refused, put back and told. */
static void
test_refused_while_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmDatabase) holder = crm_database_new (f->path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, NULL);
  g_autoptr(CrmSettings) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkSpinButton *weight = spin (f, "weight_revenue_spin");

  g_assert_true (crm_database_begin (holder, &error));
  g_assert_no_error (error);
  gtk_spin_button_set_value (weight, 70);
  g_assert_cmpuint (crm_database_get_n_pending_writes (f->db), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (weight), ==, 70);
  g_assert_true (crm_test_wait_for (no_pending_writes, f->db, 60));
  crm_test_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (weight), ==, 50);
  g_assert_true (label_with (GTK_WIDGET (f->window), "busy"));
  crm_database_rollback (holder);

  /* The lock gone, the same change is stored. */
  gtk_spin_button_set_value (weight, 70);
  after = stored (f);
  g_assert_cmpint (after->weights[CRM_KPI_REVENUE], ==, 70);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  crm_test_serve_notifications ();

  g_test_add ("/preferences/weight-and-currency", Fixture, NULL, fixture_set_up, test_weight_and_currency,
              fixture_tear_down);
  g_test_add ("/preferences/company-and-week", Fixture, NULL, fixture_set_up, test_company_and_week,
              fixture_tear_down);
  g_test_add ("/preferences/refused-while-locked", Fixture, NULL, fixture_set_up, test_refused_while_locked,
              fixture_tear_down);
  g_test_add ("/preferences/work-hours", Fixture, NULL, fixture_set_up, test_work_hours, fixture_tear_down);
  g_test_add ("/preferences/backup-writes-a-file", Fixture, NULL, fixture_set_up, test_backup_writes_a_file,
              fixture_tear_down);
  g_test_add_func ("/preferences/app-action", test_app_action);

  return g_test_run ();
}
