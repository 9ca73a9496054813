#!/usr/bin/env bash
# Output that keeps the data (issue 21): CSV for Swedish Excel byte for byte, the BOM rule, the
# formula guard, Swedish names (--lang sv, YRKESRESA_LANG), workbooks read back with openpyxl
# (values AND types, formats, header, sheet, widths, properties), the limits of a workbook, and
# --output that respects its target (FIFO, mode, owner, symbolic and hard links, signals).
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
FIX="$SOURCE_DIR/tests/cli/output"
POT="$SOURCE_DIR/tests/cli/pot"
CYC="$SOURCE_DIR/tests/cli/cycle"
DATA="$SOURCE_DIR/data/dalarna"
PY=/usr/bin/python3
unset YRKESRESA_LANG

# ---- CSV for Swedish Excel, byte for byte ---------------------------------------------------
# BOM, ';', CRLF, decimal comma in echoed numbers (1.5 -> 1,5), ' before text that Excel would
# run (=, @, +, TAB, and a ' already there: ''=x), numbers untouched (-5), codes as written.
run_bin split --total 100 --excel --lang sv --no-total-row --other-parties "$FIX/injection.csv"
expect_rc "--excel --lang sv" 0
check "--excel: byte for byte (guard, decimal comma, Swedish header)" \
    cmp -s "$TMP/out" "$FIX/injection.excel-sv.expected"
# Plain CSV keeps every label byte for byte.
run_bin split --total 100 --no-total-row --other-parties "$FIX/injection.csv"
check "plain CSV: labels byte for byte, no guard, no BOM" \
    cmp -s "$TMP/out" "$FIX/injection.plain.expected"
run_bin pot --attendance "$POT/attendance.csv" --trainers "$POT/trainers.csv" --excel --lang sv
check "pot --excel --lang sv: byte for byte" cmp -s "$TMP/out" "$FIX/pot-small.excel-sv.expected"

# ---- the BOM rule of the default CSV --------------------------------------------------------
bom() { [ "$(head -c 3 "$1" | od -An -tx1 | tr -d ' ')" = efbbbf ]; }
run_bin split --total 850000 "$SOURCE_DIR/tests/cli/excel-semikolon-cp1252.csv"
check "Windows-1252 input: UTF-8 with a BOM" bom "$TMP/out"
check "Windows-1252 input: ';', CRLF and '22 986' kept" grep -q $'^Avesta;22 986;67751\r$' "$TMP/out"
iconv -f UTF-8 -t UTF-16 <"$DATA/population-2021-06.csv" >"$TMP/utf16.csv"
run_bin split --total 850000 "$TMP/utf16.csv"
check "UTF-16 input: a BOM" bom "$TMP/out"
run_bin split --total 850000 "$DATA/population-2021-06.csv"
check "UTF-8 input without a BOM: none" [ "$(head -c 12 "$TMP/out")" = "municipality" ]

# ---- Swedish names ---------------------------------------------------------------------------
run_bin split --total 100 --lang sv --no-total-row --other-parties "$FIX/injection.csv"
check "--lang sv: belopp" grep -q '^kommun,kod,befolkning,andel,anteckning,belopp$' "$TMP/out"
printf 'kommun,befolkning,belopp\nA,1,5\nB,3,7\n' >"$TMP/has-belopp.csv"
run_bin split --total 100 --lang sv "$TMP/has-belopp.csv"
expect_out_has "an input column belopp: belopp_ny" "kommun,befolkning,belopp,belopp_ny"
YRKESRESA_LANG=sv run_bin split --total 100 "$TMP/has-belopp.csv"
expect_out_has "YRKESRESA_LANG=sv" "belopp_ny"
YRKESRESA_LANG=sv run_bin split --total 100 --lang en "$TMP/has-belopp.csv"
expect_out_has "--lang en wins over the environment" "kommun,befolkning,belopp,amount"
run_bin split --total 100 --lang de "$TMP/has-belopp.csv"
expect_input_error "--lang de" "--lang 'de': write sv (Swedish) or en (English)"
YRKESRESA_LANG=svenska run_bin split --total 100 "$TMP/has-belopp.csv"
expect_input_error "YRKESRESA_LANG=svenska" "YRKESRESA_LANG 'svenska'"
run_bin stats survey --lang sv "$DATA/manager-survey-2024.csv"
expect_out_has "survey --lang sv: header" "fråga,antal ja,svarande,andel,nedre,övre,mål,bedömning,anmärkning"
check "survey --lang sv: verdicts in Swedish" grep -qE ',(uppnått|ej uppnått|osäkert),' "$TMP/out"
run_bin statement --items "$CYC/items-small.csv" --lang sv "$CYC/pop-small.csv"
expect_out_has "statement --lang sv" "municipality,A,B,totalt"
expect_out_has "statement --lang sv: Summa" "Summa,70,140,210"

