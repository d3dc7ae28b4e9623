/* crm-import-store.c — clients from an import file, written in one transaction
 *
 * crm_import_store_begin() opens the transaction and reads the phones and
 * e-mails of every client once, into two hash tables; each record given to
 * crm_import_store_add() is then checked against them — and against the
 * records before it in the same file, which are added as they are written —
 * with no query per record. A record is a duplicate when one of its e-mail
 * addresses (compared case-insensitively) or one of its phones (the last ten
 * digits, for numbers of at least seven) belongs to a client; the policy
 * says whether it is skipped, merged into that client, or imported anyway.
 *
 * Merging fills the client: the record's non-empty fields replace the
 * client's (notes are added below the client's own unless already there),
 * its new phones, e-mails and tags are added. The kind of client stays.
 *
 * The responsible manager is found by name with crm_manager_store_match(),
 * once per distinct name; a name that no manager has, or several have, is
 * reported once (with the first line that names it) and those clients are
 * imported without one.
 *
 * Nothing is visible to other connections until crm_import_store_commit();
 * crm_import_store_free() without a commit rolls everything back.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-import-store-private.h"
#include "crm-manager-store.h"
#include "crm-memory.h"

/* The page cache while an import writes: the client table's seven
 * indexes and the search index of 100,000 clients take some 35 MB, which
 * the connection's usual 4 MB would write out to the WAL and read back
 * over and over (a sixth of the import). The usual size is restored
 * afterwards. */
#define IMPORT_CACHE_SIZE "-65536"   /* KiB */
#define ANALYZE_AFTER    1000        /* new or changed clients that call for ANALYZE */

#define PHONE_KEY_DIGITS 10
#define PHONE_MIN_DIGITS 7

static const char * const policy_names[] = { "skip", "update", "new" };

const char *
crm_duplicate_policy_to_string (CrmDuplicatePolicy policy)
{
  g_return_val_if_fail (policy <= CRM_DUPLICATES_NEW, NULL);
  return policy_names[policy];
}

gboolean
crm_duplicate_policy_from_string (const char *text, CrmDuplicatePolicy *policy)
{
  for (guint i = 0; i < G_N_ELEMENTS (policy_names); i++)
    if (g_strcmp0 (text, policy_names[i]) == 0)
      {
        *policy = (CrmDuplicatePolicy) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- keys --------------------------------------------------------------- */

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Folded as crm_store_fold() folds, which for ASCII is lower case. */
static char *
email_key (const char *email)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email));

  if (*trimmed == '\0')
    return NULL;
  if (!is_ascii (trimmed))
    return crm_store_fold (trimmed);
  for (char *p = trimmed; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  return g_steal_pointer (&trimmed);
}

/* The last PHONE_KEY_DIGITS digits, NULL for fewer than PHONE_MIN_DIGITS. */
static char *
phone_key (const char *phone)
{
  gsize n = 0, skip;
  char *key, *k;

  for (const char *p = phone; *p != '\0'; p++)
    n += g_ascii_isdigit (*p) ? 1 : 0;
  if (n < PHONE_MIN_DIGITS)
    return NULL;
  skip = n > PHONE_KEY_DIGITS ? n - PHONE_KEY_DIGITS : 0;
  k = key = g_malloc (n - skip + 1);
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (skip > 0)
        skip--;
      else
        *k++ = *p;
    }
  *k = '\0';
  return key;
}

/* Remembers @id under @key unless an earlier client has it; takes @key. */
static void
index_key (GHashTable *index, char *key, gint64 id)
{
  if (key == NULL)
    return;
  if (g_hash_table_contains (index, key))
    g_free (key);
  else
    g_hash_table_insert (index, key, GSIZE_TO_POINTER ((gsize) id));
}

/* The values of a "phones" or "emails" column, one per line. */
static void
index_lines (GHashTable *index, const char *lines, gboolean email, gint64 id)
{
  const char *p = lines;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, '\n');
      g_autofree char *value = end != NULL ? g_strndup (p, (gsize) (end - p)) : g_strdup (p);

      index_key (index, email ? email_key (value) : phone_key (value), id);
      p = end != NULL ? end + 1 : NULL;
    }
}

