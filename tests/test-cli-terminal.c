/* test-cli-terminal.c — the command line on a terminal (a pseudo-terminal):
 * what it says while it upgrades a file, and that a script hears nothing
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pty.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-database-private.h"
#include "crm-test-util.h"

void test_cli_add_terminal_tests (void);

static const char *no_display[] = { "DISPLAY=", "WAYLAND_DISPLAY=", NULL };

static int
raw_version (const char *path)
{
  g_autoptr(GError) error = NULL;
  int version = -1;

  g_assert_true (crm_database_peek_version (path, &version, &error));
  g_assert_no_error (error);
  return version;
}

/* Runs salescrm with @args on a terminal (a pseudo-terminal for stdout
 * and stderr, no display); returns what the terminal showed. */
static char *
run_on_terminal (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) screen = g_string_new (NULL);
  int master = -1;
  int status = 0;
  pid_t pid;
  char buf[4096];
  ssize_t n;

  g_ptr_array_add (argv, (gpointer) crm_test_binary ());
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  pid = forkpty (&master, NULL, NULL, NULL);
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_setenv ("DISPLAY", "", TRUE);
      g_setenv ("WAYLAND_DISPLAY", "", TRUE);
      execv (argv->pdata[0], (char **) argv->pdata);
      _exit (127);
    }
  /* EIO once the child has gone and the terminal is closed. */
  while ((n = read (master, buf, sizeof buf)) > 0)
    g_string_append_len (screen, buf, n);
  close (master);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != 0)
    g_error ("exit status %d: %s", WEXITSTATUS (status), g_strescape (screen->str, NULL));
  return g_string_free (g_steal_pointer (&screen), FALSE);
}

/* A command that opens a file of an older format upgrades it: on a
 * terminal it says so, where the copy goes, and how far it is; in a script
 * (no terminal) it says nothing. */
static void
test_upgrade_message (void)
{
  g_autofree char *path = crm_test_tmp_path ("old.db");
  g_autofree char *quiet_path = crm_test_tmp_path ("quiet.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *screen = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(CrmTestRun) run = NULL;
  const char *demo[] = { "--database", path, "demo", "--clients", "3", "--activities", "5", NULL };
  const char *kpi[] = { "--database", path, "kpi", "--period", "2026-01", NULL };

  g_assert_true (crm_database_create_at_version (path, 3, &error));
  g_assert_no_error (error);
  screen = run_on_terminal (demo);
  expected = g_strdup_printf ("Upgrading the database to data format %d… (a copy of the old one is kept in %s.v3-",
                              CRM_DATABASE_SCHEMA_VERSION, path);
  g_assert_nonnull (strstr (screen, expected));
  g_assert_nonnull (strstr (screen, "upgrading the tables, "));
  g_assert_nonnull (strstr (screen, "Demo data written to"));
  g_clear_pointer (&screen, g_free);

  /* Already upgraded: not a word. */
  screen = run_on_terminal (kpi);
  g_assert_nonnull (strstr (screen, "KPI for January 2026"));
  g_assert_null (strstr (screen, "pgrading"));

  g_assert_true (crm_database_create_at_version (quiet_path, 3, &error));
  run = crm_test_run (no_display, "--database", quiet_path, "demo", "--clients", "3", "--activities", "5", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_null (strstr (run->err, "pgrading"));
  g_assert_null (strstr (run->err, "\033"));
  g_assert_cmpint (raw_version (quiet_path), ==, CRM_DATABASE_SCHEMA_VERSION);
}

void
test_cli_add_terminal_tests (void)
{
  g_test_add_func ("/cli/upgrade-message", test_upgrade_message);
}
