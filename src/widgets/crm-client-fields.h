/* crm-client-fields.h — the rows the client card and its forms are made of
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

/* A row under a field that says what is wrong with it (hidden when all is
 * well); crm_client_field_show() marks the field row with "error" too. */
GtkWidget  *crm_client_field_message_new   (void);
void        crm_client_field_show          (GtkWidget   *row,
                                            GtkWidget   *message_row,
                                            const char  *message,
                                            gboolean     is_error);
const char *crm_client_field_get_message   (GtkWidget   *message_row);

GtkWidget  *crm_client_field_entry         (const char  *title,
                                            const char  *text);
GtkWidget  *crm_client_field_spin          (const char  *title,
                                            double       min,
                                            double       max,
                                            double       step,
                                            double       value,
                                            GtkSpinButton **out_spin);
GtkWidget  *crm_client_field_combo         (const char  *title,
                                            const char * const *labels,
                                            guint        selected);
GtkWidget  *crm_client_field_manager       (const char  *title,
                                            CrmDatabase *database,
                                            const char  *none_label,
                                            gint64       manager_id,
                                            GtkWidget  **out_picker);
GtkWidget  *crm_client_field_date          (const char  *title,
                                            const char  *iso_date,
                                            gboolean     allow_none,
                                            GtkWidget  **out_button);

/* Labels of the enumerations, NULL-terminated, for combo rows. */
const char * const *crm_client_field_status_labels (void);
const char * const *crm_client_field_source_labels (void);
const char * const *crm_client_field_kind_labels   (void);

G_END_DECLS
