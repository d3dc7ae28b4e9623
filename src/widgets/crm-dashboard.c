/* crm-dashboard.c — the owner's screen: KPIs, charts, early warning
 *
 *   [Month ▾] [‹ March 2026 ›] [Whole team ▾]                  ◌ [⟳]
 *   Revenue  Calls  Talk time  Meetings  New prospects  Pipeline  Score
 *   Early warning          | Revenue by channel
 *   Plan and actual        | New and repeat clients
 *   Revenue by month       | 80/20 of the clients
 *   Sales funnel           | Effort and result
 *   Clients who cost money
 *
 * The figures are computed in a GTask thread on its own connection
 * (crm-dashboard-data.c). While they load, the previous figures stay on
 * screen beside a spinner; a change of period or manager during a load
 * cancels it, and only the last request is shown. The screen reloads when
 * the database changes, lazily when it is not on screen. Hidden a while,
 * it lets the charts' data go (the Pareto chart alone holds every client
 * that paid in the period) and computes the figures again when shown.
 *
 * A bar or a dot of a manager, or a row of the early warning, shows that
 * manager's figures; a bar of the Pareto chart or a row of the problem
 * clients opens the client (the window's "win.show-client" action, or the
 * figures of the manager who brought the client when the window has no
 * client screen); a month of the trend shows that month.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-chart-view.h"
#include "crm-dashboard-clients.h"
#include "crm-dashboard-tiles.h"
#include "crm-dashboard.h"
#include "crm-kpi-tile.h"
#include "crm-manager-picker.h"
#include "crm-period-picker.h"
#include "crm-risk-list.h"
#include "crm-screen.h"

struct _CrmDashboard {
  AdwBin               parent_instance;

  /* template children */
  GtkStack            *content_stack;
  GtkWidget           *add_manager_button;
  GtkFlowBox          *tiles_box;
  CrmPeriodPicker     *period_picker;
  CrmManagerPicker    *manager_picker;
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  GtkLabel            *pace_label;
  CrmKpiTile          *revenue_tile;
  CrmKpiTile          *calls_tile;
  CrmKpiTile          *talk_tile;
  CrmKpiTile          *meetings_tile;
  CrmKpiTile          *prospects_tile;
  CrmKpiTile          *pipeline_tile;
  CrmKpiTile          *score_tile;
  CrmRiskList         *risk_list;
  CrmDashboardClients *problem_clients;
  CrmChartView        *plan_chart;
  CrmChartView        *channels_chart;
  CrmChartView        *new_repeat_chart;
  CrmChartView        *pareto_chart;
  CrmChartView        *trend_chart;
  CrmChartView        *funnel_chart;
  CrmChartView        *effort_chart;

  CrmDatabase         *database;
  gint64               now;              /* 0: the real now */
  CrmDashboardData    *data;             /* what is shown */
  GCancellable        *cancellable;      /* of the load running, NULL when none */
  gboolean             reload_pending;   /* asked again while loading */
  gboolean             dirty;            /* changed while not on screen */
  guint                tiles_per_line;
  guint                tiles_source;
};

static void crm_dashboard_screen_init (CrmScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmDashboard, crm_dashboard, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_SCREEN, crm_dashboard_screen_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PERIOD,
  PROP_MANAGER_ID,
  PROP_NOW,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  char      *path;
  CrmPeriod *period;
  gint64     manager_id;
  gint64     now;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->path);
  crm_period_unref (request->period);
  g_free (request);
}

GtkWidget *
crm_dashboard_new (void)
{
  return g_object_new (CRM_TYPE_DASHBOARD, NULL);
}

/* ---- showing the figures ---------------------------------------------- */

