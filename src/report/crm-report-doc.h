/* crm-report-doc.h — a report as a flow of blocks, before it meets paper
 *
 * A document is a header (company, title, period, the day it was printed)
 * and a list of blocks: headings, paragraphs, key figures, tables, charts,
 * blocks side by side and page breaks. crm-report-layout.h cuts it into
 * pages of any size; nothing here knows the paper. Once built, a document
 * is not changed: it may be laid out and drawn in several threads at once.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-chart.h"

G_BEGIN_DECLS

typedef enum {
  CRM_REPORT_TONE_NORMAL,
  CRM_REPORT_TONE_MUTED,     /* absent figures, secondary text */
  CRM_REPORT_TONE_GOOD,
  CRM_REPORT_TONE_WARNING,
  CRM_REPORT_TONE_BAD,
  CRM_REPORT_TONE_STRONG,    /* bold */
} CrmReportTone;

typedef enum {
  CRM_REPORT_ALIGN_START,
  CRM_REPORT_ALIGN_END,      /* figures: right-aligned, so their digits line up */
  CRM_REPORT_ALIGN_CENTER,
} CrmReportAlign;

typedef enum {
  CRM_REPORT_ROW_NORMAL,
  CRM_REPORT_ROW_TOTAL,      /* bold, with a rule above: the team's line */
} CrmReportRowKind;

typedef struct _CrmReportDoc   CrmReportDoc;
typedef struct _CrmReportBlock CrmReportBlock;

CrmReportDoc   *crm_report_doc_new            (const char      *company,
                                               const char      *title,
                                               const char      *period,
                                               const GDate     *printed_on);
CrmReportDoc   *crm_report_doc_ref            (CrmReportDoc    *doc);
void            crm_report_doc_unref          (CrmReportDoc    *doc);
const char     *crm_report_doc_get_company    (const CrmReportDoc *doc);
char           *crm_report_doc_dup_full_title (const CrmReportDoc *doc);
/* Takes ownership of @block. */
void            crm_report_doc_add            (CrmReportDoc    *doc,
                                               CrmReportBlock  *block);

/* A section heading keeps with the beginning of the block after it. */
CrmReportBlock *crm_report_heading_new        (const char      *text);
CrmReportBlock *crm_report_subheading_new     (const char      *text);
CrmReportBlock *crm_report_text_new           (const char      *text);
CrmReportBlock *crm_report_note_new           (const char      *text);
CrmReportBlock *crm_report_page_break_new     (void);

/* Key figures in boxes, @per_row to a row. @ratio (NAN: none) draws a bar
 * of the plan's achievement, with its 100% mark. */
CrmReportBlock *crm_report_figures_new        (guint            per_row);
void            crm_report_figures_add        (CrmReportBlock  *figures,
                                               const char      *label,
                                               const char      *value,
                                               const char      *detail,
                                               double           ratio,
                                               CrmReportTone    tone);

/* A chart of @height points (its @title included), as wide as its room;
 * takes a reference. */
CrmReportBlock *crm_report_chart_new          (CrmChart        *chart,
                                               const char      *title,
                                               double           height);

/* Blocks side by side, in equal columns; takes ownership of them.
 * NULL-terminated. They stay together on one page. */
CrmReportBlock *crm_report_columns_new        (CrmReportBlock  *first,
                                               ...) G_GNUC_NULL_TERMINATED;

/* A table breaks between rows across pages, repeating its header (and the
 * heading it follows, "… (continued)"). An "expand" column takes the width
 * left over and wraps its text; the others keep to one line. */
CrmReportBlock *crm_report_table_new          (void);
guint           crm_report_table_add_column   (CrmReportBlock  *table,
                                               const char      *title,
                                               CrmReportAlign   align,
                                               gboolean         expand);
/* A title over columns @first … @first + @n - 1, in a header row above. */
void            crm_report_table_add_group    (CrmReportBlock  *table,
                                               const char      *title,
                                               guint            first,
                                               guint            n);
guint           crm_report_table_add_row      (CrmReportBlock  *table,
                                               CrmReportRowKind kind);
void            crm_report_table_set          (CrmReportBlock  *table,
                                               guint            row,
                                               guint            column,
                                               const char      *text,
                                               CrmReportTone    tone);
/* The same, taking ownership of @text. */
void            crm_report_table_take         (CrmReportBlock  *table,
                                               guint            row,
                                               guint            column,
                                               char            *text,
                                               CrmReportTone    tone);
guint           crm_report_table_get_n_rows   (const CrmReportBlock *table);

void            crm_report_block_free         (CrmReportBlock  *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmReportDoc, crm_report_doc_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmReportBlock, crm_report_block_free)

G_END_DECLS
