/* crm-cli-import.c — "salescrm import FILE": clients from CSV or vCard,
 * activities from iCalendar, a whole database from a JSON export
 *
 * The kind of file is taken from its extension and dispatched through
 * `importers` below.
 * Everything is imported in one transaction: on a fatal error nothing is.
 * The summary goes to stdout, every problem to stderr as
 * "file:line:column: kind: what to do" (the column left out when it does
 * not apply), and the progress to stderr when it is a terminal.
 *
 * Exit status: 0 when every record was imported (or, as asked, skipped as
 * a duplicate), 1 when records were rejected or the import failed, 2 for a
 * wrong command line.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "crm-cli.h"
#include "crm-ical.h"
#include "crm-import-file.h"
#include "crm-locale.h"

typedef int (*ImportFunc) (CrmCliContext *ctx, const CrmCliImportArgs *args);

static int import_clients  (CrmCliContext *ctx, const CrmCliImportArgs *args);
static int import_database (CrmCliContext *ctx, const CrmCliImportArgs *args);
static int import_calendar (CrmCliContext *ctx, const CrmCliImportArgs *args);

static const struct {
  CrmImportFormat format;
  ImportFunc      run;
} importers[] = {
  { CRM_IMPORT_FORMAT_CSV, import_clients },
  { CRM_IMPORT_FORMAT_VCARD, import_clients },
  { CRM_IMPORT_FORMAT_JSON, import_database },
  { CRM_IMPORT_FORMAT_ICALENDAR, import_calendar },
};

/* ---- progress (shared with the exports) ----------------------------- */

void
crm_cli_progress_init (CrmCliProgress *progress)
{
  progress->tty = isatty (2);
  progress->last_percent = -1;
}

/* A CrmImportProgress / CrmExportProgress: the percentage on stderr when
 * it is a terminal. */
void
crm_cli_progress_cb (double fraction, gpointer user_data)
{
  CrmCliProgress *p = user_data;
  int percent = (int) (fraction * 100.0);

  if (p->tty && percent != p->last_percent)
    g_printerr ("\r\033[K%3d%%", percent);
  p->last_percent = percent;
}

void
crm_cli_progress_end (CrmCliProgress *progress)
{
  if (progress->tty && progress->last_percent >= 0)
    g_printerr ("\r\033[K");
}

/* ---- clients ------------------------------------------------------------ */

static const char *
severity_label (CrmImportSeverity severity)
{
  switch (severity)
    {
    case CRM_IMPORT_PROBLEM_ERROR:
      /* Translators: in "clients.csv:12:3: error: …", a row that was not imported */
      return C_("import problem", "error");
    case CRM_IMPORT_PROBLEM_WARNING:
      /* Translators: in "clients.csv:12:3: warning: …", a value that was not imported */
      return C_("import problem", "warning");
    case CRM_IMPORT_PROBLEM_DUPLICATE:
    default:
      /* Translators: in "clients.csv:12: duplicate: …", a row skipped as a duplicate */
      return C_("import problem", "duplicate");
    }
}

static void
print_problem (const CrmImportProblem *p)
{
  g_autoptr(GString) where = g_string_new (p->file != NULL ? p->file : "");
  g_autofree char *message = crm_cli_clause (p->message);

  if (p->line > 0)
    g_string_append_printf (where, ":%u", p->line);
  if (p->line > 0 && p->column > 0)
    g_string_append_printf (where, ":%u", p->column);
  g_printerr ("%s: %s: %s\n", where->str, severity_label (p->severity), message);
}

static void
print_summary (const CrmImportResult *r)
{
  const CrmImportCounts *c = &r->counts;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *created = crm_locale_format_integer (c->created);
  g_autofree char *updated = crm_locale_format_integer (c->updated);
  g_autofree char *duplicates = crm_locale_format_integer (c->duplicates);
  g_autofree char *rejected = crm_locale_format_integer (c->rejected);
  g_autofree char *warnings = crm_locale_format_integer (c->warnings);

  /* Translators for the counts below: %s is the number, with digit
   * grouping ("20,000") */
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s client created",
                                                        "%s clients created", c->created), created));
  if (c->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s updated", "%s updated",
                                                          c->updated), updated));
  if (c->duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s skipped as a duplicate",
                                                          "%s skipped as duplicates", c->duplicates),
                                             duplicates));
  if (c->rejected > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record rejected",
                                                          "%s records rejected", c->rejected),
                                             rejected));
  if (c->warnings > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s warning",
                                                          "%s warnings", c->warnings), warnings));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);

  if (r->dry_run)
    /* Translators: "clients.csv (dry run, nothing was written): 12 clients created, 1 updated." */
    g_print (_("%s (dry run, nothing was written): %s.\n"), r->file, joined);
  else
    g_print ("%s: %s.\n", r->file, joined);
  if (r->preset_name != NULL)
    g_print (_("Read as: %s.\n"), r->preset_name);
}

