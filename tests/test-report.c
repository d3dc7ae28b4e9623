/* test-report.c — the printed reports, read back from their PDFs
 *
 * Every report is made for the KPI suite's hand-made data set (see
 * crm-test-report-data.c for the figures) and checked with poppler's
 * pdfinfo (pages, paper) and pdftotext (the exact figures, the header and
 * "Page N of M" on every page). A synthetic 200-row table proves that tables
 * break across pages with their header repeated. The Russian report, and
 * "salescrm report" with its exit statuses, are checked too.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "crm-report-store.h"
#include "crm-report.h"
#include "crm-test-report-data.h"
#include "crm-test-util.h"

static const CrmTestReportData *set;

/* ---- poppler ------------------------------------------------------------ */

static char *
run_tool (const char *tool, const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[6] = { NULL };
  g_autoptr(CrmTestRun) run = NULL;
  int i = 0;

  g_assert_nonnull (program);    /* poppler-utils */
  argv[i++] = program;
  if (g_str_equal (tool, "pdftotext"))
    {
      argv[i++] = "-enc";
      argv[i++] = "UTF-8";
    }
  argv[i++] = path;
  if (g_str_equal (tool, "pdftotext"))
    argv[i++] = "-";
  run = crm_test_runv (NULL, argv);
  g_assert_cmpint (run->status, ==, 0);
  return g_steal_pointer (&run->out);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_size (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "Page size:");
  const char *end;

  g_assert_nonnull (line);
  line += strlen ("Page size:");
  while (*line == ' ')
    line++;
  end = strchr (line, '\n');
  return g_strndup (line, end - line);
}

/* The text of each page, its lines run together; no-break spaces read as
 * spaces. */
static GStrv
pdf_page_texts (const char *path)
{
  g_autofree char *text = run_tool ("pdftotext", path);
  g_autoptr(GString) plain = g_string_new (text);
  GStrv pages;
  guint n;

  g_string_replace (plain, "\u00a0", " ", 0);
  /* Lines wrapped in a cell or a paragraph read as one. */
  g_string_replace (plain, "\n", " ", 0);
  while (g_string_replace (plain, "  ", " ", 0) > 0)
    ;
  pages = g_strsplit (plain->str, "\f", -1);
  /* pdftotext ends every page with a form feed: the last piece is empty. */
  n = g_strv_length (pages);
  if (n > 0 && pages[n - 1][0] == '\0')
    {
      g_free (pages[n - 1]);
      pages[n - 1] = NULL;
    }
  return pages;
}

static char *
pdf_text (const char *path)
{
  g_auto(GStrv) pages = pdf_page_texts (path);
  return g_strjoinv ("\n", pages);
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the text:\n%s", needle, text);
}

static void
assert_lacks (const char *text, const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be in the text:\n%s", needle, text);
}

/* The header and the footer on every page: the company, the title, the
 * period, "Page N of M". */
static void
assert_every_page (const char *path, const char *title, const char *period, gboolean russian)
{
  g_auto(GStrv) pages = pdf_page_texts (path);
  guint n = g_strv_length (pages);

  g_assert_cmpuint (n, ==, pdf_pages (path));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = russian ? g_strdup_printf ("Страница %u из %u", i + 1, n)
                                        : g_strdup_printf ("Page %u of %u", i + 1, n);

      assert_has (pages[i], CRM_TEST_REPORT_COMPANY);
      assert_has (pages[i], title);
      assert_has (pages[i], period);
      assert_has (pages[i], number);
    }
}

/* ---- making reports ----------------------------------------------------- */

