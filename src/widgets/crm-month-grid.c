/* crm-month-grid.c — six weeks of days with their activities
 *
 * A custom widget: the weekday names on top, then 6 × 7 cells, each with
 * its day number (today marked, other months dimmed) and as many of its
 * activities as fit, coloured by type and state, then "+N more". A click
 * selects a day, a double click (or Enter) opens it in the day view, a
 * double click on an activity opens the activity; arrows move the
 * selection, N makes an activity on the selected day.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-text.h"
#include "crm-calendar-style.h"
#include "crm-locale.h"
#include "crm-month-grid.h"

#define N_CELLS     42
#define HEAD_HEIGHT 26
#define CHIP_HEIGHT 18

typedef struct {
  CrmActivity    *activity;
  guint           cell;
  graphene_rect_t rect;
} Chip;

struct _CrmMonthGrid {
  GtkWidget    parent_instance;

  GDate        first;                 /* the first cell */
  int          month;                 /* the month shown, 1…12 */
  GDateWeekday first_weekday;
  GDate        selected;
  GPtrArray   *activities;
  GPtrArray   *per_cell[N_CELLS];     /* CrmActivity, by start */
  GArray      *chips;                 /* Chip, those drawn */
  guint        hidden[N_CELLS];
  gint64       fixed_now;
};

G_DEFINE_FINAL_TYPE (CrmMonthGrid, crm_month_grid, GTK_TYPE_WIDGET)

enum {
  SIGNAL_DAY_ACTIVATED,
  SIGNAL_ACTIVITY_ACTIVATED,
  SIGNAL_CREATE_REQUESTED,
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
now_of (CrmMonthGrid *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
}

static void
cell_rect (CrmMonthGrid *self, guint cell, graphene_rect_t *out)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) / 7.0;
  double h = (gtk_widget_get_height (GTK_WIDGET (self)) - HEAD_HEIGHT) / 6.0;

  *out = GRAPHENE_RECT_INIT ((cell % 7) * w, HEAD_HEIGHT + (cell / 7) * h, w, h);
}

static void
cell_day (CrmMonthGrid *self, guint cell, GDate *out)
{
  *out = self->first;
  g_date_add_days (out, cell);
}

static int
cell_of (CrmMonthGrid *self, const GDate *day)
{
  int n;

  if (!g_date_valid (&self->first) || !g_date_valid (day))
    return -1;
  n = g_date_days_between (&self->first, day);
  return n >= 0 && n < N_CELLS ? n : -1;
}

/* Chips that fit in each cell, the rest counted. */
static void
place_chips (CrmMonthGrid *self)
{
  g_array_set_size (self->chips, 0);
  for (guint c = 0; c < N_CELLS; c++)
    {
      graphene_rect_t r;
      guint fit, n = self->per_cell[c]->len;

      cell_rect (self, c, &r);
      fit = (guint) MAX (0.0, (r.size.height - 22) / CHIP_HEIGHT);
      if (n > fit && fit > 0)
        fit--;              /* room for "+N more" */
      self->hidden[c] = n > fit ? n - fit : 0;
      for (guint i = 0; i < MIN (n, fit); i++)
        {
          Chip chip = { self->per_cell[c]->pdata[i], c,
                        GRAPHENE_RECT_INIT (r.origin.x + 3, r.origin.y + 20 + i * CHIP_HEIGHT,
                                            r.size.width - 6, CHIP_HEIGHT - 2) };
          g_array_append_val (self->chips, chip);
        }
    }
}

static void
fill_cells (CrmMonthGrid *self)
{
  for (guint c = 0; c < N_CELLS; c++)
    g_ptr_array_set_size (self->per_cell[c], 0);
  for (guint i = 0; self->activities != NULL && i < self->activities->len; i++)
    {
      CrmActivity *a = self->activities->pdata[i];
      int days = a->all_day ? MAX (1, a->duration_min / (24 * 60)) : 1;
      GDate day;
      int first;

      crm_calendar_date_of (a->starts_at, &day);
      if (!g_date_valid (&day) || !g_date_valid (&self->first))
        continue;
      /* An all-day one of several days shows in each of them. */
      first = g_date_days_between (&self->first, &day);
      for (int k = MAX (0, -first); k < days && first + k < N_CELLS; k++)
        g_ptr_array_add (self->per_cell[first + k], a);
    }
  place_chips (self);
}

