/* crm-calendar-style.c — what the calendar views share: colours, boxes, dates
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-calendar-style.h"
#include "crm-locale.h"
#include "crm-recurrence.h"
#include "crm-setting-store.h"

CrmActivityLook
crm_calendar_look (const CrmActivity *a, gint64 now)
{
  if (a->state == CRM_STATE_DONE)
    return CRM_LOOK_DONE;
  if (a->state == CRM_STATE_CANCELLED)
    return CRM_LOOK_CANCELLED;
  return crm_activity_is_overdue (a, now) ? CRM_LOOK_OVERDUE : CRM_LOOK_PLANNED;
}

const char *
crm_calendar_look_label (CrmActivityLook look)
{
  switch (look)
    {
    case CRM_LOOK_DONE:
      return C_("activity state", "Done");
    case CRM_LOOK_CANCELLED:
      return C_("activity state", "Cancelled");
    case CRM_LOOK_OVERDUE:
      return C_("activity state", "Overdue");
    case CRM_LOOK_PLANNED:
    default:
      return C_("activity state", "Planned");
    }
}

void
crm_calendar_type_color (CrmActivityType type, GdkRGBA *out)
{
  /* The libadwaita palette: blue 3, green 4, orange 3. */
  static const char *colors[] = { "#3584e4", "#2ec27e", "#ff7800" };

  gdk_rgba_parse (out, colors[CLAMP ((int) type, 0, 2)]);
}

static void
foreground (GtkWidget *widget, GdkRGBA *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

#define BOX_TEXT_GAP 3     /* between the bar and the text */
#define BOX_TEXT_END 2     /* after the text */

/* The text of a box @rect wide, in its type: smaller than the rest,
 * ellipsized at its end, wrapped where the box is wide enough. */
static PangoLayout *
box_layout (GtkWidget *widget, const char *text, const char *detail, const graphene_rect_t *rect, float bar_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autofree char *all = detail != NULL && rect->size.height >= 30
                         ? g_strdup_printf ("%s\n%s", text, detail) : g_strdup (text);

  pango_layout_set_text (layout, all, -1);
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (MAX (1.f, rect->size.width - bar_width - BOX_TEXT_GAP - BOX_TEXT_END) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) ((rect->size.height - 2) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* Narrow boxes do not wrap (a word broken letter by letter helps nobody):
   * a line each for the text and the detail, when tall enough for both. */
  if (rect->size.width >= 80)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_height (layout, detail != NULL && rect->size.height >= 30 ? -1 : 0);
  return layout;
}

static float
box_bar_width (const graphene_rect_t *rect)
{
  return MIN (4.f, rect->size.width / 4);
}

/* The start of @a as a narrow box @rect can say it: "10:30", else "10";
 * NULL when not even that fits. */
char *
crm_calendar_box_time (GtkWidget *widget, const CrmActivity *a, const graphene_rect_t *rect)
{
  g_autofree char *time = crm_calendar_format_time (a->starts_at);
  g_autofree char *hour = g_strndup (time, 2);
  const char *tries[] = { time, hour };

  for (gsize i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_autoptr(PangoLayout) layout = box_layout (widget, tries[i], NULL, rect, box_bar_width (rect));

      if (!pango_layout_is_ellipsized (layout))
        return g_strdup (tries[i]);
    }
  return NULL;
}

void
crm_calendar_draw_box (GtkSnapshot *snapshot, GtkWidget *widget, const graphene_rect_t *rect,
                       const CrmActivity *a, gint64 now, const char *text, const char *detail,
                       gboolean selected, gboolean warning)
{
  CrmActivityLook look = crm_calendar_look (a, now);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA base, fill, bar, fg, red;
  GskRoundedRect outline;
  float bar_width = box_bar_width (rect);

  if (rect->size.width < 1 || rect->size.height < 1)
    return;
  crm_calendar_type_color (a->type, &base);
  gdk_rgba_parse (&red, dark ? "#ff7b63" : "#e01b24");
  foreground (widget, &fg);
  fill = base;
  bar = base;
  switch (look)
    {
    case CRM_LOOK_DONE:
      fill.alpha = dark ? 0.22f : 0.14f;
      bar.alpha = 0.55f;
      fg.alpha *= 0.7f;
      break;
    case CRM_LOOK_CANCELLED:
      fill = fg;
      fill.alpha = 0.06f;
      bar = fg;
      bar.alpha = 0.3f;
      fg.alpha *= 0.55f;
      break;
    case CRM_LOOK_OVERDUE:
      fill = red;
      fill.alpha = dark ? 0.30f : 0.16f;
      bar = red;
      break;
    case CRM_LOOK_PLANNED:
    default:
      fill.alpha = dark ? 0.40f : 0.28f;
      break;
    }

  gsk_rounded_rect_init_from_rect (&outline, rect, MIN (4.f, rect->size.height / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, rect);
  gtk_snapshot_append_color (snapshot, &bar,
                             &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y, bar_width, rect->size.height));

  if (text != NULL && rect->size.width >= 12 && rect->size.height >= 10)
    {
      PangoLayout *layout = box_layout (widget, text, detail, rect, bar_width);
      PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
      float pad = bar_width + BOX_TEXT_GAP;

      if (look == CRM_LOOK_CANCELLED)
        pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (layout, attrs);
      /* A narrow box says something whole (its time), or nothing: not "З…". */
      if (rect->size.width >= 30 || !pango_layout_is_ellipsized (layout))
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x + pad, rect->origin.y + 1));
          gtk_snapshot_append_layout (snapshot, layout, &fg);
          gtk_snapshot_restore (snapshot);
        }
      pango_attr_list_unref (attrs);
      g_object_unref (layout);
    }
  gtk_snapshot_pop (snapshot);

  /* A ring on a sliver of a box hides the box. */
  if ((warning || selected || look == CRM_LOOK_OVERDUE) && rect->size.width >= 10)
    {
      /* Overdue is red; a clash with another activity amber. */
      GdkRGBA amber, ring;
      float w = selected || warning ? 2.f : 1.f;

      gdk_rgba_parse (&amber, dark ? "#f8e45c" : "#c64600");
      ring = selected ? fg : warning ? amber : red;
      if (selected)
        ring.alpha = 0.9f;
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w },
                                  (GdkRGBA[4]) { ring, ring, ring, ring });
    }
}

