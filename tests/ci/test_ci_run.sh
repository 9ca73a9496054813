#!/usr/bin/env bash
# The test of the CI script itself (.ci/run) and of scripts/run-tests.sh (issue 25): the closing
# line 'N passed, N failed, N skipped' must sum exactly the runs it summarises, and the exit status
# must be non-zero whenever a stage fails, under a forced failure of EACH stage (the list comes
# from `.ci/run --list`, so a new stage is covered without editing this test).
#
# run-tests.sh runs against a small meson project made here (tests that pass, skip, fail, and a
# should_fail one); .ci/run runs with a stub per stage (YR_CI_STUB_DIR), each stub printing counts
# this test chose, or running run-tests.sh for real. Needs SOURCE_DIR (meson sets it), meson.
set -u
: "${SOURCE_DIR:?}"
# shellcheck source=tests/check_lib.sh
. "$SOURCE_DIR/tests/check_lib.sh"
unset YR_CI_SKIP YR_SKIP_DEBIAN YR_CI_PRETEND_MISSING YR_CI_STUB_DIR
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CI="$SOURCE_DIR/.ci/run"
RT="$SOURCE_DIR/scripts/run-tests.sh"

expect_eq() { # what got expected
    if [ "$2" == "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}

# ---- a fixture project: suite good = 2 OK + 1 skipped (exit 77) + 1 should_fail that fails;
#      suite bad = 1 failing test; a test setup 'quick' --------------------------------------------
fix="$TMP/fixture"
mkdir -p "$fix"
cat >"$fix/meson.build" <<'MESON'
project('ci-fixture', meson_version: '>= 1.0.0')
sh = find_program('sh')
test('pass-1', sh, args: ['-c', 'exit 0'], suite: 'good')
test('pass-2', sh, args: ['-c', 'echo "7 passed, 0 failed"; exit 0'], suite: 'good')
test('skip-1', sh, args: ['-c', 'exit 77'], suite: 'good')
test('must-fail', sh, args: ['-c', 'exit 1'], suite: 'good', should_fail: true)
test('fail-1', sh, args: ['-c', 'echo "9 passed, 0 failed"; exit 1'], suite: 'bad')
add_test_setup('quick')
MESON
if ! meson setup "$fix/build" "$fix" >"$TMP/setup.log" 2>&1; then
    cat "$TMP/setup.log"
    bad "meson setup of the fixture project failed"
    finish
fi

# rt ARGS...: run-tests.sh on the fixture; $rc, $last (its last line), $all (its whole output).
rt() {
    all=$(bash "$RT" "$fix/build" "$@" 2>&1)
    rc=$?
    last=$(tail -n 1 <<<"$all")
}
rt --suite good
expect_eq "run-tests good" "$last" "3 passed, 0 failed, 1 skipped"
expect_eq "run-tests good: exit" "$rc" 0
rt --suite good --setup quick # the log is then LOGBASE-quick.json
expect_eq "run-tests --setup quick" "$last" "3 passed, 0 failed, 1 skipped"
# The issue's case: a run that fails before testing, with an older passing log in the directory,
# reports 0 passed and fails (it reported the older run's passes).
rt --suite good --setup nosuchsetup
expect_eq "run-tests --setup nosuchsetup" "$last" "0 passed, 1 failed, 0 skipped"
check "run-tests --setup nosuchsetup: exit 0" [ "$rc" -ne 0 ]
rt --suite nosuchsuite
expect_eq "run-tests: no test ran" "$last" "0 passed, 1 failed, 0 skipped"
check "run-tests: no test ran: exit 0" [ "$rc" -ne 0 ]
rt
expect_eq "run-tests all" "$last" "3 passed, 1 failed, 1 skipped"
check "run-tests all: exit 0" [ "$rc" -ne 0 ]
rt --suite bad
expect_eq "run-tests bad" "$last" "0 passed, 1 failed, 0 skipped"
check "run-tests bad: exit 0" [ "$rc" -ne 0 ]

# ---- .ci/run with stubs ------------------------------------------------------------------------
# (stubbed and time-limited: a .ci/run that ignored --list would start the real CI)
mkdir -p "$TMP/nostubs"
mapfile -t entries < <(YR_CI_STUB_DIR="$TMP/nostubs" timeout 20 bash "$CI" --list)
check "no stages listed" [ ${#entries[@]} -ge 7 ]
stages=()
fakebin="$TMP/bin" # a command a stage needs that this machine lacks: a dummy, so stubs decide
mkdir -p "$fakebin"
for e in "${entries[@]}"; do
    read -r -a words <<<"$e"
    stages+=("${words[0]}")
    for cmd in "${words[@]:1}"; do
        command -v "$cmd" >/dev/null 2>&1 || printf '#!/bin/sh\nexit 0\n' >"$fakebin/$cmd"
    done
done
chmod +x "$fakebin"/* 2>/dev/null

stubs="$TMP/stubs"
mkdir -p "$stubs"
# stub NAME BODY: the stage's stub script; it also leaves a mark that it ran.
stub() {
    printf '#!/usr/bin/env bash\ntouch "%s/ran-%s"\n%s\n' "$TMP" "$1" "$2" >"$stubs/$1"
    chmod +x "$stubs/$1"
}
# Passing stubs: stage k counts k+1 passed and k skipped, with decoy count lines earlier in its
# output (only the last line counts); with `pass_all real`, every third stub runs run-tests.sh for
# real (3 passed, 1 skipped).
declare -A P S
pass_all() {
    local k=0
    for s in "${stages[@]}"; do
        if [ "${1:-}" = real ] && [ $((k % 3)) -eq 2 ]; then
            stub "$s" "echo '12 passed, 0 failed'; exec bash '$RT' '$fix/build' --suite good"
            P[$s]=3 S[$s]=1
        else
            stub "$s" "echo 'test_x: 40 passed, 2 failed'; echo '99 passed, 9 failed'; echo '$((k + 1)) passed, 0 failed, $k skipped'"
            P[$s]=$((k + 1)) S[$s]=$k
        fi
        k=$((k + 1))
    done
}
# ci [ENV=VALUE...]: .ci/run with the stubs; $rc, $last, $all.
ci() {
    rm -f "$TMP"/ran-*
    all=$(env PATH="$fakebin:$PATH" YR_CI_STUB_DIR="$stubs" "$@" bash "$CI" 2>&1)
    rc=$?
    last=$(tail -n 1 <<<"$all")
}
# want PASSED FAILED SKIPPED: the expected closing line from the stubs' own counts, with
# stage $1 (optional) replaced by PASSED/FAILED/SKIPPED and the stages in $skip_stages skipped.
want() {
    local fail_stage=$1 fp=$2 ff=$3 fs=$4 p=0 f=0 s=0
    for st in "${stages[@]}"; do
        if [[ " ${skip_stages:-} " == *" $st "* ]]; then
            s=$((s + 1))
        elif [ "$st" = "$fail_stage" ]; then
            p=$((p + fp)) f=$((f + ff)) s=$((s + fs))
        else
            p=$((p + P[$st])) s=$((s + S[$st]))
        fi
    done
    echo "$p passed, $f failed, $s skipped"
}

pass_all real
ci
expect_eq "ci all pass" "$last" "$(want "" 0 0 0)"
expect_eq "ci all pass: exit" "$rc" 0
for s in "${stages[@]}"; do
    check "ci all pass: stub $s did not run" [ -e "$TMP/ran-$s" ]
    check "ci all pass: no summary line for $s" grep -q "^$s .* passed, 0 failed" <<<"$all"
done

# Each stage forced to fail, in each way a stage can fail:
#  counted   - it counts its failure and exits 1
#  early     - it breaks before testing: no count line, exit 2  -> 0 passed, 1 failed
#  nosetup   - run-tests.sh with an unknown test setup (the issue's case) -> 0 passed, 1 failed
#  liar      - all passed, but exit 1 -> its passes, 1 failed
#  trailing  - a count line, then more output, exit 0 -> not a closing line: 0 passed, 1 failed
#  real      - run-tests.sh over the fixture's failing suite too -> 3 passed, 1 failed, 1 skipped
# Stage k fails in modes k and k+3 (mod 6): every stage fails twice, every mode is tried at least
# twice (every mode on every stage took minutes on a loaded machine for no more coverage: one
# function counts every stage).
modes=(counted early nosetup liar trailing real)
k=0
for s in "${stages[@]}"; do
    for mode in "${modes[$((k % 6))]}" "${modes[$(((k + 3) % 6))]}"; do
        pass_all
        case $mode in
        counted) stub "$s" "echo '2 passed, 1 failed'; exit 1"; w=$(want "$s" 2 1 0) ;;
        early) stub "$s" "echo 'meson: error: something'; exit 2"; w=$(want "$s" 0 1 0) ;;
        nosetup) stub "$s" "exec bash '$RT' '$fix/build' --setup nosuchsetup"; w=$(want "$s" 0 1 0) ;;
        liar) stub "$s" "echo '5 passed, 0 failed, 0 skipped'; exit 1"; w=$(want "$s" 5 1 0) ;;
        trailing) stub "$s" "echo '4 passed, 0 failed'; echo 'Segmentation fault'"; w=$(want "$s" 0 1 0) ;;
        real) stub "$s" "exec bash '$RT' '$fix/build'"; w=$(want "$s" 3 1 1) ;;
        esac
        ci
        expect_eq "ci, $s fails ($mode)" "$last" "$w"
        check "ci, $s fails ($mode): exit 0" [ "$rc" -ne 0 ]
        check "ci, $s fails ($mode): no FAILED line" grep -q "^=== $s FAILED" <<<"$all"
    done
    k=$((k + 1))
done

# Skipped by an explicit, printed choice: counted as 1 skipped, not run, exit 0.
pass_all
skip_stages=debian
ci YR_SKIP_DEBIAN=1
expect_eq "ci YR_SKIP_DEBIAN=1" "$last" "$(want "" 0 0 0)"
expect_eq "ci YR_SKIP_DEBIAN=1: exit" "$rc" 0
check "ci YR_SKIP_DEBIAN=1: the skip is not printed" grep -q "=== debian: SKIPPED by choice" <<<"$all"
check "ci YR_SKIP_DEBIAN=1: debian ran" [ ! -e "$TMP/ran-debian" ]
skip_stages="${stages[1]} ${stages[3]}"
ci YR_CI_SKIP="${stages[1]},${stages[3]}"
expect_eq "ci YR_CI_SKIP" "$last" "$(want "" 0 0 0)"
expect_eq "ci YR_CI_SKIP: exit" "$rc" 0
skip_stages=""

# A stage whose tool is missing is a failure, not silence (and its stub never runs).
for s in "${stages[@]}"; do
    tool=$(printf '%s\n' "${entries[@]}" | awk -v s="$s" '$1 == s { print $NF }')
    ci YR_CI_PRETEND_MISSING="$tool"
    check "ci, $tool missing: exit 0" [ "$rc" -ne 0 ]
    check "ci, $tool missing: not said" grep -q "=== $s: cannot run: $tool not installed" <<<"$all"
    check "ci, $tool missing: $s ran" [ ! -e "$TMP/ran-$s" ]
    # every stage that needs the tool fails with 0 passed, 1 failed
    nf=$(printf '%s\n' "${entries[@]}" | awk -v t="$tool" '{ for (i = 2; i <= NF; i++) if ($i == t) { n++; next } } END { print n + 0 }')
    got_f=$(sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p' <<<"$last")
    expect_eq "ci, $tool missing: failed count" "$got_f" "$nf"
done

# With stubs, a stage without one fails (a test never runs the real CI by accident).
rm -f "$stubs/${stages[0]}"
ci
expect_eq "ci, no stub for ${stages[0]}" "$last" "$(want "${stages[0]}" 0 1 0)"
check "ci, no stub: exit 0" [ "$rc" -ne 0 ]

finish
