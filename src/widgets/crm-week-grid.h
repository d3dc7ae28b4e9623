/* crm-week-grid.h — the hours of some days (or managers) side by side
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crm-activity.h"

G_BEGIN_DECLS

/* The width of the hour labels on the left; the header above aligns its
 * columns with it. */
#define CRM_WEEK_GRID_GUTTER 56

/* One column: a day, of one manager or of everybody. */
typedef struct {
  GDate   day;
  gint64  manager_id;      /* 0: everybody's activities */
  char   *title;
  char   *tooltip;         /* the whole name behind a short title, or NULL */
  int     min_width;       /* what the title needs (0: the default) */
} CrmGridColumn;

CrmGridColumn *crm_grid_column_new  (const GDate *day, gint64 manager_id, const char *title);
void           crm_grid_column_free (CrmGridColumn *column);
/* The narrowest the columns may be (a manager's name needs more room than
 * a day), so that the grid and its header agree. */
int            crm_grid_columns_min_width (GPtrArray *columns, int *natural);
/* A column per manager of one day (the whole team's day). */
gboolean       crm_grid_columns_per_manager (GPtrArray *columns);
/* Which column (or -1) an activity starting at @t of @manager_id is in. */
int            crm_grid_columns_find (GPtrArray *columns, gint64 t, gint64 manager_id);

#define CRM_TYPE_WEEK_GRID (crm_week_grid_get_type ())

G_DECLARE_FINAL_TYPE (CrmWeekGrid, crm_week_grid, CRM, WEEK_GRID, GtkWidget)

GtkWidget   *crm_week_grid_new             (void);
/* @columns: CrmGridColumn, a reference is kept. */
void         crm_week_grid_set_columns     (CrmWeekGrid *self, GPtrArray *columns);
/* The activities to show (those not all-day), a reference is kept. */
void         crm_week_grid_set_activities  (CrmWeekGrid *self, GPtrArray *activities);
void         crm_week_grid_set_work_hours  (CrmWeekGrid *self, int start_min, int end_min);
/* Name the manager in each box (the whole team's week). */
void         crm_week_grid_set_show_manager (CrmWeekGrid *self, gboolean show);
/* Freezes the clock (tests, screenshots); 0 follows the real time. */
void         crm_week_grid_set_now         (CrmWeekGrid *self, gint64 now);
gint64       crm_week_grid_get_now         (CrmWeekGrid *self);

int          crm_week_grid_get_hour_height (CrmWeekGrid *self);
double       crm_week_grid_get_column_width (CrmWeekGrid *self);
CrmActivity *crm_week_grid_get_selected    (CrmWeekGrid *self);
void         crm_week_grid_select          (CrmWeekGrid *self, CrmActivity *activity);
void         crm_week_grid_get_cursor      (CrmWeekGrid *self, guint *column, int *minute);
void         crm_week_grid_set_cursor      (CrmWeekGrid *self, guint column, int minute);
/* Where @activity is drawn, in widget coordinates; FALSE when it is not. */
gboolean     crm_week_grid_get_item_rect   (CrmWeekGrid *self, CrmActivity *activity,
                                            graphene_rect_t *out);
/* A drag is under way (the view must not scroll under the pointer). */
gboolean     crm_week_grid_is_dragging     (CrmWeekGrid *self);
/* Forget the box left where a drag ended (the move was refused). */
void         crm_week_grid_cancel_drag     (CrmWeekGrid *self);
/* Whether two activities are the same one (the same row, or the same
 * occurrence of the same series). */
gboolean     crm_activity_same             (const CrmActivity *a, const CrmActivity *b);

G_END_DECLS
