/* test-clients.c — the Clients screen driven as a person would
 *
 * Create a client, edit it (a wrong e-mail refused at the field), search
 * (Latin, Cyrillic in any case, a phone by its digits), filter, sort by a
 * header, delete and undo — and delete, close the app, open it again.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "crm-activity-store.h"
#include "crm-application.h"
#include "crm-client-card.h"
#include "crm-client-dialogs.h"
#include "crm-client-store.h"
#include "crm-clients-page.h"
#include "crm-complaint-store.h"
#include "crm-deal-store.h"
#include "crm-manager-picker.h"
#include "crm-payment-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-timeline-store.h"
#include "crm-window.h"
#include "test-clients-common.h"

typedef struct {
  CrmDatabase    *db;
  CrmClientsPage *page;
  gint64          anna;
  gint64          boris;
} Fixture;

static CrmClientListModel *
model_of (Fixture *f)
{
  return crm_clients_page_get_model (f->page);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model_of (f)));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->db = clients_test_database ("clients.db");
  f->anna = clients_test_manager (f->db, "Анна Петрова");
  f->boris = clients_test_manager (f->db, "Boris Novak");
  f->page = clients_test_open_page (f->db, 1200, 800);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  clients_test_close_toplevels ();
  g_clear_object (&f->db);
}

static void
add_sample (Fixture *f)
{
  clients_test_client (f->db, "Иван Петров", "ООО «Ромашка»", "+7 (912) 345-67-89", "ivan@romashka.ru",
                       CRM_STATUS_CUSTOMER, f->anna, "VIP");
  clients_test_client (f->db, "Пётр Смирнов", NULL, "8 (495) 123-45-67", NULL,
                       CRM_STATUS_LEAD, f->boris, NULL);
  clients_test_client (f->db, "John Smith", "Smith & Sons", "+1 (212) 555-0100", "john@smith.example",
                       CRM_STATUS_REGULAR, f->boris, "VIP,wholesale");
  clients_test_client (f->db, "Smithson Ltd", "Smithson Ltd", NULL, "office@smithson.example",
                       CRM_STATUS_LOST, 0, NULL);
  clients_test_wait_list (model_of (f));
}

static gboolean
action (Fixture *f, const char *name)
{
  return gtk_widget_activate_action (GTK_WIDGET (f->page), name, NULL);
}

static gboolean
page_idle (gpointer page)
{
  return !crm_clients_page_is_busy (page);
}

/* Waits for a deletion or an undo (in its worker), then for the list. */
static void
wait_page (CrmClientsPage *page)
{
  g_assert_true (crm_test_wait_for (page_idle, page, 30));
  clients_test_wait_list (crm_clients_page_get_model (page));
}

typedef struct {
  Fixture *f;
  guint    n;
} CountWait;

static gboolean
shows_n (gpointer data)
{
  CountWait *w = data;
  return crm_client_list_model_is_idle (model_of (w->f)) && n_shown (w->f) == w->n;
}

/* Types into the search entry and waits for the debounced search. */
static void
search_for (Fixture *f, const char *text, guint expected)
{
  /* The screen's own, not one inside a drop-down of the card. */
  GtkWidget *pane = crm_test_find_by_name (GTK_WIDGET (f->page), "list_pane");
  GtkWidget *entry = crm_test_find_by_name (pane, "search_entry");
  CountWait w = { f, expected };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (!crm_test_wait_for (shows_n, &w, 10))
    g_error ("searching for “%s”: %u clients shown, %u expected", text, n_shown (f), expected);
  clients_test_wait_list (model_of (f));
}

static const char *
name_at (Fixture *f, guint position)
{
  g_autoptr(CrmClient) c = g_list_model_get_item (G_LIST_MODEL (model_of (f)), position);
  return c->name;     /* the model keeps it */
}