static gboolean
build_index (CrmImportStore *self, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self->db, "SELECT id, phones, emails FROM client", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = crm_database_step_row (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      index_lines (self->by_phone, crm_column_text (stmt, 1), FALSE, id);
      index_lines (self->by_email, crm_column_text (stmt, 2), TRUE, id);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* The duplicate keys of one record, computed once. */
typedef struct {
  GPtrArray *emails;   /* char *, NULL for a value without a key */
  GPtrArray *phones;
} Keys;

static void
keys_init (Keys *keys, const CrmContact *contact)
{
  keys->emails = g_ptr_array_new_full (contact->emails->len, g_free);
  keys->phones = g_ptr_array_new_full (contact->phones->len, g_free);
  for (guint i = 0; i < contact->emails->len; i++)
    g_ptr_array_add (keys->emails, email_key (((CrmContactValue *) contact->emails->pdata[i])->value));
  for (guint i = 0; i < contact->phones->len; i++)
    g_ptr_array_add (keys->phones, phone_key (((CrmContactValue *) contact->phones->pdata[i])->value));
}

static void
keys_clear (Keys *keys)
{
  g_clear_pointer (&keys->emails, g_ptr_array_unref);
  g_clear_pointer (&keys->phones, g_ptr_array_unref);
}

/* The client that has one of the record's e-mails or phones, 0 when none;
 * @why gets the value that matched. */
static gint64
find_duplicate (CrmImportStore *self, const CrmContact *contact, const Keys *keys, const char **why)
{
  for (int email = 1; email >= 0; email--)
    {
      GPtrArray *k = email ? keys->emails : keys->phones;
      GHashTable *index = email ? self->by_email : self->by_phone;

      for (guint i = 0; i < k->len; i++)
        {
          gpointer id;

          if (k->pdata[i] != NULL && (id = g_hash_table_lookup (index, k->pdata[i])) != NULL)
            {
              GPtrArray *values = email ? contact->emails : contact->phones;
              *why = ((CrmContactValue *) values->pdata[i])->value;
              return (gint64) GPOINTER_TO_SIZE (id);
            }
        }
    }
  return 0;
}

static void
index_keys (CrmImportStore *self, const Keys *keys, gint64 id)
{
  for (guint i = 0; i < keys->emails->len; i++)
    if (keys->emails->pdata[i] != NULL)
      index_key (self->by_email, g_strdup (keys->emails->pdata[i]), id);
  for (guint i = 0; i < keys->phones->len; i++)
    if (keys->phones->pdata[i] != NULL)
      index_key (self->by_phone, g_strdup (keys->phones->pdata[i]), id);
}

/* The client's sort key, as crm_store_fold() makes it (for ASCII, lower
 * case, without its cost). */
char *
crm_import_sort_key (const char *name)
{
  return is_ascii (name) ? g_ascii_strdown (name, -1) : crm_store_fold (name);
}

/* Values one per line, as the phones and emails columns hold them. */
char *
crm_import_join_values (GPtrArray *values)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, ((CrmContactValue *) values->pdata[i])->value);
    }
  return g_string_free (out, FALSE);
}

/* The record at @line refused by a constraint is reported and skipped;
 * anything else (disk full, I/O) ends the import. Takes @local_error. */
