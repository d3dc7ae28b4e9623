/* crm-clients-columns.c — the columns of the client list
 *
 * Each cell is a label bound to its CrmClient: the list model fills rows
 * in place when their page arrives, so a cell follows the item's "notify".
 * Name, company, status, source, last contact, revenue and the day added
 * sort (by the store's keyset orders, over the whole base); the phone,
 * e-mail and owner headers are not clickable. The columns share the list's width
 * as it is laid out: sized to what they hold, the least needed left out
 * when the rest would not fit, the name taking what is left.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-child-layout.h"
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
    case CRM_CLIENTS_COLUMN_CREATED: return format_day (c->created_at);
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

/* ---- widths ------------------------------------------------------------- */

#define CELL_PADDING   14   /* a cell's padding, both sides, and a little air */
#define SORT_ARROW     18   /* the arrow beside the title of a sorted column */
#define MAX_DROP_ORDER 7    /* the first column left out when the list is narrow */

typedef struct {
  const char *title;
  int         sort;            /* a CrmClientSort, or -1 */
  gboolean    compact;         /* shown beside an open card */
  int         drop_order;      /* 0: never dropped; then the first dropped is the highest */
} ColumnInfo;

static const ColumnInfo *
column_infos (void)
{
  static ColumnInfo infos[CRM_CLIENTS_N_COLUMNS];

  /* Translated on each call: the language may have changed in tests. */
  infos[CRM_CLIENTS_COLUMN_NAME] = (ColumnInfo) { C_("client column", "Name"), CRM_CLIENT_SORT_NAME, TRUE, 0 };
  infos[CRM_CLIENTS_COLUMN_COMPANY] = (ColumnInfo) { C_("client column", "Company"), CRM_CLIENT_SORT_COMPANY, FALSE, 1 };
  infos[CRM_CLIENTS_COLUMN_PHONE] = (ColumnInfo) { C_("client column", "Phone"), -1, TRUE, 0 };
  infos[CRM_CLIENTS_COLUMN_EMAIL] = (ColumnInfo) { C_("client column", "E-mail"), -1, FALSE, 5 };
  infos[CRM_CLIENTS_COLUMN_STATUS] = (ColumnInfo) { C_("client column", "Status"), CRM_CLIENT_SORT_STATUS, TRUE, 0 };
  infos[CRM_CLIENTS_COLUMN_OWNER] = (ColumnInfo) { C_("client column", "Owner"), -1, FALSE, 2 };
  infos[CRM_CLIENTS_COLUMN_SOURCE] = (ColumnInfo) { C_("client column", "Source"), CRM_CLIENT_SORT_SOURCE, FALSE, 6 };
  infos[CRM_CLIENTS_COLUMN_LAST_CONTACT] = (ColumnInfo) { C_("client column", "Last Contact"),
                                                         CRM_CLIENT_SORT_LAST_CONTACT, FALSE, 4 };
  infos[CRM_CLIENTS_COLUMN_REVENUE] = (ColumnInfo) { C_("client column", "Revenue"), CRM_CLIENT_SORT_REVENUE, FALSE, 3 };
  infos[CRM_CLIENTS_COLUMN_CREATED] = (ColumnInfo) { C_("client column", "Added"), CRM_CLIENT_SORT_CREATED, FALSE,
                                                    MAX_DROP_ORDER };
  return infos;
}

/* What the view keeps for sharing its width. */
typedef struct {
  char     **currency;
  GStrv      owners;           /* the managers' names, for the owner column */
  gboolean   compact;
  int        width;            /* the last width shared, 0 before the first */
  gboolean   fitting;          /* the widths being set are ours, not a drag */
} Fit;

static void
fit_free (Fit *fit)
{
  g_strfreev (fit->owners);
  g_free (fit);
}

static Fit *
fit_of (GtkColumnView *view)
{
  return g_object_get_data (G_OBJECT (view), "crm-columns-fit");
}

static int
text_width (GtkWidget *widget, const char *text, gboolean bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The average width of a letter of the list's font. */
static int
char_width (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));

  pango_font_metrics_unref (metrics);
  return MAX (1, width);
}

/* The narrowest @column may be (where it is cut with "…" at most) and the
 * width that shows all of what it usually holds. */
