#!/usr/bin/env bash
# The program on the table reader (issue 20): `read`, and `split`, `audit`, `stats count` and
# `stats survey` reading through libyrkesresa-read. Every expected number is worked out by hand
# in the comment above it. Needs BUILD_DIR and SOURCE_DIR (meson sets both).
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
R="$SOURCE_DIR/tests/reading"
amounts() { tail -n +2 "$TMP/out" | awk -F"$1" '{ print $NF }' | tr -d '\r' | tr '\n' ' '; }

# ---- read: what the program will use -------------------------------------------------------
# delsumma.csv: 3 rows, Delsumma (line 5), 12 rows, Delsumma (line 18), Summa (line 19).
run read --want municipality:required,unique --want population:required --codes "$R/delsumma.csv"
expect_rc "read delsumma" 0
check "read: the kinds in order" [ "$(tail -n +2 "$TMP/out" | cut -d';' -f2 | tr '\n' ' ')" = \
    "data data data subtotal data data data data data data data data data data data data subtotal total " ]
expect_out_has "read: line and SCB code of Vansbro" "2;data;2021;Vansbro;6727"
expect_err_has "read: the reading line" "read 15 municipalities from column 'Befolkning', total row at line 19, subtotal rows at lines 5, 18"
expect_err_has "read: the roles" "columns: 'Kommun' municipality, 'Befolkning' population"
run read --want population:bogus "$R/delsumma.csv"
expect_input_error "read: an unknown flag" "unknown flag 'bogus'"
# tkr applied exactly (amount-tkr-header.csv: 850, 120,5 and 64 under 'Belopp (tkr)')
run read --want amount "$R/amount-tkr-header.csv"
expect_out_has "read: units applied (850 tkr is 850000)" "2;data;Lokalhyra;850000"
expect_out_has "read: units applied (120,5 tkr is 120500)" "3;data;Resor;120500"

# ---- split: aggregates are never parties and get their rows' amounts -----------------------
# 1000 by the Dalarna populations (285659): Vansbro 23.55 -> 24, Malung-Sälen 35.33 -> 35,
# Älvdalen 24.40 -> 24; Delsumma = 24 + 35 + 24 = 83; the second Delsumma 1000 - 83 = 917.
run split --total 1000 "$R/delsumma.csv"
expect_rc "split delsumma" 0
check "split: a subtotal gets its rows' amounts (83, 917), the total 1000" \
    [ "$(grep -E '^(Delsumma|Summa)' "$TMP/out" | cut -d';' -f3 | tr '\n' ' ')" = "83 917 1000 " ]
