/* test-deal-pages.c — the pipeline board's pages, read from the store
 *
 * The board and its list never hold every deal: they read pages by keyset
 * (crm-pipeline-store.c). Here every order the list offers, both ways,
 * for the whole team and for one manager, is read a few deals at a time
 * from a mixed set of deals (every stage, ties in every key, Cyrillic and
 * Latin in both cases, deals closed too long ago to be shown), and the
 * pages put together must be exactly the deals shown, each once, in the
 * order worked out here independently.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-client-store.h"
#include "crm-database.h"
#include "crm-deal-store.h"
#include "crm-manager-store.h"
#include "crm-period.h"
#include "crm-pipeline-store.h"
#include "crm-test-util.h"

#define PAGE 7

typedef struct {
  CrmDatabase *db;
  char        *since;
  GPtrArray   *deals;        /* every deal, as the store reads it */
  GHashTable  *manager_rank; /* manager id → position by name */
} Fixture;

static const char *titles[] = {
  "Annual contract", "annual contract", "Поставка", "поставка", "Аренда", "Ёмкости", "емкость",
  "Zeta", "service plan", "Service Plan",
};

/* What the list sorts text by: case folded, ё as е (crm_store_fold). */
static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == 0x0451 ? 0x0435 : c);
    }
  return g_string_free (out, FALSE);
}

static int
cmp_int (gint64 a, gint64 b)
{
  return (a > b) - (a < b);
}

static int
cmp_text (const char *a, const char *b)
{
  g_autofree char *fa = fold (a);
  g_autofree char *fb = fold (b);
  int c = strcmp (fa, fb);

  return (c > 0) - (c < 0);
}

/* Stage by stage; the open ones as they entered the stage, the closed ones
 * as they closed, the latest first. */
static int
cmp_board (CrmDeal *a, CrmDeal *b)
{
  int c = cmp_int (a->stage, b->stage);

  if (c != 0)
    return c;
  if (crm_deal_stage_is_open (a->stage))
    c = cmp_int (b->stage_changed_at, a->stage_changed_at);
  else
    c = g_strcmp0 (b->closed_on, a->closed_on);
  if (c != 0)
    return c > 0 ? 1 : -1;
  return cmp_int (b->id, a->id);
}

static const char *
close_day (CrmDeal *d)
{
  return d->closed_on != NULL ? d->closed_on : d->expected_close != NULL ? d->expected_close : "";
}

typedef struct {
  Fixture      *f;
  CrmDealOrder  order;
  gboolean      descending;
} Order;

static int
cmp_order (gconstpointer pa, gconstpointer pb, gpointer data)
{
  CrmDeal *a = *(CrmDeal **) pa, *b = *(CrmDeal **) pb;
  Order *o = data;
  int c = 0;

  switch (o->order)
    {
    case CRM_DEAL_ORDER_BOARD:
      c = cmp_board (a, b);
      break;
    case CRM_DEAL_ORDER_MANAGER:
      c = cmp_int (GPOINTER_TO_INT (g_hash_table_lookup (o->f->manager_rank, &a->manager_id)),
                   GPOINTER_TO_INT (g_hash_table_lookup (o->f->manager_rank, &b->manager_id)));
      if (c == 0)
        c = cmp_board (a, b);
      break;
    case CRM_DEAL_ORDER_TITLE:
      c = cmp_text (a->title, b->title);
      break;
    case CRM_DEAL_ORDER_CLIENT:
      c = cmp_text (a->client_name, b->client_name);
      if (c == 0)
        c = cmp_int (a->client_id, b->client_id);
      break;
    case CRM_DEAL_ORDER_AMOUNT:
      c = cmp_int (a->amount, b->amount);
      break;
    case CRM_DEAL_ORDER_PROBABILITY:
      c = cmp_int (a->probability, b->probability);
      break;
    case CRM_DEAL_ORDER_CLOSE:
      c = strcmp (close_day (a), close_day (b));
      c = (c > 0) - (c < 0);
      break;
    default:
      g_assert_not_reached ();
    }
  if (c == 0)
    c = cmp_int (a->id, b->id);
  return o->descending ? -c : c;
}

