/* test-fuzz-regressions.c — every saved fuzzer input, through the fuzz entry points
 *
 * tests/fuzz/corpus/<target>/ holds the seeds and every input a fuzzer ever
 * found a problem with: each must now pass without a crash, a hang, a leak
 * or a critical.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-fuzz-targets.h"
#include "crm-test-util.h"

typedef int (*FuzzFunc) (const guint8 *data, gsize size);

static void
run_corpus (gconstpointer data)
{
  const char *target = data;
  FuzzFunc func = g_str_equal (target, "csv") ? crm_fuzz_csv
                : g_str_equal (target, "vcard") ? crm_fuzz_vcard
                : g_str_equal (target, "ical") ? crm_fuzz_ical : crm_fuzz_args;
  g_autofree char *dir = g_build_filename (crm_test_source_root (), "tests", "fuzz", "corpus", target, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_test_message ("%s/%s", target, name);
      g_assert_cmpint (func ((const guint8 *) contents, len), ==, 0);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_test_add_data_func ("/fuzz-regressions/csv", "csv", run_corpus);
  g_test_add_data_func ("/fuzz-regressions/vcard", "vcard", run_corpus);
  g_test_add_data_func ("/fuzz-regressions/args", "args", run_corpus);
  g_test_add_data_func ("/fuzz-regressions/ical", "ical", run_corpus);

  return g_test_run ();
}
