/* test-import.c — files imported into the database: round trips, encodings
 * and separators end to end, duplicates, one transaction (a cancel or a
 * fatal error leaves every table as it was), hostile files
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <malloc.h>
#include <string.h>

#include "crm-client-store.h"
#include "crm-demo.h"
#include "crm-export-store.h"
#include "crm-manager-store.h"
#include "crm-test-db.h"
#include "crm-test-util.h"
#include "crm-text.h"
#include "test-import.h"

Db *
db_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  Db *d = g_new0 (Db, 1);

  d->path = crm_test_tmp_path (name);
  d->db = crm_database_new (d->path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  return d;
}

void
db_free (Db *d)
{
  g_clear_object (&d->db);
  g_free (d->path);
  g_free (d);
}

gint64
add_manager (Db *d, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(GError) error = NULL;

  m->name = g_strdup (name);
  g_assert_true (crm_manager_store_create (d->db, m, &error));
  return m->id;
}

CrmClient *
add_client (Db *d, const char *name, const char *phones, const char *emails)
{
  CrmClient *c = crm_client_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->phones = g_strdup (phones);
  c->emails = g_strdup (emails);
  g_assert_true (crm_client_store_create (d->db, c, &error));
  return c;
}

char *
write_file (const char *name, const char *data, gssize len)
{
  char *path = crm_test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

CrmImportResult *
import (Db *d, const char *path, CrmDuplicatePolicy policy, GError **error)
{
  CrmImportOptions options;

  crm_import_options_init (&options);
  options.duplicates = policy;
  return crm_import_file (d->db, path, CRM_IMPORT_FORMAT_UNKNOWN, &options, NULL, NULL, NULL, error);
}

/* A progress callback that cancels @cancellable at the first report. */
void
cancel_cb (double fraction, gpointer cancellable)
{
  if (fraction < 1.0)
    g_cancellable_cancel (cancellable);
}

/* The clients as a person sees them: every field but ids and times. */
char *
client_fields (Db *d)
{
  return crm_test_db_query (d->path,
    "SELECT c.kind, c.name, c.company, c.phones, c.emails, c.address, c.city, c.source, c.status,"
    " m.name, c.notes, (SELECT group_concat (name, ',') FROM (SELECT t.name FROM client_tag ct"
    "   JOIN tag t ON t.id = ct.tag_id WHERE ct.client_id = c.id ORDER BY t.name))"
    " FROM client c LEFT JOIN manager m ON m.id = c.owner_id ORDER BY c.name, c.phones");
}

