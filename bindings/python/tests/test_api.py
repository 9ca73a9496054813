"""The package surface: exports, docstrings, version, the private module, the errors."""

import pickle
import re

import pytest

import yrkesresa
from yrkesresa import _core


def test_all_exports_exist_and_are_documented():
    for name in yrkesresa.__all__:
        assert hasattr(yrkesresa, name), name
        if name != "__version__":
            doc = getattr(yrkesresa, name).__doc__
            assert doc and len(doc.strip()) > 20, f"{name} has no real docstring"


def test_public_functions_document_their_arguments():
    for name in ["split", "split_mixed", "audit_split", "pot_settle", "crosstab", "check_totals"]:
        doc = getattr(yrkesresa, name).__doc__
        assert "Args:" in doc and "Returns:" in doc, name


def test_version_is_the_c_library_and_the_meson_project(source_dir):
    assert yrkesresa.__version__ == _core.yr_version() == _core.YR_VERSION_STRING
    project = (source_dir / "meson.build").read_text(encoding="utf-8")
    declared = re.search(r"version:\s*'([0-9.]+)'", project).group(1)
    assert yrkesresa.__version__ == declared
    assert (_core.YR_VERSION_MAJOR, _core.YR_VERSION_MINOR, _core.YR_VERSION_MICRO) == tuple(
        int(p) for p in declared.split(".")
    )


def test_method_enum_comes_from_c():
    names = [m.name.lower() for m in yrkesresa.Method]
    assert names == [_core.yr_method_name(i) for i in range(_core.YR_METHOD_COUNT)]
    assert names == ["largest_remainder", "round_each", "dhondt", "sainte_lague",
                     "sainte_lague_modified", "huntington_hill", "adams", "dean"]
    assert int(yrkesresa.Method.DHONDT) == _core.YR_DHONDT


def test_exception_hierarchy():
    assert issubclass(yrkesresa.Error, ValueError)
    assert issubclass(yrkesresa.Overflow, yrkesresa.Error)
    assert issubclass(yrkesresa.Overflow, OverflowError)
    assert issubclass(yrkesresa.OutOfMemory, yrkesresa.Error)
    assert issubclass(yrkesresa.OutOfMemory, MemoryError)
    assert not issubclass(yrkesresa.Error, OverflowError)


# One real call per status, through the public API or (for YR_ERR_NULL, which the package never
# lets through) the private module.
# (status, call, the C library's sentence): the message is the library's (yr_where_message),
# the function the one the user called.
STATUS_CASES = [
    ("YR_ERR_NULL", lambda: _core.yr_method_from_name_where(None), "name is NULL"),
    ("YR_ERR_EMPTY", lambda: yrkesresa.split(100, []),
     "weights is empty: there is nothing to work on"),
    ("YR_ERR_NEGATIVE", lambda: yrkesresa.split(100, [3, -1]), "weights[1] is negative (-1)"),
    ("YR_ERR_ZERO_WEIGHT", lambda: yrkesresa.split(100, [0, 0]),
     "all weights are 0, so nothing can take the total 100"),
    ("YR_ERR_OVERFLOW", lambda: yrkesresa.audit(0, [1, 1], [2**63 - 1, 1]),
     "the published amounts add up past 9223372036854775807"),
    ("YR_ERR_RANGE", lambda: yrkesresa.goal_check(5, 4, 0.8), "yes 5 is larger than n 4"),
]


@pytest.mark.parametrize("status, call, sentence", STATUS_CASES, ids=[c[0] for c in STATUS_CASES])
def test_every_status_becomes_the_right_exception(status, call, sentence):
    code = getattr(_core, status)
    expected = yrkesresa.Overflow if status == "YR_ERR_OVERFLOW" else yrkesresa.Error
    with pytest.raises(expected) as info:
        call()
    e = info.value
    assert type(e) is expected
    assert e.status == status and e.code == code
    assert e.message == sentence
    if e.function.startswith("yr_"):  # the private module, called directly
        assert str(e) == f"{e.function}: {sentence}"
    else:
        assert str(e).startswith(f"{e.function}(): ") and str(e).endswith(sentence)
    assert (e.reason == "YR_REASON_NONE") == (status == "YR_ERR_NULL")
    assert isinstance(e, ValueError)