void
crm_month_grid_set_month (CrmMonthGrid *self, const GDate *day, GDateWeekday first_weekday)
{
  GDate first;

  g_return_if_fail (CRM_IS_MONTH_GRID (self));
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (day), g_date_get_year (day));
  while (g_date_get_weekday (&first) != first_weekday)
    g_date_subtract_days (&first, 1);
  self->first = first;
  self->month = g_date_get_month (day);
  self->first_weekday = first_weekday;
  self->selected = *day;
  fill_cells (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crm_month_grid_get_range (CrmMonthGrid *self, GDate *first, GDate *after_last)
{
  g_return_if_fail (CRM_IS_MONTH_GRID (self));
  *first = self->first;
  *after_last = self->first;
  g_date_add_days (after_last, N_CELLS);
}

void
crm_month_grid_set_activities (CrmMonthGrid *self, GPtrArray *activities)
{
  g_return_if_fail (CRM_IS_MONTH_GRID (self));
  if (activities != NULL)
    g_ptr_array_ref (activities);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->activities = activities;
  fill_cells (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crm_month_grid_set_now (CrmMonthGrid *self, gint64 now)
{
  g_return_if_fail (CRM_IS_MONTH_GRID (self));
  self->fixed_now = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crm_month_grid_get_selected (CrmMonthGrid *self, GDate *out)
{
  g_return_if_fail (CRM_IS_MONTH_GRID (self));
  *out = self->selected;
}

void
crm_month_grid_set_selected (CrmMonthGrid *self, const GDate *day)
{
  g_return_if_fail (CRM_IS_MONTH_GRID (self));
  if (g_date_valid (&self->selected) && g_date_compare (&self->selected, day) == 0)
    return;
  self->selected = *day;
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- size and drawing --------------------------------------------------- */

static void
crm_month_grid_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * 40;
      *natural = 7 * 130;
    }
  else
    {
      *minimum = HEAD_HEIGHT + 6 * 44;
      *natural = HEAD_HEIGHT + 6 * 100;
    }
}

static void
crm_month_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  place_chips (CRM_MONTH_GRID (widget));
}

static void
append_text (GtkWidget *widget, GtkSnapshot *snapshot, const char *text, double x, double y, double width,
             PangoAlignment align, gboolean bold, const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int) (MAX (1.0, width) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  pango_attr_list_unref (attrs);
  g_object_unref (layout);
}

static void
crm_month_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrmMonthGrid *self = CRM_MONTH_GRID (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gint64 now = now_of (self);
  GdkRGBA fg, dim, line, shade, accent, white;
  GDate today;

  if (!g_date_valid (&self->first))
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = line = shade = fg;
  dim.alpha *= 0.45f;
  line.alpha *= 0.13f;
  shade.alpha *= 0.04f;
  gdk_rgba_parse (&accent, "#3584e4");
  gdk_rgba_parse (&white, "#ffffff");
  crm_calendar_date_of (now, &today);

  for (int k = 0; k < 7; k++)
    {
      GDateWeekday wd = (GDateWeekday) ((self->first_weekday - 1 + k) % 7 + 1);
      append_text (widget, snapshot, crm_locale_weekday_abbrev (wd), k * width / 7, 5, width / 7,
                   PANGO_ALIGN_CENTER, FALSE, &dim);
    }

  for (guint c = 0; c < N_CELLS; c++)
    {
      graphene_rect_t r;
      GDate day;
      g_autofree char *number = NULL;
      gboolean other = FALSE;
      gboolean is_today, is_selected;

      cell_rect (self, c, &r);
      cell_day (self, c, &day);
      other = g_date_get_month (&day) != (GDateMonth) self->month;
      is_today = g_date_compare (&day, &today) == 0;
      is_selected = g_date_valid (&self->selected) && g_date_compare (&day, &self->selected) == 0;
      if (other || g_date_get_weekday (&day) >= G_DATE_SATURDAY)
        gtk_snapshot_append_color (snapshot, &shade, &r);
      if (is_selected)
        {
          GdkRGBA sel = accent;
          sel.alpha = gtk_widget_has_focus (widget) ? 0.16f : 0.09f;
          gtk_snapshot_append_color (snapshot, &sel, &r);
        }
      number = g_strdup_printf ("%d", g_date_get_day (&day));
      if (is_today)
        {
          GskRoundedRect dot;
          gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (r.origin.x + r.size.width - 27, r.origin.y + 2, 24, 17), 8);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          gtk_snapshot_append_color (snapshot, &accent, &dot.bounds);
          gtk_snapshot_pop (snapshot);
        }
      append_text (widget, snapshot, number, r.origin.x, r.origin.y + 2, r.size.width - 6, PANGO_ALIGN_RIGHT,
                   is_today, is_today ? &white : (other ? &dim : &fg));
      if (self->hidden[c] > 0)
        {
          g_autofree char *more = g_strdup_printf (_("+%u more"), self->hidden[c]);
          append_text (widget, snapshot, more, r.origin.x + 6, r.origin.y + r.size.height - CHIP_HEIGHT, r.size.width - 8,
                       PANGO_ALIGN_LEFT, FALSE, &dim);
        }
      if (c % 7 > 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (r.origin.x, r.origin.y, 1, r.size.height));
      if (c < 7)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, r.origin.y, width, 1));
      else if (c % 7 == 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, r.origin.y, width, 1));
    }

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      CrmActivity *a = chip->activity;
      g_autofree char *summary = crm_activity_get_summary (a);
      g_autofree char *time = a->all_day ? NULL : crm_calendar_format_time (a->starts_at);
      g_autofree char *text = time != NULL ? g_strdup_printf ("%s %s", time, summary) : g_strdup (summary);

      crm_calendar_draw_box (snapshot, widget, &chip->rect, a, now, text, NULL, FALSE, FALSE);
    }
  (void) height;
}

