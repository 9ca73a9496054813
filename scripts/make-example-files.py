#!/usr/bin/python3
"""Write the README's Excel and SCB PxWeb examples in data/examples/ from the bundled tables,
so that their numbers have a source (data/README.md):

  befolkning-dalarna-2021-06.xlsx        data/dalarna/population-2021-06.csv (PM 2022-10-14) as a
                                         hand-made sheet: a merged title, codes as text, a Summa
                                         row and a source note under the table
  scb-pxweb-folkmangd-dalarna-2018.csv   data/sweden/population-2018-12-31.csv (SCB BE0101N1,
                                         31 Dec 2018) for Dalarnas län and its 15 municipalities,
                                         as PxWeb's "Kommaavgränsad med rubrik" export writes it

    /usr/bin/python3 scripts/make-example-files.py [--check]

The workbook is byte-for-byte reproducible (fixed document dates and zip times); --check writes
both files to a temporary directory and exits 1 if they differ from the committed ones.
Needs openpyxl (Debian: python3-openpyxl).
"""

import csv
import datetime
import io
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "examples"
XLSX = "befolkning-dalarna-2021-06.xlsx"
PXWEB = "scb-pxweb-folkmangd-dalarna-2018.csv"
STAMP = datetime.datetime(2022, 10, 14)  # the PM the 2021 figures come from


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def municipality_codes():
    return {r["municipality"]: r["code"] for r in read_csv(ROOT / "data/sweden/municipalities.csv")}


def population_2021():
    """(name, population) of the 15 municipalities, without the table's Summa row."""
    rows = read_csv(ROOT / "data/dalarna/population-2021-06.csv")
    return [(r["municipality"], int(r["population"])) for r in rows
            if r["municipality"] not in ("Summa", "Totalt")]


def write_xlsx(path):
    codes = municipality_codes()
    rows = population_2021()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Befolkning"
    ws["A1"] = "Befolkning i Dalarnas kommuner 30 juni 2021"
    ws["A1"].font = Font(bold=True, size=12)
    ws.merge_cells("A1:C1")
    ws.append([])
    ws.append(["Kommunkod", "Kommun", "Befolkning"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for name, pop in rows:
        ws.append([codes[name], name, pop])  # the code as text: 2084, as typed with a '
    ws.append([None, "Summa", sum(p for _, p in rows)])
    for row in ws.iter_rows(min_row=4, min_col=3, max_col=3):
        row[0].number_format = "# ##0"
    ws.append([])
    ws.append(["Källa: RSS Dalarna, PM 2022-10-14 (befolkning 30 juni 2021)"])
    ws.column_dimensions["A"].width = 11
    ws.column_dimensions["B"].width = 15
    ws.column_dimensions["C"].width = 12
    wb.properties.creator = "libyrkesresa scripts/make-example-files.py"
    wb.properties.created = wb.properties.modified = STAMP
    buf = io.BytesIO()
    wb.save(buf)
    write_fixed_zip(buf.getvalue(), path)


def write_fixed_zip(data, path):
    """The same entries with a fixed time, so the file does not change when rebuilt."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))


def write_pxweb(path):
    rows = [r for r in read_csv(ROOT / "data/sweden/population-2018-12-31.csv")
            if r["code"].startswith("20")]
    lines = ['"Folkmängd efter region och år"', "", '"region","2018"',
             f'"20 Dalarnas län",{sum(int(r["population"]) for r in rows)}']
    lines += [f'"{r["code"]} {r["municipality"]}",{r["population"]}' for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    check = sys.argv[1:] == ["--check"]
    out = Path(tempfile.mkdtemp()) if check else OUT
    write_xlsx(out / XLSX)
    write_pxweb(out / PXWEB)
    if not check:
        return 0
    differ = [n for n in (XLSX, PXWEB) if (out / n).read_bytes() != (OUT / n).read_bytes()]
    for n in differ:
        print(f"data/examples/{n} differs from what scripts/make-example-files.py writes")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
