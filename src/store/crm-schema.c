/* crm-schema.c — the schema, one migration function per version
 *
 * Conventions: instants (when something happened or starts) are INTEGER Unix
 * seconds (*_at); calendar days are TEXT ISO dates 'YYYY-MM-DD' (*_on,
 * expected_close); a month is 'YYYY-MM'. Money is INTEGER minor units.
 * Named CHECK constraints are called "table.field" so that a rejection names
 * the field (see crm-database.c). Enumerations are checked with OR chains,
 * not IN lists: SQLite builds an ephemeral table for an IN list every time
 * the insert runs, which made bulk inserts five times slower. The tables a client's deletion can take
 * with it use AUTOINCREMENT, so an undone deletion gets its ids back
 * without ever colliding with rows created in between.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-database-private.h"
#include "crm-money.h"
#include "crm-rollup.h"
#include "crm-setting-store.h"

#define CRM_APPLICATION_ID_SQL "1396920909" /* 'SCRM' */

#define STAGE_RANK(x) \
  "CASE " x " WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'meeting' THEN 2 WHEN 'proposal' THEN 3" \
  " WHEN 'negotiation' THEN 4 WHEN 'won' THEN 5 ELSE 0 END"

/* An activity counts in the KPIs when it is not a series master and is a
 * done call or a held or planned meeting. */
#define ACTIVITY_COUNTS(r) \
  "(" r ".rrule IS NULL AND ((" r ".type = 'call' AND " r ".state = 'done') OR" \
  " (" r ".type = 'meeting' AND " r ".state <> 'cancelled')))"

/* Adds (sign +) or removes (sign -) one activity's share of its day. */
#define ACTIVITY_ROLLUP(r, sign) \
  "INSERT INTO kpi_activity_day (day, manager_id, calls, calls_inbound, calls_outbound, talk_min," \
  " talk_inbound, talk_outbound, meetings_held, meetings_planned)" \
  " VALUES (date (" r ".starts_at, 'unixepoch', 'localtime'), " r ".manager_id," \
  " " sign " (" r ".type = 'call')," \
  " " sign " (" r ".type = 'call' AND " r ".direction IS 'inbound')," \
  " " sign " (" r ".type = 'call' AND " r ".direction IS 'outbound')," \
  " " sign " (" r ".type = 'call') * " r ".duration_min," \
  " " sign " (" r ".type = 'call' AND " r ".direction IS 'inbound') * " r ".duration_min," \
  " " sign " (" r ".type = 'call' AND " r ".direction IS 'outbound') * " r ".duration_min," \
  " " sign " (" r ".type = 'meeting' AND " r ".state = 'done')," \
  " " sign " (" r ".type = 'meeting' AND " r ".state = 'planned'))" \
  " ON CONFLICT (day, manager_id) DO UPDATE SET calls = calls + excluded.calls," \
  " calls_inbound = calls_inbound + excluded.calls_inbound," \
  " calls_outbound = calls_outbound + excluded.calls_outbound," \
  " talk_min = talk_min + excluded.talk_min, talk_inbound = talk_inbound + excluded.talk_inbound," \
  " talk_outbound = talk_outbound + excluded.talk_outbound," \
  " meetings_held = meetings_held + excluded.meetings_held," \
  " meetings_planned = meetings_planned + excluded.meetings_planned"

/* A deal's share of the funnel of the day it was created. */
#define DEAL_FUNNEL_ROLLUP(r, sign) \
  "INSERT INTO kpi_deal_day (day, manager_id, created, reached_qualified, reached_meeting, reached_proposal," \
  " reached_negotiation, reached_won, lost, stay_new, left_new, stay_qualified, left_qualified," \
  " stay_meeting, left_meeting, stay_proposal, left_proposal, stay_negotiation, left_negotiation)" \
  " VALUES (date (" r ".created_at, 'unixepoch', 'localtime'), " r ".manager_id, " sign " 1," \
  " " sign " (" r ".reached_rank >= 1), " sign " (" r ".reached_rank >= 2), " sign " (" r ".reached_rank >= 3)," \
  " " sign " (" r ".reached_rank >= 4), " sign " (" r ".reached_rank >= 5), " sign " (" r ".stage = 'lost')," \
  " " sign " " r ".stay_new, " sign " (" r ".stay_new > 0)," \
  " " sign " " r ".stay_qualified, " sign " (" r ".stay_qualified > 0)," \
  " " sign " " r ".stay_meeting, " sign " (" r ".stay_meeting > 0)," \
  " " sign " " r ".stay_proposal, " sign " (" r ".stay_proposal > 0)," \
  " " sign " " r ".stay_negotiation, " sign " (" r ".stay_negotiation > 0))" \
  " ON CONFLICT (day, manager_id) DO UPDATE SET created = created + excluded.created," \
  " reached_qualified = reached_qualified + excluded.reached_qualified," \
  " reached_meeting = reached_meeting + excluded.reached_meeting," \
  " reached_proposal = reached_proposal + excluded.reached_proposal," \
  " reached_negotiation = reached_negotiation + excluded.reached_negotiation," \
  " reached_won = reached_won + excluded.reached_won, lost = lost + excluded.lost," \
  " stay_new = stay_new + excluded.stay_new, left_new = left_new + excluded.left_new," \
  " stay_qualified = stay_qualified + excluded.stay_qualified," \
  " left_qualified = left_qualified + excluded.left_qualified," \
  " stay_meeting = stay_meeting + excluded.stay_meeting, left_meeting = left_meeting + excluded.left_meeting," \
  " stay_proposal = stay_proposal + excluded.stay_proposal," \
  " left_proposal = left_proposal + excluded.left_proposal," \
  " stay_negotiation = stay_negotiation + excluded.stay_negotiation," \
  " left_negotiation = left_negotiation + excluded.left_negotiation"

