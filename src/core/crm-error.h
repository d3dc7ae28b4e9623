/* crm-error.h — the error domain of the core layer
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_CORE_ERROR (crm_core_error_quark ())

typedef enum {
  CRM_CORE_ERROR_INVALID,     /* a value that cannot be parsed or is out of range */
  CRM_CORE_ERROR_NOT_FOUND,   /* a named thing that does not exist */
  CRM_CORE_ERROR_FAILED,
} CrmCoreError;

GQuark crm_core_error_quark (void);

G_END_DECLS
