/* crm-clients-page-private.h — what the files of the Clients screen share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-clients-page.h"
#include "crm-manager-picker.h"

G_BEGIN_DECLS

struct _CrmClientsPage {
  AdwBin              parent_instance;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_filter;
  CrmManagerPicker   *owner_filter;
  GtkDropDown        *source_filter;
  GtkDropDown        *tag_filter;
  GtkStringList      *tag_names;
  GtkWidget          *filter_box;
  GtkWidget          *clear_button;
  GtkSpinner         *spinner;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkWidget          *list_bin;         /* its allocation sizes the columns */
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkWidget          *card_separator;
  CrmClientCard      *card;

  CrmDatabase        *database;
  CrmClientListModel *model;
  GtkSingleSelection *selection;
  char               *currency;
  CrmClientSort       sort;
  gboolean            descending;
  guint               refresh_id;
  gboolean            stale;            /* the data changed while hidden */
  gboolean            tags_stale;
  gboolean            owners_stale;     /* a manager was added, renamed or removed */
  gboolean            started;          /* the list was asked for */
  gboolean            updating_filters;
  GPtrArray          *undo_toasts;      /* AdwToast, newest last */
  guint               n_busy;           /* deletions and undos running */
};

void     crm_clients_page_toast             (CrmClientsPage *self, const char *text);
gint64   crm_clients_page_selected_id       (CrmClientsPage *self);
gboolean crm_clients_page_card_shows_client (CrmClientsPage *self);
void     crm_clients_page_commit_card       (CrmClientsPage *self);
void     crm_clients_page_show_card         (CrmClientsPage *self, gboolean show);
void     crm_clients_page_update_actions    (CrmClientsPage *self);

/* crm-clients-page-card.c */
void     crm_clients_page_close_card        (CrmClientsPage *self);
void     crm_clients_page_card_class_init   (GtkWidgetClass *widget_class);
void     crm_clients_page_card_init         (CrmClientsPage *self);

/* crm-clients-page-delete.c */
void     crm_clients_page_delete_activated  (GtkWidget *widget, const char *action_name, GVariant *parameter);
void     crm_clients_page_undo_activated    (GtkWidget *widget, const char *action_name, GVariant *parameter);
void     crm_clients_page_forget_undo       (CrmClientsPage *self);

G_END_DECLS
