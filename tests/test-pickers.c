/* test-pickers.c — the manager and period pickers, driven as a person would
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "crm-manager-picker.h"
#include "crm-manager-store.h"
#include "crm-period-picker.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"

static void
test_manager_picker (void)
{
  g_autofree char *path = crm_test_tmp_path ("picker.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  GtkWidget *picker = g_object_ref_sink (crm_manager_picker_new ());
  GtkDropDown *drop_down;
  gint64 ids[2];

  g_assert_no_error (error);
  crm_database_watch_changes (db);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(CrmManager) m = crm_manager_new ();
      m->name = g_strdup (i == 0 ? "Zoe" : "Анна");
      g_assert_true (crm_manager_store_create (db, m, &error));
      ids[i] = m->id;
    }
  crm_test_iterate ();

  g_object_set (picker, "all-label", "Whole team", NULL);
  crm_manager_picker_set_database (CRM_MANAGER_PICKER (picker), db);
  drop_down = GTK_DROP_DOWN (crm_test_find_widget (picker, GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)), ==, 3);
  g_assert_cmpint (crm_manager_picker_get_manager_id (CRM_MANAGER_PICKER (picker)), ==, 0);
  g_assert_cmpstr (crm_manager_picker_get_manager_name (CRM_MANAGER_PICKER (picker)), ==, "Whole team");

  /* Choosing in the drop-down sets the manager. */
  gtk_drop_down_set_selected (drop_down, 1);
  g_assert_cmpint (crm_manager_picker_get_manager_id (CRM_MANAGER_PICKER (picker)), ==, ids[0]);   /* Zoe sorts first */
  crm_manager_picker_set_manager_id (CRM_MANAGER_PICKER (picker), ids[1]);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, 2);

  /* A manager added elsewhere appears; the selection stays. */
  {
    g_autoptr(CrmManager) m = crm_manager_new ();
    m->name = g_strdup ("Boris");
    g_assert_true (crm_manager_store_create (db, m, &error));
  }
  crm_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)), ==, 4);
  g_assert_cmpint (crm_manager_picker_get_manager_id (CRM_MANAGER_PICKER (picker)), ==, ids[1]);

  /* Without the "all" entry the first manager is chosen. */
  g_object_set (picker, "allow-all", FALSE, NULL);
  crm_manager_picker_set_manager_id (CRM_MANAGER_PICKER (picker), 0);
  g_assert_cmpint (crm_manager_picker_get_manager_id (CRM_MANAGER_PICKER (picker)), !=, 0);
  g_object_unref (picker);
}

static char *
period_text (GtkWidget *picker)
{
  return crm_period_to_string (crm_period_picker_get_period (CRM_PERIOD_PICKER (picker)));
}

