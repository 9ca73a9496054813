#!/usr/bin/env bash
# Due dates through the program (issue 25): `yrkesresa statement --invoice-date DATE --days N
# --calendar-days` adds invoice_date and due_date columns (yr_due_date); without --calendar-days the
# due date moves to the next Swedish bank day (yr_due_date_bank, issue 22.5: cases at the end). The boundaries: --days 0 (the invoice
# date itself), negative days, month and year ends, the leap days of 1900, 2000, 2024 and 2100,
# the last representable date 9999-12-31 and one day beyond, days that do not fit in 64 bits, and
# dates that are not exactly YYYY-MM-DD. Expected dates are worked by hand (calendar facts).
# Needs BUILD_DIR and SOURCE_DIR (meson sets both).
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
FIX="$SOURCE_DIR/tests/cli/cycle"

# due NAME DATE DAYS WANT: every municipality's line (and no Summa line) has DATE and WANT.
due() {
    run_bin statement --items "$FIX/items-small.csv" --invoice-date "$2" --days "$3" --calendar-days "$FIX/pop-small.csv"
    expect_rc "$1" 0
    expect_out "$1" "municipality,A,B,total,invoice_date,due_date
Ett,10,20,30,$2,$4
Två,20,40,60,$2,$4
Tre,40,80,120,$2,$4
Summa,70,140,210,,"
}
due "day 0 is the invoice date" 2025-01-31 0 2025-01-31
due "30 dagar netto over February" 2025-01-31 30 2025-03-02
due "the same in a leap year" 2024-01-31 30 2024-03-01
due "month end" 2025-04-30 1 2025-05-01
due "February of a common year" 2025-02-28 1 2025-03-01
due "leap day 2024" 2024-02-28 1 2024-02-29
due "after the leap day" 2024-02-29 1 2024-03-01
due "2000 is a leap year (by 400)" 2000-02-28 1 2000-02-29
due "1900 is not (by 100)" 1900-02-28 1 1900-03-01
due "2100 is not (by 100)" 2100-02-28 1 2100-03-01
due "year end" 2024-12-31 1 2025-01-01
due "a leap year has 366 days" 2024-01-01 366 2025-01-01
due "the first representable date" 0001-01-01 0 0001-01-01
due "the last representable date, day 0" 9999-12-31 0 9999-12-31
due "30 days to the last representable date" 9999-12-01 30 9999-12-31
# 0001-01-01 to 9999-12-31: 9999 * 365 + 2424 leap days - 1 = 3652058 days
due "the whole range" 0001-01-01 3652058 9999-12-31
# without --days: 30
run_bin statement --items "$FIX/items-small.csv" --invoice-date 2025-01-31 --calendar-days "$FIX/pop-small.csv"
expect_out_has "--days defaults to 30" "Ett,10,20,30,2025-01-31,2025-03-02"

