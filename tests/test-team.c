/* test-team.c — the Team screen, driven as a person would
 *
 * Targets are typed into the plan table and stored on Enter; refusals stay
 * on the cell; last month's plan is copied; a manager with history can be
 * deactivated but not deleted (the store's refusal is what the person
 * reads); the manager dialog adds one and says what is wrong.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "crm-client-store.h"
#include "crm-manager-store.h"
#include "crm-payment-store.h"
#include "crm-period.h"
#include "crm-target-store.h"
#include "crm-team-manager-dialog.h"
#include "crm-team-page.h"
#include "crm-team-plan.h"
#include "crm-database-writer.h"
#include "crm-save-button.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"

typedef struct {
  char        *path;
  CrmDatabase *db;
  GtkWidget   *window;
  CrmTeamPage *page;
  CrmTeamPlan *plan;
  gint64       anna, boris;
  char        *month;          /* this month, "YYYY-MM" */
} Fixture;

static gint64
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();

  m->name = g_strdup (name);
  m->active = TRUE;
  g_assert_true (crm_manager_store_create (db, m, NULL));
  return m->id;
}

static gboolean
plan_loaded (gpointer data)
{
  return !crm_team_plan_is_loading (CRM_TEAM_PLAN (data));
}

static void
wait_loaded (Fixture *f)
{
  crm_test_iterate ();
  g_assert_true (crm_test_wait_for (plan_loaded, f->plan, 30));
  crm_test_iterate ();
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  f->path = crm_test_tmp_path ("team.db");
  f->db = crm_database_new (f->path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);
  f->anna = add_manager (f->db, "Anna");
  f->boris = add_manager (f->db, "Boris");
  crm_date_set_today (&today);
  f->month = g_strdup_printf ("%04d-%02d", g_date_get_year (&today), g_date_get_month (&today));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  f->page = CRM_TEAM_PAGE (crm_team_page_new ());
  f->plan = crm_team_page_get_plan (f->page);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  crm_team_page_set_database (f->page, f->db);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.show", "s", "plan"));
  wait_loaded (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (f->window));
  crm_test_iterate ();
  g_clear_object (&f->db);
  g_free (f->month);
  g_free (f->path);
}

/* Types @text into the cell and presses Enter. */
static GtkEntry *
type_target (Fixture *f, gint64 manager, CrmKpiIndicator kpi, const char *text)
{
  GtkEntry *entry = crm_team_plan_get_entry (f->plan, manager, kpi);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  crm_test_wait_for_writes (f->db);
  return entry;
}

/* The message dialog shown whose heading names @about. */
static AdwMessageDialog *
find_message_dialog (const char *about)
{
  AdwMessageDialog *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        strstr (adw_message_dialog_get_heading (l->data), about) != NULL)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
test_set_target (Fixture *f, gconstpointer data)
{
  CrmTarget t;
  GtkEntry *entry;

  type_target (f, f->anna, CRM_KPI_CALLS, "120");
  type_target (f, f->anna, CRM_KPI_REVENUE, "5 000");
  g_assert_true (crm_target_store_get (f->db, f->anna, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_CALLS], ==, 120);
  g_assert_cmpint (t.values[CRM_KPI_REVENUE], ==, 500000);           /* kopecks */
  g_assert_cmpint (t.values[CRM_KPI_MEETINGS], ==, CRM_NO_TARGET);   /* empty: no target, not 0 */
  g_assert_false (crm_target_store_get (f->db, f->boris, f->month, &t, NULL));

  /* A group separator is fine; the cell shows the number as stored. */
  entry = type_target (f, f->boris, CRM_KPI_TALK_MINUTES, "1,500");
  g_assert_true (crm_target_store_get (f->db, f->boris, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_TALK_MINUTES], ==, 1500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1,500");

  /* Leaving a cell saves it too. */
  entry = crm_team_plan_get_entry (f->plan, f->boris, CRM_KPI_MEETINGS);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "8");
  gtk_widget_grab_focus (GTK_WIDGET (crm_team_plan_get_entry (f->plan, f->boris, CRM_KPI_NEW_PROSPECTS)));
  crm_test_wait_for_writes (f->db);
  g_assert_true (crm_target_store_get (f->db, f->boris, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_MEETINGS], ==, 8);

  /* Emptying every cell removes the plan. */
  type_target (f, f->boris, CRM_KPI_TALK_MINUTES, "");
  type_target (f, f->boris, CRM_KPI_MEETINGS, " ");
  g_assert_false (crm_target_store_get (f->db, f->boris, f->month, &t, NULL));

  /* Two cells of a row, the second typed before the first is written:
   * both are saved, neither over the other. */
  {
    GtkEntry *calls = crm_team_plan_get_entry (f->plan, f->boris, CRM_KPI_CALLS);
    GtkEntry *meetings = crm_team_plan_get_entry (f->plan, f->boris, CRM_KPI_MEETINGS);

    gtk_editable_set_text (GTK_EDITABLE (calls), "70");
    g_signal_emit_by_name (calls, "activate");
    gtk_editable_set_text (GTK_EDITABLE (meetings), "9");
    g_signal_emit_by_name (meetings, "activate");
    g_assert_cmpuint (crm_database_get_n_pending_writes (f->db), ==, 2);
    crm_test_wait_for_writes (f->db);
    g_assert_true (crm_target_store_get (f->db, f->boris, f->month, &t, NULL));
    g_assert_cmpint (t.values[CRM_KPI_CALLS], ==, 70);
    g_assert_cmpint (t.values[CRM_KPI_MEETINGS], ==, 9);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (calls)), ==, "70");
  }
}

