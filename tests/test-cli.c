/* test-cli.c — the command line, run as a person or a cron job would
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-cli-table.h"
#include "crm-manager-store.h"
#include "crm-test-util.h"

/* test-cli-terminal.c: the command line on a terminal. */
void test_cli_add_terminal_tests (void);

/* No display for any of these: subcommands never initialise GTK. */
static const char *no_display[] = { "DISPLAY=", "WAYLAND_DISPLAY=", NULL };
static const char *russian[] = { "DISPLAY=", "WAYLAND_DISPLAY=", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
static const char *commands[] = { "backup", "check", "demo", "export", "import", "kpi", "report" };

/* Terminal columns, counted here on their own: a wide (CJK) character
 * takes two, a combining mark none, anything else one. */
static guint
columns (const char *text, gssize bytes)
{
  const char *end = bytes < 0 ? text + strlen (text) : text + bytes;
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      n += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return n;
}

/* The column where the text of @line starts after @skip columns. */
static guint
text_column (const char *line, guint skip)
{
  const char *p = line;
  guint col = 0;

  while (*p != '\0' && (col < skip || *p == ' '))
    {
      col += columns (p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return col;
}

/* The lines of @text between the line @first and the next empty line. */
static GStrv
section (const char *text, const char *first)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  gboolean in = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (in && *lines[i] == '\0')
        break;
      if (in)
        g_strv_builder_add (out, lines[i]);
      if (g_str_equal (lines[i], first))
        in = TRUE;
    }
  g_assert_true (in);
  return g_strv_builder_end (out);
}

/* Whether @word occurs in @text as a word of its own (not inside "JSON"). */
static gboolean
has_word (const char *text, const char *word)
{
  gsize len = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if ((p == text || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[len]))
      return TRUE;
  return FALSE;
}

/* The second line of a --help: "  salescrm kpi [OPTION…] …". */
static char *
usage_line (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", 3);

  g_assert_nonnull (lines[0]);
  g_assert_nonnull (lines[1]);
  return g_strdup (g_strstrip (lines[1]));
}

static CrmDatabase *
new_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  CrmDatabase *db = crm_database_new (path, 0, NULL, &error);

  g_assert_no_error (error);
  return db;
}

static void
add_manager (CrmDatabase *db, const char *name)
{
  g_autoptr(CrmManager) m = crm_manager_new ();
  g_autoptr(GError) error = NULL;

  m->name = g_strdup (name);
  g_assert_true (crm_manager_store_create (db, m, &error));
  g_assert_no_error (error);
}

static void
test_help (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Usage:"));
  g_assert_nonnull (strstr (run->out, "--database FILE"));
  g_assert_nonnull (strstr (run->out, "check"));
  g_assert_nonnull (strstr (run->out, "\n  backup "));
  g_assert_nonnull (strstr (run->out, "Run “salescrm COMMAND --help”"));
}

static void
test_help_russian (void)
{
  const char *env[] = { "DISPLAY=", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
  g_autoptr(CrmTestRun) run = crm_test_run (env, "--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Использование:"));
}

/* Laid out like "git help": the names of the commands in one column, the
 * descriptions in the next, wrapped within 80 columns into that column; no
 * synopsis runs into them. In English and in Russian. */
