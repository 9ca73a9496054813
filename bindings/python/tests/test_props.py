"""Property tests: the C library, through the binding, against small EXACT references written
here in pure Python (fractions.Fraction, no floats for money)."""

import math
from collections import Counter, defaultdict
from fractions import Fraction
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import yrkesresa

SETTINGS = settings(deadline=None, max_examples=200,
                    suppress_health_check=[HealthCheck.too_slow])
INT64_MAX = 2**63 - 1

weights_st = st.lists(st.integers(0, 10**6), min_size=1, max_size=12)
small_weights_st = st.lists(st.integers(0, 30), min_size=1, max_size=8)


# ---- references -------------------------------------------------------------------------------

def ref_largest_remainder(total, w):
    """Hamilton: floors of the exact quotas, +1 to the largest remainders; ties: the larger
    weight, then the earlier party. Odd-symmetric."""
    if total < 0:
        return [-x for x in ref_largest_remainder(-total, w)]
    W = sum(w)
    if W == 0:
        return [0] * len(w)
    quotas = [Fraction(total * x, W) for x in w]
    out = [math.floor(q) for q in quotas]
    order = sorted(range(len(w)), key=lambda i: (-(quotas[i] - out[i]), -w[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def ref_round_each(total, w):
    """Each exact quota rounded half away from zero."""
    W = sum(w)
    out = []
    for x in w:
        q = Fraction(total * x, W)
        r = math.floor(abs(q) + Fraction(1, 2))
        out.append(r if q >= 0 else -r)
    return out


def _priority(method, w, s):
    """w / d(s) as an exactly comparable key; (1, 0) is +infinity (d(0) = 0)."""
    if method == "dhondt":
        return (0, Fraction(w, s + 1))
    if method == "sainte_lague":
        return (0, Fraction(w, 2 * s + 1))
    if method == "sainte_lague_modified":
        return (0, Fraction(5 * w, 6) if s == 0 else Fraction(w, 2 * s + 1))
    if method == "huntington_hill":  # w / sqrt(s(s+1)): compare the squares
        return (1, 0) if s == 0 else (0, Fraction(w * w, s * (s + 1)))
    if method == "adams":
        return (1, 0) if s == 0 else (0, Fraction(w, s))
    raise AssertionError(method)


def ref_divisor(total, w, method):
    """The naive greedy: one unit at a time to the highest priority w/d(s); ties: the larger
    weight, then the earlier party. Parties of weight 0 get nothing."""
    seats = [0] * len(w)
    for _ in range(total):
        best = max((i for i in range(len(w)) if w[i] > 0),
                   key=lambda i: (_priority(method, w[i], seats[i]), w[i], -i))
        seats[best] += 1
    return seats


DIVISOR_METHODS = ["dhondt", "sainte_lague", "sainte_lague_modified", "huntington_hill", "adams"]


def _dean_priority(w, s):
    """Dean: divisor 2s(s+1)/(2s+1) (the harmonic mean of s and s+1); infinite for s = 0."""
    return (1, 0) if s == 0 else (0, Fraction(w * (2 * s + 1), 2 * s * (s + 1)))


def ref_is_divisor_result(total, w, out, method):
    """Whether ``out`` is the divisor method's result, by its definition and in O(n) whatever the
    total: total >= 0, rows >= 0 adding to total, nothing for weight 0, and the weakest unit given
    ranks before the strongest unit not given (priority w/d(s), then the larger weight, then the
    earlier party)."""
    if total < 0 or any(o < 0 for o in out) or sum(out) != total:
        return False
    if any(x == 0 and o != 0 for x, o in zip(w, out)):
        return False
    prio = _dean_priority if method == "dean" else (lambda x, s: _priority(method, x, s))
    given = [(prio(x, o - 1), x, -i) for i, (x, o) in enumerate(zip(w, out)) if x > 0 and o > 0]
    nxt = [(prio(x, o), x, -i) for i, (x, o) in enumerate(zip(w, out)) if x > 0]
    return not given or not nxt or min(given) > max(nxt)


def ref_methods_matching(total, w, published):
    """The methods that reproduce every published row, each by its definition (audit.h):
    the references above for largest remainder and round-each, the cut property for the divisor
    methods (which need total >= 0)."""
    found = set()
    if ref_largest_remainder(total, w) == published:
        found.add("largest_remainder")
    if ref_round_each(total, w) == published:
        found.add("round_each")
    for method in DIVISOR_METHODS + ["dean"]:
        if ref_is_divisor_result(total, w, published, method):
            found.add(method)
    return found


# ---- split ------------------------------------------------------------------------------------

@SETTINGS
@given(total=st.integers(-10**12, 10**12), w=weights_st)
def test_largest_remainder_matches_reference(total, w):
    if sum(w) == 0 and total != 0:
        with pytest.raises(yrkesresa.Error):
            yrkesresa.split(total, w)
        return
    out = yrkesresa.split(total, w)
    assert out == ref_largest_remainder(total, w)
    assert sum(out) == total


@SETTINGS
@given(total=st.integers(-(2**63), INT64_MAX), w=st.lists(st.integers(0, INT64_MAX), min_size=1,
                                                        max_size=6))
def test_largest_remainder_near_the_int64_edges(total, w):
    assume(sum(w) > 0)
    try:
        out = yrkesresa.split(total, np.array(w, dtype=np.int64))
    except OverflowError:
        return  # allowed: an exact intermediate does not fit; never a wrong number
    assert out.tolist() == ref_largest_remainder(total, w)


@SETTINGS
@given(total=st.integers(-10**9, 10**9), w=weights_st)
def test_round_each_matches_reference(total, w):
    assume(sum(w) > 0)
    assert yrkesresa.split(total, w, "round_each") == ref_round_each(total, w)


@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
@settings(deadline=None, max_examples=120)
@given(total=st.integers(0, 150), w=small_weights_st, method=st.sampled_from(DIVISOR_METHODS))
def test_divisor_methods_match_the_naive_greedy(total, w, method):
    if sum(w) == 0:
        assume(total == 0)
    out = yrkesresa.split(total, w, method)
    assert out == ref_divisor(total, w, method)
    assert sum(out) == total


@settings(deadline=None, max_examples=60)
@given(w=st.lists(st.integers(1, 10**6), min_size=1, max_size=6),
       method=st.sampled_from(DIVISOR_METHODS))
def test_divisor_methods_are_fast_and_near_quota_for_huge_totals(w, method):
    # O(n log n) whatever the total: 10^15 units must not take 10^15 steps.
    total = 10**15
    out = yrkesresa.split(total, w, method)
    assert sum(out) == total
    W = sum(w)
    for x, o in zip(w, out):  # a divisor method stays within n units of the exact quota
        assert abs(Fraction(total * x, W) - o) <= len(w)


@SETTINGS
@given(total=st.integers(-10**12, 10**12), w=weights_st,
       num=st.integers(0, 100), den=st.integers(1, 100))
def test_mixed_matches_reference(total, w, num, den):
    assume(num <= den)
    n, W = len(w), sum(w)
    equal = Fraction(total * num, den)
    if W == 0 and total - equal != 0:
        with pytest.raises(yrkesresa.Error):
            yrkesresa.split_mixed(total, w, (num, den))
        return
    sign = -1 if total < 0 else 1
    t = abs(total)
    e = Fraction(t * num, den)
    quotas = [e / n + ((t - e) * x / W if W else 0) for x in w]
    out = [math.floor(q) for q in quotas]
    order = sorted(range(n), key=lambda i: (-(quotas[i] - out[i]), -w[i], i))
    for i in order[: t - sum(out)]:
        out[i] += 1
    assert yrkesresa.split_mixed(total, w, (num, den)) == [sign * x for x in out]


# ---- audit ------------------------------------------------------------------------------------

@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
@SETTINGS
@given(total=st.integers(-10**9, 10**9), w=weights_st,
       method=st.sampled_from([m.name.lower() for m in yrkesresa.Method]),
       noise=st.lists(st.integers(-2, 2), min_size=12, max_size=12))
def test_audit_matches_reference(total, w, method, noise):
    """Every row and the matching methods against the references here, never yrkesresa.split
    (the audit uses it); split only generates the published table (a method's, plus noise)."""
    W = sum(w)
    assume(W > 0)
    if total < 0 and method not in ("largest_remainder", "round_each"):
        total = -total
    made = yrkesresa.split(total, w, method)
    published = [p + d for p, d in zip(made, noise)]
    a = yrkesresa.audit(total, w, published)
    expected = ref_largest_remainder(total, w)
    assert a.published_sum == sum(published) and a.sum_diff == sum(published) - total
    assert a.quota_den == W
    for r, x, p, e in zip(a.rows, w, published, expected):
        q = Fraction(total * x, W)
        assert r.quota == q and r.expected == e and r.diff == p - e
        assert r.within_quota == (p == math.floor(q) or p == math.ceil(q))
    assert a.rows_differing == sum(p != e for p, e in zip(published, expected))
    assert a.rows_outside_quota == sum(not r.within_quota for r in a.rows)
    matching = ref_methods_matching(total, w, published)
    assert set(a.methods_matching) == matching
    if published == list(made):  # no noise: the table is its method's
        assert method in matching


@settings(deadline=None, max_examples=150)
@given(total=st.integers(0, 60), w=small_weights_st,
       method=st.sampled_from(DIVISOR_METHODS + ["dean"]))
def test_divisor_definition_agrees_with_the_greedy(total, w, method):
    """The cut property above picks exactly the one-unit-at-a-time greedy's table (Dean's
    priorities included), so ref_methods_matching decides divisor methods by their definition."""
    assume(sum(w) > 0)
    prio = _dean_priority if method == "dean" else (lambda x, s: _priority(method, x, s))
    seats = [0] * len(w)
    for _ in range(total):
        best = max((i for i in range(len(w)) if w[i] > 0),
                   key=lambda i: (prio(w[i], seats[i]), w[i], -i))
        seats[best] += 1
    assert ref_is_divisor_result(total, w, seats, method)
    for i in range(len(w)):  # moving one unit breaks it
        for j in range(len(w)):
            if i != j and seats[i] > 0:
                moved = seats[:]
                moved[i] -= 1
                moved[j] += 1
                assert not ref_is_divisor_result(total, w, moved, method)


# ---- pot --------------------------------------------------------------------------------------

def ref_pot(rules, att, tr):
    """Exact settlement per municipality label: entitlements as Fractions, kickbacks by largest
    remainder over municipalities (ties: the larger entitlement, then the earlier one)."""
    days, towns = {}, {}
    for d, m, _ in att:
        days.setdefault(d, len(days))
        towns.setdefault(m, len(towns))
    for d, m, _ in tr:
        days.setdefault(d, len(days))
        towns.setdefault(m, len(towns))
    participants = Counter()
    pdays = Counter()
    for d, m, p in att:
        participants[d] += p
        pdays[m] += p
    shares = defaultdict(int)
    for d, m, role in tr:
        shares[d] += rules.share[role]
    entitled = defaultdict(Fraction)
    paid_pot, undistributed = 0, {}
    for d in days:
        pot = rules.pot_part * participants[d]
        if not any(t[0] == d for t in tr):
            if pot:
                undistributed[d] = pot
            continue
        paid_pot += pot
        for dd, m, role in tr:
            if dd == d:
                entitled[m] += Fraction(pot * rules.share[role], shares[d])
    order = list(towns)
    kick = {m: math.floor(entitled[m]) for m in order}
    ranked = sorted(range(len(order)),
                    key=lambda i: (-(entitled[order[i]] - kick[order[i]]), -entitled[order[i]], i))
    for i in ranked[: paid_pot - sum(kick.values())]:
        kick[order[i]] += 1
    rows = {m: (pdays[m], rules.fee * pdays[m], (rules.fee - rules.pot_part) * pdays[m],
                rules.pot_part * pdays[m], kick[m], rules.fee * pdays[m] - kick[m])
            for m in order}
    return rows, undistributed, entitled


pot_records = st.tuples(
    st.lists(st.tuples(st.integers(0, 4), st.sampled_from("ABCDE"), st.integers(0, 40)),
             min_size=0, max_size=15),
    st.lists(st.tuples(st.integers(0, 4), st.sampled_from("ABCDEF"), st.sampled_from([0, 1])),
             min_size=0, max_size=8),
)


@settings(deadline=None, max_examples=200)
@given(records=pot_records, fee=st.integers(0, 1000), part=st.integers(0, 1000),
       s0=st.integers(1, 20), s1=st.integers(1, 20))
def test_pot_matches_reference(records, fee, part, s0, s1):
    att, tr = records
    assume(att or tr)
    rules = yrkesresa.PotRules(fee=fee, pot_part=min(part, fee), share=(s0, s1))
    got = yrkesresa.pot_settle(att, tr, rules)
    rows, undistributed, entitled = ref_pot(rules, att, tr)
    assert {r.municipality: (r.participant_days, r.fees, r.admin, r.pot_in, r.kickback, r.net)
            for r in got.rows} == rows
    assert got.undistributed_days == undistributed
    s = got.summary
    assert s.kickback + s.undistributed == s.pot_in
    assert s.fees == s.admin + s.pot_in
    assert s.undistributed == sum(undistributed.values())
    trained = {d for d, _, _ in tr}
    attended = {d for d, _, p in att if p > 0}
    assert s.days_without_trainer == len(attended - trained)
    assert s.days_without_participants == len(trained - attended)
    for r in got.rows:
        assert abs(r.kickback - entitled[r.municipality]) < 1


# ---- statistics -------------------------------------------------------------------------------

def ref_wilson(s, n, confidence):
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = s / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return p, centre - half, centre + half


counts_st = st.integers(1, 10**6).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))
confidence_st = st.sampled_from([0.8, 0.9, 0.95, 0.99, 0.999])


@settings(deadline=None, max_examples=200)
@given(counts=counts_st, confidence=confidence_st)
def test_proportion_is_the_wilson_interval(counts, confidence):
    s, n = counts
    got = yrkesresa.proportion(s, n, confidence)
    for a, b in zip(got, ref_wilson(s, n, confidence)):
        assert a == pytest.approx(b, rel=1e-9, abs=1e-12)
    assert 0 <= got.low <= got.share <= got.high <= 1


@settings(deadline=None, max_examples=200)
@given(counts=counts_st, target=st.floats(0, 1), confidence=confidence_st)
def test_goal_check_follows_the_interval(counts, target, confidence):
    s, n = counts
    _, low, high = ref_wilson(s, n, confidence)
    assume(abs(low - target) > 1e-9 and abs(high - target) > 1e-9)
    expected = (yrkesresa.Goal.MET if low >= target else
                yrkesresa.Goal.NOT_MET if high < target else yrkesresa.Goal.INCONCLUSIVE)
    assert yrkesresa.goal_check(s, n, target, confidence) is expected


@settings(deadline=None, max_examples=100)
@given(data=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3)), max_size=300))
def test_crosstab_and_count_by_match_counters(data):
    rows = [r for r, _ in data]
    cols = [c for _, c in data]
    table = yrkesresa.crosstab(np.array(rows, dtype=np.uint32), cols, 7, 4)
    pairs = Counter(data)
    assert table.tolist() == [[pairs[(r, c)] for c in range(4)] for r in range(7)]
    counts = yrkesresa.count_by(rows, 7)
    assert counts.tolist() == [Counter(rows)[g] for g in range(7)]


