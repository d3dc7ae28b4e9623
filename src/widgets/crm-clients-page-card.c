/* crm-clients-page-card.c — the Clients screen's card beside (or over) the list
 *
 * The card follows the selection beside the list; in a narrow window it
 * opens on activation and folds over the list. What was changed in it is
 * saved when another client is opened or the card is closed.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-clients-columns.h"
#include "crm-clients-page-private.h"

gint64
crm_clients_page_selected_id (CrmClientsPage *self)
{
  CrmClient *client = gtk_single_selection_get_selected_item (self->selection);
  return client != NULL ? client->id : 0;
}

gboolean
crm_clients_page_card_shows_client (CrmClientsPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->card)) && crm_client_card_get_client (self->card) != NULL;
}

/* Saves what was changed in the card; changes that cannot be saved are
 * dropped, and a toast says why. */
void
crm_clients_page_commit_card (CrmClientsPage *self)
{
  g_autoptr(GError) error = NULL;
  CrmClient *client = crm_client_card_get_client (self->card);

  if (!crm_client_card_has_changes (self->card))
    return;
  if (!crm_client_card_save (self->card, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The changes to “%s” were not saved: %s"),
                                               client->name, error->message);
      crm_client_card_revert (self->card);
      crm_clients_page_toast (self, text);
    }
}

void
crm_clients_page_show_card (CrmClientsPage *self, gboolean show)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->card), show);
  gtk_widget_set_visible (self->card_separator, show && !folded);
  crm_clients_columns_set_compact (self->column_view, show);
  adw_leaflet_set_visible_child (self->leaflet, show && folded ? GTK_WIDGET (self->card) : self->list_pane);
  crm_clients_page_update_actions (self);
}

gboolean
crm_clients_page_open_client (CrmClientsPage *self, gint64 client_id)
{
  g_autoptr(GError) error = NULL;
  CrmClient *shown;
  guint position;

  g_return_val_if_fail (CRM_IS_CLIENTS_PAGE (self), FALSE);

  shown = crm_client_card_get_client (self->card);
  if (shown == NULL || shown->id != client_id || !gtk_widget_get_visible (GTK_WIDGET (self->card)))
    {
      crm_clients_page_commit_card (self);
      if (!crm_client_card_show_client (self->card, client_id, &error))
        {
          crm_clients_page_toast (self, error->message);
          return FALSE;
        }
    }
  crm_clients_page_show_card (self, TRUE);
  position = crm_client_list_model_find (self->model, client_id);
  if (position != G_MAXUINT && gtk_single_selection_get_selected (self->selection) != position)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  return TRUE;
}

void
crm_clients_page_close_card (CrmClientsPage *self)
{
  crm_clients_page_commit_card (self);
  crm_client_card_clear (self->card);
  crm_clients_page_show_card (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
selection_changed_cb (GtkSingleSelection *selection, GParamSpec *pspec, CrmClientsPage *self)
{
  gint64 id = crm_clients_page_selected_id (self);

  /* Beside the list the card follows the selection; in a narrow window
   * the card opens on activation only. */
  if (id > 0 && !adw_leaflet_get_folded (self->leaflet))
    crm_clients_page_open_client (self, id);
  crm_clients_page_update_actions (self);
}

static void
row_activated_cb (GtkColumnView *view, guint position, CrmClientsPage *self)
{
  g_autoptr(CrmClient) client = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (client != NULL && client->id > 0)
    crm_clients_page_open_client (self, client->id);
}

static void
card_gone_cb (CrmClientCard *card, CrmClientsPage *self)
{
  crm_client_card_clear (self->card);
  crm_clients_page_show_card (self, FALSE);
}

static void
folded_changed_cb (AdwLeaflet *leaflet, GParamSpec *pspec, CrmClientsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);
  gboolean shown;

  if (self->card == NULL)       /* while the template is built */
    return;
  shown = gtk_widget_get_visible (GTK_WIDGET (self->card));

  crm_client_card_set_folded (self->card, folded);
  gtk_widget_set_visible (self->card_separator, shown && !folded);
  /* An open card folds over the list. */
  if (folded && shown)
    adw_leaflet_set_visible_child (leaflet, GTK_WIDGET (self->card));
}

static void
leaflet_child_changed_cb (AdwLeaflet *leaflet, GParamSpec *pspec, CrmClientsPage *self)
{
  /* Swiped (or Alt+Left) back to the list in a narrow window. */
  if (self->card != NULL && adw_leaflet_get_folded (leaflet) && adw_leaflet_get_visible_child (leaflet) == self->list_pane &&
      gtk_widget_get_visible (GTK_WIDGET (self->card)))
    crm_clients_page_close_card (self);
}

void
crm_clients_page_card_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_gone_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_child_changed_cb);
}

void
crm_clients_page_card_init (CrmClientsPage *self)
{
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self, 0);
}
