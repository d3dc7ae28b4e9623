/* crm-store-errors.c — SQLite failures in words a person understands
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-database-private.h"

/* ---- errors ------------------------------------------------------------- */

typedef struct {
  const char *key;        /* "table.field" as SQLite names it */
  const char *message;    /* what to tell the person */
} ConstraintMessage;

static const ConstraintMessage constraint_messages[] = {
  { "manager.name", N_("Enter the manager’s name: it cannot be empty.") },
  { "manager.active", N_("A manager is either active or not.") },
  { "manager.hired_on", N_("The hiring date must be a date such as 2026-11-27.") },
  { "client.name", N_("Enter the client’s name: it cannot be empty.") },
  { "client.kind", N_("A client is either a person or a company.") },
  { "client.source", N_("The client’s source must be inbound call, outbound call, referral, website or other.") },
  { "client.status", N_("The client’s status must be lead, prospect, customer, regular or lost.") },
  { "client.owner_id", N_("The client’s owner must be one of the managers.") },
  { "client.sort_key", N_("Enter the client’s name: it cannot be empty.") },
  { "tag.name", N_("A tag needs a name.") },
  { "client_tag.tag_id", N_("The client already has this tag.") },
  { "activity.uid", N_("An activity with the same calendar identifier already exists.") },
  { "activity.type", N_("An activity is a call, a meeting or a task.") },
  { "activity.manager_id", N_("Choose the manager the activity belongs to.") },
  { "activity.client_id", N_("The activity’s client does not exist (any more).") },
  { "activity.starts_at", N_("Enter when the activity starts.") },
  { "activity.duration_min", N_("The duration must be between 0 and 100,000 minutes.") },
  { "activity.direction", N_("Only a call has a direction, and it is inbound or outbound.") },
  { "activity.state", N_("An activity is planned, done or cancelled.") },
  { "activity.reminder_min", N_("The reminder must be zero or more minutes before the start.") },
  { "activity.all_day", N_("An activity either lasts all day or not.") },
  { "activity.recurrence_at", N_("A changed occurrence of a series must say which occurrence it replaces.") },
  { "deal.title", N_("Enter the deal’s title: it cannot be empty.") },
  { "deal.amount", N_("The deal amount cannot be negative.") },
  { "deal.stage", N_("Unknown deal stage.") },
  { "deal.probability", N_("The probability must be between 0 and 100%.") },
  { "deal.expected_close", N_("The expected closing date must be a date such as 2026-12-31.") },
  { "deal.closed_on", N_("Only a won or lost deal has a closing date, and it cannot be before the deal was created.") },
  { "deal.client_id", N_("Choose the client of the deal.") },
  { "deal.manager_id", N_("Choose the manager of the deal.") },
  { "deal_stage_change.from_stage", N_("Unknown deal stage in the stage history (the stage it left).") },
  { "deal_stage_change.to_stage", N_("Unknown deal stage in the stage history (the stage it reached).") },
  { "deal_stage_change.deal_id", N_("The stage history must belong to an existing deal.") },
  { "payment.amount", N_("The payment amount cannot be negative.") },
  { "payment.paid_on", N_("Enter the payment date as a date such as 2026-11-27.") },
  { "payment.client_id", N_("Choose the client who paid.") },
  { "payment.manager_id", N_("Choose the manager the payment is credited to.") },
  { "complaint.cost", N_("The complaint’s cost cannot be negative.") },
  { "complaint.opened_on", N_("Enter the complaint date as a date such as 2026-11-27.") },
  { "complaint.status", N_("A complaint is open, resolved or rejected.") },
  { "complaint.client_id", N_("Choose the client the complaint is from.") },
  { "complaint.manager_id", N_("Choose the manager responsible for the complaint.") },
  { "kpi_target.month", N_("The target’s month must be written as YYYY-MM.") },
  { "kpi_target.manager_id", N_("This manager already has a target for that month.") },
  { "kpi_target.revenue", N_("A target cannot be negative.") },
  { "kpi_target.calls", N_("A target cannot be negative.") },
  { "kpi_target.talk_min", N_("A target cannot be negative.") },
  { "kpi_target.meetings", N_("A target cannot be negative.") },
  { "kpi_target.new_clients", N_("A target cannot be negative.") },
  { "setting.key", N_("A setting needs a name.") },
};