static void
test_refusals_stay_on_the_cell (Fixture *f, gconstpointer data)
{
  CrmTarget t;
  GtkEntry *entry;

  type_target (f, f->anna, CRM_KPI_CALLS, "40");
  entry = type_target (f, f->anna, CRM_KPI_CALLS, "-5");
  /* The store's own words, on the cell; the text stays to be fixed. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)), ==, "A target cannot be negative.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "-5");
  g_assert_true (crm_target_store_get (f->db, f->anna, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_CALLS], ==, 40);

  entry = type_target (f, f->anna, CRM_KPI_MEETINGS, "a dozen");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)), "not a whole number"));
  entry = type_target (f, f->anna, CRM_KPI_REVENUE, "-100");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (crm_target_store_get (f->db, f->anna, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_MEETINGS], ==, CRM_NO_TARGET);
  g_assert_cmpint (t.values[CRM_KPI_REVENUE], ==, CRM_NO_TARGET);

  /* Fixed: saved, and the mark goes. */
  entry = type_target (f, f->anna, CRM_KPI_CALLS, "45");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (crm_target_store_get (f->db, f->anna, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_CALLS], ==, 45);
}

/* Under the target: what was achieved this month and the share. */
static void
test_achievement_beside_target (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(CrmPayment) p = crm_payment_new ();
  GDate today;
  GtkLabel *label;

  c->name = g_strdup ("Northwind");
  c->owner_id = f->anna;
  g_assert_true (crm_client_store_create (f->db, c, NULL));
  crm_date_set_today (&today);
  p->client_id = c->id;
  p->manager_id = f->anna;
  p->paid_on = crm_date_to_iso (&today);
  p->amount = 100000;
  g_assert_true (crm_payment_store_create (f->db, p, NULL));
  wait_loaded (f);

  type_target (f, f->anna, CRM_KPI_REVENUE, "4000");
  label = crm_team_plan_get_achievement (f->plan, f->anna, CRM_KPI_REVENUE);
  g_assert_true (g_str_has_suffix (gtk_label_get_label (label), " · 25%"));
  /* One new prospect (the client above), no target: the figure alone. */
  label = crm_team_plan_get_achievement (f->plan, f->anna, CRM_KPI_NEW_PROSPECTS);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "1");
  type_target (f, f->anna, CRM_KPI_NEW_PROSPECTS, "1");
  g_assert_cmpstr (gtk_label_get_label (label), ==, "1 · 100%");
}

