/* test-store.c — the repositories: every entity written, read, searched, refused
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-activity-store.h"
#include "crm-client-store.h"
#include "crm-complaint-store.h"
#include "crm-deal-store.h"
#include "crm-manager-store.h"
#include "crm-payment-store.h"
#include "crm-setting-store.h"
#include "crm-target-store.h"
#include "crm-test-util.h"

typedef struct {
  CrmDatabase *db;
  gint64       ivanov;
  gint64       petrova;
} Fixture;

static gint64
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(GError) error = NULL;

  m->name = g_strdup (name);
  g_assert_true (crm_manager_store_create (db, m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m->id, >, 0);
  return m->id;
}

static gint64
add_client (CrmDatabase *db, const char *name, const char *company, const char *phones,
            const char *emails, gint64 owner_id)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->company = g_strdup (company);
  c->phones = g_strdup (phones);
  c->emails = g_strdup (emails);
  c->owner_id = owner_id;
  g_assert_true (crm_client_store_create (db, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = crm_test_tmp_path ("store.db");
  g_autoptr(GError) error = NULL;

  f->db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  f->ivanov = add_manager (f->db, "Иван Иванов");
  f->petrova = add_manager (f->db, "Anna Petrova");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
}

static void
test_client_crud (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(CrmClient) back = NULL;
  const char *tags[] = { "VIP", "опт", NULL };

  c->kind = CRM_CLIENT_COMPANY;
  c->name = g_strdup ("ООО «Ромашка»");
  c->company = g_strdup ("Ромашка");
  c->phones = g_strdup ("+7 (912) 345-67-89\n8 800 555-35-35");
  c->emails = g_strdup ("info@romashka.ru");
  c->city = g_strdup ("Пермь");
  c->source = CRM_SOURCE_REFERRAL;
  c->status = CRM_STATUS_CUSTOMER;
  c->owner_id = f->ivanov;
  c->tags = g_strdupv ((char **) tags);
  g_assert_true (crm_client_store_create (f->db, c, &error));
  g_assert_no_error (error);

  back = crm_client_store_get (f->db, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "ООО «Ромашка»");
  g_assert_cmpint (back->kind, ==, CRM_CLIENT_COMPANY);
  g_assert_cmpint (back->source, ==, CRM_SOURCE_REFERRAL);
  g_assert_cmpint (back->status, ==, CRM_STATUS_CUSTOMER);
  g_assert_cmpstr (back->owner_name, ==, "Иван Иванов");
  g_assert_cmpstr (back->phones, ==, "+7 (912) 345-67-89\n8 800 555-35-35");
  g_assert_cmpuint (g_strv_length (back->tags), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) back->tags, "опт"));
  g_assert_cmpint (back->created_at, >, 0);

  g_free (back->city);
  back->city = g_strdup ("Казань");
  g_strfreev (back->tags);
  back->tags = g_new0 (char *, 1);
  g_assert_true (crm_client_store_update (f->db, back, &error));
  g_clear_object (&back);
  back = crm_client_store_get (f->db, c->id, &error);
  g_assert_cmpstr (back->city, ==, "Казань");
  g_assert_cmpuint (g_strv_length (back->tags), ==, 0);

  g_assert_true (crm_client_store_delete (f->db, c->id, &error));
  g_clear_object (&back);
  back = crm_client_store_get (f->db, c->id, &error);
  g_assert_null (back);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
}

/* Hostile and unusual text is stored and read back exactly. */
static void
test_text_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *long_name = NULL;
  const char *names[] = {
    "O'Brien; \"quoted\" `back`",
    "'); DROP TABLE client;--",
    "Robert'); DELETE FROM manager WHERE ('1'='1",
    "Ёжиков Пётр 🚀👩‍💼",
    "tab\there\nnewline",
    "%s%n%x",
    NULL,
  };
  GString *s = g_string_new (NULL);

  for (int i = 0; i < 10000; i++)
    g_string_append_unichar (s, i % 2 ? 0x0436 : 'a');
  long_name = g_string_free (s, FALSE);

  for (gsize i = 0; i <= G_N_ELEMENTS (names) - 1; i++)
    {
      const char *name = names[i] != NULL ? names[i] : long_name;
      g_autoptr(GError) error = NULL;
      gint64 id = add_client (f->db, name, name, NULL, NULL, 0);
      g_autoptr(CrmClient) back = crm_client_store_get (f->db, id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (back->name, ==, name);
      g_assert_cmpstr (back->company, ==, name);
    }
  {
    guint n = 0;
    CrmClientQuery q;
    crm_client_query_init (&q);
    g_assert_true (crm_client_store_count (f->db, &q, &n, NULL));
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
  }
}