static void
test_help_layout (void)
{
  for (guint lang = 0; lang < 2; lang++)
    {
      g_autoptr(CrmTestRun) run = crm_test_run (lang == 0 ? no_display : russian, "--help", NULL);
      g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);
      g_auto(GStrv) options = section (run->out, lang == 0 ? "Options:" : "Параметры:");
      g_auto(GStrv) cmds = section (run->out, lang == 0 ? "Commands:" : "Команды:");
      guint desc = 0;
      guint n_commands = 0;

      g_assert_cmpint (run->status, ==, 0);
      for (guint i = 0; lines[i] != NULL; i++)
        g_assert_cmpuint (columns (lines[i], -1), <=, 80);

      for (guint i = 0; cmds[i] != NULL; i++)
        {
          const char *line = cmds[i];

          if (g_str_has_prefix (line, "   "))
            {
              /* A description continued: in the same column. */
              g_assert_cmpuint (text_column (line, 0), ==, desc);
              continue;
            }
          g_assert_true (g_str_has_prefix (line, "  "));
          g_assert_cmpstr (line + 2, !=, "");
          {
            g_autofree char *name = g_strndup (line + 2, strcspn (line + 2, " "));
            guint col = text_column (line, 2 + (guint) strlen (name));

            g_assert_true (g_strv_contains (commands, name));
            g_assert_null (strstr (line, "--"));
            g_assert_cmpuint (col, >=, 2 + strlen (name) + 2);
            if (desc == 0)
              desc = col;
            g_assert_cmpuint (col, ==, desc);
            n_commands++;
          }
        }
      g_assert_cmpuint (n_commands, ==, G_N_ELEMENTS (commands));

      /* The options likewise, "--database FILE" with a translated FILE. */
      desc = 0;
      for (guint i = 0; options[i] != NULL; i++)
        {
          const char *labels[] = { "-h, --help", "-V, --version", lang == 0 ? "--database FILE" : "--database ФАЙЛ" };
          guint col = 0;

          if (g_str_has_prefix (options[i], "   "))
            {
              g_assert_cmpuint (text_column (options[i], 0), ==, desc);
              continue;
            }
          for (gsize l = 0; l < G_N_ELEMENTS (labels); l++)
            if (g_str_has_prefix (options[i] + 2, labels[l]))
              col = text_column (options[i], 2 + columns (labels[l], -1));
          g_assert_cmpuint (col, >, 0);
          if (desc == 0)
            desc = col;
          g_assert_cmpuint (col, ==, desc);
        }
      if (lang == 1)
        {
          g_assert_nonnull (strstr (run->out, "salescrm [--database ФАЙЛ] [КОМАНДА [ПАРАМЕТР…]]"));
          g_assert_nonnull (strstr (run->out, "  --database ФАЙЛ "));
          g_assert_nonnull (strstr (run->out, "Использовать ФАЙЛ как базу"));
          g_assert_nonnull (strstr (run->out, "«salescrm КОМАНДА --help»"));
          g_assert_false (has_word (run->out, "FILE"));
          g_assert_false (has_word (run->out, "COMMAND"));
        }
    }
}

/* "salescrm kpi --help" shows "Usage: salescrm kpi [OPTION…] --period
 * PERIOD …", not "kpi [OPTION…] kpi". */
static void
test_command_usage (void)
{
  const struct { const char *command; const char *usage; } expected[] = {
    { "backup", "salescrm backup [OPTION…] FILE" },
    { "check", "salescrm check [OPTION…]" },
    { "demo", "salescrm demo [OPTION…] [--clients N] [--activities N] [--seed N]" },
    { "export", "salescrm export [OPTION…] --format csv|vcf|ics|json --output FILE" },
    { "import", "salescrm import [OPTION…] FILE" },
    { "kpi", "salescrm kpi [OPTION…] --period PERIOD [--manager MANAGER] [--json]" },
    { "report", "salescrm report [OPTION…] [--type TYPE] --period PERIOD [--manager MANAGER] --output FILE" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrmTestRun) run = crm_test_run (no_display, expected[i].command, "--help", NULL);
      g_autofree char *usage = NULL;

      g_assert_cmpint (run->status, ==, 0);
      g_assert_true (g_str_has_prefix (run->out, "Usage:\n"));
      usage = usage_line (run->out);
      g_assert_cmpstr (usage, ==, expected[i].usage);
      /* The summary is wrapped too (the usage line is GLib's). */
      {
        g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);
        for (guint l = 2; lines[l] != NULL && !g_str_has_suffix (lines[l], "Options:"); l++)
          g_assert_cmpuint (columns (lines[l], -1), <=, 80);
      }
    }
}

/* In Russian every metavariable is translated, and the same word in the
 * usage line, in the option list and in the descriptions: no “FILE” next
 * to «ФАЙЛ». */
static void
test_command_usage_russian (void)
{
  g_autoptr(GRegex) option_meta = g_regex_new ("^  (?:-\\w, )?(--[a-z-]+)=(\\S+)", G_REGEX_MULTILINE, 0, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CrmTestRun) en = crm_test_run (no_display, commands[i], "--help", NULL);
      g_autoptr(CrmTestRun) ru = crm_test_run (russian, commands[i], "--help", NULL);
      g_autofree char *prefix = g_strdup_printf ("salescrm %s ", commands[i]);
      g_autofree char *usage = NULL;
      g_auto(GStrv) words = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_cmpint (ru->status, ==, 0);
      usage = usage_line (ru->out);
      g_assert_true (g_str_has_prefix (usage, prefix));

      /* "--period ПЕРИОД" in the usage line is "--period=ПЕРИОД" below. */
      words = g_strsplit (usage, " ", -1);
      for (guint w = 0; words[w] != NULL && words[w + 1] != NULL; w++)
        {
          const char *option = words[w] + (words[w][0] == '[');
          g_autofree char *meta = g_strdup (words[w + 1]);
          g_autofree char *listed = NULL;

          if (!g_str_has_prefix (option, "--") || strchr (option, ']') != NULL || meta[0] == '[' || meta[0] == '-')
            continue;
          if (g_str_has_suffix (meta, "]"))
            meta[strlen (meta) - 1] = '\0';
          listed = g_strdup_printf ("%s=%s ", option, meta);
          g_assert_nonnull (strstr (ru->out, listed));
        }

      /* Every metavariable of the option list is Russian (or a list of
       * literal values), and no English one is left anywhere. */
      g_regex_match (option_meta, ru->out, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *meta = g_match_info_fetch (match, 2);
          for (const char *p = meta; *p != '\0'; p++)
            g_assert_false (g_ascii_isupper (*p));
        }
      g_clear_pointer (&match, g_match_info_free);
      g_regex_match (option_meta, en->out, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *meta = g_match_info_fetch (match, 2);
          if (g_ascii_isupper (meta[0]))
            g_assert_false (has_word (ru->out, meta));
        }
      g_assert_false (has_word (ru->out, "FILE"));
    }
}