check "split: 17 rows + header echoed" [ "$(wc -l <"$TMP/out")" -eq 19 ]
# A Summa that disagrees (285000 against 285659) is refused naming both numbers; with
# --ignore-total-row it is left out, and the 15 municipalities split the total.
run split --total 1000 "$R/summa-disagrees.csv"
expect_input_error "split: disagreeing Summa" "summa-disagrees.csv:18: the total row 'Summa' says 285000"
expect_err_has "split: disagreeing Summa: the sum" "add up to 285659"
run split --total 1000 --ignore-total-row "$R/summa-disagrees.csv"
expect_rc "split --ignore-total-row" 0
expect_out_lacks "split --ignore-total-row: Summa left out" "Summa"
expect_err_has "split --ignore-total-row: said" "line 18 left out unchecked"
# PxWeb: Riket, Dalarnas län, 15 municipalities, one column per year: the county row gets the
# whole 1000 (its municipalities are all here); Riket cannot be checked (15 of 290): empty.
run split --total 1000 --column population=2023 "$R/pxweb-riket-lan-kommuner.csv"
expect_rc "split PxWeb" 0
expect_out_has "split PxWeb: Riket not a party, not checked" "00 Riket,10551707,"$'\n'
expect_out_has "split PxWeb: the county row" "20 Dalarnas län,285659,1000"
expect_out_has "split PxWeb: Vansbro" "2021 Vansbro,6727,24"
run split --total 1000 "$R/pxweb-riket-lan-kommuner.csv"
expect_input_error "split PxWeb without --column" "no population column"
# xlsx, PxWeb med rubrik, wide: the same split as the CSV export
run split --total 1000 --column population=2023 "$R/pxweb-med-rubrik-wide.csv"
cp "$TMP/out" "$TMP/csv.out"
run split --total 1000 --column population=2023 "$R/xlsx-pxweb-med-rubrik-wide.xlsx"
expect_rc "split xlsx" 0
check "split xlsx = split of the CSV export" cmp -s "$TMP/out" "$TMP/csv.out"
# 22.986 grouped with '.' in every cell of 4+ digits is 22986; --excel writes the value, never
# the decimal 22,986 (two rows: 1000 x 22986/29913 = 768.4 -> 768, 6927/29913 = 231.6 -> 232).
printf 'Kommun;Befolkning\nAvesta;22.986\nOrsa;6.927\n' >"$TMP/dots.csv"
run split --total 1000 --excel "$TMP/dots.csv"
expect_rc "split dots" 0
check "split dots --excel: 22986, not 22,986" grep -q $'^Avesta;22986;768\r$' "$TMP/out"
run split --total 1000 "$TMP/dots.csv"
check "split dots: plain CSV echoes the cell as written" grep -q '^Avesta;22.986;768$' "$TMP/out"
# a code column is never the weights, even named: Kommunkod
printf 'Kommunkod;Kommun\n2080;Falun\n2062;Mora\n' >"$TMP/code.csv"
run split --total 10 --column population=Kommunkod "$TMP/code.csv"
expect_input_error "split: codes never weights" "holds codes, ids or years"
# one identity: 2080 Falun and FALUN are one municipality
printf 'Kommun;Befolkning\n2080 Falun;59556\nMora;20418\nFALUN;59556\n' >"$TMP/twice.csv"
run split --total 10 "$TMP/twice.csv"
expect_input_error "split: one identity" "twice.csv:4: "
expect_err_has "split: one identity: the first line" "line 2"
# a population and a weight column: which? refused; --column chooses
printf 'Kommun;Befolkning;Vikt\nFalun;3;1\nMora;1;1\n' >"$TMP/pw.csv"
run split --total 4 "$TMP/pw.csv"
expect_input_error "split: population and weight" "two columns could be the weights: 'Befolkning' (population) and 'Vikt' (weight)"
run split --total 4 --column weight=Vikt "$TMP/pw.csv"
check "split --column weight=Vikt: 2 2" [ "$(amounts ';')" = "2 2 " ]
run split --total 4 --column population=Befolkning "$TMP/pw.csv"
check "split --column population=Befolkning: 3 1" [ "$(amounts ';')" = "3 1 " ]

# ---- audit: the amounts are checked, their Summa's disagreement is the finding ------------
run audit --csv --column amount=Befolkning "$R/summa-disagrees.csv"
expect_rc "audit: a disagreeing Summa is a finding" 0
check "audit: sum 285659, stated 285000, difference 659" grep -q '^Summa;;285659;285000;;659;' "$TMP/out"
run audit --column amount=Befolkning --strict "$R/summa-disagrees.csv"
expect_rc "audit --strict: the finding" 1
# a Delsumma that disagrees (23000 against 6727 + 10091 + 6971 = 23789) is a finding too
run audit --column amount=Befolkning "$R/delsumma-disagrees.csv"
expect_rc "audit: a disagreeing Delsumma" 0
expect_out_has "audit: the Delsumma named" "subtotal row at line 5: states 23000, its rows add up to 23789"
run audit --column amount=Befolkning --strict "$R/delsumma-disagrees.csv"
expect_rc "audit --strict: a disagreeing Delsumma" 1
run audit --column amount=Befolkning --strict "$R/delsumma.csv"
expect_rc "audit --strict: Delsummas that agree" 0
run audit --weight-column Befolkning --amount-column Befolkning "$R/summa-disagrees.csv"
expect_input_error "audit: one column for two roles" "a column plays one role"

