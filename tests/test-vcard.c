/* test-vcard.c — vCard 2.1, 3.0 and 4.0 read, vCard 4.0 written
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-contact.h"
#include "crm-test-util.h"
#include "crm-text.h"
#include "crm-vcard.h"
#include "test-io.h"

/* Every card of @data; the reader must accept the file itself. */
static GPtrArray *
read_cards (const char *data, gssize len, GPtrArray *problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new_for_bytes (bytes, "test.vcf", &error);
  GPtrArray *contacts = new_contacts ();
  CrmContact *contact;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  while ((contact = crm_vcard_reader_next (reader, problems)) != NULL)
    g_ptr_array_add (contacts, contact);
  g_assert_cmpfloat (crm_vcard_reader_get_progress (reader), ==, 1.0);
  return contacts;
}

static void
assert_problem (GPtrArray *problems, guint i, CrmImportSeverity severity, guint line, const char *part)
{
  const CrmImportProblem *p;

  g_assert_cmpuint (i, <, problems->len);
  p = problems->pdata[i];
  g_test_message ("problem %u: line %u: %s", i, p->line, p->message);
  g_assert_cmpint (p->severity, ==, severity);
  g_assert_cmpuint (p->line, ==, line);
  g_assert_nonnull (strstr (p->message, part));
}

/* vCard 2.1 as phones write it: quoted-printable with soft line breaks, bare
 * parameters, a LABEL instead of an ADR. */
static void
test_quoted_printable (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GPtrArray) c = read_cards (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2;=D0=98=D0=B2=D0=B0=D0=BD;;;\r\n"
    "FN;CHARSET=UTF-8;QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD =D0=9F=D0=B5=D1=\r\n"
    "=82=D1=80=D0=BE=D0=B2\r\n"
    "TEL;WORK;VOICE:+7 495 000-00-01\r\n"
    "TEL;CELL:+7 916 000-00-02\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond line with a soft=\r\n"
    " break and =3D sign=\r\n"
    "=0D=0AThird\r\n"
    "LABEL;QUOTED-PRINTABLE;WORK:Office 5=0D=0AMain St. 1=0D=0AMoscow\r\n"
    "END:VCARD\r\n", -1, problems);
  CrmContact *ivan = c->pdata[0];

  g_assert_cmpuint (c->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (ivan->name, ==, "Иван Петров");
  g_assert_cmpuint (ivan->line, ==, 1);
  assert_value (ivan->phones, 0, "+7 495 000-00-01", "work");
  assert_value (ivan->phones, 1, "+7 916 000-00-02", "mobile");
  g_assert_cmpstr (ivan->notes, ==, "First line\nSecond line with a soft break and = sign\nThird");
  g_assert_cmpstr (ivan->address, ==, "Office 5, Main St. 1, Moscow");
}

/* Windows-1251 from an old phone: quoted-printable and raw 8-bit values,
 * with and without a CHARSET parameter. */
