"""Issue 13: pandas conventions, refusals, total rows, vectorised statistics, labels, to_frame.

Each test pins a behaviour the binding did not have before round 2 (it would fail on 0.1)."""

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import yrkesresa as yr

pd = pytest.importorskip("pandas")

POP = {"Avesta": 22986, "Borlänge": 52460, "Falun": 59752, "Gagnef": 10455}


# ---- Series in -> Series out, dict in -> dict out ----------------------------------------------
@settings(max_examples=60, deadline=None)
@given(
    st.integers(-(10**12), 10**12),
    st.lists(st.integers(0, 10**9), min_size=1, max_size=12),
    st.sampled_from(["largest_remainder", "round_each"]),
)
def test_series_and_dict_keep_their_labels(total, weights, method):
    if sum(weights) == 0:
        weights[0] = 1
    labels = [f"m{i}" for i in range(len(weights))][::-1]  # a non-default, unsorted index
    series = pd.Series(weights, index=labels, name="population")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", yr.YrTotalRowWarning)
        plain = yr.split(total, weights, method)
        out_s = yr.split(total, series, method)
        out_d = yr.split(total, dict(zip(labels, weights)), method)
    assert isinstance(out_s, pd.Series)
    assert out_s.index.equals(series.index) and out_s.name == "population"
    assert out_s.dtype == np.int64 and out_s.tolist() == plain
    assert isinstance(out_d, dict) and list(out_d) == labels and list(out_d.values()) == plain


def test_split_mixed_keeps_series_and_dict():
    s = pd.Series(POP, name="population")
    out = yr.split_mixed(1000, s, 0.3)
    assert list(out.index) == list(POP) and sum(out) == 1000
    assert yr.split_mixed(1000, POP, 0.3) == dict(zip(POP, out.tolist()))


def test_audit_labels_from_the_series_index():
    s = pd.Series(POP)
    published = yr.split(100_000, s)
    a = yr.audit(100_000, s, published)
    assert [r.label for r in a.rows] == list(POP) and a.rows_differing == 0


def test_split_frame_adds_a_column_aligned_with_the_index():
    frame = pd.DataFrame({"municipality": list(POP), "population": list(POP.values())},
                         index=[10, 20, 30, 40])
    out = yr.split_frame(frame, 850_000, weights="population")
    assert "amount" not in frame  # a copy, the input untouched
    assert list(out.index) == [10, 20, 30, 40]
    assert out.amount.tolist() == yr.split(850_000, list(POP.values()))
    out2 = yr.split_frame(frame, 10, weights="population", column="seats", method="dhondt")
    assert out2.seats.tolist() == yr.split(10, list(POP.values()), "dhondt")


# ---- refusals (issue 13, adversarial run) ------------------------------------------------------
@pytest.mark.parametrize(
    "weights, error, words",
    [
        ({3, 5, 7}, TypeError, "defined order"),
        (frozenset({3, 5}), TypeError, "defined order"),
        ({3: "a", 5: "b"}.keys(), TypeError, "defined order"),
        (bytearray(b"\x03\x05"), TypeError, "bytearray"),
        (b"\x03\x05", TypeError, "bytes"),
        (np.ma.array([3, 5, 7], mask=[0, 1, 0]), ValueError, "masked"),
    ],
    ids=["set", "frozenset", "dict keys", "bytearray", "bytes", "masked array"],
)
def test_refuses_what_has_no_order_or_hides_values(weights, error, words):
    with pytest.raises(error, match=words):
        yr.split(100, weights)


def test_a_dict_gives_its_values_not_its_keys():
    # the keys 1000, 1 would split 100 as [100, 0]; the values as [25, 75]
    assert yr.split(100, {1000: 1, 1: 3}) == {1000: 25, 1: 75}


def test_masked_array_without_masked_elements_is_its_data():
    assert yr.split(10, np.ma.array([1, 4], mask=[0, 0])).tolist() == [2, 8]


def test_series_with_missing_values_is_refused_naming_the_label():
    s = pd.Series([3, None, 5], index=["a", "b", "c"], dtype="Int64")
    with pytest.raises(ValueError, match=r"^split\(\): weights\[1\] \('b'\) is missing \(<NA>\)"):
        yr.split(100, s)
    f = pd.Series([3, np.nan, 5], index=["a", "b", "c"])
    with pytest.raises(ValueError, match=r"^split_mixed\(\): weights\[1\] \('b'\) is missing \(nan\)"):
        yr.split_mixed(100, f, 0.5)


def test_a_dataframe_as_weights_points_to_split_frame():
    with pytest.raises(TypeError, match=r"^split\(\): weights must be one column.*split_frame"):
        yr.split(100, pd.DataFrame({"population": [1, 2]}))


