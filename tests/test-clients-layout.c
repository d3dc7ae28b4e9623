/* test-clients-layout.c — the Clients screen at the widths people use
 *
 * The columns share the list's width (all the main ones in the default
 * window on a 1280 screen, in English and in Russian, without a horizontal
 * scroll bar; fewer when narrower); the card beside the list keeps its
 * width and shows a long name and two phone numbers whole; narrower, it
 * opens over the list.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "crm-client-card.h"
#include "crm-clients-columns.h"
#include "crm-clients-page.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "test-clients-common.h"

typedef struct {
  CrmDatabase    *db;
  CrmClientsPage *page;
  gint64          long_name;
} Fixture;

static CrmClientListModel *
model_of (Fixture *f)
{
  return crm_clients_page_get_model (f->page);
}

static gboolean
action (Fixture *f, const char *name)
{
  return gtk_widget_activate_action (GTK_WIDGET (f->page), name, NULL);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  gint64 anna, valentina;

  f->db = clients_test_database ("layout.db");
  anna = clients_test_manager (f->db, "Анна Петрова");
  valentina = clients_test_manager (f->db, "Валентина Александрова-Захарова");
  f->long_name = clients_test_client (f->db, "Александрова Наталья Владимировна", "ООО «Триумф Групп»",
                                      "+7 (960) 595-11-23, +7 (971) 240-48-47", "natalya.aleksandrova72@gmail.com",
                                      CRM_STATUS_PROSPECT, valentina, NULL);
  clients_test_client (f->db, "John Smith", "Smith & Sons", "+1 (212) 555-0100", "john@smith.example",
                       CRM_STATUS_REGULAR, anna, "VIP");
  clients_test_client (f->db, "Иван Петров", NULL, "+7 (912) 345-67-89", NULL, CRM_STATUS_CUSTOMER, anna, NULL);
  f->page = clients_test_open_page (f->db, 1200, 800);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  clients_test_close_toplevels ();
  g_clear_object (&f->db);
}

typedef struct {
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *w = data;
  return gtk_widget_get_width (w->widget) == w->width;
}

static gboolean
column_shown (GtkColumnView *view, guint index)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), index);
  return gtk_column_view_column_get_visible (column);
}

/* The page alone in a window @width wide; its list's columns checked: the
 * shown ones fit without a horizontal scroll bar, the name has the largest
 * share, a hidden one takes no width (GTK 4.8 counts it). Returns how many
 * are shown. */
static guint
check_columns (CrmClientsPage *page, GtkColumnView *view, int width)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 0);
  WidthWait w = { GTK_WIDGET (view), width };
  int total = 0;
  guint shown = 0;

  g_assert_true (crm_test_wait_for (has_width, &w, 10));
  crm_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int fixed = gtk_column_view_column_get_fixed_width (column);

      if (!gtk_column_view_column_get_visible (column))
        {
          g_assert_cmpint (fixed, ==, 0);
          continue;
        }
      shown++;
      total += fixed;
      g_assert_cmpint (fixed, >, 0);
      g_assert_cmpint (fixed, <=, gtk_column_view_column_get_fixed_width (name));
    }
  g_test_message ("%d px: %u columns, %d px of them", width, shown, total);
  g_assert_cmpint (total, <=, width);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 0.5);
  /* Name, phone and status are always there. */
  g_assert_true (column_shown (view, 0) && column_shown (view, 2) && column_shown (view, 4));
  return shown;
}

