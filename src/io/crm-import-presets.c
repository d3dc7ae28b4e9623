/* crm-import-presets.c — the CSV headers that other programs write
 *
 * A preset is the header row of one program's contact export: Google
 * Contacts, Outlook, Thunderbird, Bitrix24, amoCRM, Salesforce, HubSpot and
 * SalesCRM itself. The preset whose columns match the header best (and that
 * matches at least one column only it writes) maps the file; the columns it
 * does not know, and files no preset knows, are mapped by generic English and
 * Russian synonyms. Headers are compared by crm_io_key(): case, spaces and
 * punctuation do not matter, so "ACCOUNT.NAME", "Account Name" and
 * "account_name" are one column. Bitrix24's field codes are compared
 * exactly, since "LAST_NAME" would otherwise be everyone's "Last Name".
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "crm-import-private.h"
#include "crm-io-private.h"

enum { DISTINCT = 1 << 0, EXACT = 1 << 1 };

typedef struct {
  const char    *header;
  CrmImportField field;
  const char    *type;
  guint8         slot;
  guint8         flags;
} Entry;

#define E(h, f, t, s, fl) { h, CRM_IMPORT_FIELD_##f, t, s, fl }
#define C(h, f)           E (h, f, NULL, 0, 0)          /* common to several programs */
#define D(h, f)           E (h, f, NULL, 0, DISTINCT)   /* only this program writes it */
#define CT(h, f, t)       E (h, f, t, 0, 0)
#define DT(h, f, t)       E (h, f, t, 0, DISTINCT)
#define CS(h, f, s)       E (h, f, NULL, s, 0)
#define DS(h, f, s)       E (h, f, NULL, s, DISTINCT)
#define X(h, f)           E (h, f, NULL, 0, DISTINCT | EXACT)
#define XC(h, f)          E (h, f, NULL, 0, EXACT)
#define XT(h, f, t)       E (h, f, t, 0, DISTINCT | EXACT)
#define END               { NULL, 0, NULL, 0, 0 }

enum { WORK = CRM_IMPORT_SLOT_WORK, HOME = CRM_IMPORT_SLOT_HOME, OTHER = CRM_IMPORT_SLOT_OTHER };

static const Entry google[] = {
  C ("Name", NAME), C ("First Name", FIRST_NAME), C ("Middle Name", MIDDLE_NAME),
  C ("Last Name", LAST_NAME), D ("Given Name", FIRST_NAME), D ("Additional Name", MIDDLE_NAME),
  D ("Family Name", LAST_NAME), D ("Organization Name", COMPANY), D ("Organization Title", IGNORE),
  D ("Organization Department", IGNORE), C ("Notes", NOTES), D ("Labels", TAGS),
  D ("Group Membership", TAGS), D ("File As", IGNORE), D ("Phonetic First Name", IGNORE),
  D ("Phonetic Middle Name", IGNORE), D ("Phonetic Last Name", IGNORE), D ("Yomi Name", IGNORE),
  D ("Given Name Yomi", IGNORE), D ("Family Name Yomi", IGNORE), C ("Name Prefix", IGNORE),
  C ("Name Suffix", IGNORE), C ("Nickname", IGNORE), C ("Birthday", IGNORE),
  D ("Initials", IGNORE), D ("Short Name", IGNORE), D ("Maiden Name", IGNORE),
  END
};

