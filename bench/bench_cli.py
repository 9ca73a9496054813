#!/usr/bin/python3
"""The `yrkesresa` program on large files (issue 11 §6): time and peak memory of every command.

    /usr/bin/python3 bench/bench_cli.py BUILD_DIR [--rows N] [--rounds R]

Goals (ratios measured in this run; nothing here is a test):
- `yrkesresa split` on a 10^6-row file at least 2x faster than pandas.read_csv +
  yrkesresa.split + DataFrame.to_csv (the same file, the same result, written to /dev/null);
- peak RSS (resident set, /usr/bin/time %M) of every command at most 3x its input size; `pot`
  twice: 10^6 distinct municipalities (the library settles only those with trainers) and a
  year's shape (290 municipalities, every record kept for the library).
The Python side uses the binding from BUILD_DIR when it imports; otherwise the same C call
(yr_split) through ctypes on BUILD_DIR/lib/libyrkesresa.so, which is no slower than the binding.
Files are generated from a fixed seed in a temporary directory; the split's output is checked
(rows add up); the minimum over rounds is kept. Times are CPU seconds (user + system, both
sides), since the machine is shared: wall time mostly measures the other processes.
"""
import ctypes
import os
import random
import subprocess
import sys
import tempfile
import shutil
import time

args = sys.argv[1:]
if not args or args[0] in ("-h", "--help"):
    print(__doc__)
    sys.exit(0 if args else 2)
BUILD = os.path.abspath(args[0])
ROWS = int(args[args.index("--rows") + 1]) if "--rows" in args else 10**6
ROUNDS = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 3
BIN = os.path.join(BUILD, "tools", "yrkesresa")
TMP = tempfile.mkdtemp(prefix="bench-cli-")
rng = random.Random(20261130)


def write(name, header, rows):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        f.writelines(rows)
    return path


def files():
    n = ROWS
    pops = [rng.randint(1, 10**6) for _ in range(n)]
    out = {}
    out["split"] = write("population.csv", "kommun,befolkning",
                         (f"Kommun {i:07d},{p}\n" for i, p in enumerate(pops)))
    amounts = [p * 3 for p in pops]
    out["audit"] = write("published.csv", "kommun,befolkning,belopp",
                         (f"Kommun {i:07d},{p},{a}\n" for i, (p, a) in enumerate(zip(pops, amounts))))
    ndays = max(1, n // 100)
    out["pot_att"] = write("attendance.csv", "day,municipality,participants",
                           (f"d{rng.randrange(ndays)},Kommun {i:07d},{rng.randint(1, 9)}\n"
                            for i in range(n)))
    out["pot_tr"] = write("trainers.csv", "day,municipality,role",
                          (f"d{d},Kommun {rng.randrange(n):07d},trainer\n" for d in range(ndays)))
    regs = [rng.randint(1, 40) for _ in range(n)]
    out["attendance"] = write("courses.csv", "course,registered,attended",
                              (f"Kurs {i:07d},{r},{rng.randint(0, r)}\n" for i, r in enumerate(regs)))
    body = [(rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 999)) for _ in range(n)]
    tot = [sum(c[k] for c in body) for k in range(3)]
    rows = [f"Kommun {i:07d},{a},{b},{c}\n" for i, (a, b, c) in enumerate(body)]
    rows.append(f"Summa,{tot[0]},{tot[1]},{tot[2]}\n")
    out["check"] = write("table.csv", "kommun,a,b,c", rows)
    c1 = [rng.randint(0, 999) for _ in range(n)]
    prog = [(a, rng.randint(0, a)) for a in c1]
    out["progress"] = write("progress.csv", "municipality,course1_completed,course2_completed",
                            (f"Kommun {i:07d},{a},{b}\n" for i, (a, b) in enumerate(prog)))
    # as many questions as rows: a file of 10^5 questions (1.6 MB) measured the process's own
    # 3.7 MB rather than the command
    out["survey"] = write("survey.csv", "question,yes,respondents,target_percent",
                          (f"Q{i},{rng.randint(0, 50)},50,80\n" for i in range(n)))
    # a year's shape: 290 municipalities on every day, trainers from three of them each day
    nd290 = max(1, n // 290)
    out["pot290_att"] = write("attendance290.csv", "day,municipality,participants",
                              (f"d{i // 290},Kommun {i % 290:03d},{rng.randint(1, 9)}\n"
                               for i in range(n)))
    out["pot290_tr"] = write("trainers290.csv", "day,municipality,role",
                             (f"d{d},Kommun {rng.randrange(290):03d},"
                              f"{rng.choice(('trainer', 'leader'))}\n"
                              for d in range(nd290) for _ in range(3)))
    return out


def measure(cmd):
    """(CPU seconds, peak RSS in bytes, stdout) of the best of ROUNDS runs."""
    best_t, best_m, out = None, None, None
    for _ in range(ROUNDS):
        with open(os.path.join(TMP, "out"), "wb") as o:
            r = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd, stdout=o,
                               stderr=subprocess.PIPE)
        if r.returncode not in (0, 1):
            sys.exit(f"failed: {' '.join(cmd)}: {r.stderr.decode()[-500:]}")
        u, s_, m = r.stderr.decode().strip().splitlines()[-1].split()
        t, m = float(u) + float(s_), int(m) * 1024  # CPU time: the machine is shared
        best_t = t if best_t is None else min(best_t, t)
        best_m = m if best_m is None else min(best_m, m)
    with open(os.path.join(TMP, "out"), "rb") as o:
        out = o.read()
    return best_t, best_m, out


