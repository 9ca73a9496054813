"""read_table's DataFrame (types, index, reading) and split_frame's refusals by the reader's
rules (issue 20 point 6). Expected values are worked by hand in the comments."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

import yrkesresa

pd = pytest.importorskip("pandas")

# Semicolons and decimal commas, as Excel writes for Sweden; a Summa row that agrees (3 + 1 = 4).
POP = "Kommun;Befolkning 2023;Andel ja;Datum;Vikt\nFalun;3;80 %;2024-02-06;1,5\nMora;1;25 %;2024-02-07;2\nSumma;4;;;\n"


def test_types_index_and_reading():
    df = yrkesresa.read_table(POP.encode(), want=["municipality required unique",
                                                  "population required", "yes_share",
                                                  "day", "weight"])
    assert list(df.index) == [2, 3] and df.index.name == "line"  # Summa (line 4) is not data
    assert str(df["Befolkning 2023"].dtype) == "Int64"
    assert list(df["Befolkning 2023"]) == [3, 1]
    assert list(df["Andel ja"]) == [Fraction(4, 5), Fraction(1, 4)]  # shares of 1, exact
    assert list(df["Datum"].dt.date) == [datetime.date(2024, 2, 6), datetime.date(2024, 2, 7)]
    assert list(df["Vikt"]) == [Decimal("1.5"), 2]
    assert df["Kommun"].tolist() == ["Falun", "Mora"]
    reading = df.attrs["reading"]
    assert reading["kinds"] == ["data", "data", "total"]
    assert reading["lines"] == [2, 3, 4]
    assert reading["codes"] == [2080, 2062]
    assert reading["roles"]["Befolkning 2023"] == "population"
    assert str(reading).startswith("read 2 municipalities from column 'Befolkning 2023'")
    assert reading["aggregates"][0]["line"] == 4
    assert reading["aggregates"][0]["values"]["Befolkning 2023"] == 4


def test_error_names_file_and_line(tmp_path):
    path = tmp_path / "pop.csv"
    path.write_text(POP.replace("Summa;4", "Summa;5"), encoding="utf-8")
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.read_table(path)
    error = info.value
    assert error.status == "YR_READ_ERR_AGGREGATE" and error.line == 4
    assert str(error).startswith(f"read_table(): {path}:4: ")
    assert "5" in error.message and "4" in error.message
    # leaving the disagreeing total out, unchecked
    df = yrkesresa.read_table(path, totals="ignore")
    assert list(df.index) == [2, 3]


def test_columns_and_argument_errors():
    text = "Kommun;Folkmängd 2022;Folkmängd 2023\nFalun;10;3\nMora;20;1\n"
    df = yrkesresa.read_table(text.encode(), columns={"population": "Folkmängd 2023"})
    assert df.attrs["reading"]["roles"] == {"Kommun": "municipality",
                                            "Folkmängd 2023": "population"}
    with pytest.raises(TypeError, match=r"header_row=True"):
        yrkesresa.read_table(text.encode(), header_row=True)
    with pytest.raises(ValueError, match=r"totals='no'"):
        yrkesresa.read_table(text.encode(), totals="no")
    with pytest.raises(yrkesresa.Error, match=r"'bogus' is not a role") as info:
        yrkesresa.read_table(text.encode(), want=["bogus required"])
    assert info.value.status == "YR_READ_ERR_OPTION"


def test_split_frame_refuses_what_the_cli_refuses():
    ok = pd.DataFrame({"municipality": ["Falun", "Mora", "Summa"], "population": [3, 1, 4]})
    out = yrkesresa.split_frame(ok, 100)
    assert out["amount"].tolist()[:2] == [75, 25] and out["amount"].isna().tolist()[2]
    bad = ok.assign(population=[3, 1, 5])  # Summa says 5, its rows add to 4
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split_frame(bad, 100)
    assert info.value.status == "YR_READ_ERR_AGGREGATE" and "5" in info.value.message
    assert yrkesresa.split_frame(bad, 100, totals="ignore")["amount"].tolist()[:2] == [75, 25]
    twice = pd.DataFrame({"kommun": ["Falun", "FALUN"], "population": [3, 1]})
    with pytest.raises(yrkesresa.Error, match="same municipality") as info:
        yrkesresa.split_frame(twice, 100)
    assert info.value.status == "YR_READ_ERR_IDENTITY"
    typo = pd.DataFrame({"kommun": ["Falun", "Borlange", "Mora"], "population": [3, 1, 2]})
    with pytest.raises(yrkesresa.Error, match="Borlänge"):
        yrkesresa.split_frame(typo, 60)
    codes = pd.DataFrame({"kommun": ["Falun", "Mora"], "Kommunnummer": [2080, 2062]})
    with pytest.raises(yrkesresa.Error, match="never a weight") as info:
        yrkesresa.split_frame(codes, 100, weights="Kommunnummer")
    assert "weights='Kommunnummer'" in str(info.value)
    # an unlabelled row that is the sum of the others (3 + 1 + 2 = 6) is no party either
    unlabelled = pd.DataFrame({"kommun": ["Falun", "Mora", "Leksand", "Rättvik"],
                               "population": [3, 1, 2, 6]})
    with pytest.raises(yrkesresa.Error, match="sum"):
        yrkesresa.split_frame(unlabelled, 120)
    # a frame without labels is split as before
    assert yrkesresa.split_frame(pd.DataFrame({"population": [3, 1]}), 100)["amount"].tolist() \
        == [75, 25]


# adversarial pass 4, U10: 772 tkr split by 59000, 52000, 20000, 26000 and published in whole tkr.
# Quotas 772 x 59000 / 157000 = 290.115, 255.694, 98.344, 127.847; largest remainder gives 290
# 256 98 128, as published. In kronor (290000 ...) the quotas 290114.6 ... are each more than one
# krona away: audited in its own unit, nothing is.
TKR = "Kommun;Folkmängd;Belopp (tkr)\nFalun;59000;290\nBorlänge;52000;256\nMora;20000;98\nLudvika;26000;128\nSumma;157000;772\n"


def test_audit_frame_in_the_tables_unit():
    df = yrkesresa.read_table(TKR.encode(), want=["municipality required unique",
                                                  "amount required checked", "population"])
    assert df.attrs["reading"]["units"] == {"Folkmängd": 0, "Belopp (tkr)": 3}
    assert list(df["Belopp (tkr)"]) == [290000, 256000, 98000, 128000]  # kronor, exact
    a = yrkesresa.audit_frame(df, weights="Folkmängd", published="Belopp (tkr)", labels="Kommun",
                              stated_total=772000)
    assert a.unit == 1000
    assert (a.stated_total, a.published_sum, a.rows_outside_quota) == (772, 772, 0)
    assert a.rows[0].quota == Fraction(772 * 59000, 157000)
    assert "largest_remainder" in a.methods_matching
    # a stated total that is no whole tkr: audited in kronor, every row off its quota
    b = yrkesresa.audit_frame(df, weights="Folkmängd", published="Belopp (tkr)",
                              labels="Kommun", stated_total=772500)
    assert (b.unit, b.stated_total, b.published_sum) == (1, 772500, 772000)
    assert b.rows_outside_quota == 4


# F22 (adversarial 5): decimal weights, as `yrkesresa split --total 100000
# K3-vikt-tre-decimaler.csv` splits them. By hand: over 1000 the weights are 1500 1250 1000 1125
# 1000 1500 1500, sum 8875; quotas 16901.41 (x3), 14084.51, 11267.61 (x2), 12676.06; the floors
# add to 99997 and the three largest remainders (.61, .61, .51) go to Gagnef, Rättvik and
# Malung-Sälen.
K3 = ("Kommun;Vikt\nVansbro;1,5\nMalung-Sälen;1,25\nGagnef;1\nLeksand;1,125\nRättvik;1\n"
      "Orsa;1,5\nÄlvdalen;1,5\n")


def test_split_frame_splits_decimal_weights_as_the_cli_does():
    df = yrkesresa.read_table(K3.encode())
    out = yrkesresa.split_frame(df, 100000, weights="Vikt")
    assert out.amount.tolist() == [16901, 14085, 11268, 12676, 11268, 16901, 16901]
    assert out.Vikt.tolist() == df.Vikt.tolist()  # the frame's weights stay as read
    plain = pd.DataFrame({"municipality": ["Falun", "Mora", "Orsa"],
                          "w": [1.5, Fraction(5, 4), Decimal("1")]})
    assert yrkesresa.split_frame(plain, 1500, weights="w").amount.tolist() == [600, 500, 400]
    thirds = pd.DataFrame({"municipality": ["Falun", "Mora"], "w": [Fraction(1, 3), 0.5]})
    assert yrkesresa.split_frame(thirds, 100, weights="w").amount.tolist() == [40, 60]
    huge = pd.DataFrame({"municipality": ["Falun", "Mora"], "w": [2**62, Fraction(1, 10)]})
    with pytest.raises(yrkesresa.Error, match="does not fit one common denominator"):
        yrkesresa.split_frame(huge, 100, weights="w")
