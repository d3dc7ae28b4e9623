/* crm-screen.h — what the screens of the window share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

AdwToast  *crm_screen_toast          (GtkWidget          *screen,
                                      const char         *text);
GtkWindow *crm_screen_get_window     (GtkWidget          *screen);
GtkWidget *crm_screen_get_focus      (GtkWidget          *screen);
void       crm_screen_watch_tables   (GtkWidget          *screen,
                                      CrmDatabase        *database,
                                      const char * const *tables,
                                      GCallback           changed);

G_END_DECLS
