#!/usr/bin/python3
"""`yrkesresa stats count --by ...` against pandas read_csv + groupby([...]).size() (issue 16).

Generates a learning-platform export (one row per person and course: person, municipality,
course, term, date) with a fixed seed, checks that both give the same counts, then times each
side as a whole run from the file (ours: the program, process start included; theirs: read_csv
and groupby in this process), alternating round by round and keeping the minimum. Both wall time
and CPU time (user + system; ours from the child's rusage) are reported: on a loaded machine the
CPU times are the steadier ratio.

    /usr/bin/python3 bench/bench_stats_count.py --program BUILD/tools/yrkesresa [--records N]
        [--rounds R] [--by municipality,course]
"""
import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

import pandas as pd

DALARNA = ["Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika",
           "Malung-Sälen", "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro",
           "Älvdalen"]
COURSES = ["Kurs 1", "Kurs 2", "Kurs 3", "Kurs 4"]
TERMS = ["vårtermin", "hösttermin"]  # not a status: a status column that differs (pågående,
# avslutad) says whether a row takes part and is refused unless counted by (read.h rule 9)


def generate(path, n, seed=16):
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("person,municipality,course,termin,date\n")
        lines = []
        for i in range(n):
            lines.append("P%07d,%s,%s,%s,2025-%02d-%02d\n" % (
                i, rnd.choice(DALARNA), rnd.choice(COURSES), rnd.choice(TERMS),
                rnd.randint(1, 12), rnd.randint(1, 28)))
            if len(lines) == 100000:
                f.write("".join(lines))
                lines.clear()
        f.write("".join(lines))


def ours(program, path, by):
    out = subprocess.run([program, "stats", "count", "--long", "--by", by, path],
                         check=True, capture_output=True, text=True).stdout
    counts = {}
    for line in out.splitlines()[1:]:
        cells = line.split(",")
        if cells[0] in ("Summa", "Totalt"):
            continue
        counts[tuple(cells[:-1])] = int(cells[-1])
    return counts


def theirs(path, by):
    df = pd.read_csv(path)
    return df.groupby(by.split(",")).size()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--program", required=True)
    ap.add_argument("--records", type=int, default=2000000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--by", default="municipality,course")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "records.csv")
        generate(path, a.records)
        size = os.path.getsize(path)
        mine = ours(a.program, path, a.by)
        ref = theirs(path, a.by)
        want = {(k if isinstance(k, tuple) else (k,)): int(v) for k, v in ref.items()}
        if mine != want:
            sys.exit("bench_stats_count: the counts differ from pandas")
        w_ours, w_theirs, c_ours, c_theirs = [], [], [], []
        for _ in range(a.rounds):
            r0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            ours(a.program, path, a.by)
            r1, t1 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            w_ours.append(t1 - t0)
            c_ours.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
            c0, t0 = time.process_time(), time.perf_counter()
            theirs(path, a.by)
            w_theirs.append(time.perf_counter() - t0)
            c_theirs.append(time.process_time() - c0)
        print("stats count --by %s: %d records (%.1f MB), %d groups, %d rounds (min)"
              % (a.by, a.records, size / 1e6, len(mine), a.rounds))
        print("                           wall        CPU")
        print("  yrkesresa stats count   %7.3f s  %7.3f s" % (min(w_ours), min(c_ours)))
        print("  pandas read_csv+groupby %7.3f s  %7.3f s   (pandas %s)"
              % (min(w_theirs), min(c_theirs), pd.__version__))
        rw, rc = min(w_theirs) / min(w_ours), min(c_theirs) / min(c_ours)
        print("  ratio wall %.2fx, CPU %.2fx (goal >= 3x: %s)"
              % (rw, rc, "met" if min(rw, rc) >= 3 else "NOT met"))


if __name__ == "__main__":
    main()
