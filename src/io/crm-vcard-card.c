/* crm-vcard-card.c — the properties of one vCard made into a client
 *
 * Values are decoded in this order: quoted-printable or base64 to bytes;
 * bytes to UTF-8 (a raw value that is valid UTF-8 stays UTF-8 whatever its
 * CHARSET says; otherwise its CHARSET, else the encoding of the file);
 * structured values split at unescaped ';'; escapes (\n \, \; \\) undone.
 *
 * The display name is FN; without FN it is composed from N (family, given,
 * additional) in the order crm_contact_compose_name() chooses for the script.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-io-private.h"
#include "crm-vcard-private.h"

typedef struct {
  char *value;
  char *type;
  char *group;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_free (p->value);
  g_free (p->type);
  g_free (p->group);
  g_free (p);
}

void
crm_vcard_property_clear (CrmVcardProperty *p)
{
  g_free (p->junk);
  g_free (p->group);
  g_free (p->name);
  g_clear_pointer (&p->types, g_ptr_array_unref);
  g_free (p->encoding);
  g_free (p->charset);
  g_free (p->value_type);
  if (p->value != NULL)
    g_string_free (p->value, TRUE);
  memset (p, 0, sizeof *p);
}

static char *
unquote (const char *text)
{
  gsize len = strlen (text);

  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    return g_strndup (text + 1, len - 2);
  return g_strdup (text);
}

static void
add_types (CrmVcardProperty *p, const char *list)
{
  g_autofree char *plain = unquote (list);
  g_auto(GStrv) items = g_strsplit (plain, ",", -1);

  for (gsize i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] == '\0')
        continue;
      if (g_ascii_strcasecmp (items[i], "pref") == 0)
        p->pref = TRUE;
      g_ptr_array_add (p->types, g_strdup (items[i]));
    }
}

/* "item1.TEL;TYPE=work,voice;PREF=1" (up to the colon at @length). */
void
crm_vcard_parse_head (CrmVcardProperty *p, const char *head, gsize length)
{
  g_autofree char *text = g_strndup (head, length);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  const char *start = text;
  char *dot;

  for (const char *c = text;; c++)
    {
      if (*c == '"')
        quoted = !quoted;
      else if ((*c == ';' && !quoted) || *c == '\0')
        {
          g_ptr_array_add (parts, g_strndup (start, (gsize) (c - start)));
          start = c + 1;
          if (*c == '\0')
            break;
        }
    }

  p->types = g_ptr_array_new_with_free_func (g_free);
  g_strstrip (parts->pdata[0]);
  dot = strrchr (parts->pdata[0], '.');
  if (dot != NULL)
    {
      p->group = g_strndup (parts->pdata[0], (gsize) (dot - (char *) parts->pdata[0]));
      p->name = g_ascii_strup (dot + 1, -1);
    }
  else
    p->name = g_ascii_strup (parts->pdata[0], -1);

  for (guint i = 1; i < parts->len; i++)
    {
      char *param = g_strstrip (parts->pdata[i]);
      char *eq = strchr (param, '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (*param == '\0')
        continue;
      if (eq == NULL)
        {
          /* vCard 2.1: "TEL;WORK;VOICE", "LABEL;QUOTED-PRINTABLE" */
          if (g_ascii_strcasecmp (param, "QUOTED-PRINTABLE") == 0 ||
              g_ascii_strcasecmp (param, "BASE64") == 0 || g_ascii_strcasecmp (param, "8BIT") == 0 ||
              g_ascii_strcasecmp (param, "7BIT") == 0)
            {
              g_free (p->encoding);
              p->encoding = g_ascii_strdown (param, -1);
            }
          else
            add_types (p, param);
          continue;
        }
      key = g_ascii_strup (param, (gssize) (eq - param));
      g_strstrip (key);
      value = unquote (g_strstrip (eq + 1));
      if (g_str_equal (key, "TYPE"))
        add_types (p, value);
      else if (g_str_equal (key, "ENCODING"))
        {
          g_free (p->encoding);
          p->encoding = g_ascii_strdown (value, -1);
        }
      else if (g_str_equal (key, "CHARSET"))
        {
          g_free (p->charset);
          p->charset = g_steal_pointer (&value);
        }
      else if (g_str_equal (key, "VALUE"))
        {
          g_free (p->value_type);
          p->value_type = g_ascii_strdown (value, -1);
        }
      else if (g_str_equal (key, "PREF"))
        p->pref = TRUE;
    }
}

CrmVcardCard *
crm_vcard_card_new (guint begin_line, const char *fallback, gboolean converted)
{
  CrmVcardCard *card = g_new0 (CrmVcardCard, 1);

  card->begin_line = begin_line;
  card->fallback = fallback;
  card->converted = converted;
  card->phones = g_ptr_array_new_with_free_func (pending_free);
  card->emails = g_ptr_array_new_with_free_func (pending_free);
  card->address_rank = G_MAXINT;
  card->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  card->contact = crm_contact_new ();
  card->warnings = g_ptr_array_new ();
  return card;
}

void
crm_vcard_card_free (CrmVcardCard *card)
{
  if (card == NULL)
    return;
  g_free (card->version);
  g_free (card->fn);
  g_free (card->family);
  g_free (card->given);
  g_free (card->additional);
  g_free (card->org);
  g_ptr_array_unref (card->phones);
  g_ptr_array_unref (card->emails);
  g_free (card->address);
  g_free (card->city);
  g_free (card->label);
  g_hash_table_unref (card->labels);
  crm_contact_free (card->contact);
  for (guint i = 0; i < card->warnings->len; i++)
    {
      CrmVcardWarning *w = card->warnings->pdata[i];
      g_free (w->message);
      g_free (w);
    }
  g_ptr_array_unref (card->warnings);
  g_free (card);
}

/* Takes @message. */
void
crm_vcard_card_warn (CrmVcardCard *card, guint line, char *message)
{
  CrmVcardWarning *w = g_new0 (CrmVcardWarning, 1);

  w->line = line;
  w->message = message;
  g_ptr_array_add (card->warnings, w);
}

static GByteArray *
decode_qp (const char *text, gsize len)
{
  GByteArray *out = g_byte_array_sized_new ((guint) len);

  for (gsize i = 0; i < len; i++)
    {
      guint8 byte = (guint8) text[i];

      if (text[i] == '=' && i + 2 < len && g_ascii_isxdigit (text[i + 1]) &&
          g_ascii_isxdigit (text[i + 2]))
        {
          byte = (guint8) (g_ascii_xdigit_value (text[i + 1]) * 16 + g_ascii_xdigit_value (text[i + 2]));
          i += 2;
        }
      else if (text[i] == '=' && i + 1 == len)
        break;   /* a soft line break at the very end */
      g_byte_array_append (out, &byte, 1);
    }
  return out;
}

static GByteArray *
decode_base64 (const char *text)
{
  g_autofree char *compact = g_strdup (text);
  guchar *data;
  gsize n = 0, j = 0;

  for (gsize i = 0; compact[i] != '\0'; i++)
    if (!g_ascii_isspace (compact[i]))
      compact[j++] = compact[i];
  compact[j] = '\0';
  data = g_base64_decode (compact, &n);
  return g_byte_array_new_take (data, n);
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0;
}

/* The value of @p as UTF-8 text, still escaped. */
static char *
decode_text (CrmVcardCard *card, const CrmVcardProperty *p)
{
  g_autoptr(GByteArray) bytes = NULL;
  const char *data = p->value->str;
  gsize len = p->value->len;
  gboolean decoded = FALSE;
  char *out = NULL;

  if (g_strcmp0 (p->encoding, "quoted-printable") == 0)
    bytes = decode_qp (data, len);
  else if (g_strcmp0 (p->encoding, "b") == 0 || g_strcmp0 (p->encoding, "base64") == 0)
    bytes = decode_base64 (data);
  if (bytes != NULL && bytes->len == 0)
    return g_strdup ("");
  if (bytes != NULL)
    {
      for (guint i = 0; i < bytes->len; i++)
        if (bytes->data[i] == 0)
          bytes->data[i] = ' ';
      data = (const char *) bytes->data;
      len = bytes->len;
      decoded = TRUE;
    }

  if (p->charset != NULL && !is_utf8_name (p->charset) && (decoded || !card->converted) &&
      !(!decoded && g_utf8_validate (data, (gssize) len, NULL)))
    {
      g_autoptr(GError) error = NULL;

      out = crm_text_convert_charset (data, (gssize) len, p->charset, &error);
      if (out == NULL)
        crm_vcard_card_warn (card, p->line,
                             g_strdup_printf (_("%s: the character set “%s” is unknown; the "
                                                "text was read as %s."), p->name, p->charset,
                                              card->fallback));
    }
  if (out == NULL && g_utf8_validate (data, (gssize) len, NULL))
    out = g_strndup (data, len);
  if (out == NULL)
    out = crm_text_convert_charset (data, (gssize) len, card->fallback, NULL);
  if (out == NULL)
    out = g_utf8_make_valid (data, (gssize) len);
  return out;
}

/* Undoes \n \N \, \; \\ and \: (Gmail writes "http\://"). */
static char *
unescape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          if (*p == 'n' || *p == 'N')
            g_string_append_c (out, '\n');
          else if (strchr (",;:\\\"", *p) != NULL)
            g_string_append_c (out, *p);
          else
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
            }
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The components of a structured value (N, ADR, ORG), unescaped. */
static GPtrArray *
split_components (const char *text)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == ';' || *p == '\0')
        {
          g_autofree char *raw = g_strndup (start, (gsize) (p - start));
          g_ptr_array_add (parts, unescape (raw));
          start = p + 1;
          if (*p == '\0')
            break;
        }
    }
  return parts;
}

