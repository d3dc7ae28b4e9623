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

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pickers/manager", test_manager_picker);
  g_test_add_func ("/pickers/period", test_period_picker);

  return g_test_run ();
}
