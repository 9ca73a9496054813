#!/bin/sh
# The dpkg symbols file of libyrkesresa0, generated from the version script, so it follows the
# library: every symbol of node YRKESRESA_X.Y is tagged with the first release that has it,
# X.Y.0. dpkg-gensymbols (check level 4, debian/rules) fails the build when the library
# exports anything else or misses anything listed.
#   gen-symbols.sh lib/yrkesresa.map UPSTREAM_VERSION > debian/libyrkesresa0.symbols
set -eu
map=$1
echo "libyrkesresa.so.0 libyrkesresa0 #MINVER#"
echo "* Build-Depends-Package: libyrkesresa-dev"
awk '
    /^[ \t]*YRKESRESA_[0-9]+\.[0-9]+[ \t]*\{/ {
        node = $1; sub(/\{.*/, "", node)
        ver = node; sub(/^YRKESRESA_/, "", ver)
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