/* An open deal's weighted amount (amount × probability%, kept × 100) on the
 * day it is expected to close ('' when nobody said). */
#define DEAL_OPEN(r) "(" r ".stage <> 'won' AND " r ".stage <> 'lost')"
#define DEAL_PIPELINE_ROLLUP(r, sign) \
  "INSERT INTO kpi_pipeline_day (close_on, manager_id, weighted)" \
  " VALUES (coalesce (" r ".expected_close, ''), " r ".manager_id, " sign " " r ".amount * " r ".probability)" \
  " ON CONFLICT (close_on, manager_id) DO UPDATE SET weighted = weighted + excluded.weighted"

#define PAYMENT_ROLLUP(r, sign) \
  "INSERT INTO kpi_payment_day (day, manager_id, source, revenue)" \
  " VALUES (" r ".paid_on, " r ".manager_id, (SELECT source FROM client WHERE id = " r ".client_id)," \
  " " sign " " r ".amount)" \
  " ON CONFLICT (day, manager_id, source) DO UPDATE SET revenue = revenue + excluded.revenue"

static const char schema_v1[] =
  "CREATE TABLE manager ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CONSTRAINT \"manager.name\" CHECK (length(trim(name)) > 0),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  active INTEGER NOT NULL DEFAULT 1 CONSTRAINT \"manager.active\" CHECK (active = 0 OR active = 1),"
  "  hired_on TEXT CONSTRAINT \"manager.hired_on\" CHECK (hired_on IS NULL OR hired_on IS date(hired_on)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE client ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL DEFAULT 'person' CONSTRAINT \"client.kind\" CHECK ((kind = 'person' OR kind = 'company')),"
  "  name TEXT NOT NULL CONSTRAINT \"client.name\" CHECK (length(trim(name)) > 0),"
  "  sort_key TEXT NOT NULL,"
  "  company TEXT NOT NULL DEFAULT '',"
  "  phones TEXT NOT NULL DEFAULT '',"          /* one per line, the first is the main one */
  "  emails TEXT NOT NULL DEFAULT '',"          /* one per line */
  "  address TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT 'other' CONSTRAINT \"client.source\""
  "    CHECK ((source = 'inbound_call' OR source = 'outbound_call' OR source = 'referral' OR source = 'website' OR source = 'other')),"
  "  status TEXT NOT NULL DEFAULT 'lead' CONSTRAINT \"client.status\""
  "    CHECK ((status = 'lead' OR status = 'prospect' OR status = 'customer' OR status = 'regular' OR status = 'lost')),"
  "  status_rank INTEGER GENERATED ALWAYS AS (CASE status WHEN 'lead' THEN 0 WHEN 'prospect' THEN 1"
  "    WHEN 'customer' THEN 2 WHEN 'regular' THEN 3 ELSE 4 END) VIRTUAL,"
  "  owner_id INTEGER REFERENCES manager (id) ON DELETE RESTRICT,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  first_paid_on TEXT,"                       /* kept by the payment triggers */
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE tag ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CONSTRAINT \"tag.name\" CHECK (length(trim(name)) > 0),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE client_tag ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (client_id, tag_id)"
  ");"

  "CREATE TABLE deal ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  "  manager_id INTEGER NOT NULL REFERENCES manager (id) ON DELETE RESTRICT,"
  "  title TEXT NOT NULL CONSTRAINT \"deal.title\" CHECK (length(trim(title)) > 0),"
  "  amount INTEGER NOT NULL DEFAULT 0 CONSTRAINT \"deal.amount\" CHECK (amount >= 0),"
  "  stage TEXT NOT NULL DEFAULT 'new' CONSTRAINT \"deal.stage\""
  "    CHECK ((stage = 'new' OR stage = 'qualified' OR stage = 'meeting' OR stage = 'proposal' OR stage = 'negotiation' OR stage = 'won' OR stage = 'lost')),"
  "  probability INTEGER NOT NULL DEFAULT 10 CONSTRAINT \"deal.probability\" CHECK (probability BETWEEN 0 AND 100),"
  "  expected_close TEXT CONSTRAINT \"deal.expected_close\""
  "    CHECK (expected_close IS NULL OR expected_close IS date(expected_close)),"
  "  stage_changed_at INTEGER NOT NULL,"
  /* Kept by the stage triggers for the funnel: the furthest stage reached
   * (0 new … 5 won) and the seconds spent in each open stage. */
  "  reached_rank INTEGER NOT NULL DEFAULT 0,"
  "  stay_new INTEGER NOT NULL DEFAULT 0,"
  "  stay_qualified INTEGER NOT NULL DEFAULT 0,"
  "  stay_meeting INTEGER NOT NULL DEFAULT 0,"
  "  stay_proposal INTEGER NOT NULL DEFAULT 0,"
  "  stay_negotiation INTEGER NOT NULL DEFAULT 0,"
  "  closed_on TEXT CONSTRAINT \"deal.closed_on\""
  "    CHECK (closed_on IS NULL OR (closed_on IS date(closed_on) AND (stage = 'won' OR stage = 'lost'))),"
  "  lost_reason TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CONSTRAINT \"deal.closed_on:after_created\""
  "    CHECK (closed_on IS NULL OR closed_on >= date(created_at - 86400, 'unixepoch'))"
  ");"

  "CREATE TABLE deal_stage_change ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,"
  "  from_stage TEXT CHECK (from_stage IS NULL OR (from_stage = 'new' OR from_stage = 'qualified' OR from_stage = 'meeting' OR from_stage = 'proposal' OR from_stage = 'negotiation' OR from_stage = 'won' OR from_stage = 'lost')),"
  "  to_stage TEXT NOT NULL CHECK ((to_stage = 'new' OR to_stage = 'qualified' OR to_stage = 'meeting' OR to_stage = 'proposal' OR to_stage = 'negotiation' OR to_stage = 'won' OR to_stage = 'lost')),"
  "  changed_at INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  type TEXT NOT NULL CONSTRAINT \"activity.type\" CHECK ((type = 'call' OR type = 'meeting' OR type = 'task')),"
  "  client_id INTEGER REFERENCES client (id) ON DELETE CASCADE,"
  "  manager_id INTEGER NOT NULL REFERENCES manager (id) ON DELETE RESTRICT,"
  "  deal_id INTEGER REFERENCES deal (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  starts_at INTEGER NOT NULL,"
  "  duration_min INTEGER NOT NULL DEFAULT 0 CONSTRAINT \"activity.duration_min\""
  "    CHECK (duration_min BETWEEN 0 AND 100000),"
  "  all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day = 0 OR all_day = 1),"
  "  direction TEXT CONSTRAINT \"activity.direction\""
  "    CHECK (direction IS NULL OR (type = 'call' AND (direction = 'inbound' OR direction = 'outbound'))),"
  "  state TEXT NOT NULL DEFAULT 'planned' CONSTRAINT \"activity.state\""
  "    CHECK ((state = 'planned' OR state = 'done' OR state = 'cancelled')),"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  location TEXT NOT NULL DEFAULT '',"
  "  reminder_min INTEGER CONSTRAINT \"activity.reminder_min\" CHECK (reminder_min IS NULL OR reminder_min >= 0),"
  "  rrule TEXT,"                               /* RFC 5545 RRULE of a series, else NULL */
  "  exdates TEXT,"                             /* excluded occurrences: Unix seconds, comma-separated */
  "  tzid TEXT,"                                /* the zone whose local hour a series keeps */
  "  series_id INTEGER REFERENCES activity (id) ON DELETE CASCADE,"
  "  recurrence_at INTEGER,"                    /* the occurrence of series_id this row replaces */
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CONSTRAINT \"activity.recurrence_at\" CHECK ((series_id IS NULL) = (recurrence_at IS NULL))"
  ");"

  "CREATE TABLE payment ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  "  manager_id INTEGER NOT NULL REFERENCES manager (id) ON DELETE RESTRICT,"
  "  deal_id INTEGER REFERENCES deal (id) ON DELETE SET NULL,"
  "  paid_on TEXT NOT NULL CONSTRAINT \"payment.paid_on\" CHECK (paid_on IS date(paid_on)),"
  "  amount INTEGER NOT NULL CONSTRAINT \"payment.amount\" CHECK (amount >= 0),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE complaint ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  "  manager_id INTEGER NOT NULL REFERENCES manager (id) ON DELETE RESTRICT,"
  "  deal_id INTEGER REFERENCES deal (id) ON DELETE SET NULL,"
  "  opened_on TEXT NOT NULL CONSTRAINT \"complaint.opened_on\" CHECK (opened_on IS date(opened_on)),"
  "  cost INTEGER NOT NULL DEFAULT 0 CONSTRAINT \"complaint.cost\" CHECK (cost >= 0),"
  "  status TEXT NOT NULL DEFAULT 'open' CONSTRAINT \"complaint.status\""
  "    CHECK ((status = 'open' OR status = 'resolved' OR status = 'rejected')),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE kpi_target ("
  "  id INTEGER PRIMARY KEY,"
  "  manager_id INTEGER NOT NULL REFERENCES manager (id) ON DELETE CASCADE,"
  "  month TEXT NOT NULL CONSTRAINT \"kpi_target.month\""
  "    CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),"
  "  revenue INTEGER CONSTRAINT \"kpi_target.revenue\" CHECK (revenue IS NULL OR revenue >= 0),"
  "  calls INTEGER CONSTRAINT \"kpi_target.calls\" CHECK (calls IS NULL OR calls >= 0),"
  "  talk_min INTEGER CONSTRAINT \"kpi_target.talk_min\" CHECK (talk_min IS NULL OR talk_min >= 0),"
  "  meetings INTEGER CONSTRAINT \"kpi_target.meetings\" CHECK (meetings IS NULL OR meetings >= 0),"
  "  new_clients INTEGER CONSTRAINT \"kpi_target.new_clients\" CHECK (new_clients IS NULL OR new_clients >= 0),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (manager_id, month)"
  ");"

  "CREATE TABLE setting ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE CONSTRAINT \"setting.key\" CHECK (length(key) > 0),"
  "  value TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  /* Full-text search over the folded name, company, e-mails and phone
   * digits. Contentless: the table holds only the index. */
  "CREATE VIRTUAL TABLE client_fts USING fts5 ("
  "  name, company, emails, phones,"
  "  content = '', tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER client_fts_insert AFTER INSERT ON client BEGIN"
  "  INSERT INTO client_fts (rowid, name, company, emails, phones)"
  "  VALUES (NEW.id, crm_fold(NEW.name), crm_fold(NEW.company), crm_fold(NEW.emails),"
  "          crm_phone_tokens(NEW.phones));"
  "END;"
  "CREATE TRIGGER client_fts_delete AFTER DELETE ON client BEGIN"
  "  INSERT INTO client_fts (client_fts, rowid, name, company, emails, phones)"
  "  VALUES ('delete', OLD.id, crm_fold(OLD.name), crm_fold(OLD.company), crm_fold(OLD.emails),"
  "          crm_phone_tokens(OLD.phones));"
  "END;"
  "CREATE TRIGGER client_fts_update AFTER UPDATE OF name, company, emails, phones ON client BEGIN"
  "  INSERT INTO client_fts (client_fts, rowid, name, company, emails, phones)"
  "  VALUES ('delete', OLD.id, crm_fold(OLD.name), crm_fold(OLD.company), crm_fold(OLD.emails),"
  "          crm_phone_tokens(OLD.phones));"
  "  INSERT INTO client_fts (rowid, name, company, emails, phones)"
  "  VALUES (NEW.id, crm_fold(NEW.name), crm_fold(NEW.company), crm_fold(NEW.emails),"
  "          crm_phone_tokens(NEW.phones));"
  "END;"

  /* A client's first payment ever, for new- vs repeat-client revenue. */
  "CREATE TRIGGER payment_first_insert AFTER INSERT ON payment BEGIN"
  "  UPDATE client SET first_paid_on = NEW.paid_on"
  "   WHERE id = NEW.client_id AND (first_paid_on IS NULL OR first_paid_on > NEW.paid_on);"
  "END;"
  "CREATE TRIGGER payment_first_delete AFTER DELETE ON payment BEGIN"
  "  UPDATE client SET first_paid_on = (SELECT min(paid_on) FROM payment WHERE client_id = OLD.client_id)"
  "   WHERE id = OLD.client_id;"
  "END;"
  "CREATE TRIGGER payment_first_update AFTER UPDATE OF paid_on, client_id ON payment BEGIN"
  "  UPDATE client SET first_paid_on = (SELECT min(paid_on) FROM payment WHERE client_id = OLD.client_id)"
  "   WHERE id = OLD.client_id;"
  "  UPDATE client SET first_paid_on = (SELECT min(paid_on) FROM payment WHERE client_id = NEW.client_id)"
  "   WHERE id = NEW.client_id;"
  "END;"

  /* The stage history records itself: whoever changes a stage. The same
   * triggers keep the deal's funnel columns. */
  "CREATE TRIGGER deal_stage_insert AFTER INSERT ON deal BEGIN"
  "  INSERT INTO deal_stage_change (deal_id, from_stage, to_stage, changed_at, created_at, updated_at)"
  "  VALUES (NEW.id, NULL, NEW.stage, NEW.stage_changed_at, NEW.created_at, NEW.created_at);"
  "  UPDATE deal SET reached_rank = max (reached_rank, " STAGE_RANK ("NEW.stage") ") WHERE id = NEW.id;"
  "END;"
  "CREATE TRIGGER deal_stage_update AFTER UPDATE OF stage ON deal WHEN OLD.stage IS NOT NEW.stage BEGIN"
  "  INSERT INTO deal_stage_change (deal_id, from_stage, to_stage, changed_at, created_at, updated_at)"
  "  VALUES (NEW.id, OLD.stage, NEW.stage, NEW.stage_changed_at, NEW.updated_at, NEW.updated_at);"
  "  UPDATE deal SET reached_rank = max (reached_rank, " STAGE_RANK ("NEW.stage") "),"
  "    stay_new = stay_new + (OLD.stage = 'new') * max (0, NEW.stage_changed_at - OLD.stage_changed_at),"
  "    stay_qualified = stay_qualified + (OLD.stage = 'qualified') * max (0, NEW.stage_changed_at - OLD.stage_changed_at),"
  "    stay_meeting = stay_meeting + (OLD.stage = 'meeting') * max (0, NEW.stage_changed_at - OLD.stage_changed_at),"
  "    stay_proposal = stay_proposal + (OLD.stage = 'proposal') * max (0, NEW.stage_changed_at - OLD.stage_changed_at),"
  "    stay_negotiation = stay_negotiation + (OLD.stage = 'negotiation') * max (0, NEW.stage_changed_at - OLD.stage_changed_at)"
  "   WHERE id = NEW.id;"
  "END;"

  /* Rollups for the KPIs, per manager and local day, kept in the same
   * transaction as every write by the triggers below (derived data: no id
   * or timestamps of their own). The day of an activity is its local date
   * in the zone recorded in the setting rollup_tz; crm-rollup.c rebuilds
   * them when the zone changes. */
  "CREATE TABLE kpi_activity_day ("
  "  day TEXT NOT NULL,"
  "  manager_id INTEGER NOT NULL,"
  "  calls INTEGER NOT NULL DEFAULT 0,"
  "  calls_inbound INTEGER NOT NULL DEFAULT 0,"
  "  calls_outbound INTEGER NOT NULL DEFAULT 0,"
  "  talk_min INTEGER NOT NULL DEFAULT 0,"
  "  talk_inbound INTEGER NOT NULL DEFAULT 0,"
  "  talk_outbound INTEGER NOT NULL DEFAULT 0,"
  "  meetings_held INTEGER NOT NULL DEFAULT 0,"
  "  meetings_planned INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, manager_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_payment_day ("
  "  day TEXT NOT NULL,"
  "  manager_id INTEGER NOT NULL,"
  "  source TEXT NOT NULL,"
  "  revenue INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, manager_id, source)"
  ") WITHOUT ROWID;"

  "CREATE TABLE kpi_deal_day ("
  "  day TEXT NOT NULL,"                        /* the local day the deals were created */
  "  manager_id INTEGER NOT NULL,"
  "  created INTEGER NOT NULL DEFAULT 0,"
  "  reached_qualified INTEGER NOT NULL DEFAULT 0,"
  "  reached_meeting INTEGER NOT NULL DEFAULT 0,"
  "  reached_proposal INTEGER NOT NULL DEFAULT 0,"
  "  reached_negotiation INTEGER NOT NULL DEFAULT 0,"
  "  reached_won INTEGER NOT NULL DEFAULT 0,"
  "  lost INTEGER NOT NULL DEFAULT 0,"
  "  stay_new INTEGER NOT NULL DEFAULT 0, left_new INTEGER NOT NULL DEFAULT 0,"
  "  stay_qualified INTEGER NOT NULL DEFAULT 0, left_qualified INTEGER NOT NULL DEFAULT 0,"
  "  stay_meeting INTEGER NOT NULL DEFAULT 0, left_meeting INTEGER NOT NULL DEFAULT 0,"
  "  stay_proposal INTEGER NOT NULL DEFAULT 0, left_proposal INTEGER NOT NULL DEFAULT 0,"
  "  stay_negotiation INTEGER NOT NULL DEFAULT 0, left_negotiation INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, manager_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_pipeline_day ("
  "  close_on TEXT NOT NULL,"
  "  manager_id INTEGER NOT NULL,"
  "  weighted INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (close_on, manager_id)"
  ") WITHOUT ROWID;"

  "CREATE TRIGGER activity_rollup_insert AFTER INSERT ON activity WHEN " ACTIVITY_COUNTS ("NEW") " BEGIN"
  "  " ACTIVITY_ROLLUP ("NEW", "+") ";"
  "END;"
  "CREATE TRIGGER activity_rollup_delete AFTER DELETE ON activity WHEN " ACTIVITY_COUNTS ("OLD") " BEGIN"
  "  " ACTIVITY_ROLLUP ("OLD", "-") ";"
  "END;"
  "CREATE TRIGGER activity_rollup_update_old AFTER UPDATE OF type, state, manager_id, starts_at, duration_min,"
  "  direction, rrule ON activity WHEN " ACTIVITY_COUNTS ("OLD") " BEGIN"
  "  " ACTIVITY_ROLLUP ("OLD", "-") ";"
  "END;"
  "CREATE TRIGGER activity_rollup_update_new AFTER UPDATE OF type, state, manager_id, starts_at, duration_min,"
  "  direction, rrule ON activity WHEN " ACTIVITY_COUNTS ("NEW") " BEGIN"
  "  " ACTIVITY_ROLLUP ("NEW", "+") ";"
  "END;"

  "CREATE TRIGGER deal_funnel_insert AFTER INSERT ON deal BEGIN"
  "  " DEAL_FUNNEL_ROLLUP ("NEW", "+") ";"
  "END;"
  "CREATE TRIGGER deal_funnel_delete AFTER DELETE ON deal BEGIN"
  "  " DEAL_FUNNEL_ROLLUP ("OLD", "-") ";"
  "END;"
  "CREATE TRIGGER deal_funnel_update AFTER UPDATE OF created_at, manager_id, reached_rank, stage, stay_new,"
  "  stay_qualified, stay_meeting, stay_proposal, stay_negotiation ON deal BEGIN"
  "  " DEAL_FUNNEL_ROLLUP ("OLD", "-") ";"
  "  " DEAL_FUNNEL_ROLLUP ("NEW", "+") ";"
  "END;"
  "CREATE TRIGGER deal_pipeline_insert AFTER INSERT ON deal WHEN " DEAL_OPEN ("NEW") " BEGIN"
  "  " DEAL_PIPELINE_ROLLUP ("NEW", "+") ";"
  "END;"
  "CREATE TRIGGER deal_pipeline_delete AFTER DELETE ON deal WHEN " DEAL_OPEN ("OLD") " BEGIN"
  "  " DEAL_PIPELINE_ROLLUP ("OLD", "-") ";"
  "END;"
  "CREATE TRIGGER deal_pipeline_update_old AFTER UPDATE OF stage, amount, probability, expected_close,"
  "  manager_id ON deal WHEN " DEAL_OPEN ("OLD") " BEGIN"
  "  " DEAL_PIPELINE_ROLLUP ("OLD", "-") ";"
  "END;"
  "CREATE TRIGGER deal_pipeline_update_new AFTER UPDATE OF stage, amount, probability, expected_close,"
  "  manager_id ON deal WHEN " DEAL_OPEN ("NEW") " BEGIN"
  "  " DEAL_PIPELINE_ROLLUP ("NEW", "+") ";"
  "END;"

  "CREATE TRIGGER payment_rollup_insert AFTER INSERT ON payment BEGIN"
  "  " PAYMENT_ROLLUP ("NEW", "+") ";"
  "END;"
  "CREATE TRIGGER payment_rollup_delete AFTER DELETE ON payment BEGIN"
  "  " PAYMENT_ROLLUP ("OLD", "-") ";"
  "END;"
  "CREATE TRIGGER payment_rollup_update AFTER UPDATE OF manager_id, paid_on, amount, client_id ON payment BEGIN"
  "  " PAYMENT_ROLLUP ("OLD", "-") ";"
  "  " PAYMENT_ROLLUP ("NEW", "+") ";"
  "END;"
  /* A client's payments leave with it while it still exists, so that the
   * rollup can read its source (a cascade runs after the row is gone). */
  "CREATE TRIGGER client_payments_first BEFORE DELETE ON client BEGIN"
  "  DELETE FROM payment WHERE client_id = OLD.id;"
  "END;"
  "CREATE TRIGGER client_source_rollup AFTER UPDATE OF source ON client WHEN OLD.source IS NOT NEW.source BEGIN"
  "  INSERT INTO kpi_payment_day (day, manager_id, source, revenue)"
  "  SELECT paid_on, manager_id, OLD.source, -sum (amount) FROM payment WHERE client_id = NEW.id"
  "  GROUP BY paid_on, manager_id"
  "  ON CONFLICT (day, manager_id, source) DO UPDATE SET revenue = revenue + excluded.revenue;"
  "  INSERT INTO kpi_payment_day (day, manager_id, source, revenue)"
  "  SELECT paid_on, manager_id, NEW.source, sum (amount) FROM payment WHERE client_id = NEW.id"
  "  GROUP BY paid_on, manager_id"
  "  ON CONFLICT (day, manager_id, source) DO UPDATE SET revenue = revenue + excluded.revenue;"
  "END;"

  /* Indexes: KPI aggregates are covered (no table lookups), lists are
   * served in keyset order, every foreign key has its child index. */
  /* Series masters (rrule) are expanded, not counted: the KPI and calendar
   * indexes leave them out and the queries say "rrule IS NULL". */
  "CREATE INDEX activity_by_manager ON activity (manager_id, starts_at, type, state, duration_min, direction)"
  "  WHERE rrule IS NULL;"
  "CREATE INDEX activity_by_time ON activity (starts_at, manager_id, type, state, duration_min, direction)"
  "  WHERE rrule IS NULL;"
  "CREATE INDEX activity_by_client ON activity (client_id, starts_at, state);"
  "CREATE INDEX activity_by_deal ON activity (deal_id) WHERE deal_id IS NOT NULL;"
  "CREATE INDEX activity_by_series ON activity (series_id) WHERE series_id IS NOT NULL;"
  "CREATE INDEX activity_series_masters ON activity (manager_id) WHERE rrule IS NOT NULL;"
  "CREATE INDEX client_by_name ON client (sort_key, id);"
  "CREATE INDEX client_by_created ON client (created_at, id);"
  "CREATE INDEX client_by_status ON client (status_rank, sort_key, id);"
  "CREATE INDEX client_by_owner ON client (owner_id, created_at);"
  "CREATE INDEX client_by_created_owner ON client (created_at, owner_id);"
  "CREATE INDEX client_by_owner_name ON client (owner_id, sort_key, id);"
  "CREATE INDEX client_by_source ON client (source, sort_key, id);"
  "CREATE INDEX client_tag_by_tag ON client_tag (tag_id, client_id);"
  "CREATE INDEX deal_by_manager ON deal (manager_id, stage, expected_close, amount, probability);"
  "CREATE INDEX deal_by_client ON deal (client_id);"
  "CREATE INDEX deal_by_created ON deal (created_at, manager_id, reached_rank, stage, stay_new, stay_qualified,"
  "  stay_meeting, stay_proposal, stay_negotiation);"
  "CREATE INDEX deal_open ON deal (manager_id, expected_close, amount, probability)"
  "  WHERE stage <> 'won' AND stage <> 'lost';"
  "CREATE INDEX deal_by_stage ON deal (stage, stage_changed_at);"
  "CREATE INDEX deal_by_closed ON deal (closed_on, stage, manager_id) WHERE closed_on IS NOT NULL;"
  "CREATE INDEX stage_change_by_deal ON deal_stage_change (deal_id, changed_at, to_stage);"
  "CREATE INDEX payment_by_day ON payment (paid_on, manager_id, client_id, amount);"
  "CREATE INDEX payment_by_client ON payment (client_id, paid_on, manager_id, amount);"
  "CREATE INDEX client_by_first_paid ON client (first_paid_on) WHERE first_paid_on IS NOT NULL;"
  "CREATE INDEX payment_by_manager ON payment (manager_id, paid_on, amount);"
  "CREATE INDEX payment_by_deal ON payment (deal_id) WHERE deal_id IS NOT NULL;"
  "CREATE INDEX complaint_by_client ON complaint (client_id, opened_on, cost);"
  "CREATE INDEX complaint_by_day ON complaint (opened_on, manager_id, client_id, cost);"
  "CREATE INDEX complaint_by_manager ON complaint (manager_id);"
  "CREATE INDEX complaint_by_deal ON complaint (deal_id) WHERE deal_id IS NOT NULL;"
  "CREATE INDEX kpi_target_by_month ON kpi_target (month, manager_id);"

  "PRAGMA application_id = " CRM_APPLICATION_ID_SQL ";";

