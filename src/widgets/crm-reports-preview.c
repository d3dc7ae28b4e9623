/* crm-reports-preview.c — the pages of the Reports screen, drawn when in view
 *
 * Every page of the preview has its place from the start (a GtkPicture of
 * a CrmPreviewPage, blank paper of the page's size), but only the pages in
 * view or close to it are drawn into images, one at a time in a thread,
 * the nearest first. The images of pages scrolled far away, and all of
 * them when the screen is hidden, are freed: an image is some 3 MB, and a
 * report can have dozens of pages. Printing and the PDF draw the document
 * again and do not depend on any of this.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-memory.h"
#include "crm-preview-page.h"
#include "crm-reports-screen-private.h"

/* Pages this close to the view (a share of its height) are drawn too, so
 * that scrolling finds them ready; at most this many images are kept. */
#define NEAR_SHARE    0.5
#define MAX_IMAGES    6

struct _CrmPreview {
  CrmReportDoc    *doc;
  CrmReportLayout *layout;
  double           scale;
  int              width, height;   /* of a page's image, in pixels */
};

static void
preview_clear (gpointer data)
{
  CrmPreview *preview = data;

  g_clear_pointer (&preview->layout, crm_report_layout_free);
  g_clear_pointer (&preview->doc, crm_report_doc_unref);
}

CrmPreview *
crm_preview_new (CrmReportDoc *doc, const CrmPageFormat *format, double scale)
{
  CrmPreview *preview = g_atomic_rc_box_new0 (CrmPreview);

  preview->doc = crm_report_doc_ref (doc);
  preview->layout = crm_report_layout_new_for_format (preview->doc, format);
  preview->scale = scale;
  preview->width = (int) ceil (crm_report_layout_get_width (preview->layout) * scale);
  preview->height = (int) ceil (crm_report_layout_get_height (preview->layout) * scale);
  return preview;
}

CrmPreview *
crm_preview_ref (CrmPreview *preview)
{
  return g_atomic_rc_box_acquire (preview);
}

void
crm_preview_unref (CrmPreview *preview)
{
  g_atomic_rc_box_release_full (preview, preview_clear);
}

guint
crm_preview_get_n_pages (CrmPreview *preview)
{
  return crm_report_layout_get_n_pages (preview->layout);
}

static void
destroy_surface (gpointer surface)
{
  cairo_surface_destroy (surface);
}

/* Draws page @page: its pixels, @stride bytes a row. Any thread. */
GBytes *
crm_preview_render (CrmPreview *preview, guint page, gsize *stride)
{
  cairo_surface_t *surface = crm_report_layout_render_page (preview->layout, page, preview->scale);

  *stride = (gsize) cairo_image_surface_get_stride (surface);
  return g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                     *stride * (gsize) cairo_image_surface_get_height (surface),
                                     destroy_surface, surface);
}

GdkTexture *
crm_preview_texture_new (CrmPreview *preview, GBytes *pixels, gsize stride)
{
  return gdk_memory_texture_new (preview->width, preview->height, GDK_MEMORY_DEFAULT, pixels, stride);
}

/* ---- drawing in a thread ------------------------------------------------ */

typedef struct {
  CrmPreview *preview;
  guint       page;
  GBytes     *pixels;
  gsize       stride;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_pointer (&job->preview, crm_preview_unref);
  g_clear_pointer (&job->pixels, g_bytes_unref);
  g_free (job);
}

static void
render_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RenderJob *job = task_data;

  job->pixels = crm_preview_render (job->preview, job->page, &job->stride);
  g_task_return_boolean (task, TRUE);
}

static void schedule_update (CrmReportsScreen *self);

static void
render_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmReportsScreen *self = CRM_REPORTS_SCREEN (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));

  self->rendering = FALSE;
  if (self->pages == NULL)
    return;                      /* the screen is gone */
  /* Still the same report, still shown: the page gets its image. */
  if (job->preview == self->preview && gtk_widget_get_mapped (GTK_WIDGET (self)) && job->page < self->pages->len)
    {
      g_autoptr(GdkTexture) texture = crm_preview_texture_new (job->preview, job->pixels, job->stride);
      crm_preview_page_set_texture (self->pages->pdata[job->page], texture);
    }
  g_clear_pointer (&job->pixels, g_bytes_unref);
  crm_memory_release ();
  schedule_update (self);
}

static void
render_page (CrmReportsScreen *self, guint page)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, render_done_cb, NULL);
  RenderJob *job = g_new0 (RenderJob, 1);

  job->preview = crm_preview_ref (self->preview);
  job->page = page;
  self->rendering = TRUE;
  g_task_set_source_tag (task, render_page);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

/* ---- which pages are in view -------------------------------------------- */

typedef struct {
  guint  page;
  double distance;   /* from the view, in pixels; 0 in it */
} Near;

