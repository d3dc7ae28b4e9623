/* test-csv-import.c — CSV columns mapped to clients: presets, column maps,
 * values, and the real-world files
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-contact.h"
#include "crm-import-map.h"
#include "crm-test-util.h"
#include "crm-text.h"
#include "test-io.h"

static GPtrArray *
import_text (const char *csv, const char *spec, GPtrArray *problems, char **preset, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_bytes (bytes, "clients.csv", error);
  g_autoptr(GPtrArray) contacts = new_contacts ();

  if (reader == NULL || !crm_import_csv (reader, spec, contacts, problems, preset, error))
    return NULL;
  return g_steal_pointer (&contacts);
}

static CrmImportMap *
map_for (const char *header)
{
  g_autoptr(Table) t = read_table (header, -1);
  char **fields = t->rows->pdata[0];

  return crm_import_map_new_auto ((const char * const *) fields, g_strv_length (fields));
}

/* Each program's export is recognised from its header row, and its rows
 * become the clients they describe. */
static void
test_presets (void)
{
  static const struct { const char *header; const char *preset; } headers[] = {
    { "Name,Given Name,Additional Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
      "Phone 1 - Type,Phone 1 - Value,Organization 1 - Name", "google" },
    { "Display Name,First Name,Last Name,Nickname,Primary Email,Secondary Email,Work Phone,"
      "Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,"
      "Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,"
      "Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,"
      "Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,Screen Name", "thunderbird" },
    { "Display Name;First Name;Last Name;Primary Email", "thunderbird" },
    { "\"NAME\";\"LAST_NAME\";\"SECOND_NAME\";\"PHONE_WORK\";\"PHONE_MOBILE\";\"EMAIL_WORK\";\"POST\";"
      "\"ADDRESS\";\"COMMENTS\";\"TYPE_ID\";\"SOURCE_ID\";\"SOURCE_DESCRIPTION\";", "bitrix24" },
    { "ID;Полное имя;Компания;Рабочий телефон;Мобильный телефон;Рабочий email;Личный email;Теги;"
      "Ответственный;Примечание 1", "amocrm" },
    { "ID,ACCOUNT.NAME,FIRSTNAME,LASTNAME,PHONE,MOBILEPHONE,EMAIL,MAILINGSTREET,MAILINGCITY,"
      "MAILINGSTATE,MAILINGPOSTALCODE,MAILINGCOUNTRY,LEADSOURCE,OWNER.NAME,DESCRIPTION", "salesforce" },
    { "FIRSTNAME,LASTNAME,ACCOUNT/NAME,PHONE,EMAIL,MAILINGCITY", "salesforce" },
    { "First Name,Last Name,Account Name,Title,Phone,Mobile,Email,Mailing City,Lead Source,"
      "Contact Owner", "salesforce" },
    { "id,kind,name,company,phones,emails,address,city,source,status,owner,tags,notes,created", "salescrm" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(CrmImportMap) map = map_for (headers[i].header);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", headers[i].header);
      g_assert_cmpstr (crm_import_map_get_preset (map), ==, headers[i].preset);
      g_assert_nonnull (crm_import_map_get_preset_name (map));
      g_assert_true (crm_import_map_check (map, &error));
    }

  /* Google Contacts (the 2023 format): numbered columns with their labels. */
  {
    g_autoptr(GPtrArray) problems = new_problems ();
    g_autofree char *preset = NULL;
    g_autoptr(GPtrArray) c = import_text (
      "First Name,Middle Name,Last Name,Phonetic First Name,File As,Labels,E-mail 1 - Label,"
      "E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,"
      "Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
      "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Organization Name,"
      "Organization Title,Notes\n"
      "John,Q,Public,,,* myContacts ::: Clients,Work,john@example.com,Mobile,+1 555 0100 ::: "
      "+1 555 0101,Work,+1 555 0200,Work,\"1 Main St\nSpringfield IL\",1 Main St,Springfield,IL,"
      "62701,USA,Acme,CEO,Met at the expo\n", NULL, problems, &preset, NULL);
    CrmContact *john = c->pdata[0];

    g_assert_cmpstr (preset, ==, "Google Contacts CSV");
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpstr (john->name, ==, "John Q Public");
    g_assert_cmpstr (john->company, ==, "Acme");
    assert_value (john->phones, 0, "+1 555 0100", "mobile");
    assert_value (john->phones, 1, "+1 555 0101", "mobile");
    assert_value (john->phones, 2, "+1 555 0200", "work");
    assert_value (john->emails, 0, "john@example.com", "work");
    g_assert_cmpstr (john->address, ==, "1 Main St, IL, 62701, USA");
    g_assert_cmpstr (john->city, ==, "Springfield");
    g_assert_cmpuint (john->tags->len, ==, 1);
    g_assert_cmpstr (john->tags->pdata[0], ==, "Clients");
    g_assert_cmpstr (john->notes, ==, "Met at the expo");
  }

  /* Outlook: the business address wins over the home one; the e-mail
   * display name is not an address. */
  {
    g_autofree char *preset = NULL;
    g_autoptr(GPtrArray) c = import_text (
      "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,"
      "Business City,Business State,Business Postal Code,Business Country/Region,Home Street,"
      "Home City,Business Phone,Home Phone,Mobile Phone,E-mail Address,E-mail Type,"
      "E-mail Display Name,Categories,Notes\r\n"
      ",Jane,,Roe,,Contoso,,,2 Work Rd,Redmond,WA,98052,USA,3 Home Ln,Seattle,+1 425 0100,,"
      "+1 425 0199,jane@contoso.com,SMTP,Jane Roe (jane@contoso.com),VIP;Partners,\r\n",
      NULL, NULL, &preset, NULL);
    CrmContact *jane = c->pdata[0];

    g_assert_cmpstr (preset, ==, "Outlook CSV");
    g_assert_cmpstr (jane->name, ==, "Jane Roe");
    g_assert_cmpstr (jane->address, ==, "2 Work Rd, WA, 98052, USA");
    g_assert_cmpstr (jane->city, ==, "Redmond");
    assert_value (jane->phones, 0, "+1 425 0100", "work");
    assert_value (jane->phones, 1, "+1 425 0199", "mobile");
    g_assert_cmpuint (jane->emails->len, ==, 1);
    g_assert_cmpuint (jane->tags->len, ==, 2);
  }

  /* Bitrix24 in Russian: "Фамилия Имя Отчество", types, status, source. */
  {
    g_autofree char *preset = NULL;
    g_autoptr(GPtrArray) c = import_text (
      "Имя;Фамилия;Отчество;Рабочий телефон;Мобильный телефон;Рабочий e-mail;Компания;Тип контакта;"
      "Источник;Ответственный;Дополнительно об источнике\n"
      "Иван;Петров;Иванович;+7 495 111-11-11;+7 916 222-22-22;i.petrov@example.ru;Ромашка;Клиенты;"
      "Входящий звонок;Анна Смирнова;с выставки\n", NULL, NULL, &preset, NULL);
    CrmContact *ivan = c->pdata[0];

    g_assert_cmpstr (preset, ==, "Bitrix24 contact export");
    g_assert_cmpstr (ivan->name, ==, "Петров Иван Иванович");
    g_assert_cmpstr (ivan->company, ==, "Ромашка");
    assert_value (ivan->phones, 0, "+7 495 111-11-11", "work");
    assert_value (ivan->phones, 1, "+7 916 222-22-22", "mobile");
    assert_value (ivan->emails, 0, "i.petrov@example.ru", "work");
    g_assert_cmpstr (ivan->status, ==, "customer");
    g_assert_cmpstr (ivan->source, ==, "inbound_call");
    g_assert_cmpstr (ivan->owner, ==, "Анна Смирнова");
    g_assert_cmpstr (ivan->notes, ==, "с выставки");
  }

  /* HubSpot: lifecycle stage and original source as codes. */
  {
    g_autofree char *preset = NULL;
    g_autoptr(GPtrArray) c = import_text (
      "Record ID,First Name,Last Name,Email,Phone Number,Company Name,City,State/Region,"
      "Lifecycle Stage,Contact owner,Original Source\n"
      "101,Ann,Lee,ann@lee.example,+1 617 0100,Lee & Co,Boston,MA,salesqualifiedlead,Bob Stone,"
      "Organic Search\n", NULL, NULL, &preset, NULL);
    CrmContact *ann = c->pdata[0];

    g_assert_cmpstr (preset, ==, "HubSpot contact export");
    g_assert_cmpstr (ann->name, ==, "Ann Lee");
    g_assert_cmpstr (ann->company, ==, "Lee & Co");
    g_assert_cmpstr (ann->status, ==, "prospect");
    g_assert_cmpstr (ann->source, ==, "website");
    g_assert_cmpstr (ann->owner, ==, "Bob Stone");
    g_assert_cmpstr (ann->city, ==, "Boston");
    g_assert_cmpstr (ann->address, ==, "MA");
  }

  /* A deal export is refused, not imported as clients. */
  {
    g_autoptr(CrmImportMap) map = map_for ("ID,NAME,STAGENAME,AMOUNT,CLOSEDATE,LEADSOURCE");
    g_autoptr(GError) error = NULL;

    g_assert_false (crm_import_map_check (map, &error));
    g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "lists deals"));
  }
}

