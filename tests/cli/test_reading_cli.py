#!/usr/bin/python3
"""The reading conformance corpus (tests/reading/README.md) through the program.

Every NAME.expect is run as `yrkesresa read --codes [--want ...] [options] FILE` with the
request the case gives, and compared with its expectations, exactly as the C runner
(tests/read/test_reading.c) compares the library's answer:

- an expected error: exit 2, nothing on stdout, stderr's first line
  `yrkesresa: FILE:LINE: message` with the expected line (`FILE: ` for line 0) and every
  expected substring of the message (and none of the forbidden ones);
- an expected table: the rows (count, kinds, lines), the data rows' values of a role's column
  (exact decimals compared as numbers, ISO dates), the SCB codes, the columns of the roles and
  the reading line in English and Swedish, exactly.

Keys the program does not show (expect_spans, expect_check, expect_encoding) are counted as not
checked here; the C runner checks them. Fails on an empty corpus, on fewer than 60 cases, on a
case with nothing checked, and on any mismatch.

    test_reading_cli.py YRKESRESA CORPUS_DIR [CASE.expect ...]
"""
import csv
import io
import os
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation

MIN_CASES = 60
NOT_SHOWN = ("expect_spans", "expect_check", "expect_encoding")


def parse_case(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition(":")
            if not sep:
                raise ValueError(f"{path}: a line without ':': {line}")
            items.append((key.strip(), value.strip()))
    return items


def get(items, key):
    for k, v in items:
        if k == key:
            return v
    return None


def all_of(items, key):
    return [v for k, v in items if k == key]


def input_file(path, items):
    d = os.path.dirname(path)
    name = get(items, "file")
    if name is not None:
        return os.path.join(d, name)
    stem = path[: -len(".expect")]
    for ext in (".csv", ".tsv", ".txt", ".xlsx"):
        if os.path.exists(stem + ext):
            return stem + ext
    return None


def command(prog, path, items, lang="en"):
    args = [prog, "read", "--codes", "--lang", lang]
    for want in all_of(items, "want"):
        role, *flags = want.split()
        args += ["--want", role + (":" + ",".join(flags) if flags else "")]
    for col in all_of(items, "column"):
        args += ["--column", col]
    for key, opt in (("sheet", "--sheet"), ("header_row", "--header-row"), ("year", "--year")):
        v = get(items, key)
        if v is not None:
            args += [opt, v]
    totals = get(items, "totals")
    if totals == "ignore":
        args.append("--ignore-total-row")
    elif totals == "no_guess":
        args.append("--no-total-row")
    if get(items, "other_parties") == "yes":
        args.append("--other-parties")
    return args + ["--", path]


def expand(words):
    out = []
    for w in words.split():
        name, star, rep = w.partition("*")
        out += [name] * (int(rep) if star else 1)
    return out


def same_value(got, want):
    if re.fullmatch(r"\d{4}-\d\d-\d\d", want):
        return got == want
    try:
        return Decimal(got) == Decimal(want)
    except InvalidOperation:
        return got == want


class Table:
    """`read`'s output: rows of line, kind, code, cells; the roles from stderr."""

    def __init__(self, out, err, file):
        text = out.lstrip("\ufeff")
        first = text.split("\n", 1)[0]
        self.delim = ";" if first.startswith("line;") else "\t" if first.startswith("line\t") else ","
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=self.delim))
        self.header, self.rows = rows[0], [r for r in rows[1:] if r]
        lines = err.splitlines()
        prefix = f"yrkesresa: {file}: "
        self.reading = lines[0][len(prefix):] if lines and lines[0].startswith(prefix) else None
        self.roles = {}
        for line in lines:
            if line.startswith(prefix + "columns: "):
                for m in re.finditer(r"'(.*?)' ([a-z_]+)(?=, '|$)", line):  # "('000 kr)"
                    self.roles.setdefault(m.group(2), m.group(1))

    def column(self, role):
        h = self.roles.get(role)
        if h is None:
            return None
        for k, name in enumerate(self.header):
            if name == h or (h.endswith("...") and name.startswith(h[:-3])):
                return k
        return None

    def data(self):
        return [r for r in self.rows if r[1] == "data"]

    def number(self, cell):
        return cell.replace(",", ".") if self.delim == ";" else cell