/* A client of every kind of field, and values a spreadsheet would run. */
static void
fill_clients (Db *d)
{
  gint64 anna = add_manager (d, "Анна Петрова");
  gint64 john = add_manager (d, "John Smith");
  g_autoptr(GError) error = NULL;
  struct {
    CrmClientKind kind;
    const char *name, *company, *phones, *emails, *address, *city, *notes;
    CrmClientSource source;
    CrmClientStatus status;
    gint64 owner;
    const char *tags[3];
  } rows[] = {
    { CRM_CLIENT_PERSON, "Иван Петров", "ООО «Ромашка»", "+7 912 345-67-89\n8 (495) 111-22-33",
      "ivan@romashka.ru", "ул. Ленина, 1, кв. 5", "Москва", "Первая строка\nВторая, с запятой; и \"кавычками\"",
      CRM_SOURCE_REFERRAL, CRM_STATUS_CUSTOMER, anna, { "VIP", "опт", NULL } },
    { CRM_CLIENT_COMPANY, "=SUM(A1:A2)", NULL, NULL, "sum@example.com", NULL, NULL, "-5 минус",
      CRM_SOURCE_WEBSITE, CRM_STATUS_PROSPECT, john, { "+плюс", NULL } },
    { CRM_CLIENT_PERSON, "@handle", NULL, "+1 (555) 010-0000", NULL, NULL, "Boston", NULL,
      CRM_SOURCE_INBOUND_CALL, CRM_STATUS_LEAD, john, { NULL } },
    { CRM_CLIENT_PERSON, "Ольга Ёлкина", "Ёлки-палки", NULL, "olga@example.com\nolga.home@example.com",
      NULL, "Казань", NULL, CRM_SOURCE_OTHER, CRM_STATUS_LOST, 0, { NULL } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(CrmClient) c = crm_client_new ();

      c->kind = rows[i].kind;
      c->name = g_strdup (rows[i].name);
      c->company = g_strdup (rows[i].company);
      c->phones = g_strdup (rows[i].phones);
      c->emails = g_strdup (rows[i].emails);
      c->address = g_strdup (rows[i].address);
      c->city = g_strdup (rows[i].city);
      c->notes = g_strdup (rows[i].notes);
      c->source = rows[i].source;
      c->status = rows[i].status;
      c->owner_id = rows[i].owner;
      g_strfreev (c->tags);
      c->tags = g_strdupv ((char **) rows[i].tags);
      g_assert_true (crm_client_store_create (d->db, c, &error));
    }
}

/* Export, import into an empty database with the same team, same clients. */
static void
round_trip (CrmExportFormat format, const char *file_name)
{
  g_autoptr(Db) a = db_new ("a.db");
  g_autoptr(Db) b = db_new ("b.db");
  g_autofree char *path = crm_test_tmp_path (file_name);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CrmExportOptions options = { format, CRM_EXPORT_CLIENTS, FALSE, ',', NULL, 0 };
  guint64 n = 0;

  fill_clients (a);
  add_manager (b, "Анна Петрова");
  add_manager (b, "John Smith");
  g_assert_true (crm_export_store_to_file (a->db, path, &options, NULL, NULL, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 4);
  result = import (b, path, CRM_DUPLICATES_NEW, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("%s", ((CrmImportProblem *) result->problems->pdata[i])->message);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->counts.created, ==, 4);
  before = client_fields (a);
  after = client_fields (b);
  g_assert_cmpstr (after, ==, before);
}

static void
test_csv_round_trip (void)
{
  round_trip (CRM_EXPORT_FORMAT_CSV, "clients.csv");
}

static void
test_vcard_round_trip (void)
{
  round_trip (CRM_EXPORT_FORMAT_VCARD, "clients.vcf");
}

/* ---- a whole database --------------------------------------------------- */

static void
make_demo (Db *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmClient) gone = NULL;
  g_autoptr(CrmClient) odd = NULL;
  CrmDemoOptions options;

  crm_demo_options_init (&options);
  options.n_clients = 80;
  options.n_activities = 400;
  options.seed = 5;
  options.language = "ru";
  g_assert_true (crm_demo_generate (d->db, &options, NULL, NULL, NULL, &error));
  /* Text JSON must escape, and an id given out and taken back. */
  odd = add_client (d, "Tab\there \"quoted\" \\ back\x01slash 🙂", "+7 900 000-00-00", NULL);
  gone = add_client (d, "Удалённый", NULL, NULL);
  g_assert_true (crm_client_store_delete (d->db, gone->id, &error));
}

/* The rollups are sums kept by triggers: a row whose sums all went back to
 * zero says nothing, and a database built afresh does not have it. */
static char *
without_zero_rows (const char *dump, guint n_keys)
{
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) values = g_strsplit (lines[i], "|", -1);
      gboolean zero = TRUE;

      for (guint v = n_keys; values[v] != NULL; v++)
        zero &= g_str_equal (values[v], "0");
      if (!zero)
        g_string_append_printf (out, "%s\n", lines[i]);
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_tables (const char *a, const char *b)
{
  g_auto(GStrv) tables = crm_test_db_tables (a);
  g_auto(GStrv) other = crm_test_db_tables (b);

  g_assert_cmpstrv (tables, other);
  for (gsize i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *x = crm_test_db_dump_table (a, tables[i]);
      g_autofree char *y = crm_test_db_dump_table (b, tables[i]);

      g_test_message ("table %s", tables[i]);
      if (g_str_has_prefix (tables[i], "kpi_") && g_str_has_suffix (tables[i], "_day"))
        {
          guint keys = g_str_equal (tables[i], "kpi_payment_day") ? 3 : 2;
          g_autofree char *x2 = without_zero_rows (x, keys);
          g_autofree char *y2 = without_zero_rows (y, keys);
          g_assert_cmpstr (x2, ==, y2);
        }
      else
        g_assert_cmpstr (x, ==, y);
    }
  {
    g_autofree char *x = crm_test_db_dump_table (a, "sqlite_sequence");
    g_autofree char *y = crm_test_db_dump_table (b, "sqlite_sequence");
    g_assert_cmpstr (x, ==, y);
  }
}

static char *
json_without_date (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (gsize i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"exported_at\"") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

/* Export, import into an empty database: every table equal, row by row. */
static void
test_json_round_trip (void)
{
  g_autoptr(Db) a = db_new ("a.db");
  g_autoptr(Db) b = db_new ("b.db");
  g_autoptr(Db) c = db_new ("c.db");
  g_autofree char *path = crm_test_tmp_path ("all.json");
  g_autofree char *again = crm_test_tmp_path ("again.json");
  g_autofree char *pretty = crm_test_tmp_path ("pretty.json");
  g_autoptr(CrmImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CrmExportOptions options = { CRM_EXPORT_FORMAT_JSON, CRM_EXPORT_CLIENTS, FALSE, ',', NULL, 0 };
  guint64 n = 0;

  make_demo (a);
  g_assert_true (crm_export_store_to_file (a->db, path, &options, NULL, NULL, NULL, &n, &error));
  g_assert_cmpuint (n, >, 1000);
  result = import (b, path, CRM_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->restored.rows, ==, n);
  g_assert_cmpuint (result->restored.clients, ==, 81);
  g_assert_cmpuint (result->restored.managers, ==, 20);
  assert_same_tables (a->path, b->path);

  /* The copy exports as the original did. */
  g_assert_true (crm_export_store_to_file (b->db, again, &options, NULL, NULL, NULL, NULL, &error));
  {
    g_autofree char *x = json_without_date (path);
    g_autofree char *y = json_without_date (again);
    g_assert_cmpstr (x, ==, y);
  }

  /* Pretty-printed by another tool: read whole, the same database. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(CrmImportResult) again_result = NULL;

    g_assert_true (json_parser_load_from_file (parser, path, &error));
    json_generator_set_root (generator, json_parser_get_root (parser));
    json_generator_set_pretty (generator, TRUE);
    g_assert_true (json_generator_to_file (generator, pretty, &error));
    again_result = import (c, pretty, CRM_DUPLICATES_SKIP, &error);
    g_assert_no_error (error);
    assert_same_tables (a->path, c->path);
  }
}

/* Only into an empty database; a damaged file changes nothing. */
static void
test_json_refused (void)
{
  g_autoptr(Db) a = db_new ("a.db");
  g_autoptr(Db) empty = db_new ("empty.db");
  g_autofree char *path = crm_test_tmp_path ("all.json");
  g_autofree char *sum = NULL;
  g_autofree char *empty_sum = NULL;
  g_autofree char *text = NULL;
  CrmExportOptions options = { CRM_EXPORT_FORMAT_JSON, CRM_EXPORT_CLIENTS, FALSE, ',', NULL, 0 };
  gsize len = 0;

  fill_clients (a);
  g_assert_true (crm_export_store_to_file (a->db, path, &options, NULL, NULL, NULL, NULL, NULL));
  sum = crm_test_db_checksum (a->path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmImportResult) result = import (a, path, CRM_DUPLICATES_SKIP, &error);

    g_assert_null (result);
    g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "is not empty"));
    crm_test_db_assert_checksum (a->path, sum);
  }

  /* Cut in the middle of the clients; and a row with an unknown column. */
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  empty_sum = crm_test_db_checksum (empty->path);
  {
    g_autofree char *cut = write_file ("cut.json", text, (gssize) (strstr (text, "\"client\": [") - text + 200));
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmImportResult) result = import (empty, cut, CRM_DUPLICATES_SKIP, &error);

    g_assert_null (result);
    g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT);
    g_test_message ("%s", error->message);
    g_assert_true (g_str_has_prefix (error->message, "cut.json, line "));
    crm_test_db_assert_checksum (empty->path, empty_sum);
  }
  {
    g_autoptr(GString) changed = g_string_new (text);
    g_autofree char *bad = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmImportResult) result = NULL;

    g_string_replace (changed, "\"city\":", "\"town\":", 1);
    bad = write_file ("bad.json", changed->str, (gssize) changed->len);
    result = import (empty, bad, CRM_DUPLICATES_SKIP, &error);
    g_assert_null (result);
    g_assert_nonnull (strstr (error->message, "has no column “town”"));
    crm_test_db_assert_checksum (empty->path, empty_sum);
  }
}

