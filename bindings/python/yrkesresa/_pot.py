"""Trainer pot and course-day settlement (SPEC §3): thin wrappers over yrkesresa._core.

Fees, pot parts, role shares and the largest-remainder settlement of the kickbacks are all
computed in C. This module maps labels (days, municipalities, roles) to the indices C wants and
turns the result into dataclasses.
"""

from __future__ import annotations

import datetime
import math
import warnings
from dataclasses import dataclass, fields
from typing import Any, Dict, Hashable, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from ._convert import (Shape, call_located, enum_from_core, fraction_parts, need_pandas,
                       rows_frame, trim_label)
from ._errors import Error, public
from ._read import check_places, identity_key, read_error

__all__ = [
    "Role",
    "PotRules",
    "PotRow",
    "PotSummary",
    "PotSettlement",
    "pot_settle",
    "pot_by_day",
    "settle_pot",
    "pot_rules_dalarna_2024",
    "pot_rules_with_shares",
    "role_from_name",
]


Role = enum_from_core(
    "Role",
    "YR_ROLE_",
    __name__,
    """A trainer's role on a course day (``yr_role``; the members are the C enum's):
``TRAINER`` (utbildare: one share) and ``LEADER`` (kursledare: 1.5 shares under the Dalarna
rules).""",
)


RoleLike = Union[str, Role, int]


def _role(role: RoleLike, cache: Dict[str, int]) -> int:
    """The C value of a role: a Role, an int, or a name C knows ("leader", "kursledare", ...)."""
    if isinstance(role, bool):
        raise TypeError("a role must be a name or a yrkesresa.Role, not a bool")
    if isinstance(role, int):
        return int(role)
    if not isinstance(role, str):
        raise TypeError(f"a role must be a name or a yrkesresa.Role, not {type(role).__name__}")
    if role not in cache:
        try:  # an unknown name: the library's sentence, which lists the known ones
            cache[role] = _core.yr_role_from_name_where(role)
        except Error as error:
            raise error._with(arg="role") from None
        except ValueError as error:  # the text cannot reach C (a lone surrogate)
            raise ValueError(f"role {role!r}: {str(error).partition(': ')[2]}") from None
    return cache[role]


@public
def role_from_name(role: str) -> Role:
    """The :class:`Role` of a name (``yr_role_from_name``): "trainer"/"utbildare",
    "leader"/"kursledare", any case, blanks around ignored."""
    return Role(_role(role, {}))


@dataclass(frozen=True)
class PotRules:
    """The money rules of a year (``yr_pot_rules``), in the caller's unit.

    Attributes:
        fee: fee per participant and course day.
        pot_part: the part of the fee that goes to the pot (0..fee).
        share: role shares indexed by :class:`Role`: ``(trainer, leader)``, or a mapping such
            as ``{"trainer": 1, "leader": 1.5}``. Integer shares are kept as they are
            (``(10, 15)``: tenths); decimal shares (``1.5``, ``"1,5"``) are read exactly and put
            over one common denominator by the C library (``yr_pot_rules_with_shares``), the
            way the CLI and R read them: ``{"leader": 1.5, "trainer": 1}`` is ``(10, 15)``.
    """

    fee: int
    pot_part: int
    share: Tuple[int, ...]

    def __post_init__(self) -> None:
        share = self.share
        if isinstance(share, Mapping):
            values = [0] * _core.YR_ROLE_COUNT
            seen = set()
            for key, value in share.items():
                index = _role(key, {})
                if not 0 <= index < _core.YR_ROLE_COUNT or index in seen:
                    raise ValueError(f"PotRules.share: bad or repeated role {key!r}")
                seen.add(index)
                values[index] = value
            if len(seen) != _core.YR_ROLE_COUNT:
                raise ValueError("PotRules.share must give a share for every role")
            share = values
        share = tuple(share)
        if len(share) == _core.YR_ROLE_COUNT and not all(
            isinstance(x, (int, np.integer)) and not isinstance(x, bool) for x in share
        ):
            share = self._common_shares(share)
        object.__setattr__(self, "share", share)

    def _common_shares(self, share: Tuple[Any, ...]) -> Tuple[int, ...]:
        """Decimal shares over one common denominator, by C (which validates the rules)."""
        leader = fraction_parts(share[Role.LEADER], "leader")
        trainer = fraction_parts(share[Role.TRAINER], "trainer")
        try:
            rules = _core.yr_pot_rules_with_shares_where(self.fee, self.pot_part, *leader,
                                                         *trainer)
        except Error as error:
            raise error._with(function="PotRules") from None
        return tuple(rules.share)

    @classmethod
    def dalarna_2024(cls) -> "PotRules":
        """The Dalarna 2024 rules, from the C library: fee 600, pot part 400, trainer 10 and
        course leader 15 tenths of a share."""
        rules = _core.yr_pot_rules_dalarna_2024()
        return cls(fee=rules.fee, pot_part=rules.pot_part, share=tuple(rules.share))

    def _to_c(self) -> Any:
        rules = _core.yr_pot_rules()
        rules.fee = self.fee
        rules.pot_part = self.pot_part
        rules.share = self.share
        return rules


