/* crm-cli-table.c — aligned text tables for the terminal
 *
 * The first column is text (left-aligned, cut with … past 26 characters);
 * the others are figures (right-aligned). Widths count characters, not
 * bytes, so Cyrillic names and no-break spaces line up.
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

static char *
cell_text (GPtrArray *row, guint column)
{
  const char *text = column < row->len ? row->pdata[column] : "";

  if (column == 0 && g_utf8_strlen (text, -1) > FIRST_COLUMN_MAX)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, FIRST_COLUMN_MAX - 1);
      return g_strconcat (cut, "…", NULL);
    }
  return g_strdup (text);
}

static void
append_padded (GString *out, const char *text, guint width, gboolean left)
{
  guint len = (guint) g_utf8_strlen (text, -1);

  if (!left)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (left)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
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
      widths[c] = (guint) g_utf8_strlen (h, -1);
      for (guint r = 0; r < table->rows->len; r++)
        {
          g_autofree char *t = cell_text (table->rows->pdata[r], c);
          widths[c] = MAX (widths[c], (guint) g_utf8_strlen (t, -1));
        }
      total += widths[c] + (c > 0 ? 2 : 0);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *h = cell_text (table->header, c);
      if (c > 0)
        g_string_append (out, "  ");
      append_padded (out, h, widths[c], c == 0);
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
          append_padded (out, t, widths[c], c == 0);
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
