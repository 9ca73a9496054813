#!/usr/bin/env bash
# A newcomer's first command reaches for no network and prints nothing alarming: the configure
# step of `bash scripts/bootstrap.sh demo` (YR_CONFIGURE_ONLY=1, no apt), run in a network
# namespace of its own (no interface but a downed loopback), on a machine made to look fresh:
# pkg-config without cmocka.pc and no CMake for meson to find cmocka with (the test suites'
# dependencies are the test mode's business). It must succeed, print no line matching
# fatal/error/Cloning/download, and meson must not have tried to fetch anything.
# Skipped, saying why, where no network namespace can be made (not root, no unshare).
# Env: SOURCE_DIR (meson test).
set -uo pipefail
: "${SOURCE_DIR:?}"
# shellcheck source=tests/check_lib.sh
source "$(dirname "$0")/check_lib.sh"

if ! command -v unshare >/dev/null; then
    echo "SKIP: unshare (util-linux) is not installed: no network namespace to configure in"
    exit 77
fi
if ! unshare -n true 2>/dev/null; then
    echo "SKIP: 'unshare -n' is refused here (it needs root or user namespaces): no network" \
        "namespace to configure in"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# pkg-config's own search path, less cmocka.
mkdir "$tmp/pc"
IFS=: read -r -a pcdirs <<<"$(pkg-config --variable pc_path pkg-config)"
for d in "${pcdirs[@]}"; do
    for f in "$d"/*.pc; do
        [ -e "$f" ] && [ "$(basename "$f")" != cmocka.pc ] && ln -sf "$f" "$tmp/pc/"
    done
done

out=$(unshare -n env YR_NO_APT=1 YR_CONFIGURE_ONLY=1 BUILD_DIR="$tmp/build" \
    PKG_CONFIG_LIBDIR="$tmp/pc" PKG_CONFIG_PATH= CMAKE=/bin/false \
    bash "$SOURCE_DIR/scripts/bootstrap.sh" demo 2>&1)
rc=$?
check "the demo's configure step failed offline (exit $rc): $out" [ $rc = 0 ]
bad_lines=$(grep -Ei 'fatal|error|cloning|download' <<<"$out")
check "the demo's configure step printed: $bad_lines" [ -z "$bad_lines" ]
log=$tmp/build/meson-logs/meson-log.txt
check "no meson log at $log" [ -f "$log" ]
fetched=$(grep -Ei 'cloning into|fatal:|downloading|could not resolve' "$log")
check "meson tried the network: $fetched" [ -z "$fetched" ]
echo "offline configure of the demo: $(printf "%s" "$out" | grep -c "") line(s) of output, exit $rc"
finish
