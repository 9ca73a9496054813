#!/usr/bin/python3
"""An independent reference for the conformance cases: exact rationals (fractions.Fraction), the
divisor methods one unit at a time, the Wilson interval from statistics.NormalDist. It shares no
code with libyrkesresa. `reference.py --check DIR` recomputes every case it can and reports any
expectation that differs; it is how the expected values of the split, fraction, percent, pot,
goal and total-row cases were cross-checked (the small cases are also worked by hand in their
comments); the split_table_mixed and audit_table cases by a brute force over every table (a case
must be the only table with the rule's rows), the rate_item and text cases by exact rationals.
The bank_day and due_date_bank cases are worked by hand (and the rules are compared day by day
with Debian's python3-holidays by tests/test_bankdays.py). Standard library only.
"""
import itertools
import math
import os
import sys
from fractions import Fraction as F
from statistics import NormalDist


class Fail(Exception):
    """A case's expected error: the status name."""


def parse_case(path):
    case = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, _, value = line.partition(":")
            case[key.strip()] = value.strip()
    return case


def ints(s):
    return [int(x) for x in s.split()] if s else []


def decimal(s):
    """Decimal text as an exact fraction ('0.04', '1,4', '30%')."""
    s = s.strip().replace(",", ".")
    try:
        if s.endswith("%"):
            return F(s[:-1].strip()) / 100
        return F(s)
    except ValueError:
        raise Fail("YR_ERR_RANGE") from None


# ---- split -------------------------------------------------------------------------------

def first_divisor(method, fd):
    if fd is not None:
        if method not in ("sainte_lague", "sainte_lague_modified") or not 0 <= fd <= 3:
            raise Fail("YR_ERR_RANGE")
        return fd
    return {"sainte_lague": F(1), "sainte_lague_modified": F(6, 5)}.get(method)


def divisor_sq(method, s, fd):
    """The square of the divisor for a party that has s units (exact)."""
    if method == "dhondt":
        return F(s + 1) ** 2
    if method in ("sainte_lague", "sainte_lague_modified"):
        return (fd if s == 0 else F(2 * s + 1)) ** 2
    if method == "huntington_hill":
        return F(s * (s + 1))
    if method == "adams":
        return F(s) ** 2
    if method == "dean":
        return (F(2 * s * (s + 1), 2 * s + 1)) ** 2
    raise Fail("YR_ERR_RANGE")


def priority(w, d2):
    """w / sqrt(d2) as a comparable key: (infinite?, w^2 / d2)."""
    if w == 0:
        return (0, F(-1))
    if d2 == 0:
        return (1, F(0))
    return (0, F(w * w) / d2)


def tie_key(tie, w, i):
    return (w if tie != "smaller" else -w, -i)


def divisor_split(total, w, method, tie, lo, hi, fd):
    if total < 0:
        raise Fail("YR_ERR_NEGATIVE")
    fd = first_divisor(method, fd)
    seats = list(lo)
    left = total - sum(seats)
    if left < 0:
        raise Fail("YR_ERR_RANGE")
    cand = [i for i in range(len(w)) if w[i] > 0]
    if left > 0 and not cand:
        raise Fail("YR_ERR_ZERO_WEIGHT")
    last = None
    for _ in range(left):
        open_ = [i for i in cand if seats[i] < hi[i]]
        if not open_:
            raise Fail("YR_ERR_RANGE")
        best = max(open_, key=lambda i: (priority(w[i], divisor_sq(method, seats[i], fd)),
                                         tie_key(tie, w[i], i)))
        last = (priority(w[best], divisor_sq(method, seats[best], fd)), best)
        seats[best] += 1
    if tie == "report" and last is not None:
        rest = [i for i in cand if seats[i] < hi[i]]
        for i in rest:
            if i != last[1] and priority(w[i], divisor_sq(method, seats[i], fd)) == last[0]:
                raise Fail("YR_ERR_TIE")
    return seats


def largest_remainder(total, w, tie):
    if total < 0:
        return [-x for x in largest_remainder(-total, w, tie)]
    W = sum(w)
    q = [F(total * x, W) for x in w]
    out = [math.floor(x) for x in q]
    k = total - sum(out)
    order = sorted(range(len(w)), key=lambda i: (q[i] - out[i], tie_key(tie, w[i], i)),
                   reverse=True)
    for i in order[:k]:
        out[i] += 1
    if tie == "report" and 0 < k < len(w):
        if q[order[k - 1]] - out[order[k - 1]] + 1 == q[order[k]] - out[order[k]]:
            raise Fail("YR_ERR_TIE")
    return out


