/* crm-short-name.h — people's names made short enough for a chart or a column
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The surname of "Anna Petrova" (its last word), newly allocated; the
 * whole name when it is one word. */
char  *crm_name_surname     (const char          *name);
/* Short labels for @n names, all different: the surname; "Petrova A." where
 * another name has the same surname; the whole name where even that is
 * shared; a number after the names that are the same. A NULL-terminated
 * vector of @n strings. */
char **crm_short_names      (const char * const  *names,
                             guint                n);

G_END_DECLS
