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