static guint
count_matching (CrmDatabase *db, const char *search)
{
  CrmClientQuery q;
  g_autoptr(GError) error = NULL;
  guint n = 999;

  crm_client_query_init (&q);
  q.search = search;
  g_assert_true (crm_client_store_count (db, &q, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_search (Fixture *f, gconstpointer data)
{
  add_client (f->db, "Пётр Семёнов", "Ёлка и Ко", "+7 (912) 345-67-89", "petr@elka.ru", f->ivanov);
  add_client (f->db, "John Smith", "Acme Corp", "+1 555 0100", "john.smith@acme.com", f->petrova);
  add_client (f->db, "Мария Петрова", "", "8 (343) 210-00-11", "", 0);

  /* Cyrillic in any case, ё found by е. */
  g_assert_cmpuint (count_matching (f->db, "петр"), ==, 2);          /* Пётр, Петрова */
  g_assert_cmpuint (count_matching (f->db, "ПЁТР"), ==, 2);
  g_assert_cmpuint (count_matching (f->db, "семенов"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "елка"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "Мария Петр"), ==, 1);
  /* Latin, company, e-mail. */
  g_assert_cmpuint (count_matching (f->db, "smi"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "ACME"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "john.smith@acme"), ==, 1);
  /* A phone by its digits, whatever the formatting. */
  g_assert_cmpuint (count_matching (f->db, "9123456789"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "345 67"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "+7 912 345 67 89"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "89123456789"), ==, 1);
  g_assert_cmpuint (count_matching (f->db, "210-00"), ==, 1);
  /* Nothing, and FTS syntax typed by a person is just text. */
  g_assert_cmpuint (count_matching (f->db, "zzz"), ==, 0);
  g_assert_cmpuint (count_matching (f->db, "\"*)(OR NEAR"), ==, 0);
  g_assert_cmpuint (count_matching (f->db, "!!!"), ==, 0);
  g_assert_cmpuint (count_matching (f->db, ""), ==, 3);

  /* Editing the name updates the index. */
  {
    CrmClientQuery q;
    g_autoptr(GPtrArray) page = NULL;
    CrmClient *c;
    crm_client_query_init (&q);
    q.search = "smith";
    page = crm_client_store_page (f->db, &q, NULL, 10, NULL);
    g_assert_cmpuint (page->len, ==, 1);
    c = page->pdata[0];
    g_free (c->name);
    c->name = g_strdup ("John Doe");
    g_assert_true (crm_client_store_update (f->db, c, NULL));
    g_assert_cmpuint (count_matching (f->db, "smith"), ==, 1);   /* still in the e-mail */
    g_assert_cmpuint (count_matching (f->db, "doe"), ==, 1);
  }
}

static void
assert_pages_cover_all (CrmDatabase *db, CrmClientQuery *q, guint expected, guint page_size)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  CrmClientCursor cursor = { 0 };
  gboolean first = TRUE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = crm_client_store_page (db, q, first ? NULL : &cursor, page_size, &error);

      g_assert_no_error (error);
      first = FALSE;
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (seen, g_object_ref (page->pdata[i]));
      crm_client_cursor_from_client (&cursor, q->sort, page->pdata[page->len - 1]);
    }
  crm_client_cursor_clear (&cursor);
  g_assert_cmpuint (seen->len, ==, expected);
  all = crm_client_store_page (db, q, NULL, 100000, NULL);
  g_assert_cmpuint (all->len, ==, expected);
  for (guint i = 0; i < expected; i++)
    g_assert_cmpint (((CrmClient *) seen->pdata[i])->id, ==, ((CrmClient *) all->pdata[i])->id);
}

static void
test_keyset_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CrmClientQuery q;
  const char *first_names[] = { "Анна", "anna", "Борис", "Zoe", "Ёлкин", "Елена", "Adam", "adam" };

  g_assert_true (crm_database_begin (f->db, &error));
  for (int i = 0; i < 240; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %03d", first_names[i % G_N_ELEMENTS (first_names)], i % 37);
      g_autoptr(CrmClient) c = crm_client_new ();
      c->name = g_steal_pointer (&name);
      c->status = i % CRM_N_STATUSES;
      c->owner_id = i % 3 == 0 ? f->ivanov : (i % 3 == 1 ? f->petrova : 0);
      c->source = i % CRM_N_SOURCES;
      c->created_at = 1700000000 + (i * 7919) % 1000;   /* duplicates on purpose */
      g_assert_true (crm_client_store_create (f->db, c, &error));
    }
  g_assert_true (crm_database_commit (f->db, &error));

  crm_client_query_init (&q);
  assert_pages_cover_all (f->db, &q, 240, 17);
  q.descending = TRUE;
  assert_pages_cover_all (f->db, &q, 240, 50);
  q.sort = CRM_CLIENT_SORT_CREATED;
  assert_pages_cover_all (f->db, &q, 240, 13);
  q.descending = FALSE;
  assert_pages_cover_all (f->db, &q, 240, 100);
  q.sort = CRM_CLIENT_SORT_STATUS;
  assert_pages_cover_all (f->db, &q, 240, 23);
  q.owner_id = f->ivanov;
  assert_pages_cover_all (f->db, &q, 80, 7);
  q.owner_id = -1;
  assert_pages_cover_all (f->db, &q, 80, 7);
  q.owner_id = 0;
  q.status = CRM_STATUS_LOST;
  assert_pages_cover_all (f->db, &q, 48, 10);
  q.status = -1;
  q.source = CRM_SOURCE_WEBSITE;
  assert_pages_cover_all (f->db, &q, 48, 10);
  q.source = -1;
  q.search = "анна";         /* the Cyrillic Анна, not the Latin anna */
  assert_pages_cover_all (f->db, &q, 30, 9);

  /* The name order is case- and ё-insensitive: "adam" and "Adam" sit together. */
  {
    g_autoptr(GPtrArray) page = NULL;
    crm_client_query_init (&q);
    page = crm_client_store_page (f->db, &q, NULL, 60, NULL);
    for (guint i = 0; i < 60; i++)
      g_assert_true (g_ascii_strncasecmp (((CrmClient *) page->pdata[i])->name, "adam", 4) == 0);
  }

  /* Anchors let a list jump to page k without OFFSET. */
  {
    g_autoptr(GArray) anchors = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autoptr(GPtrArray) page = NULL;

    crm_client_query_init (&q);
    anchors = crm_client_store_anchors (f->db, &q, 50, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (anchors->len, ==, 4);
    all = crm_client_store_page (f->db, &q, NULL, 1000, NULL);
    page = crm_client_store_page (f->db, &q, &g_array_index (anchors, CrmClientCursor, 2), 50, NULL);
    g_assert_cmpuint (page->len, ==, 50);
    g_assert_cmpint (((CrmClient *) page->pdata[0])->id, ==, ((CrmClient *) all->pdata[150])->id);
  }
}

static void
test_tags_filter (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_client (f->db, "A", NULL, NULL, NULL, 0);
  gint64 b = add_client (f->db, "B", NULL, NULL, NULL, 0);
  const char *vip[] = { "VIP", NULL };
  const char *both[] = { "VIP", "Опт", NULL };
  CrmClientQuery q;
  guint n = 0;
  g_autoptr(GPtrArray) tags = NULL;

  add_client (f->db, "C", NULL, NULL, NULL, 0);
  g_assert_true (crm_client_store_set_tags (f->db, a, vip, &error));
  g_assert_true (crm_client_store_set_tags (f->db, b, both, &error));
  tags = crm_client_store_list_tags (f->db, &error);
  g_assert_cmpuint (tags->len, ==, 2);

  crm_client_query_init (&q);
  q.tag_id = crm_client_store_lookup_tag (f->db, "VIP", &error);
  g_assert_cmpint (q.tag_id, >, 0);
  g_assert_true (crm_client_store_count (f->db, &q, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  q.tag_id = crm_client_store_lookup_tag (f->db, "Опт", &error);
  g_assert_true (crm_client_store_count (f->db, &q, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (crm_client_store_lookup_tag (f->db, "none", &error), ==, 0);
}

static void
test_constraints_name_the_field (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 client = add_client (f->db, "Client", NULL, NULL, NULL, 0);

  {
    g_autoptr(CrmClient) c = crm_client_new ();
    c->name = g_strdup ("   ");
    g_assert_false (crm_client_store_create (f->db, c, &error));
    g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "name");
    g_assert_cmpint (c->id, ==, 0);
    g_clear_error (&error);
  }
  {
    g_autoptr(CrmClient) c = crm_client_new ();
    c->name = g_strdup ("Orphan");
    c->owner_id = 424242;
    g_assert_false (crm_client_store_create (f->db, c, &error));
    g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (crm_store_error_get_table (error), ==, "client");
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "owner_id");
    g_clear_error (&error);
  }
  {
    g_autoptr(CrmPayment) p = crm_payment_new ();
    p->client_id = client;
    p->manager_id = f->ivanov;
    p->paid_on = g_strdup ("2026-11-05");
    p->amount = -100;
    g_assert_false (crm_payment_store_create (f->db, p, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "amount");
    g_clear_error (&error);
    p->amount = 100;
    g_free (p->paid_on);
    p->paid_on = g_strdup ("05.11.2026");
    g_assert_false (crm_payment_store_create (f->db, p, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "paid_on");
    g_clear_error (&error);
    g_free (p->paid_on);
    p->paid_on = g_strdup ("2026-11-05");
    p->manager_id = 999;
    g_assert_false (crm_payment_store_create (f->db, p, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "manager_id");
    g_clear_error (&error);
  }
  {
    g_autoptr(CrmDeal) d = crm_deal_new ();
    d->client_id = client;
    d->manager_id = f->ivanov;
    d->title = g_strdup ("Deal");
    d->probability = 150;
    g_assert_false (crm_deal_store_create (f->db, d, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "probability");
    g_assert_nonnull (strstr (error->message, "100"));
    g_clear_error (&error);
  }
  {
    g_autoptr(CrmActivity) a = crm_activity_new ();
    a->type = CRM_ACTIVITY_MEETING;
    a->manager_id = f->ivanov;
    a->direction = CRM_DIRECTION_INBOUND;      /* only calls have one */
    a->starts_at = 1700000000;
    g_assert_false (crm_activity_store_create (f->db, a, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "direction");
    g_clear_error (&error);
    a->direction = CRM_DIRECTION_NONE;
    a->duration_min = -5;
    g_assert_false (crm_activity_store_create (f->db, a, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "duration_min");
    g_clear_error (&error);
  }
  {
    g_autoptr(CrmComplaint) c = crm_complaint_new ();
    c->client_id = client;
    c->manager_id = f->ivanov;
    c->opened_on = g_strdup ("2026-11-05");
    c->cost = -1;
    g_assert_false (crm_complaint_store_create (f->db, c, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "cost");
    g_clear_error (&error);
  }
  {
    CrmTarget t;
    crm_target_init (&t, f->ivanov, "2026-11");
    t.values[CRM_KPI_CALLS] = -3;
    g_assert_false (crm_target_store_set (f->db, &t, &error));
    g_assert_cmpstr (crm_store_error_get_field (error), ==, "calls");
    g_clear_error (&error);
  }
}

static void
test_manager_never_deleted_with_history (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 lonely = add_manager (f->db, "New Hire");
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(CrmManager) found = NULL;

  add_client (f->db, "Owned", NULL, NULL, NULL, f->ivanov);
  g_assert_false (crm_manager_store_delete (f->db, f->ivanov, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Deactivate"));
  g_clear_error (&error);
  g_assert_true (crm_manager_store_set_active (f->db, f->ivanov, FALSE, &error));
  active = crm_manager_store_list (f->db, FALSE, &error);
  g_assert_cmpuint (active->len, ==, 2);

  g_assert_true (crm_manager_store_delete (f->db, lonely, &error));
  g_assert_no_error (error);

  found = crm_manager_store_find (f->db, "иванов", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, f->ivanov);
  g_clear_object (&found);
  found = crm_manager_store_find (f->db, "nobody", &error);
  g_assert_null (found);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
}

static void
test_deal_stage_history (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) d = crm_deal_new ();
  g_autoptr(CrmDeal) back = NULL;
  g_autoptr(GArray) history = NULL;

  d->client_id = add_client (f->db, "Client", NULL, NULL, NULL, 0);
  d->manager_id = f->petrova;
  d->title = g_strdup ("Поставка");
  d->amount = 12345600;
  d->probability = 10;
  d->created_at = 1780000000;
  g_assert_true (crm_deal_store_create (f->db, d, &error));
  g_assert_true (crm_deal_store_set_stage (f->db, d->id, CRM_STAGE_PROPOSAL, NULL, NULL, 1780100000, &error));
  g_assert_true (crm_deal_store_set_stage (f->db, d->id, CRM_STAGE_LOST, "2026-11-20", "Дорого", 1780200000, &error));
  g_assert_no_error (error);

  back = crm_deal_store_get (f->db, d->id, &error);
  g_assert_cmpint (back->stage, ==, CRM_STAGE_LOST);
  g_assert_cmpstr (back->closed_on, ==, "2026-11-20");
  g_assert_cmpstr (back->lost_reason, ==, "Дорого");
  g_assert_cmpint (back->probability, ==, 0);

  history = crm_deal_store_history (f->db, d->id, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (g_array_index (history, CrmStageChange, 0).from_stage, ==, -1);
  g_assert_cmpint (g_array_index (history, CrmStageChange, 0).to_stage, ==, CRM_STAGE_NEW);
  g_assert_cmpint (g_array_index (history, CrmStageChange, 1).from_stage, ==, CRM_STAGE_NEW);
  g_assert_cmpint (g_array_index (history, CrmStageChange, 1).to_stage, ==, CRM_STAGE_PROPOSAL);
  g_assert_cmpint (g_array_index (history, CrmStageChange, 1).changed_at, ==, 1780100000);
  g_assert_cmpint (g_array_index (history, CrmStageChange, 2).to_stage, ==, CRM_STAGE_LOST);

  /* A closing date before the deal existed is refused. */
  g_assert_false (crm_deal_store_set_stage (f->db, d->id, CRM_STAGE_WON, "2020-01-01", NULL, 0, &error));
  g_assert_cmpstr (crm_store_error_get_field (error), ==, "closed_on");
}

static void
test_activities (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 client = add_client (f->db, "Client", NULL, NULL, NULL, 0);
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(CrmActivity) by_uid = NULL;
  gint64 base = 1795000000;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(CrmActivity) a = crm_activity_new ();
      a->type = i % 2 ? CRM_ACTIVITY_CALL : CRM_ACTIVITY_MEETING;
      a->client_id = client;
      a->manager_id = f->ivanov;
      a->starts_at = base + i * 3600;
      a->duration_min = 30;
      a->direction = a->type == CRM_ACTIVITY_CALL ? CRM_DIRECTION_OUTBOUND : CRM_DIRECTION_NONE;
      g_assert_true (crm_activity_store_create (f->db, a, &error));
      g_assert_no_error (error);
      g_assert_nonnull (a->uid);
      if (i == 2)
        by_uid = crm_activity_store_get_by_uid (f->db, a->uid, &error);
    }
  g_assert_nonnull (by_uid);
  g_assert_cmpint (by_uid->starts_at, ==, base + 2 * 3600);
  g_assert_cmpstr (by_uid->client_name, ==, "Client");
  g_assert_cmpint (by_uid->reminder_min, ==, -1);

  range = crm_activity_store_list_range (f->db, f->ivanov, base + 3600, base + 3 * 3600, &error);
  g_assert_cmpuint (range->len, ==, 2);
  g_clear_pointer (&range, g_ptr_array_unref);
  range = crm_activity_store_list_range (f->db, 0, base, base + 86400, &error);
  g_assert_cmpuint (range->len, ==, 5);
  g_clear_pointer (&range, g_ptr_array_unref);
  range = crm_activity_store_list_range (f->db, f->petrova, base, base + 86400, &error);
  g_assert_cmpuint (range->len, ==, 0);

  /* 10:15–10:45 overlaps the 10:00–10:30 activity only. */
  conflicts = crm_activity_store_find_conflicts (f->db, f->ivanov, base + 900, base + 2700, 0, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = crm_activity_store_find_conflicts (f->db, f->ivanov, base + 1800, base + 3600, 0, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_delete_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 client = add_client (f->db, "Keeper", "K Ltd", "+7 900 000-00-01", "k@k.ru", f->ivanov);
  gint64 other = add_client (f->db, "Other", NULL, NULL, NULL, 0);
  g_autoptr(CrmDeal) d = crm_deal_new ();
  g_autoptr(CrmClientSnapshot) snapshot = NULL;
  g_autoptr(CrmClient) back = NULL;
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GArray) history = NULL;
  const char *tags[] = { "VIP", NULL };
  gint64 other_payment_id;

  g_assert_true (crm_client_store_set_tags (f->db, client, tags, &error));
  d->client_id = client;
  d->manager_id = f->ivanov;
  d->title = g_strdup ("Big");
  d->amount = 100000;
  g_assert_true (crm_deal_store_create (f->db, d, &error));
  g_assert_true (crm_deal_store_set_stage (f->db, d->id, CRM_STAGE_QUALIFIED, NULL, NULL, 0, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CrmActivity) a = crm_activity_new ();
      a->client_id = client;
      a->manager_id = f->ivanov;
      a->starts_at = 1790000000 + i;
      a->state = CRM_STATE_DONE;
      g_assert_true (crm_activity_store_create (f->db, a, &error));
    }
  {
    g_autoptr(CrmPayment) p = crm_payment_new ();
    p->client_id = client;
    p->manager_id = f->ivanov;
    p->deal_id = d->id;
    p->paid_on = g_strdup ("2026-10-01");
    p->amount = 5000;
    g_assert_true (crm_payment_store_create (f->db, p, &error));
  }
  {
    /* Another client's payment that refers to this deal survives the
     * deletion and gets its deal back on undo. */
    g_autoptr(CrmPayment) p = crm_payment_new ();
    p->client_id = other;
    p->manager_id = f->ivanov;
    p->deal_id = d->id;
    p->paid_on = g_strdup ("2026-10-02");
    p->amount = 7;
    g_assert_true (crm_payment_store_create (f->db, p, &error));
    other_payment_id = p->id;
  }
  {
    g_autoptr(CrmComplaint) c = crm_complaint_new ();
    c->client_id = client;
    c->manager_id = f->ivanov;
    c->opened_on = g_strdup ("2026-10-05");
    c->cost = 300;
    g_assert_true (crm_complaint_store_create (f->db, c, &error));
  }
  g_assert_no_error (error);

  snapshot = crm_client_store_delete_with_snapshot (f->db, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_client_snapshot_get_n_rows (snapshot), >=, 10);
  g_assert_null (crm_client_store_get (f->db, client, NULL));
  g_assert_null (crm_deal_store_get (f->db, d->id, NULL));
  g_assert_cmpuint (count_matching (f->db, "keeper"), ==, 0);
  {
    g_autoptr(CrmPayment) p = crm_payment_store_get (f->db, other_payment_id, &error);
    g_assert_cmpint (p->deal_id, ==, 0);
  }
  /* A client created meanwhile never takes the deleted one's id. */
  g_assert_cmpint (add_client (f->db, "Newcomer", NULL, NULL, NULL, 0), >, client);

  g_assert_true (crm_client_store_restore (f->db, snapshot, &error));
  g_assert_no_error (error);
  back = crm_client_store_get (f->db, client, &error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->name, ==, "Keeper");
  g_assert_cmpint (back->revenue, ==, 5000);
  g_assert_cmpstr (back->first_paid_on, ==, "2026-10-01");
  g_assert_cmpuint (g_strv_length (back->tags), ==, 1);
  acts = crm_activity_store_list_for_client (f->db, client, &error);
  g_assert_cmpuint (acts->len, ==, 3);
  history = crm_deal_store_history (f->db, d->id, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpuint (count_matching (f->db, "keeper"), ==, 1);
  {
    g_autoptr(CrmPayment) p = crm_payment_store_get (f->db, other_payment_id, &error);
    g_assert_cmpint (p->deal_id, ==, d->id);
  }
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_assert_true (crm_database_check (f->db, &problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_first_payment_tracked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 client = add_client (f->db, "Payer", NULL, NULL, NULL, 0);
  g_autoptr(CrmPayment) p1 = crm_payment_new ();
  g_autoptr(CrmPayment) p2 = crm_payment_new ();
  g_autoptr(CrmClient) c = NULL;

  p1->client_id = p2->client_id = client;
  p1->manager_id = p2->manager_id = f->ivanov;
  p1->paid_on = g_strdup ("2026-05-10");
  p2->paid_on = g_strdup ("2026-03-01");
  p1->amount = p2->amount = 100;
  g_assert_true (crm_payment_store_create (f->db, p1, &error));
  g_assert_true (crm_payment_store_create (f->db, p2, &error));
  c = crm_client_store_get (f->db, client, &error);
  g_assert_cmpstr (c->first_paid_on, ==, "2026-03-01");
  g_clear_object (&c);
  g_assert_true (crm_payment_store_delete (f->db, p2->id, &error));
  c = crm_client_store_get (f->db, client, &error);
  g_assert_cmpstr (c->first_paid_on, ==, "2026-05-10");
  g_clear_object (&c);
  g_free (p1->paid_on);
  p1->paid_on = g_strdup ("2026-06-01");
  g_assert_true (crm_payment_store_update (f->db, p1, &error));
  c = crm_client_store_get (f->db, client, &error);
  g_assert_cmpstr (c->first_paid_on, ==, "2026-06-01");
}

static void
test_targets_and_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSettings) s = NULL;
  g_autoptr(GArray) list = NULL;
  CrmTarget t, back;

  crm_target_init (&t, f->ivanov, "2026-11");
  t.values[CRM_KPI_REVENUE] = 50000000;
  t.values[CRM_KPI_MEETINGS] = 0;
  g_assert_true (crm_target_store_set (f->db, &t, &error));
  t.values[CRM_KPI_CALLS] = 120;
  g_assert_true (crm_target_store_set (f->db, &t, &error));    /* replaces */
  g_assert_true (crm_target_store_get (f->db, f->ivanov, "2026-11", &back, &error));
  g_assert_cmpint (back.values[CRM_KPI_REVENUE], ==, 50000000);
  g_assert_cmpint (back.values[CRM_KPI_CALLS], ==, 120);
  g_assert_cmpint (back.values[CRM_KPI_MEETINGS], ==, 0);
  g_assert_cmpint (back.values[CRM_KPI_TALK_MINUTES], ==, CRM_NO_TARGET);
  g_assert_false (crm_target_store_get (f->db, f->petrova, "2026-11", &back, &error));
  g_assert_no_error (error);
  list = crm_target_store_list (f->db, "2026-01", "2026-12", &error);
  g_assert_cmpuint (list->len, ==, 1);

  s = crm_setting_store_load (f->db, &error);
  g_assert_cmpint (s->weights[CRM_KPI_REVENUE], ==, 50);
  g_assert_cmpint (s->weights[CRM_KPI_MEETINGS], ==, 20);
  g_assert_cmpint (s->risk_forecast_high, ==, 25);
  /* A new database counts in the currency of the locale it was made in
   * (the tests run in C.UTF-8 with English: dollars). */
  g_assert_cmpstr (s->currency, ==, "USD");
  g_assert_true (crm_setting_store_set_value (f->db, "weight_calls", "30", &error));
  g_assert_false (crm_setting_store_set_value (f->db, "weight_calls", "lots", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crm_setting_store_set_value (f->db, "no_such_key", "1", &error));
  g_clear_error (&error);
  g_free (s->company_name);
  s->company_name = g_strdup ("ООО «Вектор»");
  g_assert_true (crm_setting_store_save (f->db, s, &error));
  g_clear_pointer (&s, crm_settings_free);
  s = crm_setting_store_load (f->db, &error);
  g_assert_cmpint (s->weights[CRM_KPI_CALLS], ==, 10);   /* the save wrote the loaded value back */
  g_assert_cmpstr (s->company_name, ==, "ООО «Вектор»");
}

static void
changed_cb (CrmDatabase *db, const char *table, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

/* The main thread's connection announces committed writes, once per table. */
static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  crm_database_watch_changes (f->db);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_connect (f->db, "changed::client", G_CALLBACK (changed_cb), seen);

  add_client (f->db, "One", NULL, NULL, NULL, 0);
  add_client (f->db, "Two", NULL, NULL, NULL, 0);
  g_assert_cmpuint (seen->len, ==, 0);          /* from the main loop, not at once */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "client");

  /* A rolled back write announces nothing. */
  g_assert_true (crm_database_begin (f->db, &error));
  add_client (f->db, "Three", NULL, NULL, NULL, 0);
  crm_database_rollback (f->db);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (seen->len, ==, 1);

  /* Another connection's writes are announced by hand. */
  crm_database_notify_changed (f->db, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (seen->len, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("client/crud", test_client_crud);
  ADD ("client/text-round-trip", test_text_round_trip);
  ADD ("client/search", test_search);
  ADD ("client/keyset-pages", test_keyset_pages);
  ADD ("client/tags-filter", test_tags_filter);
  ADD ("client/delete-and-restore", test_delete_and_restore);
  ADD ("client/first-payment-tracked", test_first_payment_tracked);
  ADD ("constraints-name-the-field", test_constraints_name_the_field);
  ADD ("manager/never-deleted-with-history", test_manager_never_deleted_with_history);
  ADD ("deal/stage-history", test_deal_stage_history);
  ADD ("activity/range-uid-conflicts", test_activities);
  ADD ("targets-and-settings", test_targets_and_settings);
  ADD ("changed-signal", test_changed_signal);
#undef ADD

  return g_test_run ();
}
