#!/bin/sh
# `meson install --destdir` puts each file where it belongs, and the
# installed binary runs.
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
echo "1..10"
if meson install -C "$SALESCRM_BUILD_ROOT" --no-rebuild --destdir "$dest" >"$dest.log" 2>&1; then echo "ok 1 - meson install"; else echo "not ok 1 - meson install"; sed 's/^/# /' "$dest.log"; fi
rm -f "$dest.log"
prefix=$(meson introspect "$SALESCRM_BUILD_ROOT" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root="$dest$prefix"
n=1
for f in bin/salescrm \
         share/applications/com.example.SalesCRM.desktop \
         share/metainfo/com.example.SalesCRM.metainfo.xml \
         share/glib-2.0/schemas/com.example.SalesCRM.gschema.xml \
         share/icons/hicolor/scalable/apps/com.example.SalesCRM.svg \
         share/icons/hicolor/symbolic/apps/com.example.SalesCRM-symbolic.svg \
         share/locale/ru/LC_MESSAGES/salescrm.mo; do
  n=$((n+1))
  if [ -f "$root/$f" ]; then echo "ok $n - installed $f"; else echo "not ok $n - missing $prefix/$f"; fi
done
n=$((n+1))
if v=$("$root/bin/salescrm" --version 2>&1) && [ -n "$v" ]; then echo "ok $n - installed binary runs: $v"; else echo "not ok $n - installed binary: $v"; fi
n=$((n+1))
# The installed app in Russian, from its installed catalogue.
if h=$(LANGUAGE=ru LANG=C.UTF-8 SALESCRM_LOCALEDIR="$root/share/locale" "$root/bin/salescrm" --help 2>&1) && echo "$h" | grep -q 'Использование'; then echo "ok $n - installed translation is used"; else echo "not ok $n - installed translation not used"; fi
