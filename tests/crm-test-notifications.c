/* crm-test-notifications.c — a desktop notification service for the tests
 *
 * The app sends its reminders as desktop notifications. Under Xvfb a
 * session bus starts by itself but no notification service runs, so GIO
 * warns that a notification could not be sent — fatal in the tests, and
 * only when the demo data has an activity due at the time of day the tests
 * run. The suites that start the whole app serve the freedesktop
 * notification interface on the session bus themselves (the first to ask
 * gets the name and answers for all of them) and count what each
 * application sends.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-test-gui.h"

static const char introspection[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static GPtrArray *senders;   /* the desktop-entry of each notification */
static gboolean served;

static void
method_call_cb (GDBusConnection *connection, const char *sender, const char *path,
                const char *interface, const char *method, GVariant *parameters,
                GDBusMethodInvocation *invocation, gpointer user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      static guint32 id;

      g_autoptr(GVariant) hints = g_variant_get_child_value (parameters, 6);
      const char *entry = NULL;

      /* The suites running beside this one share the session bus, and
       * their reminders come here too: each is kept with the application
       * that sent it (GIO names it in the "desktop-entry" hint). */
      g_variant_lookup (hints, "desktop-entry", "&s", &entry);
      g_ptr_array_add (senders, g_strdup (entry != NULL ? entry : ""));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++id));
    }
  else if (g_str_equal (method, "CloseNotification"))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "crm-test", "SalesCRM", "1", "1.2"));
}

static void
acquired_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  *(int *) user_data = 1;
}

static void
lost_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  *(int *) user_data = -1;
}

static gboolean
settled (gpointer data)
{
  return *(int *) data != 0;
}

void
crm_test_serve_notifications (void)
{
  static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  static int state;

  /* No session bus: the app has none either, and sends nothing. */
  if (bus == NULL)
    {
      g_test_message ("no session bus for the notification service: %s", error->message);
      return;
    }
  senders = g_ptr_array_new_with_free_func (g_free);
  info = g_dbus_node_info_new_for_xml (introspection, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                acquired_cb, lost_cb, &state, NULL);
  g_assert_true (crm_test_wait_for (settled, &state, 10));
  /* Another service already has the name: it answers instead. */
  if (state < 0)
    g_test_message ("org.freedesktop.Notifications is served by another program");
  served = state > 0;
  /* The connection stays for the whole run, like the app's. */
}

gboolean
crm_test_notifications_served (void)
{
  return served;
}

guint
crm_test_notifications_sent (const char *application_id)
{
  guint n = 0;

  for (guint i = 0; senders != NULL && i < senders->len; i++)
    if (g_str_equal (senders->pdata[i], application_id))
      n++;
  return n;
}
