"""Cost split, mixed model and audit (SPEC §1-2): thin wrappers over yrkesresa._core.

Every rule (quotas, remainders, ties, divisor priorities) is computed in C; this module only
converts arguments and results.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from ._convert import (
    Categories,
    Shape,
    call_located,
    called,
    categories,
    enum_from_core,
    fraction_parts,
    is_frame,
    is_series,
    need_pandas,
    rows_frame,
    total_labels,
    warn_total_row,
)
from ._errors import Error, public
from ._read import (check_places, checked_total_row, exact_weights, frame_kinds, identity_keys,
                    label_column)

__all__ = [
    "Method",
    "Tie",
    "method_from_name",
    "method_name",
    "tie_from_name",
    "tie_name",
    "split",
    "split_mixed",
    "split_frame",
    "split_table",
    "split_nested",
    "NestedSplit",
    "drop_total_rows",
    "audit",
    "audit_split",
    "audit_frame",
    "statement",
    "Audit",
    "AuditRow",
]

Method = enum.IntEnum(  # type: ignore[misc]
    "Method",
    [(_core.yr_method_name(m).upper(), m) for m in range(_core.YR_METHOD_COUNT)],
    module=__name__,
)
Method.__doc__ = """Apportionment methods (``yr_method``); the names come from the C library.

