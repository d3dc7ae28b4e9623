/* crm-preview-page.c — one page of the report preview, drawn when in view
 *
 * A GdkPaintable as big as the page's image, for a GtkPicture: blank paper
 * of the right proportions until the image comes, so that the preview has
 * its full height and every page its place before any is drawn. The
 * Reports screen gives an image only to the pages in or near view and
 * takes it back from the others: a long report costs the memory of the
 * few pages one sees.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-preview-page.h"

struct _CrmPreviewPage {
  GObject     parent_instance;

  int         width, height;
  GdkTexture *texture;
};

static void crm_preview_page_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmPreviewPage, crm_preview_page, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, crm_preview_page_paintable_init))

static void
crm_preview_page_snapshot (GdkPaintable *paintable, GdkSnapshot *snapshot, double width, double height)
{
  CrmPreviewPage *self = CRM_PREVIEW_PAGE (paintable);

  if (self->texture != NULL)
    gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
  else
    gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &(GdkRGBA) { 1, 1, 1, 1 },
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static GdkPaintableFlags
crm_preview_page_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE;
}

static int
crm_preview_page_get_intrinsic_width (GdkPaintable *paintable)
{
  return CRM_PREVIEW_PAGE (paintable)->width;
}

static int
crm_preview_page_get_intrinsic_height (GdkPaintable *paintable)
{
  return CRM_PREVIEW_PAGE (paintable)->height;
}

static void
crm_preview_page_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = crm_preview_page_snapshot;
  iface->get_flags = crm_preview_page_get_flags;
  iface->get_intrinsic_width = crm_preview_page_get_intrinsic_width;
  iface->get_intrinsic_height = crm_preview_page_get_intrinsic_height;
}

static void
crm_preview_page_dispose (GObject *object)
{
  g_clear_object (&CRM_PREVIEW_PAGE (object)->texture);
  G_OBJECT_CLASS (crm_preview_page_parent_class)->dispose (object);
}

static void
crm_preview_page_class_init (CrmPreviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_preview_page_dispose;
}

static void
crm_preview_page_init (CrmPreviewPage *self)
{
}

CrmPreviewPage *
crm_preview_page_new (int width, int height)
{
  CrmPreviewPage *self;

  g_return_val_if_fail (width > 0 && height > 0, NULL);
  self = g_object_new (CRM_TYPE_PREVIEW_PAGE, NULL);
  self->width = width;
  self->height = height;
  return self;
}

void
crm_preview_page_set_texture (CrmPreviewPage *self, GdkTexture *texture)
{
  g_return_if_fail (CRM_IS_PREVIEW_PAGE (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (g_set_object (&self->texture, texture))
    gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

gboolean
crm_preview_page_has_texture (CrmPreviewPage *self)
{
  g_return_val_if_fail (CRM_IS_PREVIEW_PAGE (self), FALSE);
  return self->texture != NULL;
}
