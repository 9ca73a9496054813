#!/usr/bin/python3
"""Benchmark of the Python binding against what a Python user would write instead.

- yrkesresa.split (largest remainder) against a vectorised numpy largest remainder with float64
  quotas, in two honest versions (argsort, argpartition), with a count of the rows where the float
  version differs from the exact answer;
- yrkesresa.crosstab against np.bincount and pandas groupby([...]).size();
- the per-call overhead of yrkesresa.split on 15 parties.

Repetitions of ours and theirs are interleaved and the minimum is kept, so a noisy machine hurts
both sides alike. Prints tables, then one "GOAL|..." line per goal for bench/run.sh.

Usage: /usr/bin/python3 bench/bench_python.py [--quick]   (yrkesresa importable via PYTHONPATH)
"""

import argparse
import sys
import time
import timeit
from fractions import Fraction

import numpy as np

try:
    import pandas as pd
except ImportError:  # pragma: no cover - Debian python3-pandas is a listed dependency
    pd = None

import yrkesresa


# ---- what a numpy user would write (float64 quotas: NOT exact for large totals) -------------


def numpy_lr_argsort(total, w):
    """Largest remainder with float64 quotas, remainders ranked by a full stable argsort."""
    q = total * (w / w.sum())
    f = np.floor(q)
    out = f.astype(np.int64)
    k = int(total - out.sum())
    if k > 0:
        out[np.argsort(-(q - f), kind="stable")[:k]] += 1
    return out


def numpy_lr_argpartition(total, w):
    """Largest remainder with float64 quotas, the k largest remainders by argpartition."""
    q = total * (w / w.sum())
    f = np.floor(q)
    out = f.astype(np.int64)
    k = int(total - out.sum())
    if 0 < k < len(w):
        out[np.argpartition(-(q - f), k - 1)[:k]] += 1
    elif k >= len(w):
        out += 1
    return out