/* Files no preset knows: synonyms in English and Russian. */
static void
test_generic (void)
{
  static const struct { const char *header; CrmImportField fields[9]; } cases[] = {
    { "ФИО;Тел.;Почта;Город;Примечание;Менеджер;Статус",
      { CRM_IMPORT_FIELD_NAME, CRM_IMPORT_FIELD_PHONE, CRM_IMPORT_FIELD_EMAIL, CRM_IMPORT_FIELD_CITY,
        CRM_IMPORT_FIELD_NOTES, CRM_IMPORT_FIELD_OWNER, CRM_IMPORT_FIELD_STATUS } },
    { "Full Name,Work Phone,Mobile,E-mail 2,ZIP,Stage,Manager,Client Type,Favourite colour",
      { CRM_IMPORT_FIELD_NAME, CRM_IMPORT_FIELD_PHONE, CRM_IMPORT_FIELD_PHONE, CRM_IMPORT_FIELD_EMAIL,
        CRM_IMPORT_FIELD_POSTCODE, CRM_IMPORT_FIELD_STATUS, CRM_IMPORT_FIELD_OWNER,
        CRM_IMPORT_FIELD_KIND, CRM_IMPORT_FIELD_IGNORE } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrmImportMap) map = map_for (cases[i].header);

      g_assert_null (crm_import_map_get_preset (map));
      for (guint col = 0; col < crm_import_map_get_n_columns (map); col++)
        g_assert_cmpint (crm_import_map_get_field (map, col), ==, cases[i].fields[col]);
    }
  {
    g_autoptr(CrmImportMap) map = map_for ("Full Name,Work Phone,Mobile");
    g_assert_cmpstr (crm_import_map_get_type (map, 1), ==, "work");
    g_assert_cmpstr (crm_import_map_get_type (map, 2), ==, "mobile");
  }
  /* Hand-made Russian sheets put the family name first. */
  {
    g_autoptr(CrmImportMap) map = map_for ("Фамилия,Имя,Телефон");
    g_assert_cmpint (crm_import_map_get_name_order (map), ==, CRM_NAME_ORDER_LAST_FIRST);
  }
  /* Nothing to name a client by. */
  {
    g_autoptr(CrmImportMap) map = map_for ("column1,column2");
    g_autoptr(GError) error = NULL;

    crm_import_map_set_file (map, "x.csv");
    g_assert_false (crm_import_map_check (map, &error));
    g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT);
    g_assert_true (g_str_has_prefix (error->message, "x.csv: no column holds"));
    g_assert_nonnull (strstr (error->message, "“column1”, “column2”"));
  }
}

