/* test-import-dialog.c — the import and export dialogs and the window's
 * import entry points, driven under Xvfb
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crm-calendar-view.h"
#include "crm-application.h"
#include "crm-client-store.h"
#include "crm-export-dialog.h"
#include "crm-import-dialog.h"
#include "crm-manager-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-window.h"

/* SALESCRM_TEST_SHOTS=DIR saves what the dialogs look like, to look at. */
static void
save_shot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("SALESCRM_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  if (dir == NULL)
    return;
  /* The pages cross-fade. */
  while (g_get_monotonic_time () < until)
    {
      crm_test_iterate ();
      g_usleep (10000);
    }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static CrmDatabase *
new_database (char **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmManager) anna = crm_manager_new ();
  CrmDatabase *db;

  *path = crm_test_tmp_path ("crm.db");
  db = crm_database_new (*path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  anna->name = g_strdup ("Анна Петрова");
  g_assert_true (crm_manager_store_create (db, anna, &error));
  return db;
}

static GFile *
write_file (const char *name, const char *contents)
{
  g_autofree char *path = crm_test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static gint64
count (const char *db_path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

typedef struct {
  CrmImportDialog *dialog;
  const char      *page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *w = data;
  return g_strcmp0 (crm_import_dialog_get_page (w->dialog), w->page) == 0;
}

static void
wait_for_page (CrmImportDialog *dialog, const char *page)
{
  PageWait w = { dialog, page };

  if (!crm_test_wait_for (on_page, &w, 60))
    g_error ("the dialog shows “%s”, not “%s”", crm_import_dialog_get_page (dialog), page);
}

static void
count_cb (gpointer instance, gpointer user_data)
{
  (*(int *) user_data)++;
}

static gboolean
has_problem (CrmImportReport *report, const char *prefix, const char *part)
{
  GListModel *problems = crm_import_report_get_problems (report);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (problems, i);
      const char *text = gtk_string_object_get_string (item);

      if (g_str_has_prefix (text, prefix) && strstr (text, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The mapping page: the columns as recognised, one changed by its
 * drop-down, the import run, its result in the database and on the page. */
static void
test_csv_mapping (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = new_database (&db_path);
  g_autoptr(GFile) file = write_file ("clients.csv",
    "Client,Tel,Mail,Memo,Manager\n"
    "Иван Петров,+7 912 345-67-89,ivan@example.com,VIP,Анна Петрова\n"
    "Мария Смирнова,+7 495 111-22-33,maria@example.com,опт,Анна\n"
    ",,,,\n"
    ",,,только заметка,\n"
    "Пётр Иванов,8 (912) 345-67-89,,,Никто\n");
  CrmImportDialog *dialog = crm_import_dialog_new (db, file);
  const char *tall = g_getenv ("SALESCRM_TEST_SHOTS_HEIGHT");
  CrmImportColumns *columns;
  CrmImportReport *report;
  CrmImportMap *map;
  int imported = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (count_cb), &imported);
  if (tall != NULL)
    gtk_window_set_default_size (GTK_WINDOW (dialog), 760, atoi (tall));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "options");
  save_shot (GTK_WIDGET (dialog), "import-options.png");

  columns = crm_import_dialog_get_columns (dialog);
  map = crm_import_columns_get_map (columns);
  g_assert_cmpuint (crm_import_map_get_n_columns (map), ==, 5);
  g_assert_cmpint (crm_import_map_get_field (map, 0), ==, CRM_IMPORT_FIELD_NAME);
  g_assert_cmpint (crm_import_map_get_field (map, 1), ==, CRM_IMPORT_FIELD_PHONE);
  g_assert_cmpint (crm_import_map_get_field (map, 3), ==, CRM_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (crm_import_map_get_field (map, 4), ==, CRM_IMPORT_FIELD_OWNER);

  /* "Memo" holds tags: chosen in its drop-down, as a person would. */
  {
    GtkDropDown *chooser = crm_import_columns_get_chooser (columns, 3);
    GListModel *labels = gtk_drop_down_get_model (chooser);
    guint tags = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      {
        g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);
        if (g_str_equal (gtk_string_object_get_string (label), crm_import_field_to_label (CRM_IMPORT_FIELD_TAGS)))
          tags = i;
      }
    g_assert_cmpuint (tags, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (chooser, tags);
  }
  g_assert_cmpint (crm_import_map_get_field (map, 3), ==, CRM_IMPORT_FIELD_TAGS);

  /* Without a column that names anyone, nothing can be imported. */
  crm_import_columns_set_field (columns, 0, CRM_IMPORT_FIELD_IGNORE);
  crm_import_columns_set_field (columns, 1, CRM_IMPORT_FIELD_IGNORE);
  crm_import_columns_set_field (columns, 2, CRM_IMPORT_FIELD_IGNORE);
  g_assert_false (gtk_widget_is_sensitive (crm_test_find_by_name (GTK_WIDGET (dialog), "import_button")));
  g_assert_true (gtk_widget_get_visible (crm_test_find_by_name (GTK_WIDGET (dialog), "map_error")));
  crm_import_columns_set_field (columns, 0, CRM_IMPORT_FIELD_NAME);
  crm_import_columns_set_field (columns, 1, CRM_IMPORT_FIELD_PHONE);
  crm_import_columns_set_field (columns, 2, CRM_IMPORT_FIELD_EMAIL);

  /* The third record has Иван's phone: with "update" it fills his card. */
  {
    AdwComboRow *duplicates = ADW_COMBO_ROW (crm_test_find_by_name (GTK_WIDGET (dialog), "duplicates_row"));
    adw_combo_row_set_selected (duplicates, 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "result");
  save_shot (GTK_WIDGET (dialog), "import-result.png");

  g_assert_cmpint (imported, ==, 1);
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client"), ==, 2);
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client WHERE name = 'Пётр Иванов'"
                                   " AND emails = 'ivan@example.com' AND owner_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client_tag ct JOIN tag t ON t.id = ct.tag_id"
                                   " WHERE t.name IN ('VIP', 'опт')"), ==, 2);
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client WHERE owner_id ="
                                   " (SELECT id FROM manager WHERE name = 'Анна Петрова')"), ==, 2);

  report = crm_import_dialog_get_report (dialog);
  g_assert_cmpstr (crm_import_report_get_title (report), ==, "Import Finished");
  g_assert_cmpstr (crm_import_report_get_summary (report), ==,
                   "2 clients added, 1 client updated, 1 record not imported, 1 value left out.");
  g_assert_true (has_problem (report, "Line 5 · not imported", "No name, company, phone or e-mail"));
  g_assert_true (has_problem (report, "Line 6 · imported without a value", "“Никто”"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.close", NULL);
  crm_test_iterate ();
}

/* In Russian: the report and its problems. */
static void
test_russian (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GFile) file = NULL;
  CrmImportDialog *dialog;
  CrmImportReport *report;

  crm_test_use_language ("ru");
  db = new_database (&db_path);
  file = write_file ("клиенты.csv", "Фамилия;Имя;Телефон;Прочее\nПетров;Иван;+7 900 000-00-01;\n;;;\n;;;что-то\n");
  dialog = crm_import_dialog_new (db, file);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "options");
  save_shot (GTK_WIDGET (dialog), "import-options-ru.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "result");
  save_shot (GTK_WIDGET (dialog), "import-result-ru.png");
  report = crm_import_dialog_get_report (dialog);
  g_assert_cmpstr (crm_import_report_get_title (report), ==, "Импорт завершён");
  g_assert_cmpstr (crm_import_report_get_summary (report), ==, "Добавлен 1 клиент, 1 запись не импортирована.");
  g_assert_true (has_problem (report, "Строка 4 · не импортировано", "Нет ни имени"));
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate ();
  crm_test_use_language (NULL);
}

/* Stop: the page says so, and nothing of the import is in the database. */
static void
test_stop (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = new_database (&db_path);
  g_autoptr(GString) text = g_string_new ("name,phone\n");
  g_autoptr(GFile) file = NULL;
  CrmImportDialog *dialog;

  for (int i = 0; i < 5000; i++)
    g_string_append_printf (text, "Клиент %d,+7 903 %07d\n", i, i);
  file = write_file ("many.csv", text->str);
  dialog = crm_import_dialog_new (db, file);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "options");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  g_assert_cmpstr (crm_import_dialog_get_page (dialog), ==, "progress");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  wait_for_page (dialog, "error");
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client"), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate ();
}

/* A file that is not text: the error page, and the database untouched. */
static void
test_binary_file (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = new_database (&db_path);
  g_autofree char *path = crm_test_tmp_path ("junk.csv");
  g_autoptr(GFile) file = NULL;
  CrmImportDialog *dialog;
  guint8 junk[4096];

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, (const char *) junk, sizeof junk, NULL));
  file = g_file_new_for_path (path);
  dialog = crm_import_dialog_new (db, file);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "error");
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client"), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate ();
}

