/* crm-vcard.c — reading vCard 2.1, 3.0 and 4.0 address books
 *
 * What phones and address books write: folded lines (a line end and a space
 * or tab; CRLF, LF, CR and Apple's CR CR LF line ends), 2.1 quoted-printable
 * with soft line breaks and bare parameters ("TEL;WORK;VOICE:",
 * "LABEL;QUOTED-PRINTABLE;WORK:"), CHARSET parameters (windows-1251 from old
 * Russian phones), groups ("item1.TEL" with "item1.X-ABLabel"), escapes.
 * PHOTO, LOGO, SOUND and KEY are skipped as they are read, base64 blocks of
 * 2.1 included (indented or not, ended by a blank line), so a photo costs no
 * memory.
 *
 * Each card becomes a CrmContact. A card that is broken — content outside
 * any BEGIN:VCARD, a card without END:VCARD, a card that names nobody — is
 * reported with its line and skipped; the cards around it are kept.
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

#define MAX_HEAD 8192

struct _CrmVcardReader {
  GBytes     *bytes;
  char       *owned_text;
  const char *text;
  gsize       len;
  gsize       pos;
  const char *fallback;     /* the encoding of 8-bit values that are not UTF-8 */
  gboolean    converted;    /* the whole file was converted to UTF-8 */
  char       *display_name;
  guint       line;         /* the line number of the next physical line */

  gboolean    have_peek;    /* a physical line read ahead */
  const char *peek;
  gsize       peek_len;
  guint       peek_line;

  CrmVcardCard *card;
  guint       nested;       /* depth inside a 2.1 AGENT's embedded card */
  gboolean    agent_open;   /* the last property was an AGENT without a value */
  gboolean    outside_reported;
};

static gboolean
next_physical (CrmVcardReader *r, const char **start, gsize *len, guint *line)
{
  const char *s, *p, *end;

  if (r->have_peek)
    {
      r->have_peek = FALSE;
      *start = r->peek;
      *len = r->peek_len;
      *line = r->peek_line;
      return TRUE;
    }
  if (r->pos >= r->len)
    return FALSE;

  s = r->text + r->pos;
  end = r->text + r->len;
  for (p = s; p < end && *p != '\n' && *p != '\r'; p++)
    ;
  *start = s;
  *len = (gsize) (p - s);
  *line = r->line++;
  if (p < end && *p == '\r')
    {
      const char *q = p;
      while (q < end && *q == '\r')
        q++;
      /* "\r\r\n" (iOS) is one line end; a lone "\r" is one too. */
      p = (q < end && *q == '\n') ? q + 1 : p + 1;
    }
  else if (p < end)
    p++;
  r->pos = (gsize) (p - r->text);
  return TRUE;
}

static void
unread_physical (CrmVcardReader *r, const char *start, gsize len, guint line)
{
  r->have_peek = TRUE;
  r->peek = start;
  r->peek_len = len;
  r->peek_line = line;
}

static gboolean
is_blank_line (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t')
      return FALSE;
  return TRUE;
}

static gboolean
is_base64_line (const char *s, gsize len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '+' && s[i] != '/' && s[i] != '=' && s[i] != ' ')
      return FALSE;
  return TRUE;
}

static gboolean
is_binary_property (const char *name)
{
  return g_str_equal (name, "PHOTO") || g_str_equal (name, "LOGO") ||
         g_str_equal (name, "SOUND") || g_str_equal (name, "KEY");
}

/* Skips the rest of a binary value: its folded lines and, for base64, the
 * unindented lines of a 2.1 block and the blank line that ends it. */
static void
skip_binary (CrmVcardReader *r, gboolean base64)
{
  const char *s;
  gsize len;
  guint line;

  while (next_physical (r, &s, &len, &line))
    {
      if (len > 0 && (s[0] == ' ' || s[0] == '\t'))
        continue;
      if (base64 && is_base64_line (s, len) && memchr (s, ':', len) == NULL)
        continue;
      if (!(base64 && len == 0))
        unread_physical (r, s, len, line);
      return;
    }
}

