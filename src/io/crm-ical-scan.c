/* crm-ical-scan.c — an iCalendar file split into its components
 *
 * libical parses one component well but says nothing about where in the
 * file a problem is, and gives up on a file whose BEGIN and END do not
 * match. So the file is first unfolded and split here, keeping the line
 * numbers: each VEVENT, VTODO and VTIMEZONE becomes a block that libical
 * parses alone, and whatever cannot be placed is reported with its line.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-ical-private.h"
#include "crm-locale.h"

void
crm_ical_block_free (CrmIcalBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->kind);
  g_ptr_array_unref (block->lines);
  g_array_unref (block->numbers);
  g_array_unref (block->depths);
  g_free (block);
}

static CrmIcalBlock *
block_new (const char *kind, guint line)
{
  CrmIcalBlock *block = g_new0 (CrmIcalBlock, 1);

  block->kind = g_ascii_strup (kind, -1);
  block->line = line;
  block->lines = g_ptr_array_new_with_free_func (g_free);
  block->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  block->depths = g_array_new (FALSE, FALSE, sizeof (guint));
  return block;
}

static void
block_add (CrmIcalBlock *block, const char *text, guint line, guint depth)
{
  g_ptr_array_add (block->lines, g_strdup (text));
  g_array_append_val (block->numbers, line);
  g_array_append_val (block->depths, depth);
}

char *
crm_ical_block_text (const CrmIcalBlock *block)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < block->lines->len; i++)
    {
      g_string_append (s, block->lines->pdata[i]);
      g_string_append (s, "\r\n");
    }
  return g_string_free (s, FALSE);
}

/* The name of a content line: up to the first ";" or ":". */
static gboolean
line_has_name (const char *line, const char *name)
{
  gsize n = strlen (name);

  return g_ascii_strncasecmp (line, name, n) == 0 && (line[n] == ':' || line[n] == ';');
}

const char *
crm_ical_block_find (const CrmIcalBlock *block, const char *name, guint nth, guint *line)
{
  for (guint i = 0; i < block->lines->len; i++)
    {
      const char *text = block->lines->pdata[i];
      const char *colon;

      if (g_array_index (block->depths, guint, i) != 1 || !line_has_name (text, name))
        continue;
      if (nth-- > 0)
        continue;
      /* The value starts after the first colon outside a quoted parameter. */
      colon = NULL;
      for (gboolean quoted = FALSE; *text != '\0' && colon == NULL; text++)
        if (*text == '"')
          quoted = !quoted;
        else if (*text == ':' && !quoted)
          colon = text;
      if (line != NULL)
        *line = g_array_index (block->numbers, guint, i);
      return colon != NULL ? colon + 1 : "";
    }
  return NULL;
}

CrmIcalReport *
crm_ical_report_new (void)
{
  CrmIcalReport *report = g_new0 (CrmIcalReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_import_problem_free);
  return report;
}

void
crm_ical_report_free (CrmIcalReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

char *
crm_ical_report_format (const CrmIcalReport *report)
{
  GString *s = g_string_new (NULL);
  g_autofree char *created = crm_locale_format_integer (report->created);
  g_autofree char *updated = crm_locale_format_integer (report->updated);
  g_autofree char *skipped = crm_locale_format_integer (report->skipped);

  /* Translators for the counts below: %s is the number, with digit
   * grouping ("20,000") */
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s new activity", "%s new activities", report->created),
                          created);
  g_string_append (s, ", ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s updated", "%s updated", report->updated),
                          updated);
  if (report->skipped > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s left out", "%s left out", report->skipped),
                              skipped);
    }
  g_string_append (s, ".");
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = crm_import_problem_to_string (report->problems->pdata[i]);
      g_string_append_printf (s, "\n%s", line);
    }
  return g_string_free (s, FALSE);
}

void
crm_ical_report_add (CrmIcalReport *report, CrmImportSeverity severity, const char *file, guint line,
                     char *message)
{
  if (report->problems->len < CRM_ICAL_MAX_PROBLEMS)
    crm_import_problems_add (report->problems, severity, file, line, 0, message);
  else
    g_free (message);
}

/* "BEGIN:VEVENT" → "VEVENT"; NULL when @line is not a @keyword line. */
static char *
component_name (const char *line, const char *keyword)
{
  gsize n = strlen (keyword);
  g_autofree char *name = NULL;

  if (g_ascii_strncasecmp (line, keyword, n) != 0 || line[n] != ':')
    return NULL;
  name = g_strstrip (g_strdup (line + n + 1));
  if (*name == '\0')
    return NULL;
  return g_ascii_strup (name, -1);
}

typedef struct {
  GPtrArray     *blocks;
  GPtrArray     *stack;        /* char *: the open components */
  CrmIcalBlock  *block;        /* the one being read, or NULL */
  guint          block_base;   /* the stack depth of its BEGIN */
  const char    *file;
  CrmIcalReport *report;
  guint          stray;        /* lines outside any calendar, reported once */
} Scan;

