#!/usr/bin/env bash
# The generated man pages: yrkesresa(1) holds every command (and subcommand) and every option
# the program's --help lists; every exported function (lib/yrkesresa.map) has a section-3 page;
# every page renders without a groff warning.
# Env: BUILD_DIR, SOURCE_DIR, MAN_DIR (the generated pages), MAP_FILE, YRKESRESA (meson test).
set -uo pipefail
: "${MAN_DIR:?}" "${MAP_FILE:?}" "${YRKESRESA:?}"
export LC_ALL=C.UTF-8
# shellcheck source=tests/check_lib.sh
source "$(dirname "$0")/check_lib.sh"
render() { # render PAGE: plain text, groff warnings on stderr
    (cd "$MAN_DIR/.." && MANWIDTH=80 man --warnings -E UTF-8 -l "$1") 2>"$tmp/warn" | col -b
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

page1=$(render "$MAN_DIR/yrkesresa.1")
check "yrkesresa.1: $(cat "$tmp/warn")" [ ! -s "$tmp/warn" ]
check "yrkesresa.1 has no NAME section" grep -q '^NAME' <<<"$page1"
# The command table (`--list-commands`, the table main.c and cmd_stats.c dispatch from): every
# command and subcommand has an entry in the page's list, with its summary, and a section; and
# `--help` lists each command, `stats --help` each subcommand.
commands=$("$YRKESRESA" --list-commands | cut -f1)
check "no commands in 'yrkesresa --list-commands'" [ -n "$commands" ]
help=$("$YRKESRESA" --help)
flat=$(tr -s ' \t\n' '   ' <<<"$page1") # the page as one line: a summary may wrap
while IFS='	' read -r words summary; do
    check "yrkesresa.1: no list entry for '$words'" grep -qx "       yrkesresa $words" <<<"$page1"
    check "yrkesresa.1: no summary for '$words'" grep -qF " $summary " <<<"$flat"
    check "yrkesresa.1: no section for '$words'" grep -qx "   yrkesresa $words" <<<"$page1"
    case $words in
    *' '*) check "'yrkesresa ${words% *} --help' does not name '$words'" \
        grep -qF "yrkesresa $words" <<<"$("$YRKESRESA" "${words% *}" --help </dev/null)" ;;
    *) check "'yrkesresa --help' does not list '$words'" grep -qE "^  $words +[^ ]" <<<"$help" ;;
    esac
done < <("$YRKESRESA" --list-commands
    for cmd in $commands; do
        "$YRKESRESA" "$cmd" --list-commands 2>/dev/null | sed "s/^/$cmd /"
    done)
# every option of every command's help
for cmd in $commands; do
    for opt in $("$YRKESRESA" "$cmd" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z0-9-]*' |
        grep -oE -- '--[a-z0-9-]+' | sort -u); do
        check "yrkesresa.1 lacks $cmd $opt" grep -q -- "$opt" <<<"$page1"
    done
done
check "yrkesresa.1: no section for the subcommand 'stats survey'" \
    grep -qx "   yrkesresa stats survey" <<<"$page1"

# section 3: a page for each exported function, each rendering cleanly, found through .so links
mkdir -p "$tmp/man3" && cp "$MAN_DIR"/*.3 "$tmp/man3/"
for sym in $(sed -n 's/^ *\(yr_[a-z0-9_]*\);.*/\1/p' "$MAP_FILE"); do
    if [ ! -f "$MAN_DIR/$sym.3" ]; then
        bad "no man page $sym.3 (is it documented in its header with a /** comment?)"
        continue
    fi
    text=$(cd "$tmp" && MANWIDTH=80 man --warnings -E UTF-8 -l "man3/$sym.3" 2>"$tmp/warn" | col -b)
    check "$sym.3: $(cat "$tmp/warn")" [ ! -s "$tmp/warn" ]
    check "$sym.3 does not describe $sym" grep -qE "^ +$sym\$" <<<"$text"
done
for page in "$MAN_DIR"/libyrkesresa.3 "$MAN_DIR"/yrkesresa-*.3; do
    (cd "$MAN_DIR" && MANWIDTH=80 man --warnings -E UTF-8 -l "$page" >/dev/null 2>"$tmp/warn")
    check "$(basename "$page"): $(cat "$tmp/warn")" [ ! -s "$tmp/warn" ]
done
finish
