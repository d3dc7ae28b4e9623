/* crm-agenda-store.h — what a manager should follow up ("My day")
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-client.h"
#include "crm-database.h"
#include "crm-deal.h"

G_BEGIN_DECLS

/* Clients of @manager_id (not lost) with no done activity in the @days
 * days before @now (a client never contacted counts from its creation) and
 * nothing planned from now on: the longest forgotten first, at most @limit.
 * last_contact_at is filled (0: never). *@total (may be NULL) is how many
 * there are in all. */
GPtrArray *crm_agenda_store_clients_due (CrmDatabase *db, gint64 manager_id, gint64 now, int days,
                                         guint limit, guint *total, GError **error);
/* Open deals of @manager_id in the same stage for @days days or more, the
 * longest stuck first, at most @limit. */
GPtrArray *crm_agenda_store_stuck_deals (CrmDatabase *db, gint64 manager_id, gint64 now, int days,
                                         guint limit, guint *total, GError **error);

G_END_DECLS