# ---- audit in the table's unit (adversarial pass 4, U03, U06, U10) ---------------------------
# 772 tkr split by 59000, 52000, 20000, 26000 (sum 157000): quotas 772 x 59000 / 157000 =
# 290.115, 255.694, 98.344, 127.847; floors 770, the 2 tkr left to .847 (Ludvika) and .694
# (Borlänge): 290 256 98 128, as published. In kronor every row was 'more than one unit' off.
for f in adv4-audit-tkr-header adv4-audit-cells-tkr adv4-audit-mkr-header; do
    run audit --strict "$R/$f.csv"
    expect_rc "audit $f: in whole tkr, no finding" 0
    expect_out_has "audit $f: the unit" "amounts in tkr: checked to whole tkr (the table's unit)"
    expect_out_has "audit $f: the stated total in tkr" "stated total    772"
    expect_out_has "audit $f: every row" "Every row equals the largest-remainder split of 772."
done
expect_out_has "audit in Mkr to three decimals: tkr" "amounts from column 'Kostnad (Mkr)'"
run audit --csv "$R/adv4-audit-tkr-header.csv"
check "audit --csv in tkr: Falun 290, quota 290.115" grep -q '^Falun;59000;290;290,115;290;0;' "$TMP/out"
# --total in kronor: 772000 is 772 tkr; 772500 is not whole tkr, so the audit is in kronor
run audit --total 772000 --strict "$R/adv4-audit-cells-tkr.csv"
expect_rc "audit --total 772000 of a tkr table" 0
expect_out_has "audit --total in kronor" "stated total    772 (--total)"
run audit --total 772500 "$R/adv4-audit-cells-tkr.csv"
expect_out_has "audit --total not whole tkr" "amounts in tkr, but the stated total 772500 kr is not whole tkr: checked in kronor"
expect_out_has "audit --total not whole tkr: difference" "difference      -500"
# two rows 2 tkr off (Falun 292, Mora 96; the Summa still 772): more than one tkr from their
# quotas 290.115 and 98.344, the finding in tkr
sed -e 's/^Falun;59000;290$/Falun;59000;292/' -e 's/^Mora;20000;98$/Mora;20000;96/' \
    "$R/adv4-audit-tkr-header.csv" >"$TMP/tkr-off.csv"
run audit --strict "$TMP/tkr-off.csv"
expect_rc "audit in tkr: two rows off" 1
expect_out_has "audit in tkr: Falun" "Falun: published 292, exact quota 290.115"
expect_out_has "audit in tkr: Mora" "Mora: published 96, exact quota 98.344"

# ---- stats count: one identity, memory by pairs, a wide table refused -----------------------
printf 'person,kommun,kurs\n1,Falun,K1\n2,FALUN,K1\n3,2080 Falun,K2\n4,Mora,K2\n' >"$TMP/rec.csv"
run stats count --by kommun "$TMP/rec.csv"
expect_rc "count by identity" 0
expect_out_has "count: Falun, FALUN, 2080 Falun are one" "Falun,3"
expect_out_has "count: Mora" "Mora,1"
# 10 000 records, 10 000 labels in each column, 10 000 pairs: a cross table would have 10^8
# cells (refused, with a pointer to --long); --long lists the 10 000 pairs (their counts 1).
awk 'BEGIN { print "a,b"; for (i = 0; i < 10000; i++) printf "A%d,B%d\n", i, (i * 7919) % 10000 }' >"$TMP/pairs.csv"
run stats count --by a,b "$TMP/pairs.csv"
expect_input_error "count: a wide cross table refused" "more than 10^6 cells; list the combinations that occur with --long"
run stats count --by a,b --long "$TMP/pairs.csv"
expect_rc "count --long: 10 000 pairs" 0
check "count --long: 10 000 rows of count 1, then Summa 10000" \
    [ "$(tail -n +2 "$TMP/out" | awk -F, '$1 != "Summa" && $3 == 1 { n++ } $1 == "Summa" { s = $3 } END { print n, s }')" = "10000 10000" ]
