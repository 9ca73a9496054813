#!/usr/bin/env bash
# Run meson's tests in a build directory and end with one line 'N passed, N failed, N skipped'
# counting the tests of THIS run only.
#   bash scripts/run-tests.sh BUILD_DIR [meson test options...]
#
# The counts come from this run's own JSON log (a fresh --logbase per run), never from an older
# log in the build directory. A run that wrote no log (meson failed before testing: an unknown
# --setup, a build that fails), a run that ran no test at all, or a non-zero exit of meson test
# without a failed test in the log counts as one failure, so the line and the exit status always
# agree: the status is 0 exactly when the line says 0 failed. A should_fail test that failed as it
# must (EXPECTEDFAIL) counts as passed; a test that exits 77 counts as skipped.
set -uo pipefail
build=${1:?usage: run-tests.sh BUILD_DIR [meson test options...]}
shift
logbase="run-tests-$(date +%Y%m%d-%H%M%S)-$$-$RANDOM"
logdir="$build/meson-logs"
meson test -C "$build" --print-errorlogs --num-processes 2 --logbase "$logbase" "$@"
rc=$?
# meson names the log LOGBASE.json, or LOGBASE-SETUP.json with --setup (LOGBASE-WRAPPER.json
# with --wrapper); the base is unique to this run, so whatever matches it is this run's.
logs=()
for f in "$logdir/$logbase.json" "$logdir/$logbase"-*.json; do
    [ -f "$f" ] && logs+=("$f")
done
/usr/bin/python3 - "$rc" "${logs[@]}" <<'PY'
import json, sys
rc, logs = int(sys.argv[1]), sys.argv[2:]
counts, suites = {}, {}
for path in logs:
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        counts[r["result"]] = counts.get(r["result"], 0) + 1
        # "project:suite+suite / name"
        for s in r["name"].split(" / ")[0].split(":", 1)[-1].split("+"):
            suites[s] = suites.get(s, 0) + 1
passed_kinds = ("OK", "EXPECTEDFAIL")
ok = sum(counts.get(k, 0) for k in passed_kinds)
skipped = counts.get("SKIP", 0)
failed = sum(v for k, v in counts.items() if k not in passed_kinds + ("SKIP",))
if not logs:
    print(f"run-tests: meson test wrote no log (exit {rc}): nothing was tested")
    failed += 1
elif ok + failed + skipped == 0:
    print("run-tests: no test ran (an empty suite selection?)")
    failed += 1
elif rc != 0 and failed == 0:
    print(f"run-tests: meson test exited {rc} but its log has no failed test")
    failed += 1
if suites:
    print("run-tests: tests per suite: " + ", ".join(f"{s} {n}" for s, n in sorted(suites.items())))
print(f"{ok} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
