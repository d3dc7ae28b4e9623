/* crm-vcard-writer.c — clients as vCard 4.0
 *
 * RFC 6350: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * sequence), text escaped (\\ \, \; and \n). The name goes to FN and, split
 * into family and given names, to N ("Петров Иван Иванович" is read family
 * first, "John Quincy Public" family last). Phone types become TYPE values
 * (mobile is "cell"; a label of the user's own as "x-" plus the label).
 * Status, source and owner, which vCard has no property for, are written as
 * X-SALESCRM-STATUS, X-SALESCRM-SOURCE and X-SALESCRM-OWNER, and read back.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <string.h>

#include "crm-io-private.h"
#include "crm-vcard.h"

#define FOLD_OCTETS 75

/* Appends @line (without its line end) folded at 75 octets, then CRLF. */
static void
append_folded (GString *out, const char *line)
{
  gsize len = strlen (line), pos = 0, limit = FOLD_OCTETS;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, (gssize) (cut - pos));
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = FOLD_OCTETS - 1;   /* the space that starts a folded line counts */
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
append_escaped (GString *out, const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
append_property (GString *out, const char *name, const char *params, const char * const *values,
                 gsize n_values, char separator)
{
  g_autoptr(GString) line = g_string_new (name);

  if (params != NULL)
    g_string_append (line, params);
  g_string_append_c (line, ':');
  for (gsize i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (line, separator);
      append_escaped (line, values[i]);
    }
  append_folded (out, line->str);
}

static void
append_text (GString *out, const char *name, const char *value)
{
  if (value != NULL && *value != '\0')
    append_property (out, name, NULL, &value, 1, ';');
}

static char *
join_words (char **words, guint from, guint to)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/* N: family;given;additional;; from the display name. */
static void
append_n (GString *out, const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);
  g_autofree char *additional = NULL;
  const char *values[5] = { "", "", "", "", "" };

  if (n == 1)
    values[0] = words[0];
  else if (crm_io_has_cyrillic (name))
    {
      values[0] = words[0];
      values[1] = words[1];
      additional = join_words (words, 2, n);
    }
  else if (n > 1)
    {
      values[0] = words[n - 1];
      values[1] = words[0];
      additional = join_words (words, 1, n - 1);
    }
  if (additional != NULL)
    values[2] = additional;
  append_property (out, "N", NULL, values, G_N_ELEMENTS (values), ';');
}

/* ";TYPE=cell" for a phone or e-mail type; a label of the user's own is
 * written as "x-Label" when it is safe as a parameter value. */
static char *
type_param (const char *type)
{
  if (type == NULL || *type == '\0')
    return NULL;
  if (g_str_equal (type, "mobile"))
    return g_strdup (";TYPE=cell");
  if (g_str_equal (type, "work") || g_str_equal (type, "home") || g_str_equal (type, "fax") ||
      g_str_equal (type, "pager"))
    return g_strdup_printf (";TYPE=%s", type);
  if (strpbrk (type, "\";:,\\\r\n") != NULL)
    return NULL;
  return g_strdup_printf (";TYPE=\"x-%s\"", type);
}

static void
append_values (GString *out, const char *name, GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    {
      const CrmContactValue *v = values->pdata[i];
      g_autofree char *params = type_param (v->type);
      const char *value = v->value;

      append_property (out, name, params, &value, 1, ';');
    }
}

/* Appends one vCard 4.0 for @contact to @out; UID when the contact has one. */
void
crm_vcard_append (GString *out, const CrmContact *contact)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (contact != NULL);

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
  if (contact->kind == CRM_CONTACT_COMPANY)
    g_string_append (out, "KIND:org\r\n");
  append_text (out, "FN", contact->name != NULL ? contact->name : contact->company);
  if (contact->kind == CRM_CONTACT_PERSON && contact->name != NULL)
    append_n (out, contact->name);
  append_text (out, "ORG", contact->company);
  append_values (out, "TEL", contact->phones);
  append_values (out, "EMAIL", contact->emails);
  if (contact->address != NULL || contact->city != NULL)
    {
      const char *adr[] = { "", "", contact->address ? contact->address : "",
                            contact->city ? contact->city : "", "", "", "" };
      append_property (out, "ADR", NULL, adr, G_N_ELEMENTS (adr), ';');
    }
  append_text (out, "NOTE", contact->notes);
  if (contact->tags->len > 0)
    append_property (out, "CATEGORIES", NULL, (const char * const *) contact->tags->pdata,
                     contact->tags->len, ',');
  append_text (out, "UID", contact->uid);
  append_text (out, "X-SALESCRM-STATUS", contact->status);
  append_text (out, "X-SALESCRM-SOURCE", contact->source);
  append_text (out, "X-SALESCRM-OWNER", contact->owner);
  g_string_append (out, "END:VCARD\r\n");
}

char *
crm_vcard_write (const CrmContact *contact)
{
  GString *out = g_string_new (NULL);

  crm_vcard_append (out, contact);
  return g_string_free (out, FALSE);
}
