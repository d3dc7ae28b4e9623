/* test-start.c — how the window's process sets up GTK: Cairo, no OpenGL,
 * unless asked for; the environment left as it was found
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs in a fresh process (GTK reads its environment once, when
 * it starts), which sets the environment a user would have and then starts
 * GTK as main () does.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "crm-application.h"
#include "crm-test-gui.h"

static void
start_with (const char *gdk_debug, const char *gsk_renderer)
{
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("GSK_RENDERER");
  if (gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", gdk_debug, TRUE);
  if (gsk_renderer != NULL)
    g_setenv ("GSK_RENDERER", gsk_renderer, TRUE);
  crm_application_init_display ();
  g_assert_nonnull (gdk_display_get_default ());
}

/* OpenGL cannot be set up on the display because GDK_DEBUG said so when GTK
 * started, the display names Cairo as the renderer, and a window draws with
 * Cairo. */
static void
assert_cairo_without_gl (void)
{
  g_autoptr(GError) error = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  GtkWidget *window = gtk_window_new ();

  g_assert_false (gdk_display_prepare_gl (display, &error));
  g_assert_error (error, GDK_GL_ERROR, GDK_GL_ERROR_NOT_AVAILABLE);
  g_assert_nonnull (strstr (error->message, "GDK_DEBUG"));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (display), "gsk-renderer"), ==, "cairo");
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate ();
  g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Nothing set: OpenGL is not set up, windows draw with Cairo, and neither
 * GDK_DEBUG nor GTK_THEME is left behind for programs started from here. */
static void
no_gl (void)
{
  g_unsetenv ("GTK_THEME");
  start_with (NULL, NULL);
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_null (g_getenv ("GTK_THEME"));
  assert_cairo_without_gl ();
}

/* GSK_RENDERER=cairo, as the benchmarks and the tests set it: the same. */
static void
cairo_asked (void)
{
  start_with (NULL, "cairo");
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  assert_cairo_without_gl ();
}

/* GSK_RENDERER=gl asked for the GPU: GTK's own choice stays. GDK_DEBUG and
 * the display are untouched, OpenGL can be set up where the machine has it
 * (Mesa under Xvfb here), and a window then draws with it. */
static void
gpu_asked (void)
{
  g_autoptr(GError) error = NULL;
  GdkDisplay *display;
  GtkWidget *window;

  start_with (NULL, "gl");
  display = gdk_display_get_default ();
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
  if (gdk_display_prepare_gl (display, &error))
    {
      window = gtk_window_new ();
      gtk_window_present (GTK_WINDOW (window));
      crm_test_iterate ();
      g_assert_false (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))));
      gtk_window_destroy (GTK_WINDOW (window));
    }
  else
    {
      /* No OpenGL on this machine: then not because of SalesCRM. */
      g_test_message ("no OpenGL here: %s", error->message);
      g_assert_null (strstr (error->message, "GDK_DEBUG"));
    }
  /* GTK has loaded the OpenGL driver, whose allocations LeakSanitizer
   * cannot tell from leaks once the driver is unloaded at exit (which is
   * why the other suites run without OpenGL): this process leaves without
   * its exit handlers. Passed: status 0. */
  fflush (stdout);
  _exit (0);
}

/* GDK_DEBUG set for something else: OpenGL is still left out, and the
 * variable is as it was for the programs started from here. */
static void
gdk_debug_kept (void)
{
  start_with ("nograbs", NULL);
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "nograbs");
  assert_cairo_without_gl ();
}

/* Each case in a process of its own: GTK reads its environment once. */
static void
in_fresh_process (gconstpointer data)
{
  void (*body) (void) = *(void (* const *) (void)) data;

  if (g_test_subprocess ())
    {
      body ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  static void (* const no_gl_case) (void) = no_gl;
  static void (* const cairo_case) (void) = cairo_asked;
  static void (* const gpu_case) (void) = gpu_asked;
  static void (* const gdk_debug_case) (void) = gdk_debug_kept;

  /* No gtk_test_init (): each case starts GTK itself, in its own process. */
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/start/no-gl", &no_gl_case, in_fresh_process);
  g_test_add_data_func ("/start/cairo-asked", &cairo_case, in_fresh_process);
  g_test_add_data_func ("/start/gpu-asked", &gpu_case, in_fresh_process);
  g_test_add_data_func ("/start/gdk-debug-kept", &gdk_debug_case, in_fresh_process);
  return g_test_run ();
}
