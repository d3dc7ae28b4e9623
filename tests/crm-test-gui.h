/* crm-test-gui.h — helpers for the suites that drive real widgets
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crm-database.h"

G_BEGIN_DECLS

/* gtk_test_init (), and the pointer moved off the suites' windows. */
void       crm_test_gui_init       (int *argc, char ***argv);
void       crm_test_iterate        (void);
/* Until every write given to @db's writer thread has been reported. */
void       crm_test_wait_for_writes (CrmDatabase *db);
gboolean   crm_test_wait_for       (gboolean (*condition) (gpointer data), gpointer data, guint seconds);
GtkWidget *crm_test_find_widget    (GtkWidget *root, GType type);
GtkWidget *crm_test_find_by_name   (GtkWidget *root, const char *buildable_id);
/* Every key @screen binds to an action named "@prefix…" is in the
 * shortcuts window (a missing one fails the test); returns how many. */
guint      crm_test_check_shortcuts_listed (GtkWidget *screen, const char *prefix);

/* crm-test-notifications.c: a desktop notification service on the session
 * bus (for the suites that start the whole app, whose reminders may fall
 * due while they run), and how many notifications it was sent. */
void       crm_test_serve_notifications (void);
/* FALSE when another program has the name (a desktop session): then the
 * count says nothing. */
gboolean   crm_test_notifications_served (void);
/* How many notifications the application @application_id sent. */
guint      crm_test_notifications_sent  (const char *application_id);

G_END_DECLS
