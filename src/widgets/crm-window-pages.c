/* crm-window-pages.c — the window's pages beside its screens, made when needed
 *
 * Most starts show the screens: the welcome page (an empty database) and the
 * error page (a database that cannot be opened) are rarely seen, so they are
 * made the first time they are shown rather than with the window. A main
 * menu button that is given its menu builds the whole menu at once; the
 * menu is given on the first click (or F10) instead. Together this is about
 * a tenth of the window's start (benchmarks/results.md).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-upgrade-page.h"
#include "crm-window-pages.h"

static void
create_popup_cb (GtkMenuButton *button, gpointer user_data)
{
  /* Called before every opening: the menu is made once. */
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

void
crm_window_pages_set_lazy_menu (GtkMenuButton *button, GMenuModel *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, create_popup_cb, g_object_ref (menu), g_object_unref);
}

GtkWidget *
crm_window_pages_new_menu_button (GMenuModel *menu)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "open-menu-symbolic");
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _("Main Menu"));
  crm_window_pages_set_lazy_menu (GTK_MENU_BUTTON (button), menu);
  return button;
}

/* A header bar with the main menu above @child. */
static GtkWidget *
page_new (GMenuModel *menu, const char *title, GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  if (title != NULL)
    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), crm_window_pages_new_menu_button (menu));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

GtkWidget *
crm_window_pages_new_welcome (GMenuModel *menu, CrmWelcomePage **out_page)
{
  GtkWidget *page = g_object_new (CRM_TYPE_WELCOME_PAGE, NULL);

  *out_page = CRM_WELCOME_PAGE (page);
  return page_new (menu, _("SalesCRM"), page);
}

GtkWidget *
crm_window_pages_new_error (GMenuModel *menu, AdwStatusPage **out_status)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *quit = gtk_button_new_with_mnemonic (_("_Quit"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Database Could Not Be Opened"));
  gtk_widget_set_halign (quit, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  gtk_widget_add_css_class (quit, "pill");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), quit);
  *out_status = ADW_STATUS_PAGE (status);
  /* No title of its own: the header shows the window's, "Database Error". */
  return page_new (menu, NULL, status);
}

/* The page "upgrading" of @stack, made when first shown, while an older
 * database is upgraded (crm-upgrade-page.c); removed when it is done. */
void
crm_window_pages_show_upgrading (GtkStack *stack, GMenuModel *menu, CrmApplication *application)
{
  if (gtk_stack_get_child_by_name (stack, "upgrading") == NULL)
    gtk_stack_add_named (stack, page_new (menu, _("SalesCRM"), crm_upgrade_page_new (application)), "upgrading");
  gtk_stack_set_visible_child_name (stack, "upgrading");
}

void
crm_window_pages_remove_upgrading (GtkStack *stack)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, "upgrading");

  if (page != NULL)
    gtk_stack_remove (stack, page);
}
