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
      app = crm_application_new (ctx.database_path);
      /* The options were handled above; GApplication sees only the program name. */
      status = g_application_run (G_APPLICATION (app), 1, argv);
    }

  crm_cli_context_clear (&ctx);
  return status;
}
