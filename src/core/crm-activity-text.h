/* crm-activity-text.h — an activity in words, for lists, files and notifications
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-activity.h"

G_BEGIN_DECLS

/* Its title, or "Call: Client" when it has none. */
char *crm_activity_get_summary (const CrmActivity *a);

G_END_DECLS
