#!/usr/bin/env bash
# A C project of a user's builds examples/split_coordinator_2023.c with the build files of
# tests/consumer/ and runs it:
#  1. CMake: `find_package(yrkesresa 0.3)` and the target yrkesresa::yrkesresa against a
#     `meson install` into a temporary prefix (the installed yrkesresaConfig.cmake and
#     yrkesresaConfigVersion.cmake); the program must load the installed library. A request for
#     a version this one does not satisfy (0.1, 0.2, 0.4, 1.0) must fail. Skipped when there is no
#     cmake (Debian: cmake; bootstrap.sh test installs it).
#  2. meson: `dependency('yrkesresa', fallback: ...)` with this source tree as the subproject
#     (subprojects/yrkesresa is a symlink to it), offline (--wrap-mode=nodownload).
#  3. The reader, libyrkesresa-read: tests/consumer/read/read_population.c reads
#     tests/consumer/read/population.csv and splits 100 000 kr with the core, built against the
#     same installed prefix by CMake (`find_package(yrkesresa-read 0.3)`, target yrkesresa::read,
#     which brings yrkesresa::yrkesresa) and by a Makefile through `pkg-config yrkesresa-read`.
# Env: BUILD_DIR, SOURCE_DIR (meson test).
set -uo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/check_lib.sh
source "$(dirname "$0")/check_lib.sh"
consumer=$SOURCE_DIR/tests/consumer
example=$SOURCE_DIR/examples/split_coordinator_2023.c

