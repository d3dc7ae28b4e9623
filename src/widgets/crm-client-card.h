/* crm-client-card.h — one client: fields, profitability, history
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-client.h"
#include "crm-database.h"

G_BEGIN_DECLS

/* The width the card takes beside the list: a long name in two lines, two
 * phone numbers in their field. */
#define CRM_CLIENT_CARD_WIDTH 440

#define CRM_TYPE_CLIENT_CARD (crm_client_card_get_type ())

G_DECLARE_FINAL_TYPE (CrmClientCard, crm_client_card, CRM, CLIENT_CARD, AdwBin)

GtkWidget *crm_client_card_new          (void);
void       crm_client_card_set_database (CrmClientCard *self,
                                         CrmDatabase   *database);
gboolean   crm_client_card_show_client  (CrmClientCard *self,
                                         gint64         client_id,
                                         GError       **error);
void       crm_client_card_clear        (CrmClientCard *self);
CrmClient *crm_client_card_get_client   (CrmClientCard *self);
void       crm_client_card_reload       (CrmClientCard *self);
gboolean   crm_client_card_has_changes  (CrmClientCard *self);
gboolean   crm_client_card_save         (CrmClientCard *self,
                                         GError       **error);
gboolean   crm_client_card_is_saving    (CrmClientCard *self);
void       crm_client_card_revert       (CrmClientCard *self);
void       crm_client_card_set_folded   (CrmClientCard *self,
                                         gboolean       folded);
guint      crm_client_card_get_n_history_rows (CrmClientCard *self);

G_END_DECLS
