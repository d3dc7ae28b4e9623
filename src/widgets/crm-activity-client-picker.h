/* crm-activity-client-picker.h — choose the client of an activity by searching
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_ACTIVITY_CLIENT_PICKER (crm_activity_client_picker_get_type ())

G_DECLARE_FINAL_TYPE (CrmActivityClientPicker, crm_activity_client_picker, CRM, ACTIVITY_CLIENT_PICKER, AdwBin)

GtkWidget  *crm_activity_client_picker_new          (void);
void        crm_activity_client_picker_set_database (CrmActivityClientPicker *self, CrmDatabase *db);
gint64      crm_activity_client_picker_get_client_id (CrmActivityClientPicker *self);
const char *crm_activity_client_picker_get_client_name (CrmActivityClientPicker *self);
/* @client_id 0: no client. */
void        crm_activity_client_picker_set_client   (CrmActivityClientPicker *self, gint64 client_id,
                                                     const char *name);
/* Search as if typed (the tests; a person uses the popover). */
void        crm_activity_client_picker_search       (CrmActivityClientPicker *self, const char *text);
/* Chooses the @index-th result of the last search. */
gboolean    crm_activity_client_picker_choose       (CrmActivityClientPicker *self, guint index);

G_END_DECLS