static void
test_charset_1251 (void)
{
  g_autofree char *path = g_build_filename (crm_test_source_root (), "tests", "data", "io",
                                            "phone-1251.vcf", NULL);
  g_autoptr(GPtrArray) contacts = new_contacts ();
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  CrmContact *p;

  g_assert_true (crm_vcard_read_file (path, contacts, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  p = contacts->pdata[0];
  g_assert_cmpstr (p->name, ==, "Пётр Сидоров");
  g_assert_cmpstr (p->company, ==, "ЗАО «Вектор»");
  g_assert_cmpstr (p->notes, ==, "Любит звонки по утрам");
  g_assert_cmpstr (p->address, ==, "ул. Ленина, 1, 170000, Россия");
  g_assert_cmpstr (p->city, ==, "Тверь");
  assert_value (p->phones, 0, "+79161234567", "mobile");
  assert_value (p->phones, 1, "+74951234567", "work");

  /* One value in Windows-1251 inside a UTF-8 file; a character set no one
   * knows is reported and read as the file's. */
  {
    g_autoptr(GPtrArray) more = new_problems ();
    g_autoptr(GPtrArray) c = read_cards (
      "BEGIN:VCARD\nVERSION:2.1\nFN:Ёлкин\n"
      "NOTE;CHARSET=WINDOWS-1251;ENCODING=QUOTED-PRINTABLE:=CF=F0=E8=E2=E5=F2\n"
      "ORG;CHARSET=X-NO-SUCH-CHARSET-42;ENCODING=QUOTED-PRINTABLE:Acme\nEND:VCARD\n", -1, more);
    CrmContact *e = c->pdata[0];

    g_assert_cmpstr (e->name, ==, "Ёлкин");
    g_assert_cmpstr (e->notes, ==, "Привет");
    g_assert_cmpstr (e->company, ==, "Acme");
    g_assert_cmpuint (more->len, ==, 1);
    assert_problem (more, 0, CRM_IMPORT_PROBLEM_WARNING, 5, "ORG: the character set “X-NO-SUCH-CHARSET-42” is unknown");
  }
}

/* Folded lines — inside a value, inside the parameters, between the two
 * bytes of a Cyrillic letter — with every kind of line end. */
static void
test_folding (void)
{
  static const char card[] =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Long name that is fol\r\n"
    " ded here\r\n"
    "NOTE:К\xd0\r\n"
    "\t\xb8риллица\r\n"
    "TEL;TYPE=\"work,\r\n"
    " voice\":123\r\n"
    "END:VCARD\r\n";
  const char *line_ends[] = { "\r\n", "\n", "\r", "\r\r\n" };

  for (gsize i = 0; i < G_N_ELEMENTS (line_ends); i++)
    {
      g_auto(GStrv) lines = g_strsplit (card, "\r\n", -1);
      g_autofree char *text = g_strjoinv (line_ends[i], lines);
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(GPtrArray) c = read_cards (text, -1, problems);
      CrmContact *x = c->pdata[0];

      g_test_message ("line ends %zu", i);
      g_assert_cmpuint (c->len, ==, 1);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpstr (x->name, ==, "Long name that is folded here");
      g_assert_cmpstr (x->notes, ==, "Кириллица");
      assert_value (x->phones, 0, "123", "work");
    }
}

/* Several phones and e-mails, their types, Apple's group labels. */
static void
test_several_values (void)
{
  g_autoptr(GPtrArray) c = read_cards (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Анна Смирнова\n"
    "TEL;TYPE=CELL:+7 1\n"
    "TEL;type=HOME;type=FAX:+7 2\n"
    "item1.TEL:+7 3\n"
    "item1.X-ABLabel:_$!<Mobile>!$_\n"
    "ITEM2.X-ABLABEL:Дача\n"
    "item2.TEL:+7 4\n"
    "EMAIL;TYPE=INTERNET,WORK:anna@work.example\n"
    "EMAIL;TYPE=INTERNET;TYPE=HOME:anna@home.example\n"
    "EMAIL:plain@example.com\n"
    "TEL;VALUE=uri;TYPE=\"voice,work\":tel:+7-495-000-00-00\n"
    "CATEGORIES:VIP,Опт\n"
    "CATEGORIES:Опт,Новые\n"
    "END:VCARD\n", -1, NULL);
  CrmContact *anna = c->pdata[0];

  g_assert_cmpuint (anna->phones->len, ==, 5);
  assert_value (anna->phones, 0, "+7 1", "mobile");
  assert_value (anna->phones, 1, "+7 2", "fax");
  assert_value (anna->phones, 2, "+7 3", "mobile");
  assert_value (anna->phones, 3, "+7 4", "Дача");
  assert_value (anna->phones, 4, "+7-495-000-00-00", "work");
  g_assert_cmpuint (anna->emails->len, ==, 3);
  assert_value (anna->emails, 0, "anna@work.example", "work");
  assert_value (anna->emails, 1, "anna@home.example", "home");
  assert_value (anna->emails, 2, "plain@example.com", NULL);
  g_assert_cmpuint (anna->tags->len, ==, 3);
  g_assert_cmpstr (anna->tags->pdata[2], ==, "Новые");
  /* A label from a file is never interned: interned strings live for ever,
   * and a file with a million labels would keep them all (a fuzzer's
   * finding). */
  g_assert_cmpuint (g_quark_try_string ("Дача"), ==, 0);
}

/* Photos, logos, sounds and keys are skipped as they are read, whatever
 * their size and however they are folded. */
static void
test_binary_skipped (void)
{
  g_autoptr(GString) big = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\n"
                                         "PHOTO;ENCODING=b;TYPE=JPEG:");
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GPtrArray) c = NULL;
  gint64 start;

  /* 8 MB of base64, more than any value may hold, folded every 74 octets. */
  for (int i = 0; i < 110000; i++)
    g_string_append (big, "\r\n /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAIBAQEBAQIBAQECAgICAgQDAgICAgUEBAMEBgUGBgYF");
  g_string_append (big, "\r\nTEL:1\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Block\r\n"
                        "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
                        "    /9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
                        "    2wBDAAIBAQEBAQIBAQECAgICAgQ=\r\n"
                        "\r\n"
                        "TEL;WORK:2\r\n"
                        "LOGO;BASE64:\r\n"
                        "/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
                        "2wBDAAIBAQEBAQIBAQECAgICAgQ=\r\n"
                        "\r\n"
                        "EMAIL:block@example.com\r\n"
                        "SOUND;TYPE=BASIC;ENCODING=b:VGhlcmUgaXMgbm8gc291bmQ=\r\n"
                        "KEY;X509;ENCODING=BASE64:\r\n"
                        " MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcNAQEEBQAwdzELMAkGA1UEBhMCVVMx\r\n"
                        "\r\n"
                        "NOTE:after the key\r\n"
                        "END:VCARD\r\n");
  start = g_get_monotonic_time ();
  c = read_cards (big->str, (gssize) big->len, problems);
  g_test_message ("%.1f MB of photo skipped in %.3f s", big->len / 1e6,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (c->len, ==, 2);
  g_assert_cmpstr (((CrmContact *) c->pdata[0])->name, ==, "Big Photo");
  assert_value (((CrmContact *) c->pdata[0])->phones, 0, "1", NULL);
  assert_value (((CrmContact *) c->pdata[1])->phones, 0, "2", "work");
  assert_value (((CrmContact *) c->pdata[1])->emails, 0, "block@example.com", NULL);
  g_assert_cmpstr (((CrmContact *) c->pdata[1])->notes, ==, "after the key");

  /* A value that is no photo but as long is refused, and the card kept. */
  {
    g_autoptr(GString) note = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:Long Note\nNOTE:x");
    g_autoptr(GPtrArray) more = new_problems ();
    g_autoptr(GPtrArray) n = NULL;

    for (int i = 0; i < 20000; i++)
      g_string_append (note, "\n 0123456789012345678901234567890123456789012345678901234567890123456789");
    g_string_append (note, "\nEMAIL:long@example.com\nEND:VCARD\n");
    n = read_cards (note->str, (gssize) note->len, more);
    g_assert_cmpuint (n->len, ==, 1);
    g_assert_null (((CrmContact *) n->pdata[0])->notes);
    assert_value (((CrmContact *) n->pdata[0])->emails, 0, "long@example.com", NULL);
    assert_problem (more, 0, CRM_IMPORT_PROBLEM_WARNING, 4, "The value of NOTE is longer than 1 MiB");
  }

  /* The same on one line, and a line of junk as long: neither is kept. */
  {
    g_autoptr(GString) line = g_string_new ("BEGIN:VCARD\nFN:One Line\nNOTE:");
    g_autoptr(GPtrArray) more = new_problems ();
    g_autoptr(GPtrArray) n = NULL;

    for (int i = 0; i < 3 * 1024 * 1024 / 16; i++)
      g_string_append (line, "0123456789abcdef");
    g_string_append (line, "\nEND:VCARD\n");
    for (int i = 0; i < 3 * 1024 * 1024 / 16; i++)
      g_string_append (line, "junk_without_colon");
    g_string_append (line, "\n");
    n = read_cards (line->str, (gssize) line->len, more);
    g_assert_cmpuint (n->len, ==, 1);
    g_assert_null (((CrmContact *) n->pdata[0])->notes);
    g_assert_cmpuint (more->len, ==, 2);
    assert_problem (more, 0, CRM_IMPORT_PROBLEM_WARNING, 3, "The value of NOTE is longer than 1 MiB");
    assert_problem (more, 1, CRM_IMPORT_PROBLEM_ERROR, 5, "“junk_without_colonjunk_without_colonjunk…” is outside any card");
  }
}

static const char malformed[] =
  "VERSION:3.0\n"          /* 1: outside any card */
  "FN:Orphan\n"
  "END:VCARD\n"
  "BEGIN:VCARD\n"          /* 4 */
  "VERSION:3.0\n"
  "FN:Good One\n"
  "END:VCARD\n"
  "BEGIN:VCARD\n"          /* 8: no END */
  "FN:No End\n"
  "BEGIN:VCARD\n"          /* 10 */
  "FN:Second Good\n"
  "END:VCARD\n"
  "BEGIN:VCARD\n"          /* 13: names nobody */
  "VERSION:4.0\n"
  "ADR:;;street;;;;\n"
  "END:VCARD\n"
  "garbage without a colon\n"   /* 17 */
  "BEGIN:VCARD\n"          /* 18: cut short */
  "FN:Cut short\n";

/* Broken cards are reported with their line; the good ones are kept. */
static void
test_malformed (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GPtrArray) c = read_cards (malformed, -1, problems);

  g_assert_cmpuint (c->len, ==, 2);
  g_assert_cmpstr (((CrmContact *) c->pdata[0])->name, ==, "Good One");
  g_assert_cmpuint (((CrmContact *) c->pdata[0])->line, ==, 4);
  g_assert_cmpstr (((CrmContact *) c->pdata[1])->name, ==, "Second Good");
  g_assert_cmpuint (problems->len, ==, 5);
  assert_problem (problems, 0, CRM_IMPORT_PROBLEM_ERROR, 1, "“VERSION:3.0” is outside any card: BEGIN:VCARD is missing");
  assert_problem (problems, 1, CRM_IMPORT_PROBLEM_ERROR, 8, "no END:VCARD before the next BEGIN:VCARD");
  assert_problem (problems, 2, CRM_IMPORT_PROBLEM_ERROR, 13, "no name, company, phone or e-mail");
  assert_problem (problems, 3, CRM_IMPORT_PROBLEM_ERROR, 17, "“garbage without a colon” is outside any card");
  assert_problem (problems, 4, CRM_IMPORT_PROBLEM_ERROR, 18, "the file ends inside it");

  /* A 2.1 AGENT holds a whole card: it is part of its owner, not a client. */
  {
    g_autoptr(GPtrArray) a = read_cards ("BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:\nBEGIN:VCARD\n"
                                         "VERSION:2.1\nFN:Assistant\nEND:VCARD\nTEL:1\nEND:VCARD\n",
                                         -1, NULL);
    g_assert_cmpuint (a->len, ==, 1);
    g_assert_cmpstr (((CrmContact *) a->pdata[0])->name, ==, "Boss");
    assert_value (((CrmContact *) a->pdata[0])->phones, 0, "1", NULL);
  }
}

