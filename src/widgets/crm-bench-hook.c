/* crm-bench-hook.c — tells benchmarks/run when the first frame is on screen
 *
 * With SALESCRM_BENCH_FIRST_FRAME set in the environment, the window prints
 * "first-frame" on stdout after its first frame is painted; with the value
 * "exit" the application then quits, so that the benchmark can time the
 * whole start. With "tour" it then shows every screen in turn, three
 * seconds each (their data loaded as a person would see it), printing
 * "screen N" for each and "tour-done" at the end, so that the benchmark can
 * read the memory of a window that has been everywhere. Without the
 * variable this does nothing.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <stdio.h>

#include "crm-bench-hook.h"
#include "crm-window.h"

static gboolean
tour_step_cb (gpointer data)
{
  GtkWidget *window = data;
  guint screen = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "crm-bench-screen")) + 1;
  g_autofree char *before = g_strdup (crm_window_get_screen (CRM_WINDOW (window)));

  g_object_set_data (G_OBJECT (window), "crm-bench-screen", GUINT_TO_POINTER (screen));
  gtk_widget_activate_action (window, "win.show-screen", "u", screen);
  /* Past the last screen the action does nothing. */
  if (screen > 1 && g_strcmp0 (before, crm_window_get_screen (CRM_WINDOW (window))) == 0)
    {
      printf ("tour-done\n");
      fflush (stdout);
      g_object_unref (window);
      return G_SOURCE_REMOVE;
    }
  printf ("screen %u\n", screen);
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  const char *mode = g_getenv ("SALESCRM_BENCH_FIRST_FRAME");

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("first-frame\n");
  fflush (stdout);
  if (g_strcmp0 (mode, "exit") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
  else if (g_strcmp0 (mode, "tour") == 0 && CRM_IS_WINDOW (window))
    g_timeout_add_seconds (3, tour_step_cb, g_object_ref (window));
}

static void
realized_cb (GtkWidget *widget, gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

void
crm_bench_hook_watch (GtkWindow *window)
{
  if (g_getenv ("SALESCRM_BENCH_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
}
