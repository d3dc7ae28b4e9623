/* crm-team-manager-dialog.c — add or edit a manager of the team
 *
 * Name, email, phone and the hiring date. The store checks what it stores:
 * a refusal is shown in the dialog, at the field it names, and the dialog
 * stays open so that nothing typed is lost. The row is written by the
 * store's writer thread: a database locked by another program keeps the
 * dialog waiting (Save holds a spinner), not the window.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-database-writer.h"
#include "crm-locale.h"
#include "crm-manager-store.h"
#include "crm-period.h"
#include "crm-save-button.h"
#include "crm-team-manager-dialog.h"

struct _CrmTeamManagerDialog {
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  GtkMenuButton  *hired_button;
  GtkCalendar    *hired_calendar;
  GtkLabel       *error_label;

  CrmDatabase    *database;
  CrmManager     *manager;        /* a copy, written on save */
  char           *hired_on;       /* ISO date or NULL */
  gboolean        saving;
};

G_DEFINE_FINAL_TYPE (CrmTeamManagerDialog, crm_team_manager_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_hired_on (CrmTeamManagerDialog *self)
{
  g_autofree char *text = NULL;

  if (self->hired_on != NULL)
    text = crm_locale_format_iso_date (self->hired_on);
  gtk_menu_button_set_label (self->hired_button, text != NULL ? text : _("Not set"));
}

void
crm_team_manager_dialog_set_hired_on (CrmTeamManagerDialog *self, const char *iso_date)
{
  GDate date;

  g_return_if_fail (CRM_IS_TEAM_MANAGER_DIALOG (self));
  g_clear_pointer (&self->hired_on, g_free);
  if (iso_date != NULL && crm_date_parse_iso (iso_date, &date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                        g_date_get_day (&date), 12, 0, 0);
      self->hired_on = crm_date_to_iso (&date);
      gtk_calendar_select_day (self->hired_calendar, day);
    }
  show_hired_on (self);
}

static void
hired_day_selected_cb (GtkCalendar *calendar, CrmTeamManagerDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  g_free (self->hired_on);
  self->hired_on = g_date_time_format (day, "%Y-%m-%d");
  show_hired_on (self);
}

static void
clear_hired_clicked_cb (GtkButton *button, CrmTeamManagerDialog *self)
{
  g_clear_pointer (&self->hired_on, g_free);
  show_hired_on (self);
  gtk_menu_button_popdown (self->hired_button);
}

static void
mark_field (CrmTeamManagerDialog *self, const char *field)
{
  struct { const char *field; GtkWidget *row; } rows[] = {
    { "name", GTK_WIDGET (self->name_row) },
    { "email", GTK_WIDGET (self->email_row) },
    { "phone", GTK_WIDGET (self->phone_row) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_strcmp0 (rows[i].field, field) == 0)
        {
          gtk_widget_add_css_class (rows[i].row, "error");
          gtk_widget_grab_focus (rows[i].row);
        }
      else
        gtk_widget_remove_css_class (rows[i].row, "error");
    }
}

static void
show_error (CrmTeamManagerDialog *self, const char *message, const char *field)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  mark_field (self, field);
}

