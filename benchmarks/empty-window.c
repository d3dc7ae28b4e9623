/* empty-window.c — the reference start: an empty GTK 4 window
 *
 * Prints "first-frame" after its first frame and quits (with
 * SALESCRM_BENCH_FIRST_FRAME=exit), like the app's benchmark hook. Built
 * twice: as a plain GtkApplication (the floor of DESIGN.md §7) and, with
 * EMPTY_ADW, as an AdwApplication (what libadwaita adds to any start).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