/* An event given up on still counts as found and left out. */
static void
count_lost (Scan *s, CrmIcalBlock *block)
{
  if (g_str_equal (block->kind, "VEVENT") || g_str_equal (block->kind, "VTODO"))
    {
      s->report->found++;
      s->report->skipped++;
    }
}

static gboolean
in_calendar (Scan *s)
{
  return s->stack->len == 0 ||
         g_str_equal (g_ptr_array_index (s->stack, s->stack->len - 1), "VCALENDAR");
}

static void
close_block (Scan *s)
{
  if (s->blocks->len < CRM_ICAL_MAX_COMPONENTS)
    g_ptr_array_add (s->blocks, g_steal_pointer (&s->block));
  else
    g_clear_pointer (&s->block, crm_ical_block_free);
}

static void
scan_line (Scan *s, const char *line, guint number)
{
  g_autofree char *begin = component_name (line, "BEGIN");
  g_autofree char *end = begin == NULL ? component_name (line, "END") : NULL;

  if (begin != NULL)
    {
      if (s->block == NULL && !g_str_equal (begin, "VCALENDAR") && in_calendar (s))
        {
          s->block = block_new (begin, number);
          s->block_base = s->stack->len + 1;
        }
      g_ptr_array_add (s->stack, g_strdup (begin));
      if (s->block != NULL)
        block_add (s->block, line, number, s->stack->len - s->block_base + 1);
      return;
    }

  if (end != NULL)
    {
      guint depth = s->stack->len;

      while (depth > 0 && !g_str_equal (g_ptr_array_index (s->stack, depth - 1), end))
        depth--;
      if (depth == 0)
        {
          crm_ical_report_add (s->report, CRM_IMPORT_PROBLEM_WARNING, s->file, number,
                               g_strdup_printf (_("“%s” closes nothing that was opened; the line was ignored"), line));
          return;
        }
      if (s->block != NULL && depth < s->block_base)
        {
          /* The component ends inside out: its own END is missing. */
          crm_ical_report_add (s->report, CRM_IMPORT_PROBLEM_ERROR, s->file, s->block->line,
                               g_strdup_printf (_("the %s that starts here has no END:%s; it was not imported"),
                                                s->block->kind, s->block->kind));
          count_lost (s, s->block);
          g_clear_pointer (&s->block, crm_ical_block_free);
        }
      if (s->block != NULL)
        block_add (s->block, line, number, depth - s->block_base + 1);
      g_ptr_array_set_size (s->stack, depth - 1);
      if (s->block != NULL && s->stack->len < s->block_base)
        close_block (s);
      return;
    }

  if (s->block != NULL)
    block_add (s->block, line, number, s->stack->len - s->block_base + 1);
  else if (s->stack->len == 0 && s->stray++ == 0)
    crm_ical_report_add (s->report, CRM_IMPORT_PROBLEM_WARNING, s->file, number,
                         g_strdup (_("text outside BEGIN:VCALENDAR … END:VCALENDAR was ignored")));
}

GPtrArray *
crm_ical_scan (const char *text, const char *display_name, CrmIcalReport *report)
{
  Scan s = { 0 };
  GString *logical = g_string_new (NULL);
  guint logical_line = 0;
  guint number = 0;
  gboolean too_long = FALSE;
  const char *p = text;

  s.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_ical_block_free);
  s.stack = g_ptr_array_new_with_free_func (g_free);
  s.file = display_name;
  s.report = report;

  while (*p != '\0')
    {
      const char *eol = p + strcspn (p, "\r\n");
      gsize length = eol - p;

      number++;
      if ((*p == ' ' || *p == '\t') && logical_line > 0)
        {
          /* A folded line continues the one before, without its first space. */
          if (logical->len + length < CRM_ICAL_MAX_LINE)
            g_string_append_len (logical, p + 1, length - 1);
          else
            too_long = TRUE;
        }
      else
        {
          if (logical_line > 0 && logical->len > 0)
            scan_line (&s, logical->str, logical_line);
          if (too_long)
            crm_ical_report_add (report, CRM_IMPORT_PROBLEM_WARNING, display_name, logical_line,
                                 g_strdup_printf (_("the line is longer than %d MB; the rest of it was ignored"),
                                                  CRM_ICAL_MAX_LINE / (1024 * 1024)));
          too_long = FALSE;
          g_string_truncate (logical, 0);
          g_string_append_len (logical, p, MIN (length, CRM_ICAL_MAX_LINE));
          logical_line = number;
        }
      p = eol;
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
    }
  if (logical_line > 0 && logical->len > 0)
    scan_line (&s, logical->str, logical_line);
  g_string_free (logical, TRUE);

  if (s.block != NULL)
    {
      crm_ical_report_add (report, CRM_IMPORT_PROBLEM_ERROR, display_name, s.block->line,
                           g_strdup_printf (_("the %s that starts here has no END:%s (the file is cut short); it was not imported"),
                                            s.block->kind, s.block->kind));
      count_lost (&s, s.block);
      g_clear_pointer (&s.block, crm_ical_block_free);
    }
  else if (s.stack->len > 0)
    crm_ical_report_add (report, CRM_IMPORT_PROBLEM_WARNING, display_name, number,
                         g_strdup_printf (_("the file ends without END:%s; what came before was read"),
                                          (const char *) g_ptr_array_index (s.stack, 0)));
  g_ptr_array_unref (s.stack);
  return s.blocks;
}

