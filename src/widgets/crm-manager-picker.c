/* crm-manager-picker.c — choose a manager (or the whole team)
 *
 * A drop-down of the active managers, sorted by name, with an optional first
 * entry for everybody ("All managers" / a label of your own: "Whole team",
 * "Nobody"). Follows the managers table: a manager added, renamed or
 * deactivated elsewhere shows up here. Properties: "database",
 * "manager-id" (0 for the first entry when there is one), "allow-all",
 * "all-label", "include-inactive".
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-manager-picker.h"
#include "crm-manager-store.h"

struct _CrmManagerPicker {
  AdwBin        parent_instance;

  GtkDropDown  *drop_down;
  GtkStringList *names;
  GArray       *ids;              /* gint64, parallel to names */
  CrmDatabase  *database;
  gint64        manager_id;
  char         *all_label;
  gboolean      allow_all;
  gboolean      include_inactive;
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (CrmManagerPicker, crm_manager_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_MANAGER_ID,
  PROP_ALLOW_ALL,
  PROP_ALL_LABEL,
  PROP_INCLUDE_INACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
select_current (CrmManagerPicker *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == self->manager_id)
      position = i;
  if (position == GTK_INVALID_LIST_POSITION && self->ids->len > 0)
    {
      position = 0;
      self->manager_id = g_array_index (self->ids, gint64, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
    }
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->drop_down, position);
  self->updating = FALSE;
}

static void
reload (CrmManagerPicker *self)
{
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->names));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (self->ids, 0);
  if (self->allow_all)
    {
      gint64 zero = 0;
      g_array_append_val (self->ids, zero);
      g_ptr_array_add (strings, g_strdup (self->all_label != NULL ? self->all_label : _("All managers")));
    }
  if (self->database != NULL)
    managers = crm_manager_store_list (self->database, self->include_inactive, &error);
  if (error != NULL)
    g_warning ("Cannot list the managers: %s", error->message);
  for (guint i = 0; managers != NULL && i < managers->len; i++)
    {
      CrmManager *m = managers->pdata[i];
      g_array_append_val (self->ids, m->id);
      g_ptr_array_add (strings, m->active ? g_strdup (m->name)
                                          : g_strdup_printf (_("%s (inactive)"), m->name));
    }
  g_ptr_array_add (strings, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->names, 0, old, (const char * const *) strings->pdata);
  self->updating = FALSE;
  select_current (self);
}

static void
managers_changed_cb (CrmDatabase *db, const char *table, CrmManagerPicker *self)
{
  reload (self);
}

static void
selected_changed_cb (GtkDropDown *drop_down, GParamSpec *pspec, CrmManagerPicker *self)
{
  guint position = gtk_drop_down_get_selected (drop_down);
  gint64 id;

  if (self->updating || position >= self->ids->len)
    return;
  id = g_array_index (self->ids, gint64, position);
  if (id == self->manager_id)
    return;
  self->manager_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
}

GtkWidget *
crm_manager_picker_new (void)
{
  return g_object_new (CRM_TYPE_MANAGER_PICKER, NULL);
}

void
crm_manager_picker_set_database (CrmManagerPicker *self, CrmDatabase *database)
{
  g_return_if_fail (CRM_IS_MANAGER_PICKER (self));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed::manager", G_CALLBACK (managers_changed_cb), self, 0);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gint64
crm_manager_picker_get_manager_id (CrmManagerPicker *self)
{
  g_return_val_if_fail (CRM_IS_MANAGER_PICKER (self), 0);
  return self->manager_id;
}

void
crm_manager_picker_set_manager_id (CrmManagerPicker *self, gint64 manager_id)
{
  g_return_if_fail (CRM_IS_MANAGER_PICKER (self));

  if (self->manager_id == manager_id)
    return;
  self->manager_id = manager_id;
  select_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
}

/* The name shown for the selection ("All managers" for the first entry). */
const char *
crm_manager_picker_get_manager_name (CrmManagerPicker *self)
{
  guint position;

  g_return_val_if_fail (CRM_IS_MANAGER_PICKER (self), NULL);
  position = gtk_drop_down_get_selected (self->drop_down);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->names, position);
}

static void
crm_manager_picker_dispose (GObject *object)
{
  CrmManagerPicker *self = CRM_MANAGER_PICKER (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_MANAGER_PICKER);
  G_OBJECT_CLASS (crm_manager_picker_parent_class)->dispose (object);
}

static void
crm_manager_picker_finalize (GObject *object)
{
  CrmManagerPicker *self = CRM_MANAGER_PICKER (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->all_label, g_free);
  G_OBJECT_CLASS (crm_manager_picker_parent_class)->finalize (object);
}

static void
crm_manager_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmManagerPicker *self = CRM_MANAGER_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATABASE: g_value_set_object (value, self->database); break;
    case PROP_MANAGER_ID: g_value_set_int64 (value, self->manager_id); break;
    case PROP_ALLOW_ALL: g_value_set_boolean (value, self->allow_all); break;
    case PROP_ALL_LABEL: g_value_set_string (value, self->all_label); break;
    case PROP_INCLUDE_INACTIVE: g_value_set_boolean (value, self->include_inactive); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_manager_picker_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmManagerPicker *self = CRM_MANAGER_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      crm_manager_picker_set_database (self, g_value_get_object (value));
      break;
    case PROP_MANAGER_ID:
      crm_manager_picker_set_manager_id (self, g_value_get_int64 (value));
      break;
    case PROP_ALLOW_ALL:
      self->allow_all = g_value_get_boolean (value);
      reload (self);
      break;
    case PROP_ALL_LABEL:
      g_free (self->all_label);
      self->all_label = g_value_dup_string (value);
      reload (self);
      break;
    case PROP_INCLUDE_INACTIVE:
      self->include_inactive = g_value_get_boolean (value);
      reload (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_manager_picker_class_init (CrmManagerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_manager_picker_dispose;
  object_class->finalize = crm_manager_picker_finalize;
  object_class->get_property = crm_manager_picker_get_property;
  object_class->set_property = crm_manager_picker_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANAGER_ID] =
    g_param_spec_int64 ("manager-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_ALL] =
    g_param_spec_boolean ("allow-all", NULL, NULL, TRUE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALL_LABEL] =
    g_param_spec_string ("all-label", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_INACTIVE] =
    g_param_spec_boolean ("include-inactive", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-manager-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmManagerPicker, names);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
}

static void
crm_manager_picker_init (CrmManagerPicker *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->allow_all = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child, or both the template
   * and the bin would unparent it on dispose. */
  self->drop_down = GTK_DROP_DOWN (adw_bin_get_child (ADW_BIN (self)));
  reload (self);
}
