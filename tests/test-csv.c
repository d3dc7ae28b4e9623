/* test-csv.c — CSV reading and writing, and columns mapped to clients
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <string.h>

#include "crm-contact.h"
#include "crm-csv.h"
#include "crm-import-map.h"
#include "crm-test-util.h"
#include "crm-text.h"
#include "test-io.h"

void
table_free (Table *t)
{
  g_ptr_array_unref (t->rows);
  g_array_unref (t->lines);
  g_clear_error (&t->error);
  g_free (t);
}

Table *
read_reader (CrmCsvReader *reader)
{
  Table *t = g_new0 (Table, 1);
  const CrmCsvRow *row;

  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  t->delimiter = crm_csv_reader_get_delimiter (reader);
  t->encoding = crm_csv_reader_get_encoding (reader);
  while (crm_csv_reader_next (reader, &row, &t->error) && row != NULL)
    {
      g_assert_cmpuint (g_strv_length ((char **) row->fields), ==, row->n_fields);
      g_ptr_array_add (t->rows, g_strdupv ((char **) row->fields));
      g_array_append_val (t->lines, row->line);
    }
  return t;
}

/* Every record of @data; the reader must accept the file itself. */
Table *
read_table (const char *data, gssize len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_bytes (bytes, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return read_reader (reader);
}

void
assert_row (Table *t, guint index, guint line, const char * const *expected)
{
  char **row;

  g_assert_cmpuint (index, <, t->rows->len);
  row = t->rows->pdata[index];
  g_assert_cmpuint (g_array_index (t->lines, guint, index), ==, line);
  g_assert_cmpuint (g_strv_length (row), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (row[i], ==, expected[i]);
}

static const char table_text[] =
  "Имя,Телефон,Заметка\r\n"
  "Пётр Ёлкин,+7 495 000-00-00,\"многострочная\r\nзаметка, с запятой\"\r\n"
  "Emoji 😀,\"\"\"quoted\"\"\",\r\n";

static void
assert_sample_table (Table *t)
{
  g_assert_no_error (t->error);
  g_assert_cmpuint (t->rows->len, ==, 3);
  assert_row (t, 0, 1, ROW ("Имя", "Телефон", "Заметка"));
  assert_row (t, 1, 2, ROW ("Пётр Ёлкин", "+7 495 000-00-00", "многострочная\nзаметка, с запятой"));
  assert_row (t, 2, 4, ROW ("Emoji 😀", "\"quoted\"", ""));
}

/* The same table in every encoding spreadsheets write. */
static void
test_encodings (void)
{
  static const struct { const char *encoding; const char *bom; gsize bom_len; const char *detected; } cases[] = {
    { "UTF-8", "", 0, "UTF-8" },
    { "UTF-8", "\xef\xbb\xbf", 3, "UTF-8" },
    { "UTF-16LE", "\xff\xfe", 2, "UTF-16LE" },
    { "UTF-16BE", "\xfe\xff", 2, "UTF-16BE" },
    { "UTF-32LE", "\xff\xfe\x00\x00", 4, "UTF-32LE" },
    { "UTF-32BE", "\x00\x00\xfe\xff", 4, "UTF-32BE" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = 0;
      g_autofree char *converted = g_convert (table_text, -1, cases[i].encoding, "UTF-8", NULL, &len, NULL);
      g_autoptr(GString) data = g_string_new_len (cases[i].bom, (gssize) cases[i].bom_len);
      g_autoptr(Table) t = NULL;

      g_test_message ("%s, BOM of %zu bytes", cases[i].encoding, cases[i].bom_len);
      g_string_append_len (data, converted, (gssize) len);
      t = read_table (data->str, (gssize) data->len);
      g_assert_cmpstr (t->encoding, ==, cases[i].detected);
      assert_sample_table (t);
    }

  /* UTF-8 with a broken byte stays UTF-8; the byte becomes U+FFFD. */
  {
    g_autoptr(Table) t = read_table ("Имя,Телефон\nПётр\xff Ёлкин,1\n", -1);

    g_assert_no_error (t->error);
    g_assert_cmpstr (t->encoding, ==, "UTF-8");
    assert_row (t, 1, 2, ROW ("Пётр\uFFFD Ёлкин", "1"));
  }

  /* Windows-1251, as Russian Excel saves "CSV (разделители — точка с запятой)". */
  {
    g_autofree char *path = g_build_filename (crm_test_source_root (), "tests", "data", "io",
                                              "excel-1251.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, &error);
    g_autoptr(Table) t = NULL;

    g_assert_no_error (error);
    t = read_reader (reader);
    g_assert_no_error (t->error);
    g_assert_cmpstr (t->encoding, ==, "WINDOWS-1251");
    g_assert_cmpint (t->delimiter, ==, ';');
    g_assert_cmpuint (t->rows->len, ==, 4);
    assert_row (t, 1, 2, ROW ("Иванов Иван Иванович", "+7 (495) 123-45-67", "ivanov@example.ru",
                              "Москва", "Постоянный клиент", "Входящий звонок",
                              "Звонить после 14:00\nпросил КП"));
    assert_row (t, 2, 4, ROW ("ООО «Ромашка»", "8 800 555-35-35", "", "Санкт-Петербург", "Лид",
                              "Сайт", ""));
  }
}

static void
test_delimiters (void)
{
  static const struct { const char *text; char delimiter; } cases[] = {
    { "a,b,c\n1,\"x;y\",3\n", ',' },
    { "a;b;c\n1;\"x,y\";3\n", ';' },
    { "a\tb\tc\n1\t\"x,y;z\"\t3\n", '\t' },
    { "sep=;\na;b;c\n1;\"x,y\";3\n", ';' },
    /* Commas in unquoted values of a semicolon file (Russian addresses). */
    { "a;b;c\n1;Москва, ул. Ленина, 1;3\n", ';' },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Table) t = read_table (cases[i].text, -1);
      gboolean sep_line = g_str_has_prefix (cases[i].text, "sep=");

      g_test_message ("case %zu", i);
      g_assert_no_error (t->error);
      g_assert_cmpint (t->delimiter, ==, cases[i].delimiter);
      g_assert_cmpuint (t->rows->len, ==, 2);
      assert_row (t, 0, sep_line ? 2 : 1, ROW ("a", "b", "c"));
      g_assert_cmpuint (g_strv_length (t->rows->pdata[1]), ==, 3);
    }

  /* A delimiter set by hand wins over the detected one. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("a;b,c\n1;2,3\n", 12);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_bytes (bytes, NULL, NULL);
    g_autoptr(Table) t = NULL;

    crm_csv_reader_set_delimiter (reader, ';');
    t = read_reader (reader);
    assert_row (t, 1, 2, ROW ("1", "2,3"));
  }
}

/* RFC 4180 and what real files do beyond it; every record knows its line. */
static void
test_quoting_and_lines (void)
{
  g_autoptr(Table) t = read_table (
    "name,note,x\r\n"                          /* 1 */
    "\"a \"\"b\"\" c\",\"line1\nline2\r\nline3\rline4\",z\r\n"   /* 2–5 */
    "\r\n"                                     /* 6: blank, skipped */
    "  \"spaced\"  , plain ,\"\"\n"            /* 7 */
    "\"after\"text,un\"quoted,\n"              /* 8 */
    "cr\rlast,,\"no newline at end\"", -1);    /* 9, 10 */

  g_assert_no_error (t->error);
  g_assert_cmpuint (t->rows->len, ==, 6);
  assert_row (t, 0, 1, ROW ("name", "note", "x"));
  assert_row (t, 1, 2, ROW ("a \"b\" c", "line1\nline2\nline3\nline4", "z"));
  assert_row (t, 2, 7, ROW ("spaced", " plain ", ""));
  assert_row (t, 3, 8, ROW ("aftertext", "un\"quoted", ""));
  assert_row (t, 4, 9, ROW ("cr"));
  assert_row (t, 5, 10, ROW ("last", "", "no newline at end"));

  /* Bitrix24 ends every line with the delimiter: that empty field goes. */
  {
    g_autoptr(Table) b = read_table ("\"NAME\";\"LAST_NAME\";\n\"Ivan\";\"Petrov\";\n\"\";\"\";\n", -1);
    assert_row (b, 0, 1, ROW ("NAME", "LAST_NAME"));
    assert_row (b, 1, 2, ROW ("Ivan", "Petrov"));
    assert_row (b, 2, 3, ROW ("", ""));
  }
  /* …but only when the header does it. */
  {
    g_autoptr(Table) c = read_table ("a,b,c\n1,2,\n", -1);
    assert_row (c, 1, 2, ROW ("1", "2", ""));
  }
}

static void
assert_read_error (Table *t, int code, const char *part)
{
  g_assert_nonnull (t->error);
  g_test_message ("error: %s", t->error->message);
  g_assert_error (t->error, CRM_IO_ERROR, code);
  g_assert_nonnull (strstr (t->error->message, part));
}

static void
test_unterminated_quote (void)
{
  g_autoptr(Table) t = read_table ("a,b\n1,2\n3,\"open\nstill open\n4,5\n", -1);

  /* The records before the broken one are read; the error names where the
   * quote opened. */
  g_assert_cmpuint (t->rows->len, ==, 2);
  assert_read_error (t, CRM_IO_ERROR_FORMAT, "test.csv, line 3, column 3:");
  g_assert_nonnull (strstr (t->error->message, "line 3, column 3 is never closed"));

  /* Reading stays stopped. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("\"x", 2);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_bytes (bytes, NULL, NULL);
    const CrmCsvRow *row = NULL;
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;

    g_assert_false (crm_csv_reader_next (reader, &row, &e1));
    g_assert_error (e1, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT);
    g_assert_true (g_str_has_prefix (e1->message, "Line 1, column 1: the quoted field"));
    g_assert_false (crm_csv_reader_next (reader, &row, &e2));
    g_assert_null (row);
    g_assert_error (e2, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT);
  }
}

static gsize
heap_in_use (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return 0;   /* the sanitizer's allocator is not malloc's */
#else
  struct mallinfo2 info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
#endif
}

/* 50 MB without a line break: refused at the field limit, with bounded memory. */
static void
test_huge_line (void)
{
  g_autofree char *path = crm_test_tmp_path ("huge.csv");
  g_autofree char *chunk = g_malloc (1024 * 1024);
  FILE *f = g_fopen (path, "wb");
  const char *starts[] = { "name,note\n1,", "name,note\n1,\"" };

  for (gsize s = 0; s < G_N_ELEMENTS (starts); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmCsvReader) reader = NULL;
      g_autoptr(Table) t = NULL;
      gint64 start;
      gsize heap_before;

      f = g_fopen (path, "wb");
      g_assert_nonnull (f);
      memset (chunk, 'x', 1024 * 1024);
      fputs (starts[s], f);
      for (int i = 0; i < 50; i++)
        g_assert_cmpuint (fwrite (chunk, 1, 1024 * 1024, f), ==, 1024 * 1024);
      fclose (f);

      heap_before = heap_in_use ();
      start = g_get_monotonic_time ();
      reader = crm_csv_reader_new_for_path (path, &error);
      g_assert_no_error (error);
      t = read_reader (reader);
      g_test_message ("50 MB line refused in %.3f s", (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpuint (t->rows->len, ==, 1);
      assert_read_error (t, CRM_IO_ERROR_TOO_LARGE, "huge.csv, line 2, column ");
      g_assert_nonnull (strstr (t->error->message, s == 0 ? "a field is longer than 1.0"
                                                          : "opens at line 2, column 3"));
      /* The record buffer stops at the limit: well under the 50 MB. */
      if (heap_before > 0)
        g_assert_cmpuint (heap_in_use () - MIN (heap_before, heap_in_use ()), <, 8 * 1024 * 1024);
    }

  /* Too many columns, and a record too large, by smaller limits. */
  {
    g_autoptr(GString) wide = g_string_new ("a");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(CrmCsvReader) reader = NULL;
    g_autoptr(Table) t = NULL;

    for (int i = 0; i < 5000; i++)
      g_string_append (wide, ",a");
    bytes = g_bytes_new (wide->str, wide->len);
    reader = crm_csv_reader_new_for_bytes (bytes, NULL, NULL);
    t = read_reader (reader);
    assert_read_error (t, CRM_IO_ERROR_TOO_LARGE, "more than 1024 columns");
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("aaaa,bbbb,cccc,dddd\n", 20);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_bytes (bytes, NULL, NULL);
    CrmCsvLimits limits = { 0, 12, 0 };
    g_autoptr(Table) t = NULL;

    crm_csv_reader_set_limits (reader, &limits);
    t = read_reader (reader);
    assert_read_error (t, CRM_IO_ERROR_TOO_LARGE, "a record is longer than 12");
  }
}

static void
assert_refused (const char *data, gsize len, int code, const char *part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_bytes (bytes, "junk.csv", &error);

  if (reader != NULL)
    {
      g_autoptr(Table) t = read_reader (reader);
      g_assert_nonnull (t->error);
      error = g_error_copy (t->error);
    }
  g_test_message ("%s", error->message);
  g_assert_error (error, CRM_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_binary (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint8 *junk = g_malloc (64 * 1024);
  gsize len = 0;
  g_autofree char *utf16 = g_convert ("name,comment about the client\n1,2\n3,x", -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_autoptr(GString) with_nul = g_string_new ("\xff\xfe");

  for (gsize i = 0; i < 64 * 1024; i++)
    junk[i] = (guint8) g_rand_int_range (rand, 0, 256);
  assert_refused ((const char *) junk, 64 * 1024, CRM_IO_ERROR_ENCODING, "zero byte");
  assert_refused ("PK\x03\x04\x14\x00\x06\x00", 8, CRM_IO_ERROR_FORMAT, "save it as “CSV”");
  assert_refused ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", 10, CRM_IO_ERROR_FORMAT, "workbook");
  assert_refused ("name\n\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", 15, CRM_IO_ERROR_ENCODING,
                  "binary data");
  assert_refused ("a,b\n1,2\n3\x00,4\n", 13, CRM_IO_ERROR_ENCODING, "junk.csv, line 3, column 2:");
  assert_refused ("", 0, CRM_IO_ERROR_EMPTY, "empty");
  assert_refused ("\xef\xbb\xbf", 3, CRM_IO_ERROR_EMPTY, "empty");
  /* A zero character inside UTF-16 text: found while parsing, with its line. */
  g_string_append_len (with_nul, utf16, (gssize) len);
  g_string_append_len (with_nul, "\x00\x00", 2);
  assert_refused (with_nul->str, with_nul->len, CRM_IO_ERROR_ENCODING, "line 3, column 4");
}

static char *
write_rows (const char * const * const *rows, gsize n, char delimiter, CrmCsvWriteFlags flags,
            const CrmCsvCellKind *kinds, guint n_kinds)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CrmCsvWriter) writer = crm_csv_writer_new (stream, delimiter, flags);
  g_autoptr(GError) error = NULL;

  crm_csv_writer_set_column_kinds (writer, kinds, n_kinds);
  for (gsize i = 0; i < n; i++)
    g_assert_true (crm_csv_writer_write_row (writer, rows[i], -1, NULL, &error));
  g_assert_true (crm_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
test_writer (void)
{
  const CrmCsvCellKind kinds[] = { CRM_CSV_CELL_TEXT, CRM_CSV_CELL_NUMBER };
  const char * const *rows[] = {
    ROW ("text", "amount"),
    ROW ("=HYPERLINK(\"http://x\")", "-1500.00"),
    ROW ("+7 495 123-45-67", "=1+2"),
    ROW ("-5", "42"),
    ROW ("@SUM(A1)", "1e5"),
    ROW ("\tlead tab", ""),
    ROW ("a;b", "Ёлка 🎄"),
    ROW ("line\nbreak", " padded "),
  };
  g_autofree char *out = write_rows (rows, G_N_ELEMENTS (rows), ';', CRM_CSV_WRITE_BOM, kinds, 2);
  g_autofree char *lf = write_rows (rows, 1, ',', CRM_CSV_WRITE_LF, NULL, 0);

  g_assert_cmpstr (out, ==,
                   "\xef\xbb\xbf" "text;amount\r\n"
                   "\"'=HYPERLINK(\"\"http://x\"\")\";-1500.00\r\n"
                   "'+7 495 123-45-67;'=1+2\r\n"
                   "'-5;42\r\n"
                   "'@SUM(A1);1e5\r\n"
                   "\"'\tlead tab\";\r\n"
                   "\"a;b\";Ёлка 🎄\r\n"
                   "\"line\nbreak\";\" padded \"\r\n");
  g_assert_cmpstr (lf, ==, "text,amount\n");

  /* What was written reads back, the apostrophes included. */
  {
    g_autoptr(Table) t = read_table (out, -1);
    g_assert_no_error (t->error);
    g_assert_cmpuint (t->rows->len, ==, G_N_ELEMENTS (rows));
    assert_row (t, 1, 2, ROW ("'=HYPERLINK(\"http://x\")", "-1500.00"));
    assert_row (t, 5, 6, ROW ("'\tlead tab", ""));
    assert_row (t, 7, 8, ROW ("line\nbreak", " padded "));
  }
}

static CrmContact *
sample_contact (const char *name, CrmContactKind kind)
{
  CrmContact *c = crm_contact_new ();

  c->kind = kind;
  c->name = g_strdup (name);
  return c;
}

/* SalesCRM's own export, read back by its preset: the same clients. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = new_contacts ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CrmCsvWriter) writer = crm_csv_writer_new (stream, ';', CRM_CSV_WRITE_BOM);
  g_autoptr(GPtrArray) read = new_contacts ();
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autofree char *preset = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kinds = 0;
  const CrmCsvCellKind *kinds = crm_contact_csv_kinds (&n_kinds);
  CrmContact *c;

  c = sample_contact ("Петров Иван Иванович 😀", CRM_CONTACT_PERSON);
  c->company = g_strdup ("ООО \"Ромашка\"; филиал");
  crm_contact_add_phone (c, "+7 495 123-45-67", NULL);
  crm_contact_add_phone (c, "8 (916) 000-00-00", NULL);
  crm_contact_add_email (c, "ivan@example.ru", NULL);
  c->address = g_strdup ("ул. Ленина, 1");
  c->city = g_strdup ("Москва");
  c->source = g_strdup ("inbound_call");
  c->status = g_strdup ("regular");
  c->owner = g_strdup ("Анна Смирнова");
  crm_contact_add_tag (c, "vip");
  crm_contact_add_tag (c, "опт");
  c->notes = g_strdup ("=cmd|' /C calc'!A0\nвторая строка");
  g_ptr_array_add (contacts, c);
  c = sample_contact ("=HYPERLINK(\"http://evil\")", CRM_CONTACT_COMPANY);
  c->company = g_strdup ("=HYPERLINK(\"http://evil\")");
  crm_contact_add_email (c, "-info@evil.example", NULL);
  g_ptr_array_add (contacts, c);

  crm_csv_writer_set_column_kinds (writer, kinds, n_kinds);
  g_assert_true (crm_csv_writer_write_row (writer, crm_contact_csv_header (), -1, NULL, &error));
  for (guint i = 0; i < contacts->len; i++)
    {
      g_auto(GStrv) row = crm_contact_to_csv_row (contacts->pdata[i], i + 1, "2026-11-27");
      g_assert_true (crm_csv_writer_write_row (writer, (const char * const *) row, -1, NULL, &error));
    }
  g_assert_true (crm_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  reader = crm_csv_reader_new_for_bytes (bytes, "export.csv", &error);
  g_assert_no_error (error);
  g_assert_true (crm_import_csv (reader, NULL, read, problems, &preset, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (preset, ==, "SalesCRM client export");
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (read->len, ==, contacts->len);
  for (guint i = 0; i < contacts->len; i++)
    g_assert_true (crm_contact_equal (contacts->pdata[i], read->pdata[i]));
  g_assert_cmpuint (((CrmContact *) read->pdata[1])->line, ==, 4);   /* notes spanned two lines */
}

/* 100,000 rows read and mapped; the whole import has 3 s. */
static void
test_large_file (void)
{
  g_autoptr(GString) data = g_string_new ("Имя;Фамилия;Компания;Телефон;E-mail;Город;Статус;Источник;Теги;Комментарий\r\n");
  g_autoptr(GPtrArray) contacts = new_contacts ();
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  /* 100,000 rows with quoted newlines: every row read, mapped and numbered.
   * How fast is measured by benchmarks/ (bench-import), not asserted here. */
  for (int i = 0; i < 100000; i++)
    g_string_append_printf (data, "Иван%d;Петров;\"ООО \"\"Ромашка %d\"\"\";+7 495 %07d;ivan%d@example.ru;"
                            "Москва;Клиент;Сайт;vip, опт;\"Заметка\r\nвторая строка\"\r\n", i, i, i, i);
  bytes = g_bytes_new (data->str, data->len);
  reader = crm_csv_reader_new_for_bytes (bytes, NULL, &error);
  g_assert_true (crm_import_csv (reader, NULL, contacts, problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 100000);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (((CrmContact *) contacts->pdata[99999])->name, ==, "Петров Иван99999");
  g_assert_cmpuint (((CrmContact *) contacts->pdata[99999])->line, ==, 2 + 2 * 99999);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GLib decides at the first translated string whether to translate at
   * all, and under C.UTF-8 with no catalogue in use it decides not to: the
   * first one is looked up in Russian, as the application's would be. */
  crm_test_use_language ("ru");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Line %u"), ==, "Строка %u");
  crm_test_use_language (NULL);

  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/quoting-and-lines", test_quoting_and_lines);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/huge-line", test_huge_line);
  g_test_add_func ("/csv/binary", test_binary);
  g_test_add_func ("/csv/writer", test_writer);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/large-file", test_large_file);
  test_csv_add_import_tests ();
  return g_test_run ();
}
