/* test-calendar-view.c — the Calendar screen driven as a person would
 *
 * Drags go through the week grid's own GtkGestureDrag, keys through its
 * key controller, questions are answered in the AdwMessageDialogs that
 * come up; the database says what happened.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "crm-activity-client-picker.h"
#include "crm-activity-dialog.h"
#include "crm-activity-store.h"
#include "crm-calendar-style.h"
#include "crm-calendar-view.h"
#include "crm-client-store.h"
#include "crm-manager-store.h"
#include "crm-month-grid.h"
#include "crm-recurrence.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-calendar-util.h"
#include "crm-week-grid-private.h"
#include "crm-week-header.h"

typedef struct {
  CrmDatabase     *db;
  GtkWindow       *window;
  CrmCalendarView *view;
  CrmWeekGrid     *grid;
  gint64           anna;
  gint64           boris;
  gint64           client;
} Fixture;

#define local(y, mo, d, h, mi) crm_test_time (NULL, y, mo, d, h, mi)

/* The @index-th day of the week shown (it starts as the locale says). */
static GDate
week_day (int index)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, 11, 2026);
  while (g_date_get_weekday (&day) != crm_calendar_first_weekday (NULL))
    g_date_subtract_days (&day, 1);
  g_date_add_days (&day, index);
  return day;
}

static gboolean
grid_allocated (gpointer data)
{
  Fixture *f = data;
  return gtk_widget_get_width (GTK_WIDGET (f->grid)) > 200 && gtk_widget_get_mapped (GTK_WIDGET (f->grid));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("view.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmManager) a = crm_manager_new ();
  g_autoptr(CrmManager) b = crm_manager_new ();
  g_autoptr(CrmClient) c = crm_client_new ();

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);
  a->name = g_strdup ("Anna Petrova");
  b->name = g_strdup ("Boris Ivanov");
  g_assert_true (crm_manager_store_create (f->db, a, &error));
  g_assert_true (crm_manager_store_create (f->db, b, &error));
  c->name = g_strdup ("Acme Trading");
  c->owner_id = a->id;
  g_assert_true (crm_client_store_create (f->db, c, &error));
  f->anna = a->id;
  f->boris = b->id;
  f->client = c->id;

  f->view = crm_test_show_calendar (f->db, f->anna, (gpointer *) &f->window);
  f->grid = CRM_WEEK_GRID (crm_test_find_widget (GTK_WIDGET (f->view), CRM_TYPE_WEEK_GRID));
}

static void
close_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || CRM_IS_ACTIVITY_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  crm_test_iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  close_dialogs ();
  gtk_window_destroy (f->window);
  crm_test_iterate ();
  g_clear_object (&f->db);
}

static CrmActivity *
add (Fixture *f, gint64 manager, CrmActivityType type, gint64 start, int minutes, const char *rrule)
{
  CrmActivity *a = crm_activity_new ();
  g_autoptr(GError) error = NULL;

  a->type = type;
  a->manager_id = manager;
  a->client_id = f->client;
  a->starts_at = start;
  a->duration_min = minutes;
  a->reminder_min = -1;
  a->title = g_strdup ("");
  a->rrule = g_strdup (rrule);
  if (rrule != NULL)
    a->tzid = crm_recurrence_local_tzid ();
  g_assert_true (crm_activity_store_create (f->db, a, &error));
  g_assert_no_error (error);
  crm_test_iterate ();       /* "changed::activity": the view reads again */
  return a;
}

static void
drag (Fixture *f, double x, double y, double dx, double dy)
{
  GtkGesture *gesture = crm_test_find_controller (GTK_WIDGET (f->grid), GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
  crm_test_iterate ();
  crm_test_wait_for_writes (f->db);      /* the writer thread writes it */
}

static gboolean
press_key (Fixture *f, guint keyval, GdkModifierType state)
{
  GtkEventController *keys = crm_test_find_controller (GTK_WIDGET (f->grid), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  crm_test_iterate ();
  crm_test_wait_for_writes (f->db);      /* a move or a change of length */
  return handled;
}

static graphene_rect_t
rect_of (Fixture *f, CrmActivity *a)
{
  graphene_rect_t r;

  g_assert_true (crm_week_grid_get_item_rect (f->grid, a, &r));
  return r;
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = crm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  crm_test_iterate ();
}

static void
respond_and_wait (Fixture *f, const char *response)
{
  respond (response);
  crm_test_wait_for_writes (f->db);
}

/* ---- drags -------------------------------------------------------------- */

static void
test_drag_move (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 2, 10, 0), 30, NULL);
  g_autoptr(CrmActivity) after = NULL;
  graphene_rect_t r = rect_of (f, call);
  double hour = crm_week_grid_get_hour_height (f->grid);
  double column = crm_week_grid_get_column_width (f->grid);

  /* Two hours down and a day to the right: Tuesday 12:00. */
  drag (f, r.origin.x + r.size.width / 2, r.origin.y + 5, column, 2 * hour);
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->starts_at, ==, local (2026, 11, 3, 12, 0));
  g_assert_cmpint (after->duration_min, ==, 30);
  /* And the grid shows it there. */
  r = rect_of (f, after);
  g_assert_cmpfloat_with_epsilon (r.origin.y, 12 * hour + 1, 1.0);
}

