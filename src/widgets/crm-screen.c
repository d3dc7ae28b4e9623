/* crm-screen.c — what the screens of the window share
 *
 * A screen tells of what it did in a toast of its window, opens its dialogs
 * over that window, and follows the tables it shows. A screen that keeps
 * much (rows, objects read, images) implements CrmScreen: hidden, it lets
 * go of what it can read again and marks itself to read it when shown.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-screen.h"
#include "crm-window.h"

G_DEFINE_INTERFACE (CrmScreen, crm_screen, GTK_TYPE_WIDGET)

static void
crm_screen_default_init (CrmScreenInterface *iface)
{
}

/* Lets a screen that is not shown give back what it can read again when it
 * is; a screen on screen keeps everything. */
void
crm_screen_release (CrmScreen *self)
{
  CrmScreenInterface *iface;

  g_return_if_fail (CRM_IS_SCREEN (self));

  iface = CRM_SCREEN_GET_IFACE (self);
  if (iface->release != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    iface->release (self);
}

/* Shows @text in a toast of the window; without one (a screen tested on
 * its own) the text goes to the log. Returns the toast (owned by the
 * window), or NULL. */
AdwToast *
crm_screen_toast (GtkWidget *screen, const char *text)
{
  GtkRoot *root = gtk_widget_get_root (screen);
  AdwToast *toast;

  if (!CRM_IS_WINDOW (root))
    {
      g_message ("%s", text);
      return NULL;
    }
  toast = crm_toast_new (text);
  crm_window_add_toast (CRM_WINDOW (root), toast);
  return toast;
}

/* The window a dialog of the screen is transient for; NULL outside one. */
GtkWindow *
crm_screen_get_window (GtkWidget *screen)
{
  GtkRoot *root = gtk_widget_get_root (screen);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The widget of the window that has the keyboard focus, or NULL. */
GtkWidget *
crm_screen_get_focus (GtkWidget *screen)
{
  GtkWindow *window = crm_screen_get_window (screen);
  return window != NULL ? gtk_window_get_focus (window) : NULL;
}

/* Calls @changed (CrmDatabase *, const char *table, screen) after each
 * committed write to one of @tables, for as long as @screen lives. */
void
crm_screen_watch_tables (GtkWidget *screen, CrmDatabase *database, const char * const *tables, GCallback changed)
{
  for (gsize i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);
      g_signal_connect_object (database, signal, changed, screen, 0);
    }
}
