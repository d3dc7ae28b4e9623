/* crm-client-form.h — a small modal form: rows, Cancel and Save, errors at the field
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database-writer.h"

G_BEGIN_DECLS

#define CRM_TYPE_CLIENT_FORM (crm_client_form_get_type ())

G_DECLARE_FINAL_TYPE (CrmClientForm, crm_client_form, CRM, CLIENT_FORM, AdwWindow)

/* What a form writes: @func runs in the store's writer thread, on its own
 * connection, with @data (freed with @destroy once the form heard back). */
typedef struct {
  CrmDatabaseWriteFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
  const char * const   *tables;    /* what it changes, for the other screens */
} CrmClientFormWrite;

/* Checks what the form holds. FALSE: it has marked the wrong fields
 * (crm_client_form_set_error). TRUE: @write is filled in and the form runs
 * it; once committed, @saved runs and the form closes. A refusal of the
 * store is shown at the row its field names (else above the rows) and the
 * form stays open with everything typed. */
typedef gboolean (*CrmClientFormSaveFunc)  (CrmClientForm *form, gpointer user_data, CrmClientFormWrite *write);
typedef void     (*CrmClientFormSavedFunc) (CrmClientForm *form, gpointer user_data, gpointer write_data);

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
                                             CrmDatabase           *database,
                                             CrmClientFormSaveFunc  func,
                                             CrmClientFormSavedFunc saved,
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
gboolean       crm_client_form_is_saving    (CrmClientForm         *self);

G_END_DECLS
