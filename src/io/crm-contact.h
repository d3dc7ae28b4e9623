/* crm-contact.h — one client as an import file describes it
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CRM_CONTACT_PERSON,
  CRM_CONTACT_COMPANY,
} CrmContactKind;

/* The order in which name parts are joined into a display name. */
typedef enum {
  CRM_NAME_ORDER_AUTO,     /* LAST_FIRST when any part is Cyrillic, else FIRST_LAST */
  CRM_NAME_ORDER_FIRST_LAST,  /* "John Quincy Public" */
  CRM_NAME_ORDER_LAST_FIRST,  /* "Петров Иван Иванович" (Фамилия Имя Отчество) */
} CrmNameOrder;

/* A phone number or an e-mail address. @type is a canonical code ("work",
 * "home", "mobile", "fax", "pager", "main", "other"), a label the source
 * program gave (an Apple "X-ABLabel"), or NULL when the file does not say. */
typedef struct {
  char *value;
  char *type;
} CrmContactValue;

/* Every string is UTF-8, trimmed, and NULL when the file has no value.
 * @source and @status are the codes of the database ("inbound_call",
 * "lead", …), never the text of the file. */
typedef struct {
  CrmContactKind kind;
  char      *name;      /* full display name; never NULL in a contact a reader returns */
  char      *company;
  GPtrArray *phones;    /* CrmContactValue */
  GPtrArray *emails;    /* CrmContactValue */
  char      *address;   /* the postal address without the city */
  char      *city;
  char      *notes;
  GPtrArray *tags;      /* char *, no duplicates */
  char      *source;
  char      *status;
  char      *owner;     /* the name of the responsible manager, as written */
  char      *uid;       /* a vCard UID, kept for round trips */
  guint      line;      /* the physical line of the file where the record starts */
} CrmContact;

typedef enum {
  CRM_IMPORT_PROBLEM_ERROR,    /* the record was skipped */
  CRM_IMPORT_PROBLEM_WARNING,  /* the record was imported, a value was not */
  CRM_IMPORT_PROBLEM_DUPLICATE, /* the record was skipped: the client is already there */
} CrmImportSeverity;

/* Why a record (or a value of it) was not imported. */
typedef struct {
  CrmImportSeverity severity;
  char  *file;       /* display name of the file, or NULL */
  guint  line;       /* physical line, 1-based; 0 for the whole file */
  guint  column;     /* CSV column, 1-based; 0 when it does not apply */
  char  *message;    /* translated, says what to do */
} CrmImportProblem;

#define CRM_TYPE_CONTACT (crm_contact_get_type ())

GType          crm_contact_get_type        (void) G_GNUC_CONST;
CrmContact    *crm_contact_new             (void);
CrmContact    *crm_contact_copy            (const CrmContact *contact);
void           crm_contact_free            (CrmContact *contact);
gboolean       crm_contact_equal           (const CrmContact *a,
                                            const CrmContact *b);
void           crm_contact_add_phone       (CrmContact *contact,
                                            const char *value,
                                            const char *type);
void           crm_contact_add_email       (CrmContact *contact,
                                            const char *value,
                                            const char *type);
void           crm_contact_add_tag         (CrmContact *contact,
                                            const char *tag);
void           crm_contact_append_notes    (CrmContact *contact,
                                            const char *text);
gboolean       crm_contact_has_identity    (const CrmContact *contact);
void           crm_contact_finish          (CrmContact *contact);

char          *crm_contact_compose_name    (const char  *first,
                                            const char  *middle,
                                            const char  *last,
                                            CrmNameOrder order);
char          *crm_contact_compose_address (const char * const *parts,
                                            gsize        n_parts);

char          *crm_contact_clean           (const char *text,
                                            gssize      length);
char          *crm_contact_clean_line      (const char *text);
const char    *crm_contact_parse_status    (const char *text);
const char    *crm_contact_parse_source    (const char *text);
gboolean       crm_contact_parse_kind      (const char     *text,
                                            CrmContactKind *kind);
const char    *crm_contact_phone_type      (const char *label);
const char    *crm_contact_kind_to_string  (CrmContactKind kind);

CrmImportProblem *crm_import_problem_new   (CrmImportSeverity severity,
                                            const char       *file,
                                            guint             line,
                                            guint             column,
                                            const char       *message);
void           crm_import_problem_free     (CrmImportProblem *problem);
char          *crm_import_problem_to_string (const CrmImportProblem *problem);
void           crm_import_problems_add     (GPtrArray        *problems,
                                            CrmImportSeverity severity,
                                            const char       *file,
                                            guint             line,
                                            guint             column,
                                            char             *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmContact, crm_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportProblem, crm_import_problem_free)

G_END_DECLS
