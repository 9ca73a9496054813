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


# ---- pot_by_day (yr_pot_by_day) ------------------------------------------------------------
def _reference_by_day(att, tr, shares=(10, 15), pot_part=400):
    """Independent: each (day, municipality)'s exact entitlement pot_d x its shares / S_d as a
    Fraction, and each municipality's kickback: the largest remainder of the distributed pot
    over the year's exact sums (ties: the larger exact sum, then the earlier municipality, as
    SPEC §3 and the R tests' ref_pot)."""
    from fractions import Fraction

    pot = {}
    for d, _, p in att:
        pot[d] = pot.get(d, 0) + pot_part * p
    s_day, s_pair = {}, {}
    for d, m, role in tr:
        share = shares[1] if role == "leader" else shares[0]
        s_day[d] = s_day.get(d, 0) + share
        s_pair[(d, m)] = s_pair.get((d, m), 0) + share
    exact = {(d, m): Fraction(pot.get(d, 0) * s, s_day[d]) for (d, m), s in s_pair.items()}
    order = []
    for d, m, _ in list(att) + list(tr):
        if m not in order:
            order.append(m)
    year = {m: sum((q for (d, mm), q in exact.items() if mm == m), Fraction(0)) for m in order}
    kick = {m: year[m].numerator // year[m].denominator for m in order}
    extra = sum(pot.get(d, 0) for d in s_day) - sum(kick.values())
    by_rem = sorted(order, key=lambda m: (-(year[m] - kick[m]), -year[m], order.index(m)))
    for m in by_rem[:extra]:
        kick[m] += 1
    return exact, kick


def test_pot_by_day_rows_add_up_to_an_independent_kickback():
    import random
    from fractions import Fraction

    rng = random.Random(22)
    for trial in range(80):
        nmun, ndays = rng.randint(1, 5), rng.randint(1, 6)
        att = [(rng.randint(1, ndays), f"m{rng.randint(1, nmun)}", rng.randint(0, 9))
               for _ in range(rng.randint(1, 12))]
        tr = [(rng.randint(1, ndays), f"m{rng.randint(1, nmun)}",
               rng.choice(["trainer", "leader"])) for _ in range(rng.randint(0, 8))]
        frame = yrkesresa.pot_by_day(att, tr)
        exact, kick = _reference_by_day(att, tr)
        assert list(frame.columns) == ["day", "municipality", "trainers", "kickback",
                                       "quota_whole", "quota_rem", "quota_den"]
        assert len(frame) == len(exact), trial
        sums = frame.groupby("municipality")["kickback"].sum().to_dict()
        for m, k in kick.items():
            assert sums.get(m, 0) == k, (trial, m)
        for row in frame.itertuples():
            q = exact[(row.day, row.municipality)]
            assert Fraction(row.quota_whole * row.quota_den + row.quota_rem, row.quota_den) == q
            assert row.kickback in (q.numerator // q.denominator,
                                    -(-q.numerator // q.denominator)), (trial, row)
        assert frame.attrs["days_off"] == 0
        # and the same kickbacks as pot_settle
        settled = {r.municipality: r.kickback for r in yrkesresa.pot_settle(att, tr).rows}
        assert {m: sums.get(m, 0) for m in settled} == settled


def test_pot_by_day_known_answer_types_and_errors():
    att = [("d1", "A", 1), ("d2", "A", 1)]
    tr = [(d, m, r) for d in ("d1", "d2") for m, r in (("A", "leader"), ("B", "trainer"),
                                                       ("C", "trainer"))]
    frame = yrkesresa.pot_by_day(att, tr)
    # pot.h's example: A 172 + 171, B 114 + 115, C 114 + 114
    assert frame["kickback"].tolist() == [172, 114, 114, 171, 115, 114]
    assert frame["day"].tolist() == ["d1"] * 3 + ["d2"] * 3
    assert str(frame["kickback"].dtype) == "int64"
    assert yrkesresa.quota_text(*frame.loc[0, ["quota_whole", "quota_rem", "quota_den"]]) == \
        "171.4285…"
    empty = yrkesresa.pot_by_day(att, [])
    assert len(empty) == 0 and list(empty.columns)[:4] == ["day", "municipality", "trainers",
                                                          "kickback"]
    with pytest.raises(yrkesresa.Error) as e:
        yrkesresa.pot_by_day([("d1", "A", -1)], tr)
    assert "participants is negative" in str(e.value) and "pot_by_day" in str(e.value)


def test_pot_by_day_the_example_year(source_dir):
    pd = pytest.importorskip("pandas")
    examples = source_dir / "data" / "examples"
    att = pd.read_csv(examples / "pot-2024-attendance.csv")
    tr = pd.read_csv(examples / "pot-2024-trainers.csv")
    tr["role"] = tr["role"].map({"kursledare": "leader", "utbildare": "trainer"})
    frame = yrkesresa.pot_by_day(att, tr)
    exact, kick = _reference_by_day(list(att.itertuples(index=False)),
                                    list(tr.itertuples(index=False)))
    sums = frame.groupby("municipality")["kickback"].sum().to_dict()
    assert {m: sums.get(m, 0) for m in kick} == kick
    assert sum(kick.values()) == 111600  # the README's statement: kickback 111 600


# F20 (adversarial 5): the municipalities are joined by the library's identity
# (yr_identity_key), as `yrkesresa pot --attendance files/Q-att.csv --trainers
# files/Q5-utb-falu-kommun.csv` joins them. Worked out by hand with the Dalarna 2024 rules (fee
# 600, pot part 400, shares 15/10): 2024-03-12 has 15 participants, pot 15 × 400 = 6000, shared
# 15:10 between Falun's course leader (3600) and Mora's trainer (2400); 2024-04-16 has 12, pot
# 4800, all to Orsa's course leader. Falun: fees 10 × 600 = 6000, kickback 3600, net 2400.
F20_ATT = [("2024-03-12", "Falun", 10), ("2024-03-12", "Mora", 5),
           ("2024-04-16", "Borlänge", 8), ("2024-04-16", "Orsa", 4)]
F20_TR = [("2024-03-12", "Falu kommun", "kursledare"), ("2024-03-12", "Mora kommun", "utbildare"),
          ("2024-04-16", "ORSA", "kursledare")]


def test_pot_joins_falu_kommun_with_falun_as_the_cli_does():
    rows = {r.municipality: r for r in yrkesresa.pot_settle(F20_ATT, F20_TR).rows}
    assert list(rows) == ["Falun", "Mora", "Borlänge", "Orsa"]  # the first spelling met
    assert (rows["Falun"].kickback, rows["Falun"].net) == (3600, 2400)
    assert (rows["Mora"].kickback, rows["Mora"].net) == (2400, 600)
    assert (rows["Orsa"].kickback, rows["Orsa"].net) == (4800, -2400)
    by_day = yrkesresa.pot_by_day(F20_ATT, F20_TR)
    assert list(by_day.municipality) == ["Falun", "Mora", "Orsa"]
    assert list(by_day.kickback) == [3600, 2400, 4800]


def test_pot_joins_codes_and_fixed_lists_by_identity():
    att = [("d1", "2080", 10), ("d1", "Falun", 5)]
    rows = yrkesresa.pot_settle(att, [("d1", "2080 Falun", "utbildare")]).rows
    assert [(r.municipality, r.participant_days, r.kickback) for r in rows] == [
        ("2080", 15, 6000)]
    fixed = yrkesresa.pot_settle(att, [("d1", "FALUN", "utbildare")],
                                 municipalities=["Falu kommun", "Mora"]).rows
    assert [(r.municipality, r.participant_days) for r in fixed] == [
        ("Falu kommun", 15), ("Mora", 0)]
    with pytest.raises(ValueError, match="listed twice"):
        yrkesresa.pot_settle(att, [], municipalities=["Falun", "Falu kommun"])
    # a whole number beside names is read as text, as the program reads a cell: 2080 is Falun
    mixed = yrkesresa.pot_settle([("d1", 2080, 10), ("d1", "Mora", 5)],
                                 [("d1", "Falu kommun", "kursledare")]).rows
    assert [(r.municipality, r.kickback) for r in mixed] == [("2080", 6000), ("Mora", 0)]


def test_pot_refuses_what_the_cli_refuses():
    with pytest.raises(yrkesresa.Error, match=r"code 2080 is Falun, not 'Mora'"):
        yrkesresa.pot_settle([("2024-03-12", "2080 Mora", 1)], F20_TR)
    att = [("d1", "Falun", 10), ("d1", "Borlange", 5)]
    with pytest.raises(yrkesresa.Error, match=r"'Borlange' is not a Swedish municipality.*did "
                                              r"you mean Borlänge\?"):
        yrkesresa.pot_settle(att, [("d1", "Falun", "utbildare")])
    with pytest.raises(yrkesresa.Error, match=r"did you mean Borlänge\?"):
        yrkesresa.pot_by_day(att, [("d1", "Falun", "utbildare")], other_parties=True)
    other = yrkesresa.pot_settle([("d1", "Falun", 1), ("d1", "Region Dalarna", 1)],
                                 [("d1", "Region Dalarna", "utbildare")], other_parties=True)
    assert [(r.municipality, r.kickback) for r in other.rows] == [
        ("Falun", 0), ("Region Dalarna", 800)]


# ---- a course column (adversarial pass 7, H1): a pot is a course day's -------------------------
# 2024-03-12 Kurs 1: Falun 10 + Mora 5, pot 400 x 15 = 6000, leader from Falun: Falun 6000.
# Kurs 2: Borlänge 8 + Avesta 4, pot 4800, leader Borlänge (15) and trainer Avesta (10):
# 4800 x 15/25 = 2880 and 4800 x 10/25 = 1920. Pooled (before) 4050, 4050 and 2700.
def _two_courses(course="course"):
    pd = pytest.importorskip("pandas")
    att = pd.DataFrame({"day": ["2024-03-12"] * 4, course: ["Kurs 1", "Kurs 1", "Kurs 2", "Kurs 2"],
                        "municipality": ["Falun", "Mora", "Borlänge", "Avesta"],
                        "participants": [10, 5, 8, 4]})
    tr = pd.DataFrame({"day": ["2024-03-12"] * 3, course: ["Kurs 1", "Kurs 2", "Kurs 2"],
                       "municipality": ["Falun", "Borlänge", "Avesta"],
                       "role": ["kursledare", "kursledare", "utbildare"]})
    return att, tr


@pytest.mark.parametrize("course", ["course", "Kurs", "Pass"])
def test_two_courses_on_one_date_have_their_own_pots(course):
    att, tr = _two_courses(course)
    kick = {r.municipality: r.kickback for r in yrkesresa.pot_settle(att, tr).rows}
    assert kick == {"Falun": 6000, "Mora": 0, "Borlänge": 2880, "Avesta": 1920}


def test_pot_by_day_has_the_course():
    att, tr = _two_courses()
    f = yrkesresa.pot_by_day(att, tr)
    assert list(f.columns[:3]) == ["day", "course", "municipality"]
    assert list(zip(f["course"], f["municipality"], f["kickback"])) == [
        ("Kurs 1", "Falun", 6000), ("Kurs 2", "Borlänge", 2880), ("Kurs 2", "Avesta", 1920)]
    assert set(f["day"]) == {"2024-03-12"}


def test_an_untrained_course_day_is_undistributed_by_day_and_course():
    pd = pytest.importorskip("pandas")
    att, tr = _two_courses()
    att = pd.concat([att, pd.DataFrame({"day": ["2024-03-13"], "course": ["Kurs 3"],
                                        "municipality": ["Falun"], "participants": [2]})])
    s = yrkesresa.pot_settle(att, tr)
    assert s.undistributed_days == {("2024-03-13", "Kurs 3"): 800}


def test_a_course_column_in_one_frame_only_is_refused_when_a_day_has_two():
    att, tr = _two_courses()
    with pytest.raises(yrkesresa.Error) as e:
        yrkesresa.pot_settle(att, tr.drop(columns="course"))
    assert str(e.value).startswith(
        "pot_settle(): attendance:3: 2024-03-12 has two courses in column 'course' ('Kurs 1' at "
        "line 1, 'Kurs 2' here), but trainers has no course column")
    # one course a day in the one frame: the column names the day's course, nothing to split
    # (Falun 10 on 2024-03-12, pot 4000, one leader: 4000)
    pd = pytest.importorskip("pandas")
    s = yrkesresa.pot_settle(pd.DataFrame({"day": ["2024-03-12"], "kurs": ["Kurs 1"],
                                           "municipality": ["Falun"], "participants": [10]}),
                             [("2024-03-12", "Falun", "leader")])
    assert [r.kickback for r in s.rows] == [4000]


def test_courses_the_two_frames_name_differently_are_refused():
    att, tr = _two_courses()
    tr["course"] = ["Kurs 1", "Kurs2", "Kurs2"]
    with pytest.raises(yrkesresa.Error, match=r"^pot_settle\(\): attendance:3: course 'Kurs 2' on 2024-03-12 has "
                       r"attendance rows but no trainer in trainers, which names 'Kurs 1', "
                       r"'Kurs2' that day"):
        yrkesresa.pot_settle(att, tr)
    att, tr = _two_courses()
    tr.loc[1, "course"] = None  # a missing course
    with pytest.raises(yrkesresa.Error, match=r"^pot_settle\(\): trainers:2: column 'course' is empty"):
        yrkesresa.pot_settle(att, tr)


# Adversarial pass 7, H5: days are read by the reader's one day rule (yr_read_day), as
# `yrkesresa pot` reads its two files. Known answer: 2024-02-06 Falun 10 + Mora 5 (pot 6000, a
# course leader from Mora alone), 2024-03-12 Orsa 7 (pot 2800, a trainer from Falun alone).
H5_TR = [("2024-02-06", "Mora", "Kursledare"), ("2024-03-12", "Falun", "Utbildare")]


def _h5_kickbacks(att, tr):
    return {r.municipality: r.kickback for r in yrkesresa.pot_settle(att, tr).rows}


def test_pot_days_of_every_type_meet_as_one_day():
    import datetime as dt
    import warnings

    pd = pytest.importorskip("pandas")
    expected = {"Falun": 2800, "Mora": 6000, "Orsa": 0}
    att = pd.DataFrame({"day": pd.to_datetime(["2024-02-06", "2024-02-06", "2024-03-12"]),
                        "municipality": ["Falun", "Mora", "Orsa"], "participants": [10, 5, 7]})
    tr = pd.DataFrame(H5_TR, columns=["day", "municipality", "role"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the days meet: nothing to warn of
        assert _h5_kickbacks(att, tr) == expected
        dates = [(dt.date(2024, 2, 6), "Falun", 10), (dt.date(2024, 2, 6), "Mora", 5),
                 (dt.date(2024, 3, 12), "Orsa", 7)]
        stamps = [(pd.Timestamp("2024-02-06"), "Mora", "leader"),
                  (pd.Timestamp("2024-03-12"), "Falun", "trainer")]
        assert _h5_kickbacks(dates, stamps) == expected
        # numpy datetime64 (day and second units), an Excel serial, one-digit month and day
        mixed = [(np.datetime64("2024-02-06"), "Falun", 10),
                 (np.datetime64("2024-02-06T00:00:00"), "Mora", 5), (45363, "Orsa", 7)]
        other = [(dt.datetime(2024, 2, 6), "Mora", "leader"), ("2024-3-12", "Falun", "trainer")]
        assert _h5_kickbacks(mixed, other) == expected
        aware = [(pd.Timestamp("2024-02-06", tz="Europe/Stockholm"), "Mora", "leader"),
                 ("2024-03-12 00:00:00", "Falun", "trainer")]
        assert _h5_kickbacks(dates, aware) == expected
    # a day is shown by its first spelling
    s = yrkesresa.pot_settle([("2024-2-6", "Falun", 1)], [])
    assert s.undistributed_days == {"2024-2-6": 400}


def test_pot_day_refusals_name_the_row():
    pd = pytest.importorskip("pandas")
    with pytest.raises(yrkesresa.Error, match=r"attendance row 2: the day '2024-02-06 09:30:00'"):
        yrkesresa.pot_settle([("2024-02-06", "Falun", 1),
                              (pd.Timestamp("2024-02-06 09:30"), "Mora", 1)], H5_TR)
    with pytest.raises(yrkesresa.Error, match=r"trainers row 1: the day '2024-02-06' is a date, "
                                              r"but the days from line 1 of attendance are "
                                              r"labels"):
        yrkesresa.pot_settle([("Dag 1", "Falun", 1)], H5_TR)
    with pytest.raises(yrkesresa.Error, match=r"attendance row 1: the day is empty"):
        yrkesresa.pot_settle([(pd.NaT, "Falun", 1)], H5_TR)
    with pytest.raises(TypeError, match=r"attendance row 1: the day \(1, 2\) is a tuple"):
        yrkesresa.pot_settle([((1, 2), "Falun", 1)], H5_TR)
    # labels stay labels: Dag 1 and "Dag 1 " are one day
    s = yrkesresa.pot_settle([("Dag 1", "Falun", 10)], [("Dag 1 ", "Mora", "leader")])
    assert [r.kickback for r in s.rows] == [0, 4000]


def test_pot_warns_of_days_that_do_not_meet():
    att = [("2024-02-06", "Falun", 10)]
    tr = [("2024-02-07", "Mora", "leader")]
    with pytest.warns(UserWarning) as caught:
        s = yrkesresa.pot_settle(att, tr)
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "pot_settle: day '2024-02-06' has participants but no trainer (its pot 4000 is "
        "undistributed)",
        "pot_settle: day '2024-02-07' has trainers but no participants (nothing to share)"]
    assert s.undistributed_days == {"2024-02-06": 4000}
    with pytest.warns(UserWarning, match=r"day '2024-02-07' has trainers but no participants"):
        yrkesresa.pot_by_day(att, tr)
