/* crm-my-day-data.h — what "My day" shows, read in a worker thread
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_MY_DAY_MAX_ROWS 20

typedef struct {
  /* asked */
  char      *db_path;
  gint64     manager_id;      /* 0: the manager with the most activities today */
  gint64     now;
  GDate      today;
  int        follow_up_days;
  int        stuck_days;
  /* read */
  guint      n_managers;      /* active ones; 0 leaves the lists NULL */
  GPtrArray *agenda;          /* CrmActivity, today, by start */
  GPtrArray *overdue;         /* CrmActivity, latest first */
  GPtrArray *clients;         /* CrmClient, the first CRM_MY_DAY_MAX_ROWS */
  guint      clients_total;
  GPtrArray *deals;           /* CrmDeal, the first CRM_MY_DAY_MAX_ROWS */
  guint      deals_total;
} CrmMyDayData;

void          crm_my_day_data_free (CrmMyDayData *data);
/* Reads everything with its own connection to @data->db_path. */
gboolean      crm_my_day_data_load (CrmMyDayData *data, GCancellable *cancellable, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmMyDayData, crm_my_day_data_free)

G_END_DECLS
