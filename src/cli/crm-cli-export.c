/* crm-cli-export.c — "salescrm export": the database into a file
 *
 * One function per format in the table below; each gets the open
 * database, the output path and the common options (manager, period).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-cli.h"
#include "crm-ical.h"
#include "crm-manager-store.h"
#include "crm-period.h"

typedef struct {
  CrmDatabase *db;
  const char  *output;
  gint64       manager_id;      /* 0: everybody */
  CrmPeriod   *period;          /* NULL: everything */
} ExportJob;

typedef gboolean (*ExportFunc) (ExportJob *job, GError **error);

/* iCalendar: the activities (calls, meetings, tasks) with their series. */
static gboolean
export_ics (ExportJob *job, GError **error)
{
  gint64 from = G_MININT64 / 2, to = G_MAXINT64 / 2;
  guint n = 0;

  if (job->period != NULL)
    {
      from = crm_period_get_start_unix (job->period, NULL);
      to = crm_period_get_end_unix (job->period, NULL);
    }
  if (!crm_ical_export_ics (job->db, job->output, job->manager_id, from, to, &n, error))
    return FALSE;
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u activity to %s.\n", "Exported %u activities to %s.\n", n),
           n, job->output);
  return TRUE;
}

static const struct {
  const char *name;
  ExportFunc  run;
} formats[] = {
  { "ics", export_ics },
};

static ExportFunc
find_format (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      return formats[i].run;
  return NULL;
}

static char *
format_list (void)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", formats[i].name);
  return g_string_free (s, FALSE);
}

int
crm_cli_export (CrmCliContext *ctx, int argc, char **argv)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *manager_text = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *formats_text = format_list ();
  ExportJob job = { 0 };
  ExportFunc run;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("The file format: ics (iCalendar, the calendar)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (replaced if it exists)"), "FILE" },
    { "manager", 0, 0, G_OPTION_ARG_STRING, &manager_text, N_("Only this manager (a name, part of it, or the number)"), "M" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Only this period: a month 2026-11, a quarter 2026-Q4, a year 2026 or days 2026-11-01..2026-11-15"), "P" },
    { NULL }
  };

  if (!crm_cli_parse_options ("export", "",
                              _("Writes the calendar (calls, meetings and tasks, with repeating ones and reminders) to an iCalendar file that Thunderbird, Evolution, Google Calendar and Outlook read."),
                              entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return crm_cli_usage_error ("export", _("unexpected argument “%s”"), argv[1]);
  if (format == NULL)
    return crm_cli_usage_error ("export", _("say which format, as in: --format ics (formats: %s)"), formats_text);
  run = find_format (format);
  if (run == NULL)
    return crm_cli_usage_error ("export", _("“%s” is not a format this command writes; the formats are: %s"),
                                format, formats_text);
  if (output == NULL || *output == '\0')
    return crm_cli_usage_error ("export", _("say where to write, as in: --output calendar.ics"));
  if (period_text != NULL)
    {
      period = crm_period_parse (period_text, &error);
      if (period == NULL)
        return crm_cli_usage_error ("export", "%s", error->message);
    }

  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_READ_ONLY | CRM_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("export", error);
      return CRM_EXIT_FAILURE;
    }
  if (manager_text != NULL)
    {
      g_autoptr(CrmManager) manager = crm_manager_store_find (db, manager_text, &error);
      if (manager == NULL)
        {
          crm_cli_print_error ("export", error);
          return CRM_EXIT_FAILURE;
        }
      job.manager_id = manager->id;
    }

  job.db = db;
  job.output = output;
  job.period = period;
  if (!run (&job, &error))
    {
      crm_cli_print_error ("export", error);
      return CRM_EXIT_FAILURE;
    }
  return CRM_EXIT_OK;
}