/* Focus goes to the grid on a press: the view must not jump to midnight
 * under the pointer. */
static void
test_focus_keeps_scroll (Fixture *f, gconstpointer data)
{
  GtkScrolledWindow *sw = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (f->grid), GTK_TYPE_SCROLLED_WINDOW));
  GtkViewport *viewport = GTK_VIEWPORT (gtk_widget_get_ancestor (GTK_WIDGET (f->grid), GTK_TYPE_VIEWPORT));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (sw);
  double hour = crm_week_grid_get_hour_height (f->grid);

  /* Under Xvfb without a window manager the window is not active and GTK
   * does not scroll on focus: the setting that prevents it is checked too. */
  g_assert_false (gtk_viewport_get_scroll_to_focus (viewport));
  gtk_adjustment_set_value (adj, 8 * hour);
  crm_test_iterate ();
  gtk_widget_grab_focus (GTK_WIDGET (f->grid));
  crm_test_iterate ();
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adj), 8 * hour, 0.5);
}

static void
test_drag_resize (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) meeting = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 11, 4, 14, 0), 60, NULL);
  g_autoptr(CrmActivity) after = NULL;
  graphene_rect_t r = rect_of (f, meeting);
  double hour = crm_week_grid_get_hour_height (f->grid);

  /* The bottom edge half an hour lower: 90 minutes. */
  drag (f, r.origin.x + r.size.width / 2, r.origin.y + r.size.height - 2, 0, hour / 2);
  after = crm_test_reread_activity (f->db, meeting->id);
  g_assert_cmpint (after->duration_min, ==, 90);
  g_assert_cmpint (after->starts_at, ==, meeting->starts_at);
}

static void
test_drag_create (Fixture *f, gconstpointer data)
{
  double hour = crm_week_grid_get_hour_height (f->grid);
  double column = crm_week_grid_get_column_width (f->grid);
  double x = CRM_WEEK_GRID_GUTTER + 3 * column + 20;        /* the fourth day */
  CrmActivityDialog *dialog;
  CrmActivityClientPicker *picker;
  g_autoptr(CrmActivity) edited = NULL;
  g_autoptr(GPtrArray) thursday = NULL;
  GDate first = week_day (3);

  drag (f, x, 14 * hour + 2, 0, hour);
  dialog = crm_test_find_toplevel (CRM_TYPE_ACTIVITY_DIALOG);
  g_assert_nonnull (dialog);
  edited = crm_activity_dialog_get_edited (dialog);
  g_assert_cmpint (edited->starts_at, ==, crm_calendar_local_time (&first, 14 * 60));
  g_assert_cmpint (edited->duration_min, ==, 60);
  g_assert_cmpint (edited->manager_id, ==, f->anna);
  g_assert_cmpint (edited->type, ==, CRM_ACTIVITY_MEETING);

  /* The client, found by part of the name. */
  picker = CRM_ACTIVITY_CLIENT_PICKER (crm_test_find_widget (GTK_WIDGET (dialog), CRM_TYPE_ACTIVITY_CLIENT_PICKER));
  crm_activity_client_picker_search (picker, "acm");
  g_assert_true (crm_activity_client_picker_choose (picker, 0));
  g_assert_cmpint (crm_activity_client_picker_get_client_id (picker), ==, f->client);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.save", NULL));
  crm_test_wait_for_writes (f->db);
  thursday = crm_activity_store_list_range (f->db, f->anna, crm_calendar_local_time (&first, 0),
                                            crm_calendar_local_time (&first, 24 * 60), NULL);
  g_assert_cmpuint (thursday->len, ==, 1);
  g_assert_cmpint (((CrmActivity *) thursday->pdata[0])->client_id, ==, f->client);
  g_assert_cmpint (((CrmActivity *) thursday->pdata[0])->duration_min, ==, 60);
}