# ---- pandas as people use it: float64 columns, nullable Int64 -----------------------------------
POP = {"Avesta": 22986, "Borlänge": 52460, "Falun": 59752, "Orsa": 6939}


def test_a_float_column_is_split_exactly():
    """read_excel gives float64 for a column with an empty cell or a footnote: whole values are
    the integers they stand for, and the result is the Series the int column gives."""
    ints = pd.Series(POP, name="Befolkning")
    want = yr.split(850_000, ints)
    floats = ints.astype("float64")
    got = yr.split(850_000, floats)
    assert got.tolist() == want.tolist() and list(got.index) == list(ints.index)
    assert got.dtype == np.int64 and got.name == "Befolkning"
    assert yr.split(float(850_000), floats).tolist() == want.tolist()
    frame = pd.DataFrame({"kommun": list(POP), "Befolkning": [float(v) for v in POP.values()]})
    assert yr.split_frame(frame, 850_000, "Befolkning").amount.tolist() == want.tolist()
    assert yr.audit(850_000, floats, want.astype(float)).rows_differing == 0


def test_nullable_int64_is_split_exactly():
    ints = pd.Series(POP)
    assert yr.split(850_000, ints.astype("Int64")).tolist() == yr.split(850_000, ints).tolist()
    assert yr.split(850_000, ints.astype("Float64")).tolist() == yr.split(850_000, ints).tolist()
    table = yr.split_table({"a": 1000, "b": 10}, ints.astype("Int64"))
    assert table.to_numpy().tolist() == yr.split_table({"a": 1000, "b": 10}, ints).to_numpy().tolist()


@pytest.mark.parametrize("value,reason", [
    (1.5, "is 1.5, not a whole number"),
    (np.nan, "is missing (nan): drop or fill it first"),
    (np.inf, "is inf, not a whole number"),
    (2.0**53 + 2, "is 9007199254740994.0, beyond 2**53: a float that large is not an exact "
                  "whole number (give an int)"),
])
def test_a_bad_float_names_the_function_and_the_label(value, reason):
    s = pd.Series(POP, dtype="float64")
    s["Falun"] = value
    message = f"split(): weights[2] ('Falun') {reason}"
    with pytest.raises(ValueError) as info:
        yr.split(850_000, s)
    assert str(info.value) == message
    frame = pd.DataFrame({"Befolkning": s})
    with pytest.raises(ValueError) as info:
        yr.split_frame(frame, 850_000, "Befolkning")
    assert str(info.value) == message.replace("split()", "split_frame()")