static void
assert_spec_error (const char *spec, const char *part)
{
  g_autoptr(CrmImportMap) map = map_for ("Клиент,Tel,Mobile,Notes");
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_import_map_apply_spec (map, spec, &error));
  g_test_message ("%s → %s", spec, error->message);
  g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, part));
  /* A failed map changes nothing. */
  g_assert_cmpint (crm_import_map_get_field (map, 1), ==, CRM_IMPORT_FIELD_PHONE);
  g_assert_cmpint (crm_import_map_get_field (map, 3), ==, CRM_IMPORT_FIELD_NOTES);
}

static void
test_map_spec (void)
{
  g_autoptr(CrmImportMap) map = map_for ("Клиент,Tel,Mobile,Notes");
  g_autoptr(CrmImportMap) again = map_for ("Клиент,Tel,Mobile,Notes");
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL;

  g_assert_true (crm_import_map_apply_spec (map, " Клиент = company , 2=phone,mobile=phone:mobile,"
                                                 "NOTES=ignore,", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_import_map_get_field (map, 0), ==, CRM_IMPORT_FIELD_COMPANY);
  g_assert_cmpint (crm_import_map_get_field (map, 1), ==, CRM_IMPORT_FIELD_PHONE);
  g_assert_cmpint (crm_import_map_get_field (map, 2), ==, CRM_IMPORT_FIELD_PHONE);
  g_assert_cmpstr (crm_import_map_get_type (map, 2), ==, "mobile");
  g_assert_cmpint (crm_import_map_get_field (map, 3), ==, CRM_IMPORT_FIELD_IGNORE);
  /* A type of the user's own is kept by the map, never interned (interned
   * strings live for ever: a fuzzer's finding). */
  {
    g_autoptr(CrmImportMap) own = map_for ("Клиент,Tel,Mobile,Notes");

    g_assert_true (crm_import_map_apply_spec (own, "Tel=phone:Satellite-7f3a", NULL));
    g_assert_cmpstr (crm_import_map_get_type (own, 1), ==, "Satellite-7f3a");
    g_assert_cmpuint (g_quark_try_string ("Satellite-7f3a"), ==, 0);
  }

  spec = crm_import_map_to_spec (map);
  g_assert_cmpstr (spec, ==, "Клиент=company,Tel=phone,Mobile=phone:mobile");
  g_assert_true (crm_import_map_apply_spec (again, "Notes=ignore", NULL));
  g_assert_true (crm_import_map_apply_spec (again, spec, NULL));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (crm_import_map_get_field (again, i), ==, crm_import_map_get_field (map, i));

  assert_spec_error ("Foo=name", "names a column “Foo”, but the file has none");
  assert_spec_error ("Foo=name", "“Клиент”, “Tel”, “Mobile”, “Notes”");
  assert_spec_error ("Tel=ignore,9=name", "names column 9, but the file has 4 columns");
  assert_spec_error ("0=name", "names column 0");
  assert_spec_error ("Tel=phonenumber", "unknown field “phonenumber”. The fields are: ignore, name, first_name");
  assert_spec_error ("Tel", "“Tel” in the column map is not COLUMN=FIELD");
  assert_spec_error ("=name", "is not COLUMN=FIELD");
  assert_spec_error ("Notes=notes:work", "only the phone and email fields take a type");

  /* A column map makes a file usable that nothing recognises. */
  {
    g_autoptr(GPtrArray) problems = new_problems ();
    g_autoptr(GPtrArray) c = import_text ("c1,c2\nООО Вектор,+7 1\n", "c1=company,2=phone", problems,
                                          NULL, &error);
    CrmContact *v = c->pdata[0];

    g_assert_no_error (error);
    g_assert_cmpstr (v->name, ==, "ООО Вектор");
    g_assert_cmpint (v->kind, ==, CRM_CONTACT_COMPANY);
    assert_value (v->phones, 0, "+7 1", NULL);
  }
}

static const CrmImportProblem *
problem_at (GPtrArray *problems, guint i, CrmImportSeverity severity, guint line, guint column,
            const char *part)
{
  const CrmImportProblem *p;

  g_assert_cmpuint (i, <, problems->len);
  p = problems->pdata[i];
  g_test_message ("problem %u: line %u, column %u: %s", i, p->line, p->column, p->message);
  g_assert_cmpint (p->severity, ==, severity);
  g_assert_cmpuint (p->line, ==, line);
  g_assert_cmpuint (p->column, ==, column);
  g_assert_nonnull (strstr (p->message, part));
  return p;
}

/* Values are cleaned, recognised, composed; what cannot be used is reported
 * with its line and column. */
static void
test_rows (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) c = import_text (
    "Name,Company,Phone,Email,Street,City,Zip,Country,Status,Source,Tags,Kind,Owner,Notes\n"
    "\u00a0 Иван\u3000 Петров \u00a0,,\"+7 1; +7 2\",\"a@b.ru, bad-email\",\"ул. Мира, 5\",Тверь,"
      "170000,Россия,Постоянный клиент,Сайт,\"x; y, x\",,\uFEFFАнна ,\"  Первая\r\nвторая  \"\n"
    ",,,,,,,,Whatever,Радио,,,,\n"
    ",ООО Вектор,,,,,,,,,,,,\n"
    "   ,  ,\t\n"
    "Anna,,,,,,,,Unknown stage,Cold call,,робот,,,extra\n"
    "'=Evil,,'+7 3,,,,,,LOST,исходящий звонок,,company,,\n", NULL, problems, NULL, &error);
  CrmContact *ivan, *vector, *anna, *evil;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (c->len, ==, 4);
  ivan = c->pdata[0];
  g_assert_cmpuint (ivan->line, ==, 2);
  g_assert_cmpstr (ivan->name, ==, "Иван Петров");
  g_assert_cmpint (ivan->kind, ==, CRM_CONTACT_PERSON);
  assert_value (ivan->phones, 0, "+7 1", NULL);
  assert_value (ivan->phones, 1, "+7 2", NULL);
  g_assert_cmpuint (ivan->emails->len, ==, 1);
  assert_value (ivan->emails, 0, "a@b.ru", NULL);
  g_assert_cmpstr (ivan->address, ==, "ул. Мира, 5, 170000, Россия");
  g_assert_cmpstr (ivan->city, ==, "Тверь");
  g_assert_cmpstr (ivan->status, ==, "regular");
  g_assert_cmpstr (ivan->source, ==, "website");
  g_assert_cmpuint (ivan->tags->len, ==, 2);
  g_assert_cmpstr (ivan->owner, ==, "Анна");
  g_assert_cmpstr (ivan->notes, ==, "Первая\nвторая");

  vector = c->pdata[1];
  g_assert_cmpuint (vector->line, ==, 5);   /* the notes above span two lines */
  g_assert_cmpstr (vector->name, ==, "ООО Вектор");
  g_assert_cmpint (vector->kind, ==, CRM_CONTACT_COMPANY);

  anna = c->pdata[2];
  g_assert_cmpstr (anna->source, ==, "outbound_call");
  g_assert_null (anna->status);

  /* Cells neutralised against formulas come back as they were. */
  evil = c->pdata[3];
  g_assert_cmpstr (evil->name, ==, "=Evil");
  assert_value (evil->phones, 0, "+7 3", NULL);
  g_assert_cmpstr (evil->status, ==, "lost");
  g_assert_cmpint (evil->kind, ==, CRM_CONTACT_COMPANY);

  g_assert_cmpuint (problems->len, ==, 5);
  problem_at (problems, 0, CRM_IMPORT_PROBLEM_WARNING, 2, 4, "“bad-email” is not an e-mail address");
  problem_at (problems, 1, CRM_IMPORT_PROBLEM_ERROR, 4, 0, "No name, company, phone or e-mail");
  problem_at (problems, 2, CRM_IMPORT_PROBLEM_WARNING, 7, 12, "Unknown kind of client “робот”");
  problem_at (problems, 3, CRM_IMPORT_PROBLEM_WARNING, 7, 15, "This row has 15 fields but the header only 14");
  problem_at (problems, 4, CRM_IMPORT_PROBLEM_WARNING, 7, 9, "Unknown status “Unknown stage”");
  text = crm_import_problem_to_string (problems->pdata[0]);
  g_assert_cmpstr (text, ==, "clients.csv, line 2, column 4: “bad-email” is not an e-mail address, "
                             "so it was not imported. Correct it in the file or in the client’s card.");

  /* A header and nothing else. */
  g_clear_error (&error);
  g_assert_null (import_text ("Name,Phone\n\n", NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_EMPTY);
}

/* Messages follow the user's language. */
static void
test_translated (void)
{
  g_autoptr(Table) t = NULL;
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GPtrArray) c = NULL;

  crm_test_use_language ("ru");
  t = read_table ("a,b\n\"open\n", -1);
  g_test_message ("%s", t->error->message);
  g_assert_true (g_str_has_prefix (t->error->message, "test.csv, строка 2, столбец 1: "));
  c = import_text ("Name,Status\nIvan,???\n", NULL, problems, NULL, NULL);
  g_assert_true (g_str_has_prefix (((CrmImportProblem *) problems->pdata[0])->message,
                                   "Неизвестный статус"));
  crm_test_use_language (NULL);
}