static GtkWidget *
card_row (Fixture *f, const char *id)
{
  GtkWidget *row = crm_test_find_by_name (GTK_WIDGET (crm_clients_page_get_card (f->page)), id);
  g_assert_nonnull (row);
  return row;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_empty_then_create (Fixture *f, gconstpointer data)
{
  CrmClientForm *form;
  CrmClient *shown;
  g_autoptr(CrmClient) stored = NULL;

  g_assert_cmpstr (crm_clients_page_get_state (f->page), ==, "empty");
  g_assert_cmpstr (crm_clients_page_get_count_text (f->page), ==, "0 clients");

  /* New Client (Ctrl+N): a form; without a name it stays open and says so. */
  g_assert_true (action (f, "clients.new"));
  crm_test_iterate ();
  form = clients_test_find_form ();
  g_assert_nonnull (form);
  clients_test_set_text (GTK_WIDGET (form), "phones", "+7 912 345-67-89");
  g_assert_false (crm_client_form_save (form));
  g_assert_nonnull (crm_client_form_get_error (form, "name"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));

  clients_test_set_text (GTK_WIDGET (form), "name", "Мария Кузнецова");
  clients_test_set_text (GTK_WIDGET (form), "emails", "maria@example.com");
  clients_test_set_text (GTK_WIDGET (form), "tags", "VIP, опт");
  g_assert_true (crm_client_form_save (form));
  crm_test_wait_for_writes (f->db);
  clients_test_wait_list (model_of (f));

  /* The card shows the new client; the list has it. */
  g_assert_true (crm_clients_page_is_card_open (f->page));
  shown = crm_client_card_get_client (crm_clients_page_get_card (f->page));
  g_assert_cmpstr (shown->name, ==, "Мария Кузнецова");
  stored = crm_client_store_get (f->db, shown->id, NULL);
  g_assert_cmpstr (stored->phones, ==, "+7 912 345-67-89");
  g_assert_cmpstr (stored->emails, ==, "maria@example.com");
  g_assert_cmpuint (g_strv_length (stored->tags), ==, 2);
  /* Nothing was said of the source: "Other", the neutral one, not a channel. */
  g_assert_cmpint (stored->source, ==, CRM_SOURCE_OTHER);
  g_assert_cmpstr (crm_clients_page_get_state (f->page), ==, "list");
  g_assert_cmpstr (crm_clients_page_get_count_text (f->page), ==, "1 client");
  g_assert_cmpstr (name_at (f, 0), ==, "Мария Кузнецова");

  /* Escape closes the card. */
  g_assert_true (action (f, "clients.close-card"));
  g_assert_false (crm_clients_page_is_card_open (f->page));
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(CrmClient) stored = NULL;
  GtkWidget *emails, *message;
  gint64 id;

  add_sample (f);
  search_for (f, "иван", 1);
  {
    g_autoptr(CrmClient) c = g_list_model_get_item (G_LIST_MODEL (model_of (f)), 0);
    id = c->id;
  }
  g_assert_true (crm_clients_page_open_client (f->page, id));

  /* A wrong e-mail: refused at the field, with what is wrong; nothing written. */
  emails = card_row (f, "emails_row");
  message = card_row (f, "emails_message");
  gtk_editable_set_text (GTK_EDITABLE (emails), "ivan(at)romashka.ru");
  g_assert_true (crm_client_card_has_changes (crm_clients_page_get_card (f->page)));
  g_assert_true (action (f, "clients.save"));
  g_assert_true (gtk_widget_has_css_class (emails, "error"));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message)))),
                            "ivan(at)romashka.ru"));
  stored = crm_client_store_get (f->db, id, NULL);
  g_assert_cmpstr (stored->emails, ==, "ivan@romashka.ru");
  g_clear_object (&stored);

  /* Corrected, the mark goes as it is typed; saved. */
  gtk_editable_set_text (GTK_EDITABLE (emails), "ivan@romashka.ru, sales@romashka.ru");
  g_assert_false (gtk_widget_has_css_class (emails, "error"));
  g_assert_false (gtk_widget_get_visible (message));
  gtk_editable_set_text (GTK_EDITABLE (card_row (f, "city_row")), "Екатеринбург");
  adw_combo_row_set_selected (ADW_COMBO_ROW (card_row (f, "status_row")), CRM_STATUS_REGULAR);
  g_assert_true (action (f, "clients.save"));
  crm_test_wait_for_writes (f->db);
  g_assert_false (crm_client_card_has_changes (crm_clients_page_get_card (f->page)));
  stored = crm_client_store_get (f->db, id, NULL);
  g_assert_cmpstr (stored->emails, ==, "ivan@romashka.ru\nsales@romashka.ru");
  g_assert_cmpstr (stored->city, ==, "Екатеринбург");
  g_assert_cmpint (stored->status, ==, CRM_STATUS_REGULAR);
  g_assert_cmpint (stored->owner_id, ==, f->anna);       /* untouched fields stay */
  g_clear_object (&stored);

  /* The row in the list follows. */
  clients_test_wait_list (model_of (f));
  {
    g_autoptr(CrmClient) row = g_list_model_get_item (G_LIST_MODEL (model_of (f)), 0);
    g_assert_cmpint (row->status, ==, CRM_STATUS_REGULAR);
  }

  /* An empty name is refused too; Undo Changes puts the name back. */
  gtk_editable_set_text (GTK_EDITABLE (card_row (f, "name_row")), "  ");
  g_assert_true (action (f, "clients.save"));
  g_assert_true (gtk_widget_has_css_class (card_row (f, "name_row"), "error"));
  g_assert_true (action (f, "clients.revert"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (card_row (f, "name_row"))), ==, "Иван Петров");
  g_assert_false (gtk_widget_has_css_class (card_row (f, "name_row"), "error"));
}

