#!/usr/bin/env bash
# One version everywhere: meson's project(), the R DESCRIPTION, pyproject.toml (which takes it
# from meson), debian/changelog, CHANGELOG.md, the generated version.h, `yrkesresa --version`
# and, when they are built, yr_version() through Python and R. And one soname: each shared
# library's Debian package is named for it (policy 8.1: libyrkesresa.so.0.3 -> libyrkesresa0.3),
# and debian/ installs and generates the symbols file for that soname.
# Env: BUILD_DIR, SOURCE_DIR (meson test); YRKESRESA (the program, when built).
set -uo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
# shellcheck source=tests/check_lib.sh
source "$(dirname "$0")/check_lib.sh"
same() { # same WHAT VALUE: VALUE is meson's version
    check "$1 says '$2', meson says '$version'" [ "$2" = "$version" ]
}

version=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' \
    "$BUILD_DIR/meson-info/intro-projectinfo.json")
case $version in
[0-9]*.[0-9]*.[0-9]*) ;;
*) echo "FAIL: meson project version '$version' is not X.Y.Z"; exit 1 ;;
esac

same "bindings/r/DESCRIPTION" "$(sed -n 's/^Version: *//p' "$SOURCE_DIR/bindings/r/DESCRIPTION")"
same "CHANGELOG.md (first release heading)" \
    "$(sed -n 's/^## \[\([0-9][^]]*\)\].*/\1/p' "$SOURCE_DIR/CHANGELOG.md" | head -n 1)"
if [ -f "$SOURCE_DIR/debian/changelog" ]; then
    deb=$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$SOURCE_DIR/debian/changelog")
    same "debian/changelog (upstream part)" "${deb%-*}"
    for so in "$BUILD_DIR/lib/libyrkesresa.so" "$BUILD_DIR/lib/read/libyrkesresa-read.so"; do
        [ -e "$so" ] || continue
        soname=$(readelf -d "$so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
        name=${soname%%.so.*}
        sover=${soname#*.so.}
        case $name in *[0-9]) pkg=$name-$sover ;; *) pkg=$name$sover ;; esac
        check "debian/control has no package $pkg for $soname" \
            grep -qx "Package: $pkg" "$SOURCE_DIR/debian/control"
        check "debian/$pkg.install does not install $soname" \
            grep -qx "usr/lib/\*/$soname\*" "$SOURCE_DIR/debian/$pkg.install"
        check "debian/rules does not generate the symbols of $soname for $pkg" \
            grep -q "$soname $pkg" "$SOURCE_DIR/debian/rules"
    done
fi
# pyproject.toml: the version is dynamic (meson-python reads meson's), never written twice.
check "pyproject.toml must take the version from meson (dynamic = [\"version\"])" \
    grep -Eq '^dynamic *= *\[.*"version"' "$SOURCE_DIR/pyproject.toml"
check "pyproject.toml must not state a version of its own" \
    bash -c "! grep -Eq '^version *=' '$SOURCE_DIR/pyproject.toml'"
same "include/yrkesresa/version.h" "$(sed -n 's/^#define YR_VERSION_STRING "\(.*\)"/\1/p' \
    "$BUILD_DIR/include/yrkesresa/version.h")"
if [ -n "${YRKESRESA:-}" ]; then
    same "yrkesresa --version" "$("$YRKESRESA" --version | head -n 1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')"
fi
if [ -f "$BUILD_DIR/bindings/python/yrkesresa/__init__.py" ]; then
    same "Python yrkesresa.__version__" "$(cd "$BUILD_DIR/bindings/python" &&
        PYTHONPATH=. /usr/bin/python3 -c 'import yrkesresa; print(yrkesresa.__version__)')"
fi
if [ -d "$BUILD_DIR/bindings/r/library/yrkesresa" ]; then
    same "R yr_version()" "$(R_LIBS="$BUILD_DIR/bindings/r/library" Rscript -e \
        'suppressMessages(library(yrkesresa)); cat(yr_version())')"
    same "R packageVersion" "$(R_LIBS="$BUILD_DIR/bindings/r/library" Rscript -e \
        'cat(format(packageVersion("yrkesresa")))')"
fi
finish