/* A move onto busy time asks first; the answer decides. */
static void
test_conflict_before_saving (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 2, 10, 0), 30, NULL);
  g_autoptr(CrmActivity) meeting = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 11, 2, 15, 0), 60, NULL);
  g_autoptr(CrmActivity) after = NULL;
  g_autoptr(CrmActivity) fresh = crm_activity_new ();
  graphene_rect_t r = rect_of (f, call);
  double hour = crm_week_grid_get_hour_height (f->grid);
  AdwMessageDialog *question;
  CrmActivityDialog *dialog;
  const char *conflict;

  drag (f, r.origin.x + 4, r.origin.y + 4, 0, 5 * hour);     /* 15:00: the meeting */
  question = crm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "15:00"));
  respond ("cancel");
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->starts_at, ==, local (2026, 11, 2, 10, 0));
  g_clear_object (&after);

  drag (f, r.origin.x + 4, r.origin.y + 4, 0, 5 * hour);
  respond_and_wait (f, "save");
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->starts_at, ==, local (2026, 11, 2, 15, 0));

  /* The dialog of a new activity shows it before saving. */
  fresh->manager_id = f->anna;
  fresh->starts_at = local (2026, 11, 2, 15, 30);
  fresh->duration_min = 30;
  dialog = crm_activity_dialog_new (f->window, f->db, fresh);
  conflict = crm_activity_dialog_get_conflict_text (dialog);
  g_assert_nonnull (conflict);
  g_assert_nonnull (strstr (conflict, "Anna Petrova"));
  g_assert_nonnull (strstr (conflict, "15:00"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  (void) meeting;
}

/* ---- keyboard ----------------------------------------------------------- */

static void
test_keyboard (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 3, 11, 0), 30, NULL);
  g_autoptr(CrmActivity) after = NULL;
  CrmActivityDialog *dialog;
  guint column;
  int minute;

  gtk_widget_grab_focus (GTK_WIDGET (f->grid));
  crm_week_grid_select (f->grid, call);
  g_assert_true (crm_activity_same (crm_week_grid_get_selected (f->grid), call));

  /* Ctrl+Down: 15 minutes later; Shift+Down: 15 minutes longer. */
  g_assert_true (press_key (f, GDK_KEY_Down, GDK_CONTROL_MASK));
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->starts_at, ==, local (2026, 11, 3, 11, 15));
  g_clear_object (&after);
  g_assert_true (press_key (f, GDK_KEY_Down, GDK_SHIFT_MASK));
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->duration_min, ==, 45);
  g_clear_object (&after);
  /* Ctrl+Right: the next day, same time. */
  g_assert_true (press_key (f, GDK_KEY_Right, GDK_CONTROL_MASK));
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->starts_at, ==, local (2026, 11, 4, 11, 15));

  /* Enter opens the selected one. */
  crm_week_grid_select (f->grid, after);
  g_assert_true (press_key (f, GDK_KEY_Return, 0));
  dialog = crm_test_find_toplevel (CRM_TYPE_ACTIVITY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  crm_test_iterate ();

  /* Arrows move the cursor to an empty slot; N makes an activity there. */
  crm_week_grid_set_cursor (f->grid, 0, 9 * 60);
  g_assert_true (press_key (f, GDK_KEY_Down, 0));
  g_assert_true (press_key (f, GDK_KEY_Right, 0));
  crm_week_grid_get_cursor (f->grid, &column, &minute);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpint (minute, ==, 9 * 60 + 15);
  g_assert_null (crm_week_grid_get_selected (f->grid));
  g_assert_true (press_key (f, GDK_KEY_n, 0));
  dialog = crm_test_find_toplevel (CRM_TYPE_ACTIVITY_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autoptr(CrmActivity) edited = crm_activity_dialog_get_edited (dialog);
    GDate second = week_day (1);
    g_assert_cmpint (edited->starts_at, ==, crm_calendar_local_time (&second, 9 * 60 + 15));
    g_assert_cmpint (edited->duration_min, ==, 30);
  }
}

/* ---- series ------------------------------------------------------------- */

