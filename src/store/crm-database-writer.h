/* crm-database-writer.h — saving without waiting: one worker thread writes, in order
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/* Runs in the writer thread, inside a transaction of the writer's own
 * connection @db: TRUE commits, FALSE (with @error set) rolls back. */
typedef gboolean (*CrmDatabaseWriteFunc) (CrmDatabase *db,
                                          gpointer     data,
                                          GError     **error);

void     crm_database_write_async          (CrmDatabase          *self,
                                            const char * const   *tables,
                                            CrmDatabaseWriteFunc  func,
                                            gpointer              data,
                                            GDestroyNotify        destroy,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean crm_database_write_finish         (CrmDatabase          *self,
                                            GAsyncResult         *result,
                                            GError              **error);
gpointer crm_database_write_get_data       (GAsyncResult         *result);
guint    crm_database_get_n_pending_writes (CrmDatabase          *self);
void     crm_database_wait_for_writes      (CrmDatabase          *self);

G_END_DECLS