gboolean
crm_import_refused (CrmImportStore *self, guint line, GError *local_error, GError **error)
{
  if (!g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  crm_import_problems_add (self->problems, CRM_IMPORT_PROBLEM_ERROR, self->file, line, 0,
                           g_strdup_printf (_("The database refused this client: %s"),
                                            local_error->message));
  self->counts.rejected++;
  g_error_free (local_error);
  return TRUE;
}

static gboolean
has_id (gpointer key, gpointer value, gpointer id)
{
  return value == id;
}

/* Forgets the keys of a client the database refused, so that a later
 * record with its e-mail is not taken for its duplicate. */
void
crm_import_forget (CrmImportStore *self, gint64 id)
{
  g_hash_table_foreach_remove (self->by_email, has_id, GSIZE_TO_POINTER ((gsize) id));
  g_hash_table_foreach_remove (self->by_phone, has_id, GSIZE_TO_POINTER ((gsize) id));
}

/* ---- session ------------------------------------------------------------ */

/* The connection's page cache made big for the import, its size kept. */
static gboolean
grow_cache (CrmImportStore *self, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self->db, "PRAGMA cache_size", error);

  if (stmt == NULL || crm_database_step_row (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  self->cache_size = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!crm_database_exec (self->db, "PRAGMA cache_size = " IMPORT_CACHE_SIZE, error))
    return FALSE;
  self->cache_grown = TRUE;
  return TRUE;
}

/* The usual page cache again, and the memory of the rest given back. */
static void
shrink_cache (CrmImportStore *self)
{
  g_autofree char *sql = NULL;

  if (!self->cache_grown)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %d", self->cache_size);
  crm_database_exec (self->db, sql, NULL);
  self->cache_grown = FALSE;
  crm_memory_release ();
}

/* Opens the transaction every record of one file is written in. */
CrmImportStore *
crm_import_store_begin (CrmDatabase *db, CrmDuplicatePolicy policy, GError **error)
{
  g_autoptr(CrmImportStore) self = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (policy <= CRM_DUPLICATES_NEW, NULL);

  self = g_new0 (CrmImportStore, 1);
  self->db = g_object_ref (db);
  self->policy = policy;
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->now = crm_database_now ();

  if (!grow_cache (self, error) || !crm_database_begin (db, error))
    return NULL;
  self->open = TRUE;
  if (!crm_import_stage_begin (self, error))
    return NULL;
  if (policy != CRM_DUPLICATES_NEW && !build_index (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The manager responsible for @owner's clients, 0 for none. A name that
 * is no manager's, or more than one's, is reported the first time a record
 * names it. */
static gboolean
resolve_owner (CrmImportStore *self, const CrmContact *contact, const char *file,
               GPtrArray *problems, gint64 *owner_id, GError **error)
{
  gpointer known;
  g_autoptr(GPtrArray) found = NULL;
  char *message;

  *owner_id = 0;
  if (contact->owner == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (self->owners, contact->owner, NULL, &known))
    {
      *owner_id = (gint64) GPOINTER_TO_SIZE (known);
      return TRUE;
    }
  found = crm_manager_store_match (self->db, contact->owner, error);
  if (found == NULL)
    return FALSE;
  if (found->len == 1)
    *owner_id = ((CrmManager *) found->pdata[0])->id;
  else
    {
      if (found->len == 0)
        /* Translators: both %s are the manager's name as the file gives it */
        message = g_strdup_printf (_("There is no manager called “%s”. The clients that this file assigns "
                                     "to the manager “%s” were imported without a responsible manager: "
                                     "add that manager on the Team screen, then choose the manager in "
                                     "those clients’ cards."),
                                   contact->owner, contact->owner);
      else
        {
          g_autofree char *names = crm_manager_store_join_names (found, 5);
          /* Translators: "“Evans” matches 3 managers: Anna Evans, Tom Evans, Zoe Evans. …" */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "“%s” matches %u manager: %s. The clients that this file "
                                                  "assigns to the manager “%s” were imported without a "
                                                  "responsible manager: choose the manager in those "
                                                  "clients’ cards, or give the whole name in the file and "
                                                  "import it again.",
                                                  "“%s” matches %u managers: %s. The clients that this file "
                                                  "assigns to the manager “%s” were imported without a "
                                                  "responsible manager: choose the manager in those "
                                                  "clients’ cards, or give the whole name in the file and "
                                                  "import it again.",
                                                  found->len),
                                     contact->owner, found->len, names, contact->owner);
        }
      crm_import_problems_add (problems, CRM_IMPORT_PROBLEM_WARNING, file, contact->line, 0, message);
      self->counts.warnings++;
    }
  g_hash_table_insert (self->owners, g_strdup (contact->owner), GSIZE_TO_POINTER ((gsize) *owner_id));
  return TRUE;
}

/* "a\nb" plus the values of @values whose key is not there yet. */
static char *
merge_lines (const char *existing, GPtrArray *values, gboolean email)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_new (existing);

  index_lines (seen, existing, email, 1);
  for (guint i = 0; i < values->len; i++)
    {
      const CrmContactValue *v = values->pdata[i];
      char *key = email ? email_key (v->value) : phone_key (v->value);

      if (key == NULL)
        key = g_strdup (v->value);   /* a short number: compared as written */
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, v->value);
    }
  return g_string_free (out, FALSE);
}