``str`` names are the members' names in lower case: ``"largest_remainder"``, ``"round_each"``,
``"dhondt"``, ``"sainte_lague"``, ``"sainte_lague_modified"``, ``"huntington_hill"``, ``"adams"``,
``"dean"``.
"""

Tie = enum_from_core(
    "Tie",
    "YR_TIE_",
    __name__,
    """How an exact tie for the last unit is broken (``yr_tie``; the members are the C enum's):
``LARGER_WEIGHT`` (default), ``SMALLER_WEIGHT`` (e.g. Portuguese law) or ``REPORT`` (raise
``YR_ERR_TIE``). The names :func:`split` takes are the C library's: "larger", "smaller",
"report".""",
)

MethodLike = Union[str, Method]
Weights = Union[Sequence[int], np.ndarray]


def _enum_value(value: Any, cls: Any, from_name: Callable[[str], int], what: str) -> int:
    """The C value of an enum given as a member of ``cls`` or a name the C library knows
    (``from_name``: a ``_where`` lookup, case-insensitive, aliases; an unknown name is the
    library's error, which lists the known ones)."""
    if isinstance(value, cls):
        return int(value.value)
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a name or a yrkesresa.{cls.__name__}, not "
                        f"{type(value).__name__}")
    try:
        return from_name(value)
    except Error as error:  # YR_ERR_RANGE from C: "unknown method 'x' (known: ...)"
        raise error._with(arg=what) from None


@functools.lru_cache(maxsize=64)
def _method(method: MethodLike) -> int:
    """The C value of a method given as a Method or a name (case-insensitive, '-' == '_')."""
    return _enum_value(method, Method, _core.yr_method_from_name_where, "method")


def _tie(tie: Any) -> int:
    """The C value of a tie rule: None (larger weight), a Tie or a name ("larger", ...)."""
    if tie is None:
        return int(Tie.LARGER_WEIGHT)
    return _enum_value(tie, Tie, _core.yr_tie_from_name_where, "tie")


@public
def method_from_name(name: str) -> Method:
    """The :class:`Method` of a name (``yr_method_from_name``): case-insensitive, '-' or ' '
    for '_', and the aliases "hamilton", "hare", "jefferson", "d'hondt", "webster"."""
    return Method(_method(name))


def method_name(method: Any) -> str:
    """The C library's name of a method (``yr_method_name``): ``"dhondt"``."""
    return _core.yr_method_name(int(method))


@public
def tie_from_name(name: str) -> Any:
    """The :class:`Tie` of a name (``yr_tie_from_name``): "larger", "smaller" or "report"."""
    return Tie(_tie(name))


def tie_name(tie: Any) -> str:
    """The C library's name of a tie rule (``yr_tie_name``): ``"larger"``."""
    return _core.yr_tie_name(int(tie))


def _bound(bound: Any, shape: Shape, what: str) -> Optional[Shape]:
    """Per-party bounds (minimum/maximum) lined up with the weights: None; one int for every
    party; a Series (aligned by index with Series weights), a dict (by key with dict weights)
    or a sequence in the weights' order."""
    if bound is None:
        return None
    if isinstance(bound, (int, np.integer)) and not isinstance(bound, bool):
        full = Shape(np.full(len(shape), int(bound), dtype=np.int64), what, shape.function)
    else:
        if shape.kind == "series" and is_series(bound):
            bound = bound.reindex(shape.index)
        elif shape.kind == "dict" and isinstance(bound, Mapping):
            missing = [k for k in shape.index if k not in bound]
            if missing:
                raise ValueError(f"{called(shape.function)}{what} has no value for "
                                 f"{missing[0]!r}")
            bound = [bound[k] for k in shape.index]
        full = Shape(bound, what, shape.function)
    full.index = shape.index
    return full


def _option_fraction(value: Any, what: str) -> Tuple[int, int]:
    """An optional fraction option: (0, 0) when not given (C: none / the method's own)."""
    return (0, 0) if value is None else fraction_parts(value, what)


@public
def split(
    total: int,
    weights: Weights,
    method: MethodLike = "largest_remainder",
    *,
    tie: Any = None,
    minimum: Any = None,
    maximum: Any = None,
    threshold: Any = None,
    first_divisor: Any = None,
    equal_part: Any = None,
) -> Any:
    """Split ``total`` between parties in proportion to ``weights``, in whole units.

    Args:
        total: the amount to split (int64; any sign for ``largest_remainder`` and
            ``round_each``, >= 0 for the divisor methods).
        weights: non-negative integer weights, e.g. populations: a list/tuple of int, a numpy
            integer array (an int64, C-contiguous array is read in place, not copied), a pandas
            Series, or a dict ``{label: weight}``. Sets, bytes, masked arrays with masked
            elements and Series with missing values are refused.
        method: a :class:`Method` or its name: ``"largest_remainder"`` (default; rows add to
            ``total``), ``"round_each"`` (what a spreadsheet does; may not add up), ``"dhondt"``,
            ``"sainte_lague"``, ``"sainte_lague_modified"``, ``"huntington_hill"``, ``"adams"``,
            ``"dean"``. Names are case-insensitive, '-' or ' ' may stand for '_', and the C
            library also knows the aliases ``"hamilton"``, ``"hare"``, ``"jefferson"``,
            ``"d'hondt"``, ``"webster"``.
        tie: how an exact tie for the last unit is broken: ``"larger"`` (default: the larger
            weight wins), ``"smaller"`` (the smaller weight wins, e.g. Portuguese law) or
            ``"report"`` (raise yrkesresa.Error ``YR_ERR_TIE`` naming a tied party); or a
            :class:`Tie`.
        minimum, maximum: per-party bounds for the divisor methods: one int for every party
            (``minimum=1``: every municipality at least one place), or one per party (a list, a
            Series aligned with Series weights, a dict keyed like dict weights).
        threshold: a party whose weight is below this share of the sum of all weights gets 0:
            ``0.04`` (4 %), ``"4 %"``, ``Fraction(1, 25)``.
        first_divisor: the first divisor of the Sainte-Laguë methods on the scale 1, 3, 5, ...
            (``1.4``: Norway, Sweden before 2018).
        equal_part: split this fraction of ``total`` equally and the rest by weight: the mixed
            model of :func:`split_mixed` (largest remainder only, as the CLI's
            ``split --equal-part``).

        Fractions (threshold, first divisor) are read exactly, the way R and the CLI read them:
        a float through its shortest decimal (``yr_fraction_from_double``: 0.04 is 4/100), a
        str as the CLI reads it (``"0,04"``, ``"4%"``).

    Returns:
        The amounts the way the weights came: a Series with the same index and name, a dict
        with the same keys, an int64 numpy array (written by C) for an array, else a list.

    Warns:
        YrTotalRowWarning: one weight equals the sum of all the others (a "Summa" row).

    Raises:
        yrkesresa.Error: bad input (empty, a negative weight, all weights zero, infeasible
            bounds, a reported tie, ...); its ``record``/``label`` say which element and
            ``arg`` which argument. Labels (dict keys, a Series' index) are read by the
            reader's identity rule, as :func:`split_frame` reads a frame's: two of one
            municipality (``Falun`` and ``FALUN``, ``Falun`` and ``Falu kommun``) are an error
            (``YR_READ_ERR_IDENTITY``), since both would be paid.
        OverflowError: a number does not fit 64 bits (``yrkesresa.Overflow``).
        ValueError: an unknown method or tie name; a weight or total that is a float but no
            whole number of at most 2^53 (whole floats are their integers).
        TypeError: weights that are not numbers (str, bool).

    >>> split(100, [1, 1, 1])
    [34, 33, 33]
    >>> split(100, {"Falun": 3, "Mora": 1})
    {'Falun': 75, 'Mora': 25}
    """
    if equal_part is not None:
        if _method(method) != Method.LARGEST_REMAINDER or any(
                x is not None for x in (tie, minimum, maximum, threshold, first_divisor)):
            raise TypeError("split(): equal_part goes with the default method and no other "
                            "option (the mixed model splits by largest remainder)")
        return _split_mixed(total, weights, equal_part, "split")
    return _split(total, weights, method, "split", tie, minimum, maximum, threshold,
                  first_divisor)


def _check_labels(shape: Shape) -> None:
    """Labelled weights (a dict's keys, a Series' index) by the reader's identity rule, as
    :func:`split_frame` reads a frame's labels (``yr_identity_key``, ``yr_read_classify``):
    two labels of one municipality (``Falun`` and ``FALUN``, ``Falun`` twice, ``Falun`` and
    ``Falu kommun``) are an error in the reader's words, since both would be paid; so are
    ``2080 Mora`` and a statistic row (``Medelvärde``). Names that are no municipality are
    parties; the reader's near-miss rule (``Borlange`` beside municipalities), which guards
    a table's joins, is not applied to a split's labels. Unlabelled weights and a frame's rows
    (:func:`split_frame` reads them itself) are not checked here."""
    if shape.index is None or shape.function == "split_frame":
        return
    function = shape.function or "split"
    names = [label for label in shape.index if isinstance(label, str)]
    identity_keys(names, function, "weights")
    result = _core.yr_py_read_classify(names, [], {"totals": "check", "other_parties": True})
    if isinstance(result, tuple):
        status, code, line, other_line, _, _, message = result
        if status == "YR_READ_ERR_IDENTITY" and other_line == 0:
            return  # with every identity good, only the near-miss rule is left
        raise Error(message, status, code, function, arg="weights",
                    label=names[line - 1] if line else None)


def _split(total: Any, weights: Weights, method: MethodLike, function: str, tie: Any = None,
           minimum: Any = None, maximum: Any = None, threshold: Any = None,
           first_divisor: Any = None) -> Any:
    """:func:`split`, its messages naming ``function`` (the function the user called)."""
    shape = Shape(weights, "weights", function)
    _check_labels(shape)
    warn_total_row(shape, stacklevel=5)
    code = _method(method)
    if tie is None and minimum is None and maximum is None and threshold is None and (
            first_divisor is None):
        return shape.wrap(call_located(lambda: _core.yr_split_where(total, shape.values, code),
                                       shape))
    low, high = _bound(minimum, shape, "minimum"), _bound(maximum, shape, "maximum")
    args = (
        code,
        _tie(tie),
        None if low is None else low.values,
        None if high is None else high.values,
        *_option_fraction(threshold, "threshold"),
        *_option_fraction(first_divisor, "first_divisor"),
    )
    out = call_located(lambda: _core.yr_py_split_with(total, shape.values, *args), shape, low,
                       high)
    return shape.wrap(out)


@public
def split_mixed(total: int, weights: Weights, equal_part: Any) -> Any:
    """Mixed model: a fraction of ``total`` equally per party, the rest by ``weights``.

    The quotas of both parts are combined exactly and settled by largest remainder, so the rows
    add to ``total``. Zero-weight parties still get their equal share.

    Args:
        total: the amount to split (any sign).
        weights: non-negative integer weights (list, numpy array, Series or dict, as in
            :func:`split`).
        equal_part: the equal fraction, in [0, 1]: ``0.3``, ``"0,3"``, ``"30 %"``, ``"3/10"``,
            ``Fraction(3, 10)``, ``Decimal("0.3")`` or ``(3, 10)``. A float is read through its
            shortest decimal (``yr_fraction_from_double``): ``0.3`` means exactly 3/10 and
            ``0.1 + 0.2`` means 0.30000000000000004, as in R and the C library.

    Returns:
        The amounts the way the weights came (Series, dict, array or list), as :func:`split`.

    >>> split_mixed(1000, [1, 3], (1, 2))
    [375, 625]
    """
    return _split_mixed(total, weights, equal_part, "split_mixed")


def _split_mixed(total: Any, weights: Weights, equal_part: Any, function: str) -> Any:
    """:func:`split_mixed`, its messages naming ``function`` (the function the user called)."""
    num, den = fraction_parts(equal_part, "equal_part")
    shape = Shape(weights, "weights", function)
    _check_labels(shape)
    warn_total_row(shape, stacklevel=5)
    return shape.wrap(
        call_located(lambda: _core.yr_split_mixed_where(total, num, den, shape.values), shape)
    )


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
        unit: the amounts are in units of this many kronor: 1, or (:func:`audit_frame` of a
            table read by :func:`read_table` whose amounts are written to whole tkr or Mkr)
            1000 or 1000000, the table audited in its own unit as the program does.
    """

    stated_total: int
    published_sum: int
    sum_diff: int
    quota_den: int
    rows_differing: int
    rows_outside_quota: int
    methods_matching: List[str]
    rows: List[AuditRow]
    unit: int = 1

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame indexed by label (needs pandas).

        ``quota`` is a float column (for display, ``.round()``, CSV); the exact quotas
        (Fractions) are kept in ``frame.attrs["exact"]["quota"]``.
        """
        return rows_frame(self.rows, "label", exact=("quota",))


def _row_labels(labels: Optional[Sequence[Any]], shape: Shape, n: int, function: str) -> List[Any]:
    """The row labels: given (each once), else the weights' index or dict keys, else 0..n-1."""
    if labels is None:
        return list(shape.index) if shape.index is not None else list(range(n))
    labels = list(labels)
    if len(labels) != n:
        raise ValueError(f"{function}: {len(labels)} labels for {n} rows")
    seen = set()
    for label in labels:
        if label in seen:
            raise ValueError(f"{function}: the label {label!r} is listed twice")
        seen.add(label)
    return labels


@public
def audit(
    stated_total: int,
    weights: Weights,
    published: Weights,
    labels: Optional[Sequence[Any]] = None,
) -> Audit:
    """Recompute a published split and say what is wrong with it ("kontrollräkna").

    Args:
        stated_total: the total the document states.
        weights: the weights the split claims to follow (e.g. populations): a list, numpy
            array, pandas Series or dict, as in :func:`split`.
        published: the published amounts, one per weight (same kinds).
        labels: optional row labels (e.g. municipality names, each listed once) for the result;
            by default the weights' Series index or dict keys, else 0, 1, ...

    Returns:
        An :class:`Audit`; ``audit(...).to_frame()`` gives a pandas DataFrame.

    >>> a = audit(100, [1, 1, 1], [34, 33, 34])
    >>> a.sum_diff, a.rows_differing, a.methods_matching
    (1, 1, [])
    """
    return _audit(stated_total, weights, published, labels, "audit")


def _audit(stated_total: Any, weights: Weights, published: Weights,
           labels: Optional[Sequence[Any]], function: str) -> Audit:
    """:func:`audit`, its messages naming ``function`` (the function the user called)."""
    wshape = Shape(weights, "weights", function)
    pshape = Shape(published, "published", function)
    warn_total_row(wshape, stacklevel=5)
    summary, rows = call_located(
        lambda: _core.yr_audit_split_where(stated_total, (wshape.values, pshape.values)),
        wshape,
        pshape,
    )
    labels = _row_labels(labels, wshape, len(rows), function)
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
            for label, w, p, r in zip(labels, wshape.values, pshape.values, rows)
        ],
    )


