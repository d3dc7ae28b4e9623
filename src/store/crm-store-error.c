/* crm-store-error.c — the store's error domain
 *
 * An extended error domain: a constraint error carries the table and field it
 * is about, so that a form can point at the entry that needs fixing.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-error.h"

typedef struct {
  char *table;
  char *field;
} CrmStoreErrorPrivate;

static void
crm_store_error_private_init (CrmStoreErrorPrivate *priv)
{
  priv->table = NULL;
  priv->field = NULL;
}

static void
crm_store_error_private_copy (const CrmStoreErrorPrivate *src, CrmStoreErrorPrivate *dest)
{
  dest->table = g_strdup (src->table);
  dest->field = g_strdup (src->field);
}

static void
crm_store_error_private_clear (CrmStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->table, g_free);
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (CrmStoreError, crm_store_error)

const char *
crm_store_error_get_field (const GError *error)
{
  CrmStoreErrorPrivate *priv = crm_store_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

const char *
crm_store_error_get_table (const GError *error)
{
  CrmStoreErrorPrivate *priv = crm_store_error_get_private (error);
  return priv != NULL ? priv->table : NULL;
}

void
crm_store_error_set_field (GError *error, const char *table, const char *field)
{
  CrmStoreErrorPrivate *priv = crm_store_error_get_private (error);

  g_return_if_fail (priv != NULL);
  g_free (priv->table);
  g_free (priv->field);
  priv->table = g_strdup (table);
  priv->field = g_strdup (field);
}
