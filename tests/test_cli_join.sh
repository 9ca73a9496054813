#!/usr/bin/env bash
# Joining two files by municipality (issue 14 point 4), through `yrkesresa stats progress
# --population`: by code when both files have one (a kommunkod/kod column or `2080 Falun` cells),
# else by name (yr_label_key: case, blanks, '-' and ' ' equal); an unknown or duplicated
# municipality is an error naming it. The populations expected are looked up in the data files
# here with awk, and the rates per 1000 computed here.
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
SWE="$SOURCE_DIR/data/sweden/population-2018-12-31.csv"
DAL="$SOURCE_DIR/data/dalarna/population-2021-06.csv"
run() { run_bin stats progress "$@"; }

# pop FILE COLUMN VALUE: the population of the row whose COLUMN-th field is VALUE.
pop() { awk -F, -v c="$2" -v v="$3" '$c == v { print $NF; exit }' "$1"; }
# expect_cov NAME LABEL DONE POPULATION: the coverage row LABEL,DONE,POPULATION,DONE*1000/POP.
expect_cov() {
    local want got
    want="$2,$3,$4,$(awk -v d="$3" -v p="$4" 'BEGIN { printf "%.4f", d * 1000 / p }')"
    got=$(awk -F, -v k="$2" '$1 == k { print $1 "," $2 "," $3 "," $4; exit }' <<<"$out")
    if [ "$got" == "$want" ]; then ok; else bad "$1: row '$got', expected '$want'"; fi
}
f_swe=$(pop "$SWE" 2 Falun)
b_swe=$(pop "$SWE" 2 Borlänge)
l_swe=$(pop "$SWE" 2 Leksand)
f_dal=$(pop "$DAL" 1 Falun)
m_dal=$(pop "$DAL" 1 Malung-Sälen)
for v in "$f_swe" "$b_swe" "$l_swe" "$f_dal" "$m_dal"; do
    check "a municipality missing from the data files" [ -n "$v" ]
done
check "the two years differ (so the join is seen)" [ "$f_swe" != "$f_dal" ]

# 1. code columns on both sides: joined by code, whatever the names say
printf 'kommunkod,municipality,course1_completed,course2_completed\n2080,Falu,360,130\n2081,Borlange,200,50\n' >"$TMP/codes.csv"
run "$TMP/codes.csv" --population "$SWE"
expect_rc "by code column" 0
expect_cov "by code column: Falun" Falu 360 "$f_swe"
expect_cov "by code column: Borlänge" Borlange 200 "$b_swe"
expect_cov "by code column: total" Totalt 560 $((f_swe + b_swe))

# 2. `2080 Falun` cells against a code column: by code
printf 'municipality,course1_completed,course2_completed\n2080 Falun,360,130\n2029 Leksand,20,5\n' >"$TMP/cells.csv"
run "$TMP/cells.csv" --population "$SWE"
expect_rc "by code cells" 0
expect_cov "by code cells: Falun" "2080 Falun" 360 "$f_swe"
expect_cov "by code cells: Leksand" "2029 Leksand" 20 "$l_swe"

# 3. the same cells against a file of names only: by name, the code dropped
run "$TMP/cells.csv" --population "$DAL"
expect_rc "by name (one side without codes)" 0
expect_cov "by name: Falun" "2080 Falun" 360 "$f_dal"

# 4. by name, normalised: case, blanks, '-' and ' '
printf 'municipality,course1_completed,course2_completed\n  malung sälen ,7,3\nFALUN,10,4\n' >"$TMP/names.csv"
run "$TMP/names.csv" --population "$DAL"
expect_rc "by name normalised" 0
expect_cov "by name: malung sälen" "  malung sälen " 7 "$m_dal"
expect_cov "by name: FALUN" FALUN 10 "$f_dal"

