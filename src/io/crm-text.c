/* crm-text.c — bytes from other programs turned into UTF-8 text
 *
 * Detects what spreadsheets and address books write: UTF-8 with or without
 * a BOM, UTF-16 and UTF-32 with a BOM (and UTF-16 without one, by its zero
 * bytes), and Windows-1251 as Russian Excel writes it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-text.h"

G_DEFINE_QUARK (crm-io-error-quark, crm_io_error)

const char *
crm_text_detect_encoding (const guint8 *data, gsize length, gsize *bom_length)
{
  gsize bom = 0;
  const char *encoding = NULL;

  if (length >= 4 && memcmp (data, "\x00\x00\xfe\xff", 4) == 0)
    encoding = "UTF-32BE", bom = 4;
  else if (length >= 4 && memcmp (data, "\xff\xfe\x00\x00", 4) == 0)
    encoding = "UTF-32LE", bom = 4;
  else if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    encoding = "UTF-8", bom = 3;
  else if (length >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    encoding = "UTF-16BE", bom = 2;
  else if (length >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    encoding = "UTF-16LE", bom = 2;

  if (bom_length != NULL)
    *bom_length = bom;
  if (encoding != NULL)
    return encoding;

  /* UTF-16 without a BOM: ASCII text has a zero in every other byte. */
  {
    gsize sample = MIN (length, 4096) & ~(gsize) 1;
    gsize zero_even = 0, zero_odd = 0;

    for (gsize i = 0; i < sample; i += 2)
      {
        zero_even += data[i] == 0;
        zero_odd += data[i + 1] == 0;
      }
    if (sample >= 4 && zero_odd > sample / 4 && zero_even == 0)
      return "UTF-16LE";
    if (sample >= 4 && zero_even > sample / 4 && zero_odd == 0)
      return "UTF-16BE";
  }

  if (g_utf8_validate ((const char *) data, (gssize) length, NULL))
    return "UTF-8";

  /* An 8-bit file. Windows-1251 puts Cyrillic letters at 0xC0–0xFF (and
   * ё at 0xB8/0xA8); Western text has few bytes above 0x7F at all. */
  {
    gsize high = 0, cyrillic = 0;

    for (gsize i = 0; i < length; i++)
      if (data[i] >= 0x80)
        {
          high++;
          if (data[i] >= 0xC0 || data[i] == 0xA8 || data[i] == 0xB8)
            cyrillic++;
        }
    if (high > 0 && cyrillic * 10 >= high * 6)
      return "WINDOWS-1251";
    return "WINDOWS-1252";
  }
}

char *
crm_text_convert_charset (const char *data, gssize length, const char *charset, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *out;

  if (length < 0)
    length = (gssize) strlen (data);
  if (charset == NULL || g_ascii_strcasecmp (charset, "UTF-8") == 0 ||
      g_ascii_strcasecmp (charset, "UTF8") == 0)
    {
      if (g_utf8_validate (data, length, NULL))
        return g_strndup (data, (gsize) length);
      return g_utf8_make_valid (data, length);
    }
  out = g_convert_with_fallback (data, length, "UTF-8", charset, "\xef\xbf\xbd", NULL, &written, &local_error);
  if (out == NULL)
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_ENCODING,
                   _("The text is marked as “%s”, which cannot be read: %s"),
                   charset, local_error->message);
      return NULL;
    }
  return out;
}

/* The whole of @data as UTF-8 without a BOM. */
char *
crm_text_to_utf8 (const guint8 *data,
                  gsize         length,
                  const char  **encoding,
                  gsize        *out_length,
                  GError      **error)
{
  gsize bom = 0;
  const char *enc = crm_text_detect_encoding (data, length, &bom);
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *out;

  if (encoding != NULL)
    *encoding = enc;

  if (g_str_equal (enc, "UTF-8"))
    {
      out = g_strndup ((const char *) data + bom, length - bom);
      written = length - bom;
      if (memchr (out, '\0', written) != NULL)
        {
          g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_ENCODING,
                       _("The file contains zero bytes: it is binary data, not text."));
          g_free (out);
          return NULL;
        }
    }
  else
    {
      out = g_convert ((const char *) data + bom, (gssize) (length - bom), "UTF-8", enc,
                       NULL, &written, &local_error);
      if (out == NULL)
        {
          g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_ENCODING,
                       _("The file looks like %s text but cannot be read as such (%s)."),
                       enc, local_error->message);
          return NULL;
        }
      if (memchr (out, '\0', written) != NULL)
        {
          g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_ENCODING,
                       _("The file contains zero bytes: it is binary data, not text."));
          g_free (out);
          return NULL;
        }
    }
  if (out_length != NULL)
    *out_length = written;
  return out;
}