/* ---- CSV end to end ----------------------------------------------------- */

static const char sample[] =
  "Имя%cТелефон%cГород%cПримечание\n"
  "Пётр Ёлкин%c+7 900 000-00-01%cМосква%c\"две\nстроки\"\n"
  "Анна Щукина%c8 (900) 000-00-02%cСанкт-Петербург, Россия%c\n";

/* Each encoding and separator, through the whole import. */
static void
test_encodings_and_separators (void)
{
  static const struct { const char *encoding; const char *bom; gsize bom_len; } encodings[] = {
    { "UTF-8", "", 0 }, { "UTF-8", "\xef\xbb\xbf", 3 }, { "UTF-16LE", "\xff\xfe", 2 },
    { "UTF-16BE", "\xfe\xff", 2 }, { "UTF-32LE", "\xff\xfe\x00\x00", 4 },
    { "UTF-32BE", "\x00\x00\xfe\xff", 4 }, { "WINDOWS-1251", "", 0 },
  };
  static const char separators[] = { ',', ';', '\t' };

  for (gsize e = 0; e < G_N_ELEMENTS (encodings); e++)
    for (gsize s = 0; s < G_N_ELEMENTS (separators); s++)
      {
        char d = separators[s];
        g_autofree char *text = g_strdup_printf (sample, d, d, d, d, d, d, d, d, d);
        g_autoptr(GString) data = g_string_new_len (encodings[e].bom, (gssize) encodings[e].bom_len);
        g_autofree char *converted = NULL;
        g_autofree char *path = NULL;
        g_autofree char *fields = NULL;
        g_autoptr(Db) db = db_new ("enc.db");
        g_autoptr(CrmImportResult) result = NULL;
        g_autoptr(GError) error = NULL;
        gsize len = 0;

        g_test_message ("%s, BOM of %zu bytes, separator %d", encodings[e].encoding, encodings[e].bom_len, d);
        if (d == ',')
          {
            /* The city with a comma is quoted in a comma file. */
            g_free (text);
            text = g_strdup ("Имя,Телефон,Город,Примечание\n"
                             "Пётр Ёлкин,+7 900 000-00-01,Москва,\"две\nстроки\"\n"
                             "Анна Щукина,8 (900) 000-00-02,\"Санкт-Петербург, Россия\",\n");
          }
        converted = g_convert (text, -1, encodings[e].encoding, "UTF-8", NULL, &len, &error);
        g_assert_no_error (error);
        g_string_append_len (data, converted, (gssize) len);
        path = write_file ("clients.csv", data->str, (gssize) data->len);
        result = import (db, path, CRM_DUPLICATES_SKIP, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (result->encoding, ==, encodings[e].encoding);
        g_assert_cmpint (result->delimiter, ==, d);
        g_assert_cmpuint (result->counts.created, ==, 2);
        fields = crm_test_db_query (db->path, "SELECT name, phones, city, notes FROM client ORDER BY id");
        g_assert_cmpstr (fields, ==, "'Пётр Ёлкин'|'+7 900 000-00-01'|'Москва'|'две\nстроки'\n"
                                     "'Анна Щукина'|'8 (900) 000-00-02'|'Санкт-Петербург, Россия'|''\n");
        g_clear_object (&db->db);
        g_unlink (db->path);
      }
}

/* A record over several lines: the problems after it name the right line. */
static void
test_quoted_newlines (void)
{
  g_autoptr(Db) db = db_new ("lines.db");
  g_autofree char *path = write_file ("lines.csv",
    "name,notes,email\r\n"
    "\"Ирина\r\nСергеевна\",\"a\r\nb\r\nc\",irina@example.com\r\n"
    ",\"only notes\",\r\n"
    "Олег,,not-an-address\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = import (db, path, CRM_DUPLICATES_SKIP, &error);
  const CrmImportProblem *p;

  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.created, ==, 2);
  g_assert_cmpuint (result->counts.rejected, ==, 1);
  g_assert_cmpuint (result->counts.warnings, ==, 1);
  g_assert_cmpuint (result->problems->len, ==, 2);
  p = result->problems->pdata[0];
  g_assert_cmpint (p->severity, ==, CRM_IMPORT_PROBLEM_ERROR);
  g_assert_cmpuint (p->line, ==, 6);
  p = result->problems->pdata[1];
  g_assert_cmpint (p->severity, ==, CRM_IMPORT_PROBLEM_WARNING);
  g_assert_cmpuint (p->line, ==, 7);
  g_assert_cmpuint (p->column, ==, 3);
  g_assert_cmpint (crm_test_db_count (db->path, "SELECT count(*) FROM client WHERE name = 'Ирина Сергеевна'"
                                                " AND notes = 'a' || char(10) || 'b' || char(10) || 'c'"), ==, 1);
}

/* Files that cannot be read to the end are refused whole, with where and
 * why, and the database stays exactly as it was. */
static void
test_refused_files (void)
{
  g_autoptr(Db) db = db_new ("refused.db");
  g_autoptr(CrmClient) x = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(GString) many = g_string_new ("name,phone\n");
  static const struct { const char *name; const char *text; gsize len; CrmIoError code; const char *message; } cases[] = {
    { "open.csv", "name,note\nA,1\nB,\"open\nC,3\n", 0, CRM_IO_ERROR_FORMAT, "line 3, column 3" },
    { "nul.csv", "a,b\n1,2\n3\x00,4\n", 13, CRM_IO_ERROR_ENCODING, "line 3, column 2" },
    { "empty.csv", "", 0, CRM_IO_ERROR_EMPTY, "empty" },
    { "header.csv", "name,phone\n", 0, CRM_IO_ERROR_EMPTY, "no clients" },
    { "zip.csv", "PK\x03\x04\x14\x00\x06\x00", 8, CRM_IO_ERROR_FORMAT, "CSV" },
    { "deals.csv", "Opportunity Name,Stage Name,Close Date,Amount\nBig deal,Won,2026-01-01,100\n", 0,
      CRM_IO_ERROR_FORMAT, "deals" },
  };

  x = add_client (db, "Уже есть", "+7 900 123-45-67", "here@example.com");
  sum = crm_test_db_checksum (db->path);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (cases[i].name, cases[i].text,
                                          cases[i].len > 0 ? (gssize) cases[i].len : -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmImportResult) result = import (db, path, CRM_DUPLICATES_UPDATE, &error);

      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "imported");
      g_assert_null (result);
      g_assert_error (error, CRM_IO_ERROR, (gint) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      crm_test_db_assert_checksum (db->path, sum);
    }

  /* Three thousand good rows first, then junk: still nothing. */
  for (int i = 0; i < 3000; i++)
    g_string_append_printf (many, "Клиент %d,+7 901 %07d\n", i, i);
  g_string_append (many, "Плохой");
  g_string_append_len (many, "\0,1\n", 4);
  {
    g_autofree char *path = write_file ("junk-at-end.csv", many->str, (gssize) many->len);
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmImportResult) result = import (db, path, CRM_DUPLICATES_UPDATE, &error);

    g_assert_null (result);
    g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "line 3002"));
    crm_test_db_assert_checksum (db->path, sum);
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

