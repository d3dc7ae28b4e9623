#!/bin/sh
# The installed .desktop file is valid and carries the Russian Name/Comment.
b="$SALESCRM_BUILD_ROOT/data/com.example.SalesCRM.desktop"
echo "1..2"
if out=$(desktop-file-validate "$b" 2>&1) && [ -z "$out" ]; then echo "ok 1 - desktop-file-validate"; else echo "not ok 1 - desktop-file-validate: $out"; fi
if grep -q '^Name\[ru\]=' "$b" && grep -q '^Comment\[ru\]=' "$b"; then echo "ok 2 - Name and Comment translated"; else echo "not ok 2 - Name[ru] or Comment[ru] missing"; fi