/* Opens the database and imports; NULL, after saying why, when nothing
 * was imported. */
static CrmImportResult *
run_import (CrmCliContext *ctx, const CrmCliImportArgs *args, CrmImportFormat format)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CrmImportResult *result = NULL;
  CrmImportOptions options;
  CrmCliProgress progress;

  crm_cli_progress_init (&progress);
  crm_import_options_init (&options);
  options.duplicates = (CrmDuplicatePolicy) args->duplicates;
  options.map = args->map;
  options.preset = args->preset;
  options.dry_run = args->dry_run;
  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_NONE, &error);
  if (db != NULL)
    result = crm_import_file (db, args->path, format, &options, crm_cli_progress_cb, &progress, NULL, &error);
  crm_cli_progress_end (&progress);
  if (result == NULL)
    {
      crm_cli_print_error ("import", error);
      if (db != NULL)
        g_printerr (_("Nothing was imported: the database is as it was.\n"));
    }
  return result;
}

static int
import_clients (CrmCliContext *ctx, const CrmCliImportArgs *args)
{
  g_autoptr(CrmImportResult) result = run_import (ctx, args, CRM_IMPORT_FORMAT_UNKNOWN);

  if (result == NULL)
    return CRM_EXIT_FAILURE;
  for (guint i = 0; i < result->problems->len; i++)
    print_problem (result->problems->pdata[i]);
  print_summary (result);
  return result->counts.rejected > 0 ? CRM_EXIT_FAILURE : CRM_EXIT_OK;
}

/* ---- a whole database --------------------------------------------------- */

static int
import_database (CrmCliContext *ctx, const CrmCliImportArgs *args)
{
  g_autoptr(CrmImportResult) result = NULL;
  g_autofree char *counts = NULL;
  const CrmRestoreCounts *c;

  if (args->map != NULL || args->preset != NULL || args->duplicates_given)
    return crm_cli_usage_error ("import", _("--map, --preset and --duplicates apply to CSV and vCard "
                                            "files, not to a database export (.json)"));
  result = run_import (ctx, args, CRM_IMPORT_FORMAT_JSON);
  if (result == NULL)
    return CRM_EXIT_FAILURE;
  c = &result->restored;
  {
    const guint64 numbers[] = { c->managers, c->clients, c->activities, c->deals, c->payments,
                                c->complaints, c->targets, c->rows };
    char *n[G_N_ELEMENTS (numbers)] = { NULL };

    for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
      n[i] = crm_locale_format_integer ((gint64) numbers[i]);
    /* Translators: each %s is a number, with digit grouping ("2,000") */
    counts = g_strdup_printf (_("%s managers, %s clients, %s activities, %s deals, %s payments, "
                                "%s complaints, %s monthly targets; %s rows in all"),
                              n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
      g_free (n[i]);
  }
  if (args->dry_run)
    g_print (_("%s (dry run, nothing was written): %s.\n"), result->file, counts);
  else
    /* Translators: "backup.json: restored 20 managers, 2000 clients, …" */
    g_print (_("%s: restored %s.\n"), result->file, counts);
  return CRM_EXIT_OK;
}

/* ---- a calendar --------------------------------------------------------- */

/* Events and tasks become activities; a UID seen before updates its
 * activity. One transaction: a dry run rolls it back. */
static int
import_calendar (CrmCliContext *ctx, const CrmCliImportArgs *args)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmIcalReport) report = crm_ical_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (args->path);
  gboolean ok;

  if (args->map != NULL || args->preset != NULL || args->duplicates_given)
    return crm_cli_usage_error ("import", _("--map, --preset and --duplicates apply to CSV and vCard "
                                            "files, not to a calendar (.ics)"));
  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("import", error);
      return CRM_EXIT_FAILURE;
    }
  if (args->dry_run && !crm_database_begin (db, &error))
    {
      crm_cli_print_error ("import", error);
      return CRM_EXIT_FAILURE;
    }
  ok = crm_ical_import_ics (db, args->path, report, &error);
  if (args->dry_run)
    crm_database_rollback (db);
  for (guint i = 0; i < report->problems->len; i++)
    print_problem (report->problems->pdata[i]);
  if (!ok)
    {
      crm_cli_print_error ("import", error);
      g_printerr (_("Nothing was imported: the database is as it was.\n"));
      return CRM_EXIT_FAILURE;
    }
  {
    /* The first line of the report is the counts ("3 new activities, 1 updated."). */
    g_autofree char *summary = crm_ical_report_format (report);
    g_autofree char *counts = g_strndup (summary, strcspn (summary, "\n"));

    if (g_str_has_suffix (counts, "."))
      counts[strlen (counts) - 1] = '\0';
    if (args->dry_run)
      g_print (_("%s (dry run, nothing was written): %s.\n"), name, counts);
    else
      g_print ("%s: %s.\n", name, counts);
  }
  return report->skipped > 0 ? CRM_EXIT_FAILURE : CRM_EXIT_OK;
}

