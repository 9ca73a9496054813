"""How arrays come in and go back out: the one place for the binding's pandas conventions.

A caller's array keeps its kind through a call: a pandas Series comes back as a Series with the
same index and name, a dict as a dict with the same keys (its values are the weights), a numpy
array as a numpy array, a list or tuple as a list. What has no defined order or hides values is
refused: sets (and dict key views), bytes/bytearray (which iterate as small integers), masked
numpy arrays with masked elements, missing values in a Series.

pandas is optional: it is only used when the caller passes pandas objects (or asks for one).
"""

from __future__ import annotations

import operator
import sys
import warnings
from collections.abc import Iterable, Mapping, Set
from decimal import Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any, Callable, List, NamedTuple, Optional, Sequence

import numpy as np

from . import _core
from ._errors import Error, YrTotalRowWarning

__all__: List[str] = []


def pandas_module() -> Any:
    """pandas if the caller has imported it (a pandas object can only exist then), else None."""
    return sys.modules.get("pandas")


def is_series(values: Any) -> bool:
    pd = pandas_module()
    return pd is not None and isinstance(values, pd.Series)


def is_frame(values: Any) -> bool:
    pd = pandas_module()
    return pd is not None and isinstance(values, pd.DataFrame)


def called(function: Optional[str]) -> str:
    """The start of a message naming the function the user called: "split(): " (or "")."""
    return f"{function}(): " if function else ""


def _refuse(values: Any, what: str, function: Optional[str]) -> None:
    """TypeError/ValueError for an input that has no defined order or hides values."""
    kind = type(values).__name__
    start = called(function) + what
    if isinstance(values, (Set, frozenset)):
        raise TypeError(
            f"{start} must have a defined order; a {kind} has none (use a list, a dict or a "
            "pandas Series)"
        )
    if isinstance(values, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"{start} must be a sequence or array of integers, not {kind}")
    if isinstance(values, np.ndarray) and values.ndim == 0:
        raise TypeError(f"{start} must be a sequence or array, not one number (a 0-d array: "
                        "give [value] for one element)")
    if isinstance(values, np.ma.MaskedArray) and np.ma.is_masked(values):
        raise ValueError(
            f"{start} is a masked array with masked elements, whose values would be used: fill "
            "them (values.filled(0)) or drop them (values.compressed()) first"
        )
    if is_frame(values):
        hint = " (or use yrkesresa.split_frame)" if (function or "").startswith("split") else ""
        raise TypeError(f"{start} must be one column, not a DataFrame: pass one of its columns, "
                        f"df[\"...\"]{hint}")


class Shape:
    """An input array as the caller gave it: its values for C and how to give results back.

    Attributes:
        values: what the C typemaps read (a numpy array, list or tuple).
        kind:   "series", "dict", "array" or "list".
        index:  the Series index or the dict keys (None otherwise).
        name:   the Series name.
        function: the function the user called, named in messages (e.g. "split").
    """

    def __init__(self, values: Any, what: str = "weights",
                 function: Optional[str] = None) -> None:
        self.what = what
        self.function = function
        self.index: Any = None
        self.name: Any = None
        kind = type(values)
        if kind is list or kind is tuple or (kind is np.ndarray and values.ndim > 0):
            self.kind, self.values = ("array" if kind is np.ndarray else "list"), values
            return  # the fast, common cases
        _refuse(values, what, function)
        if is_series(values):
            self.kind, self.index, self.name = "series", values.index, values.name
            missing = values.isna().to_numpy()
            if missing.any():
                position = int(np.flatnonzero(missing)[0])
                raise ValueError(f"{called(function)}{self.element(position)} is missing "
                                 f"({values.iloc[position]!r}): drop or fill it first")
            # pandas' nullable Int64/Float64 as plain numpy (whole floats are read by C)
            dtype = getattr(values.dtype, "numpy_dtype", None)
            self.values = values.to_numpy(dtype=dtype)
        elif isinstance(values, Mapping):
            self.kind, self.index = "dict", list(values.keys())
            self.values = list(values.values())
        elif isinstance(values, np.ndarray) or (
            hasattr(values, "__array__") and not isinstance(values, (list, tuple))
        ):
            self.kind = "array"
            self.values = np.ma.getdata(values) if isinstance(values, np.ma.MaskedArray) else values
        elif isinstance(values, (list, tuple)):
            self.kind, self.values = "list", values
        elif isinstance(values, Iterable):
            self.kind, self.values = "list", list(values)
        else:
            raise TypeError(
                f"{called(function)}{what} must be a sequence or array of integers, not "
                f"{type(values).__name__}"
            )

    def __len__(self) -> int:
        return len(self.values)

    def label(self, position: int) -> Any:
        """The caller's name of element ``position``: its index label or dict key, else it."""
        if self.index is not None and 0 <= position < len(self.index):
            return self.index[position]
        return position

    def element(self, position: Any) -> str:
        """Element ``position`` as messages name it: "weights[3] ('Falun')" with labels,
        "weights[3]" without, "table[2, 5]" for a cell of a table."""
        if isinstance(position, tuple):
            return f"{self.what}[{', '.join(str(p) for p in position)}]"
        if self.index is not None and 0 <= position < len(self.index):
            return f"{self.what}[{position}] ({self.index[position]!r})"
        return f"{self.what}[{position}]"

    def wrap(self, out: np.ndarray) -> Any:
        """A 1-D result of one value per element, given back the way the input came."""
        if self.kind == "series":
            return pandas_module().Series(out, index=self.index, name=self.name)
        if self.kind == "dict":
            return dict(zip(self.index, out.tolist()))
        if self.kind == "array":
            return out
        return out.tolist()


