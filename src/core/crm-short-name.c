/* crm-short-name.c — people's names made short enough for a chart or a column
 *
 * Twenty managers under twenty bars, or nineteen columns of a day: the
 * surname says who it is, with the initial only where two people share a
 * surname, and no two labels are ever the same.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-short-name.h"

/* The words of @name, without the empty ones between spaces. */
static GStrv
words_of (const char *name)
{
  g_auto(GStrv) all = g_strsplit_set (name != NULL ? name : "", " \t\n", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv words;

  for (guint i = 0; all[i] != NULL; i++)
    if (*all[i] != '\0')
      g_strv_builder_add (builder, all[i]);
  words = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return words;
}

char *
crm_name_surname (const char *name)
{
  g_auto(GStrv) words = words_of (name);
  guint n = g_strv_length (words);

  return g_strdup (n > 0 ? words[n - 1] : "");
}

/* "Petrova A.": the surname and the first word's initial. */
static char *
surname_initial (const char *name)
{
  g_auto(GStrv) words = words_of (name);
  guint n = g_strv_length (words);
  char initial[8] = { 0 };

  if (n < 2 || !g_utf8_validate (words[0], -1, NULL))
    return NULL;
  g_unichar_to_utf8 (g_utf8_get_char (words[0]), initial);
  /* Translators: a person's short name under a bar or over a column when
   * two share a surname: the surname and the initial, "Petrova A." */
  return g_strdup_printf (C_("short name", "%1$s %2$s."), words[n - 1], initial);
}

static char *
whole_name (const char *name)
{
  g_auto(GStrv) words = words_of (name);

  return g_strjoinv (" ", words);
}

static GHashTable *
count_labels (char **labels, guint n)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (counts, labels[i],
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, labels[i])) + 1));
  return counts;
}

/* Replaces every label that another one shares by what @longer makes of
 * its name (unchanged where it makes nothing). */
static void
lengthen_shared (char **labels, const char * const *names, guint n, char *(*longer) (const char *))
{
  g_autoptr(GHashTable) counts = count_labels (labels, n);
  g_autofree gboolean *shared = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    shared[i] = GPOINTER_TO_UINT (g_hash_table_lookup (counts, labels[i])) > 1;
  for (guint i = 0; i < n; i++)
    if (shared[i])
      {
        char *label = longer (names[i]);
        if (label != NULL)
          {
            g_free (labels[i]);
            labels[i] = label;
          }
      }
}

char **
crm_short_names (const char * const *names, guint n)
{
  char **labels = g_new0 (char *, n + 1);
  g_autoptr(GHashTable) taken = NULL;

  g_return_val_if_fail (names != NULL || n == 0, labels);

  for (guint i = 0; i < n; i++)
    labels[i] = crm_name_surname (names[i]);
  lengthen_shared (labels, names, n, surname_initial);
  lengthen_shared (labels, names, n, whole_name);

  /* The same name twice: "Anna Petrova", then "Anna Petrova (2)",
   * counting on until the label is like no other. */
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      if (g_hash_table_contains (taken, labels[i]))
        {
          char *numbered = NULL;

          for (guint k = 2; numbered == NULL || g_hash_table_contains (taken, numbered); k++)
            {
              g_free (numbered);
              numbered = g_strdup_printf ("%s (%u)", labels[i], k);
            }
          g_free (labels[i]);
          labels[i] = numbered;
        }
      g_hash_table_add (taken, g_strdup (labels[i]));
    }
  return labels;
}
