/* crm-contact.c — one client as an import file describes it
 *
 * The record that the CSV and vCard readers fill and the writers read. Values
 * are cleaned on the way in: trimmed of every kind of space (the no-break
 * space of Russian Excel, the ideographic space U+3000, a stray BOM), and
 * status and source texts recognised in English and Russian.
 *
 * The choices every importer shares:
 * - The display name is the file's full name when it has one. Otherwise the
 *   name parts are joined: "Фамилия Имя Отчество" for Russian sources (the
 *   Bitrix24 and amoCRM presets, Russian column titles, Cyrillic names),
 *   since that is how Bitrix24 and amoCRM users see their contacts, and
 *   "First Middle Last" for everyone else. With no name at all, the company
 *   names the client (who is then a company), else the first e-mail, else
 *   the first phone (crm_contact_finish()).
 * - Status and source texts become the codes of the database ("Постоянный
 *   клиент" → "regular", "Входящий звонок" → "inbound_call"). A text that is
 *   not recognised leaves the field NULL — the database default applies —
 *   and the importer reports it as a warning that quotes the text.
 * - The address is the postal address without the city; the city is apart.
 * - Phones and e-mails are not repeated; a later duplicate only adds a type.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <string.h>

#include "crm-contact.h"
#include "crm-io-private.h"

G_DEFINE_BOXED_TYPE (CrmContact, crm_contact, crm_contact_copy, crm_contact_free)

static void
value_free (gpointer data)
{
  CrmContactValue *v = data;

  g_free (v->value);
  g_free (v->type);
  g_free (v);
}

CrmContact *
crm_contact_new (void)
{
  CrmContact *c = g_new0 (CrmContact, 1);

  c->kind = CRM_CONTACT_PERSON;
  c->phones = g_ptr_array_new_with_free_func (value_free);
  c->emails = g_ptr_array_new_with_free_func (value_free);
  c->tags = g_ptr_array_new_with_free_func (g_free);
  return c;
}

void
crm_contact_free (CrmContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->name);
  g_free (contact->company);
  g_ptr_array_unref (contact->phones);
  g_ptr_array_unref (contact->emails);
  g_free (contact->address);
  g_free (contact->city);
  g_free (contact->notes);
  g_ptr_array_unref (contact->tags);
  g_free (contact->source);
  g_free (contact->status);
  g_free (contact->owner);
  g_free (contact->uid);
  g_free (contact);
}

CrmContact *
crm_contact_copy (const CrmContact *contact)
{
  CrmContact *c;

  g_return_val_if_fail (contact != NULL, NULL);

  c = crm_contact_new ();
  c->kind = contact->kind;
  c->name = g_strdup (contact->name);
  c->company = g_strdup (contact->company);
  for (guint i = 0; i < contact->phones->len; i++)
    {
      const CrmContactValue *v = contact->phones->pdata[i];
      crm_contact_add_phone (c, v->value, v->type);
    }
  for (guint i = 0; i < contact->emails->len; i++)
    {
      const CrmContactValue *v = contact->emails->pdata[i];
      crm_contact_add_email (c, v->value, v->type);
    }
  c->address = g_strdup (contact->address);
  c->city = g_strdup (contact->city);
  c->notes = g_strdup (contact->notes);
  for (guint i = 0; i < contact->tags->len; i++)
    g_ptr_array_add (c->tags, g_strdup (contact->tags->pdata[i]));
  c->source = g_strdup (contact->source);
  c->status = g_strdup (contact->status);
  c->owner = g_strdup (contact->owner);
  c->uid = g_strdup (contact->uid);
  c->line = contact->line;
  return c;
}

static gboolean
values_equal (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const CrmContactValue *x = a->pdata[i], *y = b->pdata[i];
      if (g_strcmp0 (x->value, y->value) != 0 || g_strcmp0 (x->type, y->type) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Everything but @line, which only says where a record was found. */
gboolean
crm_contact_equal (const CrmContact *a, const CrmContact *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind || a->tags->len != b->tags->len)
    return FALSE;
  for (guint i = 0; i < a->tags->len; i++)
    if (g_strcmp0 (a->tags->pdata[i], b->tags->pdata[i]) != 0)
      return FALSE;
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->company, b->company) == 0 &&
         values_equal (a->phones, b->phones) &&
         values_equal (a->emails, b->emails) &&
         g_strcmp0 (a->address, b->address) == 0 &&
         g_strcmp0 (a->city, b->city) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         g_strcmp0 (a->uid, b->uid) == 0;
}

