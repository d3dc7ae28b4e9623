/* crm-report-private.h — what the files of src/report/ share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "crm-report-doc.h"

G_BEGIN_DECLS

/* ---- the document model ------------------------------------------------- */

typedef enum {
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_TEXT,
  BLOCK_NOTE,
  BLOCK_PAGE_BREAK,
  BLOCK_FIGURES,
  BLOCK_CHART,
  BLOCK_COLUMNS,
  BLOCK_TABLE,
} BlockKind;

typedef struct {
  char          *label;
  char          *value;
  char          *detail;
  double         ratio;
  CrmReportTone  tone;
} Figure;

typedef struct {
  char           *title;
  CrmReportAlign  align;
  gboolean        expand;
} Column;

typedef struct {
  char  *title;
  guint  first, n;
} Group;

typedef struct {
  CrmReportRowKind  kind;
  char            **cells;   /* n_columns, NULL: empty */
  guint8           *tones;
} Row;

struct _CrmReportBlock {
  BlockKind  kind;
  char      *text;           /* heading, paragraph; a table: the heading it follows */
  GArray    *figures;        /* Figure */
  guint      per_row;
  CrmChart  *chart;
  double     height;
  GPtrArray *children;       /* CrmReportBlock *, side by side */
  GArray    *columns;        /* Column */
  GArray    *groups;         /* Group */
  GPtrArray *rows;           /* Row * */
};

struct _CrmReportDoc {
  gint       ref_count;
  char      *company;
  char      *title;
  char      *period;
  char      *printed_on;     /* formatted for the locale */
  GPtrArray *blocks;         /* CrmReportBlock * */
};

/* ---- typography --------------------------------------------------------- */

typedef enum {
  FONT_COMPANY,
  FONT_TITLE,
  FONT_PERIOD,
  FONT_META,
  FONT_FOOTER,
  FONT_H1,
  FONT_H2,
  FONT_BODY,
  FONT_NOTE,
  FONT_TABLE,
  FONT_TABLE_BOLD,
  FONT_TABLE_HEAD,
  FONT_CONTINUED,
  FONT_FIGURE_LABEL,
  FONT_FIGURE_VALUE,
  FONT_FIGURE_DETAIL,
} ReportFont;

typedef enum {
  INK_TEXT,
  INK_MUTED,
  INK_ACCENT,
  INK_RULE,
  INK_RULE_STRONG,
  INK_HEAD_FILL,
  INK_STRIPE,
  INK_TOTAL_FILL,
  INK_BOX,
  INK_TRACK,
  INK_GOOD,
  INK_WARNING,
  INK_BAD,
} ReportInk;

PangoContext *report_pango_context_new  (void);
PangoLayout  *report_text_new           (PangoContext *context,
                                         ReportFont    font,
                                         const char   *text,
                                         double        width,
                                         gboolean      wrap,
                                         PangoAlignment align);
void          report_text_size          (PangoLayout  *layout,
                                         double       *width,
                                         double       *height);
double        report_text_width         (PangoContext *context,
                                         ReportFont    font,
                                         const char   *text);
double        report_text_height        (PangoContext *context,
                                         ReportFont    font);
void          report_text_show          (cairo_t      *cr,
                                         PangoLayout  *layout,
                                         double        x,
                                         double        y,
                                         ReportInk     ink);
void          report_set_ink            (cairo_t      *cr,
                                         ReportInk     ink);
ReportInk     report_tone_ink           (CrmReportTone tone);
ReportFont    report_tone_font          (CrmReportTone tone,
                                         ReportFont    regular,
                                         ReportFont    bold);
void          report_hline              (cairo_t      *cr,
                                         double        x0,
                                         double        x1,
                                         double        y,
                                         double        width,
                                         ReportInk     ink);

/* ---- tables ------------------------------------------------------------- */

typedef struct {
  double  width;
  double *column_width;      /* n columns */
  double  group_height;      /* 0 without groups */
  double  head_height;
  double  continued_height;  /* the "… (continued)" line over a continued part */
  double *row_height;        /* n rows */
} TableMetrics;

TableMetrics *report_table_measure      (const CrmReportBlock *table,
                                         PangoContext         *context,
                                         double                width);
void          report_table_metrics_free (TableMetrics         *metrics);
void          report_table_draw         (const CrmReportBlock *table,
                                         const TableMetrics   *metrics,
                                         cairo_t              *cr,
                                         PangoContext         *context,
                                         double                x,
                                         double                y,
                                         guint                 first_row,
                                         guint                 n_rows,
                                         gboolean              continued);

/* ---- the other blocks --------------------------------------------------- */

double        report_block_measure      (const CrmReportBlock *block,
                                         PangoContext         *context,
                                         double                width);
GArray       *report_paragraph_line_edges (const CrmReportBlock *block,
                                         PangoContext         *context,
                                         double                width);
void          report_paragraph_draw_lines (const CrmReportBlock *block,
                                         cairo_t              *cr,
                                         PangoContext         *context,
                                         double                x,
                                         double                y,
                                         double                width,
                                         guint                 first,
                                         guint                 n);
double        report_block_space_before (const CrmReportBlock *block);
double        report_block_space_after  (const CrmReportBlock *block);
void          report_block_draw         (const CrmReportBlock *block,
                                         cairo_t              *cr,
                                         PangoContext         *context,
                                         double                x,
                                         double                y,
                                         double                width,
                                         double                height);

G_END_DECLS