static void
measure_column (GtkWidget *view, const Fit *fit, CrmClientsColumn column, int *minimum, int *natural)
{
  const ColumnInfo *info = &column_infos ()[column];
  int letter = char_width (view);
  int header = text_width (view, info->title, TRUE) + (info->sort >= 0 ? SORT_ARROW : 0);
  int content = 0;

  switch (column)
    {
    case CRM_CLIENTS_COLUMN_NAME:
      *minimum = 26 * letter;
      *natural = 36 * letter;
      break;
    case CRM_CLIENTS_COLUMN_COMPANY:
      *minimum = 12 * letter;
      *natural = 20 * letter;
      break;
    case CRM_CLIENTS_COLUMN_EMAIL:
      *minimum = 14 * letter;
      *natural = 26 * letter;
      break;
    case CRM_CLIENTS_COLUMN_PHONE:
      *minimum = *natural = text_width (view, "+7 (999) 999-99-99", FALSE);
      break;
    case CRM_CLIENTS_COLUMN_STATUS:
      for (int k = 0; k < CRM_N_STATUSES; k++)
        content = MAX (content, text_width (view, crm_client_status_to_label (k), FALSE));
      *minimum = *natural = content;
      break;
    case CRM_CLIENTS_COLUMN_SOURCE:
      for (int k = 0; k < CRM_N_SOURCES; k++)
        content = MAX (content, text_width (view, crm_client_source_to_label (k), FALSE));
      *minimum = *natural = content;
      break;
    case CRM_CLIENTS_COLUMN_OWNER:
      for (guint k = 0; fit->owners != NULL && fit->owners[k] != NULL; k++)
        content = MAX (content, text_width (view, fit->owners[k], FALSE));
      /* A short list of known names: none is cut unless very long. */
      *natural = content > 0 ? MIN (content, 22 * letter) : 16 * letter;
      *minimum = *natural;
      break;
    case CRM_CLIENTS_COLUMN_LAST_CONTACT:
    case CRM_CLIENTS_COLUMN_CREATED:
      {
        g_autofree char *day = crm_locale_format_iso_date ("2026-12-28");
        *minimum = *natural = text_width (view, day, FALSE);
      }
      break;
    case CRM_CLIENTS_COLUMN_REVENUE:
      {
        g_autofree char *money = crm_money_format (G_GINT64_CONSTANT (999999999), *fit->currency, CRM_MONEY_WHOLE);
        *minimum = *natural = text_width (view, money, FALSE);
      }
      break;
    case CRM_CLIENTS_N_COLUMNS:
    default:
      *minimum = *natural = 0;
      break;
    }
  /* The title is never cut (GTK does not shorten it). */
  *minimum = MAX (*minimum + CELL_PADDING, header + CELL_PADDING);
  *natural = MAX (*natural + CELL_PADDING, *minimum);
}

static GtkColumnViewColumn *
column_at (GtkColumnView *view, CrmClientsColumn which)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "crm-column")) == (int) which)
        return column;
    }
  return NULL;
}

/* Shares the view's width: every column that fits at its narrowest is
 * shown (the least needed go first: the day added, source, e-mail, last
 * contact, revenue, owner, company — what a sales manager looks at stays
 * longest; name, phone and status always stay), the name gets room
 * for a long name, the others what they usually hold, and the name the
 * rest. A column the person has resized keeps its width. GTK 4.8 counts
 * the width of hidden columns when it shares the space: a hidden column
 * takes none. */
