/* crm-welcome-page.c — the first screen on an empty database
 *
 * Says what the app is for and offers the ways to begin. Its buttons
 * activate window actions ("win.start-empty", …), so the page itself holds
 * no state.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-welcome-page.h"

struct _CrmWelcomePage {
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (CrmWelcomePage, crm_welcome_page, ADW_TYPE_BIN)

static void
crm_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (crm_welcome_page_parent_class)->dispose (object);
}

static void
crm_welcome_page_class_init (CrmWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_welcome_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-welcome-page.ui");
}

static void
crm_welcome_page_init (CrmWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