static const Entry outlook[] = {
  C ("Title", IGNORE), C ("First Name", FIRST_NAME), C ("Middle Name", MIDDLE_NAME),
  C ("Last Name", LAST_NAME), C ("Suffix", IGNORE), C ("Company", COMPANY),
  C ("Department", IGNORE), C ("Job Title", IGNORE),
  DS ("Business Street", STREET, WORK), DS ("Business Street 2", STREET, WORK),
  DS ("Business Street 3", STREET, WORK), DS ("Business City", CITY, WORK),
  DS ("Business State", REGION, WORK), DS ("Business Postal Code", POSTCODE, WORK),
  DS ("Business Country/Region", COUNTRY, WORK),
  DS ("Home Street", STREET, HOME), DS ("Home Street 2", STREET, HOME),
  DS ("Home Street 3", STREET, HOME), CS ("Home City", CITY, HOME),
  CS ("Home State", REGION, HOME), DS ("Home Postal Code", POSTCODE, HOME),
  DS ("Home Country/Region", COUNTRY, HOME),
  CS ("Other Street", STREET, OTHER), DS ("Other Street 2", STREET, OTHER),
  DS ("Other Street 3", STREET, OTHER), CS ("Other City", CITY, OTHER),
  CS ("Other State", REGION, OTHER), CS ("Other Postal Code", POSTCODE, OTHER),
  DS ("Other Country/Region", COUNTRY, OTHER),
  DT ("Business Phone", PHONE, "work"), DT ("Business Phone 2", PHONE, "work"),
  CT ("Home Phone", PHONE, "home"), DT ("Home Phone 2", PHONE, "home"),
  CT ("Mobile Phone", PHONE, "mobile"), DT ("Business Fax", PHONE, "fax"),
  DT ("Home Fax", PHONE, "fax"), DT ("Other Fax", PHONE, "fax"), CT ("Pager", PHONE, "pager"),
  DT ("Company Main Phone", PHONE, "main"), DT ("Primary Phone", PHONE, "main"),
  CT ("Other Phone", PHONE, "other"), DT ("Assistant's Phone", PHONE, "other"),
  DT ("Car Phone", PHONE, "mobile"), D ("Callback", IGNORE), D ("Radio Phone", IGNORE),
  D ("ISDN", IGNORE), D ("TTY/TDD Phone", IGNORE), D ("Telex", IGNORE),
  D ("E-mail Address", EMAIL), D ("E-mail 2 Address", EMAIL), D ("E-mail 3 Address", EMAIL),
  D ("E-mail Type", IGNORE), D ("E-mail 2 Type", IGNORE), D ("E-mail 3 Type", IGNORE),
  D ("E-mail Display Name", IGNORE), D ("E-mail 2 Display Name", IGNORE),
  D ("E-mail 3 Display Name", IGNORE), C ("Categories", TAGS), C ("Notes", NOTES),
  C ("Web Page", IGNORE), C ("Birthday", IGNORE), D ("Assistant's Name", IGNORE),
  D ("Manager's Name", IGNORE), D ("Business Address PO Box", IGNORE),
  D ("Home Address PO Box", IGNORE), D ("Other Address PO Box", IGNORE),
  D ("Billing Information", IGNORE), D ("Directory Server", IGNORE), D ("Mileage", IGNORE),
  D ("Office Location", IGNORE), D ("Organizational ID Number", IGNORE),
  END
};

static const Entry thunderbird[] = {
  C ("First Name", FIRST_NAME), C ("Last Name", LAST_NAME), D ("Display Name", NAME),
  C ("Nickname", IGNORE), D ("Primary Email", EMAIL), D ("Secondary Email", EMAIL),
  CT ("Work Phone", PHONE, "work"), CT ("Home Phone", PHONE, "home"),
  DT ("Fax Number", PHONE, "fax"), DT ("Pager Number", PHONE, "pager"),
  DT ("Mobile Number", PHONE, "mobile"),
  DS ("Home Address", STREET, HOME), DS ("Home Address 2", STREET, HOME),
  CS ("Home City", CITY, HOME), CS ("Home State", REGION, HOME),
  DS ("Home ZipCode", POSTCODE, HOME), CS ("Home Country", COUNTRY, HOME),
  DS ("Work Address", STREET, WORK), DS ("Work Address 2", STREET, WORK),
  CS ("Work City", CITY, WORK), CS ("Work State", REGION, WORK),
  DS ("Work ZipCode", POSTCODE, WORK), CS ("Work Country", COUNTRY, WORK),
  C ("Job Title", IGNORE), C ("Department", IGNORE), C ("Organization", COMPANY),
  D ("Web Page 1", IGNORE), D ("Web Page 2", IGNORE), D ("Birth Year", IGNORE),
  D ("Birth Month", IGNORE), D ("Birth Day", IGNORE), D ("Custom 1", IGNORE),
  D ("Custom 2", IGNORE), D ("Custom 3", IGNORE), D ("Custom 4", IGNORE),
  C ("Notes", NOTES), D ("Screen Name", IGNORE),
  END
};

