/* crm-client-list-pages.c — the client list model's pages of rows
 *
 * The model keeps the rows it read in pages of CRM_CLIENT_LIST_PAGE_SIZE,
 * by page index. A page read again (after a change) updates the objects
 * that rows on screen show, field by field, so that a row does not blink;
 * two sets of pages are compared to tell the views the smallest range that
 * changed.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-client-list-model-private.h"

#define PAGE CRM_CLIENT_LIST_PAGE_SIZE

void
crm_client_list_page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

Page *
crm_client_list_page_new_empty (guint n_rows)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_ptr_array_new_full (n_rows, g_object_unref);
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (page->items, crm_client_new ());
  return page;
}

/* Held by anybody but this model: a row on screen, a selection. */
gboolean
crm_client_list_row_in_use (gpointer item)
{
  return g_atomic_int_get ((int *) &G_OBJECT (item)->ref_count) > 1;
}

/* Whether anybody but this model holds one of the page's items: a row on
 * screen, a selection. */
gboolean
crm_client_list_page_in_use (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    if (crm_client_list_row_in_use (page->items->pdata[i]))
      return TRUE;
  return FALSE;
}

#define UPDATE_TEXT(field, name) \
  if (g_strcmp0 (dest->field, src->field) != 0) \
    { \
      g_free (dest->field); \
      dest->field = g_strdup (src->field); \
      g_object_notify (G_OBJECT (dest), name); \
    }
#define UPDATE_VALUE(field, name) \
  if (dest->field != src->field) \
    { \
      dest->field = src->field; \
      g_object_notify (G_OBJECT (dest), name); \
    }

static gboolean
tags_equal (char **a, char **b)
{
  const char * const empty[] = { NULL };
  return g_strv_equal (a != NULL ? (const char * const *) a : empty, b != NULL ? (const char * const *) b : empty);
}

/* Copies what changed from @src into @dest, which a row may show: the row
 * updates through "notify". */
void
crm_client_list_client_update (CrmClient *dest, CrmClient *src)
{
  g_object_freeze_notify (G_OBJECT (dest));
  UPDATE_VALUE (id, "id");
  UPDATE_VALUE (kind, "kind");
  UPDATE_TEXT (name, "name");
  UPDATE_TEXT (company, "company");
  UPDATE_TEXT (phones, "phones");
  UPDATE_TEXT (emails, "emails");
  UPDATE_TEXT (address, "address");
  UPDATE_TEXT (city, "city");
  UPDATE_VALUE (source, "source");
  UPDATE_VALUE (status, "status");
  UPDATE_VALUE (owner_id, "owner-id");
  UPDATE_TEXT (owner_name, "owner-name");
  UPDATE_TEXT (notes, "notes");
  UPDATE_TEXT (first_paid_on, "first-paid-on");
  UPDATE_VALUE (created_at, "created-at");
  UPDATE_VALUE (updated_at, "updated-at");
  UPDATE_VALUE (last_contact_at, "last-contact-at");
  UPDATE_VALUE (revenue, "revenue");
  if (!tags_equal (dest->tags, src->tags))
    {
      g_strfreev (dest->tags);
      dest->tags = g_strdupv (src->tags);
      g_object_notify (G_OBJECT (dest), "tags");
    }
  g_object_thaw_notify (G_OBJECT (dest));
}

#undef UPDATE_TEXT
#undef UPDATE_VALUE

Page *
crm_client_list_lookup_page (GHashTable *pages, guint index)
{
  return g_hash_table_lookup (pages, GUINT_TO_POINTER (index));
}

void
crm_client_list_insert_page (GHashTable *pages, guint index, Page *page)
{
  g_hash_table_insert (pages, GUINT_TO_POINTER (index), page);
}

GObject *
crm_client_list_object_at (GHashTable *pages, guint position)
{
  Page *page = crm_client_list_lookup_page (pages, position / PAGE);

  if (page == NULL || position % PAGE >= page->items->len)
    return NULL;
  return page->items->pdata[position % PAGE];
}

/* The smallest range of positions whose objects differ between @old and
 * @new (positions of pages in neither are unknown to any view: alike). */
void
crm_client_list_diff_ranges (GHashTable *old, guint old_n, GHashTable *new, guint new_n,
             guint *out_position, guint *out_removed, guint *out_added)
{
  guint min_n = MIN (old_n, new_n);
  guint p = 0, s = 0;

  while (p < min_n)
    {
      if (crm_client_list_lookup_page (old, p / PAGE) == NULL && crm_client_list_lookup_page (new, p / PAGE) == NULL)
        {
          p = (p / PAGE + 1) * PAGE;
          continue;
        }
      if (crm_client_list_object_at (old, p) != crm_client_list_object_at (new, p))
        break;
      p++;
    }
  p = MIN (p, min_n);
  while (s < min_n - p)
    {
      guint op = old_n - 1 - s, np = new_n - 1 - s;

      if (crm_client_list_lookup_page (old, op / PAGE) == NULL && crm_client_list_lookup_page (new, np / PAGE) == NULL)
        {
          s += MIN (op % PAGE, np % PAGE) + 1;
          continue;
        }
      if (crm_client_list_object_at (old, op) != crm_client_list_object_at (new, np))
        break;
      s++;
    }
  s = MIN (s, min_n - p);
  *out_position = p;
  *out_removed = old_n - p - s;
  *out_added = new_n - p - s;
}
