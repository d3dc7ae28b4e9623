/* test-import.h — what the import test files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-client.h"
#include "crm-database.h"
#include "crm-import-file.h"

typedef struct {
  char        *path;
  CrmDatabase *db;
} Db;

Db              *db_new        (const char *name);
void             db_free       (Db *d);
gint64           add_manager   (Db *d, const char *name);
CrmClient       *add_client    (Db *d, const char *name, const char *phones, const char *emails);
char            *write_file    (const char *name, const char *data, gssize len);
CrmImportResult *import        (Db *d, const char *path, CrmDuplicatePolicy policy, GError **error);
char            *client_fields (Db *d);
void             cancel_cb     (double fraction, gpointer cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Db, db_free)
