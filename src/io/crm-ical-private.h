/* crm-ical-private.h — what the iCalendar files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libical/ical.h>

#include "crm-ical.h"

G_BEGIN_DECLS

#define CRM_ICAL_MAX_LINE       (1024 * 1024)   /* one unfolded line */
#define CRM_ICAL_MAX_COMPONENTS 2000000
#define CRM_ICAL_MAX_PROBLEMS   500

/* One component of the file (VEVENT, VTODO, VTIMEZONE, …) as its unfolded
 * lines, each with the physical line it started on. */
typedef struct {
  char      *kind;         /* upper case: "VEVENT" */
  guint      line;         /* the line of its BEGIN */
  GPtrArray *lines;        /* char *, BEGIN … END */
  GArray    *numbers;      /* guint, parallel to lines */
  GArray    *depths;       /* guint: 1 for the component's own properties */
} CrmIcalBlock;

void        crm_ical_block_free   (CrmIcalBlock *block);
char       *crm_ical_block_text   (const CrmIcalBlock *block);
/* The value of the first property @name of the component itself (not of
 * a VALARM inside), and its line; NULL when there is none. */
const char *crm_ical_block_find   (const CrmIcalBlock *block, const char *name, guint nth, guint *line);

/* Splits the text into components, reporting lines it cannot place. */
GPtrArray  *crm_ical_scan         (const char *text, const char *display_name, CrmIcalReport *report);

void        crm_ical_report_add   (CrmIcalReport *report, CrmImportSeverity severity, const char *file,
                                   guint line, char *message);

/* An Olson name for a TZID written by any of the usual programs
 * ("Europe/Berlin", "/mozilla.org/…/Europe/Berlin", "Russian Standard
 * Time"), or NULL. */
char       *crm_ical_olson_name   (const char *tzid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmIcalBlock, crm_ical_block_free)

G_END_DECLS
