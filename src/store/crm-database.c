/* crm-database.c — one connection to a SalesCRM database file
 *
 * Opening never changes a file it refuses: the header, the size, the
 * application id and the schema version are all read before the first write
 * (switching to WAL is that first write). One CrmDatabase belongs to one thread
 * at a time; a worker thread opens its own with crm_database_open_another().
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crm-database-private.h"
#include "crm-rollup.h"

/* 'SCRM': marks the file as ours in the SQLite header. */
#define CRM_APPLICATION_ID 0x5343524D
#define DEFAULT_BUSY_TIMEOUT_MS 5000

struct _CrmDatabase {
  GObject           parent_instance;

  char             *path;
  CrmDatabaseFlags  flags;
  sqlite3          *db;
  GHashTable       *statements;      /* SQL text → sqlite3_stmt */
  char             *read_only_reason;
  char             *backup_path;
  int               schema_version;
  int               transaction_depth;
  guint             read_only : 1;
  guint             rollup_current : 1;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void crm_database_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmDatabase, crm_database, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      crm_database_initable_iface_init))

/* ---- SQL functions ------------------------------------------------------ */

/* Case-folded, ё folded to е: the form names are sorted and searched in. */
char *
crm_store_fold (const char *text)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return crm_store_fold (valid);
    }
  folded = g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x0451 || c == 0x0401)       /* ё, Ё */
        c = 0x0435;                         /* е */
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
crm_store_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Each phone (one per line) as its digits and every suffix of two digits or
 * more, so that "345 67" finds "+7 (912) 345-67-89" through the token
 * "3456789" and "9123456789" finds it through "9123456789". */
char *
crm_store_phone_tokens (const char *phones)
{
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  if (phones == NULL)
    return g_string_free (out, FALSE);
  lines = g_strsplit_set (phones, "\n,;", -1);
  for (gsize i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *digits = crm_store_digits (lines[i]);
      gsize len = strlen (digits);

      for (gsize start = 0; start + 2 <= len; start++)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, digits + start);
        }
    }
  return g_string_free (out, FALSE);
}

static void
sql_fold (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  folded = crm_store_fold (text);
  sqlite3_result_text (ctx, folded, -1, g_free);
}

static void
sql_phone_tokens (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  sqlite3_result_text (ctx, crm_store_phone_tokens (text), -1, g_free);
}

static void
sql_digits (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  sqlite3_result_text (ctx, crm_store_digits (text), -1, g_free);
}

static void
register_functions (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function (db, "crm_fold", 1, flags, NULL, sql_fold, NULL, NULL);
  sqlite3_create_function (db, "crm_phone_tokens", 1, flags, NULL, sql_phone_tokens, NULL, NULL);
  sqlite3_create_function (db, "crm_digits", 1, flags, NULL, sql_digits, NULL, NULL);
}

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
  { "deal.title", N_("Enter the deal’s title: it cannot be empty.") },
  { "deal.amount", N_("The deal amount cannot be negative.") },
  { "deal.stage", N_("Unknown deal stage.") },
  { "deal.probability", N_("The probability must be between 0 and 100%.") },
  { "deal.expected_close", N_("The expected closing date must be a date such as 2026-12-31.") },
  { "deal.closed_on", N_("Only a won or lost deal has a closing date, and it cannot be before the deal was created.") },
  { "deal.client_id", N_("Choose the client of the deal.") },
  { "deal.manager_id", N_("Choose the manager of the deal.") },
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

static void
set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *path)
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