/* Every prefix of a file, and random damage to it: no crash, no hang. */
static void
test_damaged (void)
{
  g_autoptr(GString) sample = g_string_new (malformed);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  g_string_append (sample, "\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\n"
                           "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F;=D0=\n=98=\n"
                           "PHOTO;ENCODING=BASE64:\n /9j/4AAQ\n\nTEL;\"CELL:1\nitem1.EMAIL:a@b\n"
                           "item1.X-ABLabel:x\nNOTE:\\\nEND:VCARD\n");
  for (gsize len = 1; len <= sample->len; len++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sample->str, len);
      g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new_for_bytes (bytes, NULL, NULL);
      g_autoptr(GPtrArray) problems = new_problems ();
      CrmContact *contact;
      guint n = 0;

      while (reader != NULL && (contact = crm_vcard_reader_next (reader, problems)) != NULL)
        {
          g_assert_nonnull (contact->name);
          crm_contact_free (contact);
          g_assert_cmpuint (++n, <=, 4);
        }
    }
  for (int round = 0; round < 2000; round++)
    {
      g_autoptr(GString) copy = g_string_new_len (sample->str, (gssize) sample->len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(CrmVcardReader) reader = NULL;
      g_autoptr(GPtrArray) problems = new_problems ();
      CrmContact *contact;

      for (int k = 0; k < 8; k++)
        copy->str[g_rand_int_range (rand, 0, (gint32) copy->len)] = (char) g_rand_int_range (rand, 1, 256);
      bytes = g_bytes_new (copy->str, copy->len);
      reader = crm_vcard_reader_new_for_bytes (bytes, NULL, NULL);
      while (reader != NULL && (contact = crm_vcard_reader_next (reader, problems)) != NULL)
        {
          g_assert_true (g_utf8_validate (contact->name, -1, NULL));
          crm_contact_free (contact);
        }
    }
}

