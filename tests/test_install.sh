#!/usr/bin/env bash
# An install under a prefix of one's own runs without LD_LIBRARY_PATH: meson install into a
# DESTDIR (prefix /opt/yr), then the installed `yrkesresa` must load the installed
# libyrkesresa.so.0.3 through its relative RUNPATH ($ORIGIN/../lib/...), split the Dalarna table,
# and keep running when the whole tree is moved elsewhere. Also checks that the man pages and
# the bash completion are where man(1) and bash-completion look.
# Env: BUILD_DIR, SOURCE_DIR (meson test).
set -uo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/check_lib.sh
source "$(dirname "$0")/check_lib.sh"

prefix=$(/usr/bin/python3 -c 'import json, sys
o = {x["name"]: x["value"] for x in json.load(open(sys.argv[1]))}
print(o["prefix"], o["bindir"], o["libdir"], o["mandir"], o["datadir"])' \
    "$BUILD_DIR/meson-info/intro-buildoptions.json")
read -r prefix bindir libdir mandir datadir <<<"$prefix"
if [ "$prefix" = /usr ]; then
    echo "SKIP: prefix /usr has no RUNPATH by design (the library is on the default path)"
    exit 77
fi
rel() { case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }

# The C part only (the Python and R packages have tags of their own and no RUNPATH).
meson install -C "$BUILD_DIR" --destdir "$tmp/dest" --no-rebuild --quiet \
    --tags runtime,devel,man >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; echo "FAIL: meson install"; exit 1; }
root=$tmp/dest$prefix
exe=$tmp/dest$(rel "$bindir")/yrkesresa

# 1. The RUNPATH is relative to the program, and names the installed libdir.
runpath=$(readelf -d "$exe" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
# shellcheck disable=SC2016 # a literal $ORIGIN
case $runpath in
'$ORIGIN'/*) ok ;;
*) bad "RUNPATH of the installed program is '$runpath', expected \$ORIGIN/..." ;;
esac
check "no libyrkesresa.so.0.3 in libdir" [ -e "$tmp/dest$(rel "$libdir")/libyrkesresa.so.0.3" ]

# 2. It runs with no LD_LIBRARY_PATH, and loads the installed copy, not the build tree's.
run_from() { # run_from EXE: split the Dalarna table, check the sum and the library path
    local out sum lib
    if ! out=$(env -u LD_LIBRARY_PATH "$1" split --total 850000 \
        "$SOURCE_DIR/data/dalarna/population-2021-06.csv" 2>"$tmp/err"); then
        bad "$1 failed: $(cat "$tmp/err")"
        return
    fi
    sum=$(printf '%s\n' "$out" | awk -F, 'NR > 1 && $1 !~ /^(Summa|Totalt|Total|Sum)$/ { s += $NF }
        END { printf "%.0f", s }')
    check "$1: the rows add to $sum, not 850000" [ "$sum" = 850000 ]
    lib=$(env -u LD_LIBRARY_PATH ldd "$1" | sed -n 's/.*libyrkesresa\.so\.0\.3 => \([^ ]*\).*/\1/p')
    case $(readlink -f "$lib") in
    "$(readlink -f "$2")"/*) ok ;;
    *) bad "$1 loads libyrkesresa from '$lib', not from under $2" ;;
    esac
}
run_from "$exe" "$root"
want=$(sed -n 's/^#define YR_VERSION_STRING "\(.*\)"/\1/p' "$BUILD_DIR/include/yrkesresa/version.h")
check "--version of the installed program" [ "$(env -u LD_LIBRARY_PATH "$exe" --version)" = "$want" ]

# 3. Relocatable: the same tree moved to another directory still runs.
mv "$root" "$tmp/moved"
run_from "$tmp/moved/${exe#"$root"/}" "$tmp/moved"
mv "$tmp/moved" "$root"

# 4. Man pages and completion where man(1) and bash-completion look.
for page in man1/yrkesresa.1 man3/libyrkesresa.3 man3/yr_split.3; do
    if [ -f "$BUILD_DIR/docs/${page#*/}" ]; then
        check "$page not installed" [ -f "$tmp/dest$(rel "$mandir")/$page" ]
    fi
done
check "bash completion not installed" [ -f "$tmp/dest$(rel "$datadir")/bash-completion/completions/yrkesresa" ]

finish