static const Entry bitrix24[] = {
  /* Field codes, as in the sample file Bitrix24 offers for download. */
  XC ("NAME", FIRST_NAME), X ("LAST_NAME", LAST_NAME), X ("SECOND_NAME", MIDDLE_NAME),
  XT ("PHONE_WORK", PHONE, "work"), XT ("PHONE_MOBILE", PHONE, "mobile"),
  XT ("PHONE_FAX", PHONE, "fax"), XT ("PHONE_HOME", PHONE, "home"),
  XT ("PHONE_PAGER", PHONE, "pager"), XT ("PHONE_MAILING", PHONE, "other"),
  XT ("PHONE_OTHER", PHONE, "other"), XT ("EMAIL_WORK", EMAIL, "work"),
  XT ("EMAIL_HOME", EMAIL, "home"), XT ("EMAIL_MAILING", EMAIL, "other"),
  XT ("EMAIL_OTHER", EMAIL, "other"), X ("WEB_WORK", IGNORE), X ("WEB_HOME", IGNORE),
  X ("WEB_FACEBOOK", IGNORE), X ("WEB_LIVEJOURNAL", IGNORE), X ("WEB_TWITTER", IGNORE),
  X ("WEB_OTHER", IGNORE), X ("IM_ICQ", IGNORE), X ("IM_SKYPE", IGNORE), X ("IM_JABBER", IGNORE),
  X ("IM_MSN", IGNORE), X ("IM_OTHER", IGNORE), X ("POST", IGNORE), X ("ADDRESS", STREET),
  X ("ADDRESS_2", STREET), X ("ADDRESS_CITY", CITY), X ("ADDRESS_POSTAL_CODE", POSTCODE),
  X ("ADDRESS_REGION", REGION), X ("ADDRESS_PROVINCE", REGION), X ("ADDRESS_COUNTRY", COUNTRY),
  X ("COMMENTS", NOTES), X ("TYPE_ID", STATUS), X ("SOURCE_ID", SOURCE),
  X ("SOURCE_DESCRIPTION", NOTES), X ("ASSIGNED_BY_ID", IGNORE), X ("COMPANY_TITLE", COMPANY),
  X ("COMPANY_ID", IGNORE), X ("HONORIFIC", IGNORE), X ("BIRTHDATE", IGNORE),
  X ("OPENED", IGNORE), X ("EXPORT", IGNORE), X ("PHOTO", IGNORE),
  /* The column titles of a Russian Bitrix24 export. */
  C ("Имя", FIRST_NAME), C ("Фамилия", LAST_NAME), D ("Отчество", MIDDLE_NAME),
  CT ("Рабочий телефон", PHONE, "work"), CT ("Мобильный телефон", PHONE, "mobile"),
  DT ("Номер факса", PHONE, "fax"), CT ("Домашний телефон", PHONE, "home"),
  DT ("Номер пейджера", PHONE, "pager"), DT ("Телефон для рассылок", PHONE, "other"),
  CT ("Другой телефон", PHONE, "other"), CT ("Рабочий e-mail", EMAIL, "work"),
  DT ("Частный e-mail", EMAIL, "home"), DT ("E-mail для рассылок", EMAIL, "other"),
  CT ("Другой e-mail", EMAIL, "other"), C ("Компания", COMPANY), C ("Адрес", STREET),
  D ("Улица, дом", STREET), D ("Квартира / офис", STREET), C ("Город", CITY),
  C ("Регион", REGION), C ("Область", REGION), D ("Район", IGNORE),
  C ("Почтовый индекс", POSTCODE), C ("Страна", COUNTRY), C ("Комментарий", NOTES),
  D ("Тип контакта", STATUS), C ("Источник", SOURCE), D ("Дополнительно об источнике", NOTES),
  C ("Ответственный", OWNER), C ("Должность", IGNORE), D ("Обращение", IGNORE),
  C ("Дата рождения", IGNORE), C ("Дата создания", IGNORE), D ("Дата изменения", IGNORE),
  D ("Доступен для всех", IGNORE), D ("Участвует в экспорте контактов", IGNORE),
  D ("Корпоративный сайт", IGNORE), D ("Личная страница", IGNORE), C ("Сайт", IGNORE),
  C ("Мессенджер", IGNORE), C ("ID", IGNORE),
  END
};

static const Entry amocrm[] = {
  D ("Полное имя", NAME), D ("Полное имя контакта", NAME), D ("Наименование", NAME),
  C ("Имя", FIRST_NAME), C ("Фамилия", LAST_NAME), C ("Компания", COMPANY),
  D ("Название компании", COMPANY), CT ("Рабочий телефон", PHONE, "work"),
  CT ("Мобильный телефон", PHONE, "mobile"), CT ("Домашний телефон", PHONE, "home"),
  DT ("Рабочий прямой", PHONE, "work"), CT ("Факс", PHONE, "fax"),
  CT ("Другой телефон", PHONE, "other"), CT ("Рабочий email", EMAIL, "work"),
  DT ("Личный email", EMAIL, "home"), CT ("Другой email", EMAIL, "other"), D ("Теги", TAGS),
  C ("Ответственный", OWNER), C ("Примечание", NOTES), D ("Примечание 1", NOTES),
  D ("Примечание 2", NOTES), D ("Примечание 3", NOTES), D ("Примечание 4", NOTES),
  D ("Примечание 5", NOTES), C ("Должность", IGNORE), D ("Должность (контакт)", IGNORE),
  D ("Кем создан", IGNORE), C ("Дата создания", IGNORE), D ("Дата редактирования", IGNORE),
  D ("Кем изменен", IGNORE), C ("Статус", STATUS), C ("Источник", SOURCE), C ("Адрес", ADDRESS),
  C ("Город", CITY), C ("ID", IGNORE), D ("Skype", IGNORE), D ("Сделки", IGNORE),
  END
};

