#!/usr/bin/env bash
# `yrkesresa pot`: the example year, hand-computed small cases, options, --check on the published
# Dalarna table, and malformed inputs (exit 2, FILE:LINE on stderr, nothing on stdout).
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
FIX="$SOURCE_DIR/tests/cli/pot"
EX="$SOURCE_DIR/data/examples"
run() { run_bin pot "$@"; }

# ---- hand-computed small year -------------------------------------------------------------
# d1: Falun 3 + Mora 2 participants, pot 2000; Falun leader (15), Mora and Leksand trainers (10):
# Falun 2000*15/35 = 857 r 5/35, Mora and Leksand 571 r 15/35; one unit left: Mora (equal
# remainder and entitlement as Leksand, earlier). d2: Falun 1, no trainer: 400 undistributed,
# which is part of the table (pot_in 2400 = kickback 2000 + undistributed 400).
small='municipality,participant_days,fees,admin,pot_in,kickback,net
Falun,4,2400,800,1600,857,1543
Mora,2,1200,400,800,572,628
Leksand,0,0,0,0,571,-571
Totalt,6,3600,1200,2400,2000,1600
undistributed,,,,,400,
undistributed: d2,,,,,400,'
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers.csv"
expect_rc small 0
expect_out small "$small"
# stderr: the reading line of each file, as every command prints it (3 data rows each; the
# trainers are three municipalities, one a row)
expect_eq_err() {
    if [ "$err" == "$1" ]; then ok; else bad "small: stderr: got '$err'"; fi
}
expect_eq_err "yrkesresa: $FIX/attendance.csv: read 3 rows from column 'participants'
yrkesresa: $FIX/trainers.csv: read 3 municipalities"

# The same with semicolons and blanks around the labels: same figures, ';' kept in the output.
run --attendance "$FIX/attendance-semicolon.csv" --trainers "$FIX/trainers.csv"
expect_rc semicolon 0
expect_out semicolon "${small//,/;}"

# Shares as decimals, with a decimal comma: 1,5 and 1 are the defaults.
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers.csv" --leader-share 1,5 \
    --trainer-share 1.0
expect_out "decimal comma shares" "$small"
# 2 and 1: 2000 * 2/4 = 1000, 500, 500 exactly.
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers.csv" --leader-share 2 \
    --trainer-share 1
expect_out_has "shares 2:1" "Falun,4,2400,800,1600,1000,1400"
expect_out_has "shares 2:1" "Leksand,0,0,0,0,500,-500"
# 1.25 and 1 (125 and 100 hundredths): 2000*125/325 = 769 r 75/325, 2000*100/325 = 615 r 125/325
# twice; one unit left: Mora.
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers.csv" --leader-share 1.25
expect_out_has "shares 1.25:1" "Falun,4,2400,800,1600,769,1631"
expect_out_has "shares 1.25:1" "Mora,2,1200,400,800,616,584"
expect_out_has "shares 1.25:1" "Leksand,0,0,0,0,615,-615"
# Fee 500 of which 300 to the pot: d1 pot 1500 = 642 r 30/35, 428 r 20/35 (twice); one unit: Falun.
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers.csv" --fee 500 --pot 300
expect_out_has "fee 500 pot 300" "Falun,4,2000,800,1200,643,1357"
expect_out_has "fee 500 pot 300" "Totalt,6,3000,1200,1800,1500,1500"
expect_out_has "fee 500 pot 300" "undistributed,,,,,300,"

# A trainer on a day nobody attended: a warning naming the trainer row, not an error.
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers-unknown-day.csv"
expect_rc "trainer without participants" 0
expect_err_has "trainer without participants" "trainers-unknown-day.csv:3: warning: day 'd9'"
expect_out_has "trainer without participants" "Falun,4,2400,800,1600,2000,400"
expect_out_has "trainer without participants" "Mora,2,1200,400,800,0,1200"

