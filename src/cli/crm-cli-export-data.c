/* crm-cli-export-data.c — "salescrm export": CSV, vCard, iCalendar and JSON
 *
 *   salescrm export --format csv [--what clients|activities|deals|payments]
 *                   [--bom] [--semicolon] --output FILE
 *   salescrm export --format vcf [--ids 1,2,…] --output FILE
 *   salescrm export --format ics [--manager M] [--period P] --output FILE
 *   salescrm export --format json --output FILE
 *
 * crm_cli_export() reads the options and hands them to the exporter of the
 * format (`exporters` below; another format joins with one line there).
 * The file is written beside its target and renamed into place once
 * complete: a failed export leaves no partial file, and an existing file is
 * replaced only by a whole new one.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-cli.h"
#include "crm-export-store.h"
#include "crm-ical.h"
#include "crm-locale.h"
#include "crm-manager-store.h"
#include "crm-period.h"

typedef int (*ExportFunc) (CrmCliContext *ctx, const CrmCliExportArgs *args);

static int export_csv   (CrmCliContext *ctx, const CrmCliExportArgs *args);
static int export_vcard (CrmCliContext *ctx, const CrmCliExportArgs *args);
static int export_json  (CrmCliContext *ctx, const CrmCliExportArgs *args);
static int export_ics   (CrmCliContext *ctx, const CrmCliExportArgs *args);

static const struct {
  const char *format;
  ExportFunc  run;
} exporters[] = {
  { "csv", export_csv },
  { "vcf", export_vcard },
  { "ics", export_ics },
  { "json", export_json },
};

/* Opens the database read-only and writes @options to args->output. */
static int
write_export (CrmCliContext *ctx, const CrmCliExportArgs *args, const CrmExportOptions *options)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CrmCliProgress progress;
  guint64 n_rows = 0;
  g_autofree char *count = NULL;
  const char *what = crm_export_what_to_string (options->what);
  gboolean ok;

  crm_cli_progress_init (&progress);
  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_READ_ONLY, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("export", error);
      return CRM_EXIT_FAILURE;
    }
  ok = crm_export_store_to_file (db, args->output, options, crm_cli_progress_cb, &progress, NULL, &n_rows, &error);
  crm_cli_progress_end (&progress);
  if (!ok)
    {
      crm_cli_print_error ("export", error);
      return CRM_EXIT_FAILURE;
    }
  /* Translators for the messages below: the first %s is the number, with
   * digit grouping ("20,000"), the second the file */
  count = crm_locale_format_integer ((gint64) n_rows);
  if (options->format == CRM_EXPORT_FORMAT_JSON)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the whole database (%s row) to %s.\n",
                          "Wrote the whole database (%s rows) to %s.\n", n_rows), count, args->output);
  else if (g_str_equal (what, "clients"))
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s client to %s.\n", "Wrote %s clients to %s.\n", n_rows),
             count, args->output);
  else if (g_str_equal (what, "activities"))
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s activity to %s.\n", "Wrote %s activities to %s.\n", n_rows),
             count, args->output);
  else if (g_str_equal (what, "deals"))
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s deal to %s.\n", "Wrote %s deals to %s.\n", n_rows),
             count, args->output);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s payment to %s.\n", "Wrote %s payments to %s.\n", n_rows),
             count, args->output);
  return CRM_EXIT_OK;
}

/* Options that only CSV takes, and those only iCalendar takes. */
static int
refuse_csv_options (const CrmCliExportArgs *args)
{
  if (args->bom || args->semicolon)
    return crm_cli_usage_error ("export", _("--bom and --semicolon apply to --format csv only"));
  return CRM_EXIT_OK;
}

static int
refuse_ics_options (const CrmCliExportArgs *args)
{
  if (args->manager != NULL || args->period != NULL)
    return crm_cli_usage_error ("export", _("--manager and --period apply to --format ics only"));
  return CRM_EXIT_OK;
}

/* iCalendar: the calendar (calls, meetings and tasks, with their series and
 * reminders), of one manager or everybody, in a period or all of it. */
static int
export_ics (CrmCliContext *ctx, const CrmCliExportArgs *args)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = G_MININT64 / 2, to = G_MAXINT64 / 2, manager_id = 0;
  int status = refuse_csv_options (args);
  g_autofree char *count = NULL;
  guint n = 0;

  if (status != CRM_EXIT_OK)
    return status;
  if (args->what != NULL || args->ids != NULL)
    return crm_cli_usage_error ("export", _("--format ics writes the calendar: leave out --what and --ids"));
  if (args->period != NULL)
    {
      period = crm_period_parse (args->period, &error);
      if (period == NULL)
        return crm_cli_usage_error ("export", "%s", error->message);
      from = crm_period_get_start_unix (period, NULL);
      to = crm_period_get_end_unix (period, NULL);
    }
  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_READ_ONLY | CRM_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("export", error);
      return CRM_EXIT_FAILURE;
    }
  if (args->manager != NULL && !crm_cli_find_manager (db, "export", args->manager, &manager_id))
    return CRM_EXIT_FAILURE;
  if (!crm_ical_export_ics (db, args->output, manager_id, from, to, &n, &error))
    {
      crm_cli_print_error ("export", error);
      return CRM_EXIT_FAILURE;
    }
  count = crm_locale_format_integer (n);
  /* Translators: the first %s is the number, with digit grouping ("20,000") */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %s activity to %s.\n", "Exported %s activities to %s.\n", n),
           count, args->output);
  return CRM_EXIT_OK;
}