void
crm_database_set_error (CrmDatabase *self, GError **error, int rc)
{
  set_sqlite_error (error, self->db, rc, self->path);
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
      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
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

/* ---- statements --------------------------------------------------------- */

sqlite3 *
crm_database_get_handle (CrmDatabase *self)
{
  return self->db;
}

sqlite3_stmt *
crm_database_prepare (CrmDatabase *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      crm_database_set_error (self, error, rc);
      g_prefix_error (error, "%s ", sql);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
crm_database_exec (CrmDatabase *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      crm_database_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_database_step_done (CrmDatabase *self, sqlite3_stmt *stmt, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      crm_database_set_error (self, error, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* SQLITE_ROW, SQLITE_DONE, or -1 with @error set. */
int
crm_database_step_row (CrmDatabase *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  crm_database_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return -1;
}

void
crm_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
crm_bind_text_or_empty (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
crm_bind_int64_or_null (sqlite3_stmt *stmt, int index, gint64 value, gboolean is_null)
{
  if (is_null)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

char *
crm_column_dup_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

const char *
crm_column_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text != NULL ? (const char *) text : "";
}

gint64
crm_database_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
crm_database_check_writable (CrmDatabase *self, GError **error)
{
  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only (%s): changes cannot be saved."),
                   name, self->read_only_reason);
      return FALSE;
    }
  return TRUE;
}

/* ---- transactions ------------------------------------------------------- */

gboolean
crm_database_begin (CrmDatabase *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);

  if (!crm_database_check_writable (self, error))
    return FALSE;
  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT crm_sp%d", self->transaction_depth);
  if (!crm_database_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
crm_database_commit (CrmDatabase *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE crm_sp%d", self->transaction_depth - 1);
  if (!crm_database_exec (self, sql, error))
    {
      crm_database_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

void
crm_database_rollback (CrmDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CRM_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO crm_sp%1$d; RELEASE crm_sp%1$d",
                           self->transaction_depth - 1);
  /* A failed COMMIT may already have ended the transaction. */
  if (sqlite3_get_autocommit (self->db) == 0 || self->transaction_depth > 1)
    sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->transaction_depth--;
}

gboolean
crm_database_in_transaction (CrmDatabase *self)
{
  return self->transaction_depth > 0;
}

/* ---- opening ------------------------------------------------------------ */

char *
crm_database_get_default_path (void)
{
  const char *env = g_getenv ("SALESCRM_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "salescrm", "salescrm.db", NULL);
}

static gboolean
mode_allows_write (const struct stat *st)
{
  /* Root may write anything, but a file or folder whose write bits are all
   * off was made read-only on purpose: honour that. */
  return (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at an existing file before SQLite does: empty, not SQLite, truncated. */
static gboolean
inspect_existing_file (const char *path, goffset size, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  guint8 header[100];
  FILE *f;
  gsize n;

  if (size == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an empty file, not a SalesCRM database. Choose another file, or delete this one to start a new database there."),
                   name);
      return FALSE;
    }
  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CANT_OPEN,
                   _("Cannot read the database “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a SalesCRM database: it is not an SQLite database file."),
                   name);
      return FALSE;
    }
  {
    guint32 page_size = ((guint32) header[16] << 8) | header[17];
    guint32 n_pages = be32 (header + 28);
    guint32 change_counter = be32 (header + 24);
    guint32 valid_for = be32 (header + 92);

    if (page_size == 1)
      page_size = 65536;
    /* The in-header size is trustworthy when "version-valid-for" matches the
     * change counter (SQLite ≥ 3.7.0 writers). */
    if (valid_for == change_counter && n_pages > 0 &&
        (goffset) n_pages * page_size > size)
      {
        g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged: the file is shorter than its header says (%lld of %lld bytes), so it was probably cut off while being copied. Restore it from a backup copy."),
                     name, (long long) size, (long long) n_pages * page_size);
        return FALSE;
      }
  }
  return TRUE;
}

static gboolean
query_int (CrmDatabase *self, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out = 0;
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_OK)
    {
      crm_database_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
backup_before_migration (CrmDatabase *self, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dest = g_strdup_printf ("%s.v%d-%s.bak", self->path,
                                           self->schema_version, stamp);

  if (!crm_database_backup_to (self, dest, NULL, NULL, error))
    {
      g_prefix_error (error, _("The database was not upgraded, because the backup copy made before upgrading failed: "));
      return FALSE;
    }
  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&dest);
  return TRUE;
}

static gboolean
crm_database_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  CrmDatabase *self = CRM_DATABASE (initable);
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  gboolean writable = TRUE;
  struct stat st;
  int open_flags;
  int rc;
  int app_id = 0;
  int n_tables = 0;

  if (self->path == NULL)
    self->path = crm_database_get_default_path ();
  name = g_filename_display_name (self->path);
  dir = g_path_get_dirname (self->path);

  exists = g_stat (self->path, &st) == 0;
  if (exists)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is not a file, so it cannot be a SalesCRM database."), name);
          return FALSE;
        }
      if (!inspect_existing_file (self->path, st.st_size, error))
        return FALSE;
      if (access (self->path, W_OK) != 0 || !mode_allows_write (&st))
        {
          writable = FALSE;
          self->read_only_reason = g_strdup (_("the file is read-only"));
        }
      else
        {
          struct stat dst;
          if (g_stat (dir, &dst) != 0 || access (dir, W_OK) != 0 || !mode_allows_write (&dst))
            {
              writable = FALSE;
              self->read_only_reason = g_strdup (_("its folder is read-only"));
            }
        }
    }
  else
    {
      if (self->flags & (CRM_DATABASE_FLAGS_NO_CREATE | CRM_DATABASE_FLAGS_READ_ONLY))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CANT_OPEN,
                       _("The database “%s” does not exist."), name);
          return FALSE;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CANT_OPEN,
                       _("Cannot create the folder for the database “%s”: %s."),
                       name, g_strerror (saved));
          return FALSE;
        }
    }

  if (self->flags & CRM_DATABASE_FLAGS_READ_ONLY)
    {
      writable = FALSE;
      g_free (self->read_only_reason);
      self->read_only_reason = g_strdup (_("it was opened read-only"));
    }
  self->read_only = !writable;

  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  if (writable)
    open_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  else
    open_flags |= SQLITE_OPEN_READONLY;

  {
    /* A URI so that a path with '?' or '#' is taken literally. */
    g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
    g_autofree char *uri_ro = NULL;

    if (uri == NULL)
      {
        g_autofree char *abs = g_canonicalize_filename (self->path, NULL);
        uri = g_filename_to_uri (abs, NULL, NULL);
      }
    rc = sqlite3_open_v2 (uri, &self->db, open_flags, NULL);
    if (rc == SQLITE_CANTOPEN && !writable && exists)
      {
        /* A WAL database in a read-only folder cannot create its -shm file:
         * open it immutable instead (nobody can write it anyway). */
        sqlite3_close (self->db);
        self->db = NULL;
        uri_ro = g_strconcat (uri, "?immutable=1", NULL);
        rc = sqlite3_open_v2 (uri_ro, &self->db, open_flags, NULL);
      }
  }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (!exists)
    g_chmod (self->path, 0600);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);
  register_functions (self->db);

  /* Read before writing anything. */
  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (self->schema_version > CRM_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was made by a newer version of SalesCRM (data format %d; this version reads up to %d). Update SalesCRM to open it; the file was not changed."),
                   name, self->schema_version, CRM_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }
  if ((app_id != 0 && app_id != CRM_APPLICATION_ID) ||
      (app_id == 0 && n_tables > 0))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a SalesCRM database. It was not changed."),
                   name);
      return FALSE;
    }

  if (writable)
    {
      if (!crm_database_exec (self,
                              "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL;"
                              "PRAGMA foreign_keys = ON;"
                              "PRAGMA temp_store = MEMORY;"
                              "PRAGMA cache_size = -16000;",
                              error))
        return FALSE;
    }
  else if (!crm_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16000;", error))
    return FALSE;

  if (self->schema_version < CRM_DATABASE_SCHEMA_VERSION)
    {
      if (!writable)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY,
                       _("The database “%s” must be upgraded to this version of SalesCRM, but %s. Open a copy you may write to."),
                       name, self->read_only_reason);
          return FALSE;
        }
      if (self->schema_version > 0 && !backup_before_migration (self, error))
        return FALSE;
      if (!crm_database_migrate (self, self->schema_version, error))
        return FALSE;
      if (!query_int (self, "PRAGMA user_version", &self->schema_version, error))
        return FALSE;
    }

  {
    gboolean current = FALSE;
    if (!crm_rollup_check_zone (self, &current, error))
      return FALSE;
    self->rollup_current = current;
  }
  return TRUE;
}

