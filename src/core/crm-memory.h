/* crm-memory.h — give the memory freed after a big piece of work back
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void crm_memory_release (void);

G_END_DECLS
