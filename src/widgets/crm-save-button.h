/* crm-save-button.h — a Save button that shows a save in progress
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     crm_save_button_set_busy (GtkButton *button,
                                   gboolean   busy);
gboolean crm_save_button_is_busy  (GtkButton *button);

G_END_DECLS