# ---- the example year ---------------------------------------------------------------------
run --attendance "$EX/pot-2024-attendance.csv" --trainers "$EX/pot-2024-trainers.csv"
expect_rc "example year" 0
expect_out_has "example year" "undistributed,,,,,4000,"
expect_out_has "example year" "undistributed: 2024-11-20,,,,,4000,"
# Kickbacks checked against exact fractions computed independently (Python Fraction):
# Falun 45200 exactly, Borlänge 22057 1/7, Mora 14114 2/7, Avesta 5257 1/7, Rättvik 15314 2/7,
# Malung-Sälen 9657 1/7; one unit left, to Rättvik (remainder 2/7 ties Mora; larger entitlement).
expect_out_has "example year" "Totalt,289,173400,57800,115600,111600,61800"
expect_out_has "example year" "Rättvik,9,5400,1800,3600,15315,-9915"
expect_out_has "example year" "Mora,26,15600,5200,10400,14114,1486"
expect_out_has "example year" "Falun,55,33000,11000,22000,45200,-12200"
# 15 municipalities + header + Totalt + 2 undistributed rows, and the rows add up to Totalt.
lines=$(printf '%s\n' "$out" | wc -l)
if [ "$lines" -eq 19 ]; then ok; else bad "example year: $lines lines"; fi
sums=$(printf '%s\n' "$out" | awk -F, 'NR>1 && $1!="Totalt" && $1 !~ /^undistributed/ {for(i=2;i<=7;i++) s[i]+=$i}
    $1=="Totalt" {for(i=2;i<=7;i++) t[i]=$i}
    END {for(i=2;i<=7;i++) if (s[i]!=t[i]) {print "column " i ": " s[i] " != " t[i]; exit}
         print "equal"}')
if [ "$sums" == "equal" ]; then ok; else bad "example year: $sums"; fi
# The example program settles the same year from its embedded table (municipalities in
# alphabetical order): the same rows.
if [ -x "$BUILD_DIR/examples/pot_2024" ]; then
    ex=$("$BUILD_DIR/examples/pot_2024" | grep -v '^undistributed\|^  ' | LC_ALL=C sort)
    if [ "$ex" == "$(printf '%s\n' "$out" | grep -v '^undistributed' | LC_ALL=C sort)" ]; then
        ok
    else
        bad "examples/pot_2024 differs from the CLI"
    fi
fi

# ---- --check on the published table ------------------------------------------------------
# trainers 1+4+3+1+1+1 = 11 and training days 1+7+14+2+4+4 = 32 match the Totalt row; the
# amounts add up to 116200, not the stated 115600.
# The same check as `stats check`: difference = sum - stated, as in audit.
run --check "$SOURCE_DIR/data/dalarna/trainer-pot-2024-published.csv"
expect_rc "check" 0
expect_out "check" 'column,sum,stated,difference,status
trainers,11,11,0,ok
training_days,32,32,0,ok
amount,116200,115600,600,MISMATCH
comment,,,,skipped: text'
run_bin stats check "$SOURCE_DIR/data/dalarna/trainer-pot-2024-published.csv"
expect_out "stats check gives the same table" 'column,sum,stated,difference,status
trainers,11,11,0,ok
training_days,32,32,0,ok
amount,116200,115600,600,MISMATCH
comment,,,,skipped: text'
run --check "$SOURCE_DIR/data/dalarna/trainer-pot-2024-published.csv" --strict
expect_rc "check --strict" 1
printf 'kommun;belopp\nA;1 000\nB;\nSumma;1000\n' >"$TMP/ok.csv"
run --check "$TMP/ok.csv" --strict
expect_rc "check ok" 0
expect_out_has "check ok" "belopp;1000;1000;0;ok"
# Negative whole numbers are whole numbers (adversarial pass 5, F13: a pot table's Netto is often
# negative): checked, not "skipped: not whole numbers". By hand: 2400 + 600 + 4800 - 2500 = 5300
# against the stated 5400, difference -100; --strict exits 1. A real fraction is still skipped.
printf 'Kommun;Avgifter;Netto;Faktor\nFalun;6000;2400;0,5\nOrsa;2400;-2500;0,25\nMora;3000;600;0,25\nBorl\303\244nge;4800;4800;0\nTotalt;16200;5400;1\n' >"$TMP/netto.csv"
run --check "$TMP/netto.csv" --strict
expect_rc "check: a negative net is checked" 1
expect_out_has "check: a negative net is checked" "Netto;5300;5400;-100;MISMATCH"
expect_out_has "check: a fraction is still skipped" "Faktor;;;;skipped: not whole numbers"
run_bin stats check --strict "$TMP/netto.csv"
expect_rc "stats check: a negative net is checked" 1
printf 'Kommun;Netto\nFalun;2400\nOrsa;-2500\nTotalt;-100\n' >"$TMP/netto1.csv"
run_bin stats check --strict "$TMP/netto1.csv"
expect_rc "stats check: one column of negative whole numbers" 0
expect_out_has "stats check: one column of negative whole numbers" "Netto;-100;-100;0;ok"
# A checked column holding a non-number is an error naming its line, not "skipped".
printf 'kommun,belopp\nA,1O0\nB,2\nSumma,102\n' >"$TMP/oh.csv"
run --check "$TMP/oh.csv" --strict
expect_input_error "check: 1O0 is not a number" "oh.csv:2: column 'belopp' '1O0' is not a number"
printf 'kommun,belopp\nA,1\nB,2\n' >"$TMP/nototal.csv"
run --check "$TMP/nototal.csv"
expect_input_error "check without total row" "nototal.csv: no total row"
# F14 (adversarial pass 5): the program's own pot table is checked by --check, its
# undistributed rows no party: the small year above (pot_in 2400 - kickback 2000 = 400
# undistributed = d2's 400), in English and in Swedish ('ej fördelat'); a tampered copy (an
# undistributed 500) is a mismatch of 100, exit 1 with --strict.
printf '%s\n' "$small" >"$TMP/own.csv"
run --check "$TMP/own.csv" --strict
expect_rc "check of pot's own table" 0
expect_out_has "check of pot's own table: kickback" "kickback,2000,2000,0,ok"
expect_out_has "check of pot's own table: undistributed" "undistributed,400,400,0,ok"
expect_out_has "check of pot's own table: the days" "undistributed: DAY,400,400,0,ok"
run --lang sv --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers.csv"
printf '%s\n' "$out" >"$TMP/own-sv.csv"
run --check "$TMP/own-sv.csv" --strict
expect_rc "check of pot's own table in Swedish" 0
sed 's/^undistributed,,,,,400,$/undistributed,,,,,500,/' "$TMP/own.csv" >"$TMP/own-bad.csv"
run --check "$TMP/own-bad.csv" --strict
expect_rc "check of a tampered pot table" 1
expect_out_has "check of a tampered pot table: undistributed" "undistributed,400,500,-100,MISMATCH"

# ---- malformed input ---------------------------------------------------------------------
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers-bad-role.csv"
expect_input_error "unknown role" "trainers-bad-role.csv:3: column 'role': unknown role 'ledare' (known: trainer, leader, utbildare, kursledare)"
run --attendance "$FIX/attendance-negative.csv" --trainers "$FIX/trainers.csv"
expect_input_error "negative participants" "attendance-negative.csv:3: "
expect_err_has "negative participants" "negative"
run --attendance "$FIX/attendance-ragged.csv" --trainers "$FIX/trainers.csv"
expect_input_error "ragged row" "attendance-ragged.csv:3:"
run --attendance "$FIX/attendance-fraction.csv" --trainers "$FIX/trainers.csv"
expect_input_error "fractional participants" "attendance-fraction.csv:2: column 'participants'"
run --attendance "$FIX/attendance-missing-column.csv" --trainers "$FIX/trainers.csv"
expect_input_error "missing column" "attendance-missing-column.csv:1: no participants column"
run --attendance "$FIX/attendance.csv" --trainers "$FIX/trainers.csv" --leader-share 0 \
    --trainer-share 0
expect_input_error "zero shares" "trainers.csv:2: the day of this trainer has a pot of 2000, but the shares of its trainers add up to 0"
run --attendance "$FIX/no-such-file.csv" --trainers "$FIX/trainers.csv"
expect_input_error "missing file" "no-such-file.csv"
printf 'day,municipality,participants\n,Falun,3\n' >"$TMP/noday.csv"
run --attendance "$TMP/noday.csv" --trainers "$FIX/trainers.csv"
expect_input_error "empty day" "noday.csv:2: column 'day' is empty"

# Read through libyrkesresa-read (issue 20): a file in two encodings is refused at the line that
# reads wrongly; a column of days per row is refused, never ignored (ignoring it halves the pot);
# an Excel date-time in the trainers file is the attendance's date (by hand: pot 4 400 = 11
# participant-days x 400; leader 1.5 and trainer 1 share: 2 640 and 1 760).
run --attendance "$FIX/attendance-mixed-encoding.csv" --trainers "$FIX/trainers-datetime.csv"
expect_input_error "mixed encoding refused at its line" "attendance-mixed-encoding.csv:3: 'BorlÃ¤nge' is not a Swedish municipality, while 7 other rows are; did you mean Borlänge?"
run --attendance "$FIX/attendance-antal-dagar.csv" --trainers "$FIX/trainers-datetime.csv"
expect_input_error "Antal dagar refused" "attendance-antal-dagar.csv:1: column 'Antal dagar' counts days, but each row is one course day"
# adversarial pass 5 (F15): participant-days per row are a count of days too (Falun's 10
# participants on a two-day course wrote 20): refused, never 10 participant-days.
printf 'Datum;Kommun;Deltagare;Deltagardagar\n2024-03-12;Falun;10;20\n' >"$TMP/deltagardagar.csv"
run --attendance "$TMP/deltagardagar.csv" --trainers "$FIX/trainers-datetime.csv"
expect_input_error "Deltagardagar refused" "deltagardagar.csv:1: column 'Deltagardagar' counts days"
run --attendance "$FIX/attendance-dates.csv" --trainers "$FIX/trainers-datetime.csv"
expect_rc "trainers' date-times are the attendance's dates" 0
expect_out_has "date-times: Falun leads" "Falun;4;2400;800;1600;2640;-240"
expect_out_has "date-times: Mora trains" "Mora;3;1800;600;1200;1760;40"
expect_out_has "date-times: nothing undistributed" "undistributed;;;;;0;"

# A Summa row is a total (libyrkesresa-read): checked against the rows, never a municipality
printf 'day,municipality,participants\nd1,Falun,3\nd1,Summa,3\n' >"$TMP/sum.csv"
run --attendance "$TMP/sum.csv" --trainers "$FIX/trainers.csv"
expect_rc "total row in the input" 0
expect_out_lacks "total row in the input: no municipality Summa" "Summa"
expect_out_has "total row in the input: 3 participant-days" "Totalt,3,"
printf 'day,municipality,participants\nd1,Falun,3\nd1,Summa,4\n' >"$TMP/sum4.csv"
run --attendance "$TMP/sum4.csv" --trainers "$FIX/trainers.csv"
expect_input_error "a wrong total row in the input" "sum4.csv:3: the total row 'Summa' says 4 in column 'participants', but the rows of the table"

# CRLF and a byte order mark in the attendance file are kept in the output.
printf '\xef\xbb\xbfday,municipality,participants\r\nd1,Falun,3\r\nd1,Mora,2\r\nd2,Falun,1\r\n' \
    >"$TMP/crlf.csv"
"$BIN" pot --attendance "$TMP/crlf.csv" --trainers "$FIX/trainers.csv" >"$TMP/crlf.out" 2>/dev/null
printf '\xef\xbb\xbf%s\r\n' "${small//$'\n'/$'\r\n'}" >"$TMP/crlf.want"
if cmp -s "$TMP/crlf.out" "$TMP/crlf.want"; then ok; else bad "CRLF and BOM not kept"; fi

# ---- usage --------------------------------------------------------------------------------
run --help
expect_rc help 0
expect_out_has help "Usage: yrkesresa pot --attendance A.csv --trainers T.csv"
for args in "--attendance $FIX/attendance.csv" \
    "--attendance $FIX/attendance.csv --trainers $FIX/trainers.csv --pot 700" \
    "--attendance $FIX/attendance.csv --trainers $FIX/trainers.csv --fee -1" \
    "--attendance $FIX/attendance.csv --trainers $FIX/trainers.csv --fee 6OO" \
    "--attendance $FIX/attendance.csv --trainers $FIX/trainers.csv --leader-share x" \
    "--attendance $FIX/attendance.csv --trainers $FIX/trainers.csv --bogus" \
    "--check $FIX/attendance.csv --fee 600" \
    "--attendance $FIX/attendance.csv --trainers $FIX/trainers.csv --strict"; do
    # shellcheck disable=SC2086
    run $args
    expect_rc "usage: $args" 2
    if [ -z "$out" ]; then ok; else bad "usage: $args: stdout not empty"; fi
done

# ---- --by-day (issue 22.2): the kickback per course day and municipality -------------------------
# yr_pot_by_day's documented example (pot.h): Dalarna rules, one participant on each of two days,
# each day a leader from A and trainers from B and C: each day's 400 is A 171.43, B 114.29,
# C 114.29; the year gives A 343 (342.86), B 229, C 228 (the remainders' order: A .86, then B
# and C .57, B first); A's extra unit goes to day 1, B's to day 2.
printf 'day,municipality,participants\nd1,A,1\nd2,A,1\n' >"$TMP/bd-att.csv"
printf 'day,municipality,role\nd1,A,leader\nd1,B,trainer\nd1,C,trainer\nd2,A,leader\nd2,B,trainer\nd2,C,trainer\n' >"$TMP/bd-tr.csv"
run --attendance "$TMP/bd-att.csv" --trainers "$TMP/bd-tr.csv" --by-day
expect_rc "by day" 0
expect_out "by day" "day,municipality,trainers,kickback,exact
d1,A,1,172,171.4285…
d1,B,1,114,114.2857…
d1,C,1,114,114.2857…
d2,A,1,171,171.4285…
d2,B,1,115,114.2857…
d2,C,1,114,114.2857…
Totalt,,,800,"
# the header from the names table, in Swedish with --lang sv (yr_out_text)
run --attendance "$TMP/bd-att.csv" --trainers "$TMP/bd-tr.csv" --by-day --lang sv
check "by day --lang sv: header" [ "$(head -n 1 <<<"$out")" = "dag,kommun,utbildare,återbetalning,exakt" ]
# The rows add up to the year's kickback per municipality (the settlement without --by-day).
run --attendance "$EX/pot-2024-attendance.csv" --trainers "$EX/pot-2024-trainers.csv"
year=$(awk -F, 'NR > 1 && $1 !~ /^(Totalt|undistributed)/ && $6 != 0 { print $1 "," $6 }' <<<"$out" | sort)
run --attendance "$EX/pot-2024-attendance.csv" --trainers "$EX/pot-2024-trainers.csv" --by-day
expect_rc "by day, example year" 0
days=$(awk -F, 'NR > 1 && $1 != "Totalt" { s[$2] += $4 } END { for (m in s) print m "," s[m] }' <<<"$out" | sort)
if [ "$days" == "$year" ]; then ok; else bad "by day: rows do not add up to the kickbacks: $days vs $year"; fi
# ... and each day's rows to its pot (400 x that day's participants, from the attendance file)
pots=$(awk -F, 'NR > 1 { p[$1] += 400 * $3 } END { for (d in p) print d "," p[d] }' "$EX/pot-2024-attendance.csv" | sort)
perday=$(awk -F, 'NR > 1 && $1 != "Totalt" { s[$1] += $4 } END { for (d in s) print d "," s[d] }' <<<"$out" | sort)
undist=$(awk -F, '$1 ~ /^undistributed: / { sub(/^undistributed: /, "", $1); print $1 }' <<<"$(run --attendance "$EX/pot-2024-attendance.csv" --trainers "$EX/pot-2024-trainers.csv"; printf '%s' "$out")")
pots_with_trainers=$(grep -v "^$undist," <<<"$pots")
if [ "$perday" == "$pots_with_trainers" ]; then ok; else bad "by day: days do not add up to their pots"; fi
expect_out_has "by day: Totalt is the kickback of the year" "Totalt,,,111600,"

# ---- attendance lists as exported (issue 22.4): one row per participant and day -----------------
# 2024-02-06: Anna and Dan (Falun) and Cia (Mora) present, Bo (Falun) absent ('Nej'); 2024-02-07:
# Anna. Falun 3 participant-days, Mora 1. The 06th's pot 3 x 400 = 1200 to its one leader
# (Falun), the 07th's 400 to its one trainer (Mora).
printf 'Datum,Kommun,Namn på deltagare,Närvaro\n2024-02-06,Falun,Anna A,Ja\n2024-02-06,Falun,Bo B,Nej\n2024-02-06,Mora,Cia C,ja\n2024-02-07,Falun,Anna A,Ja\n2024-02-06,Falun,Dan D,1\n' >"$TMP/list.csv"
printf 'datum,kommun,roll\n2024-02-06,Falun,kursledare\n2024-02-07,Mora,utbildare\n' >"$TMP/list-tr.csv"
list_want='municipality,participant_days,fees,admin,pot_in,kickback,net
Falun,3,1800,600,1200,1200,600
Mora,1,600,200,400,400,200
Totalt,4,2400,800,1600,1600,800
undistributed,,,,,0,'
run --attendance "$TMP/list.csv" --trainers "$TMP/list-tr.csv"
expect_rc "list" 0
expect_out "list" "$list_want"
# without an attendance column every row is a participant: Falun 4 (Bo too)
cut -d, -f1-3 "$TMP/list.csv" >"$TMP/list-all.csv"
run --attendance "$TMP/list-all.csv" --trainers "$TMP/list-tr.csv"
expect_out_has "list without Närvaro" "Falun,4,2400,800,1600,1600,800"
# `stats count --by Datum,Kommun --long` of the list (without Närvaro: 5 participant-days) read back: the same
# settlement as the list itself (its Summa row is checked against the rows)
cut -d, -f1-3 "$TMP/list.csv" | head -n 6 >"$TMP/list-all5.csv"
run --attendance "$TMP/list-all5.csv" --trainers "$TMP/list-tr.csv"
from_list=$out
run_bin stats count --by Datum,Kommun --long "$TMP/list-all5.csv"
printf '%s\n' "$out" >"$TMP/counted.csv"
run --attendance "$TMP/counted.csv" --trainers "$TMP/list-tr.csv"
expect_rc "stats count read back" 0
expect_out "stats count read back" "$from_list"
sed 's/^Summa,,\([0-9]*\)$/Summa,,999/' "$TMP/counted.csv" >"$TMP/counted-bad.csv"
run --attendance "$TMP/counted-bad.csv" --trainers "$TMP/list-tr.csv"
expect_input_error "stats count read back: a wrong Summa" "counted-bad.csv:5: the total row at line 5, without a label, says 999 in column 'count', but the rows of the table (lines 2-4) add up to 5"
# A name that is no municipality among municipalities (adversarial pass 2: 'Borlange' was paid
# 1 600 kr beside Borlänge's 0): refused in the list and in the trainers, with the nearest name;
# --other-parties lets a region pay, but never a near miss of a municipality's name.
printf 'Datum,Kommun,Namn på deltagare\n2024-02-06,Falun,Anna A\n2024-02-06,Ludvica,Bo B\n2024-02-06,Mora,Cia C\n' >"$TMP/list-typo.csv"
run --attendance "$TMP/list-typo.csv" --trainers "$TMP/list-tr.csv"
expect_input_error "list: a misspelt municipality" "list-typo.csv:3: 'Ludvica' is not a Swedish municipality, while 2 other rows are; did you mean Ludvika?"
printf 'Datum,Kommun,Namn på deltagare\n2024-02-06,Falun,Anna A\n2024-02-06,Region Dalarna,Bo B\n2024-02-06,Mora,Cia C\n' >"$TMP/list-region.csv"
run --attendance "$TMP/list-region.csv" --trainers "$TMP/list-tr.csv"
expect_input_error "list: a region without --other-parties" "list-region.csv:3: 'Region Dalarna' is not a Swedish municipality, while 2 other rows are (if the table also has other parties"
run --attendance "$TMP/list-region.csv" --trainers "$TMP/list-tr.csv" --other-parties
expect_rc "list: a region with --other-parties" 0
expect_out_has "list: the region pays its participant-day" "Region Dalarna,1,600,200,400,0,600"
printf 'datum,kommun,roll\n2024-02-06,Falun,kursledare\n2024-02-06,Borlange,utbildare\n2024-02-06,Mora,utbildare\n' >"$TMP/tr-typo.csv"
run --attendance "$TMP/list-region.csv" --trainers "$TMP/tr-typo.csv"
expect_input_error "trainers: a misspelt municipality" "tr-typo.csv:3: 'Borlange' is not a Swedish municipality, while 2 other rows are; did you mean Borlänge?"
run --attendance "$TMP/list-region.csv" --trainers "$TMP/tr-typo.csv" --other-parties
expect_input_error "trainers: a near miss even with --other-parties" "tr-typo.csv:3: 'Borlange' is not a Swedish municipality, while 2 other rows are; did you mean Borlänge? (other parties are allowed, but a name this close"

# one person twice on one day: both lines, never the name
printf '2024-02-06,Falun,Anna A,Ja\n' >>"$TMP/list.csv"
run --attendance "$TMP/list.csv" --trainers "$TMP/list-tr.csv"
expect_input_error "list: one person twice on a day" "list.csv:7: line 7 repeats line 2"
if grep -q "Anna" <<<"$err"; then bad "list: the message names the person"; else ok; fi
# 'Namn' could be the municipality or the person, 'Kommun' only the municipality: a column has
# one role, so Namn is the person (as --attendance-column would say); without Kommun the reader asks
printf 'Datum,Kommun,Namn,Närvaro\n2024-02-06,Falun,Anna A,Ja\n2024-02-06,Mora,Cia C,Nej\n' >"$TMP/list-namn.csv"
run --attendance "$TMP/list-namn.csv" --trainers "$TMP/list-tr.csv"
expect_rc "list: Namn beside Kommun is the person" 0
expect_out_has "list: Namn beside Kommun is the person" "Falun,1,600,200,400,400,200"
printf 'Datum,Namn,Närvaro\n2024-02-06,Anna A,Ja\n' >"$TMP/list-namn-only.csv"
run --attendance "$TMP/list-namn-only.csv" --trainers "$TMP/list-tr.csv"
expect_input_error "list: Namn alone is ambiguous" "list-namn-only.csv:1: column 'Namn' could be the municipality or the person"
run --attendance "$TMP/list-namn.csv" --trainers "$TMP/list-tr.csv" \
    --attendance-column municipality=Kommun --attendance-column person=Namn
expect_rc "list: --attendance-column person=Namn" 0
expect_out_has "list: --attendance-column person=Namn" "Falun,1,600,200,400,400,200"
# adversarial pass 4, A09: 'Frånvaro' marks with X who was away; named for presence it would
# count Cia C (away) and leave out Anna A: refused at the header, by the reader
printf 'Datum,Kommun,Namn,Frånvaro\n2024-02-06,Falun,Anna A,\n2024-02-06,Mora,Cia C,X\n' >"$TMP/list-franvaro.csv"
run --attendance "$TMP/list-franvaro.csv" --trainers "$TMP/list-tr.csv" \
    --attendance-column present=Frånvaro
expect_input_error "list: present=Frånvaro refused" "list-franvaro.csv:1: column 'Frånvaro' is read as presence, but its header says absence"
run --attendance "$TMP/list-franvaro.csv" --trainers "$TMP/list-tr.csv"
expect_input_error "list: Frånvaro unread refused" "list-franvaro.csv:3: column 'Frånvaro' says who was absent ('X' here) but is not read"
# the same list as an .xlsx workbook (dates as date cells, Närvaro as Ja and 1)
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    /usr/bin/python3 - "$TMP/list.xlsx" <<'PY'
import datetime, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["Datum", "Kommun", "Namn på deltagare", "Närvaro"])
d6, d7 = datetime.date(2024, 2, 6), datetime.date(2024, 2, 7)
for r in [(d6, "Falun", "Anna A", "Ja"), (d6, "Falun", "Bo B", "Nej"), (d6, "Mora", "Cia C", "Ja"),
          (d7, "Falun", "Anna A", "Ja"), (d6, "Falun", "Dan D", 1)]:
    ws.append(list(r))