/* The record's notes under the client's, unless the client has them. */
static char *
merge_notes (const char *existing, const char *notes)
{
  if (notes == NULL || strstr (existing, notes) != NULL)
    return g_strdup (existing);
  if (*existing == '\0')
    return g_strdup (notes);
  return g_strconcat (existing, "\n\n", notes, NULL);
}

static const char *
pick (const char *value, const char *existing)
{
  return value != NULL ? value : existing;
}

/* Whether the record named the client, rather than a reader making the
 * name up from its first e-mail or phone (crm_contact_finish()): such a
 * name does not replace the client's. */
static gboolean
name_is_given (const CrmContact *contact)
{
  if (contact->emails->len > 0 &&
      g_str_equal (contact->name, ((CrmContactValue *) contact->emails->pdata[0])->value))
    return FALSE;
  if (contact->phones->len > 0 &&
      g_str_equal (contact->name, ((CrmContactValue *) contact->phones->pdata[0])->value))
    return FALSE;
  return TRUE;
}

static gboolean
update_client (CrmImportStore *self, const CrmContact *contact, const Keys *keys, gint64 id,
               gint64 owner_id, const char *file, GPtrArray *problems, GError **error)
{
  g_autofree char *name = NULL, *company = NULL, *phones = NULL, *emails = NULL;
  g_autofree char *address = NULL, *city = NULL, *source = NULL, *status = NULL, *notes = NULL;
  g_autofree char *sort_key = NULL;
  GError *local_error = NULL;
  gint64 old_owner;
  sqlite3_stmt *stmt;
  int rc;

  if (crm_import_stage_holds (self, id) && !crm_import_stage_flush (self, error))
    return FALSE;
  stmt = crm_database_prepare (self->db,
    "SELECT company, phones, emails, address, city, source, status, owner_id, notes, name"
    " FROM client WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = crm_database_step_row (self->db, stmt, error);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                     _("The client no. %lld does not exist (any more): it may have been deleted in another window."),
                     (long long) id);
      sqlite3_reset (stmt);
      return FALSE;
    }
  company = g_strdup (pick (contact->company, crm_column_text (stmt, 0)));
  phones = merge_lines (crm_column_text (stmt, 1), contact->phones, FALSE);
  emails = merge_lines (crm_column_text (stmt, 2), contact->emails, TRUE);
  address = g_strdup (pick (contact->address, crm_column_text (stmt, 3)));
  city = g_strdup (pick (contact->city, crm_column_text (stmt, 4)));
  source = g_strdup (pick (contact->source, crm_column_text (stmt, 5)));
  status = g_strdup (pick (contact->status, crm_column_text (stmt, 6)));
  old_owner = sqlite3_column_int64 (stmt, 7);
  notes = merge_notes (crm_column_text (stmt, 8), contact->notes);
  name = g_strdup (name_is_given (contact) ? contact->name : crm_column_text (stmt, 9));
  sqlite3_reset (stmt);

  stmt = crm_database_prepare (self->db,
    "UPDATE client SET name = ?, sort_key = ?, company = ?, phones = ?, emails = ?, address = ?,"
    " city = ?, source = ?, status = ?, owner_id = ?, notes = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sort_key = crm_store_fold (name);
  crm_bind_text (stmt, 1, name);
  crm_bind_text (stmt, 2, sort_key);
  crm_bind_text (stmt, 3, company);
  crm_bind_text (stmt, 4, phones);
  crm_bind_text (stmt, 5, emails);
  crm_bind_text (stmt, 6, address);
  crm_bind_text (stmt, 7, city);
  crm_bind_text (stmt, 8, source);
  crm_bind_text (stmt, 9, status);
  owner_id = owner_id > 0 ? owner_id : old_owner;
  crm_bind_int64_or_null (stmt, 10, owner_id, owner_id <= 0);
  crm_bind_text (stmt, 11, notes);
  sqlite3_bind_int64 (stmt, 12, self->now);
  sqlite3_bind_int64 (stmt, 13, id);
  if (!crm_database_step_done (self->db, stmt, &local_error))
    return crm_import_refused (self, contact->line, local_error, error);
  if (!crm_import_add_tags (self, id, contact->tags, error) || !crm_import_flush_tags (self, error))
    return FALSE;
  index_keys (self, keys, id);
  self->counts.updated++;
  return TRUE;
}

