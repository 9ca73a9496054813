"""The bad-input matrix through Python (issue 8).

Every bad input raises: yrkesresa.Error (a ValueError) carrying the C message and status for
what the C library refuses, OverflowError (yrkesresa.Overflow) for numbers that do not fit,
TypeError for values of the wrong kind (floats, NaN and infinities where integers are required,
strings, bools), ValueError for what the binding refuses before C (unknown names, duplicates).
Nothing is silently truncated, rounded or dropped.
"""

import math
import re

import numpy as np
import pandas as pd
import pytest

import yrkesresa as yr

POP = [22986, 52460, 59752, 10455]
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
NAN, INF = float("nan"), float("inf")

# The C library's messages (yr_strerror), which yrkesresa.Error must carry unchanged.
C_MESSAGE = {
    "YR_ERR_EMPTY": "no parties or records where some are required",
    "YR_ERR_NEGATIVE": "a weight, count or total is negative",
    "YR_ERR_ZERO_WEIGHT": "all weights are zero while the total is not",
    "YR_ERR_OVERFLOW": "a result or an exact intermediate does not fit in 64 bits",
    "YR_ERR_RANGE": "an index, enum or parameter is out of range",
}


def _pot(att, tr, rules=None, **kw):
    return yr.pot_settle(att, tr, rules, **kw)


ATT = [("2024-02-06", "Falun", 4), ("2024-02-06", "Mora", 3)]
TR = [("2024-02-06", "Falun", "kursledare")]