# 5. an unknown code names the municipality and the population file
printf 'municipality,course1_completed,course2_completed\n2080 Falun,360,130\n9999 Nowhere,5,1\n' >"$TMP/unknown.csv"
run "$TMP/unknown.csv" --population "$SWE"
expect_input_error "unknown code" "unknown.csv:3: column 'municipality': '9999 Nowhere': 9999 is not a municipality code"
# a code the population file lacks is unknown even when its name is there: the code decides
printf 'kod,municipality,course1_completed,course2_completed\n2080,Falun,360,130\n2099,Borlänge,5,1\n' >"$TMP/wrongcode.csv"
run "$TMP/wrongcode.csv" --population "$SWE"
expect_input_error "unknown code, known name" "wrongcode.csv:3: the code '2099' and the name 'Borlänge' are not the same place"

# 6. a municipality twice in the population file (by code), and twice in the progress file
printf 'code,municipality,population\n2080,Falun,100\n2081,Borlänge,50\n2080,Falu,7\n' >"$TMP/dup.csv"
run "$TMP/cells.csv" --population "$TMP/dup.csv"
expect_input_error "duplicate code" "dup.csv:4: 'Falu' is the same municipality as 'Falun' at line 2"
printf 'municipality,course1_completed,course2_completed\n2080 Falun,360,130\n2080 Falu,5,1\n' >"$TMP/twice.csv"
run "$TMP/twice.csv" --population "$SWE"
expect_input_error "municipality twice (by code)" "twice.csv:3: column 'municipality': code 2080 is Falun, not 'Falu'"
printf 'municipality,course1_completed,course2_completed\nFalun,360,130\nfalun,5,1\n' >"$TMP/twicen.csv"
run "$TMP/twicen.csv" --population "$DAL"
expect_input_error "municipality twice (by name)" "twicen.csv:3: 'falun' is the same municipality as 'Falun' at line 2"

# 7. a code cell that is not a code
printf 'kod,municipality,course1_completed,course2_completed\n20800,Falun,360,130\n' >"$TMP/badcode.csv"
run "$TMP/badcode.csv" --population "$SWE"
expect_input_error "bad code cell" "badcode.csv:2: column 'kod': '20800' is not an SCB code (up to four digits)"

# 8. pot: the trainers' municipalities meet the attendance's by code when both files have codes.
# One day, pot 40 per participant-day, 15 participant-days: a pot of 600, all to the one trainer.
run_pot() { run_bin pot --attendance "$TMP/pa.csv" --trainers "$1" --fee 100 --pot 40; }
pot_row() { awk -F, -v k="$1" '$1 == k { print; exit }' <<<"$out"; }
printf 'day,municipality,participants\nd1,2080 Falun,10\nd1,2081 Borlänge,5\n' >"$TMP/pa.csv"
printf 'day,kod,municipality,role\nd1,2080,Falu kommun,trainer\n' >"$TMP/pt-code.csv"
run_pot "$TMP/pt-code.csv"
expect_rc "pot by code" 0
pot=$((40 * 15))
check "pot by code: Falun gets the pot" [ "$(pot_row '2080 Falun')" == "2080 Falun,10,1000,600,400,$pot,$((1000 - pot))" ]
check "pot by code: no row for the trainers' spelling" [ -z "$(pot_row 'Falu kommun')" ]
check "pot by code: three rows and the total" [ "$(grep -c , <<<"$out")" -eq 5 ]
# without a code in the trainers' file: by the reader's identity (identity.h): 'Falu kommun'
# is Falun's name, so the one municipality '2080 Falun' (as first written) gets the pot
printf 'day,municipality,role\nd1,Falu kommun,trainer\n' >"$TMP/pt-name.csv"
run_pot "$TMP/pt-name.csv"
expect_rc "pot by name" 0
check "pot by name: Falun gets the pot" [ "$(pot_row '2080 Falun')" == "2080 Falun,10,1000,600,400,$pot,$((1000 - pot))" ]
check "pot by name: no row for the trainers' spelling" [ -z "$(pot_row 'Falu kommun')" ]
printf 'day,kod,municipality,role\nd1,20800,Falu kommun,trainer\n' >"$TMP/pt-bad.csv"
run_pot "$TMP/pt-bad.csv"
expect_input_error "pot bad code" "pt-bad.csv:2: column 'kod': '20800' is not an SCB code (up to four digits)"

finish test_cli_join
