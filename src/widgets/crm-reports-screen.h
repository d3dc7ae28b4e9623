/* crm-reports-screen.h — the Reports screen: choose, preview, print, export
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"
#include "crm-report.h"

G_BEGIN_DECLS

#define CRM_TYPE_REPORTS_SCREEN (crm_reports_screen_get_type ())

G_DECLARE_FINAL_TYPE (CrmReportsScreen, crm_reports_screen, CRM, REPORTS_SCREEN, AdwBin)

GtkWidget     *crm_reports_screen_new         (void);
void           crm_reports_screen_set_kind    (CrmReportsScreen *self,
                                               CrmReportKind     kind);
CrmReportKind  crm_reports_screen_get_kind    (CrmReportsScreen *self);
/* The pages of the report shown (0 while it is being prepared). */
guint          crm_reports_screen_get_n_pages (CrmReportsScreen *self);
gboolean       crm_reports_screen_is_busy     (CrmReportsScreen *self);
/* How many pages of the preview are drawn: those in view or near it, and
 * none while the screen is hidden. */
guint          crm_reports_screen_count_images (CrmReportsScreen *self);

/* What "Export PDF…" does with the file chosen: writes the report shown
 * there in a thread, then says so in a toast; "busy" until done. */
void           crm_reports_screen_export_to   (CrmReportsScreen *self,
                                               GFile            *file);
/* What "Print…" does, without the dialog: the same pages through
 * GtkPrintOperation, exported to a PDF file. */
gboolean       crm_reports_screen_print_to_pdf (CrmReportsScreen *self,
                                                const char       *path,
                                                GError          **error);

G_END_DECLS