static gboolean
migrate_to_1 (CrmDatabase *self, GError **error)
{
  return crm_database_exec (self, schema_v1, error);
}

/* Version 2: the deals list of the pipeline board sorts in SQL and reads a
 * page at a time, by keyset, over 200,000 deals. One index per order it
 * offers (the client and stage orders ride on client_by_name + deal_by_client
 * and deal_by_stage + deal_by_closed): the key, then the id that breaks ties,
 * then what the list filters by (manager, stage, closing day), so that the
 * deals it does not show are skipped in the index without reading them.
 * The title is sorted in its folded form (case, ё), as client names are. */
static const char schema_v2[] =
  "CREATE INDEX deal_by_title ON deal (crm_fold (title), id, manager_id, stage, closed_on);"
  "CREATE INDEX deal_by_amount ON deal (amount, id, manager_id, stage, closed_on);"
  "CREATE INDEX deal_by_probability ON deal (probability, id, manager_id, stage, closed_on);"
  "CREATE INDEX deal_by_close_day ON deal (coalesce (closed_on, expected_close, ''), id, manager_id, stage,"
  "  closed_on);";

static gboolean
migrate_to_2 (CrmDatabase *self, GError **error)
{
  return crm_database_exec (self, schema_v2, error);
}

/* Version 3: a search of the clients sorts its matches by name. The FTS
 * index gives their ids; the sort key of each was a lookup in the wide
 * client rows (three letters match some 1,700 of 100,000 clients, spread
 * over most of the table's 4,400 pages). This narrow index holds the same
 * keys in a seventh of the pages. */
