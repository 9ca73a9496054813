"""Participation statistics (SPEC §4): thin wrappers over yrkesresa._core.

Shares, Wilson intervals, goal verdicts, counts and sums are all computed in C.
"""

from __future__ import annotations

import enum
from typing import Any, List, NamedTuple, Optional, Sequence, Union

import numpy as np

from . import _core

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
]

Counts = Union[Sequence[int], np.ndarray]


class Goal(enum.Enum):
    """Verdict of a survey goal such as "at least 80 % answer yes" (``yr_goal``)."""

    MET = _core.YR_GOAL_MET  #: the interval's lower bound is at or above the target
    NOT_MET = _core.YR_GOAL_NOT_MET  #: the interval's upper bound is below the target
    INCONCLUSIVE = _core.YR_GOAL_INCONCLUSIVE  #: the interval contains the target

    @property
    def label(self) -> str:
        """The C library's name: "met", "not met" or "inconclusive"."""
        return _core.yr_goal_name(self.value)

    def __str__(self) -> str:
        return self.label


class Proportion(NamedTuple):
    """A share and its Wilson score interval."""

    share: float
    low: float
    high: float


class Rate(NamedTuple):
    """``successes / trials`` with its Wilson interval (``yr_rate``); NaN share and bounds for
    zero trials."""

    successes: int
    trials: int
    share: float
    low: float
    high: float


class AttendanceRates(NamedTuple):
    """Per-course rates and the total rate (sum attended / sum registered)."""

    per_course: List[Rate]
    total: Rate


class Coverage(NamedTuple):
    """A count per ``per`` of a population, with the interval scaled the same way."""

    rate: float
    low: float
    high: float


class TotalsCheck(NamedTuple):
    """Column sums of a table body and how many differ from the stated totals."""

    sums: np.ndarray
    mismatched: int


def _rate(r: Any) -> Rate:
    return Rate(r.successes, r.trials, r.share, r.low, r.high)


def proportion(successes: int, trials: int, confidence: float = 0.95) -> Proportion:
    """``successes / trials`` and its Wilson score interval at ``confidence`` (two-sided).

    Raises yrkesresa.Error for trials == 0 (YR_ERR_EMPTY), negative counts (YR_ERR_NEGATIVE),
    successes > trials or a confidence outside (0, 1) (YR_ERR_RANGE).

    >>> round(proportion(17, 22).share, 4)
    0.7727
    """
    share, low, high = _core.yr_proportion(successes, trials, confidence)
    return Proportion(share, low, high)


def goal_check(yes: int, n: int, target: float, confidence: float = 0.95) -> Goal:
    """Judge "at least ``target`` (a share in [0, 1]) answer yes" honestly given ``n``.

    Returns :attr:`Goal.MET` when the Wilson interval's lower bound is at or above ``target``,
    :attr:`Goal.NOT_MET` when its upper bound is below, else :attr:`Goal.INCONCLUSIVE`.

    >>> goal_check(17, 22, 0.80)
    <Goal.INCONCLUSIVE: 2>
    """
    return Goal(_core.yr_goal_check(yes, n, target, confidence))


def _size(values: Any, given: Optional[int], what: str) -> int:
    """``given``, or one more than the largest index in ``values``."""
    if given is not None:
        return given
    array = np.asarray(values)
    if array.size == 0:
        raise ValueError(f"{what} is needed when there are no records")
    return int(array.max()) + 1


def crosstab(rows: Counts, cols: Counts, nrows: Optional[int] = None,
             ncols: Optional[int] = None) -> np.ndarray:
    """Cross-tabulate record-level category indices in one pass.

    Args:
        rows, cols: one category index per record (e.g. municipality and course numbers). A
            uint32 C-contiguous numpy array is read in place; other integer arrays and lists are
            converted once (every value checked: a negative or too large index raises
            yrkesresa.Error YR_ERR_RANGE).
        nrows, ncols: the table size; default one more than the largest index.

    Returns:
        An int64 array of shape (nrows, ncols): ``table[r, c]`` = records with row r, column c.
    """
    return _core.yr_crosstab((rows, cols), _size(rows, nrows, "nrows"), _size(cols, ncols, "ncols"))


def count_by(groups: Counts, ngroups: Optional[int] = None) -> np.ndarray:
    """Count records by group: ``counts[g]`` = records with ``groups[i] == g``.

    ``groups`` as for :func:`crosstab`; ``ngroups`` defaults to one more than the largest index.
    Returns an int64 array of ``ngroups`` counts.
    """
    return _core.yr_count_by(groups, _size(groups, ngroups, "ngroups"))


def attendance_rate(registered: Counts, attended: Counts,
                    confidence: float = 0.95) -> AttendanceRates:
    """Attendance rate per course and in total (sum attended / sum registered, never a mean of
    rates), each with its Wilson interval. attended > registered raises yrkesresa.Error
    (YR_ERR_RANGE); a course with nobody registered gets NaN share and bounds."""
    per_course, total = _core.yr_attendance_rate((registered, attended), confidence)
    return AttendanceRates([_rate(r) for r in per_course], _rate(total))


def progression(completed: Counts, confidence: float = 0.95) -> List[Rate]:
    """Course progression: ``completed[k+1] / completed[k]`` for each step, with Wilson
    intervals (a step from 0 completed gets NaN). Needs at least 2 courses."""
    return [_rate(r) for r in _core.yr_progression(completed, confidence)]


def coverage(count: int, population: int, per: float = 1000,
             confidence: float = 0.95) -> Coverage:
    """``count`` per ``per`` of ``population`` (per=1000: per 1 000 inhabitants; per=1: a share
    of a target population) with the Wilson interval scaled the same way."""
    rate, low, high = _core.yr_coverage(count, population, per, confidence)
    return Coverage(rate, low, high)


def check_totals(table: Any, stated: Counts) -> TotalsCheck:
    """Check a published table's total row against its column sums.

    Args:
        table: the body rows (without the total row), 2-D: a list of rows or an int64 array of
            shape (nrows, ncols); nrows may be 0.
        stated: the ncols stated totals.

    Returns:
        ``TotalsCheck(sums, mismatched)``: the column sums (int64 array) and the number of
        columns whose sum differs from its stated total.
    """
    sums, mismatched = _core.yr_check_totals(table, stated)
    return TotalsCheck(sums, mismatched)
