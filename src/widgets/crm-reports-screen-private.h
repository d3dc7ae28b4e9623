/* crm-reports-screen-private.h — what the files of the Reports screen share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-manager-picker.h"
#include "crm-period-picker.h"
#include "crm-reports-screen.h"

G_BEGIN_DECLS

struct _CrmReportsScreen {
  AdwBin            parent_instance;

  /* template children */
  GtkDropDown      *kind_drop_down;
  GtkStringList    *kind_names;
  CrmManagerPicker *manager_picker;
  CrmPeriodPicker  *period_picker;
  GtkLabel         *summary_label;
  GtkLabel         *pages_label;
  GtkSpinner       *spinner;
  GtkDropDown      *paper_drop_down;
  GtkStack         *preview_stack;
  GtkScrolledWindow *scroller;
  GtkBox           *pages_box;
  AdwStatusPage    *message_page;

  CrmDatabase      *database;
  CrmReportDoc     *doc;           /* the report shown; NULL while none */
  char             *file_name;     /* suggested for Export PDF… */
  guint             n_pages;
  GCancellable     *cancellable;   /* of the preview being prepared */
  guint             generation;    /* a newer request makes older results stale */
  guint             reload_source;
  guint             n_exports;     /* exports running */
  gboolean          dirty;         /* the data changed while the screen was hidden */
};

const CrmPageFormat *crm_reports_screen_get_format (CrmReportsScreen *self);
void                 crm_reports_screen_update_actions (CrmReportsScreen *self);
void                 crm_reports_screen_toast (CrmReportsScreen *self,
                                               const char       *text);

/* crm-reports-print.c */
void                 crm_reports_screen_print  (CrmReportsScreen *self);
void                 crm_reports_screen_choose_export_file (CrmReportsScreen *self);

G_END_DECLS
