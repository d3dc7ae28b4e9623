/* crm-client-form.h — a small modal form: rows, Cancel and Save, errors at the field
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_CLIENT_FORM (crm_client_form_get_type ())

G_DECLARE_FINAL_TYPE (CrmClientForm, crm_client_form, CRM, CLIENT_FORM, AdwWindow)

/* Saves what the form holds: TRUE closes the form. On FALSE, the function
 * has marked the wrong fields (crm_client_form_set_error) or set @error,
 * whose CrmStoreError field, when it names a row, marks that row. */
typedef gboolean (*CrmClientFormSaveFunc) (CrmClientForm *form, gpointer user_data, GError **error);

CrmClientForm *crm_client_form_new          (GtkWidget             *parent,
                                             const char            *title,
                                             const char            *save_label);
void           crm_client_form_set_subtitle (CrmClientForm         *self,
                                             const char            *subtitle);
const char    *crm_client_form_get_subtitle (CrmClientForm         *self);
void           crm_client_form_add          (CrmClientForm         *self,
                                             const char            *field,
                                             GtkWidget             *row);
void           crm_client_form_set_save_func (CrmClientForm        *self,
                                             CrmClientFormSaveFunc  func,
                                             gpointer               user_data,
                                             GDestroyNotify         destroy);
void           crm_client_form_set_error    (CrmClientForm         *self,
                                             const char            *field,
                                             const char            *message);
void           crm_client_form_set_note     (CrmClientForm         *self,
                                             const char            *field,
                                             const char            *message);
const char    *crm_client_form_get_error    (CrmClientForm         *self,
                                             const char            *field);
void           crm_client_form_clear_errors (CrmClientForm         *self);
gboolean       crm_client_form_save         (CrmClientForm         *self);

G_END_DECLS