static void
add_value (GPtrArray *array, const char *value, const char *type)
{
  CrmContactValue *v;

  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < array->len; i++)
    {
      CrmContactValue *old = array->pdata[i];
      if (g_str_equal (old->value, value))
        {
          if (old->type == NULL && type != NULL)
            old->type = g_strdup (type);
          return;
        }
    }
  v = g_new0 (CrmContactValue, 1);
  v->value = g_strdup (value);
  v->type = g_strdup (type);
  g_ptr_array_add (array, v);
}

/* Adds a phone unless the contact already has it. */
void
crm_contact_add_phone (CrmContact *contact, const char *value, const char *type)
{
  g_return_if_fail (contact != NULL);
  add_value (contact->phones, value, type);
}

void
crm_contact_add_email (CrmContact *contact, const char *value, const char *type)
{
  g_return_if_fail (contact != NULL);
  add_value (contact->emails, value, type);
}

void
crm_contact_add_tag (CrmContact *contact, const char *tag)
{
  g_return_if_fail (contact != NULL);

  if (tag == NULL || *tag == '\0')
    return;
  for (guint i = 0; i < contact->tags->len; i++)
    if (g_str_equal (contact->tags->pdata[i], tag))
      return;
  g_ptr_array_add (contact->tags, g_strdup (tag));
}

/* Notes from several columns or properties, one paragraph each. */
void
crm_contact_append_notes (CrmContact *contact, const char *text)
{
  g_return_if_fail (contact != NULL);

  if (text == NULL || *text == '\0')
    return;
  if (contact->notes == NULL)
    contact->notes = g_strdup (text);
  else
    {
      char *joined = g_strconcat (contact->notes, "\n", text, NULL);
      g_free (contact->notes);
      contact->notes = joined;
    }
}

/* A record worth importing names someone: a name, a company, a phone or an
 * e-mail address. */
gboolean
crm_contact_has_identity (const CrmContact *contact)
{
  g_return_val_if_fail (contact != NULL, FALSE);

  return contact->name != NULL || contact->company != NULL ||
         contact->phones->len > 0 || contact->emails->len > 0;
}

/* Gives a contact its display name when the file gave none: the company
 * (and the contact is then a company), else the first e-mail, else the
 * first phone. */
void
crm_contact_finish (CrmContact *contact)
{
  g_return_if_fail (contact != NULL);

  if (contact->name != NULL)
    return;
  if (contact->company != NULL)
    {
      contact->name = g_strdup (contact->company);
      contact->kind = CRM_CONTACT_COMPANY;
    }
  else if (contact->emails->len > 0)
    contact->name = g_strdup (((CrmContactValue *) contact->emails->pdata[0])->value);
  else if (contact->phones->len > 0)
    contact->name = g_strdup (((CrmContactValue *) contact->phones->pdata[0])->value);
}

static gboolean
is_blank (gunichar c)
{
  switch (c)
    {
    case 0xFEFF:  /* byte-order mark, zero-width no-break space */
    case 0x200B:  /* zero-width space */
    case 0x200C:
    case 0x200D:
    case 0x2060:  /* word joiner */
      return TRUE;
    default:
      return g_unichar_isspace (c) || c < 0x20 || c == 0x7F;
    }
}

/* The length in bytes of the blank character at @p (a space of any kind,
 * a line break, a control character), or 0. Only the lead bytes of the
 * Unicode spaces are decoded, so Cyrillic text goes by fast. */
static inline gsize
blank_length (const char *p, const char *end)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    return (c <= 0x20 || c == 0x7F) ? 1 : 0;
  if (c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF)
    {
      gunichar u = g_utf8_get_char_validated (p, end - p);
      if (u < 0x110000 && is_blank (u))
        return (gsize) (g_utf8_next_char (p) - p);
    }
  return 0;
}

/* Where the run of characters that are not blank from @p ends. */
static const char *
run_end (const char *p, const char *end)
{
  while (p < end && blank_length (p, end) == 0)
    p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
  return p;
}

/* Appends the characters from @p up to the next blank one; returns where
 * it stopped. */