static void
test_escapes_and_names (void)
{
  g_autoptr(GPtrArray) c = read_cards (
    "BEGIN:VCARD\nVERSION:3.0\n"
    "N:Public;John;Quinlan\\, Jr;Mr.;Esq.\n"
    "NOTE:a\\,b\\;c\\\\d\\ne\\Nf\n"
    "ADR;TYPE=work:;;Line 1\\nLine 2\\, building;Springfield;;;\n"
    "ORG:Acme\\; Sons;Sales\n"
    "END:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nN:Петров;Иван;Иванович;;\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nORG:Вектор\nEND:VCARD\n", -1, NULL);
  CrmContact *john = c->pdata[0], *ivan = c->pdata[1], *vector = c->pdata[2];

  g_assert_cmpstr (john->name, ==, "John Quinlan Jr Public");
  g_assert_cmpstr (john->notes, ==, "a,b;c\\d\ne\nf");
  g_assert_cmpstr (john->address, ==, "Line 1, Line 2, building");
  g_assert_cmpstr (john->city, ==, "Springfield");
  g_assert_cmpstr (john->company, ==, "Acme; Sons");
  g_assert_cmpstr (ivan->name, ==, "Петров Иван Иванович");
  g_assert_cmpstr (vector->name, ==, "Вектор");
  g_assert_cmpint (vector->kind, ==, CRM_CONTACT_COMPANY);
}

