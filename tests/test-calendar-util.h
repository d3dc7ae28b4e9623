/* test-calendar-util.h — what the calendar suites share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Unix seconds of a wall-clock time in @tzid (NULL: the local zone). */
gint64   crm_test_time            (const char *tzid, int y, int mo, int d, int h, int mi);
/* GUI suites only (test-calendar-gui.c). The first visible toplevel window of @type, or NULL. */
gpointer crm_test_find_toplevel   (GType type);
/* The first event controller of @widget of @type (the widget keeps it). */
gpointer crm_test_find_controller (gpointer widget, GType type);
/* The Calendar screen (a CrmCalendarView) on @db, in a new 1100×800 window
 * with a toast overlay around it, showing @manager's week of 2 November
 * 2026 at 08:00 on the 1st; returns once its grid is on screen. */
gpointer crm_test_show_calendar   (gpointer db, gint64 manager, gpointer *out_window);
/* The activity @id as @db (a CrmDatabase) has it now: a new CrmActivity. */
gpointer crm_test_reread_activity (gpointer db, gint64 id);

G_END_DECLS
