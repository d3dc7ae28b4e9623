/* crm-export-store.h — the database written out as CSV, vCard 4.0 or JSON
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-database.h"

G_BEGIN_DECLS

typedef enum {
  CRM_EXPORT_FORMAT_CSV,
  CRM_EXPORT_FORMAT_VCARD,   /* clients only */
  CRM_EXPORT_FORMAT_JSON,    /* every table: a copy of the whole database */
} CrmExportFormat;

typedef enum {
  CRM_EXPORT_CLIENTS,
  CRM_EXPORT_ACTIVITIES,
  CRM_EXPORT_DEALS,
  CRM_EXPORT_PAYMENTS,
} CrmExportWhat;

typedef struct {
  CrmExportFormat format;
  CrmExportWhat   what;       /* CSV: which table */
  gboolean        bom;        /* CSV: a UTF-8 byte-order mark first, for Excel */
  char            delimiter;  /* CSV: ',' (0 means ',') or ';' for Excel in most of Europe */
  const gint64   *ids;        /* vCard: only these clients; NULL for all */
  gsize           n_ids;
} CrmExportOptions;

typedef void (*CrmExportProgress) (double fraction, gpointer user_data);

const char *crm_export_format_to_string   (CrmExportFormat format);
gboolean    crm_export_format_from_string (const char      *text,
                                           CrmExportFormat *format);
const char *crm_export_what_to_string     (CrmExportWhat what);
gboolean    crm_export_what_from_string   (const char    *text,
                                           CrmExportWhat *what);

gboolean    crm_export_store_write        (CrmDatabase            *db,
                                           GOutputStream          *out,
                                           const CrmExportOptions *options,
                                           CrmExportProgress       progress,
                                           gpointer                user_data,
                                           GCancellable           *cancellable,
                                           guint64                *n_rows,
                                           GError                **error);
gboolean    crm_export_store_to_file      (CrmDatabase            *db,
                                           const char             *path,
                                           const CrmExportOptions *options,
                                           CrmExportProgress       progress,
                                           gpointer                user_data,
                                           GCancellable           *cancellable,
                                           guint64                *n_rows,
                                           GError                **error);

/* The JSON copy of every table (crm-export-json.c). */
gboolean    crm_export_store_json         (CrmDatabase       *db,
                                           GOutputStream     *out,
                                           CrmExportProgress  progress,
                                           gpointer           user_data,
                                           GCancellable      *cancellable,
                                           guint64           *n_rows,
                                           GError           **error);

G_END_DECLS
