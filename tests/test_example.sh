#!/usr/bin/env bash
# Install the build into a temporary DESTDIR, check what was installed, then build
# examples/split_coordinator_2023.c against the installed copy with pkg-config, as a user would,
# run it and check its output (rows add to 850 000; Orsa 20 452).
# Env: BUILD_DIR, SOURCE_DIR (set by meson test).
set -euo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest

# Install directories, sanitizers and the C compiler of this build (from meson's introspection).
eval "$(/usr/bin/python3 - "$BUILD_DIR" <<'PY'
import json, os, shlex, sys
info = os.path.join(sys.argv[1], "meson-info")
opts = {o["name"]: o["value"] for o in json.load(open(os.path.join(info, "intro-buildoptions.json")))}
cc = "cc"
for t in json.load(open(os.path.join(info, "intro-targets.json"))):
    for s in t.get("target_sources", []):
        if s.get("language") == "c" and s.get("compiler"):
            cc = s["compiler"][0]
            break
    else:
        continue
    break
san = opts.get("b_sanitize", "none")
for k, v in [("prefix", opts["prefix"]), ("libdir", opts["libdir"]),
             ("includedir", opts["includedir"]), ("bindir", opts["bindir"]),
             ("san", "" if san == "none" else "-fsanitize=" + san), ("build_cc", cc)]:
    print(f"{k}={shlex.quote(v)}")
PY
)"
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
case $includedir in /*) ;; *) includedir=$prefix/$includedir ;; esac
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac

meson install -C "$BUILD_DIR" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; echo "test_example: meson install failed" >&2; exit 1; }

fail=0
need() {
    if [ ! -e "$dest$1" ]; then
        echo "NOT INSTALLED: $1"
        fail=1
    fi
}
for h in yrkesresa.h yrkesresa/common.h yrkesresa/version.h yrkesresa/split.h yrkesresa/audit.h \
    yrkesresa/pot.h yrkesresa/stats.h; do
    need "$includedir/$h"
done
need "$libdir/libyrkesresa.so"
need "$libdir/libyrkesresa.so.0.3"
need "$libdir/libyrkesresa.a"
need "$libdir/pkgconfig/yrkesresa.pc"
if [ -e "$BUILD_DIR/tools/yrkesresa" ]; then
    need "$bindir/yrkesresa"
    [ -x "$dest$bindir/yrkesresa" ] || { echo "NOT EXECUTABLE: $bindir/yrkesresa"; fail=1; }
fi
# Private headers stay private.
if find "$dest" -name 'wide.h' -o -name 'apportion.h' | grep -q .; then
    echo "INSTALLED A PRIVATE HEADER: $(find "$dest" -name wide.h -o -name apportion.h)"
    fail=1
fi
[ "$fail" = 0 ] || exit 1

# Build the example against the installed copy only.
export PKG_CONFIG_PATH=$dest$libdir/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_LIBDIR=$dest$libdir/pkgconfig
flags=$(pkg-config --cflags --libs yrkesresa)
echo "pkg-config --cflags --libs yrkesresa: $flags"
case $flags in *"$dest"*) ;; *) echo "test_example: pkg-config does not point into $dest" >&2; exit 1 ;; esac
# shellcheck disable=SC2086
"$build_cc" -std=c11 -Wall -Wextra -Wpedantic -Werror $san \
    "$SOURCE_DIR/examples/split_coordinator_2023.c" $flags -o "$tmp/example"

export LD_LIBRARY_PATH=$dest$libdir
# The program loads the installed library, not the build tree's.
loaded=$(ldd "$tmp/example" | awk '/libyrkesresa/ { print $3 }')
case $loaded in "$dest"*) ;; *) echo "test_example: loads '$loaded', not the installed copy" >&2; exit 1 ;; esac

"$tmp/example" >"$tmp/out"
cat "$tmp/out"
check() {
    if ! eval "$1"; then
        echo "test_example: check failed: $2" >&2
        fail=1
    fi
}
rows=$(awk '$NF ~ /^[0-9]+$/ && $1 != "Sum" && $1 != "(libyrkesresa" { n++; s += $NF } END { print n, s }' "$tmp/out")
check '[ "$rows" = "15 850000" ]' "15 rows adding to 850000 (got: $rows)"
check 'grep -Eq "^Orsa +6939 +20452$" "$tmp/out"' "Orsa 20452"
check 'grep -Eq "^Sum +288382 +850000$" "$tmp/out"' "Sum 288382 850000"
check 'grep -q "Borlänge" "$tmp/out"' "UTF-8 names kept"

# The static library works on its own too.
# shellcheck disable=SC2086
"$build_cc" -std=c11 $san -I"$dest$includedir" "$SOURCE_DIR/examples/split_coordinator_2023.c" \
    "$dest$libdir/libyrkesresa.a" -lm -o "$tmp/example-static"
env -u LD_LIBRARY_PATH "$tmp/example-static" >"$tmp/out-static"
check 'cmp -s "$tmp/out" "$tmp/out-static"' "static build prints the same"

# The installed CLI, when built, resolves the installed library.
if [ -e "$dest$bindir/yrkesresa" ]; then
    cli_lib=$(ldd "$dest$bindir/yrkesresa" | awk '/libyrkesresa/ { print $3 }')
    check 'case $cli_lib in "$dest"*) true ;; *) false ;; esac' "bin/yrkesresa loads the installed library (got '$cli_lib')"
fi
[ "$fail" = 0 ] && echo "test_example: installed copy OK, example output checked"
test "$fail" = 0
