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

typedef struct _CrmPreview CrmPreview;

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
  CrmPreview       *preview;       /* its pages as laid out for the preview */
  GPtrArray        *pages;         /* CrmPreviewPage, one a page of the preview */
  GPtrArray        *pictures;      /* GtkPicture showing each, in pages_box */
  guint             update_source; /* which pages to draw, after a scroll or resize */
  gboolean          rendering;     /* a page is being drawn in a thread */
  char             *file_name;     /* suggested for Export PDF… */
  guint             n_pages;
  GCancellable     *cancellable;   /* of the preview being prepared */
  guint             generation;    /* a newer request makes older results stale */
  guint             reload_source;
  guint             n_exports;     /* exports running */
  gboolean          dirty;         /* the data changed while the screen was hidden */
  gboolean          paper_restored; /* the paper of last time, once shown */
};

const CrmPageFormat *crm_reports_screen_get_format (CrmReportsScreen *self);
void                 crm_reports_screen_update_actions (CrmReportsScreen *self);
void                 crm_reports_screen_toast (CrmReportsScreen *self,
                                               const char       *text);

/* crm-reports-preview.c */
CrmPreview          *crm_preview_new           (CrmReportDoc        *doc,
                                                const CrmPageFormat *format,
                                                double               scale);
CrmPreview          *crm_preview_ref           (CrmPreview          *preview);
void                 crm_preview_unref         (CrmPreview          *preview);
guint                crm_preview_get_n_pages   (CrmPreview          *preview);
GBytes              *crm_preview_render        (CrmPreview          *preview,
                                                guint                page,
                                                gsize               *stride);
GdkTexture          *crm_preview_texture_new   (CrmPreview          *preview,
                                                GBytes              *pixels,
                                                gsize                stride);
void                 crm_reports_screen_init_preview     (CrmReportsScreen *self);
void                 crm_reports_screen_finalize_preview (CrmReportsScreen *self);
void                 crm_reports_screen_show_preview     (CrmReportsScreen *self,
                                                          CrmPreview       *preview,
                                                          guint             n_shown,
                                                          GdkTexture       *first);
void                 crm_reports_screen_clear_preview    (CrmReportsScreen *self);
void                 crm_reports_screen_update_preview   (CrmReportsScreen *self);
void                 crm_reports_screen_drop_images      (CrmReportsScreen *self);

/* crm-reports-print.c */
void                 crm_reports_screen_print  (CrmReportsScreen *self);
void                 crm_reports_screen_choose_export_file (CrmReportsScreen *self);
void                 crm_reports_screen_restore_paper (CrmReportsScreen *self);
void                 crm_reports_screen_remember_paper (CrmReportsScreen *self);

G_END_DECLS