/* Whether the KPI rollups count the activity days in the current zone
 * (always, unless a read-only file was written in another zone). */
gboolean
crm_database_rollup_is_current (CrmDatabase *self)
{
  return self->rollup_current;
}

static void
crm_database_initable_iface_init (GInitableIface *iface)
{
  iface->init = crm_database_initable_init;
}

CrmDatabase *
crm_database_new (const char        *path,
                  CrmDatabaseFlags   flags,
                  GCancellable      *cancellable,
                  GError           **error)
{
  return g_initable_new (CRM_TYPE_DATABASE, cancellable, error,
                         "path", path,
                         "flags", flags,
                         NULL);
}

CrmDatabase *
crm_database_open_another (CrmDatabase *self, GError **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);
  return crm_database_new (self->path,
                           self->read_only ? CRM_DATABASE_FLAGS_READ_ONLY | CRM_DATABASE_FLAGS_NO_CREATE
                                           : CRM_DATABASE_FLAGS_NO_CREATE,
                           NULL, error);
}

const char *
crm_database_get_path (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);
  return self->path;
}

gboolean
crm_database_is_read_only (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), TRUE);
  return self->read_only;
}

const char *
crm_database_get_read_only_reason (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);
  return self->read_only_reason;
}

int
crm_database_get_schema_version (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), 0);
  return self->schema_version;
}

