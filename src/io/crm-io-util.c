/* crm-io-util.c — helpers the import and export files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crm-io-private.h"
#include "crm-text.h"

char *
crm_io_key (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0451)          /* ё */
        c = 0x0435;             /* е */
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

GHashTable *
crm_io_key_table_new (const char * const *pairs)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; pairs[i] != NULL; i += 2)
    g_hash_table_insert (table, crm_io_key (pairs[i]), (gpointer) pairs[i + 1]);
  return table;
}

const char *
crm_io_key_lookup (GHashTable *table, const char *text)
{
  g_autofree char *key = crm_io_key (text);

  if (*key == '\0')
    return NULL;
  return g_hash_table_lookup (table, key);
}

static gboolean
zero_pairs (const guint8 *data, gsize length, gsize offset)
{
  gsize n = MIN (length, 4096) / 4;

  for (gsize k = 0; k < n; k++)
    if (data[4 * k + offset] != 0 || data[4 * k + offset + 1] != 0)
      return FALSE;
  return n > 0;
}

/* Whether 8-bit text is UTF-8 with a few broken bytes (a file cut or
 * patched by hand) rather than Windows-125x: its multi-byte sequences are
 * valid far more often than not. Windows-1251 Cyrillic almost never forms a
 * valid UTF-8 sequence. */
static gboolean
mostly_utf8 (const guint8 *data, gsize length)
{
  const char *p = (const char *) data, *end = p + MIN (length, 16 * 1024 * 1024);
  gsize valid = 0, invalid = 0;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          invalid++;
          p++;
          continue;
        }
      valid++;
      p = g_utf8_next_char (p);
    }
  return valid >= 4 && invalid * 4 <= valid;
}

/* crm_text_detect_encoding(), and two cases it cannot know: a UTF-16 byte
 * order mark in front of UTF-32 text, as some Java programs write (the
 * Salesforce Data Loader test files do), and UTF-8 with a few broken bytes,
 * which is read as UTF-8 (*repair set: the broken bytes become U+FFFD)
 * rather than as Windows-1251 mojibake. */
const char *
crm_io_detect_encoding (const guint8 *data, gsize length, gsize *bom_length, gboolean *repair)
{
  gsize bom = 0;
  const char *encoding = crm_text_detect_encoding (data, length, &bom);

  *repair = FALSE;
  if (bom == 2 && (length - 2) % 4 == 0)
    {
      if (zero_pairs (data + 2, length - 2, 2))
        encoding = "UTF-32LE";
      else if (zero_pairs (data + 2, length - 2, 0))
        encoding = "UTF-32BE";
    }
  else if (bom == 0 && g_str_has_prefix (encoding, "WINDOWS-") && mostly_utf8 (data, length))
    {
      encoding = "UTF-8";
      *repair = TRUE;
    }
  *bom_length = bom;
  return encoding;
}

char *
crm_io_display_name (const char *path)
{
  g_autofree char *base = NULL;

  if (path == NULL)
    return NULL;
  base = g_path_get_basename (path);
  return g_filename_display_name (base);
}

/* The bytes of the file at @path and its name for messages. */
GBytes *
crm_io_open_file (const char *path, char **display_name, GError **error)
{
  GBytes *bytes = crm_io_map_file (path, error);

  if (bytes != NULL)
    *display_name = crm_io_display_name (path);
  return bytes;
}

/* Whether @text has a Cyrillic letter. */
gboolean
crm_io_has_cyrillic (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x0400 && c <= 0x04FF)
        return TRUE;
    }
  return FALSE;
}

GBytes *
crm_io_map_file (const char *path, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_autofree char *name = crm_io_display_name (path);
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                   _("“%s” is not a regular file: choose a file saved on disk."), name);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FAILED,
                   _("Cannot read the file: %s"), local_error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

/* Where something is: "clients.csv, line 12, column 3"; NULL when
 * nothing is known. */
char *
crm_io_position (const char *file, guint line, guint column)
{
  if (file != NULL && line > 0 && column > 0)
    return g_strdup_printf (_("%s, line %u, column %u"), file, line, column);
  if (file != NULL && line > 0)
    return g_strdup_printf (_("%s, line %u"), file, line);
  if (line > 0 && column > 0)
    return g_strdup_printf (_("Line %u, column %u"), line, column);
  if (line > 0)
    return g_strdup_printf (_("Line %u"), line);
  return g_strdup (file);
}

/* Sets @error to "@position: @message", or to @message alone with its first
 * letter made upper case when the position is not known. */
void
crm_io_set_error (GError **error, CrmIoError code, const char *position, const char *message)
{
  if (position != NULL)
    {
      g_set_error (error, CRM_IO_ERROR, code, "%s: %s", position, message);
    }
  else
    {
      gunichar first = g_utf8_get_char (message);
      g_autofree char *rest = g_strdup (g_utf8_next_char (message));
      char upper[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (first), upper);
      g_set_error (error, CRM_IO_ERROR, code, "%s%s", *message ? upper : "", rest);
    }
}