static void
show_data (CrmDashboard *self, CrmDashboardData *data)
{
  g_clear_pointer (&self->data, crm_dashboard_data_free);
  self->data = data;
  /* Without a single manager there is nothing to measure: say so, and
   * offer to add one (with the keyboard too, when it was on this screen). */
  if (data->team != NULL && data->team->managers->len == 0)
    {
      GtkWidget *focus = crm_screen_get_focus (GTK_WIDGET (self));
      gboolean was_empty = g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "empty");

      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      if (!was_empty && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
          (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
        gtk_widget_grab_focus (self->add_manager_button);
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "figures");

  {
    CrmKpiTile * const tiles[CRM_DASHBOARD_N_TILES] = {
      self->revenue_tile, self->calls_tile, self->talk_tile, self->meetings_tile,
      self->prospects_tile, self->pipeline_tile, self->score_tile,
    };
    g_autofree char *pace = crm_dashboard_tiles_describe_pace (data);

    crm_dashboard_tiles_show (tiles, data);
    gtk_label_set_label (self->pace_label, pace != NULL ? pace : "");
    gtk_widget_set_visible (GTK_WIDGET (self->pace_label), pace != NULL);
  }
  crm_risk_list_set_report (self->risk_list, data->own != NULL ? data->own : data->team, data->manager_id);
  crm_dashboard_clients_set_report (self->problem_clients, crm_dashboard_data_get_report (data));
  crm_chart_view_set_chart (self->plan_chart, data->charts[CRM_DASHBOARD_CHART_PLAN]);
  crm_chart_view_set_chart (self->channels_chart, data->charts[CRM_DASHBOARD_CHART_CHANNELS]);
  crm_chart_view_set_chart (self->new_repeat_chart, data->charts[CRM_DASHBOARD_CHART_NEW_REPEAT]);
  crm_chart_view_set_chart (self->pareto_chart, data->charts[CRM_DASHBOARD_CHART_PARETO]);
  crm_chart_view_set_chart (self->trend_chart, data->charts[CRM_DASHBOARD_CHART_TREND]);
  crm_chart_view_set_chart (self->funnel_chart, data->charts[CRM_DASHBOARD_CHART_FUNNEL]);
  crm_chart_view_set_chart (self->effort_chart, data->charts[CRM_DASHBOARD_CHART_EFFORT]);
}

/* ---- loading ------------------------------------------------------------ */

/* Runs in the thread that cancels: a query of a computation given up stops
 * at once (crm_database_interrupt() may be called from another thread while
 * the connection is open; the worker disconnects before closing it). */
static void
load_cancelled_cb (GCancellable *cancellable, CrmDatabase *db)
{
  crm_database_interrupt (db);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (request->path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, &error);
  CrmDashboardData *data;
  gulong handler;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  handler = g_cancellable_connect (cancellable, G_CALLBACK (load_cancelled_cb), db, NULL);
  data = crm_dashboard_data_load (db, request->period, request->manager_id, request->now, cancellable, &error);
  g_cancellable_disconnect (cancellable, handler);
  if (data == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, data, (GDestroyNotify) crm_dashboard_data_free);
}

static void
set_loading (CrmDashboard *self, gboolean loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void start_load (CrmDashboard *self);

static void
load_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmDashboard *self = CRM_DASHBOARD (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  CrmDashboardData *data = g_task_propagate_pointer (G_TASK (result), &error);

  /* A load given up: dispose, or a newer request (which starts now). */
  if (cancellable != self->cancellable)
    {
      g_clear_pointer (&data, crm_dashboard_data_free);
      return;
    }
  g_clear_object (&self->cancellable);
  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      g_clear_pointer (&data, crm_dashboard_data_free);
      start_load (self);
      return;
    }

  if (data != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      show_data (self, data);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("The figures could not be computed: %s"), error->message);
      gtk_label_set_label (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  set_loading (self, FALSE);
}

static void
start_load (CrmDashboard *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->path = g_strdup (crm_database_get_path (self->database));
  request->period = crm_period_ref (crm_period_picker_get_period (self->period_picker));
  request->manager_id = crm_manager_picker_get_manager_id (self->manager_picker);
  request->now = self->now;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_finished_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_thread);
  set_loading (self, TRUE);
}

/* Computes the figures again for what the pickers say, now if the screen
 * is shown, else when it is. */
static void
queue_reload (CrmDashboard *self)
{
  if (self->database == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  if (self->cancellable != NULL)
    {
      /* The stale computation stops at its next step; the last request
       * starts when it has. */
      g_cancellable_cancel (self->cancellable);
      self->reload_pending = TRUE;
      return;
    }
  start_load (self);
}

void
crm_dashboard_refresh (CrmDashboard *self)
{
  g_return_if_fail (CRM_IS_DASHBOARD (self));
  queue_reload (self);
}

gboolean
crm_dashboard_get_loading (CrmDashboard *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD (self), FALSE);
  return self->cancellable != NULL;
}

/* What is on screen; NULL before the first figures came. */
const CrmDashboardData *
crm_dashboard_get_data (CrmDashboard *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD (self), NULL);
  return self->data;
}

