/* crm-report-layout.h — a report cut into pages, drawn on any cairo_t
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crm-page-format.h"
#include "crm-report-doc.h"

G_BEGIN_DECLS

typedef struct _CrmReportLayout CrmReportLayout;

/* Lays @doc out on pages of @width × @height points with @margin on each
 * side. @doc must outlive the layout. */
CrmReportLayout *crm_report_layout_new            (const CrmReportDoc    *doc,
                                                   double                 width,
                                                   double                 height,
                                                   double                 margin);
CrmReportLayout *crm_report_layout_new_for_format (const CrmReportDoc    *doc,
                                                   const CrmPageFormat   *format);
void             crm_report_layout_free           (CrmReportLayout       *layout);

guint            crm_report_layout_get_n_pages    (const CrmReportLayout *layout);
double           crm_report_layout_get_width      (const CrmReportLayout *layout);
double           crm_report_layout_get_height     (const CrmReportLayout *layout);

/* Draws page @page (from 0) with its top left corner at the origin of @cr,
 * one unit a point: scale @cr first for another resolution. */
void             crm_report_layout_draw_page      (const CrmReportLayout *layout,
                                                   cairo_t               *cr,
                                                   guint                  page);

/* Page @page as an image (opaque ARGB32) of @scale pixels per point, for a
 * preview. */
cairo_surface_t *crm_report_layout_render_page    (const CrmReportLayout *layout,
                                                   guint                  page,
                                                   double                 scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmReportLayout, crm_report_layout_free)

G_END_DECLS