def round_each(total, w):
    W = sum(w)
    out = []
    for x in w:
        q = F(total * x, W)
        r = math.floor(abs(q) + F(1, 2))
        out.append(r if q >= 0 else -r)
    return out


def split(case):
    w = ints(case.get("weights", ""))
    total = int(case["total"])
    method = case.get("method", "largest_remainder")
    tie = case.get("tie", "larger")
    if not w:
        raise Fail("YR_ERR_EMPTY")
    if any(x < 0 for x in w):
        raise Fail("YR_ERR_NEGATIVE")
    if "threshold" in case:
        t = decimal(case["threshold"])
        if not 0 <= t <= 1:
            raise Fail("YR_ERR_RANGE")
        W = sum(w)
        w = [x if x >= t * W else 0 for x in w]
    n = len(w)
    lo = ints(case["minimum"]) if "minimum" in case else [0] * n
    hi = ints(case["maximum"]) if "maximum" in case else [math.inf] * n
    fd = decimal(case["first_divisor"]) if "first_divisor" in case else None
    if method in ("largest_remainder", "round_each"):
        if "minimum" in case or "maximum" in case or fd is not None:
            raise Fail("YR_ERR_RANGE")
        if sum(w) == 0:
            if total != 0:
                raise Fail("YR_ERR_ZERO_WEIGHT")
            return [0] * n
        if method == "round_each":
            return round_each(total, w)
        return largest_remainder(total, w, tie)
    if total < 0:
        raise Fail("YR_ERR_NEGATIVE")
    if sum(w) == 0 and total != 0 and "minimum" not in case:
        raise Fail("YR_ERR_ZERO_WEIGHT")
    return divisor_split(total, w, method, tie, lo, hi, fd)


def split_mixed(case):
    w = ints(case["weights"])
    total = int(case["total"])
    e = decimal(case["equal_part"])
    if not 0 <= e <= 1:
        raise Fail("YR_ERR_RANGE")
    if any(x < 0 for x in w):
        raise Fail("YR_ERR_NEGATIVE")
    sign = -1 if total < 0 else 1
    t = abs(total)
    n, W = len(w), sum(w)
    rest = t - t * e
    if W == 0 and rest != 0:
        raise Fail("YR_ERR_ZERO_WEIGHT")
    q = [t * e / n + (rest * x / W if W else 0) for x in w]
    out = [math.floor(x) for x in q]
    k = t - sum(out)
    order = sorted(range(n), key=lambda i: (q[i] - out[i], w[i], -i), reverse=True)
    for i in order[:k]:
        out[i] += 1
    return [sign * x for x in out]


def split_nested(case):
    w = ints(case["weights"])
    g = ints(case["groups"])
    ng = int(case["ngroups"])
    total = int(case["total"])
    if any(x >= ng for x in g):
        raise Fail("YR_ERR_RANGE")
    gw = [sum(x for x, k in zip(w, g) if k == j) for j in range(ng)]
    gout = largest_remainder(total, gw, "larger")
    out = [0] * len(w)
    for j in range(ng):
        members = [i for i in range(len(w)) if g[i] == j]
        if members and gw[j] > 0:
            part = largest_remainder(gout[j], [w[i] for i in members], "larger")
            for i, x in zip(members, part):
                out[i] = x
    return out, gout


# ---- the other operations ----------------------------------------------------------------

def count_from_percent(case):
    p = decimal(case["percent"])
    n = int(case["n"])
    if not 0 <= p <= 100 or n < 1:
        raise Fail("YR_ERR_RANGE")
    count = math.floor(p * n / 100 + F(1, 2))
    text = case["percent"].replace(",", ".")
    d = len(text.split(".")[1]) if "." in text else 0
    shown = math.floor(F(100 * count, n) * 10**d + F(1, 2))
    return count, int(shown == p * 10**d)


def goal_check(case):
    yes, n = int(case["yes"]), int(case["n"])
    target, conf = float(case["target"]), float(case["confidence"])
    if n == 0:
        raise Fail("YR_ERR_EMPTY")
    if yes < 0 or n < 0:
        raise Fail("YR_ERR_NEGATIVE")
    if yes > n or not 0 < conf < 1 or not 0 <= target <= 1:
        raise Fail("YR_ERR_RANGE")
    z = NormalDist().inv_cdf(0.5 + conf / 2)
    p = yes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    lo, hi = centre - half, centre + half
    if lo >= target:
        return "met"
    if hi < target:
        return "not met"
    return "inconclusive"


