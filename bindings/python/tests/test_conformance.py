"""The shared conformance suite (tests/conformance/*.case, PLAN.md) through the Python binding.

One case per file, ``key: value`` lines; the same files are run by the C tests, the CLI tests
and testthat, so C, the CLI, Python and R provably give the same answer (or the same error
status) for the same input. Decimal inputs reach Python as what a Python user would write:
``float(text)`` (read by the C library through yr_fraction_from_double), except ``text:`` which
is the CLI-style string itself. A case this interface cannot express is skipped with its reason,
and only when tests/conformance/README.md lists it for this runner ("skipped by python (N): ...").
A missing, unreadable or empty corpus FAILS (the guard cannot skip itself).
"""

import os
import pathlib
import re
import warnings

import pytest

import yrkesresa as yr

HERE = pathlib.Path(__file__).resolve()


def _case_dir():
    env = os.environ.get("YR_CONFORMANCE_DIR")
    if env:
        return pathlib.Path(env)
    source = os.environ.get("YR_SOURCE_DIR")
    root = pathlib.Path(source) if source else HERE.parents[3]
    return root / "tests" / "conformance"


def _parse(path):
    case = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"{path.name}:{number}: not a 'key: value' line")
        case[key.strip()] = value.strip()
    return case


def _ints(text):
    return [int(x) for x in text.split()]


def _decimal(text):
    """A decimal as a Python user gives it: a float (a percentage or a fraction in text form
    stays text, as the CLI reads it)."""
    try:
        return float(text)
    except ValueError:
        return text


def _opt(case, key, convert):
    return convert(case[key]) if key in case else None


def _split(case):
    return yr.split(
        int(case["total"]),
        _ints(case["weights"]),
        case.get("method", "largest_remainder"),
        tie=case.get("tie"),
        minimum=_opt(case, "minimum", _ints),
        maximum=_opt(case, "maximum", _ints),
        threshold=_opt(case, "threshold", _decimal),
        first_divisor=_opt(case, "first_divisor", _decimal),
    )


def _split_table(case):
    table = yr.split_table(_ints(case["totals"]), _ints(case["weights"]))
    return table.to_numpy().tolist()


def _split_nested(case):
    groups = _ints(case["groups"])
    result = yr.split_nested(int(case["total"]), _ints(case["weights"]), groups,
                             int(case["ngroups"]))
    return result.amounts, result.group_amounts.tolist()


def _pot_shares(case):
    rules = yr.PotRules(int(case["fee"]), int(case["pot_part"]),
                        {"leader": _decimal(case["leader"]), "trainer": _decimal(case["trainer"])})
    return rules.share[yr.Role.LEADER], rules.share[yr.Role.TRAINER]


def _rows(text):
    return [_ints(row) for row in text.split("|")] if text is not None else None


def _audit_table(case):
    got = yr.audit_table(
        _ints(case["totals"]), _ints(case["weights"]), _rows(case["published"]),
        equal_parts=case["equal_parts"].split() if "equal_parts" in case else None,
        rates=case["rates"].split() if "rates" in case else None,
        **{k: _ints(case[k]) for k in ("stated_total", "fees", "kickback", "net") if k in case})
    return list(got.counts), got.verdict


RUN = {
    "split_table_mixed": lambda c: yr.split_table_mixed(
        _ints(c["totals"]), c["equal_parts"].split(), _ints(c["weights"])).to_numpy().tolist(),
    "rate_item": lambda c: yr.rate_item(c["rate"], _ints(c["weights"])),
    "bank_day": lambda c: yr.is_bank_day(c["date"]),
    "due_date_bank": lambda c: yr.due_date_bank(c["date"], int(c["days"])),
    "audit_table": _audit_table,
    "percent_text": lambda c: yr.percent_text(int(c["num"]), int(c["den"]), int(c["decimals"])),
    "quota_text": lambda c: yr.quota_text(int(c["whole"]), int(c["rem"]), int(c["den"]),
                                          int(c["decimals"])),
    "share_text": lambda c: yr.share_text(int(c["part"]), int(c["whole"])),
    "split": _split,
    "split_mixed": lambda c: yr.split_mixed(int(c["total"]), _ints(c["weights"]),
                                            _decimal(c["equal_part"])),
    "split_table": _split_table,
    "split_nested": _split_nested,
    "fraction_text": lambda c: yr.fraction_parts(c["text"]),
    "fraction_double": lambda c: yr.fraction_parts(float(c["value"])),
    "count_from_percent": lambda c: yr.count_from_percent(_decimal(c["percent"]), int(c["n"])),
    "pot_shares": _pot_shares,
    "goal_check": lambda c: yr.goal_check(int(c["yes"]), int(c["n"]), float(c["target"]),
                                          float(c.get("confidence", "0.95"))),
    "find_total_row": lambda c: yr.find_total_row(_ints(c["weights"])),
}