static const char *
component (GPtrArray *parts, guint i)
{
  return i < parts->len ? parts->pdata[i] : NULL;
}

static char *
name_part (GPtrArray *parts, guint i)
{
  g_autofree char *copy = g_strdup (component (parts, i));

  if (copy == NULL)
    return NULL;
  g_strdelimit (copy, ",", ' ');   /* several given or additional names */
  return crm_contact_clean_line (copy);
}

/* The type of a phone (or e-mail) from its TYPE values: fax, pager and cell
 * first, then work and home; a value SalesCRM does not know is kept as the
 * label ("school", "x-Assistant" → "Assistant"). */
static char *
type_from_tokens (GPtrArray *types, gboolean email)
{
  static const char * const ignored[] = {
    "pref", "voice", "internet", "x400", "msg", "text", "video", "textphone", "bbs", "modem",
    "isdn", "pcs", "dom", "intl", "postal", "parcel", "uri", NULL
  };
  static const char * const order[] = { "fax", "pager", "mobile", "work", "home", "main", "other" };
  gboolean seen[G_N_ELEMENTS (order)] = { FALSE };
  const char *custom = NULL;

  for (guint i = 0; i < types->len; i++)
    {
      const char *token = types->pdata[i];
      const char *canonical;
      g_autofree char *lower = g_ascii_strdown (token, -1);

      if (g_strv_contains (ignored, lower))
        continue;
      if (g_str_has_prefix (lower, "x-"))
        token += 2;
      canonical = crm_contact_phone_type (token);
      if (canonical == NULL && custom == NULL)
        custom = token;
      for (gsize k = 0; canonical != NULL && k < G_N_ELEMENTS (order); k++)
        if (g_str_equal (order[k], canonical))
          seen[k] = TRUE;
    }
  for (gsize k = 0; k < G_N_ELEMENTS (order); k++)
    if (seen[k] && (!email || k >= 3))
      return g_strdup (order[k]);
  return custom != NULL ? crm_contact_clean_line (custom) : NULL;
}

