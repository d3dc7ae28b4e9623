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
#include <unistd.h>

#include "crm-cli.h"
#include "crm-cli-table.h"
#include "crm-manager-store.h"

static const CrmCliCommand commands[] = {
  { "backup", N_("Copy the database safely, even while the app is writing"), crm_cli_backup },
  { "check", N_("Check the database for damage; exit status 1 lists the problems"), crm_cli_check },
  { "demo", N_("Fill an empty database with realistic sample data"), crm_cli_demo },
  { "export", N_("Write clients, activities, deals or payments to CSV, clients to vCard, the calendar to iCalendar, or the whole database to JSON"), crm_cli_export },
  { "import", N_("Import clients from CSV or vCard, a calendar from iCalendar, or a whole database from a JSON export"), crm_cli_import },
  { "kpi", N_("Print the KPIs of a period for the team and each manager"), crm_cli_kpi },
  { "report", N_("Write a printed report (team KPIs, a manager card, funnel, profitability, 80/20) as a PDF"), crm_cli_report },
};

/* The help is wrapped to a terminal of this many columns. */
#define HELP_WIDTH 80

/* "  label   description", the descriptions of a section in one column. */
static void
append_help_row (GString *out, const char *label, guint label_width, const char *description)
{
  g_string_append (out, "  ");
  crm_cli_append_padded (out, label, label_width + 3, TRUE);
  crm_cli_append_wrapped (out, description, 2 + label_width + 3, 2 + label_width + 3, HELP_WIDTH);
}

/* Laid out like "git help": a column of names, a column of descriptions.
 * The synopsis of each command is in its own --help. */
static void
print_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *database = g_strdup_printf ("--database %s", _("FILE"));
  const char *options[][2] = {
    { "-h, --help", N_("Show this help and exit") },
    { "-V, --version", N_("Show the version and exit") },
    { database, N_("Use FILE as the database (default: $SALESCRM_DATABASE or ~/.local/share/salescrm/salescrm.db)") },
  };
  guint width = 0;

  /* Translators: the metavariables are translated on their own ("FILE",
   * "COMMAND", "OPTION"), the same everywhere in the help */
  g_string_append_printf (out, "%s\n  salescrm [--database %s] [%s [%s…]]\n\n",
                          _("Usage:"), _("FILE"), _("COMMAND"), _("OPTION"));
  crm_cli_append_wrapped (out, _("SalesCRM keeps your clients, plans calls and meetings, and measures your "
                                 "sales team. Without a command it opens the window."), 0, 0, HELP_WIDTH);
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "%s\n", _("Options:"));
  for (gsize i = 0; i < G_N_ELEMENTS (options); i++)
    width = MAX (width, crm_cli_text_width (options[i][0]));
  for (gsize i = 0; i < G_N_ELEMENTS (options); i++)
    append_help_row (out, options[i][0], width, _(options[i][1]));

  g_string_append_printf (out, "\n%s\n", _("Commands:"));
  width = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, crm_cli_text_width (commands[i].name));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    append_help_row (out, commands[i].name, width, _(commands[i].summary));

  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Run “salescrm %s --help” for the options of a command.\n"), _("COMMAND"));
  g_print ("%s", out->str);
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
          *exit_status = crm_cli_usage_error (NULL, _("“%s” is not a command; the commands are: %s"),
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
  return crm_cli_usage_error (NULL, _("“%s” is not a command; the commands are: %s"),
                              argv[0], command_list ());
}

void
crm_cli_context_clear (CrmCliContext *ctx)
{
  g_clear_pointer (&ctx->database_path, g_free);
}

/* An older file is upgraded when a command opens it: on a terminal, what
 * happens and how far it is go to stderr (the copy, then the tables); a
 * script or a cron job sees nothing. */
typedef struct {
  gboolean tty;
  gboolean announced;
  gint64   start;
} UpgradeProgress;

static void
upgrade_progress_cb (const CrmDatabaseUpgrade *upgrade, gpointer user_data)
{
  UpgradeProgress *p = user_data;

  if (!p->tty)
    return;
  if (!p->announced)
    {
      g_autofree char *backup = g_filename_display_name (upgrade->backup_path);

      /* Translators: "… to data format 4… (a copy of the old one is kept in crm.db.v3-20260101-120000.bak)" */
      g_printerr (_("Upgrading the database to data format %d… (a copy of the old one is kept in %s)\n"),
                  upgrade->to_version, backup);
      p->announced = TRUE;
      p->start = g_get_monotonic_time ();
    }
  if (upgrade->step == CRM_DATABASE_UPGRADE_BACKUP)
    g_printerr ("\r\033[K%3d%%  %s", (int) (upgrade->fraction * 100.0), _("copying the old file"));
  else
    {
      int seconds = (int) ((g_get_monotonic_time () - p->start) / G_USEC_PER_SEC);

      g_printerr ("\r\033[K");
      /* Translators: shown while the upgrade runs, with the seconds it has taken so far */
      g_printerr (_("upgrading the tables, %d s"), seconds);
    }
}

