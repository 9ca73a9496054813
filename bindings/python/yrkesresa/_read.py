"""The table reader (libyrkesresa-read, ``yrkesresa/read.h``) for Python: :func:`read_table`.

Every decision (the header, each column's role, each line's kind, the number grammar, units,
shares and percentages, dates, aggregates and their checks, identities) is the C reader's, the
same as the program's and R's; this module only turns its result into a pandas DataFrame.
"""

from __future__ import annotations

import os
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np

from . import _core
from ._convert import fraction_parts, need_pandas
from ._errors import Error

__all__ = ["read_table", "Reading"]


class Reading(dict):
    """What the reader made of a file (``df.attrs["reading"]``); ``str()`` is its one line.

    Keys:
        text, text_sv: the reading line in English and Swedish (``yr_table_reading``), e.g.
            ``read 15 municipalities from column 'Befolkning 2023', total row at line 17``.
        roles:   ``{header: role}`` for every column that plays a role (``population``, ...).
        kinds:   every row's kind, in file order: ``data``, ``total``, ``subtotal``,
                 ``county``, ``nation`` (the DataFrame holds the data rows).
        lines:   every row's line (sheet row for xlsx), in the same order.
        codes:   each data row's SCB code (``2080``; ``-1`` for a free name), or None when the
                 table has no municipality or code column.
        aggregates: the aggregate rows: ``{"line", "kind", "values": {header: value}}``.
        checks:  each aggregate row's check of a numeric column: ``{"column", "line", "kind",
                 "checked", "stated", "sum"}`` (exact Fractions; a column read with the
                 ``checked`` flag reports its disagreements here instead of failing).
        spans:   every line accounted for: ``(kind, first, last)``, kinds ``title``,
                 ``header``, ``data``, ``aggregate``, ``empty``, ``note``, ``other_year``,
                 ``ignored``.
        format:  how the file was written: format, encoding, bom, delimiter, decimal_mark, eol,
                 sheet.
        units:   ``{header: e}`` for every column of numbers read: its cells are written to
                 whole 10**e of the unit its values are in (kronor): 3 for ``Belopp (tkr)``
                 290 or ``290 tkr`` (whole tkr), 0 for kronor (``yr_table_column_unit``);
                 :func:`audit_frame` audits in that unit.
    """

    def __str__(self) -> str:
        return str(self.get("text", ""))


def _value(kind: str, pair: Optional[Sequence[int]]) -> Any:
    """One exact value of the reader (num, den) as Python: ints, Decimals (decimal numbers),
    Fractions (shares of 1), dates, bools. None for a blank cell."""
    if pair is None:
        return None
    num, den = pair
    if kind == "date":
        import datetime
        return datetime.date(1970, 1, 1) + datetime.timedelta(days=num // den)
    if kind == "bool":
        return bool(num)
    if kind == "share":
        return Fraction(num, den)
    if den == 1:
        return num
    if kind == "decimal" and 10 ** (len(str(den)) - 1) == den:
        return Decimal(num).scaleb(-(len(str(den)) - 1))
    return Fraction(num, den)


def _series(pd: Any, kind: str, values: List[Any], index: Any, name: str) -> Any:
    """A column of the DataFrame: Int64 for whole numbers, years and decimals that are all whole
    (64-bit, blanks as <NA>),
    datetime64 for dates, boolean for yes/no, objects (Decimal, Fraction, str) else."""
    if kind in ("whole", "year", "decimal") and all(v is None or isinstance(v, int)
                                                    for v in values):
        return pd.Series(pd.array(values, dtype="Int64"), index=index, name=name)
    if kind == "date":
        return pd.Series(pd.to_datetime(values), index=index, name=name)
    if kind == "bool":
        return pd.Series(pd.array(values, dtype="boolean"), index=index, name=name)
    return pd.Series(values, index=index, name=name, dtype=object)


def _options(sheet: Any, header_row: Any, year: Any, columns: Any, want: Any, totals: Any,
             other_parties: Any) -> Dict[str, Any]:
    """The reader's options from read_table's keywords; a wrong type names the keyword."""
    def whole(name: str, value: Any, low: int) -> Optional[int]:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"read_table(): {name}={value!r}: give a whole number")
        if value < low:
            raise ValueError(f"read_table(): {name}={value!r}: counted from {low}")
        return value

    if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, (str, int))):
        raise TypeError(f"read_table(): sheet={sheet!r}: give a sheet's name or its number "
                        "counted from 1")
    if isinstance(columns, Mapping):
        entries = [f"{role}={header}" for role, header in columns.items()]
    elif columns is None:
        entries = []
    elif isinstance(columns, str):
        entries = [columns]
    else:
        entries = list(columns)
    if isinstance(want, Mapping):
        specs = [f"{role} {flags}" if isinstance(flags, str) else " ".join([role, *flags])
                 for role, flags in want.items()]
    elif want is None:
        specs = []
    elif isinstance(want, str):
        specs = [want]
    else:
        specs = list(want)
    for what, items in (("columns", entries), ("want", specs)):
        for item in items:
            if not isinstance(item, str):
                raise TypeError(f"read_table(): {what}: {item!r} is not a str")
    if totals not in ("check", "ignore", "no_guess"):
        raise ValueError(f"read_table(): totals={totals!r}: give 'check', 'ignore' (leave a "
                         "disagreeing total out, unchecked) or 'no_guess'")
    return {"sheet": str(whole("sheet", sheet, 1)) if isinstance(sheet, int) else sheet,
            "header_row": whole("header_row", header_row, 1), "year": whole("year", year, 1),
            "columns": entries, "want": specs, "totals": totals,
            "other_parties": bool(other_parties)}