static char *
make_report (CrmReportKind kind, gint64 manager_id, const char *period_text, const char *paper, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (set->db_path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_autoptr(CrmPeriod) period = crm_period_parse (period_text, &error);
  g_autoptr(CrmReportData) data = NULL;
  g_autoptr(CrmReportDoc) doc = NULL;
  g_autoptr(CrmReportLayout) layout = NULL;
  char *path = crm_test_tmp_path (name);

  g_assert_no_error (error);
  data = crm_report_store_load (db, period, manager_id, set->today, &error);
  g_assert_no_error (error);
  doc = crm_report_build (kind, data);
  layout = crm_report_layout_new_for_format (doc, crm_page_format_lookup (paper));
  g_assert_true (crm_report_write_pdf (layout, doc, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_team (void)
{
  g_autofree char *path = make_report (CRM_REPORT_TEAM, 0, "2026-03", "a4", "team.pdf");
  g_autofree char *size = pdf_size (path);
  g_autofree char *text = pdf_text (path);

  g_assert_cmpuint (pdf_pages (path), >=, 2);
  assert_has (size, "595.276 x 841.89 pts (A4)");
  assert_every_page (path, "Team KPI Report", "for March 2026", FALSE);

  /* The team's revenue against the sum of the plans, and Anna's score. */
  assert_has (text, "₽3,800.00");
  assert_has (text, "₽255,000.00");
  assert_has (text, "₽3,500.00");
  /* Printed money is exact, to the cent (README, "Conventions"). */
  assert_has (text, "85%");
  /* No plan: a dash, never 0% (Boris). The pipeline: 26 400. */
  assert_has (text, "—");
  assert_has (text, "₽26,400");
  /* Early warning: Clara at high risk, with both reasons. */
  assert_has (text, "Clara");
  assert_has (text, "High");
  assert_has (text, "4% of the ₽500,000 planned for two months");
  assert_has (text, "1 meeting held in the last 30 days: 10% of the plan of 9.7");
  /* The loss-making client, brought by Boris, −500. */
  assert_has (text, "Loss Client");
  assert_has (text, "−₽500");
  /* 2 of 3 clients bring 80% of the revenue. */
  assert_has (text, "2 of 3 clients (67%) brought 80% of the revenue");
}

static void
test_manager_card (void)
{
  g_autofree char *path = make_report (CRM_REPORT_MANAGER, set->anna, "2026-03", "a4", "anna.pdf");
  g_autofree char *text = pdf_text (path);

  /* One page, whatever the paper. */
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  assert_every_page (path, "KPI Card: Anna", "for March 2026", FALSE);
  assert_has (text, "₽3,500");       /* revenue */
  assert_has (text, "₽5,000");       /* its plan */
  assert_has (text, "70%");             /* achieved */
  assert_has (text, "85%");             /* the score */
  assert_has (text, "167%");            /* talk time, above the 150% cap */
  assert_has (text, "35%");             /* revenue's share of the score */
  assert_has (text, "₽4,200");       /* revenue per talk hour */
  assert_has (text, "Low");

  {
    g_autofree char *letter = make_report (CRM_REPORT_MANAGER, set->clara, "2026-03", "letter", "clara.pdf");
    g_autofree char *clara = pdf_text (letter);

    g_assert_cmpuint (pdf_pages (letter), ==, 1);
    assert_has (clara, "High");
    assert_has (clara, "Deals expected to close in the next 60 days are worth ₽20,000");
  }
}

static void
test_funnel (void)
{
  g_autofree char *path = make_report (CRM_REPORT_FUNNEL, 0, "2026-03", "a4", "funnel.pdf");
  g_autofree char *text = pdf_text (path);

  assert_every_page (path, "Sales Funnel Report", "for March 2026", FALSE);
  assert_has (text, "Deals created");
  assert_has (text, "50%");                 /* win rate, and qualified → meeting */
  assert_has (text, "2.5");                 /* days in New */
  assert_has (text, "10.0");                /* days in Qualified */
  assert_has (text, "Anna");
}

static void
test_profitability (void)
{
  g_autofree char *path = make_report (CRM_REPORT_PROFITABILITY, 0, "2026-03", "a4", "profit.pdf");
  g_autofree char *text = pdf_text (path);

  assert_every_page (path, "Client Profitability Report", "for March 2026", FALSE);
  /* Loss Client: 300 paid, 800 in complaints. */
  assert_has (text, "Loss Client");
  assert_has (text, "₽300");
  assert_has (text, "₽800");
  assert_has (text, "−₽500");
  /* Payments 3 800 − complaints 800. */
  assert_has (text, "₽3,000");
  /* Every client with money, by name, with the manager who brought it. */
  assert_has (text, "New Client");
  assert_has (text, "Old Client");
  assert_has (text, "Boris");
}

static void
test_pareto (void)
{
  g_autofree char *path = make_report (CRM_REPORT_PARETO, 0, "2026-03", "a4", "pareto.pdf");
  g_autofree char *text = pdf_text (path);

  assert_every_page (path, "Pareto Analysis", "for March 2026", FALSE);
  assert_has (text, "2 of 3");          /* clients for 80% */
  assert_has (text, "New Client");      /* 2 500, the first */
  assert_has (text, "65.8%");           /* 2 500 of 3 800 */
  assert_has (text, "Website");
}

static void
test_letter (void)
{
  g_autofree char *path = make_report (CRM_REPORT_TEAM, 0, "2026-03", "letter", "team-letter.pdf");
  g_autofree char *size = pdf_size (path);

  assert_has (size, "612 x 792 pts (letter)");
  assert_every_page (path, "Team KPI Report", "for March 2026", FALSE);
}

/* ---- the layout engine -------------------------------------------------- */

static void
test_long_table (void)
{
  g_autoptr(CrmReportDoc) doc = crm_report_doc_new (CRM_TEST_REPORT_COMPANY, "Long table", "for testing", NULL);
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crm_test_tmp_path ("long.pdf");
  g_auto(GStrv) pages = NULL;
  CrmReportBlock *table = crm_report_table_new ();
  guint n;

  crm_report_table_add_column (table, "Row label", CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, "Amount column", CRM_REPORT_ALIGN_END, FALSE);
  for (guint i = 1; i <= 200; i++)
    {
      guint r = crm_report_table_add_row (table, CRM_REPORT_ROW_NORMAL);
      crm_report_table_take (table, r, 0, g_strdup_printf ("row-%03u", i), CRM_REPORT_TONE_NORMAL);
      crm_report_table_take (table, r, 1, g_strdup_printf ("%u.00", i * 7), CRM_REPORT_TONE_NORMAL);
    }
  g_assert_cmpuint (crm_report_table_get_n_rows (table), ==, 200);
  crm_report_doc_add (doc, crm_report_heading_new ("Two hundred rows"));
  crm_report_doc_add (doc, table);
  layout = crm_report_layout_new_for_format (doc, crm_page_format_default ());
  n = crm_report_layout_get_n_pages (layout);
  g_assert_cmpuint (n, >=, 4);
  g_assert_true (crm_report_write_pdf (layout, doc, path, &error));
  g_assert_no_error (error);

  assert_every_page (path, "Long table", "for testing", FALSE);
  pages = pdf_page_texts (path);
  g_assert_cmpuint (g_strv_length (pages), ==, n);
  for (guint p = 0; p < n; p++)
    {
      /* The header on every page; the heading, "continued", after the first. */
      assert_has (pages[p], "Row label");
      assert_has (pages[p], "Amount column");
      if (p > 0)
        assert_has (pages[p], "Two hundred rows (continued)");
    }
  /* Every row once, in order, none lost at a break. */
  for (guint i = 1, p = 0; i <= 200; i++)
    {
      g_autofree char *label = g_strdup_printf ("row-%03u", i);

      while (p < n && strstr (pages[p], label) == NULL)
        p++;
      g_assert_cmpuint (p, <, n);
    }
  /* No page ends with fewer than three rows, nor starts with fewer. */
  for (guint p = 0; p < n; p++)
    {
      guint rows = 0;
      for (const char *s = pages[p]; (s = strstr (s, "row-")) != NULL; s += 4)
        rows++;
      g_assert_cmpuint (rows, >=, 3);
    }

  /* The same document on a taller page takes fewer pages. */
  {
    g_autoptr(CrmReportLayout) tall = crm_report_layout_new (doc, 595, 2000, 40);
    g_assert_cmpuint (crm_report_layout_get_n_pages (tall), <, n);
  }
}

/* A paragraph longer than a page breaks between lines, losing none. */
static void
test_long_paragraph (void)
{
  g_autoptr(CrmReportDoc) doc = crm_report_doc_new ("Acme", "Paragraph", "", NULL);
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crm_test_tmp_path ("paragraph.pdf");
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (text, "Sentence s%03u fills the page with words. ", i);
  crm_report_doc_add (doc, crm_report_heading_new ("A long paragraph"));
  crm_report_doc_add (doc, crm_report_text_new (text->str));
  layout = crm_report_layout_new_for_format (doc, crm_page_format_default ());
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), >=, 2);
  g_assert_true (crm_report_write_pdf (layout, doc, path, &error));
  g_assert_no_error (error);
  pages = pdf_page_texts (path);
  all = g_strjoinv (" ", pages);
  /* Each sentence once: the lines of one page are not hidden on another. */
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *word = g_strdup_printf ("s%03u", i);
      const char *at = strstr (all, word);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, word));
    }
  assert_has (pages[0], "s001");
  assert_has (pages[g_strv_length (pages) - 1], "s150");
}