def check_error(items, proc, file):
    why = []
    first = proc.stderr.splitlines()[0] if proc.stderr else ""
    if proc.returncode != 2:
        why.append(f"exit {proc.returncode}, expected 2 (stderr: {first})")
    if proc.stdout:
        why.append("stdout not empty on an error")
    line = get(items, "expect_line")
    where = (f"yrkesresa: {file}:" if line is None
             else f"yrkesresa: {file}:{line}: " if line != "0" else f"yrkesresa: {file}: ")
    if not first.startswith(where):
        why.append(f"stderr '{first}' does not start with '{where}'")
    for m in all_of(items, "expect_message"):
        if m not in first:
            why.append(f"'{m}' not in: {first}")
    for m in all_of(items, "expect_not_in_message"):
        if m in proc.stderr:
            why.append(f"'{m}' must not be in: {first}")
    return why


def check_values(t, value):
    role, _, want = value.partition("=")
    col = t.column(role.strip())
    if col is None:
        return [f"expect_values: no column has the role {role.strip()} ({t.roles})"]
    got = [t.number(r[col]) or "0" for r in t.data()]
    want = expand(want)
    if len(got) != len(want) or not all(same_value(g, w) for g, w in zip(got, want)):
        return [f"expect_values {role.strip()}: got {' '.join(got)}, expected {' '.join(want)}"]
    return []


def check_table(items, t):
    why = []
    v = get(items, "expect_rows")
    if v is not None and int(v) != len(t.rows):
        why.append(f"expect_rows: got {len(t.rows)}, expected {v}")
    v = get(items, "expect_data")
    if v is not None and int(v) != len(t.data()):
        why.append(f"expect_data: got {len(t.data())}, expected {v}")
    for key, k in (("expect_kinds", 1), ("expect_lines", 0)):
        v = get(items, key)
        if v is not None and expand(v) != [r[k] for r in t.rows]:
            why.append(f"{key}: got {' '.join(r[k] for r in t.rows)}, expected {v}")
    v = get(items, "expect_codes")
    if v is not None and expand(v) != [r[2] for r in t.data()]:
        why.append(f"expect_codes: got {' '.join(r[2] for r in t.data())}, expected {v}")
    for value in all_of(items, "expect_values"):
        why += check_values(t, value)
    for value in all_of(items, "expect_column"):
        role, _, header = value.partition("=")
        got = t.roles.get(role.strip())
        if got != header.strip():
            why.append(f"expect_column {role.strip()}: got {got}, expected {header.strip()}")
    v = get(items, "expect_reading")
    if v is not None and t.reading != v:
        why.append(f"expect_reading: got '{t.reading}', expected '{v}'")
    return why


def run_case(prog, path):
    """(checked keys, skipped keys, reasons it failed)"""
    items = parse_case(path)
    file = input_file(path, items)
    if file is None:
        return 0, 0, ["no input file"]
    expects = [k for k, _ in items if k.startswith("expect_")]
    if get(items, "pot") is not None:  # a pot's layout: `yrkesresa pot` (tests/test_cli_pot.sh)
        return 0, len(expects), []
    skipped = sum(1 for k in expects if k in NOT_SHOWN)
    proc = subprocess.run(command(prog, file, items), capture_output=True, text=True, timeout=120)
    if get(items, "expect_error") is not None:
        return len(expects) - skipped, skipped, check_error(items, proc, file)
    if proc.returncode != 0:
        return 0, skipped, [f"exit {proc.returncode}: {proc.stderr.strip()}"]
    why = check_table(items, Table(proc.stdout, proc.stderr, file))
    sv = get(items, "expect_reading_sv")
    if sv is not None:
        p2 = subprocess.run(command(prog, file, items, "sv"), capture_output=True, text=True,
                            timeout=120)
        got = Table(p2.stdout, p2.stderr, file).reading if p2.returncode == 0 else p2.stderr
        if got != sv:
            why.append(f"expect_reading_sv: got '{got}', expected '{sv}'")
    return len(expects) - skipped, skipped, why


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    prog, corpus = sys.argv[1], sys.argv[2]
    cases = sys.argv[3:] or sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                                   if f.endswith(".expect"))
    if len(sys.argv) == 3 and len(cases) < MIN_CASES:
        print(f"FAIL: {len(cases)} cases in {corpus}, expected at least {MIN_CASES}")
        return 1
    failed = checked = skipped = 0
    for path in cases:
        n, s, why = run_case(prog, path)
        checked += n
        skipped += s
        if not why and n == 0 and get(parse_case(path), "pot") is None:
            why = ["nothing checked"]
        if why:
            failed += 1
            print(f"FAIL: {os.path.basename(path)}: " + "; ".join(why))
    print(f"reading (CLI): {len(cases)} cases, {checked} expectations checked, {skipped} "
          f"not shown by the program (spans, checks, encoding: the C runner's), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
