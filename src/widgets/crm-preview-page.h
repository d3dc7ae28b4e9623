/* crm-preview-page.h — one page of the report preview, drawn when in view
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_PREVIEW_PAGE (crm_preview_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreviewPage, crm_preview_page, CRM, PREVIEW_PAGE, GObject)

/* A page of @width × @height pixels: blank paper until it gets its image. */
CrmPreviewPage *crm_preview_page_new         (int             width,
                                              int             height);
/* The image of the page (NULL: back to blank paper, the memory freed). */
void            crm_preview_page_set_texture (CrmPreviewPage *self,
                                              GdkTexture     *texture);
gboolean        crm_preview_page_has_texture (CrmPreviewPage *self);

G_END_DECLS
