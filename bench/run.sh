#!/usr/bin/env bash
# The one benchmark command (issue 7): builds an optimised tree, runs the C, Python and R
# benchmarks one after another and prints one table of goals (benchmark, size, ours, theirs,
# ratio, goal, met?). Goals are ratios measured in this run; nothing here is a test.
#
#   bash bench/run.sh [--quick] [--build-dir DIR]
#
# --quick      small sizes, a smoke run (well under a minute once built)
# --build-dir  where to configure and build (default: /tmp/yrkesresa-bench-build); an existing
#              build directory is reused as it is
set -euo pipefail

quick=""
build_dir="${BENCH_BUILD_DIR:-/tmp/yrkesresa-bench-build}"
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick="--quick" ;;
    --build-dir)
        [ $# -ge 2 ] || { echo "run.sh: --build-dir needs a directory" >&2; exit 2; }
        build_dir="$2"
        shift
        ;;
    -h | --help)
        sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

src_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=/usr/bin/python3

# ---- build -----------------------------------------------------------------------------------
if [ ! -f "$build_dir/build.ninja" ]; then
    echo "== configuring $build_dir (release build)" >&2
    meson setup "$build_dir" "$src_dir" -Dbuildtype=release -Db_ndebug=true -Dtests=disabled \
        -Dpython=auto -Dpython_interpreter="$python" -Dr=auto >"$build_dir.setup.log" 2>&1 ||
        { cat "$build_dir.setup.log" >&2; exit 1; }
fi
echo "== building $build_dir" >&2
ninja -C "$build_dir" -j2 >"$build_dir.ninja.log" 2>&1 || { tail -30 "$build_dir.ninja.log" >&2; exit 1; }

# ---- machine ---------------------------------------------------------------------------------
cc_line="$(sed -n 's/^.*C compiler for the host machine: \(.*\)$/\1/p' "$build_dir/meson-logs/meson-log.txt" | head -1)"
echo "## Machine"
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM"
echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "- compiler: ${cc_line:-unknown}; buildtype $(meson introspect --buildoptions "$build_dir" |
    $python -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))')"
echo "- Python $($python -c 'import sys; print(sys.version.split()[0])'), R $(R --version 2>/dev/null | head -1 | awk '{print $3}')"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), git $(git -C "$src_dir" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo

goals="$(mktemp)"
trap 'rm -f "$goals"' EXIT

# Run a benchmark, show its tables, keep its GOAL lines.
run() {
    local title="$1"
    shift
    echo "## $title"
    echo '```'
    local out
    if ! out="$("$@" 2>&1)"; then
        printf '%s\n' "$out" | grep -v '^GOAL|'
        echo '```'
        echo "run.sh: '$title' failed" >&2
        echo "GOAL|$title|-|-|-|-|-|FAILED" >>"$goals"
        return 0
    fi
    printf '%s\n' "$out" | grep -v '^GOAL|' || true
    echo '```'
    echo
    printf '%s\n' "$out" | grep '^GOAL|' >>"$goals" || true
}

run "C: yr_split" "$build_dir/bench/bench_split" $quick
run "C: yr_crosstab" "$build_dir/bench/bench_crosstab" $quick
run "C: yr_split_table" "$build_dir/bench/bench_table" $quick
run "C: yr_split_with (issue 15)" "$build_dir/bench/bench_split_options" $quick
run "C: divisor methods, fewer units than parties (issue 23)" "$build_dir/bench/bench_few_units" $quick
# The stats engineer's micro-benchmark: record orders (uniform, sorted, by row), yr_count_by and
# the rejected validate-then-count design, on 10^7 records (10^6 with --quick).
if [ -x "$build_dir/bench/crosstab_c" ]; then
    run "C: yr_crosstab by record order (bench/crosstab_c.c)" \
        "$build_dir/bench/crosstab_c" "$([ -n "$quick" ] && echo 1000000 || echo 10000000)"
fi

# Python: the built package lives in the build tree (bindings/python/yrkesresa/).
py_init="$(find "$build_dir/bindings/python" -path '*/yrkesresa/__init__.py' 2>/dev/null | head -1 || true)"
if [ -n "$py_init" ]; then
    py_path="$(dirname "$(dirname "$py_init")")"
    run "Python: yrkesresa vs numpy and pandas" \
        env PYTHONPATH="$py_path" "$python" "$src_dir/bench/bench_python.py" $quick
else
    echo "## Python: skipped (no built package under $build_dir/bindings/python)"
    echo "GOAL|Python benchmarks|-|-|-|-|-|SKIPPED" >>"$goals"
fi

# R: the package installed into a library in the build tree.
r_desc="$(find "$build_dir/bindings/r" -path '*/yrkesresa/Meta/package.rds' 2>/dev/null | head -1 || true)"
if [ -n "$r_desc" ] && command -v Rscript >/dev/null; then
    r_lib="$(dirname "$(dirname "$(dirname "$r_desc")")")"
    run "R: yrkesresa vs base R" Rscript "$src_dir/bench/bench_r.R" "$r_lib" $quick
else
    echo "## R: skipped (no installed package under $build_dir/bindings/r)"
    echo "GOAL|R benchmarks|-|-|-|-|-|SKIPPED" >>"$goals"
fi

# ---- the table -------------------------------------------------------------------------------
echo "## Goals${quick:+ (--quick: small sizes, not the goal sizes)}"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
$python - "$goals" <<'EOF'
import sys
rows = [line.rstrip("\n").split("|")[1:] for line in open(sys.argv[1]) if line.startswith("GOAL|")]
head = ["benchmark", "size", "ours", "theirs", "ratio", "goal", "met?"]
rows = [r + [""] * (len(head) - len(r)) for r in rows]
width = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, width)) + " |"
print(line(head))
print("|" + "|".join("-" * (w + 2) for w in width) + "|")
for r in rows:
    print(line(r))
met = sum(r[6] == "yes" for r in rows)
counted = sum(r[6] != "-" for r in rows)
print(f"\n{met} of {counted} goals met" + ("" if counted == len(rows) else
      f" ({len(rows) - counted} row(s) for information, no goal)"))
EOF