static void
test_period_picker (void)
{
  GtkWidget *picker = g_object_ref_sink (crm_period_picker_new ());
  g_autoptr(CrmPeriod) nov = crm_period_parse ("2026-11", NULL);
  GtkDropDown *kind;
  char *s;

  crm_period_picker_set_period (CRM_PERIOD_PICKER (picker), nov);
  g_assert_true (gtk_widget_activate_action (picker, "period.next", NULL));
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-12"); g_free (s);
  g_assert_true (gtk_widget_activate_action (picker, "period.previous", NULL));
  g_assert_true (gtk_widget_activate_action (picker, "period.previous", NULL));
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-10"); g_free (s);

  /* The kind keeps the start: October 2026 → Q4 2026 → 2026. */
  kind = GTK_DROP_DOWN (crm_test_find_widget (picker, GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (kind, CRM_PERIOD_QUARTER);
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-Q4"); g_free (s);
  gtk_drop_down_set_selected (kind, CRM_PERIOD_YEAR);
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026"); g_free (s);
  g_assert_true (gtk_widget_activate_action (picker, "period.previous", NULL));
  s = period_text (picker); g_assert_cmpstr (s, ==, "2025"); g_free (s);

  /* Picking a day in the calendar shows the period containing it. */
  gtk_drop_down_set_selected (kind, CRM_PERIOD_MONTH);
  {
    GtkCalendar *calendar = GTK_CALENDAR (crm_test_find_widget (picker, GTK_TYPE_CALENDAR));
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 15, 12, 0, 0);
    gtk_calendar_select_day (calendar, day);
    g_signal_emit_by_name (calendar, "day-selected");
  }
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-03"); g_free (s);
  g_object_unref (picker);
}

static GtkButton *
button_with_label (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = button_with_label (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
pick_day (GtkWidget *picker, const char *calendar_id, int year, int month, int day)
{
  GtkCalendar *calendar = GTK_CALENDAR (crm_test_find_by_name (picker, calendar_id));
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);

  g_assert_nonnull (calendar);
  gtk_calendar_select_day (calendar, dt);
  g_signal_emit_by_name (calendar, "day-selected");
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *n)
{
  (*n)++;
}

/* A range of days: "Days" in the kind drop-down opens the popover with two
 * calendars; "Show These Days" sets the period to the days between them,
 * both included, whichever order they were picked in. */
static void
test_period_range (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *picker = crm_period_picker_new ();
  g_autoptr(CrmPeriod) march = crm_period_parse ("2026-03", NULL);
  GtkMenuButton *label_button;
  GtkPopover *popover;
  GtkButton *apply;
  guint notified = 0;
  char *s;

  gtk_window_set_child (GTK_WINDOW (window), picker);
  gtk_window_present (GTK_WINDOW (window));
  crm_period_picker_set_period (CRM_PERIOD_PICKER (picker), march);
  crm_test_iterate ();
  label_button = GTK_MENU_BUTTON (crm_test_find_by_name (picker, "label_button"));
  popover = gtk_menu_button_get_popover (label_button);
  g_assert_false (gtk_widget_get_visible (crm_test_find_by_name (picker, "to_box")));
  g_signal_connect (picker, "notify::period", G_CALLBACK (count_notify_cb), &notified);

  /* The range starts as the month shown, the popover open on it. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (crm_test_find_by_name (picker, "kind_drop_down")), CRM_PERIOD_RANGE);
  crm_test_iterate ();
  g_assert_cmpint (crm_period_get_kind (crm_period_picker_get_period (CRM_PERIOD_PICKER (picker))), ==, CRM_PERIOD_RANGE);
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-03-01..2026-03-31"); g_free (s);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_get_visible (crm_test_find_by_name (picker, "to_box")));

  /* Two days picked: nothing changes until they are applied. */
  notified = 0;
  pick_day (picker, "from_calendar", 2026, 3, 5);
  pick_day (picker, "to_calendar", 2026, 3, 20);
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-03-01..2026-03-31"); g_free (s);
  g_assert_cmpuint (notified, ==, 0);
  apply = button_with_label (GTK_WIDGET (popover), "_Show These Days");
  g_assert_nonnull (apply);
  g_signal_emit_by_name (apply, "clicked");
  crm_test_iterate ();
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-03-05..2026-03-20"); g_free (s);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  {
    g_autofree char *label = crm_period_format (crm_period_picker_get_period (CRM_PERIOD_PICKER (picker)));
    g_autoptr(CrmPeriod) property = NULL;
    g_autofree char *text = NULL;

    g_assert_cmpstr (gtk_menu_button_get_label (label_button), ==, label);
    g_object_get (picker, "period", &property, NULL);
    text = crm_period_to_string (property);
    g_assert_cmpstr (text, ==, "2026-03-05..2026-03-20");
  }

  /* Picked the other way round, across a month end. */
  g_assert_true (gtk_widget_activate_action (picker, "period.choose", NULL));
  crm_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  pick_day (picker, "from_calendar", 2026, 4, 10);
  pick_day (picker, "to_calendar", 2026, 3, 25);
  g_signal_emit_by_name (apply, "clicked");
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-03-25..2026-04-10"); g_free (s);

  /* Back to a month: the one the range starts in. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (crm_test_find_by_name (picker, "kind_drop_down")), CRM_PERIOD_MONTH);
  s = period_text (picker); g_assert_cmpstr (s, ==, "2026-03"); g_free (s);
  g_assert_false (gtk_widget_get_visible (crm_test_find_by_name (picker, "to_box")));

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate ();
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/pickers/manager", test_manager_picker);
  g_test_add_func ("/pickers/period", test_period_picker);
  g_test_add_func ("/pickers/period-range", test_period_range);

  return g_test_run ();
}
