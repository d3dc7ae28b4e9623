/* crm-import-columns.c — which field of a client each CSV column fills
 *
 * One row per column of the file: its header, a few of its values, and a
 * drop-down of the fields it can fill ("Do not import" first). Below, the
 * first rows of the file in a table whose column titles say where each
 * column goes. The widget edits a copy of the CrmImportMap it is given;
 * "changed" says that a column was given another field.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-import-columns.h"

#define MAX_SAMPLE_CHARS 60
#define MAX_CELL_CHARS 24

struct _CrmImportColumns {
  AdwBin               parent_instance;

  AdwPreferencesGroup *columns_group;
  GtkColumnView       *preview;

  CrmImportMap        *map;
  GPtrArray           *rows;          /* GStrv: the first rows of the file */
  GPtrArray           *group_rows;    /* AdwActionRow, one per column */
  GPtrArray           *choosers;      /* GtkDropDown, one per column */
  GPtrArray           *choices;       /* GArray of CrmImportField: a drop-down's positions */
  GPtrArray           *view_columns;  /* GtkColumnViewColumn, one per column */
};

G_DEFINE_FINAL_TYPE (CrmImportColumns, crm_import_columns, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
crm_import_columns_new (void)
{
  return g_object_new (CRM_TYPE_IMPORT_COLUMNS, NULL);
}

/* ---- text --------------------------------------------------------------- */

static char *
column_name (CrmImportColumns *self, guint column)
{
  const char *header = crm_import_map_get_header (self->map, column);

  if (*header != '\0')
    return g_strdup (header);
  /* Translators: a column of a CSV file without a header */
  return g_strdup_printf (_("Column %u"), column + 1);
}

static const char *
cell (CrmImportColumns *self, guint row, guint column)
{
  char **fields = self->rows->pdata[row];

  return column < g_strv_length (fields) ? fields[column] : "";
}

/* "Иван, Мария, Пётр": the first values of the column, on one line. */
static char *
samples (CrmImportColumns *self, guint column)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < self->rows->len && out->len < MAX_SAMPLE_CHARS * 2; r++)
    {
      g_autofree char *value = g_strstrip (g_strdup (cell (self, r, column)));

      if (*value == '\0')
        continue;
      g_strdelimit (value, "\r\n\t", ' ');
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, value);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (_("Empty in the first rows"));
    }
  if (g_utf8_strlen (out->str, -1) > MAX_SAMPLE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (out->str, 0, MAX_SAMPLE_CHARS);
      g_string_free (out, TRUE);
      return g_strconcat (cut, "…", NULL);
    }
  return g_string_free (out, FALSE);
}

/* The characters a cell of the preview gets: enough for the column's
 * values, within reason. */
static int
column_width (CrmImportColumns *self, guint column)
{
  glong width = 6;

  for (guint r = 0; r < self->rows->len; r++)
    width = MAX (width, g_utf8_strlen (cell (self, r, column), -1));
  return (int) MIN (width + 2, MAX_CELL_CHARS);
}

static void
update_title (CrmImportColumns *self, guint column)
{
  CrmImportField field = crm_import_map_get_field (self->map, column);
  g_autofree char *name = column_name (self, column);
  g_autofree char *title = NULL;

  if (field == CRM_IMPORT_FIELD_IGNORE)
    /* Translators: the title of a column in the preview, "Birthday (not imported)" */
    title = g_strdup_printf (_("%s (not imported)"), name);
  else
    /* Translators: the title of a column in the preview, "Tel → Phone" */
    title = g_strdup_printf (_("%s → %s"), name, crm_import_field_to_label (field));
  gtk_column_view_column_set_title (self->view_columns->pdata[column], title);
}

/* ---- the preview table -------------------------------------------------- */

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_width_chars (GTK_LABEL (label),
                             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "width")));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CELL_CHARS);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CrmImportColumns *self)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (row), NULL, 10);
  g_autofree char *text = NULL;

  if (index >= self->rows->len)
    return;
  text = g_strdup (cell (self, index, column));
  g_strdelimit (text, "\r\n\t", ' ');
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* ---- the choices -------------------------------------------------------- */

static guint
position_of (GArray *choices, CrmImportField field)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, CrmImportField, i) == field)
      return i;
  return 0;
}

static void
chooser_changed_cb (GtkDropDown *chooser, GParamSpec *pspec, CrmImportColumns *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "column"));
  GArray *choices = self->choices->pdata[column];
  guint selected = gtk_drop_down_get_selected (chooser);

  if (selected >= choices->len)
    return;
  crm_import_map_set_field (self->map, column, g_array_index (choices, CrmImportField, selected));
  update_title (self, column);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Every field; a phone's or an e-mail's label only where the file has one
 * (a Google export), since it means nothing alone. */
static GArray *
choices_for (CrmImportField current)
{
  GArray *choices = g_array_new (FALSE, FALSE, sizeof (CrmImportField));

  for (guint f = 0; f < CRM_IMPORT_N_FIELDS; f++)
    {
      CrmImportField field = (CrmImportField) f;

      if ((field == CRM_IMPORT_FIELD_PHONE_TYPE || field == CRM_IMPORT_FIELD_EMAIL_TYPE) && field != current)
        continue;
      g_array_append_val (choices, field);
    }
  return choices;
}