static void
test_copy_last_month (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmPeriod) now = crm_period_parse (f->month, NULL);
  g_autoptr(CrmPeriod) before = crm_period_previous (now);
  g_autofree char *previous = crm_period_get_from_iso (before);
  CrmTarget t;
  AdwMessageDialog *dialog;

  previous[7] = '\0';
  crm_target_init (&t, f->anna, previous);
  t.values[CRM_KPI_CALLS] = 77;
  g_assert_true (crm_target_store_set (f->db, &t, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->plan), "plan.copy-previous", NULL));
  /* Written by the writer thread; the button turns meanwhile. */
  g_assert_true (crm_save_button_is_busy (GTK_BUTTON (crm_test_find_by_name (GTK_WIDGET (f->plan), "copy_button"))));
  crm_test_wait_for_writes (f->db);
  g_assert_false (crm_save_button_is_busy (GTK_BUTTON (crm_test_find_by_name (GTK_WIDGET (f->plan), "copy_button"))));
  g_assert_true (crm_target_store_get (f->db, f->anna, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_CALLS], ==, 77);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_team_plan_get_entry (f->plan, f->anna, CRM_KPI_CALLS))),
                   ==, "77");

  /* With a plan already there, it asks before replacing. */
  type_target (f, f->anna, CRM_KPI_CALLS, "90");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->plan), "plan.copy-previous", NULL));
  dialog = find_message_dialog ("Plan");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  crm_test_iterate ();
  g_assert_true (crm_target_store_get (f->db, f->anna, f->month, &t, NULL));
  g_assert_cmpint (t.values[CRM_KPI_CALLS], ==, 90);

  /* The month stepper shows the month before, with its own plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->plan), "plan.previous-month", NULL));
  {
    g_autofree char *shown = crm_team_plan_get_month (f->plan);
    g_assert_cmpstr (shown, ==, previous);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_team_plan_get_entry (f->plan, f->anna, CRM_KPI_CALLS))),
                   ==, "77");
}

static void
test_deactivate_and_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(CrmManager) m = NULL;
  AdwMessageDialog *dialog;
  gint64 carl = add_manager (f->db, "Carl");

  /* Anna brought a client: she has history. */
  c->name = g_strdup ("Northwind");
  c->owner_id = f->anna;
  g_assert_true (crm_client_store_create (f->db, c, NULL));
  crm_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.show", "s", "managers"));

  /* Deleting her is refused with the store's message, which offers to
   * deactivate instead. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.delete-manager", "x", f->anna));
  dialog = find_message_dialog ("Anna");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Deactivate the manager instead"));
  g_assert_false (adw_message_dialog_has_response (dialog, "delete"));
  m = crm_manager_store_get (f->db, f->anna, NULL);
  g_assert_nonnull (m);
  adw_message_dialog_response (dialog, "deactivate");
  crm_test_wait_for_writes (f->db);
  g_clear_object (&m);
  m = crm_manager_store_get (f->db, f->anna, NULL);
  g_assert_false (m->active);
  /* Listed, dimmed, and out of the plan. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (crm_team_page_get_row (f->page, f->anna)), "inactive-manager"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.show", "s", "plan"));
  wait_loaded (f);
  g_assert_null (crm_team_plan_get_entry (f->plan, f->anna, CRM_KPI_CALLS));
  g_assert_nonnull (crm_team_plan_get_entry (f->plan, f->boris, CRM_KPI_CALLS));

  /* And back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.set-active", "(xb)", f->anna, TRUE));
  /* The row's button turns while the writer thread writes it. */
  g_assert_true (crm_save_button_is_busy (g_object_get_data (G_OBJECT (crm_team_page_get_row (f->page, f->anna)), "toggle")));
  crm_test_wait_for_writes (f->db);
  g_clear_object (&m);
  m = crm_manager_store_get (f->db, f->anna, NULL);
  g_assert_true (m->active);

  /* Carl has no history: deleted after a confirmation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.delete-manager", "x", carl));
  dialog = find_message_dialog ("Carl");
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "delete"));
  adw_message_dialog_response (dialog, "delete");
  /* The row goes at once. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (crm_team_page_get_row (f->page, carl))));
  crm_test_wait_for_writes (f->db);
  g_clear_object (&m);
  m = crm_manager_store_get (f->db, carl, NULL);
  g_assert_null (m);
  g_assert_null (crm_team_page_get_row (f->page, carl));
}

/* The Delete button of a manager's row, or NULL. */
static GtkWidget *
delete_button (Fixture *f, gint64 manager)
{
  GtkWidget *stack[128];
  int top = 0;

  stack[top++] = GTK_WIDGET (crm_team_page_get_row (f->page, manager));
  while (top > 0)
    {
      GtkWidget *w = stack[--top];
      if (GTK_IS_ACTIONABLE (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "team.delete-manager") == 0)
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 128; c = gtk_widget_get_next_sibling (c))
        stack[top++] = c;
    }
  return NULL;
}

/* Delete is offered only where it can work: a manager with history has
 * none, and loses it with the first client. */
static void
test_delete_only_without_history (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmClient) c = crm_client_new ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.show", "s", "managers"));
  crm_test_iterate ();
  g_assert_nonnull (delete_button (f, f->anna));
  c->name = g_strdup ("Northwind");
  c->owner_id = f->anna;
  g_assert_true (crm_client_store_create (f->db, c, NULL));
  crm_test_iterate ();
  g_assert_null (delete_button (f, f->anna));
  g_assert_nonnull (delete_button (f, f->boris));
}

/* "hired on May 23, 2024" or a phone number never breaks inside: the
 * subtitle wraps only between its parts. */
