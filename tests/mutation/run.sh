#!/usr/bin/env bash
# The mutation check (issue 25; README.md): plant each mutant of tests/mutation/mutants.txt, one at
# a time, in a scratch copy of the tree, build the C library and the C suite, and assert that some
# test fails (the mutant is caught); a mutant listed as equivalent must survive instead.
#
#   bash tests/mutation/run.sh [--list FILE] [--keep] [NAME...]
#
# NAME: only these mutants (default: all). --keep: leave the scratch directory. Env: JOBS (2).
# Before anything is built, every mutant must apply to the tree exactly (a stale one fails
# loudly); the unmutated suite must pass. Ends with 'caught N of M' and the line
# 'N passed, N failed' (passed: the mutants that behaved as listed); exit 0 exactly when none
# failed. About a minute per mutant on 2 shared cores (README.md), so it is not part of the
# default test run.
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
list=$here/tests/mutation/mutants.txt
keep=0
names=()
while [ $# -gt 0 ]; do
    case $1 in
    --list)
        list=$(cd "$(dirname "${2:?--list needs a file}")" && pwd)/$(basename "$2")
        shift
        ;;
    --keep) keep=1 ;;
    -h | --help)
        sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*)
        echo "run.sh: unknown option '$1' (try --help)" >&2
        exit 2
        ;;
    *) names+=("$1") ;;
    esac
    shift
done
PY=/usr/bin/python3
MUTATE=$here/tests/mutation/mutate.py
jobs=${JOBS:-2}
start_all=$(date +%s)

scratch=$(mktemp -d /tmp/yr-mutation.XXXXXX)
if [ $keep = 0 ]; then trap 'rm -rf "$scratch"' EXIT; else echo "keeping $scratch"; fi
src=$scratch/src
build=$scratch/build
fail_setup() { # message: the check could not run, which is a failure
    echo "mutation: $1"
    echo "0 passed, 1 failed"
    exit 1
}

# 1. A copy of the tree as git sees it (tracked and new files, not ignored ones).
mkdir -p "$src"
(cd "$here" && git ls-files -z --cached --others --exclude-standard |
    xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' |
    tar --null -T - -cf -) | tar -xf - -C "$src" || fail_setup "cannot copy the tree"

# 2. The list: every mutant (or every named one) applies exactly, before anything is built.
"$PY" "$MUTATE" check "$list" "$src" "${names[@]}" || fail_setup "the list does not apply (above)"
mapfile -t entries < <("$PY" "$MUTATE" list "$list")
selected=()
for e in "${entries[@]}"; do
    n=${e%% *}
    if [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" $n "* ]]; then selected+=("$e"); fi
done
[ ${#selected[@]} -gt 0 ] || fail_setup "no mutant in $list"

# 3. The C library and the C suite, unmutated: they must build and pass.
t0=$(date +%s)
if ! meson setup "$build" "$src" -Dpython=disabled -Dr=disabled -Dtests=enabled -Dman=disabled \
    >"$scratch/setup.log" 2>&1 || ! ninja -C "$build" -j"$jobs" >"$scratch/build.log" 2>&1; then
    tail -n 40 "$scratch/setup.log" "$scratch/build.log"
    fail_setup "the unmutated tree does not build"
fi
if ! meson test -C "$build" --suite c --no-rebuild --num-processes "$jobs" --logbase baseline \
    >"$scratch/baseline.log" 2>&1; then
    grep -E "FAIL|ERROR|TIMEOUT" "$scratch/baseline.log" | head -n 20
    fail_setup "the unmutated C suite fails: every mutant would look caught"
fi
ntests=$("$PY" -c 'import sys; print(sum(1 for _ in open(sys.argv[1])))' "$build/meson-logs/baseline.json")
echo "mutation: the unmutated C suite passes ($ntests tests; build and run $(($(date +%s) - t0)) s)"

# 4. One mutant at a time: plant, build, run the C suite until a test fails, restore.
passed=0
failed=0
caught=0
total=0
for e in "${selected[@]}"; do
    name=${e%% *}
    equivalent=0
    [ "$e" != "$name" ] && equivalent=1
    total=$((total + 1))
    t0=$(date +%s)
    file=$("$PY" "$MUTATE" apply "$list" "$src" "$name" "$scratch/original") ||
        fail_setup "cannot plant $name"
    if ! ninja -C "$build" -j"$jobs" >"$scratch/$name.build.log" 2>&1; then
        verdict="does not build (log: $scratch/$name.build.log)"
        ok=0
    else
        meson test -C "$build" --suite c --no-rebuild --num-processes "$jobs" --maxfail 1 \
            --logbase "mutant-$name" >"$scratch/$name.test.log" 2>&1
        rc=$?
        first=$("$PY" - "$build/meson-logs/mutant-$name.json" <<'PY'
import json, sys
try:
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
except OSError:
    rows = []
bad = [r["name"].split(" / ", 1)[-1] + " (" + r["result"] + ")" for r in rows
       if r["result"] not in ("OK", "EXPECTEDFAIL", "SKIP")]
print(", ".join(bad[:3]) if bad else "")
PY
        )
        if [ "$rc" -ne 0 ] && [ -n "$first" ]; then
            caught=$((caught + 1))
            verdict="caught by $first"
            ok=$((1 - equivalent))
            [ $equivalent = 1 ] && verdict="$verdict, but listed as equivalent"
        elif [ "$rc" -ne 0 ]; then
            verdict="meson test failed (exit $rc) without a failed test (log: $scratch/$name.test.log)"
            ok=0
        else
            verdict="SURVIVED: no test fails"
            ok=$equivalent
            [ $equivalent = 1 ] && verdict="survived, as listed (equivalent)"
        fi
    fi
    cp "$scratch/original" "$src/$file" # restored (a newer time: rebuilt with the next one)
    if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    printf 'mutation: %-30s %s (%d s)\n' "$name" "$verdict" "$(($(date +%s) - t0))"
done
# the restored tree builds again (nothing is left planted)
ninja -C "$build" -j"$jobs" >"$scratch/restore.log" 2>&1 || {
    echo "mutation: the restored tree does not build"
    failed=$((failed + 1))
}
nequiv=$(printf '%s\n' "${selected[@]}" | grep -c ' equivalent$')
echo "mutation: caught $caught of $total mutants ($nequiv listed as equivalent) in $(($(date +%s) - start_all)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