static void
test_version (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "salescrm " PACKAGE_VERSION "\n");
}

static void
test_unknown_command (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "frobnicate", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "“frobnicate” is not a command"));
  g_assert_nonnull (strstr (run->err, "salescrm --help"));
}

static void
test_unknown_option (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--frobnicate", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "unknown option “--frobnicate”"));
}

static void
test_database_without_value (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "--database"));
}

static void
test_subcommand_bad_option (void)
{
  g_autoptr(CrmTestRun) run = crm_test_run (no_display, "check", "--nope", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "salescrm check"));
}

static void
test_check_and_backup (void)
{
  g_autofree char *dir = crm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crm.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "check", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "healthy"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "backup", copy, NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autofree char *env_db = g_strconcat ("SALESCRM_DATABASE=", copy, NULL);
    const char *env[] = { "DISPLAY=", env_db, NULL };
    g_autoptr(CrmTestRun) run = crm_test_run (env, "check", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, copy));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "backup", NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "backup", "/nonexistent/dir/x.db", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "/nonexistent/dir/x.db"));
  }
}

/* A file that is not a database: exit 1, a clear message, not one byte changed. */
static void
test_check_refuses_bad_files (void)
{
  const char *contents[] = { "", "not a database at all\n" };

  for (gsize i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = crm_test_tmp_path ("bad.db");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(CrmTestRun) run = NULL;

      g_assert_true (g_file_set_contents (path, contents[i], -1, NULL));
      before = crm_test_file_sha (path);
      run = crm_test_run (no_display, "--database", path, "check", NULL);
      after = crm_test_file_sha (path);
      g_assert_cmpint (run->status, ==, 1);
      g_assert_nonnull (strstr (run->err, "not a SalesCRM database"));
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_demo (void)
{
  g_autofree char *path = crm_test_tmp_path ("demo.db");

  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", "--clients", "120", "--seed", "3", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "Demo data written to"));
    g_assert_nonnull (strstr (run->err, "100%"));
  }
  {
    /* Not twice into the same database. */
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "empty database"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", "--clients", "-5", NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "demo", "--clients", "many", NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
}

/* Widths in terminal columns: Cyrillic and a no-break space take one,
 * CJK two, a combining accent none; wrapping keeps to them. */
static void
test_text_width (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (crm_cli_text_width ("Ёлкина"), ==, 6);
  g_assert_cmpuint (crm_cli_text_width ("1\u00a0500\u00a0₽"), ==, 7);
  g_assert_cmpuint (crm_cli_text_width ("王小明"), ==, 6);
  g_assert_cmpuint (crm_cli_text_width ("Zoe\u0308"), ==, 3);

  crm_cli_append_padded (out, "王小明", 8, TRUE);
  crm_cli_append_padded (out, "Ёж", 4, FALSE);
  g_assert_cmpstr (out->str, ==, "王小明    Ёж");

  g_string_truncate (out, 0);
  g_string_append (out, "  ab  ");
  crm_cli_append_wrapped (out, "Выгрузить всех клиентов в таблицу для Excel", 6, 6, 22);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "  ab  Выгрузить всех");
  g_assert_cmpstr (lines[1], ==, "      клиентов в");
  g_assert_cmpstr (lines[2], ==, "      таблицу для");
  g_assert_cmpstr (lines[3], ==, "      Excel");
  g_assert_cmpstr (lines[4], ==, "");
}

/* The KPI table and the revenue by channel line up in Russian, with
 * Cyrillic, CJK and decomposed names: every line of the table is as wide
 * as its rule, every amount ends in the same column. */
static void
test_kpi_alignment_russian (void)
{
  g_autofree char *path = crm_test_tmp_path ("aligned.db");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");
  g_autoptr(CrmTestRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  guint table_width = 0, n_rows = 0, n_channels = 0, amount_end = 0;
  gboolean in_channels = FALSE;

  {
    g_autoptr(CrmTestRun) demo = crm_test_run (russian, "--database", path, "demo", "--clients", "150", "--seed", "4", NULL);
    g_autoptr(CrmDatabase) db = NULL;

    g_assert_cmpint (demo->status, ==, 0);
    db = new_database (path);
    add_manager (db, "王小明");
    add_manager (db, "Zoe\u0308 Ёлкина-Щербакова-Преображенская");
  }
  run = crm_test_run (russian, "--database", path, "kpi", "--period", month, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "王小明"));
  g_assert_nonnull (strstr (run->out, "Zoe\u0308 Ёлкина-Щербакова-Прео…"));

  lines = g_strsplit (run->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "─"))
        {
          table_width = columns (line, -1);
          g_assert_cmpuint (columns (lines[i - 1], -1), ==, table_width);   /* the header */
          for (guint r = i + 1; lines[r] != NULL && *lines[r] != '\0'; r++, n_rows++)
            g_assert_cmpuint (columns (lines[r], -1), ==, table_width);
        }
      if (g_str_equal (line, "Выручка по каналам:"))
        {
          in_channels = TRUE;
          continue;
        }
      if (in_channels && g_str_has_prefix (line, "  "))
        {
          if (amount_end == 0)
            amount_end = columns (line, -1);
          g_assert_cmpuint (columns (line, -1), ==, amount_end);
          g_assert_true (g_str_has_suffix (line, "₽"));
          n_channels++;
        }
      else
        in_channels = FALSE;
    }
  g_assert_cmpuint (table_width, >, 0);
  g_assert_cmpuint (n_rows, >=, 3);
  g_assert_cmpuint (n_channels, ==, 5);
}

