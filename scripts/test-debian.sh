#!/usr/bin/env bash
# Build the Debian packages in a temporary copy of the tree, run lintian on them, and use what
# they install: compile examples/*.c against the extracted -dev package (through its
# pkg-config file and, with CMake, its yrkesresaConfig.cmake), build tests/consumer/read/ against
# libyrkesresa-read-dev (CMake's yrkesresa::read and pkg-config yrkesresa-read), run the program,
# import the Python package, load the R package.
#
#   bash scripts/test-debian.sh [--keep]      # --keep: leave the temporary directory
#
# Needs the build dependencies of debian/control (dpkg-checkbuilddeps says which are missing),
# lintian and a C compiler. Ends with 'N passed, N failed'; exit status 0 when none failed.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
keep=0
[ "${1:-}" = --keep ] && keep=1
tmp=$(mktemp -d /tmp/yr-debian.XXXXXX)
if [ $keep = 0 ]; then trap 'rm -rf "$tmp"' EXIT; else echo "keeping $tmp"; fi
# shellcheck source=tests/check_lib.sh
source "$here/tests/check_lib.sh"

# 1. A copy of the tree as git sees it (tracked and new files, not ignored ones: no build dirs).
src=$tmp/libyrkesresa
mkdir -p "$src"
(cd "$here" && git ls-files -z --cached --others --exclude-standard |
    xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' |
    tar --null -T - -cf -) | tar -xf - -C "$src"

# 2. Build the binary packages.
start=$(date +%s)
if (cd "$src" && DEB_BUILD_OPTIONS="parallel=${JOBS:-2}" dpkg-buildpackage -us -uc -b) \
    >"$tmp/build.log" 2>&1; then
    ok
else
    tail -n 60 "$tmp/build.log"
    bad "dpkg-buildpackage failed (log: $tmp/build.log)"
    keep=1
    trap - EXIT
    finish
fi
echo "dpkg-buildpackage: $(($(date +%s) - start)) s"
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
version=$(cd "$src" && dpkg-parsechangelog -SVersion)
for p in libyrkesresa0.3 libyrkesresa-dev libyrkesresa-read0.3 libyrkesresa-read-dev yrkesresa \
    python3-yrkesresa r-other-yrkesresa; do
    deb=$tmp/${p}_${version}_$arch.deb
    check "no $p package" [ -f "$deb" ]
done
changes=$tmp/libyrkesresa_${version}_$arch.changes

# 3. lintian: no errors (warnings are printed, not fatal).
if command -v lintian >/dev/null; then
    lintian --fail-on error --no-tag-display-limit "$changes" >"$tmp/lintian.log" 2>&1
    rc=$?
    cat "$tmp/lintian.log"
    check "lintian reports errors" [ $rc = 0 ]
else
    bad "lintian is not installed (apt install lintian): the packages were not checked"
fi

# 4. Each symbols file follows its map file: every exported name is in it, with an upstream
# version (no Debian revision).
for lib in libyrkesresa:lib/yrkesresa.map libyrkesresa-read:lib/read/yrkesresa-read.map; do
    name=${lib%%:*}
    dpkg-deb -e "$tmp/${name}0.3_${version}_$arch.deb" "$tmp/ctrl-$name"
    check "${name}0.3: the symbols file is not for $name.so.0.3" \
        grep -q "^$name.so.0.3 ${name}0.3 #MINVER#" "$tmp/ctrl-$name/symbols"
    for sym in $(sed -n 's/^ *\(yr_[a-z0-9_]*\);.*/\1/p' "$src/${lib#*:}"); do
        check "$sym missing from ${name}0.3's symbols" \
            grep -Eq "^ $sym@YRKESRESA_[A-Z_]*[0-9.]+ [0-9]+\.[0-9]+\.[0-9]+$" "$tmp/ctrl-$name/symbols"
    done
done

