#!/usr/bin/env bash
# The bad-input matrix through the command-line program (issue 8): every bad input gets exit
# status 2, one clear message on stderr that names the file (and the line, where one applies),
# and NOTHING on stdout; nothing crashes or hangs (each run is under a time limit).
# Fixtures: tests/badinput/*.csv; inputs with NUL bytes, invalid UTF-8 and a 100 MB field are
# made here. Env: BUILD_DIR, SOURCE_DIR (set by meson).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
set -o pipefail
Y="$BIN"
B="$SOURCE_DIR/tests/badinput"
tmp="$TMP"

# fail SUMMARY [DETAIL...]: a failed check (cli_lib's bad) with its details on indented lines.
fail() {
    bad "$1"
    shift
    for line in "$@"; do echo "      $line"; done
}

# err NAME REGEX COMMAND...: exit 2, empty stdout, the first stderr line matches REGEX (extended
# regex, matched against 'yrkesresa: ...'), no sanitizer or crash report.
err() {
    local name=$1 regex=$2
    shift 2
    timeout 60 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    local first
    first=$(head -n 1 "$tmp/err")
    if [ $rc -ne 2 ]; then
        fail "$name: exit $rc, expected 2" "stderr: $first"
    elif [ -s "$tmp/out" ]; then
        fail "$name: $(wc -c <"$tmp/out") bytes on stdout on error"
    elif ! grep -qE "^yrkesresa: $regex" <<<"$first"; then
        fail "$name: message does not match" "got:      $first" "expected: yrkesresa: $regex"
    elif grep -qE 'Sanitizer|runtime error|Segmentation|Aborted' "$tmp/err"; then
        fail "$name: crash report on stderr" "$(head -n 3 "$tmp/err")"
    else
        ok
    fi
}

# ---- split -------------------------------------------------------------------------------
s() { echo "$B/split-$1.csv"; }
err "non-numeric weight" "$(s nonnumeric):3: column 'population': 'femtiotvåtusen' is not a number" \
    "$Y" split --total 850000 "$(s nonnumeric)"
err "ragged row" "$(s ragged):3: this line has 3 cells, the header has 2" "$Y" split --total 850000 "$(s ragged)"
err "unterminated quote" "$(s unterminated-quote):3: a quote opens here and never closes" \
    "$Y" split --total 850000 "$(s unterminated-quote)"
# (the reader keeps a quote inside an unquoted cell as a character: 'Fal"un' is then no
# municipality beside Avesta, refused with the nearest name)
err "quote inside a field" "$(s quote-inside):3: 'Fal\"un' is not a Swedish municipality.*did you mean Falun\?" \
    "$Y" split --total 850000 "$(s quote-inside)"
err "duplicate names" "$(s duplicate-names):4: 'Avesta' is the same municipality as 'Avesta' at line 2" \
    "$Y" split --total 850000 "$(s duplicate-names)"
err "negative weight" "$(s negative):3: .*negative" "$Y" split --total 850000 "$(s negative)"
err "zero-sum weights" "$(s zero-sum)(:[0-9]+)?: .*all weights are 0, so nothing can take the total 850000" \
    "$Y" split --total 850000 "$(s zero-sum)"
# weights adding up beyond int64 (2^63-1 and 1): split exactly, 850000 and 0
if timeout 60 "$Y" split --total 850000 "$(s overflow-sum)" >"$tmp/out" 2>"$tmp/err" &&
    [ "$(cut -d, -f3 "$tmp/out" | tr '\n' ' ')" = "amount 850000 0 " ]; then
    ok
else
    fail "weights overflow: not split exactly" "$(head -n 3 "$tmp/out" "$tmp/err")"
fi
err "cell overflow" "$(s overflow-cell):2: column 'population': '99999999999999999999' is too large" \
    "$Y" split --total 850000 "$(s overflow-cell)"
err "NaN weight" "$(s nan):2: column 'population': 'NaN' is not a number" \
    "$Y" split --total 850000 "$(s nan)"
err "infinite weight" "$(s inf):2: column 'population': 'inf' is not a number" \
    "$Y" split --total 850000 "$(s inf)"
err "exponent weight" "$(s exponent):2: column 'population': '1e3' is not a number" \
    "$Y" split --total 850000 "$(s exponent)"
# a row after an empty line is a row: Falun is a party (850000 x 59752/82738 = 613855.6 -> 613856)
if timeout 60 "$Y" split --total 850000 "$(s blank-line)" >"$tmp/out" 2>"$tmp/err" &&
    [ "$(cut -d, -f3 "$tmp/out" | tr '\n' ' ')" = "amount 236144 613856 " ]; then
    ok
else
    fail "blank line inside: the row after it is not a party" "$(head -n 3 "$tmp/out" "$tmp/err")"
