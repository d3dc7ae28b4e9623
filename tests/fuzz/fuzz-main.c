/* fuzz-main.c — the libFuzzer entry of every target (see crm-fuzz-targets.c)
 *
 * Built once per target with -DCRM_FUZZ_TARGET=crm_fuzz_<name>.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "crm-fuzz-targets.h"

#ifndef CRM_FUZZ_TARGET
#error "Build with -DCRM_FUZZ_TARGET=crm_fuzz_<name>"
#endif

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* A critical or a warning is a finding, like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return CRM_FUZZ_TARGET (data, size);
}