static const char schema_v3[] =
  "CREATE INDEX client_sort_key_by_id ON client (id, sort_key);";

static gboolean
migrate_to_3 (CrmDatabase *self, GError **error)
{
  return crm_database_exec (self, schema_v3, error);
}

/* Version 4.
 *
 * Every CHECK is named "table.field", so that a rejection names the field:
 * the stage history's stages and the activity's all-day flag were not.
 * SQLite cannot rename a CHECK, so the two tables are made again (see
 * crm-schema-rebuild.c); a new file goes through the same steps, so a new
 * and an upgraded file have the same schema.
 *
 * The client list sorts by company, source, last contact, revenue and the
 * day a client was added, by keyset over 100,000 clients. The last contact
 * (the latest done activity) and the revenue (all payments) were worked
 * out per row; they are kept on the client row now, by the triggers below,
 * in the same transaction as every payment and activity write (0 when there
 * is none). Each order has its index: the key, the id that breaks ties,
 * then what the list filters by (owner, status, source), so that the clients
 * a filter leaves out are skipped in the index. The company is sorted in its
 * folded form (case, ё), as the name is. */
static const char schema_v4_stage_change[] =
  "CREATE TABLE deal_stage_change_v4 ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,"
  "  from_stage TEXT CONSTRAINT \"deal_stage_change.from_stage\""
  "    CHECK (from_stage IS NULL OR (from_stage = 'new' OR from_stage = 'qualified' OR from_stage = 'meeting'"
  "    OR from_stage = 'proposal' OR from_stage = 'negotiation' OR from_stage = 'won' OR from_stage = 'lost')),"
  "  to_stage TEXT NOT NULL CONSTRAINT \"deal_stage_change.to_stage\""
  "    CHECK ((to_stage = 'new' OR to_stage = 'qualified' OR to_stage = 'meeting' OR to_stage = 'proposal'"
  "    OR to_stage = 'negotiation' OR to_stage = 'won' OR to_stage = 'lost')),"
  "  changed_at INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ")";