CrmDatabase *
crm_cli_open_database (CrmCliContext *ctx, CrmDatabaseFlags flags, GError **error)
{
  UpgradeProgress progress = { isatty (2), FALSE, 0 };
  CrmDatabase *db = crm_database_new_upgrading (ctx->database_path, flags, upgrade_progress_cb, &progress,
                                                NULL, error);

  if (progress.announced)
    g_printerr ("\r\033[K");
  return db;
}

static void G_GNUC_PRINTF (2, 0)
print_error_valist (const char *command, const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (command != NULL)
    g_printerr ("salescrm %s: %s\n", command, message);
  else
    g_printerr ("salescrm: %s\n", message);
}

void
crm_cli_error (const char *command, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  print_error_valist (command, format, args);
  va_end (args);
}

/* A problem of an imported file goes on after "file:12: warning: ", so it
 * starts in lower case, in the GNU style: its first letter is lowered,
 * unless the first word is a name or an abbreviation with more capitals
 * ("SalesCRM", "CSV", "vCard"). */
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
  crm_cli_error (command, "%s", error->message);
}

int
crm_cli_usage_error (const char *command, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  print_error_valist (command, format, args);
  va_end (args);
  if (command != NULL)
    g_printerr (_("Run “salescrm %s --help” to see its options.\n"), command);
  else
    g_printerr (_("Run “salescrm --help” to see the options and commands.\n"));
  return CRM_EXIT_USAGE;
}

/* The usage line of a command: @synopsis with the metavariable of each
 * option it names, as the option list shows it ("--period" becomes
 * "--period PERIOD", "[--manager]" "[--manager MANAGER]"); a word of its
 * own ("FILE") is a translated metavariable. */
static char *
expand_synopsis (const char *synopsis, const GOptionEntry *entries)
{
  g_auto(GStrv) words = g_strsplit (synopsis, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gboolean optional = word[0] == '[' && g_str_has_suffix (word, "]");
      g_autofree char *name = optional ? g_strndup (word + 1, strlen (word) - 2) : g_strdup (word);
      const char *metavariable = NULL;

      if (*word == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (!g_str_has_prefix (name, "-"))
        {
          g_string_append (out, g_dgettext (GETTEXT_PACKAGE, word));
          continue;
        }
      for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
        if (g_str_equal (name + 2, e->long_name) && e->arg != G_OPTION_ARG_NONE && e->arg_description != NULL)
          metavariable = g_dgettext (GETTEXT_PACKAGE, e->arg_description);
      g_string_append_printf (out, "%s%s%s%s%s", optional ? "[" : "", name,
                              metavariable != NULL ? " " : "", metavariable != NULL ? metavariable : "",
                              optional ? "]" : "");
    }
  return g_string_free (out, FALSE);
}

/* GOptionContext for one subcommand: --help prints "Usage: salescrm
 * COMMAND [OPTION…] SYNOPSIS" and the options, and exits 0; a bad option
 * is a usage error (2). */
gboolean
crm_cli_parse_options (const char          *command,
                       const char          *synopsis,
                       const char          *summary,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv,
                       int                 *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = expand_synopsis (synopsis != NULL ? synopsis : "", entries);
  g_autofree char *prgname = g_strdup_printf ("salescrm %s", command);
  g_autoptr(GString) wrapped = g_string_new (NULL);

  /* GOptionContext names the program by g_get_prgname(). */
  g_set_prgname (prgname);
  context = g_option_context_new (usage);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* GOptionContext prints the summary as it is: wrapped here. */
  crm_cli_append_wrapped (wrapped, summary, 0, 0, HELP_WIDTH);
  g_string_truncate (wrapped, wrapped->len - 1);
  g_option_context_set_summary (context, wrapped->str);
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

/* The manager a command line names (crm_manager_store_match), or FALSE
 * after saying why there is none or which ones were meant. */
gboolean
crm_cli_find_manager (CrmDatabase *db, const char *command, const char *name_or_id, gint64 *manager_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = crm_manager_store_match (db, name_or_id, &error);

  if (found == NULL)
    {
      crm_cli_print_error (command, error);
      return FALSE;
    }
  if (found->len == 1)
    {
      *manager_id = ((CrmManager *) found->pdata[0])->id;
      return TRUE;
    }
  if (found->len > 1)
    {
      g_autofree char *names = crm_manager_store_join_names (found, 5);
      crm_cli_error (command, g_dngettext (GETTEXT_PACKAGE,
                                           "“%s” matches %u manager: %s; give more of the name or the number",
                                           "“%s” matches %u managers: %s; give more of the name or the number",
                                           found->len),
                     name_or_id, found->len, names);
    }
  else if (*name_or_id == '\0')
    crm_cli_error (command, _("--manager needs a name, part of it, or the number of a manager"));
  else if (g_ascii_string_to_signed (name_or_id, 10, 1, G_MAXINT64, NULL, NULL))
    crm_cli_error (command, _("there is no manager no. %s"), name_or_id);
  else
    crm_cli_error (command, _("there is no manager called “%s”"), name_or_id);
  return FALSE;
}
