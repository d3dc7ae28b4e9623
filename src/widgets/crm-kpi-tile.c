/* crm-kpi-tile.c — one KPI on the dashboard: actual, plan and achievement
 *
 *   REVENUE
 *   3 800 ₽
 *   plan 255 000 ₽ · 1%
 *
 * The achievement is coloured: from 100% success, from 75% plain, below
 * 75% warning, below 50% error. Without a plan the tile says "no plan",
 * never 0%. A note (the forecast of the pipeline, the parts of the score)
 * takes the place of the plan line on the tiles that have no plan of their
 * own.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-kpi-tile.h"
#include "crm-locale.h"

struct _CrmKpiTile {
  AdwBin      parent_instance;

  GtkLabel   *title_label;
  GtkLabel   *value_label;
  GtkWidget  *plan_box;
  GtkLabel   *plan_label;
  GtkWidget  *separator_label;
  GtkLabel   *achievement_label;
  GtkLabel   *note_label;

  double      due;         /* the share of the plan due by today (1: all of it) */
  char       *due_text;    /* why, for the achievement's tooltip; NULL when all is due */
};

G_DEFINE_FINAL_TYPE (CrmKpiTile, crm_kpi_tile, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const tones[] = { "success", "warning", "error" };

/* The style class for an achievement (a ratio: 1.0 is 100%); NULL for
 * none: between 75% and 100%, or no plan. */
const char *
crm_kpi_achievement_style_class (double achievement)
{
  if (!isfinite (achievement))
    return NULL;
  if (achievement >= 1.0)
    return "success";
  if (achievement < 0.5)
    return "error";
  if (achievement < 0.75)
    return "warning";
  return NULL;
}

static void
set_tone (GtkWidget *widget, double achievement)
{
  const char *tone = crm_kpi_achievement_style_class (achievement);

  for (gsize i = 0; i < G_N_ELEMENTS (tones); i++)
    gtk_widget_remove_css_class (widget, tones[i]);
  if (tone != NULL)
    gtk_widget_add_css_class (widget, tone);
}

GtkWidget *
crm_kpi_tile_new (void)
{
  return g_object_new (CRM_TYPE_KPI_TILE, NULL);
}

void
crm_kpi_tile_set_title (CrmKpiTile *self, const char *title)
{
  g_return_if_fail (CRM_IS_KPI_TILE (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;
  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
crm_kpi_tile_get_title (CrmKpiTile *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TILE (self), NULL);
  return gtk_label_get_label (self->title_label);
}

/* @value as written ("3 800 ₽"); @tone colours it like an achievement
 * (NAN: not coloured). */
void
crm_kpi_tile_set_value (CrmKpiTile *self, const char *value, double tone)
{
  g_return_if_fail (CRM_IS_KPI_TILE (self));

  gtk_label_set_label (self->value_label, value != NULL ? value : "");
  set_tone (GTK_WIDGET (self->value_label), isfinite (tone) ? tone / self->due : tone);
}

/* A period not over yet: @due (0 < due ≤ 1) of each plan is due by today,
 * and the colours compare the achievement with that share instead of the
 * whole plan; @explanation says so in the achievement's tooltip. Call it
 * before crm_kpi_tile_set_value() and crm_kpi_tile_set_plan(). */
void
crm_kpi_tile_set_due (CrmKpiTile *self, double due, const char *explanation)
{
  g_return_if_fail (CRM_IS_KPI_TILE (self));

  self->due = isfinite (due) && due > 0 && due < 1 ? due : 1.0;
  g_free (self->due_text);
  self->due_text = self->due < 1 ? g_strdup (explanation) : NULL;
}

/* The plan as written and the achievement (actual / plan); @plan NULL: the
 * period has no plan for this KPI. */
void
crm_kpi_tile_set_plan (CrmKpiTile *self, const char *plan, double achievement)
{
  g_return_if_fail (CRM_IS_KPI_TILE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
  gtk_widget_set_visible (self->plan_box, TRUE);
  if (plan == NULL)
    {
      gtk_label_set_label (self->plan_label, _("no plan"));
      gtk_label_set_label (self->achievement_label, "");
      gtk_widget_set_visible (self->separator_label, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->achievement_label), FALSE);
      set_tone (GTK_WIDGET (self->achievement_label), NAN);
      return;
    }
  {
    /* Translators: under a KPI: "plan 255 000 ₽" */
    g_autofree char *text = g_strdup_printf (_("plan %s"), plan);
    g_autofree char *percent = isfinite (achievement) ? crm_locale_format_percent (achievement) : NULL;

    gtk_label_set_label (self->plan_label, text);
    gtk_label_set_label (self->achievement_label, percent != NULL ? percent : "");
    gtk_widget_set_visible (self->separator_label, percent != NULL);
    gtk_widget_set_visible (GTK_WIDGET (self->achievement_label), percent != NULL);
    set_tone (GTK_WIDGET (self->achievement_label), isfinite (achievement) ? achievement / self->due : achievement);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->achievement_label), self->due_text);
  }
}

/* A line in place of the plan, for a KPI that has no plan of its own. */
void
crm_kpi_tile_set_note (CrmKpiTile *self, const char *note)
{
  g_return_if_fail (CRM_IS_KPI_TILE (self));

  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  gtk_widget_set_visible (self->plan_box, note == NULL);
}

const char *
crm_kpi_tile_get_value (CrmKpiTile *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TILE (self), NULL);
  return gtk_label_get_label (self->value_label);
}

/* "plan 255 000 ₽", "no plan", or NULL when a note is shown instead. */
const char *
crm_kpi_tile_get_plan (CrmKpiTile *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TILE (self), NULL);
  return gtk_widget_get_visible (self->plan_box) ? gtk_label_get_label (self->plan_label) : NULL;
}

/* "85%", or NULL without a plan. */
const char *
crm_kpi_tile_get_achievement (CrmKpiTile *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TILE (self), NULL);
  if (!gtk_widget_get_visible (self->plan_box) || !gtk_widget_get_visible (GTK_WIDGET (self->achievement_label)))
    return NULL;
  return gtk_label_get_label (self->achievement_label);
}

const char *
crm_kpi_tile_get_note (CrmKpiTile *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TILE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->note_label)) ? gtk_label_get_label (self->note_label) : NULL;
}

static void
crm_kpi_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_KPI_TILE);
  G_OBJECT_CLASS (crm_kpi_tile_parent_class)->dispose (object);
}

static void
crm_kpi_tile_finalize (GObject *object)
{
  CrmKpiTile *self = CRM_KPI_TILE (object);

  g_free (self->due_text);
  G_OBJECT_CLASS (crm_kpi_tile_parent_class)->finalize (object);
}

static void
crm_kpi_tile_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmKpiTile *self = CRM_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, crm_kpi_tile_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_kpi_tile_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmKpiTile *self = CRM_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      crm_kpi_tile_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_kpi_tile_class_init (CrmKpiTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_kpi_tile_dispose;
  object_class->finalize = crm_kpi_tile_finalize;
  object_class->get_property = crm_kpi_tile_get_property;
  object_class->set_property = crm_kpi_tile_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-kpi-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmKpiTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKpiTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKpiTile, plan_box);
  gtk_widget_class_bind_template_child (widget_class, CrmKpiTile, plan_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKpiTile, separator_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKpiTile, achievement_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKpiTile, note_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_kpi_tile_init (CrmKpiTile *self)
{
  self->due = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
}
