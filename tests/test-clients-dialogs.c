/* test-clients-dialogs.c — the actions of the client card, each in one form
 *
 * Log a call, schedule a meeting, a new deal, a payment, a complaint: what
 * a person types is checked at the field, and what is saved is what the
 * card's figures then show.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "crm-activity-store.h"
#include "crm-client-card.h"
#include "crm-client-date-button.h"
#include "crm-client-dialogs.h"
#include "crm-client-store.h"
#include "crm-deal-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-timeline-store.h"
#include "test-clients-common.h"

typedef struct {
  CrmDatabase    *db;
  CrmClientsPage *page;
  CrmClient      *client;
  gint64          anna;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  gint64 id;

  f->db = clients_test_database ("dialogs.db");
  f->anna = clients_test_manager (f->db, "Анна Петрова");
  clients_test_manager (f->db, "Boris Novak");
  id = clients_test_client (f->db, "Smith & Sons <Ltd>", NULL, "+7 912 000-00-00", NULL,
                            CRM_STATUS_PROSPECT, f->anna, NULL);
  f->client = crm_client_store_get (f->db, id, NULL);
  f->page = clients_test_open_page (f->db, 1200, 800);
  g_assert_true (crm_clients_page_open_client (f->page, id));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  clients_test_close_toplevels ();
  g_clear_object (&f->client);
  g_clear_object (&f->db);
}

static CrmClientForm *
open_form (Fixture *f, const char *action)
{
  CrmClientForm *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
  crm_test_iterate ();
  form = clients_test_find_form ();
  g_assert_nonnull (form);
  return form;
}

static GtkSpinButton *
spin_of (CrmClientForm *form, const char *name)
{
  GtkWidget *row = clients_test_find_named (GTK_WIDGET (form), name);
  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (crm_test_find_widget (row, GTK_TYPE_SPIN_BUTTON));
}

static CrmClientSummary
summary (Fixture *f)
{
  CrmClientSummary s;
  g_assert_true (crm_timeline_store_summary (f->db, f->client->id, &s, NULL));
  return s;
}

/* Log a call: direction, minutes, outcome — and Save. */
static void
test_log_call (Fixture *f, gconstpointer data)
{
  CrmClientForm *form = open_form (f, "clients.log-call");
  g_autoptr(GPtrArray) activities = NULL;
  CrmActivity *call;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Whom the call was with is under the form's title, not under a field. */
  g_assert_cmpstr (crm_client_form_get_subtitle (form), ==, "Smith & Sons <Ltd>");
  {
    /* The second toggle of the row: Inbound. */
    GtkWidget *direction = clients_test_find_named (GTK_WIDGET (form), "direction");
    GtkWidget *outbound = crm_test_find_widget (direction, GTK_TYPE_TOGGLE_BUTTON);
    const char *under = adw_action_row_get_subtitle (ADW_ACTION_ROW (direction));
    g_assert_true (under == NULL || *under == '\0');
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_next_sibling (outbound)), TRUE);
  }
  gtk_spin_button_set_value (spin_of (form, "minutes"), 12);
  clients_test_set_text (GTK_WIDGET (form), "outcome", "Wants a proposal");
  g_assert_true (crm_client_form_save (form));
  crm_test_wait_for_writes (f->db);
  crm_test_iterate ();

  activities = crm_activity_store_list_for_client (f->db, f->client->id, NULL);
  g_assert_cmpuint (activities->len, ==, 1);
  call = activities->pdata[0];
  g_assert_cmpint (call->type, ==, CRM_ACTIVITY_CALL);
  g_assert_cmpint (call->state, ==, CRM_STATE_DONE);
  g_assert_cmpint (call->direction, ==, CRM_DIRECTION_INBOUND);
  g_assert_cmpint (call->duration_min, ==, 12);
  g_assert_cmpstr (call->outcome, ==, "Wants a proposal");
  g_assert_cmpint (call->manager_id, ==, f->anna);               /* the owner, by default */
  g_assert_cmpint (ABS (call->starts_at + 12 * 60 - now), <, 60);  /* it ended now */

  /* The card's history shows it. */
  clients_test_wait_list (crm_clients_page_get_model (f->page));
  g_assert_cmpuint (crm_client_card_get_n_history_rows (crm_clients_page_get_card (f->page)), ==, 1);
}

