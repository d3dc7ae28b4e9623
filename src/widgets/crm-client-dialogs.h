/* crm-client-dialogs.h — what can be done for a client: the forms
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-client-form.h"
#include "crm-client.h"
#include "crm-database.h"

G_BEGIN_DECLS

typedef void (*CrmClientCreatedFunc) (gint64 client_id, gpointer user_data);

/* Each opens (presents) its form over @parent's window and returns it. The
 * rows are named after their fields (gtk_widget_get_name): "name",
 * "phones", "minutes", "amount", … */
CrmClientForm *crm_client_dialog_new_client         (GtkWidget *parent, CrmDatabase *db,
                                                     CrmClientCreatedFunc created, gpointer user_data);
CrmClientForm *crm_client_dialog_log_call           (GtkWidget *parent, CrmDatabase *db, CrmClient *client);
CrmClientForm *crm_client_dialog_schedule_meeting   (GtkWidget *parent, CrmDatabase *db, CrmClient *client);
CrmClientForm *crm_client_dialog_new_deal           (GtkWidget *parent, CrmDatabase *db, CrmClient *client);
CrmClientForm *crm_client_dialog_record_payment     (GtkWidget *parent, CrmDatabase *db, CrmClient *client);
CrmClientForm *crm_client_dialog_register_complaint (GtkWidget *parent, CrmDatabase *db, CrmClient *client);

/* A toast in the window of @widget, when it is a CrmWindow. */
void           crm_client_dialogs_toast             (GtkWidget *widget, const char *text);

G_END_DECLS
