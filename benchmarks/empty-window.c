/* empty-window.c — the reference start: an empty GTK 4 window
 *
 * Prints "first-frame" after its first frame and quits (with
 * SALESCRM_BENCH_FIRST_FRAME=exit), like the app's benchmark hook. Built
 * three times: as a plain GtkApplication (the floor of DESIGN.md §7); with
 * EMPTY_ADW, as an AdwApplication (what libadwaita adds to any start); and
 * with SHAPED_ADW, as an AdwApplication whose window has SalesCRM's shape
 * and no data — two header bars, a sidebar of seven screens with their
 * icons — to tell what the window's chrome costs (the icon theme, the
 * fonts) from what the app itself adds.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#if defined (SHAPED_ADW) && !defined (EMPTY_ADW)
#define EMPTY_ADW
#endif

#ifdef EMPTY_ADW
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif
#include <stdio.h>

static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("first-frame\n");
  fflush (stdout);
  if (g_strcmp0 (g_getenv ("SALESCRM_BENCH_FIRST_FRAME"), "exit") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
realized_cb (GtkWidget *widget, gpointer data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint_cb), widget, 0);
}

#ifdef SHAPED_ADW
static GtkWidget *
shaped_content (void)
{
  static const char * const screens[][2] = {
    { "My Day", "starred-symbolic" }, { "Calendar", "x-office-calendar-symbolic" },
    { "Clients", "x-office-address-book-symbolic" }, { "Deals", "emblem-documents-symbolic" },
    { "Dashboard", "view-grid-symbolic" }, { "Team", "system-users-symbolic" },
    { "Reports", "document-print-symbolic" },
  };
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *sidebar_header = adw_header_bar_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content_header = adw_header_bar_new ();
  GtkWidget *menu = gtk_menu_button_new ();

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (sidebar_header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (sidebar_header), adw_window_title_new ("SalesCRM", NULL));
  gtk_box_append (GTK_BOX (sidebar), sidebar_header);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_widget_set_vexpand (list, TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name (screens[i][1]));
      gtk_box_append (GTK_BOX (row), gtk_label_new (screens[i][0]));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (sidebar), list);
  gtk_widget_set_size_request (sidebar, 210, -1);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (content_header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (content_header), adw_window_title_new ("My Day", NULL));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  adw_header_bar_pack_end (ADW_HEADER_BAR (content_header), menu);
  gtk_box_append (GTK_BOX (content), content_header);
  gtk_widget_set_hexpand (content, TRUE);

  adw_leaflet_append (ADW_LEAFLET (leaflet), sidebar);
  adw_leaflet_append (ADW_LEAFLET (leaflet), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_append (ADW_LEAFLET (leaflet), content);
  return leaflet;
}
#endif

static void
activate_cb (GtkApplication *app, gpointer data)
{
#ifdef EMPTY_ADW
  GtkWidget *window = adw_application_window_new (app);
#else
  GtkWidget *window = gtk_application_window_new (app);
#endif

  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
#ifdef SHAPED_ADW
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), shaped_content ());
#endif
  g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
#ifdef EMPTY_ADW
  g_autoptr(GtkApplication) app = GTK_APPLICATION (adw_application_new ("com.example.SalesCRM.EmptyWindow",
                                                                        G_APPLICATION_NON_UNIQUE));
#else
  g_autoptr(GtkApplication) app = gtk_application_new ("com.example.SalesCRM.EmptyWindow",
                                                       G_APPLICATION_NON_UNIQUE);
#endif
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
