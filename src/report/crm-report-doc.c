/* crm-report-doc.c — a report as a flow of blocks, before it meets paper
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "crm-locale.h"
#include "crm-report-private.h"

CrmReportDoc *
crm_report_doc_new (const char *company, const char *title, const char *period, const GDate *printed_on)
{
  CrmReportDoc *doc = g_new0 (CrmReportDoc, 1);

  doc->ref_count = 1;
  doc->company = g_strdup (company != NULL ? company : "");
  doc->title = g_strdup (title != NULL ? title : "");
  doc->period = g_strdup (period != NULL ? period : "");
  if (printed_on != NULL && g_date_valid (printed_on))
    doc->printed_on = crm_locale_format_date (printed_on);
  else
    doc->printed_on = g_strdup ("");
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_report_block_free);
  return doc;
}

CrmReportDoc *
crm_report_doc_ref (CrmReportDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  g_atomic_int_inc (&doc->ref_count);
  return doc;
}

void
crm_report_doc_unref (CrmReportDoc *doc)
{
  if (doc == NULL || !g_atomic_int_dec_and_test (&doc->ref_count))
    return;
  g_free (doc->company);
  g_free (doc->title);
  g_free (doc->period);
  g_free (doc->printed_on);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

const char *
crm_report_doc_get_company (const CrmReportDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->company;
}

/* "Team KPI report for November 2026" */
char *
crm_report_doc_dup_full_title (const CrmReportDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  if (doc->period[0] == '\0')
    return g_strdup (doc->title);
  /* Translators: a report's title and its period: "Team KPI report for November 2026" */
  return g_strdup_printf (_("%1$s %2$s"), doc->title, doc->period);
}

void
crm_report_doc_add (CrmReportDoc *doc, CrmReportBlock *block)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (block != NULL);

  /* A table after a heading repeats it on the pages it continues to. */
  if (block->kind == BLOCK_TABLE && block->text == NULL && doc->blocks->len > 0)
    {
      const CrmReportBlock *before = doc->blocks->pdata[doc->blocks->len - 1];
      if (before->kind == BLOCK_HEADING || before->kind == BLOCK_SUBHEADING)
        block->text = g_strdup (before->text);
    }
  g_ptr_array_add (doc->blocks, block);
}

/* ---- blocks ------------------------------------------------------------- */

static CrmReportBlock *
block_new (BlockKind kind, const char *text)
{
  CrmReportBlock *block = g_new0 (CrmReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  return block;
}

CrmReportBlock *
crm_report_heading_new (const char *text)
{
  return block_new (BLOCK_HEADING, text != NULL ? text : "");
}

CrmReportBlock *
crm_report_subheading_new (const char *text)
{
  return block_new (BLOCK_SUBHEADING, text != NULL ? text : "");
}

CrmReportBlock *
crm_report_text_new (const char *text)
{
  return block_new (BLOCK_TEXT, text != NULL ? text : "");
}

CrmReportBlock *
crm_report_note_new (const char *text)
{
  return block_new (BLOCK_NOTE, text != NULL ? text : "");
}

CrmReportBlock *
crm_report_page_break_new (void)
{
  return block_new (BLOCK_PAGE_BREAK, NULL);
}

static void
figure_clear (gpointer data)
{
  Figure *f = data;

  g_free (f->label);
  g_free (f->value);
  g_free (f->detail);
}

CrmReportBlock *
crm_report_figures_new (guint per_row)
{
  CrmReportBlock *block = block_new (BLOCK_FIGURES, NULL);

  block->per_row = CLAMP (per_row, 1, 6);
  block->figures = g_array_new (FALSE, TRUE, sizeof (Figure));
  g_array_set_clear_func (block->figures, figure_clear);
  return block;
}

void
crm_report_figures_add (CrmReportBlock *figures, const char *label, const char *value,
                        const char *detail, double ratio, CrmReportTone tone)
{
  Figure f = { g_strdup (label), g_strdup (value), g_strdup (detail), ratio, tone };

  g_return_if_fail (figures != NULL && figures->kind == BLOCK_FIGURES);
  g_array_append_val (figures->figures, f);
}

CrmReportBlock *
crm_report_chart_new (CrmChart *chart, const char *title, double height)
{
  CrmReportBlock *block;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (height > 0, NULL);

  block = block_new (BLOCK_CHART, title);
  block->chart = crm_chart_ref (chart);
  block->height = height;
  return block;
}

CrmReportBlock *
crm_report_columns_new (CrmReportBlock *first, ...)
{
  CrmReportBlock *block = block_new (BLOCK_COLUMNS, NULL);
  va_list args;

  block->children = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_report_block_free);
  va_start (args, first);
  for (CrmReportBlock *child = first; child != NULL; child = va_arg (args, CrmReportBlock *))
    {
      /* Page breaks mean nothing inside a row. */
      if (child->kind == BLOCK_PAGE_BREAK)
        crm_report_block_free (child);
      else
        g_ptr_array_add (block->children, child);
    }
  va_end (args);
  return block;
}

