"""The reading conformance corpus (tests/reading/, its README.md) through yrkesresa.read_table:
the same cases as the C runner (tests/read/test_reading.c), so a file reads the same in Python.

Every case runs; a case this binding could not express would be skipped with its reason, counted
and printed (none is today). The corpus must hold at least 60 cases.
"""

import datetime
import os
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import yrkesresa

pd = pytest.importorskip("pandas")

CORPUS = Path(os.environ.get("YR_READING_DIR") or
              Path(os.environ.get("YR_SOURCE_DIR", Path(__file__).parents[3])) / "tests" /
              "reading")
ALL_CASES = sorted(CORPUS.glob("*.expect"))
# A `pot:` case reads a pot's file with the request yr_read_pot_layout() gives (the program's
# `pot`): the bindings settle a pot from records, never from its files, so no Python call makes
# that request. They are left to the C runner and the program (tests/test_cli_pot.sh), counted
# and printed here, not skipped.
POT_LAYOUT = [p for p in ALL_CASES
              if re.search(r"(?m)^\s*pot\s*:", p.read_text(encoding="utf-8"))]
CASES = [p for p in ALL_CASES if p not in POT_LAYOUT]
SKIPPED = {}  # case name -> why this binding cannot express it (none)

def test_corpus_is_there():
    assert len(CASES) >= 60, f"{CORPUS}: {len(CASES)} cases, expected at least 60"
    assert all(p.stem.startswith("layout-") for p in POT_LAYOUT), POT_LAYOUT
    print(f"reading corpus: {len(CASES)} cases, {len(SKIPPED)} skipped by python "
          f"{sorted(SKIPPED)}, {len(POT_LAYOUT)} pot layouts left to C and the program")


def parse(path):
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        items.append((key.strip(), value.strip()))
    return items


def get(items, key):
    return next((v for k, v in items if k == key), None)


def source_of(path, items):
    name = get(items, "file")
    if name:
        return path.parent / name
    for ext in (".csv", ".tsv", ".txt", ".xlsx"):
        candidate = path.with_suffix(ext)
        if candidate.exists():
            return candidate
    raise AssertionError(f"{path.name}: no input file")


def request(items):
    kwargs = {"want": [v for k, v in items if k == "want"],
              "columns": [v for k, v in items if k == "column"]}
    for key in ("sheet", "totals"):
        if get(items, key) is not None:
            kwargs[key] = get(items, key)
    for key in ("header_row", "year"):
        if get(items, key) is not None:
            kwargs[key] = int(get(items, key))
    if get(items, "other_parties") is not None:
        kwargs["other_parties"] = get(items, "other_parties") == "yes"
    return kwargs


def words(text):
    """'data*3 total' as ['data', 'data', 'data', 'total']."""
    out = []
    for word in text.split():
        name, star, count = word.partition("*")
        out += [name] * (int(count) if star else 1)
    return out


def shown(value):
    """A value as the corpus writes it: the shortest exact decimal, ISO dates, 1/0."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "0"  # a blank cell counts 0, as yr_table_column_values() gives it
    if isinstance(value, (pd.Timestamp, datetime.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return "1" if value else "0"
    fraction = Fraction(value) if isinstance(value, (Decimal, Fraction)) else Fraction(int(value))
    k = 0
    while (fraction * 10 ** k).denominator != 1:
        k += 1
        assert k < 19, f"{value!r} is not a finite decimal"
    text = str(abs(fraction.numerator * 10 ** k // fraction.denominator)).rjust(k + 1, "0")
    text = (text[:-k] + "." + text[-k:]).rstrip("0").rstrip(".") if k else text
    return ("-" if fraction < 0 else "") + text


def column_of(frame, role):
    headers = [h for h, r in frame.attrs["reading"]["roles"].items() if r == role]
    assert headers, f"no column has the role {role}"
    return headers[0]


def check_table(frame, items):
    reading = frame.attrs["reading"]
    checks = {
        "expect_rows": lambda v: len(reading["kinds"]) == int(v),
        "expect_data": lambda v: len(frame) == int(v),
        "expect_kinds": lambda v: reading["kinds"] == words(v),
        "expect_lines": lambda v: [str(n) for n in reading["lines"]] == words(v),
        "expect_reading": lambda v: reading["text"] == v,
        "expect_reading_sv": lambda v: reading["text_sv"] == v,
        "expect_encoding": lambda v: reading["format"]["encoding"] == v,
        "expect_codes": lambda v: [str(c if c is not None else -2)
                                   for c in (reading["codes"] or [None] * len(frame))] == words(v),
        "expect_spans": lambda v: "; ".join(
            f"{k} {a}" if a == b else f"{k} {a}-{b}" for k, a, b in reading["spans"]) == v,
    }
    for key, value in items:
        if key in checks:
            assert checks[key](value), f"{key}: expected {value!r}; reading {dict(reading)}"
        elif key == "expect_values":
            role, _, want = value.partition("=")
            got = [shown(v) for v in frame[column_of(frame, role.strip())]]
            assert got == words(want), f"expect_values {role}: got {got}"
        elif key == "expect_column":
            role, _, header = value.partition("=")
            assert column_of(frame, role.strip()) == header.strip()
        elif key == "expect_check":
            role, _, rest = value.partition("=")
            line, stated, total, checked = rest.split()
            header = column_of(frame, role.strip())
            found = [c for c in reading["checks"]
                     if c["column"] == header and c["line"] == int(line)]
            assert found, f"expect_check: no check of line {line}: {reading['checks']}"
            c = found[0]
            assert (shown(c["stated"]), shown(c["sum"]), int(c["checked"])) == (
                stated, total, int(checked)), f"expect_check: got {c}"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path):
    if path.stem in SKIPPED:
        pytest.skip(SKIPPED[path.stem])
    items = parse(path)
    source = source_of(path, items)
    expected_error = get(items, "expect_error")
    if expected_error is None:
        frame = yrkesresa.read_table(source, **request(items))
        check_table(frame, items)
        # the bytes read the same as the path
        again = yrkesresa.read_table(source.read_bytes(), **request(items))
        assert again.attrs["reading"]["text"] == frame.attrs["reading"]["text"]
        return
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.read_table(source, **request(items))
    error = info.value
    assert error.status == expected_error, str(error)
    line = get(items, "expect_line")
    if line is not None:
        assert error.line == int(line), str(error)
        assert re.search(rf":{error.cell or line}: ", str(error)), str(error)
    assert str(error).startswith(f"read_table(): {source}:"), str(error)
    for key, text in items:
        if key == "expect_message":
            assert text in error.message, f"{text!r} not in {error.message!r}"
        elif key == "expect_not_in_message":
            assert text not in str(error), f"{text!r} in {error}"
