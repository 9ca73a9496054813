#!/usr/bin/env bash
# `yrkesresa pot` and `statement` with a course column (adversarial pass 7, H1): a pot is a
# course day's, the day and the course (yr_course_days_*), so two courses held on one date each
# have their own pot shared by their own trainers; a course column that cannot split the pots is
# refused at the file and line, never dropped. Expected amounts worked out by hand below.
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
run() { run_bin pot "$@"; }
A="$TMP/att.csv"
T="$TMP/tr.csv"

# ---- two courses on 2024-03-12 (Dalarna rules: fee 600, pot 400, leader 1.5, trainer 1) ------
# Kurs 1: Falun 10 + Mora 5 = 15 participants, pot 6000, one leader from Falun: Falun 6000.
# Kurs 2: Borlänge 8 + Avesta 4 = 12, pot 4800, leader Borlänge (15) and trainer Avesta (10):
# Borlänge 4800*15/25 = 2880, Avesta 4800*10/25 = 1920. Pooled (the old answer) the 10 800 went
# 1.5:1.5:1 = 4050, 4050, 2700.
printf 'Datum,Kurs,Kommun,Antal deltagare\n2024-03-12,Kurs 1,Falun,10\n2024-03-12,Kurs 1,Mora,5
2024-03-12,Kurs 2,Borlänge,8\n2024-03-12,Kurs 2,Avesta,4\n' >"$A"
printf 'Datum,Kurs,Kommun,Roll\n2024-03-12,Kurs 1,Falun,Kursledare
2024-03-12,Kurs 2,Borlänge,Kursledare\n2024-03-12,Kurs 2,Avesta,Utbildare\n' >"$T"
two='municipality,participant_days,fees,admin,pot_in,kickback,net
Falun,10,6000,2000,4000,6000,0
Mora,5,3000,1000,2000,0,3000
Borlänge,8,4800,1600,3200,2880,1920
Avesta,4,2400,800,1600,1920,480
Totalt,27,16200,5400,10800,10800,5400
undistributed,,,,,0,'
run --attendance "$A" --trainers "$T"
expect_rc "two courses" 0
expect_out "two courses: each its own pot" "$two"
# --by-day: the course day shows its day and its course
run --attendance "$A" --trainers "$T" --by-day
expect_out_has "by day: Kurs 1" "2024-03-12 Kurs 1,Falun,1,6000,6000.0000"
expect_out_has "by day: Kurs 2 leader" "2024-03-12 Kurs 2,Borlänge,1,2880,2880.0000"
expect_out_has "by day: Kurs 2 trainer" "2024-03-12 Kurs 2,Avesta,1,1920,1920.0000"

# The courses compared as labels: 'KURS 1 ' in the trainers is Kurs 1.
sed 's/Kurs 1,Falun/KURS 1 ,Falun/' "$T" >"$TMP/tr-case.csv"
run --attendance "$A" --trainers "$TMP/tr-case.csv"
expect_out "course case and blanks" "$two"

# statement: items A 1000 split 1:1:1:1 (250 each); net = total + fees - kickback:
# Falun 250 + 6000 - 6000 = 250, Mora 250 + 3000 = 3250, Borlänge 250 + 4800 - 2880 = 2170,
# Avesta 250 + 2400 - 1920 = 730; Summa 1000, 16200, 10800, 6400.
printf 'kommun,befolkning\nFalun,1\nMora,1\nBorlänge,1\nAvesta,1\n' >"$TMP/pop.csv"
printf 'post,belopp\nA,1000\n' >"$TMP/items.csv"
run_bin statement --items "$TMP/items.csv" "$TMP/pop.csv" --attendance "$A" --trainers "$T"
expect_rc "statement" 0
expect_out "statement: the kickbacks of the course days" 'kommun,A,total,fees,kickback,net
Falun,250,250,6000,6000,250
Mora,250,250,3000,0,3250
Borlänge,250,250,4800,2880,2170
Avesta,250,250,2400,1920,730
Summa,1000,1000,16200,10800,6400'

