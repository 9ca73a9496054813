"""Cost split, mixed model and audit (SPEC §1-2): thin wrappers over yrkesresa._core.

Every rule (quotas, remainders, ties, divisor priorities) is computed in C; this module only
converts arguments and results.
"""

from __future__ import annotations

import enum
import operator
from dataclasses import dataclass, fields
from decimal import Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from ._errors import Error

__all__ = ["Method", "split", "split_mixed", "audit", "Audit", "AuditRow"]

Method = enum.IntEnum(  # type: ignore[misc]
    "Method",
    [(_core.yr_method_name(m).upper(), m) for m in range(_core.YR_METHOD_COUNT)],
    module=__name__,
)
Method.__doc__ = """Apportionment methods (``yr_method``); the names come from the C library.

``str`` names are the members' names in lower case: ``"largest_remainder"``, ``"round_each"``,
``"dhondt"``, ``"sainte_lague"``, ``"sainte_lague_modified"``, ``"huntington_hill"``, ``"adams"``.
"""

MethodLike = Union[str, Method]
Weights = Union[Sequence[int], np.ndarray]


def _method(method: MethodLike) -> int:
    """The C value of a method given as a Method or a name (case-insensitive, '-' == '_')."""
    if isinstance(method, Method):
        return int(method)
    if not isinstance(method, str):
        raise TypeError(f"method must be a name or a yrkesresa.Method, not {type(method).__name__}")
    try:
        return _core.yr_method_from_name(method)
    except Error:
        valid = ", ".join(m.name.lower() for m in Method)
        raise ValueError(f"unknown method {method!r}; valid methods: {valid}") from None


def _is_array(values: Any) -> bool:
    """True for numpy arrays and array-likes that are not plain Python sequences."""
    return isinstance(values, np.ndarray) or (
        hasattr(values, "__array__") and not isinstance(values, (list, tuple))
    )


def _sequence(values: Any) -> Any:
    """Arrays and lists/tuples as they are; any other iterable as a list."""
    if _is_array(values) or isinstance(values, (list, tuple)):
        return values
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"expected a sequence or array of integers, not {type(values).__name__}")
    return list(values)


def split(total: int, weights: Weights, method: MethodLike = "largest_remainder") -> Any:
    """Split ``total`` between parties in proportion to ``weights``, in whole units.

    Args:
        total: the amount to split (int64; any sign for ``largest_remainder`` and
            ``round_each``, >= 0 for the divisor methods).
        weights: non-negative integer weights, e.g. populations: a list/tuple of int, or a
            numpy integer array (an int64, C-contiguous array is read in place, not copied).
        method: a :class:`Method` or its name: ``"largest_remainder"`` (default; rows add to
            ``total``), ``"round_each"`` (what a spreadsheet does; may not add up), ``"dhondt"``,
            ``"sainte_lague"``, ``"sainte_lague_modified"``, ``"huntington_hill"``, ``"adams"``.
            Names are case-insensitive, '-' or ' ' may stand for '_', and the C library also
            knows the aliases ``"hamilton"``, ``"hare"``, ``"jefferson"``, ``"d'hondt"``,
            ``"webster"``.

    Returns:
        A list of int for list/tuple weights; an int64 numpy array (written by C) for an array.

    Raises:
        yrkesresa.Error: bad input (empty, a negative weight, all weights zero, ...).
        OverflowError: a number does not fit 64 bits (``yrkesresa.Overflow``).
        ValueError: an unknown method name.  TypeError: non-integer weights.

    >>> split(100, [1, 1, 1])
    [34, 33, 33]
    """
    as_array = _is_array(weights)
    out = _core.yr_split(total, _sequence(weights), _method(method))
    return out if as_array else out.tolist()


def _equal_fraction(equal_part: Any) -> Tuple[int, int]:
    """(numerator, denominator) of the equal part.

    A ``(num, den)`` pair is passed as given; a Fraction, int, Decimal or a string such as
    ``"3/10"`` or ``"0.3"`` exactly; a float through its shortest decimal representation
    (``0.3`` -> 3/10, not the binary double 5404319552844595/18014398509481984).
    """
    if isinstance(equal_part, tuple):
        if len(equal_part) != 2:
            raise TypeError("equal_part as a tuple must be (numerator, denominator)")
        return operator.index(equal_part[0]), operator.index(equal_part[1])
    if isinstance(equal_part, bool):
        raise TypeError("equal_part must be a fraction, not a bool")
    if isinstance(equal_part, float):
        fraction = Fraction(repr(float(equal_part)))
    elif isinstance(equal_part, (Rational, Decimal, str)):
        fraction = Fraction(equal_part)
    else:
        raise TypeError(
            "equal_part must be a Fraction, a (numerator, denominator) pair, an int, a Decimal, "
            f"a str or a float, not {type(equal_part).__name__}"
        )
    return fraction.numerator, fraction.denominator


