/* test-report-screen.c — the Reports screen, driven as a person would
 *
 * Choose a report, a period and a manager; the preview shows the pages;
 * Export PDF… (the code the file dialog's answer runs) and Print… (the
 * same GtkPrintOperation, exported to a file instead of the dialog) write
 * the same pages. The data set is the KPI suite's (crm-test-report-data.c).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "crm-application.h"
#include "crm-manager-picker.h"
#include "crm-payment-store.h"
#include "crm-period-picker.h"
#include "crm-reports-screen.h"
#include "crm-preview-page.h"
#include "crm-test-gui.h"
#include "crm-test-report-data.h"
#include "crm-test-util.h"

static const CrmTestReportData *set;

static gboolean
ready (gpointer data)
{
  return !crm_reports_screen_is_busy (data) && crm_reports_screen_get_n_pages (data) > 0;
}

static gboolean
idle (gpointer data)
{
  return !crm_reports_screen_is_busy (data);
}

static gboolean
busy (gpointer data)
{
  return crm_reports_screen_is_busy (data);
}

static guint
count_pictures (GtkWidget *screen)
{
  GtkWidget *box = crm_test_find_by_name (screen, "pages_box");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_PICTURE (child) && gtk_widget_get_visible (child))
      n++;
  return n;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { program, path, NULL };
  g_autoptr(CrmTestRun) run = NULL;
  const char *line;

  g_assert_nonnull (program);
  run = crm_test_runv (NULL, argv);
  g_assert_cmpint (run->status, ==, 0);
  line = strstr (run->out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
test_screen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (set->db_path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_autoptr(CrmPeriod) march = crm_period_new_month (2026, 3);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *screen = crm_reports_screen_new ();
  CrmManagerPicker *manager_picker;
  GtkDropDown *kind_drop_down;
  guint team_pages;

  g_assert_no_error (error);
  crm_database_watch_changes (db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), screen);
  g_object_set (screen, "database", db, NULL);
  crm_period_picker_set_period (CRM_PERIOD_PICKER (crm_test_find_widget (screen, CRM_TYPE_PERIOD_PICKER)), march);
  gtk_window_present (GTK_WINDOW (window));

  /* The team report first: several pages, one picture each. */
  g_assert_true (crm_test_wait_for (ready, screen, 30));
  g_assert_cmpint (crm_reports_screen_get_kind (CRM_REPORTS_SCREEN (screen)), ==, CRM_REPORT_TEAM);
  team_pages = crm_reports_screen_get_n_pages (CRM_REPORTS_SCREEN (screen));
  g_assert_cmpuint (team_pages, >=, 2);
  g_assert_cmpuint (count_pictures (screen), ==, team_pages);
  manager_picker = CRM_MANAGER_PICKER (crm_test_find_widget (screen, CRM_TYPE_MANAGER_PICKER));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (manager_picker)));

  /* The manager card, chosen in the drop-down: one page, for one manager. */
  kind_drop_down = GTK_DROP_DOWN (crm_test_find_by_name (screen, "kind_drop_down"));
  gtk_drop_down_set_selected (kind_drop_down, CRM_REPORT_MANAGER);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (manager_picker)));
  crm_manager_picker_set_manager_id (manager_picker, set->clara);
  g_assert_true (crm_test_wait_for (busy, screen, 5));
  g_assert_true (crm_test_wait_for (ready, screen, 30));
  g_assert_cmpuint (crm_reports_screen_get_n_pages (CRM_REPORTS_SCREEN (screen)), ==, 1);
  g_assert_cmpuint (count_pictures (screen), ==, 1);

  /* Export PDF…: what the dialog's answer runs. */
  {
    g_autofree char *path = crm_test_tmp_path ("card.pdf");
    g_autofree char *part = g_strconcat (path, ".part", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    crm_reports_screen_export_to (CRM_REPORTS_SCREEN (screen), file);
    g_assert_true (crm_reports_screen_is_busy (CRM_REPORTS_SCREEN (screen)));
    g_assert_true (crm_test_wait_for (idle, screen, 30));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (pdf_pages (path), ==, 1);
  }

  /* Letter paper, then Print… through GtkPrintOperation, to a file. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (crm_test_find_by_name (screen, "paper_drop_down")), 1);
  gtk_drop_down_set_selected (kind_drop_down, CRM_REPORT_TEAM);
  g_assert_true (crm_test_wait_for (busy, screen, 5));
  g_assert_true (crm_test_wait_for (ready, screen, 30));
  {
    g_autofree char *path = crm_test_tmp_path ("printed.pdf");

    g_assert_true (crm_reports_screen_print_to_pdf (CRM_REPORTS_SCREEN (screen), path, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (pdf_pages (path), ==, crm_reports_screen_get_n_pages (CRM_REPORTS_SCREEN (screen)));
  }

  /* New data: the report is prepared again. */
  {
    g_autoptr(CrmPayment) p = crm_payment_new ();
    p->client_id = 1;
    p->manager_id = set->anna;
    p->paid_on = g_strdup ("2026-03-28");
    p->amount = UNITS (100);
    g_assert_true (crm_payment_store_create (db, p, &error));
    g_assert_no_error (error);
  }
  g_assert_true (crm_test_wait_for (busy, screen, 5));
  g_assert_true (crm_test_wait_for (ready, screen, 30));

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
}

