"""The controller functions of 0.3 (issue 22), named by the C library's words without ``yr_``:
:func:`split_table_mixed`, :func:`rate_item`, :func:`audit_table`, :func:`statement_items`,
:func:`is_bank_day`, :func:`due_date_bank`, :func:`share_text`, :func:`percent_text`,
:func:`quota_text`. Every rule, number and sentence is the C library's; this module converts
arguments and results and names the argument as you wrote it in errors.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

from . import _core
from ._convert import Shape, call_located, fraction_parts, need_pandas, warn_total_row
from ._errors import Error, public

__all__ = [
    "split_table_mixed",
    "rate_item",
    "RateItem",
    "audit_table",
    "TableAudit",
    "statement_items",
    "StatementItems",
    "is_bank_day",
    "BankDay",
    "due_date_bank",
    "share_text",
    "percent_text",
    "quota_text",
]


def _per_item(values: Any, n: int, what: str, absent: Tuple[int, int]) -> List[Tuple[int, int]]:
    """One exact fraction per item (``fraction_parts``): None or ``"-"`` is ``absent``, a
    scalar applies to every item, else a sequence of ``n``; each named ``what[j]``."""
    if values is None:
        return [absent] * n
    if isinstance(values, (str, int, float)) or (isinstance(values, tuple) and len(values) == 2
                                                 and n != 2):
        values = [values] * n
    values = list(values)
    if len(values) != n:
        raise ValueError(f"{what} has {len(values)} values for {n} items")
    return [absent if v is None or v == "-" else fraction_parts(v, f"{what}[{j}]")
            for j, v in enumerate(values)]


def _renamed(error: Error, names: Dict[str, Tuple[str, Sequence[Any]]]) -> Error:
    """The C library's argument name (``equal_part``, ``rate``) as the Python argument, with the
    item the user wrote (``equal_parts[1]='150 %'``)."""
    if error.arg in names:
        name, values = names[error.arg]
        j = error.column
        shown = f"{name}[{j}]={values[j]!r}" if j is not None and j < len(values) else name
        return error._with(arg=name, argument=shown)
    return error


def _items(totals: Sequence[int], equal: List[Tuple[int, int]],
           rates: List[Optional[Tuple[int, int]]]) -> List[Tuple[int, int, int, int, int]]:
    """The yr_item tuples: (total, equal_num, equal_den, rate_num, rate_den)."""
    return [(int(t), e[0], e[1], r[0] if r else 0, r[1] if r else 0)
            for t, e, r in zip(totals, equal, rates)]


@public
def split_table_mixed(totals: Any, equal_parts: Any, weights: Any) -> Any:
    """:func:`split_table` with an equal part per item (``yr_split_table_mixed``): item j's share
    ``equal_parts[j]`` (``0.3``, ``"30 %"``, ``Fraction(3, 10)``; one value for every item) is
    shared equally between the parties, the rest by weight; columns add to their totals, cells
    are within one unit of their exact quotas. A DataFrame (parties x items)."""
    items = Shape(totals, "totals", "split_table_mixed")
    parties = Shape(weights, "weights", "split_table_mixed")
    values = list(items.values)
    raw = equal_parts if not isinstance(equal_parts, (str, int, float)) else [equal_parts] * len(values)
    parts = _per_item(equal_parts, len(values), "equal_parts", (0, 1))
    warn_total_row(parties, stacklevel=4)
    try:
        table = call_located(lambda: _core.yr_split_table_mixed_where(
            (items.values, [p[0] for p in parts], [p[1] for p in parts]), parties.values),
            parties, items)
    except Error as error:
        raise _renamed(error, {"equal_part": ("equal_parts", list(raw))}) from None
    pd = need_pandas()
    return pd.DataFrame(table, index=parties.index, columns=items.index)


class RateItem(NamedTuple):
    """:func:`rate_item`'s result: each party's amount (shaped like the weights) and their sum,
    the item's total."""

    amounts: Any
    total: int


@public
def rate_item(rate: Any, weights: Any) -> RateItem:
    """A rate item (``yr_rate_item``: "2,28 kr per invånare"): each party pays rate × weight
    rounded half away from zero to a whole krona; the total is the sum of the rows."""
    parties = Shape(weights, "weights", "rate_item")
    num, den = fraction_parts(rate, "rate")
    out, total = call_located(lambda: _core.yr_rate_item_where(num, den, parties.values),
                              parties)
    return RateItem(parties.wrap(out), int(total))


class TableAudit(NamedTuple):
    """:func:`audit_table`'s findings (``yr_audit_table``).

    Attributes:
        verdict: the library's sentence (``yr_table_verdict_text``), e.g. "reproduces the table
            split (yr_split_table)".
        counts: (columns_off, cells_off_quota, rows_off_rule, rows_not_lr, cells_differing,
            rows_total_off, rows_net_off), the table-level counts.
        items, rows: one dict per item and per party (the C structs' fields).
        cells: one dict per cell, row-major (parties x items).
    """

    verdict: str
    counts: Tuple[int, ...]
    items: List[Dict[str, Any]]
    rows: List[Dict[str, Any]]
    cells: List[Dict[str, Any]]


def _fields(proxy: Any) -> Dict[str, Any]:
    return {k: getattr(proxy, k) for k in dir(proxy)
            if not k.startswith("_") and k not in ("this", "thisown")}