wb.save(sys.argv[1])
PY
    run --attendance "$TMP/list.xlsx" --trainers "$TMP/list-tr.csv"
    expect_rc "list xlsx" 0
    expect_out "list xlsx" "$list_want"
    # counted attendance in a workbook (a day, a municipality, a count a row): read as counts,
    # as the same table in CSV is, not taken for a list that lacks a person column (adversarial
    # pass 5, P12). By hand: 2024-02-06 Falun 3 + Mora 2 = 5 participants, pot 5 * 400 = 2000;
    # the one trainer is from Falun: Falun fees 3 * 600 = 1800, kickback 2000.
    /usr/bin/python3 - "$TMP/counted.xlsx" <<'PY'
import datetime, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["Datum", "Kommun", "Deltagare"])
d6 = datetime.date(2024, 2, 6)
for r in [(d6, "Falun", 3), (d6, "Mora", 2)]:
    ws.append(list(r))
wb.save(sys.argv[1])
PY
    printf 'date,municipality,role\n2024-02-06,Falun,trainer\n' >"$TMP/counted-tr.csv"
    run --attendance "$TMP/counted.xlsx" --trainers "$TMP/counted-tr.csv"
    expect_rc "counted xlsx" 0
    expect_out_has "counted xlsx" "Falun,3,1800,600,1200,2000,-200"
