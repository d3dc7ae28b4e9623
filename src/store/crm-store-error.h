/* crm-store-error.h — what can go wrong with the database, in words a person understands
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_STORE_ERROR (crm_store_error_quark ())

typedef enum {
  CRM_STORE_ERROR_FAILED,
  CRM_STORE_ERROR_BUSY,            /* locked by another connection or process */
  CRM_STORE_ERROR_CONSTRAINT,      /* a CHECK, NOT NULL, UNIQUE or FOREIGN KEY rejection; see _get_field() */
  CRM_STORE_ERROR_NO_SPACE,        /* disk or max_page_count full */
  CRM_STORE_ERROR_READ_ONLY,       /* file, folder or connection read-only */
  CRM_STORE_ERROR_CORRUPT,         /* damaged file */
  CRM_STORE_ERROR_NOT_A_DATABASE,  /* not SQLite, empty, or another program's database */
  CRM_STORE_ERROR_TOO_NEW,         /* written by a newer SalesCRM */
  CRM_STORE_ERROR_CANT_OPEN,       /* missing folder, permissions */
  CRM_STORE_ERROR_NOT_FOUND,       /* a row that does not exist (any more) */
  CRM_STORE_ERROR_INVALID,         /* a value the store refuses before SQL sees it */
  CRM_STORE_ERROR_IO,              /* an I/O error reading or writing the file */
} CrmStoreError;

GQuark      crm_store_error_quark     (void);
const char *crm_store_error_get_field (const GError *error);
const char *crm_store_error_get_table (const GError *error);
void        crm_store_error_set_field (GError *error, const char *table, const char *field);

G_END_DECLS