@public
def drop_total_rows(frame: Any, column: Optional[str] = None) -> Any:
    """``frame`` without its total rows: the rows whose label (``frame[column]``, or the index
    when ``column`` is None) names no party by the reader's rule
    (:func:`yrkesresa.is_total_label`: "Summa", "Totalt", "Total", "Riket", "Hela länet",
    "Dalarnas län", "20 Dalarnas län", ...; not "Region Jönköpings län", an organisation and a
    party).

    The usual first step with a table read straight from a published document:

    >>> import pandas as pd
    >>> t = pd.DataFrame({"municipality": ["Falun", "Mora", "Summa"], "population": [3, 1, 4]})
    >>> drop_total_rows(t, "municipality").municipality.tolist()
    ['Falun', 'Mora']
    """
    labels = frame.index if column is None else frame[column]
    keep = [not t for t in total_labels(list(labels), "drop_total_rows")]
    return frame[keep]


@public
def split_frame(
    frame: Any,
    total: Any,
    weights: str = "population",
    *,
    column: str = "amount",
    groups: Optional[str] = None,
    method: MethodLike = "largest_remainder",
    totals: str = "check",
    other_parties: bool = False,
    **options: Any,
) -> Any:
    """A copy of ``frame`` with the split added as a column (the DataFrame form of
    :func:`split`, :func:`split_table` and :func:`split_nested`).

    The rows are read by the reader's rules, as the program reads a file
    (:func:`yrkesresa.read_table`): a total, subtotal, county or nation row (by its label or
    SCB code) is never a party and gets ``<NA>``; one that disagrees with its rows is an error
    (``totals="ignore"`` leaves it out unchecked, ``"no_guess"`` stops taking an unlabelled
    row that is the sum of others for a total); two rows of one municipality (``Falun`` and
    ``FALUN``) are an error, and so is an unknown name among municipalities (unless
    ``other_parties=True``); a weight column of codes, ids or years (``Kommunnummer``) is
    refused. The labels are the first column named as the municipality (``municipality``,
    ``kommun``, ...), else a str index.

    Args:
        frame: one row per party, aggregate rows allowed.
        total: the amount (an int: one column ``column``), or several cost items: a dict or
            Series ``{item: amount}`` gives one column per item (:func:`split_table`: each
            column adds to its item, each row within one unit of its exact share).
        weights: the name of the weight column. Decimal weights (``Vikt`` read as ``1,5``:
            Decimal, Fraction or float values) are put over their least common denominator
            exactly by the C library (``yr_read_common_den``), as ``yrkesresa split`` splits
            them: 1.5, 1.25, 1.125 and 1 are split as 1500, 1250, 1125 and 1000.
        column: the name of the new column (one amount).
        groups: the name of a group column (e.g. ``"county"``): a two-level split
            (:func:`split_nested`), the total between groups by their summed weights, then each
            group's amount between its rows; adds ``column`` and ``group_<column>``.
        method, options: as :func:`split` (one amount, no groups).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"municipality": ["Falun", "Mora"], "population": [3, 1]})
    >>> split_frame(t, 100).amount.tolist()
    [75, 25]
    """
    kinds = frame_kinds(frame, [weights], "split_frame", totals=totals,
                        other_parties=other_parties)
    parties = [k == "data" for k in kinds] if kinds is not None else [True] * len(frame)
    out, part = frame.copy(), frame[parties].copy()
    part[weights] = exact_weights(part[weights], "split_frame", weights)

    def place(name: str, values: Any) -> None:
        """The parties' amounts in the frame's rows; <NA> in aggregate rows."""
        if all(parties):
            out[name] = values
            return
        column_values: List[Any] = [need_pandas().NA] * len(frame)
        positions = [i for i, p in enumerate(parties) if p]
        for i, v in zip(positions, list(values)):
            column_values[i] = int(v)
        out[name] = need_pandas().array(column_values, dtype="Int64")

    if isinstance(total, Mapping) or is_series(total):
        if groups is not None or options or method != "largest_remainder":
            raise TypeError("split_frame: several items take no groups, method or options")
        table = _split_table(total, part[weights], "split_frame")
        for item in table.columns:
            place(item, table[item])
        return out
    if groups is not None:
        if options or method != "largest_remainder":
            raise TypeError("split_frame: a split by groups is largest remainder, no options")
        label = label_column(part)
        places = part[label] if label is not None else part.index
        cats = _group_categories(part[groups], "split_frame", str(groups), list(places))
        nested = _split_nested(total, part[weights], part[groups], None, "split_frame", cats)
        place(column, nested.amounts)
        place("group_" + column, np.asarray(nested.group_amounts)[np.asarray(cats.codes)])
        return out
    known = ("tie", "minimum", "maximum", "threshold", "first_divisor")
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise TypeError(f"split_frame(): unknown option(s) {', '.join(unknown)}; the options "
                        f"of split are {', '.join(known)}")
    place(column, _split(total, part[weights], method, "split_frame",
                         **{k: options.get(k) for k in known}))
    return out


