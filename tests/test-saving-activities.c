/* test-saving-activities.c — activities saved while another program holds the write lock
 *
 * The activity dialog and the calendar's drags write in the store's writer
 * thread: while another connection holds the database's write lock the
 * window keeps going (a timeout ticking every 10 ms goes on firing). The
 * dialog's Save turns into a spinner, the dialog stays open with what was
 * typed, says the store's reason once the busy timeout has passed, and
 * saves once the lock goes. A box dragged stays where it was dropped while
 * it is written, and goes back, with a toast saying why, when refused; so
 * does a row of My Day marked done (dimmed at once).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "crm-activity-dialog.h"
#include "crm-activity-store.h"
#include "crm-calendar-view.h"
#include "crm-client-store.h"
#include "crm-database-writer.h"
#include "crm-manager-store.h"
#include "crm-my-day.h"
#include "crm-save-button.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-week-grid-private.h"
#include "test-calendar-util.h"

#define local(y, mo, d, h, mi) crm_test_time (NULL, y, mo, d, h, mi)

typedef struct {
  CrmDatabase     *db;
  CrmDatabase     *holder;     /* another program, holding the write lock */
  GtkWindow       *window;
  AdwToastOverlay *overlay;
  CrmCalendarView *view;
  CrmWeekGrid     *grid;
  gint64           anna;
  gint64           client;
  guint            ticks;
  guint            until;
  guint            tick_source;
  gpointer         dialog;     /* weak */
} Fixture;

static gboolean
tick_cb (gpointer data)
{
  Fixture *f = data;

  f->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("saving-activities.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmManager) a = crm_manager_new ();
  g_autoptr(CrmClient) c = crm_client_new ();

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);
  a->name = g_strdup ("Anna Petrova");
  g_assert_true (crm_manager_store_create (f->db, a, &error));
  c->name = g_strdup ("Acme Trading");
  c->owner_id = a->id;
  g_assert_true (crm_client_store_create (f->db, c, &error));
  f->anna = a->id;
  f->client = c->id;

  f->view = crm_test_show_calendar (f->db, f->anna, (gpointer *) &f->window);
  f->grid = CRM_WEEK_GRID (crm_test_find_widget (GTK_WIDGET (f->view), CRM_TYPE_WEEK_GRID));
  f->overlay = ADW_TOAST_OVERLAY (gtk_widget_get_parent (GTK_WIDGET (f->view)));
  f->tick_source = g_timeout_add (10, tick_cb, f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->holder != NULL)
    crm_database_rollback (f->holder);
  g_clear_object (&f->holder);
  crm_test_wait_for_writes (f->db);
  if (f->dialog != NULL)
    gtk_window_destroy (f->dialog);
  g_source_remove (f->tick_source);
  gtk_window_destroy (f->window);
  crm_test_iterate ();
  g_clear_object (&f->db);
}

static CrmActivity *
add_call (Fixture *f, gint64 start)
{
  CrmActivity *a = crm_activity_new ();
  g_autoptr(GError) error = NULL;

  a->type = CRM_ACTIVITY_CALL;
  a->manager_id = f->anna;
  a->client_id = f->client;
  a->starts_at = start;
  a->duration_min = 30;
  a->title = g_strdup ("Price list");
  g_assert_true (crm_activity_store_create (f->db, a, &error));
  g_assert_no_error (error);
  crm_test_iterate ();       /* "changed::activity": the view reads again */
  return a;
}

/* Another connection takes the write lock and keeps it. */
static void
hold_lock (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->holder = crm_database_new (crm_database_get_path (f->db), CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_begin (f->holder, &error));
  g_assert_no_error (error);
}

static void
release_lock (Fixture *f)
{
  crm_database_rollback (f->holder);
  g_clear_object (&f->holder);
}

static gboolean
ticked (gpointer data)
{
  Fixture *f = data;
  return f->ticks >= f->until;
}

/* The main loop turns @n more times while the write waits. */
static void
wait_ticks (Fixture *f, guint n)
{
  f->until = f->ticks + n;
  g_assert_true (crm_test_wait_for (ticked, f, 180));
}

