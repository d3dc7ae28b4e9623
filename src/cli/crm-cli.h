/* crm-cli.h — the command line: global options and subcommands, no GTK
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-database.h"

G_BEGIN_DECLS

/* Exit statuses of every subcommand. */
#define CRM_EXIT_OK      0
#define CRM_EXIT_FAILURE 1   /* the work failed: a file, the database, the data */
#define CRM_EXIT_USAGE   2   /* the command line was wrong */

typedef struct {
  char *database_path;       /* --database, or NULL for $SALESCRM_DATABASE / the default */
} CrmCliContext;

typedef struct {
  const char *name;
  const char *summary;       /* translatable, marked with N_() */
  int       (*run) (CrmCliContext *ctx, int argc, char **argv);
} CrmCliCommand;

/* Parses the global options. Returns TRUE and sets *command_index to the
 * index of the subcommand in @argv (0 when there is none: run the window);
 * FALSE with *exit_status set when the process should exit now. */
gboolean     crm_cli_parse_global (int            argc,
                                   char         **argv,
                                   CrmCliContext *ctx,
                                   int           *command_index,
                                   int           *exit_status);
int          crm_cli_run_command  (CrmCliContext *ctx,
                                   int            argc,
                                   char         **argv);
void         crm_cli_context_clear (CrmCliContext *ctx);

CrmDatabase *crm_cli_open_database (CrmCliContext   *ctx,
                                    CrmDatabaseFlags flags,
                                    GError         **error);
/* "salescrm COMMAND: message" on stderr. The CLI's own messages are in
 * lower case with no full stop, GNU style; an error from the store or a
 * file keeps its sentences, like strerror() text. */
char        *crm_cli_clause        (const char      *message);
void         crm_cli_print_error   (const char      *command,
                                    const GError    *error);
void         crm_cli_error         (const char      *command,
                                    const char      *format,
                                    ...) G_GNUC_PRINTF (2, 3);
int          crm_cli_usage_error   (const char      *command,
                                    const char      *format,
                                    ...) G_GNUC_PRINTF (2, 3);
/* @synopsis: what follows "salescrm COMMAND [OPTION…]" in the usage
 * line, untranslated: option names ("--period [--manager]") get the
 * metavariables of @entries, other words ("FILE") are translated. */
gboolean     crm_cli_parse_options (const char      *command,
                                    const char      *synopsis,
                                    const char      *summary,
                                    const GOptionEntry *entries,
                                    int             *argc,
                                    char          ***argv,
                                    int             *exit_status);

gboolean     crm_cli_find_manager  (CrmDatabase     *db,
                                    const char      *command,
                                    const char      *name_or_id,
                                    gint64          *manager_id);

/* What "salescrm import" was asked, for the importer of each kind of file. */
typedef struct {
  const char *path;
  const char *map;              /* --map, or NULL */
  const char *preset;           /* --preset, or NULL */
  int         duplicates;       /* --duplicates, a CrmDuplicatePolicy (default skip) */
  gboolean    duplicates_given;
  gboolean    dry_run;
} CrmCliImportArgs;

/* What "salescrm export" was asked, for the exporter of each format. */
typedef struct {
  const char *format;           /* --format */
  const char *output;           /* --output */
  const char *what;             /* --what, or NULL */
  gboolean    bom;              /* --bom */
  gboolean    semicolon;        /* --semicolon */
  const char *ids;              /* --ids, or NULL */
  const char *manager;          /* --manager (iCalendar), or NULL */
  const char *period;           /* --period (iCalendar), or NULL */
} CrmCliExportArgs;

/* The percentage of long work on stderr, when it is a terminal. */
typedef struct {
  gboolean tty;
  int      last_percent;
} CrmCliProgress;

void crm_cli_progress_init (CrmCliProgress *progress);
void crm_cli_progress_cb   (double          fraction,
                            gpointer        progress);
void crm_cli_progress_end  (CrmCliProgress *progress);

/* The subcommands, each in its own file. */
int crm_cli_backup (CrmCliContext *ctx, int argc, char **argv);
int crm_cli_check  (CrmCliContext *ctx, int argc, char **argv);
int crm_cli_demo   (CrmCliContext *ctx, int argc, char **argv);
int crm_cli_export (CrmCliContext *ctx, int argc, char **argv);
int crm_cli_kpi    (CrmCliContext *ctx, int argc, char **argv);
int crm_cli_report (CrmCliContext *ctx, int argc, char **argv);
int crm_cli_import (CrmCliContext *ctx, int argc, char **argv);

G_END_DECLS