@pytest.mark.parametrize("call,message", [
    (lambda s: yr.split_table({"a": 10}, s), "split_table(): weights[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.split_nested(10, s, ["x", "y"]), "split_nested(): weights[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.audit(10, s, [5, 5]), "audit(): weights[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.audit(10, [1, 1], s), "audit(): published[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.split(10, [1, 1], "dhondt", minimum=s), "split(): minimum[1] is 0.5, not a whole number"),
    (lambda s: yr.progression(s), "progression(): completed[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.attendance_rate([5, 5], s), "attendance_rate(): attended[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.coverage(s, 100), "coverage(): count[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.count_from_percent(50, s), "count_from_percent(): n[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.goal_check(s, 10, 0.5), "goal_check(): yes[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.statement({"a": 10}, s), "statement(): weights[1] ('Mora') is 0.5, not a whole number"),
    (lambda s: yr.count_by(s), "count_by(): groups[1] is 0.5, not a whole number"),
])
def test_every_whole_number_argument_names_the_function(call, message):
    s = pd.Series([1.0, 0.5], index=["Falun", "Mora"])
    with pytest.raises(ValueError) as info:
        call(s)
    assert str(info.value) == message
    whole = pd.Series([2.0, 1.0], index=["Falun", "Mora"])
    call(whole)  # the same call with whole floats goes through


# ---- total rows --------------------------------------------------------------------------------
def test_total_row_warns_naming_the_label(dalarna):
    rows = dalarna("published-split-coordinator-2023.csv")
    s = pd.Series([int(r["population"]) for r in rows], index=[r["municipality"] for r in rows])
    with pytest.warns(yr.YrTotalRowWarning, match=r"weights\['Summa'\]") as caught:
        yr.split(850_000, s)
    assert caught[0].message.label == "Summa" and caught[0].message.position == len(rows) - 1
    assert issubclass(yr.YrTotalRowWarning, UserWarning)


@pytest.mark.parametrize("call", [
    lambda w: yr.split(100, w),
    lambda w: yr.split_mixed(100, w, 0.5),
    lambda w: yr.audit(100, w, [0] * len(w)),
], ids=["split", "split_mixed", "audit"])
def test_total_row_first_or_last_warns_by_position(call):
    for weights, position in (([1, 2, 3], 2), ([6, 1, 2, 3], 0)):
        with pytest.warns(yr.YrTotalRowWarning, match=rf"weights\[{position}\]"):
            try:
                call(weights)
            except yr.Error:
                pass  # audit of zeros differs; the warning came first


def test_no_warning_without_a_total_row_or_for_two_parties():
    with warnings.catch_warnings():
        warnings.simplefilter("error", yr.YrTotalRowWarning)
        yr.split(100, [1, 2, 4])
        yr.split(100, [5, 5])  # two equal parties are not a total
        yr.split(100, [0, 0, 1, 2])


def test_drop_total_rows_by_label(dalarna):
    frame = pd.DataFrame(dalarna("published-split-coordinator-2023.csv"))
    frame["population"] = frame.population.astype(int)
    body = yr.drop_total_rows(frame, "municipality")
    assert len(body) == len(frame) - 1 and "Summa" not in set(body.municipality)
    with warnings.catch_warnings():
        warnings.simplefilter("error", yr.YrTotalRowWarning)
        assert sum(yr.split(850_000, body.population)) == 850_000
    indexed = frame.set_index("municipality")
    assert "Summa" not in yr.drop_total_rows(indexed).index


def test_attendance_rate_frame_warns_about_the_total_row(source_dir):
    courses = pd.read_csv(source_dir / "data" / "dalarna" / "courses-2024.csv")
    with pytest.warns(yr.YrTotalRowWarning, match="Totalt"):
        doubled = yr.attendance_rate(courses, labels="course")
    assert (doubled.total.successes, doubled.total.trials) == (254, 278)
    body = yr.drop_total_rows(courses, "course")
    rates = yr.attendance_rate(body, labels="course")
    assert (rates.total.successes, rates.total.trials) == (127, 139)
    frame = rates.to_frame()
    assert list(frame.index) == list(body.course) and frame.trials.tolist() == list(body.registered)


def test_audit_frame_takes_the_stated_total_from_the_total_row(source_dir):
    table = pd.read_csv(source_dir / "data" / "dalarna" / "published-split-coordinator-2023.csv")
    a = yr.audit_frame(table)
    assert a.stated_total == 850_000 and a.published_sum == 850_001
    assert "Summa" not in [r.label for r in a.rows]
    with pytest.raises(ValueError, match="stated_total"):
        yr.audit_frame(yr.drop_total_rows(table, "municipality"))


# ---- clear errors ------------------------------------------------------------------------------
def test_target_given_as_percent_says_so():
    with pytest.raises(yr.Error, match=r"^goal_check\(\): target=80: target 80 is outside 0 to 1 "
                       r"\(a share, not a percentage: 0\.8 for 80 %\)$"):
        yr.goal_check(17, 22, target=80)
    with pytest.raises(yr.Error, match=r"^proportion\(\): confidence=95: confidence 95 is not "
                       r"between 0 and 1 \(a share, not a percentage: 0\.95 for 95 %\)$"):
        yr.proportion(17, 22, confidence=95)
    with pytest.raises(yr.Error, match="confidence=95") as info:
        yr.goal_check(17, 22, 0.8, confidence=95)
    assert info.value.status == "YR_ERR_RANGE" and "target" not in str(info.value)


# ---- vectorised statistics ---------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 500), st.integers(0, 500)), min_size=1, max_size=10))
def test_proportion_and_goal_check_vectorised_equal_the_scalar_calls(pairs):
    n = np.array([p[0] for p in pairs])
    yes = np.array([min(p[1], p[0]) for p in pairs])
    p = yr.proportion(yes, n)
    verdicts = yr.goal_check(yes, n, 0.8)
    for i in range(len(pairs)):
        one = yr.proportion(int(yes[i]), int(n[i]))
        assert (p.share[i], p.low[i], p.high[i]) == tuple(one)
        assert verdicts[i] is yr.goal_check(int(yes[i]), int(n[i]), 0.8)
    assert len(p.to_frame()) == len(pairs)


def test_statistics_keep_a_series_index():
    yes = pd.Series([17, 15], index=["Q1", "Q2"])
    p = yr.proportion(yes, 22)
    assert isinstance(p, pd.DataFrame) and list(p.index) == ["Q1", "Q2"]
    assert list(p.columns) == ["share", "low", "high"]
    v = yr.goal_check(yes, 22, 0.8)
    assert isinstance(v, pd.Series) and v.tolist() == [yr.Goal.INCONCLUSIVE] * 2
    c = yr.coverage(yes, pd.Series([1000, 2000], index=["Q1", "Q2"]))
    assert c.rate.tolist() == pytest.approx([17.0, 7.5])


def test_vectorised_error_names_the_element():
    with pytest.raises(yr.Error, match="at element 'b'") as info:
        yr.proportion(pd.Series([1, 5], index=["a", "b"]), 3)
    assert info.value.label == "b"
    with pytest.raises(ValueError, match="different lengths"):
        yr.proportion([1, 2], [3, 4, 5])


def test_scalar_results_have_to_frame():
    assert list(yr.proportion(17, 22).to_frame().columns) == ["share", "low", "high"]
    assert yr.coverage(5, 1000).to_frame().rate.tolist() == [5.0]
    rate = yr.progression([10, 5])[0]
    assert rate.to_frame().trials.tolist() == [10]
    check = yr.check_totals([[1, 2], [3, 4]], [4, 7])
    assert check.to_frame()["sum"].tolist() == [4, 6] and check.mismatched == 1


# ---- labels for crosstab / count_by ------------------------------------------------------------
def test_crosstab_of_labels_is_a_labelled_frame():
    rows = ["Falun", "Mora", "Falun ", "\u00a0Mora"]  # trimmed by the CLI rule
    cols = pd.Categorical(["k1", "k2", "k2", "k2"], categories=["k1", "k2", "k3"])
    t = yr.crosstab(rows, cols)
    assert list(t.index) == ["Falun", "Mora"] and list(t.columns) == ["k1", "k2", "k3"]
    assert t.loc["Falun"].tolist() == [1, 1, 0] and t.loc["Mora"].tolist() == [0, 2, 0]
    assert t.to_numpy().sum() == 4


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Avesta", "Mora", "Orsa", " Orsa"]), max_size=30))
def test_count_by_labels_matches_value_counts(labels):
    if not labels:
        return
    got = yr.count_by(pd.Series(labels, name="municipality"))
    expected = pd.Series([s.strip() for s in labels]).value_counts()
    assert got.name == "count" and got.index.name == "municipality"
    assert got.to_dict() == expected.to_dict()
    assert list(got.index) == sorted(got.index)


def test_count_by_keeps_unused_categories_and_refuses_missing():
    cat = pd.Series(pd.Categorical(["b", "b"], categories=["a", "b"]))
    assert yr.count_by(cat).to_dict() == {"a": 0, "b": 2}
    with pytest.raises(ValueError, match="missing"):
        yr.count_by(pd.Series(["a", None]))


def test_crosstab_indices_still_give_an_array():
    t = yr.crosstab([0, 1], [1, 1])
    assert isinstance(t, np.ndarray) and t.tolist() == [[0, 1], [0, 1]]


def test_settle_pot_trims_labels():
    pot = yr.pot_settle([("d1", "Falun ", 4), ("d1", "Falun", 2)], [("d1", " Falun", "leader")])
    assert [r.municipality for r in pot.rows] == ["Falun"] and pot.rows[0].participant_days == 6


# ---- to_frame: floats for display, exact values kept -------------------------------------------
def test_audit_frame_rounds_and_writes_csv():
    a = yr.audit(850_000, [22986, 52460, 59752], [67751, 154625, 176118])
    f = a.to_frame()
    assert f.quota.round(3).iloc[0] == pytest.approx(float(Fraction(850_000 * 22986, 135198)), 1e-3)
    assert "/" not in f.to_csv()
    assert f.attrs["exact"]["quota"].iloc[0] == Fraction(850_000 * 22986, 135198)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Falun", "Mora", " Mora", "Orsa\u00a0"]),
                          st.sampled_from(["k1", "k2", "k3"])), min_size=1, max_size=40))
def test_crosstab_of_labels_matches_pandas_crosstab(records):
    rows = pd.Series([r for r, _ in records], name="municipality")
    cols = pd.Series([c for _, c in records], name="course")
    got = yr.crosstab(rows, cols)
    expected = pd.crosstab(rows.str.strip(), cols)
    assert got.index.name == "municipality" and got.columns.name == "course"
    assert list(got.index) == list(expected.index) and list(got.columns) == list(expected.columns)
    assert got.to_numpy().tolist() == expected.to_numpy().tolist()


def test_messages_fit_the_function_called():
    """No message copied from split: a DataFrame given to progression names progression and no
    population column; the total-row warning of a course table suggests the course column."""
    with pytest.raises(TypeError) as info:
        yr.progression(pd.DataFrame({"course1": [5], "course2": [3]}))
    message = str(info.value)
    assert message.startswith("progression(): completed must be one column, not a DataFrame")
    assert "population" not in message and "split_frame" not in message
    with pytest.warns(yr.YrTotalRowWarning) as caught:
        yr.attendance_rate(pd.DataFrame({"course": ["A", "B", "Totalt"], "registered": [10, 20, 30],
                                         "attended": [8, 15, 23]}), labels="course")
    text = str(caught[0].message)
    assert text.startswith("attendance_rate: registered['Totalt']")
    assert "drop_total_rows(df, 'course')" in text and "municipality" not in text