static void
assert_refused (const char *data, gsize len, int code, const char *part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new_for_bytes (bytes, "x.vcf", &error);

  g_assert_null (reader);
  g_test_message ("%s", error->message);
  g_assert_error (error, CRM_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_files (void)
{
  gsize len = 0;
  g_autofree char *utf16 = g_convert ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Юникод 😀\r\nEND:VCARD\r\n", -1,
                                      "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_autoptr(GString) with_bom = g_string_new_len ("\xff\xfe", 2);
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmVcardReader) missing = crm_vcard_reader_new_for_path ("/nonexistent/x.vcf", &error);

  g_assert_null (missing);
  g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FAILED);
  assert_refused ("", 0, CRM_IO_ERROR_EMPTY, "x.vcf: the file is empty");
  assert_refused ("BEGIN:VCARD\n\0\1\2", 15, CRM_IO_ERROR_ENCODING, "binary data");
  assert_refused ("Name,Phone\nIvan,1\n", 18, CRM_IO_ERROR_FORMAT, "not a vCard file");

  g_string_append_len (with_bom, utf16, (gssize) len);
  c = read_cards (with_bom->str, (gssize) with_bom->len, NULL);
  g_assert_cmpstr (((CrmContact *) c->pdata[0])->name, ==, "Юникод 😀");
}