static const Entry salesforce[] = {
  C ("First Name", FIRST_NAME), C ("Last Name", LAST_NAME), C ("Middle Name", MIDDLE_NAME),
  C ("Name", NAME), D ("Account Name", COMPANY), D ("Account", COMPANY), C ("Company", COMPANY),
  CT ("Phone", PHONE, "work"), CT ("Mobile Phone", PHONE, "mobile"), CT ("Mobile", PHONE, "mobile"),
  CT ("Home Phone", PHONE, "home"), CT ("Other Phone", PHONE, "other"), CT ("Fax", PHONE, "fax"),
  DT ("Assistant Phone", PHONE, "other"), C ("Email", EMAIL),
  DS ("Mailing Street", STREET, WORK), DS ("Mailing City", CITY, WORK),
  DS ("Mailing State", REGION, WORK), DS ("Mailing State/Province", REGION, WORK),
  DS ("Mailing Zip/Postal Code", POSTCODE, WORK), DS ("Mailing Postal Code", POSTCODE, WORK),
  DS ("Mailing Country", COUNTRY, WORK), DS ("Billing Street", STREET, WORK),
  DS ("Billing City", CITY, WORK), DS ("Billing State", REGION, WORK),
  DS ("Billing State/Province", REGION, WORK), DS ("Billing Postal Code", POSTCODE, WORK),
  DS ("Billing Zip/Postal Code", POSTCODE, WORK), DS ("Billing Country", COUNTRY, WORK),
  CS ("Other Street", STREET, OTHER), CS ("Other City", CITY, OTHER),
  CS ("Other State", REGION, OTHER), CS ("Other Postal Code", POSTCODE, OTHER),
  CS ("Other Country", COUNTRY, OTHER), CS ("Street", STREET, WORK), CS ("City", CITY, WORK),
  CS ("State", REGION, WORK), CS ("State/Province", REGION, WORK),
  CS ("Zip/Postal Code", POSTCODE, WORK), CS ("Postal Code", POSTCODE, WORK),
  CS ("Country", COUNTRY, WORK), D ("Lead Source", SOURCE), C ("Status", STATUS),
  C ("Lead Status", STATUS), C ("Description", NOTES), C ("Contact Owner", OWNER),
  D ("Owner Name", OWNER), D ("Lead Owner", OWNER), D ("Account Owner", OWNER),
  C ("Title", IGNORE), C ("Department", IGNORE), D ("Contact ID", IGNORE), D ("Lead ID", IGNORE),
  D ("Account ID", IGNORE), D ("Owner ID", IGNORE), D ("Reports To ID", IGNORE),
  D ("Is Deleted", IGNORE), D ("Salutation", IGNORE), D ("Birthdate", IGNORE),
  D ("Email Opt Out", IGNORE), D ("Do Not Call", IGNORE), D ("Created Date", IGNORE),
  D ("Created By ID", IGNORE), D ("Last Modified Date", IGNORE), D ("Last Modified By ID", IGNORE),
  D ("System Modstamp", IGNORE), D ("Last Activity Date", IGNORE), C ("ID", IGNORE),
  END
};

static const Entry hubspot[] = {
  C ("First Name", FIRST_NAME), C ("Last Name", LAST_NAME), C ("Email", EMAIL),
  DT ("Phone Number", PHONE, "work"), DT ("Mobile Phone Number", PHONE, "mobile"),
  D ("Company Name", COMPANY), D ("Associated Company", COMPANY), CS ("City", CITY, WORK),
  DS ("State/Region", REGION, WORK), DS ("Country/Region", COUNTRY, WORK),
  DS ("Street Address", STREET, WORK), CS ("Postal Code", POSTCODE, WORK),
  D ("Lifecycle Stage", STATUS), C ("Lead Status", STATUS), C ("Contact owner", OWNER),
  D ("Original Source", SOURCE), D ("Record ID", IGNORE), D ("Create Date", IGNORE),
  D ("Last Activity Date", IGNORE), C ("Job Title", IGNORE), D ("Marketing contact status", IGNORE),
  D ("Website URL", IGNORE), D ("Associated Company IDs", IGNORE),
  END
};

