/* crm-window.c — the main window
 *
 * A stack of three pages: "welcome" on an empty database, "main" (a sidebar
 * of screens beside the screen shown) and "error" when the database could
 * not be opened. Each screen of the product is a child of content_stack in
 * ui/crm-window.ui; the sidebar is built from those pages, so a screen joins
 * the navigation by being added there.
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
#include "crm-welcome-page.h"
#include "crm-window.h"

struct _CrmWindow {
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  AdwStatusPage        *error_page;
  CrmWelcomePage       *welcome_page;
};

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

static CrmApplication *
get_app (CrmWindow *self)
{
  return CRM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
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

gboolean
crm_window_show_screen (CrmWindow *self, const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (CRM_IS_WINDOW (self), FALSE);

  if (name == NULL || (child = gtk_stack_get_child_by_name (self->content_stack, name)) == NULL)
    return FALSE;
  gtk_stack_set_visible_child (self->content_stack, child);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
  crm_window_add_toast (self, adw_toast_new (_("Demo data loaded: a sales team of 20 managers with two years of history.")));
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

/* Ctrl+N from anywhere: the Clients screen and its New Client form. */
static void
new_client_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkWidget *clients = gtk_stack_get_child_by_name (self->content_stack, "clients");

  if (clients == NULL || !crm_window_show_screen (self, "clients"))
    return;
  gtk_widget_activate_action (clients, "clients.new", NULL);
}

/* win.show-client(id): the Clients screen with that client's card open
 * (the dashboard's problem clients, the calendar's events). */
static void
show_client_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkWidget *clients = gtk_stack_get_child_by_name (self->content_stack, "clients");

  if (clients == NULL || !crm_window_show_screen (self, "clients"))
    return;
  crm_clients_page_open_client (CRM_CLIENTS_PAGE (clients), g_variant_get_int64 (parameter));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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
choose_first_page (CrmWindow *self)
{
  CrmApplication *app = get_app (self);
  CrmDatabase *db = crm_application_get_database (app);
  const GError *db_error = crm_application_get_database_error (app);
  GSettings *settings = crm_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  if (db == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       db_error != NULL ? db_error->message : _("Unknown error."));
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  crm_welcome_page_set_database_path (self->welcome_page, crm_database_get_path (db));
  give_screens_the_database (self, db);
  if (crm_database_is_empty (db, &error))
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else
    {
      if (error != NULL)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->main_stack, "error");
          return;
        }
      gtk_stack_set_visible_child_name (self->main_stack, "main");
    }

  /* The screen of last time, behind the welcome page when the database is
   * empty: crm_window_show_screen() would leave the welcome page. */
  if (settings != NULL)
    last = g_settings_get_string (settings, "last-screen");
  {
    GtkWidget *screen = last != NULL && *last != '\0' ? gtk_stack_get_child_by_name (self->content_stack, last) : NULL;
    if (screen != NULL && g_strcmp0 (crm_window_get_page (self), "main") == 0)
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    if (screen == NULL)
      screen = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
    if (screen != NULL)
      gtk_stack_set_visible_child (self->content_stack, screen);
  }

  if (crm_database_is_read_only (db))
    {
      g_autofree char *text = g_strdup_printf (_("The database is open read-only: %s. Changes cannot be saved."),
                                               crm_database_get_read_only_reason (db));
      AdwToast *toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      crm_window_add_toast (self, toast);
    }
  else if (crm_database_get_backup_path (db) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The database was upgraded. A copy of the old one was kept in %s."),
                                               crm_database_get_backup_path (db));
      crm_window_add_toast (self, adw_toast_new (text));
    }
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, demo_data_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_screen_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_activated);
  gtk_widget_class_install_action (widget_class, "win.show-screen", "u", show_screen_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_activated);
  gtk_widget_class_install_action (widget_class, "win.show-client", "x", show_client_activated);

  for (guint i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "win.show-screen", "u", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-client", NULL);
}

static void
crm_window_init (CrmWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  pages = gtk_stack_get_pages (self->content_stack);
  gtk_list_box_bind_model (self->sidebar_list, G_LIST_MODEL (pages),
                           create_sidebar_row, self, NULL);
  visible_screen_changed_cb (self->content_stack, NULL, self);
}
