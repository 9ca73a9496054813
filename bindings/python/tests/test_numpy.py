"""The numpy conversion policy of the typemaps (bindings/python/yrkesresa_python.i):

- an int64 (uint32 for category indices), C-contiguous, aligned, native-endian array is read in
  place: no copy (checked with tracemalloc, which sees numpy's buffers);
- any other integer array (other width, strided, byte-swapped, Fortran order) is converted once,
  each value range-checked, and gives the same answer;
- results are new int64 arrays written by C.
"""

import threading
import tracemalloc

import numpy as np
import pytest

import yrkesresa

N = 400_000  # big enough that a copy stands out from any bookkeeping


def peak_bytes(call):
    """Peak of the memory traced (Python and numpy buffers) while call() runs."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = call()
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    return peak, result


@pytest.fixture(scope="module")
def weights():
    return np.random.default_rng(7).integers(0, 100_000, N, dtype=np.int64)


def test_int64_weights_are_not_copied(weights):
    out_bytes = N * 8
    peak, out = peak_bytes(lambda: yrkesresa.split(10**12, weights))
    assert out.dtype == np.int64 and out.sum() == 10**12
    # only the result array is new (plus a little bookkeeping): no copy of the input
    assert out_bytes <= peak < out_bytes + out_bytes // 4
    assert not np.shares_memory(out, weights)


def test_int32_weights_are_converted_once(weights):
    small = weights.astype(np.int32)
    peak, out = peak_bytes(lambda: yrkesresa.split(10**12, small))
    # the result and ONE int64 copy of the input
    assert 2 * N * 8 <= peak < 2 * N * 8 + N * 2
    assert np.array_equal(out, yrkesresa.split(10**12, weights))


@pytest.mark.parametrize("make", [
    lambda w: w.astype(np.int32),
    lambda w: w.astype(np.uint16),
    lambda w: w.astype(np.uint64),
    lambda w: w.astype(">i8"),                          # byte-swapped
    lambda w: np.repeat(w, 2)[::2],                     # strided view
    lambda w: w.astype(object),                         # Python ints
    lambda w: w.tolist(),
], ids=["int32", "uint16", "uint64", "big-endian", "strided", "object", "list"])
def test_other_layouts_give_the_same_answer(make):
    w = np.random.default_rng(3).integers(0, 60_000, 1000, dtype=np.int64)
    expected = yrkesresa.split(123_456_789, w)
    got = yrkesresa.split(123_456_789, make(w))
    assert np.array_equal(np.asarray(got), expected)


def test_input_arrays_are_left_alone(weights):
    before = weights.copy()
    strided = np.repeat(weights, 2)[::2]
    yrkesresa.split(10**9, weights)
    yrkesresa.split(10**9, strided)
    assert np.array_equal(weights, before) and np.array_equal(strided, before)


def test_uint32_indices_are_not_copied():
    rng = np.random.default_rng(11)
    rows = rng.integers(0, 15, N).astype(np.uint32)
    cols = rng.integers(0, 4, N).astype(np.uint32)
    peak, table = peak_bytes(lambda: yrkesresa.crosstab(rows, cols, 15, 4))
    assert peak < 64 * 1024  # the 15 x 4 table, not a copy of 2 x 1.6 MB
    assert table.sum() == N
    # int64 indices: converted once each, to uint32
    rows64, cols64 = rows.astype(np.int64), cols.astype(np.int64)
    peak64, table64 = peak_bytes(lambda: yrkesresa.crosstab(rows64, cols64, 15, 4))
    assert 2 * N * 4 <= peak64 < 2 * N * 4 + N
    assert np.array_equal(table, table64)


def test_crosstab_matches_a_reference_for_every_layout():
    rng = np.random.default_rng(5)
    rows = rng.integers(0, 7, 5000)
    cols = rng.integers(0, 3, 5000)
    reference = np.zeros((7, 3), dtype=np.int64)
    np.add.at(reference, (rows, cols), 1)
    for r, c in [(rows.astype(np.uint32), cols.astype(np.uint32)), (rows, cols),
                 (rows.astype(np.int8), cols.astype(np.uint64)), (rows.tolist(), cols.tolist()),
                 (rows.astype(">u4"), cols.astype("<u4")), (np.repeat(rows, 2)[1::2], cols)]:
        table = yrkesresa.crosstab(r, c, 7, 3)
        assert table.dtype == np.int64 and table.shape == (7, 3)
        assert np.array_equal(table, reference)


def test_indices_out_of_range_are_caught_in_c_or_in_the_conversion():
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.crosstab(np.array([0, 5], dtype=np.uint32), [0, 0], 5, 1)
    assert info.value.status == "YR_ERR_RANGE" and info.value.detail is None  # C's check
    assert info.value.message == "row[1] is 5, but the rows go from 0 to 4"
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.crosstab(np.array([0, -1]), [0, 0], 5, 1)
    assert info.value.status == "YR_ERR_RANGE" and "row[1] = -1" in info.value.message
    with pytest.raises(yrkesresa.Error) as info:
        yrkesresa.count_by(np.array([2**32], dtype=np.int64), 3)
    assert info.value.status == "YR_ERR_RANGE" and "group[0] = 4294967296" in info.value.message


def test_check_totals_fortran_order_and_strided_tables():
    table = np.arange(12, dtype=np.int64).reshape(3, 4)
    stated = table.sum(axis=0)
    for t in [table, np.asfortranarray(table), table.astype(np.int16),
              np.repeat(table, 2, axis=1)[:, ::2], table.tolist()]:
        sums, mismatched = yrkesresa.check_totals(t, stated)
        assert sums.tolist() == stated.tolist() and mismatched == 0


def test_two_dimensional_input_must_be_two_dimensional():
    with pytest.raises(ValueError, match="dimension"):
        yrkesresa.check_totals([1, 2, 3], [6])


def test_threads_share_the_library():
    # The big calls release the GIL; the library is reentrant: results must not mix.
    rng = np.random.default_rng(9)
    jobs = [rng.integers(0, 1000, 50_000, dtype=np.int64) for _ in range(8)]
    expected = [yrkesresa.split(10**10, w) for w in jobs]
    got = [None] * len(jobs)

    def work(i):
        for _ in range(5):
            got[i] = yrkesresa.split(10**10, jobs[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(np.array_equal(g, e) for g, e in zip(got, expected))
