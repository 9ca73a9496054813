#!/usr/bin/env bash
# The conformance runners' guards cannot skip themselves (tests/conformance/README.md): the C
# runner (test_conformance) and the CLI runner (tests/cli/conformance.sh) must FAIL, naming the
# reason, on a missing directory, a file in its place, an empty directory, a corpus without its
# README.md, a README.md whose skip list is not what the runner skips, and a new case the CLI
# cannot express; they must pass on a corpus whose skips are the documented ones. The
# should-fail wrapper (tests/expect_fail.sh) must not accept a failure for another reason.
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
CORPUS="$SOURCE_DIR/tests/conformance"
CRUN="$BUILD_DIR/tests/test_conformance"

# c_run DIR / cli_run DIR: the runner over DIR; sets $rc and $out (stdout and stderr).
c_run() {
    out=$(YR_CONFORMANCE_DIR="$1" "$CRUN" 2>&1)
    rc=$?
}
cli_run() {
    out=$(YR_CONFORMANCE_DIR="$1" bash "$SOURCE_DIR/tests/cli/conformance.sh" 2>&1)
    rc=$?
}
fails_with() { # name text: the run failed and its output has the text
    if [ "$rc" -ne 0 ] && [[ "$out" == *"$2"* ]]; then ok; else
        bad "$1: exit $rc, expected a failure saying '$2'; output: $(tail -n 5 <<<"$out")"
    fi
}
passes() { # name
    if [ "$rc" -eq 0 ]; then ok; else bad "$1: exit $rc: $(tail -n 5 <<<"$out")"; fi
}

# ---- missing, not a directory, empty ------------------------------------------------------------
c_run "$TMP/nosuch"
fails_with "C, missing directory" "cannot read $TMP/nosuch"
cli_run "$TMP/nosuch"
fails_with "CLI, missing directory" "no cases in $TMP/nosuch"
printf 'op: split\n' >"$TMP/afile"
c_run "$TMP/afile"
fails_with "C, a file for the directory" "cannot read $TMP/afile"
cli_run "$TMP/afile"
fails_with "CLI, a file for the directory" "no cases in $TMP/afile"
mkdir -p "$TMP/empty"
cp "$CORPUS/README.md" "$TMP/empty/"
c_run "$TMP/empty"
fails_with "C, empty directory" "only 0 cases in $TMP/empty"
cli_run "$TMP/empty"
fails_with "CLI, empty directory" "no cases in $TMP/empty"

# ---- the whole corpus without its README.md, and with a wrong skip list --------------------------
mkdir -p "$TMP/noreadme"
cp "$CORPUS"/*.case "$TMP/noreadme/"
c_run "$TMP/noreadme"
fails_with "C, no README.md" "cannot read $TMP/noreadme/README.md"
mkdir -p "$TMP/wrongc"
cp "$CORPUS"/*.case "$TMP/wrongc/"
sed 's/^skipped by c (0):.*/skipped by c (1): split-lr-refund/' "$CORPUS/README.md" >"$TMP/wrongc/README.md"
c_run "$TMP/wrongc"
fails_with "C, README lists a skip the run did not make" "split-lr-refund.case ran, but $TMP/wrongc/README.md lists it as skipped"
sed 's/^skipped by c (0):.*/skipped by c (6): op=bank_day/' "$CORPUS/README.md" >"$TMP/wrongc/README.md"
c_run "$TMP/wrongc"
fails_with "C, README lists an op as skipped" "says 6 skipped (its tokens name $(grep -l '^op: *bank_day' "$CORPUS"/*.case | wc -l)), this run skipped 0"
c_run "$CORPUS"
passes "C, the corpus"

# ---- the CLI on a small corpus: its two documented skips and one case it runs ---------------------
mini="$TMP/mini"
mkdir -p "$mini"
cp "$CORPUS/split-error-empty.case" "$CORPUS/split-nested-error-group-range.case" \
    "$CORPUS/split-lr-refund.case" "$mini/"
grep -v '^skipped by cli (' "$CORPUS/README.md" >"$mini/README.md"
cli_run "$mini"
fails_with "CLI, no line for it in README.md" "no line 'skipped by cli (N): TOKENS'"
printf 'skipped by cli (2): split-nested-error-group-range split-error-empty\n' >>"$mini/README.md"
cli_run "$mini"
passes "CLI, the documented skips (in another order)"
sed -i 's/^skipped by cli (2): .*/skipped by cli (2): op=split_nested split-error-empty/' "$mini/README.md"
cli_run "$mini"
passes "CLI, the documented skips (a case and an op)"
sed -i 's/^skipped by cli (2)/skipped by cli (3)/' "$mini/README.md"
cli_run "$mini"
fails_with "CLI, README says 3" "skipped 2, README.md says 3"
sed -i 's/^skipped by cli (3)/skipped by cli (2)/' "$mini/README.md"
cp "$CORPUS/split-error-empty.case" "$mini/split-error-empty-again.case"
cli_run "$mini"
fails_with "CLI, a new case it cannot express" "README.md lists 'split-error-empty split-nested-error-group-range '"
rm -f "$mini/README.md"
cli_run "$mini"
fails_with "CLI, no README.md" "no line 'skipped by cli (N): TOKENS' (missing or unreadable)"

# ---- the should-fail wrapper checks what failed -------------------------------------------------
EF="$SOURCE_DIR/tests/expect_fail.sh"
wrong_line="FAIL conformance-wrong.case: got 4 3 3, expected 3 3 4"
out=$(bash "$EF" 1 "$wrong_line" "$CRUN" "$SOURCE_DIR/tests/conformance-wrong.case" 2>&1)
rc=$?
passes "expect_fail, the wrong case"
cp "$SOURCE_DIR/tests/conformance-wrong.case" "$TMP/conformance-wrong.case"
sed -i 's/^expect: 3 3 4/expect: 4 3 3/' "$TMP/conformance-wrong.case"
out=$(bash "$EF" 1 "$wrong_line" "$CRUN" "$TMP/conformance-wrong.case" 2>&1)
rc=$?
fails_with "expect_fail, the case made right" "exit 0, expected 1"
out=$(bash "$EF" 1 "$wrong_line" "$CRUN" "$TMP/nosuch/conformance-wrong.case" 2>&1)
rc=$?
fails_with "expect_fail, a missing file" "expect_fail: no line '$wrong_line'"

finish conformance_guards
