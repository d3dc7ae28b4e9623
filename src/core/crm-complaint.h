/* crm-complaint.h — a claim or a return: money a client cost
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

#define CRM_TYPE_COMPLAINT (crm_complaint_get_type ())

G_DECLARE_FINAL_TYPE (CrmComplaint, crm_complaint, CRM, COMPLAINT, GObject)

struct _CrmComplaint {
  GObject parent_instance;

  gint64             id;
  gint64             client_id;
  char               *client_name;
  gint64             manager_id;
  char               *manager_name;
  gint64             deal_id;            /* 0: none */
  char               *opened_on;         /* ISO date */
  gint64             cost;               /* minor units */
  CrmComplaintStatus status;
  char               *description;
  gint64             created_at;
  gint64             updated_at;
};

CrmComplaint *crm_complaint_new  (void);
CrmComplaint *crm_complaint_copy (CrmComplaint *self);

G_END_DECLS