/* A heading never ends a page: it goes with what follows. A page break
 * starts a new page; two in a row make no empty one. */
static void
test_page_breaks (void)
{
  for (guint k = 1; k < 200; k++)
    {
      g_autoptr(CrmReportDoc) doc = crm_report_doc_new ("Acme", "Breaks", "", NULL);
      g_autoptr(CrmReportLayout) layout = NULL;
      g_autoptr(GString) filler = g_string_new (NULL);
      CrmReportBlock *figures = crm_report_figures_new (2);

      for (guint i = 0; i < k; i++)
        g_string_append (filler, "Words to fill the first page, a few more each time. ");
      crm_report_doc_add (doc, crm_report_text_new (filler->str));
      crm_report_doc_add (doc, crm_report_subheading_new ("Heading that must not be orphaned"));
      for (guint i = 0; i < 4; i++)
        crm_report_figures_add (figures, "Label", "1 234", "Detail", 0.5, CRM_REPORT_TONE_NORMAL);
      crm_report_doc_add (doc, figures);
      layout = crm_report_layout_new_for_format (doc, crm_page_format_default ());
      if (crm_report_layout_get_n_pages (layout) == 1)
        continue;

      /* The first filler that leaves no room for the figures: the heading
       * goes with them to the next page. */
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *path = crm_test_tmp_path ("breaks.pdf");
        g_autoptr(CrmReportLayout) again = NULL;
        g_auto(GStrv) pages = NULL;

        crm_report_doc_add (doc, crm_report_page_break_new ());
        crm_report_doc_add (doc, crm_report_page_break_new ());
        crm_report_doc_add (doc, crm_report_text_new ("After the break"));
        again = crm_report_layout_new_for_format (doc, crm_page_format_default ());
        g_assert_true (crm_report_write_pdf (again, doc, path, &error));
        g_assert_no_error (error);
        pages = pdf_page_texts (path);
        g_assert_cmpuint (g_strv_length (pages), ==, 3);
        g_assert_null (strstr (pages[0], "Heading that must not be orphaned"));
        assert_has (pages[1], "Heading that must not be orphaned");
        assert_has (pages[1], "1 234");
        assert_has (pages[2], "After the break");
        return;
      }
    }
  g_assert_not_reached ();
}