@public
def split_table(totals: Any, weights: Weights) -> Any:
    """Several cost items split by the same weights: a table whose columns and rows add up
    (``yr_split_table``).

    Each item's column adds exactly to its total; every cell and every row is within one unit
    of its exact quota; each row equals the party's largest-remainder share of the sum of the
    items whenever any such table allows it (not always possible). This is the invoice table:
    the lines of each invoice add up to the agreement's row, and each item is covered exactly.

    Args:
        totals: the items' totals: a dict or Series ``{item: amount}`` (items become the
            columns), or a list (columns 0, 1, ...).
        weights: one weight per party (list, array, Series or dict, as in :func:`split`).

    Returns:
        A pandas DataFrame of int64 with one column per item, indexed like the weights (a
        Series' index, a dict's keys, else 0, 1, ...).

    >>> split_table({"coordinator": 850, "courses": 180}, {"Falun": 3, "Mora": 1}).loc["Mora"].tolist()
    [212, 45]
    """
    return _split_table(totals, weights, "split_table")


def _split_table(totals: Any, weights: Weights, function: str) -> Any:
    """:func:`split_table`, its messages naming ``function`` (the function the user called)."""
    items = Shape(totals, "totals", function)
    parties = Shape(weights, "weights", function)
    _check_labels(parties)
    warn_total_row(parties, stacklevel=5)
    table = call_located(lambda: _core.yr_split_table_where(items.values, parties.values),
                         parties, items)
    pd = need_pandas()
    index = parties.index if parties.index is not None else None
    columns = items.index if items.index is not None else None
    return pd.DataFrame(table, index=index, columns=columns)


