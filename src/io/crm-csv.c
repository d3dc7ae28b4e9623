/* crm-csv.c — reading CSV files as spreadsheets and CRMs write them
 *
 * RFC 4180 and what real programs do beyond it: quoted fields with doubled
 * quotes and line breaks inside, CRLF, LF or CR line ends, spaces around a
 * quoted field, a delimiter at the end of every line (Bitrix24), Excel's
 * "sep=;" first line. The encoding comes from crm_text_detect_encoding()
 * (through crm_io_detect_encoding()) and the delimiter (comma, semicolon or
 * tab) from the first 20 records of the first 64 KiB, outside quotes.
 *
 * Limits (CrmCsvLimits): 1 MiB a field, 8 MiB a record, 1024 columns. What
 * goes beyond them, a zero byte, a file that is mostly control characters
 * or that is an Excel workbook, and a file that ends inside a quoted field
 * stop the reading with an error naming the file, line and column (for an
 * unclosed quote: where it opened). The records before it have been read.
 *
 * The reader streams: a UTF-8 file is parsed straight from its mapping, any
 * other encoding is converted a window at a time, and a record is built in
 * one buffer that never grows beyond the limits. A 50 MB line is refused at
 * the field limit, not read into memory.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-csv.h"
#include "crm-io-private.h"
#include "crm-text.h"

#define WINDOW_SIZE   (64 * 1024)
#define SAMPLE_SIZE   (64 * 1024)
#define SAMPLE_LINES  20

struct _CrmCsvReader {
  GBytes       *bytes;
  char         *display_name;
  const char   *encoding;

  /* The bytes of the file and, for encodings other than UTF-8, the
   * converter that turns them into UTF-8 a window at a time. */
  const guint8 *raw;
  gsize         raw_len;
  gsize         raw_pos;
  GIConv        conv;
  gsize         unit;
  gboolean      raw_done;
  char         *window;

  /* The UTF-8 text being parsed: the file itself, or the window. */
  const char   *buf;
  gsize         len;
  gsize         pos;

  char          delimiter;
  CrmCsvLimits  limits;
  gboolean      trailing_delimiter;
  gboolean      first_record_done;
  gboolean      last_quoted;

  guint         line;     /* the line of the next character */
  guint         column;   /* the column of the last character read */

  GString      *record;   /* the fields of a record, each ended by a NUL */
  GArray       *offsets;  /* where each field starts in @record */
  GPtrArray    *fields;
  CrmCsvRow     row;
  GError       *failure;  /* once reading failed, every call says so */
};

typedef enum { PARSED_ERROR, PARSED_END, PARSED_RECORD } Parsed;
typedef enum { S_START, S_UNQUOTED, S_QUOTED, S_QUOTE, S_AFTER_QUOTE } State;

static gboolean
refill (CrmCsvReader *r)
{
  char *in, *out;
  gsize in_left, out_left;

  if (r->conv == (GIConv) -1 || r->raw_done)
    return FALSE;

  in = (char *) r->raw + r->raw_pos;
  in_left = r->raw_len - r->raw_pos;
  out = r->window;
  out_left = WINDOW_SIZE;
  while (in_left > 0 && out_left >= 8)
    {
      gsize done = g_iconv (r->conv, &in, &in_left, &out, &out_left);

      if (done != (gsize) -1 || errno == E2BIG)
        break;
      if (errno != EILSEQ && errno != EINVAL)
        {
          in_left = 0;
          break;
        }
      /* A unit that is not text in this encoding: U+FFFD, and on. */
      memcpy (out, "\xef\xbf\xbd", 3);
      out += 3;
      out_left -= 3;
      done = MIN (r->unit, in_left);
      in += done;
      in_left -= done;
    }
  r->raw_pos = r->raw_len - in_left;
  r->buf = r->window;
  r->pos = 0;
  r->len = WINDOW_SIZE - out_left;
  if (in_left == 0 || r->len == 0)
    r->raw_done = TRUE;
  return r->len > 0;
}

static inline int
peek_byte (CrmCsvReader *r)
{
  if (G_UNLIKELY (r->pos >= r->len) && !refill (r))
    return -1;
  return (guchar) r->buf[r->pos];
}

