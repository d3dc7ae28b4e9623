#!/bin/sh
# ru.po is complete and correct; POTFILES names every file with strings.
src="$SALESCRM_SOURCE_ROOT"
echo "1..4"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$src/po/ru.po" 2>&1); rc=$?
if [ $rc -eq 0 ]; then echo "ok 1 - msgfmt --check"; else echo "not ok 1 - msgfmt --check: $stats"; fi
case "$stats" in
  *untranslated*|*fuzzy*) echo "not ok 2 - ru.po complete: $stats" ;;
  *) echo "ok 2 - ru.po complete: $stats" ;;
esac
missing=""
cd "$src"
for f in $(grep -lE '(_|N_|C_|NC_|g_dngettext)\(|translatable="yes"' src/*/*.c src/*.c ui/*.ui 2>/dev/null); do
  grep -qx "$f" po/POTFILES || missing="$missing $f"
done
if [ -z "$missing" ]; then echo "ok 3 - POTFILES lists every file with strings"; else echo "not ok 3 - not in POTFILES:$missing"; fi
gone=""
for f in $(grep -v '^#' po/POTFILES); do [ -f "$f" ] || gone="$gone $f"; done
if [ -z "$gone" ]; then echo "ok 4 - POTFILES names only existing files"; else echo "not ok 4 - missing files:$gone"; fi