class NestedSplit(NamedTuple):
    """The result of :func:`split_nested`.

    Attributes:
        amounts: one amount per party, the way the weights came (Series, dict, array, list).
        group_amounts: one amount per group: a Series (pandas group labels) or a dict
            ``{group: amount}`` for labels, an int64 array for group indices.
    """

    amounts: Any
    group_amounts: Any

    def to_frame(self) -> Any:
        """The group amounts as a DataFrame (column ``amount``)."""
        pd = need_pandas()
        groups = self.group_amounts
        if isinstance(groups, dict):
            groups = pd.Series(groups)
        return pd.DataFrame({"amount": groups})


@public
def split_nested(total: int, weights: Weights, groups: Any,
                 ngroups: Optional[int] = None) -> NestedSplit:
    """Two levels, largest remainder at each (``yr_split_nested``): ``total`` between the
    groups by the sum of their weights, then each group's amount between its parties — e.g.
    the nation's cost by county, then by municipality.

    Args:
        total: the amount (any sign).
        weights: one weight per party (list, array, Series or dict, as in :func:`split`).
        groups: the group of each party: labels (e.g. county names; str, categorical) or
            0-based indices. Labels are grouped as ``yrkesresa split --group-column`` groups
            them (``yr_read_groups``): a county by its name or code ("Dalarnas län", "Dalarna
            län" and "20" are one group), a mix of counties and other names is an error, any
            other label by its name key ("VÄSTERDALARNA" is "Västerdalarna").
        ngroups: the number of groups for indices (default one more than the largest).

    Returns:
        :class:`NestedSplit`: ``amounts`` (each group's parties add to its amount) and
        ``group_amounts`` (adding to ``total``).

    >>> r = split_nested(100, [1, 1, 2], ["A", "B", "B"])
    >>> r.amounts, r.group_amounts
    ([25, 25, 50], {'A': 25, 'B': 75})
    """
    return _split_nested(total, weights, groups, ngroups, "split_nested")