/* 50 MB on one line, and random bytes: refused, memory bounded. */
static void
test_huge_line_and_binary (void)
{
  g_autoptr(Db) db = db_new ("huge.db");
  g_autofree char *path = crm_test_tmp_path ("huge.csv");
  g_autofree char *junk_path = NULL;
  g_autofree char *chunk = g_malloc (1024 * 1024);
  g_autofree char *sum = crm_test_db_checksum (db->path);
  g_autofree guint8 *junk = g_malloc (256 * 1024);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  FILE *f = g_fopen (path, "wb");

  memset (chunk, 'x', 1024 * 1024);
  fputs ("name,note\nA,", f);
  for (int i = 0; i < 50; i++)
    g_assert_cmpuint (fwrite (chunk, 1, 1024 * 1024, f), ==, 1024 * 1024);
  fclose (f);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmImportResult) result = NULL;
    gsize before = heap_in_use ();

    result = import (db, path, CRM_DUPLICATES_SKIP, &error);
    g_assert_null (result);
    g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "huge.csv, line 2, column "));
    if (before > 0)
      g_assert_cmpuint (heap_in_use () - MIN (before, heap_in_use ()), <, 8 * 1024 * 1024);
    crm_test_db_assert_checksum (db->path, sum);
  }

  for (gsize i = 0; i < 256 * 1024; i++)
    junk[i] = (guint8) g_rand_int_range (rand, 0, 256);
  junk_path = write_file ("junk.vcf", (const char *) junk, 256 * 1024);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmImportResult) result = import (db, junk_path, CRM_DUPLICATES_SKIP, &error);

    /* A vCard reader that finds no card says so, file-wide or per line. */
    if (result != NULL)
      {
        g_assert_cmpuint (result->counts.created, ==, 0);
        g_assert_cmpuint (result->problems->len, >, 0);
      }
    else
      g_test_message ("%s", error->message);
    crm_test_db_assert_checksum (db->path, sum);
  }
  g_unlink (path);
}

void test_import_add_duplicate_tests (void);
void test_import_add_search_tests (void);

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/import/vcard-round-trip", test_vcard_round_trip);
  g_test_add_func ("/import/json-round-trip", test_json_round_trip);
  g_test_add_func ("/import/json-refused", test_json_refused);
  g_test_add_func ("/import/encodings-and-separators", test_encodings_and_separators);
  g_test_add_func ("/import/quoted-newlines", test_quoted_newlines);
  g_test_add_func ("/import/refused-files", test_refused_files);
  g_test_add_func ("/import/huge-line-and-binary", test_huge_line_and_binary);
  test_import_add_duplicate_tests ();
  test_import_add_search_tests ();
  return g_test_run ();
}