/* Writes one record, which it takes. FALSE only when the import cannot go
 * on (@error set); a record that is skipped or refused is counted and
 * reported in @problems, with @file and the record's line. */
gboolean
crm_import_store_add (CrmImportStore *self, CrmContact *contact, const char *file,
                      GPtrArray *problems, GError **error)
{
  g_autoptr(CrmContact) owned = contact;
  const char *why = NULL;
  gint64 duplicate = 0, owner_id = 0;
  Keys keys;
  gboolean ok;

  g_return_val_if_fail (self != NULL && self->open, FALSE);
  g_return_val_if_fail (contact != NULL && contact->name != NULL, FALSE);

  self->counts.read++;
  self->file = file;
  self->problems = problems;
  keys_init (&keys, contact);
  if (self->policy != CRM_DUPLICATES_NEW)
    duplicate = find_duplicate (self, contact, &keys, &why);
  if (duplicate > 0 && self->policy == CRM_DUPLICATES_SKIP)
    {
      crm_import_problems_add (problems, CRM_IMPORT_PROBLEM_DUPLICATE, file, contact->line, 0,
                               g_strdup_printf (_("Skipped: a client with “%s” is already in the "
                                                  "database (no. %lld)."),
                                                why, (long long) duplicate));
      self->counts.duplicates++;
      ok = TRUE;
    }
  else if (!resolve_owner (self, contact, file, problems, &owner_id, error))
    ok = FALSE;
  else if (duplicate > 0)
    ok = update_client (self, contact, &keys, duplicate, owner_id, file, problems, error);
  else
    {
      gint64 id;

      ok = crm_import_stage_add (self, g_steal_pointer (&owned), owner_id, &id, error);
      if (ok && self->policy != CRM_DUPLICATES_NEW)
        index_keys (self, &keys, id);
    }
  keys_clear (&keys);
  return ok;
}

/* Writes the records still waiting for their batch: after it, the counts
 * are final (a dry run calls it before rolling back). */
gboolean
crm_import_store_flush (CrmImportStore *self, GError **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);
  return crm_import_stage_flush (self, error);
}

gboolean
crm_import_store_commit (CrmImportStore *self, GError **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);

  if (!crm_import_stage_finish (self, error))
    return FALSE;
  self->open = FALSE;
  if (!crm_database_commit (self->db, error))
    return FALSE;
  /* Thousands of new rows: the query planner's statistics again (a few
   * milliseconds). The clients are in whatever happens here. */
  if (self->counts.created + self->counts.updated >= ANALYZE_AFTER)
    {
      g_autoptr(GError) local_error = NULL;

      if (!crm_database_analyze (self->db, &local_error))
        g_debug ("The statistics after the import were not gathered: %s", local_error->message);
    }
  return TRUE;
}

/* Undoes every record written so far. */
void
crm_import_store_rollback (CrmImportStore *self)
{
  g_return_if_fail (self != NULL);

  if (self->open)
    crm_database_rollback (self->db);
  self->open = FALSE;
  crm_import_stage_clear (self);
}

const CrmImportCounts *
crm_import_store_get_counts (CrmImportStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->counts;
}

void
crm_import_store_free (CrmImportStore *self)
{
  if (self == NULL)
    return;
  crm_import_store_rollback (self);
  shrink_cache (self);
  g_clear_object (&self->db);
  g_hash_table_unref (self->by_email);
  g_hash_table_unref (self->by_phone);
  g_hash_table_unref (self->owners);
  g_hash_table_unref (self->tags);
  crm_import_stage_free (self);
  g_free (self);
}
