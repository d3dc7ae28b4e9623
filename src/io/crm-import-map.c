/* crm-import-map.c — which CSV column holds which field of a client
 *
 * A map is made from the header row (crm-import-presets.c recognises the
 * program that wrote it), may be corrected by a column map from the command
 * line ("--map 'Client=name,3=phone'": columns by header or by number from
 * 1; the columns it does not name keep their automatic field), and turns
 * each row into a CrmContact or into a problem that names the line, the
 * column and what to do.
 *
 * Values: every cell is trimmed of spaces of every kind; a cell that a CSV
 * writer neutralised against formulas ("'=…", "'+7 …") loses the apostrophe;
 * a cell of a phone, e-mail or tags column may hold several values split by
 * ";", ",", a line break or Google's " ::: ". Status and source texts are
 * recognised in English and Russian (crm_contact_parse_status()); a text
 * that is not recognised leaves the field unset — the database default
 * applies — and is reported as a warning with the text, so nothing is lost
 * silently. An e-mail without "@" is reported the same way.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-import-private.h"
#include "crm-io-private.h"

static const char * const field_names[CRM_IMPORT_N_FIELDS] = {
  "ignore", "name", "first_name", "middle_name", "last_name", "company", "phone", "email",
  "address", "street", "city", "region", "postcode", "country", "notes", "tags", "source",
  "status", "owner", "kind", "phone_type", "email_type",
};

const char *
crm_import_field_to_string (CrmImportField field)
{
  g_return_val_if_fail (field < CRM_IMPORT_N_FIELDS, NULL);
  return field_names[field];
}

/* What a person reads for @field in a list of choices, translated. */
const char *
crm_import_field_to_label (CrmImportField field)
{
  switch (field)
    {
    case CRM_IMPORT_FIELD_IGNORE: return C_("import field", "Do not import");
    case CRM_IMPORT_FIELD_NAME: return C_("import field", "Full name");
    case CRM_IMPORT_FIELD_FIRST_NAME: return C_("import field", "First name");
    case CRM_IMPORT_FIELD_MIDDLE_NAME: return C_("import field", "Middle name");
    case CRM_IMPORT_FIELD_LAST_NAME: return C_("import field", "Last name");
    case CRM_IMPORT_FIELD_COMPANY: return C_("import field", "Company");
    case CRM_IMPORT_FIELD_PHONE: return C_("import field", "Phone");
    case CRM_IMPORT_FIELD_EMAIL: return C_("import field", "E-mail");
    case CRM_IMPORT_FIELD_ADDRESS: return C_("import field", "Address");
    case CRM_IMPORT_FIELD_STREET: return C_("import field", "Street");
    case CRM_IMPORT_FIELD_CITY: return C_("import field", "City");
    case CRM_IMPORT_FIELD_REGION: return C_("import field", "Region");
    case CRM_IMPORT_FIELD_POSTCODE: return C_("import field", "Postcode");
    case CRM_IMPORT_FIELD_COUNTRY: return C_("import field", "Country");
    case CRM_IMPORT_FIELD_NOTES: return C_("import field", "Notes");
    case CRM_IMPORT_FIELD_TAGS: return C_("import field", "Tags");
    case CRM_IMPORT_FIELD_SOURCE: return C_("import field", "Source");
    case CRM_IMPORT_FIELD_STATUS: return C_("import field", "Status");
    case CRM_IMPORT_FIELD_OWNER: return C_("import field", "Owner");
    case CRM_IMPORT_FIELD_KIND: return C_("import field", "Person or company");
    case CRM_IMPORT_FIELD_PHONE_TYPE: return C_("import field", "Phone label");
    case CRM_IMPORT_FIELD_EMAIL_TYPE: return C_("import field", "E-mail label");
    case CRM_IMPORT_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "first_name", "First-Name" and "first name" are all first_name. */
gboolean
crm_import_field_from_string (const char *name, CrmImportField *field)
{
  g_autofree char *key = crm_io_key (name);

  for (guint i = 0; i < CRM_IMPORT_N_FIELDS; i++)
    {
      g_autofree char *k = crm_io_key (field_names[i]);
      if (g_str_equal (key, k))
        {
          *field = (CrmImportField) i;
          return TRUE;
        }
    }
  if (g_str_equal (key, "emailaddress") || g_str_equal (key, "mail"))
    return *field = CRM_IMPORT_FIELD_EMAIL, TRUE;
  if (g_str_equal (key, "telephone") || g_str_equal (key, "tel"))
    return *field = CRM_IMPORT_FIELD_PHONE, TRUE;
  return FALSE;
}

static CrmImportMap *
map_new (const char * const *header, guint n_columns)
{
  CrmImportMap *map = g_new0 (CrmImportMap, 1);

  map->n_columns = n_columns;
  map->header = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      map->header[i] = crm_contact_clean_line (header[i]);
      if (map->header[i] == NULL)
        map->header[i] = g_strdup ("");
    }
  map->columns = g_new0 (CrmImportColumn, MAX (n_columns, 1));
  return map;
}

static void
choose_name_order (CrmImportMap *map)
{
  guint n_columns = map->n_columns;

  if (map->preset != NULL)
    map->order = map->preset->order;
  else
    {
      /* A sheet typed by hand with "Фамилия", "Имя", "Отчество". */
      map->order = CRM_NAME_ORDER_AUTO;
      for (guint i = 0; i < n_columns; i++)
        if (map->columns[i].field >= CRM_IMPORT_FIELD_FIRST_NAME &&
            map->columns[i].field <= CRM_IMPORT_FIELD_LAST_NAME && crm_io_has_cyrillic (map->header[i]))
          map->order = CRM_NAME_ORDER_LAST_FIRST;
    }
}

/* A map for a file whose first row is @header: the columns of the preset
 * that recognises the header, generic synonyms for the rest. */
CrmImportMap *
crm_import_map_new_auto (const char * const *header, guint n_columns)
{
  CrmImportMap *map;

  g_return_val_if_fail (header != NULL || n_columns == 0, NULL);

  map = map_new (header, n_columns);
  map->preset = crm_import_detect_columns ((const char * const *) map->header, n_columns, map->columns);
  choose_name_order (map);
  return map;
}

static char *
list_presets (void)
{
  return g_strjoinv (", ", (char **) crm_import_preset_ids ());
}

/* A map that reads @header as the program of preset @preset writes it
 * (see crm_import_preset_ids()); NULL @preset detects it. Fails for an
 * unknown preset, naming the known ones. */
CrmImportMap *
crm_import_map_new_for_preset (const char * const *header, guint n_columns, const char *preset,
                               GError **error)
{
  CrmImportMap *map;

  g_return_val_if_fail (header != NULL || n_columns == 0, NULL);

  if (preset == NULL || *preset == '\0')
    return crm_import_map_new_auto (header, n_columns);
  if (crm_import_find_preset (preset) == NULL)
    {
      g_autofree char *names = list_presets ();
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                   _("There is no preset “%s”. The presets are: %s."), preset, names);
      return NULL;
    }
  map = map_new (header, n_columns);
  map->preset = crm_import_preset_columns (preset, (const char * const *) map->header, n_columns,
                                           map->columns);
  choose_name_order (map);
  return map;
}

