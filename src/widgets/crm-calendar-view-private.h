/* crm-calendar-view-private.h — what the calendar screen's files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-calendar-view.h"
#include "crm-manager-picker.h"
#include "crm-month-grid.h"
#include "crm-settings.h"
#include "crm-week-grid.h"
#include "crm-week-header.h"

G_BEGIN_DECLS

typedef enum {
  VIEW_DAY,
  VIEW_WEEK,
  VIEW_MONTH,
} ViewMode;

struct _CrmCalendarView {
  GtkBox            parent_instance;

  /* template children */
  GtkLabel         *range_label;
  GtkLabel         *range_short_label;
  CrmManagerPicker *manager_picker;
  GtkSpinner       *spinner;
  GtkStack         *view_stack;
  GtkLabel         *hint_label;
  GtkWidget        *add_manager_button;
  GtkScrolledWindow *header_scroller;
  GtkScrolledWindow *grid_scroller;
  CrmWeekHeader    *week_header;
  CrmWeekGrid      *week_grid;
  CrmMonthGrid     *month_grid;

  CrmDatabase      *database;
  CrmSettings      *settings;
  ViewMode          mode;
  GDate             anchor;
  GPtrArray        *columns;          /* CrmGridColumn */
  GPtrArray        *activities;
  gint64            fixed_now;
  gboolean          dirty;
  gboolean          scrolled;
  gboolean          reset_cursor;     /* navigated: the keyboard starts on today */
  guint             scroll_id;
  GCancellable     *cancellable;
};

/* crm-calendar-view-input.c */
void crm_calendar_view_activity_moved_cb      (CrmWeekGrid *grid, CrmActivity *activity, gint64 start,
                                               gint64 manager, CrmCalendarView *self);
void crm_calendar_view_activity_resized_cb    (CrmWeekGrid *grid, CrmActivity *activity, int minutes,
                                               CrmCalendarView *self);
void crm_calendar_view_delete_requested_cb    (CrmWeekGrid *grid, CrmActivity *activity, CrmCalendarView *self);
void crm_calendar_view_add_shortcuts          (CrmCalendarView *self);

/* crm-calendar-view-io.c */
void crm_calendar_view_import_activated (GtkWidget *widget, const char *action_name, GVariant *parameter);
void crm_calendar_view_export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter);

G_END_DECLS
