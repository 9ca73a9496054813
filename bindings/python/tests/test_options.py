"""Issues 14 and 15 through Python: split options (tie, bounds, threshold, first divisor, Dean),
split_table and split_nested, each checked against an independent reference."""

from fractions import Fraction
from itertools import accumulate

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import yrkesresa as yr

pd = pytest.importorskip("pandas")


def divisor_reference(total, weights, divisor, minimum=None, maximum=None, smaller=False):
    """One unit at a time to the largest weight/divisor(seats) (exact Fractions), ties to the
    larger (or smaller) weight, then the earlier party; starting at the minimums, never past a
    maximum."""
    n = len(weights)
    seats = list(minimum) if minimum else [0] * n
    for _ in range(total - sum(seats)):
        best, key = None, None
        for i, w in enumerate(weights):
            if w == 0 or (maximum and seats[i] >= maximum[i]):
                continue
            d = divisor(seats[i])
            priority = Fraction(10**30) if d == 0 else Fraction(w) / d
            k = (priority, -w if smaller else w, -i)
            if key is None or k > key:
                best, key = i, k
        seats[best] += 1
    return seats


DHONDT = lambda s: Fraction(s + 1)  # noqa: E731
SAINTE_LAGUE = lambda s: Fraction(2 * s + 1)  # noqa: E731
DEAN = lambda s: Fraction(2 * s * (s + 1), 2 * s + 1)  # noqa: E731


@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 60), min_size=1, max_size=7), st.integers(0, 40),
       st.booleans())
def test_dhondt_ties_and_bounds_match_the_one_unit_reference(weights, total, smaller):
    minimum = [1 if i % 2 == 0 else 0 for i in range(len(weights))]
    maximum = [m + 6 for m in minimum]
    assume(sum(minimum) <= total <= sum(maximum))
    got = yr.split(total, weights, "dhondt", tie="smaller" if smaller else "larger",
                   minimum=minimum, maximum=maximum)
    assert got == divisor_reference(total, weights, DHONDT, minimum, maximum, smaller)


@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 200), min_size=1, max_size=7), st.integers(0, 40))
def test_dean_matches_the_one_unit_reference(weights, total):
    assume(total >= len(weights))  # Dean gives every party one unit first
    assert yr.split(total, weights, "dean") == divisor_reference(total, weights, DEAN)


def test_first_divisor_1_4_is_the_norwegian_rule():
    # first divisor 1.4, then 3, 5, ...: read exactly (7/5) from the float 1.4
    weights, total = [5200, 2400, 900, 500], 10
    first = Fraction(7, 5)
    norway = lambda s: first if s == 0 else Fraction(2 * s + 1)  # noqa: E731
    expected = divisor_reference(total, weights, norway)
    assert yr.split(total, weights, "sainte_lague", first_divisor=1.4) == expected
    assert yr.split(total, weights, "sainte_lague", first_divisor="1,4") == expected
    assert expected != divisor_reference(total, weights, SAINTE_LAGUE)


def test_threshold_excludes_small_parties_exactly_at_four_percent():
    weights = [40, 56, 4, 3]  # 4/103 is below 4 %, 3/103 too; 40 and 56 are above
    got = yr.split(100, weights, "sainte_lague", threshold=0.04)
    assert got[2] == 0 and got[3] == 0 and sum(got) == 100
    assert yr.split(100, weights, "sainte_lague", threshold="4 %") == got
    assert yr.split(100, [49, 47, 4], "sainte_lague", threshold=0.04)[2] > 0  # 4 % of 100: in


def test_tie_report_names_a_tied_party():
    with pytest.raises(yr.Error) as info:
        yr.split(1, pd.Series([5, 5], index=["Falun", "Mora"]), "dhondt", tie="report")
    e = info.value
    assert e.status == "YR_ERR_TIE" and e.label == "Falun"


def test_bounds_align_with_series_and_dicts():
    w = pd.Series([10, 1, 1], index=["a", "b", "c"])
    low = pd.Series([1, 1, 1], index=["c", "b", "a"])  # another order: aligned by label
    assert yr.split(6, w, "dhondt", minimum=low).tolist() == [4, 1, 1]
    assert yr.split(6, dict(w), "dhondt", minimum={"a": 0, "b": 2, "c": 2}) == \
        {"a": 2, "b": 2, "c": 2}
    assert yr.split(6, [10, 1, 1], "dhondt", minimum=1) == [4, 1, 1]


def test_infeasible_bounds_name_the_argument():
    with pytest.raises(yr.Error) as info:
        yr.split(2, [1, 1, 1], "dhondt", minimum=1)
    assert info.value.status == "YR_ERR_RANGE" and info.value.arg == "minimum"
    with pytest.raises(yr.Error) as info:
        yr.split(2, [1, 1], "largest_remainder", minimum=[1, 1])
    assert info.value.status == "YR_ERR_RANGE"
    with pytest.raises(ValueError, match="unknown tie"):
        yr.split(2, [1, 1], tie="coin")


@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
# ---- split_table -------------------------------------------------------------------------------
@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=4),
       st.lists(st.integers(0, 10**4), min_size=1, max_size=9))
