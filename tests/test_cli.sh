#!/usr/bin/env bash
# `yrkesresa` program: split and audit on the Dalarna tables, the CSV dialects (semicolon,
# decimal comma, BOM, no-break-space thousands, CRLF, quoted UTF-8 names kept byte for byte),
# every malformed input (exit 2, `yrkesresa: FILE:LINE: ...` on stderr, nothing on stdout), and a
# property test against a small exact reference (Python fractions) for all methods.
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
FIX="$SOURCE_DIR/tests/cli"
DATA="$SOURCE_DIR/data/dalarna"

has_out() { grep -qF -- "$1" "$TMP/out"; }
has_err() { grep -qF -- "$1" "$TMP/err"; }
# the Nth comma-separated field of the output row whose first field is NAME
field_of() { awk -F, -v n="$1" -v k="$2" '$1 == n { print $k }' "$TMP/out"; }
# sum of the last field of data rows, excluding a Summa row
sum_last() { awk -F"${2:-,}" 'NR > 1 && $1 != "Summa" { gsub(/\r/, "", $NF); s += $NF } END { printf "%.0f\n", s }' "$1"; }

# expect_error DESC WANT_PREFIX ARGS...: exit 2, stdout empty, stderr starts with WANT_PREFIX.
expect_error() {
    local d="$1" want="$2"
    shift 2
    run "$@"
    if [ "$rc" -ne 2 ]; then
        bad "$d: exit $rc, want 2 (stderr: $(head -c 300 "$TMP/err"))"
    elif [ -s "$TMP/out" ]; then
        bad "$d: stdout not empty"
    elif ! head -n 1 "$TMP/err" | grep -qF -- "$want"; then
        bad "$d: stderr '$(head -n 1 "$TMP/err")' does not start with '$want'"
    else
        ok
    fi
}

# ---------------------------------------------------------------- split, Dalarna
run split --total 850000 "$DATA/population-2021-06.csv"
check "split population: exit 0" [ "$rc" -eq 0 ]
check "split population: header" [ "$(head -n 1 "$TMP/out")" = "municipality,population,amount" ]
check "split population: 15 rows + header" [ "$(wc -l <"$TMP/out")" -eq 16 ]
check "split population: rows add to 850000" [ "$(sum_last "$TMP/out")" -eq 850000 ]
check "split population: Orsa 20452 (SPEC)" [ "$(field_of Orsa 3)" = 20452 ]
# Every other row equals the published 2023 coordinator table (SPEC §1 known answer).
cp "$TMP/out" "$TMP/split850"
differing=$(paste -d, <(tail -n +2 "$TMP/split850" | cut -d, -f1,3) \
    <(tail -n +2 "$DATA/published-split-coordinator-2023.csv" | head -n 15 | cut -d, -f1,3) |
    awk -F, '$1 != $3 || $2 != $4 { print $1 }')
check "split population: only Orsa differs from the published table ($differing)" \
    [ "$differing" = Orsa ]

# Each published table's total, re-split: rows add to it and the Summa row carries it.
for f in "$DATA"/published-split-*.csv; do
    total=$(awk -F, '$1 == "Summa" { print $NF }' "$f")
    if [ "$(head -n 1 "$f" | tr -cd , | wc -c)" -lt 2 ]; then
        # no weights in this file: split it by population instead
        run split --total "$total" "$DATA/population-2021-06.csv"
    else
        run split --total "$total" "$f"
        check "split $(basename "$f"): Summa row amount_new = total" \
            [ "$(awk -F, '$1 == "Summa" { print $NF }' "$TMP/out")" = "$total" ]
        check "split $(basename "$f"): appends amount_new" has_out "amount,amount_new"
    fi
    check "split $(basename "$f"): exit 0" [ "$rc" -eq 0 ]
    check "split $(basename "$f"): rows add to $total" [ "$(sum_last "$TMP/out")" -eq "$total" ]
done

