"""The exceptions raised for a C status other than YR_OK.

The C extension raises them (bindings/python/yrkesresa_python.i, ``yr_py_raise``): the mapping of
a status to a class happens there and only there.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

__all__ = ["Error", "Overflow", "OutOfMemory", "YrTotalRowWarning"]


class Error(ValueError):
    """A libyrkesresa function refused its input (any status other than ``YR_OK``).

    Attributes:
        message:  the C library's one-line message (``yr_strerror``).
        status:   the status name, e.g. ``"YR_ERR_ZERO_WEIGHT"``.
        code:     the status value, e.g. ``4``.
        function: the C function that failed, e.g. ``"yr_split"``.
        detail:   what exactly was wrong, when the binding knows more (else ``None``).
        record:   where the C library says the error is: the 0-based element or record
                  (``yr_where.record``), or ``None`` when it is the whole input.
        column:   for tables, the 0-based column (item), else ``None``.
        arg:      the name of the offending parameter as C knows it (``"weights"``,
                  ``"total"``, ``"target"``, ...), or ``None``.
        label:    the caller's label of that element (a Series index or dict key), when the
                  binding knows it, else ``None``.
    """

    def __init__(
        self,
        message: str,
        status: str,
        code: int,
        function: str,
        detail: Optional[str] = None,
        record: Optional[int] = None,
        column: Optional[int] = None,
        arg: Optional[str] = None,
        label: Any = None,
    ) -> None:
        text = f"{function}: {message} [{status}]"
        if detail:
            text += f": {detail}"
        super().__init__(text)
        self.message = message
        self.status = status
        self.code = code
        self.function = function
        self.detail = detail
        self.record = record
        self.column = column
        self.arg = arg
        self.label = label

    def _args(self) -> Tuple[Any, ...]:
        return (self.message, self.status, self.code, self.function, self.detail,
                self.record, self.column, self.arg, self.label)

    def with_detail(self, detail: str, label: Any = None) -> "Error":
        """A copy of this error (same class, status and location) with ``detail`` added."""
        args = list(self._args())
        args[4] = f"{self.detail}; {detail}" if self.detail else detail
        if label is not None:
            args[8] = label
        return type(self)(*args)

    def __reduce__(self):  # keep the attributes through pickle (e.g. multiprocessing)
        return (type(self), self._args())


class Overflow(Error, OverflowError):
    """``YR_ERR_OVERFLOW``: a result or an exact intermediate does not fit 64 bits.

    Both a :class:`yrkesresa.Error` and a built-in :class:`OverflowError`.
    """


class OutOfMemory(Error, MemoryError):
    """``YR_ERR_NOMEM``: the C library could not allocate memory.

    Both a :class:`yrkesresa.Error` and a built-in :class:`MemoryError`.
    """


class YrTotalRowWarning(UserWarning):
    """One weight equals the sum of all the others: it looks like a total row ("Summa").

    A column read straight from a published table often ends with its total; split as a party
    it would silently halve every other amount. The warning names the element (its label or
    position). Drop the row before splitting, e.g. ``yrkesresa.drop_total_rows(df,
    "municipality")``, or ``df[df.municipality != "Summa"]``; or, when the row really is a
    party, silence it with ``warnings.simplefilter("ignore", yrkesresa.YrTotalRowWarning)``.

    Attributes:
        position: the 0-based position of the element.
        label:    its label (Series index, dict key or label column), or the position.
    """

    def __init__(self, message: str, position: int, label: Any) -> None:
        super().__init__(message)
        self.position = position
        self.label = label


# Shown (and pickled) as yrkesresa.Error etc., where users import them from.
for _cls in (Error, Overflow, OutOfMemory, YrTotalRowWarning):
    _cls.__module__ = "yrkesresa"
del _cls
