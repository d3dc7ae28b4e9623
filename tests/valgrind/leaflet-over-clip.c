/* leaflet-over-clip.c — GTK 4.8 loses render nodes under an AdwLeaflet's
 * "over" transition; a reproducer with only GTK and libadwaita, no SalesCRM
 * code, for the suppression "gtk-4.8-snapshot-empty-clip" in
 * tests/valgrind.supp.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's gtk_snapshot_collect_clip() (gtk/gtksnapshot.c) returns NULL
 * when the clip rectangle has no width or no height, without unreffing the
 * node it collected: that node and all it holds are lost. During a child
 * transition of type "over" AdwLeaflet 1.2 clips the page below to the part
 * the sliding page does not cover yet (adw_leaflet_snapshot). Near the end
 * of the transition the sliding page's x, a double truncated to int, is
 * already 0 while the animation still runs, so that clip is 0 pixels wide
 * and the transform node gtk_widget_snapshot_child() made for the page
 * below is lost with the page's whole render tree. This happens when the
 * leaflet is folded and narrower than 1000 pixels (one pixel is then more
 * than the spring's 0.001 end margin) and a frame lands in that last
 * stretch.
 *
 * `clip` shows the GTK function alone: a zero-width clip around one colour
 * node loses the colour node. `leaflet` (the default) folds a leaflet,
 * slides a page over the other and loses the same block as the window
 * suite: a GskTransformNode from gtk_widget_snapshot_child() called by
 * libadwaita, ~50 KB below it in the suite, a few hundred bytes here.
 *
 *   env GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none NO_AT_BRIDGE=1 \
 *       GSETTINGS_BACKEND=memory G_DEBUG=fatal-warnings MALLOC_CHECK_=2 \
 *     xvfb-run -a -s '-screen 0 1280x800x24' \
 *     valgrind --leak-check=full --show-leak-kinds=definite \
 *       build-valgrind/tests/valgrind/leaflet-over-clip [clip|leaflet]
 *
 * reports "definitely lost" for the node(s) made in the last frames of the
 * transition; with tests/valgrind.supp added it reports none. Later GTK
 * releases unref the node before returning NULL. Not a test: it loses
 * memory on purpose, so it is built but never run by `meson test`.
 */
#include "config.h"

#include <adwaita.h>

static void
lose_clip_node (void)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, 0, 100));
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 0, 0, 1 }, &GRAPHENE_RECT_INIT (10, 10, 50, 50));
  gtk_snapshot_pop (snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  /* Nothing to draw; the colour node inside the clip is lost. */
  g_assert_null (node);
}

static GtkWidget *
page (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_size_request (box, 250, -1);
  gtk_widget_set_hexpand (box, TRUE);
  /* With a margin the page is drawn through a transform node, as the
   * window's pages are. */
  gtk_widget_set_margin_start (box, 6);
  for (int i = 0; i < 5; i++)
    gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  return box;
}

static void
slide_leaflet_page (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *second = page ("Second page");
  g_autoptr(AdwSpringParams) slow = adw_spring_params_new (1, 1, 50);

  /* Two pages of at least 250 pixels in a 400-pixel window: folded. */
  adw_leaflet_set_transition_type (ADW_LEAFLET (leaflet), ADW_LEAFLET_TRANSITION_TYPE_OVER);
  /* A softer spring than the default makes its last stretch (x already 0,
   * the animation not done) last ~150 ms, so that frames land in it even
   * under valgrind; the default spring only makes it shorter. */
  adw_leaflet_set_child_transition_params (ADW_LEAFLET (leaflet), slow);
  adw_leaflet_append (ADW_LEAFLET (leaflet), page ("First page"));
  adw_leaflet_append (ADW_LEAFLET (leaflet), second);
  gtk_window_set_child (GTK_WINDOW (window), leaflet);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (leaflet) || !adw_leaflet_get_folded (ADW_LEAFLET (leaflet)))
    g_main_context_iteration (NULL, TRUE);

  adw_leaflet_set_visible_child (ADW_LEAFLET (leaflet), second);
  g_assert_true (adw_leaflet_get_child_transition_running (ADW_LEAFLET (leaflet)));
  while (adw_leaflet_get_child_transition_running (ADW_LEAFLET (leaflet)))
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char *argv[])
{
  gboolean clip = argc > 1 && g_str_equal (argv[1], "clip");

  gtk_init ();
  adw_init ();
  if (clip)
    lose_clip_node ();
  else
    slide_leaflet_page ();
  return 0;
}
