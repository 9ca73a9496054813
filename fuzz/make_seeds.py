#!/usr/bin/python3
"""Write the fuzz targets' seed corpora, generated from the real tables in data/.

    /usr/bin/python3 fuzz/make_seeds.py OUTDIR

Creates OUTDIR/TARGET/ with one file per seed, for every target of fuzz/meson.build. The binary formats are those
decoded by fuzz/fuzz_common.h (fz_int: a tag byte, then 1/2/4/8 little-endian bytes) and
described at the top of each fuzz_<target>.c.
"""
import csv
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
TOTAL_LABELS = {"summa", "totalt", "total", "sum"}


def fz_int(v):
    """Encode an int64 the way fz_int() reads it."""
    if 0 <= v < 1 << 8:
        return bytes([0]) + struct.pack("<B", v)
    if 0 <= v < 1 << 16:
        return bytes([1]) + struct.pack("<H", v)
    if 0 <= v < 1 << 32:
        return bytes([2]) + struct.pack("<I", v)
    if -(1 << 32) < v < 0:
        return bytes([2 | 4]) + struct.pack("<I", -v)
    return bytes([3]) + struct.pack("<q", v)


def read_table(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def body_and_total(rows):
    body = [r for r in rows if r and r[0].strip().lower() not in TOTAL_LABELS]
    total = [r for r in rows if r and r[0].strip().lower() in TOTAL_LABELS]
    return body, (total[0] if total else None)


def population():
    _, rows = read_table(os.path.join(DATA, "dalarna", "population-2021-06.csv"))
    return [(r[0], int(r[1])) for r in rows]


def published_splits():
    """(name, stated total, weights, published amounts) for every published split table."""
    pop = dict(population())
    out = []
    folder = os.path.join(DATA, "dalarna")
    for name in sorted(os.listdir(folder)):
        if not name.startswith("published-split-"):
            continue
        header, rows = read_table(os.path.join(folder, name))
        body, total = body_and_total(rows)
        cols = {h: i for i, h in enumerate(header)}
        amounts = [int(r[cols["amount"]]) for r in body]
        if "population" in cols:
            weights = [int(r[cols["population"]]) for r in body]
        else:  # the agreement lists no population: use June 2021's
            weights = [pop[r[0]] for r in body]
        stated = int(total[cols["amount"]]) if total else sum(amounts)
        out.append((name[:-4], stated, weights, amounts))
    return out


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def split_seeds(out):
    weights = [w for _, w in population()]
    for name, stated, w, _ in published_splits():
        for method in range(8):
            body = b"".join(fz_int(x) for x in w)
            write(out, f"{name}-m{method}", bytes([method]) + fz_int(stated) + body)
            write(out, f"{name}-m{method}-refund", bytes([method]) + fz_int(-stated) + body)
        # the mixed model: 30 % equally, 70 % by population
        write(out, f"{name}-mixed-30", bytes([0x80]) + fz_int(stated) + fz_int(30) +
              fz_int(100) + b"".join(fz_int(x) for x in w))
    # seats: 15 parties, 101 seats, each divisor method
    for method in range(2, 8):
        write(out, f"seats-101-m{method}", bytes([method]) + fz_int(101) +
              b"".join(fz_int(x) for x in weights))


def split_large_seeds(out):
    """fuzz_split_large generates its weights: a few thousand parties for every method, and for
    the divisor methods 32 768 parties with small quotas, where the first jump misses and the
    correction steps run. Weights up to Dalarna's largest municipality."""
    largest = max(w for _, w in population())

    def generated(method, log2, extra, total, zeros):
        return (bytes([method]) + fz_int(total) + bytes([log2, extra]) +
                struct.pack("<Q", 12345 + method) + fz_int(largest) + bytes([zeros]))

    for method in range(7):
        for log2, extra, total, zeros in ((11, 0, 3000, 20), (13, 7, 9000, 40)):
            write(out, f"generated-{(1 << log2) + extra}-m{method}",
                  generated(method, log2, extra, total, zeros))
    for method in range(2, 8):
        write(out, f"generated-32768-m{method}", generated(method, 15, 0, 30000, 20))
    write(out, "generated-mixed-30", bytes([0x80]) + fz_int(1030000) + fz_int(30) + fz_int(100) +
          bytes([12, 0]) + struct.pack("<Q", 99) + fz_int(largest) + bytes([10]))


def audit_seeds(out):
    for name, stated, w, amounts in published_splits():
        rows = b"".join(fz_int(x) + fz_int(a) for x, a in zip(w, amounts))
        write(out, f"{name}-as-published", bytes([7]) + fz_int(stated) + rows)
        # the same weights with each method's own split (deltas 0): matching tables
        for method in range(8):
            zero = b"".join(fz_int(x) + fz_int(0) for x in w)
            write(out, f"{name}-m{method}-exact", bytes([method]) + fz_int(stated) + zero)


def pot_seeds(out):
    """The example year (data/examples) as records; Dalarna rules and fuzzed rules."""
    folder = os.path.join(DATA, "examples")
    _, att = read_table(os.path.join(folder, "pot-2024-attendance.csv"))
    _, tr = read_table(os.path.join(folder, "pot-2024-trainers.csv"))
    days, munis = {}, {}

    def idx(table, key, limit=32):
        if key not in table:
            table[key] = len(table) % limit
        return table[key]

    records = b""
    for day, muni, participants in att:
        records += bytes([0, idx(days, day), idx(munis, muni)]) + fz_int(int(participants))
    for day, muni, role in tr:
        r = 1 if role.strip().lower() in ("kursledare", "leader") else 0
        records += bytes([1 | (r << 1), idx(days, day), idx(munis, muni)])
    nd, nm = min(len(days), 32), min(len(munis), 32)
    write(out, "example-2024-dalarna-rules", bytes([0x20, nd, nm]) + records)
    rules = fz_int(600) + fz_int(400) + fz_int(10) + fz_int(15)
    write(out, "example-2024-fuzzed-rules", bytes([0x00]) + rules + bytes([nd, nm]) + records)
    write(out, "example-2024-no-day-buffer", bytes([0x21, nd, nm]) + records)


def split_with_seeds(out):
    """The Dalarna population with each method and option: threshold 4 %, minimum 1 and maximum
    a third of the total, first divisor 1.4, ties reported; and a small tied case."""
    weights = [w for _, w in population()]
    n = len(weights)
    for m in range(8):
        for tie in range(3):
            head = m | tie << 3
            body = fz_int(1000) + bytes([n]) + b"".join(fz_int(w) for w in weights)
            write(out, f"dalarna-m{m}-t{tie}", bytes([head]) + body)
        opts = fz_int(4) + fz_int(100) + fz_int(14) + fz_int(10)
        bounds = b"".join(fz_int(w) + fz_int(1) + fz_int(334) for w in weights)
        write(out, f"dalarna-m{m}-all", bytes([m | 2 << 3 | 0xE0, 3]) + fz_int(1000) + opts +
              bytes([n]) + bounds)
        write(out, f"tied-m{m}", bytes([m | 2 << 3]) + fz_int(3) + bytes([2]) + fz_int(5) +
              fz_int(5))


def table_seeds(out):
    """The Dalarna population split into three cost items, and nested by two made-up groups."""
    weights = [w for _, w in population()]
    n = len(weights)
    items = [fz_int(t) for t in (850000, 2, 70)]
    write(out, "dalarna-table", bytes([0, 3, n]) + b"".join(items) +
          b"".join(fz_int(w) for w in weights))
    write(out, "dalarna-nested", bytes([1, n, 2]) + fz_int(850000) +
          b"".join(fz_int(w) + bytes([i % 2]) for i, w in enumerate(weights)))
    write(out, "matroid-example", bytes([0, 2, 7]) + fz_int(2) + fz_int(70) +
          b"".join(fz_int(w) for w in (3, 0, 226, 4, 816, 4, 5)))


def labels_seeds(out):
    """Municipality names, total labels, SCB code cells and fraction texts."""
    names = [name for name, _ in population()] + [
        "Summa", "Totalt:", " Dalarnas län ", "VÄSTRA GÖTALANDS LÄN:", "Hela länet", "Riket",
        "2080 Falun", "0114 Upplands V\u00e4sby", "Malung-S\u00e4len", " malung  s\u00e4len\u00a0",
        "MALUNG - S\u00c4LEN", "\u2009Falun\u202f", "\u3000Mora\u2007", "0,3", "30 %", "12,5 %",
        "3/10", " 3 / 10 ", ".5", "1", "-0.25", "0,0000000000000000001", "9223372036854775808"]
    for i, name in enumerate(names):
        write(out, f"{i:03d}", name.encode("utf-8"))
    write(out, "total-row", b"".join(fz_int(w) for w in (3, 4, 7, 0)))


def read_seeds(out):
    """fuzz_read: every input of the reading corpus (tests/reading) behind three option bytes:
    municipality and population wanted (0x03), unique (0x01), no other option; and once more
    with every role wanted (0xFF), a columns entry and other parties (0x60)."""
    corpus = os.path.join(ROOT, "tests", "reading")
    for name in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, name)
        if name.endswith((".expect", ".md", ".py")) or not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        write(out, name + ".mp", bytes([0x03, 0x01, 0x00]) + data)
        write(out, name + ".all", bytes([0xFF, 0x0F, 0x60]) + data)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_seeds.py OUTDIR")
    out = sys.argv[1]
    split_seeds(os.path.join(out, "split"))
    split_large_seeds(os.path.join(out, "split_large"))
    audit_seeds(os.path.join(out, "audit"))
    pot_seeds(os.path.join(out, "pot"))
    split_with_seeds(os.path.join(out, "split_with"))
    table_seeds(os.path.join(out, "table"))
    labels_seeds(os.path.join(out, "labels"))
    read_seeds(os.path.join(out, "read"))
    for t in ("split", "split_large", "split_with", "table", "labels", "audit", "pot", "read"):
        print(f"{t}: {len(os.listdir(os.path.join(out, t)))} seeds")


if __name__ == "__main__":
    main()
