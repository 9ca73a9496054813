#!/usr/bin/env bash
# Every public header compiles on its own, twice in a row, as strict C11 and as C++11 (gcc and
# clang when installed), declares its functions with C linkage, and documents each of them.
# Two libraries, each checked against its own map and umbrella:
#   - libyrkesresa: every header of include/yrkesresa/ but the reader's; the umbrella
#     include/yrkesresa.h includes each, include/meson.build installs each, bindings/yrkesresa.i
#     %includes each, and every YR_API function is in lib/yrkesresa.map;
#   - libyrkesresa-read: the headers that use YR_READ_API (read.h, identity.h), whose umbrella is
#     yrkesresa/read.h (identity.h includes it); they are NOT in yrkesresa.h nor in the core's
#     SWIG interface, lib/read/meson.build installs them, and every YR_READ_API function is in
#     lib/read/yrkesresa-read.map.
# The functions checked for C linkage are every symbol of both maps (a new export is covered
# without editing this file).
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
inc=(-I"$SOURCE_DIR/include" -I"$BUILD_DIR/include")
[ -f "$BUILD_DIR/include/yrkesresa/version.h" ] ||
    { echo "test_headers: $BUILD_DIR/include/yrkesresa/version.h not generated" >&2; exit 1; }

headers=(yrkesresa.h yrkesresa/version.h)
core=()
reader=()
for h in "$SOURCE_DIR"/include/yrkesresa/*.h; do
    name=yrkesresa/$(basename "$h")
    headers+=("$name")
    if grep -q 'YR_READ_API' "$h"; then reader+=("$name"); else core+=("$name"); fi
done
[ "${#reader[@]}" -gt 0 ] || { echo "test_headers: no reader headers (YR_READ_API)" >&2; exit 1; }
# The core's umbrella includes every core header, include/meson.build installs it and SWIG wraps
# it; the reader's headers are in none of these three.
for h in yrkesresa/version.h "${core[@]}"; do
    grep -q "#include \"$h\"" "$SOURCE_DIR/include/yrkesresa.h" ||
        { echo "test_headers: include/yrkesresa.h does not include $h" >&2; exit 1; }
done
for h in "${core[@]}"; do
    grep -q "'$h'" "$SOURCE_DIR/include/meson.build" ||
        { echo "test_headers: $h is not in include/meson.build" >&2; exit 1; }
    grep -q "%include \"$h\"" "$SOURCE_DIR/bindings/yrkesresa.i" ||
        { echo "test_headers: $h is not %included by bindings/yrkesresa.i" >&2; exit 1; }
done
for h in "${reader[@]}"; do
    if grep -q "#include \"$h\"" "$SOURCE_DIR/include/yrkesresa.h" ||
        grep -q "%include \"$h\"" "$SOURCE_DIR/bindings/yrkesresa.i"; then
        echo "test_headers: the reader's $h is in the core's umbrella or SWIG interface" >&2
        exit 1
    fi
    grep -q "include/$h'" "$SOURCE_DIR/lib/read/meson.build" ||
        { echo "test_headers: $h is not installed by lib/read/meson.build" >&2; exit 1; }
    [ "$h" = yrkesresa/read.h ] || grep -q '#include "yrkesresa/read.h"' "$SOURCE_DIR/include/$h" ||
        { echo "test_headers: $h does not include its umbrella yrkesresa/read.h" >&2; exit 1; }
done
# Every function a header declares with YR_API (YR_READ_API) is in its library's map (so it is
# exported and versioned; check-symbols.sh checks the other direction).
symbols=()
# map_check MAP MACRO HEADER...
map_check() {
    local map=$1 macro=$2
    shift 2
    local syms declared unlisted
    syms=$(bash "$SOURCE_DIR/tests/map-symbols.sh" "$map" | awk '{ print $1 }' | sort -u)
    [ -n "$syms" ] || { echo "test_headers: no symbols in $map" >&2; exit 1; }
    declared=$(grep -ho "^$macro[^(]*(" "$@" | sed 's/($//; s/.*[ *]//' | sort -u)
    unlisted=$(comm -23 <(echo "$declared") <(echo "$syms"))
    [ -z "$unlisted" ] || { echo "test_headers: declared but not in $map:" $unlisted >&2; exit 1; }
    mapfile -t -O "${#symbols[@]}" symbols < <(echo "$syms")
}
core_files=("$SOURCE_DIR/include/yrkesresa/version.h.in")
for h in "${core[@]}"; do core_files+=("$SOURCE_DIR/include/$h"); done
reader_files=()
for h in "${reader[@]}"; do reader_files+=("$SOURCE_DIR/include/$h"); done
map_check "$SOURCE_DIR/lib/yrkesresa.map" YR_API "${core_files[@]}"
map_check "$SOURCE_DIR/lib/read/yrkesresa-read.map" YR_READ_API "${reader_files[@]}"

ccs=(gcc)
command -v clang >/dev/null && ccs+=(clang)
cxxs=(g++)
command -v clang++ >/dev/null && cxxs+=(clang++)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for h in "${headers[@]}"; do
    printf '#include "%s"\n#include "%s"\nint yr_header_check_dummy;\n' "$h" "$h" >"$tmp/t.c"
    cp "$tmp/t.c" "$tmp/t.cpp"
    for cc in "${ccs[@]}"; do
        if ! "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only "${inc[@]}" "$tmp/t.c"; then
            echo "FAIL: $h alone with $cc -std=c11"
            fail=1
        fi
    done
    for cxx in "${cxxs[@]}"; do
        if ! "$cxx" -std=c++11 -pedantic -Wall -Wextra -Werror -fsyntax-only "${inc[@]}" \
            "$tmp/t.cpp"; then
            echo "FAIL: $h alone with $cxx -std=c++11"
            fail=1
        fi
    done
done

# C linkage: a C++ translation unit's references to the API must be the unmangled C names.
{
    echo '#include "yrkesresa.h"'
    for h in "${reader[@]}"; do echo "#include \"$h\""; done
    echo 'const void *yr_refs[] = {'
    printf '    (const void *)&%s,\n' "${symbols[@]}"
    echo '};'
} >"$tmp/link.cpp"
g++ -std=c++11 -c "${inc[@]}" "$tmp/link.cpp" -o "$tmp/link.o"
mangled=$(nm -u "$tmp/link.o" | awk '{ print $2 }' | grep -E '^_Z.*yr_' || true)
if [ -n "$mangled" ]; then
    echo "FAIL: C++ references mangled names (missing extern \"C\"): $mangled"
    fail=1
fi
nm -u "$tmp/link.o" | awk '{ print $2 }' | sort -u >"$tmp/refs"
for f in "${symbols[@]}"; do
    grep -qx "$f" "$tmp/refs" || { echo "FAIL: the C++ TU does not reference the C name $f"; fail=1; }
done

# Every YR_API / YR_READ_API function declaration is preceded by a /** ... */ doc comment.
for h in "$SOURCE_DIR"/include/yrkesresa/*.h "$SOURCE_DIR"/include/yrkesresa/version.h.in; do
    awk -v file="$h" '
        /\/\*\*/ { indoc = 1 }
        /\*\// { if (indoc) { lastdoc = NR } indoc = 0 }
        /^YR_(READ_)?API/ {
            if (lastdoc != prev) { printf "FAIL: %s:%d: API declaration without a /** */ comment\n", file, NR; bad = 1 }
        }
        NF { prev = NR }
        END { exit bad }' "$h" || fail=1
done

if [ "$fail" = 0 ]; then
    echo "test_headers: ${#headers[@]} headers OK with ${ccs[*]} (C11) and ${cxxs[*]} (C++11);" \
        "the ${#symbols[@]} symbols of both maps have C linkage"
fi
test "$fail" = 0