@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
@settings(deadline=None, max_examples=100)
@given(courses=st.lists(st.integers(0, 500).flatmap(
    lambda r: st.tuples(st.just(r), st.integers(0, r))), min_size=1, max_size=8))
def test_attendance_total_is_a_ratio_of_sums(courses):
    registered = [r for r, _ in courses]
    attended = [a for _, a in courses]
    if sum(registered) == 0:
        with pytest.raises(yrkesresa.Error):
            yrkesresa.attendance_rate(registered, attended)
        return
    rates = yrkesresa.attendance_rate(registered, attended)
    assert (rates.total.successes, rates.total.trials) == (sum(attended), sum(registered))
    assert rates.total.share == pytest.approx(sum(attended) / sum(registered), rel=1e-12)
    for rate, r, a in zip(rates.per_course, registered, attended):
        assert (rate.successes, rate.trials) == (a, r)
        if r == 0:
            assert math.isnan(rate.share) and math.isnan(rate.low)
        else:
            assert rate.share == pytest.approx(a / r, rel=1e-12)


@settings(deadline=None, max_examples=100)
@given(steps=st.lists(st.integers(0, 100), min_size=2, max_size=6))
def test_progression_is_each_step_over_the_previous(steps):
    completed = sorted(steps, reverse=True)
    rates = yrkesresa.progression(completed)
    assert len(rates) == len(completed) - 1
    for k, rate in enumerate(rates):
        assert (rate.successes, rate.trials) == (completed[k + 1], completed[k])
        if completed[k]:
            assert rate.share == pytest.approx(completed[k + 1] / completed[k], rel=1e-12)


@settings(deadline=None, max_examples=100)
@given(table=st.integers(1, 5).flatmap(lambda c: st.lists(
    st.lists(st.integers(-(2**62), 2**62), min_size=c, max_size=c), max_size=6)),
    data=st.data())
def test_check_totals_matches_python_sums(table, data):
    assume(table)
    ncols = len(table[0])
    sums = [sum(row[c] for row in table) for c in range(ncols)]
    stated = data.draw(st.lists(st.integers(-(2**62), 2**62), min_size=ncols, max_size=ncols))
    if any(not -(2**63) <= s <= INT64_MAX for s in sums):
        with pytest.raises(OverflowError):
            yrkesresa.check_totals(table, stated)
        return
    got = yrkesresa.check_totals(table, stated)
    assert got.sums.tolist() == sums
    assert got.mismatched == sum(a != b for a, b in zip(sums, stated))
