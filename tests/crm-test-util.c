/* crm-test-util.c — what the test suites share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "crm-test-util.h"

static GPtrArray *tmpdirs;

static void
remove_tmpdirs (void)
{
  if (tmpdirs == NULL)
    return;
  for (guint i = 0; i < tmpdirs->len; i++)
    crm_test_rm_rf (tmpdirs->pdata[i]);
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

/* A fresh folder, removed when the test program exits. */
char *
crm_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("salescrm-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
crm_test_tmp_path (const char *name)
{
  g_autofree char *dir = crm_test_make_tmpdir ();
  return g_build_filename (dir, name, NULL);
}

void
crm_test_rm_rf (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);
              crm_test_rm_rf (child);
            }
          g_dir_close (dir);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

const char *
crm_test_binary (void)
{
  const char *bin = g_getenv ("SALESCRM_BINARY");
  g_assert_nonnull (bin);
  return bin;
}

const char *
crm_test_source_root (void)
{
  const char *root = g_getenv ("SALESCRM_SOURCE_ROOT");
  g_assert_nonnull (root);
  return root;
}

CrmTestRun *
crm_test_runv (const char * const *env_extra, const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  CrmTestRun *run = g_new0 (CrmTestRun, 1);
  int wait_status = 0;

  for (gsize i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env_extra[i], "=", 2);
      env = g_environ_setenv (env, kv[0], kv[1] ? kv[1] : "", TRUE);
    }
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    run->status = WEXITSTATUS (wait_status);
  else if (WIFSIGNALED (wait_status))
    run->status = 128 + WTERMSIG (wait_status);
  return run;
}

/* Runs the salescrm binary with the arguments given. */
CrmTestRun *
crm_test_run (const char * const *env_extra, const char *first_arg, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) crm_test_binary ());
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return crm_test_runv (env_extra, (const char * const *) argv->pdata);
}

void
crm_test_run_free (CrmTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/* Switches the translation language of this process (LANGUAGE under a
 * C.UTF-8 locale), with the catalogue from the build folder. */
void
crm_test_use_language (const char *language)
{
  const char *localedir = g_getenv ("SALESCRM_LOCALEDIR");

  setlocale (LC_ALL, "C.UTF-8");
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* glibc caches translations per LANGUAGE: setting the domain again flushes it. */
  textdomain (GETTEXT_PACKAGE);
}

char *
crm_test_file_sha (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, len);
}