static const char *
append_run (GString *out, const char *p, const char *end)
{
  const char *stop = run_end (p, end);

  g_string_append_len (out, p, (gssize) (stop - p));
  return stop;
}

static const char *
valid_utf8 (const char *text, gssize length, char **copy, gsize *out_length)
{
  if (length < 0)
    length = (gssize) strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    {
      *copy = g_utf8_make_valid (text, length);
      *out_length = strlen (*copy);
      return *copy;
    }
  *out_length = (gsize) length;
  return text;
}

/* @text trimmed of spaces of every kind (and control characters) at both
 * ends, line ends made "\n", other control characters inside made spaces;
 * NULL when nothing is left. */
char *
crm_contact_clean (const char *text, gssize length)
{
  g_autofree char *copy = NULL;
  const char *p, *end;
  gsize len, keep = 0;
  GString *out;

  if (text == NULL)
    return NULL;
  p = valid_utf8 (text, length, &copy, &len);
  end = p + len;
  while (p < end)
    {
      gsize b = blank_length (p, end);
      if (b == 0)
        break;
      p += b;
    }
  if (p == end)
    return NULL;

  out = g_string_sized_new ((gsize) (end - p));
  while (p < end)
    {
      gsize b = blank_length (p, end);

      if (b == 0)
        {
          p = append_run (out, p, end);
          keep = out->len;
          continue;
        }
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p + 1 < end && p[1] == '\n')
            p++;
        }
      else if (*p == '\n' || *p == '\t')
        g_string_append_c (out, *p);
      else if (b == 1)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, (gssize) b);
      p += b;
    }
  g_string_truncate (out, keep);
  return g_string_free (out, FALSE);
}

/* A one-line value (a name, a phone): cleaned, and every run of spaces and
 * line breaks inside made one plain space. Never longer than @text: written
 * straight into a buffer of its length (every cell of an import passes
 * here). */
char *
crm_contact_clean_line (const char *text)
{
  g_autofree char *copy = NULL;
  const char *p, *end;
  gsize len;
  gboolean space = FALSE;
  char *out, *o;

  if (text == NULL)
    return NULL;
  p = valid_utf8 (text, -1, &copy, &len);
  end = p + len;
  o = out = g_malloc (len + 1);
  while (p < end)
    {
      gsize b = blank_length (p, end);
      const char *run;

      if (b > 0)
        {
          space = o > out;
          p += b;
          continue;
        }
      if (space)
        *o++ = ' ';
      space = FALSE;
      run = p;
      p = run_end (p, end);
      memcpy (o, run, (gsize) (p - run));
      o += p - run;
    }
  if (o == out)
    {
      g_free (out);
      return NULL;
    }
  *o = '\0';
  return out;
}

/* Joins name parts into a display name. Russian users expect
 * "Фамилия Имя Отчество" (how Bitrix24 and amoCRM show a contact); everyone
 * else expects "First Middle Last". */
char *
crm_contact_compose_name (const char *first, const char *middle, const char *last, CrmNameOrder order)
{
  g_autofree char *f = crm_contact_clean_line (first);
  g_autofree char *m = crm_contact_clean_line (middle);
  g_autofree char *l = crm_contact_clean_line (last);
  const char *parts[3];
  GString *out = g_string_new (NULL);

  if (order == CRM_NAME_ORDER_AUTO)
    order = (crm_io_has_cyrillic (f) || crm_io_has_cyrillic (m) || crm_io_has_cyrillic (l))
            ? CRM_NAME_ORDER_LAST_FIRST : CRM_NAME_ORDER_FIRST_LAST;
  if (order == CRM_NAME_ORDER_LAST_FIRST)
    parts[0] = l, parts[1] = f, parts[2] = m;
  else
    parts[0] = f, parts[1] = m, parts[2] = l;
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, parts[i]);
      }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Joins the parts of a postal address with ", ", each part on one line. */
char *
crm_contact_compose_address (const char * const *parts, gsize n_parts)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n_parts; i++)
    {
      g_autofree char *clean = crm_contact_clean (parts[i], -1);
      g_auto(GStrv) lines = NULL;

      if (clean == NULL)
        continue;
      lines = g_strsplit (clean, "\n", -1);
      for (gsize j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *line = crm_contact_clean_line (lines[j]);
          gsize len;

          if (line == NULL)
            continue;
          len = strlen (line);
          if (line[len - 1] == ',')   /* "Silicon Alley 5," */
            line[len - 1] = '\0';
          if (*line == '\0')
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, line);
        }
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Status and source texts as CRMs and spreadsheets write them, in English
 * and Russian, to the codes of the database. The keys are compared after
 * crm_io_key(): case, punctuation and spaces do not matter. */
