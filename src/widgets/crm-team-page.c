/* crm-team-page.c — the Team screen: the managers and their monthly plan
 *
 *   [ Managers | Monthly Plan ]
 *   [+ Add Manager]                    18 active · 2 inactive  [KPI Weights…]
 *   Anna Smith   anna@… · +7 … · hired on …    [✎] [Deactivate] [🗑]
 *
 * A manager with history (clients, activities, deals, payments,
 * complaints) is never deleted: such a row has no Delete button, and should
 * the action be asked all the same the store refuses and says to deactivate
 * instead, which the refusal offers at once. One without history may be
 * deleted after a confirmation. Inactive managers are listed last, dimmed,
 * and have no row in the plan. With no manager yet the screen says to add
 * the first. Activating, deactivating and deleting are written by the
 * store's writer thread (crm_database_write_async).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-database-writer.h"
#include "crm-locale.h"
#include "crm-manager-store.h"
#include "crm-save-button.h"
#include "crm-screen.h"
#include "crm-team-manager-dialog.h"
#include "crm-team-page.h"
#include "crm-team-plan.h"

struct _CrmTeamPage {
  GtkBox        parent_instance;

  GtkStack     *stack;
  GtkStack     *managers_stack;
  GtkListBox   *managers_list;
  GtkWidget    *empty_add_button;
  GtkLabel     *count_label;
  CrmTeamPlan  *plan;

  CrmDatabase  *database;
  GPtrArray    *managers;          /* CrmManager *, as listed */
  gboolean      dirty;             /* history changed while not on screen */
};

G_DEFINE_FINAL_TYPE (CrmTeamPage, crm_team_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (CrmTeamPage *self, const char *text)
{
  crm_screen_toast (GTK_WIDGET (self), text);
}

static CrmManager *
find_manager (CrmTeamPage *self, gint64 id)
{
  for (guint i = 0; self->managers != NULL && i < self->managers->len; i++)
    if (((CrmManager *) self->managers->pdata[i])->id == id)
      return self->managers->pdata[i];
  return NULL;
}

/* ---- the list of managers ----------------------------------------------- */

/* @text with non-breaking spaces: "hired on May 23, 2024" or a phone
 * number is never cut in two when the subtitle wraps, only between its
 * parts. */
static char *
unbroken (char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  g_free (text);
  return g_strjoinv ("\u00a0", words);
}

static char *
describe (CrmManager *m)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (m->email != NULL && *m->email != '\0')
    g_ptr_array_add (parts, g_markup_escape_text (m->email, -1));
  if (m->phone != NULL && *m->phone != '\0')
    g_ptr_array_add (parts, unbroken (g_markup_escape_text (m->phone, -1)));
  if (m->hired_on != NULL && *m->hired_on != '\0')
    {
      g_autofree char *date = crm_locale_format_iso_date (m->hired_on);
      /* Translators: under a manager's name; %s is a date */
      g_ptr_array_add (parts, unbroken (g_strdup_printf (_("hired on %s"), date)));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, GVariant *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
create_row (CrmTeamPage *self, CrmManager *m)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (m);
  g_autofree char *edit_tip = g_strdup_printf (_("Edit %s"), m->name);
  g_autofree char *delete_tip = g_strdup_printf (_("Delete %s…"), m->name);
  g_autofree char *title = g_markup_escape_text (m->name, -1);
  g_autoptr(GError) error = NULL;
  gboolean history = FALSE;
  GtkWidget *toggle;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "manager-id", g_memdup2 (&m->id, sizeof m->id), g_free);

  if (!m->active)
    {
      GtkWidget *label = gtk_label_new (_("Inactive"));

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_add_css_class (row, "inactive-manager");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", edit_tip, "team.edit-manager",
                                          g_variant_new_int64 (m->id)));
  toggle = gtk_button_new_with_mnemonic (m->active ? _("_Deactivate") : _("_Activate"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, m->active
                               ? _("The manager has left: keep the history, take them out of the plan and the pickers")
                               : _("The manager is back in the team"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "team.set-active");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (toggle), g_variant_new ("(xb)", m->id, !m->active));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "toggle", toggle);
  /* Only one without history can be deleted (when the store cannot say,
   * the button stays and the refusal explains). */
  if (!crm_manager_store_has_history (self->database, m->id, &history, &error))
    g_warning ("Cannot tell whether %s has a history: %s", m->name, error->message);
  if (!history)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("user-trash-symbolic", delete_tip, "team.delete-manager",
                                            g_variant_new_int64 (m->id)));
  return row;
}

