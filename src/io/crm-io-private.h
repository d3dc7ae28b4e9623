/* crm-io-private.h — helpers the import and export files share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-text.h"

G_BEGIN_DECLS

/* A lookup key: case-folded, ё as е, only letters and digits kept.
 * "E-mail 1 - Value" → "email1value", "Рабочий e-mail" → "рабочийemail". */
char       *crm_io_key            (const char *text);

/* A table from the keys of @pairs ({ text, value, text, value, …, NULL })
 * to their values (static strings). */
GHashTable *crm_io_key_table_new  (const char * const *pairs);
const char *crm_io_key_lookup     (GHashTable *table,
                                   const char *text);

const char *crm_io_detect_encoding (const guint8 *data,
                                    gsize         length,
                                    gsize        *bom_length,
                                    gboolean     *repair);

/* The display name of a file for messages: its base name. */
char       *crm_io_display_name   (const char *path);

char       *crm_io_position       (const char *file,
                                   guint       line,
                                   guint       column);

void        crm_io_set_error      (GError    **error,
                                   CrmIoError  code,
                                   const char *position,
                                   const char *message);

/* Bytes of a file, mapped rather than read when possible. */
GBytes     *crm_io_map_file       (const char *path,
                                   GError    **error);

GBytes     *crm_io_open_file      (const char *path,
                                   char      **display_name,
                                   GError    **error);
gboolean    crm_io_has_cyrillic   (const char *text);

G_END_DECLS
