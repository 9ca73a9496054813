"""yrkesresa.statement (the C yr_statement, include/yrkesresa/cycle.h): invoice lines that add
up both ways, fees and kickbacks from a pot settlement, items over years."""

import pytest

import yrkesresa as yr

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def population(source_dir):
    return pd.read_csv(source_dir / "data" / "dalarna" / "population-2021-06.csv",
                       index_col="municipality").population


def test_statement_lines_add_up_both_ways(population):
    items = {"coordinator": 850_000, "courses": 180_000}
    frame = yr.statement(items, population)
    assert list(frame.columns) == ["coordinator", "courses", "total", "fees", "kickback", "net"]
    assert list(frame.index) == list(population.index)
    assert frame[["coordinator", "courses"]].sum().to_dict() == items
    assert (frame.total == frame.coordinator + frame.courses).all()
    assert frame.total.tolist() == yr.split_table(items, population).sum(axis=1).tolist()
    assert frame.attrs["sum"] == {"total": 1_030_000, "fees": 0, "kickback": 0, "net": 1_030_000}


def test_statement_takes_fees_and_kickbacks_from_a_pot(population, source_dir):
    examples = source_dir / "data" / "examples"
    pot = yr.pot_settle(pd.read_csv(examples / "pot-2024-attendance.csv"),
                        pd.read_csv(examples / "pot-2024-trainers.csv"))
    frame = yr.statement({"coordinator": 850_000}, population, pot=pot)
    by_name = {row.municipality: row for row in pot.rows}
    for name, line in frame.iterrows():
        row = by_name.get(name)
        assert line.fees == (row.fees if row else 0)
        assert line.kickback == (row.kickback if row else 0)
        assert line.net == line.total + line.fees - line.kickback
    assert frame.attrs["sum"]["fees"] == pot.summary.fees
    with pytest.raises(ValueError, match="no weight"):
        yr.statement({"a": 1}, population.drop("Falun"), pot=pot)


def test_statement_items_over_years(population):
    weights = pd.DataFrame({2024: population, 2025: population + 100})
    frame = yr.statement({"a": 1000, "b": 2000}, weights, year=[2024, 2025])
    years = frame.attrs["year_totals"]
    assert list(years.columns) == [2024, 2025]
    assert years[2024].tolist() == frame.a.tolist() and years[2025].tolist() == frame.b.tolist()
    assert frame.b.tolist() == yr.split(2000, population + 100).tolist()
    with pytest.raises(ValueError, match="unknown year"):
        yr.statement({"a": 1}, weights, year=[2030])


def test_statement_error_names_the_municipality():
    with pytest.raises(yr.Error) as info:
        yr.statement({"a": 1000}, pd.Series([1, -1, 2], index=["x", "y", "z"]))
    assert (info.value.status, info.value.label) == ("YR_ERR_NEGATIVE", "y")


# F20's rule in statement: fees and kickbacks are joined to the weights by the municipality
# identity (yr_identity_key), as `yrkesresa statement` joins its files. By hand: 1000 split 3:1
# is 750 and 250; Falun's pot (10 participants, its own course leader, Dalarna 2024): fees
# 6000, kickback the whole pot 4000; net 750 + 6000 - 4000 = 2750.
def test_statement_joins_pot_rows_by_identity():
    pot = yr.pot_settle([("d1", "Falun", 10)], [("d1", "Falun", "kursledare")])
    frame = yr.statement({"a": 1000}, {"Falu kommun": 3, "Mora": 1}, pot=pot)
    assert frame.loc["Falu kommun"].tolist() == [750, 750, 6000, 4000, 2750]
    assert frame.loc["Mora"].tolist() == [250, 250, 0, 0, 250]
    with pytest.raises(yr.Error, match="'FALUN' is the same municipality as 'Falun'"):
        yr.statement({"a": 1000}, {"Falun": 3, "FALUN": 1})
    with pytest.raises(ValueError, match="fees for 'Falun' and '2080', one municipality"):
        yr.statement({"a": 1000}, {"Falun": 3, "Mora": 1}, fees={"Falun": 1, "2080": 2})
    with pytest.raises(yr.Error, match=r"did you mean Borlänge\?"):
        yr.statement({"a": 1000}, {"Falun": 3, "Borlange": 1})
    regions = yr.statement({"a": 1000}, {"Falun": 3, "Region Dalarna": 1},
                                  other_parties=True)
    assert regions["total"].tolist() == [750, 250]
