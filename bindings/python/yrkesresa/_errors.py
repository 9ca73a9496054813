"""The exceptions raised for a C status other than YR_OK.

The C extension raises them (bindings/python/yrkesresa_python.i, ``yr_py_raise``): the mapping of
a status to a class happens there and only there.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, Optional, Tuple

__all__ = ["Error", "Overflow", "OutOfMemory", "YrTotalRowWarning"]


class Error(ValueError):
    """A libyrkesresa function refused its input (any status other than ``YR_OK``).

    ``str(error)`` is the function the user called and the argument as the user wrote it, then
    the C library's sentence: ``split(): equal_part='30': equal_part 30 is more than the whole
    (a share, not a percentage: 0.3 for 30 %)``.

    Attributes:
        message:  the C library's sentence (``yr_where_message``), the one the program and R
                  show for the same input, e.g. ``"pot_part 400 is larger than fee 300"``; for an
                  argument the binding itself refused (an index that does not fit), its own.
        status:   the status name, e.g. ``"YR_ERR_ZERO_WEIGHT"``.
        code:     the status value, e.g. ``4``.
        function: the function the user called (``"split"``), or the C function when the
                  private ``yrkesresa._core`` was called directly (``"yr_split_where"``).
        detail:   what the binding adds (the caller's label: ``"at weights['Falun']"``), or
                  ``None``.
        record:   where the C library says the error is: the 0-based element or record
                  (``yr_where.record``), or ``None`` when it is the whole input.
        column:   for tables, the 0-based column (item), else ``None``.
        arg:      the name of the offending parameter as C knows it (``"weights"``,
                  ``"total"``, ``"target"``, ...), or ``None``.
        label:    the caller's label of that element (a Series index or dict key), when the
                  binding knows it, else ``None``.
        reason:   why, as C names it (``"YR_REASON_LARGER"``; ``yr_reason_name``), or ``None``.
        argument: the argument as the user wrote it (``"equal_part='30'"``), or ``None``.
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
        reason: Optional[str] = None,
        argument: Optional[str] = None,
    ) -> None:
        text = f"{function}(): " if function and not function.startswith("yr_") else (
            f"{function}: " if function else "")
        if argument:
            text += f"{argument}: "
        text += message
        if detail:
            text += f" ({detail})"
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
        self.reason = reason
        self.argument = argument

    def _args(self) -> Tuple[Any, ...]:
        return (self.message, self.status, self.code, self.function, self.detail,
                self.record, self.column, self.arg, self.label, self.reason, self.argument)

    def _with(self, **changes: Any) -> "Error":
        names = ("message", "status", "code", "function", "detail", "record", "column", "arg",
                 "label", "reason", "argument")
        values = dict(zip(names, self._args()))
        values.update(changes)
        return type(self)(*(values[n] for n in names))

    def with_detail(self, detail: str, label: Any = None) -> "Error":
        """A copy of this error (same class, status and location) with ``detail`` added."""
        changes = {"detail": f"{self.detail}; {detail}" if self.detail else detail}
        if label is not None:
            changes["label"] = label
        return self._with(**changes)

    def __reduce__(self):  # keep the attributes through pickle (e.g. multiprocessing)
        return (type(self), self._args())


def _shown(value: Any) -> Optional[str]:
    """``value`` as the user wrote it, for a message: scalars and short pairs only (an array's
    elements are named by the sentence and the label, not repeated)."""
    from fractions import Fraction
    from decimal import Decimal
    if isinstance(value, (str, int, float, Fraction, Decimal)) or (
        isinstance(value, tuple) and len(value) <= 2
        and all(isinstance(v, (int, float)) for v in value)):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    return None


def public(func: Callable[..., Any]) -> Callable[..., Any]:
    """A public function of the package: an error it raises names it and the argument as the
    user wrote it (``split(): equal_part='30': ...``). The C library's argument name (``arg``)
    is the Python parameter of the same name; the outermost public function the user called
    names the error."""
    signature = inspect.signature(func)
    name = func.__name__

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except Error as error:
            argument = error.argument
            if error.arg is not None and error.arg in signature.parameters:
                try:
                    bound = signature.bind(*args, **kwargs)
                except TypeError:
                    bound = None
                if bound is not None and error.arg in bound.arguments:
                    shown = _shown(bound.arguments[error.arg])
                    argument = f"{error.arg}={shown}" if shown is not None else argument
            raise error._with(function=name, argument=argument) from None
        except (TypeError, ValueError) as error:
            # the binding's own refusals name the C wrapper ("yr_split_with_where: ..."):
            # the user called `name`
            text = str(error)
            if type(error) in (TypeError, ValueError) and text.startswith("yr_"):
                head, _, rest = text.partition(": ")
                if rest and " " not in head:
                    raise type(error)(f"{name}(): {rest}") from None
            raise

    wrapper.__signature__ = signature  # type: ignore[attr-defined]
    return wrapper


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