def exact_lr(total, weights):
    """Exact largest remainder with fractions (ties: larger weight, then earlier) — the
    reference that shows when the float versions go wrong; slow, for small inputs only."""
    wsum = sum(weights)
    quotas = [Fraction(total * w, wsum) for w in weights]
    out = [q.numerator // q.denominator for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - out[i]), -weights[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def numpy_crosstab(rows, cols, nrows, ncols):
    return np.bincount(rows * ncols + cols, minlength=nrows * ncols).reshape(nrows, ncols)


def pandas_crosstab(frame):
    return frame.groupby(["municipality", "course"]).size()


# ---- timing ----------------------------------------------------------------------------------


def interleaved_min(funcs, min_time, min_reps=3, max_reps=200):
    """Run each function once per round, rounds until min_time has passed; min per function."""
    best = [float("inf")] * len(funcs)
    spent, reps = 0.0, 0
    while reps < min_reps or (spent < min_time and reps < max_reps):
        for j, fn in enumerate(funcs):
            t0 = time.perf_counter()
            fn()
            dt = time.perf_counter() - t0
            spent += dt
            best[j] = min(best[j], dt)
        reps += 1
    return best


def fmt_time(sec):
    if sec < 1e-3:
        return f"{sec * 1e6:8.1f} us"
    if sec < 1:
        return f"{sec * 1e3:8.2f} ms"
    return f"{sec:8.3f} s "


def goal(name, size, ours, theirs, ratio, target, met):
    print(f"GOAL|{name}|{size}|{ours}|{theirs}|{ratio}|{target}|{'yes' if met else 'NO'}")


# ---- benchmarks ------------------------------------------------------------------------------


def bench_split(sizes, total, min_time):
    rng = np.random.default_rng(20240607)
    print(f"yrkesresa.split (largest remainder, numpy int64 in and out) vs numpy float64 "
          f"largest remainder; total {total:,}; weights uniform 1..10^6")
    print(f"{'parties':>8} {'yrkesresa':>11} {'argsort':>11} {'argpart':>11} "
          f"{'x argsort':>9} {'x argpart':>9} {'rows wrong (float)':>19}")
    results = {}
    for n in sizes:
        w = rng.integers(1, 10**6, size=n, endpoint=True, dtype=np.int64)
        ours = yrkesresa.split(total, w)
        if int(ours.sum()) != total:
            sys.exit(f"bench_python: yrkesresa.split rows do not add to {total}")
        wrong = int(np.count_nonzero(numpy_lr_argsort(total, w) != ours))
        wrong_p = int(np.count_nonzero(numpy_lr_argpartition(total, w) != ours))
        t_ours, t_sort, t_part = interleaved_min(
            [lambda: yrkesresa.split(total, w), lambda: numpy_lr_argsort(total, w),
             lambda: numpy_lr_argpartition(total, w)], min_time)
        results[n] = (t_ours, t_sort, t_part)
        print(f"10^{int(round(np.log10(n))):<5} {fmt_time(t_ours)} {fmt_time(t_sort)} "
              f"{fmt_time(t_part)} {t_sort / t_ours:8.1f}x {t_part / t_ours:8.1f}x "
              f"{wrong:>9} / {wrong_p:<8}", flush=True)
    print("rows wrong: rows where the argsort / argpartition version differs from the exact "
          "answer (yrkesresa)\n")
    return results


def show_float_failure():
    """A small case where float64 quotas give a wrong split while yrkesresa is exact."""
    rng = np.random.default_rng(5)
    total = 10**17  # 10^15 kronor in öre: a national total; float64 has 53 bits
    for _ in range(1000):
        w = rng.integers(1, 10**6, size=15, dtype=np.int64)
        exact = exact_lr(total, w.tolist())
        ours = yrkesresa.split(total, w).tolist()
        if ours != exact:
            sys.exit("bench_python: yrkesresa.split differs from the exact fractions reference")
        float_rows = numpy_lr_argsort(total, w).tolist()
        if float_rows != exact:
            bad = [i for i in range(15) if float_rows[i] != exact[i]]
            print(f"float64 is not exact: total {total}, 15 weights, e.g. {w[:4].tolist()} ...")
            print(f"  numpy float64 rows add to {sum(float_rows)} "
                  f"({sum(float_rows) - total:+d}); {len(bad)} rows differ from the exact split,"
                  f" e.g. row {bad[0]}: {float_rows[bad[0]]} vs exact {exact[bad[0]]}")
            print(f"  yrkesresa.split == exact fractions reference: {ours == exact}, "
                  f"rows add to {sum(ours)}\n")
            return
    print("float64 happened to be exact on 1000 random cases\n")


def bench_crosstab(sizes, pandas_max, min_time):
    nrows, ncols = 290, 20
    rng = np.random.default_rng(4711)
    print(f"yrkesresa.crosstab vs np.bincount(rows*ncols+cols) and pandas groupby(...).size(); "
          f"{nrows} x {ncols}, uint32 indices, uniform")
    print(f"{'records':>8} {'yrkesresa':>11} {'GB/s':>6} {'bincount':>11} {'pandas':>11} "
          f"{'x bincount':>10} {'x pandas':>9}")
    results = {}
    for n in sizes:
        rows = rng.integers(0, nrows, size=n, dtype=np.uint32)
        cols = rng.integers(0, ncols, size=n, dtype=np.uint32)
        ours = yrkesresa.crosstab(rows, cols, nrows, ncols)
        if not np.array_equal(ours, numpy_crosstab(rows, cols, nrows, ncols)):
            sys.exit("bench_python: yrkesresa.crosstab differs from np.bincount")
        funcs = [lambda: yrkesresa.crosstab(rows, cols, nrows, ncols),
                 lambda: numpy_crosstab(rows, cols, nrows, ncols)]
        frame = None
        if pd is not None and n <= pandas_max:
            # the data already in a DataFrame, as a pandas user would have it (not timed)
            frame = pd.DataFrame({"municipality": rows, "course": cols})
            size = pandas_crosstab(frame)
            if int(size.sum()) != n or int(size.loc[(0, 0)]) != int(ours[0, 0]):
                sys.exit("bench_python: pandas groupby disagrees")
            funcs.append(lambda: pandas_crosstab(frame))
        times = interleaved_min(funcs, min_time)
        t_ours, t_bin = times[0], times[1]
        t_pd = times[2] if frame is not None else None
        results[n] = (t_ours, t_bin, t_pd)
        pd_cell = fmt_time(t_pd) if t_pd else f"{'(skipped)':>11}"
        pd_ratio = f"{t_pd / t_ours:8.1f}x" if t_pd else f"{'-':>9}"
        print(f"10^{int(round(np.log10(n))):<5} {fmt_time(t_ours)} {8 * n / t_ours / 1e9:6.2f} "
              f"{fmt_time(t_bin)} {pd_cell} {t_bin / t_ours:9.1f}x {pd_ratio}", flush=True)
        frame = None  # free the DataFrame before the next size
    print()
    return results


def bench_overhead():
    weights15 = [283990, 25600, 48100, 16900, 23600, 14700, 10900, 7100, 4700, 21200, 15100,
                 14600, 2450, 7000, 6800]
    w_np = np.array(weights15, dtype=np.int64)

    def per_call(stmt, number=20000):
        return min(timeit.repeat(stmt, number=number, repeat=7)) / number

    t_list = per_call(lambda: yrkesresa.split(850000, weights15))
    t_np = per_call(lambda: yrkesresa.split(850000, w_np))
    t_dh = per_call(lambda: yrkesresa.split(850000, weights15, method="dhondt"))
    t_numpy = per_call(lambda: numpy_lr_argsort(850000, w_np), number=5000)
    t_exact = per_call(lambda: exact_lr(850000, weights15), number=2000)
    print("per-call time on 15 parties (total 850 000), min of 7 x many calls")
    print(f"  yrkesresa.split(list)            {t_list * 1e6:7.2f} us")
    print(f"  yrkesresa.split(numpy int64)     {t_np * 1e6:7.2f} us")
    print(f"  yrkesresa.split(list, 'dhondt')  {t_dh * 1e6:7.2f} us")
    print(f"  numpy argsort version            {t_numpy * 1e6:7.2f} us")
    print(f"  pure-Python fractions (exact)    {t_exact * 1e6:7.2f} us\n")
    return t_list, t_np, t_numpy


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, a smoke run")
    args = ap.parse_args()
    if args.quick:
        split_sizes, ct_sizes, pandas_max, min_time = [10**4, 10**5], [10**5, 10**6], 10**6, 0.05
    else:
        split_sizes = [10**4, 10**5, 10**6, 10**7]
        ct_sizes, pandas_max, min_time = [10**5, 10**6, 10**7, 10**8], 10**7, 1.0
    print(f"yrkesresa {yrkesresa.__version__}, numpy {np.__version__}, "
          f"pandas {pd.__version__ if pd else 'missing'}, Python {sys.version.split()[0]}\n")

    split = bench_split(split_sizes, 10**12, min_time)
    show_float_failure()
    ct = bench_crosstab(ct_sizes, pandas_max, min_time)
    t_list, t_np, _ = bench_overhead()

    n = max(s for s in split if s <= 10**6)
    t_ours, t_sort, t_part = split[n]
    size = f"n=10^{int(round(np.log10(n)))}"
    goal("Python split vs numpy argsort", size, fmt_time(t_ours).strip(),
         fmt_time(t_sort).strip(), f"{t_sort / t_ours:.1f}x", ">= 3x", t_sort / t_ours >= 3)
    goal("Python split vs numpy argpartition", size, fmt_time(t_ours).strip(),
         fmt_time(t_part).strip(), f"{t_part / t_ours:.1f}x", ">= 1x", t_part / t_ours >= 1)
    n = max(s for s in ct if s <= 10**7)
    t_ours, t_bin, t_pd = ct[n]
    size = f"n=10^{int(round(np.log10(n)))}"
    goal("Python crosstab vs np.bincount", size, fmt_time(t_ours).strip(),
         fmt_time(t_bin).strip(), f"{t_bin / t_ours:.1f}x", ">= 1.5x", t_bin / t_ours >= 1.5)
    if t_pd is not None:
        goal("Python crosstab vs pandas groupby", size, fmt_time(t_ours).strip(),
             fmt_time(t_pd).strip(), f"{t_pd / t_ours:.1f}x", ">= 10x", t_pd / t_ours >= 10)
    goal("Python split call overhead (list)", "15 parties", f"{t_list * 1e6:.2f} us", "-",
         "-", "<= 5 us", t_list <= 5e-6)
    goal("Python split call overhead (numpy)", "15 parties", f"{t_np * 1e6:.2f} us", "-", "-",
         "<= 5 us", t_np <= 5e-6)


if __name__ == "__main__":
    main()