fi

# ---- one municipality, however it is written (identity.h: code, else the name key) ----------
# d1: Falun 3 + Malung-Sälen 2 participants, pot 5 * 400 = 2000; the trainers write 'Falu kommun'
# (leader, 1.5) and 'Malung–Sälen' with an en dash (trainer, 1): Falun 2000 * 1.5/2.5 = 1200,
# Malung-Sälen 800. d2: Falun 1 participant, pot 400, to 'Falun' + a zero-width space: 400.
# Falun: 4 days, fees 2400, admin 800, pot_in 1600, kickback 1200 + 400 = 1600, net 800.
ident='municipality,participant_days,fees,admin,pot_in,kickback,net
Falun,4,2400,800,1600,1600,800
Malung-Sälen,2,1200,400,800,800,400
Totalt,6,3600,1200,2400,2400,1200
undistributed,,,,,0,'
run --attendance "$FIX/identity-attendance.csv" --trainers "$FIX/identity-trainers.csv"
expect_rc "identity" 0
expect_out "identity: Falu kommun, Malung–Sälen and Falun+ZWSP are the attendance's rows" "$ident"
# the same through statement: items 1000 split 3:1 (750, 250), net = total + fees - kickback
printf 'kommun,befolkning\nFalun,3\nMalung-Sälen,1\n' >"$TMP/id-pop.csv"
printf 'post,belopp\nA,1000\n' >"$TMP/id-items.csv"
run_bin statement --items "$TMP/id-items.csv" "$TMP/id-pop.csv" \
    --attendance "$FIX/identity-attendance.csv" --trainers "$FIX/identity-trainers.csv"