# ---- one municipality in both courses (P04c) ----------------------------------------------------
# Kurs 1: Falun 10 + Mora 5, pot 6000, leader Mora: 6000. Kurs 2: Falun 3 + Avesta 4, pot 2800,
# leader Avesta: 2800. Falun: 13 participant-days, fees 7800, kickback 0.
printf 'Datum,Kurs,Kommun,Antal deltagare\n2024-03-12,Kurs 1,Falun,10\n2024-03-12,Kurs 1,Mora,5
2024-03-12,Kurs 2,Falun,3\n2024-03-12,Kurs 2,Avesta,4\n' >"$TMP/att-c.csv"
printf 'Datum,Kurs,Kommun,Roll\n2024-03-12,Kurs 1,Mora,Kursledare
2024-03-12,Kurs 2,Avesta,Kursledare\n' >"$TMP/tr-c.csv"
run --attendance "$TMP/att-c.csv" --trainers "$TMP/tr-c.csv"
expect_out "one municipality in two courses" 'municipality,participant_days,fees,admin,pot_in,kickback,net
Falun,13,7800,2600,5200,0,7800
Mora,5,3000,1000,2000,6000,-3000
Avesta,4,2400,800,1600,2800,-400
Totalt,22,13200,4400,8800,8800,4400
undistributed,,,,,0,'

# ---- a list of persons with a course column (P04e) ----------------------------------------------
# Kurs 1: A, B (Falun), C, G (Mora): pot 4 x 400 = 1600 to the leader from Falun. Kurs 2: D
# (Borlänge), F (Avesta): 800 to the leader from Borlänge. Person A also in Kurs 2's... no: one
# person twice on one day is allowed only in two courses (the reader's key: day, course, person).
printf 'Datum,Kurs,Namn,Kommun,Närvaro\n2024-03-12,Kurs 1,A A,Falun,Ja\n2024-03-12,Kurs 1,B B,Falun,Ja
2024-03-12,Kurs 1,C C,Mora,Ja\n2024-03-12,Kurs 1,G G,Mora,Ja\n2024-03-12,Kurs 2,D D,Borlänge,Ja
2024-03-12,Kurs 2,F F,Avesta,Ja\n' >"$TMP/list.csv"
printf 'Datum,Kurs,Kommun,Roll\n2024-03-12,Kurs 1,Falun,Kursledare
2024-03-12,Kurs 2,Borlänge,Kursledare\n' >"$TMP/tr-list.csv"
run --attendance "$TMP/list.csv" --trainers "$TMP/tr-list.csv"
expect_rc "list" 0
expect_out_has "list: Falun" "Falun,2,1200,400,800,1600,-400"
expect_out_has "list: Borlänge" "Borlänge,1,600,200,400,800,-200"
expect_out_has "list: Mora" "Mora,2,1200,400,800,0,1200"
# the FM and EM sessions of one date, one person in both: two course days (key day, course,
# person); FM: A (Falun) 400 to Falun's leader, EM: A 400 to Mora's leader
printf 'Datum,Pass,Namn,Kommun\n2024-03-12,FM,A A,Falun\n2024-03-12,EM,A A,Falun\n' >"$TMP/list-pass.csv"
printf 'Datum,Pass,Kommun,Roll\n2024-03-12,FM,Falun,Kursledare\n2024-03-12,EM,Mora,Kursledare\n' \
    >"$TMP/tr-pass.csv"
run --attendance "$TMP/list-pass.csv" --trainers "$TMP/tr-pass.csv"
expect_rc "sessions" 0
expect_out_has "sessions: Falun" "Falun,2,1200,400,800,400,800"
expect_out_has "sessions: Mora" "Mora,0,0,0,0,400,-400"

