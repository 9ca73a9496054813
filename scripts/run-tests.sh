#!/usr/bin/env bash
# Run every meson test suite of a build directory and end with 'N passed, N failed'.
#   bash scripts/run-tests.sh BUILD_DIR [meson test options...]
set -uo pipefail
build=$1
shift
meson test -C "$build" --print-errorlogs --num-processes 2 "$@"
rc=$?
log=$(ls -t "$build"/meson-logs/testlog*.json 2>/dev/null | head -n 1)
if [ -n "$log" ]; then
    /usr/bin/python3 - "$log" <<'PY'
import json, sys
counts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    counts[r["result"]] = counts.get(r["result"], 0) + 1
# A should_fail test that failed as it must (EXPECTEDFAIL) is a pass.
passed_kinds = ("OK", "EXPECTEDFAIL")
ok = sum(counts.get(k, 0) for k in passed_kinds)
skipped = counts.get("SKIP", 0)
failed = sum(v for k, v in counts.items() if k not in passed_kinds + ("SKIP",))
print(f"{ok} passed, {failed} failed, {skipped} skipped")
PY
fi
exit $rc
