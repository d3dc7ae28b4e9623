/* crm-import-row.c — one CSV row made into a client, and back
 *
 * The row side of crm-import-map.c: the values of the mapped columns are
 * cleaned and combined (name parts into a display name, address parts into
 * one address), and whatever cannot be used is reported with its line and
 * column. Also the columns of SalesCRM's own client export, which the
 * "salescrm" preset reads back.
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

#define MAX_LABEL_SLOTS 100

typedef struct {
  char    *address;
  GString *street;
  char    *city;
  char    *region;
  char    *postcode;
  char    *country;
} Group;

typedef struct {
  char  *text;
  guint  column;
} Unknown;

typedef struct {
  CrmImportMap    *map;
  const CrmCsvRow *row;
  GPtrArray       *problems;
  CrmContact      *contact;
  Group            groups[CRM_IMPORT_N_SLOTS];
  const char      *labels[2][MAX_LABEL_SLOTS];   /* phone, e-mail labels by slot */
  char            *first, *middle, *last;
  Unknown          status, source;
  gboolean         kind_set;
} RowState;

static gboolean
group_is_empty (const Group *g)
{
  return g->address == NULL && g->street == NULL && g->city == NULL && g->region == NULL &&
         g->postcode == NULL && g->country == NULL;
}

static void
row_state_clear (RowState *s)
{
  for (guint g = 0; g < CRM_IMPORT_N_SLOTS; g++)
    {
      if (group_is_empty (&s->groups[g]))   /* most of them, in every row */
        continue;
      g_free (s->groups[g].address);
      if (s->groups[g].street != NULL)
        g_string_free (s->groups[g].street, TRUE);
      g_free (s->groups[g].city);
      g_free (s->groups[g].region);
      g_free (s->groups[g].postcode);
      g_free (s->groups[g].country);
    }
  g_free (s->first);
  g_free (s->middle);
  g_free (s->last);
  g_free (s->status.text);
  g_free (s->source.text);
  crm_contact_free (s->contact);
}

/* A cell as the client has it: without the apostrophe a CSV writer put
 * before "=", "+", "-", "@" against formulas, and cleaned. */
static char *
cell_value (const char *raw, gboolean one_line)
{
  if (raw[0] == '\'' && raw[1] != '\0' && strchr ("=+-@\t\r", raw[1]) != NULL)
    raw++;
  return one_line ? crm_contact_clean_line (raw) : crm_contact_clean (raw, -1);
}

static gboolean
cell_is_empty (const char *raw)
{
  g_autofree char *value = crm_contact_clean (raw, -1);
  return value == NULL;
}

static void
take_first (char **slot, char *value)
{
  if (*slot == NULL)
    *slot = value;
  else
    g_free (value);
}

static void
warn (RowState *s, guint column, char *message)
{
  crm_import_problems_add (s->problems, CRM_IMPORT_PROBLEM_WARNING, s->map->file,
                           s->row->line, column + 1, message);
}

static char **
split_values (const char *text)
{
  g_autofree char *copy = NULL;

  if (*text != '\0' && strpbrk (text, ";,\n:") == NULL)   /* one value, the usual cell */
    {
      char **one = g_new (char *, 2);

      one[0] = g_strdup (text);
      one[1] = NULL;
      return one;
    }
  copy = g_strdup (text);
  for (char *p = strstr (copy, ":::"); p != NULL; p = strstr (p, ":::"))
    memcpy (p, ";  ", 3);
  return g_strsplit_set (copy, ";,\n", -1);
}

/* The type a label names, as a new string (a canonical one where known).
 * Never interned: labels come from files, and interned strings live for
 * ever. */
static char *
label_type (const char *raw)
{
  g_autofree char *label = NULL;
  const char *canonical;

  if (raw == NULL)
    return NULL;
  label = cell_value (raw, TRUE);
  if (label == NULL)
    return NULL;
  if (g_str_has_prefix (label, "* "))   /* Google marks the primary one */
    memmove (label, label + 2, strlen (label) - 1);
  canonical = crm_contact_phone_type (label);
  return canonical != NULL ? g_strdup (canonical) : g_steal_pointer (&label);
}