/* ---- dates and times ---------------------------------------------------- */

char *
crm_calendar_format_time (gint64 t)
{
  g_autoptr(GTimeZone) zone = crm_calendar_local_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) dt = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;

  return dt != NULL ? g_strdup_printf ("%02d:%02d", g_date_time_get_hour (dt), g_date_time_get_minute (dt))
                    : g_strdup ("");
}

char *
crm_calendar_format_range (gint64 start, gint64 end)
{
  g_autofree char *a = crm_calendar_format_time (start);
  g_autofree char *b = crm_calendar_format_time (end);

  if (end <= start)
    return g_steal_pointer (&a);
  /* Translators: a time range, "10:00–10:30" */
  return g_strdup_printf (_("%s–%s"), a, b);
}

const char *
crm_calendar_weekday_name (GDateWeekday weekday)
{
  static const char *names[] = {
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
  };
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[weekday - 1]);
}

char *
crm_calendar_format_day (const GDate *day, gboolean long_form)
{
  GDateWeekday wd = g_date_get_weekday (day);
  int d = g_date_get_day (day);

  if (!long_form)
    /* Translators: a column of the week, "Mon 2" */
    return g_strdup_printf (_("%s %d"), crm_locale_weekday_abbrev (wd), d);
  if (g_str_equal (crm_locale_get_language (), "en"))
    return g_strdup_printf ("%s, %s %d", crm_calendar_weekday_name (wd),
                            crm_locale_month_name (g_date_get_month (day)), d);
  /* Translators: "Monday, 2 November" (the month in the genitive) */
  return g_strdup_printf (_("%s, %d %s"), crm_calendar_weekday_name (wd), d,
                          crm_locale_month_name_genitive (g_date_get_month (day)));
}

CrmSettings *
crm_calendar_load_settings (CrmDatabase *db)
{
  g_autoptr(GError) error = NULL;
  CrmSettings *settings = db != NULL ? crm_setting_store_load (db, &error) : NULL;

  if (error != NULL)
    g_debug ("The settings cannot be read, the defaults are used: %s", error->message);
  return settings != NULL ? settings : crm_settings_new ();
}

GDateWeekday
crm_calendar_first_weekday (const CrmSettings *settings)
{
  if (settings != NULL && settings->week_start >= 1 && settings->week_start <= 7)
    return (GDateWeekday) settings->week_start;
  return crm_locale_get_first_weekday ();
}