# ---- help and man page: the output columns from the table -----------------------------------
for c in split audit pot statement compare "stats attendance" "stats survey" "stats progress" \
    "stats check" "stats count"; do
    # shellcheck disable=SC2086
    h=$("$BIN" $c --help)
    check "$c --help: every name placeholder expanded" test "${h//@COLUMNS/}" = "$h" -a "${h//@NAME/}" = "$h" -a "${h//@KOLUMNER/}" = "$h" -a "${h//@NAMN/}" = "$h"
done
run_bin pot --help
expect_out_has "pot --help: the columns" "municipality,participant_days,fees,admin,pot_in,kickback,net"
expect_out_has "pot --help: in Swedish" "kommun,deltagardagar,avgifter,administration,pott,återbetalning,netto"
run_bin stats survey --help
expect_out_has "survey --help: Swedish verdicts" "uppnått, ej uppnått or"
if [ -f "$BUILD_DIR/docs/yrkesresa.1" ]; then
    check "man page: the Swedish names" grep -q 'terbetalning' "$BUILD_DIR/docs/yrkesresa.1"
fi

# ---- workbooks, read back with openpyxl ------------------------------------------------------
have_xlsx=0 # built with libxlsxwriter: a workbook can be written
"$BIN" split --total 1 --output "$TMP/probe.xlsx" "$DATA/population-2021-06.csv" 2>/dev/null &&
    have_xlsx=1