static const char schema_v4_activity[] =
  "CREATE TABLE activity_v4 ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  type TEXT NOT NULL CONSTRAINT \"activity.type\" CHECK ((type = 'call' OR type = 'meeting' OR type = 'task')),"
  "  client_id INTEGER REFERENCES client (id) ON DELETE CASCADE,"
  "  manager_id INTEGER NOT NULL REFERENCES manager (id) ON DELETE RESTRICT,"
  "  deal_id INTEGER REFERENCES deal (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  starts_at INTEGER NOT NULL,"
  "  duration_min INTEGER NOT NULL DEFAULT 0 CONSTRAINT \"activity.duration_min\""
  "    CHECK (duration_min BETWEEN 0 AND 100000),"
  "  all_day INTEGER NOT NULL DEFAULT 0 CONSTRAINT \"activity.all_day\" CHECK (all_day = 0 OR all_day = 1),"
  "  direction TEXT CONSTRAINT \"activity.direction\""
  "    CHECK (direction IS NULL OR (type = 'call' AND (direction = 'inbound' OR direction = 'outbound'))),"
  "  state TEXT NOT NULL DEFAULT 'planned' CONSTRAINT \"activity.state\""
  "    CHECK ((state = 'planned' OR state = 'done' OR state = 'cancelled')),"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  location TEXT NOT NULL DEFAULT '',"
  "  reminder_min INTEGER CONSTRAINT \"activity.reminder_min\" CHECK (reminder_min IS NULL OR reminder_min >= 0),"
  "  rrule TEXT,"
  "  exdates TEXT,"
  "  tzid TEXT,"
  "  series_id INTEGER REFERENCES activity_v4 (id) ON DELETE CASCADE,"   /* "activity" once renamed */
  "  recurrence_at INTEGER,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CONSTRAINT \"activity.recurrence_at\" CHECK ((series_id IS NULL) = (recurrence_at IS NULL))"
  ")";