static void
collect_files (const char *dir, const char *suffix, GPtrArray *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, suffix, files);
      else if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

typedef struct {
  const char *file;
  guint       records;     /* CSV records, the header included */
  guint       contacts;    /* without a column map; 0: the file is refused */
  const char *refusal;     /* part of the error when it is */
  const char *first_name;
} RealCsv;

static const RealCsv real_csv[] = {
  { "bitrix24__crm.contact.import__sample.csv", 2, 1, NULL, "Petrov Ivan Ivanovich" },
  { "sfdl__accountsForInsert.csv", 5, 4, NULL, "Company A" },
  { "sfdl__acctsWithBinaryDataInRTF.csv", 2, 1, NULL, "Company A" },
  { "sfdl__csvEscapedQuotes.csv", 3, 0, "no column holds", NULL },
  { "sfdl__csvtext_BOM_UTF16BE.csv", 3, 0, "no column holds", NULL },
  { "sfdl__csvtext_BOM_UTF16LE.csv", 3, 0, "no column holds", NULL },
  { "sfdl__csvtext_BOM_UTF32BE.csv", 3, 0, "no column holds", NULL },
  { "sfdl__csvtext_BOM_UTF32LE.csv", 3, 0, "no column holds", NULL },
  { "sfdl__csvtext_BOM_UTF8.csv", 3, 0, "no column holds", NULL },
  { "sfdl__csvtext_noBOM.csv", 3, 0, "no column holds", NULL },
  { "sfdl__ideographic_spaces.csv", 2, 1, NULL, "contactFor@PolymorphicMappingOfTask.com" },
  { "dataloader__opportunityData.csv", 39, 0, "lists deals", NULL },
  { "dataloader__success_status.csv", 10, 0, "lists deals", NULL },
  { "comm-central__basic_csv_addressbook.csv", 3, 2, NULL, "John Doe" },
  { "comm-central__csv_semicolon.csv", 3, 2, NULL, "John Doe" },
};