expect_rc "identity statement" 0
expect_out "identity statement" 'kommun,A,total,fees,kickback,net
Falun,750,750,2400,1600,1550
Malung-Sälen,250,250,1200,800,650
Summa,1000,1000,3600,2400,2200'
# two names of one municipality in the population: which line gets the pot? refused
printf 'kommun,befolkning\nFalun,3\nFalu kommun,1\n' >"$TMP/id-pop2.csv"
run_bin statement --items "$TMP/id-items.csv" "$TMP/id-pop2.csv" \
    --attendance "$FIX/identity-attendance.csv" --trainers "$FIX/identity-trainers.csv"
expect_input_error "identity statement: one municipality twice" \
    "id-pop2.csv:3: 'Falu kommun' is the same municipality as 'Falun' at line 2"
# a code and a name that disagree are refused, not a new municipality
printf 'day,municipality,role\nd1,2080 Mora,leader\n' >"$TMP/id-bad.csv"
run --attendance "$FIX/identity-attendance.csv" --trainers "$TMP/id-bad.csv"
expect_input_error "identity: code and name disagree" "id-bad.csv:2: column 'municipality': code 2080 is Falun, not 'Mora'"
# an attendance list (read by the reader: cli_read_key) meets 'Falu kommun' too: 2 participants,
# pot 800, all to Falun's leader
printf 'Datum,Kommun,Namn på deltagare\n2024-02-06,Falun,Anna A\n2024-02-06,Falun,Bo B\n' \
    >"$TMP/id-list.csv"