CrmImportMap *
crm_import_map_copy (CrmImportMap *map)
{
  CrmImportMap *copy;

  g_return_val_if_fail (map != NULL, NULL);

  copy = g_new0 (CrmImportMap, 1);
  copy->n_columns = map->n_columns;
  copy->header = g_strdupv (map->header);
  copy->columns = g_memdup2 (map->columns, sizeof (CrmImportColumn) * MAX (map->n_columns, 1));
  copy->preset = map->preset;
  copy->order = map->order;
  copy->file = g_strdup (map->file);
  return copy;
}

void
crm_import_map_free (CrmImportMap *map)
{
  if (map == NULL)
    return;
  g_strfreev (map->header);
  g_free (map->columns);
  g_free (map->file);
  g_clear_pointer (&map->strings, g_string_chunk_free);
  g_free (map);
}

static char *
list_columns (CrmImportMap *map)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < map->n_columns && i < 12; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      /* Translators: a column header in a list of them */
      g_string_append_printf (out, _("“%s”"), map->header[i]);
    }
  if (map->n_columns > 12)
    g_string_append (out, ", …");
  return g_string_free (out, FALSE);
}

static char *
list_fields (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < CRM_IMPORT_N_FIELDS; i++)
    {
      if (i == CRM_IMPORT_FIELD_PHONE_TYPE || i == CRM_IMPORT_FIELD_EMAIL_TYPE)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, field_names[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
find_column (CrmImportMap *map, const char *text, guint *column, GError **error)
{
  g_autofree char *key = crm_io_key (text);
  gboolean digits = *text != '\0';

  for (guint i = 0; i < map->n_columns; i++)
    if (g_str_equal (map->header[i], text))
      return *column = i, TRUE;
  for (guint i = 0; i < map->n_columns && *key != '\0'; i++)
    {
      g_autofree char *k = crm_io_key (map->header[i]);
      if (g_str_equal (k, key))
        return *column = i, TRUE;
    }
  for (const char *p = text; *p != '\0'; p++)
    digits = digits && g_ascii_isdigit (*p);
  if (digits)
    {
      guint64 n = g_ascii_strtoull (text, NULL, 10);

      if (n >= 1 && n <= map->n_columns)
        return *column = (guint) n - 1, TRUE;
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The column map names column %s, but the file has %u column.",
                                "The column map names column %s, but the file has %u columns.",
                                map->n_columns),
                   text, map->n_columns);
      return FALSE;
    }
  {
    g_autofree char *columns = list_columns (map);
    g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                 _("The column map names a column “%s”, but the file has none. Its columns are: "
                   "%s. Name a column by its header or by its number, from 1."), text, columns);
  }
  return FALSE;
}