static void
add_pending (GPtrArray *array, const CrmVcardProperty *p, char *value, gboolean email)
{
  Pending *pending;

  if (value == NULL)
    return;
  pending = g_new0 (Pending, 1);
  pending->value = value;
  pending->type = type_from_tokens (p->types, email);
  pending->group = p->group != NULL ? g_ascii_strdown (p->group, -1) : NULL;
  g_ptr_array_add (array, pending);
}

static int
address_rank (const CrmVcardProperty *p)
{
  if (p->pref)
    return 0;
  for (guint i = 0; i < p->types->len; i++)
    if (g_ascii_strcasecmp (p->types->pdata[i], "work") == 0)
      return 1;
  for (guint i = 0; i < p->types->len; i++)
    if (g_ascii_strcasecmp (p->types->pdata[i], "home") == 0)
      return 2;
  return 3;
}

static void
add_address (CrmVcardCard *card, const CrmVcardProperty *p, GPtrArray *parts)
{
  /* post office box; extended address; street; locality; region; postal code; country */
  const char *address_parts[] = {
    component (parts, 0), component (parts, 1), component (parts, 2),
    component (parts, 4), component (parts, 5), component (parts, 6),
  };
  g_autofree char *address = crm_contact_compose_address (address_parts, G_N_ELEMENTS (address_parts));
  g_autofree char *city = crm_contact_clean_line (component (parts, 3));
  int rank = address_rank (p);

  if ((address == NULL && city == NULL) || rank >= card->address_rank)
    return;
  card->address_rank = rank;
  g_free (card->address);
  g_free (card->city);
  card->address = g_steal_pointer (&address);
  card->city = g_steal_pointer (&city);
}

