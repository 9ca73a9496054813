"""libyrkesresa for Python: the money and numbers of Yrkesresan, exactly.

Cost split (:func:`split` with tie rules, bounds, threshold and first divisor,
:func:`split_mixed`, :func:`split_table`, :func:`split_nested`), audit of a published split (:func:`audit`),
trainer-pot settlement (:func:`pot_settle`) and participation statistics (:func:`proportion`,
:func:`goal_check`, :func:`crosstab`, ...). Every rule runs in the C library (via the private
module ``yrkesresa._core``); money is exact integers, never floats.

Names: every function is named by the C library's words without the ``yr_`` prefix
(``yr_pot_settle`` is :func:`pot_settle`; the table is in bindings/python/README.md); the old
names (:func:`settle_pot`, :func:`audit`, ...) stay as documented aliases.

Errors: a refused input raises :class:`Error` (a ``ValueError``) whose message is the function
and argument as you wrote them, then the C library's sentence, the one the program and R show
(``pot_settle(): pot_part 400 is larger than fee 300``); ``.status`` and ``.reason`` name the
status and the rule. ``YR_ERR_OVERFLOW`` raises :class:`Overflow` (an ``OverflowError``) and
``YR_ERR_NOMEM`` :class:`OutOfMemory` (a ``MemoryError``).

numpy: an int64 (uint32 for category indices), C-contiguous, native-endian array reaches C
without a copy; other integer arrays and lists are converted once, each value range-checked;
whole floats up to 2^53 are their integers, a fraction, NaN or larger float is a ValueError
naming the function called and the element (never rounded); bools are refused.

pandas (optional): a Series in gives a Series out with the same index and name, a dict a dict;
:func:`split_frame` adds a split to a DataFrame (one amount, several items, or by groups),
:func:`audit_frame` audits a published table as read, :func:`drop_total_rows` removes its
"Summa" row; the statistics take whole columns; :func:`crosstab` and :func:`count_by` take
labels; every result has ``.to_frame()``. A weight equal to the sum of the others (a total row
read with the table) warns: :class:`YrTotalRowWarning`. Errors say where: ``Error.record``,
``.arg`` and ``.label``. Fractions (``0.3``, ``"30 %"``, ``1.5``) are read by the C library's one
rule (:func:`fraction_parts`). See bindings/python/README.md.

>>> import yrkesresa
>>> yrkesresa.split(850000, [22986, 52460, 59752])
[144515, 329820, 375665]
"""

from . import _controller, _convert, _core, _errors, _number, _pot, _read, _split, _stats
from ._convert import find_total_row, fraction_parts, is_total_label, trim_label
from ._errors import *  # noqa: F401,F403 - each module's __all__ is its one list of names
from ._number import *  # noqa: F401,F403
from ._pot import *  # noqa: F401,F403
from ._read import *  # noqa: F401,F403
from ._controller import *  # noqa: F401,F403
from ._split import *  # noqa: F401,F403
from ._stats import *  # noqa: F401,F403

#: The version of the C library this package is built on (``yr_version()``).
__version__: str = _core.yr_version()

#: The public names: this module's own, then each submodule's ``__all__`` (the one list of each).
__all__ = ["__version__", "find_total_row", "fraction_parts", "is_total_label", "trim_label"]
__all__ += _errors.__all__
__all__ += _number.__all__
__all__ += _split.__all__
__all__ += _pot.__all__
__all__ += _stats.__all__
__all__ += _read.__all__
__all__ += _controller.__all__