/* vCard: no columns to map, straight to what to do with duplicates. */
static void
test_vcard (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = new_database (&db_path);
  g_autoptr(GFile) file = write_file ("people.vcf",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ольга Соколова\r\nTEL;TYPE=CELL:+7 900 000-00-01\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Smith;John\r\nEMAIL:john@example.com\r\nEND:VCARD\r\n");
  CrmImportDialog *dialog = crm_import_dialog_new (db, file);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "options");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (crm_import_dialog_get_columns (dialog))));
  g_assert_true (gtk_widget_get_visible (crm_test_find_by_name (GTK_WIDGET (dialog), "duplicates_group")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "result");
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client"), ==, 2);
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate ();
}

/* A database export goes only into an empty database. */
static void
test_json_into_used_database (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = new_database (&db_path);
  g_autoptr(GFile) file = write_file ("copy.json", "{\"format\": \"salescrm-database\", \"tables\": {}}");
  CrmImportDialog *dialog = crm_import_dialog_new (db, file);
  GtkWidget *message;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "options");
  message = crm_test_find_by_name (GTK_WIDGET (dialog), "restore_error");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "already has managers or clients"));
  g_assert_false (gtk_widget_is_sensitive (crm_test_find_by_name (GTK_WIDGET (dialog), "import_button")));
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate ();
}