static char *
strip_scheme (char *value, const char *scheme)
{
  gsize n = strlen (scheme);

  if (value != NULL && g_ascii_strncasecmp (value, scheme, n) == 0)
    memmove (value, value + n, strlen (value + n) + 1);
  return value;
}

/* Takes the property into the card. */
void
crm_vcard_card_add (CrmVcardCard *card, const CrmVcardProperty *p)
{
  const char *name = p->name;
  g_autofree char *text = NULL;
  CrmContact *contact = card->contact;

  if (p->skipped || p->value == NULL)
    return;
  text = decode_text (card, p);

  if (g_str_equal (name, "VERSION"))
    {
      g_free (card->version);
      card->version = g_strstrip (g_strdup (text));
    }
  else if (g_str_equal (name, "FN") && card->fn == NULL)
    {
      g_autofree char *plain = unescape (text);
      card->fn = crm_contact_clean_line (plain);
    }
  else if (g_str_equal (name, "N") && !card->has_n)
    {
      g_autoptr(GPtrArray) parts = split_components (text);
      card->has_n = TRUE;
      card->family = name_part (parts, 0);
      card->given = name_part (parts, 1);
      card->additional = name_part (parts, 2);
    }
  else if (g_str_equal (name, "ORG") && card->org == NULL)
    {
      g_autoptr(GPtrArray) parts = split_components (text);
      card->org = crm_contact_clean_line (component (parts, 0));
    }
  else if (g_str_equal (name, "TEL"))
    {
      g_autofree char *plain = unescape (text);
      add_pending (card->phones, p, strip_scheme (crm_contact_clean_line (plain), "tel:"), FALSE);
    }
  else if (g_str_equal (name, "EMAIL"))
    {
      g_autofree char *plain = unescape (text);
      add_pending (card->emails, p, strip_scheme (crm_contact_clean_line (plain), "mailto:"), TRUE);
    }
  else if (g_str_equal (name, "ADR"))
    {
      g_autoptr(GPtrArray) parts = split_components (text);
      add_address (card, p, parts);
    }
  else if (g_str_equal (name, "LABEL") && card->label == NULL)
    {
      g_autofree char *plain = unescape (text);
      const char *parts[] = { plain };
      card->label = crm_contact_compose_address (parts, 1);
    }
  else if (g_str_equal (name, "NOTE"))
    {
      g_autofree char *plain = unescape (text);
      g_autofree char *clean = crm_contact_clean (plain, -1);
      crm_contact_append_notes (contact, clean);
    }
  else if (g_str_equal (name, "CATEGORIES"))
    {
      /* Split at every comma, escaped or not: Thunderbird writes
       * "category1\, category2". */
      g_autofree char *plain = unescape (text);
      g_auto(GStrv) tags = g_strsplit (plain, ",", -1);
      for (gsize i = 0; tags[i] != NULL; i++)
        {
          g_autofree char *tag = crm_contact_clean_line (tags[i]);
          crm_contact_add_tag (contact, tag);
        }
    }
  else if (g_str_equal (name, "UID") && contact->uid == NULL)
    contact->uid = crm_contact_clean_line (text);
  else if (g_str_equal (name, "KIND") || g_str_equal (name, "X-ABSHOWAS"))
    {
      g_autofree char *kind = g_strstrip (g_ascii_strdown (text, -1));
      card->is_org = g_str_equal (kind, "org") || g_str_equal (kind, "organization") ||
                     g_str_equal (kind, "company");
    }
  else if (g_str_equal (name, "X-ABLABEL") && p->group != NULL)
    {
      g_autofree char *plain = unescape (text);
      g_hash_table_replace (card->labels, g_ascii_strdown (p->group, -1), crm_contact_clean_line (plain));
    }
  else if (g_str_equal (name, "X-SALESCRM-STATUS") && contact->status == NULL)
    contact->status = g_strdup (crm_contact_parse_status (text));
  else if (g_str_equal (name, "X-SALESCRM-SOURCE") && contact->source == NULL)
    contact->source = g_strdup (crm_contact_parse_source (text));
  else if (g_str_equal (name, "X-SALESCRM-OWNER") && contact->owner == NULL)
    {
      g_autofree char *plain = unescape (text);
      contact->owner = crm_contact_clean_line (plain);
    }
}

