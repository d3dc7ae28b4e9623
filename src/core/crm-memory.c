/* crm-memory.c — give the memory freed after a big piece of work back
 *
 * glibc keeps what a program frees for its next allocations: a worker's
 * connection closed (its page cache and parsed schema), the rows it read,
 * the widgets and images of a screen just hidden stay resident, spread
 * among what is still in use, until the same sizes are asked for again —
 * on the scale data set tens of megabytes that nothing would reuse soon.
 * crm_memory_release() hands the free pages of every malloc arena back to
 * the system (a few milliseconds). Call it after freeing much, from any
 * thread; elsewhere than glibc it does nothing.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-memory.h"     /* glib.h and, with it, features.h: __GLIBC__ */

#ifdef __GLIBC__
#include <malloc.h>
#endif

void
crm_memory_release (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}