if [ $have_xlsx = 1 ] && "$PY" -c 'import openpyxl' 2>/dev/null; then
    export SOURCE_DATE_EPOCH=1718000000 # 2024-06-10 06:13:20 UTC
    run_bin split --total 100 --lang sv --no-total-row --other-parties --output "$TMP/inj.xlsx" "$FIX/injection.csv"
    expect_rc "xlsx: written" 0
    got=$("$PY" - "$TMP/inj.xlsx" <<'EOF'
import datetime, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = [[(c.value, type(c.value).__name__, c.number_format) for c in r] for r in ws.iter_rows()]
want = [
    [("kommun", "str", "General"), ("kod", "str", "General"), ("befolkning", "str", "General"),
     ("andel", "str", "General"), ("anteckning", "str", "General"), ("belopp", "str", "General")],
    [("=1+1", "str", "General"), ("0114", "str", "General"), (10, "int", "#,##0"),
     (1.5, "float", "0.0"), ('=HYPERLINK("http://x","klicka")', "str", "General"),
     (10, "int", '#,##0 "kr"')],
    [("@Orsa Besparingsskog", "str", "General"), ("0180", "str", "General"), (20, "int", "#,##0"),
     (0.25, "float", "0.00"), (-5, "int", "0"), (20, "int", '#,##0 "kr"')],
    [("Mora", "str", "General"), ("007", "str", "General"), (30, "int", "#,##0"),
     (0.12, "float", "0 %"), ("+46 70 123", "str", "General"), (30, "int", '#,##0 "kr"')],
    [("'=x", "str", "General"), ("2080", "str", "General"), (40, "int", "#,##0"),
     (2, "int", "0"), ("\ttab", "str", "General"), (40, "int", '#,##0 "kr"')],
]
for r, (g, w) in enumerate(zip(rows, want)):
    for c, (gc, wc) in enumerate(zip(g, w)):
        if gc != wc:
            print("cell", r, c, "got", gc, "want", wc)
if len(rows) != len(want):
    print("rows", len(rows))
if wb.sheetnames != ["Fördelning"]:
    print("sheets", wb.sheetnames)
if ws.freeze_panes != "A2":
    print("freeze", ws.freeze_panes)
if not all(c.font.b for c in ws[1]) or any(c.font.b for c in ws[2]):
    print("bold header only")
widths = [ws.column_dimensions[k].width for k in "ABCDE"]
if not (widths[4] > widths[0] > 8 and widths[4] >= 32):
    print("widths", widths)
p = wb.properties
if p.subject is None or not p.subject.endswith("injection.csv") or p.title != "yrkesresa split":
    print("properties", p.title, p.subject)
if p.created != datetime.datetime(2024, 6, 10, 6, 13, 20):
    print("created", p.created)
print("ok")
EOF
)
    check "xlsx: text stays text, numbers numbers, formats, header, sheet, widths, properties ($got)" [ "$got" = ok ]

    run_bin split --items "$CYC/items-small.csv" --output "$TMP/items.xlsx" "$CYC/pop-small.csv"
    run_bin statement --items "$CYC/items-small.csv" --invoice-date 2024-12-13 --output "$TMP/st.xlsx" "$CYC/pop-small.csv"
    expect_rc "statement xlsx" 0
    got=$("$PY" - "$TMP/st.xlsx" "$TMP/items.xlsx" <<'EOF'
import datetime, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(ws.title, [c.value for c in ws[1]])
r = [c.value for c in ws[2]]
print(r[:5], type(r[5]).__name__, ws["E2"].number_format, ws["F2"].number_format, ws["B2"].number_format)
last = [c.value for c in ws[ws.max_row]]
print(last, ws.cell(ws.max_row, 1).font.b)
ws = openpyxl.load_workbook(sys.argv[2]).active
print([c.value for c in ws[ws.max_row]], ws.title)
EOF
)
    want="Statement ['municipality', 'A', 'B', 'total', 'invoice_date', 'due_date']
['Ett', 10, 20, 30, datetime.datetime(2024, 12, 13, 0, 0)] datetime yyyy-mm-dd yyyy-mm-dd #,##0 \"kr\"
['Summa', 70, 140, 210, None, None] True
['Summa', 7, 70, 140, 210] Split"
    check "xlsx: dates as dates, money in kr, a bold Summa row ($got)" [ "$got" = "$want" ]

    run_bin stats survey --output "$TMP/survey.xlsx" "$DATA/manager-survey-2024.csv"
    got=$("$PY" - "$TMP/survey.xlsx" <<'EOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
head = [c.value for c in ws[1]]
row = ws[2]
print(ws.title, head[3], type(row[1].value).__name__, type(row[3].value).__name__,
      row[3].number_format, row[6].number_format, 0 < row[4].value <= row[3].value <= row[5].value < 1)
EOF
)
    check "xlsx: shares as fractions with a percent format ($got)" [ "$got" = "Survey share int float 0.00 % 0.00 % True" ]

    # read: its own sheet (not split's "Fördelning"), its own header words, in both languages.
    RD="$SOURCE_DIR/tests/reading/other-parties-allowed.csv"
    run_bin read --codes --other-parties --output "$TMP/read.xlsx" "$RD"
    expect_rc "read xlsx" 0
    run_bin read --codes --other-parties --lang sv --output "$TMP/read-sv.xlsx" "$RD"
    expect_rc "read xlsx --lang sv" 0
    got=$("$PY" - "$TMP/read.xlsx" "$TMP/read-sv.xlsx" <<'EOF'
import sys, openpyxl
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f)
    print(wb.sheetnames, [c.value for c in wb.active[1]], wb.properties.title)
EOF
)
    want="['Read table'] ['line', 'kind', 'code', 'Part', 'Vikt'] yrkesresa read
