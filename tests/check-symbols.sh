#!/usr/bin/env bash
# The shared library's exported ABI equals lib/yrkesresa.map, every symbol carries the version
# node it is listed under (YRKESRESA_0.1, YRKESRESA_0.2, ...), and every map symbol is declared
# in a public header.
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
so=$BUILD_DIR/lib/libyrkesresa.so
map=$SOURCE_DIR/lib/yrkesresa.map
[ -e "$so" ] || { echo "check-symbols: $so not built" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "SYMBOL NODE" for every name under global:, and the names alone.
bash "$SOURCE_DIR/tests/map-symbols.sh" "$map" | sort -u >"$tmp/nodes"
awk '{ print $1 }' "$tmp/nodes" | sort -u >"$tmp/map"
nodes=$(awk '{ print $2 }' "$tmp/nodes" | sort -u | tr '\n' ' ')

# Defined dynamic symbols, without the version node's own absolute symbol.
nm -D --defined-only "$so" | awk '$2 != "A" { print $3 }' >"$tmp/raw"
sed 's/@.*//' "$tmp/raw" | sort -u >"$tmp/exported"

status=0
missing=$(comm -23 "$tmp/map" "$tmp/exported")
extra=$(comm -13 "$tmp/map" "$tmp/exported")
if [ -n "$missing" ]; then
    echo "MISSING: listed in lib/yrkesresa.map but not exported by libyrkesresa.so:"
    echo "$missing" | sed 's/^/  /'
    status=1
fi
if [ -n "$extra" ]; then
    echo "EXTRA: exported by libyrkesresa.so but not listed in lib/yrkesresa.map:"
    echo "$extra" | sed 's/^/  /'
    status=1
fi

# Every exported symbol is bound to the version node it is listed under.
awk '{ print $1 "@@" $2 }' "$tmp/nodes" | sort -u >"$tmp/want"
sort -u "$tmp/raw" >"$tmp/got"
unversioned=$(comm -13 "$tmp/want" "$tmp/got")
if [ -n "$unversioned" ]; then
    echo "UNVERSIONED: exported without the node it is listed under in the map:"
    echo "$unversioned" | sed 's/^/  /'
    status=1
fi

# Every map symbol is declared (as a function) in a public header.
headers=("$SOURCE_DIR"/include/yrkesresa.h "$SOURCE_DIR"/include/yrkesresa/*.h
    "$SOURCE_DIR"/include/yrkesresa/version.h.in)
while read -r sym; do
    if ! grep -Eq "(^|[^A-Za-z0-9_])$sym[[:space:]]*\(" "${headers[@]}"; then
        echo "UNDECLARED: $sym is in lib/yrkesresa.map but in no public header"
        status=1
    fi
done <"$tmp/map"

# The soname carries the ABI version (0.3: yr_where grew, CHANGELOG.md).
soname=$(readelf -d "$so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
if [ "$soname" != "libyrkesresa.so.0.3" ]; then
    echo "SONAME: expected libyrkesresa.so.0.3, got '$soname'"
    status=1
fi

n=$(wc -l <"$tmp/map")
if [ "$status" = 0 ]; then
    echo "check-symbols: the $n symbols of lib/yrkesresa.map are exactly the exported ABI ($nodes)"
fi
test "$status" = 0