static const char * const status_pairs[] = {
  "lead", "lead", "new", "lead", "new lead", "lead", "subscriber", "lead",
  "marketing qualified lead", "lead", "open", "lead", "unqualified", "lead",
  "лид", "lead", "новый", "lead", "новый лид", "lead", "новый клиент", "lead",
  "неразобранное", "lead", "первичный контакт", "lead",
  "prospect", "prospect", "potential", "prospect", "qualified", "prospect",
  "opportunity", "prospect", "in progress", "prospect", "sales qualified lead", "prospect",
  "open deal", "prospect", "потенциальный", "prospect", "потенциальный клиент", "prospect",
  "перспективный", "prospect", "в работе", "prospect", "переговоры", "prospect",
  "customer", "customer", "client", "customer", "active", "customer", "клиент", "customer",
  "клиенты", "customer", "покупатель", "customer", "заказчик", "customer", "активный", "customer",
  "действующий клиент", "customer",
  "regular", "regular", "repeat", "regular", "repeat customer", "regular", "loyal", "regular",
  "evangelist", "regular", "постоянный", "regular", "постоянный клиент", "regular",
  "лояльный", "regular", "vip", "regular",
  "lost", "lost", "churned", "lost", "inactive", "lost", "closed lost", "lost", "former", "lost",
  "потерян", "lost", "потерянный", "lost", "отказ", "lost", "ушел", "lost", "бывший клиент", "lost",
  "неактивный", "lost", "закрыто и не реализовано", "lost",
  NULL
};

static const char * const source_pairs[] = {
  "inbound_call", "inbound_call", "inbound call", "inbound_call", "incoming call", "inbound_call",
  "call", "inbound_call", "phone", "inbound_call", "phone inquiry", "inbound_call",
  "callback", "inbound_call", "входящий звонок", "inbound_call", "входящий", "inbound_call",
  "звонок", "inbound_call", "обратный звонок", "inbound_call", "телефон", "inbound_call",
  "outbound_call", "outbound_call", "outbound call", "outbound_call", "outgoing call", "outbound_call",
  "cold call", "outbound_call", "cold calling", "outbound_call", "исходящий звонок", "outbound_call",
  "исходящий", "outbound_call", "холодный звонок", "outbound_call", "обзвон", "outbound_call",
  "referral", "referral", "referrals", "referral", "recommendation", "referral",
  "word of mouth", "referral", "partner", "referral", "partner referral", "referral",
  "employee referral", "referral", "external referral", "referral",
  "рекомендация", "referral", "по рекомендации", "referral", "сарафанное радио", "referral",
  "партнер", "referral", "от партнера", "referral", "партнеры", "referral",
  "website", "website", "web site", "website", "site", "website", "web", "website",
  "webform", "website", "web form", "website", "online", "website", "internet", "website",
  "organic search", "website", "direct traffic", "website", "paid search", "website",
  "сайт", "website", "веб-сайт", "website", "с сайта", "website", "форма на сайте", "website",
  "веб-форма", "website", "интернет", "website", "crm-форма", "website",
  "other", "other", "others", "other", "advertisement", "other", "advertising", "other",
  "email", "other", "trade show", "other", "purchased list", "other", "public relations", "other",
  "seminar", "other", "social media", "other", "offline sources", "other",
  "другое", "other", "прочее", "other", "реклама", "other", "выставка", "other",
  "электронная почта", "other", "социальные сети", "other", "собственный контакт", "other",
  NULL
};

static const char * const kind_pairs[] = {
  "person", "person", "individual", "person", "private", "person", "contact", "person",
  "физлицо", "person", "физическое лицо", "person", "частное лицо", "person", "контакт", "person",
  "человек", "person",
  "company", "company", "organization", "company", "organisation", "company", "org", "company",
  "business", "company", "legal entity", "company", "юрлицо", "company",
  "юридическое лицо", "company", "компания", "company", "организация", "company",
  NULL
};

