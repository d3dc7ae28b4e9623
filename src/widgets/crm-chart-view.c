/* crm-chart-view.c — a chart on screen, with hover, tooltips and export
 *
 * A GtkDrawingArea that draws a CrmChart through the charts layer. Each
 * frame lays the chart out for the current size and keeps that layout: the
 * pointer is hit-tested against the very geometry that was drawn, the
 * element under it is highlighted and its exact figures are the tooltip.
 * Hidden, the view lets the layout go (a Pareto chart of ten thousand
 * clients lays out as many bars): the next frame lays it out again.
 * A click emits "element-activated" so that the dashboard can open the
 * manager or client behind the element.
 *
 * The palette follows AdwStyleManager:dark. The accessible description is
 * the chart's figures in words. The context menu (right click, Menu key,
 * Shift+F10) copies the chart as an image or saves it as PNG or SVG, drawn
 * by the same functions on Cairo image and SVG surfaces. Keyboard: arrows,
 * Home and End move the highlight, Enter activates it, Ctrl+C copies.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-chart-view.h"

#define EXPORT_WIDTH  800   /* when the view has not been allocated yet */
#define EXPORT_HEIGHT 500

struct _CrmChartView {
  GtkDrawingArea      parent_instance;

  /* template children */
  GMenuModel         *context_menu_model;

  GtkWidget          *context_menu;
  AdwStyleManager    *style_manager;
  CrmChart           *chart;
  CrmChartLayout     *layout;        /* as last drawn */
  int                 highlighted;
  char               *description;
  GtkNativeDialog    *chooser;
  CrmChartViewFormat  chooser_format;
};

G_DEFINE_FINAL_TYPE (CrmChartView, crm_chart_view, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_CHART,
  PROP_HIGHLIGHTED,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
crm_chart_view_new (void)
{
  return g_object_new (CRM_TYPE_CHART_VIEW, NULL);
}

const CrmChartPalette *
crm_chart_view_get_palette (CrmChartView *self)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), NULL);
  return crm_chart_palette_get (adw_style_manager_get_dark (self->style_manager));
}

CrmChart *
crm_chart_view_get_chart (CrmChartView *self)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

int
crm_chart_view_get_highlighted (CrmChartView *self)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), -1);
  return self->highlighted;
}

/* The chart's figures in words, as given to screen readers. */
const char *
crm_chart_view_get_description (CrmChartView *self)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), NULL);
  return self->description;
}

/* The element at (@x, @y) in the chart as it was last drawn, or -1. */
int
crm_chart_view_hit_test (CrmChartView *self, double x, double y)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), -1);
  if (self->layout == NULL)
    return -1;
  return crm_chart_layout_hit_test (self->layout, x, y);
}

char *
crm_chart_view_get_tooltip_at (CrmChartView *self, double x, double y)
{
  int index = crm_chart_view_hit_test (self, x, y);

  if (index < 0 || self->chart == NULL)
    return NULL;
  return crm_chart_get_tooltip (self->chart, index);
}

static void
set_highlighted (CrmChartView *self, int index)
{
  if (self->highlighted == index)
    return;
  self->highlighted = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}

static void
update_accessible (CrmChartView *self)
{
  const char *title = self->chart != NULL ? crm_chart_get_title (self->chart) : NULL;

  g_clear_pointer (&self->description, g_free);
  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
      return;
    }
  self->description = crm_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* Copying and saving need a chart. */
static void
update_actions (CrmChartView *self)
{
  const char *actions[] = { "chart.copy-image", "chart.save-png", "chart.save-svg", "chart.context-menu" };

  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->chart != NULL);
}

/* Takes a reference on @chart; NULL shows nothing. */
void
crm_chart_view_set_chart (CrmChartView *self, CrmChart *chart)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (CRM_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  if (chart != NULL)
    crm_chart_ref (chart);
  g_clear_pointer (&self->chart, crm_chart_unref);
  self->chart = chart;
  g_clear_pointer (&self->layout, crm_chart_layout_free);
  self->highlighted = -1;
  update_accessible (self);
  update_actions (self);
  gtk_widget_queue_draw (widget);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* ---- drawing ------------------------------------------------------------ */

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  CrmChartView *self = CRM_CHART_VIEW (area);
  const CrmChartPalette *palette = crm_chart_view_get_palette (self);

  g_clear_pointer (&self->layout, crm_chart_layout_free);
  if (self->chart == NULL)
    return;
  self->layout = crm_chart_layout_new (self->chart, cr, width, height);
  crm_chart_draw (cr, self->layout, palette, self->highlighted);

  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      crm_chart_set_color (cr, &palette->series[0], 1.0);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
}

