/* crm-preferences-window.h — the settings kept in the database
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_WINDOW (crm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, CRM, PREFERENCES_WINDOW, AdwPreferencesWindow)

CrmPreferencesWindow *crm_preferences_window_new           (GtkWindow            *parent,
                                                            CrmDatabase          *database);
void                  crm_preferences_window_back_up_to    (CrmPreferencesWindow *self,
                                                            const char           *destination);
gboolean              crm_preferences_window_is_backing_up (CrmPreferencesWindow *self);

G_END_DECLS