static void
test_no_manager (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crm_test_tmp_path ("empty.db");
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *screen = crm_reports_screen_new ();

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), screen);
  g_object_set (screen, "database", db, NULL);
  crm_reports_screen_set_kind (CRM_REPORTS_SCREEN (screen), CRM_REPORT_MANAGER);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (idle, screen, 30));

  /* Nobody to make a card of: a message, nothing to print. */
  g_assert_cmpuint (crm_reports_screen_get_n_pages (CRM_REPORTS_SCREEN (screen)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (crm_test_find_by_name (screen, "preview_stack"))),
                   ==, "message");

  /* An empty database still makes a team report (with nothing in it). */
  crm_reports_screen_set_kind (CRM_REPORTS_SCREEN (screen), CRM_REPORT_TEAM);
  g_assert_true (crm_test_wait_for (ready, screen, 30));
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
}

static gboolean
has_width (gpointer label)
{
  return gtk_widget_get_width (label) > 0;
}

/* In Russian in an 800 px window, the report's description wraps whole
 * (it was cut after two lines). */
static void
test_description_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crm_test_tmp_path ("words.db");
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  GtkWidget *window, *screen;
  GtkLabel *summary;
  PangoLayout *layout;

  g_assert_no_error (error);
  crm_test_use_language ("ru");
  window = gtk_window_new ();
  screen = crm_reports_screen_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), screen);
  g_object_set (screen, "database", db, NULL);
  gtk_window_present (GTK_WINDOW (window));
  summary = GTK_LABEL (crm_test_find_by_name (screen, "summary_label"));
  g_assert_true (crm_test_wait_for (has_width, summary, 10));
  g_assert_true (crm_test_wait_for (idle, screen, 30));
  crm_test_iterate ();

  layout = gtk_label_get_layout (summary);
  g_test_message ("%s: %d lines", gtk_label_get_label (summary), pango_layout_get_line_count (layout));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (summary), "."));
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), >=, 3);
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
  crm_test_use_language (NULL);
}

static GtkPicture *
picture_at (GtkWidget *screen, guint index)
{
  GtkWidget *child = gtk_widget_get_first_child (crm_test_find_by_name (screen, "pages_box"));

  for (; child != NULL && index > 0; child = gtk_widget_get_next_sibling (child))
    index--;
  g_assert_true (GTK_IS_PICTURE (child));
  return GTK_PICTURE (child);
}

static gboolean
page_drawn (GtkWidget *screen, guint index)
{
  return crm_preview_page_has_texture (CRM_PREVIEW_PAGE (gtk_picture_get_paintable (picture_at (screen, index))));
}

