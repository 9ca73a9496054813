#!/usr/bin/python3
"""Every day of 2000-2100 that libyrkesresa says is not a Swedish bank day (yr_is_bank_day, via
`test_bankday --dump 2000 2100`) against an independent table: Debian's python3-holidays
(holidays.Sweden, which counts every Sunday), plus every Saturday and, added here explicitly, the
eves Swedish banks close on (midsommarafton: the Friday 19-25 June; julafton; nyårsafton).
2000-2004 follow the rules before the law of 2005 (annandag pingst, no 6 June) in both. Where
python3-holidays names one holiday, the names must agree too (ignoring case).
Usage: test_bankdays.py PATH/TO/test_bankday"""
import datetime
import subprocess
import sys

try:
    import holidays
except ImportError:
    print("test_bankdays: python3-holidays is not installed (apt install python3-holidays; "
          "scripts/bootstrap.sh test installs it)")
    sys.exit(1)

FIRST, LAST = 2000, 2100


def reference():
    se = holidays.Sweden(years=range(FIRST, LAST + 1))
    ref = {d: se[d] for d in se}
    day = datetime.date(FIRST, 1, 1)
    while day.year <= LAST:
        if day.weekday() == 5:
            ref.setdefault(day, "Lördag")
        if (day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4) or \
                (day.month == 12 and day.day in (24, 31)):
            ref.setdefault(day, "bank eve")
        day += datetime.timedelta(days=1)
    return ref


def main():
    out = subprocess.run([sys.argv[1], "--dump", str(FIRST), str(LAST)], capture_output=True,
                         text=True, check=True).stdout
    mine = {}
    for line in out.splitlines():
        d, _, reason = line.partition(" ")
        mine[datetime.date.fromisoformat(d)] = reason
    ref = reference()
    bad = [f"{d}: libyrkesresa says {mine.get(d, 'a bank day')}, python3-holidays "
           f"{ref.get(d, 'a bank day')}" for d in sorted(set(mine) ^ set(ref))]
    named = 0
    for d in sorted(set(mine) & set(ref)):
        names = [n for n in ref[d].split(", ") if n not in ("Söndag", "Lördag", "bank eve")]
        if len(names) == 1:
            named += 1
            if names[0].lower() != mine[d].lower():
                bad.append(f"{d}: libyrkesresa names it {mine[d]}, python3-holidays {names[0]}")
    for b in bad[:20]:
        print(b)
    print(f"test_bankdays: {(LAST - FIRST + 1)} years, {len(mine)} days that are not bank days, "
          f"{named} holiday names compared, {len(bad)} differences")
    return 1 if bad or len(mine) < 100 * 110 else 0


if __name__ == "__main__":
    sys.exit(main())