static void
redraw_cb (CrmChartView *self, GParamSpec *pspec, GObject *object)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
export_size (CrmChartView *self, int *width, int *height)
{
  *width = gtk_widget_get_width (GTK_WIDGET (self));
  *height = gtk_widget_get_height (GTK_WIDGET (self));
  if (*width <= 0 || *height <= 0)
    {
      *width = EXPORT_WIDTH;
      *height = EXPORT_HEIGHT;
    }
}

/* The chart as shown (same size, same palette) in a file format; PNG at
 * the screen's scale factor. */
GBytes *
crm_chart_view_render (CrmChartView *self, CrmChartViewFormat format, GError **error)
{
  int width, height;

  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (self->chart != NULL, NULL);

  export_size (self, &width, &height);
  if (format == CRM_CHART_VIEW_SVG)
    return crm_chart_render_svg (self->chart, width, height, crm_chart_view_get_palette (self), error);
  return crm_chart_render_png (self->chart, width, height, MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1),
                               crm_chart_view_get_palette (self), error);
}

GdkTexture *
crm_chart_view_render_texture (CrmChartView *self)
{
  int width, height, scale, stride;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (self->chart != NULL, NULL);

  export_size (self, &width, &height);
  scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  crm_chart_render (self->chart, cr, width, height, crm_chart_view_get_palette (self));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Cairo's ARGB32 is GDK's default memory format: premultiplied, native-endian. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height * scale);
  cairo_surface_destroy (surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes, stride);
}

void
crm_chart_view_copy_image (CrmChartView *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (CRM_IS_CHART_VIEW (self));
  if (self->chart == NULL)
    return;
  texture = crm_chart_view_render_texture (self);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
}

/* ---- saving --------------------------------------------------------------- */

static void
show_save_error (CrmChartView *self, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The Chart Could Not Be Saved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(CrmChartView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    show_save_error (self, error);
}

/* Writes the chart to @file as PNG or SVG (what Save as… does once the
 * file is chosen); a failure is shown in a dialog. */
void
crm_chart_view_save_to (CrmChartView *self, CrmChartViewFormat format, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (CRM_IS_CHART_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->chart == NULL)
    return;
  bytes = crm_chart_view_render (self, format, &error);
  if (bytes != NULL)
    g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                         NULL, file_saved_cb, g_object_ref (self));
  else
    show_save_error (self, error);
}

static void
chooser_responded_cb (GtkNativeDialog *dialog, int response, CrmChartView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        crm_chart_view_save_to (self, self->chooser_format, file);
    }
  gtk_native_dialog_destroy (dialog);
  if (self->chooser == dialog)
    g_clear_object (&self->chooser);
}

/* "Revenue by channel.png": the title, without what a file name cannot hold. */
static char *
default_file_name (CrmChartView *self, CrmChartViewFormat format)
{
  const char *title = crm_chart_get_title (self->chart);
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Chart"));

  g_strdelimit (base, "/\\:*?\"<>|\n\t", '-');
  return g_strconcat (base, format == CRM_CHART_VIEW_SVG ? ".svg" : ".png", NULL);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);
  CrmChartViewFormat format = g_str_equal (action_name, "chart.save-svg") ? CRM_CHART_VIEW_SVG : CRM_CHART_VIEW_PNG;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->chart == NULL)
    return;
  chooser = gtk_file_chooser_native_new (format == CRM_CHART_VIEW_SVG ? _("Save Chart as SVG") : _("Save Chart as PNG"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, format == CRM_CHART_VIEW_SVG ? _("SVG images") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, format == CRM_CHART_VIEW_SVG ? "image/svg+xml" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = default_file_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_responded_cb), self, 0);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  self->chooser_format = format;
  gtk_native_dialog_show (self->chooser);
}

/* ---- input ---------------------------------------------------------------- */

