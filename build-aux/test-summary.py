#!/usr/bin/env python3
"""Prints the plain line "N passed, N failed" for a meson test run.

    test-summary.py TESTLOG.json [EXTRA.tap ...]

Extra TAP files (the fuzzing run) are counted as well.

Counts the TAP test cases inside each suite (a suite that crashed before
reporting counts as one failure), so an empty run shows as "0 passed".
"""
import json
import re
import sys

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        result = entry.get("result")
        out = entry.get("stdout") or ""
        ok = len(re.findall(r"^ok \d+", out, re.M))
        not_ok = len(re.findall(r"^not ok \d+", out, re.M))
        skipped = len(re.findall(r"^ok \d+.*# SKIP", out, re.M))
        if result in ("OK", "EXPECTEDFAIL", "SKIP"):
            passed += max(ok - skipped, 0) if ok else (1 if result != "SKIP" else 0)
            failed += not_ok
        else:
            passed += max(ok - skipped, 0)
            failed += max(not_ok, 1)
            print(f"FAILED: {entry.get('name')} ({result})")
for tap in sys.argv[2:]:
    try:
        with open(tap, encoding="utf-8") as f:
            out = f.read()
    except OSError:
        print(f"FAILED: {tap} (missing)")
        failed += 1
        continue
    passed += len(re.findall(r"^ok \d+", out, re.M))
    bad = re.findall(r"^not ok \d+.*$", out, re.M)
    failed += len(bad) if bad or re.search(r"^ok \d+", out, re.M) else 1
    for b in bad:
        print(f"FAILED: {b}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