static gboolean
flag_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
exported_cb (CrmExportDialog *dialog, const char *message, char **out)
{
  *out = g_strdup (message);
}

/* The export dialog writes the table chosen, for Excel, and says so. */
static void
test_export_dialog (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = new_database (&db_path);
  g_autoptr(CrmClient) client = crm_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crm_test_tmp_path ("export.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *message = NULL;
  g_autofree char *contents = NULL;
  CrmExportDialog *dialog;

  client->name = g_strdup ("=HYPERLINK(\"x\")");
  client->phones = g_strdup ("+7 912 345-67-89");
  g_assert_true (crm_client_store_create (db, client, &error));

  dialog = crm_export_dialog_new (db);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &message);
  gtk_window_present (GTK_WINDOW (dialog));
  crm_test_iterate ();
  save_shot (GTK_WIDGET (dialog), "export-options.png");
  {
    /* The note on formulas is about CSV: under its options, and only for it. */
    GtkWidget *note = crm_test_find_by_name (GTK_WIDGET (dialog), "csv_note");
    GtkWidget *excel = crm_test_find_by_name (GTK_WIDGET (dialog), "excel_row");
    graphene_point_t note_top, excel_top;

    g_assert_nonnull (note);
    g_assert_true (gtk_widget_get_visible (note));
    g_assert_true (gtk_widget_compute_point (note, GTK_WIDGET (dialog), &GRAPHENE_POINT_INIT (0, 0), &note_top));
    g_assert_true (gtk_widget_compute_point (excel, GTK_WIDGET (dialog), &GRAPHENE_POINT_INIT (0, 0), &excel_top));
    g_assert_cmpfloat (note_top.y, >, excel_top.y);
    crm_export_dialog_set_choice (dialog, CRM_EXPORT_CHOICE_DATABASE_JSON, FALSE);
    g_assert_false (gtk_widget_get_visible (note));
  }
  crm_export_dialog_set_choice (dialog, CRM_EXPORT_CHOICE_CLIENTS_CSV, TRUE);
  crm_export_dialog_export_to (dialog, file);
  g_assert_true (crm_test_wait_for (flag_set, &message, 60));
  g_assert_cmpstr (message, ==, "1 client exported to export.csv.");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfid;kind;name;"));
  g_assert_nonnull (strstr (contents, ";\"'=HYPERLINK(\"\"x\"\")\";"));
  g_assert_nonnull (strstr (contents, "'+7 912 345-67-89"));
}