def find_total_row(weights: Any) -> Optional[int]:
    """The position of the first weight that equals the sum of all the others (a total row such
    as "Summa" read with the table; ``yr_find_total_row``: three or more weights, the weight
    not 0), or None."""
    shape = weights if isinstance(weights, Shape) else Shape(weights, "weights",
                                                               "find_total_row")
    if len(shape.values) < 3:
        return None
    if not (isinstance(shape.values, np.ndarray) and shape.values.dtype == np.int64):
        # converted (exactly, by the C typemap's rule) once, then read in place by every call
        try:
            shape.values = _core.yr_py_int64_array(shape.values, shape.what, "yr_find_total_row")
        except (TypeError, ValueError) as refusal:
            raise located_refusal(refusal, [shape]) from None
    return _core.yr_find_total_row(shape.values)


def warn_total_row(shape: Shape, stacklevel: int = 4) -> None:
    """Warn (YrTotalRowWarning) when ``find_total_row`` finds one: a total row split as a
    party would halve every other amount. (stacklevel 4: this function, the public function,
    its error-naming wrapper, the caller.)"""
    try:
        position = find_total_row(shape)
    except Error:
        return  # the split itself will say what is wrong with these weights
    if position is None:
        return
    label = shape.label(position)
    named = f"{shape.what}[{label!r}]" if shape.index is not None else f"{shape.what}[{position}]"
    column = "course" if shape.what == "registered" else "municipality"  # the table's labels
    warnings.warn(
        YrTotalRowWarning(
            f"{shape.function}: {named} equals the sum of all the others: it looks like a total "
            "row (\"Summa\"), which would count everything twice (a split halves every other "
            f"amount); drop it first, e.g. yrkesresa.drop_total_rows(df, '{column}')",
            position,
            label,
        ),
        stacklevel=stacklevel,
    )


def locate(error: Error, shapes: Sequence[Optional[Shape]]) -> Error:
    """``error`` with the caller's label of the element the C library blamed: ``record`` (or,
    for a table's item, ``column``) in the array the error's ``arg`` names, else (an option
    such as "tie" that blames a party) in the first one."""
    given = [shape for shape in shapes if shape is not None]
    position = error.record if error.record is not None else error.column
    if position is None or not given:
        return error
    shape = next((s for s in given if s.what == error.arg), given[0])
    label = shape.label(position)
    if shape.index is None:  # no labels: the library's sentence already numbers the element
        return error._with(label=label)
    return error.with_detail(f"at {shape.what}[{label!r}]", label=label)


def call_mapped(call: Callable[[], Any], transform: Callable[[Error], Error]) -> Any:
    """Run ``call``; a yrkesresa.Error it raises is re-raised as ``transform(error)``."""
    try:
        return call()
    except Error as error:
        mapped = transform(error)
        if mapped is error:
            raise
        raise mapped from None


def is_refusal(error: Exception) -> bool:
    """True for a TypeError/ValueError of the C typemaps (a float that is no whole number, a
    bool, a missing value, ...), which carries ``.arg``, ``.position`` and ``.reason``."""
    return hasattr(error, "reason") and not isinstance(error, Error)


def reword(refusal: Any, function: str, where: str) -> Exception:
    """``refusal`` worded for the user: "split(): weights[3] ('Falun') is 1.5, not a whole
    number" (``where``: the argument or element as the user knows it)."""
    mapped = type(refusal)(f"{called(function)}{where} {refusal.reason}")
    mapped.arg, mapped.position, mapped.reason = refusal.arg, refusal.position, refusal.reason
    return mapped


