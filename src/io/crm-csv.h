/* crm-csv.h — reading and writing CSV files as spreadsheets write them
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Limits that keep hostile input from exhausting memory. A field, a
 * record or a row beyond them stops the reading with CRM_IO_ERROR_TOO_LARGE. */
typedef struct {
  gsize max_field;     /* bytes of one field (UTF-8) */
  gsize max_record;    /* bytes of one record, all fields together */
  guint max_columns;   /* fields in one record */
} CrmCsvLimits;

#define CRM_CSV_DEFAULT_MAX_FIELD   (1024 * 1024)
#define CRM_CSV_DEFAULT_MAX_RECORD  (8 * 1024 * 1024)
#define CRM_CSV_DEFAULT_MAX_COLUMNS 1024

/* One record; it and its strings belong to the reader and stay valid until
 * the next call of crm_csv_reader_next(). */
typedef struct {
  guint               line;       /* physical line where the record starts, 1-based */
  guint               n_fields;
  const char * const *fields;     /* n_fields UTF-8 strings, then NULL */
} CrmCsvRow;

typedef struct _CrmCsvReader CrmCsvReader;

CrmCsvReader *crm_csv_reader_new_for_path   (const char   *path,
                                             GError      **error);
CrmCsvReader *crm_csv_reader_new_for_bytes  (GBytes       *bytes,
                                             const char   *display_name,
                                             GError      **error);
void          crm_csv_reader_free           (CrmCsvReader *reader);
void          crm_csv_reader_set_limits     (CrmCsvReader       *reader,
                                             const CrmCsvLimits *limits);
void          crm_csv_reader_set_delimiter  (CrmCsvReader *reader,
                                             char          delimiter);
char          crm_csv_reader_get_delimiter  (CrmCsvReader *reader);
const char   *crm_csv_reader_get_encoding   (CrmCsvReader *reader);
const char   *crm_csv_reader_get_display_name (CrmCsvReader *reader);
double        crm_csv_reader_get_progress   (CrmCsvReader *reader);
gboolean      crm_csv_reader_next           (CrmCsvReader     *reader,
                                             const CrmCsvRow **row,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCsvReader, crm_csv_reader_free)

typedef enum {
  CRM_CSV_WRITE_DEFAULT = 0,       /* "\r\n" line ends, no BOM */
  CRM_CSV_WRITE_BOM     = 1 << 0,  /* a UTF-8 byte-order mark first, for Excel */
  CRM_CSV_WRITE_LF      = 1 << 1,  /* "\n" line ends */
} CrmCsvWriteFlags;

/* How a cell is written. A text cell that a spreadsheet would run as a
 * formula gets a leading apostrophe; a number cell holding a plain decimal
 * number ("-1234.56") is written as it is, so that it stays a number. */
typedef enum {
  CRM_CSV_CELL_TEXT,
  CRM_CSV_CELL_NUMBER,
} CrmCsvCellKind;

typedef struct _CrmCsvWriter CrmCsvWriter;

CrmCsvWriter *crm_csv_writer_new            (GOutputStream    *stream,
                                             char              delimiter,
                                             CrmCsvWriteFlags  flags);
void          crm_csv_writer_set_column_kinds (CrmCsvWriter         *writer,
                                             const CrmCsvCellKind *kinds,
                                             guint                 n_kinds);
gboolean      crm_csv_writer_write_row      (CrmCsvWriter       *writer,
                                             const char * const *fields,
                                             int                 n_fields,
                                             GCancellable       *cancellable,
                                             GError            **error);
gboolean      crm_csv_writer_close          (CrmCsvWriter  *writer,
                                             GCancellable  *cancellable,
                                             GError       **error);
void          crm_csv_writer_free           (CrmCsvWriter *writer);
void          crm_csv_append_field          (GString        *out,
                                             const char     *value,
                                             char            delimiter,
                                             CrmCsvCellKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCsvWriter, crm_csv_writer_free)

G_END_DECLS
