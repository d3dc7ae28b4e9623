/* crm-database-private.h — what the repositories of src/store/ share
 *
 * Only files in src/store/ include this (and sqlite3.h).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crm-database.h"

G_BEGIN_DECLS

sqlite3      *crm_database_get_handle  (CrmDatabase  *self);
sqlite3_stmt *crm_database_prepare     (CrmDatabase  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      crm_database_exec        (CrmDatabase  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      crm_database_step_done   (CrmDatabase  *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
int           crm_database_step_row    (CrmDatabase  *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
void          crm_database_set_error   (CrmDatabase  *self,
                                        GError      **error,
                                        int           rc);
gboolean      crm_database_check_writable (CrmDatabase *self,
                                        GError      **error);
gint64        crm_database_now         (void);
void          crm_store_set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *path);
void          crm_store_register_functions (sqlite3 *db);

/* Binding helpers: text is copied (SQLITE_TRANSIENT); NULL binds NULL. */
void          crm_bind_text            (sqlite3_stmt *stmt, int index, const char *text);
void          crm_bind_text_or_empty   (sqlite3_stmt *stmt, int index, const char *text);
void          crm_bind_int64_or_null   (sqlite3_stmt *stmt, int index, gint64 value, gboolean is_null);
char         *crm_column_dup_text      (sqlite3_stmt *stmt, int column);
const char   *crm_column_text          (sqlite3_stmt *stmt, int column);

/* Text normalisation shared by the SQL functions, the FTS triggers and the
 * query builder, so that what is indexed and what is searched agree. */
char         *crm_store_fold           (const char *text);
char         *crm_store_phone_tokens   (const char *phones);
char         *crm_store_digits         (const char *text);

/* Who refers to whom, to name the field of a FOREIGN KEY rejection. */
typedef struct {
  const char *field;      /* the column in the row being written */
  const char *parent;     /* the table it refers to */
  gint64      id;         /* the value written; 0 means NULL (not checked) */
} CrmForeignRef;

void          crm_database_explain_foreign_key (CrmDatabase        *self,
                                                GError            **error,
                                                const char         *table,
                                                const CrmForeignRef *refs,
                                                gsize               n_refs);

gboolean      crm_database_backup_to_cancellable (CrmDatabase          *self,
                                        const char            *destination,
                                        GFileProgressCallback  progress,
                                        gpointer               progress_data,
                                        GCancellable          *cancellable,
                                        GError               **error);
gboolean      crm_database_rollup_is_current (CrmDatabase *self);
gboolean      crm_database_migrate     (CrmDatabase  *self,
                                        int           from_version,
                                        int           to_version,
                                        GError      **error);
gboolean      crm_schema_rebuild_table (CrmDatabase  *self,
                                        const char   *table,
                                        const char   *table_new,
                                        const char   *create,
                                        GError      **error);

/* For the upgrade tests: a new file at the older data format @version, as
 * that version of SalesCRM made it. */
gboolean      crm_database_create_at_version (const char *path,
                                        int           version,
                                        GError      **error);

G_END_DECLS