/* The next byte of UTF-8 text, every line end as '\n'; -1 at the end. */
static inline int
read_char (CrmCsvReader *r)
{
  int c = peek_byte (r);

  if (c < 0)
    return -1;
  r->pos++;
  if (c == '\r')
    {
      if (peek_byte (r) == '\n')
        r->pos++;
      c = '\n';
    }
  if (c == '\n')
    {
      r->line++;
      r->column = 0;
    }
  else if ((c & 0xC0) != 0x80)
    r->column++;
  return c;
}

static void
set_error (CrmCsvReader *r, GError **error, CrmIoError code, guint line, guint column,
           const char *message)
{
  g_autofree char *position = crm_io_position (r->display_name, line, column);

  crm_io_set_error (error, code, position, message);
}

static gboolean
check_size (CrmCsvReader *r, gsize field_start, State state, guint quote_line, guint quote_column,
            GError **error)
{
  g_autofree char *size = NULL;
  g_autofree char *message = NULL;

  if (G_LIKELY (r->record->len - field_start <= r->limits.max_field &&
                r->record->len <= r->limits.max_record))
    return TRUE;

  if (r->record->len > r->limits.max_record)
    {
      size = g_format_size (r->limits.max_record);
      message = g_strdup_printf (_("a record is longer than %s, the most a table row may hold; "
                                   "the reading stopped here. Is this really a CSV table?"), size);
    }
  else if (state == S_QUOTED)
    {
      size = g_format_size (r->limits.max_field);
      message = g_strdup_printf (_("the quoted field that opens at line %u, column %u is longer "
                                   "than %s; the reading stopped. A closing quote (\") is "
                                   "probably missing there."), quote_line, quote_column, size);
    }
  else
    {
      size = g_format_size (r->limits.max_field);
      message = g_strdup_printf (_("a field is longer than %s, the most a cell may hold; the "
                                   "reading stopped here. Is this really a CSV table?"), size);
    }
  set_error (r, error, CRM_IO_ERROR_TOO_LARGE, r->line, r->column, message);
  return FALSE;
}

static gboolean
end_field (CrmCsvReader *r, gsize *field_start, gboolean quoted, GError **error)
{
  if (G_UNLIKELY (r->offsets->len >= r->limits.max_columns))
    {
      g_autofree char *message =
        g_strdup_printf (_("a record has more than %u columns; the reading stopped. "
                           "Is the delimiter right and is this really a CSV table?"),
                         r->limits.max_columns);
      set_error (r, error, CRM_IO_ERROR_TOO_LARGE, r->line, r->column, message);
      return FALSE;
    }
  g_string_append_c (r->record, '\0');
  g_array_append_val (r->offsets, *field_start);
  *field_start = r->record->len;
  r->last_quoted = quoted;
  return TRUE;
}

