/* crm-client-timeline.h — a row of the client's history
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-timeline-store.h"

G_BEGIN_DECLS

GtkWidget *crm_client_timeline_row_new (const CrmTimelineEntry *entry,
                                        const char             *currency);

G_END_DECLS
