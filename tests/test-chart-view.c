/* test-chart-view.c — the chart widget under Xvfb
 *
 * The view is shown in a window, rendered offscreen through a
 * GtkWidgetPaintable and the window's renderer, and driven by emitting its
 * controllers' signals: what the pointer finds must be what was drawn under
 * it, and screen readers must get the figures.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "crm-chart-view.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"

#define WIDTH  600
#define HEIGHT 400

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CrmChart *
bars_chart (void)
{
  CrmChartBarsData *data = crm_chart_bars_data_new ("Revenue: plan and actual", CRM_CHART_UNIT_MONEY, "RUB");

  crm_chart_bars_data_add (data, "Anna Petrova", 100000000, 87000000);
  crm_chart_bars_data_add (data, "Boris Ivanov", 80000000, 96000000);
  crm_chart_bars_data_add_unplanned (data, "Dmitry Orlov", 30000000);
  return crm_chart_new_bars (data);
}

/* A window around @view, shown and allocated at WIDTH × HEIGHT. */
static GtkWidget *
show_in_window (GtkWidget *view)
{
  GtkWidget *window = gtk_window_new ();
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while ((gtk_widget_get_width (view) != WIDTH || gtk_widget_get_height (view) != HEIGHT) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_cmpint (gtk_widget_get_width (view), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (view), ==, HEIGHT);
  return window;
}

static gboolean
frame_ticked_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  int *ticks = user_data;

  (*ticks)++;
  return *ticks < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets the frame clock draw the window once more. */
static void
wait_for_frame (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  int ticks = 0;

  gtk_widget_queue_draw (widget);
  gtk_widget_add_tick_callback (widget, frame_ticked_cb, &ticks, NULL);
  while (ticks < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ticks, ==, 2);
}

/* The widget as last drawn by its window: paintable → snapshot → render
 * node → the window's renderer → pixels (0xAARRGGBB, premultiplied). */
static guint32 *
render_offscreen (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels;

  wait_for_frame (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, HEIGHT);
  pixels = g_new (guint32, WIDTH * HEIGHT);
  gdk_texture_download (texture, (guchar *) pixels, WIDTH * 4);
  return pixels;
}

static guint32
pixel_of (const CrmChartColor *color)
{
  return 0xff000000u |
         (guint32) (color->red * 255 + 0.5) << 16 |
         (guint32) (color->green * 255 + 0.5) << 8 |
         (guint32) (color->blue * 255 + 0.5);
}

static gpointer
find_controller (GtkWidget *widget, GType type, guint button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          (!GTK_IS_GESTURE_SINGLE (controller) ||
           gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button))
        return controller;   /* the widget keeps it alive */
    }
  g_assert_not_reached ();
  return NULL;
}

static void
element_activated_cb (CrmChartView *view, int index, int *out)
{
  *out = index;
}

static void
test_instantiate (void)
{
  GtkWidget *view = g_object_ref_sink (crm_chart_view_new ());

  g_assert_true (GTK_IS_DRAWING_AREA (view));
  g_assert_null (crm_chart_view_get_chart (CRM_CHART_VIEW (view)));
  g_assert_cmpint (crm_chart_view_get_highlighted (CRM_CHART_VIEW (view)), ==, -1);
  g_assert_null (crm_chart_view_get_description (CRM_CHART_VIEW (view)));
  g_assert_cmpint (crm_chart_view_hit_test (CRM_CHART_VIEW (view), 10, 10), ==, -1);
  g_assert_true (gtk_widget_get_focusable (view));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_object_unref (view);
}