# A per-person attendance list with 'Närvaro Ja/Nej' (lead, session 7): counting by Kommun and
# Kurs would count Bo and Da, who were absent (Falun 2, Mora 2 instead of 1 and 1); the --by
# columns are what the count reads, so the unread presence column is refused at Bo's line 3;
# counted by Närvaro itself it is a label like any other (Kurs A: Ja 1, Nej 2; B: Ja 1).
printf 'Person;Kommun;Kurs;N\303\244rvaro\nAnna;Falun;A;Ja\nBo;Falun;A;Nej\nCe;Mora;B;Ja\nDa;Mora;A;Nej\n' >"$TMP/narv.csv"
run stats count --by Kommun,Kurs "$TMP/narv.csv"
expect_input_error "count: an unread Närvaro column" \
    "narv.csv:3: column 'Närvaro' says whether a row takes part ('Nej' here)"
run stats count --by Kommun "$TMP/narv.csv"
expect_input_error "count by the municipality alone: Närvaro refused too" "narv.csv:3: column 'Närvaro'"
run stats count --by Kurs,Närvaro "$TMP/narv.csv"
expect_rc "count by Närvaro" 0
expect_out_has "count by Närvaro: A" "A;1;2;3"
# F21: count columns 'Kurs 1', 'Kurs 2' are a wide table's columns, not two course columns:
# checked (Kurs 2's Totalt 256 against its rows' 255), not refused.
run stats check "$R/wide-kurs-numbered.csv"
expect_rc "stats check: Kurs 1, Kurs 2" 0
expect_out_has "stats check: Kurs 2 off by one" "Kurs 2;255;256;-1;MISMATCH"
# ---- columns nobody reads (adversarial pass 5): every command's reading refuses them ----------
# A participation column in a split's population file: Rättvik's Nej (line 4) would pay.
run split --total 850000 "$R/unread-deltar-ja-nej.csv"
expect_input_error "split: an unread 'Deltar' column" \
    "unread-deltar-ja-nej.csv:4: column 'Deltar' says whether a row takes part ('Nej' here)"
run statement --items "$R/unread-items-fordelningsgrund.csv" "$R/unread-deltar-all-ja.csv"
expect_input_error "statement: an items column that changes the split" \
    "unread-items-fordelningsgrund.csv:2: column 'Fördelningsgrund' ('Invånarantal' here) is not read"
# Allowed beside the items: Konto, Kommentar and Lika del (30 % of Samordnare's 850000 equally:
# 85000 each; 595000 by 6807/33518 = 120835.52; Vansbro 205835.52 has the largest remainder of
# 205835.52, 365547.17, 278617.31, so it gets the one krona left: 205836).
run split --items "$R/unread-items-inert.csv" "$R/unread-deltar-all-ja.csv"
expect_rc "split --items: inert columns and Lika del" 0
expect_out_has "split --items: Vansbro's Samordnare" "Vansbro;6807;Ja;205836;"
printf 'Datum;Kommun;Deltagare\n2024-03-12;Falun;3\n2024-04-16;Mora;2\n' >"$TMP/att.csv"
run pot --attendance "$TMP/att.csv" --trainers "$R/unread-trainers-narvaro.csv"
expect_input_error "pot: a trainers' Närvaro column" \
    "unread-trainers-narvaro.csv:3: column 'Närvaro' says whether a row takes part ('Nej' here)"
printf 'Datum;Kommun;Roll\n2024-03-12;Falun;Kursledare\n' >"$TMP/tr.csv"
run pot --attendance "$R/unread-roll-kinds.csv" --trainers "$TMP/tr.csv"
expect_input_error "pot: course leaders in the attendance list" \
    "unread-roll-kinds.csv:4: column 'Roll' sorts the rows into kinds ('Deltagare' at line 2, 'Kursledare' here)"
run stats survey --target 80% "$R/unread-share-target.csv"
expect_input_error "survey: a percent column with --target" \
    "unread-share-target.csv:2: column 'Gräns (%)' is a share or percent ('60' here) that is not read"

finish test_cli_read