def call_named(call: Callable[[], Any], function: str, position: Any = None,
               label: Any = None, names: Optional[Mapping[str, str]] = None) -> Any:
    """Run ``call`` (one element of a vectorised call: ``position``, ``label``); a value the
    C typemaps refused is re-raised naming ``function`` and the element (``names``: the
    user's name of an argument C names otherwise, e.g. {"row": "rows"})."""
    try:
        return call()
    except (TypeError, ValueError) as refusal:
        if not is_refusal(refusal):
            raise
        arg = (names or {}).get(refusal.arg, refusal.arg)  # type: ignore[attr-defined]
        if position is None:
            position = refusal.position  # type: ignore[attr-defined]
        where = Shape([], arg).element(position) if position is not None else arg
        if position is not None and label is not None and label != position:
            where += f" ({label!r})"
        raise reword(refusal, function, where) from None


def located_refusal(refusal: Exception, shapes: Sequence[Optional[Shape]]) -> Exception:
    """``refusal`` (a TypeError/ValueError) naming the function the user called (the shapes'
    function) and the element's label, when it is one of the C typemaps'; else itself."""
    given = [s for s in shapes if s is not None]
    function = next((s.function for s in given if s.function), None)
    if not is_refusal(refusal) or function is None:
        return refusal
    arg, position = refusal.arg, refusal.position  # type: ignore[attr-defined]
    shape = next((s for s in given if s.what == arg), Shape([], arg))
    return reword(refusal, function, arg if position is None else shape.element(position))


def call_located(call: Callable[[], Any], *shapes: Optional[Shape]) -> Any:
    """Run ``call``; a yrkesresa.Error it raises is re-raised naming the caller's label, and a
    value the C typemaps refused naming the function the user called (``located_refusal``)."""
    try:
        return call()
    except Error as error:
        mapped: Exception = locate(error, shapes)
        if mapped is error:
            raise
        raise mapped from None
    except (TypeError, ValueError) as refusal:
        mapped = located_refusal(refusal, shapes)
        if mapped is refusal:
            raise
        raise mapped from None


def need_pandas() -> Any:
    """pandas, imported (it is an optional dependency of the package)."""
    import pandas  # imported only when a DataFrame is asked for

    return pandas


def rows_frame(rows: Sequence[Any], index: Optional[str], exact: Sequence[str] = ()) -> Any:
    """A DataFrame of dataclass or NamedTuple ``rows``, indexed by the field ``index``.

    The fields named in ``exact`` (Fractions) become float columns, for display, rounding and
    CSV; their exact values are kept in ``frame.attrs["exact"][name]`` (a Series of Fractions
    with the frame's index).
    """
    pd = need_pandas()
    records = [r._asdict() if hasattr(r, "_asdict") else dict(vars(r)) for r in rows]
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    if index is not None and index in frame:
        frame = frame.set_index(index)
    kept = {}
    for name in exact:
        if name in frame:
            kept[name] = frame[name].copy()
            frame[name] = frame[name].astype(float)
    if kept:
        frame.attrs["exact"] = kept
    return frame


def enum_from_core(name: str, prefix: str, module: str, doc: str, integer: bool = True) -> Any:
    """An IntEnum (or, ``integer=False``, an Enum: a value that is no number) whose members are
    the C library's enum constants ``<prefix>NAME`` (as SWIG exports them), minus the
    ``<prefix>COUNT`` count: the members follow the C header."""
    import enum

    members = sorted(
        ((attr[len(prefix):], getattr(_core, attr)) for attr in dir(_core)
         if attr.startswith(prefix) and attr != prefix + "COUNT"),
        key=lambda member: member[1],
    )
    base = enum.IntEnum if integer else enum.Enum
    cls = base(name, members, module=module)  # type: ignore[misc]
    cls.__doc__ = doc
    return cls


def trim_label(label: Any) -> Any:
    """A str label trimmed by the CLI's rule (``yr_label_trim``: ASCII blanks, tab, CR/LF and
    the Unicode spaces U+00A0, U+2009, U+202F, U+2007, U+3000); other labels as they are."""
    if not isinstance(label, str):
        return label
    length, start = _core.yr_label_trim(label)
    if start == 0 and length == len(label):  # nothing trimmed (the common case)
        return label
    return label.encode("utf-8")[start:start + length].decode("utf-8")


def is_total_label(label: Any) -> bool:
    """True when ``label`` names no party by the reader's rule for a row among municipalities
    (rule 4, as ``read_table`` and the program read a file): a total or subtotal ("Summa",
    "Totalt", "Total", "Sum", "Hela länet", "Delsumma", ...), the nation ("Riket", "00") or a
    county by one of its forms ("Dalarnas län", "Dalarna län", "20 Dalarnas län"); a statistic
    row ("Medelvärde") is no party either. An organisation whose name ends in "län" ("Region
    Jönköpings län", "Länsstyrelsen i Dalarnas län") is a party: False. Non-str labels are
    never totals. A code and a name that disagree ("2080 Mora") raise :class:`yrkesresa.Error`.
    (Before 0.4 this was the core's ``yr_label_is_total``, which takes any "… län" for a
    county.)"""
    return isinstance(label, str) and total_labels([label], "label_is_total")[0]


