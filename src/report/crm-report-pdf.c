/* crm-report-pdf.c — a laid-out report written as a PDF file
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "crm-report-pdf.h"

typedef struct {
  FILE *file;
  int   saved_errno;
} Sink;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  if (sink->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_file_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: %1$s is a file name, %2$s the system's reason ("Permission denied") */
               _("The report could not be written to “%1$s”: %2$s."), display, g_strerror (saved_errno));
}

static void
set_metadata (cairo_surface_t *surface, const CrmReportDoc *doc)
{
  g_autofree char *title = crm_report_doc_dup_full_title (doc);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (crm_report_doc_get_company (doc)[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, crm_report_doc_get_company (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "SalesCRM " PACKAGE_VERSION);
}

gboolean
crm_report_write_pdf (const CrmReportLayout *layout, const CrmReportDoc *doc, const char *path, GError **error)
{
  g_autofree char *part = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { NULL, 0 };

  g_return_val_if_fail (layout != NULL && doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);

  part = g_strconcat (path, ".part", NULL);
  sink.file = g_fopen (part, "wb");
  if (sink.file == NULL)
    {
      set_file_error (error, path, errno);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink,
                                                 crm_report_layout_get_width (layout),
                                                 crm_report_layout_get_height (layout));
  set_metadata (surface, doc);
  cr = cairo_create (surface);
  for (guint page = 0; page < crm_report_layout_get_n_pages (layout); page++)
    {
      crm_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (fclose (sink.file) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;
  if (sink.saved_errno == 0 && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The report could not be drawn: %s."),
                   cairo_status_to_string (status));
      g_unlink (part);
      return FALSE;
    }
  if (sink.saved_errno != 0)
    {
      set_file_error (error, path, sink.saved_errno);
      g_unlink (part);
      return FALSE;
    }
  if (g_rename (part, path) != 0)
    {
      int saved_errno = errno;
      set_file_error (error, path, saved_errno);
      g_unlink (part);
      return FALSE;
    }
  return TRUE;
}
