#!/bin/sh
# The dpkg symbols file of libyrkesresa0.3, generated from the version script, so it follows the
# library: every symbol is tagged with the first release of this soname that has it: X.Y.0 for
# node YRKESRESA_X.Y, but never before 0.3.0, the first release of libyrkesresa.so.0.3 (yr_where
# grew in 0.3: CHANGELOG.md). dpkg-gensymbols (check level 4, debian/rules) fails the build when
# the library exports anything else or misses anything listed.
#   gen-symbols.sh lib/yrkesresa.map UPSTREAM_VERSION > debian/libyrkesresa0.3.symbols
set -eu
map=$1
soname_first=0.3
echo "libyrkesresa.so.0.3 libyrkesresa0.3 #MINVER#"
echo "* Build-Depends-Package: libyrkesresa-dev"
awk -v first="$soname_first" '
    function since(v) { split(v, a, "."); split(first, b, "."); return (a[1] + 0 < b[1] + 0 || (a[1] + 0 == b[1] + 0 && a[2] + 0 < b[2] + 0)) ? first : v }
    /^[ \t]*YRKESRESA_[0-9]+\.[0-9]+[ \t]*\{/ {
        node = $1; sub(/\{.*/, "", node)
        ver = node; sub(/^YRKESRESA_/, "", ver); ver = since(ver)
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