static void
fit_columns (GtkColumnView *view)
{
  Fit *fit = fit_of (view);
  const ColumnInfo *infos = column_infos ();
  int minimum[CRM_CLIENTS_N_COLUMNS], natural[CRM_CLIENTS_N_COLUMNS], width[CRM_CLIENTS_N_COLUMNS];
  gboolean shown[CRM_CLIENTS_N_COLUMNS];
  int total = 0, extra;

  if (fit == NULL || fit->width <= 0)
    return;
  for (int i = 0; i < CRM_CLIENTS_N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = column_at (view, i);
      int user = column != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "crm-user-width")) : 0;

      measure_column (GTK_WIDGET (view), fit, i, &minimum[i], &natural[i]);
      if (user > 0)
        minimum[i] = natural[i] = user;
      shown[i] = column != NULL && (!fit->compact || infos[i].compact);
      if (shown[i])
        total += minimum[i];
    }
  /* Drop the least needed until the rest fit. */
  for (int order = MAX_DROP_ORDER; order > 0 && total > fit->width; order--)
    for (int i = 0; i < CRM_CLIENTS_N_COLUMNS; i++)
      if (shown[i] && infos[i].drop_order == order)
        {
          shown[i] = FALSE;
          total -= minimum[i];
        }

  extra = MAX (fit->width - total, 0);
  for (int i = 0; i < CRM_CLIENTS_N_COLUMNS; i++)
    width[i] = shown[i] ? minimum[i] : 0;
  /* The name first, then the others in their order of need. */
  {
    int grow = MIN (extra, natural[CRM_CLIENTS_COLUMN_NAME] - width[CRM_CLIENTS_COLUMN_NAME]);
    width[CRM_CLIENTS_COLUMN_NAME] += MAX (grow, 0);
    extra -= MAX (grow, 0);
  }
  for (int order = 0; order <= MAX_DROP_ORDER; order++)
    for (int i = 0; i < CRM_CLIENTS_N_COLUMNS; i++)
      if (shown[i] && i != CRM_CLIENTS_COLUMN_NAME && infos[i].drop_order == order)
        {
          int grow = MIN (extra, natural[i] - width[i]);
          width[i] += MAX (grow, 0);
          extra -= MAX (grow, 0);
        }
  /* What is left goes to the name: the column expands. */

  fit->fitting = TRUE;
  for (int i = 0; i < CRM_CLIENTS_N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = column_at (view, i);

      if (column == NULL)
        continue;
      gtk_column_view_column_set_fixed_width (column, width[i]);
      gtk_column_view_column_set_visible (column, shown[i]);
    }
  fit->fitting = FALSE;
}

/* The allocation of the view's ancestor @bin: the widths are set before
 * the view and its rows are laid out (set during the view's own, they
 * would come a frame late, drawn first with the old ones). */
static void
bin_allocate (GtkWidget *bin, int width, int height, int baseline)
{
  GtkColumnView *view = g_object_get_data (G_OBJECT (bin), "crm-columns-view");
  Fit *fit = view != NULL ? fit_of (view) : NULL;

  if (fit != NULL && width > 0 && width != fit->width)
    {
      fit->width = width;
      fit_columns (view);
    }
  crm_child_layout_allocate (bin, width, height, baseline);
}

void
crm_clients_columns_follow_width (GtkColumnView *view, GtkWidget *bin)
{
  g_return_if_fail (fit_of (view) != NULL && gtk_widget_is_ancestor (GTK_WIDGET (view), bin));
  g_object_set_data (G_OBJECT (bin), "crm-columns-view", view);
  gtk_widget_set_layout_manager (bin, gtk_custom_layout_new (NULL, crm_child_layout_measure, bin_allocate));
}

/* Dragged by the person: that column keeps the width. */
static void
fixed_width_changed_cb (GtkColumnViewColumn *column, GParamSpec *pspec, GtkColumnView *view)
{
  Fit *fit = fit_of (view);
  int width = gtk_column_view_column_get_fixed_width (column);

  if (fit == NULL || fit->fitting || width <= 0)
    return;
  g_object_set_data (G_OBJECT (column), "crm-user-width", GINT_TO_POINTER (width));
}

void
crm_clients_columns_add (GtkColumnView *view, char **currency)
{
  const ColumnInfo *infos = column_infos ();
  Fit *fit = g_new0 (Fit, 1);

  fit->currency = currency;
  g_object_set_data_full (G_OBJECT (view), "crm-columns-fit", fit, (GDestroyNotify) fit_free);

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
      gtk_column_view_column_set_expand (column, i == CRM_CLIENTS_COLUMN_NAME);
      if (infos[i].sort >= 0)
        {
          g_autoptr(GtkSorter) sorter = crm_clients_sorter_new (infos[i].sort);
          gtk_column_view_column_set_sorter (column, sorter);
        }
      g_object_set_data (G_OBJECT (column), "crm-column", GINT_TO_POINTER (i));
      g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (fixed_width_changed_cb), view, 0);
      gtk_column_view_append_column (view, column);
    }
}

void
crm_clients_columns_set_compact (GtkColumnView *view, gboolean compact)
{
  Fit *fit = fit_of (view);

  g_return_if_fail (fit != NULL);
  if (fit->compact == compact)
    return;
  fit->compact = compact;
  fit_columns (view);
}

void
crm_clients_columns_set_owners (GtkColumnView *view, const char * const *owners)
{
  Fit *fit = fit_of (view);

  g_return_if_fail (fit != NULL);
  g_strfreev (fit->owners);
  fit->owners = g_strdupv ((char **) owners);
  fit_columns (view);
}

void
crm_clients_columns_refit (GtkColumnView *view)
{
  g_return_if_fail (fit_of (view) != NULL);
  fit_columns (view);
}