def python_split(path, total):
    """pandas.read_csv + yrkesresa.split + to_csv: CPU seconds (best of ROUNDS)."""
    import numpy as np
    import pandas as pd
    sys.path.insert(0, os.path.join(BUILD, "bindings", "python"))
    try:
        import yrkesresa
        split, how = (lambda w: np.asarray(yrkesresa.split(total, w))), "yrkesresa.split"
    except Exception:  # the binding is not built: the same C call through ctypes
        lib = ctypes.CDLL(os.path.join(BUILD, "lib", "libyrkesresa.so"))
        lib.yr_split.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                                 ctypes.c_void_p]

        def split(w):
            w = np.ascontiguousarray(w, dtype=np.int64)
            out = np.empty_like(w)
            assert lib.yr_split(total, w.ctypes.data, len(w), 0, out.ctypes.data) == 0
            return out
        how = "yr_split via ctypes (binding not built)"
    best = None
    for _ in range(ROUNDS):
        t0 = time.process_time()
        df = pd.read_csv(path)
        df["amount"] = split(df["befolkning"].to_numpy())
        df.to_csv(os.devnull, index=False)
        t = time.process_time() - t0
        best = t if best is None else min(best, t)
    assert int(df["amount"].sum()) == total
    return best, how


def main():
    f = files()
    total = 10**12
    cmds = {
        "split": ([BIN, "split", "--total", str(total), f["split"]], [f["split"]]),
        "audit --csv": ([BIN, "audit", "--csv", f["audit"]], [f["audit"]]),
        "pot": ([BIN, "pot", "--attendance", f["pot_att"], "--trainers", f["pot_tr"]],
                [f["pot_att"], f["pot_tr"]]),
        "pot (290 muni.)": ([BIN, "pot", "--attendance", f["pot290_att"], "--trainers",
                             f["pot290_tr"]], [f["pot290_att"], f["pot290_tr"]]),
        "stats attendance": ([BIN, "stats", "attendance", f["attendance"]], [f["attendance"]]),
        "stats survey": ([BIN, "stats", "survey", f["survey"]], [f["survey"]]),
        "stats progress": ([BIN, "stats", "progress", f["progress"]], [f["progress"]]),
        "stats check": ([BIN, "stats", "check", f["check"]], [f["check"]]),
        "pot --check": ([BIN, "pot", "--check", f["check"]], [f["check"]]),
    }
    print(f"rows: {ROWS}, rounds: {ROUNDS} (best kept), binary: {BIN}")
    print(f"{'command':<18} {'input':>10} {'time':>9} {'peak RSS':>10} {'RSS/input':>9}  goal <= 3")
    worst = 0.0
    split_time = None
    for name, (cmd, inputs) in cmds.items():
        size = sum(os.path.getsize(p) for p in inputs)
        t, m, out = measure(cmd)
        if name == "split":
            s = sum(int(line.rsplit(b",", 1)[1]) for line in out.splitlines()[1:])
            assert s == total, s
            split_time = t
        ratio = m / size
        worst = max(worst, ratio)
        print(f"{name:<18} {size / 1e6:>8.1f}MB {t:>8.3f}s {m / 1e6:>8.1f}MB {ratio:>9.2f}  "
              f"{'met' if ratio <= 3 else 'NOT met'}")
    py, how = python_split(f["split"], total)
    print(f"\nsplit, {ROWS} rows: yrkesresa {split_time:.3f} s, pandas.read_csv + {how} + "
          f"to_csv {py:.3f} s: {py / split_time:.1f}x faster (goal >= 2x: "
          f"{'met' if py / split_time >= 2 else 'NOT met'})")
    print(f"largest RSS/input: {worst:.2f} (goal <= 3: {'met' if worst <= 3 else 'NOT met'})")
    shutil.rmtree(TMP)


if __name__ == "__main__":
    main()