printf 'Datum,Kommun,Roll\n2024-02-06,Falu kommun,kursledare\n' >"$TMP/id-list-tr.csv"
run --attendance "$TMP/id-list.csv" --trainers "$TMP/id-list-tr.csv"
expect_rc "identity list" 0
expect_out "identity list" 'municipality,participant_days,fees,admin,pot_in,kickback,net
Falun,2,1200,400,800,800,400
Totalt,2,1200,400,800,800,400
undistributed,,,,,0,'
# The tester's year (tests/cli/pot/adversarial: the independent tester's p02, p10, z07 files;
# answers computed independently with exact fractions): Falun 55 days, kickback 45200, net -12200; Malung-Sälen
# 8 days, kickback 9657, net -4857; 15 rows, Totalt 289 days, kickback 111600.
ADV="$FIX/adversarial"
for pair in "p02-narvaro-cp1252.csv p02-utbildare-falu-kommun.csv" \
    "p10-attendance.csv p10-trainers-endash.csv" "p10-attendance.csv z07-trainers-zwsp.csv"; do
    set -- $pair
    run --attendance "$ADV/$1" --trainers "$ADV/$2"
    expect_rc "tester $2" 0
    out="${out//;/,}" # the output follows the attendance's delimiter
    expect_out_has "tester $2: Falun" "Falun,55,33000,11000,22000,45200,-12200"
    expect_out_has "tester $2: Malung-Sälen" "Malung-Sälen,8,4800,1600,3200,9657,-4857"
    expect_out_has "tester $2: Totalt" "Totalt,289,173400,57800,115600,111600,61800"
    if [ "$(grep -c , <<<"$out")" -eq 19 ]; then ok; else bad "tester $2: not 15 rows:"$'\n'"$out"; fi
done

# Days as the reader reads a day (yr_read_day; adversarial pass 2, files t03, t04, t11, t02):
# 2024-2-6, Excel's serial 45328 and 2024-02-06 are one day, so the pot is shared exactly as
# when both files write 2024-02-06 (by hand: day 2024-02-06, 5 participants, pot 2000, Falun the
# leader 15 and Mora 10 tenths: 1200 and 800); a total row with no day is checked; a date in
# words, or dates and labels mixed, is refused at its line.
printf 'day,municipality,participants\n2024-02-06,Falun,3\n2024-02-06,Mora,2\n' >"$TMP/iso-a.csv"
printf 'day,municipality,role\n2024-02-06,Falun,kursledare\n2024-02-06,Mora,utbildare\n' \
    >"$TMP/iso-t.csv"
run --attendance "$TMP/iso-a.csv" --trainers "$TMP/iso-t.csv"
iso=$out
expect_out_has "days: ISO" "Falun,3,1800,600,1200,1200,600"
printf 'day,municipality,participants\n45328,Falun,3\n2024-02-06,Mora,2\n,Totalt,5\n' \
    >"$TMP/serial-a.csv"
printf 'day,municipality,role\n2024-2-6,Falun,kursledare\n2024-2-6,Mora,utbildare\n' \
    >"$TMP/short-t.csv"
run --attendance "$TMP/serial-a.csv" --trainers "$TMP/short-t.csv"
expect_rc "days: 45328, 2024-2-6 and a total row without a day" 0
check "days: the same settlement as ISO days" [ "$out" = "$iso" ]
printf 'day,municipality,participants\n2024-02-06,Falun,3\n2024-02-06,Mora,2\n,Totalt,6\n' \
    >"$TMP/badtotal-a.csv"
