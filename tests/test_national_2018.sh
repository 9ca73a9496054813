#!/usr/bin/env bash
# Run examples/national_2018 (built in-tree) on data/sweden and check its output: 21 counties
# adding up to 39 000 000 kr and 10 230 185 inhabitants, each county's municipalities adding up to
# its amount (the example's own check), and the county amounts equal to a largest remainder
# computed here with awk (exact: 39e6 * 10230185 < 2^53).
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
exe=$BUILD_DIR/examples/national_2018
[ -x "$exe" ] || { echo "test_national_2018: $exe not built" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$exe" "$SOURCE_DIR/data/sweden" >"$tmp/out"
cat "$tmp/out"
fail=0
check() {
    if ! eval "$1"; then
        echo "test_national_2018: check failed: $2" >&2
        fail=1
    fi
}
check 'grep -Eq "^Sum +290 +10230185 +39000000$" "$tmp/out"' "Sum 290 10230185 39000000"
check 'grep -q "counties add up to the total: yes; each county.s municipalities add up to its amount: yes" "$tmp/out"' "both sums check"
counties=$(grep -Ec '^[0-9]{2} ' "$tmp/out")
check '[ "$counties" = 21 ]' "21 county rows (got $counties)"
check 'grep -Eq "^20 +15 +287191 +[0-9]+ +Dalarnas län$" "$tmp/out"' "Dalarnas län, 287 191 inhabitants"

# The reference: county populations from the data, then largest remainder (remainder, then
# population, then county order).
awk -F, 'NR == FNR { if (FNR > 1) county[$1] = $3; next }
         FNR > 1 { pop[county[$1]] += $3 }
         END { for (c in pop) print c, pop[c] }' \
    "$SOURCE_DIR/data/sweden/municipalities.csv" "$SOURCE_DIR/data/sweden/population-2018-12-31.csv" |
    sort >"$tmp/pop"
awk -v T=39000000 '{ code[NR] = $1; p[NR] = $2; W += $2 }
    END {
        left = T
        for (i = 1; i <= NR; i++) { q = T * p[i]; r[i] = q % W; f[i] = (q - r[i]) / W; left -= f[i] }
        for (k = 0; k < left; k++) {
            best = 0
            for (i = 1; i <= NR; i++)
                if (!won[i] && (best == 0 || r[i] > r[best] || (r[i] == r[best] && p[i] > p[best])))
                    best = i
            won[best] = 1; f[best]++
        }
        for (i = 1; i <= NR; i++) print code[i], p[i], f[i]
    }' "$tmp/pop" >"$tmp/ref"
awk '/^[0-9][0-9] / { print $1, $3, $4 }' "$tmp/out" | sort >"$tmp/got"
check 'cmp -s "$tmp/ref" "$tmp/got"' "county amounts equal the awk largest remainder ($(diff "$tmp/ref" "$tmp/got" | head -3 | tr '\n' ' '))"
# A duplicated municipality is an error naming it, and nothing is printed on stdout.
mkdir "$tmp/dup"
cp "$SOURCE_DIR"/data/sweden/*.csv "$tmp/dup/"
tail -n 1 "$tmp/dup/population-2018-12-31.csv" >>"$tmp/dup/population-2018-12-31.csv"
if "$exe" "$tmp/dup" >"$tmp/dup.out" 2>"$tmp/dup.err"; then
    echo "test_national_2018: a duplicated municipality was accepted" >&2
    fail=1
fi
check 'grep -q "duplicated municipality 2584 Kiruna" "$tmp/dup.err"' "the duplicate is named"
check '[ ! -s "$tmp/dup.out" ]' "nothing on stdout for bad input"

[ "$fail" = 0 ] && echo "test_national_2018: OK"
test "$fail" = 0
