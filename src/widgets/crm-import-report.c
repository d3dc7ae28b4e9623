/* crm-import-report.c — what an import did, and every record it did not take
 *
 * The counts (added, updated, skipped as duplicates, not imported, values
 * left out) and, in a list that stays fast with a hundred thousand
 * entries, every problem with its line and column and what to do.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-import-report.h"

struct _CrmImportReport {
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
  GtkLabel      *problems_title;
  GtkWidget     *problems_scroller;
  GtkListView   *problem_list;

  GtkStringList *problems;      /* "position · kind\tmessage" */
  char          *summary;
};

G_DEFINE_FINAL_TYPE (CrmImportReport, crm_import_report, ADW_TYPE_BIN)

GtkWidget *
crm_import_report_new (void)
{
  return g_object_new (CRM_TYPE_IMPORT_REPORT, NULL);
}

/* The problems shown: "position · kind\tmessage" strings. */
GListModel *
crm_import_report_get_problems (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), NULL);
  return G_LIST_MODEL (self->problems);
}

const char *
crm_import_report_get_title (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), NULL);
  return adw_status_page_get_title (self->status_page);
}

/* The counts in words, or NULL before a result. */
const char *
crm_import_report_get_summary (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), NULL);
  return self->summary;
}

/* ---- the result -------------------------------------------------------- */

static void
problem_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *what = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "caption-heading");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (what), TRUE);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), what);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
problem_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *where = gtk_widget_get_first_child (box);
  GtkWidget *what = gtk_widget_get_next_sibling (where);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *tab = strchr (text, '\t');
  g_autofree char *position = tab != NULL ? g_strndup (text, (gsize) (tab - text)) : g_strdup ("");

  gtk_label_set_label (GTK_LABEL (where), position);
  gtk_widget_set_visible (where, *position != '\0');
  gtk_label_set_label (GTK_LABEL (what), tab != NULL ? tab + 1 : text);
}

static void
setup_problem_list (CrmImportReport *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->problems)));

  g_signal_connect (factory, "setup", G_CALLBACK (problem_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (problem_bind_cb), NULL);
  gtk_list_view_set_factory (self->problem_list, factory);
  gtk_list_view_set_model (self->problem_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* "Line 12, column 3 · not imported\tNo name, company, …" */
static char *
problem_text (const CrmImportProblem *p)
{
  const char *kind;
  g_autofree char *where = NULL;

  switch (p->severity)
    {
    case CRM_IMPORT_PROBLEM_ERROR:
      kind = C_("import problem", "not imported");
      break;
    case CRM_IMPORT_PROBLEM_WARNING:
      kind = C_("import problem", "imported without a value");
      break;
    case CRM_IMPORT_PROBLEM_DUPLICATE:
    default:
      kind = C_("import problem", "already there");
      break;
    }
  if (p->line > 0 && p->column > 0)
    where = g_strdup_printf (_("Line %u, column %u"), p->line, p->column);
  else if (p->line > 0)
    where = g_strdup_printf (_("Line %u"), p->line);
  else
    where = g_strdup (_("The whole file"));
  /* Translators: "Line 12, column 3 · not imported" */
  return g_strdup_printf (_("%s · %s\t%s"), where, kind, p->message);
}

static char *
describe_counts (const CrmImportCounts *c)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client added",
                                                        "%u clients added", c->created), c->created));
  if (c->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client updated",
                                                          "%u clients updated", c->updated), c->updated));
  if (c->duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u record skipped: the client is already there",
                                                          "%u records skipped: the clients are already there",
                                                          c->duplicates), c->duplicates));
  if (c->rejected > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record not imported",
                                                          "%u records not imported", c->rejected),
                                             c->rejected));
  if (c->warnings > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value left out",
                                                          "%u values left out", c->warnings), c->warnings));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  {
    /* A sentence: "Добавлен 1 клиент, …" */
    gunichar first = g_utf8_get_char (joined);
    char upper[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_toupper (first), upper);
    return g_strconcat (upper, g_utf8_next_char (joined), ".", NULL);
  }
}

static char *
describe_restore (const CrmRestoreCounts *c)
{
  return g_strdup_printf (_("Restored %llu managers, %llu clients, %llu activities, %llu deals, %llu "
                            "payments, %llu complaints and %llu monthly targets."),
                          (unsigned long long) c->managers, (unsigned long long) c->clients,
                          (unsigned long long) c->activities, (unsigned long long) c->deals,
                          (unsigned long long) c->payments, (unsigned long long) c->complaints,
                          (unsigned long long) c->targets);
}

/* Shows what @result says; TRUE when the import changed the database. */
gboolean
crm_import_report_set_result (CrmImportReport *self, const CrmImportResult *result)
{
  const CrmImportCounts *c = &result->counts;
  gboolean changed;
  guint n;

  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  n = result->problems->len;
  g_free (self->summary);
  if (result->format == CRM_IMPORT_FORMAT_JSON)
    {
      self->summary = describe_restore (&result->restored);
      changed = result->restored.rows > 0;
    }
  else
    {
      self->summary = describe_counts (c);
      changed = c->created + c->updated > 0;
    }
  adw_status_page_set_title (self->status_page, changed ? _("Import Finished")
                                                        : _("Nothing New Was Imported"));
  adw_status_page_set_icon_name (self->status_page, c->rejected > 0 ? "dialog-warning-symbolic"
                                                                    : "emblem-ok-symbolic");
  adw_status_page_set_description (self->status_page, self->summary);

  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (texts, problem_text (result->problems->pdata[i]));
    g_ptr_array_add (texts, NULL);
    gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                            (const char * const *) texts->pdata);
  }
  if (n > 0)
    {
      /* Translators: the title of the list of records not imported and values left out */
      g_autofree char *title = g_strdup_printf (_("What was left out (%u)"), n);
      gtk_label_set_label (self->problems_title, title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_title), n > 0);
  gtk_widget_set_visible (self->problems_scroller, n > 0);
  return changed;
}


static void
crm_import_report_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_IMPORT_REPORT);
  G_OBJECT_CLASS (crm_import_report_parent_class)->dispose (object);
}

static void
crm_import_report_finalize (GObject *object)
{
  CrmImportReport *self = CRM_IMPORT_REPORT (object);

  g_clear_object (&self->problems);
  g_free (self->summary);
  G_OBJECT_CLASS (crm_import_report_parent_class)->finalize (object);
}

static void
crm_import_report_class_init (CrmImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_import_report_dispose;
  object_class->finalize = crm_import_report_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crm-import-report.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmImportReport, status_page);
  gtk_widget_class_bind_template_child (widget_class, CrmImportReport, problems_title);
  gtk_widget_class_bind_template_child (widget_class, CrmImportReport, problems_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmImportReport, problem_list);
}

static void
crm_import_report_init (CrmImportReport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problems = gtk_string_list_new (NULL);
  setup_problem_list (self);
}