static void
reload_managers (CrmTeamPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *focus = crm_screen_get_focus (GTK_WIDGET (self));
  GtkWidget *focus_row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  gint64 focused = 0;
  guint active = 0;
  GtkWidget *child;
  g_autofree char *count = NULL;

  if (focus_row != NULL && gtk_widget_get_parent (focus_row) == GTK_WIDGET (self->managers_list))
    focused = *(gint64 *) g_object_get_data (G_OBJECT (focus_row), "manager-id");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->managers_list))) != NULL)
    gtk_list_box_remove (self->managers_list, child);
  g_clear_pointer (&self->managers, g_ptr_array_unref);
  if (self->database == NULL)
    return;
  self->managers = crm_manager_store_list (self->database, TRUE, &error);
  if (self->managers == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The managers could not be read: %s"), error->message);
      toast (self, text);
      return;
    }
  for (guint i = 0; i < self->managers->len; i++)
    {
      CrmManager *m = self->managers->pdata[i];
      GtkWidget *row = create_row (self, m);

      gtk_list_box_append (self->managers_list, row);
      active += m->active ? 1 : 0;
      if (m->id == focused)
        gtk_widget_grab_focus (row);
    }
  /* Translators: above the list of managers: "18 active · 2 inactive" */
  count = g_strdup_printf (_("%u active · %u inactive"), active, self->managers->len - active);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->managers->len > 0);
  gtk_stack_set_visible_child_name (self->managers_stack, self->managers->len > 0 ? "list" : "empty");
}

static void
managers_changed_cb (CrmDatabase *db, const char *table, CrmTeamPage *self)
{
  reload_managers (self);
}

/* A first client, call or payment gives a manager a history: the Delete
 * button goes. Read again when the screen is shown. */
static void
history_changed_cb (CrmDatabase *db, const char *table, CrmTeamPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_managers (self);
  else
    self->dirty = TRUE;
}

static void
crm_team_page_map (GtkWidget *widget)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (widget);

  GTK_WIDGET_CLASS (crm_team_page_parent_class)->map (widget);
  if (self->dirty)
    {
      self->dirty = FALSE;
      reload_managers (self);
    }
}

/* Shown: the keyboard starts on the first manager (or on adding the first),
 * or in the plan. */
static gboolean
crm_team_page_grab_focus (GtkWidget *widget)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (widget);
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->managers_list));

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "managers"))
    return gtk_widget_child_focus (GTK_WIDGET (self->plan), GTK_DIR_TAB_FORWARD);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->managers_stack), "empty"))
    return gtk_widget_grab_focus (self->empty_add_button);
  return first != NULL && gtk_widget_grab_focus (first);
}

/* ---- actions ------------------------------------------------------------ */

static void
manager_saved_cb (CrmTeamManagerDialog *dialog, CrmManager *manager, CrmTeamPage *self)
{
  g_autofree char *text = g_strdup_printf (_("%s was saved."), manager->name);
  toast (self, text);
}

static void
open_dialog (CrmTeamPage *self, CrmManager *manager)
{
  CrmTeamManagerDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = crm_team_manager_dialog_new (crm_screen_get_window (GTK_WIDGET (self)), self->database, manager);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (manager_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_manager_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "managers");
  open_dialog (self, NULL);
}

