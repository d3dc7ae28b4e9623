/* crm-cli-demo.c — "salescrm demo": realistic sample data
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "crm-cli.h"
#include "crm-demo.h"
#include "crm-locale.h"

typedef struct {
  gboolean    tty;
  const char *last_stage;
  int         last_percent;
} Progress;

static void
progress_cb (double fraction, const char *stage, gpointer user_data)
{
  Progress *p = user_data;
  int percent = (int) (fraction * 100.0);

  if (p->tty)
    {
      if (percent != p->last_percent || stage != p->last_stage)
        g_printerr ("\r\033[K%3d%%  %s", percent, stage);
    }
  else if (stage != p->last_stage)
    g_printerr ("%3d%%  %s\n", percent, stage);
  p->last_stage = stage;
  p->last_percent = percent;
}

int
crm_cli_demo (CrmCliContext *ctx, int argc, char **argv)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CrmDemoOptions options;
  Progress progress = { isatty (2), NULL, -1 };
  int clients = 2000, activities = 0, seed = 1;
  int status;
  gint64 start;
  const GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, N_("How many clients to make (default 2000; the scale set has 100000)"), N_("N") },
    { "activities", 0, 0, G_OPTION_ARG_INT, &activities, N_("How many calls, meetings and tasks (default ten per client)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed: the same seed makes the same data"), N_("N") },
    { NULL }
  };

  if (!crm_cli_parse_options ("demo", "[--clients] [--activities] [--seed]",
                              _("Fills an empty database with realistic sample data in the language of the current locale: managers, clients, calls, meetings, deals with their history, payments, complaints and monthly targets, up to today and planned for the coming weeks."),
                              entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return crm_cli_usage_error ("demo", _("unexpected argument “%s”"), argv[1]);
  if (clients < 1 || clients > 10000000)
    return crm_cli_usage_error ("demo", _("--clients must be between 1 and 10000000"));
  if (activities < 0 || activities > 100000000)
    return crm_cli_usage_error ("demo", _("--activities must be between 0 and 100000000"));

  db = crm_cli_open_database (ctx, CRM_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    {
      crm_cli_print_error ("demo", error);
      return CRM_EXIT_FAILURE;
    }

  crm_demo_options_init (&options);
  options.n_clients = clients;
  options.n_activities = activities;
  options.seed = seed;
  start = g_get_monotonic_time ();
  if (!crm_demo_generate (db, &options, progress_cb, &progress, NULL, &error))
    {
      if (progress.tty)
        g_printerr ("\n");
      crm_cli_print_error ("demo", error);
      return CRM_EXIT_FAILURE;
    }
  if (progress.tty)
    g_printerr ("\n");
  {
    g_autofree char *seconds = crm_locale_format_decimal ((g_get_monotonic_time () - start) / 1e6, 1);
    /* Translators: "Demo data written to demo.db in 1.5 s." */
    g_print (_("Demo data written to %s in %s s.\n"), crm_database_get_path (db), seconds);
  }
  return CRM_EXIT_OK;
}
