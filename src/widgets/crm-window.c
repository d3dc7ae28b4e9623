/* crm-window.c — the main window
 *
 * A stack of pages: "welcome" on an empty database, "main" (a sidebar of
 * screens beside the screen shown), "error" when the database could not be
 * opened and "upgrading" while an older one is upgraded; all but "main" are
 * added when first shown (crm-window-pages.c). Each screen of the product is a
 * child of content_stack in ui/crm-window.ui; the sidebar is built from those
 * pages, so a screen joins the navigation by being added there.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-dashboard.h"
#include "crm-deals-page.h"
#include "crm-team-page.h"
#include "crm-clients-page.h"
#include "crm-reports-screen.h"
#include "crm-calendar-view.h"
#include "crm-my-day.h"
#include "crm-export-dialog.h"
#include "crm-import-dialog.h"
#include "crm-import-file.h"
#include "crm-memory.h"
#include "crm-screen.h"
#include "crm-screen-slot.h"
#include "crm-upgrade-page.h"
#include "crm-welcome-page.h"
#include "crm-window.h"
#include "crm-window-pages.h"

/* How long after a change of screen the screens not shown let go. */
#define RELEASE_DELAY_MS 2000

struct _CrmWindow {
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *new_client_button;
  gboolean              writable;         /* the database takes changes */

  AdwStatusPage        *error_page;       /* NULL until first shown */
  CrmWelcomePage       *welcome_page;     /* NULL until first shown */

  GtkFileChooserNative *import_chooser;
  guint                 release_source;   /* memory given back after a change of screen */
};

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

static CrmApplication *
get_app (CrmWindow *self)
{
  return CRM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

AdwToast *
crm_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
crm_window_add_toast (CrmWindow *self, AdwToast *toast)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
crm_window_get_page (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
crm_window_get_screen (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWidget *
crm_window_get_screen_widget (CrmWindow *self, const char *name)
{
  GtkWidget *slot;

  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  slot = gtk_stack_get_child_by_name (self->content_stack, name);
  return slot != NULL ? crm_screen_slot_get_screen (CRM_SCREEN_SLOT (slot)) : NULL;
}

/* The keyboard goes into the page shown, so that its keys work at once: on
 * a screen, to what the screen chooses (its grab_focus: the search of the
 * Clients, the first card of the board…), else to its first focusable
 * widget. A page not on screen yet (the window is being shown) takes it
 * when it is. */
static GtkWidget *
visible_page (CrmWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (page, "main") == 0)
    return gtk_stack_get_visible_child (self->content_stack);
  if (g_strcmp0 (page, "welcome") == 0)
    return GTK_WIDGET (self->welcome_page);
  return NULL;
}

static void focus_page (CrmWindow *self);

static void
page_mapped_cb (GtkWidget *page, CrmWindow *self)
{
  g_signal_handlers_disconnect_by_func (page, page_mapped_cb, self);
  if (page == visible_page (self))
    focus_page (self);
}

static void
focus_page (CrmWindow *self)
{
  GtkWidget *target = visible_page (self);

  if (target == NULL)
    return;
  if (!gtk_widget_get_mapped (target))
    {
      g_signal_handlers_disconnect_by_func (target, page_mapped_cb, self);
      g_signal_connect_object (target, "map", G_CALLBACK (page_mapped_cb), self, 0);
      return;
    }
  if (!gtk_widget_grab_focus (target))
    gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
}

gboolean
crm_window_show_screen (CrmWindow *self, const char *name)
{
  GtkWidget *child, *focus;
  gboolean stays;

  g_return_val_if_fail (CRM_IS_WINDOW (self), FALSE);

  if (name == NULL || (child = gtk_stack_get_child_by_name (self->content_stack, name)) == NULL)
    return FALSE;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  /* Asked again for the screen that has the focus: it stays where it is. */
  stays = focus != NULL && gtk_widget_is_ancestor (focus, child) &&
          g_strcmp0 (crm_window_get_page (self), "main") == 0;
  gtk_stack_set_visible_child (self->content_stack, child);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (!stays)
    focus_page (self);
  return TRUE;
}

/* ---- sidebar ------------------------------------------------------------ */

static GtkWidget *
create_sidebar_row (gpointer item, gpointer user_data)
{
  GtkStackPage *page = GTK_STACK_PAGE (item);
  GtkWidget *row, *box, *icon, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  label = gtk_label_new (gtk_stack_page_get_title (page));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "screen", g_strdup (gtk_stack_page_get_name (page)), g_free);
  gtk_widget_set_tooltip_text (row, gtk_stack_page_get_title (page));
  return row;
}

static void
sidebar_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, CrmWindow *self)
{
  crm_window_show_screen (self, g_object_get_data (G_OBJECT (row), "screen"));
}

