/* crm-cli-table.c — aligned text tables for the terminal
 *
 * The first column is text (left-aligned, cut with … past 26 characters);
 * the others are figures (right-aligned). Widths are terminal columns, not
 * bytes: Cyrillic letters and no-break spaces take one, CJK characters two
 * and combining accents none, so every name lines up. The same width pads
 * and wraps the help text (crm_cli_append_padded, crm_cli_append_wrapped).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <stdarg.h>

#include "crm-cli-table.h"

#define FIRST_COLUMN_MAX 26

struct _CrmCliTable {
  GPtrArray *header;   /* char * */
  GPtrArray *rows;     /* GPtrArray of char * */
};

CrmCliTable *
crm_cli_table_new (void)
{
  CrmCliTable *table = g_new0 (CrmCliTable, 1);

  table->header = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return table;
}

void
crm_cli_table_free (CrmCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
crm_cli_table_set_header (CrmCliTable *table, const char *first, ...)
{
  va_list args;

  g_ptr_array_set_size (table->header, 0);
  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (table->header, g_strdup (cell));
  va_end (args);
}

void
crm_cli_table_add_row (CrmCliTable *table, char *first, ...)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (char *cell = first; cell != NULL; cell = va_arg (args, char *))
    g_ptr_array_add (row, cell);
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

guint
crm_cli_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* @text cut to at most @max columns, ending in … when cut. */
static char *
cut_to_width (const char *text, guint max)
{
  GString *out;
  guint width = 0;

  if (crm_cli_text_width (text) <= max)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (width + w > max - 1)
        break;
      g_string_append_unichar (out, c);
      width += w;
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static char *
cell_text (GPtrArray *row, guint column)
{
  const char *text = column < row->len ? row->pdata[column] : "";

  return column == 0 ? cut_to_width (text, FIRST_COLUMN_MAX) : g_strdup (text);
}

void
crm_cli_append_padded (GString *out, const char *text, guint width, gboolean left)
{
  guint len = crm_cli_text_width (text);

  if (!left)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (left)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
}

void
crm_cli_append_wrapped (GString *out, const char *text, guint column, guint indent, guint max_width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint w = crm_cli_text_width (words[i]);

      if (*words[i] == '\0')
        continue;
      if (column > indent && column + 1 + w > max_width)
        {
          g_string_append_c (out, '\n');
          for (column = 0; column < indent; column++)
            g_string_append_c (out, ' ');
        }
      else if (column > indent)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += w;
    }
  g_string_append_c (out, '\n');
}

char *
crm_cli_table_to_string (CrmCliTable *table)
{
  GString *out = g_string_new (NULL);
  guint n_columns = table->header->len;
  g_autofree guint *widths = NULL;
  guint total = 0;

  for (guint r = 0; r < table->rows->len; r++)
    n_columns = MAX (n_columns, ((GPtrArray *) table->rows->pdata[r])->len);
  widths = g_new0 (guint, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *h = cell_text (table->header, c);
      widths[c] = crm_cli_text_width (h);
      for (guint r = 0; r < table->rows->len; r++)
        {
          g_autofree char *t = cell_text (table->rows->pdata[r], c);
          widths[c] = MAX (widths[c], crm_cli_text_width (t));
        }
      total += widths[c] + (c > 0 ? 2 : 0);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *h = cell_text (table->header, c);
      if (c > 0)
        g_string_append (out, "  ");
      crm_cli_append_padded (out, h, widths[c], c == 0);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < total; i++)
    g_string_append (out, "─");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < table->rows->len; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *t = cell_text (table->rows->pdata[r], c);
          if (c > 0)
            g_string_append (out, "  ");
          crm_cli_append_padded (out, t, widths[c], c == 0);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

void
crm_cli_table_print (CrmCliTable *table)
{
  g_autofree char *text = crm_cli_table_to_string (table);
  g_print ("%s", text);
}