# (id, call, status): yrkesresa.Error with exactly this C status and message.
C_ERRORS = [
    ("split: empty list", lambda: yr.split(100, []), "YR_ERR_EMPTY"),
    ("split: empty array", lambda: yr.split(100, np.array([], dtype=np.int64)), "YR_ERR_EMPTY"),
    ("split: negative weight", lambda: yr.split(100, [5, -1, 3]), "YR_ERR_NEGATIVE"),
    ("split: negative total, dhondt", lambda: yr.split(-1, POP, "dhondt"), "YR_ERR_NEGATIVE"),
    ("split: zero-sum weights", lambda: yr.split(100, [0, 0, 0]), "YR_ERR_ZERO_WEIGHT"),
    ("split: zero-sum array", lambda: yr.split(-7, np.zeros(3, np.int64)), "YR_ERR_ZERO_WEIGHT"),
    ("mixed: fraction above 1", lambda: yr.split_mixed(100, POP, (11, 10)), "YR_ERR_RANGE"),
    ("mixed: negative fraction", lambda: yr.split_mixed(100, POP, (-1, 10)), "YR_ERR_RANGE"),
    ("mixed: zero denominator", lambda: yr.split_mixed(100, POP, (1, 0)), "YR_ERR_RANGE"),
    ("mixed: 1.5 as float", lambda: yr.split_mixed(100, POP, 1.5), "YR_ERR_RANGE"),
    ("mixed: zero-sum weights", lambda: yr.split_mixed(100, [0, 0], (1, 2)), "YR_ERR_ZERO_WEIGHT"),
    (
        "mixed: exact intermediates beyond 128 bits",
        lambda: yr.split_mixed(INT64_MAX, [INT64_MAX] * 4, (INT64_MAX - 1, INT64_MAX)),
        "YR_ERR_OVERFLOW",
    ),
    ("audit: empty", lambda: yr.audit(100, [], []), "YR_ERR_EMPTY"),
    ("audit: negative weight", lambda: yr.audit(100, [1, -2], [50, 50]), "YR_ERR_NEGATIVE"),
    ("audit: zero-sum weights", lambda: yr.audit(100, [0, 0], [50, 50]), "YR_ERR_ZERO_WEIGHT"),
    (
        "audit: published sum overflows",
        lambda: yr.audit(100, [1, 1], [INT64_MAX, 1]),
        "YR_ERR_OVERFLOW",
    ),
    (
        "audit: weight sum overflows",
        lambda: yr.audit(100, [INT64_MAX, 1], [50, 50]),
        "YR_ERR_OVERFLOW",
    ),
    ("pot: no records at all", lambda: _pot([], []), "YR_ERR_EMPTY"),
    ("pot: negative participants", lambda: _pot([("2024-02-06", "Orsa", -3)], TR), "YR_ERR_NEGATIVE"),
    (
        "pot: negative fee",
        lambda: _pot(ATT, TR, yr.PotRules(fee=-600, pot_part=0, share=(10, 15))),
        "YR_ERR_NEGATIVE",
    ),
    (
        "pot: pot part above the fee",
        lambda: _pot(ATT, TR, yr.PotRules(fee=600, pot_part=601, share=(10, 15))),
        "YR_ERR_RANGE",
    ),
    (
        "pot: a pot nobody can share",
        lambda: _pot(ATT, TR, yr.PotRules(fee=600, pot_part=400, share=(0, 0))),
        "YR_ERR_RANGE",
    ),
    ("pot: role out of the enum", lambda: _pot(ATT, [("2024-02-06", "Orsa", 5)]), "YR_ERR_RANGE"),
    (
        "pot: participant-days overflow",
        lambda: _pot([("d", "A", INT64_MAX), ("d", "B", 1)], [("d", "A", "leader")]),
        "YR_ERR_OVERFLOW",
    ),
    (
        "pot: fees overflow",
        lambda: _pot([("d", "A", INT64_MAX // 600 + 1)], [("d", "A", "leader")]),
        "YR_ERR_OVERFLOW",
    ),
    ("proportion: NaN confidence", lambda: yr.proportion(3, 10, NAN), "YR_ERR_RANGE"),
    ("proportion: +inf confidence", lambda: yr.proportion(3, 10, INF), "YR_ERR_RANGE"),
    ("proportion: -inf confidence", lambda: yr.proportion(3, 10, -INF), "YR_ERR_RANGE"),
    ("proportion: confidence 1", lambda: yr.proportion(3, 10, 1.0), "YR_ERR_RANGE"),
    ("proportion: successes > trials", lambda: yr.proportion(11, 10), "YR_ERR_RANGE"),
    ("proportion: no trials", lambda: yr.proportion(0, 0), "YR_ERR_EMPTY"),
    ("proportion: negative", lambda: yr.proportion(-1, 10), "YR_ERR_NEGATIVE"),
    ("goal: NaN target", lambda: yr.goal_check(17, 22, NAN), "YR_ERR_RANGE"),
    ("goal: infinite target", lambda: yr.goal_check(17, 22, INF), "YR_ERR_RANGE"),
    ("goal: target 1.01", lambda: yr.goal_check(17, 22, 1.01), "YR_ERR_RANGE"),
    ("coverage: NaN per", lambda: yr.coverage(3, 10, NAN), "YR_ERR_RANGE"),
    ("coverage: infinite per", lambda: yr.coverage(3, 10, INF), "YR_ERR_RANGE"),
    ("coverage: zero per", lambda: yr.coverage(3, 10, 0.0), "YR_ERR_RANGE"),
    ("attendance: attended > registered", lambda: yr.attendance_rate([10], [12]), "YR_ERR_RANGE"),
    ("attendance: nobody registered", lambda: yr.attendance_rate([0, 0], [0, 0]), "YR_ERR_EMPTY"),
    ("attendance: NaN confidence", lambda: yr.attendance_rate([10], [8], NAN), "YR_ERR_RANGE"),
    ("progression: rising counts", lambda: yr.progression([55, 136, 7]), "YR_ERR_RANGE"),
    ("progression: one course", lambda: yr.progression([55]), "YR_ERR_EMPTY"),
    ("crosstab: index past the table", lambda: yr.crosstab([0, 5], [0, 0], 2, 2), "YR_ERR_RANGE"),
    ("crosstab: negative index", lambda: yr.crosstab([0, -1], [0, 0], 2, 2), "YR_ERR_RANGE"),
    ("count_by: index past 2^32", lambda: yr.count_by([2**32], 3), "YR_ERR_RANGE"),
    ("count_by: no groups", lambda: yr.count_by([], 0), "YR_ERR_EMPTY"),
    (
        "check_totals: a column sum overflows",
        lambda: yr.check_totals([[INT64_MAX], [1]], [0]),
        "YR_ERR_OVERFLOW",
    ),
]


@pytest.mark.parametrize("call,status", [c[1:] for c in C_ERRORS], ids=[c[0] for c in C_ERRORS])
def test_c_errors_carry_the_c_status_and_message(call, status):
    with pytest.raises(yr.Error) as info:
        call()
    e = info.value
    assert isinstance(e, ValueError)
    assert e.status == status
    # the C library's sentence (yr_where_message) saying why, or for what the conversion refuses
    # before C (an index beyond 32 bits) the binding's own naming the element: never the
    # status's generic text
    assert e.reason.startswith("YR_REASON_")
    assert e.reason != "YR_REASON_NONE" or re.search(r"\w+\[\d+\] = ", e.message)
    assert e.message != C_MESSAGE[status] and e.message in str(e)
    assert not e.function.startswith("yr_") and str(e).startswith(f"{e.function}(): ")
    assert isinstance(e, OverflowError) == (status == "YR_ERR_OVERFLOW")


# (id, call, exception class, message regex): refused by the binding before C, or by C with a
# range-checked conversion. A float is never truncated: a whole one (at most 2^53) is its
# integer (test_pandas.py), a fraction, NaN, an infinity or a larger float is a ValueError
# naming the function called and the element.
BINDING_ERRORS = [
    ("split: None", lambda: yr.split(100, None), TypeError, "sequence or array"),
    ("split: float weight", lambda: yr.split(100, [1.5, 2]), ValueError,
     r"^split\(\): weights\[0\] is 1\.5, not a whole number$"),
    ("split: NaN weight", lambda: yr.split(100, [NAN, 2]), ValueError,
     r"^split\(\): weights\[0\] is NaN \(missing\)"),
    ("split: infinite weight", lambda: yr.split(100, [INF, 2]), ValueError,
     r"^split\(\): weights\[0\] is inf, not a whole number$"),
    ("split: weight beyond 2^53", lambda: yr.split(100, [2.0**53 + 2, 2]), ValueError,
     r"^split\(\): weights\[0\] is 9007199254740994\.0, beyond 2\*\*53"),
    ("split: NaN total", lambda: yr.split(NAN, POP), ValueError, r"^split\(\): total is NaN"),
    ("split: infinite total", lambda: yr.split(INF, POP), ValueError,
     r"^split\(\): total is inf, not a whole number$"),
    ("split: fractional total", lambda: yr.split(100.5, POP), ValueError,
     r"^split\(\): total is 100\.5, not a whole number$"),
    ("split: bool total", lambda: yr.split(True, POP), TypeError, "bool"),
    ("split: bool weight", lambda: yr.split(100, [True, 2]), TypeError,
     r"^split\(\): weights\[0\] is True, a bool, not an integer$"),
    ("split: numpy bool weight", lambda: yr.split(100, (2, np.True_)), TypeError,
     r"^split\(\): weights\[1\] is True, a bool"),
    ("split: 1-element array total", lambda: yr.split(np.array([100]), POP), TypeError,
     r"^split\(\): total must be one integer, not an array"),
    ("split: 0-d array weights", lambda: yr.split(100, np.array(5)), TypeError,
     r"^split\(\): weights must be a sequence or array, not one number \(a 0-d array"),
    ("split: numeric strings", lambda: yr.split(100, ["1", "2"]), TypeError, "str"),
    ("split: fraction in an array", lambda: yr.split(100, np.array([1.0, 2.5])), ValueError,
     r"^split\(\): weights\[1\] is 2\.5, not a whole number$"),
    ("split: NaN array", lambda: yr.split(100, np.array([np.nan, 2.0])), ValueError,
     r"^split\(\): weights\[0\] is NaN"),
    ("split: 2-D array", lambda: yr.split(100, np.ones((2, 2), np.int64)), ValueError, "dimension"),
    ("split: total 2^63", lambda: yr.split(2**63, POP), OverflowError, "total"),
    ("split: total below -2^63", lambda: yr.split(-(2**63) - 1, POP), OverflowError, "total"),
    ("split: weight 2^63", lambda: yr.split(1, [2**63]), OverflowError, r"weights\[0\]"),
    (
        "split: uint64 weight 2^63",
        lambda: yr.split(1, np.array([2**63], np.uint64)),
        OverflowError,
        r"weights\[0\]",
    ),
    ("split: unknown method", lambda: yr.split(100, POP, "hamiltonian"), ValueError, "unknown method"),
    ("split: method as int", lambda: yr.split(100, POP, 99), TypeError, "method"),
    ("mixed: NaN fraction", lambda: yr.split_mixed(100, POP, NAN), ValueError, "nan"),
    ("mixed: infinite fraction", lambda: yr.split_mixed(100, POP, INF), ValueError, "inf"),
    ("audit: different lengths", lambda: yr.audit(100, [1, 2], [33]), ValueError, "length"),
    ("audit: label count", lambda: yr.audit(100, [1, 2], [33, 67], labels=["A"]), ValueError, "labels"),
    ("pot: unknown role", lambda: _pot(ATT, [("2024-02-06", "A", "chef")]), ValueError, "unknown role 'chef'"),
    ("pot: empty role", lambda: _pot(ATT, [("2024-02-06", "A", "")]), ValueError, "unknown role"),
    ("pot: role as bytes", lambda: _pot(ATT, [("2024-02-06", "A", b"leader")]), TypeError, "role"),
    (
        "pot: unknown day",
        lambda: _pot(ATT, [("2024-02-07", "Falun", "leader")], days=["2024-02-06"]),
        ValueError,
        "unknown day '2024-02-07'",
    ),
    (
        "pot: unknown municipality",
        lambda: _pot(ATT, TR, municipalities=["Falun"]),
        ValueError,
        "unknown municipality 'Mora'",
    ),
    (
        "pot: municipality listed twice",
        lambda: _pot(ATT, TR, municipalities=["Falun", "Mora", "Falun"]),
        ValueError,
        "listed twice",
    ),
    (
        "pot: day listed twice",
        lambda: _pot(ATT, TR, days=["2024-02-06", "2024-02-06"]),
        ValueError,
        "listed twice",
    ),
    ("pot: float participants", lambda: _pot([("2024-02-06", "Orsa", 3.5)], TR), ValueError,
     r"^settle_pot\(\): participants\[0\] is 3\.5, not a whole number$"),
    ("pot: NaN participants", lambda: _pot([("2024-02-06", "Orsa", NAN)], TR), ValueError,
     r"participants\[0\] is NaN"),
    (
        "pot: NaN fee",
        lambda: _pot(ATT, TR, yr.PotRules(fee=NAN, pot_part=0, share=(10, 15))),
        ValueError,
        "fee is NaN",
    ),
    ("pot: malformed record", lambda: _pot([("d", "A")], TR), ValueError, "triple"),
    ("crosstab: fractional indices", lambda: yr.crosstab(np.array([0.5]), [0], 1, 1),
     ValueError, r"^crosstab\(\): rows\[0\] is 0\.5, not a whole number$"),
    ("crosstab: complex indices", lambda: yr.crosstab(np.array([0j]), [0], 1, 1), TypeError,
     "complex128"),
    ("proportion: bool count", lambda: yr.proportion(True, 10), TypeError,
     r"^proportion\(\): successes is True, a bool"),
    ("proportion: fractional count", lambda: yr.proportion(3, 10.5), ValueError,
     r"^proportion\(\): trials is 10\.5, not a whole number$"),
    ("proportion: a fraction in a Series", lambda: yr.proportion(
        pd.Series([3, 4.5], index=["Falun", "Mora"]), 10), ValueError,
     r"^proportion\(\): successes\[1\] \('Mora'\) is 4\.5, not a whole number$"),
    ("check_totals: a fraction in the table", lambda: yr.check_totals(
        np.array([[1.0, 2.0], [3.0, 4.5]]), [4, 6]), ValueError,
     r"^check_totals\(\): table\[1, 1\] is 4\.5, not a whole number$"),
    ("proportion: str confidence", lambda: yr.proportion(3, 10, "0.95"), TypeError, "str"),
]


@pytest.mark.parametrize(
    "call,exc,pattern", [c[1:] for c in BINDING_ERRORS], ids=[c[0] for c in BINDING_ERRORS]
)
def test_binding_refuses_with_a_clear_exception(call, exc, pattern):
    with pytest.raises(exc) as info:
        call()
    assert re.search(pattern, str(info.value)), str(info.value)


# Names with a NUL byte reach C as NUL-terminated strings: "leader\0x" must not be read as
# "leader", nor "dhondt\0x" as "dhondt" (silent truncation of an input).
@pytest.mark.parametrize(
    "call",
    [
        lambda: _pot(ATT, [("2024-02-06", "Falun", "leader\x00x")]),
        lambda: _pot(ATT, [("2024-02-06", "Falun", "kursledare\x00")]),
        lambda: yr.split(100, POP, "dhondt\x00x"),
    ],
    ids=["role with NUL", "role with trailing NUL", "method with NUL"],
)
def test_names_with_nul_are_refused(call):
    with pytest.raises(ValueError):
        call()


def test_role_with_unencodable_text_is_a_clear_error():
    """A lone surrogate cannot become UTF-8 for C: an error naming the role, not a crash."""
    with pytest.raises((ValueError, TypeError)) as info:
        _pot(ATT, [("2024-02-06", "Falun", "lead\udcffer")])
    assert "role" in str(info.value)


def test_duplicate_labels_in_an_audit_are_refused():
    """As the command line refuses duplicate names in a split or audit table."""
    with pytest.raises(ValueError, match="twice|duplicate"):
        yr.audit(100, [1, 2], [33, 67], labels=["Avesta", "Avesta"])


def test_labels_are_kept_as_given_including_invalid_utf8():
    """Labels never go through C: bytes that are not UTF-8 (and lone surrogates) come back
    unchanged, as the command line keeps such names byte for byte."""
    a = yr.audit(100, [1, 2], [33, 67], labels=[b"\xff\xfeAvesta", "Fal\udcc3"])
    assert [r.label for r in a.rows] == [b"\xff\xfeAvesta", "Fal\udcc3"]
    s = _pot([("d", b"\xff", 3)], [("d", b"\xff", "leader")])
    assert s.rows[0].municipality == b"\xff" and s.rows[0].kickback == 1200


def test_extreme_but_valid_numbers_are_exact():
    """The edges of int64 are valid input: exact answers, no error, no float anywhere."""
    out = yr.split(INT64_MIN, [INT64_MAX] * 4)
    assert sum(out) == INT64_MIN and all(isinstance(x, int) for x in out)
    arr = yr.split(INT64_MAX, np.full(5, INT64_MAX, np.int64), "huntington_hill")
    assert arr.dtype == np.int64 and int(arr.sum(dtype=object)) == INT64_MAX
    # a published row of INT64_MIN is audited, not refused
    a = yr.audit(-1, [1, 1], [INT64_MIN, INT64_MAX])
    assert a.published_sum == -1 and a.rows_outside_quota == 2


def test_inputs_are_not_modified():
    weights = np.array(POP, np.int64)
    before = weights.copy()
    with pytest.raises(yr.Error):
        yr.split(-5, weights, "adams")
    yr.split(850000, weights)
    assert np.array_equal(weights, before)
    lst = [0, 0]
    with pytest.raises(yr.Error):
        yr.split(5, lst)
    assert lst == [0, 0]


def test_nan_never_becomes_a_count():
    """Shares can be NaN only where the header says so (a course with nobody registered)."""
    rates = yr.attendance_rate([26, 0], [25, 0])
    per = rates.per_course
    assert math.isnan(per[1].share) and per[1].trials == 0
    assert not math.isnan(per[0].share)