static void
test_search (Fixture *f, gconstpointer data)
{
  add_sample (f);
  g_assert_cmpstr (crm_clients_page_get_count_text (f->page), ==, "4 clients");

  search_for (f, "smi", 2);                 /* John Smith (also his company and e-mail), Smithson Ltd */
  g_assert_cmpstr (name_at (f, 0), ==, "John Smith");
  g_assert_cmpstr (name_at (f, 1), ==, "Smithson Ltd");
  search_for (f, "sons", 1);                /* the company "Smith & Sons" */
  search_for (f, "ПЕТР", 2);                /* Петров and Пётр, any case, ё as е */
  search_for (f, "пётр", 2);
  search_for (f, "смирн", 1);
  search_for (f, "9123456789", 1);          /* a phone by its digits */
  g_assert_cmpstr (name_at (f, 0), ==, "Иван Петров");
  search_for (f, "8 912 345-67-89", 1);     /* the same number written otherwise */
  search_for (f, "495 123", 1);
  g_assert_cmpstr (name_at (f, 0), ==, "Пётр Смирнов");
  search_for (f, "office@smith", 1);        /* e-mail */
  search_for (f, "zzz", 0);
  g_assert_cmpstr (crm_clients_page_get_state (f->page), ==, "no-match");
  g_assert_cmpstr (crm_clients_page_get_count_text (f->page), ==, "0 clients");

  /* Clear the search: everyone again. */
  g_assert_true (action (f, "clients.clear-search"));
  clients_test_wait_list (model_of (f));
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_cmpstr (crm_clients_page_get_state (f->page), ==, "list");
}