def _group_categories(groups: Any, function: str, header: Optional[str] = None,
                      places: Optional[List[Any]] = None) -> Categories:
    """The groups of a nested split by the reader's rule (``yr_read_groups``, as ``yrkesresa
    split --group-column``): a county by its name or code ("Dalarnas län", "Dalarna län" and
    "20" are one group), a mix of counties and other names an error, any other label by its
    name key; with ``places`` (the parties' labels) a municipality outside its county group is
    an error. Groups keep the order of :func:`categories` (category order, else sorted), each
    named by its first label."""
    cats = categories(groups, "group", function)
    if cats.labels is None or not all(isinstance(x, str) for x in cats.labels):
        return cats
    rows = [cats.labels[c] for c in np.asarray(cats.codes)]
    n = len(rows)
    seen = set(rows)
    rows += [label for label in cats.labels if label not in seen]  # a category without rows
    where = None if places is None else [p if isinstance(p, str) else "" for p in places]
    if where is not None:
        where += [""] * (len(rows) - n)
    result = _core.yr_py_read_groups(rows, header, where)
    if isinstance(result, tuple):
        status, code, line, _, _, _, message = result
        raise Error(message, status, code, function, arg="groups",
                    record=line - 1 if line else None, label=rows[line - 1] if line else None)
    first: dict = {}
    for label, g in zip(rows, result):
        first.setdefault(g, label)
    rank = {label: i for i, label in enumerate(cats.labels)}
    order = sorted(first, key=lambda g: rank[first[g]])
    number = {g: i for i, g in enumerate(order)}
    codes = np.array([number[g] for g in result[:n]], dtype=np.uint32)
    return Categories(codes, [first[g] for g in order], cats.name)


