/* crm-csv-writer.c — writing CSV files that spreadsheets open safely
 *
 * Fields are quoted only when they must be (a delimiter, a quote, a line
 * break, or spaces at either end). A text cell that begins with = + - @,
 * a tab or a carriage return would be run by a spreadsheet as a formula
 * (“CSV injection”), so it is written with a leading apostrophe: Excel and
 * LibreOffice then show the text as it is. That includes phone numbers such
 * as "+7 495 …", which a spreadsheet would otherwise turn into a sum.
 *
 * Numbers are not text: a column declared CRM_CSV_CELL_NUMBER is written as
 * it is when its value is a plain decimal number ("-1500.00", as
 * crm_money_to_plain() writes money), so a negative amount stays a negative
 * number in the spreadsheet. Anything else in such a column is treated as
 * text.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-csv.h"
#include "crm-text.h"

#define FLUSH_SIZE (64 * 1024)

struct _CrmCsvWriter {
  GOutputStream   *stream;
  char             delimiter;
  CrmCsvWriteFlags flags;
  GArray          *kinds;
  GString         *buffer;
  gboolean         closed;
};

static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean digits = FALSE;

  if (*p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
is_formula_start (const char *value)
{
  return *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;
}

/* Appends one field, quoted when it must be and neutralised when it is text
 * that a spreadsheet would run as a formula. NULL is an empty field. */
void
crm_csv_append_field (GString *out, const char *value, char delimiter, CrmCsvCellKind kind)
{
  gboolean prefix, quote;
  gsize len;

  g_return_if_fail (out != NULL);

  if (value == NULL || *value == '\0')
    return;
  if (kind == CRM_CSV_CELL_NUMBER && is_plain_number (value))
    {
      g_string_append (out, value);
      return;
    }

  len = strlen (value);
  prefix = is_formula_start (value);
  quote = value[0] == ' ' || value[0] == '\t' || value[len - 1] == ' ' || value[len - 1] == '\t';
  for (const char *p = value; *p != '\0' && !quote; p++)
    quote = *p == delimiter || *p == '"' || *p == '\n' || *p == '\r';

  if (quote)
    g_string_append_c (out, '"');
  if (prefix)
    g_string_append_c (out, '\'');
  if (!quote)
    g_string_append_len (out, value, (gssize) len);
  else
    for (const char *p = value; *p != '\0'; p++)
      {
        if (*p == '"')
          g_string_append_c (out, '"');
        g_string_append_c (out, *p);
      }
  if (quote)
    g_string_append_c (out, '"');
}

/* A writer into @stream (referenced). The delimiter is ',', ';' or '\t';
 * Russian Excel expects ';'. */
CrmCsvWriter *
crm_csv_writer_new (GOutputStream *stream, char delimiter, CrmCsvWriteFlags flags)
{
  CrmCsvWriter *w;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t', NULL);

  w = g_new0 (CrmCsvWriter, 1);
  w->stream = g_object_ref (stream);
  w->delimiter = delimiter;
  w->flags = flags;
  w->kinds = g_array_new (FALSE, TRUE, sizeof (CrmCsvCellKind));
  w->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  if (flags & CRM_CSV_WRITE_BOM)
    g_string_append (w->buffer, "\xef\xbb\xbf");
  return w;
}

/* Declares how the columns are written; columns beyond @n_kinds are text. */
void
crm_csv_writer_set_column_kinds (CrmCsvWriter *writer, const CrmCsvCellKind *kinds, guint n_kinds)
{
  g_return_if_fail (writer != NULL);

  g_array_set_size (writer->kinds, 0);
  g_array_append_vals (writer->kinds, kinds, n_kinds);
}

static gboolean
flush (CrmCsvWriter *w, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (w->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (w->stream, w->buffer->str, w->buffer->len, NULL,
                                  cancellable, &local_error))
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FAILED,
                   _("Cannot write the CSV file: %s"), local_error->message);
      return FALSE;
    }
  g_string_truncate (w->buffer, 0);
  return TRUE;
}

/* Writes one row of @n_fields fields (-1: @fields ends with NULL). */
gboolean
crm_csv_writer_write_row (CrmCsvWriter *writer, const char * const *fields, int n_fields,
                          GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (writer != NULL && !writer->closed, FALSE);
  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);

  if (n_fields < 0)
    n_fields = (int) g_strv_length ((char **) fields);
  for (int i = 0; i < n_fields; i++)
    {
      CrmCsvCellKind kind = (guint) i < writer->kinds->len
                            ? g_array_index (writer->kinds, CrmCsvCellKind, i)
                            : CRM_CSV_CELL_TEXT;
      if (i > 0)
        g_string_append_c (writer->buffer, writer->delimiter);
      crm_csv_append_field (writer->buffer, fields[i], writer->delimiter, kind);
    }
  g_string_append (writer->buffer, (writer->flags & CRM_CSV_WRITE_LF) ? "\n" : "\r\n");
  if (writer->buffer->len >= FLUSH_SIZE)
    return flush (writer, cancellable, error);
  return TRUE;
}

/* Writes what is buffered and closes the stream (for a stream from
 * g_file_replace(), closing is what puts the new file in place). */
gboolean
crm_csv_writer_close (CrmCsvWriter *writer, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (writer != NULL && !writer->closed, FALSE);

  writer->closed = TRUE;
  if (!flush (writer, cancellable, error))
    return FALSE;
  if (!g_output_stream_close (writer->stream, cancellable, &local_error))
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FAILED,
                   _("Cannot write the CSV file: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

void
crm_csv_writer_free (CrmCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_object (&writer->stream);
  g_array_unref (writer->kinds);
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}
