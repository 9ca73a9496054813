"""`yrkesresa statement --per-municipality --output FILE.xlsx` read back with openpyxl (issue 22.2).

The expected values are not the program's: each municipality's item amounts are compared with
the program's own CSV statement (a different writer), and its population, share and percentage
with Fractions computed here from the population file.

    YRKESRESA=BUILD/tools/yrkesresa SOURCE_DIR=. python3 -m pytest tests/cli/test_statement_workbook.py
"""
import csv
import datetime
import io
import os
import subprocess
from fractions import Fraction

import pytest

openpyxl = pytest.importorskip("openpyxl")

BIN = os.environ.get("YRKESRESA", "yrkesresa")
SRC = os.environ.get("SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
ITEMS = os.path.join(SRC, "data/examples/agreement-2024-items.csv")
ATT = os.path.join(SRC, "data/examples/pot-2024-attendance.csv")
TRAINERS = os.path.join(SRC, "data/examples/pot-2024-trainers.csv")
POP = os.path.join(SRC, "data/dalarna/population-2021-06.csv")
POT = ["--attendance", ATT, "--trainers", TRAINERS, "--invoice-date", "2024-12-13"]


def run(*args, check=True):
    p = subprocess.run([BIN, "statement", *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(p.stderr)
    return p


def have_xlsx():
    return "xlsx" in subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout


pytestmark = pytest.mark.skipif(not have_xlsx(), reason="built without libxlsxwriter")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "invoices.xlsx"
    run("--items", ITEMS, *POT, "--per-municipality", "--output", str(path), POP)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def statement():
    out = run("--items", ITEMS, *POT, POP).stdout
    return {r["municipality"]: r for r in csv.DictReader(io.StringIO(out))}


@pytest.fixture(scope="module")
def population():
    with open(POP, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return {r[0]: int(r[1]) for r in rows[1:] if r and r[0] != "Summa"}


def test_sheets_summary_first_then_each_municipality(book, population):
    assert book.sheetnames == ["Statement"] + list(population)


def test_summary_sheet_is_the_statement(book, statement):
    rows = list(book["Statement"].iter_rows(values_only=True))
    assert rows[0][:4] == ("municipality", "Regional samordnare", "Administrativt stöd", "total")
    got = {r[0]: r for r in rows[1:]}
    for name, line in statement.items():
        assert [got[name][k] for k in range(1, 7)] == [
            int(line[c]) for c in ("Regional samordnare", "Administrativt stöd", "total", "fees",
                                   "kickback", "net")]


def basis(ws):
    return {r[0]: r[1:] for r in ws.iter_rows(min_row=2, values_only=True)}


def test_each_sheet_values_and_types(book, statement, population):
    wsum = sum(population.values())
    for name, w in population.items():
        ws = book[name]
        assert [c.value for c in ws[1]] == ["item", "amount", "quota"]
        b = basis(ws)
        line = statement[name]
        for item in ("Regional samordnare", "Administrativt stöd"):
            amount = b[item][0]
            assert isinstance(amount, int) and amount == int(line[item])
        for key in ("total", "fees", "kickback", "net"):
            assert type(b[key][0]) is int and b[key][0] == int(line[key])
        assert b["total"][0] + b["fees"][0] - b["kickback"][0] == b["net"][0]
        assert b["due_date"][0] == datetime.datetime(2025, 1, 13)  # Sunday 12th: next bank day
        assert b["invoice_date"][0] == datetime.datetime(2024, 12, 13)
        assert b["municipality"][0] == name
        assert b["population"][0] == w and isinstance(b["population"][0], int)
        assert b["share"][0] == f"{w}/{wsum}"  # the exact fraction, as text
        pct = b["share_percent"][0]
        assert isinstance(pct, float)
        got, want = Fraction(repr(pct)), Fraction(100 * w, wsum)
        assert (got * 10000).denominator == 1  # four decimals
        assert abs(got - want) <= Fraction(1, 20000)  # rounded to the nearest


def test_money_cells_have_the_kronor_format(book):
    ws = book["Falun"]
    amounts = [r[1] for r in ws.iter_rows(min_row=2) if r[0].value in ("total", "net")]
    assert all(c.number_format == '#,##0 "kr"' for c in amounts)
    assert ws.freeze_panes == "A2"


def test_falun_reference_line(book):
    b = basis(book["Falun"])
    assert b["share"][0] == "59752/288382"
    assert b["share_percent"][0] == pytest.approx(20.7197, abs=1e-9)
    assert b["Regional samordnare"][1] == "176117.7882…"


def test_workbook_named_by_the_option_value(tmp_path, book):
    path = tmp_path / "b.xlsx"
    run("--items", ITEMS, *POT, "--per-municipality", str(path), POP)
    other = openpyxl.load_workbook(path)
    assert other.sheetnames == book.sheetnames
    assert list(other["Mora"].values) == list(book["Mora"].values)


def test_sheet_names_excel_refuses_are_made_valid_and_unique(tmp_path):
    pop = tmp_path / "names.csv"
    pop.write_text(
        "municipality,population\n"  # no row the sum of the rows above it: no total row
        '"a/b:c[d]*e?f\\g",1\n'
        "'quoted',2\n"
        "Abcdefghijklmnopqrstuvwxyz0123456789,4\n"
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789X,8\n"
        "statement,16\n"
        "History,32\n"
        + "Å" * 30 + "A\u030aB,64\n",
        encoding="utf-8")
    items = tmp_path / "items.csv"
    items.write_text("item,amount\nA,28\n", encoding="utf-8")
    path = tmp_path / "n.xlsx"
    run("--items", str(items), "--per-municipality", "--output", str(path), str(pop))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "Statement", "a_b_c_d__e_f_g", "_quoted_", "Abcdefghijklmnopqrstuvwxyz01234",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0 (2)", "statement (2)", "History (2)", "Å" * 30]
    assert all(len(n) <= 31 for n in wb.sheetnames)
    # each sheet still names its municipality in full
    names = [r[0] for r in csv.reader(io.StringIO(pop.read_text(encoding="utf-8")))][1:]
    for sheet, name in zip(wb.sheetnames[1:], names):
        assert basis(wb[sheet])["municipality"][0] == name


def test_nothing_half_written_on_error(tmp_path):
    pop = tmp_path / "long.csv"
    pop.write_text("municipality,population\nA,1\n" + "B" * 40000 + ",2\n", encoding="utf-8")
    items = tmp_path / "items.csv"
    items.write_text("item,amount\nA,3\n", encoding="utf-8")
    path = tmp_path / "keep.xlsx"
    path.write_bytes(b"old")
    p = run("--items", str(items), "--per-municipality", "--output", str(path), str(pop),
            check=False)
    assert p.returncode == 2
    assert "32 767" in p.stderr and p.stdout == ""
    assert path.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["items.csv", "keep.xlsx", "long.csv"]


@pytest.mark.parametrize("args, message", [
    (["--per-municipality"], "give --output FILE.xlsx"),
    (["--per-municipality", "--output", "x.csv"], "give --output FILE.xlsx"),
    (["--per-municipality", "a.xlsx", "--output", "b.xlsx"], "names the workbook"),
])
def test_usage(args, message):
    p = run("--items", ITEMS, POP, *args, check=False)
    assert p.returncode == 2 and message in p.stderr
