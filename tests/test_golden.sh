#!/usr/bin/env bash
# Golden cases: every tests/golden/*.txt through `test_split --golden` (see tests/golden/README.md).
# Also checks that the runner really fails on a wrong expectation and on a malformed file.
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
runner=$BUILD_DIR/tests/test_split
golden=$SOURCE_DIR/tests/golden
[ -x "$runner" ] || { echo "test_golden: $runner not built" >&2; exit 1; }

shopt -s nullglob
files=("$golden"/*.txt)
if [ "${#files[@]}" -lt 8 ]; then
    echo "test_golden: only ${#files[@]} golden files in $golden" >&2
    exit 1
fi

echo "== ${#files[@]} golden cases"
"$runner" --golden "${files[@]}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A wrong expected value must fail, naming the file and the row.
sed 's/^6939 20452 Orsa$/6939 20453 Orsa/' \
    "$golden/dalarna-coordinator-2023-largest-remainder.txt" >"$tmp/wrong.txt"
if "$runner" --golden "$tmp/wrong.txt" >"$tmp/out" 2>&1; then
    echo "test_golden: a wrong expectation passed" >&2
    exit 1
fi
grep -q 'row 10 (Orsa): got 20452, expected 20453' "$tmp/out" ||
    { echo "test_golden: no row-level message:" >&2; cat "$tmp/out" >&2; exit 1; }

# A malformed file must fail with its name and line.
printf 'title: x\nsource: y\nmethod: nonsense\ntotal: 1\n1 1\n' >"$tmp/bad.txt"
if "$runner" --golden "$tmp/bad.txt" >"$tmp/out" 2>&1; then
    echo "test_golden: a malformed file passed" >&2
    exit 1
fi
grep -q "bad.txt:3: unknown method 'nonsense'" "$tmp/out" ||
    { echo "test_golden: no file:line message:" >&2; cat "$tmp/out" >&2; exit 1; }
echo "== golden: all cases pass; a wrong and a malformed case fail as they should"
