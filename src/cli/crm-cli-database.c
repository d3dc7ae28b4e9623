/* crm-cli-database.c — "salescrm backup FILE" and "salescrm check"
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-cli.h"
#include "crm-locale.h"

int
crm_cli_backup (CrmCliContext *ctx, int argc, char **argv)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!crm_cli_parse_options ("backup", "FILE",
                              _("Copies the database to FILE with SQLite’s online backup: the copy is consistent even while SalesCRM is writing."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return crm_cli_usage_error ("backup", _("name the file to write the copy to, as in: salescrm backup copy.db"));

  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_READ_ONLY, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("backup", error);
      return CRM_EXIT_FAILURE;
    }
  if (!crm_database_backup_to (db, argv[1], NULL, NULL, &error))
    {
      crm_cli_print_error ("backup", error);
      return CRM_EXIT_FAILURE;
    }
  g_print (_("Backup written to %s\n"), argv[1]);
  return CRM_EXIT_OK;
}

int
crm_cli_check (CrmCliContext *ctx, int argc, char **argv)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status;

  if (!crm_cli_parse_options ("check", "",
                              _("Runs SQLite’s integrity and foreign key checks on the database."),
                              NULL, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return crm_cli_usage_error ("check", _("unexpected argument “%s”"), argv[1]);

  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_READ_ONLY, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("check", error);
      return CRM_EXIT_FAILURE;
    }
  if (!crm_database_check (db, &problems, &error))
    {
      crm_cli_print_error ("check", error);
      return CRM_EXIT_FAILURE;
    }
  if (problems->len > 0)
    {
      g_autofree char *count = crm_locale_format_integer (problems->len);

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s problem found in %s:\n", "%s problems found in %s:\n", problems->len),
                  count, crm_database_get_path (db));
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("  %s\n", (const char *) problems->pdata[i]);
      return CRM_EXIT_FAILURE;
    }
  g_print (_("The database %s is healthy.\n"), crm_database_get_path (db));
  return CRM_EXIT_OK;
}
