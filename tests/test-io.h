/* test-io.h — what the import and export test files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-contact.h"
#include "crm-csv.h"

typedef struct {
  GPtrArray  *rows;       /* GStrv */
  GArray     *lines;      /* guint */
  char        delimiter;
  const char *encoding;
  GError     *error;      /* what stopped the reading, if anything */
} Table;

void   table_free  (Table *t);
Table *read_reader (CrmCsvReader *reader);
Table *read_table  (const char *data,
                    gssize      len);
void   assert_row  (Table              *t,
                    guint               index,
                    guint               line,
                    const char * const *expected);
void   test_csv_add_import_tests (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

#define ROW(...) ((const char * const []) { __VA_ARGS__, NULL })

static inline GPtrArray *
new_contacts (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) crm_contact_free);
}

static inline GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) crm_import_problem_free);
}

static inline void
assert_value (GPtrArray *values, guint i, const char *value, const char *type)
{
  const CrmContactValue *v;

  g_assert_cmpuint (i, <, values->len);
  v = values->pdata[i];
  g_assert_cmpstr (v->value, ==, value);
  g_assert_cmpstr (v->type, ==, type);
}