static CrmContact *
full_contact (void)
{
  CrmContact *c = crm_contact_new ();

  c->name = g_strdup ("Константин Константинопольский-Водкин 😀🎉 очень длинное имя, чтобы строка "
                      "заведомо не поместилась в семьдесят пять октетов");
  c->company = g_strdup ("ООО «Рога; Копыта, и Ко» \\ филиал");
  crm_contact_add_phone (c, "+7 916 000-00-01", "mobile");
  crm_contact_add_phone (c, "+7 495 000-00-02", "work");
  crm_contact_add_phone (c, "+7 495 000-00-03", "Дача");
  crm_contact_add_phone (c, "+7 495 000-00-04", NULL);
  crm_contact_add_phone (c, "+7 495 000-00-05", "main");
  crm_contact_add_email (c, "k@example.ru", "work");
  crm_contact_add_email (c, "kostya@example.com", NULL);
  c->address = g_strdup ("ул. Ленина, д. 1; корп. 2");
  c->city = g_strdup ("Санкт-Петербург");
  c->notes = g_strdup ("Первая строка\nвторая; с запятой, и \\ обратной чертой\n🎉");
  crm_contact_add_tag (c, "VIP");
  crm_contact_add_tag (c, "Опт");
  c->uid = g_strdup ("urn:uuid:3df403f4-5924-4bb7-b077-3c711d9eb34b");
  c->status = g_strdup ("regular");
  c->source = g_strdup ("referral");
  c->owner = g_strdup ("Анна Смирнова");
  return c;
}

static void
test_write (void)
{
  g_autoptr(CrmContact) c = full_contact ();
  g_autoptr(CrmContact) company = crm_contact_new ();
  g_autofree char *text = crm_vcard_write (c);
  g_autofree char *org = NULL;
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) parts = NULL;
  guint folded = 0;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:"));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));   /* no letter cut in two */
      g_assert_null (strchr (lines[i], '\n'));
      folded += lines[i][0] == ' ';
    }
  g_assert_cmpuint (folded, >, 2);
  parts = g_strsplit (text, "\r\n ", -1);
  unfolded = g_strjoinv ("", parts);
  g_assert_nonnull (strstr (unfolded, "\r\nN:Константин;Константинопольский-Водкин;😀🎉 очень длинное"));
  g_assert_nonnull (strstr (unfolded, "\r\nORG:ООО «Рога\\; Копыта\\, и Ко» \\\\ филиал\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;TYPE=cell:+7 916 000-00-01\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;TYPE=work:+7 495 000-00-02\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;TYPE=\"x-Дача\":+7 495 000-00-03\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL:+7 495 000-00-04\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nEMAIL;TYPE=work:k@example.ru\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nADR:;;ул. Ленина\\, д. 1\\; корп. 2;Санкт-Петербург;;;\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nNOTE:Первая строка\\nвторая\\; с запятой\\, и \\\\ обратной чертой\\n🎉\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nCATEGORIES:VIP,Опт\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nUID:urn:uuid:3df403f4-5924-4bb7-b077-3c711d9eb34b\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-SALESCRM-STATUS:regular\r\n"));
  g_assert_null (strstr (text, "KIND:"));

  /* A company: KIND:org and no N. */
  company->kind = CRM_CONTACT_COMPANY;
  company->name = g_strdup ("Вектор");
  company->company = g_strdup ("Вектор");
  org = crm_vcard_write (company);
  g_assert_cmpstr (org, ==, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Вектор\r\nORG:Вектор\r\n"
                            "END:VCARD\r\n");
}

/* What SalesCRM writes it reads back as it was: Cyrillic, emoji, escapes. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) originals = new_contacts ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GPtrArray) read = NULL;
  CrmContact *c;

  g_ptr_array_add (originals, full_contact ());
  c = crm_contact_new ();
  c->kind = CRM_CONTACT_COMPANY;
  c->name = g_strdup ("Вектор 🚀");
  c->company = g_strdup ("Вектор 🚀");
  crm_contact_add_phone (c, "8 800 000-00-00", "fax");
  crm_contact_add_phone (c, "8 800 000-00-01", "pager");
  crm_contact_add_phone (c, "8 800 000-00-02", "other");
  c->city = g_strdup ("Казань");
  g_ptr_array_add (originals, c);
  c = crm_contact_new ();
  c->name = g_strdup ("John Quincy Public");
  crm_contact_add_email (c, "john@example.com", "home");
  g_ptr_array_add (originals, c);

  for (guint i = 0; i < originals->len; i++)
    crm_vcard_append (out, originals->pdata[i]);
  read = read_cards (out->str, (gssize) out->len, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (read->len, ==, originals->len);
  for (guint i = 0; i < originals->len; i++)
    {
      g_autofree char *again = crm_vcard_write (read->pdata[i]);
      g_autofree char *first = crm_vcard_write (originals->pdata[i]);

      g_assert_cmpstr (again, ==, first);
      g_assert_true (crm_contact_equal (originals->pdata[i], read->pdata[i]));
    }
}

typedef struct {
  const char *file;
  guint       contacts;
  guint       errors;      /* cards reported and skipped */
  const char *first_name;
  guint       first_phones;
} RealVcf;