# check_run EXE LIBDIR WHAT: EXE prints the Dalarna split adding to 850000 and loads
# libyrkesresa.so.0.3 from under LIBDIR.
check_run() {
    local out lib
    if ! out=$(env -u LD_LIBRARY_PATH "$1" 2>&1); then
        bad "$3: the program failed: $out"
        return
    fi
    check "$3: Orsa is not 20452 in: $out" grep -Eq '^Orsa +6939 +20452$' <<<"$out"
    check "$3: the sum is not 850000" grep -Eq '^Sum +288382 +850000$' <<<"$out"
    lib=$(env -u LD_LIBRARY_PATH ldd "$1" | sed -n 's/.*libyrkesresa\.so\.0\.3 => \([^ ]*\).*/\1/p')
    case $(readlink -f "$lib") in
    "$(readlink -f "$2")"/*) ok ;;
    *) bad "$3: the program loads libyrkesresa from '$lib', not from under $2" ;;
    esac
}

# The installed prefix that the CMake and pkg-config projects use.
prefix=$(/usr/bin/python3 -c 'import json, sys
print({x["name"]: x["value"] for x in json.load(open(sys.argv[1]))}["prefix"])' \
    "$BUILD_DIR/meson-info/intro-buildoptions.json")
if meson install -C "$BUILD_DIR" --destdir "$tmp/dest" --no-rebuild --quiet \
    --tags runtime,devel >"$tmp/install.log" 2>&1; then ok; else
    cat "$tmp/install.log"
    bad "meson install"
fi
root=$tmp/dest$prefix

# check_refused NAME DIR CMAKELISTS WANT: CMAKELISTS (which asks for NAME 0.3), copied to DIR
# asking for NAME WANT, fails to configure because the installed 0.3 is not compatible with WANT.
check_refused() {
    local name=$1 dir=$2 want=$4
    sed "s/find_package($name 0.3 REQUIRED)/find_package($name $want REQUIRED)/" "$3" \
        >"$dir/CMakeLists.txt"
    if cmake -S "$dir" -B "$dir/build-$want" -DCMAKE_PREFIX_PATH="$root" \
        >"$dir/cmake-$want.log" 2>&1; then
        bad "CMake: find_package($name $want) accepted version 0.3"
    else
        check "CMake: find_package($name $want) failed for another reason: $(cat "$dir/cmake-$want.log")" \
            grep -q "compatible with requested version \"$want\"" "$dir/cmake-$want.log"
    fi
}

# 1. CMake against an installed prefix.
if command -v cmake >/dev/null; then
    config=$(find "$root" -name yrkesresaConfig.cmake)
    check "no yrkesresaConfig.cmake installed under $root" [ -n "$config" ]
    check "no yrkesresaConfigVersion.cmake beside $config" \
        [ -f "$(dirname "$config")/yrkesresaConfigVersion.cmake" ]
    mkdir "$tmp/cmake"
    cp "$consumer/CMakeLists.txt" "$example" "$tmp/cmake/"
    if cmake -S "$tmp/cmake" -B "$tmp/cmake/build" -DCMAKE_PREFIX_PATH="$root" \
        >"$tmp/cmake.log" 2>&1 && cmake --build "$tmp/cmake/build" >>"$tmp/cmake.log" 2>&1; then
        check_run "$tmp/cmake/build/split_coordinator_2023" "$root" "CMake"
    else
        cat "$tmp/cmake.log"
        bad "CMake: the example does not build against the installed prefix"
    fi
    # The version file: 0.3 is met; a minor release before 1.0 may break the ABI (0.3 did: the
    # soname is libyrkesresa.so.0.3), so 0.1, 0.2 and 0.4 are not, nor 1.0.
    for want in 0.1 0.2 0.4 1.0; do
        check_refused yrkesresa "$tmp/cmake" "$consumer/CMakeLists.txt" "$want"
    done
else
    echo "SKIP: cmake is not installed: the CMake consumer is not built (apt-get install cmake)"
fi

# 2. meson, this tree as a subproject.
mkdir -p "$tmp/meson/subprojects"
cp "$consumer/meson.build" "$example" "$tmp/meson/"
ln -s "$SOURCE_DIR" "$tmp/meson/subprojects/yrkesresa"
if meson setup "$tmp/meson/build" "$tmp/meson" --force-fallback-for=yrkesresa \
    --wrap-mode=nodownload >"$tmp/meson.log" 2>&1 &&
    ninja -C "$tmp/meson/build" split_coordinator_2023 >>"$tmp/meson.log" 2>&1; then
    check_run "$tmp/meson/build/split_coordinator_2023" "$tmp/meson/build/subprojects/yrkesresa" \
        "meson subproject"
else
    tail -n 40 "$tmp/meson.log"
    bad "meson: the example does not build with yrkesresa as a subproject"
fi

# 3. The reader through CMake and through pkg-config.
reader=$SOURCE_DIR/tests/consumer/read
# The split of 100 000 kr by 6939, 7033 and 6790 (sum 20762), worked by hand: quotas 33421.64,
# 33874.39, 32703.98; the 2 kr left go to the largest remainders, Vansbro's .98 and Orsa's .64.
want_read=$'Orsa 6939 33422\nÄlvdalen 7033 33874\nVansbro 6790 32704\nSum 20762 100000'
# check_read EXE WHAT [LIBDIR]: EXE reads population.csv, prints want_read and loads both
# libraries from under $root (LIBDIR: the LD_LIBRARY_PATH it needs, for a build without RUNPATH).
check_read() {
    local out libs lib
    if ! out=$(LD_LIBRARY_PATH=${3:-} "$1" "$reader/population.csv" 2>&1); then
        bad "$2: read_population failed: $out"
        return
    fi
    check "$2: read_population printed '$out', not '$want_read'" [ "$out" = "$want_read" ]
    libs=$(LD_LIBRARY_PATH=${3:-} ldd "$1")
    for lib in libyrkesresa-read.so.0.3 libyrkesresa.so.0.3; do
        case $(readlink -f "$(sed -n "s/.*$lib => \([^ ]*\).*/\1/p" <<<"$libs")") in
        "$(readlink -f "$root")"/*) ok ;;
        *) bad "$2: read_population does not load $lib from under $root: $libs" ;;
        esac
    done
}
if command -v cmake >/dev/null; then
    mkdir "$tmp/read-cmake"
    cp "$reader/CMakeLists.txt" "$reader/read_population.c" "$tmp/read-cmake/"
    if cmake -S "$tmp/read-cmake" -B "$tmp/read-cmake/build" -DCMAKE_PREFIX_PATH="$root" \
        >"$tmp/read-cmake.log" 2>&1 && cmake --build "$tmp/read-cmake/build" >>"$tmp/read-cmake.log" 2>&1; then
        check_read "$tmp/read-cmake/build/read_population" "CMake (yrkesresa::read)"
    else
        cat "$tmp/read-cmake.log"
        bad "CMake: read_population does not build with find_package(yrkesresa-read)"
    fi
    # Its version file is the core's rule: 0.4 is not 0.3.
    check_refused yrkesresa-read "$tmp/read-cmake" "$reader/CMakeLists.txt" 0.4
fi
pc=$(find "$root" -name yrkesresa-read.pc)
check "no yrkesresa-read.pc installed under $root" [ -n "$pc" ]
mkdir "$tmp/read-pc"
cp "$reader/Makefile" "$reader/read_population.c" "$tmp/read-pc/"
# The installed .pc files name $prefix: the sysroot maps it into the destdir; the system's
# directories stay on the path for libzip, expat and libutf8proc (Requires.private).
if PKG_CONFIG_SYSROOT_DIR=$tmp/dest PKG_CONFIG_PATH=$(dirname "$pc") \
    make -C "$tmp/read-pc" >"$tmp/read-pc.log" 2>&1; then
    check_read "$tmp/read-pc/read_population" "pkg-config (yrkesresa-read)" \
        "$(dirname "$(dirname "$pc")")"
else
    cat "$tmp/read-pc.log"
    bad "pkg-config: read_population does not build with pkg-config yrkesresa-read"
fi
finish
