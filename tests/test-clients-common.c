/* test-clients-common.c — what the Clients suites share: a base to look at, waiting for the list
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-client-store.h"
#include "crm-manager-store.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-clients-common.h"

/* A new database file that announces its changes, as the app's does. */
CrmDatabase *
clients_test_database (const char *name)
{
  g_autofree char *path = crm_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  CrmDatabase *db = crm_database_new (path, 0, NULL, &error);

  g_assert_no_error (error);
  crm_database_watch_changes (db);
  return db;
}

gint64
clients_test_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(GError) error = NULL;

  m->name = g_strdup (name);
  g_assert_true (crm_manager_store_create (db, m, &error));
  g_assert_no_error (error);
  return m->id;
}

gint64
clients_test_client (CrmDatabase *db, const char *name, const char *company, const char *phones,
                     const char *emails, CrmClientStatus status, gint64 owner_id, const char *tags)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->company = g_strdup (company);
  c->phones = g_strdup (phones);
  c->emails = g_strdup (emails);
  c->status = status;
  c->owner_id = owner_id;
  c->tags = g_strsplit (tags != NULL ? tags : "", ",", -1);
  g_assert_true (crm_client_store_create (db, c, &error));
  g_assert_no_error (error);
  return c->id;
}

/* The Clients screen alone in a window of @width × @height, on @db, its
 * list read. */
CrmClientsPage *
clients_test_open_page (CrmDatabase *db, int width, int height)
{
  GtkWidget *window = gtk_window_new ();
  CrmClientsPage *page = CRM_CLIENTS_PAGE (crm_clients_page_new ());

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  crm_clients_page_set_database (page, db);
  gtk_window_present (GTK_WINDOW (window));
  clients_test_wait_list (crm_clients_page_get_model (page));
  return page;
}

static gboolean
model_idle (gpointer data)
{
  return crm_client_list_model_is_idle (data);
}

/* Lets the change notifications and the refresh run, then waits for the
 * list's worker to finish what it was asked. */
void
clients_test_wait_list (CrmClientListModel *model)
{
  for (int round = 0; round < 3; round++)
    {
      crm_test_iterate ();
      g_assert_true (crm_test_wait_for (model_idle, model, 30));
    }
  crm_test_iterate ();
}

/* The descendant whose widget name (gtk_widget_set_name) is @widget_name. */
GtkWidget *
clients_test_find_named (GtkWidget *root, const char *widget_name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), widget_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = clients_test_find_named (child, widget_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The form open now. */
CrmClientForm *
clients_test_find_form (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  CrmClientForm *form = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_CLIENT_FORM (l->data) && gtk_widget_get_visible (l->data))
      form = l->data;
  g_list_free (toplevels);
  return form;
}

void
clients_test_set_text (GtkWidget *root, const char *widget_name, const char *text)
{
  GtkWidget *row = clients_test_find_named (root, widget_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Closes every window left open (forms, dialogs). */
void
clients_test_close_toplevels (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  crm_test_iterate ();
}
