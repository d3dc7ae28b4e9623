/* crm-child-layout.h — a widget's one child, measured and laid out as the widget
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For a GtkCustomLayout of a widget with one child. */
void crm_child_layout_measure  (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline);
void crm_child_layout_allocate (GtkWidget      *widget,
                                int             width,
                                int             height,
                                int             baseline);

G_END_DECLS