static void
add_column (CrmImportColumns *self, guint column)
{
  CrmImportField field = crm_import_map_get_field (self->map, column);
  GArray *choices = choices_for (field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *name = column_name (self, column);
  g_autofree char *sample = samples (self, column);
  g_autofree char *widget_name = g_strdup_printf ("column-%u", column + 1);
  GtkListItemFactory *factory;
  GtkColumnViewColumn *view_column;
  GtkWidget *row, *chooser;

  for (guint i = 0; i < choices->len; i++)
    gtk_string_list_append (labels, crm_import_field_to_label (g_array_index (choices, CrmImportField, i)));
  chooser = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_valign (chooser, GTK_ALIGN_CENTER);
  gtk_widget_set_name (chooser, widget_name);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), position_of (choices, field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (chooser), "column", GUINT_TO_POINTER (column));
  g_signal_connect (chooser, "notify::selected", G_CALLBACK (chooser_changed_cb), self);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chooser);
  adw_preferences_group_add (self->columns_group, row);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "width", GINT_TO_POINTER (column_width (self, column)));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  view_column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->preview, view_column);

  g_ptr_array_add (self->group_rows, row);
  g_ptr_array_add (self->choosers, chooser);
  g_ptr_array_add (self->choices, choices);
  g_ptr_array_add (self->view_columns, view_column);
  update_title (self, column);
}

static void
clear (CrmImportColumns *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, self->group_rows->pdata[i]);
  for (guint i = 0; i < self->view_columns->len; i++)
    gtk_column_view_remove_column (self->preview, self->view_columns->pdata[i]);
  g_ptr_array_set_size (self->group_rows, 0);
  g_ptr_array_set_size (self->choosers, 0);
  g_ptr_array_set_size (self->choices, 0);
  g_ptr_array_set_size (self->view_columns, 0);
  gtk_column_view_set_model (self->preview, NULL);
  g_clear_pointer (&self->map, crm_import_map_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

/* Shows the columns of @map (copied) and the first @rows of the file
 * (GStrv, kept). */
void
crm_import_columns_set_preview (CrmImportColumns *self, CrmImportMap *map, GPtrArray *rows)
{
  g_autoptr(GtkStringList) indexes = gtk_string_list_new (NULL);
  GtkNoSelection *selection;

  g_return_if_fail (CRM_IS_IMPORT_COLUMNS (self));
  g_return_if_fail (map != NULL && rows != NULL);

  clear (self);
  self->map = crm_import_map_copy (map);
  self->rows = g_ptr_array_ref (rows);
  for (guint r = 0; r < rows->len; r++)
    {
      char index[16];
      g_snprintf (index, sizeof index, "%u", r);
      gtk_string_list_append (indexes, index);
    }
  for (guint c = 0; c < crm_import_map_get_n_columns (map); c++)
    add_column (self, c);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&indexes)));
  gtk_column_view_set_model (self->preview, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* The map as the user left it; owned by the widget. */
CrmImportMap *
crm_import_columns_get_map (CrmImportColumns *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_COLUMNS (self), NULL);
  return self->map;
}

GtkDropDown *
crm_import_columns_get_chooser (CrmImportColumns *self, guint column)
{
  g_return_val_if_fail (CRM_IS_IMPORT_COLUMNS (self), NULL);
  g_return_val_if_fail (column < self->choosers->len, NULL);
  return self->choosers->pdata[column];
}

/* As if the user chose @field for @column in its drop-down. */
void
crm_import_columns_set_field (CrmImportColumns *self, guint column, CrmImportField field)
{
  GArray *choices;

  g_return_if_fail (CRM_IS_IMPORT_COLUMNS (self));
  g_return_if_fail (column < self->choosers->len);

  choices = self->choices->pdata[column];
  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, CrmImportField, i) == field)
      gtk_drop_down_set_selected (self->choosers->pdata[column], i);
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_import_columns_dispose (GObject *object)
{
  CrmImportColumns *self = CRM_IMPORT_COLUMNS (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_IMPORT_COLUMNS);
  g_ptr_array_set_size (self->group_rows, 0);
  g_ptr_array_set_size (self->choosers, 0);
  g_ptr_array_set_size (self->view_columns, 0);
  G_OBJECT_CLASS (crm_import_columns_parent_class)->dispose (object);
}

static void
crm_import_columns_finalize (GObject *object)
{
  CrmImportColumns *self = CRM_IMPORT_COLUMNS (object);

  g_clear_pointer (&self->map, crm_import_map_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_ptr_array_unref (self->group_rows);
  g_ptr_array_unref (self->choosers);
  g_ptr_array_unref (self->choices);
  g_ptr_array_unref (self->view_columns);
  G_OBJECT_CLASS (crm_import_columns_parent_class)->finalize (object);
}

static void
crm_import_columns_class_init (CrmImportColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_import_columns_dispose;
  object_class->finalize = crm_import_columns_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-import-columns.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmImportColumns, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportColumns, preview);
}

static void
crm_import_columns_init (CrmImportColumns *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->group_rows = g_ptr_array_new ();
  self->choosers = g_ptr_array_new ();
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->view_columns = g_ptr_array_new_with_free_func (g_object_unref);
}
