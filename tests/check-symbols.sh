#!/usr/bin/env bash
# Each shared library's exported ABI equals its map file, every symbol carries the version node
# it is listed under (YRKESRESA_0.1, ..., YRKESRESA_READ_0.3), every map symbol is declared in
# one of the library's public headers, and the soname carries the ABI major version:
#   libyrkesresa.so       lib/yrkesresa.map            every header but the reader's
#   libyrkesresa-read.so  lib/read/yrkesresa-read.map  the headers that use YR_READ_API
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t read_headers < <(grep -l 'YR_READ_API' "$SOURCE_DIR"/include/yrkesresa/*.h)
core_headers=("$SOURCE_DIR"/include/yrkesresa.h "$SOURCE_DIR"/include/yrkesresa/version.h.in)
for h in "$SOURCE_DIR"/include/yrkesresa/*.h; do
    grep -q 'YR_READ_API' "$h" || core_headers+=("$h")
done

status=0
# check LABEL SO MAP SONAME HEADER...
check() {
    local label=$1 so=$2 map=$3 soname_want=$4
    shift 4
    local headers=("$@")
    [ -e "$so" ] || { echo "check-symbols: $so not built" >&2; status=1; return; }
    bash "$SOURCE_DIR/tests/map-symbols.sh" "$map" | sort -u >"$tmp/nodes"
    awk '{ print $1 }' "$tmp/nodes" | sort -u >"$tmp/map"
    local nodes
    nodes=$(awk '{ print $2 }' "$tmp/nodes" | sort -u | tr '\n' ' ')
    nm -D --defined-only "$so" | awk '$2 != "A" { print $3 }' >"$tmp/raw"
    sed 's/@.*//' "$tmp/raw" | sort -u >"$tmp/exported"
    local bad=0 missing extra unversioned soname n
    missing=$(comm -23 "$tmp/map" "$tmp/exported")
    extra=$(comm -13 "$tmp/map" "$tmp/exported")
    if [ -n "$missing" ]; then
        echo "MISSING: listed in $label's map but not exported by $(basename "$so"):"
        echo "$missing" | sed 's/^/  /'
        bad=1
    fi
    if [ -n "$extra" ]; then
        echo "EXTRA: exported by $(basename "$so") but not listed in $label's map:"
        echo "$extra" | sed 's/^/  /'
        bad=1
    fi
    awk '{ print $1 "@@" $2 }' "$tmp/nodes" | sort -u >"$tmp/want"
    sort -u "$tmp/raw" >"$tmp/got"
    unversioned=$(comm -13 "$tmp/want" "$tmp/got")
    if [ -n "$unversioned" ]; then
        echo "UNVERSIONED: exported without the node it is listed under in $label's map:"
        echo "$unversioned" | sed 's/^/  /'
        bad=1
    fi
    while read -r sym; do
        if ! grep -Eq "(^|[^A-Za-z0-9_])$sym[[:space:]]*\(" "${headers[@]}"; then
            echo "UNDECLARED: $sym is in $label's map but in none of its public headers"
            bad=1
        fi
    done <"$tmp/map"
    soname=$(readelf -d "$so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
    if [ "$soname" != "$soname_want" ]; then
        echo "SONAME: expected $soname_want, got '$soname'"
        bad=1
    fi
    n=$(wc -l <"$tmp/map")
    [ "$bad" = 0 ] &&
        echo "check-symbols: the $n symbols of $label's map are exactly its exported ABI ($nodes)"
    [ "$bad" = 0 ] || status=1
}

# The soname carries the ABI version (0.3: yr_where grew, CHANGELOG.md); the reader shares the
# project's soversion (meson.build).
check libyrkesresa "$BUILD_DIR/lib/libyrkesresa.so" "$SOURCE_DIR/lib/yrkesresa.map" \
    libyrkesresa.so.0.3 "${core_headers[@]}"
check libyrkesresa-read "$BUILD_DIR/lib/read/libyrkesresa-read.so" \
    "$SOURCE_DIR/lib/read/yrkesresa-read.map" libyrkesresa-read.so.0.3 "${read_headers[@]}"
test "$status" = 0