static void
test_schedule_meeting (Fixture *f, gconstpointer data)
{
  CrmClientForm *form = open_form (f, "clients.schedule-meeting");
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GDateTime) starts = NULL;
  GtkWidget *date = crm_test_find_widget (clients_test_find_named (GTK_WIDGET (form), "date"),
                                          CRM_TYPE_CLIENT_DATE_BUTTON);
  CrmActivity *meeting;

  crm_client_date_button_set_date (CRM_CLIENT_DATE_BUTTON (date), "2030-03-15");
  clients_test_set_text (GTK_WIDGET (form), "time", "25:70");
  g_assert_false (crm_client_form_save (form));
  g_assert_nonnull (crm_client_form_get_error (form, "time"));
  clients_test_set_text (GTK_WIDGET (form), "time", "14.30");
  gtk_spin_button_set_value (spin_of (form, "duration_min"), 90);
  clients_test_set_text (GTK_WIDGET (form), "location", "Their office");
  g_assert_true (crm_client_form_save (form));
  crm_test_wait_for_writes (f->db);

  activities = crm_activity_store_list_for_client (f->db, f->client->id, NULL);
  g_assert_cmpuint (activities->len, ==, 1);
  meeting = activities->pdata[0];
  g_assert_cmpint (meeting->type, ==, CRM_ACTIVITY_MEETING);
  g_assert_cmpint (meeting->state, ==, CRM_STATE_PLANNED);
  g_assert_cmpint (meeting->duration_min, ==, 90);
  starts = g_date_time_new_from_unix_local (meeting->starts_at);
  g_assert_cmpint (g_date_time_get_year (starts), ==, 2030);
  g_assert_cmpint (g_date_time_get_day_of_month (starts), ==, 15);
  g_assert_cmpint (g_date_time_get_hour (starts), ==, 14);
  g_assert_cmpint (g_date_time_get_minute (starts), ==, 30);
  g_assert_cmpstr (meeting->location, ==, "Their office");

  /* A second meeting at the same time: the form says the manager is busy,
   * and still lets it be saved. */
  form = open_form (f, "clients.schedule-meeting");
  date = crm_test_find_widget (clients_test_find_named (GTK_WIDGET (form), "date"), CRM_TYPE_CLIENT_DATE_BUTTON);
  crm_client_date_button_set_date (CRM_CLIENT_DATE_BUTTON (date), "2030-03-15");
  clients_test_set_text (GTK_WIDGET (form), "time", "15:00");
  {
    GtkWidget *message_row = gtk_widget_get_next_sibling (clients_test_find_named (GTK_WIDGET (form), "time"));
    GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row));
    g_assert_true (gtk_widget_get_visible (message_row));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Анна Петрова"));
  }
  g_assert_null (crm_client_form_get_error (form, "time"));
  g_assert_true (crm_client_form_save (form));
  crm_test_wait_for_writes (f->db);
}

static void
test_new_deal (Fixture *f, gconstpointer data)
{
  CrmClientForm *form = open_form (f, "clients.new-deal");
  g_autoptr(GPtrArray) deals = NULL;
  CrmDeal *deal;

  clients_test_set_text (GTK_WIDGET (form), "amount", "twelve");
  g_assert_false (crm_client_form_save (form));
  g_assert_nonnull (crm_client_form_get_error (form, "title"));
  g_assert_nonnull (crm_client_form_get_error (form, "amount"));

  clients_test_set_text (GTK_WIDGET (form), "title", "Office chairs");
  clients_test_set_text (GTK_WIDGET (form), "amount", "12 500.50");
  adw_combo_row_set_selected (ADW_COMBO_ROW (clients_test_find_named (GTK_WIDGET (form), "stage")), CRM_STAGE_PROPOSAL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_of (form, "probability")), ==, 60);
  g_assert_true (crm_client_form_save (form));
  crm_test_wait_for_writes (f->db);

  deals = crm_deal_store_list_for_client (f->db, f->client->id, NULL);
  g_assert_cmpuint (deals->len, ==, 1);
  deal = deals->pdata[0];
  g_assert_cmpstr (deal->title, ==, "Office chairs");
  g_assert_cmpint (deal->amount, ==, 1250050);
  g_assert_cmpint (deal->stage, ==, CRM_STAGE_PROPOSAL);
  g_assert_cmpint (deal->probability, ==, 60);
  g_assert_null (deal->expected_close);
}

/* A payment and a complaint: the card's revenue, costs and result follow. */
static void
test_payment_and_complaint (Fixture *f, gconstpointer data)
{
  CrmClientForm *form = open_form (f, "clients.record-payment");
  CrmClientCard *card = crm_clients_page_get_card (f->page);
  GtkWidget *result;
  CrmClientSummary s;

  g_assert_false (crm_client_form_save (form));                    /* no amount */
  g_assert_nonnull (crm_client_form_get_error (form, "amount"));
  clients_test_set_text (GTK_WIDGET (form), "amount", "0");
  g_assert_false (crm_client_form_save (form));
  clients_test_set_text (GTK_WIDGET (form), "amount", "-5");
  g_assert_false (crm_client_form_save (form));
  clients_test_set_text (GTK_WIDGET (form), "amount", "5 000");
  g_assert_true (crm_client_form_save (form));
  crm_test_wait_for_writes (f->db);
  s = summary (f);
  g_assert_cmpint (s.revenue, ==, 500000);

  form = open_form (f, "clients.register-complaint");
  clients_test_set_text (GTK_WIDGET (form), "cost", "7 000");
  g_assert_false (crm_client_form_save (form));                    /* what happened? */
  g_assert_nonnull (crm_client_form_get_error (form, "description"));
  clients_test_set_text (GTK_WIDGET (form), "description", "Two chairs broken on delivery");
  g_assert_true (crm_client_form_save (form));
  crm_test_wait_for_writes (f->db);
  s = summary (f);
  g_assert_cmpint (s.complaint_cost, ==, 700000);
  g_assert_cmpint (s.result, ==, -200000);

  /* The card: loss-making, in red. */
  clients_test_wait_list (crm_clients_page_get_model (f->page));
  result = crm_test_find_by_name (GTK_WIDGET (card), "result_label");
  g_assert_true (gtk_widget_has_css_class (result, "error"));
  g_assert_cmpuint (crm_client_card_get_n_history_rows (card), ==, 2);
}

/* Escape cancels a form: nothing is written. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  CrmClientForm *form = open_form (f, "clients.record-payment");
  CrmClientSummary s;

  clients_test_set_text (GTK_WIDGET (form), "amount", "100");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL));
  crm_test_iterate ();
  g_assert_null (clients_test_find_form ());
  s = summary (f);
  g_assert_cmpuint (crm_client_summary_n_entries (&s), ==, 0);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

#define ADD(path, fn) g_test_add ("/clients-dialogs/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("log-call", test_log_call);
  ADD ("schedule-meeting", test_schedule_meeting);
  ADD ("new-deal", test_new_deal);
  ADD ("payment-and-complaint", test_payment_and_complaint);
  ADD ("cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