static const RealVcf real_vcf[] = {
  { "evolution__data_vcards_logo-1.vcf", 1, 0, "logo", 0 },
  { "evolution__data_vcards_photo-1.vcf", 1, 0, "photo", 0 },
  { "evolution__vcard_1.vcf", 1, 0, "Frank Dawson", 2 },
  { "evolution__vcard_4.vcf", 1, 0, "canada address", 0 },
  { "evolution__vcard_5.vcf", 1, 0, "十城目管理大型知座", 1 },   /* four TELs, one number */
  { "evolution__vcard_7.vcf", 0, 1, NULL, 0 },
  { "ezvcard__John_Doe_ANDROID.vcf", 6, 0, "john.doe@company.com", 0 },
  { "ezvcard__John_Doe_BLACK_BERRY.vcf", 1, 0, "John Doe", 1 },
  { "ezvcard__John_Doe_EVOLUTION.vcf", 1, 0, "Mr. John Richter, James Doe Sr.", 2 },
  { "ezvcard__John_Doe_GMAIL.vcf", 1, 0, "Mr. John Richter, James Doe Sr.", 2 },
  { "ezvcard__John_Doe_IPHONE.vcf", 1, 0, "Mr. John Richter James Doe Sr.", 7 },
  { "ezvcard__John_Doe_LOTUS_NOTES.vcf", 1, 0, "Mr. Doe John I Johny", 2 },
  { "ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf", 1, 0, "Mr. John Richter,James Doe Sr.", 7 },
  { "ezvcard__John_Doe_MS_OUTLOOK.vcf", 1, 0, "Mr. John Richter James Doe Sr.", 2 },
  { "ezvcard__fullcontact.vcf", 1, 0, "Prefix FirstName MiddleName LastName Suffix", 9 },
  { "ezvcard__gmail-list.vcf", 3, 0, "Arnold Smith", 0 },
  { "ezvcard__gmail-single2.vcf", 1, 0, "VCard Test", 11 },
  { "ezvcard__outlook-2003.vcf", 1, 0, "John Doe III", 4 },
  { "ezvcard__outlook-2007.vcf", 1, 0, "Mr. Michael Angstadt Jr.", 4 },
  { "ezvcard__rfc2426-example.vcf", 2, 0, "Frank Dawson", 2 },
  { "ezvcard__rfc6350-example.vcf", 1, 0, "Simon Perreault", 2 },
  { "ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf", 1, 0, "John Doe", 5 },
  { "icaljs__escape_semicolon.vcf", 1, 0, "First Last NextCloud", 4 },
  { "icaljs__vcard.vcf", 1, 0, "J. Doe", 1 },
  { "icaljs__vcard3.vcf", 1, 0, "Mr. John Q. Public, Esq.", 1 },
  { "icaljs__vcard_author.vcf", 1, 0, "Simon Perreault", 2 },
  { "icaljs__vcard_grouped.vcf", 0, 1, NULL, 0 },
  { "libical__test.vcf", 2, 0, "Simon Perreault", 2 },
};

static GPtrArray *
read_real (const char *dir, const char *name, GPtrArray *problems)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) contacts = new_contacts ();
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_vcard_read_file (path, contacts, problems, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contacts);
}

