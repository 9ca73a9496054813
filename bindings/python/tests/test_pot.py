"""pot_settle and PotRules: labels, roles, DataFrames, known answers, the example year."""

import numpy as np
import pytest

import yrkesresa
from yrkesresa import PotRules, Role


def test_dalarna_2024_rules_come_from_c():
    r = PotRules.dalarna_2024()
    assert (r.fee, r.pot_part, r.share) == (600, 400, (10, 15))
    assert r.share[Role.LEADER] == 15 and r.share[Role.TRAINER] == 10


def test_rules_from_a_mapping_and_checks():
    assert PotRules(600, 400, {"kursledare": 15, Role.TRAINER: 10}).share == (10, 15)
    with pytest.raises(ValueError):
        PotRules(600, 400, {"leader": 15})
    with pytest.raises(ValueError):
        PotRules(600, 400, {"leader": 15, "kursledare": 15})


def test_one_day_known_answer():
    # 10 participants from Avesta; a course leader from Falun and a trainer from Mora.
    # The day's pot: 400 * 10 = 4000, shared 15:10 -> Falun 2400, Mora 1600.
    s = yrkesresa.pot_settle([("d1", "Avesta", 10)],
                             [("d1", "Falun", "kursledare"), ("d1", "Mora", "utbildare")])
    rows = {r.municipality: r for r in s.rows}
    assert [r.municipality for r in s.rows] == ["Avesta", "Falun", "Mora"]
    assert (rows["Avesta"].fees, rows["Avesta"].admin, rows["Avesta"].pot_in) == (6000, 2000, 4000)
    assert (rows["Falun"].kickback, rows["Mora"].kickback) == (2400, 1600)
    assert (rows["Avesta"].net, rows["Falun"].net, rows["Mora"].net) == (6000, -2400, -1600)
    assert s.summary.kickback == 4000 and s.summary.undistributed == 0
    assert s.undistributed_days == {}


def test_whole_units_by_largest_remainder():
    # 1 participant: a 400 pot over three equal trainers: 133.33 each -> 134, 133, 133
    s = yrkesresa.pot_settle([(1, "A", 1)], [(1, "B", "trainer"), (1, "C", "trainer"),
                                            (1, "D", "trainer")])
    assert [r.kickback for r in s.rows] == [0, 134, 133, 133]


def test_day_without_trainer_is_reported_not_dropped():
    s = yrkesresa.pot_settle([("mon", "A", 3), ("tue", "A", 2)], [("mon", "B", Role.LEADER)])
    assert s.undistributed_days == {"tue": 800}
    assert s.summary.undistributed == 800 and s.summary.days_without_trainer == 1
    assert s.summary.kickback + s.summary.undistributed == s.summary.pot_in == 2000


def test_label_order_and_fixed_lists():
    att = [("d2", "B", 1), ("d1", "A", 1)]
    tr = [("d1", "C", "leader"), ("d2", "C", "trainer")]
    s = yrkesresa.pot_settle(att, tr)
    assert [r.municipality for r in s.rows] == ["B", "A", "C"]
    fixed = yrkesresa.pot_settle(att, tr, municipalities=["A", "B", "C", "Z"], days=["d1", "d2"])
    assert [r.municipality for r in fixed.rows] == ["A", "B", "C", "Z"]
    assert fixed.rows[3].fees == 0 and fixed.rows[3].kickback == 0
    by_label = {r.municipality: r.kickback for r in s.rows}
    assert by_label == {r.municipality: r.kickback for r in fixed.rows if r.municipality != "Z"}
    with pytest.raises(ValueError, match="unknown municipality 'C'"):
        yrkesresa.pot_settle(att, tr, municipalities=["A", "B"])


def test_role_names_any_case_and_roles_as_enum_or_int():
    base = yrkesresa.pot_settle([(0, "A", 5)], [(0, "B", "leader"), (0, "C", "trainer")])
    for leader, trainer in [(" KursLedare ", "UTBILDARE"), (Role.LEADER, Role.TRAINER), (1, 0)]:
        other = yrkesresa.pot_settle([(0, "A", 5)], [(0, "B", leader), (0, "C", trainer)])
        assert other.rows == base.rows


def test_custom_rules():
    rules = PotRules(fee=1000, pot_part=250, share=(1, 1))
    s = yrkesresa.pot_settle([(0, "A", 4)], [(0, "B", "leader"), (0, "C", "trainer")], rules)
    assert [r.kickback for r in s.rows] == [0, 500, 500]
    assert s.rows[0].admin == 3000


def test_dataframes_and_the_example_year(source_dir):
    pd = pytest.importorskip("pandas")
    examples = source_dir / "data" / "examples"
    att = pd.read_csv(examples / "pot-2024-attendance.csv")
    tr = pd.read_csv(examples / "pot-2024-trainers.csv")
    s = yrkesresa.pot_settle(att, tr)
    assert s.summary.participant_days == att["participants"].sum() == 289
    assert s.summary.fees == 600 * 289 and s.summary.pot_in == 400 * 289
    assert s.summary.days_without_trainer == 1 and len(s.undistributed_days) == 1
    assert s.summary.kickback + s.summary.undistributed == s.summary.pot_in
    # the same through tuples
    same = yrkesresa.pot_settle(list(att.itertuples(index=False)),
                                list(tr.itertuples(index=False)))
    assert same == s
    frame = s.to_frame()
    assert list(frame.columns) == ["participant_days", "fees", "admin", "pot_in", "kickback", "net"]
    assert frame["kickback"].sum() == s.summary.kickback
    assert (frame["net"] == frame["fees"] - frame["kickback"]).all()


def test_dataframe_needs_the_columns():
    pd = pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="participants"):
        yrkesresa.pot_settle(pd.DataFrame({"day": [1], "municipality": ["A"]}), [])


def test_numpy_participants_and_errors():
    s = yrkesresa.pot_settle([(0, "A", np.int64(3))], [(0, "A", "leader")])
    assert s.rows[0].kickback == 1200
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.pot_settle([(0, "A", 3)], [(0, "A", "leader")],
                             PotRules(fee=600, pot_part=700, share=(10, 15)))
    assert info.value.status == "YR_ERR_RANGE"
    with pytest.raises(OverflowError):
        yrkesresa.pot_settle([(0, "A", 2**63)], [])


def test_old_name_settle_pot_still_works_and_says_it_is_deprecated():
    """0.3.0: the binding uses the C function's words (yr_pot_settle is pot_settle); the old name
    stays, the same function, with a DeprecationWarning."""
    att = [("d1", "Falun", 4), ("d1", "Mora", 2)]
    tr = [("d1", "Falun", "leader")]
    with pytest.warns(DeprecationWarning, match="pot_settle"):
        old = yrkesresa.settle_pot(att, tr)
    assert old == yrkesresa.pot_settle(att, tr)
    assert yrkesresa.audit_split is yrkesresa.audit