static void
database_changed_cb (CrmDatabase *db, const char *table, CrmDashboard *self)
{
  queue_reload (self);
}

void
crm_dashboard_set_database (CrmDashboard *self, CrmDatabase *database)
{
  g_return_if_fail (CRM_IS_DASHBOARD (self));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, 0);
  crm_manager_picker_set_database (self->manager_picker, database);
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

CrmPeriod *
crm_dashboard_get_period (CrmDashboard *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD (self), NULL);
  return crm_period_picker_get_period (self->period_picker);
}

void
crm_dashboard_set_period (CrmDashboard *self, CrmPeriod *period)
{
  g_return_if_fail (CRM_IS_DASHBOARD (self));
  crm_period_picker_set_period (self->period_picker, period);
}

gint64
crm_dashboard_get_manager_id (CrmDashboard *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD (self), 0);
  return crm_manager_picker_get_manager_id (self->manager_picker);
}

void
crm_dashboard_set_manager_id (CrmDashboard *self, gint64 manager_id)
{
  g_return_if_fail (CRM_IS_DASHBOARD (self));
  crm_manager_picker_set_manager_id (self->manager_picker, manager_id);
}

/* The "today" of the pipeline, the forecast, the risk and the trend (Unix
 * seconds; 0: the real now), for reproducible screens and tests. */
void
crm_dashboard_set_now (CrmDashboard *self, gint64 now)
{
  g_return_if_fail (CRM_IS_DASHBOARD (self));

  if (self->now == now)
    return;
  self->now = now;
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

static void
period_changed_cb (CrmPeriodPicker *picker, GParamSpec *pspec, CrmDashboard *self)
{
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

static void
manager_changed_cb (CrmManagerPicker *picker, GParamSpec *pspec, CrmDashboard *self)
{
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
}

/* ---- opening what was clicked ------------------------------------------- */

static void
show_manager (CrmDashboard *self, gint64 manager_id)
{
  if (manager_id != 0)
    crm_manager_picker_set_manager_id (self->manager_picker, manager_id);
}

static void
show_client (CrmDashboard *self, gint64 client_id, gint64 owner_id)
{
  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-client", "x", client_id))
    return;
  show_manager (self, owner_id);
}

static void
manager_element_activated_cb (CrmChartView *view, int index, CrmDashboard *self)
{
  if (self->data != NULL)
    show_manager (self, crm_dashboard_data_chart_manager (self->data, index));
}

static void
client_element_activated_cb (CrmChartView *view, int index, CrmDashboard *self)
{
  gint64 client_id, owner_id;

  if (self->data != NULL && crm_dashboard_data_client_at (self->data, index, &client_id, &owner_id))
    show_client (self, client_id, owner_id);
}

static void
month_element_activated_cb (CrmChartView *view, int index, CrmDashboard *self)
{
  g_autoptr(CrmPeriod) month = self->data != NULL ? crm_dashboard_data_month_at (self->data, index) : NULL;

  if (month != NULL)
    crm_period_picker_set_period (self->period_picker, month);
}

static void
risk_manager_activated_cb (CrmRiskList *list, gint64 manager_id, CrmDashboard *self)
{
  show_manager (self, manager_id);
}

static void
problem_client_activated_cb (CrmDashboardClients *list, gint64 client_id, gint64 owner_id, CrmDashboard *self)
{
  show_client (self, client_id, owner_id);
}

/* ---- actions ------------------------------------------------------------ */

static void
refresh_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crm_dashboard_refresh (CRM_DASHBOARD (widget));
}

static void
step_period_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmDashboard *self = CRM_DASHBOARD (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->period_picker),
                              g_str_equal (action_name, "dashboard.previous-period") ? "period.previous" : "period.next",
                              NULL);
}