# A refund splits like a charge: split(-T) == -split(T).
run split --total -850000 "$DATA/population-2021-06.csv"
neg=$(tail -n +2 "$TMP/out" | cut -d, -f3 | tr '\n' ' ')
pos=$(tail -n +2 "$TMP/split850" | cut -d, -f3 | awk '{ printf "%d ", -$1 }')
check "split -850000 is the negation of split 850000" [ "$neg" = "$pos" ]

# Every method: rows add to the total (round_each may not, on the published total it does not).
for m in largest_remainder dhondt sainte_lague sainte_lague_modified huntington_hill adams; do
    run split --total 850000 --method "$m" "$DATA/population-2021-06.csv"
    check "split --method $m: rows add to 850000 [1/2]" [ "$rc" -eq 0 ]
    check "split --method $m: rows add to 850000 [2/2]" [ "$(sum_last "$TMP/out")" -eq 850000 ]
done
run split --total 850000 --method round_each "$DATA/population-2021-06.csv"
# round_each reproduces the spreadsheet: the published table, Orsa 20453, sum 850001.
check "split --method round_each = the published coordinator table" \
    [ "$(tail -n +2 "$TMP/out" | cut -d, -f3)" = "$(sed -n 2,16p "$DATA/published-split-coordinator-2023.csv" | cut -d, -f3)" ]

# Mixed model 30 % equally: rows add to the total, all four spellings agree.
run split --total 1030000 --equal-part 30% "$DATA/population-2021-06.csv"
check "split --equal-part 30%: rows add to 1030000" [ "$(sum_last "$TMP/out")" -eq 1030000 ]
cp "$TMP/out" "$TMP/mixed"
for p in 0.3 0,3 3/10 "30 %"; do
    run split --total 1030000 --equal-part "$p" "$DATA/population-2021-06.csv"
    check "split --equal-part '$p' = 30%" cmp -s "$TMP/out" "$TMP/mixed"
done
# Each party gets at least its equal share floor(0.3*1030000/15) = 20600.
check "split --equal-part 30%: every row >= 20600" \
    [ "$(tail -n +2 "$TMP/mixed" | awk -F, '$3 < 20600' | wc -l)" -eq 0 ]

# Standard input.
run split --total 850000 - <"$DATA/population-2021-06.csv"
check "split from stdin = from file" cmp -s "$TMP/out" "$TMP/split850"