static guint last_page;

static gboolean
last_page_drawn (gpointer screen)
{
  return page_drawn (screen, last_page);
}

static gboolean
first_page_drawn (gpointer screen)
{
  return page_drawn (screen, 0);
}

/* The preview draws the pages in view (and near it) only, and frees them
 * all while the screen is hidden: a page's image is some 3 MB. */
static void
test_pages_drawn_in_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (set->db_path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_autoptr(CrmPeriod) march = crm_period_new_month (2026, 3);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *screen = crm_reports_screen_new ();
  GtkAdjustment *adjustment;
  guint n_pages;

  g_assert_no_error (error);
  /* A low window: a page is taller than the view. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 420);
  gtk_window_set_child (GTK_WINDOW (window), screen);
  g_object_set (screen, "database", db, NULL);
  crm_period_picker_set_period (CRM_PERIOD_PICKER (crm_test_find_widget (screen, CRM_TYPE_PERIOD_PICKER)), march);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (crm_test_wait_for (ready, screen, 30));
  n_pages = crm_reports_screen_get_n_pages (CRM_REPORTS_SCREEN (screen));
  g_assert_cmpuint (n_pages, >=, 2);
  last_page = n_pages - 1;

  /* At the top: the first page, not the last. */
  g_assert_true (crm_test_wait_for (first_page_drawn, screen, 10));
  crm_test_iterate ();
  g_assert_false (page_drawn (screen, last_page));
  g_assert_cmpuint (crm_reports_screen_count_images (CRM_REPORTS_SCREEN (screen)), <, n_pages);

  /* Scrolled to the end: the last page is drawn, the first let go. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (crm_test_find_by_name (screen, "scroller")));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_true (crm_test_wait_for (last_page_drawn, screen, 10));
  crm_test_iterate ();
  g_assert_false (page_drawn (screen, 0));

  /* Hidden: no image at all; shown again: the pages in view come back. */
  gtk_widget_set_visible (screen, FALSE);
  crm_test_iterate ();
  g_assert_cmpuint (crm_reports_screen_count_images (CRM_REPORTS_SCREEN (screen)), ==, 0);
  gtk_widget_set_visible (screen, TRUE);
  g_assert_true (crm_test_wait_for (last_page_drawn, screen, 10));

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
}

/* "Page size: 612 x 792 pts (letter)" → "612 x 792". */
static char *
pdf_page_size (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { program, path, NULL };
  g_autoptr(CrmTestRun) run = NULL;
  const char *line, *end;

  run = crm_test_runv (NULL, argv);
  g_assert_cmpint (run->status, ==, 0);
  line = strstr (run->out, "Page size:");
  g_assert_nonnull (line);
  line += strlen ("Page size:");
  while (*line == ' ')
    line++;
  end = strstr (line, " pts");
  g_assert_nonnull (end);
  return g_strndup (line, end - line);
}

static char *
saved_paper (GSettings *settings)
{
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "page-setup");
  g_autoptr(GtkPageSetup) setup = NULL;

  if (g_variant_n_children (saved) == 0)
    return NULL;
  setup = gtk_page_setup_new_from_gvariant (saved);
  g_assert_nonnull (setup);
  return g_strdup (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)));
}

/* A Reports screen in a window of the application, shown and prepared. */
static GtkWidget *
screen_in_app_window (CrmApplication *app, CrmDatabase *db, GtkWidget **out_window)
{
  g_autoptr(CrmPeriod) march = crm_period_new_month (2026, 3);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *screen = crm_reports_screen_new ();

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), screen);
  g_object_set (screen, "database", db, NULL);
  crm_period_picker_set_period (CRM_PERIOD_PICKER (crm_test_find_widget (screen, CRM_TYPE_PERIOD_PICKER)), march);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (crm_test_wait_for (ready, screen, 30));
  *out_window = window;
  return screen;
}

/* The page setup is remembered (GSettings "page-setup"): a paper chosen on
 * the screen or in the print dialog, and what else the dialog set, such as
 * the orientation; a new Reports screen starts with it. */
