/* crm-progress.h — a worker thread's progress shown in a progress bar
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _CrmProgress CrmProgress;

CrmProgress *crm_progress_new      (GtkProgressBar *bar);
CrmProgress *crm_progress_ref      (CrmProgress    *progress);
void         crm_progress_unref    (CrmProgress    *progress);
void         crm_progress_stop     (CrmProgress    *progress);
void         crm_progress_set      (double          fraction,
                                    gpointer        progress);
gboolean     crm_progress_hold_close (GtkWindow    *window,
                                    GCancellable   *cancellable,
                                    gboolean       *close_when_done);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProgress, crm_progress_unref)

G_END_DECLS