static void
add_values (RowState *s, guint column, const char *raw, gboolean email)
{
  const CrmImportColumn *c = &s->map->columns[column];
  g_autofree char *labelled = NULL;
  const char *type = c->type;
  g_auto(GStrv) parts = split_values (raw);

  if (type == NULL && c->slot > 0 && c->slot < MAX_LABEL_SLOTS)
    type = labelled = label_type (s->labels[email][c->slot]);
  for (gsize i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *value = cell_value (parts[i], TRUE);

      if (value == NULL)
        continue;
      if (!email)
        crm_contact_add_phone (s->contact, value, type);
      else if (strchr (value, '@') == NULL || strchr (value, ' ') != NULL)
        warn (s, column, g_strdup_printf (_("“%s” is not an e-mail address, so it was not "
                                            "imported. Correct it in the file or in the "
                                            "client’s card."), value));
      else
        crm_contact_add_email (s->contact, value, type);
    }
}

static void
add_tags (RowState *s, const char *raw)
{
  g_auto(GStrv) parts = split_values (raw);

  for (gsize i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tag = cell_value (parts[i], TRUE);

      /* "* myContacts", "* starred": Google's own groups, not the user's. */
      if (tag != NULL && !g_str_has_prefix (tag, "* "))
        crm_contact_add_tag (s->contact, tag);
    }
}

static void
set_code (char **field, Unknown *unknown, guint column, const char *raw,
          const char *(*parse) (const char *))
{
  g_autofree char *value = cell_value (raw, TRUE);
  const char *code;

  if (value == NULL || *field != NULL)
    return;
  code = parse (value);
  if (code != NULL)
    *field = g_strdup (code);
  else if (unknown->text == NULL)
    {
      unknown->text = g_steal_pointer (&value);
      unknown->column = column;
    }
}

