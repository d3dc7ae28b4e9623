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

/* Case-folded, ё folded to е: the form names are sorted and searched in. */
char *
crm_store_fold (const char *text)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return crm_store_fold (valid);
    }
  folded = g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x0451 || c == 0x0401)       /* ё, Ё */
        c = 0x0435;                         /* е */
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
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
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  if (phones == NULL)
    return g_string_free (out, FALSE);
  lines = g_strsplit_set (phones, "\n,;", -1);
  for (gsize i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *digits = crm_store_digits (lines[i]);
      gsize len = strlen (digits);

      for (gsize start = 0; start + 2 <= len; start++)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, digits + start);
        }
    }
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

