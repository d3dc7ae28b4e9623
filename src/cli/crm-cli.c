/* crm-cli.c — the command line: global options and subcommands, no GTK
 *
 * Everything here runs without a display: GTK is never initialised on this
 * path. Messages go to stderr, results to stdout; exit status 0 on success,
 * 1 when the work failed, 2 when the command line was wrong.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "crm-cli.h"

static const CrmCliCommand commands[] = {
  { "backup", "FILE", N_("Copy the database to FILE safely, even while the app is writing"), crm_cli_backup },
  { "check", "", N_("Check the database for damage; exit status 1 lists the problems"), crm_cli_check },
  { "demo", "[--clients N] [--activities N] [--seed S]", N_("Fill an empty database with realistic sample data"), crm_cli_demo },
  { "export", "--format csv|vcf|json|ics --output FILE", N_("Write clients, activities, deals or payments to CSV, clients to vCard, the calendar to iCalendar, or the whole database to JSON"), crm_cli_export },
  { "import", "FILE", N_("Import clients from CSV or vCard, a calendar from iCalendar, or a whole database from a JSON export"), crm_cli_import },
  { "kpi", "--period P [--manager M] [--json]", N_("Print the KPIs of a period for the team and each manager"), crm_cli_kpi },
  { "report", "[--type T] --period P [--manager M] --output FILE", N_("Write a printed report (team KPIs, a manager card, funnel, profitability, 80/20) as a PDF"), crm_cli_report },
};

static void
print_help (void)
{
  g_print (_("Usage:\n  salescrm [--database FILE] [COMMAND [OPTIONS…]]\n\n"));
  g_print (_("SalesCRM keeps your clients, plans calls and meetings, and measures your sales team.\n"
             "Without a command it opens the window.\n\n"));
  g_print (_("Options:\n"));
  g_print ("  -h, --help            %s\n", _("Show this help and exit"));
  g_print ("  -V, --version         %s\n", _("Show the version and exit"));
  g_print ("  --database FILE       %s\n", _("Use FILE as the database (default: $SALESCRM_DATABASE or ~/.local/share/salescrm/salescrm.db)"));
  g_print ("\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].usage);
      g_print ("  %-30s %s\n", left, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Run “salescrm COMMAND --help” for the options of a command."));
}

static const char *
command_list (void)
{
  static char list[256];

  if (list[0] == '\0')
    for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        if (i > 0)
          g_strlcat (list, ", ", sizeof list);
        g_strlcat (list, commands[i].name, sizeof list);
      }
  return list;
}

gboolean
crm_cli_parse_global (int            argc,
                      char         **argv,
                      CrmCliContext *ctx,
                      int           *command_index,
                      int           *exit_status)
{
  *command_index = 0;
  *exit_status = CRM_EXIT_OK;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "-h") || g_str_equal (arg, "--help") || g_str_equal (arg, "-?"))
        {
          print_help ();
          return FALSE;
        }
      else if (g_str_equal (arg, "-V") || g_str_equal (arg, "--version"))
        {
          g_print ("salescrm %s\n", PACKAGE_VERSION);
          return FALSE;
        }
      else if (g_str_equal (arg, "--database") || g_str_has_prefix (arg, "--database="))
        {
          const char *value = NULL;

          if (arg[strlen ("--database")] == '=')
            value = arg + strlen ("--database=");
          else if (i + 1 < argc)
            value = argv[++i];
          if (value == NULL || *value == '\0')
            {
              *exit_status = crm_cli_usage_error (NULL, _("the option --database needs a file name, as in --database clients.db"));
              return FALSE;
            }
          g_free (ctx->database_path);
          ctx->database_path = g_strdup (value);
        }
      else if (arg[0] == '-')
        {
          *exit_status = crm_cli_usage_error (NULL, _("unknown option “%s”"), arg);
          return FALSE;
        }
      else
        {
          for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
            if (g_str_equal (arg, commands[c].name))
              {
                *command_index = i;
                return TRUE;
              }
          *exit_status = crm_cli_usage_error (NULL, _("“%s” is not a command. The commands are: %s."),
                                              arg, command_list ());
          return FALSE;
        }
    }
  return TRUE;
}

int
crm_cli_run_command (CrmCliContext *ctx, int argc, char **argv)
{
  g_return_val_if_fail (argc >= 1, CRM_EXIT_USAGE);

  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[0], commands[c].name))
      return commands[c].run (ctx, argc, argv);
  return crm_cli_usage_error (NULL, _("“%s” is not a command. The commands are: %s."),
                              argv[0], command_list ());
}

void
crm_cli_context_clear (CrmCliContext *ctx)
{
  g_clear_pointer (&ctx->database_path, g_free);
}

CrmDatabase *
crm_cli_open_database (CrmCliContext *ctx, CrmDatabaseFlags flags, GError **error)
{
  return crm_database_new (ctx->database_path, flags, NULL, error);
}

/* Every message of the command line goes on after "salescrm kpi: " (or
 * "file:12: warning: "), so it starts in lower case, in the GNU style. The
 * messages of the lower layers are whole sentences, as the window shows
 * them: their first letter is lowered, unless the first word is a name or
 * an abbreviation with more capitals ("SalesCRM", "CSV", "vCard"). */
char *
crm_cli_clause (const char *message)
{
  gunichar first;
  const char *rest;
  char lower[8];

  g_return_val_if_fail (message != NULL, NULL);
  if (!g_utf8_validate (message, -1, NULL) || *message == '\0')
    return g_strdup (message);
  first = g_utf8_get_char (message);
  if (!g_unichar_isupper (first))
    return g_strdup (message);
  rest = g_utf8_next_char (message);
  for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        break;
      if (g_unichar_isupper (c) || g_unichar_isdigit (c))
        return g_strdup (message);
    }
  lower[g_unichar_to_utf8 (g_unichar_tolower (first), lower)] = '\0';
  return g_strconcat (lower, rest, NULL);
}

void
crm_cli_print_error (const char *command, const GError *error)
{
  g_autofree char *message = crm_cli_clause (error->message);

  if (command != NULL)
    g_printerr ("salescrm %s: %s\n", command, message);
  else
    g_printerr ("salescrm: %s\n", message);
}

int
crm_cli_usage_error (const char *command, const char *format, ...)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  message = crm_cli_clause (text);

  if (command != NULL)
    {
      g_printerr ("salescrm %s: %s\n", command, message);
      g_printerr (_("Run “salescrm %s --help” to see its options.\n"), command);
    }
  else
    {
      g_printerr ("salescrm: %s\n", message);
      g_printerr (_("Run “salescrm --help” to see the options and commands.\n"));
    }
  return CRM_EXIT_USAGE;
}

/* GOptionContext for one subcommand: --help prints and exits 0, a bad
 * option is a usage error (2). */
gboolean
crm_cli_parse_options (const char          *command,
                       const char          *parameter_string,
                       const char          *summary,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv,
                       int                 *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *params = g_strdup_printf ("%s %s", command, parameter_string ? parameter_string : "");

  context = g_option_context_new (params);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, FALSE);

  /* GOptionContext prints --help itself and exits 0. */
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = crm_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}
