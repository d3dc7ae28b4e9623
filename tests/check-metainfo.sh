#!/bin/sh
# The AppStream metainfo validates (offline) and is translated.
m="$SALESCRM_BUILD_ROOT/data/com.example.SalesCRM.metainfo.xml"
echo "1..2"
if out=$(appstreamcli validate --no-net --pedantic "$m" 2>&1); then echo "ok 1 - appstreamcli validate"; else echo "not ok 1 - appstreamcli validate"; echo "$out" | sed 's/^/# /'; fi
if grep -q 'xml:lang="ru"' "$m"; then echo "ok 2 - metainfo has Russian"; else echo "not ok 2 - metainfo has no Russian"; fi
