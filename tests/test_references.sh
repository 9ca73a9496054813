#!/usr/bin/env bash
# The independent references run in the test suite (issue 25): every corpus directory
# tests/NAME/ that has a reference.py (standard-library Python sharing no code with the library)
# must recompute its own expected values: `/usr/bin/python3 tests/NAME/reference.py --check
# tests/NAME` exits 0 and ends with 'reference: N cases recomputed, 0 differ', N >= 1. A corpus
# added with its reference.py is covered without editing this test. Then, for the conformance
# corpus: the count is every case of the ops the reference recomputes (README.md), and an edited
# expected value, an empty and a missing directory are caught.
# Needs SOURCE_DIR (meson sets it).
set -u
: "${SOURCE_DIR:?}"
# shellcheck source=tests/check_lib.sh
. "$SOURCE_DIR/tests/check_lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=/usr/bin/python3

nref=0
for ref in "$SOURCE_DIR"/tests/*/reference.py; do
    [ -f "$ref" ] || continue
    nref=$((nref + 1))
    dir=$(dirname "$ref")
    out=$("$PY" "$ref" --check "$dir" 2>&1)
    rc=$?
    last=$(tail -n 1 <<<"$out")
    if [ $rc -eq 0 ] && [[ "$last" =~ ^reference:\ ([1-9][0-9]*)\ cases\ recomputed,\ 0\ differ$ ]]; then
        ok
        echo "$(basename "$dir"): $last"
    else
        bad "$(basename "$dir")/reference.py --check: exit $rc: $out"
    fi
done
check "no tests/*/reference.py found" [ "$nref" -ge 1 ]

# ---- the conformance corpus ----------------------------------------------------------------------
REF="$SOURCE_DIR/tests/conformance/reference.py"
CORPUS="$SOURCE_DIR/tests/conformance"
# the ops README.md says the reference recomputes
ops='split|split_mixed|split_nested|count_from_percent|goal_check|find_total_row|split_table_mixed'
ops="$ops|rate_item|audit_table|percent_text|quota_text|share_text"
want=$(grep -lE "^op: *($ops) *\$" "$CORPUS"/*.case | wc -l)
out=$("$PY" "$REF" --check "$CORPUS" 2>&1)
check "conformance: '$(tail -n 1 <<<"$out")', expected $want cases recomputed" \
    grep -qx "reference: $want cases recomputed, 0 differ" <<<"$out"
check "conformance: fewer than 90 cases of recomputed ops ($want)" [ "$want" -ge 90 ]

# an edited expected value: the Dalarna refund case with one krona moved between two rows
mkdir -p "$TMP/edited"
cp "$CORPUS"/*.case "$TMP/edited/"
case_file="$TMP/edited/split-lr-dalarna-coordinator-2023.case"
before=$(grep '^expect:' "$case_file")
read -r -a e <<<"${before#expect:}"
e[0]=$((e[0] + 1))
e[1]=$((e[1] - 1))
sed -i "s/^expect:.*/expect: ${e[*]}/" "$case_file"
check "the edit did not change the case" [ "$(grep '^expect:' "$case_file")" != "$before" ]
out=$("$PY" "$REF" --check "$TMP/edited" 2>&1)
rc=$?
check "an edited expected value: exit 0" [ $rc -ne 0 ]
check "an edited expected value: not named ($out)" \
    grep -q "^split-lr-dalarna-coordinator-2023.case: expect: " <<<"$out"
check "an edited expected value: not counted ($out)" grep -q "recomputed, 1 differ$" <<<"$out"

mkdir -p "$TMP/empty"
out=$("$PY" "$REF" --check "$TMP/empty" 2>&1)
rc=$?
check "an empty directory: exit 0 ($out)" [ $rc -ne 0 ]
check "an empty directory: not said ($out)" grep -q "nothing recomputed (0 cases" <<<"$out"
out=$("$PY" "$REF" --check "$TMP/nosuch" 2>&1)
rc=$?
check "a missing directory: exit 0 ($out)" [ $rc -ne 0 ]
check "a missing directory: not said ($out)" grep -q "cannot read $TMP/nosuch" <<<"$out"
finish
