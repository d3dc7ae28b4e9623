/* crm-atomic-file.h — an output file that appears whole or not at all
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CrmAtomicFile CrmAtomicFile;

CrmAtomicFile *crm_atomic_file_new        (const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);
GOutputStream *crm_atomic_file_get_stream (CrmAtomicFile *file);
gboolean       crm_atomic_file_commit     (CrmAtomicFile *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
void           crm_atomic_file_free       (CrmAtomicFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmAtomicFile, crm_atomic_file_free)

G_END_DECLS
