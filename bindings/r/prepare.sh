#!/bin/sh
# Assemble the source of the R package 'yrkesresa' in OUTDIR, ready for R CMD build / INSTALL.
#
#   bindings/r/prepare.sh [--version X.Y.Z] [--swig PROGRAM] [--interface FILE] OUTDIR
#   R CMD build OUTDIR                     # -> yrkesresa_X.Y.Z.tar.gz (needs no SWIG)
#   R CMD INSTALL yrkesresa_X.Y.Z.tar.gz   # or R CMD check --no-manual yrkesresa_X.Y.Z.tar.gz
#
# OUTDIR gets the package files of bindings/r (DESCRIPTION with the project version, NAMESPACE,
# R/, man/, tests/, vignettes/, src/ with the .Call layer), plus, generated or copied at this
# step and never committed:
#   src/lib/, src/include/      the library's C sources and public headers (lib/, include/),
#                               with include/yrkesresa/version.h generated from version.h.in
#   src/yrkesresa_wrap.c        swig -r on bindings/yrkesresa.i (which %includes r/yrkesresa_r.i)
#   R/yrkesresa.R               the R half of the SWIG wrapper
#   src/Makevars                from src/Makevars.in, listing the library's objects
#   inst/extdata/               the Dalarna tables (data/dalarna), Sweden's municipalities
#                               (data/sweden) and example data (data/examples)
#   inst/examples/              examples/r/dalarna.R
#   inst/conformance/           the shared conformance cases (tests/conformance/*.case, README.md)
#   inst/reading/               the reading corpus (tests/reading/*.expect and their files)
# OUTDIR is emptied first; the repository tree is never written to.
set -eu

usage() {
    echo "usage: $0 [--version X.Y.Z] [--swig PROGRAM] [--interface FILE] OUTDIR" >&2
    exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=
swig=${SWIG:-swig}
interface=$root/bindings/yrkesresa.i
while [ $# -gt 1 ]; do
    case $1 in
    --version) version=$2; shift 2 ;;
    --swig) swig=$2; shift 2 ;;
    --interface) interface=$2; shift 2 ;;
    *) usage ;;
    esac
done
[ $# -eq 1 ] || usage
case $1 in
-*) usage ;;
esac
out=$1

if [ -z "$version" ]; then
    # The project version, from the top meson.build: version: 'X.Y.Z'
    version=$(sed -n "s/^ *version: *'\([0-9][0-9.]*\)'.*/\1/p" "$root/meson.build" | head -n 1)
fi
case $version in
[0-9]*.[0-9]*.[0-9]*) ;;
*) echo "$0: cannot tell the project version (got '$version')" >&2; exit 1 ;;
esac
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
micro=${rest#*.}
[ -f "$interface" ] || { echo "$0: no SWIG interface $interface" >&2; exit 1; }

case $out in
/*) ;;
*) out=$(pwd)/$out ;;
esac
case $out/ in
"$root"/bindings/*|"$root"/lib/*|"$root"/include/*) echo "$0: OUTDIR must not be inside the source tree" >&2; exit 1 ;;
esac
rm -rf "$out"
mkdir -p "$out/R" "$out/src/lib" "$out/src/include/yrkesresa"

# The package files.
sed "s/^Version: .*/Version: $version/" "$here/DESCRIPTION" >"$out/DESCRIPTION"
cp "$here/NAMESPACE" "$here/LICENSE" "$here/README.md" "$here/.Rbuildignore" "$out/"
cp "$here"/R/*.R "$out/R/"
cp -R "$here/man" "$here/tests" "$out/"
# The vignette (vignettes/dalarna.Rmd; R CMD build knits it unless --no-build-vignettes).
if [ -d "$here/vignettes" ]; then
    cp -R "$here/vignettes" "$out/"
fi
cp "$here"/src/*.c "$here"/src/*.h "$out/src/"
# What the Python and R bindings of the reader share (bindings/common).
cp "$root"/bindings/common/*.c "$root"/bindings/common/*.h "$out/src/"

# The library: sources and private headers under src/lib, public headers under src/include.
(cd "$root/lib" && find . -name '*.[ch]' | sort) | while read -r f; do
    mkdir -p "$out/src/lib/$(dirname "$f")"
    cp "$root/lib/$f" "$out/src/lib/$f"
done
cp "$root/include/yrkesresa.h" "$out/src/include/"
cp "$root"/include/yrkesresa/*.h "$out/src/include/yrkesresa/"
sed -e "s/@YR_VERSION_MAJOR@/$major/" -e "s/@YR_VERSION_MINOR@/$minor/" \
    -e "s/@YR_VERSION_MICRO@/$micro/" -e "s/@YR_VERSION@/$version/" \
    "$root/include/yrkesresa/version.h.in" >"$out/src/include/yrkesresa/version.h"

objects=$(cd "$out/src" && find lib -name '*.c' | sort | sed 's/\.c$/.o/' | tr '\n' ' ')
sed "s|@LIB_OBJECTS@|$objects|" "$here/src/Makevars.in" >"$out/src/Makevars"

# The SWIG wrapper: C into src/, its R half into R/. bindings/yrkesresa.i asserts at compile
# time that SWIG's int64_t is the compiler's: long on LP64 (-DSWIGWORDSIZE64), else long long.
# (A tarball prepared on LP64 Linux therefore compiles on LP64 systems.)
wordsize=
if [ "$(getconf LONG_BIT 2>/dev/null || echo 0)" = 64 ]; then
    wordsize=-DSWIGWORDSIZE64
fi
"$swig" -r $wordsize -I"$out/src/include" -I"$here/src" -o "$out/src/yrkesresa_wrap.c" \
    -outdir "$out/R" "$interface"

# The Dalarna example (examples/r/dalarna.R), run by the tests too.
mkdir -p "$out/inst/examples"
cp "$root/examples/r/dalarna.R" "$out/inst/examples/"

# Data for the tests and examples.
mkdir -p "$out/inst/extdata/dalarna"
cp "$root"/data/dalarna/*.csv "$out/inst/extdata/dalarna/"
# The shared conformance cases, so that the package's tests run them without the source tree.
mkdir -p "$out/inst/conformance"
cp "$root"/tests/conformance/*.case "$root"/tests/conformance/README.md "$out/inst/conformance/"
# The reading corpus (tests/reading), so that the package's tests read every case too.
mkdir -p "$out/inst/reading"
cp "$root"/tests/reading/*.expect "$out/inst/reading/"
for f in "$root"/tests/reading/*; do
    case $f in *.csv|*.tsv|*.txt|*.xlsx) cp "$f" "$out/inst/reading/" ;; esac
done
mkdir -p "$out/inst/extdata/sweden"
cp "$root"/data/sweden/*.csv "$out/inst/extdata/sweden/"
if ls "$root"/data/examples/*.csv >/dev/null 2>&1; then
    mkdir -p "$out/inst/extdata/examples"
    cp "$root"/data/examples/*.csv "$out/inst/extdata/examples/"
fi
echo "prepared R package yrkesresa $version in $out"