/* One record into r->record and r->offsets. */
static Parsed
parse_record (CrmCsvReader *r, GError **error)
{
  State state = S_START;
  gsize field_start = 0;
  guint quote_line = 0, quote_column = 0;
  gboolean any = FALSE;
  const int delim = (guchar) r->delimiter;

  g_string_truncate (r->record, 0);
  g_array_set_size (r->offsets, 0);
  r->row.line = r->line;
  r->last_quoted = FALSE;

  for (;;)
    {
      int c;

      if ((state == S_UNQUOTED || state == S_QUOTED) && r->pos < r->len)
        {
          /* A run of plain characters at once, as far as the limits allow. */
          const char *start = r->buf + r->pos, *end = r->buf + r->len, *q = start;
          const char stop = state == S_UNQUOTED ? r->delimiter : '"';
          gsize room = r->limits.max_field + 1 - (r->record->len - field_start);

          if ((gsize) (end - start) > room)
            end = start + room;
          while (q < end && *q != stop && *q != '\n' && *q != '\r' && *q != '\0')
            {
              r->column += (*q & 0xC0) != 0x80;
              q++;
            }
          if (q > start)
            {
              g_string_append_len (r->record, start, (gssize) (q - start));
              r->pos += (gsize) (q - start);
              if (!check_size (r, field_start, state, quote_line, quote_column, error))
                return PARSED_ERROR;
              continue;
            }
        }

      c = read_char (r);
      if (G_UNLIKELY (c == 0))
        {
          set_error (r, error, CRM_IO_ERROR_ENCODING, r->line, r->column,
                     _("the file contains a zero byte here: it is binary data, not a CSV table."));
          return PARSED_ERROR;
        }

      switch (state)
        {
        case S_START:
          if (c < 0)
            {
              if (!any)
                return PARSED_END;
              return end_field (r, &field_start, FALSE, error) ? PARSED_RECORD : PARSED_ERROR;
            }
          any = TRUE;
          if (c == delim)
            {
              if (!end_field (r, &field_start, FALSE, error))
                return PARSED_ERROR;
            }
          else if (c == '\n')
            return end_field (r, &field_start, FALSE, error) ? PARSED_RECORD : PARSED_ERROR;
          else if (c == '"')
            {
              /* Spaces before a quoted field are not part of it. */
              g_string_truncate (r->record, field_start);
              quote_line = r->line;
              quote_column = r->column;
              state = S_QUOTED;
            }
          else
            {
              g_string_append_c (r->record, (char) c);
              if (c != ' ' && c != '\t')
                state = S_UNQUOTED;
            }
          break;

        case S_UNQUOTED:
          if (c == delim)
            {
              if (!end_field (r, &field_start, FALSE, error))
                return PARSED_ERROR;
              state = S_START;
            }
          else if (c == '\n' || c < 0)
            return end_field (r, &field_start, FALSE, error) ? PARSED_RECORD : PARSED_ERROR;
          else
            g_string_append_c (r->record, (char) c);
          break;

        case S_QUOTED:
          if (c == '"')
            state = S_QUOTE;
          else if (c < 0)
            {
              g_autofree char *message =
                g_strdup_printf (_("the quoted field that opens at line %u, column %u is never "
                                   "closed: the file ends before its closing quote (\"). Add "
                                   "the missing quote and import the file again."),
                                 quote_line, quote_column);
              set_error (r, error, CRM_IO_ERROR_FORMAT, quote_line, quote_column, message);
              return PARSED_ERROR;
            }
          else
            g_string_append_c (r->record, (char) c);
          break;

        case S_QUOTE:
        case S_AFTER_QUOTE:
          if (c == '"' && state == S_QUOTE)
            {
              g_string_append_c (r->record, '"');
              state = S_QUOTED;
            }
          else if (c == delim)
            {
              if (!end_field (r, &field_start, TRUE, error))
                return PARSED_ERROR;
              state = S_START;
            }
          else if (c == '\n' || c < 0)
            return end_field (r, &field_start, TRUE, error) ? PARSED_RECORD : PARSED_ERROR;
          else if (c == ' ' || c == '\t')
            state = S_AFTER_QUOTE;
          else
            {
              /* Text after the closing quote: kept, as spreadsheets do. */
              g_string_append_c (r->record, (char) c);
              state = S_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      if (!check_size (r, field_start, state, quote_line, quote_column, error))
        return PARSED_ERROR;
    }
}

/* TRUE with *row set to the next record, or to NULL at the end of the file;
 * FALSE on an error, which stops the reading for good. Blank lines are
 * skipped. When the first record ends with a delimiter (as Bitrix24 writes
 * every line), the empty field after the last delimiter is dropped from
 * every record. */
gboolean
crm_csv_reader_next (CrmCsvReader *reader, const CrmCsvRow **row, GError **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  *row = NULL;
  if (reader->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (reader->failure));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      Parsed parsed = parse_record (reader, &local_error);
      guint n;

      if (parsed == PARSED_ERROR)
        {
          reader->failure = g_error_copy (local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (parsed == PARSED_END)
        return TRUE;

      n = reader->offsets->len;
      if (n == 1 && reader->record->len == 1 && !reader->last_quoted)
        continue;   /* a blank line */

      if (n > 1 && !reader->last_quoted &&
          reader->record->str[g_array_index (reader->offsets, gsize, n - 1)] == '\0')
        {
          if (!reader->first_record_done)
            reader->trailing_delimiter = TRUE;
          if (reader->trailing_delimiter)
            n--;
        }
      reader->first_record_done = TRUE;

      g_ptr_array_set_size (reader->fields, 0);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (reader->fields,
                         reader->record->str + g_array_index (reader->offsets, gsize, i));
      g_ptr_array_add (reader->fields, NULL);
      reader->row.n_fields = n;
      reader->row.fields = (const char * const *) reader->fields->pdata;
      *row = &reader->row;
      return TRUE;
    }
}

/* The delimiter that splits the first lines (outside quotes) into the same
 * number of fields most often; ties go to the one with more fields. */
static char
detect_delimiter (const char *text, gsize len, gboolean whole)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[SAMPLE_LINES][G_N_ELEMENTS (candidates)];
  guint n_lines = 0;
  gboolean quoted = FALSE, content = FALSE;
  gsize i;
  char best = ',';
  guint best_score = 0;

  memset (counts, 0, sizeof counts);
  for (i = 0; i < len && n_lines < SAMPLE_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        {
          quoted = !quoted;
          content = TRUE;
        }
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (content)
            n_lines++;
          content = FALSE;
        }
      else if (!quoted)
        {
          content = TRUE;
          for (gsize k = 0; k < G_N_ELEMENTS (candidates); k++)
            if (c == candidates[k])
              counts[n_lines][k]++;
        }
    }
  if (content && whole && n_lines < SAMPLE_LINES)
    n_lines++;
  if (n_lines == 0)
    n_lines = 1;   /* one unfinished line: go by what there is */

  for (gsize k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint header = counts[0][k], same = 0, score;

      if (header == 0)
        continue;
      for (guint l = 0; l < n_lines; l++)
        same += counts[l][k] == header;
      score = same * 1000 + MIN (header, 999);
      if (score > best_score)
        {
          best_score = score;
          best = candidates[k];
        }
    }
  return best;
}

static gboolean
looks_binary (const char *text, gsize len)
{
  gsize control = 0;

  len = MIN (len, 4096);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        control++;
    }
  return len > 0 && control * 20 > len;
}

