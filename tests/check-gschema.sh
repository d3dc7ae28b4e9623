#!/bin/sh
# The GSettings schema compiles strictly.
echo "1..1"
if out=$(glib-compile-schemas --strict --dry-run "$SALESCRM_SOURCE_ROOT/data" 2>&1); then echo "ok 1 - glib-compile-schemas --strict"; else echo "not ok 1 - glib-compile-schemas: $out"; fi
