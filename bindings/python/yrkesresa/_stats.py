"""Participation statistics (SPEC §4): thin wrappers over yrkesresa._core.

Shares, Wilson intervals, goal verdicts, counts and sums are all computed in C.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from ._convert import (
    Shape,
    call_located,
    call_mapped,
    call_named,
    categories,
    fraction_parts,
    enum_from_core,
    is_series,
    need_pandas,
    rows_frame,
    trim_label,
    warn_total_row,
)
from ._errors import Error, public

__all__ = [
    "Goal",
    "Proportion",
    "Rate",
    "AttendanceRates",
    "Coverage",
    "TotalsCheck",
    "proportion",
    "goal_check",
    "crosstab",
    "count_by",
    "attendance_rate",
    "progression",
    "coverage",
    "check_totals",
    "PercentCount",
    "count_from_percent",
]

Counts = Union[Sequence[int], np.ndarray]

Goal = enum_from_core(
    "Goal",
    "YR_GOAL_",
    __name__,
    """Verdict of a survey goal such as "at least 80 % answer yes" (``yr_goal``; the members are
the C enum's): ``MET`` (the interval's lower bound is at or above the target), ``NOT_MET`` (its
upper bound is below), ``INCONCLUSIVE`` (it contains the target). ``str(goal)`` and
``goal.label`` are the C library's names: "met", "not met", "inconclusive". A verdict is no
number (an Enum, not an IntEnum), so a Series of verdicts counts and prints by name.""",
    integer=False,
)
Goal.label = property(lambda self: _core.yr_goal_name(self.value))  # type: ignore[attr-defined]
Goal.__str__ = lambda self: self.label  # type: ignore[assignment]


def _tuple_frame(self: Any) -> Any:
    """This result as a pandas DataFrame: one row for a scalar result, one row per element for
    a vectorised one (the index of the input Series, if any)."""
    pd = need_pandas()
    values = self._asdict()
    if all(np.ndim(v) == 0 for v in values.values()):
        return pd.DataFrame([values])
    return pd.DataFrame(values)


class Proportion(NamedTuple):
    """A share and its Wilson score interval (numpy arrays when vectorised)."""

    share: Any
    low: Any
    high: Any

    to_frame = _tuple_frame


class Rate(NamedTuple):
    """``successes / trials`` with its Wilson interval (``yr_rate``); NaN share and bounds for
    zero trials."""

    successes: int
    trials: int
    share: float
    low: float
    high: float

    to_frame = _tuple_frame


class AttendanceRates(NamedTuple):
    """Per-course rates, the total rate (sum attended / sum registered) and the course labels
    (None: 0, 1, ...)."""

    per_course: List[Rate]
    total: Rate
    labels: Optional[List[Any]] = None

    def to_frame(self) -> Any:
        """One row per course (indexed by label), columns successes (attended), trials
        (registered), share, low, high; the total rate is :attr:`total`."""
        frame = rows_frame(self.per_course, None)
        if self.labels is not None:
            frame.index = self.labels
        return frame


class Coverage(NamedTuple):
    """A count per ``per`` of a population, with the interval scaled the same way (numpy arrays
    when vectorised)."""

    rate: Any
    low: Any
    high: Any

    to_frame = _tuple_frame


class TotalsCheck(NamedTuple):
    """Column sums of a table body and how many differ from the stated totals."""

    sums: np.ndarray
    mismatched: int

    def to_frame(self) -> Any:
        """The column sums as a DataFrame (column ``sum``, one row per table column)."""
        return need_pandas().DataFrame({"sum": self.sums})


def _rate(r: Any) -> Rate:
    return Rate(r.successes, r.trials, r.share, r.low, r.high)


def _is_vector(value: Any) -> bool:
    return isinstance(value, (list, tuple, np.ndarray)) or is_series(value)


def _vectorised(call: Callable[..., Any], names: Sequence[str], values: Sequence[Any],
                function: str) -> Any:
    """``call`` on each element of the broadcast ``values`` (arrays, Series, scalars).

    Returns (results, index): ``index`` is the first Series' index, or None. An error names the
    element (its position and label)."""
    index = next((v.index for v in values if is_series(v)), None)
    columns = [np.asarray(v.to_numpy() if is_series(v) else v, dtype=object) for v in values]
    if any(c.ndim > 1 for c in columns):
        raise ValueError("expected scalars or one-dimensional arrays")
    try:
        columns = np.broadcast_arrays(*columns)
    except ValueError:
        lengths = ", ".join(f"{n}: {np.size(c)}" for n, c in zip(names, columns))
        raise ValueError(f"the arrays have different lengths ({lengths})") from None
    results = []
    for i in range(columns[0].shape[0] if columns[0].ndim else 1):
        label = index[i] if index is not None else i
        try:
            results.append(call_named(lambda: call(*(c[i] for c in columns)), function, i,
                                      label))
        except Error as error:
            raise error.with_detail(f"at element {label!r}", label=label) from None
    return results, index


@public
def proportion(successes: Any, trials: Any, confidence: Any = 0.95) -> Any:
    """``successes / trials`` and its Wilson score interval at ``confidence`` (two-sided).

    Vectorised: any argument may be a list, numpy array or pandas Series (scalars broadcast).
    Scalars give a :class:`Proportion` of floats; arrays give a :class:`Proportion` of numpy
    arrays (``.to_frame()`` for a DataFrame); a Series gives a DataFrame (columns share, low,
    high) with the Series' index.

    Raises yrkesresa.Error for trials == 0 (YR_ERR_EMPTY), negative counts (YR_ERR_NEGATIVE),
    successes > trials or a confidence outside (0, 1) (YR_ERR_RANGE; it says when the
    confidence was given as a percentage, e.g. 95 for 0.95).

    >>> round(proportion(17, 22).share, 4)
    0.7727
    """

    def one(s: Any, t: Any, c: Any) -> Tuple[float, float, float]:
        return _core.yr_proportion_where(s, t, c)

    return _vector_result(one, ("successes", "trials", "confidence"),
                          (successes, trials, confidence), Proportion, "proportion")


def _vector_result(one: Callable[..., Any], names: Sequence[str], values: Sequence[Any],
                   result: Any, function: str) -> Any:
    """``result(*one(...))`` for scalars; vectorised: a ``result`` of arrays, or a DataFrame
    for Series input."""
    if not any(_is_vector(v) for v in values):
        return result(*call_named(lambda: one(*values), function))
    rows, index = _vectorised(one, names, values, function)
    arrays = [np.array(col, dtype=float) for col in zip(*rows)] if rows else [
        np.empty(0)] * len(result._fields)
    out = result(*arrays)
    if index is not None:
        return need_pandas().DataFrame(out._asdict(), index=index)
    return out


@public
def goal_check(yes: Any, n: Any, target: Any, confidence: Any = 0.95) -> Any:
    """Judge "at least ``target`` (a share in [0, 1]) answer yes" honestly given ``n``.

    Returns :attr:`Goal.MET` when the Wilson interval's lower bound is at or above ``target``,
    :attr:`Goal.NOT_MET` when its upper bound is below, else :attr:`Goal.INCONCLUSIVE`.

    Vectorised like :func:`proportion`: arrays give a numpy array of :class:`Goal`, a Series a
    Series of :class:`Goal` (named ``verdict``) with its index.

    A target or confidence outside 0..1 raises yrkesresa.Error (YR_ERR_RANGE) saying so, and
    suggesting ``0.80`` for ``80``.

    >>> goal_check(17, 22, 0.80)
    <Goal.INCONCLUSIVE: 2>
    """

    def one(y: Any, m: Any, t: Any, c: Any) -> Any:
        return Goal(_core.yr_goal_check_where(y, m, t, c))

    values = (yes, n, target, confidence)
    if not any(_is_vector(v) for v in values):
        return call_named(lambda: one(*values), "goal_check")
    verdicts, index = _vectorised(one, ("yes", "n", "target", "confidence"), values,
                                  "goal_check")
    array = np.empty(len(verdicts), dtype=object)
    array[:] = verdicts
    if index is not None:
        return need_pandas().Series(array, index=index, name="verdict")
    return array


@public
def coverage(count: Any, population: Any, per: Any = 1000, confidence: Any = 0.95) -> Any:
    """``count`` per ``per`` of ``population`` (per=1000: per 1 000 inhabitants; per=1: a share
    of a target population) with the Wilson interval scaled the same way.

    Vectorised like :func:`proportion` (a :class:`Coverage` of arrays, or a DataFrame for a
    Series)."""

    def one(k: Any, p: Any, r: Any, c: Any) -> Tuple[float, float, float]:
        return _core.yr_coverage_where(k, p, r, c)

    return _vector_result(one, ("count", "population", "per", "confidence"),
                          (count, population, per, confidence), Coverage, "coverage")


class PercentCount(NamedTuple):
    """A stated percentage turned into a count (``yr_count_from_percent``; numpy arrays when
    vectorised): ``count`` and whether ``exact`` (the count gives back the percentage as
    written; False: no whole count gives e.g. 77 % of 22)."""

    count: Any
    exact: Any

    to_frame = _tuple_frame


def _percent_parts(percent: Any) -> Tuple[int, int]:
    """A percentage as (num, den): "12,5 %" is read by C as the fraction 125/1000, which is
    the percentage 125/10."""
    num, den = fraction_parts(percent, "percent")
    if isinstance(percent, str) and "%" in percent:
        if den % 100 == 0:
            return num, den // 100
        return num * 100, den
    return num, den


@public
def count_from_percent(percent: Any, n: Any) -> Any:
    """How many of ``n`` a published percentage stands for: ``percent`` % of ``n`` rounded half
    away from zero (the CLI's and R's rule, ``yr_count_from_percent``).

    Args:
        percent: the percentage as published, 0..100: ``77``, ``12.5``, ``"12,5"`` or
            ``"12,5 %"`` (read exactly, as :func:`yrkesresa.fraction_parts`; in a str a '%' sign
            only says it is a percentage); ``exact`` compares with as many decimals as it was
            written with.
        n: the number it is a percentage of (>= 1).

    Vectorised like :func:`proportion`: arrays give a :class:`PercentCount` of arrays, a Series
    a DataFrame (columns count, exact) with its index.

    >>> count_from_percent(77, 22)
    PercentCount(count=17, exact=True)
    """

    def one(p: Any, m: Any) -> Tuple[int, bool]:
        num, den = _percent_parts(p)
        count, exact = _core.yr_count_from_percent_where(num, den, m)
        return count, bool(exact)

    values = (percent, n)
    if not any(_is_vector(v) for v in values):
        return PercentCount(*call_named(lambda: one(*values), "count_from_percent"))
    rows, index = _vectorised(one, ("percent", "n"), values, "count_from_percent")
    counts = np.array([r[0] for r in rows], dtype=np.int64)
    exact = np.array([r[1] for r in rows], dtype=bool)
    if index is not None:
        return need_pandas().DataFrame({"count": counts, "exact": exact}, index=index)
    return PercentCount(counts, exact)


def _size(values: Any, given: Optional[int], what: str) -> int:
    """``given``, or one more than the largest index in ``values``."""
    if given is not None:
        return given
    array = np.asarray(values)
    if array.size == 0:
        raise ValueError(f"{what} is needed when there are no records")
    return int(array.max()) + 1


@public
def crosstab(rows: Any, cols: Any, nrows: Optional[int] = None,
             ncols: Optional[int] = None) -> Any:
    """Cross-tabulate record-level categories in one pass.

    Args:
        rows, cols: one category per record: labels (strings, a pandas Categorical or a
            Series; trimmed by the CLI's rule, so ``"Falun "`` is ``"Falun"``) or 0-based
            integer indices. For indices, a uint32 C-contiguous numpy array is read in place;
            other integer arrays and lists are converted once (every value checked: a negative
            or too large index raises yrkesresa.Error YR_ERR_RANGE). Integers are always
            indices: use ``.astype("category")`` to count integer codes as labels.
        nrows, ncols: the table size for indices; default one more than the largest index
            (not allowed for labels: every label or category is one row/column).

    Returns:
        Indices on both sides: an int64 array of shape (nrows, ncols), ``table[r, c]`` = records
        with row r, column c. Labels on either side: a pandas DataFrame indexed by the row
        labels (sorted; a Categorical's categories in order, unused ones included) with one
        column per column label.
    """
    r, c = categories(rows, "rows", "crosstab"), categories(cols, "cols", "crosstab")
    if r.labels is None and c.labels is None:
        return call_named(lambda: _core.yr_crosstab_where(
            (rows, cols), _size(rows, nrows, "nrows"), _size(cols, ncols, "ncols")), "crosstab",
            names={"row": "rows", "col": "cols"})
    for given, cat, what in ((nrows, r, "nrows"), (ncols, c, "ncols")):
        if given is not None and cat.labels is not None:
            raise TypeError(f"crosstab: {what} is for indices, not labels")
    rcount = len(r.labels) if r.labels is not None else _size(r.codes, nrows, "nrows")
    ccount = len(c.labels) if c.labels is not None else _size(c.codes, ncols, "ncols")
    table = call_named(lambda: _core.yr_crosstab_where((r.codes, c.codes), rcount, ccount),
                       "crosstab", names={"row": "rows", "col": "cols"})
    pd = need_pandas()
    frame = pd.DataFrame(table, index=r.labels, columns=c.labels)
    frame.index.name, frame.columns.name = r.name, c.name
    return frame


@public
def count_by(groups: Any, ngroups: Optional[int] = None) -> Any:
    """Count records by group.

    ``groups`` as one side of :func:`crosstab`. Indices: an int64 array of ``ngroups`` counts
    (default one more than the largest index), ``counts[g]`` = records with ``groups[i] == g``.
    Labels: a pandas Series named ``count`` indexed by the labels (sorted; a Categorical's
    categories in order), like ``value_counts`` but with every category.
    """
    g = categories(groups, "groups", "count_by")
    if g.labels is None:
        return call_named(lambda: _core.yr_count_by_where(groups, _size(groups, ngroups,
                                                                        "ngroups")), "count_by",
                          names={"group": "groups"})
    if ngroups is not None:
        raise TypeError("count_by: ngroups is for indices, not labels")
    counts = _core.yr_count_by_where(g.codes, len(g.labels))
    series = need_pandas().Series(counts, index=g.labels, name="count")
    series.index.name = g.name
    return series


def _frame_columns(frame: Any, names: Sequence[str], function: str) -> List[Any]:
    """The columns ``names`` of a DataFrame, or a ValueError naming the missing ones."""
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise ValueError(f"{function}: the DataFrame has no column(s) {', '.join(missing)}")
    return [frame[n] for n in names]


@public
def attendance_rate(registered: Any, attended: Any = None, confidence: float = 0.95, *,
                    labels: Any = None) -> AttendanceRates:
    """Attendance rate per course and in total (sum attended / sum registered, never a mean of
    rates), each with its Wilson interval.

    Args:
        registered: registered per course (list, array, Series), or a DataFrame with columns
            ``registered`` and ``attended`` (then ``attended`` is not given).
        attended: attended per course.
        confidence: of the Wilson intervals, in (0, 1).
        labels: the course labels: a sequence, or with a DataFrame the name of a column (e.g.
            ``"course"``); default a Series' or DataFrame's index.

    Returns:
        :class:`AttendanceRates`; ``.to_frame()`` gives one row per course.

    Warns:
        YrTotalRowWarning: a ``registered`` value equals the sum of the others (a "Totalt" row,
        which would double the total).

    attended > registered raises yrkesresa.Error (YR_ERR_RANGE) naming the course; a course
    with nobody registered gets NaN share and bounds.
    """
    if attended is None and hasattr(registered, "columns"):
        frame = registered
        if isinstance(labels, str):
            labels = _frame_columns(frame, [labels], "attendance_rate")[0]
        registered, attended = _frame_columns(frame, ["registered", "attended"],
                                              "attendance_rate")
        if labels is None:
            labels = frame.index
    reg = Shape(registered, "registered", "attendance_rate")
    att = Shape(attended, "attended", "attendance_rate")
    if labels is not None:
        reg.index = att.index = list(labels)
    warn_total_row(reg)
    per_course, total = call_located(
        lambda: _core.yr_attendance_rate_where((reg.values, att.values), confidence), reg, att)
    names = [trim_label(x) for x in reg.index] if reg.index is not None else None
    return AttendanceRates([_rate(r) for r in per_course], _rate(total), names)


@public
def progression(completed: Counts, confidence: float = 0.95) -> List[Rate]:
    """Course progression: ``completed[k+1] / completed[k]`` for each step, with Wilson
    intervals (a step from 0 completed gets NaN). Needs at least 2 courses."""
    shape = Shape(completed, "completed", "progression")
    return [_rate(r) for r in call_located(
        lambda: _core.yr_progression_where(shape.values, confidence), shape)]


@public
def check_totals(table: Any, stated: Counts) -> TotalsCheck:
    """Check a published table's total row against its column sums.

    Args:
        table: the body rows (without the total row), 2-D: a list of rows, an int64 array of
            shape (nrows, ncols) or a DataFrame of integer columns; nrows may be 0.
        stated: the ncols stated totals (a list, array, or a Series such as ``df.iloc[-1]``).

    Returns:
        ``TotalsCheck(sums, mismatched)``: the column sums (int64 array) and the number of
        columns whose sum differs from its stated total.
    """
    if hasattr(table, "to_numpy") and hasattr(table, "columns"):
        table = table.to_numpy()
    given = Shape(stated, "stated", "check_totals")
    sums, mismatched = call_located(lambda: _core.yr_check_totals_where(table, given.values),
                                    given, Shape([], "table", "check_totals"))
    return TotalsCheck(sums, mismatched)