def _split_nested(total: Any, weights: Weights, groups: Any, ngroups: Optional[int],
                  function: str, cats: Optional[Categories] = None) -> NestedSplit:
    """:func:`split_nested`, its messages naming ``function`` (the function the user called)."""
    shape = Shape(weights, "weights", function)
    if cats is None:
        name = getattr(groups, "name", None)
        cats = _group_categories(groups, function, name if isinstance(name, str) else None)
    count = len(cats.labels) if cats.labels is not None else (
        ngroups if ngroups is not None else _largest_index(cats.codes) + 1)
    group_shape = Shape(cats.codes, "group", function)
    group_shape.index = shape.index
    out, group_out = call_located(
        lambda: _core.yr_split_nested_where(total, (shape.values, group_shape.values), count),
        shape, group_shape)
    if cats.labels is None:
        group_amounts: Any = group_out
    elif is_series(groups) or type(groups).__module__.startswith("pandas"):
        group_amounts = need_pandas().Series(group_out, index=cats.labels, name=shape.name)
    else:
        group_amounts = dict(zip(cats.labels, group_out.tolist()))
    return NestedSplit(shape.wrap(out), group_amounts)


def _largest_index(codes: Any) -> int:
    array = np.asarray(codes)
    if array.size == 0:
        raise ValueError("split_nested: ngroups is needed when there are no parties")
    return int(array.max())


@public
def audit_frame(
    frame: Any,
    weights: str = "population",
    published: str = "amount",
    labels: Optional[str] = "municipality",
    stated_total: Optional[int] = None,
) -> Audit:
    """:func:`audit` of a published table read as it is, total row included.

    Args:
        frame: the table, one row per party, and its total row (e.g. "Summa").
        weights, published: the names of the weight and amount columns.
        labels: the name of the label column (None: the index); a row whose label names a
            total (:func:`yrkesresa.is_total_label`) is no party.
        stated_total: the total the document states; by default the amount of the total row
            by the library's rule (``yr_checked_total_row``, as ``stats check`` takes it): the
            row Summa, Totalt, ..., else the one county or nation row when it is the only
            aggregate (SCB's tables end with ``Dalarnas län``); two total rows are an error.

    The total row is never audited as a party. A table read by :func:`read_table` whose
    amounts are written to whole tkr or Mkr (``Belopp (tkr)``, ``290 tkr``; its
    ``attrs["reading"]["units"]``) is audited in that unit, as ``yrkesresa audit`` does: each
    row against the exact quota of the total in tkr (the result's ``unit`` is 1000); in kronor
    when ``stated_total`` (kronor) is not a whole number of it.
    """
    names = list(frame.index if labels is None else frame[labels])
    is_total = total_labels(names, "audit_frame")
    if stated_total is None:
        row = checked_total_row(names, "audit_frame")  # the library's rule, as stats check's
        if row is None:
            raise ValueError("audit_frame: no total row in the table (Summa, Totalt, or a county "
                             "as its one aggregate row); give stated_total=")
        stated_total = int(frame[published].iloc[row])
    body = frame[[not t for t in is_total]]
    amounts = body[published].to_numpy()
    reading = frame.attrs.get("reading")
    exp10 = reading.get("units", {}).get(published, 0) if isinstance(reading, dict) else 0
    unit = 10 ** exp10 if exp10 and exp10 > 0 else 1
    if unit > 1 and (int(stated_total) % unit != 0 or any(int(v) % unit for v in amounts)):
        unit = 1  # not whole units of it (stated_total given in kronor): audited in kronor
    if unit > 1:
        stated_total, amounts = int(stated_total) // unit, [int(v) // unit for v in amounts]
    result = _audit(stated_total, body[weights].to_numpy(), amounts,
                    list(body.index if labels is None else body[labels]), "audit_frame")
    return dataclasses.replace(result, unit=unit)


def _statement_weights(weights: Any) -> Tuple[Any, List[Any], Shape]:
    """(nyears x nparties array, year labels, party Shape) from one weight per party or a
    DataFrame with one column per year."""
    if is_frame(weights):
        parties = Shape(weights.iloc[:, 0], "weights", "statement")
        table = np.ascontiguousarray(weights.to_numpy().T)
        return table, list(weights.columns), parties
    parties = Shape(weights, "weights", "statement")
    values = parties.values
    if not (isinstance(values, np.ndarray) and values.dtype.kind in "iu"):
        values = call_located(lambda: _core.yr_py_int64_array(values, "weights", "statement"),
                              parties)
    return np.asarray(values)[np.newaxis, :], [0], parties