static void
test_columns_fit (Fixture *f, gconstpointer data)
{
  const char *languages[] = { NULL, "ru" };

  for (gsize l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      /* 963: the list of a 1180 window (the default) on a 1280 screen. */
      const int widths[] = { 963, 720, 480 };
      guint shown[G_N_ELEMENTS (widths)];

      crm_test_use_language (languages[l]);
      for (gsize k = 0; k < G_N_ELEMENTS (widths); k++)
        {
          CrmClientsPage *page = clients_test_open_page (f->db, widths[k], 700);
          GtkColumnView *view = GTK_COLUMN_VIEW (crm_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
          shown[k] = check_columns (page, view, widths[k]);
          if (k == 0)
            {
              /* Name, company, phone, status, owner, and what a sales
               * manager looks at before the e-mail and the source: the
               * revenue (and in English, whose words are shorter, the last
               * contact too). */
              g_assert_cmpuint (shown[k], >=, languages[l] == NULL ? 7 : 6);
              g_assert_true (column_shown (view, CRM_CLIENTS_COLUMN_COMPANY) &&
                             column_shown (view, CRM_CLIENTS_COLUMN_OWNER) &&
                             column_shown (view, CRM_CLIENTS_COLUMN_REVENUE));
              if (languages[l] == NULL)
                g_assert_true (column_shown (view, CRM_CLIENTS_COLUMN_LAST_CONTACT));
            }
          else
            g_assert_cmpuint (shown[k], <=, shown[k - 1]);
          gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
        }
      g_assert_cmpuint (shown[G_N_ELEMENTS (widths) - 1], <, shown[0]);
    }
  crm_test_use_language (NULL);

  /* Beside the card: name, phone and status; closed, the others again. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (crm_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(CrmClient) first = NULL;

    check_columns (f->page, view, 1200);
    first = g_list_model_get_item (G_LIST_MODEL (model_of (f)), 0);
    g_assert_true (crm_clients_page_open_client (f->page, first->id));
    crm_test_iterate ();
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      g_assert_cmpint (column_shown (view, i), ==, i == 0 || i == 2 || i == 4);
    /* The card keeps its width whoever it shows; the list the rest. */
    {
      WidthWait w = { GTK_WIDGET (crm_clients_page_get_card (f->page)), CRM_CLIENT_CARD_WIDTH };
      g_assert_true (crm_test_wait_for (has_width, &w, 10));
    }
    g_assert_true (action (f, "clients.close-card"));
    crm_test_iterate ();
    g_assert_cmpuint (check_columns (f->page, view, 1200), >=, 7);
  }
}


/* The card keeps its width beside the list whoever it shows; a long name
 * wraps to a second line instead of being cut, and both phone numbers are
 * whole in their field. */
static void
test_card_shows_whole (Fixture *f, gconstpointer data)
{
  CrmClientCard *card = crm_clients_page_get_card (f->page);
  GtkWidget *name, *phones, *text;
  int text_width;

  crm_test_use_language ("ru");
  g_assert_true (crm_clients_page_open_client (f->page, f->long_name));
  {
    WidthWait w = { GTK_WIDGET (card), CRM_CLIENT_CARD_WIDTH };
    g_assert_true (crm_test_wait_for (has_width, &w, 10));
  }

  name = crm_test_find_by_name (GTK_WIDGET (card), "name_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, "Александрова Наталья Владимировна");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (name))));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (name))), <=, 2);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (
    GTK_LABEL (crm_test_find_by_name (GTK_WIDGET (card), "subtitle_label")))));

  phones = crm_test_find_by_name (GTK_WIDGET (card), "phones_row");
  text = crm_test_find_widget (phones, GTK_TYPE_TEXT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phones)), ==, "+7 (960) 595-11-23, +7 (971) 240-48-47");
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (text, gtk_editable_get_text (GTK_EDITABLE (phones)));
    pango_layout_get_pixel_size (layout, &text_width, NULL);
  }
  g_test_message ("phones: %d px of text in a field %d px wide", text_width, gtk_widget_get_width (text));
  g_assert_cmpint (text_width, <=, gtk_widget_get_width (text));
  crm_test_use_language (NULL);
}

static gboolean
is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

/* Narrower than the list and the card side by side: the card opens over
 * the list, with a way back. */
static void
test_card_folds (Fixture *f, gconstpointer data)
{
  CrmClientsPage *page = clients_test_open_page (f->db, 800, 600);
  AdwLeaflet *leaflet;

  g_assert_true (crm_clients_page_open_client (page, f->long_name));
  leaflet = ADW_LEAFLET (crm_test_find_widget (GTK_WIDGET (page), ADW_TYPE_LEAFLET));
  g_assert_true (crm_test_wait_for (is_folded, leaflet, 10));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (crm_clients_page_get_card (page)));
  g_assert_true (gtk_widget_get_visible (crm_test_find_by_name (GTK_WIDGET (crm_clients_page_get_card (page)), "back_button")));
  /* At 1200 the same card opens beside the list. */
  g_assert_true (crm_clients_page_open_client (f->page, f->long_name));
  crm_test_iterate ();
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (crm_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET))));
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

#define ADD(path, fn) g_test_add ("/clients-layout/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("columns-fit", test_columns_fit);
  ADD ("card-shows-whole", test_card_shows_whole);
  ADD ("card-folds", test_card_folds);
#undef ADD

  return g_test_run ();
}