run --attendance "$TMP/badtotal-a.csv" --trainers "$TMP/iso-t.csv"
expect_input_error "days: a wrong total row without a day" "badtotal-a.csv:4: the total row 'Totalt' says 6"
printf 'day,municipality,role\n6 feb 2024,Falun,kursledare\n' >"$TMP/words-t.csv"
run --attendance "$TMP/iso-a.csv" --trainers "$TMP/words-t.csv"
expect_input_error "days: a month in words" "words-t.csv:2: the day '6 feb 2024' is not a date"
printf 'day,municipality,role\nd1,Falun,kursledare\n' >"$TMP/label-t.csv"
run --attendance "$TMP/iso-a.csv" --trainers "$TMP/label-t.csv"
expect_input_error "days: labels among dates" "label-t.csv:2: the day 'd1' is no date"

# a platform list split by period over two sheets: refused naming both (never half the days), and
# read sheet by sheet with --attendance-sheet (adversarial pass 3, i00). The workbook: Anna Berg
# (Falun) and Bo Ek (Mora) present on 2024-02-06 and 2024-03-12 ('Vår 1'), 2024-04-09 and
# 2024-05-14 ('Vår 2'); a trainer from Falun on 2024-04-09 only.
LIST="$SOURCE_DIR/tests/reading/xlsx-list-two-sheets.xlsx"
printf 'day,municipality,role\n2024-04-09,Falun,trainer\n' >"$TMP/sheet-t.csv"
run --attendance "$LIST" --trainers "$TMP/sheet-t.csv"
expect_input_error "two sheets with a table" "the sheets 'Vår 1' and 'Vår 2' both have a table"
run --attendance "$LIST" --attendance-sheet 'Vår 2' --trainers "$TMP/sheet-t.csv"
expect_rc "--attendance-sheet" 0
# Vår 2: 2 participants a day on 2 days, 4 participant-days, 2400 kr of fees
expect_out_has "--attendance-sheet: the days of Vår 2 only" "Totalt,4,2400"
run --attendance "$LIST" --attendance-sheet 2 --trainers "$TMP/sheet-t.csv"
expect_out_has "--attendance-sheet by number" "Totalt,4,2400"

# adversarial7 H3: a Mac workbook (date1904) whose days are serials in General format (a date
# column after "Clear formats"): read in the workbook's epoch, as its date cells are. The corpus
# workbook (tests/reading/xlsx-date1904-serial-days.expect works the days by hand): 2024-02-06
# Falun 10 + Mora 5, 2024-02-07 Falun 7 (a date cell), 2024-03-12 Mora 4. A trainer a day: Mora
# on 02-06 (pot 15 * 400 = 6000), Falun on 02-07 (2800) and 03-12 (1600). Falun 17
# participant-days, fees 10200, admin 3400, pot_in 6800, kickback 4400, net 5800; Mora 9, 5400,
# 1800, 3600, 6000, -600. In the 1900 system the serial days would be 2020-02-05 and 2020-03-11,
# days without trainers.
printf 'Datum;Kommun;Roll\n2024-02-06;Mora;Utbildare\n2024-02-07;Falun;Utbildare\n2024-03-12;Falun;Utbildare\n' >"$TMP/d1904-tr.csv"
run --attendance "$SOURCE_DIR/tests/reading/xlsx-date1904-serial-days.xlsx" --trainers "$TMP/d1904-tr.csv"
expect_rc "date1904 serial days" 0
expect_out_has "date1904 serial days: Falun" "Falun,17,10200,3400,6800,4400,5800"
expect_out_has "date1904 serial days: Mora" "Mora,9,5400,1800,3600,6000,-600"