def read_error(result: Sequence[Any], name: str, function: str) -> Error:
    """The reader's error tuple as yrkesresa.Error: ``NAME:LINE: message`` (``NAME:B7:`` for
    an xlsx cell), the library's sentence unchanged; ``.line``, ``.other_line``, ``.cell``."""
    status, code, line, other_line, column, cell_ref, message = result
    where = f"{name}:{cell_ref or line}: " if (cell_ref or line) else (f"{name}: " if name else "")
    error = Error(where + message, status, code, function, column=column)
    error.line, error.other_line, error.cell = line, other_line, cell_ref or None
    return error


def read_table(source: Union[str, os.PathLike, bytes, bytearray, memoryview], *,
               sheet: Union[str, int, None] = None, header_row: Optional[int] = None,
               year: Optional[int] = None,
               columns: Union[Mapping[str, str], Sequence[str], None] = None,
               want: Union[Sequence[str], Mapping[str, Any], None] = None,
               totals: str = "check", other_parties: bool = False) -> Any:
    """Read a table (CSV/TSV in UTF-8, UTF-16 or Windows-1252, xlsx, SCB PxWeb exports) the way
    the ``yrkesresa`` program reads it: a DataFrame of its data rows, indexed by their line, with
    the reading in ``df.attrs["reading"]`` (:class:`Reading`).

    Args:
        source: a path, or the file's bytes.
        sheet: an xlsx sheet's name or its number counted from 1 (default: the first sheet that
            has a table).
        header_row: the header's line counted from 1 (default: found by its role names).
        year: a long PxWeb export's year (rows of other years are accounted for, left out).
        columns: ``{"population": "Befolkning 2023"}`` (or ``["population=Befolkning 2023"]``):
            the program's ``--column ROLE=HEADER``; ``population=2023`` picks a wide export's year.
        want: the roles you use and their flags, ``["municipality required unique",
            "population required"]`` (flags ``required``, ``unique``, ``checked``, ``many``,
            ``blank_ok``); default: every column whose header names a role.
        totals: ``"check"`` (a disagreeing total is an error), ``"ignore"`` (left out,
            unchecked: ``--ignore-total-row``) or ``"no_guess"`` (``--no-total-row``).
        other_parties: names that are not municipalities beside municipalities are parties.

    Columns: whole numbers and years are ``Int64`` (exact, 64-bit, ``<NA>`` for a blank);
    decimals ``Decimal`` objects, shares of 1 (``80 %`` or ``0,8`` under ``andel``) exact
    ``Fraction`` objects, dates ``datetime64``, yes/no ``boolean``; codes and every other cell
    the text as written (``"0114"`` stays ``"0114"``).

    Errors: :class:`yrkesresa.Error` with the reader's sentence after ``FILE:LINE:``, the same
    the program prints; ``.status`` (``YR_READ_ERR_AGGREGATE``, ...), ``.line``,
    ``.other_line``, ``.cell`` (xlsx).
    """
    pd = need_pandas()
    options = _options(sheet, header_row, year, columns, want, totals, other_parties)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), "<bytes>"
    elif isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with open(name, "rb") as handle:
            data = handle.read()
    else:
        raise TypeError(f"read_table(): source must be a path or bytes, not "
                        f"{type(source).__name__}")
    result = _core.yr_py_read_table(data, options)
    if isinstance(result, tuple):
        raise read_error(result, name, "read_table")
    return _frame(pd, result)


