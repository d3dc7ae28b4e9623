/* crm-report-pdf.h — a laid-out report written as a PDF file
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-report-layout.h"

G_BEGIN_DECLS

/* Writes every page of @layout to @path. The pages go to "@path.part"
 * first, renamed to @path once complete: a failure leaves no file behind,
 * and an existing @path is kept until the new one is whole. */
gboolean crm_report_write_pdf (const CrmReportLayout *layout,
                               const CrmReportDoc    *doc,
                               const char            *path,
                               GError               **error);

G_END_DECLS