# adversarial6 G10: SCB's tables end with the county, not Totalt: the published table with its
# Totalt line renamed 'Dalarnas län' is checked the same (the county row is the table's total:
# its one aggregate), by pot --check and stats check; by hand as above.
sed 's/^Totalt,/Dalarnas l\xc3\xa4n,/' "$SOURCE_DIR/data/dalarna/trainer-pot-2024-published.csv" >"$TMP/pot-lan.csv"
run --check "$TMP/pot-lan.csv"
expect_rc "check: a county row as the total" 0
expect_out_has "check: a county row as the total" "amount,116200,115600,600,MISMATCH"
run_bin stats check "$TMP/pot-lan.csv"
expect_out_has "stats check: a county row as the total" "amount,116200,115600,600,MISMATCH"
# adversarial6 G6: a per-person list with one person from 'Dalarnas län' (an organisation): a
# record, never dropped. Without --other-parties refused; with it a party billed for its day:
# 4 participant-days, pot_in 4 x 400 = 1600, all to Falun's one trainer (by hand).
printf 'Datum;E-post;Kommun\n2024-02-06;a@falun.se;Falun\n2024-02-06;b@falun.se;Falun\n2024-02-06;c@lansstyrelsen.se;Dalarnas l\303\244n\n2024-02-06;d@mora.se;Mora\n' >"$TMP/lista-lan.csv"
printf 'Datum;Kommun;Roll\n2024-02-06;Falun;Kursledare\n' >"$TMP/utb-lan.csv"
run --attendance "$TMP/lista-lan.csv" --trainers "$TMP/utb-lan.csv"
expect_input_error "pot: a county in a list of persons" "lista-lan.csv:4: 'Dalarnas l$(printf '\303\244')n' is not a Swedish municipality"
run --other-parties --attendance "$TMP/lista-lan.csv" --trainers "$TMP/utb-lan.csv"
expect_out_has "pot: a county party in a list of persons" "Falun;2;1200;400;800;1600;-400"
expect_out_has "pot: the county party billed" "Dalarnas l$(printf '\303\244')n;1;600;200;400;0;600"
# adversarial pass 6, G11: the same named trainer twice on one day (a pasted duplicate line) got
# two shares. A trainers file with a person column (by its header, or --trainers-column
# person=) is keyed by day and person as an attendance list is: refused naming both lines, never
# the person. Without a person column two equal lines are two trainers (by hand: 2024-02-06,
# Falun 10 + Mora 5 participant-days, pot 6000; Falun and Falun's two trainers against Mora's one
# share 2:1 = 4000 / 2000).
printf 'Datum;Kommun;Antal deltagare\n2024-02-06;Falun;10\n2024-02-06;Mora;5\n' >"$TMP/tt-att.csv"
printf 'Datum;Person;Kommun;Roll\n2024-02-06;Anna Berg;Falun;Utbildare\n2024-02-06;Per Ek;Mora;Utbildare\n2024-02-06;Anna Berg;Falun;Utbildare\n' >"$TMP/tt-person.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-person.csv"
expect_input_error "trainers: one person twice on a day" "tt-person.csv:4: line 4 repeats line 2 (the same person on the same day); remove one of them"
if grep -q "Anna" <<<"$err"; then bad "trainers: the message names the person"; else ok; fi
sed 's/^Datum;Person;/Datum;E-post;/' "$TMP/tt-person.csv" >"$TMP/tt-epost.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-epost.csv" --trainers-column person=E-post
expect_input_error "trainers: --trainers-column person= is read" "tt-epost.csv:4: line 4 repeats line 2 (the same person on the same day)"
sed 's/^Datum;Person;/Datum;Utbildare;/' "$TMP/tt-person.csv" >"$TMP/tt-utbildare.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-utbildare.csv" --trainers-column person=Utbildare
expect_input_error "trainers: person=Utbildare" "tt-utbildare.csv:4: line 4 repeats line 2"
# adversarial pass 6, TT4: names under 'Utbildare' (a word for a trainer) beside 'Roll': the
# trainer-word rule (yr_read_pot_layout) makes it the person column, so Anna Berg twice on
# 2024-02-06 is refused as under 'Person' (it paid her twice: Falun 4000, Mora 2000).
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-utbildare.csv"
expect_input_error "trainers: Utbildare of names is the person" "tt-utbildare.csv:4: line 4 repeats line 2 (the same person on the same day); remove one of them"
if grep -q "Anna" <<<"$err"; then bad "trainers: Utbildare: the message names the person"; else ok; fi
# the other spellings an RSS writes: 'Utbildarens namn', 'Namn på utbildare', 'Kursledare' of
# names beside 'Roll'
for h in 'Utbildarens namn' 'Namn på utbildare' 'Kursledare' 'Föreläsare'; do
    sed "s/^Datum;Person;/Datum;$h;/" "$TMP/tt-person.csv" >"$TMP/tt-word.csv"
    run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-word.csv"
    expect_input_error "trainers: '$h' of names is the person" "tt-word.csv:4: line 4 repeats line 2 (the same person on the same day)"
done
# without the repeated line the same file settles: Anna Berg (Falun) and Per Ek (Mora) share
# 2024-02-06's pot 15 x 400 = 6000 equally (by hand): Falun 3000, Mora 3000
head -3 "$TMP/tt-utbildare.csv" >"$TMP/tt-utbildare-ok.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-utbildare-ok.csv"
expect_out_has "trainers: Utbildare of names, two persons" "Falun;10;6000;2000;4000;3000;3000"
expect_out_has "trainers: Utbildare of names, two persons" "Mora;5;3000;1000;2000;3000;0"
# 'Utbildare' holding the role words (no 'Roll' column) is the role column: Falun's leader 15
# and Mora's trainer 10 share 6000: 3600 and 2400 (by hand)
printf 'Datum;Kommun;Utbildare\n2024-02-06;Falun;Kursledare\n2024-02-06;Mora;utbildare\n' >"$TMP/tt-roles.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-roles.csv"
expect_out_has "trainers: Utbildare of role words is the role" "Falun;10;6000;2000;4000;3600;2400"
# doubt: role words and names in one 'Utbildare' column, or numbers: refused naming the column
printf 'Datum;Utbildare;Kommun;Roll\n2024-02-06;Anna Berg;Falun;Utbildare\n2024-02-06;Kursledare;Mora;Kursledare\n' >"$TMP/tt-mixed.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-mixed.csv"
expect_input_error "trainers: Utbildare mixed refused" "tt-mixed.csv:3: column 'Utbildare' is headed by a word for a trainer but holds both roles (kursledare, utbildare) and names: say what it is with --trainers-column person=Utbildare"
if grep -q "Anna" <<<"$err"; then bad "trainers: mixed: the message names the person"; else ok; fi
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-mixed.csv" --trainers-column person=Utbildare
expect_rc "trainers: mixed, --trainers-column person=Utbildare" 0
printf 'Datum;Kommun;Roll;Utbildare\n2024-02-06;Falun;Utbildare;2\n2024-02-06;Mora;Utbildare;1\n' >"$TMP/tt-count.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-count.csv"
expect_input_error "trainers: Utbildare of numbers refused" "tt-count.csv:2: column 'Utbildare' is headed by a word for a trainer but holds numbers"
# in an attendance list 'Utbildare' keeps its meaning (no role): the participants' list reads
printf 'Datum;Kommun;E-post;Utbildare\n2024-02-06;Falun;a@x.se;Anna Berg\n2024-02-06;Mora;b@x.se;Anna Berg\n' >"$TMP/list-utb.csv"
run --attendance "$TMP/list-utb.csv" --trainers "$TMP/tt-utbildare-ok.csv"
expect_rc "attendance list with an Utbildare column" 0
# the same person on two days, and two persons on one day: no repeat (by hand: 2024-02-07 has
# no participants, so its trainer is warned about; 2024-02-06 Anna and Per share 3000 / 3000)
printf 'Datum;Person;Kommun;Roll\n2024-02-06;Anna Berg;Falun;Utbildare\n2024-02-06;Per Ek;Mora;Utbildare\n2024-02-07;Anna Berg;Falun;Utbildare\n' >"$TMP/tt-two-days.csv"
run --attendance "$TMP/tt-att.csv" --trainers "$TMP/tt-two-days.csv"
expect_out_has "trainers: one person on two days" "Falun;10;6000;2000;4000;3000;3000"

finish test_cli_pot