/* "Clients — SalesCRM": the task bar and window list say where we are. */
static void
update_title (CrmWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  const char *what = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (page, "welcome") == 0)
    what = _("Welcome");
  else if (g_strcmp0 (page, "error") == 0)
    what = _("Database Error");
  else if (g_strcmp0 (page, "upgrading") == 0)
    what = _("Upgrading");
  else if (g_strcmp0 (page, "main") == 0)
    what = adw_window_title_get_title (self->content_title);
  if (what != NULL && *what != '\0')
    /* Translators: the window title, "Clients — SalesCRM" */
    title = g_strdup_printf (_("%s — SalesCRM"), what);
  else
    title = g_strdup ("SalesCRM");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
visible_page_changed_cb (GtkStack *stack, GParamSpec *pspec, CrmWindow *self)
{
  update_title (self);
  focus_page (self);
}

/* The screens not shown let go of what they read again when shown (rows,
 * objects, images), the main connection of the pages in its cache, and
 * what all of it took goes back to the system. The window does this a
 * moment after a change of screen, once the new one has settled: going
 * back and forth quickly reads nothing again. */
void
crm_window_release_memory (CrmWindow *self)
{
  CrmApplication *app;

  g_return_if_fail (CRM_IS_WINDOW (self));

  for (GtkWidget *slot = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       slot != NULL; slot = gtk_widget_get_next_sibling (slot))
    {
      /* A screen never shown has nothing to let go. */
      GtkWidget *screen = crm_screen_slot_peek_screen (CRM_SCREEN_SLOT (slot));

      if (screen != NULL && CRM_IS_SCREEN (screen) && !gtk_widget_get_mapped (screen))
        crm_screen_release (CRM_SCREEN (screen));
    }
  app = get_app (self);
  if (app != NULL && crm_application_get_database (app) != NULL)
    crm_database_release_memory (crm_application_get_database (app));
  crm_memory_release ();
}

static gboolean
release_memory_cb (gpointer data)
{
  CrmWindow *self = data;

  self->release_source = 0;
  crm_window_release_memory (self);
  return G_SOURCE_REMOVE;
}

/* The + of the header bar makes a client, like Ctrl+N, on the screens
 * where Ctrl+N means that: My Day, the calendar and the team have a + of
 * their own (a new activity, a new manager) and Ctrl+N does that there. Not
 * a button that could only fail: a read-only file takes no client. */
static void
update_new_client_button (CrmWindow *self)
{
  static const char * const own_new[] = { "today", "calendar", "team", NULL };
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);

  gtk_widget_set_visible (self->new_client_button,
                          self->writable && !g_strv_contains (own_new, name != NULL ? name : ""));
}

static void
visible_screen_changed_cb (GtkStack *stack, GParamSpec *pspec, CrmWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  if (child != NULL)
    adw_window_title_set_title (self->content_title,
                                gtk_stack_page_get_title (gtk_stack_get_page (stack, child)));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (row), "screen"), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  update_title (self);
  update_new_client_button (self);
  g_clear_handle_id (&self->release_source, g_source_remove);
  /* Two seconds to the millisecond: a timer rounded to whole seconds could
   * fall due with the next change of screen, which would put it off. */
  self->release_source = g_timeout_add (RELEASE_DELAY_MS, release_memory_cb, self);
}

