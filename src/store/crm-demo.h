/* crm-demo.h — realistic demo data, up to the scale data set
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

typedef struct {
  guint       n_clients;      /* 0: 2,000 */
  guint       n_activities;   /* 0: ten per client */
  guint32     seed;           /* the same seed gives the same data */
  const char *language;       /* "ru" for Russian names, else English; NULL: the UI language */
  gint64      today;          /* Unix seconds of "now"; 0: the real now */
} CrmDemoOptions;

/* Called from the thread that generates, with the share done (0..1) and
 * what is being made, translated. */
typedef void (*CrmDemoProgressFunc) (double fraction, const char *stage, gpointer user_data);

void     crm_demo_options_init (CrmDemoOptions *options);
gboolean crm_demo_generate     (CrmDatabase          *db,
                                const CrmDemoOptions *options,
                                CrmDemoProgressFunc   progress,
                                gpointer              progress_data,
                                GCancellable         *cancellable,
                                GError              **error);

G_END_DECLS
