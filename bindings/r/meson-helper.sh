#!/bin/sh
# meson's side of the R package (bindings/r/meson.build); by hand, use prepare.sh + R CMD.
#
#   meson-helper.sh build VERSION SWIG OUTDIR TARBALL STAMP
#       prepare.sh into OUTDIR/yrkesresa, R CMD build there (-> TARBALL), then R CMD INSTALL the
#       tarball into OUTDIR/library (the build-tree library the 'r' test suite uses); STAMP last.
#   meson-helper.sh install TARBALL LIBDIR
#       R CMD INSTALL the tarball into $DESTDIR$LIBDIR (meson install).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
R=${R:-R}

# Run a command quietly; show its output only when it fails.
quiet() {
    log=$1
    shift
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "meson-helper.sh: failed: $*" >&2
        exit 1
    fi
}

case ${1:-} in
build)
    [ $# -eq 6 ] || { echo "usage: $0 build VERSION SWIG OUTDIR TARBALL STAMP" >&2; exit 2; }
    version=$2 swig=$3 outdir=$4 tarball=$5 stamp=$6
    rm -f "$stamp"
    mkdir -p "$outdir"
    outdir=$(cd "$outdir" && pwd)
    quiet "$outdir/prepare.log" "$here/prepare.sh" --version "$version" --swig "$swig" \
        "$outdir/yrkesresa"
    (cd "$outdir" && quiet "$outdir/build.log" "$R" CMD build --no-build-vignettes --no-manual \
        yrkesresa)
    built=$outdir/yrkesresa_$version.tar.gz
    tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
    [ "$built" = "$tarball" ] || cp "$built" "$tarball"
    rm -rf "$outdir/library"
    mkdir -p "$outdir/library"
    quiet "$outdir/install.log" "$R" CMD INSTALL --no-multiarch -l "$outdir/library" "$tarball"
    touch "$stamp"
    ;;
install)
    [ $# -eq 3 ] || { echo "usage: $0 install TARBALL LIBDIR" >&2; exit 2; }
    tarball=$2 libdir=$3
    dest=${DESTDIR:-}$libdir
    mkdir -p "$dest"
    echo "Installing R package yrkesresa into $dest"
    "$R" CMD INSTALL --no-multiarch -l "$dest" "$tarball"
    ;;
*)
    echo "usage: $0 build|install ..." >&2
    exit 2
    ;;
esac
