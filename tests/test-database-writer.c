/* test-database-writer.c — the worker that saves for the window: in order, on its own connection
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-database-writer.h"
#include "crm-manager-store.h"
#include "crm-test-util.h"

typedef struct {
  char        *path;
  CrmDatabase *db;
  GPtrArray   *order;        /* the names, as the callbacks reported them */
  GPtrArray   *errors;       /* NULL or the message of each */
  GThread     *main_thread;
  guint        n_changed;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->path = crm_test_tmp_path ("writer.db");
  f->db = crm_database_new (f->path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);
  f->order = g_ptr_array_new_with_free_func (g_free);
  f->errors = g_ptr_array_new_with_free_func (g_free);
  f->main_thread = g_thread_self ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  g_ptr_array_unref (f->order);
  g_ptr_array_unref (f->errors);
  g_free (f->path);
}

/* Each write adds a manager named @data; "" is refused by the store. */
static gboolean
add_manager (CrmDatabase *db, gpointer data, GError **error)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(GPtrArray) before = crm_manager_store_list (db, TRUE, NULL);

  m->name = g_strdup (data);
  m->active = TRUE;
  /* Each sees every write asked for before it. */
  m->email = g_strdup_printf ("m%u@example.com", before != NULL ? before->len : 99);
  return crm_manager_store_create (db, m, error);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = crm_database_write_finish (CRM_DATABASE (source), result, &error);

  g_assert_true (g_thread_self () == f->main_thread);
  g_assert_true (ok == (error == NULL));
  g_ptr_array_add (f->order, g_strdup (crm_database_write_get_data (result)));
  g_ptr_array_add (f->errors, error != NULL ? g_strdup (error->message) : NULL);
}

static void
changed_cb (CrmDatabase *db, const char *table, Fixture *f)
{
  g_assert_cmpstr (table, ==, "manager");
  f->n_changed++;
}

static void
wait_idle (Fixture *f)
{
  while (crm_database_get_n_pending_writes (f->db) > 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Three writes in a row: written in order, each reported in the main
 * thread, the main connection announces the table; a refused one rolls
 * back alone and says why. */
static void
test_in_order (Fixture *f, gconstpointer data)
{
  static const char * const tables[] = { "manager", NULL };
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->db, "changed::manager", G_CALLBACK (changed_cb), f);
  crm_database_write_async (f->db, tables, add_manager, g_strdup ("Anna"), g_free, written_cb, f);
  crm_database_write_async (f->db, tables, add_manager, g_strdup (""), g_free, written_cb, f);
  crm_database_write_async (f->db, tables, add_manager, g_strdup ("Boris"), g_free, written_cb, f);
  g_assert_cmpuint (crm_database_get_n_pending_writes (f->db), ==, 3);
  wait_idle (f);

  g_assert_cmpuint (f->order->len, ==, 3);
  g_assert_cmpstr (f->order->pdata[0], ==, "Anna");
  g_assert_cmpstr (f->order->pdata[1], ==, "");
  g_assert_cmpstr (f->order->pdata[2], ==, "Boris");
  g_assert_null (f->errors->pdata[0]);
  g_assert_nonnull (f->errors->pdata[1]);
  g_assert_null (f->errors->pdata[2]);
  g_assert_cmpuint (f->n_changed, >=, 1);

  managers = crm_manager_store_list (f->db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (managers->len, ==, 2);
  for (guint i = 0; i < managers->len; i++)
    {
      CrmManager *m = managers->pdata[i];
      g_assert_cmpstr (m->email, ==, g_str_equal (m->name, "Anna") ? "m0@example.com" : "m1@example.com");
    }
}

/* Waiting for the writes (as the app does when it quits) returns once
 * they are committed, before the main loop hears of them. */
static void
test_wait (Fixture *f, gconstpointer data)
{
  g_autofree char *count = NULL;
  g_autoptr(CrmDatabase) other = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 5; i++)
    crm_database_write_async (f->db, NULL, add_manager, g_strdup_printf ("M%d", i), g_free, written_cb, f);
  crm_database_wait_for_writes (f->db);
  g_assert_cmpuint (f->order->len, ==, 0);
  other = crm_database_new (f->path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_assert_no_error (error);
  managers = crm_manager_store_list (other, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (managers->len, ==, 5);
  wait_idle (f);
  g_assert_cmpuint (f->order->len, ==, 5);
}

/* A read-only database: the write fails with the store's reason. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->db);
  f->db = crm_database_new (f->path, CRM_DATABASE_FLAGS_READ_ONLY | CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_assert_no_error (error);
  crm_database_write_async (f->db, NULL, add_manager, g_strdup ("Anna"), g_free, written_cb, f);
  wait_idle (f);
  g_assert_cmpuint (f->errors->len, ==, 1);
  g_assert_nonnull (f->errors->pdata[0]);
  g_assert_nonnull (strstr (f->errors->pdata[0], "read-only"));
}

static gboolean
busy_redraw_cb (gpointer data)
{
  guint *n = data;

  (*n)++;
  return G_SOURCE_CONTINUE;
}

/* A window whose frames never catch up (a spinner on a slow machine, or
 * under valgrind) keeps a source at GTK's redraw priority always ready: the
 * result of a write still reaches its callback, as a GTask's would. It
 * waited behind such frames forever when it came at an idle priority. */
static void
test_reported_while_redrawing (Fixture *f, gconstpointer data)
{
  guint n_redraws = 0;
  guint busy = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, busy_redraw_cb, &n_redraws, NULL);

  crm_database_write_async (f->db, NULL, add_manager, g_strdup ("Anna"), g_free, written_cb, f);
  crm_database_wait_for_writes (f->db);
  for (guint i = 0; i < 1000 && f->order->len == 0; i++)
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (busy);
  g_assert_cmpuint (f->order->len, ==, 1);
  g_assert_cmpstr (f->order->pdata[0], ==, "Anna");
  g_assert_null (f->errors->pdata[0]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/database-writer/in-order", Fixture, NULL, fixture_set_up, test_in_order, fixture_tear_down);
  g_test_add ("/database-writer/wait", Fixture, NULL, fixture_set_up, test_wait, fixture_tear_down);
  g_test_add ("/database-writer/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/database-writer/reported-while-redrawing", Fixture, NULL, fixture_set_up,
              test_reported_while_redrawing, fixture_tear_down);
  return g_test_run ();
}
