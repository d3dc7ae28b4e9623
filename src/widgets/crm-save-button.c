/* crm-save-button.c — a Save button that shows a save in progress
 *
 * The saves of the window run in the store's writer thread
 * (crm_database_write_async): most are done before the next frame, but
 * one that waits for another program's write lock can take seconds. Until
 * it is done the button that started it cannot be pressed again and holds
 * a spinner instead of its label, at the width it had; its action, if it
 * has one, is unset meanwhile so that nothing makes it sensitive again.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-save-button.h"

typedef struct {
  char     *label;
  char     *action;
  char     *tooltip;
  gboolean  use_underline;
} Saved;

static void
saved_free (Saved *saved)
{
  g_free (saved->label);
  g_free (saved->action);
  g_free (saved->tooltip);
  g_free (saved);
}

gboolean
crm_save_button_is_busy (GtkButton *button)
{
  g_return_val_if_fail (GTK_IS_BUTTON (button), FALSE);
  return g_object_get_data (G_OBJECT (button), "crm-save-button") != NULL;
}

void
crm_save_button_set_busy (GtkButton *button, gboolean busy)
{
  GtkWidget *widget = GTK_WIDGET (button);
  Saved *saved;

  g_return_if_fail (GTK_IS_BUTTON (button));
  if (busy == crm_save_button_is_busy (button))
    return;
  if (busy)
    {
      GtkWidget *spinner = gtk_spinner_new ();
      int width = gtk_widget_get_width (widget);

      saved = g_new0 (Saved, 1);
      saved->label = g_strdup (gtk_button_get_label (button));
      saved->use_underline = gtk_button_get_use_underline (button);
      saved->action = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)));
      saved->tooltip = g_strdup (gtk_widget_get_tooltip_text (widget));
      g_object_set_data_full (G_OBJECT (button), "crm-save-button", saved, (GDestroyNotify) saved_free);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      if (width > 0)
        gtk_widget_set_size_request (widget, width, -1);
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
      gtk_button_set_child (button, spinner);
      gtk_widget_set_tooltip_text (widget, _("Saving…"));
      gtk_widget_set_sensitive (widget, FALSE);
      return;
    }
  saved = g_object_get_data (G_OBJECT (button), "crm-save-button");
  gtk_button_set_label (button, saved->label);
  gtk_button_set_use_underline (button, saved->use_underline);
  gtk_widget_set_tooltip_text (widget, saved->tooltip);
  gtk_widget_set_size_request (widget, -1, -1);
  gtk_widget_set_sensitive (widget, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), saved->action);
  g_object_set_data (G_OBJECT (button), "crm-save-button", NULL);
}
