/* crm-timeline-store.h — one client's history: activities, deals, payments, complaints
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-activity.h"
#include "crm-complaint.h"
#include "crm-database.h"
#include "crm-deal.h"
#include "crm-payment.h"

G_BEGIN_DECLS

typedef enum {
  CRM_TIMELINE_ACTIVITY,
  CRM_TIMELINE_DEAL,
  CRM_TIMELINE_PAYMENT,
  CRM_TIMELINE_COMPLAINT,
} CrmTimelineKind;

/* One entry of the timeline. @at is when it sorts: an activity's start, a
 * deal's last stage change, and for the dated payments and complaints the
 * end of their (local) day, so that they head the entries of that day. */
typedef struct {
  CrmTimelineKind kind;
  gint64          at;
  GObject        *object;   /* a CrmActivity, CrmDeal, CrmPayment or CrmComplaint */
} CrmTimelineEntry;

/* All time, for one client. */
typedef struct {
  gint64 revenue;           /* payments, minor units */
  gint64 complaint_cost;    /* complaint costs, minor units */
  gint64 result;            /* revenue − complaint costs: below zero is loss-making */
  guint  n_activities;
  guint  n_deals;
  guint  n_payments;
  guint  n_complaints;
} CrmClientSummary;

void       crm_timeline_entry_free   (CrmTimelineEntry *entry);
guint      crm_client_summary_n_entries (const CrmClientSummary *summary);

/* The newest @limit entries of the client's timeline, newest first (planned
 * activities in the future come before the past). */
GPtrArray *crm_timeline_store_list    (CrmDatabase *db, gint64 client_id, guint limit, GError **error);
gboolean   crm_timeline_store_summary (CrmDatabase *db, gint64 client_id, CrmClientSummary *out,
                                       GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmTimelineEntry, crm_timeline_entry_free)

G_END_DECLS
