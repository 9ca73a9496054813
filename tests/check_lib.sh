# shellcheck shell=bash
# Counters for the distribution checks (tests/test_{install,man,versions,completion}.sh and
# scripts/test-debian.sh), which `source` it: ok, bad MESSAGE, check MESSAGE COMMAND...,
# and finish, which prints 'N passed, N failed' and exits 0 exactly when nothing failed.
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
    echo "FAIL: $*"
    fail=$((fail + 1))
}
check() { # check MESSAGE COMMAND...: ok when COMMAND succeeds, else bad MESSAGE
    local m=$1
    shift
    if "$@"; then ok; else bad "$m"; fi
}
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}
