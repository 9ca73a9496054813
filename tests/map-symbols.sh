#!/usr/bin/env bash
# Print "SYMBOL NODE" for every symbol listed under global: in a version script (lib/yrkesresa.map),
# one per line, NODE being the version node it belongs to (YRKESRESA_0.1, YRKESRESA_0.2, ...).
# Used by check-symbols.sh and test_headers.sh, so both follow the map.
set -euo pipefail
awk '
    { sub(/\/\*.*\*\//, "") }                      # one-line comments
    /^[A-Za-z0-9_.]+[[:space:]]*\{/ { node = $1; sub(/\{.*/, "", node); section = ""; next }
    /global:/ { section = "global"; next }
    /local:/ { section = "local"; next }
    /^[[:space:]]*\}/ { section = ""; next }
    section == "global" {
        gsub(/[[:space:];]/, "")
        if ($0 != "") print $0, node
    }' "${1:?usage: map-symbols.sh MAP}"