/* "CHECK constraint failed: deal.closed_on:after_created" → "deal", "closed_on" */
static gboolean
parse_constraint_target (const char *message, char **table, char **field)
{
  const char *start;
  g_autofree char *first = NULL;
  char *dot, *suffix;

  /* The name may itself contain a ':' suffix ("deal.closed_on:after_created"). */
  start = strstr (message, "failed: ");
  if (start == NULL)
    return FALSE;
  start += strlen ("failed: ");
  first = g_strdup (start);
  /* UNIQUE lists several "table.field, table.field": take the first. */
  if ((suffix = strchr (first, ',')) != NULL)
    *suffix = '\0';
  if ((suffix = strchr (first, ':')) != NULL)
    *suffix = '\0';
  g_strstrip (first);
  dot = strchr (first, '.');
  if (dot == NULL || dot == first || dot[1] == '\0' || strchr (first, ' ') != NULL)
    return FALSE;
  *dot = '\0';
  *table = g_strdup (first);
  *field = g_strdup (dot + 1);
  return TRUE;
}

static void
set_constraint_error (GError **error, const char *table, const char *field, const char *fallback)
{
  g_autofree char *key = NULL;
  const char *message = NULL;
  GError *e;

  if (table != NULL && field != NULL)
    {
      key = g_strdup_printf ("%s.%s", table, field);
      for (gsize i = 0; i < G_N_ELEMENTS (constraint_messages); i++)
        if (g_str_equal (constraint_messages[i].key, key))
          message = _(constraint_messages[i].message);
    }
  if (message != NULL)
    e = g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT, "%s", message);
  else if (field != NULL)
    e = g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT,
                     _("The value of the field “%s” is not allowed (%s)."), field, fallback);
  else
    e = g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT,
                     _("The change was refused because it would break the data’s consistency (%s)."),
                     fallback);
  crm_store_error_set_field (e, table, field);
  g_propagate_error (error, e);
}

void
crm_store_set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *path)
{
  int primary = rc & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *name = path != NULL ? g_filename_display_name (path) : g_strdup ("");

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_BUSY,
                   _("The database is busy: another program or another SalesCRM window is changing it. Try again in a moment."));
      break;
    case SQLITE_CONSTRAINT:
      {
        g_autofree char *table = NULL;
        g_autofree char *field = NULL;
        if (parse_constraint_target (detail, &table, &field))
          set_constraint_error (error, table, field, detail);
        else
          set_constraint_error (error, NULL, NULL, detail);
        break;
      }
    case SQLITE_FULL:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SPACE,
                   _("The disk is full: the change could not be saved. Free some space and try again; what was saved before is safe."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only: changes cannot be saved."), name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore it from a backup copy; “salescrm check” lists the damage."),
                   name);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a SalesCRM database (it is not an SQLite file, or it is encrypted)."),
                   name);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CANT_OPEN,
                   _("Cannot open the database “%s”: check that its folder exists and that you may read it."),
                   name);
      break;
    case SQLITE_IOERR:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Reading or writing the database “%s” failed (%s). The disk may be failing or disconnected."),
                   name, detail);
      break;
    case SQLITE_INTERRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));
      break;
    default:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FAILED,
                   _("A database operation failed: %s."), detail);
      break;
    }
}

/* A FOREIGN KEY rejection does not say which column: find the reference
 * whose parent row is missing. */
void
crm_database_explain_foreign_key (CrmDatabase         *self,
                                  GError             **error,
                                  const char          *table,
                                  const CrmForeignRef *refs,
                                  gsize                n_refs)
{
  for (gsize i = 0; i < n_refs; i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      gboolean exists = TRUE;

      if (refs[i].id == 0)
        continue;
      /* The parent table names are compile-time constants of the store,
       * never user text. */
      sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", refs[i].parent);
      if (sqlite3_prepare_v2 (crm_database_get_handle (self), sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_int64 (stmt, 1, refs[i].id);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
      if (!exists)
        {
          set_constraint_error (error, table, refs[i].field, "FOREIGN KEY");
          return;
        }
    }
  set_constraint_error (error, table, NULL, "FOREIGN KEY");
}

