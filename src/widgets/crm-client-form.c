/* crm-client-form.c — a small modal form: rows, Cancel and Save, errors at the field
 *
 * The dialogs of the client card (log a call, schedule a meeting, new deal,
 * record a payment, register a complaint, new client) are made of this:
 * rows added under a field name, a save function, and a message under the
 * row that is wrong — from the form's own checks or from the store, whose
 * errors name the column they are about. Enter in an entry saves, Escape
 * cancels; the form stays open until the save succeeds. The write runs in
 * the store's writer thread: meanwhile the window goes on, the Save button
 * holds a spinner, and the form cannot be closed or changed.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-client-fields.h"
#include "crm-client-form.h"
#include "crm-save-button.h"
#include "crm-store-error.h"

typedef struct {
  GtkWidget *row;
  GtkWidget *message;
} Field;

struct _CrmClientForm {
  AdwWindow               parent_instance;

  AdwWindowTitle         *title_widget;
  GtkButton              *save_button;
  GtkWidget              *cancel_button;
  GtkLabel               *message_label;
  AdwPreferencesGroup    *group;

  GHashTable             *fields;       /* name → Field */
  GPtrArray              *order;        /* the names, in the order of the rows */
  CrmDatabase            *database;
  CrmClientFormSaveFunc   save_func;
  CrmClientFormSavedFunc  saved_func;
  gpointer                save_data;
  GDestroyNotify          save_destroy;
  gboolean                saving;
};

G_DEFINE_FINAL_TYPE (CrmClientForm, crm_client_form, ADW_TYPE_WINDOW)

CrmClientForm *
crm_client_form_new (GtkWidget *parent, const char *title, const char *save_label)
{
  CrmClientForm *self = g_object_new (CRM_TYPE_CLIENT_FORM, "title", title, NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  adw_window_title_set_title (self->title_widget, title);
  gtk_button_set_label (self->save_button, save_label);
  return self;
}

/* Under the title: whom the form is about (the client's name). */
void
crm_client_form_set_subtitle (CrmClientForm *self, const char *subtitle)
{
  g_return_if_fail (CRM_IS_CLIENT_FORM (self));

  adw_window_title_set_subtitle (self->title_widget, subtitle != NULL ? subtitle : "");
}

const char *
crm_client_form_get_subtitle (CrmClientForm *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_FORM (self), NULL);

  return adw_window_title_get_subtitle (self->title_widget);
}

void
crm_client_form_add (CrmClientForm *self, const char *field, GtkWidget *row)
{
  g_return_if_fail (CRM_IS_CLIENT_FORM (self));

  adw_preferences_group_add (self->group, row);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (field != NULL)
    {
      Field *f = g_new0 (Field, 1);

      f->row = row;
      f->message = crm_client_field_message_new ();
      adw_preferences_group_add (self->group, f->message);
      g_hash_table_insert (self->fields, g_strdup (field), f);
      g_ptr_array_add (self->order, g_strdup (field));
    }
}