static void
test_page_setup_remembered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (set->db_path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_autofree char *app_id = g_strdup_printf ("%s.ReportTest%d", APPLICATION_ID, (int) getpid ());
  g_autofree char *letter_pdf = crm_test_tmp_path ("letter.pdf");
  g_autofree char *landscape_pdf = crm_test_tmp_path ("landscape.pdf");
  CrmApplication *app = crm_application_new (set->db_path);
  GSettings *settings;
  GtkWidget *window, *screen;
  GtkDropDown *paper;
  char *name;

  g_assert_no_error (error);
  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  settings = crm_application_get_settings (app);
  g_assert_nonnull (settings);
  g_settings_reset (settings, "page-setup");
  g_assert_null (saved_paper (settings));

  /* Letter chosen on the screen: kept at once. */
  screen = screen_in_app_window (app, db, &window);
  paper = GTK_DROP_DOWN (crm_test_find_by_name (screen, "paper_drop_down"));
  g_assert_cmpuint (gtk_drop_down_get_selected (paper), ==, 0);
  gtk_drop_down_set_selected (paper, 1);
  name = saved_paper (settings);
  g_assert_cmpstr (name, ==, GTK_PAPER_NAME_LETTER);
  g_free (name);

  /* Printed: the page setup of the print is kept. */
  g_settings_reset (settings, "page-setup");
  g_assert_true (crm_test_wait_for (ready, screen, 30));
  g_assert_true (crm_reports_screen_print_to_pdf (CRM_REPORTS_SCREEN (screen), letter_pdf, &error));
  g_assert_no_error (error);
  name = saved_paper (settings);
  g_assert_cmpstr (name, ==, GTK_PAPER_NAME_LETTER);
  g_free (name);
  name = pdf_page_size (letter_pdf);
  g_assert_cmpstr (name, ==, "612 x 792");
  g_free (name);
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();

  /* Landscape, as the print dialog would have set it. */
  {
    g_autoptr(GVariant) saved = g_settings_get_value (settings, "page-setup");
    g_autoptr(GtkPageSetup) setup = gtk_page_setup_new_from_gvariant (saved);

    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
  }

  /* A new screen: Letter on the screen, landscape Letter printed. */
  screen = screen_in_app_window (app, db, &window);
  paper = GTK_DROP_DOWN (crm_test_find_by_name (screen, "paper_drop_down"));
  g_assert_cmpuint (gtk_drop_down_get_selected (paper), ==, 1);
  g_assert_true (crm_test_wait_for (idle, screen, 30));
  g_assert_true (crm_reports_screen_print_to_pdf (CRM_REPORTS_SCREEN (screen), landscape_pdf, &error));
  g_assert_no_error (error);
  name = pdf_page_size (landscape_pdf);
  g_assert_cmpstr (name, ==, "792 x 612");
  g_free (name);

  /* Back to A4 on the screen: kept, still landscape. */
  gtk_drop_down_set_selected (paper, 0);
  name = saved_paper (settings);
  g_assert_cmpstr (name, ==, GTK_PAPER_NAME_A4);
  g_free (name);
  {
    g_autoptr(GVariant) saved = g_settings_get_value (settings, "page-setup");
    g_autoptr(GtkPageSetup) setup = gtk_page_setup_new_from_gvariant (saved);
    g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
  g_settings_reset (settings, "page-setup");
  g_object_unref (app);
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  crm_test_serve_notifications ();
  set = crm_test_report_data_get ();

  g_test_add_func ("/report-screen/choose-preview-export-print", test_screen);
  g_test_add_func ("/report-screen/no-manager", test_no_manager);
  g_test_add_func ("/report-screen/description-whole", test_description_whole);
  g_test_add_func ("/report-screen/pages-drawn-in-view", test_pages_drawn_in_view);
  g_test_add_func ("/report-screen/page-setup-remembered", test_page_setup_remembered);

  return g_test_run ();
}