static void
map_cell (RowState *s, guint column, const char *raw)
{
  const CrmImportColumn *c = &s->map->columns[column];
  Group *g = &s->groups[MIN (c->slot, CRM_IMPORT_N_SLOTS - 1)];
  CrmContact *contact = s->contact;

  switch (c->field)
    {
    case CRM_IMPORT_FIELD_NAME:
      take_first (&contact->name, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_FIRST_NAME:
      take_first (&s->first, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_MIDDLE_NAME:
      take_first (&s->middle, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_LAST_NAME:
      take_first (&s->last, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_COMPANY:
      take_first (&contact->company, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_PHONE:
    case CRM_IMPORT_FIELD_EMAIL:
      add_values (s, column, raw, c->field == CRM_IMPORT_FIELD_EMAIL);
      break;
    case CRM_IMPORT_FIELD_ADDRESS:
      take_first (&g->address, cell_value (raw, FALSE));
      break;
    case CRM_IMPORT_FIELD_STREET:
      {
        g_autofree char *value = cell_value (raw, FALSE);
        if (value == NULL)
          break;
        if (g->street == NULL)
          g->street = g_string_new (value);
        else
          g_string_append_printf (g->street, "\n%s", value);
      }
      break;
    case CRM_IMPORT_FIELD_CITY:
      take_first (&g->city, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_REGION:
      take_first (&g->region, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_POSTCODE:
      take_first (&g->postcode, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_COUNTRY:
      take_first (&g->country, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_NOTES:
      {
        g_autofree char *value = cell_value (raw, FALSE);
        crm_contact_append_notes (contact, value);
      }
      break;
    case CRM_IMPORT_FIELD_TAGS:
      add_tags (s, raw);
      break;
    case CRM_IMPORT_FIELD_SOURCE:
      set_code (&contact->source, &s->source, column, raw, crm_contact_parse_source);
      break;
    case CRM_IMPORT_FIELD_STATUS:
      set_code (&contact->status, &s->status, column, raw, crm_contact_parse_status);
      break;
    case CRM_IMPORT_FIELD_OWNER:
      take_first (&contact->owner, cell_value (raw, TRUE));
      break;
    case CRM_IMPORT_FIELD_KIND:
      {
        g_autofree char *value = cell_value (raw, TRUE);
        CrmContactKind kind;

        if (value == NULL || s->kind_set)
          break;
        if (crm_contact_parse_kind (value, &kind))
          {
            contact->kind = kind;
            s->kind_set = TRUE;
          }
        else
          warn (s, column, g_strdup_printf (_("Unknown kind of client “%s”: write “person” or "
                                              "“company”. The client was imported as a person "
                                              "or, without a name, as a company."), value));
      }
      break;
    case CRM_IMPORT_FIELD_IGNORE:
    case CRM_IMPORT_FIELD_PHONE_TYPE:
    case CRM_IMPORT_FIELD_EMAIL_TYPE:
    case CRM_IMPORT_N_FIELDS:
    default:
      break;
    }
}

/* The first address group with anything in it: its street (or, without
 * one, its whole address), region, postcode and country; its city apart. */
static void
finish_address (RowState *s)
{
  CrmContact *contact = s->contact;

  for (guint i = 0; i < CRM_IMPORT_N_SLOTS; i++)
    {
      Group *g = &s->groups[i];
      const char *parts[4];

      if (group_is_empty (g))
        continue;
      parts[0] = g->street != NULL ? g->street->str : g->address;
      parts[1] = g->region;
      parts[2] = g->postcode;
      parts[3] = g->country;
      contact->address = crm_contact_compose_address (parts, G_N_ELEMENTS (parts));
      contact->city = g_strdup (g->city);
      break;
    }
  for (guint i = 0; i < CRM_IMPORT_N_SLOTS && contact->city == NULL; i++)
    contact->city = g_strdup (s->groups[i].city);
}

static gboolean
row_is_blank (const CrmCsvRow *row)
{
  for (guint i = 0; i < row->n_fields; i++)
    for (const char *p = row->fields[i]; *p != '\0'; p++)
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
  return TRUE;
}

/* The client in @row, or NULL when the row is blank (silently) or names
 * nobody (reported in @problems, an array of CrmImportProblem, which may be
 * NULL). Values that cannot be used are reported as warnings. */
CrmContact *
crm_import_map_row (CrmImportMap *map, const CrmCsvRow *row, GPtrArray *problems)
{
  RowState s = { 0 };
  guint n;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);

  if (row_is_blank (row))
    return NULL;

  s.map = map;
  s.row = row;
  s.problems = problems;
  s.contact = crm_contact_new ();
  s.contact->line = row->line;
  n = MIN (row->n_fields, map->n_columns);

  for (guint i = 0; i < n; i++)
    {
      const CrmImportColumn *c = &map->columns[i];
      if ((c->field == CRM_IMPORT_FIELD_PHONE_TYPE || c->field == CRM_IMPORT_FIELD_EMAIL_TYPE) &&
          c->slot < MAX_LABEL_SLOTS)
        s.labels[c->field == CRM_IMPORT_FIELD_EMAIL_TYPE][c->slot] = row->fields[i];
    }
  for (guint i = 0; i < n; i++)
    if (row->fields[i][0] != '\0')
      map_cell (&s, i, row->fields[i]);

  if (s.contact->name == NULL)
    s.contact->name = crm_contact_compose_name (s.first, s.middle, s.last, map->order);
  finish_address (&s);

  if (!crm_contact_has_identity (s.contact))
    {
      crm_import_problems_add (problems, CRM_IMPORT_PROBLEM_ERROR, map->file, row->line, 0,
                               g_strdup (_("No name, company, phone or e-mail: the row was "
                                           "skipped.")));
      row_state_clear (&s);
      return NULL;
    }
  for (guint i = n; i < row->n_fields; i++)
    if (!cell_is_empty (row->fields[i]))
      {
        warn (&s, i, g_strdup_printf (_("This row has %u fields but the header only %u; the "
                                        "values beyond the header were not imported. Is a "
                                        "delimiter inside a value that is not quoted?"),
                                      row->n_fields, map->n_columns));
        break;
      }
  if (s.status.text != NULL && s.contact->status == NULL)
    warn (&s, s.status.column,
          g_strdup_printf (_("Unknown status “%s”: the client was imported without one. The "
                             "statuses are: lead, prospect, customer, regular, lost."),
                           s.status.text));
  if (s.source.text != NULL && s.contact->source == NULL)
    warn (&s, s.source.column,
          g_strdup_printf (_("Unknown source “%s”: the client was imported without one. The "
                             "sources are: inbound call, outbound call, referral, website, "
                             "other."), s.source.text));

  {
    CrmContactKind kind = s.contact->kind;
    CrmContact *contact;

    crm_contact_finish (s.contact);
    if (s.kind_set)
      s.contact->kind = kind;
    contact = g_steal_pointer (&s.contact);
    row_state_clear (&s);
    return contact;
  }
}

/* Reads a whole CSV file of clients: the first row is the header, @spec an
 * optional column map. Clients go to @contacts (CrmContact, the caller
 * frees them), rows that could not be used to @problems. FALSE when the
 * file cannot be read as a client list at all. */
gboolean
crm_import_csv (CrmCsvReader *reader, const char *spec, GPtrArray *contacts,
                GPtrArray *problems, char **preset_name, GError **error)
{
  g_autoptr(CrmImportMap) map = NULL;
  const CrmCsvRow *row = NULL;
  guint rows = 0;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (contacts != NULL, FALSE);

  if (!crm_csv_reader_next (reader, &row, error))
    return FALSE;
  if (row == NULL)
    {
      crm_io_set_error (error, CRM_IO_ERROR_EMPTY, crm_csv_reader_get_display_name (reader),
                        _("the file is empty: there is nothing to import."));
      return FALSE;
    }
  map = crm_import_map_new_auto (row->fields, row->n_fields);
  crm_import_map_set_file (map, crm_csv_reader_get_display_name (reader));
  if (spec != NULL && !crm_import_map_apply_spec (map, spec, error))
    return FALSE;
  if (!crm_import_map_check (map, error))
    return FALSE;
  if (preset_name != NULL)
    *preset_name = g_strdup (crm_import_map_get_preset_name (map));

  for (;;)
    {
      CrmContact *contact;

      if (!crm_csv_reader_next (reader, &row, error))
        return FALSE;
      if (row == NULL)
        break;
      rows++;
      contact = crm_import_map_row (map, row, problems);
      if (contact != NULL)
        g_ptr_array_add (contacts, contact);
    }
  if (rows == 0)
    {
      crm_io_set_error (error, CRM_IO_ERROR_EMPTY, crm_csv_reader_get_display_name (reader),
                        _("the file has a header row but no clients under it."));
      return FALSE;
    }
  return TRUE;
}

static const char * const salescrm_header[] = {
  "id", "kind", "name", "company", "phones", "emails", "address", "city", "source", "status",
  "owner", "tags", "notes", "created", NULL
};

/* The columns of SalesCRM's client export. Phones and e-mails are joined
 * with "; ", tags with ", "; source and status are the database codes;
 * "created" is an ISO 8601 date. */
const char * const *
crm_contact_csv_header (void)
{
  return salescrm_header;
}

/* How each column of the export is written: "id" is a number, the rest
 * text (neutralised against formulas). */
const CrmCsvCellKind *
crm_contact_csv_kinds (guint *n_kinds)
{
  static const CrmCsvCellKind kinds[G_N_ELEMENTS (salescrm_header) - 1] = { CRM_CSV_CELL_NUMBER };

  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

static char *
join_values (GPtrArray *values, gboolean contact_values, const char *separator)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (strings, contact_values ? ((CrmContactValue *) values->pdata[i])->value
                                             : values->pdata[i]);
  g_ptr_array_add (strings, NULL);
  return g_strjoinv (separator, (char **) strings->pdata);
}

/* One row of the export for @contact; @id 0 and @created NULL leave those
 * cells empty. */
char **
crm_contact_to_csv_row (const CrmContact *contact, gint64 id, const char *created)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree char *id_text = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
  g_autofree char *phones = join_values (contact->phones, TRUE, "; ");
  g_autofree char *emails = join_values (contact->emails, TRUE, "; ");
  g_autofree char *tags = join_values (contact->tags, FALSE, ", ");
  const char *cells[] = {
    id_text, crm_contact_kind_to_string (contact->kind), contact->name, contact->company,
    phones, emails, contact->address, contact->city, contact->source, contact->status,
    contact->owner, tags, contact->notes, created,
  };
  char **row;

  for (gsize i = 0; i < G_N_ELEMENTS (cells); i++)
    g_strv_builder_add (builder, cells[i] != NULL ? cells[i] : "");
  row = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return row;
}
