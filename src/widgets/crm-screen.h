/* crm-screen.h — what the screens of the window share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_SCREEN (crm_screen_get_type ())

G_DECLARE_INTERFACE (CrmScreen, crm_screen, CRM, SCREEN, GtkWidget)

/* A screen of the window that can let go, while it is not shown, of what
 * it can read again when it is (rows, objects, images): the window calls
 * release a moment after another screen came up. */
struct _CrmScreenInterface
{
  GTypeInterface parent_iface;

  void (*release) (CrmScreen *self);
};

void       crm_screen_release        (CrmScreen          *self);

AdwToast  *crm_screen_toast          (GtkWidget          *screen,
                                      const char         *text);
GtkWindow *crm_screen_get_window     (GtkWidget          *screen);
GtkWidget *crm_screen_get_focus      (GtkWidget          *screen);
void       crm_screen_watch_tables   (GtkWidget          *screen,
                                      CrmDatabase        *database,
                                      const char * const *tables,
                                      GCallback           changed);

G_END_DECLS
