/* crm-cli-table.h — aligned text tables for the terminal
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CrmCliTable CrmCliTable;

CrmCliTable *crm_cli_table_new        (void);
void         crm_cli_table_free       (CrmCliTable *table);
void         crm_cli_table_set_header (CrmCliTable *table, const char *first, ...) G_GNUC_NULL_TERMINATED;
/* Takes the cells (g_free'd later). */
void         crm_cli_table_add_row    (CrmCliTable *table, char *first, ...) G_GNUC_NULL_TERMINATED;
char        *crm_cli_table_to_string  (CrmCliTable *table);
void         crm_cli_table_print      (CrmCliTable *table);

/* Terminal text: widths in columns (a wide character takes two, a
 * combining mark none), padding and word wrapping by those widths. */
guint        crm_cli_text_width       (const char *text);
void         crm_cli_append_padded    (GString    *out,
                                       const char *text,
                                       guint       width,
                                       gboolean    left);
/* Appends @text, which starts at @column, wrapped at spaces so that no line
 * passes @max_width columns (a longer word stands alone); continued lines
 * are indented by @indent columns. Ends with a newline. */
void         crm_cli_append_wrapped   (GString    *out,
                                       const char *text,
                                       guint       column,
                                       guint       indent,
                                       guint       max_width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCliTable, crm_cli_table_free)

G_END_DECLS
