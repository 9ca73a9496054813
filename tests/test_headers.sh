#!/usr/bin/env bash
# Every public header compiles on its own, twice in a row, as strict C11 and as C++11 (gcc and
# clang when installed), declares its functions with C linkage, and documents each of them.
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
inc=(-I"$SOURCE_DIR/include" -I"$BUILD_DIR/include")
[ -f "$BUILD_DIR/include/yrkesresa/version.h" ] ||
    { echo "test_headers: $BUILD_DIR/include/yrkesresa/version.h not generated" >&2; exit 1; }

headers=(yrkesresa.h yrkesresa/common.h yrkesresa/version.h yrkesresa/split.h yrkesresa/audit.h
    yrkesresa/pot.h yrkesresa/stats.h yrkesresa/table.h)
# Every installed header of the source tree is in the list above.
for h in "$SOURCE_DIR"/include/yrkesresa/*.h; do
    name=yrkesresa/$(basename "$h")
    [[ " ${headers[*]} " == *" $name "* ]] || { echo "test_headers: $name not checked" >&2; exit 1; }
done

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
cat >"$tmp/link.cpp" <<'CPP'
#include "yrkesresa.h"
const void *yr_refs[] = {
    (const void *)&yr_strerror, (const void *)&yr_status_name, (const void *)&yr_version,
    (const void *)&yr_split, (const void *)&yr_split_mixed, (const void *)&yr_method_name,
    (const void *)&yr_method_from_name, (const void *)&yr_audit_split,
};
CPP
g++ -std=c++11 -c "${inc[@]}" "$tmp/link.cpp" -o "$tmp/link.o"
mangled=$(nm -u "$tmp/link.o" | awk '{ print $2 }' | grep -E '^_Z.*yr_' || true)
if [ -n "$mangled" ]; then
    echo "FAIL: C++ references mangled names (missing extern \"C\"): $mangled"
    fail=1
fi
missing=0
for f in yr_strerror yr_status_name yr_version yr_split yr_split_mixed yr_method_name \
    yr_method_from_name yr_audit_split; do
    nm -u "$tmp/link.o" | grep -qw "$f" || missing=1
done
[ "$missing" = 0 ] || { echo "FAIL: C++ TU does not reference the C names"; fail=1; }

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
    echo "test_headers: ${#headers[@]} headers OK with ${ccs[*]} (C11) and ${cxxs[*]} (C++11)"
fi
test "$fail" = 0
