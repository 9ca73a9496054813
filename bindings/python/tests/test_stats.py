"""Statistics: known answers on the Dalarna tables, goal verdicts, shapes and errors."""

import math

import numpy as np
import pytest

import yrkesresa
from yrkesresa import Goal


def test_goal_enum_and_labels():
    assert [g.label for g in Goal] == ["met", "not met", "inconclusive"]
    assert str(Goal.NOT_MET) == "not met"


def test_manager_survey_2024(dalarna):
    # 22 managers; yes = round(share x n / 100); target 80 %.
    verdicts = []
    for row in dalarna("manager-survey-2024.csv"):
        n = int(row["respondents"])
        yes = round(int(row["share_yes_percent"]) * n / 100)
        verdicts.append(yrkesresa.goal_check(yes, n, int(row["target_percent"]) / 100))
    # With 22 respondents no goal can be judged either way: 77 % (17 yes) and even 68 % (15 yes)
    # cannot be told apart from 80 %. A spreadsheet would say "not met" six times.
    assert verdicts == [Goal.INCONCLUSIVE] * 6
    low, high = yrkesresa.proportion(15, 22)[1:]
    assert low < 0.80 < high


def test_goal_met_with_a_large_sample():
    assert yrkesresa.goal_check(900, 1000, 0.8) is Goal.MET
    assert yrkesresa.goal_check(700, 1000, 0.8) is Goal.NOT_MET


def test_proportion_known_values():
    p = yrkesresa.proportion(17, 22)
    assert p.share == 17 / 22
    assert p.low == pytest.approx(0.5656004682, abs=1e-9)
    assert p.high == pytest.approx(0.8987696001, abs=1e-9)
    wider = yrkesresa.proportion(17, 22, confidence=0.99)
    assert wider.low < p.low and wider.high > p.high


def test_courses_2024_attendance(dalarna):
    rows = [r for r in dalarna("courses-2024.csv") if r["course"] != "Totalt"]
    registered = np.array([int(r["registered"]) for r in rows])
    attended = np.array([int(r["attended"]) for r in rows])
    rates = yrkesresa.attendance_rate(registered, attended)
    published = [float(r["attendance_rate_published_percent"]) for r in rows]
    for rate, pub in zip(rates.per_course, published):
        assert round(100 * rate.share, 1) == pub
    assert (rates.total.successes, rates.total.trials) == (127, 139)
    assert round(100 * rates.total.share, 1) == 91.4
    # never a mean of rates
    assert rates.total.share != pytest.approx(np.mean([r.share for r in rates.per_course]))


def test_course_progression(dalarna):
    avesta = next(r for r in dalarna("course-progress-funktionshinder-2025-04-07.csv")
                  if r["municipality"] == "Avesta")
    completed = [int(avesta[f"course{k}_completed"]) for k in (1, 2, 3)]
    steps = yrkesresa.progression(completed)
    assert [(s.successes, s.trials) for s in steps] == [(55, 136), (7, 55)]
    assert steps[0].share == 55 / 136


def test_coverage_per_thousand(dalarna):
    population = {r["municipality"]: int(r["population"])
                  for r in dalarna("population-2021-06.csv")}
    c = yrkesresa.coverage(181, population["Avesta"])
    assert c.rate == pytest.approx(181 / 22986 * 1000)
    assert c.low < c.rate < c.high
    share = yrkesresa.coverage(181, population["Avesta"], per=1)
    assert share.rate == pytest.approx(c.rate / 1000)


def test_check_totals_of_the_accounts_table(dalarna):
    rows = dalarna("accounts-funktionshinder-2025-04-07.csv")
    columns = [c for c in rows[0] if c != "municipality"]
    total = [r for r in rows if r["municipality"].lower() in ("totalt", "summa")]
    body = [r for r in rows if r not in total]
    table = [[int(r[c]) for c in columns] for r in body]
    stated = [int(total[0][c]) for c in columns] if total else [sum(col) for col in zip(*table)]
    sums, mismatched = yrkesresa.check_totals(table, stated)
    assert sums.tolist() == [sum(col) for col in zip(*table)]
    assert mismatched == sum(a != b for a, b in zip(sums.tolist(), stated))
    bad = list(stated)
    bad[0] += 1
    assert yrkesresa.check_totals(table, bad).mismatched == sum(
        a != b for a, b in zip(sums.tolist(), bad))


def test_check_totals_shapes():
    with pytest.raises(ValueError, match="stated has 1 values for 2 columns"):
        yrkesresa.check_totals([[1, 2]], [3])
    sums, mismatched = yrkesresa.check_totals(np.zeros((0, 3), dtype=np.int64), [0, 0, 1])
    assert sums.tolist() == [0, 0, 0] and mismatched == 1


def test_crosstab_and_count_by_sizes():
    table = yrkesresa.crosstab([0, 2, 2], [1, 0, 1])
    assert table.shape == (3, 2) and table.tolist() == [[0, 1], [0, 0], [1, 1]]
    assert yrkesresa.crosstab([0], [0], 2, 3).shape == (2, 3)
    assert yrkesresa.count_by(np.array([3, 3, 0], dtype=np.uint32)).tolist() == [1, 0, 0, 2]
    assert yrkesresa.count_by([], 4).tolist() == [0, 0, 0, 0]
    with pytest.raises(ValueError, match="ngroups is needed"):
        yrkesresa.count_by([])
    with pytest.raises(ValueError, match="different lengths"):
        yrkesresa.crosstab([0, 1], [0], 2, 2)


def test_nan_only_where_documented():
    steps = yrkesresa.progression([0, 0])
    assert math.isnan(steps[0].share) and steps[0].trials == 0