static char *
days_ago (int days)
{
  GDate d;

  crm_date_set_today (&d);
  if (days >= 0)
    g_date_subtract_days (&d, days);
  else
    g_date_add_days (&d, -days);
  return crm_date_to_iso (&d);
}

static gint64
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();

  m->name = g_strdup (name);
  m->active = TRUE;
  g_assert_true (crm_manager_store_create (db, m, NULL));
  return m->id;
}

static gint64
add_client (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmClient) c = crm_client_new ();

  c->name = g_strdup (name);
  g_assert_true (crm_client_store_create (db, c, NULL));
  return c->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("pages.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  const char *manager_names[] = { "Boris", "вера", "Anna", "Вадим" };
  gint64 managers[G_N_ELEMENTS (manager_names)];
  gint64 clients[4];
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  f->since = days_ago (89);
  for (gsize i = 0; i < G_N_ELEMENTS (manager_names); i++)
    managers[i] = add_manager (f->db, manager_names[i]);
  /* By name: Anna, Boris, Вадим, вера. */
  f->manager_rank = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_insert (f->manager_rank, g_memdup2 (&managers[2], sizeof (gint64)), GINT_TO_POINTER (0));
  g_hash_table_insert (f->manager_rank, g_memdup2 (&managers[0], sizeof (gint64)), GINT_TO_POINTER (1));
  g_hash_table_insert (f->manager_rank, g_memdup2 (&managers[3], sizeof (gint64)), GINT_TO_POINTER (2));
  g_hash_table_insert (f->manager_rank, g_memdup2 (&managers[1], sizeof (gint64)), GINT_TO_POINTER (3));
  clients[0] = add_client (f->db, "Northwind");
  clients[1] = add_client (f->db, "northwind");
  clients[2] = add_client (f->db, "Ёлка и партнёры");
  clients[3] = add_client (f->db, "Acme");

  f->deals = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < 90; i++)
    {
      g_autoptr(CrmDeal) d = crm_deal_new ();
      CrmDealStage stage = g_rand_int_range (rand, 0, CRM_N_STAGES);

      d->manager_id = managers[g_rand_int_range (rand, 0, G_N_ELEMENTS (managers))];
      d->client_id = clients[g_rand_int_range (rand, 0, G_N_ELEMENTS (clients))];
      d->title = g_strdup (titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      d->amount = g_rand_int_range (rand, 0, 6) * 1000;
      d->stage = crm_deal_stage_is_open (stage) ? stage : CRM_STAGE_NEGOTIATION;
      d->probability = g_rand_int_range (rand, 0, 4) * 25;
      if (g_rand_int_range (rand, 0, 5) > 0)
        d->expected_close = days_ago (g_rand_int_range (rand, -30, 120));
      d->created_at = now - 400 * 86400;
      d->stage_changed_at = now - g_rand_int_range (rand, 0, 6) * 86400;
      g_assert_true (crm_deal_store_create (f->db, d, &error));
      g_assert_no_error (error);
      if (!crm_deal_stage_is_open (stage))
        {
          /* Some closed too long ago to be shown. */
          g_autofree char *closed_on = days_ago (g_rand_int_range (rand, 0, 6) * 30);
          g_assert_true (crm_deal_store_set_stage (f->db, d->id, stage, closed_on, "Price",
                                                   now - g_rand_int_range (rand, 0, 3), &error));
          g_assert_no_error (error);
        }
      g_ptr_array_add (f->deals, crm_deal_store_get (f->db, d->id, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->deals, g_ptr_array_unref);
  g_clear_pointer (&f->manager_rank, g_hash_table_unref);
  g_clear_object (&f->db);
  g_free (f->since);
}

/* The deals the board shows for @manager_id, in @order. */
static GPtrArray *
expected_deals (Fixture *f, gint64 manager_id, Order *order)
{
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < f->deals->len; i++)
    {
      CrmDeal *d = f->deals->pdata[i];

      if ((manager_id == 0 || d->manager_id == manager_id) &&
          (crm_deal_stage_is_open (d->stage) || g_strcmp0 (d->closed_on, f->since) >= 0))
        g_ptr_array_add (shown, d);
    }
  g_ptr_array_sort_with_data (shown, cmp_order, order);
  return shown;
}

static void
assert_pages (Fixture *f, gint64 manager_id, CrmDealOrder order, gboolean descending)
{
  Order o = { f, order, descending };
  CrmDealQuery query = { manager_id, f->since, order, descending };
  g_autoptr(GPtrArray) expected = expected_deals (f, manager_id, &o);
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  CrmDeal *after = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = crm_pipeline_store_list_page (f->db, &query, after, PAGE, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, PAGE);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (read, g_object_ref (page->pdata[i]));
      if (page->len < PAGE)
        break;
      after = read->pdata[read->len - 1];
    }

  g_assert_cmpuint (expected->len, >, PAGE);
  for (guint i = 0; i < MIN (read->len, expected->len); i++)
    {
      CrmDeal *r = read->pdata[i], *e = expected->pdata[i];

      if (r->id != e->id)
        g_error ("order %d%s, manager %" G_GINT64_FORMAT ": deal %u is no. %" G_GINT64_FORMAT
                 " (%s), not no. %" G_GINT64_FORMAT " (%s)", order, descending ? " descending" : "",
                 manager_id, i, r->id, r->title, e->id, e->title);
      g_assert_false (g_hash_table_contains (seen, &r->id));
      g_hash_table_add (seen, &r->id);
    }
  g_assert_cmpuint (read->len, ==, expected->len);
}