/* ---- layout ------------------------------------------------------------- */

#define TILE_SPACING 12   /* the column spacing of tiles_box */

static gboolean
apply_tiles_per_line (gpointer user_data)
{
  CrmDashboard *self = user_data;

  self->tiles_source = 0;
  gtk_flow_box_set_max_children_per_line (self->tiles_box, self->tiles_per_line);
  return G_SOURCE_REMOVE;
}

/* The dashboard lays its child out itself (it has no layout manager) to
 * see the width it gets. */
static void
crm_dashboard_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
crm_dashboard_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* Seven tiles in one line, or in lines of four (4 + 3), or of two: never
 * 5 + 2 or 6 + 1. The flow box flows at the tiles' natural width; its
 * maximum per line is changed after the allocation, not during it. */
static void
crm_dashboard_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CrmDashboard *self = CRM_DASHBOARD (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  static const guint choices[] = { CRM_DASHBOARD_N_TILES, 4, 2, 1 };
  int available, tile_width = 0;
  guint per_line = 1;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  available = gtk_widget_get_width (GTK_WIDGET (self->tiles_box));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      tile_width = MAX (tile_width, natural);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (choices); i++)
    if ((int) choices[i] * tile_width + ((int) choices[i] - 1) * TILE_SPACING <= available)
      {
        per_line = choices[i];
        break;
      }
  if (per_line != self->tiles_per_line && available > 0)
    {
      self->tiles_per_line = per_line;
      if (self->tiles_source == 0)
        self->tiles_source = g_idle_add (apply_tiles_per_line, self);
    }
}

/* ---- not shown ---------------------------------------------------------- */

/* The charts and what is behind them go; the tiles keep their figures
 * until the new ones come. */
static void
crm_dashboard_release (CrmScreen *screen)
{
  CrmDashboard *self = CRM_DASHBOARD (screen);
  CrmChartView * const charts[] = {
    self->plan_chart, self->channels_chart, self->new_repeat_chart, self->pareto_chart,
    self->trend_chart, self->funnel_chart, self->effort_chart,
  };

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->reload_pending = FALSE;
      set_loading (self, FALSE);
      self->dirty = TRUE;
    }
  if (self->data == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (charts); i++)
    crm_chart_view_set_chart (charts[i], NULL);
  g_clear_pointer (&self->data, crm_dashboard_data_free);
  self->dirty = TRUE;
}

static void
crm_dashboard_screen_init (CrmScreenInterface *iface)
{
  iface->release = crm_dashboard_release;
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_dashboard_map (GtkWidget *widget)
{
  CrmDashboard *self = CRM_DASHBOARD (widget);

  GTK_WIDGET_CLASS (crm_dashboard_parent_class)->map (widget);
  if (self->dirty)
    queue_reload (self);
}

static void
crm_dashboard_dispose (GObject *object)
{
  CrmDashboard *self = CRM_DASHBOARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->tiles_source, g_source_remove);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DASHBOARD);
  G_OBJECT_CLASS (crm_dashboard_parent_class)->dispose (object);
}

