/* crm-fuzz-targets.h — the entry points the fuzzers and their regression test share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int crm_fuzz_csv   (const guint8 *data, gsize size);
int crm_fuzz_vcard (const guint8 *data, gsize size);
int crm_fuzz_args  (const guint8 *data, gsize size);
int crm_fuzz_ical  (const guint8 *data, gsize size);

G_END_DECLS