/* Refuses what is not a text table before anything is parsed. */
static gboolean
check_not_binary (CrmCsvReader *r, gsize bom, GError **error)
{
  const guint8 *data = r->raw;
  gsize len = r->raw_len;
  const guint8 *zero;

  if ((len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0) ||
      (len >= 8 && memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0))
    {
      crm_io_set_error (error, CRM_IO_ERROR_FORMAT, r->display_name,
                      _("this is a spreadsheet workbook (or another archive), not a CSV file. "
                        "Open it in the spreadsheet and save it as “CSV”."));
      return FALSE;
    }
  if (r->unit > 1)
    return TRUE;   /* zero bytes are part of UTF-16 and UTF-32 text */

  zero = memchr (data + bom, '\0', len - bom);
  if (zero != NULL)
    {
      guint line = 1, column = 1;

      for (const guint8 *p = data + bom; p < zero; p++)
        {
          if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
            line++, column = 1;
          else if (*p != '\r' && (*p & 0xC0) != 0x80)
            column++;
        }
      set_error (r, error, CRM_IO_ERROR_ENCODING, line, column,
                 _("the file contains a zero byte here: it is binary data, not a CSV table."));
      return FALSE;
    }
  return TRUE;
}

/* A reader of @bytes (kept alive by the reader). @display_name names the
 * file in messages and may be NULL. Fails for an empty file, a binary one
 * and one whose encoding cannot be read. */