static void
test_subtitle_breaks_between_parts (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmManager) m = crm_manager_store_get (f->db, f->anna, NULL);
  g_auto(GStrv) parts = NULL;
  const char *subtitle;

  g_free (m->phone);
  m->phone = g_strdup ("+7 912 345-67-89");
  g_free (m->hired_on);
  m->hired_on = g_strdup ("2024-05-23");
  g_free (m->email);
  m->email = g_strdup ("anna@example.com");
  g_assert_true (crm_manager_store_update (f->db, m, NULL));
  crm_test_iterate ();
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (crm_team_page_get_row (f->page, f->anna)));
  parts = g_strsplit (subtitle, " · ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  for (guint i = 0; parts[i] != NULL; i++)
    g_assert_null (strchr (parts[i], ' '));
  g_assert_nonnull (strstr (parts[2], "hired\u00a0on"));
}

static CrmTeamManagerDialog *
find_manager_dialog (void)
{
  CrmTeamManagerDialog *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_TEAM_MANAGER_DIALOG (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
test_add_and_edit_manager (Fixture *f, gconstpointer data)
{
  CrmTeamManagerDialog *dialog;
  GtkWidget *error_label;
  g_autoptr(CrmManager) found = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.add-manager", NULL));
  dialog = find_manager_dialog ();
  g_assert_nonnull (dialog);
  error_label = crm_test_find_by_name (GTK_WIDGET (dialog), "error_label");

  /* No name: the store's message, once the writer thread heard it, and
   * the dialog stays. */
  g_assert_true (crm_team_manager_dialog_save (dialog));
  g_assert_true (crm_team_manager_dialog_is_saving (dialog));
  crm_test_wait_for_writes (f->db);
  g_assert_false (crm_team_manager_dialog_is_saving (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, "Enter the manager’s name: it cannot be empty.");
  g_assert_true (gtk_widget_has_css_class (crm_test_find_by_name (GTK_WIDGET (dialog), "name_row"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (crm_test_find_by_name (GTK_WIDGET (dialog), "name_row")), " Dora Kim ");
  gtk_editable_set_text (GTK_EDITABLE (crm_test_find_by_name (GTK_WIDGET (dialog), "email_row")), "dora at home");
  g_assert_false (crm_team_manager_dialog_save (dialog));
  g_assert_true (gtk_widget_has_css_class (crm_test_find_by_name (GTK_WIDGET (dialog), "email_row"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (crm_test_find_by_name (GTK_WIDGET (dialog), "email_row")), "dora@example.com");
  crm_team_manager_dialog_set_hired_on (dialog, "2026-03-02");
  g_assert_true (crm_team_manager_dialog_save (dialog));
  crm_test_wait_for_writes (f->db);
  found = crm_manager_store_find (f->db, "Dora Kim", NULL);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->email, ==, "dora@example.com");
  g_assert_cmpstr (found->hired_on, ==, "2026-03-02");
  g_assert_true (found->active);
  g_assert_nonnull (crm_team_page_get_row (f->page, found->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "team.show", "s", "plan"));
  wait_loaded (f);
  g_assert_nonnull (crm_team_plan_get_entry (f->plan, found->id, CRM_KPI_CALLS));

  /* Editing keeps the id; Enter on the row opens the dialog. */
  g_signal_emit_by_name (crm_team_page_get_row (f->page, found->id), "activate");
  crm_test_iterate ();
  dialog = find_manager_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (crm_test_find_by_name (GTK_WIDGET (dialog), "phone_row")), "+7 900 000-00-00");
  g_assert_true (crm_team_manager_dialog_save (dialog));
  crm_test_wait_for_writes (f->db);
  g_clear_object (&found);
  found = crm_manager_store_find (f->db, "Dora Kim", NULL);
  g_assert_cmpstr (found->phone, ==, "+7 900 000-00-00");
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

  g_test_add ("/team/set-target", Fixture, NULL, fixture_set_up, test_set_target, fixture_tear_down);
  g_test_add ("/team/refusals-stay-on-the-cell", Fixture, NULL, fixture_set_up, test_refusals_stay_on_the_cell,
              fixture_tear_down);
  g_test_add ("/team/achievement-beside-target", Fixture, NULL, fixture_set_up, test_achievement_beside_target,
              fixture_tear_down);
  g_test_add ("/team/copy-last-month", Fixture, NULL, fixture_set_up, test_copy_last_month, fixture_tear_down);
  g_test_add ("/team/delete-only-without-history", Fixture, NULL, fixture_set_up, test_delete_only_without_history,
              fixture_tear_down);
  g_test_add ("/team/subtitle-breaks-between-parts", Fixture, NULL, fixture_set_up,
              test_subtitle_breaks_between_parts, fixture_tear_down);
  g_test_add ("/team/deactivate-and-delete", Fixture, NULL, fixture_set_up, test_deactivate_and_delete,
              fixture_tear_down);
  g_test_add ("/team/add-and-edit-manager", Fixture, NULL, fixture_set_up, test_add_and_edit_manager,
              fixture_tear_down);

  return g_test_run ();
}