static void
set_saving (CrmTeamManagerDialog *self, gboolean saving)
{
  self->saving = saving;
  crm_save_button_set_busy (self->save_button, saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.cancel", !saving);
}

/* In the writer thread. */
static gboolean
write_manager (CrmDatabase *db, gpointer data, GError **error)
{
  CrmManager *manager = data;

  return manager->id > 0 ? crm_manager_store_update (db, manager, error)
                         : crm_manager_store_create (db, manager, error);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(CrmTeamManagerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = crm_database_write_finish (CRM_DATABASE (source), result, &error);

  if (self->database == NULL)            /* destroyed meanwhile */
    return;
  set_saving (self, FALSE);
  if (!ok)
    {
      show_error (self, error->message, crm_store_error_get_field (error));
      return;
    }
  g_set_object (&self->manager, crm_database_write_get_data (result));
  g_signal_emit (self, signals[SAVED], 0, self->manager);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Checks the fields and starts writing the manager: FALSE (and says why)
 * when a field is wrong; a refusal of the store comes later, the same way. */
gboolean
crm_team_manager_dialog_save (CrmTeamManagerDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  CrmManager *edited;

  g_return_val_if_fail (CRM_IS_TEAM_MANAGER_DIALOG (self), FALSE);
  if (self->saving)
    return FALSE;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  if (*email != '\0' && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    {
      show_error (self, _("The e-mail address needs an “@”, as in anna@example.com, or leave it empty."), "email");
      return FALSE;
    }
  show_error (self, NULL, NULL);
  edited = crm_manager_copy (self->manager);
  g_free (edited->name);
  edited->name = g_steal_pointer (&name);
  g_free (edited->email);
  edited->email = g_steal_pointer (&email);
  g_free (edited->phone);
  edited->phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));
  g_free (edited->hired_on);
  edited->hired_on = g_strdup (self->hired_on);

  set_saving (self, TRUE);
  crm_database_write_async (self->database, (const char * const[]) { "manager", NULL }, write_manager,
                            edited, g_object_unref, written_cb, g_object_ref (self));
  return TRUE;
}

gboolean
crm_team_manager_dialog_is_saving (CrmTeamManagerDialog *self)
{
  g_return_val_if_fail (CRM_IS_TEAM_MANAGER_DIALOG (self), FALSE);
  return self->saving;
}

/* Not while saving: the dialog waits for the answer, to show a refusal. */
static gboolean
crm_team_manager_dialog_close_request (GtkWindow *window)
{
  if (CRM_TEAM_MANAGER_DIALOG (window)->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (crm_team_manager_dialog_parent_class)->close_request (window);
}

static void
save_clicked_cb (GtkWidget *widget, CrmTeamManagerDialog *self)
{
  crm_team_manager_dialog_save (self);
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

CrmTeamManagerDialog *
crm_team_manager_dialog_new (GtkWindow *parent, CrmDatabase *database, CrmManager *manager)
{
  CrmTeamManagerDialog *self;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);

  self = g_object_new (CRM_TYPE_TEAM_MANAGER_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->database = g_object_ref (database);
  if (manager != NULL)
    {
      self->manager = crm_manager_copy (manager);
      adw_window_title_set_title (self->window_title, _("Edit Manager"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), manager->name != NULL ? manager->name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), manager->email != NULL ? manager->email : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), manager->phone != NULL ? manager->phone : "");
      crm_team_manager_dialog_set_hired_on (self, manager->hired_on);
    }
  else
    {
      self->manager = crm_manager_new ();
      self->manager->active = TRUE;
      adw_window_title_set_title (self->window_title, _("New Manager"));
      gtk_button_set_label (self->save_button, _("_Add"));
      show_hired_on (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

static void
crm_team_manager_dialog_dispose (GObject *object)
{
  CrmTeamManagerDialog *self = CRM_TEAM_MANAGER_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_object (&self->manager);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_TEAM_MANAGER_DIALOG);
  G_OBJECT_CLASS (crm_team_manager_dialog_parent_class)->dispose (object);
}

static void
crm_team_manager_dialog_finalize (GObject *object)
{
  CrmTeamManagerDialog *self = CRM_TEAM_MANAGER_DIALOG (object);

  g_free (self->hired_on);
  G_OBJECT_CLASS (crm_team_manager_dialog_parent_class)->finalize (object);
}

static void
crm_team_manager_dialog_class_init (CrmTeamManagerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_team_manager_dialog_dispose;
  object_class->finalize = crm_team_manager_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = crm_team_manager_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRM_TYPE_MANAGER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-team-manager-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, hired_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, hired_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamManagerDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hired_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_hired_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
crm_team_manager_dialog_init (CrmTeamManagerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