static const char schema_v4_client[] =
  "ALTER TABLE client ADD COLUMN revenue_minor INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE client ADD COLUMN last_contact_at INTEGER NOT NULL DEFAULT 0;"

  "CREATE TRIGGER payment_revenue_insert AFTER INSERT ON payment BEGIN"
  "  UPDATE client SET revenue_minor = revenue_minor + NEW.amount WHERE id = NEW.client_id;"
  "END;"
  "CREATE TRIGGER payment_revenue_delete AFTER DELETE ON payment BEGIN"
  "  UPDATE client SET revenue_minor = revenue_minor - OLD.amount WHERE id = OLD.client_id;"
  "END;"
  "CREATE TRIGGER payment_revenue_update AFTER UPDATE OF amount, client_id ON payment BEGIN"
  "  UPDATE client SET revenue_minor = revenue_minor - OLD.amount WHERE id = OLD.client_id;"
  "  UPDATE client SET revenue_minor = revenue_minor + NEW.amount WHERE id = NEW.client_id;"
  "END;"

  /* A later contact moves it forward; losing the latest one looks again. */
  "CREATE TRIGGER activity_contact_insert AFTER INSERT ON activity"
  "  WHEN NEW.state = 'done' AND NEW.client_id IS NOT NULL BEGIN"
  "  UPDATE client SET last_contact_at = NEW.starts_at"
  "   WHERE id = NEW.client_id AND (last_contact_at < NEW.starts_at OR last_contact_at = 0);"
  "END;"
  "CREATE TRIGGER activity_contact_delete AFTER DELETE ON activity"
  "  WHEN OLD.state = 'done' AND OLD.client_id IS NOT NULL BEGIN"
  "  UPDATE client SET last_contact_at = coalesce ((SELECT max (starts_at) FROM activity"
  "    WHERE client_id = OLD.client_id AND state = 'done'), 0)"
  "   WHERE id = OLD.client_id AND last_contact_at = OLD.starts_at;"
  "END;"
  "CREATE TRIGGER activity_contact_update AFTER UPDATE OF state, starts_at, client_id ON activity"
  "  WHEN OLD.state = 'done' OR NEW.state = 'done' BEGIN"
  "  UPDATE client SET last_contact_at = coalesce ((SELECT max (a.starts_at) FROM activity a"
  "    WHERE a.client_id = client.id AND a.state = 'done'), 0)"
  "   WHERE id = OLD.client_id OR id = NEW.client_id;"
  "END;"

  "CREATE INDEX client_by_company ON client (crm_fold (company), id, owner_id, status, source);"
  "CREATE INDEX client_by_source_id ON client (source, id, owner_id, status);"
  "CREATE INDEX client_by_last_contact ON client (last_contact_at, id, owner_id, status, source);"
  "CREATE INDEX client_by_revenue ON client (revenue_minor, id, owner_id, status, source);"
  "DROP INDEX client_by_created;"
  "CREATE INDEX client_by_created ON client (created_at, id, owner_id, status, source);";

