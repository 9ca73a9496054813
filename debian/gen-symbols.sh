#!/bin/sh
# The dpkg symbols file of one shared library, generated from its version script, so it follows
# the library:
#   gen-symbols.sh MAP SONAME PACKAGE DEV-PACKAGE > debian/PACKAGE.symbols
#   gen-symbols.sh lib/yrkesresa.map libyrkesresa.so.0.3 libyrkesresa0.3 libyrkesresa-dev
#   gen-symbols.sh lib/read/yrkesresa-read.map libyrkesresa-read.so.0.3 libyrkesresa-read0.3 \
#       libyrkesresa-read-dev
# Every symbol is tagged with the upstream release that first had it in this soname: X.Y.0 for
# a node YRKESRESA_X.Y or YRKESRESA_READ_X.Y, but never before X.Y.0 of the soname's own X.Y
# (the first release of libyrkesresa.so.0.3 is 0.3.0: yr_where grew in 0.3, CHANGELOG.md).
# Upstream versions only, never a Debian revision (lintian:
# symbols-file-contains-current-version-with-debian-revision). dpkg-gensymbols (check level 4,
# debian/rules) fails the build when the library exports anything else or misses anything listed.
set -eu
map=$1
soname=$2
package=$3
dev=$4
soname_first=${soname##*.so.}
case $soname_first in
[0-9]*.[0-9]*) ;;
*)
    echo "gen-symbols.sh: soname '$soname' does not end in .so.X.Y" >&2
    exit 2
    ;;
esac
echo "$soname $package #MINVER#"
echo "* Build-Depends-Package: $dev"
awk -v first="$soname_first" '
    function since(v) { split(v, a, "."); split(first, b, "."); return (a[1] + 0 < b[1] + 0 || (a[1] + 0 == b[1] + 0 && a[2] + 0 < b[2] + 0)) ? first : v }
    { sub(/\/\*.*\*\//, "") }
    /^[ \t]*YRKESRESA_([A-Z]+_)?[0-9]+\.[0-9]+[ \t]*\{/ {
        node = $1; sub(/\{.*/, "", node)
        ver = node; sub(/^YRKESRESA_([A-Z]+_)?/, "", ver); ver = since(ver)
        printf " %s@%s %s.0\n", node, node, ver
        inglobal = 0; next
    }
    /global:/ { inglobal = 1; next }
    /local:/ { inglobal = 0; next }
    /\}/ { inglobal = 0; next }
    inglobal && /^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*;/ {
        sym = $1; sub(/;.*/, "", sym)
        printf " %s@%s %s.0\n", sym, node, ver
    }' "$map"