/* The header of SalesCRM's own client export (crm_contact_csv_header()). */
static const Entry salescrm[] = {
  XC ("id", IGNORE), X ("kind", KIND), XC ("name", NAME), XC ("company", COMPANY),
  X ("phones", PHONE), X ("emails", EMAIL), XC ("address", ADDRESS), XC ("city", CITY),
  XC ("source", SOURCE), XC ("status", STATUS), XC ("owner", OWNER), XC ("tags", TAGS),
  XC ("notes", NOTES), X ("created", IGNORE),
  END
};

typedef struct {
  CrmImportPresetInfo info;
  const Entry        *entries;
} Preset;

static const Preset presets[] = {
  { { "salescrm", N_("SalesCRM client export"), CRM_NAME_ORDER_AUTO }, salescrm },
  { { "google", N_("Google Contacts CSV"), CRM_NAME_ORDER_FIRST_LAST }, google },
  { { "outlook", N_("Outlook CSV"), CRM_NAME_ORDER_FIRST_LAST }, outlook },
  { { "thunderbird", N_("Thunderbird address book CSV"), CRM_NAME_ORDER_FIRST_LAST }, thunderbird },
  { { "bitrix24", N_("Bitrix24 contact export"), CRM_NAME_ORDER_LAST_FIRST }, bitrix24 },
  { { "amocrm", N_("amoCRM contact export"), CRM_NAME_ORDER_LAST_FIRST }, amocrm },
  { { "salesforce", N_("Salesforce export"), CRM_NAME_ORDER_FIRST_LAST }, salesforce },
  { { "hubspot", N_("HubSpot contact export"), CRM_NAME_ORDER_FIRST_LAST }, hubspot },
};

/* Generic synonyms, for the columns no preset names. */
static const Entry synonyms[] = {
  C ("name", NAME), C ("full name", NAME), C ("display name", NAME), C ("contact name", NAME),
  C ("client name", NAME), C ("contact", NAME), C ("client", NAME), C ("customer", NAME),
  C ("customer name", NAME), C ("person", NAME), C ("фио", NAME), C ("ф.и.о.", NAME),
  C ("полное имя", NAME), C ("имя фамилия", NAME), C ("клиент", NAME), C ("контакт", NAME),
  C ("контактное лицо", NAME), C ("покупатель", NAME),
  C ("first name", FIRST_NAME), C ("given name", FIRST_NAME), C ("first", FIRST_NAME),
  C ("forename", FIRST_NAME), C ("имя", FIRST_NAME),
  C ("middle name", MIDDLE_NAME), C ("second name", MIDDLE_NAME),
  C ("additional name", MIDDLE_NAME), C ("patronymic", MIDDLE_NAME), C ("отчество", MIDDLE_NAME),
  C ("last name", LAST_NAME), C ("surname", LAST_NAME), C ("family name", LAST_NAME),
  C ("last", LAST_NAME), C ("фамилия", LAST_NAME),
  C ("company", COMPANY), C ("company name", COMPANY), C ("organization", COMPANY),
  C ("organisation", COMPANY), C ("org", COMPANY), C ("account", COMPANY),
  C ("account name", COMPANY), C ("employer", COMPANY), C ("business", COMPANY),
  C ("компания", COMPANY), C ("организация", COMPANY), C ("название компании", COMPANY),
  C ("наименование", COMPANY), C ("название", COMPANY), C ("фирма", COMPANY),
  C ("контрагент", COMPANY), C ("юрлицо", COMPANY),
  C ("address", ADDRESS), C ("full address", ADDRESS), C ("postal address", ADDRESS),
  C ("mailing address", ADDRESS), C ("адрес", ADDRESS), C ("почтовый адрес", ADDRESS),
  C ("юридический адрес", ADDRESS), C ("фактический адрес", ADDRESS),
  C ("street", STREET), C ("street address", STREET), C ("address line 1", STREET),
  C ("address line 2", STREET), C ("улица", STREET), C ("улица, дом", STREET),
  C ("city", CITY), C ("town", CITY), C ("locality", CITY), C ("город", CITY),
  C ("населенный пункт", CITY),
  C ("region", REGION), C ("state", REGION), C ("province", REGION), C ("county", REGION),
  C ("state/region", REGION), C ("область", REGION), C ("регион", REGION), C ("край", REGION),
  C ("postcode", POSTCODE), C ("post code", POSTCODE), C ("postal code", POSTCODE),
  C ("zip", POSTCODE), C ("zip code", POSTCODE), C ("индекс", POSTCODE),
  C ("почтовый индекс", POSTCODE),
  C ("country", COUNTRY), C ("country/region", COUNTRY), C ("страна", COUNTRY),
  C ("notes", NOTES), C ("note", NOTES), C ("comment", NOTES), C ("comments", NOTES),
  C ("description", NOTES), C ("remarks", NOTES), C ("примечание", NOTES),
  C ("примечания", NOTES), C ("комментарий", NOTES), C ("комментарии", NOTES),
  C ("заметки", NOTES), C ("описание", NOTES),
  C ("tags", TAGS), C ("tag", TAGS), C ("labels", TAGS), C ("categories", TAGS),
  C ("category", TAGS), C ("groups", TAGS), C ("теги", TAGS), C ("метки", TAGS),
  C ("категория", TAGS), C ("категории", TAGS), C ("группа", TAGS),
  C ("source", SOURCE), C ("lead source", SOURCE), C ("origin", SOURCE), C ("channel", SOURCE),
  C ("источник", SOURCE), C ("канал", SOURCE), C ("канал привлечения", SOURCE),
  C ("status", STATUS), C ("stage", STATUS), C ("lifecycle stage", STATUS),
  C ("lead status", STATUS), C ("статус", STATUS), C ("этап", STATUS), C ("стадия", STATUS),
  C ("owner", OWNER), C ("manager", OWNER), C ("responsible", OWNER), C ("assigned to", OWNER),
  C ("account owner", OWNER), C ("contact owner", OWNER), C ("sales rep", OWNER),
  C ("ответственный", OWNER), C ("менеджер", OWNER), C ("ответственный менеджер", OWNER),
  C ("kind", KIND), C ("type", KIND), C ("client type", KIND), C ("тип", KIND),
  C ("тип клиента", KIND), C ("вид", KIND),
  C ("phone", PHONE), C ("phones", PHONE), C ("тел", PHONE), C ("email", EMAIL),
  C ("emails", EMAIL), C ("e-mail", EMAIL),
  C ("id", IGNORE), C ("created", IGNORE),
  END
};