static gboolean
dialog_idle (gpointer data)
{
  Fixture *f = data;
  return f->dialog == NULL || !crm_activity_dialog_is_saving (f->dialog);
}

static gboolean
no_pending_writes (gpointer data)
{
  Fixture *f = data;
  return crm_database_get_n_pending_writes (f->db) == 0;
}

static GtkLabel *
find_label (GtkWidget *root, const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, part);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *part;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;
  return find_label (w->root, w->part) != NULL;
}

/* ---- the dialog ---------------------------------------------------------- */

static void
test_dialog_busy (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add_call (f, local (2026, 11, 3, 10, 0));
  g_autoptr(CrmActivity) before = NULL;
  g_autoptr(CrmActivity) after = NULL;
  CrmActivityDialog *dialog;
  GtkWidget *title;
  GtkButton *save;
  GtkLabel *error_label;

  dialog = crm_activity_dialog_new (f->window, f->db, call);
  f->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &f->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  crm_test_iterate ();
  title = crm_test_find_by_name (GTK_WIDGET (dialog), "title_row");
  save = GTK_BUTTON (crm_test_find_by_name (GTK_WIDGET (dialog), "save_button"));
  error_label = GTK_LABEL (crm_test_find_by_name (GTK_WIDGET (dialog), "error_label"));

  hold_lock (f);
  gtk_editable_set_text (GTK_EDITABLE (title), "Скидка на опт");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.save", NULL));

  /* The save waits for the lock; the window does not, and the dialog stays. */
  g_assert_true (crm_activity_dialog_is_saving (dialog));
  g_assert_true (crm_save_button_is_busy (save));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  g_assert_true (GTK_IS_SPINNER (gtk_button_get_child (save)));
  /* A few turns of the main loop, well within the busy timeout even under
   * valgrind: the window goes on while the save waits. */
  wait_ticks (f, 5);
  g_assert_true (crm_activity_dialog_is_saving (dialog));
  gtk_window_close (GTK_WINDOW (dialog));           /* not while saving */
  crm_test_iterate ();
  g_assert_nonnull (f->dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The busy timeout passes: the store's words at the top, the text typed
   * still there, nothing written. */
  g_assert_true (crm_test_wait_for (dialog_idle, f, 180));
  crm_test_iterate ();
  g_assert_nonnull (f->dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_test_message ("%s", gtk_label_get_label (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "busy"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Скидка на опт");
  g_assert_false (crm_save_button_is_busy (save));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  g_assert_cmpstr (gtk_button_get_label (save), ==, "_Save");
  before = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpstr (before->title, ==, "Price list");

  /* Saved again, and the lock goes while it waits: written, closed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.save", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  wait_ticks (f, 10);
  g_assert_true (crm_activity_dialog_is_saving (dialog));
  release_lock (f);
  crm_test_wait_for_writes (f->db);
  g_assert_null (f->dialog);
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpstr (after->title, ==, "Скидка на опт");
}

/* ---- a drag ---------------------------------------------------------------- */

static void
test_drag_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add_call (f, local (2026, 11, 3, 10, 0));
  g_autoptr(CrmActivity) after = NULL;
  GtkGesture *gesture = crm_test_find_controller (GTK_WIDGET (f->grid), GTK_TYPE_GESTURE_DRAG);
  graphene_rect_t r;
  double hour = crm_week_grid_get_hour_height (f->grid);
  LabelWait toast = { GTK_WIDGET (f->overlay), "was not saved" };

  g_assert_true (crm_week_grid_get_item_rect (f->grid, call, &r));
  hold_lock (f);
  /* Two hours down: 12:00. */
  g_signal_emit_by_name (gesture, "drag-begin", r.origin.x + r.size.width / 2, r.origin.y + 5);
  g_signal_emit_by_name (gesture, "drag-update", 0.0, hour);
  g_signal_emit_by_name (gesture, "drag-update", 0.0, 2 * hour);
  g_signal_emit_by_name (gesture, "drag-end", 0.0, 2 * hour);

  /* The box stays where it was dropped while the write waits. */
  wait_ticks (f, 20);
  g_assert_true (f->grid->drag_done);
  g_assert_cmpint (f->grid->drag_start, ==, 12 * 60);
  g_assert_cmpuint (crm_database_get_n_pending_writes (f->db), ==, 1);

  /* Refused: back where it was, and a toast says why. */
  g_assert_true (crm_test_wait_for (no_pending_writes, f, 180));
  crm_test_iterate ();
  g_assert_false (f->grid->drag_done);
  g_assert_null (f->grid->drag_activity);
  g_assert_true (crm_test_wait_for (label_shown, &toast, 10));
  g_test_message ("%s", gtk_label_get_text (find_label (GTK_WIDGET (f->overlay), "was not saved")));
  g_assert_nonnull (find_label (GTK_WIDGET (f->overlay), "busy"));
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->starts_at, ==, local (2026, 11, 3, 10, 0));

  /* The lock gone, the same drag is written. */
  release_lock (f);
  g_clear_object (&after);
  g_assert_true (crm_week_grid_get_item_rect (f->grid, call, &r));
  g_signal_emit_by_name (gesture, "drag-begin", r.origin.x + r.size.width / 2, r.origin.y + 5);
  g_signal_emit_by_name (gesture, "drag-update", 0.0, 2 * hour);
  g_signal_emit_by_name (gesture, "drag-end", 0.0, 2 * hour);
  crm_test_wait_for_writes (f->db);
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->starts_at, ==, local (2026, 11, 3, 12, 0));
}

/* ---- My Day --------------------------------------------------------------- */

static gboolean
day_loaded (gpointer data)
{
  return !crm_my_day_is_loading (data);
}

/* The suffix button of @row whose tooltip is @tooltip. */
static GtkWidget *
button_of (GtkWidget *root, const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_of (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_my_day_done_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmActivity) call = add_call (f, local (2026, 11, 27, 10, 0));
  g_autoptr(CrmActivity) after = NULL;
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CrmMyDay *day = CRM_MY_DAY (crm_my_day_new ());
  LabelWait toast = { GTK_WIDGET (overlay), "was not saved" };
  GtkWidget *row;
  AdwMessageDialog *question;

  adw_toast_overlay_set_child (overlay, GTK_WIDGET (day));
  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, GTK_WIDGET (overlay));
  crm_my_day_set_database (day, f->db);
  crm_my_day_set_manager (day, f->anna);
  crm_my_day_set_now (day, local (2026, 11, 27, 12, 0));
  gtk_window_present (window);
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (day_loaded, day, 10));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (crm_my_day_get_list (day, "agenda"), 0));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_has_css_class (row, "dim-label"));

  hold_lock (f);
  g_signal_emit_by_name (button_of (row, "Log the call"), "clicked");
  crm_test_iterate ();
  question = crm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "done");
  gtk_window_destroy (GTK_WINDOW (question));

  /* Done at once, in the row, while the write waits. */
  wait_ticks (f, 20);
  g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
  g_assert_cmpuint (crm_database_get_n_pending_writes (f->db), ==, 1);

  /* Refused: the row as it was, and a toast says why. */
  g_assert_true (crm_test_wait_for (no_pending_writes, f, 180));
  crm_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (row, "dim-label"));
  g_assert_true (crm_test_wait_for (label_shown, &toast, 10));
  g_assert_nonnull (find_label (GTK_WIDGET (overlay), "busy"));
  after = crm_test_reread_activity (f->db, call->id);
  g_assert_cmpint (after->state, ==, CRM_STATE_PLANNED);
  release_lock (f);
  gtk_window_destroy (window);
  crm_test_iterate ();
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add ("/saving-activities/dialog-busy", Fixture, NULL, fixture_set_up, test_dialog_busy, fixture_tear_down);
  g_test_add ("/saving-activities/drag-refused", Fixture, NULL, fixture_set_up, test_drag_refused, fixture_tear_down);
  g_test_add ("/saving-activities/my-day-done-refused", Fixture, NULL, fixture_set_up, test_my_day_done_refused,
              fixture_tear_down);
  return g_test_run ();
}
