#!/usr/bin/env bash
# A should-fail test that checks WHAT failed, not just that something did:
#   bash tests/expect_fail.sh STATUS LINE COMMAND [ARGS...]
# passes when COMMAND exits with exactly STATUS and one line of its output (stdout or stderr) is
# exactly LINE; any other failure (a missing file, a crash, another message) fails the test.
set -u
want_rc=${1:?usage: expect_fail.sh STATUS LINE COMMAND [ARGS...]}
want_line=${2:?usage: expect_fail.sh STATUS LINE COMMAND [ARGS...]}
shift 2
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne "$want_rc" ]; then
    echo "expect_fail: exit $rc, expected $want_rc"
    exit 1
fi
if ! grep -qxF -- "$want_line" <<<"$out"; then
    echo "expect_fail: no line '$want_line' in the output above"
    exit 1
fi
echo "expect_fail: failed as it must (exit $rc, '$want_line')"