def find_total_row(case):
    w = ints(case["weights"])
    if len(w) >= 3:
        for i, x in enumerate(w):
            if x != 0 and x == sum(w) - x:
                return str(i)
    return "none"


# ---- third round: tables with models, rate items, texts ----------------------------------

def fractions_list(text):
    """Decimal texts separated by blanks; '-' is None."""
    return [None if t == "-" else decimal(t) for t in text.split()]


def mixed_quotas(totals, eq, w):
    n, W = len(w), sum(w)
    for t, e in zip(totals, eq):
        if not 0 <= e <= 1:
            raise Fail("YR_ERR_RANGE")
        if t < 0:
            raise Fail("YR_ERR_NEGATIVE")
        if W == 0 and t != 0 and e != 1:
            raise Fail("YR_ERR_ZERO_WEIGHT")
    if any(x < 0 for x in w):
        raise Fail("YR_ERR_NEGATIVE")
    return [[t * e / n + ((t - t * e) * F(x, W) if W else 0) for t, e in zip(totals, eq)]
            for x in w]


def table_rule(totals, eq, w):
    """The table of the rule by brute force over every table (cells floor or ceiling, columns
    exact): the tables whose rows are the largest-remainder rows on the row quotas (ties: larger
    weight, then earlier party). Returns the table when exactly one table has them; a case must
    be such a table (the cells are otherwise not fixed by the rule)."""
    q = mixed_quotas(totals, eq, w)
    n, m = len(w), len(totals)
    rows_q = [sum(r) for r in q]
    lr = [math.floor(x) for x in rows_q]
    k = sum(totals) - sum(lr)
    for i in sorted(range(n), key=lambda i: (rows_q[i] - lr[i], w[i], -i), reverse=True)[:k]:
        lr[i] += 1
    cols = []
    for j in range(m):
        fl = [math.floor(q[i][j]) for i in range(n)]
        opn = [i for i in range(n) if q[i][j] != fl[i]]
        cols.append([[fl[i] + (i in c) for i in range(n)]
                     for c in itertools.combinations(opn, totals[j] - sum(fl))])
    found = [[[c[j][i] for j in range(m)] for i in range(n)] for c in itertools.product(*cols)
             if all(sum(c[j][i] for j in range(m)) == lr[i] for i in range(n))]
    if len(found) != 1:
        return None, q, lr
    return found[0], q, lr


def split_table_mixed(case):
    totals, w = ints(case["totals"]), ints(case["weights"])
    eq = fractions_list(case["equal_parts"])
    table, _, _ = table_rule(totals, eq, w)
    if table is None:
        return "not the only table with the largest-remainder rows"
    return " | ".join(" ".join(map(str, r)) for r in table)


def round_half_away(q):
    r = math.floor(abs(q) + F(1, 2))
    return r if q >= 0 else -r


def rate_item(case):
    w, rate = ints(case["weights"]), decimal(case["rate"])
    if any(x < 0 for x in w):
        raise Fail("YR_ERR_NEGATIVE")
    out = [round_half_away(rate * x) for x in w]
    return " ".join(map(str, out)), str(sum(out))


