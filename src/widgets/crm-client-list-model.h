/* crm-client-list-model.h — the client base as a lazy list model
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-client-store.h"

G_BEGIN_DECLS

#define CRM_CLIENT_LIST_PAGE_SIZE 200

#define CRM_TYPE_CLIENT_LIST_MODEL (crm_client_list_model_get_type ())

G_DECLARE_FINAL_TYPE (CrmClientListModel, crm_client_list_model, CRM, CLIENT_LIST_MODEL, GObject)

CrmClientListModel *crm_client_list_model_new          (void);
void                crm_client_list_model_set_database (CrmClientListModel   *self,
                                                        CrmDatabase          *database);
CrmDatabase        *crm_client_list_model_get_database (CrmClientListModel   *self);
void                crm_client_list_model_set_query    (CrmClientListModel   *self,
                                                        const CrmClientQuery *query);
const CrmClientQuery *crm_client_list_model_get_query  (CrmClientListModel   *self);
void                crm_client_list_model_refresh      (CrmClientListModel   *self);
void                crm_client_list_model_release      (CrmClientListModel   *self);
gboolean            crm_client_list_model_get_loading  (CrmClientListModel   *self);
gboolean            crm_client_list_model_is_idle      (CrmClientListModel   *self);
guint               crm_client_list_model_get_n_loaded (CrmClientListModel   *self);
guint               crm_client_list_model_find         (CrmClientListModel   *self,
                                                        gint64                client_id);
const GError       *crm_client_list_model_get_error    (CrmClientListModel   *self);

G_END_DECLS