/* The type an itemN.X-ABLabel names, as a new string; never interned (the
 * labels come from files, and interned strings live for ever). */
static char *
group_label (CrmVcardCard *card, const Pending *p)
{
  const char *label;
  const char *canonical;

  if (p->group == NULL)
    return NULL;
  label = g_hash_table_lookup (card->labels, p->group);
  if (label == NULL)
    return NULL;
  canonical = crm_contact_phone_type (label);
  if (canonical != NULL)
    return g_strdup (canonical);
  if (g_str_has_prefix (label, "_$!<") && g_str_has_suffix (label, ">!$_") && strlen (label) > 8)
    return g_strndup (label + 4, strlen (label) - 8);
  return g_strdup (label);
}

/* The client the card describes, or NULL when it names nobody. */
CrmContact *
crm_vcard_card_to_contact (CrmVcardCard *card)
{
  g_autoptr(CrmContact) contact = g_steal_pointer (&card->contact);

  card->contact = crm_contact_new ();
  contact->line = card->begin_line;
  contact->name = g_strdup (card->fn);
  if (contact->name == NULL)
    contact->name = crm_contact_compose_name (card->given, card->additional, card->family,
                                              CRM_NAME_ORDER_AUTO);
  contact->company = g_strdup (card->org);
  for (guint i = 0; i < card->phones->len; i++)
    {
      Pending *p = card->phones->pdata[i];
      g_autofree char *label = p->type != NULL ? NULL : group_label (card, p);
      crm_contact_add_phone (contact, p->value, p->type != NULL ? p->type : label);
    }
  for (guint i = 0; i < card->emails->len; i++)
    {
      Pending *p = card->emails->pdata[i];
      g_autofree char *label = p->type != NULL ? NULL : group_label (card, p);
      crm_contact_add_email (contact, p->value, p->type != NULL ? p->type : label);
    }
  contact->address = g_strdup (card->address != NULL ? card->address : card->label);
  contact->city = g_strdup (card->city);
  if (card->is_org)
    {
      contact->kind = CRM_CONTACT_COMPANY;
      if (contact->name == NULL)
        contact->name = g_strdup (contact->company);
    }
  if (!crm_contact_has_identity (contact))
    return NULL;
  crm_contact_finish (contact);
  return g_steal_pointer (&contact);
}