/* Every vCard file of the real-world collection. */
static void
test_realworld (void)
{
  const char *root = g_getenv ("SALESCRM_TESTDATA");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint known = 0;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("SALESCRM_TESTDATA is not a folder");
      return;
    }
  dir = g_build_filename (root, "vcf", NULL);
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(GPtrArray) contacts = NULL;
      const RealVcf *expected = NULL;
      guint errors = 0;

      if (!g_str_has_suffix (name, ".vcf"))
        continue;
      contacts = read_real (dir, name, problems);
      for (guint i = 0; i < problems->len; i++)
        {
          const CrmImportProblem *p = problems->pdata[i];
          g_autofree char *text = crm_import_problem_to_string (p);

          g_test_message ("%s", text);
          g_assert_cmpstr (p->file, ==, name);
          g_assert_cmpuint (p->line, >, 0);
          errors += p->severity == CRM_IMPORT_PROBLEM_ERROR;
        }
      for (guint i = 0; i < contacts->len; i++)
        {
          CrmContact *c = contacts->pdata[i];
          g_assert_nonnull (c->name);
          g_assert_cmpuint (c->line, >, 0);
        }
      g_test_message ("%s: %u clients, %u problems", name, contacts->len, problems->len);
      for (gsize k = 0; k < G_N_ELEMENTS (real_vcf); k++)
        if (g_str_equal (real_vcf[k].file, name))
          expected = &real_vcf[k];
      if (expected == NULL)
        continue;   /* a file added later: read without a crash is what is known */
      known++;
      g_assert_cmpuint (contacts->len, ==, expected->contacts);
      g_assert_cmpuint (errors, ==, expected->errors);
      if (expected->contacts > 0)
        {
          CrmContact *first = contacts->pdata[0];
          g_assert_cmpstr (first->name, ==, expected->first_name);
          g_assert_cmpuint (first->phones->len, ==, expected->first_phones);
        }
    }
  g_assert_cmpuint (known, ==, G_N_ELEMENTS (real_vcf));

  /* A closer look at a few. */
  {
    g_autoptr(GPtrArray) c = read_real (dir, "ezvcard__John_Doe_IPHONE.vcf", NULL);
    CrmContact *john = c->pdata[0];

    g_assert_cmpstr (john->company, ==, "IBM");
    assert_value (john->phones, 0, "905-555-1234", "mobile");
    assert_value (john->phones, 6, "905-222-1234", "AssistantPhone");
    g_assert_cmpstr (john->city, ==, "New York");
  }
  {
    g_autoptr(GPtrArray) c = read_real (dir, "ezvcard__outlook-2003.vcf", NULL);
    g_assert_cmpstr (((CrmContact *) c->pdata[0])->notes, ==,
                     "This is the note field!!\nSecond line\n\nThird line is empty");
  }
  {
    g_autoptr(GPtrArray) c = read_real (dir, "ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf", NULL);
    CrmContact *john = c->pdata[0];
    g_assert_cmpuint (john->tags->len, ==, 3);
    g_assert_cmpuint (john->emails->len, ==, 5);
  }
  {
    g_autoptr(GPtrArray) problems = new_problems ();
    g_autoptr(GPtrArray) c = read_real (dir, "evolution__vcard_7.vcf", problems);
    assert_problem (problems, 0, CRM_IMPORT_PROBLEM_ERROR, 1, "BEGIN:VCARD is missing");
  }
  {
    g_autoptr(GPtrArray) c = read_real (dir, "libical__test.vcf", NULL);
    assert_value (((CrmContact *) c->pdata[0])->phones, 0, "+1-418-656-9254;ext=102", NULL);
    g_assert_cmpstr (((CrmContact *) c->pdata[1])->name, ==, "Mickey Mouse");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crm_test_use_language (NULL);

  g_test_add_func ("/vcard/quoted-printable", test_quoted_printable);
  g_test_add_func ("/vcard/charset-1251", test_charset_1251);
  g_test_add_func ("/vcard/folding", test_folding);
  g_test_add_func ("/vcard/several-values", test_several_values);
  g_test_add_func ("/vcard/binary-skipped", test_binary_skipped);
  g_test_add_func ("/vcard/malformed", test_malformed);
  g_test_add_func ("/vcard/damaged", test_damaged);
  g_test_add_func ("/vcard/escapes-and-names", test_escapes_and_names);
  g_test_add_func ("/vcard/files", test_files);
  g_test_add_func ("/vcard/write", test_write);
  g_test_add_func ("/vcard/round-trip", test_round_trip);
  g_test_add_func ("/vcard/realworld", test_realworld);
  return g_test_run ();
}