CrmCsvReader *
crm_csv_reader_new_for_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr(CrmCsvReader) r = NULL;
  gsize bom = 0, size = 0;
  gboolean repair = FALSE;
  const char *sample;
  gsize sample_len;
  gboolean whole;

  g_return_val_if_fail (bytes != NULL, NULL);

  r = g_new0 (CrmCsvReader, 1);
  r->bytes = g_bytes_ref (bytes);
  r->display_name = g_strdup (display_name);
  r->raw = g_bytes_get_data (bytes, &size);
  r->raw_len = size;
  r->conv = (GIConv) -1;
  r->line = 1;
  r->limits.max_field = CRM_CSV_DEFAULT_MAX_FIELD;
  r->limits.max_record = CRM_CSV_DEFAULT_MAX_RECORD;
  r->limits.max_columns = CRM_CSV_DEFAULT_MAX_COLUMNS;
  r->record = g_string_sized_new (256);
  r->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->fields = g_ptr_array_new ();

  r->encoding = crm_io_detect_encoding (r->raw, r->raw_len, &bom, &repair);
  r->unit = g_str_has_prefix (r->encoding, "UTF-32") ? 4 : g_str_has_prefix (r->encoding, "UTF-16") ? 2 : 1;
  if (r->raw_len <= bom)
    {
      crm_io_set_error (error, CRM_IO_ERROR_EMPTY, r->display_name,
                      _("the file is empty: there is nothing to import."));
      return NULL;
    }
  if (!check_not_binary (r, bom, error))
    return NULL;

  if (g_str_equal (r->encoding, "UTF-8") && !repair)
    {
      r->buf = (const char *) r->raw + bom;
      r->len = r->raw_len - bom;
      r->raw_pos = r->raw_len;
      r->raw_done = TRUE;
      sample = r->buf;
      sample_len = MIN (r->len, SAMPLE_SIZE);
      whole = sample_len == r->len;
    }
  else
    {
      r->conv = g_iconv_open ("UTF-8", r->encoding);
      if (r->conv == (GIConv) -1)
        {
          g_autofree char *message =
            g_strdup_printf (_("the file is in the %s encoding, which this system cannot convert."),
                             r->encoding);
          crm_io_set_error (error, CRM_IO_ERROR_ENCODING, r->display_name, message);
          return NULL;
        }
      r->window = g_malloc (WINDOW_SIZE);
      r->raw_pos = bom;
      refill (r);
      sample = r->buf;
      sample_len = r->len;
      whole = r->raw_done;
    }

  if (looks_binary (sample, sample_len))
    {
      crm_io_set_error (error, CRM_IO_ERROR_ENCODING, r->display_name,
                      _("the file is binary data, not a CSV table: it holds control characters "
                        "that text never has."));
      return NULL;
    }

  /* Excel understands a first line "sep=;" naming the delimiter. */
  if (sample_len >= 5 && g_ascii_strncasecmp (sample, "sep=", 4) == 0 &&
      (sample_len == 5 || sample[5] == '\r' || sample[5] == '\n'))
    {
      r->delimiter = sample[4];
      r->pos += 5;
      if (r->pos < r->len && r->buf[r->pos] == '\r')
        r->pos++;
      if (r->pos < r->len && r->buf[r->pos] == '\n')
        r->pos++;
      r->line = 2;
    }
  else
    r->delimiter = detect_delimiter (sample, sample_len, whole);

  return g_steal_pointer (&r);
}

CrmCsvReader *
crm_csv_reader_new_for_path (const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = crm_io_open_file (path, &name, error);
  return bytes != NULL ? crm_csv_reader_new_for_bytes (bytes, name, error) : NULL;
}

void
crm_csv_reader_free (CrmCsvReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->conv != (GIConv) -1)
    g_iconv_close (reader->conv);
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  g_free (reader->display_name);
  g_free (reader->window);
  if (reader->record != NULL)
    g_string_free (reader->record, TRUE);
  g_clear_pointer (&reader->offsets, g_array_unref);
  g_clear_pointer (&reader->fields, g_ptr_array_unref);
  g_clear_error (&reader->failure);
  g_free (reader);
}

/* Zero in a member keeps its current limit. */
void
crm_csv_reader_set_limits (CrmCsvReader *reader, const CrmCsvLimits *limits)
{
  g_return_if_fail (reader != NULL && limits != NULL);

  if (limits->max_field > 0)
    reader->limits.max_field = limits->max_field;
  if (limits->max_record > 0)
    reader->limits.max_record = limits->max_record;
  if (limits->max_columns > 0)
    reader->limits.max_columns = limits->max_columns;
}

/* Overrides the detected delimiter; call it before the first record. */
void
crm_csv_reader_set_delimiter (CrmCsvReader *reader, char delimiter)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (delimiter != '"' && delimiter != '\n' && delimiter != '\r' && delimiter != '\0');

  reader->delimiter = delimiter;
}

char
crm_csv_reader_get_delimiter (CrmCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');
  return reader->delimiter;
}

/* "UTF-8", "UTF-16LE", "WINDOWS-1251"… */
const char *
crm_csv_reader_get_encoding (CrmCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->encoding;
}

const char *
crm_csv_reader_get_display_name (CrmCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->display_name;
}

/* The share of the file read so far, from 0 to 1. */
double
crm_csv_reader_get_progress (CrmCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);

  if (reader->conv == (GIConv) -1)
    return reader->len == 0 ? 1.0 : (double) reader->pos / (double) reader->len;
  return reader->raw_len == 0 ? 1.0 : (double) reader->raw_pos / (double) reader->raw_len;
}
