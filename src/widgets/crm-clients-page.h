/* crm-clients-page.h — the Clients screen
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-client-card.h"
#include "crm-client-list-model.h"
#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_CLIENTS_PAGE (crm_clients_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmClientsPage, crm_clients_page, CRM, CLIENTS_PAGE, AdwBin)

GtkWidget          *crm_clients_page_new          (void);
void                crm_clients_page_set_database (CrmClientsPage *self,
                                                   CrmDatabase    *database);
CrmClientListModel *crm_clients_page_get_model    (CrmClientsPage *self);
CrmClientCard      *crm_clients_page_get_card     (CrmClientsPage *self);
gboolean            crm_clients_page_open_client  (CrmClientsPage *self,
                                                   gint64          client_id);
gboolean            crm_clients_page_is_card_open (CrmClientsPage *self);
gboolean            crm_clients_page_is_busy      (CrmClientsPage *self);
const char         *crm_clients_page_get_state    (CrmClientsPage *self);
const char         *crm_clients_page_get_count_text (CrmClientsPage *self);

G_END_DECLS