typedef struct {
  GHashTable *by_key;     /* crm_io_key (header) → Entry */
  GHashTable *by_header;  /* exact header → Entry */
} Index;

static Index *
index_new (const Entry *entries)
{
  Index *index = g_new0 (Index, 1);

  index->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_header = g_hash_table_new (g_str_hash, g_str_equal);
  for (const Entry *e = entries; e->header != NULL; e++)
    {
      if (e->flags & EXACT)
        g_hash_table_insert (index->by_header, (gpointer) e->header, (gpointer) e);
      else
        g_hash_table_insert (index->by_key, crm_io_key (e->header), (gpointer) e);
    }
  return index;
}

static Index **
get_indexes (void)
{
  static Index *indexes[G_N_ELEMENTS (presets) + 1];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (presets); i++)
        indexes[i] = index_new (presets[i].entries);
      indexes[G_N_ELEMENTS (presets)] = index_new (synonyms);
      g_once_init_leave (&initialised, 1);
    }
  return indexes;
}

static void
set_column (CrmImportColumn *column, CrmImportField field, const char *type, guint slot)
{
  column->field = field;
  column->type = type;
  column->slot = slot;
}

/* Google numbers its repeated columns: "Phone 2 - Value", "E-mail 1 - Label",
 * "Address 1 - City", "Organization 1 - Name". */
