/* crm-week-grid-private.h — what the drawing and the input halves share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-calendar-layout.h"
#include "crm-week-grid.h"

G_BEGIN_DECLS

#define SLOT_MINUTES     15
#define MIN_BOX_MINUTES  20      /* a 5-minute call is still a box you can hit */
#define EDGE_PIXELS      6       /* the bottom edge that resizes */
#define COLUMN_MARGIN    6       /* free space on the right of a column, to create */
#define MIN_BOX_WIDTH    14      /* narrower, boxes are gathered into "+N" */
#define MIN_TEAM_BOX_WIDTH 27    /* the same in the whole team's week: room for the hour */
#define NARROW_BOX       72      /* narrower, a box says its time first */
#define OVERFLOW_WIDTH   40      /* the "+N" box */
#define DAY_MINUTES      (24 * 60)

typedef struct {
  CrmActivity    *activity;
  guint           column;
  int             start_min;      /* wall-clock minutes of the column's day */
  int             end_min;        /* drawn extent: at least MIN_BOX_MINUTES */
  CrmLayoutItem   layout;
  graphene_rect_t rect;
  gboolean        conflict;       /* overlaps another of the same manager */
  gboolean        hidden;         /* too many side by side: counted in an Overflow */
} GridItem;

/* "+N": the boxes of a group that do not fit side by side. */
typedef struct {
  guint           column;
  guint           group;
  int             start_min;
  int             end_min;
  guint           count;
  graphene_rect_t rect;
} Overflow;

typedef enum {
  DRAG_NONE,
  DRAG_PENDING,                   /* pressed on a box, not moved yet */
  DRAG_MOVE,
  DRAG_RESIZE,
  DRAG_CREATE,
} DragMode;

struct _CrmWeekGrid {
  GtkWidget    parent_instance;

  GPtrArray   *columns;           /* CrmGridColumn */
  GPtrArray   *activities;
  GArray      *items;             /* GridItem */
  GArray      *overflows;         /* Overflow */
  int          work_start;
  int          work_end;
  gboolean     show_manager;
  gint64       fixed_now;
  guint        clock_id;
  int          hour_height;

  /* keyboard */
  guint        cursor_column;
  int          cursor_minute;
  CrmActivity *selected;          /* a copy that survives reloads */

  /* a drag */
  DragMode     drag;
  CrmActivity *drag_activity;
  double       drag_x;
  double       drag_y;
  int          grab_offset;       /* minutes between the box's start and the pointer */
  guint        drag_column;
  int          drag_start;        /* the preview: column, start and end minute */
  int          drag_end;
  gboolean     drag_done;         /* ended: the preview stays until the data changes */
};

enum {
  SIGNAL_ACTIVITY_ACTIVATED,
  SIGNAL_ACTIVITY_MOVED,
  SIGNAL_ACTIVITY_RESIZED,
  SIGNAL_CREATE_REQUESTED,
  SIGNAL_DELETE_REQUESTED,
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_OVERFLOW_ACTIVATED,
  N_GRID_SIGNALS
};

extern guint crm_week_grid_signals[N_GRID_SIGNALS];

gint64         crm_week_grid_now          (CrmWeekGrid *self);
CrmGridColumn *crm_week_grid_column       (CrmWeekGrid *self, guint index);
guint          crm_week_grid_n_columns    (CrmWeekGrid *self);
double         crm_week_grid_column_x     (CrmWeekGrid *self, guint column);
double         crm_week_grid_y            (CrmWeekGrid *self, int minute);
/* What is under (x, y): the column (-1 in the gutter), the minute, the box
 * (or NULL) and whether on its bottom edge. */
int            crm_week_grid_hit          (CrmWeekGrid *self, double x, double y, int *minute,
                                           GridItem **item, gboolean *on_edge);
GridItem      *crm_week_grid_item_at      (CrmWeekGrid *self, guint column, int minute);
void           crm_week_grid_set_selected (CrmWeekGrid *self, CrmActivity *activity);
void           crm_week_grid_scroll_to    (CrmWeekGrid *self, int minute_from, int minute_to);
void           crm_week_grid_init_input   (CrmWeekGrid *self);

/* crm-week-grid-draw.c */
void           crm_week_grid_snapshot     (GtkWidget *widget, GtkSnapshot *snapshot);

G_END_DECLS
