#!/usr/bin/env bash
# Every public header compiles on its own, twice in a row, as strict C11 and as C++11 (gcc and
# clang when installed), declares its functions with C linkage, and documents each of them.
# The headers are every public header of the source tree; the functions checked for C linkage are
# every symbol of lib/yrkesresa.map (so a new export is covered without editing this file).
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
inc=(-I"$SOURCE_DIR/include" -I"$BUILD_DIR/include")
[ -f "$BUILD_DIR/include/yrkesresa/version.h" ] ||
    { echo "test_headers: $BUILD_DIR/include/yrkesresa/version.h not generated" >&2; exit 1; }

headers=(yrkesresa.h yrkesresa/version.h)
for h in "$SOURCE_DIR"/include/yrkesresa/*.h; do
    headers+=("yrkesresa/$(basename "$h")")
done
# The umbrella header includes every public header.
for h in "${headers[@]:1}"; do
    grep -q "#include \"$h\"" "$SOURCE_DIR/include/yrkesresa.h" ||
        { echo "test_headers: include/yrkesresa.h does not include $h" >&2; exit 1; }
done
# ... and every header of the source tree is installed and wrapped by SWIG.
for h in "$SOURCE_DIR"/include/yrkesresa/*.h; do
    name=yrkesresa/$(basename "$h")
    grep -q "'$name'" "$SOURCE_DIR/include/meson.build" ||
        { echo "test_headers: $name is not in include/meson.build" >&2; exit 1; }
    grep -q "%include \"$name\"" "$SOURCE_DIR/bindings/yrkesresa.i" ||
        { echo "test_headers: $name is not %included by bindings/yrkesresa.i" >&2; exit 1; }
done
mapfile -t symbols < <(bash "$SOURCE_DIR/tests/map-symbols.sh" "$SOURCE_DIR/lib/yrkesresa.map" |
    awk '{ print $1 }' | sort -u)
[ "${#symbols[@]}" -gt 0 ] || { echo "test_headers: no symbols in lib/yrkesresa.map" >&2; exit 1; }
# Every function a header declares with YR_API is in the map (so it is exported and versioned;
# check-symbols.sh checks the other direction).
declared=$(grep -ho '^YR_API[^(]*(' "$SOURCE_DIR"/include/yrkesresa/*.h \
    "$SOURCE_DIR"/include/yrkesresa/version.h.in | sed 's/($//; s/.*[ *]//' | sort -u)
unlisted=$(comm -23 <(echo "$declared") <(printf '%s\n' "${symbols[@]}"))
[ -z "$unlisted" ] || { echo "test_headers: declared but not in lib/yrkesresa.map:" $unlisted >&2; exit 1; }

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

# Every YR_API function declaration is preceded by a /** ... */ doc comment.
for h in "$SOURCE_DIR"/include/yrkesresa/*.h "$SOURCE_DIR"/include/yrkesresa/version.h.in; do
    awk -v file="$h" '
        /\/\*\*/ { indoc = 1 }
        /\*\// { if (indoc) { lastdoc = NR } indoc = 0 }
        /^YR_API/ {
            if (lastdoc != prev) { printf "FAIL: %s:%d: YR_API declaration without a /** */ comment\n", file, NR; bad = 1 }
        }
        NF { prev = NR }
        END { exit bad }' "$h" || fail=1
done

if [ "$fail" = 0 ]; then
    echo "test_headers: ${#headers[@]} headers OK with ${ccs[*]} (C11) and ${cxxs[*]} (C++11);" \
        "the ${#symbols[@]} symbols of the map have C linkage"
fi
test "$fail" = 0
