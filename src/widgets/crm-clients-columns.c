/* crm-clients-columns.c — the columns of the client list
 *
 * Each cell is a label bound to its CrmClient: the list model fills rows
 * in place when their page arrives, so a cell follows the item's "notify".
 * Name and status sort (by the store's keyset orders, over the whole base);
 * the other headers are not clickable.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-client.h"
#include "crm-clients-columns.h"
#include "crm-clients-sorter.h"
#include "crm-locale.h"
#include "crm-money.h"

typedef struct {
  CrmClientsColumn   column;
  char             **currency;
} CellData;

static char *
first_line (const char *text)
{
  const char *nl;

  if (text == NULL)
    return g_strdup ("");
  nl = strchr (text, '\n');
  return nl != NULL ? g_strndup (text, nl - text) : g_strdup (text);
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (unix_time <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (unix_time);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  return crm_locale_format_iso_date (iso);
}

/* What a cell shows; empty for a row still being read. */
char *
crm_clients_columns_cell_text (CrmClientsColumn column, gpointer item, const char *currency)
{
  CrmClient *c = CRM_CLIENT (item);

  if (c->id == 0)
    return g_strdup ("");
  switch (column)
    {
    case CRM_CLIENTS_COLUMN_NAME: return g_strdup (c->name);
    case CRM_CLIENTS_COLUMN_COMPANY: return g_strdup (c->company);
    case CRM_CLIENTS_COLUMN_PHONE: return first_line (c->phones);
    case CRM_CLIENTS_COLUMN_EMAIL: return first_line (c->emails);
    case CRM_CLIENTS_COLUMN_STATUS: return g_strdup (crm_client_status_to_label (c->status));
    case CRM_CLIENTS_COLUMN_OWNER: return g_strdup (c->owner_name);
    case CRM_CLIENTS_COLUMN_SOURCE: return g_strdup (crm_client_source_to_label (c->source));
    case CRM_CLIENTS_COLUMN_LAST_CONTACT: return format_day (c->last_contact_at);
    case CRM_CLIENTS_COLUMN_REVENUE:
      return c->revenue != 0 ? crm_money_format (c->revenue, currency, CRM_MONEY_WHOLE) : g_strdup ("");
    case CRM_CLIENTS_N_COLUMNS:
    default: return g_strdup ("");
    }
}

static void
update_cell (GtkLabel *label, gpointer item, CellData *data)
{
  g_autofree char *text = crm_clients_columns_cell_text (data->column, item, *data->currency);
  gtk_label_set_label (label, text != NULL ? text : "");
}

static void
item_notify_cb (GObject *item, GParamSpec *pspec, GtkLabel *label)
{
  update_cell (label, item, g_object_get_data (G_OBJECT (label), "cell-data"));
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CellData *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (data->column == CRM_CLIENTS_COLUMN_REVENUE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  g_object_set_data (G_OBJECT (label), "cell-data", data);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CellData *data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);

  update_cell (GTK_LABEL (label), item, data);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), label, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CellData *data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_notify_cb, label);
}

typedef struct {
  const char *title;
  int         fixed_width;
  int         sort;            /* a CrmClientSort, or -1 */
  gboolean    compact;         /* shown beside an open card */
} ColumnInfo;

static const ColumnInfo *
column_infos (void)
{
  static ColumnInfo infos[CRM_CLIENTS_N_COLUMNS];

  /* Translated on each call: the language may have changed in tests. */
  infos[CRM_CLIENTS_COLUMN_NAME] = (ColumnInfo) { C_("client column", "Name"), 190, CRM_CLIENT_SORT_NAME, TRUE };
  infos[CRM_CLIENTS_COLUMN_COMPANY] = (ColumnInfo) { C_("client column", "Company"), 140, -1, FALSE };
  infos[CRM_CLIENTS_COLUMN_PHONE] = (ColumnInfo) { C_("client column", "Phone"), 150, -1, TRUE };
  infos[CRM_CLIENTS_COLUMN_EMAIL] = (ColumnInfo) { C_("client column", "E-mail"), 175, -1, FALSE };
  infos[CRM_CLIENTS_COLUMN_STATUS] = (ColumnInfo) { C_("client column", "Status"), 135, CRM_CLIENT_SORT_STATUS, TRUE };
  infos[CRM_CLIENTS_COLUMN_OWNER] = (ColumnInfo) { C_("client column", "Owner"), 125, -1, FALSE };
  infos[CRM_CLIENTS_COLUMN_SOURCE] = (ColumnInfo) { C_("client column", "Source"), 105, -1, FALSE };
  infos[CRM_CLIENTS_COLUMN_LAST_CONTACT] = (ColumnInfo) { C_("client column", "Last Contact"), 105, -1, FALSE };
  infos[CRM_CLIENTS_COLUMN_REVENUE] = (ColumnInfo) { C_("client column", "Revenue"), 105, -1, FALSE };
  return infos;
}

void
crm_clients_columns_add (GtkColumnView *view, char **currency)
{
  const ColumnInfo *infos = column_infos ();

  for (int i = 0; i < CRM_CLIENTS_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      CellData *data = g_new0 (CellData, 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      data->column = i;
      data->currency = currency;
      /* The factory owns the data. */
      g_object_set_data_full (G_OBJECT (factory), "cell-data", data, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);

      column = gtk_column_view_column_new (infos[i].title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, infos[i].fixed_width);
      gtk_column_view_column_set_expand (column, i == CRM_CLIENTS_COLUMN_NAME);
      if (infos[i].sort >= 0)
        {
          g_autoptr(GtkSorter) sorter = crm_clients_sorter_new (infos[i].sort);
          gtk_column_view_column_set_sorter (column, sorter);
        }
      g_object_set_data (G_OBJECT (column), "crm-column", GINT_TO_POINTER (i));
      gtk_column_view_append_column (view, column);
    }
}

void
crm_clients_columns_set_compact (GtkColumnView *view, gboolean compact)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  const ColumnInfo *infos = column_infos ();

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "crm-column"));

      gboolean show = !compact || infos[which].compact;
      int width = gtk_column_view_column_get_fixed_width (column);

      if (show == gtk_column_view_column_get_visible (column))
        continue;
      /* GTK 4.8 counts the width of hidden columns when it shares the
       * space: a hidden column takes none, and gets its own back. */
      if (!show)
        g_object_set_data (G_OBJECT (column), "crm-width", GINT_TO_POINTER (width));
      else
        width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "crm-width"));
      gtk_column_view_column_set_fixed_width (column, show ? width : 0);
      gtk_column_view_column_set_visible (column, show);
    }
}
