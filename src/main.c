/* main.c — SalesCRM: a command-line subcommand, or the window
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "salescrm"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "crm-application.h"
#include "crm-cli.h"

#if defined (__ELF__) && !GLIB_CHECK_VERSION (2, 76, 0)
/* GLib before 2.76 keeps its small blocks (every GObject and widget, list
 * node, hash table) in slabs of its own: a slab goes back to malloc only
 * when all its blocks are free, so the rows of a screen that has let them
 * go stay resident, spread among the blocks still in use — on the scale
 * data set some ten megabytes after every screen was shown once. GLib 2.76
 * gave up these slabs for plain malloc; this asks the same of 2.74.
 *
 * GLib reads its choice when its constructor makes the first block, which
 * happens before main (): the executable's pre-initialisers run before any
 * library's constructor (ELF DT_PREINIT_ARRAY), and setting it costs no
 * time. An environment variable would not do: the environment is not set
 * up that early. */
static void
use_malloc_for_small_blocks (int argc, char **argv, char **envp)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_slice_set_config (G_SLICE_CONFIG_ALWAYS_MALLOC, TRUE);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

__attribute__ ((section (".preinit_array"), used))
static void (* const preinit_small_blocks) (int, char **, char **) = use_malloc_for_small_blocks;
#endif

int
main (int argc, char *argv[])
{
  CrmCliContext ctx = { 0 };
  const char *localedir = g_getenv ("SALESCRM_LOCALEDIR");
  int command_index = 0;
  int status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!crm_cli_parse_global (argc, argv, &ctx, &command_index, &status))
    {
      crm_cli_context_clear (&ctx);
      return status;
    }

  if (command_index > 0)
    {
      /* Headless: GTK is not initialised on this path. */
      status = crm_cli_run_command (&ctx, argc - command_index, argv + command_index);
    }
  else
    {
      g_autoptr(CrmApplication) app = NULL;

#ifdef __GLIBC__
      /* The screens read in worker threads; glibc would give each its own
       * arena (64 MB of address space, several MB resident, kept after the
       * work is done). Two arenas are plenty for a desktop app. */
      mallopt (M_ARENA_MAX, 2);
#endif
      crm_application_init_display ();
      app = crm_application_new (ctx.database_path);
      /* The options were handled above; GApplication sees only the program name. */
      status = g_application_run (G_APPLICATION (app), 1, argv);
    }

  crm_cli_context_clear (&ctx);
  return status;
}
