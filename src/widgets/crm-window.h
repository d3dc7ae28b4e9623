/* crm-window.h — the main window
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-application.h"

G_BEGIN_DECLS

#define CRM_TYPE_WINDOW (crm_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmWindow, crm_window, CRM, WINDOW, AdwApplicationWindow)

/* A toast showing @text as it is: a toast's title is markup, and file,
 * client and error texts may hold '&' or '<'. */
AdwToast   *crm_toast_new             (const char     *text);

CrmWindow  *crm_window_new            (CrmApplication *application);
void        crm_window_database_opened (CrmWindow     *self);
void        crm_window_add_toast      (CrmWindow      *self,
                                       AdwToast       *toast);
gboolean    crm_window_show_screen    (CrmWindow      *self,
                                       const char     *name);
const char *crm_window_get_screen     (CrmWindow      *self);
const char *crm_window_get_page       (CrmWindow      *self);
/* The widget of the screen @name ("clients", …), made now if it has not
 * been shown yet; NULL for no such screen. */
GtkWidget  *crm_window_get_screen_widget (CrmWindow   *self,
                                          const char  *name);
void        crm_window_import_file    (CrmWindow      *self,
                                       GFile          *file);
void        crm_window_release_memory (CrmWindow      *self);

G_END_DECLS
