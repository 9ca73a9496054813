#!/usr/bin/python3
"""Independent reference for `yrkesresa statement --explain` (issue 22.2/22.3), by Fractions.

usage: reference_statement.py ITEMS.csv POPULATION.csv [EQUAL_PART]

ITEMS.csv: columns post/item, belopp/amount, optional 'lika del' (a fraction: '50 %', '0,3',
'3/10') and 'kr per invånare' (a rate: '2,28'); POPULATION.csv: municipality, population (',').
Prints one line per municipality and a Summa line, as the explain columns are written:
  name,population,share,percent,quota...
with the share as the unreduced fraction, the percentage rounded half away from zero to four
decimals, each quota truncated to four decimals followed by '…' when it has more digits. Then
the lines 'check CELL-RULES' with the table rules the program's cells must keep (used by the
shell test): for each split item the floor and ceiling of each quota, for a rate item the
rounded amount. Written from the agreement's rules, not from the library.
"""
import csv
import sys
from fractions import Fraction
from math import floor


def frac(text):
    t = text.strip().replace(",", ".").replace(" ", "")
    if t.endswith("%"):
        return Fraction(t[:-1]) / 100
    return Fraction(t)


def round_half_away(q):
    f = floor(abs(q) + Fraction(1, 2))
    return f if q >= 0 else -f


def trunc_text(q, decimals=4):
    scaled = q * 10**decimals
    whole = floor(scaled)  # a quota is >= 0 here
    text = f"{whole // 10**decimals}.{whole % 10**decimals:0{decimals}d}"
    return text + ("…" if scaled != whole else "")


def percent_text(num, den):
    p = round_half_away(Fraction(num * 100, den) * 10**4)
    return f"{p // 10**4}.{p % 10**4:04d}"


def main():
    items_path, pop_path = sys.argv[1], sys.argv[2]
    default_equal = frac(sys.argv[3]) if len(sys.argv) > 3 else Fraction(0)
    with open(items_path, encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    with open(pop_path, encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    names = [r[0] for r in rows]
    pops = [int(r[1]) for r in rows]
    n, w_sum = len(pops), sum(pops)
    models = []
    for it in items:
        rate = (it.get("kr per invånare") or "").strip()
        equal = (it.get("lika del") or "").strip()
        if rate:
            models.append(("rate", frac(rate), None))
        else:
            e = frac(equal) if equal else default_equal
            models.append(("split", Fraction(int(it["belopp"])), e))

    def quota(model, w):
        kind, a, e = model
        if kind == "rate":
            return a * w
        return a * e / n + a * (1 - e) * Fraction(w, w_sum)

    for name, w in zip(names, pops):
        cells = [name, str(w), f"{w}/{w_sum}", percent_text(w, w_sum)]
        cells += [trunc_text(quota(m, w)) for m in models]
        print(",".join(cells))
    sums = []
    for m in models:
        if m[0] == "rate":
            sums.append(sum(round_half_away(quota(m, w)) for w in pops))
        else:
            sums.append(int(m[1]))
    print(",".join(["Summa", str(w_sum), f"{w_sum}/{w_sum}", "100.0000"] +
                   [trunc_text(Fraction(s)) for s in sums]))
    for name, w in zip(names, pops):
        rules = []
        for m in models:
            q = quota(m, w)
            if m[0] == "rate":
                rules.append(str(round_half_away(q)))
            else:
                rules.append(f"{floor(q)}-{-floor(-q)}")
        print("check " + ",".join([name] + rules))
    print("check " + ",".join(["Summa"] + [str(s) for s in sums]))


if __name__ == "__main__":
    main()