@dataclass(frozen=True)
class PotRow:
    """The settlement of one municipality (``yr_pot_row``); ``net = fees - kickback``."""

    municipality: Any
    participant_days: int
    fees: int
    admin: int
    pot_in: int
    kickback: int
    net: int


@dataclass(frozen=True)
class PotSummary:
    """Totals of a settlement (``yr_pot_summary``).

    Always ``kickback + undistributed == pot_in`` and ``fees == admin + pot_in``.
    """

    participant_days: int
    fees: int
    admin: int
    pot_in: int
    kickback: int
    undistributed: int
    days_without_trainer: int
    days_without_participants: int

    def to_frame(self) -> Any:
        """The totals as a one-column DataFrame (``value``) indexed by field name."""
        frame = rows_frame([self], None).T
        frame.columns = ["value"]
        return frame


@dataclass(frozen=True)
class PotSettlement:
    """The result of :func:`pot_settle`.

    Attributes:
        rows: one :class:`PotRow` per municipality, in label order.
        summary: the totals.
        undistributed_days: ``{day: amount}`` for the days whose pot stayed undistributed (days
            with participants and no trainer); empty when every pot was paid out. With a course
            column in both inputs the keys are ``(day, course)``.
    """

    rows: List[PotRow]
    summary: PotSummary
    undistributed_days: Dict[Any, int]

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame indexed by municipality (needs pandas); the totals
        are in :attr:`summary` (``summary.to_frame()``)."""
        return rows_frame(self.rows, "municipality")


def _records(table: Any, columns: Tuple[str, str, str], what: str) -> Iterable[Tuple[Any, ...]]:
    """Rows of a pandas DataFrame (by column name) or of a sequence of 3-tuples."""
    if hasattr(table, "columns") and hasattr(table, "__getitem__"):
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise ValueError(f"{what}: the DataFrame has no column(s) {', '.join(missing)}")
        return zip(*(table[c] for c in columns))
    records = []
    for i, record in enumerate(table):
        if isinstance(record, (str, bytes)) or len(record) != 3:
            raise ValueError(f"{what}[{i}] must be a ({', '.join(columns)}) triple")
        records.append(tuple(record))
    return records


class _Labels:
    """Labels -> indices in order of first appearance, or a fixed list; str labels trimmed by
    the CLI's rule (``yr_label_trim``), so "Falun " is "Falun". With ``function`` (the
    municipalities) a label is found by its identity (``yr_identity_key``, as ``yrkesresa pot``
    joins its files): "Falu kommun", "Falun", "FALUN" and "2080" are one municipality, shown by
    the first spelling met (fixed list first, then attendance, then trainers), as the program
    shows it."""

    def __init__(self, what: str, fixed: Optional[Sequence[Hashable]],
                 function: Optional[str] = None) -> None:
        self.what = what
        self.fixed = fixed is not None
        self.function = function
        self.index: Dict[Hashable, int] = {}
        self.by_key: Dict[Hashable, int] = {}
        self.keys: Dict[Any, Any] = {}
        for label in fixed or ():
            label = trim_label(label)
            if self._key(label) in self.by_key:
                raise ValueError(f"{what} {label!r} is listed twice")
            self._add(label)

    def _key(self, label: Hashable) -> Hashable:
        if self.function is None:
            return label
        return identity_key(label, self.keys, self.function, self.what)

    def _add(self, label: Hashable) -> int:
        found = self.by_key[self._key(label)] = self.index[label] = len(self.index)
        return found

    def __call__(self, label: Hashable) -> int:
        label = trim_label(label)
        found = self.by_key.get(self._key(label))
        if found is None:
            if self.fixed:
                raise ValueError(f"unknown {self.what} {label!r} (not in the {self.what} list)")
            found = self._add(label)
        return found

    def check(self, other_parties: bool) -> None:
        """The reader's rule 6 over the labels (one per identity): ``"Borlange"`` among
        municipalities is refused with the nearest name, unless ``other_parties``."""
        if self.function is not None:
            check_places(list(self.index), self.function, self.what, other_parties)


def _day_text(day: Any) -> Optional[str]:
    """A day value as the text the reader reads (``yr_read_day``): a str as it is; a date as
    its ISO text and a date-time as ``YYYY-MM-DD HH:MM:SS`` (the wall time of an aware one,
    fractions of a second kept), so the reader reads a zero time as the date and refuses any
    other; a whole number as its digits (45328, the Excel serial); a missing value as the empty
    cell. None for a value of no such kind."""
    if isinstance(day, str):
        return day
    if day is None or isinstance(day, (bool, np.bool_)):
        return "" if day is None else None
    if isinstance(day, datetime.datetime):  # also a pandas Timestamp; NaT is missing
        if day != day:
            return ""
        return day.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(day, datetime.date):
        return day.isoformat()
    if isinstance(day, np.datetime64):
        if np.isnat(day):
            return ""
        unit = np.datetime_data(day.dtype)[0]
        if unit in ("Y", "M", "W", "D"):
            return str(np.datetime_as_string(day))
        whole = day.astype("datetime64[s]")
        text = np.datetime_as_string(whole if whole == day else day)
        return str(text).replace("T", " ")
    if isinstance(day, (int, np.integer)):
        return str(int(day))
    if isinstance(day, (float, np.floating)):
        if math.isnan(day):
            return ""
        return str(int(day)) if float(day).is_integer() else repr(float(day))
    return None


class _Days:
    """Course days numbered by the reader's one day rule (``yr_read_day``, as ``yrkesresa pot``
    reads its two files): the days list, then attendance, then trainers are one day column, so
    ``"2024-02-06"``, ``"2024-2-6"``, ``datetime.date(2024, 2, 6)``, a pandas Timestamp of that
    midnight and 45328 are one day, a label (``"Dag 1"``) stays a label, and dates and labels
    mixed, a date-time with a time, or a date written another way are the reader's errors. A day
    is shown by its first spelling met. ``index`` lists the shown days in order."""

    def __init__(self, fixed: Optional[Sequence[Hashable]], columns: Sequence[Sequence[Any]],
                 function: str) -> None:
        names = ["days", "attendance", "trainers"]
        raw = [list(fixed or ()), *[list(c) for c in columns]]
        texts = []
        for name, values in zip(names, raw):
            column = []
            for i, value in enumerate(values):
                text = _day_text(value)
                if text is None:
                    raise TypeError(f"{function}(): {name} row {i + 1}: the day {value!r} is a "
                                    f"{type(value).__name__}; give a str, a date or a number")
                column.append(text)
            texts.append(column)
        result = _core.yr_py_read_days(texts, names)
        if isinstance(result, tuple):
            status, code, line, _, which, _, message = result
            raise Error(f"{names[which]} row {line}: {message}", status, code, function,
                        arg=names[which], record=line - 1, label=raw[which][line - 1],
                        detail="rows are counted from 1")
        self.index: List[Hashable] = []
        self.texts: List[str] = []
        self.by_text: Dict[str, int] = {}
        for label, text in zip(raw[0], result[0]):
            if text in self.by_text:
                raise ValueError(f"day {label!r} is listed twice")
            self._add(label, text)
        self.fixed = fixed is not None
        self.att, self.tr = (self._numbers(raw[k], result[k]) for k in (1, 2))

    def _add(self, label: Hashable, text: str) -> int:
        found = self.by_text[text] = len(self.index)
        self.index.append(trim_label(label))
        self.texts.append(text)
        return found

    def _numbers(self, labels: List[Any], texts: List[str]) -> List[int]:
        out = []
        for label, text in zip(labels, texts):
            found = self.by_text.get(text)
            if found is None:
                if self.fixed:
                    raise ValueError(f"unknown day {trim_label(label)!r} (not in the day list)")
                found = self._add(label, text)
            out.append(found)
        return out

    def warn_unmet(self, att: Any, tr: Any, undistributed: Optional[Sequence[int]],
                   function: str) -> None:
        """Warn, in the reader's sentence (``yr_read_day_warning``), of each day with trainers
        but no participants and each day with participants but no trainer (its pot stays
        undistributed): often one date written two ways in the two tables. The same days
        ``yrkesresa pot`` warns of or lists as ``undistributed: DAY`` (the latter only with
        ``undistributed``, each day's undistributed pot)."""
        _warn_unmet(self.texts, att, tr, undistributed, function)


def _warn_unmet(texts: Sequence[str], att: Any, tr: Any, undistributed: Optional[Sequence[int]],
                function: str) -> None:
    """The warnings of :meth:`_Days.warn_unmet` for the pots' days written ``texts``."""
    busy = set(d for d, n in zip(att[0], att[2]) if int(n) > 0)
    staffed = set(tr[0])
    for day, text in enumerate(texts):
        unmet = None
        if day in staffed and day not in busy:
            unmet = _core.yr_py_day_warning(text, 0, 0)
        elif day not in staffed and undistributed is not None and undistributed[day] != 0:
            unmet = _core.yr_py_day_warning(text, 1, int(undistributed[day]))
        if unmet is not None:
            warnings.warn(f"{function}: {unmet}", UserWarning, stacklevel=5)


@public
def pot_rules_dalarna_2024() -> PotRules:
    """The Dalarna 2024 rules (``yr_pot_rules_dalarna_2024``): fee 600, pot part 400, trainer 10
    and course leader 15 tenths of a share. The same as :meth:`PotRules.dalarna_2024`."""
    return PotRules.dalarna_2024()


@public
def pot_rules_with_shares(fee: int, pot_part: int, leader: Any, trainer: Any) -> PotRules:
    """The rules of a fee, a pot part and the two role shares as fractions
    (``yr_pot_rules_with_shares``): ``pot_rules_with_shares(600, 400, 1.5, 1)`` is the Dalarna
    2024 rules, shares (10, 15) over one common denominator. Refused by the C library, in its
    words: ``pot_part 400 is larger than fee 300``."""
    leader_f = fraction_parts(leader, "leader")
    trainer_f = fraction_parts(trainer, "trainer")
    rules = _core.yr_pot_rules_with_shares_where(fee, pot_part, *leader_f, *trainer_f)
    return PotRules(fee=rules.fee, pot_part=rules.pot_part, share=tuple(rules.share))


def _course_column(table: Any, what: str) -> Optional[str]:
    """The frame's course column: the column whose header names the course by the reader's rule
    (``yr_role_is_header``: ``course``, ``Kurs``), or None (also for a sequence of tuples)."""
    if not (hasattr(table, "columns") and hasattr(table, "__getitem__")):
        return None
    found = [c for c in table.columns
             if isinstance(c, str) and _core.yr_py_header_role(c) == "course"]
    if len(found) > 1:
        raise ValueError(f"{what}: two course columns {found[0]!r} and {found[1]!r}: keep one")
    return found[0] if found else None


def _course_text(value: Any) -> str:
    """A course cell as text; a missing one (None, NaN) blank, which C refuses."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


class _CourseDays:
    """The course days of C (``yr_course_days_*``): ``index`` the labels of the pots, a day's
    own label, or ``(day, course)`` when both inputs have a course column."""

    def __init__(self, day_labels: List[Any], days: List[int], courses: List[Any],
                 day_texts: Sequence[str]) -> None:
        self.days = [day_labels[d] for d in days]
        self.courses = courses
        self.index = [d if c is None else (d, c) for d, c in zip(self.days, courses)]
        # the course day as the program shows it ("2024-03-12 Kurs 1", yr_course_days_label)
        self.texts = [day_texts[d] if c is None else f"{day_texts[d]} {c}"
                      for d, c in zip(days, courses)]

    def warn_unmet(self, att: Any, tr: Any, undistributed: Optional[Sequence[int]],
                   function: str) -> None:
        """As :meth:`_Days.warn_unmet`, of the course days."""
        _warn_unmet(self.texts, att, tr, undistributed, function)


def _course_days(attendance: Any, trainers: Any, day_index: Any, att: Any, tr: Any,
                 function: str) -> Any:
    """The pots' days: with a course column in either input, C's course days (the day and the
    course, or a refusal naming the record: yr_course_days_*), the records renumbered; else
    ``day_index``."""
    columns = (_course_column(attendance, "attendance"), _course_column(trainers, "trainers"))
    if columns == (None, None):
        return day_index
    labels = list(day_index.index)
    files = []
    for table, name, days, column in ((attendance, "attendance", att[0], columns[0]),
                                      (trainers, "trainers", tr[0], columns[1])):
        cells = None if column is None else [_course_text(v) for v in table[column]]
        files.append((name, column, list(days), [str(labels[d]) for d in days], cells))
    result = _core.yr_py_course_days(*files)
    if isinstance(result, tuple):
        file, error = result
        raise read_error(error, ("attendance", "trainers")[file], function)
    att[0][:] = result[0]
    tr[0][:] = result[1]
    return _CourseDays(labels, result[4], result[3], day_index.texts)


def _indexed(attendance: Any, trainers: Any, days: Optional[Sequence[Hashable]],
             municipalities: Optional[Sequence[Hashable]], function: str,
             other_parties: bool) -> Tuple[Any, Any, Any, Any]:
    """The records as the index columns C reads: days and municipalities numbered by their
    labels (:class:`_Labels`: attendance first, then trainers; municipalities by identity),
    roles by name."""
    municipality_index = _Labels("municipality", municipalities, function)
    att_records = list(_records(attendance, ("day", "municipality", "participants"),
                                "attendance"))
    tr_records = list(_records(trainers, ("day", "municipality", "role"), "trainers"))
    day_index = _Days(days, ([r[0] for r in att_records], [r[0] for r in tr_records]), function)
    # Whole numbers beside names are read as text, as the program reads a cell (2080 is Falun).
    labels = [r[1] for r in att_records + tr_records] + list(municipalities or ())
    as_text = any(isinstance(x, str) for x in labels)

    def municipality(label: Any) -> int:
        if as_text and isinstance(label, (int, np.integer)) and not isinstance(label, bool):
            label = str(int(label))
        return municipality_index(label)

    att: Tuple[List[int], List[int], List[Any]] = ([], [], [])
    for day, (_, mun, participants) in zip(day_index.att, att_records):
        att[0].append(day)
        att[1].append(municipality(mun))
        att[2].append(participants)

    role_cache: Dict[str, int] = {}
    tr: Tuple[List[int], List[int], List[int]] = ([], [], [])
    for day, (_, mun, role) in zip(day_index.tr, tr_records):
        tr[0].append(day)
        tr[1].append(municipality(mun))
        tr[2].append(_role(role, role_cache))

    municipality_index.check(other_parties)
    day_index = _course_days(attendance, trainers, day_index, att, tr, function)
    return day_index, municipality_index, att, tr


@public
def pot_settle(
    attendance: Any,
    trainers: Any,
    rules: Optional[PotRules] = None,
    *,
    days: Optional[Sequence[Hashable]] = None,
    municipalities: Optional[Sequence[Hashable]] = None,
    other_parties: bool = False,
) -> PotSettlement:
    """Settle a year's course days: fees, pot contributions and kickbacks per municipality.

    Args:
        attendance: ``(day, municipality, participants)`` records, as a sequence of tuples or a
            pandas DataFrame with those columns. Several records of one (day, municipality) add.
        trainers: ``(day, municipality, role)`` records (sequence or DataFrame with those
            columns); role is a :class:`Role` or a name: ``"trainer"``/``"utbildare"``,
            ``"leader"``/``"kursledare"`` (any case).

            A DataFrame may have a course column (a header naming the course: ``course``,
            ``Kurs``): a pot is a course day's, the day and the course, as ``yrkesresa pot``
            reads it (the C library's ``yr_course_days_*``). With one in both frames two courses
            on one date have their own pots and trainers; a course one frame names on a day and
            the other does not is refused (``yrkesresa.Error``); with one in only one frame each
            day may have one course, else it is refused (add the column to the other frame).
        rules: the money rules; default :meth:`PotRules.dalarna_2024`.
        days, municipalities: optional lists of labels fixing the order of days and rows (and
            which labels are allowed); by default labels are numbered in order of first
            appearance, attendance first, then trainers. Days are read by the reader's one day
            rule (``yr_read_day``, as ``yrkesresa pot`` reads its files): a str, a
            ``datetime.date``, a ``datetime``/pandas Timestamp (its wall time), a numpy
            ``datetime64`` or a whole number (an Excel serial); ``"2024-02-06"``,
            ``"2024-2-6"``, ``date(2024, 2, 6)``, ``Timestamp("2024-02-06")`` and 45328 are one
            day, shown by its first spelling; a label (``"Dag 1"``) stays a label; dates mixed
            with labels, a date-time with a time or an empty day are the reader's error
            naming the row. A str municipality label is
            found by its identity (``yr_identity_key``, as ``yrkesresa pot`` joins its files):
            ``"Falu kommun"``, ``"Falun"``, ``"FALUN"`` and ``"2080"`` are one municipality,
            its row labelled by the first spelling met; ``"2080 Mora"`` is an error.
        other_parties: allow names that are no municipality (regions, organisations) among
            municipalities; by default such a name is an error with the nearest name
            (``"Borlange"``: did you mean Borlänge?), as ``yrkesresa pot`` refuses it
            without ``--other-parties``.

    Returns:
        A :class:`PotSettlement`; ``.to_frame()`` gives a pandas DataFrame.

    Warns:
        UserWarning: a day with trainers but no participants, and a day with participants but
            no trainer (its pot stays undistributed), in the library's sentence
            (``yr_read_day_warning``): often one date written two ways in the two tables.

    Raises:
        yrkesresa.Error: e.g. negative participants (YR_ERR_NEGATIVE), no municipality at all
            (YR_ERR_EMPTY), a day whose trainers all have share 0 (YR_ERR_RANGE).
        OverflowError: an amount does not fit 64 bits.
    """
    rules = PotRules.dalarna_2024() if rules is None else rules
    day_index, municipality_index, att, tr = _indexed(attendance, trainers, days, municipalities,
                                                      "pot_settle", other_parties)
    rows, summary, day_undistributed = call_located(
        lambda: _core.yr_pot_settle_where(
            rules._to_c(), len(day_index.index), len(municipality_index.index), att, tr
        ),
        Shape(att[0], "attendance", "settle_pot"),
        Shape(tr[0], "trainers", "settle_pot"),
    )
    day_index.warn_unmet(att, tr, day_undistributed, "pot_settle")
    return PotSettlement(
        rows=[
            PotRow(label, **{f.name: getattr(row, f.name) for f in fields(PotRow)[1:]})
            for label, row in zip(municipality_index.index, rows)
        ],
        summary=PotSummary(**{f.name: getattr(summary, f.name) for f in fields(PotSummary)}),
        undistributed_days={
            label: int(amount)
            for label, amount in zip(day_index.index, day_undistributed)
            if amount != 0
        },
    )


@public
def pot_by_day(
    attendance: Any,
    trainers: Any,
    rules: Optional[PotRules] = None,
    *,
    days: Optional[Sequence[Hashable]] = None,
    municipalities: Optional[Sequence[Hashable]] = None,
    other_parties: bool = False,
) -> Any:
    """The kickback per course day and municipality (``yr_pot_by_day``; ``pot --by-day``).

    The arguments are :func:`pot_settle`'s. One row per (day, municipality) that lent trainers,
    ordered by day, then municipality (label order): ``day`` (then ``course`` when both inputs
    have a course column: the pot is the course day's), ``municipality``, ``trainers``
    (its trainer records that day), ``kickback`` (whole units) and the exact entitlement
    ``quota_whole + quota_rem / quota_den`` (``quota_text`` writes it). Each municipality's
    rows add up exactly to its kickback in :func:`pot_settle`; how the units are placed is the C
    library's rule (``yr_pot_by_day``). ``frame.attrs["days_off"]`` counts the days whose rows
    do not add up to their pot (0 whenever a table allows it).

    Returns:
        A pandas DataFrame (needs pandas).

    Raises:
        yrkesresa.Error: as :func:`pot_settle`.
    """
    pd = need_pandas()
    rules = PotRules.dalarna_2024() if rules is None else rules
    day_index, municipality_index, att, tr = _indexed(attendance, trainers, days, municipalities,
                                                      "pot_by_day", other_parties)
    by_day, entries, days_off = call_located(
        lambda: _core.yr_pot_by_day_records_where(
            rules._to_c(), len(day_index.index), len(municipality_index.index), att, tr
        ),
        Shape(att[0], "attendance", "pot_by_day"),
        Shape(tr[0], "trainers", "pot_by_day"),
    )
    day_index.warn_unmet(att, tr, None, "pot_by_day")
    day_labels, municipality_labels = list(day_index.index), list(municipality_index.index)
    columns = ["day", "municipality", "trainers", "kickback", "quota_whole", "quota_rem",
               "quota_den"]
    data = {name: [int(v) for v in by_day[k][:entries]] for k, name in enumerate(columns)}
    if isinstance(day_index, _CourseDays) and any(c is not None for c in day_index.courses):
        columns.insert(1, "course")  # the course day: its day and its course
        data["course"] = [day_index.courses[i] for i in data["day"]]
        day_labels = day_index.days
    data["day"] = [day_labels[i] for i in data["day"]]
    data["municipality"] = [municipality_labels[i] for i in data["municipality"]]
    frame = pd.DataFrame(data, columns=columns)
    for name in columns[-5:]:  # trainers, kickback and the quota
        frame[name] = frame[name].astype("int64")
    frame.attrs["days_off"] = int(days_off)
    return frame


@public
def settle_pot(*args: Any, **kwargs: Any) -> PotSettlement:
    """Deprecated name of :func:`pot_settle` (the C library's words are ``yr_pot_settle``);
    kept, and it works the same. Deprecated in 0.3.0."""
    warnings.warn("yrkesresa.settle_pot is deprecated: use yrkesresa.pot_settle (the same "
                  "function, named as the C library's yr_pot_settle)", DeprecationWarning,
                  stacklevel=3)
    return pot_settle(*args, **kwargs)
