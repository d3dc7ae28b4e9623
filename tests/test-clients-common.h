/* test-clients-common.h — what the Clients suites share: a base to look at, waiting for the list
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-client-form.h"
#include "crm-clients-page.h"
#include "crm-database.h"

G_BEGIN_DECLS

CrmDatabase   *clients_test_database   (const char *name);
gint64         clients_test_manager    (CrmDatabase *db, const char *name);
gint64         clients_test_client     (CrmDatabase *db, const char *name, const char *company,
                                        const char *phones, const char *emails,
                                        CrmClientStatus status, gint64 owner_id, const char *tags);
void           clients_test_wait_list  (CrmClientListModel *model);
CrmClientsPage *clients_test_open_page (CrmDatabase *db, int width, int height);
GtkWidget     *clients_test_find_named (GtkWidget *root, const char *widget_name);
CrmClientForm *clients_test_find_form  (void);
void           clients_test_set_text   (GtkWidget *root, const char *widget_name, const char *text);
void           clients_test_close_toplevels (void);

G_END_DECLS
