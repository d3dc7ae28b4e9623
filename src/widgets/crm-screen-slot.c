/* crm-screen-slot.c — the place of a screen in the window, filled when shown
 *
 * A screen is a big widget tree (templates, charts, lists): making all seven
 * when the window opens took most of its start. Each page of the window's
 * stack is a CrmScreenSlot that knows which screen goes there
 * ("screen-type") and makes it the first time it is shown, focused or asked
 * for (crm_screen_slot_get_screen). The database given to the slot goes to
 * its screen, then or later.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-database.h"
#include "crm-screen-slot.h"

struct _CrmScreenSlot {
  AdwBin       parent_instance;

  char        *screen_type;
  CrmDatabase *database;
};

G_DEFINE_FINAL_TYPE (CrmScreenSlot, crm_screen_slot, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SCREEN_TYPE,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_database_property (GtkWidget *screen)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (screen), "database") != NULL;
}

GtkWidget *
crm_screen_slot_peek_screen (CrmScreenSlot *self)
{
  g_return_val_if_fail (CRM_IS_SCREEN_SLOT (self), NULL);
  return adw_bin_get_child (ADW_BIN (self));
}

GtkWidget *
crm_screen_slot_get_screen (CrmScreenSlot *self)
{
  GtkWidget *screen;
  GType type;

  g_return_val_if_fail (CRM_IS_SCREEN_SLOT (self), NULL);

  if ((screen = adw_bin_get_child (ADW_BIN (self))) != NULL)
    return screen;
  type = self->screen_type != NULL ? g_type_from_name (self->screen_type) : G_TYPE_INVALID;
  if (type == G_TYPE_INVALID || !g_type_is_a (type, GTK_TYPE_WIDGET))
    {
      g_critical ("A screen slot names no widget type: “%s”", self->screen_type ? self->screen_type : "");
      return NULL;
    }
  screen = g_object_new (type, NULL);
  if (self->database != NULL && has_database_property (screen))
    g_object_set (screen, "database", self->database, NULL);
  adw_bin_set_child (ADW_BIN (self), screen);
  return screen;
}

static void
crm_screen_slot_map (GtkWidget *widget)
{
  /* Shown: the screen is made (and mapped with its place). */
  crm_screen_slot_get_screen (CRM_SCREEN_SLOT (widget));
  GTK_WIDGET_CLASS (crm_screen_slot_parent_class)->map (widget);
}

/* The keyboard goes where the screen wants it (its own grab_focus). */
static gboolean
crm_screen_slot_grab_focus (GtkWidget *widget)
{
  GtkWidget *screen = crm_screen_slot_get_screen (CRM_SCREEN_SLOT (widget));

  return screen != NULL && gtk_widget_grab_focus (screen);
}

static void
crm_screen_slot_set_database (CrmScreenSlot *self, CrmDatabase *database)
{
  GtkWidget *screen;

  if (!g_set_object (&self->database, database))
    return;
  screen = adw_bin_get_child (ADW_BIN (self));
  if (screen != NULL && has_database_property (screen))
    g_object_set (screen, "database", database, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
crm_screen_slot_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmScreenSlot *self = CRM_SCREEN_SLOT (object);

  switch (prop_id)
    {
    case PROP_SCREEN_TYPE:
      g_value_set_string (value, self->screen_type);
      break;
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_screen_slot_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmScreenSlot *self = CRM_SCREEN_SLOT (object);

  switch (prop_id)
    {
    case PROP_SCREEN_TYPE:
      g_free (self->screen_type);
      self->screen_type = g_value_dup_string (value);
      break;
    case PROP_DATABASE:
      crm_screen_slot_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_screen_slot_dispose (GObject *object)
{
  CrmScreenSlot *self = CRM_SCREEN_SLOT (object);

  g_clear_object (&self->database);
  G_OBJECT_CLASS (crm_screen_slot_parent_class)->dispose (object);
}

static void
crm_screen_slot_finalize (GObject *object)
{
  g_free (CRM_SCREEN_SLOT (object)->screen_type);
  G_OBJECT_CLASS (crm_screen_slot_parent_class)->finalize (object);
}

static void
crm_screen_slot_class_init (CrmScreenSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crm_screen_slot_get_property;
  object_class->set_property = crm_screen_slot_set_property;
  object_class->dispose = crm_screen_slot_dispose;
  object_class->finalize = crm_screen_slot_finalize;
  widget_class->map = crm_screen_slot_map;
  widget_class->grab_focus = crm_screen_slot_grab_focus;

  properties[PROP_SCREEN_TYPE] =
    g_param_spec_string ("screen-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_screen_slot_init (CrmScreenSlot *self)
{
}