/* ---- input -------------------------------------------------------------- */

static int
hit_cell (CrmMonthGrid *self, double x, double y)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) / 7.0;
  double h = (gtk_widget_get_height (GTK_WIDGET (self)) - HEAD_HEIGHT) / 6.0;
  int col, row;

  if (y < HEAD_HEIGHT || w <= 0 || h <= 0)
    return -1;
  col = CLAMP ((int) (x / w), 0, 6);
  row = CLAMP ((int) ((y - HEAD_HEIGHT) / h), 0, 5);
  return row * 7 + col;
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrmMonthGrid *self)
{
  int cell = hit_cell (self, x, y);
  GDate day;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (cell < 0)
    return;
  cell_day (self, (guint) cell, &day);
  crm_month_grid_set_selected (self, &day);
  if (n_press != 2)
    return;
  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      if (graphene_rect_contains_point (&chip->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          g_signal_emit (self, signals[SIGNAL_ACTIVITY_ACTIVATED], 0, chip->activity);
          return;
        }
    }
  g_signal_emit (self, signals[SIGNAL_DAY_ACTIVATED], 0, g_date_get_julian (&day));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                CrmMonthGrid *self)
{
  GDate day = self->selected;
  int step = 0;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || !g_date_valid (&day))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: step = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: step = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: step = -7; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: step = 7; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_space:
      g_signal_emit (self, signals[SIGNAL_DAY_ACTIVATED], 0, g_date_get_julian (&day));
      return TRUE;
    case GDK_KEY_n: case GDK_KEY_N:
      g_signal_emit (self, signals[SIGNAL_CREATE_REQUESTED], 0, g_date_get_julian (&day));
      return TRUE;
    default:
      return FALSE;
    }
  if (step < 0)
    g_date_subtract_days (&day, -step);
  else
    g_date_add_days (&day, step);
  if (cell_of (self, &day) < 0)
    /* Past the six weeks: the month of that day. */
    crm_month_grid_set_month (self, &day, self->first_weekday);
  crm_month_grid_set_selected (self, &day);
  return TRUE;
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, CrmMonthGrid *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      if (graphene_rect_contains_point (&chip->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          CrmActivity *a = chip->activity;
          g_autofree char *summary = crm_activity_get_summary (a);
          g_autofree char *range = crm_calendar_format_range (a->starts_at, a->starts_at + (gint64) a->duration_min * 60);
          g_autofree char *text = g_strdup_printf ("%s\n%s · %s · %s%s%s", summary, crm_activity_type_to_label (a->type),
                                                   range, crm_calendar_look_label (crm_calendar_look (a, now_of (self))),
                                                   a->manager_name != NULL ? "\n" : "",
                                                   a->manager_name != NULL ? a->manager_name : "");
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }
  return FALSE;
}

static void
focus_changed_cb (GtkEventControllerFocus *controller, CrmMonthGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
crm_month_grid_new (void)
{
  return g_object_new (CRM_TYPE_MONTH_GRID, NULL);
}

static void
crm_month_grid_dispose (GObject *object)
{
  CrmMonthGrid *self = CRM_MONTH_GRID (object);

  for (guint c = 0; c < N_CELLS; c++)
    if (self->per_cell[c] != NULL)
      g_ptr_array_set_size (self->per_cell[c], 0);
  if (self->chips != NULL)
    g_array_set_size (self->chips, 0);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  G_OBJECT_CLASS (crm_month_grid_parent_class)->dispose (object);
}

static void
crm_month_grid_finalize (GObject *object)
{
  CrmMonthGrid *self = CRM_MONTH_GRID (object);

  for (guint c = 0; c < N_CELLS; c++)
    g_ptr_array_unref (self->per_cell[c]);
  g_array_unref (self->chips);
  G_OBJECT_CLASS (crm_month_grid_parent_class)->finalize (object);
}

static void
crm_month_grid_class_init (CrmMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_month_grid_dispose;
  object_class->finalize = crm_month_grid_finalize;
  widget_class->measure = crm_month_grid_measure;
  widget_class->size_allocate = crm_month_grid_size_allocate;
  widget_class->snapshot = crm_month_grid_snapshot;

  /* The day (its Julian number) to open in the day view. */
  signals[SIGNAL_DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_ACTIVITY_ACTIVATED] =
    g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CRM_TYPE_ACTIVITY);
  signals[SIGNAL_CREATE_REQUESTED] =
    g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "monthgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
crm_month_grid_init (CrmMonthGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  for (guint c = 0; c < N_CELLS; c++)
    self->per_cell[c] = g_ptr_array_new ();
  self->chips = g_array_new (FALSE, FALSE, sizeof (Chip));
  g_date_clear (&self->first, 1);
  g_date_clear (&self->selected, 1);
  self->first_weekday = G_DATE_MONDAY;

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
