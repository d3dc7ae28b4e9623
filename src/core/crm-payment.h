/* crm-payment.h — money received from a client
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

#define CRM_TYPE_PAYMENT (crm_payment_get_type ())

G_DECLARE_FINAL_TYPE (CrmPayment, crm_payment, CRM, PAYMENT, GObject)

struct _CrmPayment {
  GObject parent_instance;

  gint64 id;
  gint64 client_id;
  char   *client_name;
  gint64 manager_id;
  char   *manager_name;
  gint64 deal_id;                        /* 0: none */
  char   *paid_on;                       /* ISO date */
  gint64 amount;                         /* minor units */
  char   *note;
  gint64 created_at;
  gint64 updated_at;
};

CrmPayment *crm_payment_new  (void);
CrmPayment *crm_payment_copy (CrmPayment *self);

G_END_DECLS
