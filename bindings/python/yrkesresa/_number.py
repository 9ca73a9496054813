"""Numbers and labels under the C library's own names (number.h, labels.h): each rule is C's;
this module only names it as C does (``yr_fraction_from_text`` is ``fraction_from_text``)."""

from __future__ import annotations

from typing import Tuple

from . import _core
from ._convert import _read_fraction, is_total_label, trim_label
from ._errors import public

__all__ = ["fraction_from_text", "fraction_from_double", "label_trim", "label_is_total"]


@public
def fraction_from_text(text: str) -> Tuple[int, int]:
    """``(numerator, denominator)`` of a decimal, a percentage or a ratio written as text, the
    way the CLI reads it (``yr_fraction_from_text``): ``"0,3"`` -> (3, 10), ``"30 %"`` -> (30,
    100), ``"3/10"`` -> (3, 10). Not reduced. Text that is no number raises yrkesresa.Error in
    the library's words."""
    if not isinstance(text, str):
        raise TypeError(f"fraction_from_text(): text must be a str, not {type(text).__name__}")
    return _read_fraction(_core.yr_fraction_from_text_where, text, "text")


@public
def fraction_from_double(x: float) -> Tuple[int, int]:
    """``(numerator, denominator)`` of the shortest decimal that reads back as ``x``
    (``yr_fraction_from_double``): 0.3 -> (3, 10), 0.1 + 0.2 -> (30000000000000004, 10**17).
    NaN and the infinities raise yrkesresa.Error."""
    return _read_fraction(_core.yr_fraction_from_double_where, float(x), "x")


#: ``yr_label_trim`` under its C name (also :func:`trim_label`).
label_trim = trim_label
#: The reader's rule for a total, county or nation label (:func:`is_total_label`; not the
#: core's ``yr_label_is_total``, which takes any "… län" for a county).
label_is_total = is_total_label