def _frame(pd: Any, r: Dict[str, Any]) -> Any:
    """The DataFrame (data rows, indexed by line) and its Reading."""
    data = [i for i, kind in enumerate(r["row_kinds"]) if kind == "data"]
    index = pd.Index([r["lines"][i] for i in data], name="line")
    kinds = [k if valued else "text" for k, valued in zip(r["column_kinds"], r["valued"])]
    cells = [[_value(k, v) for v in col] if valued else col
             for k, valued, col in zip(kinds, r["valued"], r["columns"])]
    frame = pd.DataFrame({h: _series(pd, k, [col[i] for i in data], index, h)
                          for h, k, col in zip(r["header"], kinds, cells)}, index=index)
    header = r["header"]
    reading = Reading(
        text=r["reading"], text_sv=r["reading_sv"],
        roles={h: role for h, role in zip(header, r["roles"]) if role != "none"},
        kinds=list(r["row_kinds"]), lines=list(r["lines"]),
        codes=None if all(c is None for c in r["codes"]) else [r["codes"][i] for i in data],
        aggregates=[{"line": r["lines"][i], "kind": kind,
                     "values": {h: col[i] for h, col in zip(header, cells)}}
                    for i, kind in enumerate(r["row_kinds"]) if kind != "data"],
        checks=[{"column": header[c], "line": line, "kind": kind, "checked": bool(checked),
                 "stated": Fraction(stated, den), "sum": Fraction(total, den)}
                for c, line, kind, checked, stated, total, den in r["checks"]],
        spans=[tuple(s) for s in r["spans"]], format=dict(r["format"]),
        units={h: e for h, e in zip(header, r["units"]) if e is not None})
    frame.attrs["reading"] = reading
    return frame


def _whole_or_none(column: Any) -> Optional[List[int]]:
    """A column as Python ints when every cell is a whole number, else None (the split itself
    then refuses what is not a weight)."""
    try:
        return [int(v) for v in _core.yr_py_int64_array(column.to_numpy(dtype=object), "weights",
                                                         "split_frame")]
    except (TypeError, ValueError, OverflowError, Error):
        return None


def label_column(frame: Any) -> Any:
    """The column that labels a frame's rows by the reader's one rule (``yr_label_column_of``,
    as ``yr_table_label_column`` for a file): the first column whose header names the
    municipality (``municipality``, ``kommun``, ...), else the first naming a course, an item
    or a question; None when none does (the index labels the rows)."""
    position = _core.yr_py_label_column([str(c) for c in frame.columns])
    return None if position is None else frame.columns[position]


def checked_total_row(labels: Sequence[Any], function: str) -> Optional[int]:
    """The position of the total row of a table being checked, by the library's rule
    (``yr_checked_total_row``, as ``stats check`` and ``pot --check`` take it): the total row
    (Summa, Totalt, ...), else the one county or nation row when it is the only aggregate
    (``Dalarnas län`` ending an SCB table); None when there is none. Two total rows raise the
    library's error naming both rows (counted from 1)."""
    result = _core.yr_py_checked_total_row([x if isinstance(x, str) else None for x in labels])
    if isinstance(result, tuple):
        status, code, line, _, _, _, message = result
        raise Error(message, status, code, function, arg="labels",
                    record=line - 1 if line else None,
                    label=labels[line - 1] if line else None,
                    detail="rows and lines are counted from 1")
    return result


def frame_kinds(frame: Any, weights: Sequence[str], function: str, *, totals: str = "check",
                other_parties: bool = False) -> Optional[List[str]]:
    """Each row's kind (``data``, ``total``, ...) by the reader's rules, as ``read_table``
    decides them for a file (``yr_read_classify``): aggregates by label and SCB code, a stated
    total or subtotal that disagrees with its rows an error, an unlabelled sum row an error,
    one identity per municipality (``Falun``/``FALUN`` twice is an error), an unknown name
    among municipalities an error with the nearest name (unless ``other_parties``). A weight
    column of codes, ids or years is refused. The labels are :func:`label_column`'s (the
    municipality column, else the first course, item or question column), else a str index;
    None when the frame has neither (then only the weight columns' headers are checked)."""
    if totals not in ("check", "ignore", "no_guess"):
        raise ValueError(f"{function}(): totals={totals!r}: give 'check', 'ignore' (leave a "
                         "disagreeing total out, unchecked) or 'no_guess'")
    for column in weights:
        refusal = _core.yr_py_code_column(str(column), "weight")
        if refusal is not None:
            raise Error(refusal, "YR_READ_ERR_HEADER", 4, function, arg="weights",
                        argument=f"weights={column!r}")
    label = label_column(frame)
    labels = frame[label] if label is not None else frame.index
    if label is None and not all(isinstance(x, str) for x in labels):
        return None
    cols = [c for c in (_whole_or_none(frame[w]) for w in weights) if c is not None]
    result = _core.yr_py_read_classify(["" if x is None else str(x) for x in labels], cols,
                                       {"totals": totals, "other_parties": bool(other_parties)})
    if isinstance(result, tuple):
        status, code, line, _, _, _, message = result
        where = f"row {line}" + (f" ({frame.index[line - 1]!r})" if line else "")
        raise Error(message, status, code, function, record=line - 1 if line else None,
                    label=frame.index[line - 1] if line else None,
                    detail=f"{where} of the frame; rows and lines are counted from 1")
    return list(result)


