/* crm-window-pages.h — the window's pages beside its screens, made when needed
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-application.h"
#include "crm-welcome-page.h"

G_BEGIN_DECLS

/* A header bar's main menu button whose menu is made when first opened. */
GtkWidget *crm_window_pages_new_menu_button (GMenuModel *menu);
void       crm_window_pages_set_lazy_menu   (GtkMenuButton *button, GMenuModel *menu);

/* The welcome page (empty database) and the error page (no database), each
 * under a header bar with the main menu. *out_page / *out_status is the
 * part the window fills in. */
GtkWidget *crm_window_pages_new_welcome     (GMenuModel *menu, CrmWelcomePage **out_page);
GtkWidget *crm_window_pages_new_error       (GMenuModel *menu, AdwStatusPage **out_status);
void       crm_window_pages_show_upgrading  (GtkStack *stack, GMenuModel *menu, CrmApplication *application);
void       crm_window_pages_remove_upgrading (GtkStack *stack);

G_END_DECLS