def audit_table(case):
    totals, w = ints(case["totals"]), ints(case["weights"])
    m, n = len(totals), len(w)
    eq = fractions_list(case.get("equal_parts", " ".join(["0"] * m)))
    rates = fractions_list(case.get("rates", " ".join(["-"] * m)))
    if any(e is not None and not 0 <= e <= 1 for e in eq):
        raise Fail("YR_ERR_RANGE")
    pub = [ints(r) for r in case["published"].split("|")]
    split_j = [j for j in range(m) if rates[j] is None]
    table, q, lr = table_rule([totals[j] for j in split_j], [eq[j] for j in split_j], w)
    if table is None:
        return None
    want = [[0] * m for _ in range(n)]
    for i in range(n):
        for k, j in enumerate(split_j):
            want[i][j] = table[i][k]
        for j in range(m):
            if rates[j] is not None:
                want[i][j] = round_half_away(rates[j] * w[i])
    cols_off = sum(1 for j in range(m) if sum(pub[i][j] for i in range(n)) != totals[j]
                   or sum(pub[i][j] for i in range(n)) != sum(want[i][j] for i in range(n)))
    cells_off = 0
    for i in range(n):
        for j in range(m):
            if rates[j] is not None:
                cells_off += pub[i][j] != want[i][j]
            else:
                qq = q[i][split_j.index(j)]
                cells_off += pub[i][j] not in (math.floor(qq), math.ceil(qq))
    row_pub = [sum(pub[i][j] for j in split_j) for i in range(n)]
    rows_off = sum(1 for i in range(n) if row_pub[i] != sum(table[i]))
    not_lr = sum(1 for i in range(n) if row_pub[i] != lr[i])
    differing = sum(1 for i in range(n) for j in range(m) if pub[i][j] != want[i][j])
    opt = {k: ints(case[k]) if k in case else None for k in ("stated_total", "fees", "kickback",
                                                             "net")}
    totals_off = nets_off = 0
    for i in range(n):
        s = sum(pub[i])
        if opt["stated_total"]:
            totals_off += opt["stated_total"][i] != s
        if opt["net"]:
            f = opt["fees"][i] if opt["fees"] else 0
            k = opt["kickback"][i] if opt["kickback"] else 0
            nets_off += opt["net"][i] != s + f - k
    counts = [cols_off, cells_off, rows_off, not_lr, differing, totals_off, nets_off]
    if cols_off or cells_off or rows_off or totals_off or nets_off:
        verdict = "breaks the rules of a table split (yr_split_table)"
    elif differing:
        verdict = "keeps the rules of a table split (yr_split_table) but rounds other cells up"
    else:
        verdict = "reproduces the table split (yr_split_table)"
    return " ".join(map(str, counts)), verdict


def percent_text(case):
    num, den, d = int(case["num"]), int(case["den"]), int(case["decimals"])
    v = round_half_away(F(100 * num, den) * 10**d)
    text = f"{abs(v) // 10**d}" + (f".{abs(v) % 10**d:0{d}d}" if d else "")
    return ("-" if v < 0 else "") + text


def quota_text(case):
    x = int(case["whole"]) + F(int(case["rem"]), int(case["den"]))
    d = int(case["decimals"])
    t = math.floor(abs(x) * 10**d)
    text = f"{t // 10**d}" + (f".{t % 10**d:0{d}d}" if d else "")
    return ("-" if x < 0 else "") + text + ("…" if t != abs(x) * 10**d else "")


def check(path):
    case = parse_case(path)
    op = case["op"]
    try:
        if op == "split":
            got = {"expect": " ".join(map(str, split(case)))}
        elif op == "split_nested":
            out, gout = split_nested(case)
            got = {"expect": " ".join(map(str, out)), "expect_groups": " ".join(map(str, gout))}
        elif op == "split_mixed":
            got = {"expect": " ".join(map(str, split_mixed(case)))}
        elif op == "count_from_percent":
            c, e = count_from_percent(case)
            got = {"expect_count": str(c), "expect_exact": str(e)}
        elif op == "goal_check":
            got = {"expect_verdict": goal_check(case)}
        elif op == "find_total_row":
            got = {"expect_index": find_total_row(case)}
        elif op == "split_table_mixed":
            got = {"expect": split_table_mixed(case)}
        elif op == "rate_item":
            out, total = rate_item(case)
            got = {"expect": out, "expect_total": total}
        elif op == "audit_table":
            res = audit_table(case)
            if res is None:
                return ["the expected table is not the only one with its rows"]
            got = {"expect_counts": res[0], "expect_verdict": res[1]}
        elif op == "percent_text":
            got = {"expect_text": percent_text(case)}
        elif op == "quota_text":
            got = {"expect_text": quota_text(case)}
        elif op == "share_text":
            got = {"expect_text": f"{case['part']}/{case['whole']}"}
        else:
            return None
    except Fail as e:
        got = {"expect_error": str(e)}
    bad = [f"{k}: {v!r}, the case says {case.get(k)!r}" for k, v in got.items()
           if case.get(k) != v]
    return bad


def main():
    d = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--check" else os.path.dirname(
        os.path.abspath(__file__))
    checked = failed = 0
    for name in sorted(os.listdir(d)):
        if not name.endswith(".case"):
            continue
        bad = check(os.path.join(d, name))
        if bad is None:
            continue
        checked += 1
        if bad:
            failed += 1
            print(f"{name}: " + "; ".join(bad))
    print(f"reference: {checked} cases recomputed, {failed} differ")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