static void
test_every_order (Fixture *f, gconstpointer data)
{
  gint64 vera = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, f->manager_rank);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) == 3)
      vera = *(gint64 *) key;

  for (CrmDealOrder order = CRM_DEAL_ORDER_BOARD; order <= CRM_DEAL_ORDER_MANAGER; order++)
    for (int descending = 0; descending <= 1; descending++)
      {
        assert_pages (f, 0, order, descending);
        assert_pages (f, vera, order, descending);
      }
}

/* A column reads in the board's order, after any of its deals. */
static void
test_column_pages (Fixture *f, gconstpointer data)
{
  Order o = { f, CRM_DEAL_ORDER_BOARD, FALSE };
  g_autoptr(GPtrArray) expected = expected_deals (f, 0, &o);

  for (CrmDealStage stage = CRM_STAGE_NEW; stage <= CRM_STAGE_LOST; stage++)
    {
      g_autoptr(GPtrArray) column = g_ptr_array_new ();
      g_autoptr(GPtrArray) read = crm_pipeline_store_column_page (f->db, 0, stage, f->since, NULL, 3, NULL);
      g_autoptr(GPtrArray) rest = NULL;

      for (guint i = 0; i < expected->len; i++)
        if (((CrmDeal *) expected->pdata[i])->stage == stage)
          g_ptr_array_add (column, expected->pdata[i]);
      g_assert_cmpuint (read->len, ==, MIN (3, column->len));
      if (read->len == 0)
        continue;
      rest = crm_pipeline_store_column_page (f->db, 0, stage, f->since, read->pdata[read->len - 1], 1000, NULL);
      g_assert_cmpuint (read->len + rest->len, ==, column->len);
      for (guint i = 0; i < column->len; i++)
        {
          CrmDeal *d = i < read->len ? read->pdata[i] : rest->pdata[i - read->len];
          g_assert_cmpint (d->id, ==, ((CrmDeal *) column->pdata[i])->id);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deal-pages/every-order-both-ways", Fixture, NULL, fixture_set_up, test_every_order,
              fixture_tear_down);
  g_test_add ("/deal-pages/columns", Fixture, NULL, fixture_set_up, test_column_pages, fixture_tear_down);
  return g_test_run ();
}