/* ---- tables ------------------------------------------------------------- */

static void
column_clear (gpointer data)
{
  g_free (((Column *) data)->title);
}

static void
group_clear (gpointer data)
{
  g_free (((Group *) data)->title);
}

static void
row_free (gpointer data, gpointer n_columns)
{
  Row *row = data;

  for (guint i = 0; i < GPOINTER_TO_UINT (n_columns); i++)
    g_free (row->cells[i]);
  g_free (row->cells);
  g_free (row->tones);
  g_free (row);
}

CrmReportBlock *
crm_report_table_new (void)
{
  CrmReportBlock *block = block_new (BLOCK_TABLE, NULL);

  block->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (block->columns, column_clear);
  block->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (block->groups, group_clear);
  block->rows = g_ptr_array_new ();
  return block;
}

guint
crm_report_table_add_column (CrmReportBlock *table, const char *title, CrmReportAlign align, gboolean expand)
{
  Column column = { g_strdup (title != NULL ? title : ""), align, expand };

  g_return_val_if_fail (table != NULL && table->kind == BLOCK_TABLE, 0);
  g_return_val_if_fail (table->rows->len == 0, 0);

  g_array_append_val (table->columns, column);
  return table->columns->len - 1;
}

void
crm_report_table_add_group (CrmReportBlock *table, const char *title, guint first, guint n)
{
  Group group;

  g_return_if_fail (table != NULL && table->kind == BLOCK_TABLE);
  g_return_if_fail (n > 0 && first + n <= table->columns->len);

  group.title = g_strdup (title != NULL ? title : "");
  group.first = first;
  group.n = n;
  g_array_append_val (table->groups, group);
}

guint
crm_report_table_add_row (CrmReportBlock *table, CrmReportRowKind kind)
{
  Row *row;

  g_return_val_if_fail (table != NULL && table->kind == BLOCK_TABLE, 0);
  g_return_val_if_fail (table->columns->len > 0, 0);

  row = g_new0 (Row, 1);
  row->kind = kind;
  row->cells = g_new0 (char *, table->columns->len);
  row->tones = g_new0 (guint8, table->columns->len);
  g_ptr_array_add (table->rows, row);
  return table->rows->len - 1;
}

void
crm_report_table_take (CrmReportBlock *table, guint row, guint column, char *text, CrmReportTone tone)
{
  Row *r;

  g_return_if_fail (table != NULL && table->kind == BLOCK_TABLE);
  g_return_if_fail (row < table->rows->len && column < table->columns->len);

  r = table->rows->pdata[row];
  g_free (r->cells[column]);
  r->cells[column] = text;
  r->tones[column] = tone;
}

void
crm_report_table_set (CrmReportBlock *table, guint row, guint column, const char *text, CrmReportTone tone)
{
  crm_report_table_take (table, row, column, g_strdup (text), tone);
}

guint
crm_report_table_get_n_rows (const CrmReportBlock *table)
{
  g_return_val_if_fail (table != NULL && table->kind == BLOCK_TABLE, 0);
  return table->rows->len;
}

void
crm_report_block_free (CrmReportBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_clear_pointer (&block->figures, g_array_unref);
  g_clear_pointer (&block->chart, crm_chart_unref);
  g_clear_pointer (&block->children, g_ptr_array_unref);
  if (block->rows != NULL)
    {
      g_ptr_array_foreach (block->rows, row_free, GUINT_TO_POINTER (block->columns->len));
      g_ptr_array_unref (block->rows);
    }
  g_clear_pointer (&block->columns, g_array_unref);
  g_clear_pointer (&block->groups, g_array_unref);
  g_free (block);
}