fi
err "empty file" "$B/empty.csv: the file has no table \(it is empty\)" "$Y" split --total 850000 "$B/empty.csv"
err "header only" "$(s header-only): cannot split 850000 by column 'population': weights is empty" \
    "$Y" split --total 850000 "$(s header-only)"
err "empty stdin" "<stdin>: the file has no table \(it is empty\)" bash -c "'$Y' split --total 850000 - </dev/null"
err "missing file" "$tmp/nope.csv: cannot open" "$Y" split --total 850000 "$tmp/nope.csv"
err "total not a number" "--total 'NaN' is not an integer" \
    "$Y" split --total NaN "$SOURCE_DIR/data/dalarna/population-2021-06.csv"
err "total overflow" "--total '9223372036854775808' does not fit in 64 bits" \
    "$Y" split --total 9223372036854775808 "$SOURCE_DIR/data/dalarna/population-2021-06.csv"
err "negative total, divisor method" ".*: cannot split -5 by column 'population': --total -5 is negative: dhondt splits whole units of a total of 0 or more" \
    "$Y" split --total -5 --method dhondt "$SOURCE_DIR/data/dalarna/population-2021-06.csv"
err "unknown method" "--method: unknown method 'hamiltonian' \\(known: largest_remainder, round_each, dhondt, .*\\)" \
    "$Y" split --total 5 --method hamiltonian "$SOURCE_DIR/data/dalarna/population-2021-06.csv"
err "equal part out of range" ".*: cannot split 5 by column 'population': --equal-part 1.50 is more than the whole" \
    "$Y" split --total 5 --equal-part 150% "$SOURCE_DIR/data/dalarna/population-2021-06.csv"
err "equal part NaN" "--equal-part: 'nan' is not a number: write a decimal" \
    "$Y" split --total 5 --equal-part nan "$SOURCE_DIR/data/dalarna/population-2021-06.csv"

# NUL byte, more columns than the limit, a 100 MB field (quoted and not): clear limits.
printf 'municipality,population\nAvesta,1\000\nFalun,2\n' >"$tmp/nul.csv"
err "NUL byte" "$tmp/nul.csv:2: a NUL byte: not a text file" "$Y" split --total 100 "$tmp/nul.csv"
{
    printf 'name'
    for i in $(seq 16384); do printf ',c%d' "$i"; done
    printf '\nA'
    for _ in $(seq 16384); do printf ',1'; done
    printf '\n'
} >"$tmp/wide.csv"
err "16385 columns" "$tmp/wide.csv:1: more than 16384 cells in a line" "$Y" split --total 100 "$tmp/wide.csv"
{
    printf 'municipality,population\nAvesta,'
    head -c 100000000 /dev/zero | tr '\0' '7'
    printf '\nFalun,2\n'
} >"$tmp/big.csv"
start=$(date +%s)
err "100 MB field" "$tmp/big.csv:2: a cell is longer than 1 MiB" \
    "$Y" split --total 100 "$tmp/big.csv"
{
    printf 'municipality,population\n"'
    head -c 100000000 /dev/zero | tr '\0' 'x'
    printf '",2\nFalun,2\n'
} >"$tmp/big.csv"
err "100 MB quoted field" "$tmp/big.csv:2: a cell is longer than 1 MiB" \
    "$Y" split --total 100 "$tmp/big.csv"
rm -f "$tmp/big.csv"
if [ $(($(date +%s) - start)) -gt 30 ]; then
    fail "100 MB inputs took $(($(date +%s) - start)) s (expected a quick refusal)"
fi

# Bytes that are not UTF-8: the file is Windows-1252 (Excel's "CSV (semikolonavgränsad)"),
# converted to UTF-8 (0xFF y-diaeresis, 0xFE thorn, 0xC3 A-tilde), with a BOM so that Excel
# shows the letters (issue 21).
printf 'municipality,population\nA\377\376vesta,1\nFal\303,3\n' >"$tmp/latin.csv"
printf '\357\273\277municipality,population,amount\nA\303\277\303\276vesta,1,25\nFal\303\203,3,75\n' >"$tmp/latin.expected"
if timeout 60 "$Y" split --total 100 "$tmp/latin.csv" >"$tmp/out" 2>"$tmp/err" &&
    cmp -s "$tmp/out" "$tmp/latin.expected"; then
    ok
else
    fail "Windows-1252 names are not converted to UTF-8" "$(od -c "$tmp/out" | head -n 4)"
fi

# ---- audit -------------------------------------------------------------------------------
err "audit: non-numeric amount" "$B/audit-nonnumeric.csv:3: column 'amount': 'tvåhundra' is not a number" \
    "$Y" audit "$B/audit-nonnumeric.csv"
