/* crm-my-day-private.h — what the files of "My day" share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-activity.h"
#include "crm-client.h"
#include "crm-deal.h"
#include "crm-my-day.h"

G_BEGIN_DECLS

/* crm-my-day.c: what the buttons of the rows do */
void       crm_my_day_open_client        (CrmMyDay    *self,
                                          gint64       client_id);
void       crm_my_day_schedule_call      (CrmMyDay    *self,
                                          gint64       client_id,
                                          const char  *client_name);
void       crm_my_day_mark_done          (CrmMyDay    *self,
                                          GtkWidget   *button,
                                          CrmActivity *activity);
void       crm_my_day_move_to_tomorrow   (CrmMyDay    *self,
                                          GtkWidget   *button,
                                          CrmActivity *activity);

/* crm-my-day-rows.c: the rows of the four lists */
GtkWidget *crm_my_day_activity_row       (CrmMyDay    *self,
                                          CrmActivity *activity,
                                          gint64       now,
                                          gboolean     with_date);
GtkWidget *crm_my_day_client_row         (CrmMyDay    *self,
                                          CrmClient   *client,
                                          gint64       now);
GtkWidget *crm_my_day_deal_row           (CrmMyDay    *self,
                                          CrmDeal     *deal,
                                          gint64       now,
                                          const char  *currency);
void       crm_my_day_clear_list         (GtkListBox  *list);
void       crm_my_day_add_placeholder    (GtkListBox  *list,
                                          const char  *text);

G_END_DECLS