/* What is drawn where the layout says, and the pointer finds it. */
static void
test_hover (void)
{
  g_autoptr(CrmChart) chart = bars_chart ();
  GtkWidget *view = crm_chart_view_new ();
  GtkWidget *window = show_in_window (view);
  CrmChartView *self = CRM_CHART_VIEW (view);
  const CrmChartPalette *palette;
  GtkEventController *motion;
  g_autofree guint32 *before = NULL;
  g_autofree guint32 *after = NULL;
  g_autofree char *tip = NULL;
  double x, y, bar_height;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  crm_chart_view_set_chart (self, chart);
  before = render_offscreen (view);
  palette = crm_chart_view_get_palette (self);
  g_assert_false (palette->dark);

  /* Where the charts layer puts Boris's actual bar at this size … */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (surface);
    g_autoptr(CrmChartLayout) probe = crm_chart_layout_new (chart, cr, WIDTH, HEIGHT);
    const CrmChartBarsLayout *layout = crm_chart_layout_get_kind_layout (probe);

    x = layout->elements[1].actual.x + layout->elements[1].actual.width / 2;
    y = layout->elements[1].actual.y + layout->elements[1].actual.height / 2;
    bar_height = layout->elements[1].actual.height;
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  /* … the view drew it, and its hit-test finds it. */
  g_assert_cmphex (before[(int) y * WIDTH + (int) x], ==, pixel_of (&palette->series[0]));
  g_assert_cmpint (crm_chart_view_hit_test (self, x, y), ==, 1);
  g_assert_cmpint (crm_chart_view_hit_test (self, 2, 2), ==, -1);

  motion = find_controller (view, GTK_TYPE_EVENT_CONTROLLER_MOTION, 0);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 1);
  tip = crm_chart_view_get_tooltip_at (self, x, y);
  g_assert_cmpstr (tip, ==, "Boris Ivanov\nActual: ₽960,000\nPlan: ₽800,000\nAchievement: 120%");

  /* The highlighted column is drawn with a band behind it. */
  after = render_offscreen (view);
  {
    int band_y = (int) (y - bar_height / 2 - 40);
    int band_x = (int) x;
    g_assert_cmphex (before[band_y * WIDTH + band_x], !=, after[band_y * WIDTH + band_x]);
  }

  g_signal_emit_by_name (motion, "motion", 2.0, 2.0);
  g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, -1);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, -1);
  g_assert_null (crm_chart_view_get_tooltip_at (self, 2, 2));

  /* Hidden, the view keeps nothing of what it drew; shown, it lays the
   * chart out again. */
  gtk_widget_set_visible (view, FALSE);
  iterate ();
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_cmpint (crm_chart_view_hit_test (self, x, y), ==, -1);
  gtk_widget_set_visible (view, TRUE);
  wait_for_frame (view);
  g_assert_cmpint (crm_chart_view_hit_test (self, x, y), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_click_and_keys (void)
{
  g_autoptr(CrmChart) chart = bars_chart ();
  GtkWidget *view = crm_chart_view_new ();
  GtkWidget *window = show_in_window (view);
  CrmChartView *self = CRM_CHART_VIEW (view);
  GtkGesture *click;
  g_autofree guint32 *pixels = NULL;
  int activated = -1;
  int found = -1;

  crm_chart_view_set_chart (self, chart);
  pixels = render_offscreen (view);
  g_signal_connect (view, "element-activated", G_CALLBACK (element_activated_cb), &activated);

  /* Scan a row low in the plot for the first bar of the third manager. */
  for (int x = WIDTH - 1; x >= 0 && found < 0; x--)
    if (crm_chart_view_hit_test (self, x, HEIGHT - 40) == 2)
      found = x;
  g_assert_cmpint (found, >=, 0);

  click = find_controller (view, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);
  g_signal_emit_by_name (click, "released", 1, (double) found, (double) (HEIGHT - 40));
  g_assert_cmpint (activated, ==, 2);
  activated = -1;
  g_signal_emit_by_name (click, "released", 1, 3.0, 3.0);
  g_assert_cmpint (activated, ==, -1);

  /* Keyboard: arrows, End, Enter. */
  crm_chart_view_set_chart (self, chart);   /* the same chart: nothing changes */
  g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 2);
  g_assert_true (gtk_widget_activate_action (view, "chart.move", "i", -1));
  g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 1);
  gtk_widget_activate_action (view, "chart.move", "i", G_MININT32);
  g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 0);
  gtk_widget_activate_action (view, "chart.move", "i", G_MAXINT32);
  g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 2);
  gtk_widget_activate_action (view, "chart.activate", NULL);
  g_assert_cmpint (activated, ==, 2);

  /* In a Pareto chart the arrows follow the bars, largest first. */
  {
    CrmChartParetoData *data = crm_chart_pareto_data_new (NULL, CRM_CHART_PARETO_CLIENTS, "RUB");
    g_autoptr(CrmChart) pareto = NULL;

    crm_chart_pareto_data_add (data, "small", 100);
    crm_chart_pareto_data_add (data, "large", 900);
    crm_chart_pareto_data_add (data, "middle", 500);
    pareto = crm_chart_new_pareto (data);
    crm_chart_view_set_chart (self, pareto);
    g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, -1);
    gtk_widget_activate_action (view, "chart.move", "i", 1);
    g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 1);
    gtk_widget_activate_action (view, "chart.move", "i", 1);
    g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 2);
    gtk_widget_activate_action (view, "chart.move", "i", 1);
    g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 0);
    gtk_widget_activate_action (view, "chart.move", "i", 1);
    g_assert_cmpint (crm_chart_view_get_highlighted (self), ==, 0);
    crm_chart_view_set_chart (self, chart);
  }

  /* The context menu opens from the keyboard action. */
  {
    GtkWidget *popover = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER_MENU (child))
        popover = child;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_activate_action (view, "chart.context-menu", NULL));
    iterate ();
    g_assert_true (gtk_widget_get_visible (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
    iterate ();
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Screen readers get the chart's figures in words. */
static void
test_accessible_description (void)
{
  g_autoptr(CrmChart) chart = bars_chart ();
  GtkWidget *view = g_object_ref_sink (crm_chart_view_new ());
  CrmChartView *self = CRM_CHART_VIEW (view);
  g_autofree char *expected = crm_chart_describe (chart);
  g_autofree char *mismatch = NULL;
  g_autofree char *label_mismatch = NULL;
  const char *description;

  g_object_set (view, "chart", chart, NULL);
  description = crm_chart_view_get_description (self);
  g_assert_cmpstr (description, ==, expected);
  g_assert_nonnull (strstr (description, "Anna Petrova: actual ₽870,000, plan ₽1,000,000, 87% of plan"));
  g_assert_nonnull (strstr (description, "Dmitry Orlov: actual ₽300,000, no plan"));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (mismatch);
  label_mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                       "Revenue: plan and actual");
  g_assert_null (label_mismatch);

  crm_chart_view_set_chart (self, NULL);
  g_assert_null (crm_chart_view_get_description (self));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_object_unref (view);
}

static void
test_russian (void)
{
  g_autoptr(CrmChart) chart = NULL;
  GtkWidget *view = g_object_ref_sink (crm_chart_view_new ());

  crm_test_use_language ("ru");
  chart = bars_chart ();
  crm_chart_view_set_chart (CRM_CHART_VIEW (view), chart);
  g_test_message ("%s", crm_chart_view_get_description (CRM_CHART_VIEW (view)));
  g_assert_nonnull (strstr (crm_chart_view_get_description (CRM_CHART_VIEW (view)),
                            "Anna Petrova: факт 870\u00a0000\u00a0₽, план 1\u00a0000\u00a0000\u00a0₽, выполнение 87%"));
  crm_test_use_language (NULL);
  g_object_unref (view);
}

/* The palette follows the style manager; exports use the same drawing. */
static void
test_dark_and_export (void)
{
  g_autoptr(CrmChart) chart = bars_chart ();
  GtkWidget *view = crm_chart_view_new ();
  GtkWidget *window = show_in_window (view);
  CrmChartView *self = CRM_CHART_VIEW (view);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree guint32 *light = NULL;
  g_autofree guint32 *dark = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  GdkContentFormats *formats;

  crm_chart_view_set_chart (self, chart);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  iterate ();
  light = render_offscreen (view);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  iterate ();
  g_assert_true (crm_chart_view_get_palette (self)->dark);
  dark = render_offscreen (view);
  g_assert_cmphex (light[8 * WIDTH + 8], ==, pixel_of (&crm_chart_palette_light ()->background));
  g_assert_cmphex (dark[8 * WIDTH + 8], ==, pixel_of (&crm_chart_palette_dark ()->background));

  png = crm_chart_view_render (self, CRM_CHART_VIEW_PNG, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  svg = crm_chart_view_render (self, CRM_CHART_VIEW_SVG, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (svg, NULL), "<?xml"));
  {
    g_autoptr(GdkTexture) texture = crm_chart_view_render_texture (self);
    int scale = gtk_widget_get_scale_factor (view);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, WIDTH * scale);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, HEIGHT * scale);
  }

  g_assert_true (gtk_widget_activate_action (view, "chart.copy-image", NULL));
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (view));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Save as PNG… / Save as SVG… ------------------------------------------ */

