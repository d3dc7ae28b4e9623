/* crm-error.c
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-error.h"

G_DEFINE_QUARK (crm-core-error-quark, crm_core_error)