static void
popup_context_menu (CrmChartView *self, double x, double y)
{
  if (self->chart == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  /* The tooltip would cover the menu: querying again hides it. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
pointer_moved_cb (GtkEventControllerMotion *controller, double x, double y, CrmChartView *self)
{
  set_highlighted (self, crm_chart_view_hit_test (self, x, y));
}

static void
pointer_left_cb (GtkEventControllerMotion *controller, CrmChartView *self)
{
  set_highlighted (self, -1);
}

static void
primary_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrmChartView *self)
{
  int index = crm_chart_view_hit_test (self, x, y);

  if (index < 0)
    return;
  set_highlighted (self, index);
  g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, index);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrmChartView *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu (self, x, y);
}

static void
context_menu_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  popup_context_menu (CRM_CHART_VIEW (widget), gtk_widget_get_width (widget) / 2.0,
                      gtk_widget_get_height (widget) / 2.0);
}

static void
copy_image_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crm_chart_view_copy_image (CRM_CHART_VIEW (widget));
}

/* Arrows move the highlight by one element, in the order the elements are
 * shown; Home and End go to the ends. */
static void
move_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);
  g_autofree guint *order = self->chart != NULL ? crm_chart_get_display_order (self->chart) : NULL;
  gint64 n = order != NULL ? crm_chart_get_n_elements (self->chart) : 0;
  gint64 delta = g_variant_get_int32 (parameter);
  gint64 position = -1;

  if (n == 0)
    return;
  for (gint64 i = 0; i < n && self->highlighted >= 0; i++)
    if (order[i] == (guint) self->highlighted)
      position = i;
  if (position < 0)
    position = delta > 0 ? 0 : n - 1;
  else
    position = CLAMP (position + delta, 0, n - 1);
  set_highlighted (self, (int) order[position]);
}

static void
activate_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);

  if (self->chart != NULL && self->highlighted >= 0)
    g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, self->highlighted);
}

static gboolean
crm_chart_view_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard_tooltip, GtkTooltip *tooltip)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (gtk_widget_get_visible (self->context_menu))
    return FALSE;
  if (keyboard_tooltip)
    text = self->chart != NULL ? crm_chart_get_tooltip (self->chart, self->highlighted) : NULL;
  else
    text = crm_chart_view_get_tooltip_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- GObject -------------------------------------------------------------- */

static void
crm_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (crm_chart_view_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
crm_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmChartView *self = CRM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    case PROP_HIGHLIGHTED:
      g_value_set_int (value, self->highlighted);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmChartView *self = CRM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      crm_chart_view_set_chart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_chart_view_unmap (GtkWidget *widget)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);

  g_clear_pointer (&self->layout, crm_chart_layout_free);
  GTK_WIDGET_CLASS (crm_chart_view_parent_class)->unmap (widget);
}

static void
crm_chart_view_dispose (GObject *object)
{
  CrmChartView *self = CRM_CHART_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->layout, crm_chart_layout_free);
  g_clear_pointer (&self->chart, crm_chart_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_CHART_VIEW);
  G_OBJECT_CLASS (crm_chart_view_parent_class)->dispose (object);
}

static void
crm_chart_view_finalize (GObject *object)
{
  CrmChartView *self = CRM_CHART_VIEW (object);

  g_free (self->description);
  G_OBJECT_CLASS (crm_chart_view_parent_class)->finalize (object);
}

static void
crm_chart_view_class_init (CrmChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crm_chart_view_get_property;
  object_class->set_property = crm_chart_view_set_property;
  object_class->dispose = crm_chart_view_dispose;
  object_class->finalize = crm_chart_view_finalize;
  widget_class->size_allocate = crm_chart_view_size_allocate;
  widget_class->unmap = crm_chart_view_unmap;
  widget_class->query_tooltip = crm_chart_view_query_tooltip;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, CRM_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_int ("highlighted", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmChartView::element-activated:
   * @index: the element clicked or activated with the keyboard: a manager,
   *   a stage, a slice, a client, a month, as indexed in the chart's data
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmChartView, context_menu_model);
  gtk_widget_class_bind_template_callback (widget_class, pointer_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, pointer_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, primary_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "chart.copy-image", NULL, copy_image_activated);
  gtk_widget_class_install_action (widget_class, "chart.save-png", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "chart.save-svg", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "chart.context-menu", NULL, context_menu_activated);
  gtk_widget_class_install_action (widget_class, "chart.move", "i", move_activated);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "chart.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.move", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.move", "i", G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);
}

static void
crm_chart_view_init (CrmChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->highlighted = -1;
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);

  self->context_menu = gtk_popover_menu_new_from_model (self->context_menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  self->style_manager = adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_signal_connect_object (self->style_manager, "notify::dark", G_CALLBACK (redraw_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (redraw_cb), NULL);

  update_accessible (self);
  update_actions (self);
}
