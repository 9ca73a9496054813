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

# 1. CMake against an installed prefix.
if command -v cmake >/dev/null; then
    prefix=$(/usr/bin/python3 -c 'import json, sys
print({x["name"]: x["value"] for x in json.load(open(sys.argv[1]))}["prefix"])' \
        "$BUILD_DIR/meson-info/intro-buildoptions.json")
    if meson install -C "$BUILD_DIR" --destdir "$tmp/dest" --no-rebuild --quiet \
        --tags runtime,devel >"$tmp/install.log" 2>&1; then ok; else
        cat "$tmp/install.log"
        bad "meson install"
    fi
    root=$tmp/dest$prefix
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
        sed "s/find_package(yrkesresa 0.3 REQUIRED)/find_package(yrkesresa $want REQUIRED)/" \
            "$consumer/CMakeLists.txt" >"$tmp/cmake/CMakeLists.txt"
        if cmake -S "$tmp/cmake" -B "$tmp/cmake/build-$want" -DCMAKE_PREFIX_PATH="$root" \
            >"$tmp/cmake-$want.log" 2>&1; then
            bad "CMake: find_package(yrkesresa $want) accepted version 0.3"
        else
            check "CMake: find_package(yrkesresa $want) failed for another reason: $(cat "$tmp/cmake-$want.log")" \
                grep -q "compatible with requested version \"$want\"" "$tmp/cmake-$want.log"
        fi
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
finish