def identity_key(label: Any, cache: Dict[Any, Any], function: str, what: str) -> Any:
    """The identity of a municipality label by the library's one rule (``yr_identity_key``, as
    the program joins files): ``"Falu kommun"``, ``"Falun"``, ``"FALUN"``, ``"2080 Falun"`` and
    ``"2080"`` are one (``"falun"``); another str its name key; a non-str label itself. A code
    and a name that disagree (``"2080 Mora"``) raise :class:`yrkesresa.Error`."""
    if not isinstance(label, str):
        return label
    key = cache.get(label)
    if key is None:
        result = _core.yr_py_identity_keys([label])
        if isinstance(result, tuple):
            status, code, _, _, _, _, message = result
            raise Error(f"{what} {label!r}: {message}", status, code, function, arg=what,
                        label=label)
        key = cache[label] = result[0]
    return key


def check_places(labels: Sequence[Any], function: str, what: str,
                 other_parties: bool = False) -> None:
    """The reader's rules for a list of parties (``yr_read_classify``): two labels of one
    municipality (``"Falun"``, ``"FALUN"``) are an error, and so is a name that is no
    municipality among municipalities (``"Borlange"``), with the nearest name, unless
    ``other_parties``; non-str labels are not checked."""
    names = [label for label in labels if isinstance(label, str)]
    if not names:
        return
    result = _core.yr_py_read_classify(names, [], {"totals": "check",
                                                   "other_parties": bool(other_parties)})
    if isinstance(result, tuple):
        status, code, line, _, _, _, message = result
        label = names[line - 1] if line else None
        raise Error(message, status, code, function, arg=what, label=label)


def exact_weights(values: Any, function: str, column: Any) -> Any:
    """A weight column with decimals (Decimal, Fraction or float values, as ``read_table``
    gives ``1,5``) as integers over their least common denominator, by the C library's one rule
    (``yr_read_common_den``: the CLI's split by a decimal ``Vikt``). Only a column headed as a
    weight or of no role (``--column weight=HEADER``): a population is whole, as the reader
    reads it. Any other column (whole numbers, a population, or a value that is no number) as
    it is, for the split's own error."""
    items = list(values)

    def finite(v: Any) -> bool:
        if isinstance(v, (bool, np.bool_)):
            return False
        if isinstance(v, Decimal):
            return v.is_finite()
        if isinstance(v, (float, np.floating)):
            return bool(np.isfinite(v))
        return isinstance(v, (Fraction, int, np.integer))

    if not items or not all(finite(v) for v in items) or all(v == int(v) for v in items):
        return values
    if _core.yr_py_header_role(str(column)) not in (None, "weight"):
        return values  # a population is whole (the reader's kind of its role): split refuses
    parts = [fraction_parts(v, str(column)) for v in items]
    result = _core.yr_py_common_den([p[0] for p in parts], [p[1] for p in parts])
    if isinstance(result, tuple) and isinstance(result[0], str):
        status, code, line, _, _, _, message = result
        raise Error(f"column {column!r}: {message}", status, code, function, arg="weights",
                    record=line - 1 if line else None)
    return need_pandas().Series(np.asarray(result[0], dtype=np.int64), index=values.index,
                                name=values.name)


def identity_keys(labels: Sequence[Any], function: str, what: str) -> List[Any]:
    """:func:`identity_key` of every label, the str ones in one call to C."""
    names = [label for label in labels if isinstance(label, str)]
    result = _core.yr_py_identity_keys(names)
    if isinstance(result, tuple):
        status, code, line, _, _, _, message = result
        label = names[line - 1]
        raise Error(f"{what} {label!r}: {message}", status, code, function, arg=what,
                    label=label)
    keys = iter(result)
    return [next(keys) if isinstance(label, str) else label for label in labels]