def total_labels(labels: Sequence[Any], function: str) -> List[bool]:
    """:func:`is_total_label` of every label, asking the reader once per distinct str label
    (``yr_glue_label_is_total``); non-str labels are False."""
    distinct = list(dict.fromkeys(x for x in labels if isinstance(x, str)))
    result = _core.yr_py_labels_total(distinct)
    if isinstance(result, tuple):
        position, message = result
        label = distinct[position - 1]
        raise Error(f"label {label!r}: {message}", "YR_READ_ERR_IDENTITY", 7, function,
                    label=label)
    hit = dict(zip(distinct, result))
    return [isinstance(x, str) and hit[x] for x in labels]


def _read_fraction(reader: Callable[[Any], Any], value: Any, what: str) -> Any:
    """``reader(value)`` (a C fraction reader, ``_where``) as a tuple; an error is the
    argument ``what`` as the user wrote it, then the library's sentence."""
    parts = call_mapped(lambda: reader(value),
                        lambda error: error._with(arg=what, argument=f"{what}={value!r}"))
    return tuple(parts)


def fraction_parts(value: Any, what: str = "value") -> Any:
    """``value`` as an exact fraction ``(numerator, denominator)``, not reduced, the one way all
    interfaces read fractions:

    - a float through ``yr_fraction_from_double``: its shortest decimal that reads back as the
      same double (``0.3`` -> (3, 10), ``1.5`` -> (15, 10), ``0.1 + 0.2`` ->
      (30000000000000004, 10**17)), exactly what R and the C library read from the same double;
    - a str through ``yr_fraction_from_text``, as the CLI reads it: ``"0,3"``, ``"0.3"``,
      ``"30%"``, ``"12,5 %"``, ``"3/10"``;
    - an int ``k`` as (k, 1); a Fraction or Decimal exactly; a ``(num, den)`` pair as given.
    """
    if isinstance(value, tuple):
        if len(value) != 2:
            raise TypeError(f"{what} as a tuple must be (numerator, denominator)")
        return operator.index(value[0]), operator.index(value[1])
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{what} must be a number, not a bool")
    if isinstance(value, (int, np.integer)):
        return int(value), 1
    if isinstance(value, (float, np.floating)):
        return _read_fraction(_core.yr_fraction_from_double_where, float(value), what)
    if isinstance(value, str):
        return _read_fraction(_core.yr_fraction_from_text_where, value, what)
    if isinstance(value, (Rational, Decimal)):
        exact = Fraction(value)
        return exact.numerator, exact.denominator
    raise TypeError(
        f"{what} must be a float, an int, a str such as '0,3' or '30 %', a Fraction, a Decimal "
        f"or a (numerator, denominator) pair, not {type(value).__name__}"
    )


class Categories(NamedTuple):
    """Record-level categories as C wants them: indices, and the labels (None: plain indices)."""

    codes: Any
    labels: Optional[List[Any]]
    name: Any


def is_labels(values: Any) -> bool:
    """True for labels (a categorical, or strings); False for what C reads as indices (integer
    arrays and lists; anything else C then refuses, e.g. floats)."""
    dtype = getattr(values, "dtype", None)
    if dtype is not None and getattr(dtype, "name", "") == "category":
        return True
    if dtype is not None and dtype.kind in "iufcbmM":
        return False
    return any(isinstance(v, str) for v in values)


def categories(values: Any, what: str, function: Optional[str] = None) -> Categories:
    """Labels (strings, categoricals) as 0-based indices: categoricals in category order,
    other labels sorted; labels trimmed (``yr_label_trim``), so "Falun " is "Falun"."""
    Shape(values, what, function)  # refuses sets, bytes, masked arrays, missing values
    if not is_labels(values):
        return Categories(values, None, None)
    pd = need_pandas()
    name = values.name if is_series(values) else None
    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        cat = values.cat if is_series(values) else values
        codes, raw = np.asarray(cat.codes), list(cat.categories)
    else:
        codes, uniques = pd.factorize(np.asarray(values, dtype=object), sort=False)
        raw = list(uniques)
    if (codes < 0).any():
        position = int(np.flatnonzero(codes < 0)[0])
        raise ValueError(f"{called(function)}{what}[{position}] is missing: drop or fill it first")
    trimmed = [trim_label(label) for label in raw]
    ordered = list(dict.fromkeys(trimmed))
    if not isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        try:
            ordered.sort()
        except TypeError:
            pass  # labels of mixed types keep their order of first appearance
    position = {label: i for i, label in enumerate(ordered)}
    remap = np.array([position[label] for label in trimmed], dtype=np.uint32)
    return Categories(remap[codes], ordered, name)
