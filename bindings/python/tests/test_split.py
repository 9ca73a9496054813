"""split, split_mixed and audit: known answers, every method, lists vs numpy, errors, 2^63."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import yrkesresa
from yrkesresa import Method

INT64_MAX = 2**63 - 1


@pytest.fixture(scope="module")
def coordinator(dalarna):
    rows = [r for r in dalarna("published-split-coordinator-2023.csv") if r["municipality"] != "Summa"]
    names = [r["municipality"] for r in rows]
    population = [int(r["population"]) for r in rows]
    published = [int(r["amount"]) for r in rows]
    return names, population, published


def test_dalarna_2023_coordinator_known_answer(coordinator):
    # SPEC: the published table except Orsa 20 452 instead of 20 453, and the rows add up.
    names, population, published = coordinator
    ours = yrkesresa.split(850000, population)
    assert sum(ours) == 850000
    differing = {n: (o, p) for n, o, p in zip(names, ours, published) if o != p}
    assert differing == {"Orsa": (20452, 20453)}
    assert sum(published) == 850001


@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
def test_every_method_by_name_and_enum():
    expected = {
        "largest_remainder": [50, 30, 20],
        "round_each": [50, 30, 20],
        "dhondt": [50, 30, 20],
    }
    for m in Method:
        by_name = yrkesresa.split(100, [5, 3, 2], m.name.lower())
        assert by_name == yrkesresa.split(100, [5, 3, 2], m)
        assert sum(by_name) == 100
        if m.name.lower() in expected:
            assert by_name == expected[m.name.lower()]


def test_methods_differ_where_they_should():
    # 7 seats, votes 10/6/3 (classic example): D'Hondt favours the large party.
    w = [10, 6, 3]
    assert yrkesresa.split(7, w, "dhondt") == [4, 2, 1]
    assert yrkesresa.split(7, w, "largest_remainder") == [4, 2, 1]
    assert yrkesresa.split(7, [53, 24, 23], "dhondt") == [4, 2, 1]
    assert yrkesresa.split(7, [53, 24, 23], "sainte_lague") == [3, 2, 2]
    # Adams and Huntington-Hill give every party with weight > 0 a unit first.
    assert yrkesresa.split(3, [100, 1, 1], "adams") == [1, 1, 1]
    assert yrkesresa.split(3, [100, 1, 1], "huntington_hill") == [1, 1, 1]
    assert yrkesresa.split(3, [100, 1, 0], "adams") == [2, 1, 0]
    # round_each may not add up: that is its point.
    assert yrkesresa.split(100, [1, 1, 1], "round_each") == [33, 33, 33]


def test_method_names_are_case_and_dash_insensitive_and_aliases_work():
    assert yrkesresa.split(10, [1, 2], "Sainte-Lague-Modified") == yrkesresa.split(
        10, [1, 2], Method.SAINTE_LAGUE_MODIFIED)
    w = [53, 24, 23]
    assert yrkesresa.split(7, w, "Hare") == yrkesresa.split(7, w, "largest_remainder")
    assert yrkesresa.split(7, w, "jefferson") == yrkesresa.split(7, w, "dhondt") == [4, 2, 1]
    assert yrkesresa.split(7, w, "webster") == yrkesresa.split(7, w, "sainte_lague") == [3, 2, 2]


def test_unknown_method_lists_the_valid_names():
    with pytest.raises(ValueError) as info:
        yrkesresa.split(10, [1, 2], "hamiltonian")
    assert "unknown method 'hamiltonian'" in str(info.value)
    for m in Method:
        assert m.name.lower() in str(info.value)
    with pytest.raises(TypeError):
        yrkesresa.split(10, [1, 2], 2)


def test_ties_larger_weight_then_earlier():
    assert yrkesresa.split(1, [1, 1]) == [1, 0]
    assert yrkesresa.split(2, [1, 1, 1]) == [1, 1, 0]
    # equal remainders (1/2 each) with different weights: the larger weight wins
    assert yrkesresa.split(2, [1, 3]) == [0, 2]  # quotas 0.5, 1.5
    assert yrkesresa.split(1, [1, 1], "dhondt") == [1, 0]


def test_refund_is_odd_symmetric():
    w = [22986, 52460, 59752, 6939]
    assert yrkesresa.split(-850000, w) == [-x for x in yrkesresa.split(850000, w)]


@pytest.mark.filterwarnings("ignore::yrkesresa.YrTotalRowWarning")
def test_list_in_list_out_numpy_in_numpy_out():
    out = yrkesresa.split(100, [1, 1, 1])
    assert type(out) is list and all(type(x) is int for x in out)
    assert yrkesresa.split(100, (1, 1, 1)) == [34, 33, 33]
    assert yrkesresa.split(100, range(1, 4)) == [17, 33, 50]
    arr = yrkesresa.split(100, np.array([1, 1, 1]))
    assert isinstance(arr, np.ndarray) and arr.dtype == np.int64
    assert arr.flags.c_contiguous and arr.flags.owndata and arr.flags.writeable
    assert arr.tolist() == [34, 33, 33]


def test_pandas_series_in_series_out():
    pd = pytest.importorskip("pandas")
    s = pd.Series([1, 1, 1], index=["a", "b", "c"], name="population")
    out = yrkesresa.split(100, s)
    assert isinstance(out, pd.Series) and out.tolist() == [34, 33, 33]
    assert list(out.index) == ["a", "b", "c"] and out.name == "population"


def test_numpy_scalars_accepted():
    assert yrkesresa.split(np.int64(100), [np.int32(1), np.uint8(1)]) == [50, 50]


def test_values_near_2_63():
    assert yrkesresa.split(INT64_MAX, [1]) == [INT64_MAX]
    assert yrkesresa.split(-INT64_MAX - 1, [1]) == [-INT64_MAX - 1]
    assert sum(yrkesresa.split(INT64_MAX, [INT64_MAX, INT64_MAX, 1])) == INT64_MAX
    assert yrkesresa.split(10, [INT64_MAX, INT64_MAX]) == [5, 5]
    for bad_total in (2**63, -(2**63) - 1, 2**200):
        with pytest.raises(OverflowError) as info:
            yrkesresa.split(bad_total, [1])
        assert isinstance(info.value, yrkesresa.Overflow)
        assert "total" in str(info.value)
    for bad_weight in (2**63, 2**64, 2**100, -(2**63) - 1):
        with pytest.raises(OverflowError, match=r"weights\[1\]"):
            yrkesresa.split(10, [1, bad_weight])
    with pytest.raises(OverflowError):
        yrkesresa.split(10, np.array([1, 2**63], dtype=np.uint64))
    assert yrkesresa.split(10, np.array([1, INT64_MAX], dtype=np.uint64)).tolist() == [0, 10]


@pytest.mark.parametrize("bad,exc,pattern", [
    ([1.5, 2], ValueError, r"weights\[0\] is 1\.5, not a whole number"),
    (["1", "2"], TypeError, r"weights\[0\] must be an integer, not str"),
    ([None, 1], ValueError, r"weights\[0\] is None \(missing\)"),
    ([True, False], TypeError, r"weights\[0\] is True, a bool, not an integer"),
    ([1, 2**60 + 0.5], ValueError, r"weights\[1\] is 1\.152921504606847e\+18, beyond 2\*\*53"),
])
def test_non_integers_refused_never_truncated(bad, exc, pattern):
    with pytest.raises(exc, match=r"^split\(\): " + pattern):
        yrkesresa.split(10, bad)


def test_whole_floats_are_their_integers():
    """Whole floats (what pandas and Excel give) up to 2^53 are exact integers: the same split
    as the ints, in lists, arrays (float64 and float32) and as the total."""
    want = yrkesresa.split(850_000, [22986, 52460, 59752])
    assert yrkesresa.split(850_000, [22986.0, 52460.0, 59752.0]) == want
    assert yrkesresa.split(850_000.0, np.array([22986, 52460, 59752], np.float64)).tolist() == want
    assert yrkesresa.split(850_000, np.array([22986, 52460, 59752], np.float32)).tolist() == want
    big = 2**53  # the largest exact float: taken exactly, next to an int beyond it
    assert yrkesresa.split(big, [float(big), 2**60]) == yrkesresa.split(big, [big, 2**60])
    assert yrkesresa.split(np.float64(10), [np.float32(1), 1]) == [5, 5]


@pytest.mark.parametrize("dtype", [np.bool_, np.complex128, "U3"])
def test_non_integer_arrays_refused(dtype):
    with pytest.raises(TypeError, match="must hold integers"):
        yrkesresa.split(10, np.ones(3, dtype=dtype))


def test_wrong_shapes_and_types():
    with pytest.raises(TypeError):
        yrkesresa.split(10, 5)
    with pytest.raises(TypeError):
        yrkesresa.split(10, "123")
    with pytest.raises(ValueError, match="dimension"):
        yrkesresa.split(10, np.ones((2, 2), dtype=np.int64))
    with pytest.raises(ValueError, match=r"^split\(\): total is 10\.5, not a whole number$"):
        yrkesresa.split(10.5, [1, 2])
    with pytest.raises(TypeError, match=r"^split\(\): total must be an integer, not str$"):
        yrkesresa.split("10", [1, 2])
    # a 0-d array is the number it holds where a number goes, and refused where an array goes
    assert yrkesresa.split(np.array(10), [1, 1]) == yrkesresa.split(np.array(10.0), [1, 1]) == [5, 5]
    with pytest.raises(TypeError, match=r"^split\(\): weights must be a sequence or array, not "
                                        r"one number \(a 0-d array"):
        yrkesresa.split(10, np.array([1, 2])[0, ...])
    with pytest.raises(TypeError, match=r"^split\(\): total must be one integer, not an array"):
        yrkesresa.split(np.array([10, 20]), [1, 2])


def test_divisor_method_needs_non_negative_total():
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split(-5, [1, 2], "sainte_lague")
    assert info.value.status == "YR_ERR_NEGATIVE"


def test_empty_numpy_array_is_empty_not_a_type_error():
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split(10, np.array([], dtype=np.float64))
    assert info.value.status == "YR_ERR_EMPTY"


def test_zero_total_and_zero_weights():
    assert yrkesresa.split(0, [0, 0]) == [0, 0]
    assert yrkesresa.split(10, [0, 5, 0]) == [0, 10, 0]


# ---- mixed model ------------------------------------------------------------------------------

def test_mixed_known_answer():
    # 30 % of 1000 equally over 2 parties (150 each) + 700 by weight 1:3 (175, 525).
    assert yrkesresa.split_mixed(1000, [1, 3], Fraction(3, 10)) == [325, 675]
    assert yrkesresa.split_mixed(1000, [1, 3], 0) == yrkesresa.split(1000, [1, 3])
    assert yrkesresa.split_mixed(1000, [1, 3], 1) == [500, 500]
    assert yrkesresa.split_mixed(1000, [0, 0], 1) == [500, 500]  # all equal: weights unused


@pytest.mark.parametrize("part", [Fraction(3, 10), (3, 10), (6, 20), 0.3, "3/10", "0.3",
                                  Decimal("0.3"), np.float64(0.3)])
def test_mixed_fraction_forms_agree(part):
    w = [22986, 52460, 59752, 10455, 15495]
    assert yrkesresa.split_mixed(850001, w, part) == yrkesresa.split_mixed(850001, w, (3, 10))


def test_mixed_float_goes_through_its_decimal_repr():
    w = [1, 2, 3, 4, 5, 6, 7]
    # 0.1 + 0.2 is 0.30000000000000004: that value exactly, not 3/10.
    exact = Fraction("0.30000000000000004")
    assert yrkesresa.split_mixed(10**17, w, 0.1 + 0.2) == yrkesresa.split_mixed(
        10**17, w, (exact.numerator, exact.denominator))
    assert yrkesresa.split_mixed(10**17, w, 0.1 + 0.2) != yrkesresa.split_mixed(10**17, w, 0.3)


def test_mixed_bad_fractions():
    for bad in [Fraction(3, 2), (-1, 10), (1, 0), (1, -2), 1.5]:
        with pytest.raises(yrkesresa.Error) as info:
            yrkesresa.split_mixed(100, [1, 1], bad)
        assert info.value.status == "YR_ERR_RANGE"
    with pytest.raises(ValueError):
        yrkesresa.split_mixed(100, [1, 1], float("nan"))
    with pytest.raises(TypeError):
        yrkesresa.split_mixed(100, [1, 1], (1, 2, 3))
    with pytest.raises(TypeError):
        yrkesresa.split_mixed(100, [1, 1], None)
    with pytest.raises(OverflowError):
        yrkesresa.split_mixed(100, [1, 1], (1, 2**64))


def test_mixed_numpy_in_numpy_out():
    out = yrkesresa.split_mixed(1000, np.array([1, 3]), (3, 10))
    assert isinstance(out, np.ndarray) and out.tolist() == [325, 675]


# ---- audit ------------------------------------------------------------------------------------

def test_audit_of_the_coordinator_table(coordinator):
    names, population, published = coordinator
    a = yrkesresa.audit(850000, population, published, labels=names)
    assert (a.stated_total, a.published_sum, a.sum_diff) == (850000, 850001, 1)
    assert a.quota_den == 288382
    assert a.rows_differing == 1 and a.rows_outside_quota == 0
    assert a.methods_matching == ["round_each"]
    orsa = next(r for r in a.rows if r.label == "Orsa")
    assert (orsa.published, orsa.expected, orsa.diff, orsa.within_quota) == (20453, 20452, 1, True)
    assert orsa.quota == Fraction(850000 * 6939, 288382)
    assert sum(r.quota for r in a.rows) == 850000
    assert [r.weight for r in a.rows] == population


def test_audit_is_frozen():
    a = yrkesresa.audit(100, [1, 1, 1], [34, 33, 33])
    with pytest.raises(AttributeError):
        a.sum_diff = 5
    assert "largest_remainder" in a.methods_matching and a.rows_differing == 0


def test_audit_to_frame():
    pd = pytest.importorskip("pandas")
    a = yrkesresa.audit(100, np.array([1, 1, 1]), np.array([34, 33, 35]), labels=["x", "y", "z"])
    f = a.to_frame()
    assert isinstance(f, pd.DataFrame)
    assert list(f.index) == ["x", "y", "z"]
    assert f.loc["z", "diff"] == 2 and not f.loc["z", "within_quota"]
    # float for display (rounding works), the exact quotas kept in attrs
    assert f["quota"].dtype == float and f["quota"].round(3).tolist() == [33.333] * 3
    assert f.attrs["exact"]["quota"].tolist() == [Fraction(100, 3)] * 3
    assert list(f.attrs["exact"]["quota"].index) == ["x", "y", "z"]


def test_audit_errors():
    with pytest.raises(ValueError, match="different lengths"):
        yrkesresa.audit(100, [1, 1], [100])
    with pytest.raises(ValueError, match="labels"):
        yrkesresa.audit(100, [1, 1], [50, 50], labels=["a"])
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.audit(100, [1, -1], [50, 50])
    assert info.value.status == "YR_ERR_NEGATIVE"


# Adversarial pass 7, H6: labelled weights are read by the reader's identity rule, as
# split_frame and `yrkesresa split` read labels: one municipality twice is refused.
def test_labelled_weights_refuse_one_municipality_twice():
    pd = pytest.importorskip("pandas")
    series = pd.Series([59080, 20355, 6892, 59080], index=["Falun", "Mora", "Orsa", "FALUN"])
    with pytest.raises(yrkesresa.Error, match=r"^split\(\): 'FALUN' is the same municipality as "
                                              r"'Falun' at position 1; remove one of them"):
        yrkesresa.split(850000, series)
    twice = pd.Series([1, 2, 1], index=["Falun", "Mora", "Falun"])
    with pytest.raises(yrkesresa.Error, match=r"'Falun' is the same municipality as 'Falun'"):
        yrkesresa.split(100, twice)
    with pytest.raises(yrkesresa.Error, match=r"'Falu kommun' is the same municipality as "
                                              r"'Falun'"):
        yrkesresa.split(100, {"Falun": 3, "Falu kommun": 1})
    with pytest.raises(yrkesresa.Error, match=r"same municipality"):
        yrkesresa.split_mixed(100, {"Falun": 3, "FALUN": 1}, "1/2")
    with pytest.raises(yrkesresa.Error, match=r"same municipality"):
        yrkesresa.split_table({"a": 100}, {"Mora": 3, "mora": 1})
    with pytest.raises(yrkesresa.Error, match=r"code 2080 is Falun, not 'Mora'"):
        yrkesresa.split(100, {"2080 Mora": 3, "Orsa": 1})
    # the same sentence as split_frame's
    frame = pd.DataFrame({"municipality": ["Falun", "Mora", "FALUN"], "population": [3, 1, 3]})
    with pytest.raises(yrkesresa.Error, match=r"'FALUN' is the same municipality as 'Falun' at "
                                              r"position 1"):
        yrkesresa.split_frame(frame, 100)
    # other parties and unlabelled weights as before
    assert yrkesresa.split(100, {"Falun": 3, "Region Dalarna": 1}) == {"Falun": 75,
                                                                       "Region Dalarna": 25}
    assert yrkesresa.split(100, {"S": 1, "M": 2, "V": 2}) == {"S": 20, "M": 40, "V": 40}
    assert yrkesresa.split(100, [3, 1, 3]) == [43, 14, 43]