static void
check_real_csv (const char *path, const RealCsv *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, &error);
  g_autoptr(CrmCsvReader) again = NULL;
  g_autoptr(Table) t = NULL;
  g_autoptr(GPtrArray) contacts = new_contacts ();
  g_autoptr(GPtrArray) problems = new_problems ();
  gboolean ok;

  g_assert_no_error (error);
  t = read_reader (reader);
  g_assert_no_error (t->error);
  again = crm_csv_reader_new_for_path (path, NULL);
  ok = crm_import_csv (again, NULL, contacts, problems, NULL, &error);
  g_test_message ("%s: %s, '%c', %u records, %u clients, %u problems%s%s", path, t->encoding,
                  t->delimiter, t->rows->len, contacts->len, problems->len, ok ? "" : ", refused: ",
                  ok ? "" : error->message);
  for (guint i = 0; i < problems->len; i++)
    {
      const CrmImportProblem *p = problems->pdata[i];
      g_assert_cmpuint (p->line, >, 1);
      g_assert_cmpstr (p->file, ==, crm_csv_reader_get_display_name (again));
    }
  if (expected == NULL)
    return;   /* a file added later: read without a crash is what is known */

  g_assert_cmpuint (t->rows->len, ==, expected->records);
  if (expected->contacts == 0)
    {
      g_assert_false (ok);
      g_assert_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, expected->refusal));
      return;
    }
  g_assert_true (ok);
  g_assert_cmpuint (contacts->len, ==, expected->contacts);
  g_assert_cmpstr (((CrmContact *) contacts->pdata[0])->name, ==, expected->first_name);
  for (guint i = 0; i < contacts->len; i++)
    g_assert_cmpuint (((CrmContact *) contacts->pdata[i])->line, ==, i + 2);
}