static gboolean
match_google_numbered (const char *key, CrmImportColumn *column)
{
  static const struct { const char *prefix; const char *suffix; CrmImportField field; } forms[] = {
    { "phone", "value", CRM_IMPORT_FIELD_PHONE },
    { "phone", "type", CRM_IMPORT_FIELD_PHONE_TYPE },
    { "phone", "label", CRM_IMPORT_FIELD_PHONE_TYPE },
    { "email", "value", CRM_IMPORT_FIELD_EMAIL },
    { "email", "type", CRM_IMPORT_FIELD_EMAIL_TYPE },
    { "email", "label", CRM_IMPORT_FIELD_EMAIL_TYPE },
    { "address", "formatted", CRM_IMPORT_FIELD_ADDRESS },
    { "address", "street", CRM_IMPORT_FIELD_STREET },
    { "address", "extendedaddress", CRM_IMPORT_FIELD_STREET },
    { "address", "pobox", CRM_IMPORT_FIELD_STREET },
    { "address", "city", CRM_IMPORT_FIELD_CITY },
    { "address", "region", CRM_IMPORT_FIELD_REGION },
    { "address", "postalcode", CRM_IMPORT_FIELD_POSTCODE },
    { "address", "country", CRM_IMPORT_FIELD_COUNTRY },
    { "address", "type", CRM_IMPORT_FIELD_IGNORE },
    { "address", "label", CRM_IMPORT_FIELD_IGNORE },
    { "organization", "name", CRM_IMPORT_FIELD_COMPANY },
    { "organization", "type", CRM_IMPORT_FIELD_IGNORE },
    { "organization", "title", CRM_IMPORT_FIELD_IGNORE },
    { "organization", "department", CRM_IMPORT_FIELD_IGNORE },
    { "website", "value", CRM_IMPORT_FIELD_IGNORE },
    { "website", "type", CRM_IMPORT_FIELD_IGNORE },
    { "website", "label", CRM_IMPORT_FIELD_IGNORE },
    { "relation", "value", CRM_IMPORT_FIELD_IGNORE },
    { "event", "value", CRM_IMPORT_FIELD_IGNORE },
    { "customfield", "value", CRM_IMPORT_FIELD_IGNORE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      gsize plen = strlen (forms[i].prefix);
      const char *p = key + plen;
      char *end = NULL;
      guint64 n;

      if (strncmp (key, forms[i].prefix, plen) != 0 || !g_ascii_isdigit (*p))
        continue;
      n = g_ascii_strtoull (p, &end, 10);
      if (n == 0 || n > 99 || strcmp (end, forms[i].suffix) != 0)
        continue;
      if (forms[i].field >= CRM_IMPORT_FIELD_ADDRESS && forms[i].field <= CRM_IMPORT_FIELD_COUNTRY)
        set_column (column, forms[i].field, NULL,
                    MIN (CRM_IMPORT_SLOT_NUMBERED + (guint) n, CRM_IMPORT_N_SLOTS - 1));
      else
        set_column (column, forms[i].field, NULL, (guint) n);
      return TRUE;
    }
  return FALSE;
}

/* Whether preset @p names the column; *distinct says whether only it does. */
static gboolean
match_preset (gsize p, const char *header, const char *key, CrmImportColumn *column,
              gboolean *distinct)
{
  Index *index = get_indexes ()[p];
  const Entry *e;
  g_autofree char *trimmed = g_strstrip (g_strdup (header));

  e = g_hash_table_lookup (index->by_header, trimmed);
  if (e == NULL)
    e = g_hash_table_lookup (index->by_key, key);
  if (e != NULL)
    {
      set_column (column, e->field, e->type, e->slot);
      *distinct = (e->flags & DISTINCT) != 0;
      return TRUE;
    }
  if (g_str_equal (presets[p].info.id, "google") && match_google_numbered (key, column))
    {
      *distinct = TRUE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
contains_any (const char *key, const char * const *words)
{
  for (gsize i = 0; words[i] != NULL; i++)
    if (strstr (key, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static const char *
type_from_words (const char *key)
{
  static const char * const mobile[] = { "mobile", "cell", "мобильн", "сотов", NULL };
  static const char * const fax[] = { "fax", "факс", NULL };
  static const char * const work[] = { "work", "business", "office", "рабоч", "служебн", NULL };
  static const char * const home[] = { "home", "personal", "private", "домашн", "личн", "частн", NULL };

  if (contains_any (key, mobile))
    return "mobile";
  if (contains_any (key, fax))
    return "fax";
  if (contains_any (key, work))
    return "work";
  if (contains_any (key, home))
    return "home";
  return NULL;
}

/* The generic guess for one header: a synonym, the same with its number
 * taken off ("Email 2"), or a phone or e-mail column by the words in it. */
gboolean
crm_import_guess_column (const char *header, CrmImportColumn *column)
{
  static const char * const not_values[] = { "type", "label", "display", "name", "ext", "тип", NULL };
  static const char * const phone_words[] = { "phone", "tel", "mobile", "cell", "fax", "телефон",
                                              "мобильн", "сотов", "факс", NULL };
  static const char * const email_words[] = { "email", "почта", "емейл", "имейл", NULL };
  Index *index = get_indexes ()[G_N_ELEMENTS (presets)];
  g_autofree char *key = crm_io_key (header);
  const Entry *e;
  gsize len = strlen (key);

  set_column (column, CRM_IMPORT_FIELD_IGNORE, NULL, 0);
  if (len == 0)
    return FALSE;
  e = g_hash_table_lookup (index->by_key, key);
  while (e == NULL && len > 0 && g_ascii_isdigit (key[len - 1]))
    {
      key[--len] = '\0';
      e = g_hash_table_lookup (index->by_key, key);
    }
  if (e != NULL)
    {
      set_column (column, e->field, e->type, e->slot);
      return e->field != CRM_IMPORT_FIELD_IGNORE;
    }
  if (contains_any (key, not_values))
    return FALSE;
  if (contains_any (key, email_words) || g_str_has_suffix (key, "mail"))
    {
      set_column (column, CRM_IMPORT_FIELD_EMAIL, type_from_words (key), 0);
      return TRUE;
    }
  if (contains_any (key, phone_words))
    {
      set_column (column, CRM_IMPORT_FIELD_PHONE, type_from_words (key), 0);
      return TRUE;
    }
  return FALSE;
}

/* The columns of preset @p (or, for -1, of no preset) for every column of
 * @header: the preset's where it names the column, generic guesses for the
 * rest. */
static void
fill_columns (gssize p, const char * const *header, guint n_columns, GPtrArray *keys,
              CrmImportColumn *columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      gboolean distinct = FALSE;

      if (p < 0 || !match_preset ((gsize) p, header[i], keys->pdata[i], &columns[i], &distinct))
        crm_import_guess_column (header[i], &columns[i]);
    }
}

static GPtrArray *
header_keys (const char * const *header, guint n_columns)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (keys, crm_io_key (header[i]));
  return keys;
}

/* Fills @columns for every column of @header and returns the preset that
 * recognised the file, or NULL when generic synonyms did all the work. */
const CrmImportPresetInfo *
crm_import_detect_columns (const char * const *header, guint n_columns, CrmImportColumn *columns)
{
  g_autoptr(GPtrArray) keys = header_keys (header, n_columns);
  gssize best = -1;
  guint best_score = 0;

  for (gsize p = 0; p < G_N_ELEMENTS (presets); p++)
    {
      guint score = 0, distinct_hits = 0;

      for (guint i = 0; i < n_columns; i++)
        {
          CrmImportColumn column;
          gboolean distinct = FALSE;

          if (!match_preset (p, header[i], keys->pdata[i], &column, &distinct))
            continue;
          score += distinct ? 3 : 1;
          distinct_hits += distinct;
        }
      if (distinct_hits > 0 && score > best_score)
        {
          best = (gssize) p;
          best_score = score;
        }
    }

  fill_columns (best, header, n_columns, keys, columns);
  return best < 0 ? NULL : &presets[best].info;
}

static gssize
preset_index (const char *id)
{
  for (gsize p = 0; p < G_N_ELEMENTS (presets); p++)
    if (g_strcmp0 (presets[p].info.id, id) == 0)
      return (gssize) p;
  return -1;
}

/* Fills @columns as preset @id would read @header, whether or not the
 * header looks like that program's; NULL when there is no such preset. */
const CrmImportPresetInfo *
crm_import_preset_columns (const char *id, const char * const *header, guint n_columns,
                           CrmImportColumn *columns)
{
  gssize p = preset_index (id);
  g_autoptr(GPtrArray) keys = NULL;

  if (p < 0)
    return NULL;
  keys = header_keys (header, n_columns);
  fill_columns (p, header, n_columns, keys, columns);
  return &presets[p].info;
}

const CrmImportPresetInfo *
crm_import_find_preset (const char *id)
{
  gssize p = preset_index (id);
  return p < 0 ? NULL : &presets[p].info;
}

/* The ids of every preset ("salescrm", "google", …), NULL-terminated. */
const char * const *
crm_import_preset_ids (void)
{
  static const char *ids[G_N_ELEMENTS (presets) + 1];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (gsize p = 0; p < G_N_ELEMENTS (presets); p++)
        ids[p] = presets[p].info.id;
      g_once_init_leave (&initialised, 1);
    }
  return ids;
}

/* "Google Contacts CSV" for "google", translated; NULL for an unknown id. */
const char *
crm_import_preset_get_name (const char *id)
{
  gssize p = preset_index (id);
  return p < 0 ? NULL : _(presets[p].info.name);
}

/* A deal (opportunity) export rather than a contact list: its columns name
 * stages and deal titles. */
gboolean
crm_import_header_is_deals (const char * const *header, guint n_columns)
{
  static const char * const deal_keys[] = {
    "stagename", "dealstage", "этапсделки", "названиесделки", "dealname",
    "opportunityname", "closedate", "expectedrevenue", NULL
  };
  guint hits = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *key = crm_io_key (header[i]);
      if (g_strv_contains (deal_keys, key))
        hits++;
    }
  return hits >= 2;
}
