"""The exceptions raised for a C status other than YR_OK.

The C extension raises them (bindings/python/yrkesresa_python.i, ``yr_py_raise``): the mapping of
a status to a class happens there and only there.
"""

from __future__ import annotations

from typing import Optional

__all__ = ["Error", "Overflow", "OutOfMemory"]


class Error(ValueError):
    """A libyrkesresa function refused its input (any status other than ``YR_OK``).

    Attributes:
        message:  the C library's one-line message (``yr_strerror``).
        status:   the status name, e.g. ``"YR_ERR_ZERO_WEIGHT"``.
        code:     the status value, e.g. ``4``.
        function: the C function that failed, e.g. ``"yr_split"``.
        detail:   what exactly was wrong, when the binding knows more (else ``None``).
    """

    def __init__(
        self,
        message: str,
        status: str,
        code: int,
        function: str,
        detail: Optional[str] = None,
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

    def __reduce__(self):  # keep the attributes through pickle (e.g. multiprocessing)
        return (
            type(self),
            (self.message, self.status, self.code, self.function, self.detail),
        )


class Overflow(Error, OverflowError):
    """``YR_ERR_OVERFLOW``: a result or an exact intermediate does not fit 64 bits.

    Both a :class:`yrkesresa.Error` and a built-in :class:`OverflowError`.
    """


class OutOfMemory(Error, MemoryError):
    """``YR_ERR_NOMEM``: the C library could not allocate memory.

    Both a :class:`yrkesresa.Error` and a built-in :class:`MemoryError`.
    """


# Shown (and pickled) as yrkesresa.Error etc., where users import them from.
for _cls in (Error, Overflow, OutOfMemory):
    _cls.__module__ = "yrkesresa"
del _cls
