/* crm-bench-hook.h — tells benchmarks/run when the first frame is on screen
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void crm_bench_hook_watch (GtkWindow *window);

G_END_DECLS