/* ---- actions ------------------------------------------------------------ */

static void
start_empty_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "main");
}

static void
demo_data_loaded_cb (CrmWelcomePage *page, CrmWindow *self)
{
  /* Written by the worker's own connection: tell the screens. */
  crm_database_notify_changed (crm_application_get_database (get_app (self)), NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  crm_window_add_toast (self, crm_toast_new (_("Demo data loaded: a sales team of 20 managers with two years of history.")));
}

static void
show_screen_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (self->content_stack));
  g_autoptr(GObject) page = NULL;

  if (index < 1 || index > g_list_model_get_n_items (pages))
    return;
  page = g_list_model_get_item (pages, index - 1);
  crm_window_show_screen (self, gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
}

/* Shows the screen @name and runs its action @action there. */
static void
show_screen_and_activate (CrmWindow *self, const char *name, const char *action)
{
  GtkWidget *screen = crm_window_get_screen_widget (self, name);

  if (screen != NULL && crm_window_show_screen (self, name))
    gtk_widget_activate_action (screen, action, NULL);
}

/* Ctrl+N from anywhere: the Clients screen and its New Client form. */
static void
new_client_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_screen_and_activate (CRM_WINDOW (widget), "clients", "clients.new");
}

/* win.add-manager: the Team screen and its Add Manager dialog (what the
 * empty states of the other screens offer first). */
static void
add_manager_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_screen_and_activate (CRM_WINDOW (widget), "team", "team.add-manager");
}

/* win.show-client(id): the Clients screen with that client's card open
 * (the dashboard's problem clients, the calendar's events). */
static void
show_client_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkWidget *clients = crm_window_get_screen_widget (self, "clients");

  if (clients == NULL || !crm_window_show_screen (self, "clients"))
    return;
  crm_clients_page_open_client (CRM_CLIENTS_PAGE (clients), g_variant_get_int64 (parameter));
}

/* Ctrl+?: the keyboard shortcuts window, built the first time it is asked
 * for (GTK would build it with every window: some 12 ms of the start). */
static void
show_shortcuts_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- import and export -------------------------------------------------- */

static void
import_finished_cb (CrmImportDialog *dialog, CrmWindow *self)
{
  /* The first clients of an empty database: on to the screens. */
  if (g_strcmp0 (crm_window_get_page (self), "welcome") == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "main");
}

/* Imports @file: clients from CSV or vCard, a database from a JSON export
 * (each in its dialog), a calendar on the calendar screen. */
void
crm_window_import_file (CrmWindow *self, GFile *file)
{
  CrmDatabase *db;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  CrmImportFormat format;
  CrmImportDialog *dialog;

  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  db = crm_application_get_database (get_app (self));
  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  format = crm_import_format_for_path (path);
  if (db == NULL || crm_database_is_read_only (db))
    {
      crm_window_add_toast (self, crm_toast_new (_("Nothing can be imported: the database is open read-only.")));
      return;
    }
  if (format == CRM_IMPORT_FORMAT_ICALENDAR)
    {
      /* Events go to the calendar, which imports them in a worker and
       * says what came in. */
      GtkWidget *calendar = crm_window_get_screen_widget (self, "calendar");

      if (calendar != NULL && CRM_IS_CALENDAR_VIEW (calendar) && crm_window_show_screen (self, "calendar"))
        crm_calendar_view_import_file (CRM_CALENDAR_VIEW (calendar), file);
      return;
    }
  if (format == CRM_IMPORT_FORMAT_UNKNOWN)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” cannot be imported: choose a CSV, vCard or "
                                                 "SalesCRM JSON file."), name);
      crm_window_add_toast (self, crm_toast_new (text));
      return;
    }
  dialog = crm_import_dialog_new (db, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser, int response, CrmWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        crm_window_import_file (self, file);
    }
  g_clear_object (&self->import_chooser);
}