/* Every CSV file of the real-world collection. */
static void
test_realworld (void)
{
  const char *root = g_getenv ("SALESCRM_TESTDATA");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint known = 0;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("SALESCRM_TESTDATA is not a folder");
      return;
    }
  dir = g_build_filename (root, "csv", NULL);
  collect_files (dir, ".csv", files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      const RealCsv *expected = NULL;

      for (gsize k = 0; k < G_N_ELEMENTS (real_csv); k++)
        if (g_str_equal (real_csv[k].file, base))
          expected = &real_csv[k];
      known += expected != NULL;
      check_real_csv (files->pdata[i], expected);
    }
  g_assert_cmpuint (known, ==, G_N_ELEMENTS (real_csv));

  /* A closer look at a few. */
  {
    g_autofree char *path = g_build_filename (dir, "bitrix24", "bitrix24__crm.contact.import__sample.csv", NULL);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, NULL);
    g_autoptr(GPtrArray) contacts = new_contacts ();
    g_autoptr(GPtrArray) problems = new_problems ();
    g_autofree char *preset = NULL;
    CrmContact *ivan;

    g_assert_true (crm_import_csv (reader, NULL, contacts, problems, &preset, NULL));
    g_assert_cmpstr (preset, ==, "Bitrix24 contact export");
    ivan = contacts->pdata[0];
    assert_value (ivan->phones, 0, "+7 (495) 556677", "work");
    assert_value (ivan->emails, 0, "i.petrov@example.com", "work");
    g_assert_cmpstr (ivan->address, ==, "company address");
    g_assert_cmpstr (ivan->source, ==, "inbound_call");
    g_assert_cmpstr (ivan->notes, ==, "comments\ndescription");
    g_assert_cmpuint (problems->len, ==, 1);
    problem_at (problems, 0, CRM_IMPORT_PROBLEM_WARNING, 2, 27, "Unknown status “General contacts”");
  }
  {
    g_autofree char *path = g_build_filename (dir, "encoding", "sfdl__csvtext_BOM_UTF32LE.csv", NULL);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, NULL);
    g_autoptr(Table) t = read_reader (reader);
    g_autoptr(CrmCsvReader) again = crm_csv_reader_new_for_path (path, NULL);
    g_autoptr(GPtrArray) contacts = new_contacts ();

    /* A UTF-16 byte-order mark in front of UTF-32 text. */
    g_assert_cmpstr (t->encoding, ==, "UTF-32LE");
    assert_row (t, 0, 1, ROW ("column1", "column2", "column3"));
    assert_row (t, 2, 3, ROW ("row2-1", "row2-2", "row2-3"));
    g_assert_true (crm_import_csv (again, "column1=name,column2=notes", contacts, NULL, NULL, NULL));
    g_assert_cmpuint (contacts->len, ==, 2);
    g_assert_cmpstr (((CrmContact *) contacts->pdata[1])->notes, ==, "row2-2");
  }
  {
    g_autofree char *path = g_build_filename (dir, "encoding", "sfdl__accountsForInsert.csv", NULL);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, NULL);
    g_autoptr(Table) t = read_reader (reader);

    assert_row (t, 1, 2, ROW ("Company A", "25", "Heavy Industry",
                              "    4 <span style=\" font-size: 172px;\">leading spaces and</span> "
                              "2 trailing <h1>spaces</h1>  "));
  }
  {
    g_autofree char *path = g_build_filename (dir, "encoding", "sfdl__csvEscapedQuotes.csv", NULL);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, NULL);
    g_autoptr(Table) t = read_reader (reader);

    assert_row (t, 1, 2, ROW ("\"The Best\" Account", "bla"));
    assert_row (t, 2, 3, ROW ("The \"Best\" Account", "bla"));
  }
}

void
test_csv_add_import_tests (void)
{
  g_test_add_func ("/import/presets", test_presets);
  g_test_add_func ("/import/generic", test_generic);
  g_test_add_func ("/import/map-spec", test_map_spec);
  g_test_add_func ("/import/rows", test_rows);
  g_test_add_func ("/import/translated", test_translated);
  g_test_add_func ("/import/realworld", test_realworld);
}
