"""Shared fixtures. The suite runs against the BUILT package: meson test sets PYTHONPATH to
<build>/bindings/python (and YR_SOURCE_DIR to the source tree, for the data files)."""

import os
import pathlib

import pytest

import yrkesresa

SOURCE_DIR = pathlib.Path(
    os.environ.get("YR_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3])
)


def pytest_report_header(config):
    return f"yrkesresa {yrkesresa.__version__} from {pathlib.Path(yrkesresa.__file__).parent}"


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture(scope="session")
def dalarna():
    """The Dalarna tables (data/dalarna/*.csv) read with the csv module, as lists of dicts."""
    import csv

    def read(name):
        with open(SOURCE_DIR / "data" / "dalarna" / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    return read


def pytest_sessionfinish(session, exitstatus):
    """With YR_FAIL_ON_SKIP=1 (meson test sets it), a skipped test fails the run unless it is a
    documented conformance skip ('documented skip: ...', tests/conformance/README.md): a missing
    module (pandas, hypothesis, nbclient) must not turn the suite green by skipping."""
    if os.environ.get("YR_FAIL_ON_SKIP") != "1":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    undocumented = []
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if not reason.startswith("Skipped: documented skip:"):
            undocumented.append(f"{report.nodeid}: {reason}")
    if undocumented:
        if reporter:
            reporter.ensure_newline()
            reporter.write_line(f"YR_FAIL_ON_SKIP: {len(undocumented)} test(s) skipped without a "
                                "documented reason (a skip is a failure here):", red=True)
            for line in undocumented:
                reporter.write_line(f"  {line}")
        session.exitstatus = 1
