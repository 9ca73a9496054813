# shellcheck shell=bash
# Shared setup and checks for the `yrkesresa` program tests (test_cli*.sh), which `source` it.
# Needs BUILD_DIR and SOURCE_DIR (meson sets both). Skips (exit 77) when the program is not built.
# Provides: $BIN, $TMP (removed on exit), the counters $pass and $fail, ok, bad, check, run_bin,
# run, the expect_* checks and finish. A script ends with `finish NAME` as its last command (no
# `exit`), so its status is 0 exactly when no check failed.
set -u
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
BIN="$BUILD_DIR/tools/yrkesresa"
if [ ! -x "$BIN" ]; then
    echo "SKIP: $BIN not built"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}
check() { # check DESCRIPTION CONDITION...
    local d="$1"
    shift
    if "$@"; then ok; else bad "$d"; fi
}

# run_bin ARGS...: runs the program; sets $rc, $out (stdout), $err (stderr), and $TMP/out, $TMP/err.
run_bin() {
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    out=$(cat "$TMP/out")
    err=$(cat "$TMP/err")
}
# run ARGS...: run_bin; a script testing one subcommand redefines it as `run_bin SUBCOMMAND "$@"`.
run() { run_bin "$@"; }

expect_rc() { # name expected
    if [ "$rc" -eq "$2" ]; then ok; else bad "$1: exit $rc, expected $2 (stderr: $err)"; fi
}
expect_out() { # name expected-stdout
    if [ "$out" == "$2" ]; then ok; else bad "$1: stdout was"$'\n'"$out"$'\n'"expected"$'\n'"$2"; fi
}
expect_out_has() { # name substring
    if [[ "$out" == *"$2"* ]]; then ok; else bad "$1: stdout lacks '$2':"$'\n'"$out"; fi
}
expect_out_lacks() { # name substring
    if [[ "$out" != *"$2"* ]]; then ok; else bad "$1: stdout has '$2'"; fi
}
expect_err_has() { # name substring
    if [[ "$err" == *"$2"* ]]; then ok; else bad "$1: stderr lacks '$2': $err"; fi
}
# An input error: exit 2, nothing on stdout, stderr contains the substring (e.g. FILE:LINE).
expect_input_error() { # name substring-of-stderr
    expect_rc "$1" 2
    if [ -z "$out" ]; then ok; else bad "$1: stdout not empty: $out"; fi
    expect_err_has "$1" "$2"
}

# finish NAME: the summary line; its status (0 when nothing failed) is the script's exit status.
finish() {
    echo "$1: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