err "audit: zero-sum weights" "$B/audit-zero-sum.csv: cannot audit: all weights are 0, so nothing can take the total 300" \
    "$Y" audit "$B/audit-zero-sum.csv"
err "audit: amounts overflow" "$B/audit-overflow.csv(:[0-9]+)?: .*64 bits" \
    "$Y" audit "$B/audit-overflow.csv"
err "audit: duplicate names" "$B/audit-duplicate-names.csv:3: 'Avesta' is the same municipality as 'Avesta' at line 2" \
    "$Y" audit "$B/audit-duplicate-names.csv"
err "audit: empty file" "$B/empty.csv: the file has no table \(it is empty\)" "$Y" audit "$B/empty.csv"

# ---- pot ---------------------------------------------------------------------------------
P=(--attendance "$B/pot-attendance.csv" --trainers "$B/pot-trainers.csv")
err "pot: unknown role" "$B/pot-unknown-role.csv:3: column 'role': unknown role 'chef'" \
    "$Y" pot --attendance "$B/pot-attendance.csv" --trainers "$B/pot-unknown-role.csv"
err "pot: negative participants" "$B/pot-negative.csv:3: .*negative" \
    "$Y" pot --attendance "$B/pot-negative.csv" --trainers "$B/pot-trainers.csv"
err "pot: non-numeric participants" "$B/pot-nonnumeric.csv:3: column 'participants': 'fyra' is not a number" \
    "$Y" pot --attendance "$B/pot-nonnumeric.csv" --trainers "$B/pot-trainers.csv"
err "pot: overflow" "$B/pot-overflow.csv: --fee 600 times 9223372036854775807 participant-days is past 9223372036854775807" \
    "$Y" pot --attendance "$B/pot-overflow.csv" --trainers "$B/pot-trainers.csv"
err "pot: empty day" "$B/pot-empty-day.csv:2: column 'day' is empty" \
    "$Y" pot --attendance "$B/pot-empty-day.csv" --trainers "$B/pot-trainers.csv"
err "pot: fee NaN" "--fee 'nan' is not an integer" "$Y" pot "${P[@]}" --fee nan
err "pot: share infinite" "--leader-share: 'inf' is not a number" "$Y" pot "${P[@]}" --leader-share inf
err "pot: negative fee" "--fee is negative \\(-600\\)" "$Y" pot "${P[@]}" --fee -600
err "pot: pot above fee" "--pot 700 is larger than --fee 600" \
    "$Y" pot "${P[@]}" --pot 700
# A day that only the trainer file names is not an error (nobody came that day): a warning
# naming the file and line, and the pot of the day that had participants but no trainer is
# reported as undistributed, never dropped.
if timeout 60 "$Y" pot --attendance "$B/pot-attendance.csv" --trainers "$B/pot-unknown-day.csv" \
    >"$tmp/out" 2>"$tmp/err" &&
    grep -q "pot-unknown-day.csv:3: warning: day '2024-02-08' has trainers but no participants" \
        "$tmp/err" && grep -q '^undistributed,,,,,2000,' "$tmp/out"; then
    ok
else
    fail "pot: a trainer day without attendance is not reported" "$(head -n 3 "$tmp/err")"
fi

# A day that looks like a date but is none (month 13) is an error naming the line and the forms
# read (yr_read_day), never a day that matches nothing.
err "pot: impossible date" "$B/pot-impossible-day.csv:3: the day '2024-13-45' is not a date the reader reads.*2024-02-06" \
    "$Y" pot --attendance "$B/pot-attendance.csv" --trainers "$B/pot-impossible-day.csv"

# ---- stats -------------------------------------------------------------------------------
err "stats: attended > registered" "$B/stats-attended-gt-registered.csv:3: attended 14 is larger than registered 13" \
    "$Y" stats attendance "$B/stats-attended-gt-registered.csv"
err "stats: negative count" "$B/stats-negative.csv:2: .*negative" \
    "$Y" stats attendance "$B/stats-negative.csv"
err "stats: nobody registered" "$B/stats-zero.csv: " "$Y" stats attendance "$B/stats-zero.csv"
S="$SOURCE_DIR/data/dalarna/manager-survey-2024.csv"
err "stats: confidence NaN" "--confidence: 'nan' is not a number" "$Y" stats survey "$S" --confidence nan
err "stats: confidence infinite" "--confidence: 'inf' is not a number" "$Y" stats survey "$S" --confidence inf
err "stats: confidence 1" "--confidence 1 is not between 0 and 1" \
    "$Y" stats survey "$S" --confidence 1
err "stats: target 200 %" "--target 2 is outside 0 to 1" "$Y" stats survey "$S" --target 200%

finish badinput
