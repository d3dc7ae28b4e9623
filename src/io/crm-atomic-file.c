/* crm-atomic-file.c — an output file that appears whole or not at all
 *
 * Everything is written to a hidden temporary file beside the target
 * (".clients.csv.XXXXXX", readable by the owner only), which replaces the
 * target by rename() once it is complete. A failed, cancelled or abandoned
 * write removes the temporary file and leaves whatever was at the target
 * untouched: an export never leaves half a file behind.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crm-atomic-file.h"

struct _CrmAtomicFile {
  char          *path;
  char          *tmp_path;
  GOutputStream *stream;
  gboolean       committed;
};

static void
prefix_error (GError **error, const char *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_prefix_error (error, _("Cannot write “%s”: "), name);
}

/* A temporary file in the folder of @path; the target is not touched. */
CrmAtomicFile *
crm_atomic_file_new (const char *path, GCancellable *cancellable, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  CrmAtomicFile *file;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Give the name of the file to write."), name);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  file = g_new0 (CrmAtomicFile, 1);
  file->path = g_strdup (path);
  for (int attempt = 0; attempt < 100 && file->stream == NULL; attempt++)
    {
      g_autoptr(GFile) tmp = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *tmp_name = g_strdup_printf (".%s.%06x", base, g_random_int () & 0xffffff);

      g_free (file->tmp_path);
      file->tmp_path = g_build_filename (dir, tmp_name, NULL);
      tmp = g_file_new_for_path (file->tmp_path);
      file->stream = G_OUTPUT_STREAM (g_file_create (tmp, G_FILE_CREATE_PRIVATE, cancellable,
                                                     &local_error));
      if (file->stream == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          prefix_error (error, path);
          g_clear_pointer (&file->tmp_path, g_free);
          crm_atomic_file_free (file);
          return NULL;
        }
    }
  if (file->stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s", g_strerror (EEXIST));
      prefix_error (error, path);
      g_clear_pointer (&file->tmp_path, g_free);
      crm_atomic_file_free (file);
      return NULL;
    }
  return file;
}

GOutputStream *
crm_atomic_file_get_stream (CrmAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->stream;
}

/* Closes the temporary file and puts it in the target's place. On an error
 * the temporary file is removed and the target left as it was. */
gboolean
crm_atomic_file_commit (CrmAtomicFile *file, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (!file->committed, FALSE);

  if (!g_output_stream_close (file->stream, cancellable, error))
    {
      prefix_error (error, file->path);
      return FALSE;
    }
  if (g_rename (file->tmp_path, file->path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      prefix_error (error, file->path);
      return FALSE;
    }
  file->committed = TRUE;
  return TRUE;
}

/* Without a commit, the temporary file goes and the target stays. */
void
crm_atomic_file_free (CrmAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->stream != NULL && !g_output_stream_is_closed (file->stream))
    g_output_stream_close (file->stream, NULL, NULL);
  if (!file->committed && file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  g_clear_object (&file->stream);
  g_free (file->tmp_path);
  g_free (file->path);
  g_free (file);
}
