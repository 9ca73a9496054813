"""Issue 12 through Python: each rule once, in C — fractions, percent -> count, pot shares as
decimals, labels, total rows, enums from C, and error locations from the core's _where
variants (the binding re-validates nothing)."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import yrkesresa as yr


# ---- fractions: the one rule (yr_fraction_from_double / yr_fraction_from_text) ----------------
@pytest.mark.parametrize("value, parts", [
    (0.3, (3, 10)),
    (1.5, (15, 10)),
    (0.1 + 0.2, (30000000000000004, 10**17)),
    (1.0, (1, 1)),
    (0.04, (4, 100)),
    ("0,3", (3, 10)),
    ("30 %", (30, 100)),
    ("12,5 %", (125, 1000)),
    ("3/10", (3, 10)),
    (7, (7, 1)),
    (Fraction(2, 6), (1, 3)),
    (Decimal("0.25"), (1, 4)),
    ((3, 10), (3, 10)),
])
def test_fraction_parts(value, parts):
    assert yr.fraction_parts(value) == parts


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_a_float_is_its_shortest_decimal(x):
    try:
        num, den = yr.fraction_parts(x)
    except yr.Error as error:  # too many digits for 10^18: an honest overflow
        assert error.status == "YR_ERR_OVERFLOW"
        return
    assert float(Fraction(num, den)) == x
    assert Fraction(num, den) == Fraction(repr(x))


def test_fraction_errors_are_c_statuses():
    with pytest.raises(yr.Error) as info:
        yr.fraction_parts(float("nan"))
    assert info.value.status == "YR_ERR_RANGE"
    with pytest.raises(yr.Error) as info:
        yr.fraction_parts("three tenths")
    assert info.value.status == "YR_ERR_RANGE"
    with pytest.raises(TypeError):
        yr.fraction_parts(True)


def test_split_mixed_reads_0_1_plus_0_2_as_r_does():
    # 0.30000000000000004 exactly, not 3/10 and not the binary double
    exact = yr.split_mixed(10**17, [1, 3], (30000000000000004, 10**17))
    assert yr.split_mixed(10**17, [1, 3], 0.1 + 0.2) == exact
    assert yr.split_mixed(1000, [1, 3], "30 %") == yr.split_mixed(1000, [1, 3], 0.3)


# ---- percent -> count ------------------------------------------------------------------------
def test_count_from_percent_half_away_from_zero_and_exact_flag():
    assert tuple(yr.count_from_percent(77, 22)) == (17, True)
    assert tuple(yr.count_from_percent(50, 3)) == (2, False)  # 1.5 -> 2, away from zero
    assert tuple(yr.count_from_percent("12,5 %", 8)) == (1, True)
    assert tuple(yr.count_from_percent("12,5", 8)) == (1, True)
    assert tuple(yr.count_from_percent(12.5, 8)) == (1, True)
    with pytest.raises(yr.Error) as info:
        yr.count_from_percent(101, 22)
    assert info.value.status == "YR_ERR_RANGE"


def test_count_from_percent_vectorised_over_a_survey(dalarna):
    import pandas as pd

    survey = pd.DataFrame(dalarna("manager-survey-2024.csv"))
    survey = survey.astype({"share_yes_percent": int, "respondents": int})
    counts = yr.count_from_percent(survey.share_yes_percent, survey.respondents)
    assert counts["count"].tolist() == [17, 15, 17, 17, 15, 16]
    # 69 % of 22: 15 answers are 68.2 %, 16 are 72.7 % -- no whole count gives 69 %
    assert counts.exact.tolist() == [True, True, True, True, False, True]


# ---- pot shares as decimals ------------------------------------------------------------------
def test_pot_shares_as_decimals_equal_the_dalarna_rules():
    dalarna = yr.PotRules.dalarna_2024()
    for share in ({"leader": 1.5, "trainer": 1}, {"kursledare": "1,5", "utbildare": 1.0},
                  (1.0, 1.5)):
        assert yr.PotRules(600, 400, share) == dalarna
    assert yr.PotRules(600, 400, (10, 15)).share == (10, 15)  # integers kept as they are


def test_pot_shares_validated_by_c():
    with pytest.raises(yr.Error) as info:
        yr.PotRules(-1, 0, {"leader": 1.5, "trainer": 1})
    assert info.value.status == "YR_ERR_NEGATIVE"


# ---- labels and total rows: the CLI's rules --------------------------------------------------
@pytest.mark.parametrize("raw, trimmed", [
    ("Falun ", "Falun"), ("\u00a0Mora\u202f", "Mora"), ("\tOrsa\r\n", "Orsa"),
    ("Malung-Sälen", "Malung-Sälen"), ("  ", ""), (2080, 2080),
])
def test_trim_label(raw, trimmed):
    assert yr.trim_label(raw) == trimmed


@pytest.mark.parametrize("label, total", [
    ("Summa", True), ("TOTALT:", True), (" Riket ", True), ("Dalarnas län", True),
    ("Hela länet", True), ("Falun", False), ("Summerdal", False), (None, False), (4, False),
])
def test_is_total_label(label, total):
    assert yr.is_total_label(label) is total


# The reader's rule, not the core's "... län" (worked out by hand): a county is an aggregate only
# by one of its forms in the identity list ('Dalarnas län', 'Dalarna län', '20 Dalarnas län'),
# so 'Region Jönköpings län' and 'Länsstyrelsen i Dalarnas län' are organisations: parties.
@pytest.mark.parametrize("label, total", [
    ("Dalarnas län", True), ("Dalarna län", True), ("20 Dalarnas län", True), ("00", True),
    ("Delsumma", True), ("Region Jönköpings län", False), ("Länsstyrelsen i Dalarnas län", False),
    ("2080 Falun", False),
])
def test_is_total_label_by_the_reader(label, total):
    assert yr.is_total_label(label) is total and yr.label_is_total(label) is total


def test_drop_total_rows_keeps_a_region_named_after_its_county():
    import pandas as pd

    # rows 0-1 parties, 2 a county, 3 a total: 'Region Jönköpings län' is kept (the core's
    # yr_label_is_total dropped it), 'Dalarnas län' and 'Summa' are dropped
    t = pd.DataFrame({"party": ["Region Jönköpings län", "Falun", "Dalarnas län", "Summa"],
                      "weight": [3, 1, 1, 4]})
    assert yr.drop_total_rows(t, "party").party.tolist() == ["Region Jönköpings län", "Falun"]
    # audit_frame takes 'Summa' (100) as the stated total, not the region: 75 and 25 exact
    t = pd.DataFrame({"party": ["Region Jönköpings län", "Falun", "Summa"],
                      "population": [3, 1, 4], "amount": [75, 25, 100]})
    a = yr.audit_frame(t, labels="party")
    assert (a.stated_total, a.published_sum, a.rows_differing) == (100, 100, 0)
    assert [r.label for r in a.rows] == ["Region Jönköpings län", "Falun"]
    with pytest.raises(yr.Error, match="code 2080 is Falun, not 'Mora'"):
        yr.drop_total_rows(pd.DataFrame({"m": ["2080 Mora", "Falun"]}), "m")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=0, max_size=8))
def test_find_total_row_is_the_first_weight_equal_to_the_rest(weights):
    got = yr.find_total_row(weights)
    expected = next((i for i, w in enumerate(weights)
                     if len(weights) >= 3 and w != 0 and 2 * w == sum(weights)), None)
    assert got == expected


# ---- enums generated from C --------------------------------------------------------------------
def test_enums_come_from_the_c_headers():
    assert [m.name for m in yr.Goal] == ["MET", "NOT_MET", "INCONCLUSIVE"]
    assert [(r.name, int(r)) for r in yr.Role] == [("TRAINER", 0), ("LEADER", 1)]
    assert [t.name for t in yr.Tie] == ["LARGER_WEIGHT", "SMALLER_WEIGHT", "REPORT"]
    assert len(yr.Method) == yr._core.YR_METHOD_COUNT and yr.Method.DEAN.name == "DEAN"
    assert [str(g) for g in yr.Goal] == ["met", "not met", "inconclusive"]


# ---- error locations from the core -------------------------------------------------------------
def test_split_error_names_the_element_from_the_core():
    with pytest.raises(yr.Error) as info:
        yr.split(100, {"Avesta": 5, "Falun": -1, "Mora": 3})
    e = info.value
    assert (e.status, e.record, e.arg, e.label) == ("YR_ERR_NEGATIVE", 1, "weights", "Falun")
    assert "weights['Falun']" in str(e)


def test_audit_error_names_the_row_by_its_label():
    import pandas as pd

    weights = pd.Series([1, -1, 1], index=["a", "b", "c"])
    with pytest.raises(yr.Error) as info:
        yr.audit(100, weights, [50, 0, 50])
    assert (info.value.status, info.value.arg, info.value.label) == ("YR_ERR_NEGATIVE", "weights", "b")
    with pytest.raises(yr.Error) as info:
        yr.audit(100, [1, 1], [2**62, 2**62])
    assert (info.value.status, info.value.arg, info.value.record) == ("YR_ERR_OVERFLOW", "published", None)


def test_crosstab_error_names_the_record():
    with pytest.raises(yr.Error) as info:
        yr.crosstab(np.array([0, 1, 7], dtype=np.uint32), [0, 0, 0], 2, 1)
    assert info.value.status == "YR_ERR_RANGE" and info.value.record == 2


def test_attendance_error_names_the_course():
    with pytest.raises(yr.Error) as info:
        yr.attendance_rate([10, 5], [8, 6], labels=["A", "B"])
    assert info.value.label == "B" and info.value.status == "YR_ERR_RANGE"


def test_a_location_survives_pickle():
    import pickle

    with pytest.raises(yr.Error) as info:
        yr.split(100, [1, -1, 3])
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.record, again.arg, str(again)) == (1, "weights", str(info.value))


# ---- a table being checked: the library's rules (read.h, yr_checked_total_row) -----------------
def test_audit_frame_takes_the_total_row_by_the_librarys_rule():
    import pandas as pd

    lan = "Dalarnas län"
    # SCB's table ends with the county: its one aggregate row is the total (75 + 25 = 100)
    t = pd.DataFrame({"municipality": ["Falun", "Mora", lan],
                      "population": [3, 1, 4], "amount": [75, 25, 100]})
    a = yr.audit_frame(t)
    assert (a.stated_total, a.published_sum, a.rows_differing) == (100, 100, 0)
    # a county beside Summa: Summa (100) is the total, the county (90) no party and no total
    # (before, "2 total rows")
    t = pd.DataFrame({"municipality": ["Falun", "Mora", lan, "Summa"],
                      "population": [3, 1, 4, 4], "amount": [75, 25, 90, 100]})
    a = yr.audit_frame(t)
    assert a.stated_total == 100 and [r.label for r in a.rows] == ["Falun", "Mora"]
    # two total rows: the library's sentence, naming both rows (positions from 1)
    t = pd.DataFrame({"municipality": ["Falun", "Mora", "Summa", "Totalt"],
                      "population": [3, 1, 4, 4], "amount": [75, 25, 100, 100]})
    with pytest.raises(yr.Error, match=r"a second total row \(the first is on line 3\)") as e:
        yr.audit_frame(t)
    assert e.value.record == 3
    # the nation beside the county: no total row
    t = pd.DataFrame({"municipality": ["Falun", "Mora", lan, "Riket"],
                      "population": [3, 1, 4, 4], "amount": [75, 25, 100, 100]})
    with pytest.raises(ValueError, match="no total row.*stated_total"):
        yr.audit_frame(t)


def test_split_frame_labels_an_item_column_by_the_librarys_rule():
    import pandas as pd

    # no municipality column: the item column 'Post' labels the rows (yr_label_column_of), so
    # its Summa (4 = 3 + 1) is a total, not a party: 100 split 75 / 25 (before, split in three)
    t = pd.DataFrame({"Post": ["Lokal", "Resor", "Summa"], "Vikt": [3, 1, 4]})
    out = yr.split_frame(t, 100, weights="Vikt")
    assert out["amount"].tolist()[:2] == [75, 25] and pd.isna(out["amount"].iloc[2])
    # a municipality column beats an item column before it
    t = pd.DataFrame({"Post": ["a", "b", "c"], "Kommun": ["Falun", "Mora", "Summa"],
                      "Vikt": [3, 1, 4]})
    out = yr.split_frame(t, 100, weights="Vikt")
    assert out["amount"].tolist()[:2] == [75, 25] and pd.isna(out["amount"].iloc[2])
