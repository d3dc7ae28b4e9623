/* crm-store-text.c — text normalisation shared by SQL, triggers and search
 *
 * crm_fold(), crm_phone_tokens() and crm_digits() are registered as SQL
 * functions on every connection: the FTS triggers index what they return
 * and the search query is built with the same functions, so what is indexed
 * and what is searched agree.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-database-private.h"

/* ---- SQL functions ------------------------------------------------------ */

/* ASCII and Cyrillic text (the usual case) folded character by character:
 * for U+0000–U+007F and U+0400–U+04FF g_utf8_casefold() is
 * g_unichar_tolower(), and the result is as long as the text. NULL when
 * the text has other characters. */
static char *
fold_simple (const char *text)
{
  gsize len = strlen (text);
  char *out = g_malloc (len + 1);
  char *o = out;

  for (const char *p = text; *p != '\0';)
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          *o++ = (char) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
          p++;
        }
      else if (b >= 0xD0 && b <= 0xD3 && ((guchar) p[1] & 0xC0) == 0x80)
        {
          gunichar c = g_unichar_tolower (((gunichar) (b & 0x1F) << 6) | ((guchar) p[1] & 0x3F));

          if (c == 0x0451)                  /* ё */
            c = 0x0435;                     /* е */
          o += g_unichar_to_utf8 (c, o);
          p += 2;
        }
      else
        {
          g_free (out);
          return NULL;
        }
    }
  *o = '\0';
  return out;
}

/* Case-folded, ё folded to е: the form names are sorted and searched in. */
char *
crm_store_fold (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return crm_store_fold (valid);
    }
  folded = fold_simple (text);
  if (folded != NULL)
    return g_steal_pointer (&folded);
  folded = g_utf8_casefold (text, -1);
  /* ё (D1 91) and Ё (D0 81) become е (D0 B5) in place: the same length,
   * and the lead byte of a pair cannot be the tail of another character.
   * (The triggers fold every client written: this runs a lot.) */
  for (char *p = folded; *p != '\0'; p++)
    if ((guchar) p[0] == 0xD1 && (guchar) p[1] == 0x91)
      p[0] = (char) 0xD0, p[1] = (char) 0xB5, p++;
    else if ((guchar) p[0] == 0xD0 && (guchar) p[1] == 0x81)
      p[1] = (char) 0xB5, p++;
  return g_steal_pointer (&folded);
}

char *
crm_store_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Each phone (one per line) as its digits and every suffix of two digits or
 * more, so that "345 67" finds "+7 (912) 345-67-89" through the token
 * "3456789" and "9123456789" finds it through "9123456789". */
char *
crm_store_phone_tokens (const char *phones)
{
  GString *out = g_string_new (NULL);
  GString *digits = g_string_new (NULL);   /* of the phone at hand */

  for (const char *p = phones != NULL ? phones : "";; p++)
    {
      if (*p == '\0' || *p == '\n' || *p == ',' || *p == ';')
        {
          for (gsize start = 0; start + 2 <= digits->len; start++)
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append_len (out, digits->str + start, (gssize) (digits->len - start));
            }
          g_string_truncate (digits, 0);
          if (*p == '\0')
            break;
        }
      else if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }
  g_string_free (digits, TRUE);
  return g_string_free (out, FALSE);
}

static void
sql_fold (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  folded = crm_store_fold (text);
  sqlite3_result_text (ctx, folded, -1, g_free);
}

static void
sql_phone_tokens (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  sqlite3_result_text (ctx, crm_store_phone_tokens (text), -1, g_free);
}

static void
sql_digits (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  sqlite3_result_text (ctx, crm_store_digits (text), -1, g_free);
}

void
crm_store_register_functions (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function (db, "crm_fold", 1, flags, NULL, sql_fold, NULL, NULL);
  sqlite3_create_function (db, "crm_phone_tokens", 1, flags, NULL, sql_phone_tokens, NULL, NULL);
  sqlite3_create_function (db, "crm_digits", 1, flags, NULL, sql_digits, NULL, NULL);
}

