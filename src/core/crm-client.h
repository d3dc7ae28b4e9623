/* crm-client.h — a client: a person or a company
 *
 * Plain data: the store fills the fields, the widgets read them. The fields
 * are public; the properties exist for bindings and list factories.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_CLIENT (crm_client_get_type ())

G_DECLARE_FINAL_TYPE (CrmClient, crm_client, CRM, CLIENT, GObject)

struct _CrmClient {
  GObject parent_instance;

  gint64          id;
  CrmClientKind   kind;
  char            *name;
  char            *company;
  char            *phones;               /* one per line; the first is the main one */
  char            *emails;               /* one per line */
  char            *address;
  char            *city;
  CrmClientSource source;
  CrmClientStatus status;
  gint64          owner_id;              /* 0: no owner */
  char            *owner_name;           /* read from the manager */
  char            **tags;
  char            *notes;
  char            *first_paid_on;        /* ISO date of the first payment ever, or NULL */
  gint64          created_at;
  gint64          updated_at;
  gint64          last_contact_at;       /* the last done activity, 0 if none (read only) */
  gint64          revenue;               /* all payments, minor units (read only) */
};

CrmClient *crm_client_new  (void);
CrmClient *crm_client_copy (CrmClient *self);

G_END_DECLS