/* ---- the command -------------------------------------------------------- */

/* The column map's own mistakes (syntax, field names), told apart from a
 * column the file lacks: checked against a header made of the very
 * columns it names. */
static gboolean
check_map_syntax (const char *spec, GError **error)
{
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrmImportMap) map = NULL;

  for (gsize i = 0; items[i] != NULL; i++)
    {
      const char *eq = strrchr (items[i], '=');
      g_ptr_array_add (header, eq != NULL ? g_strstrip (g_strndup (items[i], (gsize) (eq - items[i])))
                                          : g_strdup (""));
    }
  map = crm_import_map_new_auto ((const char * const *) header->pdata, header->len);
  return crm_import_map_apply_spec (map, spec, error);
}

static const char *
formats_text (void)
{
  return _("CSV (.csv, .txt), vCard (.vcf), iCalendar (.ics) or a SalesCRM database export (.json)");
}

int
crm_cli_import (CrmCliContext *ctx, int argc, char **argv)
{
  g_autofree char *map = NULL;
  g_autofree char *preset = NULL;
  g_autofree char *duplicates = NULL;
  gboolean dry_run = FALSE;
  CrmCliImportArgs args = { 0 };
  CrmDuplicatePolicy policy = CRM_DUPLICATES_SKIP;
  CrmImportFormat format;
  int status;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING, &map, N_("Which column is which field, as in “Client=name,Tel=phone,3=email” (the others as the preset says)"), N_("COLUMN=FIELD,…") },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &duplicates, N_("A client already there (same e-mail or phone): skip it, update it, or import it as new (default: skip)"), "skip|update|new" },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, N_("Read the columns as this program writes them: salescrm, google, outlook, thunderbird, bitrix24, amocrm, salesforce, hubspot (default: recognised from the header)"), N_("NAME") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Read and check everything, report, and write nothing"), NULL },
    { NULL }
  };

  if (!crm_cli_parse_options ("import", "FILE",
                              _("Imports clients from a CSV or vCard file, calls, meetings and tasks "
                                "from an iCalendar file (an event imported again is updated, not "
                                "doubled), or a whole database from a SalesCRM JSON export into an "
                                "empty database. Duplicate clients are found by e-mail or phone; "
                                "everything goes in one transaction, and every row that was not "
                                "imported is listed with its line and why."),
                              entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return crm_cli_usage_error ("import", _("name the file to import, as in: salescrm import clients.csv"));
  if (argc > 2)
    return crm_cli_usage_error ("import", _("unexpected argument “%s”"), argv[2]);
  if (duplicates != NULL && !crm_duplicate_policy_from_string (duplicates, &policy))
    return crm_cli_usage_error ("import", _("--duplicates takes skip, update or new, not “%s”"), duplicates);
  if (preset != NULL && crm_import_preset_get_name (preset) == NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) crm_import_preset_ids ());
      return crm_cli_usage_error ("import", _("there is no preset “%s”; the presets are: %s"), preset, ids);
    }
  if (map != NULL)
    {
      g_autoptr(GError) error = NULL;
      if (!check_map_syntax (map, &error))
        return crm_cli_usage_error ("import", "%s", error->message);
    }

  args.path = argv[1];
  args.map = map;
  args.preset = preset;
  args.duplicates = (int) policy;
  args.duplicates_given = duplicates != NULL;
  args.dry_run = dry_run;

  format = crm_import_format_for_path (args.path);
  for (gsize i = 0; i < G_N_ELEMENTS (importers); i++)
    if (importers[i].format == format)
      {
        if (!g_file_test (args.path, G_FILE_TEST_EXISTS))
          {
            crm_cli_error ("import", _("there is no file “%s”"), args.path);
            return CRM_EXIT_FAILURE;
          }
        return importers[i].run (ctx, &args);
      }
  return crm_cli_usage_error ("import", _("“%s” cannot be imported: import %s"), args.path, formats_text ());
}