static void
add_filter (GtkFileChooser *chooser, const char *name, const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (gsize i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkFileChooser *chooser;

  if (self->import_chooser != NULL)
    return;
  self->import_chooser = gtk_file_chooser_native_new (_("Import a File"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->import_chooser);
  add_filter (chooser, _("Clients and exports (CSV, vCard, JSON)"),
              (const char *[]) { "*.csv", "*.CSV", "*.txt", "*.vcf", "*.VCF", "*.vcard", "*.json", NULL });
  add_filter (chooser, _("CSV tables"), (const char *[]) { "*.csv", "*.CSV", "*.txt", "*.tsv", NULL });
  add_filter (chooser, _("vCard contacts"), (const char *[]) { "*.vcf", "*.VCF", "*.vcard", NULL });
  add_filter (chooser, _("SalesCRM database exports (JSON)"), (const char *[]) { "*.json", NULL });
  add_filter (chooser, _("All files"), (const char *[]) { "*", NULL });
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_chooser), TRUE);
  g_signal_connect (self->import_chooser, "response", G_CALLBACK (import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

static void
exported_cb (CrmExportDialog *dialog, const char *message, CrmWindow *self)
{
  crm_window_add_toast (self, crm_toast_new (message));
}

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  CrmDatabase *db = crm_application_get_database (get_app (self));
  CrmExportDialog *dialog;

  if (db == NULL)
    return;
  dialog = crm_export_dialog_new (db);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file dropped on the window is imported like one chosen. */
static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, CrmWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  if (files->next != NULL)
    crm_window_add_toast (self, crm_toast_new (_("Drop one file at a time: only the first was opened.")));
  crm_window_import_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

/* ---- state -------------------------------------------------------------- */

static void
restore_state (CrmWindow *self)
{
  GSettings *settings = crm_application_get_settings (get_app (self));

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
crm_window_close_request (GtkWindow *window)
{
  CrmWindow *self = CRM_WINDOW (window);
  GSettings *settings = crm_application_get_settings (get_app (self));

  if (crm_upgrade_page_ask_to_quit (window, get_app (self)))
    return TRUE;
  if (settings != NULL)
    {
      int width, height;
      const char *screen = crm_window_get_screen (self);

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (screen != NULL && g_strcmp0 (crm_window_get_page (self), "main") == 0)
        g_settings_set_string (settings, "last-screen", screen);
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (crm_window_parent_class)->close_request (window);
}

/* Every screen with a "database" property gets the main connection. */
static void
give_screens_the_database (CrmWindow *self, CrmDatabase *db)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "database") != NULL)
      g_object_set (child, "database", db, NULL);
}

static void
show_error_page (CrmWindow *self, const char *message)
{
  if (self->error_page == NULL)
    gtk_stack_add_named (self->main_stack,
                         crm_window_pages_new_error (self->primary_menu, &self->error_page), "error");
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
show_welcome_page (CrmWindow *self, CrmDatabase *db)
{
  if (self->welcome_page == NULL)
    {
      gtk_stack_add_named (self->main_stack,
                           crm_window_pages_new_welcome (self->primary_menu, &self->welcome_page), "welcome");
      g_signal_connect_object (self->welcome_page, "data-loaded", G_CALLBACK (demo_data_loaded_cb), self, 0);
    }
  crm_welcome_page_set_database_path (self->welcome_page, crm_database_get_path (db));
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

static void
choose_first_page (CrmWindow *self)
{
  CrmApplication *app = get_app (self);
  CrmDatabase *db = crm_application_get_database (app);
  const GError *db_error = crm_application_get_database_error (app);
  GSettings *settings = crm_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;
  GtkWidget *screen;

  if (db == NULL)
    {
      if (crm_application_is_upgrading (app))
        crm_window_pages_show_upgrading (self->main_stack, self->primary_menu, app);
      else
        show_error_page (self, db_error != NULL ? db_error->message : _("Unknown error."));
      return;
    }

  give_screens_the_database (self, db);
  if (crm_database_is_empty (db, &error))
    show_welcome_page (self, db);
  else
    {
      if (error != NULL)
        {
          show_error_page (self, error->message);
          return;
        }
      gtk_stack_set_visible_child_name (self->main_stack, "main");
    }

  /* The screen of last time, behind the welcome page when the database is
   * empty: crm_window_show_screen() would leave the welcome page. */
  if (settings != NULL)
    last = g_settings_get_string (settings, "last-screen");
  screen = last != NULL && *last != '\0' ? gtk_stack_get_child_by_name (self->content_stack, last) : NULL;
  if (screen != NULL && g_strcmp0 (crm_window_get_page (self), "main") == 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (screen == NULL)
    screen = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
  if (screen != NULL)
    gtk_stack_set_visible_child (self->content_stack, screen);
  focus_page (self);

  self->writable = !crm_database_is_read_only (db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  update_new_client_button (self);
  /* Either names a file or a reason the user may want to note: the toast
   * stays until closed. */
  if (!self->writable)
    text = g_strdup_printf (_("The database is open read-only: %s. Changes cannot be saved."),
                            crm_database_get_read_only_reason (db));
  else if (crm_database_get_backup_path (db) != NULL)
    text = g_strdup_printf (_("The database was upgraded. A copy of the old one was kept in %s."),
                            crm_database_get_backup_path (db));
  if (text != NULL)
    {
      AdwToast *toast = crm_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      crm_window_add_toast (self, toast);
    }
}

/* The upgrade of an older file is over: on as after opening it. */
void
crm_window_database_opened (CrmWindow *self)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  choose_first_page (self);
  crm_window_pages_remove_upgrading (self->main_stack);
}

CrmWindow *
crm_window_new (CrmApplication *application)
{
  CrmWindow *self = g_object_new (CRM_TYPE_WINDOW, "application", application, NULL);

  /* "application" is set after constructed(): the state that depends on it
   * is read here. */
  restore_state (self);
  choose_first_page (self);
  return self;
}

static void
crm_window_dispose (GObject *object)
{
  CrmWindow *self = CRM_WINDOW (object);

  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
  g_clear_object (&self->import_chooser);
  g_clear_handle_id (&self->release_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_WINDOW);
  G_OBJECT_CLASS (crm_window_parent_class)->dispose (object);
}

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crm_window_dispose;
  window_class->close_request = crm_window_close_request;

  g_type_ensure (CRM_TYPE_DASHBOARD);
  g_type_ensure (CRM_TYPE_WELCOME_PAGE);
  g_type_ensure (CRM_TYPE_DEALS_PAGE);
  g_type_ensure (CRM_TYPE_TEAM_PAGE);
  g_type_ensure (CRM_TYPE_CLIENTS_PAGE);
  g_type_ensure (CRM_TYPE_REPORTS_SCREEN);
  g_type_ensure (CRM_TYPE_MY_DAY);
  g_type_ensure (CRM_TYPE_CALENDAR_VIEW);
  g_type_ensure (CRM_TYPE_SCREEN_SLOT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, new_client_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_screen_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_activated);
  gtk_widget_class_install_action (widget_class, "win.show-screen", "u", show_screen_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_activated);
  gtk_widget_class_install_action (widget_class, "win.add-manager", NULL, add_manager_activated);
  gtk_widget_class_install_action (widget_class, "win.show-client", "x", show_client_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_activated);

  for (guint i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "win.show-screen", "u", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
crm_window_init (CrmWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  crm_window_pages_set_lazy_menu (self->menu_button, self->primary_menu);

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));
  }
  /* Until the database is known to be open (choose_first_page). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);

  pages = gtk_stack_get_pages (self->content_stack);
  gtk_list_box_bind_model (self->sidebar_list, G_LIST_MODEL (pages),
                           create_sidebar_row, self, NULL);
  visible_screen_changed_cb (self->content_stack, NULL, self);
}
