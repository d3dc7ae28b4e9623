/* crm-demo-names.h — names, companies, cities and phones for demo data
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char       *name;          /* "Семёнова Анна Петровна" / "Anna Smith" */
  char       *short_name;    /* "Анна Семёнова" */
  char       *email_local;   /* "anna.semenova12" */
  const char *email_domain;
} CrmDemoPerson;

gboolean    crm_demo_names_russian   (const char *language);
void        crm_demo_person          (GRand *rand, gboolean russian, CrmDemoPerson *out);
void        crm_demo_person_clear    (CrmDemoPerson *person);
char       *crm_demo_company         (GRand *rand, gboolean russian);
const char *crm_demo_city            (GRand *rand, gboolean russian);
char       *crm_demo_address         (GRand *rand, gboolean russian);
char       *crm_demo_phone           (GRand *rand, gboolean russian);
char       *crm_demo_company_name    (gboolean russian);
char       *crm_demo_transliterate   (const char *text);

G_END_DECLS
