/* crm-client-check.h — is what a person typed into a client's field acceptable?
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Several values in one field (phones, e-mails, tags) are separated by
 * commas, semicolons or new lines. */
char    **crm_client_split_values (const char *text);
char     *crm_client_join_values  (const char *newline_separated);

/* FALSE with a translated CRM_CORE_ERROR_INVALID message that names the
 * wrong value and says what a right one looks like. Empty is acceptable. */
gboolean  crm_client_check_name   (const char *text, GError **error);
gboolean  crm_client_check_phones (const char *text, GError **error);
gboolean  crm_client_check_emails (const char *text, GError **error);

G_END_DECLS