@public
def audit_table(totals: Any, weights: Any, published: Any, *, equal_parts: Any = None,
                rates: Any = None, stated_total: Any = None, fees: Any = None,
                kickback: Any = None, net: Any = None) -> TableAudit:
    """Audit a published multi-item table as a table split (``yr_audit_table``): every column
    adds to its total, every cell within one unit of its quota, every row the table rule's; items
    with an equal part (``equal_parts``) or a rate (``rates``, ``"2,28"``; ``None``/``"-"`` for
    an item without) by their model; optional per-party stated row totals, fees, kickback and
    net (net = total + fees - kickback). ``published``: parties x items."""
    values = [int(t) for t in Shape(totals, "totals", "audit_table").values]
    equal = _per_item(equal_parts, len(values), "equal_parts", (0, 1))
    rate = [None if r == (0, 0) else r
            for r in _per_item(rates, len(values), "rates", (0, 0))]
    parties = Shape(weights, "weights", "audit_table")
    table = [list(row) for row in (published.to_numpy() if hasattr(published, "to_numpy")
                                   else published)]
    summary, item_out, rows, cells = call_located(lambda: _core.yr_audit_table_where(
        _items(values, equal, rate), (parties.values, table), stated_total, fees, kickback,
        net), parties)
    counts = tuple(int(getattr(summary, k)) for k in (
        "columns_off", "cells_off_quota", "rows_off_rule", "rows_not_lr", "cells_differing",
        "rows_total_off", "rows_net_off"))
    return TableAudit(_core.yr_table_verdict_text(summary.verdict), counts,
                      [_fields(i) for i in item_out], [_fields(r) for r in rows],
                      [_fields(c) for c in cells])


class StatementItems(NamedTuple):
    """:func:`statement_items`'s result (``yr_statement_items``): ``cells`` (parties x items),
    each item's total, per party and year ``year_totals``, per year ``year_sums``, per party
    ``rows`` (dicts: total, fees, kickback, net) and their ``sum``."""

    cells: Any
    item_totals: Any
    year_totals: Any
    year_sums: Any
    rows: List[Dict[str, Any]]
    sum: Dict[str, Any]


@public
def statement_items(totals: Any, weights: Any, *, equal_parts: Any = None, rates: Any = None,
                    year: Any = None, fees: Any = None, kickback: Any = None) -> StatementItems:
    """A statement of items with their models (``yr_statement_items``): split items (an equal
    part each, ``equal_parts``), rate items (``rates``), each item in ``year[j]`` (index into
    the rows of ``weights``: one weight per party, or one row of weights per year)."""
    values = [int(t) for t in Shape(totals, "totals", "statement_items").values]
    equal = _per_item(equal_parts, len(values), "equal_parts", (0, 1))
    rate = [None if r == (0, 0) else r
            for r in _per_item(rates, len(values), "rates", (0, 0))]
    import numpy as np
    w = np.asarray(weights.to_numpy() if hasattr(weights, "to_numpy") else weights)
    w = w.reshape(1, -1) if w.ndim == 1 else w
    cells, item_totals, year_totals, year_sums, rows, total = _core.yr_statement_items_where(
        (_items(values, equal, rate), year), w, fees, kickback)
    return StatementItems(cells, item_totals, year_totals, year_sums,
                          [_fields(r) for r in rows], _fields(total))


def _date(day: Any, function: str, what: str = "date") -> Tuple[int, int, int]:
    """A datetime.date (or a datetime, a pandas Timestamp) or an ISO ``YYYY-MM-DD`` str."""
    if isinstance(day, str):
        try:
            day = datetime.date.fromisoformat(day)
        except ValueError:
            raise ValueError(f"{function}(): {what}={day!r}: write a date as YYYY-MM-DD") from None
    if not isinstance(day, datetime.date):
        raise TypeError(f"{function}(): {what}={day!r}: give a datetime.date or 'YYYY-MM-DD'")
    return day.year, day.month, day.day


class BankDay(NamedTuple):
    """:func:`is_bank_day`'s answer: whether the day is a Swedish bank day and, if not, why (the
    holiday's Swedish name, ``"lördag"`` or ``"söndag"``)."""

    bank_day: bool
    reason: Optional[str]


@public
def is_bank_day(date: Any) -> BankDay:
    """Whether ``date`` is a Swedish bank day (``yr_is_bank_day``; 1953 on)."""
    bank, reason = _core.yr_is_bank_day_where(*_date(date, "is_bank_day"))
    return BankDay(bool(bank), reason)


@public
def due_date_bank(date: Any, days: int) -> datetime.date:
    """The due date ``days`` calendar days after ``date``, moved to the next Swedish bank day
    when it is none (``yr_due_date_bank``: 2024-12-13 + 30 is Sunday 2025-01-12, due Monday
    2025-01-13)."""
    return datetime.date(*_core.yr_due_date_bank_where(*_date(date, "due_date_bank"), days))


@public
def share_text(part: int, whole: int) -> str:
    """A share as the exact fraction a controller recognises, not reduced: ``"59752/288382"``
    (``yr_share_text``)."""
    return _core.yr_share_text(part, whole)


@public
def percent_text(num: int, den: int, decimals: int = 4) -> str:
    """100 × num / den with ``decimals`` decimals, rounded half away from zero, '.' as the
    decimal mark, no '%' (``yr_percent_text``): ``percent_text(59752, 288382)`` is
    ``"20.7197"``."""
    return _core.yr_percent_text(num, den, decimals)


@public
def quota_text(whole: int, rem: int, den: int, decimals: int = 4) -> str:
    """An exact quota whole + rem/den truncated to ``decimals`` decimals, with "…" when it has
    more (``yr_quota_text``): ``"176117.7882…"``."""
    return _core.yr_quota_text(whole, rem, den, decimals)
