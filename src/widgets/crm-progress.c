/* crm-progress.c — a worker thread's progress shown in a progress bar
 *
 * The worker only stores the fraction, atomically; a timeout on the main
 * loop moves the bar ten times a second. No widget is touched, referenced
 * or released by the worker. The timeout holds its own reference and ends
 * on the main thread — with crm_progress_stop() or when the bar goes — so
 * the last crm_progress_unref() may come from any thread.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-progress.h"

#define SCALE 10000
#define INTERVAL_MS 100

struct _CrmProgress {
  gint            ref_count;
  gint            value;       /* fraction × SCALE, written by any thread */
  GtkProgressBar *bar;         /* weak; main thread only */
  guint           source;      /* main thread only */
};

static gboolean
tick_cb (gpointer user_data)
{
  CrmProgress *progress = user_data;

  if (progress->bar != NULL)
    {
      gtk_progress_bar_set_fraction (progress->bar, (double) g_atomic_int_get (&progress->value) / SCALE);
      return G_SOURCE_CONTINUE;
    }
  progress->source = 0;
  crm_progress_unref (progress);
  return G_SOURCE_REMOVE;
}

/* On the main thread: @bar shows the fraction from now on, starting at 0. */
CrmProgress *
crm_progress_new (GtkProgressBar *bar)
{
  CrmProgress *progress;

  g_return_val_if_fail (GTK_IS_PROGRESS_BAR (bar), NULL);

  progress = g_new0 (CrmProgress, 1);
  progress->ref_count = 2;   /* the caller's and the timeout's */
  progress->bar = bar;
  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &progress->bar);
  gtk_progress_bar_set_fraction (bar, 0);
  progress->source = g_timeout_add (INTERVAL_MS, tick_cb, progress);
  return progress;
}

CrmProgress *
crm_progress_ref (CrmProgress *progress)
{
  g_atomic_int_inc (&progress->ref_count);
  return progress;
}

/* From any thread. */
void
crm_progress_unref (CrmProgress *progress)
{
  if (progress != NULL && g_atomic_int_dec_and_test (&progress->ref_count))
    g_free (progress);
}

/* On the main thread: the bar moves no more (the work is over). */
void
crm_progress_stop (CrmProgress *progress)
{
  if (progress->source == 0)
    return;
  g_clear_handle_id (&progress->source, g_source_remove);
  if (progress->bar != NULL)
    g_object_remove_weak_pointer (G_OBJECT (progress->bar), (gpointer *) &progress->bar);
  progress->bar = NULL;
  crm_progress_unref (progress);   /* the timeout's */
}

/* From any thread; a CrmImportProgress / CrmExportProgress callback. */
void
crm_progress_set (double fraction, gpointer user_data)
{
  CrmProgress *progress = user_data;

  g_atomic_int_set (&progress->value, (gint) (CLAMP (fraction, 0.0, 1.0) * SCALE));
}

/* For a window's close-request while its worker runs (@cancellable not
 * NULL): the work is stopped and the window hidden, to be destroyed when
 * the worker has finished (*@close_when_done). TRUE when it is so held. */
gboolean
crm_progress_hold_close (GtkWindow *window, GCancellable *cancellable, gboolean *close_when_done)
{
  if (cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (cancellable);
  *close_when_done = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  return TRUE;
}