# refused: exit 2, nothing on stdout, the message names the option
refused() { # NAME DATE DAYS MESSAGE
    run_bin statement --items "$FIX/items-small.csv" --invoice-date "$2" --days "$3" --calendar-days "$FIX/pop-small.csv"
    expect_input_error "$1" "$4"
}
refused "one day past 9999-12-31" 9999-12-31 1 "--invoice-date and --days: 9999-12-31 plus 1 days is past 9999-12-31"
refused "31 days from 9999-12-01" 9999-12-01 31 "--invoice-date and --days: 9999-12-01 plus 31 days is past 9999-12-31"
refused "past the range" 0001-01-01 3652059 "--invoice-date and --days: 0001-01-01 plus 3652059 days is past 9999-12-31"
refused "negative days" 2025-01-01 -1 "--invoice-date and --days: days is negative (-1)"
refused "the most negative days" 2025-01-01 -9223372036854775808 "--invoice-date and --days: days is negative (-9223372036854775808)"
refused "the most days" 2025-01-01 9223372036854775807 "--invoice-date and --days: 2025-01-01 plus 9223372036854775807 days is past 9999-12-31"
refused "days beyond 64 bits" 2025-01-01 9223372036854775808 "--days '9223372036854775808' does not fit in 64 bits"
refused "days not a number" 2025-01-01 30x "--days"
refused "day 0" 2025-01-00 0 "--invoice-date and --days: 2025-01-00 is not a date of the years 1 to 9999"
refused "day 32" 2025-01-32 0 "--invoice-date and --days: 2025-01-32 is not a date of the years 1 to 9999"
refused "April 31" 2025-04-31 0 "--invoice-date and --days: 2025-04-31 is not a date of the years 1 to 9999"
refused "no leap day 1900" 1900-02-29 0 "--invoice-date and --days: 1900-02-29 is not a date of the years 1 to 9999"
refused "no leap day 2100" 2100-02-29 0 "--invoice-date and --days: 2100-02-29 is not a date of the years 1 to 9999"
refused "no leap day 2025" 2025-02-29 0 "--invoice-date and --days: 2025-02-29 is not a date of the years 1 to 9999"
refused "month 0" 2025-00-10 0 "--invoice-date and --days: 2025-00-10 is not a date of the years 1 to 9999"
refused "month 13" 2025-13-01 0 "--invoice-date and --days: 2025-13-01 is not a date of the years 1 to 9999"
refused "year 0" 0000-12-31 0 "--invoice-date and --days: 0000-12-31 is not a date of the years 1 to 9999"
# not exactly YYYY-MM-DD: refused, never read as another date
for d in 10000-01-01 2025-1-01 2025-01-1 " 2025-01-01" "2025-01-01 " " 2025-1-01" 2025-+1-01 "2025- 1-01" \
    "2025-01- 1" 2025-01-+1 "+2025-1-01" 2025/01/01 20250101 2025-01-01x "" 2025-01; do
    refused "not a date: '$d'" "$d" 30 "--invoice-date '$d' is not a date YYYY-MM-DD"
done
run_bin statement --items "$FIX/items-small.csv" --days 30 "$FIX/pop-small.csv"
expect_input_error "--days without --invoice-date" "--days and --calendar-days need --invoice-date"
run_bin statement --items "$FIX/items-small.csv" --calendar-days "$FIX/pop-small.csv"
expect_input_error "--calendar-days without --invoice-date" "--days and --calendar-days need --invoice-date"

# ---- the default: the next Swedish bank day (yr_due_date_bank) --------------------------------
# Worked from the calendar (weekdays from 1 Jan 2025, a Wednesday; Easter Sunday 2025 is 20 April,
# 2004 11 April), not from the program.
bank() { # NAME DATE DAYS WANT
    run_bin statement --items "$FIX/items-small.csv" --invoice-date "$2" --days "$3" "$FIX/pop-small.csv"
    expect_rc "$1" 0
    expect_out_has "$1" "Ett,10,20,30,$2,$4"
}
bank "30 dagar netto: Sunday 2025-01-12 -> Monday" 2024-12-13 30 2025-01-13
bank "Sunday 2025-03-02 -> Monday" 2025-01-31 30 2025-03-03
bank "a bank day stays" 2025-01-31 31 2025-03-03
bank "midsommarafton, midsommardagen, Sunday" 2025-06-19 1 2025-06-23
bank "julafton, juldagen, annandag jul" 2024-12-23 1 2024-12-27
bank "nyårsafton, nyårsdagen" 2025-12-30 1 2026-01-02
bank "långfredagen to annandag påsk" 2025-04-17 1 2025-04-22
bank "Kristi himmelsfärdsdag (Easter + 39)" 2025-05-28 1 2025-05-30
bank "nationaldagen (Friday), the weekend" 2025-06-05 1 2025-06-09
bank "annandag pingst before 2005 (2004-05-31)" 2004-05-30 1 2004-06-01
bank "annandag pingst is no holiday since 2005 (2025-06-09)" 2025-06-08 1 2025-06-09
run_bin statement --items "$FIX/items-small.csv" --invoice-date 2024-12-13 --calendar-days "$FIX/pop-small.csv"
expect_out_has "--calendar-days keeps Sunday" "Ett,10,20,30,2024-12-13,2025-01-12"
run_bin statement --items "$FIX/items-small.csv" --invoice-date 1900-01-01 --days 30 "$FIX/pop-small.csv"
expect_input_error "bank days before 1953" "--invoice-date and --days: 1900-01-31 is before 1953"
run_bin statement --items "$FIX/items-small.csv" --invoice-date 9999-12-30 --days 1 "$FIX/pop-small.csv"
expect_input_error "no bank day after nyårsafton 9999" "9999-12-31 is not a bank day, and the next one is past 9999-12-31"

finish test_due_date_cli