static void
test_filters_and_sort (Fixture *f, gconstpointer data)
{
  GtkDropDown *status, *source, *tag;
  GtkWidget *owner;
  GtkColumnView *view;
  CountWait w = { f, 0 };

  add_sample (f);
  status = GTK_DROP_DOWN (crm_test_find_by_name (GTK_WIDGET (f->page), "status_filter"));
  source = GTK_DROP_DOWN (crm_test_find_by_name (GTK_WIDGET (f->page), "source_filter"));
  tag = GTK_DROP_DOWN (crm_test_find_by_name (GTK_WIDGET (f->page), "tag_filter"));
  owner = crm_test_find_by_name (GTK_WIDGET (f->page), "owner_filter");

  gtk_drop_down_set_selected (status, 1 + CRM_STATUS_LEAD);
  clients_test_wait_list (model_of (f));
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (name_at (f, 0), ==, "Пётр Смирнов");
  gtk_drop_down_set_selected (status, 0);

  crm_manager_picker_set_manager_id (CRM_MANAGER_PICKER (owner), f->boris);
  clients_test_wait_list (model_of (f));
  g_assert_cmpuint (n_shown (f), ==, 2);

  /* Tags: the list of tags, then owner and tag together. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (tag)), ==, 3);   /* all, VIP, wholesale */
  gtk_drop_down_set_selected (tag, 1);       /* VIP */
  clients_test_wait_list (model_of (f));
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (name_at (f, 0), ==, "John Smith");
  g_assert_cmpstr (crm_clients_page_get_count_text (f->page), ==, "1 client");

  /* Nobody matches: say what to do. */
  gtk_drop_down_set_selected (source, 1 + CRM_SOURCE_REFERRAL);
  clients_test_wait_list (model_of (f));
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (crm_clients_page_get_state (f->page), ==, "no-match");
  g_assert_true (action (f, "clients.clear-search"));
  w.n = 4;
  g_assert_true (crm_test_wait_for (shows_n, &w, 10));
  g_assert_cmpuint (gtk_drop_down_get_selected (tag), ==, 0);

  /* A click on the Status header sorts by status; again, the other way. */
  view = GTK_COLUMN_VIEW (crm_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), 4);
    g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Status");
    gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
    clients_test_wait_list (model_of (f));
    g_assert_cmpstr (name_at (f, 0), ==, "Пётр Смирнов");      /* lead first */
    gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    clients_test_wait_list (model_of (f));
    g_assert_cmpstr (name_at (f, 0), ==, "Smithson Ltd");      /* lost first */
  }
  /* Columns the store does not sort by are not clickable (the others:
   * test-clients-sort.c). */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_column_view_get_columns (view)); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), i);
      const char *title = gtk_column_view_column_get_title (column);
      gboolean sorts = !g_str_equal (title, "Phone") && !g_str_equal (title, "E-mail") &&
                       !g_str_equal (title, "Owner");
      g_assert_true ((gtk_column_view_column_get_sorter (column) != NULL) == sorts);
    }
}