def test_split_table_columns_exact_cells_and_rows_within_one(totals, weights):
    assume(sum(weights) > 0)
    labels = [f"m{i}" for i in range(len(weights))]
    items = {f"item{j}": t for j, t in enumerate(totals)}
    table = yr.split_table(items, pd.Series(weights, index=labels))
    assert list(table.index) == labels and list(table.columns) == list(items)
    assert table.sum().tolist() == totals
    W = sum(weights)
    for i, w in enumerate(weights):
        for j, t in enumerate(totals):
            assert abs(table.iat[i, j] - Fraction(t * w, W)) < 1
        assert abs(table.iloc[i].sum() - Fraction(sum(totals) * w, W)) < 1


def test_split_table_rows_are_the_split_of_the_sum_when_possible():
    weights = [22986, 52460, 59752, 10455, 15495]
    table = yr.split_table([850_000, 180_000], weights)
    assert table.sum(axis=1).tolist() == yr.split(1_030_000, weights)


def test_split_table_errors_name_the_item_or_the_party():
    with pytest.raises(yr.Error) as info:
        yr.split_table({"coordinator": 850, "courses": -1}, [3, 1])
    assert (info.value.status, info.value.arg, info.value.label) == \
        ("YR_ERR_NEGATIVE", "totals", "courses")
    with pytest.raises(yr.Error) as info:
        yr.split_table([850], {"Falun": 3, "Mora": -1})
    assert (info.value.arg, info.value.label) == ("weights", "Mora")


def test_split_frame_with_items_adds_one_column_per_item():
    frame = pd.DataFrame({"population": [3, 1]}, index=["Falun", "Mora"])
    out = yr.split_frame(frame, {"coordinator": 850, "courses": 180})
    assert out.loc["Mora"].tolist() == [1, 212, 45]
    assert out.coordinator.sum() == 850 and out.courses.sum() == 180


# ---- split_nested ------------------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**5), st.integers(0, 3)), min_size=1, max_size=12),
       st.integers(-(10**9), 10**9))
def test_split_nested_is_largest_remainder_at_each_level(parties, total):
    weights = [w for w, _ in parties]
    groups = [g for _, g in parties]
    assume(sum(weights) > 0)
    r = yr.split_nested(total, weights, groups, 4)
    sums = [sum(w for w, g in parties if g == k) for k in range(4)]
    assert r.group_amounts.tolist() == yr.split(total, sums)
    for k in range(4):
        members = [i for i, g in enumerate(groups) if g == k]
        if sums[k] > 0:
            assert [r.amounts[i] for i in members] == \
                yr.split(int(r.group_amounts[k]), [weights[i] for i in members])


def test_split_nested_with_labels_and_split_frame_groups():
    frame = pd.DataFrame({"population": [10, 30, 60], "county": ["B län", "A län", "B län"]},
                         index=["x", "y", "z"])
    r = yr.split_nested(100, frame.population, frame.county)
    assert r.group_amounts.to_dict() == {"A län": 30, "B län": 70}
    assert r.amounts.tolist() == [10, 30, 60] and list(r.amounts.index) == ["x", "y", "z"]
    out = yr.split_frame(frame, 100, groups="county")
    assert out.group_amount.tolist() == [70, 30, 70]
    assert list(accumulate(out.amount))[-1] == 100


def test_nested_groups_by_the_programs_rule():
    # yr_read_groups, as `yrkesresa split --group-column`: 'Dalarnas län', 'Dalarna län' and
    # '20' are one county, one group (weight 2 + 3 = 5 against Uppsala län's 4, of 9): 100 * 5/9
    # = 55.6 -> 56 and 44.4 -> 44 (largest remainder); then 56 * 2/5 = 22.4 -> 22 and
    # 56 * 3/5 = 33.6 -> 34 (the larger remainder gets the unit).
    r = yr.split_nested(100, [2, 3, 4], ["Dalarnas län", "Dalarna län", "Uppsala län"])
    assert r.group_amounts == {"Dalarnas län": 56, "Uppsala län": 44}
    assert r.amounts == [22, 34, 44]
    t = pd.DataFrame({"municipality": ["Falun", "Mora", "Uppsala"], "population": [2, 3, 4],
                      "county": ["Dalarnas län", "20", "Uppsala län"]})
    out = yr.split_frame(t, 100, groups="county")
    assert out.amount.tolist() == [22, 34, 44] and out.group_amount.tolist() == [56, 56, 44]
    # names by their name key: ' VÄSTERDALARNA' is Västerdalarna
    r = yr.split_nested(10, [1, 1, 3], ["Västerdalarna", " VÄSTERDALARNA", "Övre Dalarna"])
    assert r.group_amounts == {"Västerdalarna": 4, "Övre Dalarna": 6}
    # a mix of counties and names, and Mora (Dalarnas län, 20) under Uppsala län, are refused
    with pytest.raises(yr.Error, match="'Dalarna' is not a county, while 'Dalarnas län'"):
        yr.split_nested(100, [1, 1], ["Dalarnas län", "Dalarna"])
    with pytest.raises(yr.Error, match=r"Mora is in Dalarnas län \(20\), not in 'Uppsala län'"):
        yr.split_frame(t.assign(county=["Dalarnas län", "Uppsala län", "Uppsala län"]), 100,
                       groups="county")


def test_split_nested_group_out_of_range_is_located():
    with pytest.raises(yr.Error) as info:
        yr.split_nested(100, [1, 2], np.array([0, 5]), ngroups=2)
    assert info.value.status == "YR_ERR_RANGE" and info.value.record == 1