# ---------------------------------------------------------------- CSV dialects
# semicolon, BOM, CRLF, U+00A0 / U+202F / space thousands, quoted name with ';', Summa row.
# Quotas: 1000*10184/37667 = 270.37, 1000*6939/37667 = 184.22, 1000*20544/37667 = 545.41;
# floors add to 999, the largest remainder (Mora .41) gets the last krona.
run split --total 1000 "$FIX/semicolon-bom-crlf.csv"
check "semicolon: exit 0" [ "$rc" -eq 0 ]
check "semicolon: BOM kept" [ "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "semicolon: CRLF kept" [ "$(head -n 1 "$TMP/out" | od -An -c | grep -c '\\r')" -eq 1 ]
printf '\xef\xbb\xbfkommun;befolkning;kommentar;amount\r\nMalung-S\xc3\xa4len;10\xc2\xa0184;"text; med semikolon";270\r\nOrsa;6\xe2\x80\xaf939;x;184\r\nMora;20 544;;546\r\nSumma;37\xc2\xa0667;;1000\r\n' >"$TMP/semi.expected"
check "semicolon: output = input + amounts, cells byte for byte" cmp -s "$TMP/out" "$TMP/semi.expected"

# decimal comma weights: 1,5 : 1 : 1 of 1000 -> quotas 428.57, 285.71, 285.71; floors 998, the
# two larger remainders (.714) get +1. The headers 'roll' and 'andel' name no party and no weight:
# the columns are given (never "the only other column of numbers").
expect_error "roll;andel: no municipality column, refused" "yrkesresa: $FIX/decimal-comma.csv:1: no municipality column" split --total 1000 "$FIX/decimal-comma.csv"
check "roll;andel: the refusal says how to name it" has_err "--column municipality=HEADER"
run split --total 1000 --column municipality=roll --column weight=andel "$FIX/decimal-comma.csv"
check "decimal comma weights: 428/286/286" [ "$(tail -n +2 "$TMP/out" | cut -d';' -f3 | tr '\n' ' ')" = "428 286 286 " ]

# quoted UTF-8 names, doubled quotes, a line break inside quotes: byte for byte.
# (the names are no municipalities, and one is: --other-parties says they are parties)
expect_error "quoted names: 'Älvdalen, \"norra\"' beside Rättvik refused" "yrkesresa: $FIX/quoted-names.csv:2: " split --total 4 "$FIX/quoted-names.csv"
run split --other-parties --total 4 "$FIX/quoted-names.csv"
check "quoted names kept byte for byte" cmp -s "$TMP/out" "$FIX/quoted-names.expected"

# delimiter detection: commas inside quotes do not count; a tie goes to the first one seen
printf 'kommun;"befolkning, 2021"\nA;1\nB;3\n' >"$TMP/det1.csv"
run split --total 4 "$TMP/det1.csv"
check "delimiter: commas inside quotes ignored" [ "$(cat "$TMP/out")" = "$(printf 'kommun;befolkning, 2021;amount\nA;1;1\nB;3;3')" ]
printf 'namn;antal, totalt\nA;1\nB;3\n' >"$TMP/det2.csv"
run split --total 4 --column "population=antal, totalt" "$TMP/det2.csv"
check "delimiter: tie goes to the first (;)" [ "$(cat "$TMP/out")" = "$(printf 'namn;antal, totalt;amount\nA;1;1\nB;3;3')" ]
printf 'namn,antal;totalt\nA,1\nB,3\n' >"$TMP/det3.csv"
run split --total 4 --column "population=antal;totalt" "$TMP/det3.csv"
check "delimiter: tie goes to the first (,)" [ "$(cat "$TMP/out")" = "$(printf 'namn,antal;totalt,amount\nA,1,1\nB,3,3')" ]

# trailing blank lines and an all-empty row at the end are ignored
run split --total 30 "$FIX/trailing-blank.csv"
check "trailing blank lines ignored [1/2]" [ "$rc" -eq 0 ]
check "trailing blank lines ignored [2/2]" [ "$(wc -l <"$TMP/out")" -eq 3 ]

# ---------------------------------------------------------------- malformed input
for c in "ragged.csv 3" "unterminated.csv 3" "after-quote.csv 3" "nonnumeric.csv 3" \
    "bad-grouping.csv 3" "negative.csv 4" "duplicate.csv 4" "overflow-cell.csv 3"; do
    set -- $c
    expect_error "split $1" "yrkesresa: $FIX/$1:$2: " split --total 100 "$FIX/$1"
done
# no table at all: the reader says so of the file (no line holds anything)
for f in empty.csv bom-blank.csv; do
    expect_error "split $f" "yrkesresa: $FIX/$f: the file has no table" split --total 100 "$FIX/$f"
done
# a header without rows: nothing to split, the library's sentence
expect_error "split header-only.csv" "yrkesresa: $FIX/header-only.csv: cannot split 100" split --total 100 "$FIX/header-only.csv"
check "header-only: nothing to work on" has_err "is empty"
# weights adding up beyond int64 are split exactly (9e18 : 9e18 -> 50 : 50), not refused
run split --total 100 "$FIX/overflow-sum.csv"
check "overflow-sum: 50 and 50" [ "$rc" -eq 0 ] && [ "$(tail -n +2 "$TMP/out" | cut -d, -f3 | tr '\n' ' ')" = "50 50 " ]
# a row after an empty line is a row of the table, never dropped: 100 x 10/30, 20/30 = 33.3, 66.7
run split --total 100 "$FIX/blank-inside.csv"
check "blank inside: Orsa after the empty line is a party (33, 67)" [ "$(tail -n +2 "$TMP/out" | cut -d, -f3 | tr '\n' ' ')" = "33 67 " ]
run split --total 100 "$FIX/duplicate.csv"
check "duplicate names: both lines named" has_err "at line 2"
# all weights zero: the library's error, named by the CLI
expect_error "split zero-weights.csv" "yrkesresa: $FIX/zero-weights.csv" split --total 100 "$FIX/zero-weights.csv"
check "zero weights: the reason" has_err "all weights are 0, so nothing can take the total"
# a unit the role cannot take ('12 kr' of a population) is refused, never dropped
expect_error "unit suffix: '12 kr' in a population refused" "yrkesresa: $FIX/unit-suffix.csv:3: " split --total 112 "$FIX/unit-suffix.csv"
check "unit suffix: the unit named" has_err "has the unit kr"
# a total row anywhere: not a party, it gets the total
run split --total 300 "$FIX/total-not-last.csv"
check "total row in the middle: Avesta 100, Summa 300, Orsa 200" [ "$(tail -n +2 "$TMP/out" | cut -d, -f3 | tr '\n' ' ')" = "100 300 200 " ]
run split --total 100 "$FIX/nonnumeric.csv"
check "non-numeric cell: column and cell named" has_err "column 'population': 'abc'"
run split --total 100 "$FIX/ragged.csv"
check "ragged row: field counts named" has_err "this line has 3 cells, the header has 2"

# generated: NUL byte, a field over 1 MiB, a quote opened on line 2 spanning lines
printf 'name,weight\nA,1\nB\000,2\n' >"$TMP/nul.csv"
expect_error "NUL byte" "yrkesresa: $TMP/nul.csv:3: " split --total 10 "$TMP/nul.csv"
{
    printf 'name,weight\nA,1\nB,'
    head -c 1100000 /dev/zero | tr '\0' 7
    printf '\n'
} >"$TMP/big.csv"
expect_error "field over 1 MiB" "yrkesresa: $TMP/big.csv:3: " split --total 10 "$TMP/big.csv"
printf 'name,weight\n"A\nB\nC,1\n' >"$TMP/openq.csv"
expect_error "unterminated quote spanning lines" "yrkesresa: $TMP/openq.csv:2: " split --total 10 "$TMP/openq.csv"
printf 'name,weight\n"A\nB",1\nC,x\n' >"$TMP/lines.csv"
expect_error "line numbers count line breaks inside quotes" "yrkesresa: $TMP/lines.csv:4: " split --total 10 "$TMP/lines.csv"

# usage errors
P="$DATA/population-2021-06.csv"
expect_error "unknown method" "yrkesresa: --method: unknown method 'bogus' (known: largest_remainder," split --total 1 --method bogus "$P"
expect_error "missing file" "yrkesresa: $TMP/nope.csv: cannot open" split --total 1 "$TMP/nope.csv"
expect_error "--total overflow" "yrkesresa: --total '9223372036854775808'" split --total 9223372036854775808 "$P"
expect_error "--total not a number" "yrkesresa: --total '12 äpplen'" split --total "12 äpplen" "$P"
expect_error "no --total" "yrkesresa: --total N (or --items FILE) is required" split "$P"
expect_error "--equal-part with dhondt" "yrkesresa: --equal-part works with largest_remainder only" split --total 1 --method dhondt --equal-part 30% "$P"
expect_error "--equal-part 150%" "yrkesresa: $P: cannot split 1 by column 'population': --equal-part 1.50 is more than the whole (YR_ERR_RANGE)" split --total 1 --equal-part 150% "$P"
expect_error "negative total with dhondt" "yrkesresa: $P: cannot split -5 by column 'population': --total -5 is negative: dhondt splits whole units of a total of 0 or more (YR_ERR_NEGATIVE)" split --total -5 --method dhondt "$P"
# a state grant as a negative item (adversarial pass 5, F5): the library's sentence says what to do
printf 'Post;Belopp\nSamordnare;850000\nStatsbidrag;-200000\n' >"$TMP/grant.csv"
expect_error "negative item" "yrkesresa: $TMP/grant.csv:3: an item's amount is negative (-200000): the items of a split are amounts of 0 or more; net a grant or refund against another item, or split the net amount as one total (--total)" split --quiet --items "$TMP/grant.csv" "$P"
expect_error "unknown option" "yrkesresa: unknown option '--frobnicate'" split --total 1 --frobnicate "$P"
expect_error "two files" "yrkesresa: one input file only" split --total 1 "$P" "$P"
expect_error "no weight column" "yrkesresa: $FIX/quoted-names.csv:1: no column named 'nope'" split --total 1 --weight-column nope "$FIX/quoted-names.csv"
expect_error "unknown command" "yrkesresa: unknown command 'splitt'" splitt
expect_error "option without value" "yrkesresa: option --total needs a value" split --total

# ---------------------------------------------------------------- audit, Dalarna
q_orsa=$(echo "scale=3; 850000 * 6939 / 288382" | bc)  # 20452.559 (truncated; 4th digit is 4)
run audit "$DATA/published-split-coordinator-2023.csv"
check "audit coordinator: exit 0" [ "$rc" -eq 0 ]
check "audit coordinator: stated total" has_out "stated total    850000 (total row)"
check "audit coordinator: sum of rows" has_out "sum of rows     850001"
check "audit coordinator: difference +1" has_out "difference      +1"
check "audit coordinator: Orsa row (weight, published, expected, diff, quota $q_orsa)" \
    [ "$(awk '$1 == "Orsa" { print $2, $3, $4, $5, $6 }' "$TMP/out")" = "6939 20453 20452 +1 $q_orsa" ]
check "audit coordinator: one differing row" has_out "split of 850000 (1):"
check "audit coordinator: methods line" has_out "Methods that reproduce the table: round_each"
check "audit coordinator: no row outside its quota" has_out "exact quota: none"

run audit "$DATA/published-split-ok-gnv-2022.csv"
check "audit ok-gnv: sum 31061439, -1 [1/2]" has_out "sum of rows     31061439"
check "audit ok-gnv: sum 31061439, -1 [2/2]" has_out "difference      -1"
check "audit ok-gnv: Hedemora differs" [ "$(awk '$1 == "Hedemora" { print $3, $4, $5 }' "$TMP/out")" = "1668956 1668957 -1" ]
run audit "$DATA/published-split-yr-rss-estimate-2023.csv"
check "audit yr-rss: Borlänge differs, -1 [1/2]" [ "$(awk '$1 == "Borlänge" { print $3, $4, $5 }' "$TMP/out")" = "545734 545735 -1" ]
check "audit yr-rss: Borlänge differs, -1 [2/2]" has_out "difference      -1"
run audit "$DATA/published-split-agreement-2024.csv"
check "audit agreement (no weights): exit 0, sum checked [1/3]" [ "$rc" -eq 0 ]
check "audit agreement (no weights): exit 0, sum checked [2/3]" has_out "difference      0"
check "audit agreement (no weights): exit 0, sum checked [3/3]" has_out "No weight column: only the sum was checked"
run audit --total 1030001 "$DATA/published-split-agreement-2024.csv"
check "audit --total overrides the total row [1/2]" has_out "stated total    1030001 (--total; the total row says 1030000)"
check "audit --total overrides the total row [2/2]" has_out "difference      -1"

# strict: the coordinator table has an error (sum), a fresh split has none
run audit --strict "$DATA/published-split-coordinator-2023.csv"
check "audit --strict on a wrong table: exit 1" [ "$rc" -eq 1 ]
"$BIN" split --total 850000 "$DATA/population-2021-06.csv" >"$TMP/fresh.csv"
printf 'Summa,288382,850000\n' >>"$TMP/fresh.csv"
run audit --strict "$TMP/fresh.csv"
check "audit --strict on our own split: exit 0" [ "$rc" -eq 0 ]
check "audit of our own split: every row equals" has_out "Every row equals the largest-remainder split of 850000."
check "audit of our own split: largest_remainder reproduces it" grep -q "Methods that reproduce the table: .*largest_remainder" "$TMP/out"

# --csv
run audit --csv "$DATA/published-split-coordinator-2023.csv"
check "audit --csv header" [ "$(head -n 1 "$TMP/out")" = "name,weight,published,quota,largest_remainder,difference,within_quota,methods" ]
check "audit --csv Orsa row" [ "$(grep '^Orsa,' "$TMP/out")" = "Orsa,6939,20453,$q_orsa,20452,1,yes," ]
check "audit --csv summary row" [ "$(tail -n 1 "$TMP/out")" = "Summa,288382,850001,850000,850000,1,yes,round_each" ]
check "audit --csv: 15 parties + header + Summa" [ "$(wc -l <"$TMP/out")" -eq 17 ]
run audit --csv "$FIX/semicolon-bom-crlf.csv" --total 1000 --amount-column befolkning --weight-column befolkning
check "audit: same weight and amount column refused" [ "$rc" -eq 2 ]
printf 'kommun;befolkning;belopp\nA;1;334\nB;2;666\n' >"$TMP/semi-audit.csv"
run audit --csv --total 1000 "$TMP/semi-audit.csv"
check "audit --csv semicolon: decimal comma quota" [ "$(sed -n 2p "$TMP/out")" = "A;1;334;333,333;333;1;yes;" ]

# decimal weights: shown with their decimals; a table made by split --method dhondt is
# recognised as D'Hondt
run split --total 1000 --method dhondt --column municipality=roll --column weight=andel "$FIX/decimal-comma.csv"
awk -F';' 'NR == 1 { print "roll;andel;belopp"; next } { print $1 ";" $2 ";" $3 }' "$TMP/out" >"$TMP/dh.csv"
run audit --csv --total 1000 --column municipality=roll --column weight=andel "$TMP/dh.csv"
check "audit decimal weights: leader row 1,5 with quota 428,571" grep -q '^kursledare;1,5;[0-9]*;428,571;428;' "$TMP/out"
check "audit of a D'Hondt table: dhondt among the methods" grep -q '^Summa;3,5;1000;1000;1000;0;yes;.*dhondt' "$TMP/out"

# audit malformed
# (these files have no amount column: the amounts are named, never "the last column of integers")
expect_error "audit without an amount column refused" "yrkesresa: $FIX/ragged.csv:1: no amount column" audit "$FIX/ragged.csv"
expect_error "audit ragged" "yrkesresa: $FIX/ragged.csv:3: " audit --column amount=population "$FIX/ragged.csv"
printf 'municipality,population,amount\nA,1,5\nB,2,x\n' >"$TMP/badamount.csv"
expect_error "audit non-numeric amount" "yrkesresa: $TMP/badamount.csv:3: column 'amount': 'x'" audit --amount-column amount "$TMP/badamount.csv"
printf 'municipality,population,amount\nA,-1,5\nB,2,7\n' >"$TMP/negw.csv"
expect_error "audit negative weight" "yrkesresa: $TMP/negw.csv:2: column 'population': '-1' is negative" audit "$TMP/negw.csv"
expect_error "audit duplicate" "yrkesresa: $FIX/duplicate.csv:4: 'Orsa' is the same municipality as 'Orsa' at line 2" audit --column amount=population "$FIX/duplicate.csv"
expect_error "audit missing file" "yrkesresa: $TMP/nope.csv: cannot open" audit "$TMP/nope.csv"
expect_error "audit empty" "yrkesresa: $FIX/empty.csv: the file has no table" audit "$FIX/empty.csv"

# ---------------------------------------------------------------- help and version
for c in split audit; do
    run "$c" --help
    check "$c --help: exit 0, usage and example [1/3]" [ "$rc" -eq 0 ]
    check "$c --help: exit 0, usage and example [2/3]" has_out "Usage: yrkesresa $c"
    check "$c --help: exit 0, usage and example [3/3]" has_out "Example:"
done
run --help
check "--help [1/2]" [ "$rc" -eq 0 ]
check "--help [2/2]" has_out "Commands:"
run --version
check "--version prints X.Y.Z" grep -qE '^[0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"
run
check "no arguments: exit 2, usage on stderr, stdout empty [1/3]" [ "$rc" -eq 2 ]
check "no arguments: exit 2, usage on stderr, stdout empty [2/3]" [ ! -s "$TMP/out" ]
check "no arguments: exit 2, usage on stderr, stdout empty [3/3]" has_err "Usage:"

# ---------------------------------------------------------------- memory errors (valgrind)
# Success and error paths under valgrind: no invalid access, no leak.
if command -v valgrind >/dev/null 2>&1; then
    vg() { # vg DESC ARGS...
        local d="$1"
        shift
        valgrind --leak-check=full --errors-for-leak-kinds=all --error-exitcode=99 --quiet \
            "$BIN" "$@" >/dev/null 2>"$TMP/vg.err"
        local r=$?
        if [ "$r" -eq 0 ] || [ "$r" -eq 1 ] || [ "$r" -eq 2 ]; then ok; else
            bad "valgrind $d: exit $r: $(grep -m 3 '==' "$TMP/vg.err")"
        fi
    }
    vg "split" split --total 850000 "$P"
    vg "split mixed" split --total -1030000 --equal-part 30% "$P"
    vg "split quoted names" split --total 4 "$FIX/quoted-names.csv"
    vg "split semicolon" split --total 1000 "$FIX/semicolon-bom-crlf.csv"
    vg "audit" audit "$DATA/published-split-coordinator-2023.csv"
    vg "audit --csv" audit --csv "$DATA/published-split-ok-gnv-2022.csv"
    vg "audit no weights" audit "$DATA/published-split-agreement-2024.csv"
    for f in duplicate.csv ragged.csv unterminated.csv negative.csv overflow-sum.csv \
        empty.csv zero-weights.csv; do
        vg "split $f" split --total 100 "$FIX/$f"
        vg "audit $f" audit "$FIX/$f"
    done
    vg "missing file" audit "$TMP/nope.csv"
    vg "unknown method" split --total 1 --method bogus "$P"
else
    echo "note: valgrind not found, memory checks skipped"
fi

# ---------------------------------------------------------------- property test vs exact reference
if [ -x /usr/bin/python3 ]; then
    /usr/bin/python3 - "$BIN" "$TMP" >"$TMP/prop.log" 2>&1 <<'PY'
import random, subprocess, sys
from fractions import Fraction as F
from math import floor

BIN, TMP = sys.argv[1], sys.argv[2]
rng = random.Random(20240607)

def lr(quotas, weights):
    fl = [floor(q) for q in quotas]
    left = round(sum(quotas)) - sum(fl)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - fl[i]), -weights[i], i))
    for i in order[:left]:
        fl[i] += 1
    return fl

