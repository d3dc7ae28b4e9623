/* crm-calendar-view-input.c — what the grids and the keys ask of the Calendar screen
 *
 * A box dragged to another time or manager, its lower edge dragged, Delete
 * on it: each change goes through crm-activity-actions.c, which shows a
 * clash before saving, asks which part of a series, and has the store's
 * writer thread write it. The screen's keys
 * work wherever the focus is in the window while it is shown.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-activity-actions.h"
#include "crm-calendar-view-private.h"

/* ---- the grids ---------------------------------------------------------- */

/* The box stays where it was dropped while the writer thread writes it
 * (fresh data then shows it where it is); a "no" or a refusal puts it
 * back, and a refusal says why. */
static void
drag_saved_cb (CrmActivityStep step, const char *refusal, gpointer user_data)
{
  CrmCalendarView *self = user_data;

  if (step == CRM_ACTIVITY_WRITING)
    return;
  if (step == CRM_ACTIVITY_NOT_WRITTEN && self->week_grid != NULL)
    crm_week_grid_cancel_drag (self->week_grid);
  if (refusal != NULL)
    crm_activity_toast (GTK_WIDGET (self), refusal);
  g_object_unref (self);
}

static void
save_change (CrmCalendarView *self, CrmActivity *edited)
{
  crm_activity_save (GTK_WIDGET (self), self->database, edited,
                     CRM_SAVE_CONFIRM_CONFLICTS | CRM_SAVE_ASK_SCOPE, drag_saved_cb, g_object_ref (self));
}

void
crm_calendar_view_activity_moved_cb (CrmWeekGrid *grid, CrmActivity *activity, gint64 start, gint64 manager,
                                     CrmCalendarView *self)
{
  g_autoptr(CrmActivity) edited = crm_activity_copy (activity);

  edited->starts_at = start;
  if (manager > 0 && manager != edited->manager_id)
    {
      /* Dropped in another manager's column: it is theirs now. */
      for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
        {
          CrmGridColumn *col = self->columns->pdata[i];
          if (col->manager_id == manager)
            {
              g_free (edited->manager_name);
              edited->manager_name = g_strdup (col->title);
            }
        }
      edited->manager_id = manager;
    }
  save_change (self, edited);
}

void
crm_calendar_view_activity_resized_cb (CrmWeekGrid *grid, CrmActivity *activity, int minutes,
                                       CrmCalendarView *self)
{
  g_autoptr(CrmActivity) edited = crm_activity_copy (activity);

  edited->duration_min = minutes;
  save_change (self, edited);
}

void
crm_calendar_view_delete_requested_cb (CrmWeekGrid *grid, CrmActivity *activity, CrmCalendarView *self)
{
  crm_activity_delete (GTK_WIDGET (self), self->database, activity, NULL, NULL);
}

/* ---- the keys ----------------------------------------------------------- */

static void
add_shortcut (GtkShortcutController *controller, guint key, GdkModifierType mods, const char *action,
              const char *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, mods), gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (argument));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The screen's keys work wherever the focus is in the window while the
 * screen is shown (the sidebar too), not only inside it; and before the
 * focus widget sees them (capture phase): the grid's scrolled window would
 * take Page Up/Down to scroll the hours. */
void
crm_calendar_view_add_shortcuts (CrmCalendarView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *sc = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (sc, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (sc, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  add_shortcut (sc, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  add_shortcut (sc, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
  add_shortcut (sc, GDK_KEY_n, GDK_CONTROL_MASK, "calendar.new", NULL);
  add_shortcut (sc, GDK_KEY_1, GDK_ALT_MASK, "calendar.view", "day");
  add_shortcut (sc, GDK_KEY_2, GDK_ALT_MASK, "calendar.view", "week");
  add_shortcut (sc, GDK_KEY_3, GDK_ALT_MASK, "calendar.view", "month");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
