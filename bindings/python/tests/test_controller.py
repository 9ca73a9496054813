"""The 0.3 controller functions in Python (issue 22): the C words, arguments named as written.
Expected values are worked by hand in the comments; the conformance corpus checks the rest."""

import datetime

import pytest

import yrkesresa


def test_statement_items_with_a_rate_item():
    # 100 by weights 1, 3, 5: quotas 11.1, 33.3, 55.6 -> 11, 33, 56; a rate of 0,5 per unit:
    # 0.5, 1.5, 2.5 rounded half away from zero -> 1, 2, 3 (total 6)
    got = yrkesresa.statement_items([100, 0], [1, 3, 5], rates=[None, "0,5"])
    assert got.cells.tolist() == [[11, 1], [33, 2], [56, 3]]
    assert got.item_totals.tolist() == [100, 6]
    assert [r["total"] for r in got.rows] == [12, 35, 59] and got.sum["total"] == 106


def test_audit_table_of_its_own_table_reproduces_it():
    got = yrkesresa.audit_table([100, 6], [1, 3, 5], [[11, 1], [33, 2], [56, 3]],
                                rates=["-", "0,5"])
    assert got.counts == (0,) * 7
    assert got.verdict == "reproduces the table split (yr_split_table)"
    # one cell one krona off: its column no longer adds up (101 for 100)
    off = yrkesresa.audit_table([100, 6], [1, 3, 5], [[12, 1], [33, 2], [56, 3]],
                                rates=["-", "0,5"])
    assert off.counts[0] == 1 and off.verdict.startswith("breaks")


def test_arguments_are_named_as_written():
    with pytest.raises(yrkesresa.Error, match=r"split_table_mixed\(\): equal_parts\[1\]='150%'"):
        yrkesresa.split_table_mixed([100, 50], ["0.3", "150%"], [1, 2, 4])
    with pytest.raises(yrkesresa.Error, match=r"rate_item\(\): .*weights\[1\]"):
        yrkesresa.rate_item("2,28", [1, -2])
    with pytest.raises(ValueError, match=r"due_date_bank\(\): date='2024-13-01'"):
        yrkesresa.due_date_bank("2024-13-01", 3)


def test_dates_and_texts():
    assert yrkesresa.is_bank_day(datetime.date(2025, 6, 20)) == (False, "midsommarafton")
    assert yrkesresa.is_bank_day("2025-01-13") == (True, None)
    assert yrkesresa.due_date_bank("2024-12-13", 30) == datetime.date(2025, 1, 13)
    assert yrkesresa.share_text(59752, 288382) == "59752/288382"
    # 100 * 59752 / 288382 = 20.71973...
    assert yrkesresa.percent_text(59752, 288382) == "20.7197"
    assert yrkesresa.quota_text(12, 1, 2) == "12.5000"
