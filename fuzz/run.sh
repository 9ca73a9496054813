#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each for a while.
#
#   bash fuzz/run.sh [--ci] [--time SECONDS] [--coverage] [TARGET...]
#
# TARGET: split, split_large, split_with, table, labels, audit, pot, read, xlsx
# (default: all).
# --time: seconds per target (default 600, the ten-minute local run); --ci: 8 s per target
# (64 s in all, plus the build).
# --coverage: no fuzzing; replay each target's corpus through a source-coverage build and print
# the line coverage of the files it exercises (needs llvm-profdata and llvm-cov).
# Env: FUZZ_BUILD_DIR (default build-fuzz), CC (default clang).
# Seeds come from data/ (fuzz/make_seeds.py); the growing corpus is kept in
# $FUZZ_BUILD_DIR/fuzz/corpus/TARGET, findings in $FUZZ_BUILD_DIR/fuzz/artifacts/, and the
# reproducers of fixed findings in fuzz/regressions/TARGET are replayed first.
# Ends with 'N passed, N failed'; exits non-zero on any finding or build failure.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=600
coverage=0
targets=()
while [ $# -gt 0 ]; do
    case $1 in
    --ci) seconds=8 ;;
    --time)
        seconds=${2:?--time needs a number of seconds}
        shift
        ;;
    --coverage) coverage=1 ;;
    -h | --help)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    split | split_large | split_with | table | labels | audit | pot | read | xlsx) targets+=("$1") ;;
    *)
        echo "run.sh: unknown argument '$1' (try --help)" >&2
        exit 2
        ;;
    esac
    shift
done
if [ ${#targets[@]} -eq 0 ]; then
    targets=(split split_large split_with table labels audit pot read xlsx)
fi

build=${FUZZ_BUILD_DIR:-build-fuzz}
export CC=${CC:-clang}
if [ ! -f "$build/build.ninja" ]; then
    setup_log=$(mktemp)
    if ! meson setup "$build" -Dfuzz=true -Dtests=disabled -Dpython=disabled -Dr=disabled \
        >"$setup_log" 2>&1; then
        cat "$setup_log"
        rm -f "$setup_log"
        echo "0 passed, 1 failed"
        exit 1
    fi
    rm -f "$setup_log"
fi
names=()
for t in "${targets[@]}"; do names+=("fuzz/fuzz_$t"); done
if ! ninja -C "$build" -j2 "${names[@]}" >"$build/fuzz-build.log" 2>&1; then
    cat "$build/fuzz-build.log"
    echo "0 passed, 1 failed"
    exit 1
fi

# Seeds of this run only (several runs may share the build directory).
mkdir -p "$build/fuzz"
seeds=$(mktemp -d "$build/fuzz/seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
/usr/bin/python3 fuzz/make_seeds.py "$seeds" >/dev/null &&
    /usr/bin/python3 tests/read/make_xlsx.py --seeds "$seeds/xlsx" >/dev/null || {
    echo "make_seeds.py failed"
    echo "0 passed, 1 failed"
    exit 1
}

# Line coverage of the library sources reached by the corpus (replayed, not fuzzed).
if [ $coverage -eq 1 ]; then
    profdata=$(command -v llvm-profdata || command -v llvm-profdata-14)
    llvmcov=$(command -v llvm-cov || command -v llvm-cov-14)
    if [ -z "$profdata" ] || [ -z "$llvmcov" ]; then
        echo "--coverage needs llvm-profdata and llvm-cov (apt install llvm-14)"
        exit 2
    fi
    cov="$build/fuzz/coverage"
    mkdir -p "$cov"
    for t in "${targets[@]}"; do
        srcs=(lib/*.c lib/internal/*.c)
        files=(lib/split.c lib/internal/apportion.c lib/internal/divisor.c)
        extra=()
        libs=()
        main="fuzz/fuzz_$t.c"
        case $t in
        split_large)
            main=fuzz/fuzz_split.c
            extra=(-DFZ_GENERATED)
            ;;
        audit) files=(lib/audit.c) ;;
        pot) files=(lib/pot.c) ;;
        split_with) ;;
        table) files=(lib/table.c) ;;
        labels) files=(lib/labels.c lib/number.c) ;;
        read)
            files=(lib/read/csv.c lib/read/table.c lib/read/grammar.c lib/read/columns.c
                lib/read/values.c lib/read/aggregate.c lib/read/reading.c lib/read/report.c)
            srcs+=(lib/read/*.c)
            extra=(-Ilib/read -lzip -lexpat -lutf8proc)
            ;;
        xlsx)
            files=(lib/read/xlsx*.c)
            srcs=("${files[@]}")
            extra=(-Ilib/read)
            libs=(-lzip -lexpat)
            ;;
        esac
        "$CC" -O1 -g -fprofile-instr-generate -fcoverage-mapping -fsanitize=fuzzer "${extra[@]}" \
            -Iinclude -I"$build/include" -Ilib -Ifuzz -Itools/yrkesresa "$main" \
            "${srcs[@]}" -lm "${libs[@]}" -o "$cov/cov_$t" || exit 1
        dirs=("$build/fuzz/corpus/$t" "$seeds/$t")
        [ -d "fuzz/regressions/$t" ] && dirs+=("fuzz/regressions/$t")
        LLVM_PROFILE_FILE="$cov/$t.profraw" "$cov/cov_$t" -runs=0 "${dirs[@]}" >/dev/null 2>&1
        "$profdata" merge -o "$cov/$t.profdata" "$cov/$t.profraw" || exit 1
        echo "fuzz_$t (corpus of $(ls "$build/fuzz/corpus/$t" 2>/dev/null | wc -l) inputs + seeds):"
        "$llvmcov" report "$cov/cov_$t" -instr-profile="$cov/$t.profdata" "${files[@]}" |
            awk 'NR > 2 && $1 != "" && $1 !~ /^-/ {printf "    %-28s lines %s  branches %s\n", $1, $10, $13}'
    done
    exit 0
fi

passed=0
failed=0
for t in "${targets[@]}"; do
    corpus="$build/fuzz/corpus/$t"
    artifacts="$build/fuzz/artifacts"
    log="$build/fuzz/$t.log"
    mkdir -p "$corpus" "$artifacts"
    dirs=("$corpus" "$seeds/$t")
    [ -d "fuzz/regressions/$t" ] && dirs+=("fuzz/regressions/$t")
    maxlen=4096
    [ "$t" = read ] && maxlen=16384
    [ "$t" = xlsx ] && maxlen=65536
    # -timeout: one input taking 10 s is a finding (a hang or a quadratic path);
    # -rss_limit_mb: so is memory beyond 2 GB.
    "$build/fuzz/fuzz_$t" "${dirs[@]}" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=$maxlen -print_final_stats=1 \
        -artifact_prefix="$artifacts/$t-" >"$log" 2>&1
    rc=$?
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | awk '{print $2}')
    ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | awk '{print $2}')
    corp=$(echo "$last" | grep -oE 'corp: [0-9]+' | awk '{print $2}')
    if [ $rc -eq 0 ]; then
        echo "fuzz_$t: ok, ${runs:-?} executions in ${seconds} s, coverage ${cov:-?} edges" \
            "(${ft:-?} features), corpus ${corp:-?} inputs"
        passed=$((passed + 1))
    else
        echo "fuzz_$t: FINDING (exit $rc) after ${runs:-?} executions; log $log"
        grep -E 'invariant failed|runtime error|ERROR: |SUMMARY|Test unit written' "$log" |
            head -n 8 | sed 's/^/    /'
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