static int
export_csv (CrmCliContext *ctx, const CrmCliExportArgs *args)
{
  CrmExportOptions options = { CRM_EXPORT_FORMAT_CSV, CRM_EXPORT_CLIENTS, args->bom,
                               args->semicolon ? ';' : ',', NULL, 0 };

  if (args->what != NULL && !crm_export_what_from_string (args->what, &options.what))
    return crm_cli_usage_error ("export", _("--what takes clients, activities, deals or payments, not “%s”"),
                                args->what);
  if (args->ids != NULL)
    return crm_cli_usage_error ("export", _("--ids applies to --format vcf only"));
  if (refuse_ics_options (args) != CRM_EXIT_OK)
    return CRM_EXIT_USAGE;
  return write_export (ctx, args, &options);
}

static int
export_vcard (CrmCliContext *ctx, const CrmCliExportArgs *args)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrmExportOptions options = { CRM_EXPORT_FORMAT_VCARD, CRM_EXPORT_CLIENTS, FALSE, ',', NULL, 0 };
  int status = refuse_csv_options (args);

  if (status == CRM_EXIT_OK)
    status = refuse_ics_options (args);

  if (status != CRM_EXIT_OK)
    return status;
  if (args->what != NULL && g_strcmp0 (args->what, "clients") != 0)
    return crm_cli_usage_error ("export", _("vCard holds clients only: leave out --what, or export "
                                            "%s to CSV"), args->what);
  if (args->ids != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (args->ids, ",", -1);

      for (gsize i = 0; parts[i] != NULL; i++)
        {
          gint64 id;

          if (!g_ascii_string_to_signed (g_strstrip (parts[i]), 10, 1, G_MAXINT64, &id, NULL))
            return crm_cli_usage_error ("export", _("--ids takes client numbers separated by commas, "
                                                    "as in --ids 12,15,40; “%s” is not one"), parts[i]);
          g_array_append_val (ids, id);
        }
      options.ids = (const gint64 *) ids->data;
      options.n_ids = ids->len;
    }
  return write_export (ctx, args, &options);
}

static int
export_json (CrmCliContext *ctx, const CrmCliExportArgs *args)
{
  CrmExportOptions options = { CRM_EXPORT_FORMAT_JSON, CRM_EXPORT_CLIENTS, FALSE, ',', NULL, 0 };
  int status = refuse_csv_options (args);

  if (status == CRM_EXIT_OK)
    status = refuse_ics_options (args);

  if (status != CRM_EXIT_OK)
    return status;
  if (args->what != NULL || args->ids != NULL)
    return crm_cli_usage_error ("export", _("--format json writes the whole database: leave out --what and --ids"));
  return write_export (ctx, args, &options);
}

static char *
format_list (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (exporters); i++)
    g_ptr_array_add (names, (gpointer) exporters[i].format);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

int
crm_cli_export (CrmCliContext *ctx, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *what = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *manager = NULL;
  g_autofree char *period = NULL;
  g_autofree char *formats = format_list ();
  gboolean bom = FALSE, semicolon = FALSE;
  CrmCliExportArgs args = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (a table for spreadsheets), vcf (clients as vCard 4.0), ics (the calendar as iCalendar) or json (the whole database)"), "csv|vcf|ics|json" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("CSV: clients (default), activities, deals or payments"), N_("TABLE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("CSV: begin with a byte-order mark, so that Excel reads UTF-8"), NULL },
    { "semicolon", 0, 0, G_OPTION_ARG_NONE, &semicolon, N_("CSV: separate the values with “;”, as Excel expects where the decimal mark is a comma"), NULL },
    { "ids", 0, 0, G_OPTION_ARG_STRING, &ids, N_("vCard: only the clients with these numbers"), N_("ID,…") },
    { "manager", 0, 0, G_OPTION_ARG_STRING, &manager, N_("iCalendar: only this manager's activities (a name, part of it, or the number)"), N_("MANAGER") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("iCalendar: only this period: a month 2026-11, a quarter 2026-Q4, a year 2026 or days 2026-11-01..2026-11-15"), N_("PERIOD") },
    { NULL }
  };

  if (!crm_cli_parse_options ("export", "--format --output",
                              _("Writes clients, activities, deals or payments to a CSV file (UTF-8; "
                                "values that a spreadsheet would run as formulas are neutralised), "
                                "clients to vCard 4.0, the calendar to an iCalendar file that "
                                "Thunderbird, Evolution, Google Calendar and Outlook read, or the whole "
                                "database to a JSON file that imports back into an empty database."),
                              entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return crm_cli_usage_error ("export", _("unexpected argument “%s”"), argv[1]);
  if (format == NULL)
    return crm_cli_usage_error ("export", _("say which format to write with --format (%s)"), formats);
  if (output == NULL || *output == '\0')
    return crm_cli_usage_error ("export", _("name the file to write with --output, as in --output clients.csv"));

  args.format = format;
  args.output = output;
  args.what = what;
  args.bom = bom;
  args.semicolon = semicolon;
  args.ids = ids;
  args.manager = manager;
  args.period = period;
  for (gsize i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (g_ascii_strcasecmp (format, exporters[i].format) == 0)
      return exporters[i].run (ctx, &args);
  return crm_cli_usage_error ("export", _("unknown format “%s”: the formats are %s"), format, formats);
}
