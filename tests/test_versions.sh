#!/usr/bin/env bash
# One version everywhere: meson's project(), the R DESCRIPTION, pyproject.toml (which takes it
# from meson), debian/changelog, CHANGELOG.md, the generated version.h, `yrkesresa --version`
# and, when they are built, yr_version() through Python and R.
# Env: BUILD_DIR, SOURCE_DIR (meson test); YRKESRESA (the program, when built).
set -uo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
fail=0
pass=0
check() { # check WHAT VALUE
    if [ "$2" = "$version" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL: $1 says '$2', meson says '$version'"
        fail=$((fail + 1))
    fi
}

version=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' \
    "$BUILD_DIR/meson-info/intro-projectinfo.json")
case $version in
[0-9]*.[0-9]*.[0-9]*) ;;
*) echo "FAIL: meson project version '$version' is not X.Y.Z"; exit 1 ;;
esac

check "bindings/r/DESCRIPTION" "$(sed -n 's/^Version: *//p' "$SOURCE_DIR/bindings/r/DESCRIPTION")"
check "CHANGELOG.md (first release heading)" \
    "$(sed -n 's/^## \[\([0-9][^]]*\)\].*/\1/p' "$SOURCE_DIR/CHANGELOG.md" | head -n 1)"
if [ -f "$SOURCE_DIR/debian/changelog" ]; then
    deb=$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$SOURCE_DIR/debian/changelog")
    check "debian/changelog (upstream part)" "${deb%-*}"
fi
# pyproject.toml: the version is dynamic (meson-python reads meson's), never written twice.
if grep -Eq '^dynamic *= *\[.*"version"' "$SOURCE_DIR/pyproject.toml" &&
    ! grep -Eq '^version *=' "$SOURCE_DIR/pyproject.toml"; then
    pass=$((pass + 1))
else
    echo "FAIL: pyproject.toml must take the version from meson (dynamic = [\"version\"])"
    fail=$((fail + 1))
fi
check "include/yrkesresa/version.h" "$(sed -n 's/^#define YR_VERSION_STRING "\(.*\)"/\1/p' \
    "$BUILD_DIR/include/yrkesresa/version.h")"
if [ -n "${YRKESRESA:-}" ]; then
    check "yrkesresa --version" "$("$YRKESRESA" --version | head -n 1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')"
fi
if [ -f "$BUILD_DIR/bindings/python/yrkesresa/__init__.py" ]; then
    check "Python yrkesresa.__version__" "$(cd "$BUILD_DIR/bindings/python" &&
        PYTHONPATH=. /usr/bin/python3 -c 'import yrkesresa; print(yrkesresa.__version__)')"
fi
if [ -d "$BUILD_DIR/bindings/r/library/yrkesresa" ]; then
    check "R yr_version()" "$(R_LIBS="$BUILD_DIR/bindings/r/library" Rscript -e \
        'suppressMessages(library(yrkesresa)); cat(yr_version())')"
    check "R packageVersion" "$(R_LIBS="$BUILD_DIR/bindings/r/library" Rscript -e \
        'cat(format(packageVersion("yrkesresa")))')"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