/* The copy made before the last upgrade, or NULL. */
const char *
crm_database_get_backup_path (CrmDatabase *self)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), NULL);
  return self->backup_path;
}

/* No clients and no managers: the welcome page is shown. */
gboolean
crm_database_is_empty (CrmDatabase *self, GError **error)
{
  int n = 0;

  if (!query_int (self, "SELECT (SELECT count(*) FROM (SELECT 1 FROM client LIMIT 1)) + "
                        "(SELECT count(*) FROM (SELECT 1 FROM manager LIMIT 1))", &n, error))
    return FALSE;
  return n == 0;
}

gboolean
crm_database_analyze (CrmDatabase *self, GError **error)
{
  if (self->read_only)
    return TRUE;
  return crm_database_exec (self, "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize;", error);
}

void
crm_database_interrupt (CrmDatabase *self)
{
  g_return_if_fail (CRM_IS_DATABASE (self));
  sqlite3_interrupt (self->db);
}

void
crm_database_set_busy_timeout (CrmDatabase *self, int milliseconds)
{
  g_return_if_fail (CRM_IS_DATABASE (self));
  sqlite3_busy_timeout (self->db, milliseconds);
}

/* Caps the file's size in pages (for tests of a full disk). */
gboolean
crm_database_set_max_pages (CrmDatabase *self, gint64 max_pages, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, max_pages);
  return crm_database_exec (self, sql, error);
}

/* An online backup: consistent even while this or another connection writes.
 * The copy is written to a temporary file and renamed into place, so a
 * failed backup never leaves half a file under @destination. */
gboolean
crm_database_backup_to (CrmDatabase           *self,
                        const char            *destination,
                        GFileProgressCallback  progress,
                        gpointer               progress_data,
                        GError               **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  name = g_filename_display_name (destination);
  tmp = g_strconcat (destination, ".part", NULL);
  g_unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CANT_OPEN,
                   _("Cannot write the backup copy “%s”: %s. Choose a folder you may write to."),
                   name, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, sqlite3_errcode (dest), destination);
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (progress != NULL)
        {
          int total = sqlite3_backup_pagecount (backup);
          int left = sqlite3_backup_remaining (backup);
          progress (total - left, total, progress_data);
        }
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, dest, rc, destination);
      g_prefix_error (error, _("The backup copy “%s” could not be written: "), name);
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  /* A self-contained file: no -wal beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  g_chmod (tmp, 0600);
  if (g_rename (tmp, destination) != 0)
    {
      int saved = errno;
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("The backup copy could not be moved to “%s”: %s."), name, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

/* integrity_check and foreign_key_check. TRUE when the check ran; the problems
 * found (none when healthy) go to @problems as translated lines. */
gboolean
crm_database_check (CrmDatabase *self, GPtrArray **problems, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      crm_database_set_error (self, error, rc);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (line != NULL && !g_str_equal (line, "ok"))
        g_ptr_array_add (found, g_strdup_printf (_("Damage: %s"), line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_ptr_array_add (found, g_strdup_printf (_("Damage: %s"), sqlite3_errmsg (self->db)));
      else
        {
          crm_database_set_error (self, error, rc);
          return FALSE;
        }
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (found,
                         g_strdup_printf (_("Row %lld of the table “%s” refers to a missing row of “%s”."),
                                          (long long) sqlite3_column_int64 (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    g_ptr_array_add (found, g_strdup_printf (_("Damage: %s"), sqlite3_errmsg (self->db)));

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_database_finalize (GObject *object)
{
  CrmDatabase *self = CRM_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (crm_database_parent_class)->finalize (object);
}

static void
crm_database_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmDatabase *self = CRM_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_database_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmDatabase *self = CRM_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_database_class_init (CrmDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_database_finalize;
  object_class->get_property = crm_database_get_property;
  object_class->set_property = crm_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
crm_database_init (CrmDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}
