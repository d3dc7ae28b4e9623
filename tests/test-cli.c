/* test-cli.c — the command line, run as a person or a cron job would
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-database.h"
#include "crm-test-util.h"

/* No display for any of these: subcommands never initialise GTK. */
static const char *no_display[] = { "DISPLAY=", "WAYLAND_DISPLAY=", NULL };

static void
test_help (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Usage:"));
  g_assert_nonnull (strstr (run->out, "--database FILE"));
  g_assert_nonnull (strstr (run->out, "check"));
  g_assert_nonnull (strstr (run->out, "backup FILE"));
}

static void
test_help_russian (void)
{
  const char *env[] = { "DISPLAY=", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
  g_autoptr(CrmTestRun) run = crm_test_run (env, "--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Использование:"));
}

static void
test_version (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "salescrm " PACKAGE_VERSION "\n");
}

static void
test_unknown_command (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "frobnicate", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "“frobnicate” is not a command"));
  g_assert_nonnull (strstr (run->err, "salescrm --help"));
}

static void
test_unknown_option (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--frobnicate", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "unknown option “--frobnicate”"));
}

static void
test_database_without_value (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "--database"));
}

static void
test_subcommand_bad_option (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "check", "--nope", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "salescrm check"));
}

static void
test_check_and_backup (void)
{
  g_autofree char *dir = crm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crm.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "check", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "healthy"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "backup", copy, NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autofree char *env_db = g_strconcat ("SALESCRM_DATABASE=", copy, NULL);
    const char *env[] = { "DISPLAY=", env_db, NULL };
    g_autoptr(CrmTestRun) run = crm_test_run (env, "check", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, copy));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "backup", NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "backup", "/nonexistent/dir/x.db", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "/nonexistent/dir/x.db"));
  }
}

/* A file that is not a database: exit 1, a clear message, not one byte changed. */
static void
test_check_refuses_bad_files (void)
{
  const char *contents[] = { "", "not a database at all\n" };

  for (gsize i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = crm_test_tmp_path ("bad.db");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(CrmTestRun) run = NULL;

      g_assert_true (g_file_set_contents (path, contents[i], -1, NULL));
      before = crm_test_file_sha (path);
      run = crm_test_run (no_display, "--database", path, "check", NULL);
      after = crm_test_file_sha (path);
      g_assert_cmpint (run->status, ==, 1);
      g_assert_nonnull (strstr (run->err, "not a SalesCRM database"));
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_demo (void)
{
  g_autofree char *path = crm_test_tmp_path ("demo.db");

  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", "--clients", "120", "--seed", "3", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "Demo data written to"));
    g_assert_nonnull (strstr (run->err, "100%"));
  }
  {
    /* Not twice into the same database. */
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "empty database"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", "--clients", "-5", NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", "--clients", "many", NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help-russian", test_help_russian);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/database-without-value", test_database_without_value);
  g_test_add_func ("/cli/subcommand-bad-option", test_subcommand_bad_option);
  g_test_add_func ("/cli/check-and-backup", test_check_and_backup);
  g_test_add_func ("/cli/check-refuses-bad-files", test_check_refuses_bad_files);
  g_test_add_func ("/cli/demo", test_demo);

  return g_test_run ();
}
