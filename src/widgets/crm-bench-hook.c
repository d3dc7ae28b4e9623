/* crm-bench-hook.c — tells benchmarks/run when the first frame is on screen
 *
 * With SALESCRM_BENCH_FIRST_FRAME set in the environment, the window prints
 * "first-frame" on stdout after its first frame is painted; with the value
 * "exit" the application then quits, so that the benchmark can time the
 * whole start. Without the variable this does nothing.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <stdio.h>

#include "crm-bench-hook.h"

static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  const char *mode = g_getenv ("SALESCRM_BENCH_FIRST_FRAME");

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("first-frame\n");
  fflush (stdout);
  if (g_strcmp0 (mode, "exit") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
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