static gboolean
migrate_to_4 (CrmDatabase *self, GError **error)
{
  return crm_schema_rebuild_table (self, "deal_stage_change", "deal_stage_change_v4", schema_v4_stage_change,
                                   error) &&
         crm_schema_rebuild_table (self, "activity", "activity_v4", schema_v4_activity, error) &&
         crm_database_exec (self, schema_v4_client, error) &&
         crm_rollup_rebuild_client_totals (self, error);
}

typedef gboolean (*MigrationFunc) (CrmDatabase *self, GError **error);

/* migrations[i] brings the schema from version i to i + 1. A new version
 * appends a function here and bumps CRM_DATABASE_SCHEMA_VERSION. */
static const MigrationFunc migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRM_DATABASE_SCHEMA_VERSION);

/* Runs every step from @from_version up to @to_version, each in its own
 * transaction with its version bump: a failed step leaves the file at the
 * previous version. */
gboolean
crm_database_migrate (CrmDatabase *self, int from_version, int to_version, GError **error)
{
  g_return_val_if_fail (to_version <= CRM_DATABASE_SCHEMA_VERSION, FALSE);

  for (int version = from_version; version < to_version; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!crm_database_begin (self, error))
        return FALSE;
      if (!migrations[version] (self, error) ||
          !crm_database_exec (self, bump, error) ||
          !crm_database_commit (self, error))
        {
          if (crm_database_in_transaction (self))
            crm_database_rollback (self);
          g_prefix_error (error, _("Upgrading the database to data format %d failed: "), version + 1);
          return FALSE;
        }
    }
  /* A new database keeps the currency of the locale it was made in, whoever
   * opens it later. */
  if (from_version == 0 &&
      !crm_setting_store_set_value (self, "currency", crm_money_default_currency (), error))
    return FALSE;
  return TRUE;
}
