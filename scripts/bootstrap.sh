#!/usr/bin/env bash
# libyrkesresa: set up a fresh Debian machine, build, and run the demo or every test suite.
#
#   bash scripts/bootstrap.sh demo   # install what is missing, build, run the demo on the Dalarna data
#   bash scripts/bootstrap.sh test   # the same, then every test suite (C, Python, R)
#
# Idempotent: packages already installed are not touched; an existing build directory is reused.
# Environment: BUILD_DIR (default: build), YR_NO_APT=1 to skip the package step,
# YR_CONFIGURE_ONLY=1 to stop after meson's configure step (tests/test_offline_setup.sh).
# Neither mode reaches for the network beyond apt: no meson wrap is ever downloaded, and `demo`
# neither needs nor mentions the test suites' dependencies.
set -euo pipefail
mode=${1:-demo}
case "$mode" in demo | test) ;; *)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}

# What the C libraries (the reader: libzip, expat, utf8proc), the CLI and the demo need ...
pkgs=(gcc meson ninja-build pkg-config libzip-dev libexpat1-dev libutf8proc-dev)
# ... and what the test suites and bindings need.
if [ "$mode" = test ]; then
    pkgs+=(libcmocka-dev swig clang clang-14 libclang-rt-14-dev valgrind g++ bc
        python3-dev python3-numpy python3-pandas python3-pytest python3-hypothesis
        python3-mesonpy python3-nbclient python3-ipykernel python3-matplotlib python3-pip python3-venv
        r-base-dev r-cran-testthat r-cran-ggplot2 r-cran-tibble cmake make
        libxlsxwriter-dev python3-openpyxl python3-statsmodels python3-holidays doxygen scdoc help2man bash-completion
        debhelper dh-python dh-r lintian devscripts r-cran-roxygen2 r-cran-knitr r-cran-rmarkdown)
fi

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && [ "${YR_NO_APT:-0}" != 1 ]; then
    sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    echo "bootstrap: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

# The Python binding is built for Debian's interpreter, named explicitly (never by PATH).
opts=(-Dpython_interpreter=/usr/bin/python3 -Dwerror=true -Dwrap_mode=nodownload)
if [ "$mode" = demo ]; then
    opts+=(-Dtests=disabled -Dpython=auto -Dr=auto)
else
    opts+=(-Dtests=enabled -Dpython=enabled -Dr=enabled -Ddocs=enabled)
fi
if [ -d "$build/meson-private" ]; then
    meson configure "$build" "${opts[@]}" >/dev/null
else
    meson setup "$build" "${opts[@]}" >/dev/null
fi
[ "${YR_CONFIGURE_ONLY:-0}" = 1 ] && exit 0
# Quiet when it works; the whole build log when it does not.
if ! ninja -C "$build" -j"$(nproc)" >"$build/bootstrap-ninja.log" 2>&1; then
    cat "$build/bootstrap-ninja.log" >&2
    echo "bootstrap: the build failed (log above)" >&2
    exit 1
fi

if [ "$mode" = demo ]; then
    exec bash scripts/demo.sh "$build/tools/yrkesresa"
fi
exec bash scripts/run-tests.sh "$build"
