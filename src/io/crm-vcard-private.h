/* crm-vcard-private.h — the card being read, between crm-vcard.c and
 * crm-vcard-card.c
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-vcard.h"

G_BEGIN_DECLS

/* One unfolded content line. */
typedef struct {
  guint      line;
  char      *junk;        /* a line that is no property (no ':'), shortened */
  char      *group;       /* "item1" of "item1.TEL", or NULL */
  char      *name;        /* upper case */
  GPtrArray *types;       /* TYPE values and 2.1 bare parameters, as written */
  char      *encoding;    /* lower case: "quoted-printable", "b", "base64", … */
  char      *charset;
  char      *value_type;  /* VALUE=, lower case */
  gboolean   pref;
  GString   *value;       /* as in the file: still encoded and escaped */
  gboolean   skipped;     /* a photo or other binary value, not kept */
  gboolean   too_long;
} CrmVcardProperty;

typedef struct {
  guint  line;
  char  *message;
} CrmVcardWarning;

typedef struct {
  guint       begin_line;
  const char *fallback;
  gboolean    converted;
  char       *version;
  char       *fn;
  char       *family, *given, *additional;
  gboolean    has_n;
  char       *org;
  gboolean    is_org;
  GPtrArray  *phones;     /* pending values: their type may come from a group label */
  GPtrArray  *emails;
  char       *address;
  char       *city;
  int         address_rank;
  char       *label;
  GHashTable *labels;     /* group → X-ABLabel */
  CrmContact *contact;    /* notes, tags, uid, status, source, owner */
  GPtrArray  *warnings;   /* CrmVcardWarning */
} CrmVcardCard;

void          crm_vcard_property_clear  (CrmVcardProperty *property);
void          crm_vcard_parse_head      (CrmVcardProperty *property,
                                         const char       *head,
                                         gsize             length);

CrmVcardCard *crm_vcard_card_new        (guint       begin_line,
                                         const char *fallback,
                                         gboolean    converted);
void          crm_vcard_card_free       (CrmVcardCard *card);
void          crm_vcard_card_add        (CrmVcardCard           *card,
                                         const CrmVcardProperty *property);
void          crm_vcard_card_warn       (CrmVcardCard *card,
                                         guint         line,
                                         char         *message);
CrmContact   *crm_vcard_card_to_contact (CrmVcardCard *card);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmVcardProperty, crm_vcard_property_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVcardCard, crm_vcard_card_free)

G_END_DECLS