def split(total, w, method, eq=None):
    W = sum(w)
    n = len(w)
    if eq is not None:
        if total < 0:  # odd-symmetric (SPEC)
            return [-a for a in split(-total, w, method, eq)]
        e = total * eq
        q = [e / n + (total - e) * F(x, W) for x in w]
        return lr(q, w)
    if method == "largest_remainder":
        if total < 0:
            return [-a for a in split(-total, w, method)]
        return lr([F(total * x, W) for x in w], w)
    if method == "round_each":
        out = []
        for x in w:
            q = F(total * x, W)
            a = floor(abs(q) + F(1, 2))
            out.append(a if q >= 0 else -a)
        return out
    # divisor methods, one unit at a time (small totals): priority w / d(s)
    def prio(x, s):  # returns a comparable exact key (larger first); None = infinite
        if x == 0:
            return F(-1)
        if method == "dhondt":
            return F(x, s + 1)
        if method == "sainte_lague":
            return F(x, 2 * s + 1)
        if method == "sainte_lague_modified":
            return F(x * 5, 6) if s == 0 else F(x, 2 * s + 1)
        if method == "adams":
            return None if s == 0 else F(x, s)
        if method == "huntington_hill":  # compare squares: w^2 / (s(s+1))
            return None if s == 0 else F(x * x, s * (s + 1))
    seats = [0] * n
    for _ in range(total):
        best = None
        for i in range(n):
            p = prio(w[i], seats[i])
            key = (1, 0, w[i], -i) if p is None else (0, p, w[i], -i)
            if w[i] > 0 and (best is None or key > best[0]):
                best = (key, i)
        if best is None:
            break
        seats[best[1]] += 1
    return seats