['Inläst tabell'] ['rad', 'radtyp', 'kod', 'Part', 'Vikt'] yrkesresa read"
    check "xlsx: read's sheet 'Read table' / 'Inläst tabell' ($got)" [ "$got" = "$want" ]

    # Exact or refused: 2^53 is written, 2^53 + 1 is not (a double would make it ...992).
    printf 'kommun,vikt\nA,9007199254740992\nB,1\n' >"$TMP/w53.csv"
    run_bin split --total 100 --output "$TMP/w53.xlsx" "$TMP/w53.csv"
    got=$("$PY" -c 'import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1]).active["B2"].value)' "$TMP/w53.xlsx")
    check "xlsx: 2^53 exactly ($got)" [ "$got" = 9007199254740992 ]
    printf 'kommun,vikt\nA,9007199254740993\nB,1\n' >"$TMP/w54.csv"
    run_bin split --total 100 --output "$TMP/w54.xlsx" "$TMP/w54.csv"
    expect_input_error "xlsx: 2^53 + 1 refused" "w54.xlsx: cell B2: 9007199254740993 has more digits than a workbook holds exactly"
    check "xlsx: refused, no file and no temporary file" [ -z "$(ls "$TMP" | grep w54.xlsx)" ]
    printf 'kommun,vikt,id\nA,1,123456789012345678\nB,2,0.1234567890123456789\n' >"$TMP/ids.csv"
    run_bin split --total 100 --output "$TMP/ids.xlsx" "$TMP/ids.csv"
    got=$("$PY" -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(repr(ws["C2"].value), repr(ws["C3"].value))' "$TMP/ids.xlsx")
    check "xlsx: a long id in a column without a role stays text ($got)" [ "$got" = "'123456789012345678' '0.1234567890123456789'" ]

    # Excel's limits: clear errors, nothing written.
    long=$(head -c 40000 /dev/zero | tr '\0' 'x')
    printf 'kommun,vikt\nA,1\n%s,2\n' "$long" >"$TMP/long.csv"
    run_bin split --total 100 --output "$TMP/long.xlsx" "$TMP/long.csv"
    expect_input_error "xlsx: a cell over 32 767 characters" "cell A3: a text of 40000 characters; an Excel cell holds at most 32 767"
    run_bin split --total 100 --excel "$TMP/long.csv"
    expect_rc "--excel: the same limit" 2
    expect_err_has "--excel: the same limit" "standard output: cell A3: a text of 40000 characters"
    run_bin split --total 100 --output "$TMP/long.csv.out" "$TMP/long.csv"
    expect_rc "plain CSV: no Excel limit" 0
    unset SOURCE_DATE_EPOCH
else
    echo "note: built without libxlsxwriter or no openpyxl: .xlsx checks skipped"
fi
awk 'BEGIN { print "namn,vikt"; for (i = 1; i <= 1048576; i++) printf "K%d,1\n", i }' >"$TMP/rows.csv"
run_bin split --total 1048576 --excel --output "$TMP/rows.out" "$TMP/rows.csv"
expect_input_error "--excel: more rows than a sheet holds" "rows.out: cell A1048577: more than 1 048 576 rows"
check "--excel: refused, no file" [ ! -e "$TMP/rows.out" ]
rm -f "$TMP/rows.csv"

# ---- --output respects its target ------------------------------------------------------------
P="$DATA/population-2021-06.csv"
D="$TMP/targets"
mkdir "$D"
notmp() { [ -z "$(ls -a "$D" | grep 'tmp-')" ]; }
echo old >"$D/secret.csv"
chmod 600 "$D/secret.csv"
run_bin split --total 100 --output "$D/secret.csv" "$P"
check "a 0600 file stays 0600" [ "$(stat -c %a "$D/secret.csv")" = 600 ]
check "a 0600 file: its new contents" grep -q '^Orsa,6939,2$' "$D/secret.csv"
if [ "$(id -u)" = 0 ]; then
    echo old >"$D/theirs.csv"
    chown 4321:4322 "$D/theirs.csv"
    run_bin split --total 100 --output "$D/theirs.csv" "$P"
    check "owner and group kept" [ "$(stat -c %u:%g "$D/theirs.csv")" = 4321:4322 ]
else
    echo old >"$D/ro.csv"
    chmod 444 "$D/ro.csv"
    run_bin split --total 100 --output "$D/ro.csv" "$P"
    expect_input_error "a read-only file is refused" "ro.csv: cannot write: Permission denied"
fi
echo old >"$D/real.csv"
ln -s real.csv "$D/link.csv"
run_bin split --total 100 --output "$D/link.csv" "$P"
check "a symbolic link stays a link" [ -L "$D/link.csv" ]
check "its target is replaced" grep -q '^Orsa,6939,2$' "$D/real.csv"
ln -s new.csv "$D/dangling.csv"
run_bin split --total 100 --output "$D/dangling.csv" "$P"
check "a dangling link: its target is created" [ -L "$D/dangling.csv" -a -s "$D/new.csv" ]
echo old >"$D/h1.csv"
ln "$D/h1.csv" "$D/h2.csv"
run_bin split --total 100 --output "$D/h1.csv" "$P"
expect_input_error "a file with another hard link is refused" "h1.csv: has 1 other hard link"
check "both names keep the old contents" [ "$(cat "$D/h1.csv" "$D/h2.csv")" = $'old\nold' ]
mkdir "$D/dir"
run_bin split --total 100 --output "$D/dir" "$P"
expect_input_error "a directory is refused" "dir: is a directory"
mkfifo "$D/fifo"
cat "$D/fifo" >"$D/from-fifo" &
reader=$!
run_bin split --total 100 --output "$D/fifo" "$P"
[ $rc = 0 ] || : >"$D/fifo" # the reader must not wait for ever
wait $reader
expect_rc "a FIFO is written through" 0
check "a FIFO stays a FIFO" [ -p "$D/fifo" ]
check "what went through the FIFO" grep -q '^Orsa,6939,2$' "$D/from-fifo"
if [ $have_xlsx = 1 ]; then
    mkfifo "$D/fifo.xlsx"
    cat "$D/fifo.xlsx" >"$D/from-fifo.xlsx" &
    reader=$!
    run_bin split --total 100 --output "$D/fifo.xlsx" "$P"
    [ $rc = 0 ] || : >"$D/fifo.xlsx"
    wait $reader
    check "a workbook through a FIFO" [ "$(head -c 2 "$D/from-fifo.xlsx")" = PK ]
fi
run_bin split --total 100 --output /dev/null "$P"
expect_rc "/dev/null is written through" 0
check "/dev/null is still a device" [ -c /dev/null ]
name=$(printf 'l%.0s' $(seq 1 250)).csv
run_bin split --total 100 --output "$D/$name" "$P"
expect_rc "a 254-byte name: the temporary name stays within NAME_MAX" 0
check "a 254-byte name: written" grep -q '^Orsa,6939,2$' "$D/$name"
check "no temporary file left" notmp

# A signal while the file is written (a workbook of 400 000 rows takes seconds): the temporary
# file goes, the old file stays. (A background job of a script ignores SIGINT unless told.)
awk 'BEGIN { print "namn,vikt"; for (i = 1; i <= 400000; i++) printf "K%d,%d\n", i, 1 + i % 97 }' >"$TMP/big.csv"
for sig in TERM INT; do
    [ $have_xlsx = 1 ] || break
    echo old >"$D/big.xlsx"
    ext=xlsx
    env --default-signal=INT "$BIN" split --total 100000000 --output "$D/big.$ext" "$TMP/big.csv" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 2000); do
        ls -a "$D" | grep -q "big.$ext.tmp-" && break
        sleep 0.005
    done
    kill -s "$sig" $pid
    wait $pid
    rc=$?
    check "SIG$sig: the program ends by the signal (status $rc)" [ $rc -gt 128 ]
    check "SIG$sig: no temporary file left" notmp
    check "SIG$sig: the old file is intact" [ "$(cat "$D/big.$ext")" = old ]
done
finish test_cli_output