def _check(case, got):
    """Assert ``got`` is what ``case`` expects."""
    op = case["op"]
    if op in ("split_table", "split_table_mixed"):
        assert got == [_ints(row) for row in case["expect"].split("|")]
    elif op == "rate_item":
        assert list(got.amounts) == _ints(case["expect"])
        assert got.total == int(case["expect_total"])
    elif op == "bank_day":
        assert got.bank_day == (case["expect_bank_day"] == "1")
        assert (got.reason or "none") == case["expect_reason"]
    elif op == "due_date_bank":
        assert got.isoformat() == case["expect_due"]
    elif op == "audit_table":
        assert got == (_ints(case["expect_counts"]), case["expect_verdict"])
    elif op in ("percent_text", "quota_text", "share_text"):
        assert got == case["expect_text"]
    elif op == "split_nested":
        assert list(got[0]) == _ints(case["expect"])
        assert got[1] == _ints(case["expect_groups"])
    elif op in ("fraction_text", "fraction_double"):
        assert tuple(got) == (int(case["expect_num"]), int(case["expect_den"]))
    elif op == "count_from_percent":
        assert got.count == int(case["expect_count"])
        if "expect_exact" in case:
            assert got.exact == (case["expect_exact"].lower() in ("1", "true", "yes"))
    elif op == "pot_shares":
        assert list(got) == _ints(case["expect_shares"])
    elif op == "goal_check":
        assert str(got) == case["expect_verdict"]
    elif op == "find_total_row":
        expected = case["expect_index"]
        assert got == (None if expected == "none" else int(expected))
    else:
        assert list(got) == _ints(case["expect"])


def _corpus(directory):
    """The sorted case files of ``directory`` and the names of those README.md lists as skipped by
    this runner (line 'skipped by python (N): TOKEN ...', a token a case name or op=OP for every
    case of an op). Raises AssertionError or OSError (never skips) when the directory is missing,
    holds no case, has no readable README.md with that line, or the line names N cases but says
    another count."""
    assert directory.is_dir(), f"no conformance directory {directory}"
    cases = sorted(directory.glob("*.case"))
    assert cases, f"no conformance cases in {directory}"
    readme = directory / "README.md"
    found = re.search(r"^skipped by python \((\d+)\):(.*)$",
                      readme.read_text(encoding="utf-8"), re.M)
    assert found, f"{readme}: no line 'skipped by python (N): TOKENS'"
    tokens = set(found.group(2).split())
    ops = {t[3:] for t in tokens if t.startswith("op=")}
    names = {p.stem for p in cases if p.stem in tokens or _parse(p).get("op") in ops}
    assert len(names) == int(found.group(1)), (
        f"{readme}: 'skipped by python' says {found.group(1)}, its tokens name {len(names)} cases")
    return cases, names


def _cannot_run(case):
    """Why this interface cannot express the case, or None."""
    if case.get("op") not in RUN:
        return f"op {case.get('op')!r} has no Python form"
    return None


try:
    CASES, DOCUMENTED_SKIPS = _corpus(_case_dir())
    CORPUS_ERROR = None
except (AssertionError, OSError) as error:
    CASES, DOCUMENTED_SKIPS, CORPUS_ERROR = [], set(), error


def test_the_corpus_is_found_and_readable():
    """The guard: an empty or unreadable corpus is a failure, not a skip."""
    if CORPUS_ERROR is not None:
        pytest.fail(f"the conformance corpus: {CORPUS_ERROR}")
    assert CASES


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_conformance_case(path):
    case = _parse(path)
    run = RUN.get(case.get("op"))
    reason = _cannot_run(case)
    if reason is not None:
        if path.stem not in DOCUMENTED_SKIPS:
            pytest.fail(f"{path.name}: {reason}, and README.md does not list it as skipped")
        pytest.skip(f"documented skip: {path.name}: {reason}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", yr.YrTotalRowWarning)
        if "expect_error" in case:
            with pytest.raises(yr.Error) as info:
                run(case)
            assert info.value.status == case["expect_error"], str(info.value)
            return
        got = run(case)
    _check(case, got)


def test_the_suite_covers_every_op_and_skips_only_the_documented_cases():
    """Guard against a silently empty run: every op has a runner or README.md lists its cases as
    skipped, and the cases skipped are exactly those it lists for this runner."""
    assert CASES, f"no conformance cases in {_case_dir()}"
    assert {p.stem for p in CASES if _cannot_run(_parse(p))} == DOCUMENTED_SKIPS


def test_the_guard_fails_on_a_missing_empty_or_undocumented_corpus(tmp_path):
    with pytest.raises(AssertionError, match="no conformance directory"):
        _corpus(tmp_path / "nosuch")
    with pytest.raises(AssertionError, match="no conformance cases"):
        _corpus(tmp_path)
    (tmp_path / "a.case").write_text("op: split\n", encoding="utf-8")
    (tmp_path / "b.case").write_text("op: bank_day\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        _corpus(tmp_path)
    (tmp_path / "README.md").write_text("skipped by cli (0):\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="no line 'skipped by python"):
        _corpus(tmp_path)
    (tmp_path / "README.md").write_text("skipped by python (2): a\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="says 2, its tokens name 1"):
        _corpus(tmp_path)
    (tmp_path / "README.md").write_text("skipped by python (2): a op=bank_day\n", encoding="utf-8")
    cases = [tmp_path / "a.case", tmp_path / "b.case"]
    assert _corpus(tmp_path) == (cases, {"a", "b"})
    (tmp_path / "README.md").write_text("skipped by python (1): op=bank_day\n", encoding="utf-8")
    assert _corpus(tmp_path) == (cases, {"b"})