# 5. Use the packages, extracted into one root.
root=$tmp/root
for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$root"; done
libdir=$root/usr/lib/$multiarch
export PKG_CONFIG_SYSROOT_DIR=$root PKG_CONFIG_PATH=$libdir/pkgconfig PKG_CONFIG_LIBDIR=$libdir/pkgconfig
for ex in "$src"/examples/*.c; do
    name=$(basename "$ex" .c)
    # shellcheck disable=SC2046
    if cc -std=c11 -Wall -Wextra -Werror "$ex" -o "$tmp/$name" $(pkg-config --cflags --libs yrkesresa) \
        2>"$tmp/cc.log"; then ok; else
        cat "$tmp/cc.log"
        bad "examples/$name.c does not build against the -dev package"
        continue
    fi
    if (cd "$src" && LD_LIBRARY_PATH=$libdir "$tmp/$name" >"$tmp/$name.out" 2>&1); then ok; else
        bad "examples/$name failed: $(head -n 5 "$tmp/$name.out")"
    fi
    # Linked against the packaged library, not another copy.
    libs=$(LD_LIBRARY_PATH=$libdir ldd "$tmp/$name")
    check "$name is not linked against the packaged libyrkesresa.so.0.3" \
        grep -q "$libdir/libyrkesresa.so.0.3" <<<"$libs"
done
check "split_coordinator_2023 does not print the total 850000" \
    grep -q 850000 "$tmp/split_coordinator_2023.out"
# The same example through CMake: find_package(yrkesresa) finds the -dev package's
# yrkesresaConfig.cmake (tests/consumer/CMakeLists.txt).
if command -v cmake >/dev/null; then
    mkdir "$tmp/cmake"
    cp "$src/tests/consumer/CMakeLists.txt" "$src/examples/split_coordinator_2023.c" "$tmp/cmake/"
    if cmake -S "$tmp/cmake" -B "$tmp/cmake/build" -DCMAKE_PREFIX_PATH="$root/usr" \
        >"$tmp/cmake.log" 2>&1 && cmake --build "$tmp/cmake/build" >>"$tmp/cmake.log" 2>&1; then
        out=$(LD_LIBRARY_PATH=$libdir "$tmp/cmake/build/split_coordinator_2023")
        check "CMake build: Orsa is not 20452" grep -Eq '^Orsa +6939 +20452$' <<<"$out"
        check "the CMake build is not linked against the packaged libyrkesresa.so.0.3" \
            grep -q "$libdir/libyrkesresa.so.0.3" \
            <<<"$(LD_LIBRARY_PATH=$libdir ldd "$tmp/cmake/build/split_coordinator_2023")"
    else
        cat "$tmp/cmake.log"
        bad "examples/split_coordinator_2023.c does not build with CMake against the -dev package"
    fi
else
    echo "SKIP: cmake is not installed: no CMake build against the -dev package"
fi

# The reader: tests/consumer/read/read_population.c (it reads a CSV and splits 100 000 kr) with
# CMake (find_package(yrkesresa-read), yrkesresa::read) and with pkg-config (its Makefile; the
# system's directories stay on the path for libzip, expat and libutf8proc).
want_read=$'Orsa 6939 33422\nÄlvdalen 7033 33874\nVansbro 6790 32704\nSum 20762 100000'
mkdir "$tmp/read-pc"
cp "$src/tests/consumer/read/Makefile" "$src/tests/consumer/read/read_population.c" "$tmp/read-pc/"
builds=(read-pc)
if env -u PKG_CONFIG_LIBDIR make -C "$tmp/read-pc" >"$tmp/read-pc.log" 2>&1; then ok; else
    cat "$tmp/read-pc.log"
    bad "tests/consumer/read does not build with pkg-config yrkesresa-read against the -dev packages"
fi
if command -v cmake >/dev/null; then
    mkdir "$tmp/read-cmake"
    cp "$src/tests/consumer/read/CMakeLists.txt" "$src/tests/consumer/read/read_population.c" \
        "$tmp/read-cmake/"
    builds+=(read-cmake/build)
    if cmake -S "$tmp/read-cmake" -B "$tmp/read-cmake/build" -DCMAKE_PREFIX_PATH="$root/usr" \
        >"$tmp/read-cmake.log" 2>&1 && cmake --build "$tmp/read-cmake/build" >>"$tmp/read-cmake.log" 2>&1; then
        ok
    else
        cat "$tmp/read-cmake.log"
        bad "tests/consumer/read does not build with CMake (yrkesresa::read) against the -dev packages"
    fi
fi
for b in "${builds[@]}"; do
    [ -x "$tmp/$b/read_population" ] || continue
    out=$(LD_LIBRARY_PATH=$libdir "$tmp/$b/read_population" "$src/tests/consumer/read/population.csv" 2>&1)
    check "$b: read_population printed '$out', not '$want_read'" [ "$out" = "$want_read" ]
    libs=$(LD_LIBRARY_PATH=$libdir ldd "$tmp/$b/read_population")
    check "$b is not linked against the packaged libyrkesresa-read.so.0.3: $libs" \
        grep -q "$libdir/libyrkesresa-read.so.0.3" <<<"$libs"
done

out=$(LD_LIBRARY_PATH=$libdir "$root/usr/bin/yrkesresa" split --total 850000 \
    "$src/data/dalarna/population-2021-06.csv")
check "yrkesresa split: Orsa is not 20452" grep -q '^Orsa,.*,20452$' <<<"$out"
got=$(LD_LIBRARY_PATH=$libdir "$root/usr/bin/yrkesresa" --version)
check "yrkesresa --version says $got, not ${version%-*}" [ "$got" = "${version%-*}" ]
for f in usr/share/man/man1/yrkesresa.1.gz usr/share/man/man3/libyrkesresa.3.gz \
    usr/share/man/man3/yr_split.3.gz usr/share/bash-completion/completions/yrkesresa; do
    check "$f not packaged" [ -e "$root/$f" ]
done
page=$(man -l "$root/usr/share/man/man1/yrkesresa.1.gz" 2>/dev/null)
check "yrkesresa(1) does not render" grep -q 'yrkesresa split' <<<"$page"

py=$(PYTHONPATH=$root/usr/lib/python3/dist-packages LD_LIBRARY_PATH=$libdir \
    /usr/bin/python3 -c 'import yrkesresa; print(yrkesresa.__version__, sum(yrkesresa.split(850000, [59752, 6939, 21542])))' 2>&1)
check "python3-yrkesresa: $py" [ "$py" = "${version%-*} 850000" ]
r=$(R_LIBS=$root/usr/lib/R/site-library Rscript -e \
    'suppressMessages(library(yrkesresa)); cat(yr_version(), sum(yr_split(850000, c(59752, 6939, 21542))))' 2>&1)
check "r-other-yrkesresa: $r" [ "$r" = "${version%-*} 850000" ]

echo "packages in $(($(date +%s) - start)) s"
finish
