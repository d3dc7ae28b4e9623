/* crm-vcard.h — reading vCard 2.1, 3.0 and 4.0; writing vCard 4.0
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-contact.h"

G_BEGIN_DECLS

/* The longest value a property may have once unfolded (photos and other
 * binary values are skipped without being kept, whatever their size). */
#define CRM_VCARD_MAX_VALUE (1024 * 1024)

typedef struct _CrmVcardReader CrmVcardReader;

CrmVcardReader *crm_vcard_reader_new_for_path  (const char *path,
                                                GError    **error);
CrmVcardReader *crm_vcard_reader_new_for_bytes (GBytes     *bytes,
                                                const char *display_name,
                                                GError    **error);
void            crm_vcard_reader_free          (CrmVcardReader *reader);
CrmContact     *crm_vcard_reader_next          (CrmVcardReader *reader,
                                                GPtrArray      *problems);
double          crm_vcard_reader_get_progress  (CrmVcardReader *reader);

gboolean        crm_vcard_read_file            (const char *path,
                                                GPtrArray  *contacts,
                                                GPtrArray  *problems,
                                                GError    **error);

void            crm_vcard_append               (GString          *out,
                                                const CrmContact *contact);
char           *crm_vcard_write                (const CrmContact *contact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVcardReader, crm_vcard_reader_free)

G_END_DECLS