static int
compare_near (gconstpointer a, gconstpointer b)
{
  const Near *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return (x->page > y->page) - (x->page < y->page);
}

/* Gives an image to the pages in and near the view (drawing one at a time,
 * the nearest first) and takes it from the others. */
static gboolean
update_cb (gpointer data)
{
  CrmReportsScreen *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  /* Where the pages are in the scrolled content and which part of it is in
   * view, from the adjustment: right after a scroll the pages have not been
   * moved yet (that waits for the next frame), the adjustment has. */
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
  double view = gtk_adjustment_get_page_size (adjustment);
  double view_top = gtk_adjustment_get_value (adjustment);
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  g_autofree gboolean *keep = NULL;
  gboolean dropped = FALSE;

  self->update_source = 0;
  if (self->preview == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || view <= 0)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < self->pictures->len; i++)
    {
      graphene_rect_t bounds;
      double top, bottom;
      Near n = { i, 0 };

      if (!gtk_widget_compute_bounds (self->pictures->pdata[i], content, &bounds) || bounds.size.height <= 0)
        continue;
      top = bounds.origin.y - view_top;
      bottom = top + bounds.size.height;
      n.distance = bottom < 0 ? -bottom : top > view ? top - view : 0;
      if (n.distance <= view * NEAR_SHARE)
        g_array_append_val (near, n);
    }
  g_array_sort (near, compare_near);

  keep = g_new0 (gboolean, self->pages->len);
  for (guint i = 0; i < MIN (near->len, MAX_IMAGES); i++)
    keep[g_array_index (near, Near, i).page] = TRUE;
  for (guint i = 0; i < self->pages->len; i++)
    if (!keep[i] && crm_preview_page_has_texture (self->pages->pdata[i]))
      {
        crm_preview_page_set_texture (self->pages->pdata[i], NULL);
        dropped = TRUE;
      }
  if (dropped)
    crm_memory_release ();

  if (self->rendering)
    return G_SOURCE_REMOVE;      /* its end updates again */
  for (guint i = 0; i < MIN (near->len, MAX_IMAGES); i++)
    {
      guint page = g_array_index (near, Near, i).page;

      if (!crm_preview_page_has_texture (self->pages->pdata[page]))
        {
          render_page (self, page);
          break;
        }
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_update (CrmReportsScreen *self)
{
  if (self->update_source == 0 && self->preview != NULL)
    self->update_source = g_idle_add (update_cb, self);
}

static void
adjustment_changed_cb (GtkAdjustment *adjustment, CrmReportsScreen *self)
{
  schedule_update (self);
}

/* ---- the pages ---------------------------------------------------------- */

void
crm_reports_screen_clear_preview (CrmReportsScreen *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_pointer (&self->preview, crm_preview_unref);
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->pictures, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
}

/* Shows the pages of @preview (its first @n_shown); @first is the image of
 * the first page, drawn with the report, or NULL. */
void
crm_reports_screen_show_preview (CrmReportsScreen *self, CrmPreview *preview, guint n_shown, GdkTexture *first)
{
  guint n_pages = crm_preview_get_n_pages (preview);

  crm_reports_screen_clear_preview (self);
  self->preview = crm_preview_ref (preview);
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(CrmPreviewPage) page = crm_preview_page_new (preview->width, preview->height);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (page));
      /* Translators: the text alternative of a preview image */
      g_autofree char *alternative = g_strdup_printf (_("Page %1$u of %2$u"), i + 1, n_pages);

      if (i == 0 && first != NULL)
        crm_preview_page_set_texture (page, first);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), alternative);
      gtk_widget_add_css_class (picture, "card");
      gtk_box_append (self->pages_box, picture);
      g_ptr_array_add (self->pages, g_steal_pointer (&page));
      g_ptr_array_add (self->pictures, picture);
    }
  schedule_update (self);
}

/* The screen is hidden: the images go, the places stay. */
void
crm_reports_screen_drop_images (CrmReportsScreen *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  for (guint i = 0; i < self->pages->len; i++)
    crm_preview_page_set_texture (self->pages->pdata[i], NULL);
  crm_memory_release ();
}

/* The screen is shown again: the pages in view are drawn again. */
void
crm_reports_screen_update_preview (CrmReportsScreen *self)
{
  schedule_update (self);
}

guint
crm_reports_screen_count_images (CrmReportsScreen *self)
{
  guint n = 0;

  g_return_val_if_fail (CRM_IS_REPORTS_SCREEN (self), 0);
  for (guint i = 0; i < self->pages->len; i++)
    n += crm_preview_page_has_texture (self->pages->pdata[i]);
  return n;
}

void
crm_reports_screen_init_preview (CrmReportsScreen *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->pictures = g_ptr_array_new ();
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self, 0);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, 0);
}

void
crm_reports_screen_finalize_preview (CrmReportsScreen *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_pointer (&self->preview, crm_preview_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
}