static void
edit_manager_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (widget);
  CrmManager *m = find_manager (self, g_variant_get_int64 (parameter));

  if (m != NULL)
    open_dialog (self, m);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, CrmTeamPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "manager-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "team.edit-manager", "x", *id);
}

/* ---- activating, deactivating, deleting ---------------------------------- */

/* Written by the store's writer thread: the row's button that did it turns
 * meanwhile (a deleted row goes at once), the list is read again once it
 * is written, and a refusal puts the row back and says why. */
typedef struct {
  CrmTeamPage *page;
  gint64       id;
  char        *name;
  gboolean     active;
  gboolean     deleting;
  GtkWidget   *row;
  GtkButton   *button;
} ManagerWrite;

static void
manager_write_free (ManagerWrite *job)
{
  g_object_unref (job->page);
  g_free (job->name);
  g_clear_object (&job->row);
  g_clear_object (&job->button);
  g_free (job);
}

/* In the writer thread. */
static gboolean
write_manager_change (CrmDatabase *db, gpointer data, GError **error)
{
  ManagerWrite *job = data;

  if (job->deleting)
    return crm_manager_store_delete (db, job->id, error);
  return crm_manager_store_set_active (db, job->id, job->active, error);
}

static void
manager_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ManagerWrite *job = crm_database_write_get_data (result);
  CrmTeamPage *self = job->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (job->button != NULL)
    crm_save_button_set_busy (job->button, FALSE);
  if (crm_database_write_finish (CRM_DATABASE (source), result, &error))
    text = job->deleting ? g_strdup_printf (_("%s was deleted."), job->name)
           : g_strdup_printf (job->active ? _("%s is active again.")
                                          : _("%s was deactivated: the history and the KPIs stay."), job->name);
  else
    {
      if (job->row != NULL)
        gtk_widget_set_visible (job->row, TRUE);
      text = job->deleting ? g_strdup_printf (_("The manager was not deleted: %s"), error->message)
             : g_strdup_printf (_("%s could not be changed: %s"), job->name, error->message);
    }
  if (self->database != NULL)
    toast (self, text);
}

static void
change_manager (CrmTeamPage *self, gint64 id, gboolean deleting, gboolean active)
{
  CrmManager *m = find_manager (self, id);
  GtkWidget *row = GTK_WIDGET (crm_team_page_get_row (self, id));
  GtkButton *button = row != NULL ? g_object_get_data (G_OBJECT (row), "toggle") : NULL;
  ManagerWrite *job;

  if (self->database == NULL)
    return;
  job = g_new0 (ManagerWrite, 1);
  job->page = g_object_ref (self);
  job->id = id;
  job->name = g_strdup (m != NULL ? m->name : "");
  job->active = active;
  job->deleting = deleting;
  if (deleting && row != NULL)
    {
      job->row = g_object_ref (row);
      gtk_widget_set_visible (row, FALSE);
    }
  else if (button != NULL)
    {
      job->button = g_object_ref (button);
      crm_save_button_set_busy (button, TRUE);
    }
  crm_database_write_async (self->database, (const char * const[]) { "manager", "kpi_target", NULL },
                            write_manager_change, job, (GDestroyNotify) manager_write_free,
                            manager_written_cb, NULL);
}

static void
set_active_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gint64 id;
  gboolean active;

  g_variant_get (parameter, "(xb)", &id, &active);
  change_manager (CRM_TEAM_PAGE (widget), id, FALSE, active);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, CrmTeamPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "manager-id");

  if (g_str_equal (response, "deactivate"))
    change_manager (self, id, FALSE, FALSE);
  else if (g_str_equal (response, "delete"))
    change_manager (self, id, TRUE, FALSE);
}

