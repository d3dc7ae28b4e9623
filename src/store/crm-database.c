/* crm-database.c — one connection to a SalesCRM database file
 *
 * Opening never changes a file it refuses: the header, the size, the
 * application id and the schema version are all read before the first write
 * (switching to WAL is that first write). One CrmDatabase belongs to one thread
 * at a time; a worker thread opens its own with crm_database_open_another().
 * Nothing of a connection is tied to the thread that made it (its change
 * notifications go to the default main context, and only once
 * crm_database_watch_changes() was called): a file opened — and upgraded —
 * by a worker thread may be handed to the main thread when the worker is done.
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

#include "crm-database-object.h"
#include "crm-database-private.h"
#include "crm-rollup.h"

/* 'SCRM': marks the file as ours in the SQLite header. */
#define CRM_APPLICATION_ID 0x5343524D
#define DEFAULT_BUSY_TIMEOUT_MS 5000
/* The flags' top byte: the data format to stop at (tests, see
 * crm_database_create_at_version); 0 for the current one. */
#define AT_VERSION_SHIFT 24


enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


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

/* ---- change notification ------------------------------------------------ */

static gboolean
emit_changed (gpointer user_data)
{
  CrmDatabase *self = CRM_DATABASE (user_data);
  g_autoptr(GHashTable) tables = g_steal_pointer (&self->changed_tables);
  GHashTableIter iter;
  gpointer table;

  self->notify_source = 0;
  self->changed_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), (const char *) table);
  return G_SOURCE_REMOVE;
}

void
crm_database_schedule_notification (CrmDatabase *self)
{
  if (!self->watched)
    {
      g_hash_table_remove_all (self->changed_tables);
      return;
    }
  if (self->notify_source != 0 || g_hash_table_size (self->changed_tables) == 0)
    return;
  /* No reference: finalize removes the source. */
  self->notify_source = g_idle_add (emit_changed, self);
}

/* Turns on the "changed" signal, for the connection of the main thread
 * whose writes the windows want to hear about. */
void
crm_database_watch_changes (CrmDatabase *self)
{
  g_return_if_fail (CRM_IS_DATABASE (self));
  self->watched = TRUE;
}

/* Every row written on this connection: the table is noted and announced
 * ("changed::client") from the main loop once the write is committed. */
static void
update_hook (void *data, int op, const char *database, const char *table, sqlite3_int64 rowid)
{
  CrmDatabase *self = data;

  if (!g_hash_table_contains (self->changed_tables, table))
    g_hash_table_add (self->changed_tables, g_strdup (table));
}

/* Writes made by another connection (a worker thread's import, say) are
 * not seen by the hook: their owner announces them here. NULL: everything. */
void
crm_database_notify_changed (CrmDatabase *self, const char *table)
{
  static const char *all[] = { "manager", "client", "client_tag", "activity", "deal", "deal_stage_change",
                               "payment", "complaint", "kpi_target", "setting", NULL };

  g_return_if_fail (CRM_IS_DATABASE (self));
  if (table != NULL)
    g_hash_table_add (self->changed_tables, g_strdup (table));
  else
    for (gsize i = 0; all[i] != NULL; i++)
      g_hash_table_add (self->changed_tables, g_strdup (all[i]));
  crm_database_schedule_notification (self);
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

gboolean
crm_database_query_int (CrmDatabase *self, const char *sql, int *out, GError **error)
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
  int target_version;
  gboolean ok;

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
      crm_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (!exists)
    g_chmod (self->path, 0600);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);
  crm_store_register_functions (self->db);
  sqlite3_update_hook (self->db, update_hook, self);

  /* Read before writing anything. */
  if (!crm_database_query_int (self, "PRAGMA application_id", &app_id, error) ||
      !crm_database_query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !crm_database_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
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

  /* A 4 MB page cache per connection: the app keeps several (the window's
   * and the workers'), and the operating system caches the file anyway. */
  if (writable)
    {
      if (!crm_database_exec (self,
                              "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL;"
                              "PRAGMA foreign_keys = ON;"
                              "PRAGMA temp_store = MEMORY;"
                              "PRAGMA cache_size = -4000;",
                              error))
        return FALSE;
    }
  else if (!crm_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -4000;", error))
    return FALSE;

  target_version = (self->flags >> AT_VERSION_SHIFT) != 0 ? (int) (self->flags >> AT_VERSION_SHIFT)
                                                          : CRM_DATABASE_SCHEMA_VERSION;
  if (self->schema_version < target_version)
    {
      if (!writable)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY,
                       _("The database “%s” must be upgraded to this version of SalesCRM, but %s. Open a copy you may write to."),
                       name, self->read_only_reason);
          return FALSE;
        }
      self->upgrade_cancellable = cancellable;
      ok = crm_database_upgrade_to (self, target_version, error);
      self->upgrade_cancellable = NULL;
      self->upgrade_func = NULL;
      self->upgrade.backup_path = NULL;
      if (!ok)
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

/* Like crm_database_new(), telling @progress (in this thread) what an
 * upgrade of an older file does. @cancellable stops the upgrade: the
 * file is left as it was (the backup copy, when made, stays). */
CrmDatabase *
crm_database_new_upgrading (const char              *path,
                            CrmDatabaseFlags         flags,
                            CrmDatabaseUpgradeFunc   progress,
                            gpointer                 progress_data,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_autoptr(CrmDatabase) self = g_object_new (CRM_TYPE_DATABASE, "path", path, "flags", flags, NULL);

  self->upgrade_func = progress;
  self->upgrade_data = progress_data;
  if (!g_initable_init (G_INITABLE (self), cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The data format of the file at @path (PRAGMA user_version), read without
 * changing anything: 0 for a file that does not exist yet. FALSE when it
 * cannot be read (opening it says why). */
gboolean
crm_database_peek_version (const char *path, int *version, GError **error)
{
  g_autofree char *owned = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (version != NULL, FALSE);

  if (path == NULL)
    path = owned = crm_database_get_default_path ();
  *version = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    {
      g_autofree char *abs = g_canonicalize_filename (path, NULL);
      uri = g_filename_to_uri (abs, NULL, NULL);
    }
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    crm_store_set_sqlite_error (error, db, rc, path);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc == SQLITE_OK;
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

/* Only for tests: the file is made (or upgraded) to @version and no
 * further; nothing else ever opens a file below the current version. */
gboolean
crm_database_create_at_version (const char *path, int version, GError **error)
{
  g_autoptr(CrmDatabase) db = NULL;

  g_return_val_if_fail (version > 0 && version <= CRM_DATABASE_SCHEMA_VERSION, FALSE);
  db = g_initable_new (CRM_TYPE_DATABASE, NULL, error,
                       "path", path,
                       "flags", (guint) version << AT_VERSION_SHIFT,
                       NULL);
  return db != NULL;
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

  if (!crm_database_query_int (self, "SELECT (SELECT count(*) FROM (SELECT 1 FROM client LIMIT 1)) + "
                        "(SELECT count(*) FROM (SELECT 1 FROM manager LIMIT 1))", &n, error))
    return FALSE;
  return n == 0;
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_database_finalize (GObject *object)
{
  CrmDatabase *self = CRM_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_handle_id (&self->notify_source, g_source_remove);
  g_clear_pointer (&self->changed_tables, g_hash_table_unref);
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

  /**
   * CrmDatabase::changed:
   * @table: the table written
   *
   * Rows of @table were committed on this connection (or announced with
   * crm_database_notify_changed()). Emitted from the main loop, once per
   * table and batch of writes; connect to "changed::client" for one table.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
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
  self->changed_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