static gboolean
is_qp (const CrmVcardProperty *p)
{
  return g_strcmp0 (p->encoding, "quoted-printable") == 0;
}

/* One property, unfolded. FALSE at the end of the file. */
static gboolean
read_property (CrmVcardReader *r, CrmVcardProperty *p)
{
  g_autoptr(GString) head = g_string_new (NULL);
  const char *s;
  gsize len, colon = 0;
  guint line;
  gboolean found = FALSE, quoted = FALSE;

  memset (p, 0, sizeof *p);
  do
    {
      if (!next_physical (r, &s, &len, &line))
        return FALSE;
    }
  while (is_blank_line (s, len));
  p->line = line;

  /* The name and parameters end at the first ':' outside quotes; a long
   * parameter list may be folded too. Neither is kept beyond MAX_HEAD. */
  for (;;)
    {
      gsize take = MIN (len, MAX_HEAD + 1 - MIN (head->len, MAX_HEAD + 1));

      for (colon = 0; colon < take && !found; colon++)
        {
          if (s[colon] == '"')
            quoted = !quoted;
          else if (s[colon] == ':' && !quoted)
            found = TRUE;
        }
      if (found)
        colon--;
      g_string_append_len (head, s, (gssize) (found ? colon : take));
      if (found || head->len > MAX_HEAD)
        break;
      if (!next_physical (r, &s, &len, &line))
        break;
      if (len == 0 || (s[0] != ' ' && s[0] != '\t'))
        {
          unread_physical (r, s, len, line);
          break;
        }
      s++, len--;
    }
  if (!found)
    {
      p->junk = g_strndup (head->str, MIN (head->len, 60));
      return TRUE;
    }

  /* s[colon] is the colon; the value starts after it. */
  crm_vcard_parse_head (p, head->str, head->len);
  if (is_binary_property (p->name))
    {
      gboolean base64 = g_strcmp0 (p->encoding, "b") == 0 || g_strcmp0 (p->encoding, "base64") == 0;
      p->skipped = TRUE;
      skip_binary (r, base64 || colon + 1 == len);
      return TRUE;
    }

  p->too_long = len - colon - 1 > CRM_VCARD_MAX_VALUE;
  p->value = g_string_new_len (s + colon + 1, p->too_long ? 0 : (gssize) (len - colon - 1));
  while (next_physical (r, &s, &len, &line))
    {
      /* A quoted-printable value ending in "=" goes on, indented or not. */
      gboolean soft = is_qp (p) && p->value->len > 0 &&
                      p->value->str[p->value->len - 1] == '=' && len > 0;
      gboolean fold = !soft && len > 0 && (s[0] == ' ' || s[0] == '\t');

      if (!fold && !soft)
        {
          unread_physical (r, s, len, line);
          break;
        }
      if (soft)
        g_string_truncate (p->value, p->value->len - 1);
      else if (!r->card || r->card->version == NULL || !g_str_equal (r->card->version, "2.1"))
        s++, len--;   /* 3.0 and 4.0 drop the space of a fold; 2.1 keeps it */
      if (p->too_long || p->value->len + len > CRM_VCARD_MAX_VALUE)
        p->too_long = TRUE;
      else
        g_string_append_len (p->value, s, (gssize) len);
    }
  return TRUE;
}

static void
report (CrmVcardReader *r, GPtrArray *problems, CrmImportSeverity severity, guint line,
        char *message)
{
  crm_import_problems_add (problems, severity, r->display_name, line, 0, message);
}

static CrmContact *
end_card (CrmVcardReader *r, GPtrArray *problems)
{
  g_autoptr(CrmVcardCard) card = g_steal_pointer (&r->card);
  CrmContact *contact;

  r->agent_open = FALSE;
  r->nested = 0;
  for (guint i = 0; i < card->warnings->len; i++)
    {
      CrmVcardWarning *w = card->warnings->pdata[i];
      report (r, problems, CRM_IMPORT_PROBLEM_WARNING, w->line, g_strdup (w->message));
    }
  contact = crm_vcard_card_to_contact (card);
  if (contact == NULL)
    report (r, problems, CRM_IMPORT_PROBLEM_ERROR, card->begin_line,
            g_strdup (_("This card has no name, company, phone or e-mail, so it was skipped.")));
  return contact;
}

