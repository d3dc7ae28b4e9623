/* crm-manager.h — a sales manager
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

#define CRM_TYPE_MANAGER (crm_manager_get_type ())

G_DECLARE_FINAL_TYPE (CrmManager, crm_manager, CRM, MANAGER, GObject)

struct _CrmManager {
  GObject parent_instance;

  gint64   id;                           /* the row id, 0 before it is saved */
  char     *name;
  char     *email;
  char     *phone;
  gboolean active;
  char     *hired_on;                    /* ISO date or NULL */
  gint64   created_at;                   /* Unix seconds */
  gint64   updated_at;                   /* Unix seconds */
};

CrmManager *crm_manager_new  (void);
CrmManager *crm_manager_copy (CrmManager *self);

G_END_DECLS