/* ---- the window --------------------------------------------------------- */

static CrmWindow *
start_app (CrmApplication **out_app, const char *db_path)
{
  g_autoptr(GError) error = NULL;
  CrmApplication *app = crm_application_new (db_path);
  static int n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.ImportTest%d_%d", APPLICATION_ID, (int) getpid (), ++n_apps);

  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  crm_test_iterate ();
  *out_app = app;
  return CRM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}


static CrmImportDialog *
find_import_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  CrmImportDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_IMPORT_DIALOG (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* From the welcome page: a calendar goes to the calendar screen, which
 * imports its events; a file of clients opens its dialog, and the first
 * clients take the window to its screens. */
static void
test_window_entry_points (void)
{
  g_autofree char *db_path = crm_test_tmp_path ("window.db");
  g_autoptr(GFile) ics = write_file ("meetings.ics",
                                     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                                     "UID:meeting-1@example.com\r\nDTSTART:20261201T090000Z\r\n"
                                     "DTEND:20261201T100000Z\r\nSUMMARY:Kick-off meeting\r\n"
                                     "END:VEVENT\r\nEND:VCALENDAR\r\n");
  g_autoptr(GFile) csv = write_file ("first.csv", "name,email\nОльга,olga@example.com\n");
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, db_path);
  CrmImportDialog *dialog;
  gint64 deadline;

  g_assert_cmpstr (crm_window_get_page (window), ==, "welcome");
  g_assert_true (gtk_widget_is_sensitive (crm_test_find_by_name (GTK_WIDGET (window), "import_button")));

  /* The first manager, so that the events have somebody to belong to. */
  {
    g_autoptr(CrmManager) manager = crm_manager_new ();

    manager->name = g_strdup ("Anna");
    g_assert_true (crm_manager_store_create (crm_application_get_database (app), manager, NULL));
  }
  crm_window_import_file (window, ics);
  g_assert_null (find_import_dialog ());
  g_assert_cmpstr (crm_window_get_page (window), ==, "main");
  g_assert_cmpstr (crm_window_get_screen (window), ==, "calendar");
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (count (db_path, "SELECT count(*) FROM activity") < 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM activity WHERE title = 'Kick-off meeting'"), ==, 1);
  crm_test_iterate ();

  /* The calendar's Export… writes what it shows to the file chosen. */
  {
    g_autofree char *out_path = crm_test_tmp_path ("exported.ics");
    g_autoptr(GFile) out = g_file_new_for_path (out_path);
    g_autofree char *written = NULL;

    crm_calendar_view_export_file (CRM_CALENDAR_VIEW (crm_window_get_screen_widget (window, "calendar")), out);
    deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    while ((written == NULL || strstr (written, "END:VCALENDAR") == NULL) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_clear_pointer (&written, g_free);
        g_file_get_contents (out_path, &written, NULL, NULL);
      }
    crm_test_iterate ();
    g_assert_nonnull (written);
    g_assert_true (g_str_has_prefix (written, "BEGIN:VCALENDAR"));
    g_assert_nonnull (strstr (written, "SUMMARY:Kick-off meeting"));
    g_assert_nonnull (strstr (written, "END:VCALENDAR"));
  }

  crm_window_import_file (window, csv);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  wait_for_page (dialog, "options");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "result");
  g_assert_cmpstr (crm_window_get_page (window), !=, "welcome");
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate ();

  gtk_window_close (GTK_WINDOW (window));
  crm_test_iterate ();
  g_object_unref (app);
}