static void
test_unwritable (void)
{
  g_autoptr(CrmReportDoc) doc = crm_report_doc_new ("Acme", "Title", "", NULL);
  g_autoptr(CrmReportLayout) layout = crm_report_layout_new_for_format (doc, crm_page_format_default ());
  g_autoptr(GError) error = NULL;

  crm_report_doc_add (doc, crm_report_text_new ("Text"));
  g_assert_false (crm_report_write_pdf (layout, doc, "/nonexistent-folder/report.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/report.pdf"));
  g_assert_false (g_file_test ("/nonexistent-folder/report.pdf.part", G_FILE_TEST_EXISTS));
}

/* ---- Russian ------------------------------------------------------------ */

/* Under LANGUAGE=ru, as a cron job would run it. (In this process GLib
 * has settled on English at the first message: g_dgettext decides once.) */
static char *
make_russian_report (const char *type, const char *manager, const char *name)
{
  const char *env[] = { "DISPLAY=", "TZ=Europe/Berlin", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
  char *path = crm_test_tmp_path (name);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(CrmTestRun) run = NULL;
  const char *args[] = { "--database", set->db_path, "report", "--type", type, "--period", "2026-03",
                         "--today", "2026-03-20", "--output", path };

  g_ptr_array_add (argv, (gpointer) crm_test_binary ());
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  if (manager != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--manager");
      g_ptr_array_add (argv, (gpointer) manager);
    }
  g_ptr_array_add (argv, NULL);
  run = crm_test_runv (env, (const char * const *) argv->pdata);
  g_assert_cmpint (run->status, ==, 0);
  return path;
}

static void
test_russian (void)
{
  g_autofree char *path = make_russian_report ("team", NULL, "team-ru.pdf");
  g_autofree char *text = pdf_text (path);
  g_autofree char *printed = NULL;
  GDate today;

  assert_every_page (path, "Отчёт по KPI отдела продаж", "за март 2026 г.", TRUE);
  /* Money as 1 234 567,89 ₽, grouped with non-breaking spaces. */
  assert_has (text, "3 800,00 ₽");
  assert_has (text, "255 000,00 ₽");
  assert_lacks (text, "3,800.00");
  assert_has (text, "Сводка");
  assert_has (text, "Раннее предупреждение");
  assert_has (text, "Высокий");
  assert_has (text, "Убыточные клиенты");
  assert_has (text, "−500,00 ₽");
  assert_has (text, "Выручка: план и факт по менеджерам");
  assert_has (text, "2 из 3 клиентов (67%) принесли 80% выручки");
  /* dd.mm.yyyy: the day it was printed, the day of the early warning. */
  crm_date_set_today (&today);
  printed = g_strdup_printf ("Дата печати: %02d.%02d.%d", g_date_get_day (&today), g_date_get_month (&today),
                             g_date_get_year (&today));
  assert_has (text, printed);
  assert_has (text, "на 20.03.2026");
  /* Nothing left in English. */
  g_assert_null (strstr (text, "Page "));
  g_assert_null (strstr (text, "Revenue"));
  g_assert_null (strstr (text, "Summary"));
  g_assert_null (strstr (text, "Plan"));

  {
    g_autofree char *card = make_russian_report ("manager", "Anna", "anna-ru.pdf");
    g_autofree char *card_text = pdf_text (card);

    g_assert_cmpuint (pdf_pages (card), ==, 1);
    assert_every_page (card, "Карточка KPI: Anna", "за март 2026 г.", TRUE);
    assert_has (card_text, "3 500,00 ₽");
    assert_has (card_text, "85%");
  }
  for (guint i = 0; i < 3; i++)
    {
      static const char *types[] = { "funnel", "profitability", "pareto" };
      static const char *titles[] = { "Отчёт по воронке продаж", "Отчёт о рентабельности клиентов", "Анализ Парето" };
      g_autofree char *name = g_strdup_printf ("%s-ru.pdf", types[i]);
      g_autofree char *other = make_russian_report (types[i], NULL, name);

      assert_every_page (other, titles[i], "за март 2026 г.", TRUE);
    }
}

/* ---- the command line --------------------------------------------------- */

static void
test_cli (void)
{
  const char *env[] = { "DISPLAY=", "WAYLAND_DISPLAY=", "TZ=Europe/Berlin", NULL };
  g_autofree char *out = crm_test_tmp_path ("cli.pdf");
  g_autofree char *dir = crm_test_make_tmpdir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *blocked = g_build_filename (locked, "report.pdf", NULL);
  g_autofree char *blocked_part = g_strconcat (blocked, ".part", NULL);

  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--type", "team",
                                              "--period", "2026-03", "--today", "2026-03-20",
                                              "--output", out, NULL);
    g_autofree char *text = NULL;

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->err, ==, "");
    text = pdf_text (out);
    assert_has (text, "₽3,800");
    assert_every_page (out, "Team KPI Report", "for March 2026", FALSE);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--type", "manager",
                                              "--manager", "Clara", "--period", "2026-03", "--paper", "letter",
                                              "--today", "2026-03-20", "--output", out, NULL);
    g_autofree char *size = NULL;

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpuint (pdf_pages (out), ==, 1);
    size = pdf_size (out);
    assert_has (size, "612 x 792");
  }
  /* Bad arguments: a message and 2. */
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--type", "weekly",
                                              "--period", "2026-03", "--output", out, NULL);
    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "weekly"));
    g_assert_nonnull (strstr (run->err, "team, manager, funnel, profitability, pareto"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--type", "manager",
                                              "--period", "2026-03", "--output", out, NULL);
    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "--manager"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--period", "2026-13",
                                              "--output", out, NULL);
    g_assert_cmpint (run->status, ==, 2);
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--period", "2026-03", NULL);
    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "--output"));
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--period", "2026-03",
                                              "--paper", "a3", "--output", out, NULL);
    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "a3"));
  }
  /* An unknown manager: 1. */
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--type", "manager",
                                              "--manager", "Nobody", "--period", "2026-03", "--output", out, NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "Nobody"));
  }
  /* An unwritable folder: a message, 1, and no file at all. */
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--period", "2026-03",
                                              "--output", blocked, NULL);

    /* root writes anywhere: then the folder is not a test of anything. */
    if (access (locked, W_OK) != 0)
      {
        g_assert_cmpint (run->status, ==, 1);
        g_assert_nonnull (strstr (run->err, blocked));
        g_assert_false (g_file_test (blocked, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (blocked_part, G_FILE_TEST_EXISTS));
      }
  }
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--period", "2026-03",
                                              "--output", "/nonexistent-folder/kpi.pdf", NULL);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "/nonexistent-folder/kpi.pdf"));
  }
  g_chmod (locked, 0700);
  /* The pages are written, but they cannot take the name of a folder: the
   * part written is removed (this one fails for root too). */
  {
    g_autofree char *folder_part = g_strconcat (locked, ".part", NULL);
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", set->db_path, "report", "--period", "2026-03",
                                              "--output", locked, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, locked));
    g_assert_true (g_file_test (locked, G_FILE_TEST_IS_DIR));
    g_assert_false (g_file_test (folder_part, G_FILE_TEST_EXISTS));
  }
  /* A missing database: 1. */
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", "/nonexistent-folder/x.db", "report",
                                              "--period", "2026-03", "--output", out, NULL);
    g_assert_cmpint (run->status, ==, 1);
  }
  /* Russian messages. */
  {
    const char *ru[] = { "DISPLAY=", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
    g_autoptr(CrmTestRun) run = crm_test_run (ru, "--database", set->db_path, "report", "--type", "weekly",
                                              "--period", "2026-03", "--output", out, NULL);
    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "отчёта «weekly» нет"));
  }
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);
  crm_test_use_language (NULL);
  set = crm_test_report_data_get ();

  g_test_add_func ("/report/team", test_team);
  g_test_add_func ("/report/manager-card", test_manager_card);
  g_test_add_func ("/report/funnel", test_funnel);
  g_test_add_func ("/report/profitability", test_profitability);
  g_test_add_func ("/report/pareto", test_pareto);
  g_test_add_func ("/report/letter", test_letter);
  g_test_add_func ("/report/long-table-breaks-with-its-header", test_long_table);
  g_test_add_func ("/report/long-paragraph-breaks-between-lines", test_long_paragraph);
  g_test_add_func ("/report/headings-and-page-breaks", test_page_breaks);
  g_test_add_func ("/report/unwritable-path", test_unwritable);
  g_test_add_func ("/report/russian", test_russian);
  g_test_add_func ("/report/cli", test_cli);

  return g_test_run ();
}
