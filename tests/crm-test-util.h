/* crm-test-util.h — what the test suites share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int   status;      /* exit status, or 128 + signal */
  char *out;
  char *err;
} CrmTestRun;

char       *crm_test_make_tmpdir   (void);
void        crm_test_rm_rf         (const char *path);
char       *crm_test_tmp_path      (const char *name);
const char *crm_test_binary        (void);
const char *crm_test_source_root   (void);
CrmTestRun *crm_test_run           (const char * const *env_extra,
                                    const char *first_arg,
                                    ...) G_GNUC_NULL_TERMINATED;
CrmTestRun *crm_test_runv          (const char * const *env_extra,
                                    const char * const *argv);
void        crm_test_run_free      (CrmTestRun *run);
void        crm_test_use_language  (const char *language);
char       *crm_test_file_sha     (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmTestRun, crm_test_run_free)

G_END_DECLS