static void
test_series_scope (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) series = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 10, 5, 9, 0), 60,
                                       "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(CrmActivity) occurrence = crm_recurrence_occurrence (series, local (2026, 11, 2, 9, 0));
  g_autoptr(CrmActivity) master = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  graphene_rect_t r = rect_of (f, occurrence);
  double hour = crm_week_grid_get_hour_height (f->grid);

  /* Moving one occurrence asks which part; "only this one" detaches it. */
  drag (f, r.origin.x + 4, r.origin.y + 4, 0, 2 * hour);
  g_assert_nonnull (crm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  respond_and_wait (f, "this");
  master = crm_test_reread_activity (f->db, series->id);
  g_assert_true (crm_exdates_contains (master->exdates, local (2026, 11, 2, 9, 0)));
  rows = crm_activity_store_list_range (f->db, f->anna, local (2026, 11, 2, 0, 0), local (2026, 11, 3, 0, 0), NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((CrmActivity *) rows->pdata[0])->starts_at, ==, local (2026, 11, 2, 11, 0));
  g_assert_cmpint (((CrmActivity *) rows->pdata[0])->series_id, ==, series->id);
}

/* ---- layout and views --------------------------------------------------- */

static void
test_overlap_side_by_side (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) a = add (f, f->anna, CRM_ACTIVITY_MEETING, local (2026, 11, 5, 10, 0), 90, NULL);
  g_autoptr(CrmActivity) b = add (f, f->anna, CRM_ACTIVITY_CALL, local (2026, 11, 5, 10, 30), 30, NULL);
  g_autoptr(CrmActivity) c = add (f, f->anna, CRM_ACTIVITY_TASK, local (2026, 11, 5, 13, 0), 30, NULL);
  graphene_rect_t ra = rect_of (f, a), rb = rect_of (f, b), rc = rect_of (f, c);

  g_assert_cmpfloat (rb.origin.x, >, ra.origin.x + ra.size.width - 1);
  g_assert_cmpfloat_with_epsilon (ra.size.width, rb.size.width, 1.0);
  g_assert_cmpfloat (rc.size.width, >, 1.8 * ra.size.width);
}

static void
test_views (Fixture *f, gconstpointer data)
{
  GtkStack *stack = GTK_STACK (crm_test_find_by_name (GTK_WIDGET (f->view), "view_stack"));
  CrmMonthGrid *month = CRM_MONTH_GRID (crm_test_find_widget (GTK_WIDGET (f->view), CRM_TYPE_MONTH_GRID));
  g_autoptr(CrmActivity) call = add (f, f->boris, CRM_ACTIVITY_CALL, local (2026, 11, 10, 10, 0), 30, NULL);
  GDate day;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.view", "s", "month"));
  crm_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "month");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, 11, 2026);
  g_signal_emit_by_name (month, "day-activated", g_date_get_julian (&day));
  crm_test_iterate ();
  g_assert_cmpstr (crm_calendar_view_get_view (f->view), ==, "day");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "grid");

  /* The whole team's day: a column per manager, Boris's call in his. */
  crm_calendar_view_set_manager (f->view, 0);
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (grid_allocated, f, 5));
  g_assert_cmpuint (crm_calendar_view_get_activities (f->view)->len, ==, 1);
  {
    graphene_rect_t r = rect_of (f, call);
    double column = crm_week_grid_get_column_width (f->grid);
    g_assert_cmpfloat (r.origin.x, >=, CRM_WEEK_GRID_GUTTER + column);     /* Boris is second */
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.next", NULL));
  crm_test_iterate ();
  g_assert_cmpuint (crm_calendar_view_get_activities (f->view)->len, ==, 0);
}

/* ---- what can be read ------------------------------------------------------ */

static gboolean
scrolled_down (gpointer data)
{
  GtkAdjustment *adj = data;
  return gtk_adjustment_get_value (adj) > 0;
}

/* The grid opens an hour before the work day, with that hour's label
 * whole (it is centred on its line). */
static void
test_first_hour_label (Fixture *f, gconstpointer data)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (f->grid),
                                                                               GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
  int hour = crm_week_grid_get_hour_height (f->grid);
  g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (GTK_WIDGET (f->grid), "08:00");
  int label_height;

  g_assert_true (crm_test_wait_for (scrolled_down, adj, 5));
  pango_layout_get_pixel_size (label, NULL, &label_height);
  /* 08:00, the hour before 09:00 (the default work day). */
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), <=, 8 * hour - label_height * 0.8 / 2 - 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 7 * hour);
}

/* The team's day: a column per manager titled by the surname (the initial
 * where two share one; the whole name in the tooltip), as narrow as those
 * titles allow, each title readable in its column. */
