"""examples/python/dalarna.ipynb runs headless against the built package and says the right
things (so it never rots). The kernel inherits PYTHONPATH from meson test."""

import os
import pathlib
import re

import pytest

import yrkesresa

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def _text(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out["text"])
        elif "data" in out:
            parts.append(out["data"].get("text/plain", ""))
        elif out.get("output_type") == "error":
            parts.append("\n".join(out.get("traceback", [])))
    return "".join(parts)


@pytest.fixture(scope="module")
def executed(source_dir):
    path = source_dir / "examples" / "python" / "dalarna.ipynb"
    nb = nbformat.read(path, as_version=4)
    # stored without outputs (kept small in git)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    # the kernel must import the very package under test
    here = str(pathlib.Path(yrkesresa.__file__).resolve().parent.parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [here] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return {tag: _text(c) for c in nb.cells for tag in c.get("metadata", {}).get("tags", [])}


def test_notebook_kernel_used_the_package_under_test(executed):
    assert f"yrkesresa {yrkesresa.__version__}" in executed["setup"]
    assert str(pathlib.Path(yrkesresa.__file__).resolve().parent) in executed["setup"]


def test_notebook_split_adds_up_and_finds_orsa(executed):
    out = executed["split-check"]
    assert "sum of our rows: 850000" in out
    assert "sum of the published rows: 850001" in out
    assert "Orsa: ours 20452, published 20453" in out


def test_notebook_audits_the_published_tables(executed):
    out = executed["audit"]
    assert "coordinator-2023" in out and "ok-gnv-2022" in out
    assert "round_each" in out


def test_notebook_settles_the_pot(executed):
    out = executed["pot"]
    assert "participant-days 289" in out
    assert "= 115600" in out


def test_notebook_judges_the_survey_honestly(executed):
    assert "inconclusive    6" in executed["goals"]


def test_notebook_splits_the_two_agreement_items(executed):
    out = executed["items"]
    assert "columns add to: {'coordinator': 850000, 'courses': 180000}" in out
    assert "invoices equal the split of the sum: True" in out


def test_notebook_attendance_is_the_ratio_of_sums_without_the_total_row(executed):
    assert "attended 127 of 139" in executed["attendance"]


def test_notebook_national_example_adds_up_at_both_levels(executed):
    out = executed["national"]
    assert "municipalities 290 counties 21 total 39000000" in out
    assert "every county adds up: True" in out
    assert "Dalarnas län: 1094843 kr, 15 municipalities" in out


def test_notebook_has_no_workarounds_left(source_dir):
    """The notebook uses the package's conveniences: no hand dropping of Summa rows, no hand
    rounding of percentages, no positional copying of columns."""
    nb = nbformat.read(source_dir / "examples" / "python" / "dalarna.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for workaround in (r'[!=]= "Summa"', r"(?<![.\w])round\(", r"\* \w+ / 100", r"\.to_numpy\(\)"):
        assert not re.search(workaround, code), workaround
    for convenience in ("drop_total_rows", "split_frame", "audit_frame", "count_from_percent",
                        'groups="county"'):
        assert convenience in code, convenience