def test_overflow_is_an_overflowerror_with_the_c_message():
    with pytest.raises(OverflowError, match="the published amounts add up past 9223372036854775807"):
        yrkesresa.audit(0, [1, 1], [2**63 - 1, 1])


def test_error_message_names_the_function_and_says_why():
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split(850000, [0, 0, 0])
    assert str(info.value) == "split(): all weights are 0, so nothing can take the total 850000"
    assert info.value.detail is None and info.value.arg == "weights"
    assert (info.value.status, info.value.reason) == ("YR_ERR_ZERO_WEIGHT", "YR_REASON_ALL_ZERO")


def test_an_argument_error_names_the_argument_as_written():
    """Issue 23: split(..., equal_part='30') and threshold=4 named no argument in 0.2."""
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split(100, [1, 2, 4], equal_part="30")
    assert str(info.value) == (
        "split(): equal_part='30': equal_part 30 is more than the whole "
        "(a share, not a percentage: 0.3 for 30 %)")
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split(10, [1, 2, 4], method="dhondt", threshold=4)
    assert str(info.value) == (
        "split(): threshold=4: threshold 4 is more than the whole "
        "(a share, not a percentage: 0.04 for 4 %)")
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split_mixed(100, [1, 2], "abc")
    assert str(info.value) == (
        "split_mixed(): equal_part='abc': 'abc' is not a number: write a decimal (0,3 or 0.3), "
        "a percentage (30 %) or a ratio (3/10)")
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.split(5, [1, 2], method="jeferson")
    assert str(info.value).startswith("split(): method='jeferson': unknown method 'jeferson' "
                                      "(known: largest_remainder, round_each, dhondt,")


def test_errors_survive_pickle():
    with pytest.raises(yrkesresa.Overflow) as info:
        yrkesresa.split(2**63, [1])
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is yrkesresa.Overflow
    assert (copy.status, copy.code, copy.function, copy.detail, str(copy)) == (
        info.value.status, info.value.code, info.value.function, info.value.detail,
        str(info.value))


def test_out_of_memory_class_carries_the_status():
    e = yrkesresa.OutOfMemory(_core.yr_strerror(_core.YR_ERR_NOMEM), "YR_ERR_NOMEM",
                              _core.YR_ERR_NOMEM, "yr_split")
    assert isinstance(e, MemoryError) and e.status == "YR_ERR_NOMEM"
    assert "memory allocation failed" in str(e)


def test_a_huge_output_is_an_error_not_a_crash():
    with pytest.raises(MemoryError):  # 8 TB: more than any machine here has
        yrkesresa.count_by([0], ngroups=2**40)
    with pytest.raises(yrkesresa.Overflow):  # more bytes than an address space
        yrkesresa.count_by([0], ngroups=2**60)
    with pytest.raises(yrkesresa.Overflow):
        yrkesresa.crosstab([0], [0], 2**32, 2**32)


def test_strerror_and_status_names_for_every_status():
    names = [_core.yr_status_name(s) for s in range(_core.YR_STATUS_COUNT)]
    assert names[0] == "YR_OK" and len(set(names)) == _core.YR_STATUS_COUNT
    for s, name in enumerate(names):
        assert getattr(_core, name) == s
    assert _core.yr_status_name(99) == "YR_UNKNOWN"
    assert _core.yr_strerror(99) == "unknown status"


def test_docstring_examples_run(capsys):
    import doctest

    from yrkesresa import _split, _stats

    for module in (yrkesresa, _split, _stats):
        result = doctest.testmod(module, verbose=False)
        assert result.failed == 0, f"doctest failed in {module.__name__}"
        assert result.attempted > 0


def test_help_reads_well():
    import pydoc

    text = pydoc.render_doc(yrkesresa.split, renderer=pydoc.plaintext)
    assert re.search(r"split\(total: '?int'?, weights: ", text)
    assert "largest_remainder" in text and "Raises:" in text