static void
test_team_day_names (Fixture *f, gconstpointer data)
{
  CrmWeekHeader *header = CRM_WEEK_HEADER (crm_test_find_widget (GTK_WIDGET (f->view), CRM_TYPE_WEEK_HEADER));
  g_autoptr(CrmManager) maria = crm_manager_new ();
  g_autoptr(GError) error = NULL;
  const char *titles[] = { "Petrova A.", "Ivanov", "Petrova M." };
  const char *names[] = { "Anna Petrova", "Boris Ivanov", "Maria Petrova" };
  GDate day = week_day (1);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();

  maria->name = g_strdup ("Maria Petrova");
  g_assert_true (crm_manager_store_create (f->db, maria, &error));
  crm_calendar_view_set_manager (f->view, 0);
  crm_calendar_view_show (f->view, "day", &day);
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (grid_allocated, f, 5));

  for (guint i = 0; crm_week_grid_column (f->grid, i) != NULL; i++)
    g_ptr_array_add (columns, crm_week_grid_column (f->grid, i));
  g_assert_cmpuint (columns->len, ==, 3);
  g_assert_true (crm_grid_columns_per_manager (columns));
  for (guint i = 0; i < columns->len; i++)
    {
      CrmGridColumn *col = columns->pdata[i];
      int needed = crm_week_header_name_width (header, col->title);

      g_assert_cmpstr (col->title, ==, titles[i]);
      g_assert_cmpstr (col->tooltip, ==, names[i]);
      g_assert_cmpint (needed, <=, col->min_width);
      g_assert_cmpfloat (needed, <=, crm_week_grid_get_column_width (f->grid));
    }
  /* Narrower than the 96 px a column took whatever the names. */
  g_assert_cmpint (crm_grid_columns_min_width (columns, NULL), <, CRM_WEEK_GRID_GUTTER + 3 * 96);
}

/* The whole team's week: every box shown is wide enough for at least its
 * hour; those that are not gather into "+N". */
static void
test_team_week_boxes_say_time (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint shown = 0;

  for (int i = 0; i < 9; i++)
    g_ptr_array_add (added, add (f, i % 2 ? f->anna : f->boris, CRM_ACTIVITY_CALL,
                                 local (2026, 11, 4, 10, i * 5), 30, NULL));
  crm_calendar_view_set_manager (f->view, 0);
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (grid_allocated, f, 5));
  for (guint i = 0; i < added->len; i++)
    {
      graphene_rect_t r;
      g_autofree char *time = NULL;

      if (!crm_week_grid_get_item_rect (f->grid, added->pdata[i], &r))
        continue;
      shown++;
      time = crm_calendar_box_time (GTK_WIDGET (f->grid), added->pdata[i], &r);
      g_assert_nonnull (time);
      g_assert_true (g_str_has_prefix (time, "10"));
    }
  g_test_message ("%u of 9 boxes shown side by side", shown);
  g_assert_cmpuint (shown, >=, 2);
  g_assert_cmpuint (shown, <, 9);
}

/* The week starts on Monday in Russian, on Sunday in English. */
static void
test_week_start (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmSettings) settings = crm_settings_new ();

  g_assert_cmpint (crm_calendar_first_weekday (NULL), ==, G_DATE_SUNDAY);
  crm_test_use_language ("ru");
  g_assert_cmpint (crm_calendar_first_weekday (NULL), ==, G_DATE_MONDAY);
  {
    GDate d;
    g_autofree char *title = NULL;
    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 2, 11, 2026);
    title = crm_calendar_format_day (&d, TRUE);
    g_assert_cmpstr (title, ==, "Понедельник, 2 ноября");
  }
  crm_test_use_language (NULL);
  /* The setting wins over the locale. */
  settings->week_start = G_DATE_WEDNESDAY;
  g_assert_cmpint (crm_calendar_first_weekday (settings), ==, G_DATE_WEDNESDAY);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

#define ADD(path, fn) g_test_add ("/calendar-view/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("drag-move", test_drag_move);
  ADD ("focus-keeps-scroll", test_focus_keeps_scroll);
  ADD ("drag-resize", test_drag_resize);
  ADD ("drag-create", test_drag_create);
  ADD ("conflict-before-saving", test_conflict_before_saving);
  ADD ("keyboard", test_keyboard);
  ADD ("series-scope", test_series_scope);
  ADD ("overlap-side-by-side", test_overlap_side_by_side);
  ADD ("views", test_views);
  ADD ("week-start", test_week_start);
  ADD ("first-hour-label", test_first_hour_label);
  ADD ("team-day-names", test_team_day_names);
  ADD ("team-week-boxes-say-time", test_team_week_boxes_say_time);
#undef ADD

  return g_test_run ();
}