/* Applies a column map "COLUMN=FIELD,COLUMN=FIELD…", where COLUMN is a
 * header or a column number from 1 and FIELD is one of
 * crm_import_field_to_string() (phone and email may add a type:
 * "Mobile=phone:mobile"). On an error the map is left as it was. */
gboolean
crm_import_map_apply_spec (CrmImportMap *map, const char *spec, GError **error)
{
  g_auto(GStrv) items = NULL;
  g_autofree CrmImportColumn *columns = NULL;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  columns = g_memdup2 (map->columns, sizeof (CrmImportColumn) * MAX (map->n_columns, 1));
  items = g_strsplit (spec, ",", -1);
  for (gsize i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      g_autofree char *column_text = NULL;
      g_auto(GStrv) field_parts = NULL;
      char *eq;
      CrmImportField field;
      guint column;

      if (*item == '\0')
        continue;
      eq = strrchr (item, '=');
      if (eq == NULL || eq == item || eq[1] == '\0')
        {
          g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                       _("“%s” in the column map is not COLUMN=FIELD, for example “E-mail=email” "
                         "or “3=phone”."), item);
          return FALSE;
        }
      *eq = '\0';
      column_text = g_strstrip (g_strdup (item));
      field_parts = g_strsplit (eq + 1, ":", 2);
      g_strstrip (field_parts[0]);
      if (!crm_import_field_from_string (field_parts[0], &field))
        {
          g_autofree char *fields = list_fields ();
          g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                       _("The column map names an unknown field “%s”. The fields are: %s."),
                       field_parts[0], fields);
          return FALSE;
        }
      if (field_parts[1] != NULL && field != CRM_IMPORT_FIELD_PHONE && field != CRM_IMPORT_FIELD_EMAIL)
        {
          g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                       _("“%s=%s”: only the phone and email fields take a type after “:”, "
                         "as in “Mobile=phone:mobile”."), column_text, eq + 1);
          return FALSE;
        }
      if (!find_column (map, column_text, &column, error))
        return FALSE;
      columns[column].field = field;
      columns[column].slot = 0;
      columns[column].type = NULL;
      if (field_parts[1] != NULL)
        {
          g_autofree char *type = crm_contact_clean_line (field_parts[1]);
          const char *canonical;

          /* "phone:" with nothing readable after the colon: no type. */
          if (type == NULL || *type == '\0')
            continue;
          canonical = crm_contact_phone_type (type);
          /* Kept by the map, not interned: the text comes from the user. */
          if (canonical == NULL && map->strings == NULL)
            map->strings = g_string_chunk_new (256);
          columns[column].type = canonical != NULL ? canonical : g_string_chunk_insert_const (map->strings, type);
        }
    }
  memcpy (map->columns, columns, sizeof (CrmImportColumn) * map->n_columns);
  return TRUE;
}

/* Fails when no column can name a client, or when the file is a deal
 * export rather than a contact list. */
