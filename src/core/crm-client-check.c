/* crm-client-check.c — is what a person typed into a client's field acceptable?
 *
 * A phone number has at least five digits and nothing but digits, spaces
 * and + ( ) - . ; an e-mail address has one @ with something before it and
 * a dot inside the part after it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-client-check.h"
#include "crm-error.h"

#define MIN_PHONE_DIGITS 5

char **
crm_client_split_values (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\n]", text != NULL ? text : "", 0, 0);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; parts[i] != NULL; i++)
    {
      char *value = g_strstrip (g_strdup (parts[i]));

      if (*value == '\0')
        g_free (value);
      else
        g_ptr_array_add (values, value);
    }
  g_ptr_array_add (values, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

/* "a\nb" → "a, b", for one line of an entry. */
char *
crm_client_join_values (const char *newline_separated)
{
  g_auto(GStrv) values = crm_client_split_values (newline_separated);
  return g_strjoinv (", ", values);
}

gboolean
crm_client_check_name (const char *text, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                           _("Enter the client’s name: it cannot be empty."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_phone (const char *phone, GError **error)
{
  int digits = 0;

  for (const char *p = phone; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        digits++;
      else if (c >= 0x80 || !strchr (" +()-.", (int) c))
        {
          g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                       _("“%s” is not a phone number: it may hold only digits, spaces and + ( ) - . (separate several numbers with commas)."),
                       phone);
          return FALSE;
        }
    }
  if (digits < MIN_PHONE_DIGITS)
    {
      g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                   _("“%s” is too short for a phone number: enter at least %d digits."),
                   phone, MIN_PHONE_DIGITS);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_client_check_phones (const char *text, GError **error)
{
  g_auto(GStrv) phones = crm_client_split_values (text);

  for (gsize i = 0; phones[i] != NULL; i++)
    if (!check_phone (phones[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
check_email (const char *email, GError **error)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || strchr (at + 1, '@') != NULL)
    {
      g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                   _("“%s” is not an e-mail address: it needs exactly one @, as in name@example.com."),
                   email);
      return FALSE;
    }
  for (const char *p = email; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                     _("“%s” is not an e-mail address: it cannot contain spaces (separate several addresses with commas)."),
                     email);
        return FALSE;
      }
  dot = strrchr (at + 1, '.');
  if (at == email || dot == NULL || dot == at + 1 || dot[1] == '\0')
    {
      g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                   _("“%s” is not an e-mail address: it needs a name before the @ and a domain with a dot after it, as in name@example.com."),
                   email);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_client_check_emails (const char *text, GError **error)
{
  g_auto(GStrv) emails = crm_client_split_values (text);

  for (gsize i = 0; emails[i] != NULL; i++)
    if (!check_email (emails[i], error))
      return FALSE;
  return TRUE;
}
