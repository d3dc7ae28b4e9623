/* test-saving.c — a save while another program holds the write lock
 *
 * The client card's Save runs in the store's writer thread: while another
 * connection holds the database's write lock the window keeps going (a
 * timeout ticking every 10 ms goes on firing), Save shows that it is busy,
 * and what was typed stays — through a refusal once the busy timeout has
 * passed, and until it is saved once the lock goes.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "crm-client-card.h"
#include "crm-client-store.h"
#include "crm-database-writer.h"
#include "crm-save-button.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-clients-common.h"

typedef struct {
  CrmDatabase    *db;
  CrmClientsPage *page;
  CrmClientCard  *card;
  gint64          id;
  guint           ticks;
  guint           until;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  gint64 anna;

  f->db = clients_test_database ("saving.db");
  anna = clients_test_manager (f->db, "Анна Петрова");
  f->id = clients_test_client (f->db, "Иван Петров", NULL, "+7 912 345-67-89", NULL, CRM_STATUS_CUSTOMER, anna, NULL);
  f->page = clients_test_open_page (f->db, 1200, 800);
  g_assert_true (crm_clients_page_open_client (f->page, f->id));
  f->card = crm_clients_page_get_card (f->page);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  clients_test_close_toplevels ();
  g_clear_object (&f->db);
}

static gboolean
tick_cb (gpointer data)
{
  Fixture *f = data;

  f->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
ticked (gpointer data)
{
  Fixture *f = data;
  return f->ticks >= f->until;
}

static gboolean
saved (gpointer data)
{
  Fixture *f = data;
  return !crm_client_card_is_saving (f->card);
}

/* The main loop turns @n more times while the save waits. */
static void
wait_ticks (Fixture *f, guint n)
{
  f->until = f->ticks + n;
  g_assert_true (crm_test_wait_for (ticked, f, 180));
}

static char *
stored_city (Fixture *f)
{
  g_autoptr(CrmClient) c = crm_client_store_get (f->db, f->id, NULL);
  return g_strdup (c->city);
}

static void
test_card_busy (Fixture *f, gconstpointer data)
{
  GtkWidget *city = crm_test_find_by_name (GTK_WIDGET (f->card), "city_row");
  GtkButton *save = GTK_BUTTON (crm_test_find_by_name (GTK_WIDGET (f->card), "save_button"));
  GtkLabel *label = GTK_LABEL (crm_test_find_by_name (GTK_WIDGET (f->card), "save_label"));
  g_autoptr(CrmDatabase) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint tick_source;
  guint ticks;

  /* Another connection takes the write lock and keeps it. */
  holder = crm_database_new (crm_database_get_path (f->db), CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_begin (holder, &error));
  g_assert_no_error (error);

  tick_source = g_timeout_add (10, tick_cb, f);
  gtk_editable_set_text (GTK_EDITABLE (city), "Казань");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "clients.save", NULL));

  /* The save waits for the lock; the window does not. */
  g_assert_true (crm_client_card_is_saving (f->card));
  g_assert_true (crm_save_button_is_busy (save));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  g_assert_true (GTK_IS_SPINNER (gtk_button_get_child (save)));
  wait_ticks (f, 20);
  g_assert_true (crm_client_card_is_saving (f->card));
  g_assert_true (crm_save_button_is_busy (save));

  /* The busy timeout passes (5 s; the wait is long for valgrind, whose
   * threads take turns): the store's words in the bar, the text typed
   * still there and still to be saved; nothing written. */
  ticks = f->ticks;
  g_assert_true (crm_test_wait_for (saved, f, 180));
  crm_test_iterate ();
  g_assert_cmpuint (f->ticks, >, ticks);
  g_test_message ("%s", gtk_label_get_label (label));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "busy"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (city)), ==, "Казань");
  g_assert_true (crm_client_card_has_changes (f->card));
  g_assert_false (crm_save_button_is_busy (save));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (save)));
  g_assert_cmpstr (gtk_button_get_label (save), ==, "Save");
  before = stored_city (f);
  g_assert_cmpstr (before, !=, "Казань");

  /* Saved again, and the lock goes while it waits: written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "clients.save", NULL));
  wait_ticks (f, 10);
  g_assert_true (crm_client_card_is_saving (f->card));
  crm_database_rollback (holder);
  crm_test_wait_for_writes (f->db);
  g_assert_false (crm_client_card_is_saving (f->card));
  g_assert_false (crm_client_card_has_changes (f->card));
  after = stored_city (f);
  g_assert_cmpstr (after, ==, "Казань");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (city)), ==, "Казань");
  g_source_remove (tick_source);
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add ("/saving/card-busy", Fixture, NULL, fixture_setup, test_card_busy, fixture_teardown);
  return g_test_run ();
}