static void
report_unclosed (CrmVcardReader *r, GPtrArray *problems, gboolean at_end)
{
  g_autoptr(CrmVcardCard) card = g_steal_pointer (&r->card);

  if (at_end)
    report (r, problems, CRM_IMPORT_PROBLEM_ERROR, card->begin_line,
            g_strdup (_("The card that begins here has no END:VCARD: the file ends inside it. "
                        "It was skipped; the file is probably cut short.")));
  else
    report (r, problems, CRM_IMPORT_PROBLEM_ERROR, card->begin_line,
            g_strdup (_("The card that begins here has no END:VCARD before the next "
                        "BEGIN:VCARD. It was skipped.")));
}

static gboolean
value_is (const CrmVcardProperty *p, const char *name, const char *value)
{
  g_autofree char *v = NULL;

  if (!g_str_equal (p->name, name) || p->value == NULL)
    return FALSE;
  v = g_strstrip (g_strdup (p->value->str));
  return g_ascii_strcasecmp (v, value) == 0;
}

/* The next client of the file, or NULL at its end. Cards that cannot be
 * imported, and values that were not, are added to @problems (an array of
 * CrmImportProblem, or NULL). */
CrmContact *
crm_vcard_reader_next (CrmVcardReader *reader, GPtrArray *problems)
{
  g_return_val_if_fail (reader != NULL, NULL);

  for (;;)
    {
      g_auto(CrmVcardProperty) p = { 0 };

      if (!read_property (reader, &p))
        {
          if (reader->card != NULL)
            report_unclosed (reader, problems, TRUE);
          return NULL;
        }

      if (p.junk == NULL && value_is (&p, "BEGIN", "VCARD"))
        {
          if (reader->card != NULL && reader->agent_open)
            {
              reader->nested++;
              continue;
            }
          if (reader->card != NULL)
            report_unclosed (reader, problems, FALSE);
          reader->card = crm_vcard_card_new (p.line, reader->fallback, reader->converted);
          reader->outside_reported = FALSE;
          continue;
        }
      if (p.junk == NULL && value_is (&p, "END", "VCARD") && reader->card != NULL)
        {
          CrmContact *contact;

          if (reader->nested > 0)
            {
              reader->nested--;
              reader->agent_open = FALSE;
              continue;
            }
          contact = end_card (reader, problems);
          if (contact != NULL)
            return contact;
          continue;
        }
      if (reader->card == NULL)
        {
          if (!reader->outside_reported)
            {
              g_autofree char *text = p.junk != NULL ? g_strdup (p.junk)
                                      : g_strdup_printf ("%s:%s", p.name,
                                                         p.value != NULL ? p.value->str : "…");
              if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > 40)
                {
                  g_autofree char *valid = g_utf8_make_valid (text, -1);
                  g_autofree char *start = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 40));
                  g_free (text);
                  text = g_strconcat (start, "…", NULL);
                }
              report (reader, problems, CRM_IMPORT_PROBLEM_ERROR, p.line,
                      g_strdup_printf (_("“%s” is outside any card: BEGIN:VCARD is missing "
                                         "before it. The lines up to the next BEGIN:VCARD "
                                         "were skipped."), text));
              reader->outside_reported = TRUE;
            }
          continue;
        }
      if (reader->nested > 0 || p.junk != NULL)
        continue;

      reader->agent_open = g_str_equal (p.name, "AGENT") && p.value != NULL &&
                           *g_strstrip (p.value->str) == '\0';
      if (p.too_long)
        {
          crm_vcard_card_warn (reader->card, p.line,
                               g_strdup_printf (_("The value of %s is longer than 1 MiB; it "
                                                  "was skipped."), p.name));
          continue;
        }
      crm_vcard_card_add (reader->card, &p);
    }
}