/* Russian conventions: the period as in a sentence («за ноябрь 2026 г.»),
 * a decimal comma, digits grouped in every count; English groups with
 * commas. */
static void
test_russian_formatting (void)
{
  g_autofree char *path = crm_test_tmp_path ("formats.db");
  g_autofree char *ics = crm_test_tmp_path ("formats.ics");
  g_autofree char *csv = crm_test_tmp_path ("formats.csv");
  g_autoptr(GRegex) seconds = g_regex_new (" за [0-9]+,[0-9] с\\.\n$", 0, 0, NULL);

  {
    g_autoptr(CrmTestRun) run = crm_test_run (russian, "--database", path, "demo", "--clients", "150",
                                              "--activities", "1500", "--seed", "5", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_regex_match (seconds, run->out, 0, NULL));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (russian, "--database", path, "kpi", "--period", "2026-11", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_str_has_prefix (run->out, "KPI за ноябрь 2026 г. (RUB)\n"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (russian, "--database", path, "kpi", "--period", "2026-Q1", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_false (g_str_has_prefix (run->out, "KPI за период"));
    g_assert_nonnull (strstr (run->out, "2026"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "kpi", "--period", "2026-11", NULL);
    g_assert_true (g_str_has_prefix (run->out, "KPI for November 2026 (RUB)\n"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (russian, "--database", path, "export", "--format", "ics", "--output", ics, NULL);
    g_autofree char *expected = g_strdup_printf ("Выгружено 1\u00a0500 дел в %s.\n", ics);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->out, ==, expected);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "export", "--format", "ics", "--output", ics, NULL);
    g_autofree char *expected = g_strdup_printf ("Exported 1,500 activities to %s.\n", ics);
    g_assert_cmpstr (run->out, ==, expected);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (russian, "--database", path, "export", "--format", "csv",
                                              "--what", "activities", "--output", csv, NULL);
    g_autofree char *expected = g_strdup_printf ("1\u00a0500 дел записано в %s.\n", csv);
    g_assert_cmpstr (run->out, ==, expected);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "export", "--format", "csv",
                                              "--what", "activities", "--output", csv, NULL);
    g_autofree char *expected = g_strdup_printf ("Wrote 1,500 activities to %s.\n", csv);
    g_assert_cmpstr (run->out, ==, expected);
  }
}

/* A part of a name that several managers share lists them; a name or a
 * number nobody has says so; in GNU style, in both languages. */
static void
test_manager_not_unique (void)
{
  g_autofree char *path = crm_test_tmp_path ("evans.db");
  g_autofree char *ics = crm_test_tmp_path ("evans.ics");

  {
    g_autoptr(CrmDatabase) db = new_database (path);
    add_manager (db, "Anna Evans");
    add_manager (db, "Tom Evans");
    add_manager (db, "Zoe Evans");
    add_manager (db, "Boris Kim");
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "kpi", "--period", "2026-11",
                                              "--manager", "evans", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_cmpstr (run->err, ==, "salescrm kpi: “evans” matches 3 managers: Anna Evans, Tom Evans, Zoe Evans; "
                                   "give more of the name or the number\n");
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (russian, "--database", path, "report", "--type", "manager",
                                              "--period", "2026-11", "--manager", "evans", "--output", ics, NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_cmpstr (run->err, ==, "salescrm report: «evans» соответствуют 3 менеджера: Anna Evans, Tom Evans, "
                                   "Zoe Evans; уточните имя или укажите номер\n");
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "export", "--format", "ics",
                                              "--manager", "Nobody", "--output", ics, NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_cmpstr (run->err, ==, "salescrm export: there is no manager called “Nobody”\n");
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "kpi", "--period", "2026-11",
                                              "--manager", "99", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_cmpstr (run->err, ==, "salescrm kpi: there is no manager no. 99\n");
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", path, "kpi", "--period", "2026-11",
                                              "--manager", "tom", NULL);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "Tom Evans"));
    g_assert_null (strstr (run->out, "Anna Evans"));
  }
}

/* What the command line itself says after "salescrm COMMAND: " is in lower
 * case with no full stop, like every GNU tool. */
static void
test_messages_gnu_style (void)
{
  g_autofree char *empty = crm_test_tmp_path ("style-empty.db");
  g_autofree char *missing = crm_test_tmp_path ("style-missing.csv");
  g_autofree char *unknown = crm_test_tmp_path ("style.xyz");
  const char *cases[][8] = {
    { "kpi", NULL },
    { "kpi", "--period", "2026-11", "--manager", "Nobody", NULL },
    { "kpi", "--period", "2026-11", "extra", NULL },
    { "report", "--period", "2026-11", NULL },
    { "report", "--type", "weekly", NULL },
    { "export", NULL },
    { "export", "--format", "xls", "--output", "x", NULL },
    { "import", missing, NULL },
    { "import", unknown, NULL },
    { "import", missing, "--preset", "nothing", NULL },
    { "demo", "--clients", "0", NULL },
    { "frobnicate", NULL },
  };

  {
    g_autoptr(CrmDatabase) db = new_database (empty);
    g_autoptr(CrmTestRun) run = crm_test_run (no_display, "--database", empty, "kpi", "--period", "2026-11", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_true (g_str_has_prefix (run->err, "salescrm kpi: the database "));
    g_assert_true (g_str_has_suffix (run->err, "try “salescrm demo”\n"));
    add_manager (db, "Boris Kim");
  }
  g_assert_true (g_file_set_contents (unknown, "x", -1, NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(CrmTestRun) run = NULL;
      g_autofree char *first = NULL;
      const char *message;

      g_ptr_array_add (argv, (gpointer) crm_test_binary ());
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, (gpointer) empty);
      for (guint a = 0; cases[i][a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer) cases[i][a]);
      g_ptr_array_add (argv, NULL);
      run = crm_test_runv (no_display, (const char * const *) argv->pdata);

      g_assert_cmpint (run->status, !=, 0);
      first = g_strndup (run->err, strcspn (run->err, "\n"));
      g_test_message ("%s", first);
      g_assert_true (g_str_has_prefix (first, "salescrm"));
      message = strstr (first, ": ");
      g_assert_nonnull (message);
      message += 2;
      g_assert_false (g_unichar_isupper (g_utf8_get_char (message)));
      g_assert_false (g_str_has_suffix (message, "."));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help-russian", test_help_russian);
  g_test_add_func ("/cli/help-layout", test_help_layout);
  g_test_add_func ("/cli/command-usage", test_command_usage);
  g_test_add_func ("/cli/command-usage-russian", test_command_usage_russian);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/database-without-value", test_database_without_value);
  g_test_add_func ("/cli/subcommand-bad-option", test_subcommand_bad_option);
  g_test_add_func ("/cli/check-and-backup", test_check_and_backup);
  g_test_add_func ("/cli/check-refuses-bad-files", test_check_refuses_bad_files);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/text-width", test_text_width);
  g_test_add_func ("/cli/kpi-alignment-russian", test_kpi_alignment_russian);
  g_test_add_func ("/cli/russian-formatting", test_russian_formatting);
  g_test_add_func ("/cli/manager-not-unique", test_manager_not_unique);
  g_test_add_func ("/cli/messages-gnu-style", test_messages_gnu_style);
  test_cli_add_terminal_tests ();

  return g_test_run ();
}