# ---- sessions (P16: Pass FM/EM with their own trainers): as two courses ------------------------
sed 's/Kurs 1/FM/; s/Kurs 2/EM/; s/^Datum,Kurs/Datum,Pass/' "$A" >"$TMP/att-p.csv"
sed 's/Kurs 1/FM/; s/Kurs 2/EM/; s/^Datum,Kurs/Datum,Pass/' "$T" >"$TMP/tr-p.csv"
run --attendance "$TMP/att-p.csv" --trainers "$TMP/tr-p.csv"
expect_out "sessions FM and EM" "$two"

# ---- a course day nobody trained: its own undistributed row --------------------------------------
# 2024-03-13 Kurs 3: Falun 2 participants, pot 800, no trainer that date: undistributed.
cp "$A" "$TMP/att-u.csv"
printf '2024-03-13,Kurs 3,Falun,2\n' >>"$TMP/att-u.csv"
run --attendance "$TMP/att-u.csv" --trainers "$T"
expect_rc "undistributed course day" 0
expect_out_has "undistributed course day" "undistributed: 2024-03-13 Kurs 3,,,,,800,"

# ---- a course column in one file only ----------------------------------------------------------
printf 'Datum,Kommun,Roll\n2024-03-12,Falun,Kursledare\n2024-03-12,Borlänge,Kursledare\n' \
    >"$TMP/tr-none.csv"
run --attendance "$A" --trainers "$TMP/tr-none.csv"
expect_input_error "attendance with courses, trainers without" \
    "att.csv:4: 2024-03-12 has two courses in column 'Kurs' ('Kurs 1' at line 2, 'Kurs 2' here), but $TMP/tr-none.csv has no course column: add one"
printf 'Datum,Kommun,Antal deltagare\n2024-03-12,Falun,10\n' >"$TMP/att-none.csv"
run --attendance "$TMP/att-none.csv" --trainers "$T"
expect_input_error "trainers with courses, attendance without" \
    "tr.csv:3: 2024-03-12 has two courses in column 'Kurs' ('Kurs 1' at line 2, 'Kurs 2' here), but $TMP/att-none.csv has no course column"
# one course a day in the one file: the column names the day's course, nothing to split
# (2024-03-12: Falun 10, pot 4000, leaders Falun and Borlänge 2000 each)
printf 'Datum,Kurs,Kommun,Antal deltagare\n2024-03-12,Kurs 1,Falun,10\n' >"$TMP/att-one.csv"
run --attendance "$TMP/att-one.csv" --trainers "$TMP/tr-none.csv"
expect_rc "one course a day" 0
expect_out_has "one course a day" "Falun,10,6000,2000,4000,2000,4000"
expect_out_has "one course a day" "Borlänge,0,0,0,0,2000,-2000"

# ---- the two files name different courses on a day ------------------------------------------------
sed 's/Kurs 2,Borlänge/Kurs2,Borlänge/; s/Kurs 2,Avesta/Kurs2,Avesta/' "$T" >"$TMP/tr-typo.csv"
run --attendance "$A" --trainers "$TMP/tr-typo.csv"
expect_input_error "a course the trainers write another way" \
    "att.csv:4: course 'Kurs 2' on 2024-03-12 has attendance rows but no trainer in $TMP/tr-typo.csv, which names 'Kurs 1', 'Kurs2' that day"
printf '2024-03-12,Kurs 3,Mora,Utbildare\n' >>"$T"
run --attendance "$A" --trainers "$T"
expect_input_error "trainers of a course nobody attended" \
    "tr.csv:5: course 'Kurs 3' on 2024-03-12 has trainers but no attendance row in $A, which names 'Kurs 1', 'Kurs 2' that day"
# a blank course cell: the reader's error at its line
printf 'Datum,Kurs,Kommun,Antal deltagare\n2024-03-12,Kurs 1,Falun,10\n2024-03-12,,Mora,5\n' \
    >"$TMP/att-blank.csv"
run --attendance "$TMP/att-blank.csv" --trainers "$TMP/tr-c.csv"
expect_input_error "a blank course" "att-blank.csv:3: column 'Kurs'"

finish test_cli_course