/* ---- time zone names ---------------------------------------------------- */

/* Outlook writes Windows zone names (CLDR windowsZones, the usual ones). */
static const char *windows_zones[] = {
  "Russian Standard Time", "Europe/Moscow",
  "Kaliningrad Standard Time", "Europe/Kaliningrad",
  "Russia Time Zone 3", "Europe/Samara",
  "Astrakhan Standard Time", "Europe/Astrakhan",
  "Volgograd Standard Time", "Europe/Volgograd",
  "Ekaterinburg Standard Time", "Asia/Yekaterinburg",
  "Omsk Standard Time", "Asia/Omsk",
  "N. Central Asia Standard Time", "Asia/Novosibirsk",
  "North Asia Standard Time", "Asia/Krasnoyarsk",
  "North Asia East Standard Time", "Asia/Irkutsk",
  "Yakutsk Standard Time", "Asia/Yakutsk",
  "Vladivostok Standard Time", "Asia/Vladivostok",
  "Magadan Standard Time", "Asia/Magadan",
  "Belarus Standard Time", "Europe/Minsk",
  "FLE Standard Time", "Europe/Kiev",
  "GTB Standard Time", "Europe/Bucharest",
  "E. Europe Standard Time", "Europe/Chisinau",
  "W. Europe Standard Time", "Europe/Berlin",
  "Central Europe Standard Time", "Europe/Budapest",
  "Central European Standard Time", "Europe/Warsaw",
  "Romance Standard Time", "Europe/Paris",
  "GMT Standard Time", "Europe/London",
  "Greenwich Standard Time", "Atlantic/Reykjavik",
  "Turkey Standard Time", "Europe/Istanbul",
  "Israel Standard Time", "Asia/Jerusalem",
  "Georgian Standard Time", "Asia/Tbilisi",
  "Caucasus Standard Time", "Asia/Yerevan",
  "Azerbaijan Standard Time", "Asia/Baku",
  "Arabian Standard Time", "Asia/Dubai",
  "West Asia Standard Time", "Asia/Tashkent",
  "Central Asia Standard Time", "Asia/Almaty",
  "India Standard Time", "Asia/Calcutta",
  "SE Asia Standard Time", "Asia/Bangkok",
  "China Standard Time", "Asia/Shanghai",
  "Singapore Standard Time", "Asia/Singapore",
  "Tokyo Standard Time", "Asia/Tokyo",
  "Korea Standard Time", "Asia/Seoul",
  "AUS Eastern Standard Time", "Australia/Sydney",
  "Eastern Standard Time", "America/New_York",
  "Central Standard Time", "America/Chicago",
  "Mountain Standard Time", "America/Denver",
  "US Mountain Standard Time", "America/Phoenix",
  "Pacific Standard Time", "America/Los_Angeles",
  "Alaskan Standard Time", "America/Anchorage",
  "Hawaiian Standard Time", "Pacific/Honolulu",
  "Atlantic Standard Time", "America/Halifax",
  "E. South America Standard Time", "America/Sao_Paulo",
  "UTC", "UTC",
  "Coordinated Universal Time", "UTC",
  NULL,
};

static gboolean
is_zone (const char *name)
{
  g_autoptr(GTimeZone) tz = NULL;

  /* Only region names: "+03:00" and POSIX strings do not keep a
   * calendar's DST rules. */
  if (name == NULL || *name == '\0' || strchr (name, ',') != NULL || *name == '+' || *name == '-' ||
      (strchr (name, '/') == NULL && !g_str_equal (name, "UTC")))
    return FALSE;
  tz = g_time_zone_new_identifier (name);
  return tz != NULL;
}

char *
crm_ical_olson_name (const char *tzid)
{
  g_autofree char *clean = NULL;
  const char *slash;

  if (tzid == NULL)
    return NULL;
  clean = g_strstrip (g_strdup (tzid));
  /* Quoted, or "(UTC+03:00) Moscow" style prefixes are not names. */
  if (clean[0] == '"')
    {
      gsize n = strlen (clean);
      memmove (clean, clean + 1, n);
      if (n > 1 && clean[n - 2] == '"')
        clean[n - 2] = '\0';
    }
  if (is_zone (clean))
    return g_steal_pointer (&clean);
  for (guint i = 0; windows_zones[i] != NULL; i += 2)
    if (g_ascii_strcasecmp (clean, windows_zones[i]) == 0)
      return g_strdup (windows_zones[i + 1]);
  /* "/mozilla.org/20070129_1/Europe/Berlin", "/freeassociation.sourceforge.net/
   * Tzfile/Europe/Berlin": the longest tail that is a zone. */
  for (slash = strchr (clean, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    if (is_zone (slash + 1))
      return g_strdup (slash + 1);
  return NULL;
}