static const char * const phone_type_pairs[] = {
  "work", "work", "business", "work", "office", "work",
  "рабочий", "work", "рабочий прямой", "work", "служебный", "work",
  "mobile", "mobile", "cell", "mobile", "cellular", "mobile", "iphone", "mobile",
  "мобильный", "mobile", "сотовый", "mobile",
  "home", "home", "private", "home", "personal", "home", "домашний", "home", "личный", "home",
  "частный", "home",
  "fax", "fax", "work fax", "fax", "home fax", "fax", "business fax", "fax", "факс", "fax",
  "pager", "pager", "пейджер", "pager",
  "main", "main", "company main", "main", "основной", "main",
  "other", "other", "другой", "other", "для рассылок", "other",
  NULL
};

typedef enum { TABLE_STATUS, TABLE_SOURCE, TABLE_KIND, TABLE_PHONE_TYPE, N_TABLES } Table;

static GHashTable *
get_table (Table which)
{
  static GHashTable *tables[N_TABLES];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      tables[TABLE_STATUS] = crm_io_key_table_new (status_pairs);
      tables[TABLE_SOURCE] = crm_io_key_table_new (source_pairs);
      tables[TABLE_KIND] = crm_io_key_table_new (kind_pairs);
      tables[TABLE_PHONE_TYPE] = crm_io_key_table_new (phone_type_pairs);
      g_once_init_leave (&initialised, 1);
    }
  return tables[which];
}

/* "Постоянный клиент" → "regular"; NULL for a text it does not know. */
const char *
crm_contact_parse_status (const char *text)
{
  return crm_io_key_lookup (get_table (TABLE_STATUS), text);
}

/* "Входящий звонок" → "inbound_call"; NULL for a text it does not know. */
const char *
crm_contact_parse_source (const char *text)
{
  return crm_io_key_lookup (get_table (TABLE_SOURCE), text);
}

gboolean
crm_contact_parse_kind (const char *text, CrmContactKind *kind)
{
  const char *code = crm_io_key_lookup (get_table (TABLE_KIND), text);

  if (code == NULL)
    return FALSE;
  *kind = g_str_equal (code, "company") ? CRM_CONTACT_COMPANY : CRM_CONTACT_PERSON;
  return TRUE;
}

const char *
crm_contact_kind_to_string (CrmContactKind kind)
{
  return kind == CRM_CONTACT_COMPANY ? "company" : "person";
}

/* The canonical type of a phone or e-mail label: "Mobile Phone",
 * "_$!<Mobile>!$_" and "Мобильный" are all "mobile". */
const char *
crm_contact_phone_type (const char *label)
{
  g_autofree char *inner = NULL;
  const char *p;

  if (label == NULL)
    return NULL;
  /* Apple writes its own labels as _$!<Label>!$_ */
  if (g_str_has_prefix (label, "_$!<") && g_str_has_suffix (label, ">!$_") && strlen (label) > 8)
    {
      inner = g_strndup (label + 4, strlen (label) - 8);
      label = inner;
    }
  p = crm_io_key_lookup (get_table (TABLE_PHONE_TYPE), label);
  return p;
}

CrmImportProblem *
crm_import_problem_new (CrmImportSeverity severity, const char *file, guint line, guint column,
                        const char *message)
{
  CrmImportProblem *p = g_new0 (CrmImportProblem, 1);

  p->severity = severity;
  p->file = g_strdup (file);
  p->line = line;
  p->column = column;
  p->message = g_strdup (message);
  return p;
}

void
crm_import_problem_free (CrmImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

/* Adds a problem to an array made with
 * g_ptr_array_new_with_free_func (crm_import_problem_free); takes @message. */
void
crm_import_problems_add (GPtrArray *problems, CrmImportSeverity severity, const char *file,
                         guint line, guint column, char *message)
{
  g_autofree char *owned = message;

  if (problems == NULL)
    return;
  g_ptr_array_add (problems, crm_import_problem_new (severity, file, line, column, owned));
}

/* "clients.csv, line 12, column 3: …" */
char *
crm_import_problem_to_string (const CrmImportProblem *problem)
{
  g_autofree char *position = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  position = crm_io_position (problem->file, problem->line, problem->column);
  if (position == NULL)
    return g_strdup (problem->message);
  return g_strdup_printf ("%s: %s", position, problem->message);
}