def _per_party(values: Any, parties: Shape, what: str) -> Optional[Shape]:
    """Fees or kickbacks lined up with the parties (a Series or dict by label, joined by the
    municipality identity: ``"Falu kommun"`` is ``"Falun"``), or None."""
    if values is None:
        return None
    if (isinstance(values, Mapping) or is_series(values)) and parties.index is not None:
        position = {k: i for i, k in enumerate(identity_keys(list(parties.index), "statement",
                                                             "municipality"))}
        labels = list(values.keys())
        lined: List[Any] = [0] * len(position)
        seen: dict = {}
        for label, key, value in zip(labels, identity_keys(labels, "statement", what),
                                     values.values() if isinstance(values, Mapping)
                                     else values.tolist()):
            if key not in position:
                raise ValueError(f"statement: {what} for {label!r}, which has no weight")
            if key in seen:
                raise ValueError(f"statement: {what} for {seen[key]!r} and {label!r}, one "
                                 "municipality; give one")
            seen[key] = label
            lined[position[key]] = value
        values = lined
    shape = Shape(values, what, "statement")
    shape.index = parties.index
    return shape


@public
def statement(items: Any, weights: Any, *, year: Any = None, fees: Any = None,
              kickback: Any = None, pot: Any = None, other_parties: bool = False) -> Any:
    """An invoice statement per municipality (``yr_statement``): the agreement items split by
    population (year by year), each municipality's total, course fees, kickback and the net
    amount to invoice. Every number is the C library's; the lines add up both ways.

    Args:
        items: the items ``{item: amount}`` (a dict or Series) or a list of amounts.
        weights: one weight per municipality (a Series, dict or list) for every item; or a
            DataFrame with one column per year (indexed by municipality) when items belong to
            different years (``year=``).
        year: for each item, its year: a column label of the weights DataFrame (default: every
            item in the first year).
        fees, kickback: per municipality (a Series or dict by label, or a list in order), or
        pot: a :class:`PotSettlement` whose fees and kickbacks are used (by municipality).
            Labels are joined by the municipality identity (``yr_identity_key``, as
            ``yrkesresa statement`` joins its files): fees for ``"Falu kommun"`` are
            ``"Falun"``'s; two weights of one municipality (``"Falun"``, ``"FALUN"``) are an
            error, and so is a name that is no municipality among municipalities
            (``"Borlange"``: did you mean Borlänge?) unless ``other_parties``.

    Returns:
        A DataFrame indexed by municipality: one column per item, then ``total``, ``fees``,
        ``kickback`` and ``net`` (= total + fees - kickback). The Summa line is in
        ``frame.attrs["sum"]`` (a dict), each municipality's sum per year in
        ``frame.attrs["year_totals"]`` (a DataFrame).
    """
    table, years, parties = _statement_weights(weights)
    if parties.index is not None:
        check_places(list(parties.index), "statement", "municipality", other_parties)
    totals = Shape(items, "totals", "statement")
    if pot is not None:
        fees = {row.municipality: row.fees for row in pot.rows}
        kickback = {row.municipality: row.kickback for row in pot.rows}
    fee_shape = _per_party(fees, parties, "fees")
    kick_shape = _per_party(kickback, parties, "kickback")
    year_index = None if year is None else [_year_position(y, years) for y in year]
    out, year_totals, _, rows, summa = call_located(
        lambda: _core.yr_statement_where(
            (totals.values, year_index), table,
            None if fee_shape is None else fee_shape.values,
            None if kick_shape is None else kick_shape.values),
        parties, totals, fee_shape, kick_shape)
    pd = need_pandas()
    frame = pd.DataFrame(out, index=parties.index, columns=totals.index)
    for column in ("total", "fees", "kickback", "net"):
        frame[column] = [getattr(row, column) for row in rows]
    frame.attrs["sum"] = {c: getattr(summa, c) for c in ("total", "fees", "kickback", "net")}
    frame.attrs["year_totals"] = pd.DataFrame(year_totals, index=parties.index, columns=years)
    return frame


def _year_position(label: Any, years: List[Any]) -> int:
    if label not in years:
        raise ValueError(f"statement: unknown year {label!r}; the weights have {years}")
    return years.index(label)


#: The C library's name for :func:`audit` (``yr_audit_split``).
audit_split = audit