/* ---- files dropped on the window ----------------------------------------- */

static GtkLabel *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  CrmWindow  *window;
  const char *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *w = data;

  return find_label (GTK_WIDGET (w->window), w->text) != NULL;
}

static void
wait_for_toast (CrmWindow *window, const char *text)
{
  ToastWait w = { window, text };

  if (!crm_test_wait_for (toast_shown, &w, 10))
    g_error ("no toast “%s”", text);
}

/* Closes the toast shown (its × button), to see the next one. */
static void
dismiss_toast (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0 &&
          g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
        {
          g_signal_emit_by_name (child, "clicked");
          return;
        }
      dismiss_toast (child);
    }
}

/* Emits the window's GtkDropTarget "drop" with @files, as a drag from a
 * file manager ends. */
static gboolean
drop_files (CrmWindow *window, GFile **files, guint n_files)
{
  GtkWidget *overlay = crm_test_find_by_name (GTK_WIDGET (window), "toast_overlay");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (overlay);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);   /* the widget keeps it */
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_value_unset (&value);
  crm_test_iterate ();
  return accepted;
}

/* Files dropped on the window: a vCard opens the import dialog for it; of
 * several, the first, and a toast says so; a file of an unknown kind is
 * refused with a toast naming it (even with markup characters in the name). */
static void
test_window_drop (void)
{
  g_autofree char *db_path = crm_test_tmp_path ("drop.db");
  g_autoptr(GFile) vcf = write_file ("dropped.vcf",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ольга Соколова\r\nTEL;TYPE=CELL:+7 900 000-00-01\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Smith;John\r\nEMAIL:john@example.com\r\nEND:VCARD\r\n");
  g_autoptr(GFile) csv = write_file ("second.csv", "name\nNobody\n");
  g_autoptr(GFile) odd = write_file ("R&D <plans>.xyz", "what is this?");
  CrmApplication *app = NULL;
  CrmWindow *window = start_app (&app, db_path);
  CrmImportDialog *dialog;

  /* Two files: the vCard, the first, is opened in its dialog. */
  g_assert_true (drop_files (window, (GFile *[]) { vcf, csv }, 2));
  wait_for_toast (window, "Drop one file at a time: only the first was opened.");
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  wait_for_page (dialog, "options");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (crm_import_dialog_get_columns (dialog))));
  g_assert_true (gtk_widget_get_visible (crm_test_find_by_name (GTK_WIDGET (dialog), "duplicates_group")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "result");
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client"), ==, 2);
  g_assert_cmpint (count (db_path, "SELECT count(*) FROM client WHERE name = 'Nobody'"), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate ();
  g_assert_null (find_import_dialog ());

  /* A file of no known kind: no dialog, a toast that names it. */
  dismiss_toast (GTK_WIDGET (window));
  g_assert_true (drop_files (window, &odd, 1));
  wait_for_toast (window, "“R&D <plans>.xyz” cannot be imported: choose a CSV, vCard or SalesCRM JSON file.");
  g_assert_null (find_import_dialog ());

  gtk_window_close (GTK_WINDOW (window));
  crm_test_iterate ();
  g_object_unref (app);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  crm_test_serve_notifications ();

  g_test_add_func ("/import-dialog/csv-mapping", test_csv_mapping);
  g_test_add_func ("/import-dialog/russian", test_russian);
  g_test_add_func ("/import-dialog/stop", test_stop);
  g_test_add_func ("/import-dialog/binary-file", test_binary_file);
  g_test_add_func ("/import-dialog/vcard", test_vcard);
  g_test_add_func ("/import-dialog/json-into-used-database", test_json_into_used_database);
  g_test_add_func ("/import-dialog/export", test_export_dialog);
  g_test_add_func ("/import-dialog/window", test_window_entry_points);
  g_test_add_func ("/import-dialog/window-drop", test_window_drop);

  return g_test_run ();
}