gboolean
crm_import_map_check (CrmImportMap *map, GError **error)
{
  gboolean identity = FALSE, contact_values = FALSE;

  g_return_val_if_fail (map != NULL, FALSE);

  for (guint i = 0; i < map->n_columns; i++)
    {
      CrmImportField f = map->columns[i].field;

      identity |= (f >= CRM_IMPORT_FIELD_NAME && f <= CRM_IMPORT_FIELD_EMAIL);
      contact_values |= (f == CRM_IMPORT_FIELD_PHONE || f == CRM_IMPORT_FIELD_EMAIL);
    }
  if (!contact_values && crm_import_header_is_deals ((const char * const *) map->header, map->n_columns))
    {
      crm_io_set_error (error, CRM_IO_ERROR_FORMAT, map->file,
                        _("this file lists deals (it has columns such as a stage and a close "
                          "date), not clients. Import a contact export instead."));
      return FALSE;
    }
  if (!identity)
    {
      g_autofree char *columns = list_columns (map);
      g_autofree char *message =
        g_strdup_printf (_("no column holds a client’s name, company, phone or e-mail (the "
                           "columns are: %s). Say which column is which with a column map, for "
                           "example “Client=name,Tel=phone”."), columns);
      crm_io_set_error (error, CRM_IO_ERROR_FORMAT, map->file, message);
      return FALSE;
    }
  return TRUE;
}

/* The id of the preset that recognised the header ("google", "bitrix24",
 * …), or NULL. */
const char *
crm_import_map_get_preset (CrmImportMap *map)
{
  g_return_val_if_fail (map != NULL, NULL);
  return map->preset != NULL ? map->preset->id : NULL;
}

/* "Google Contacts CSV", translated; NULL when no preset matched. */
const char *
crm_import_map_get_preset_name (CrmImportMap *map)
{
  g_return_val_if_fail (map != NULL, NULL);
  return map->preset != NULL ? _(map->preset->name) : NULL;
}

guint
crm_import_map_get_n_columns (CrmImportMap *map)
{
  g_return_val_if_fail (map != NULL, 0);
  return map->n_columns;
}

CrmImportField
crm_import_map_get_field (CrmImportMap *map, guint column)
{
  g_return_val_if_fail (map != NULL, CRM_IMPORT_FIELD_IGNORE);
  return column < map->n_columns ? map->columns[column].field : CRM_IMPORT_FIELD_IGNORE;
}

/* Puts @column's values into @field. A column that keeps its field keeps
 * its phone type and address group; a column given another field has none. */
void
crm_import_map_set_field (CrmImportMap *map, guint column, CrmImportField field)
{
  g_return_if_fail (map != NULL);
  g_return_if_fail (column < map->n_columns);
  g_return_if_fail (field < CRM_IMPORT_N_FIELDS);

  if (map->columns[column].field == field)
    return;
  map->columns[column].field = field;
  map->columns[column].type = NULL;
  map->columns[column].slot = 0;
}

/* The header of @column as the file has it, cleaned ("" when blank). */
const char *
crm_import_map_get_header (CrmImportMap *map, guint column)
{
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (column < map->n_columns, NULL);
  return map->header[column];
}

/* The phone or e-mail type the column gives its values, or NULL. */
const char *
crm_import_map_get_type (CrmImportMap *map, guint column)
{
  g_return_val_if_fail (map != NULL, NULL);
  return column < map->n_columns ? map->columns[column].type : NULL;
}

CrmNameOrder
crm_import_map_get_name_order (CrmImportMap *map)
{
  g_return_val_if_fail (map != NULL, CRM_NAME_ORDER_AUTO);
  return map->order;
}

void
crm_import_map_set_name_order (CrmImportMap *map, CrmNameOrder order)
{
  g_return_if_fail (map != NULL);
  map->order = order;
}

/* The file name that problems and errors name. */
void
crm_import_map_set_file (CrmImportMap *map, const char *display_name)
{
  g_return_if_fail (map != NULL);
  g_free (map->file);
  map->file = g_strdup (display_name);
}

/* The map as a column map that crm_import_map_apply_spec() reads back:
 * "First Name=first_name,E-mail=email:work,…" (ignored columns left out;
 * columns whose header holds "," or "=" named by number). */
char *
crm_import_map_to_spec (CrmImportMap *map)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (map != NULL, NULL);

  for (guint i = 0; i < map->n_columns; i++)
    {
      const CrmImportColumn *c = &map->columns[i];

      if (c->field == CRM_IMPORT_FIELD_IGNORE)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      if (*map->header[i] == '\0' || strpbrk (map->header[i], ",=") != NULL)
        g_string_append_printf (out, "%u", i + 1);
      else
        g_string_append (out, map->header[i]);
      g_string_append_printf (out, "=%s", field_names[c->field]);
      if (c->type != NULL && (c->field == CRM_IMPORT_FIELD_PHONE || c->field == CRM_IMPORT_FIELD_EMAIL))
        g_string_append_printf (out, ":%s", c->type);
    }
  return g_string_free (out, FALSE);
}
