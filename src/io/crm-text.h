/* crm-text.h — bytes from other programs turned into UTF-8 text
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_IO_ERROR (crm_io_error_quark ())

typedef enum {
  CRM_IO_ERROR_FAILED,
  CRM_IO_ERROR_ENCODING,   /* bytes that are not text in any encoding we read */
  CRM_IO_ERROR_FORMAT,     /* not the format it claims to be */
  CRM_IO_ERROR_TOO_LARGE,  /* a line or field beyond the limits */
  CRM_IO_ERROR_EMPTY,      /* nothing to import */
} CrmIoError;

GQuark      crm_io_error_quark        (void);

const char *crm_text_detect_encoding  (const guint8 *data,
                                       gsize         length,
                                       gsize        *bom_length);
char       *crm_text_to_utf8          (const guint8 *data,
                                       gsize         length,
                                       const char  **encoding,
                                       gsize        *out_length,
                                       GError      **error);
char       *crm_text_convert_charset  (const char   *data,
                                       gssize        length,
                                       const char   *charset,
                                       GError      **error);

G_END_DECLS