static void
add_history (Fixture *f, gint64 client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) call = crm_activity_new ();
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmPayment) payment = crm_payment_new ();
  g_autoptr(CrmComplaint) complaint = crm_complaint_new ();

  call->type = CRM_ACTIVITY_CALL;
  call->state = CRM_STATE_DONE;
  call->client_id = client;
  call->manager_id = f->anna;
  call->starts_at = 1790000000;
  call->duration_min = 7;
  call->reminder_min = -1;
  g_assert_true (crm_activity_store_create (f->db, call, &error));
  deal->client_id = client;
  deal->manager_id = f->anna;
  deal->title = g_strdup ("Chairs");
  deal->amount = 100000;
  g_assert_true (crm_deal_store_create (f->db, deal, &error));
  g_assert_true (crm_deal_store_set_stage (f->db, deal->id, CRM_STAGE_PROPOSAL, NULL, NULL, 0, &error));
  payment->client_id = client;
  payment->manager_id = f->anna;
  payment->deal_id = deal->id;
  payment->paid_on = g_strdup ("2026-11-02");
  payment->amount = 50000;
  g_assert_true (crm_payment_store_create (f->db, payment, &error));
  complaint->client_id = client;
  complaint->manager_id = f->anna;
  complaint->opened_on = g_strdup ("2026-11-03");
  complaint->cost = 1000;
  g_assert_true (crm_complaint_store_create (f->db, complaint, &error));
  g_assert_no_error (error);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmClient) gone = NULL;
  g_autoptr(CrmClient) back = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GArray) history = NULL;
  CrmClientSummary before, after;
  AdwMessageDialog *dialog;
  gint64 id;

  add_sample (f);
  id = clients_test_client (f->db, "Ольга Орлова", NULL, "+7 900 000-00-01", NULL, CRM_STATUS_CUSTOMER, f->anna,
                            "VIP,опт");
  add_history (f, id);
  clients_test_wait_list (model_of (f));
  g_assert_true (crm_timeline_store_summary (f->db, id, &before, &error));
  g_assert_cmpuint (n_shown (f), ==, 5);

  g_assert_true (crm_clients_page_open_client (f->page, id));
  g_assert_cmpuint (crm_client_card_get_n_history_rows (crm_clients_page_get_card (f->page)), ==, 4);

  /* A client with history: asked first. */
  g_assert_true (action (f, "clients.delete"));
  crm_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 activity"));
  adw_message_dialog_response (dialog, "delete");
  wait_page (f->page);

  gone = crm_client_store_get (f->db, id, &error);
  g_assert_null (gone);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_clients_page_is_card_open (f->page));
  g_assert_cmpuint (n_shown (f), ==, 4);

  /* Undo (Ctrl+Z): everything back, with the same ids. */
  g_assert_true (action (f, "clients.undo-delete"));
  wait_page (f->page);
  back = crm_client_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Ольга Орлова");
  g_assert_cmpuint (g_strv_length (back->tags), ==, 2);
  g_assert_true (crm_timeline_store_summary (f->db, id, &after, &error));
  g_assert_cmpint (memcmp (&before, &after, sizeof before), ==, 0);
  deals = crm_deal_store_list_for_client (f->db, id, &error);
  g_assert_cmpuint (deals->len, ==, 1);
  history = crm_deal_store_history (f->db, CRM_DEAL (deals->pdata[0])->id, &error);
  g_assert_cmpuint (history->len, ==, 2);          /* created as new, moved to proposal */
  g_assert_cmpuint (n_shown (f), ==, 5);
  g_assert_true (crm_clients_page_is_card_open (f->page));
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_assert_true (crm_database_check (f->db, &problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* A client without history goes at once (no question), with the toast. */
static void
test_delete_without_history (Fixture *f, gconstpointer data)
{
  gint64 id;

  add_sample (f);
  search_for (f, "smithson", 1);
  {
    g_autoptr(CrmClient) c = g_list_model_get_item (G_LIST_MODEL (model_of (f)), 0);
    id = c->id;
  }
  /* Beside the list, selecting a row opens its card. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (crm_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW)))), 0, TRUE);
  g_assert_true (crm_clients_page_is_card_open (f->page));
  g_assert_cmpint (crm_client_card_get_client (crm_clients_page_get_card (f->page))->id, ==, id);
  g_assert_true (action (f, "clients.delete"));
  g_assert_null (find_message_dialog ());
  wait_page (f->page);
  g_assert_null (crm_client_store_get (f->db, id, NULL));
  g_assert_cmpstr (crm_clients_page_get_state (f->page), ==, "no-match");
}

/* ---- the whole application ------------------------------------------------ */

static CrmWindow *
start_app (CrmApplication **out_app, const char *db_path)
{
  g_autoptr(GError) error = NULL;
  CrmApplication *app = crm_application_new (db_path);
  static int n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.ClientsTest%d_%d", APPLICATION_ID, (int) getpid (), ++n_apps);
  GtkWindow *window;

  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  crm_test_iterate ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRM_IS_WINDOW (window));
  *out_app = app;
  return CRM_WINDOW (window);
}

static void
close_app (CrmApplication *app, CrmWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  crm_test_iterate ();
  g_object_unref (app);
  crm_test_iterate ();
}

/* Delete, and close the app while the undo toast is up: the deletion
 * stands, whole; the database is sound. */
static void
test_close_with_undo_pending (void)
{
  g_autofree char *path = crm_test_tmp_path ("app.db");
  g_autoptr(GError) error = NULL;
  CrmApplication *app = NULL;
  CrmWindow *window;
  CrmClientsPage *page;
  gint64 manager, id, keep;

  {
    g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
    Fixture f = { .db = db };

    g_assert_no_error (error);
    manager = clients_test_manager (db, "Анна Петрова");
    f.anna = manager;
    id = clients_test_client (db, "Удаляемый Клиент", NULL, NULL, NULL, CRM_STATUS_LEAD, manager, "VIP");
    keep = clients_test_client (db, "Остающийся Клиент", NULL, NULL, NULL, CRM_STATUS_LEAD, manager, "VIP");
    add_history (&f, id);
  }

  window = start_app (&app, path);
  g_assert_true (crm_window_show_screen (window, "clients"));
  page = CRM_CLIENTS_PAGE (crm_window_get_screen_widget (window, "clients"));
  clients_test_wait_list (crm_clients_page_get_model (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crm_clients_page_get_model (page))), ==, 2);

  /* Ctrl+N from the window opens the form on the Clients screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-client", NULL));
  crm_test_iterate ();
  g_assert_nonnull (clients_test_find_form ());
  g_assert_cmpstr (crm_window_get_screen (window), ==, "clients");
  gtk_window_destroy (GTK_WINDOW (clients_test_find_form ()));
  crm_test_iterate ();

  /* So does the + at the start of the window's header bar, shown on the
   * Clients screen and on the screens without a + of their own. */
  {
    GtkWidget *button = crm_test_find_by_name (GTK_WIDGET (window), "new_client_button");

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_mapped (button));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-client");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "New Client (Ctrl+N)");
    /* My Day's own + (and Ctrl+N) makes an activity: no second + there. */
    g_assert_true (crm_window_show_screen (window, "today"));
    crm_test_iterate ();
    g_assert_false (gtk_widget_get_visible (button));
    g_assert_true (crm_window_show_screen (window, "deals"));
    crm_test_iterate ();
    g_assert_true (gtk_widget_get_mapped (button));
    g_signal_emit_by_name (button, "clicked");
    crm_test_iterate ();
    g_assert_nonnull (clients_test_find_form ());
    g_assert_cmpstr (crm_window_get_screen (window), ==, "clients");
    gtk_window_destroy (GTK_WINDOW (clients_test_find_form ()));
    crm_test_iterate ();
  }

  g_assert_true (crm_clients_page_open_client (page, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "clients.delete", NULL));
  crm_test_iterate ();
  adw_message_dialog_response (find_message_dialog (), "delete");
  wait_page (page);
  close_app (app, window);

  {
    g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(CrmClient) kept = NULL;
    CrmClientSummary s;

    g_assert_no_error (error);
    g_assert_null (crm_client_store_get (db, id, NULL));
    g_assert_true (crm_timeline_store_summary (db, id, &s, &error));
    g_assert_cmpuint (crm_client_summary_n_entries (&s), ==, 0);     /* no orphan rows */
    kept = crm_client_store_get (db, keep, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (kept->tags), ==, 1);
    g_assert_true (crm_database_check (db, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Every shortcut of the screen is in the shortcuts window. */
static void
test_shortcuts_listed (void)
{
  GtkWidget *page = g_object_ref_sink (crm_clients_page_new ());

  g_assert_cmpuint (crm_test_check_shortcuts_listed (page, "clients."), >=, 11);
  g_object_unref (page);
}

/* In Russian: the count, and the message under a wrong field. */
static void
test_in_russian (Fixture *f, gconstpointer data)
{
  CrmClientForm *form;

  add_sample (f);
  crm_test_use_language ("ru");
  g_assert_true (action (f, "clients.new"));
  crm_test_iterate ();
  form = clients_test_find_form ();
  clients_test_set_text (GTK_WIDGET (form), "name", "Тест");
  clients_test_set_text (GTK_WIDGET (form), "emails", "не-адрес");
  g_assert_false (crm_client_form_save (form));
  g_test_message ("%s", crm_client_form_get_error (form, "emails"));
  g_assert_nonnull (strstr (crm_client_form_get_error (form, "emails"), "адрес эл. почты"));
  gtk_window_destroy (GTK_WINDOW (form));
  search_for (f, "smi", 2);
  g_assert_cmpstr (crm_clients_page_get_count_text (f->page), ==, "2 клиента");
  crm_test_use_language (NULL);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  crm_test_serve_notifications ();

#define ADD(path, fn) g_test_add ("/clients/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("empty-then-create", test_empty_then_create);
  ADD ("edit", test_edit);
  ADD ("search", test_search);
  ADD ("filters-and-sort", test_filters_and_sort);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("delete-without-history", test_delete_without_history);
  ADD ("in-russian", test_in_russian);
#undef ADD
  g_test_add_func ("/clients/close-with-undo-pending", test_close_with_undo_pending);
  g_test_add_func ("/clients/shortcuts-listed", test_shortcuts_listed);

  return g_test_run ();
}