static void
delete_manager_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  CrmManager *m = find_manager (self, id);
  g_autoptr(GError) error = NULL;
  gboolean history = FALSE;
  AdwMessageDialog *dialog;

  if (m == NULL || self->database == NULL)
    return;
  if (!crm_manager_store_has_history (self->database, id, &history, &error))
    {
      toast (self, error->message);
      return;
    }
  if (history)
    {
      /* The store refuses, and says why and what to do instead. */
      gboolean deleted = crm_manager_store_delete (self->database, id, &error);

      g_return_if_fail (!deleted);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (crm_screen_get_window (GTK_WIDGET (self)), NULL, error->message));
      adw_message_dialog_format_heading (dialog, _("%s Cannot Be Deleted"), m->name);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      if (m->active)
        {
          adw_message_dialog_add_response (dialog, "deactivate", _("_Deactivate"));
          adw_message_dialog_set_response_appearance (dialog, "deactivate", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "deactivate");
        }
      adw_message_dialog_set_close_response (dialog, "close");
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (crm_screen_get_window (GTK_WIDGET (self)), NULL, NULL));
      adw_message_dialog_format_heading (dialog, _("Delete %s?"), m->name);
      adw_message_dialog_format_body (dialog,
                                      _("%s has no clients, activities, deals or payments. The monthly targets are deleted too. This cannot be undone."),
                                      m->name);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  g_object_set_data_full (G_OBJECT (dialog), "manager-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

/* ---- public ------------------------------------------------------------- */

GtkWidget *
crm_team_page_new (void)
{
  return g_object_new (CRM_TYPE_TEAM_PAGE, NULL);
}

void
crm_team_page_set_database (CrmTeamPage *self, CrmDatabase *database)
{
  g_return_if_fail (CRM_IS_TEAM_PAGE (self));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    {
      static const char * const history[] = { "client", "activity", "deal", "payment", "complaint", NULL };

      g_signal_connect_object (database, "changed::manager", G_CALLBACK (managers_changed_cb), self, 0);
      crm_screen_watch_tables (GTK_WIDGET (self), database, history, G_CALLBACK (history_changed_cb));
    }
  crm_team_plan_set_database (self->plan, database);
  reload_managers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

CrmTeamPlan *
crm_team_page_get_plan (CrmTeamPage *self)
{
  g_return_val_if_fail (CRM_IS_TEAM_PAGE (self), NULL);
  return self->plan;
}

GtkListBoxRow *
crm_team_page_get_row (CrmTeamPage *self, gint64 manager_id)
{
  g_return_val_if_fail (CRM_IS_TEAM_PAGE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->managers_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "manager-id");
      if (id != NULL && *id == manager_id)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_team_page_dispose (GObject *object)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  g_clear_pointer (&self->managers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_TEAM_PAGE);
  G_OBJECT_CLASS (crm_team_page_parent_class)->dispose (object);
}

static void
crm_team_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE: g_value_set_object (value, self->database); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_team_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmTeamPage *self = CRM_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE: crm_team_page_set_database (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_team_page_class_init (CrmTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_team_page_dispose;
  object_class->get_property = crm_team_page_get_property;
  object_class->set_property = crm_team_page_set_property;
  widget_class->map = crm_team_page_map;
  widget_class->grab_focus = crm_team_page_grab_focus;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_TEAM_PLAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPage, managers_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPage, managers_list);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamPage, plan);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "team.add-manager", NULL, add_manager_activated);
  gtk_widget_class_install_action (widget_class, "team.edit-manager", "x", edit_manager_activated);
  gtk_widget_class_install_action (widget_class, "team.set-active", "(xb)", set_active_activated);
  gtk_widget_class_install_action (widget_class, "team.delete-manager", "x", delete_manager_activated);
  gtk_widget_class_install_action (widget_class, "team.show", "s", show_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "team.add-manager", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "team.show", "s", "managers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "team.show", "s", "plan");
}

static void
crm_team_page_init (CrmTeamPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