def fmt_thousands(x, sep):
    s = str(x)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return sep.join(groups)

def quote(s, d):
    if any(c in s for c in (d, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s

ALPH = ["a", "B", "å", "Ö", "é", " ", ",", ";", '"', "ø", "ß", "-"]
methods = ["largest_remainder", "round_each", "dhondt", "sainte_lague",
           "sainte_lague_modified", "huntington_hill", "adams"]
passed = failed = 0
for case in range(150):
    n = rng.randint(1, 12)
    big = rng.random() < 0.3
    w = [rng.choice([0, rng.randint(0, 50), rng.randint(0, 10**6 if big else 5000)]) for _ in range(n)]
    if sum(w) == 0:
        w[0] = 1
    names, keys = [], []
    while len(names) < n:
        nm = "".join(rng.choice(ALPH) for _ in range(rng.randint(1, 8))).strip()
        key = " ".join(nm.lower().replace("-", " ").split())  # yr_label_key, roughly
        if key and key not in keys and key not in ("summa", "totalt", "total", "sum"):
            names.append(nm)
            keys.append(key)
    method = rng.choice(methods)
    eq = None
    if method == "largest_remainder" and rng.random() < 0.3:
        eq = F(rng.randint(0, 10), 10)
    if method in ("largest_remainder", "round_each"):
        total = rng.randint(-10**6, 10**6) if rng.random() < 0.5 else rng.randint(0, 500)
    else:
        total = rng.randint(0, 300)
    if eq is not None and eq != 1 and sum(w) == 0:
        continue
    d = rng.choice([",", ";"])
    eol = rng.choice(["\n", "\r\n"])
    sep = rng.choice(["", " ", "\u00a0", "\u202f"])
    rows = [quote("name", d) + d + "population"]
    for nm, x in zip(names, w):
        rows.append(quote(nm, d) + d + fmt_thousands(x, sep))
    text = eol.join(rows) + eol
    bom = rng.random() < 0.3
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode()
    path = f"{TMP}/prop{case}.csv"
    with open(path, "wb") as fh:
        fh.write(data)
    args = [BIN, "split", "--no-total-row", "--total", str(total), "--method", method]
    if eq is not None:
        args += ["--equal-part", f"{eq.numerator}/{eq.denominator}"]
    r = subprocess.run(args + [path], capture_output=True)
    want = split(total, w, method, eq)
    # parse our output with Python's csv module: names must come back byte for byte
    import csv, io
    try:
        out = r.stdout.decode()
        if bom:
            assert out.startswith("\ufeff")
            out = out[1:]
        got_rows = list(csv.reader(io.StringIO(out, newline=""), delimiter=d))
        got_names = [row[0] for row in got_rows[1:]]
        got = [int(row[-1]) for row in got_rows[1:]]
        good = (r.returncode == 0 and got == want and got_names == names
                and got_rows[0] == ["name", "population", "amount"]
                and (eol == "\n" or out.count("\r\n") == n + 1))
    except Exception as e:  # noqa
        good = False
    if good:
        passed += 1
    else:
        failed += 1
        print(f"FAIL prop case {case}: method={method} eq={eq} total={total} w={w} "
              f"want={want} rc={r.returncode} out={r.stdout[:300]!r} err={r.stderr[:200]!r}")
print(f"PROP {passed} {failed}")
PY
    line=$(grep '^PROP ' "$TMP/prop.log")
    if [ -z "$line" ]; then
        bad "property test did not run: $(tail -n 5 "$TMP/prop.log")"
    else
        set -- $line
        pass=$((pass + $2))
        if [ "$3" -ne 0 ]; then
            fail=$((fail + $3))
            grep '^FAIL' "$TMP/prop.log" | head -n 10
        fi
    fi
else
    echo "note: /usr/bin/python3 not found, property test skipped"
fi

finish test_cli