void
crm_client_form_set_save_func (CrmClientForm *self, CrmDatabase *database, CrmClientFormSaveFunc func,
                               CrmClientFormSavedFunc saved, gpointer user_data, GDestroyNotify destroy)
{
  g_return_if_fail (CRM_IS_CLIENT_FORM (self));

  if (self->save_destroy != NULL)
    self->save_destroy (self->save_data);
  g_set_object (&self->database, database);
  self->save_func = func;
  self->saved_func = saved;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

static void
show_message (CrmClientForm *self, const char *field, const char *message, gboolean is_error)
{
  Field *f = field != NULL ? g_hash_table_lookup (self->fields, field) : NULL;

  if (f == NULL)
    {
      gtk_label_set_label (self->message_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
      return;
    }
  crm_client_field_show (f->row, f->message, message, is_error);
}

/* Says under the row of @field (NULL: above all rows) what is wrong. */
void
crm_client_form_set_error (CrmClientForm *self, const char *field, const char *message)
{
  g_return_if_fail (CRM_IS_CLIENT_FORM (self));
  show_message (self, field, message, TRUE);
}

/* A remark that does not stop saving (a conflict in the calendar). */
void
crm_client_form_set_note (CrmClientForm *self, const char *field, const char *message)
{
  g_return_if_fail (CRM_IS_CLIENT_FORM (self));
  show_message (self, field, message, FALSE);
}

const char *
crm_client_form_get_error (CrmClientForm *self, const char *field)
{
  Field *f;

  g_return_val_if_fail (CRM_IS_CLIENT_FORM (self), NULL);
  if (field == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
      ? gtk_label_get_label (self->message_label) : NULL;
  f = g_hash_table_lookup (self->fields, field);
  if (f == NULL || !gtk_widget_has_css_class (f->row, "error"))
    return NULL;
  return crm_client_field_get_message (f->message);
}

void
crm_client_form_clear_errors (CrmClientForm *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (CRM_IS_CLIENT_FORM (self));
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Field *f = value;
      if (gtk_widget_has_css_class (f->row, "error"))
        crm_client_field_show (f->row, f->message, NULL, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static void
focus_first_error (CrmClientForm *self)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      Field *f = g_hash_table_lookup (self->fields, self->order->pdata[i]);
      if (gtk_widget_has_css_class (f->row, "error"))
        {
          gtk_widget_grab_focus (f->row);
          return;
        }
    }
}

static void
set_saving (CrmClientForm *self, gboolean saving)
{
  self->saving = saving;
  /* What is saved is what the rows show: they wait too. The focus leaves
   * them first, so that the entry holding it hears it go. */
  if (saving)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  crm_save_button_set_busy (self->save_button, saving);
  gtk_widget_set_sensitive (self->cancel_button, !saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group), !saving);
}

static void
show_store_error (CrmClientForm *self, const GError *error)
{
  const char *field = g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT) ||
                      g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID)
                      ? crm_store_error_get_field (error) : NULL;

  if (field != NULL && g_hash_table_contains (self->fields, field))
    crm_client_form_set_error (self, field, error->message);
  else
    crm_client_form_set_error (self, NULL, error->message);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(CrmClientForm) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = crm_database_write_finish (CRM_DATABASE (source), result, &error);

  set_saving (self, FALSE);
  if (self->save_func == NULL)          /* destroyed meanwhile */
    return;
  if (!ok)
    {
      show_store_error (self, error);
      focus_first_error (self);
      return;
    }
  if (self->saved_func != NULL)
    self->saved_func (self, self->save_data, crm_database_write_get_data (result));
  gtk_window_close (GTK_WINDOW (self));
}

/* Checks the form and starts its write: TRUE when it started (the form
 * closes once it is committed), FALSE when a field is wrong. */
gboolean
crm_client_form_save (CrmClientForm *self)
{
  CrmClientFormWrite write = { NULL, };

  g_return_val_if_fail (CRM_IS_CLIENT_FORM (self), FALSE);
  if (self->save_func == NULL || self->database == NULL || self->saving)
    return FALSE;
  crm_client_form_clear_errors (self);
  if (!self->save_func (self, self->save_data, &write))
    {
      focus_first_error (self);
      return FALSE;
    }
  g_return_val_if_fail (write.func != NULL, FALSE);
  set_saving (self, TRUE);
  crm_database_write_async (self->database, write.tables, write.func, write.data, write.destroy,
                            written_cb, g_object_ref (self));
  return TRUE;
}

/* A write started and not yet committed or refused. */
gboolean
crm_client_form_is_saving (CrmClientForm *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_FORM (self), FALSE);
  return self->saving;
}

/* Not while saving: the form waits for the answer, to show a refusal. */
static gboolean
crm_client_form_close_request (GtkWindow *window)
{
  CrmClientForm *self = CRM_CLIENT_FORM (window);

  if (self->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (crm_client_form_parent_class)->close_request (window);
}

static void
save_clicked_cb (GtkButton *button, CrmClientForm *self)
{
  crm_client_form_save (self);
}

static void
crm_client_form_dispose (GObject *object)
{
  CrmClientForm *self = CRM_CLIENT_FORM (object);

  crm_client_form_set_save_func (self, NULL, NULL, NULL, NULL, NULL);
  G_OBJECT_CLASS (crm_client_form_parent_class)->dispose (object);
}

static void
crm_client_form_finalize (GObject *object)
{
  CrmClientForm *self = CRM_CLIENT_FORM (object);

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  G_OBJECT_CLASS (crm_client_form_parent_class)->finalize (object);
}

static void
crm_client_form_class_init (CrmClientFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crm_client_form_dispose;
  object_class->finalize = crm_client_form_finalize;
  window_class->close_request = crm_client_form_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-client-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmClientForm, title_widget);
  gtk_widget_class_bind_template_child (widget_class, CrmClientForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmClientForm, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmClientForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, CrmClientForm, group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_client_form_init (CrmClientForm *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->order = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}
