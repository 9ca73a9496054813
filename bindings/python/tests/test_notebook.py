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


# (tag of the cell, what its output must say)
SAYS = [
    ("split-check", ["sum of our rows: 850000", "sum of the published rows: 850001",
                     "Orsa: ours 20452, published 20453"]),
    ("audit", ["coordinator-2023", "ok-gnv-2022", "round_each"]),
    ("pot", ["participant-days 289", "= 115600"]),
    # items, fees and kickbacks on one statement; net = total + fees - kickback
    ("statement", ["Summa: {'total': 1030000, 'fees': 173400, 'kickback': 111600, "
                   "'net': 1091800}"]),
    ("goals", ["inconclusive    6"]),
    # two agreement items: columns exact, invoices equal the split of the sum
    ("items", ["columns add to: {'coordinator': 850000, 'courses': 180000}",
               "invoices equal the split of the sum: True"]),
    # the ratio of sums, without the "Totalt" row
    ("attendance", ["attended 127 of 139"]),
    # 39 Mkr nation -> county -> municipality, adding up at both levels
    ("national", ["municipalities 290 counties 21 total 39000000", "every county adds up: True",
                  "Dalarnas län: 1094843 kr, 15 municipalities"]),
]


@pytest.mark.parametrize("tag, expected", SAYS, ids=[tag for tag, _ in SAYS])
def test_notebook_says_the_right_things(executed, tag, expected):
    for text in expected:
        assert text in executed[tag]


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