static gboolean
has_card_marker (const char *text, gsize len)
{
  for (gsize i = 0; i + 9 <= len; i++)
    {
      if ((text[i] == 'B' || text[i] == 'b') && i + 11 <= len &&
          g_ascii_strncasecmp (text + i, "BEGIN:VCARD", 11) == 0)
        return TRUE;
      if ((text[i] == 'E' || text[i] == 'e') && g_ascii_strncasecmp (text + i, "END:VCARD", 9) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A reader of @bytes (kept alive by the reader). Fails when the file is
 * empty, binary, or has no card at all. */
CrmVcardReader *
crm_vcard_reader_new_for_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr(CrmVcardReader) r = NULL;
  const guint8 *data;
  gsize size = 0, bom = 0;
  gboolean repair = FALSE;   /* each value is made valid on its own */
  const char *encoding;

  g_return_val_if_fail (bytes != NULL, NULL);

  r = g_new0 (CrmVcardReader, 1);
  r->bytes = g_bytes_ref (bytes);
  r->display_name = g_strdup (display_name);
  r->line = 1;
  data = g_bytes_get_data (bytes, &size);
  encoding = crm_io_detect_encoding (data, size, &bom, &repair);

  if (size <= bom)
    {
      crm_io_set_error (error, CRM_IO_ERROR_EMPTY, r->display_name,
                        _("the file is empty: there is nothing to import."));
      return NULL;
    }
  if (g_str_has_prefix (encoding, "UTF-16") || g_str_has_prefix (encoding, "UTF-32"))
    {
      g_autoptr(GError) local_error = NULL;

      r->owned_text = g_convert ((const char *) data + bom, (gssize) (size - bom), "UTF-8",
                                 encoding, NULL, &r->len, &local_error);
      if (r->owned_text == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the file looks like %s text but cannot be read as such (%s)."),
                             encoding, local_error->message);
          crm_io_set_error (error, CRM_IO_ERROR_ENCODING, r->display_name, message);
          return NULL;
        }
      r->text = r->owned_text;
      r->converted = TRUE;
      r->fallback = "UTF-8";
    }
  else
    {
      r->text = (const char *) data + bom;
      r->len = size - bom;
      r->fallback = encoding;
    }
  if (memchr (r->text, '\0', r->len) != NULL)
    {
      crm_io_set_error (error, CRM_IO_ERROR_ENCODING, r->display_name,
                        _("the file contains zero bytes: it is binary data, not an "
                          "address book."));
      return NULL;
    }
  if (!has_card_marker (r->text, r->len))
    {
      crm_io_set_error (error, CRM_IO_ERROR_FORMAT, r->display_name,
                        _("this is not a vCard file: it has no BEGIN:VCARD line. Export the "
                          "contacts from the address book as vCard (.vcf)."));
      return NULL;
    }
  return g_steal_pointer (&r);
}

CrmVcardReader *
crm_vcard_reader_new_for_path (const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = crm_io_open_file (path, &name, error);
  return bytes != NULL ? crm_vcard_reader_new_for_bytes (bytes, name, error) : NULL;
}

void
crm_vcard_reader_free (CrmVcardReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  g_free (reader->owned_text);
  g_free (reader->display_name);
  g_clear_pointer (&reader->card, crm_vcard_card_free);
  g_free (reader);
}

double
crm_vcard_reader_get_progress (CrmVcardReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);
  return reader->len == 0 ? 1.0 : (double) reader->pos / (double) reader->len;
}

/* Every client of the file at @path into @contacts (CrmContact), and what
 * could not be imported into @problems. */
gboolean
crm_vcard_read_file (const char *path, GPtrArray *contacts, GPtrArray *problems, GError **error)
{
  g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new_for_path (path, error);
  CrmContact *contact;

  g_return_val_if_fail (contacts != NULL, FALSE);

  if (reader == NULL)
    return FALSE;
  while ((contact = crm_vcard_reader_next (reader, problems)) != NULL)
    g_ptr_array_add (contacts, contact);
  return TRUE;
}