static gboolean
menu_has_item (GMenuModel *model, const char *action, const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      g_autofree char *item_label = NULL;

      if (section != NULL && menu_has_item (section, action, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_action, action) && g_str_equal (item_label, label))
        return TRUE;
    }
  return FALSE;
}

static gboolean
file_written (gpointer path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

typedef struct {
  char *root;          /* the first element */
  char *width;
  char *height;
} SvgRoot;

static void
svg_element_started (GMarkupParseContext *context, const char *element, const char **names,
                     const char **values, gpointer user_data, GError **error)
{
  SvgRoot *root = user_data;

  if (root->root != NULL)
    return;
  root->root = g_strdup (element);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "width"))
      root->width = g_strdup (values[i]);
    else if (g_str_equal (names[i], "height"))
      root->height = g_strdup (values[i]);
}

static gboolean
dialog_shown (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "The Chart Could Not Be Saved") == 0)
      {
        *(GtkWindow **) data = l->data;
        found = TRUE;
      }
  g_list_free (toplevels);
  return found;
}

/* The context menu's "Save as PNG…" and "Save as SVG…": once the file is
 * chosen, a real PNG of the view's size and a well-formed SVG document are
 * written; a file that cannot be written says so. */
static void
test_save_png_and_svg (void)
{
  g_autoptr(CrmChart) chart = bars_chart ();
  GtkWidget *view = crm_chart_view_new ();
  GtkWidget *window = show_in_window (view);
  CrmChartView *self = CRM_CHART_VIEW (view);
  GtkWidget *menu = crm_test_find_widget (view, GTK_TYPE_POPOVER_MENU);
  g_autofree char *dir = crm_test_make_tmpdir ();
  g_autofree char *png_path = g_build_filename (dir, "Revenue.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "Revenue.svg", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "no such folder", "chart.png", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  int scale = gtk_widget_get_scale_factor (view);
  GtkWindow *dialog = NULL;

  crm_chart_view_set_chart (self, chart);
  g_assert_nonnull (menu);
  g_assert_true (menu_has_item (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), "chart.save-png", "Save as _PNG…"));
  g_assert_true (menu_has_item (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), "chart.save-svg", "Save as _SVG…"));

  /* PNG: the signature, and an image as big as the view. */
  crm_chart_view_save_to (self, CRM_CHART_VIEW_PNG, png_file);
  g_assert_true (crm_test_wait_for (file_written, png_path, 10));
  {
    g_autofree char *data = NULL;
    gsize length = 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(GdkTexture) texture = NULL;

    g_assert_true (g_file_get_contents (png_path, &data, &length, NULL));
    g_assert_cmpuint (length, >, 8);
    g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
    texture = gdk_texture_new_from_filename (png_path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, WIDTH * scale);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, HEIGHT * scale);
  }

  /* SVG: well-formed XML whose root is <svg> of the view's size, with the
   * chart's words in it. */
  crm_chart_view_save_to (self, CRM_CHART_VIEW_SVG, svg_file);
  g_assert_true (crm_test_wait_for (file_written, svg_path, 10));
  {
    g_autofree char *data = NULL;
    gsize length = 0;
    g_autoptr(GError) error = NULL;
    SvgRoot root = { NULL, NULL, NULL };
    GMarkupParser parser = { svg_element_started, NULL, NULL, NULL, NULL };
    GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &root, NULL);

    g_assert_true (g_file_get_contents (svg_path, &data, &length, NULL));
    g_assert_cmpuint (length, >, 0);
    g_assert_true (g_markup_parse_context_parse (context, data, (gssize) length, &error) &&
                   g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
    g_markup_parse_context_free (context);
    g_assert_cmpstr (root.root, ==, "svg");
    g_assert_nonnull (root.width);
    g_assert_nonnull (root.height);
    g_assert_cmpint (atoi (root.width), ==, WIDTH);
    g_assert_cmpint (atoi (root.height), ==, HEIGHT);
    g_free (root.root);
    g_free (root.width);
    g_free (root.height);
  }

  /* Nowhere to write: a dialog says so. */
  crm_chart_view_save_to (self, CRM_CHART_VIEW_PNG, bad_file);
  g_assert_true (crm_test_wait_for (dialog_shown, &dialog, 10));
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  crm_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  /* The test AT context records the accessible properties (GTK_A11Y=none
   * would create none to check). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  crm_test_gui_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/chart-view/instantiate", test_instantiate);
  g_test_add_func ("/chart-view/hover", test_hover);
  g_test_add_func ("/chart-view/click-and-keys", test_click_and_keys);
  g_test_add_func ("/chart-view/accessible-description", test_accessible_description);
  g_test_add_func ("/chart-view/russian", test_russian);
  g_test_add_func ("/chart-view/dark-and-export", test_dark_and_export);
  g_test_add_func ("/chart-view/save-png-and-svg", test_save_png_and_svg);

  status = g_test_run ();
  /* As in test-charts.c: Pango's thread font map is out of LeakSanitizer's sight. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