def split_mixed(total: int, weights: Weights, equal_part: Any) -> Any:
    """Mixed model: a fraction of ``total`` equally per party, the rest by ``weights``.

    The quotas of both parts are combined exactly and settled by largest remainder, so the rows
    add to ``total``. Zero-weight parties still get their equal share.

    Args:
        total: the amount to split (any sign).
        weights: non-negative integer weights (list or numpy array, as in :func:`split`).
        equal_part: the equal fraction, in [0, 1]: ``Fraction(3, 10)``, ``(3, 10)``, ``"3/10"``,
            ``Decimal("0.3")`` or ``0.3``. A float is read through its shortest decimal
            representation (``repr``): ``0.3`` means exactly 3/10.

    Returns:
        A list of int, or an int64 numpy array for array weights.

    >>> split_mixed(1000, [1, 3], (1, 2))
    [375, 625]
    """
    num, den = _equal_fraction(equal_part)
    as_array = _is_array(weights)
    out = _core.yr_split_mixed(total, num, den, _sequence(weights))
    return out if as_array else out.tolist()


@dataclass(frozen=True)
class AuditRow:
    """One row of an audit.

    Attributes:
        label: the row's label (``labels[i]``, or its index ``i``).
        weight, published: the inputs.
        quota: the exact quota ``stated_total * weight / sum(weights)``.
        expected: the largest-remainder amount.
        diff: ``published - expected``.
        within_quota: ``published`` is the floor or the ceiling of ``quota``.
    """

    label: Any
    weight: int
    published: int
    quota: Fraction
    expected: int
    diff: int
    within_quota: bool


@dataclass(frozen=True)
class Audit:
    """What :func:`audit` found.

    Attributes:
        stated_total: the total the document states.
        published_sum: the sum of the published rows; ``sum_diff`` = published_sum - stated_total.
        quota_den: the sum of the weights (the quotas' common denominator).
        rows_differing: rows whose published amount differs from largest remainder.
        rows_outside_quota: rows more than one unit away from their exact quota.
        methods_matching: names of the methods that reproduce every published row.
        rows: one :class:`AuditRow` per row.
    """

    stated_total: int
    published_sum: int
    sum_diff: int
    quota_den: int
    rows_differing: int
    rows_outside_quota: int
    methods_matching: List[str]
    rows: List[AuditRow]

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame indexed by label (needs pandas)."""
        import pandas as pd  # optional dependency, imported only here

        columns = [f.name for f in fields(AuditRow)]
        frame = pd.DataFrame([[getattr(r, c) for c in columns] for r in self.rows], columns=columns)
        return frame.set_index("label")


def audit(
    stated_total: int,
    weights: Weights,
    published: Weights,
    labels: Optional[Sequence[Any]] = None,
) -> Audit:
    """Recompute a published split and say what is wrong with it ("kontrollräkna").

    Args:
        stated_total: the total the document states.
        weights: the weights the split claims to follow (e.g. populations).
        published: the published amounts, one per weight.
        labels: optional row labels (e.g. municipality names, each listed once) for the result.

    Returns:
        An :class:`Audit`; ``audit(...).to_frame()`` gives a pandas DataFrame.

    >>> a = audit(100, [1, 1, 1], [34, 33, 34])
    >>> a.sum_diff, a.rows_differing, a.methods_matching
    (1, 1, [])
    """
    weights = _sequence(weights)
    published = _sequence(published)
    summary, rows = _core.yr_audit_split(stated_total, (weights, published))
    n = len(rows)
    if labels is None:
        labels = range(n)
    else:
        labels = list(labels)
        if len(labels) != n:
            raise ValueError(f"audit: {len(labels)} labels for {n} rows")
        seen = set()
        for label in labels:
            if label in seen:
                raise ValueError(f"audit: the label {label!r} is listed twice")
            seen.add(label)
    den = summary.quota_den
    matching = [m.name.lower() for m in Method if summary.methods_matching & (1 << int(m))]
    return Audit(
        stated_total=summary.stated_total,
        published_sum=summary.published_sum,
        sum_diff=summary.sum_diff,
        quota_den=den,
        rows_differing=summary.rows_differing,
        rows_outside_quota=summary.rows_outside_quota,
        methods_matching=matching,
        rows=[
            AuditRow(
                label=label,
                weight=int(w),
                published=int(p),
                quota=Fraction(r.quota_whole * den + r.quota_rem, den),
                expected=r.expected,
                diff=r.diff,
                within_quota=bool(r.within_quota),
            )
            for label, w, p, r in zip(labels, weights, published, rows)
        ],
    )
