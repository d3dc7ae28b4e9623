/* crm-screen-slot.h — the place of a screen in the window, filled when shown
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_SCREEN_SLOT (crm_screen_slot_get_type ())

G_DECLARE_FINAL_TYPE (CrmScreenSlot, crm_screen_slot, CRM, SCREEN_SLOT, AdwBin)

/* The screen, made now if it was not yet (with the database given to the
 * slot); NULL when the slot's "screen-type" names no widget type. */
GtkWidget *crm_screen_slot_get_screen     (CrmScreenSlot *self);
/* The screen if it has been made, else NULL: nothing is made. */
GtkWidget *crm_screen_slot_peek_screen    (CrmScreenSlot *self);

G_END_DECLS