static void
crm_dashboard_finalize (GObject *object)
{
  CrmDashboard *self = CRM_DASHBOARD (object);

  g_clear_pointer (&self->data, crm_dashboard_data_free);
  G_OBJECT_CLASS (crm_dashboard_parent_class)->finalize (object);
}

static void
crm_dashboard_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmDashboard *self = CRM_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_DATABASE: g_value_set_object (value, self->database); break;
    case PROP_PERIOD: g_value_set_boxed (value, crm_dashboard_get_period (self)); break;
    case PROP_MANAGER_ID: g_value_set_int64 (value, crm_dashboard_get_manager_id (self)); break;
    case PROP_NOW: g_value_set_int64 (value, self->now); break;
    case PROP_LOADING: g_value_set_boolean (value, crm_dashboard_get_loading (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_dashboard_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmDashboard *self = CRM_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      crm_dashboard_set_database (self, g_value_get_object (value));
      break;
    case PROP_PERIOD:
      if (g_value_get_boxed (value) != NULL)
        crm_dashboard_set_period (self, g_value_get_boxed (value));
      break;
    case PROP_MANAGER_ID:
      crm_dashboard_set_manager_id (self, g_value_get_int64 (value));
      break;
    case PROP_NOW:
      crm_dashboard_set_now (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shown without a manager: the keyboard starts on adding one. Otherwise
 * the first control (the period) is the place to start. */
static gboolean
crm_dashboard_grab_focus (GtkWidget *widget)
{
  CrmDashboard *self = CRM_DASHBOARD (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "empty"))
    return gtk_widget_grab_focus (self->add_manager_button);
  return FALSE;
}

static void
crm_dashboard_class_init (CrmDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_dashboard_dispose;
  object_class->finalize = crm_dashboard_finalize;
  object_class->get_property = crm_dashboard_get_property;
  object_class->set_property = crm_dashboard_set_property;
  widget_class->map = crm_dashboard_map;
  widget_class->get_request_mode = crm_dashboard_get_request_mode;
  widget_class->measure = crm_dashboard_measure;
  widget_class->size_allocate = crm_dashboard_size_allocate;
  widget_class->grab_focus = crm_dashboard_grab_focus;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL, CRM_TYPE_PERIOD,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANAGER_ID] =
    g_param_spec_int64 ("manager-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_CHART_VIEW);
  g_type_ensure (CRM_TYPE_DASHBOARD_CLIENTS);
  g_type_ensure (CRM_TYPE_KPI_TILE);
  g_type_ensure (CRM_TYPE_MANAGER_PICKER);
  g_type_ensure (CRM_TYPE_PERIOD_PICKER);
  g_type_ensure (CRM_TYPE_RISK_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, add_manager_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, period_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, pace_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, manager_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, revenue_tile);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, calls_tile);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, talk_tile);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, meetings_tile);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, prospects_tile);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, pipeline_tile);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, score_tile);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, risk_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, problem_clients);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, plan_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, channels_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, new_repeat_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, pareto_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboard, effort_chart);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, manager_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, manager_element_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_element_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_element_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, risk_manager_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_client_activated_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "dashboard.previous-period", NULL, step_period_activated);
  gtk_widget_class_install_action (widget_class, "dashboard.next-period", NULL, step_period_activated);
}

/* The shortcuts work wherever the focus is while the dashboard is shown:
 * the window runs them (global scope) before the focus widget sees the key
 * (capture phase: the sidebar's list would take Ctrl+Page Down), and GTK
 * skips those of a screen that is not mapped. */
static void
add_shortcuts (CrmDashboard *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_F5, 0, "dashboard.refresh" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "dashboard.previous-period" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "dashboard.next-period" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
crm_dashboard_init (CrmDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  add_shortcuts (self);
  self->tiles_per_line = gtk_flow_box_get_max_children_per_line (self->tiles_box);
}
