#!/usr/bin/python3
"""An independent reference for the conformance cases: exact rationals (fractions.Fraction), the
divisor methods one unit at a time, the Wilson interval from statistics.NormalDist. It shares no
code with libyrkesresa. `reference.py --check DIR` recomputes every case it can and reports any
expectation that differs; it is how the expected values of the split, fraction, percent, pot,
goal and total-row cases were cross-checked (the small cases are also worked by hand in their
comments). Standard library only.
"""
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
    checked = failed = ncases = 0
    try:
        names = sorted(os.listdir(d))
    except OSError as e:
        print(f"reference: cannot read {d}: {e.strerror}")
        return 1
    for name in names:
        if not name.endswith(".case"):
            continue
        ncases += 1
        bad = check(os.path.join(d, name))
        if bad is None:
            continue
        checked += 1
        if bad:
            failed += 1
            print(f"{name}: " + "; ".join(bad))
    print(f"reference: {checked} cases recomputed, {failed} differ")
    if checked == 0:  # an empty run is a failure, not a pass
        print(f"reference: nothing recomputed ({ncases} cases in {d})")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
