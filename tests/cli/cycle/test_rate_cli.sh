#!/usr/bin/env bash
# `stats check --rate WHOLE=RATE*BASE`: the trainer pot (400 kr) and the fees (600 kr) against
# the participant-days of data/examples/pot-2024-days.csv. The expected numbers are computed here
# from data/examples/pot-2024-attendance.csv with awk (289 participant-days), not copied from the
# program's output; the example file states the 2024-10-22 pot 400 kr short on purpose.
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
EX="$SOURCE_DIR/data/examples"
DAYS="$EX/pot-2024-days.csv"
expect_eq() { # name got expected
    if [ "$2" == "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}

# The participant-days from the attendance register, day by day and in all.
total=$(awk -F, 'NR > 1 { s += $3 } END { print s }' "$EX/pot-2024-attendance.csv")
expect_eq "attendance participant-days" "$total" 289
oct22=$(awk -F, '$1 == "2024-10-22" { s += $3 } END { print s }' "$EX/pot-2024-attendance.csv")

run_bin stats check --rate pot=400*participant_days --rate fees=600*participant_days "$DAYS"
expect_rc "rate" 0
# pot: only 2024-10-22 differs; computed = 400 × its days, difference = computed - stated (8 800).
expect_eq "rate pot mismatches" "$(grep -c '^pot=.*,MISMATCH$' <<<"$out")" 1
expect_eq "rate pot 2024-10-22" "$(grep '^pot=400\*participant_days,2024-10-22,' <<<"$out")" \
    "pot=400*participant_days,2024-10-22,8800,$((oct22 * 400)),$((oct22 * 400 - 8800)),MISMATCH"
expect_eq "rate pot total" "$(grep '^pot=400\*participant_days,Summa,' <<<"$out")" \
    "pot=400*participant_days,Summa,115600,$((total * 400)),0,ok"
expect_eq "rate fees total" "$(grep '^fees=600\*participant_days,Summa,' <<<"$out")" \
    "fees=600*participant_days,Summa,173400,$((total * 600)),0,ok"
expect_eq "rate fees all ok" "$(grep -c '^fees=.*,ok$' <<<"$out")" 15

# --strict: exit 1 on the mismatch, 0 when there is none.
run_bin stats check --strict --rate pot=400*participant_days "$DAYS"
expect_rc "rate strict finding" 1
run_bin stats check --strict --rate fees=600*participant_days "$DAYS"
expect_rc "rate strict clean" 0
# A decimal-comma rate: 1,5 × 22 = 33 on the first day.
run_bin stats check --rate pot=1,5*participant_days "$DAYS"
expect_eq "rate 1,5" "$(awk -F, '$3 == "2024-02-06" { print $5; exit }' <<<"$out")" 33
# The plain total check sees the short row as a total that does not add up: 115 200 vs 115 600.
run_bin stats check "$DAYS"
expect_eq "total row pot" "$(grep '^pot,' <<<"$out")" "pot,115200,115600,-400,MISMATCH"

# Bad specs: exit 2 with a message.
run_bin stats check --rate pot=x*participant_days "$DAYS"
expect_input_error "rate not a number" "is not a number"
run_bin stats check --rate pot=400*nope "$DAYS"
expect_input_error "rate unknown column" "no column 'nope' (--rate"
run_bin stats check --rate pot=400 "$DAYS"
expect_input_error "rate no base" "expected WHOLE=RATE*BASE"
run_bin stats check --rate pot=400*pot "$DAYS"
expect_input_error "rate base is whole" "--rate 'pot=400*pot': base: column 1 is the whole"

finish test_rate_cli
