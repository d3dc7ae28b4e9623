/* crm-upgrade-page.c — what the window shows while an older database is upgraded
 *
 * The application opens (and upgrades) the file in a worker thread and
 * tells how far it is with "upgrade-progress" on the main loop: the copy of
 * the old file has a real fraction; the migration itself does not know its
 * length, and the bar pulses from the main loop instead, so that it moves
 * even while a long statement runs. Closing the window asks first: the
 * migration is one transaction, so stopping it leaves the old file as it was.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-upgrade-page.h"

#define PULSE_MS 100

struct _CrmUpgradePage {
  AdwBin          parent_instance;

  GtkProgressBar *bar;
  GtkLabel       *step;
  guint           pulse_source;
};

G_DEFINE_FINAL_TYPE (CrmUpgradePage, crm_upgrade_page, ADW_TYPE_BIN)

static gboolean
pulse_cb (gpointer user_data)
{
  CrmUpgradePage *self = user_data;

  gtk_progress_bar_pulse (self->bar);
  return G_SOURCE_CONTINUE;
}

static void
upgrade_progress_cb (CrmApplication *application, CrmDatabaseUpgradeStep step, double fraction,
                     CrmUpgradePage *self)
{
  if (step == CRM_DATABASE_UPGRADE_BACKUP)
    gtk_label_set_text (self->step, _("Copying the old file…"));
  else
    gtk_label_set_text (self->step, _("Upgrading the tables…"));
  if (fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->bar, CLAMP (fraction, 0, 1));
    }
  else if (self->pulse_source == 0)
    self->pulse_source = g_timeout_add (PULSE_MS, pulse_cb, self);
}

GtkWidget *
crm_upgrade_page_new (CrmApplication *application)
{
  CrmUpgradePage *self = g_object_new (CRM_TYPE_UPGRADE_PAGE, NULL);
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  const char *path = crm_application_get_database_path (application);
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *text = NULL;

  g_return_val_if_fail (CRM_IS_APPLICATION (application), NULL);

  /* Translators: %s is the database file */
  text = g_strdup_printf (_("This version of SalesCRM keeps its data in a new format, so the database “%s” is "
                            "being upgraded. A copy of the old file is kept beside it. On a large database "
                            "this takes a minute or two: let it finish, and do not switch off the computer "
                            "meanwhile."),
                          escaped);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "software-update-available-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Upgrading the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), text);

  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_pulse_step (self->bar, 0.05);
  self->step = GTK_LABEL (gtk_label_new (_("Starting…")));
  gtk_label_set_wrap (self->step, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->step), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->step));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 360);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), clamp);
  adw_bin_set_child (ADW_BIN (self), status);

  g_signal_connect_object (application, "upgrade-progress", G_CALLBACK (upgrade_progress_cb), self, 0);
  return GTK_WIDGET (self);
}

double
crm_upgrade_page_get_fraction (CrmUpgradePage *self)
{
  g_return_val_if_fail (CRM_IS_UPGRADE_PAGE (self), 0);
  return gtk_progress_bar_get_fraction (self->bar);
}

const char *
crm_upgrade_page_get_step_text (CrmUpgradePage *self)
{
  g_return_val_if_fail (CRM_IS_UPGRADE_PAGE (self), NULL);
  return gtk_label_get_text (self->step);
}

/* ---- closing while it runs ------------------------------------------------ */

static void
quit_response_cb (AdwMessageDialog *dialog, const char *response, GtkWindow *window)
{
  CrmApplication *application = CRM_APPLICATION (gtk_window_get_application (window));

  if (g_strcmp0 (response, "quit") != 0)
    return;
  /* Done meanwhile: closed as any window is. */
  if (application == NULL || !crm_application_is_upgrading (application))
    {
      gtk_window_close (window);
      return;
    }
  /* The application stays until the worker has rolled back and ended. */
  crm_application_stop_upgrade (application);
  gtk_window_destroy (window);
}

/* For a window's close-request: while the upgrade runs, asks whether to
 * stop it, and TRUE (the window stays for now). FALSE when nothing runs. */
gboolean
crm_upgrade_page_ask_to_quit (GtkWindow *window, CrmApplication *application)
{
  AdwMessageDialog *dialog;

  if (application == NULL || !crm_application_is_upgrading (application))
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Stop the Upgrade?"),
                                                       _("The upgrade is still running. Quitting now keeps the old "
                                                         "file as it was, and SalesCRM upgrades it again the next "
                                                         "time it starts.")));
  adw_message_dialog_add_responses (dialog,
                                    "continue", _("_Continue Upgrading"),
                                    "quit", _("_Quit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (quit_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
crm_upgrade_page_dispose (GObject *object)
{
  CrmUpgradePage *self = CRM_UPGRADE_PAGE (object);

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  G_OBJECT_CLASS (crm_upgrade_page_parent_class)->dispose (object);
}

static void
crm_upgrade_page_class_init (CrmUpgradePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_upgrade_page_dispose;
}

static void
crm_upgrade_page_init (CrmUpgradePage *self)
{
}
