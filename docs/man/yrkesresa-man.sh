#!/bin/sh
# Generate yrkesresa(1) from the program itself, so the page cannot drift from the program:
# help2man formats `yrkesresa --help` and `yrkesresa --version`, and a COMMANDS section holds the
# `--help` of every command listed under "Commands:" in that help (and of every subcommand a
# command's usage lines name, such as `yrkesresa stats survey`), verbatim.
#
#   yrkesresa-man.sh HELP2MAN PROGRAM OUTPUT
set -eu
[ $# -eq 3 ] || { echo "usage: $0 HELP2MAN PROGRAM OUTPUT" >&2; exit 2; }
help2man=$1 prog=$2 out=$3
LC_ALL=C.UTF-8
export LC_ALL
name=$(basename "$prog")
inc=$out.h2m
trap 'rm -f "$inc" "$inc.help"' EXIT

# The command names: the first word of each line of the "Commands:" block of --help.
"$prog" --help >"$inc.help"
commands=$(sed -n '/^Commands:/,/^$/p' "$inc.help" | sed -n 's/^  \([a-z][a-z0-9-]*\)\( .*\)\{0,1\}$/\1/p')
# None found: the page is still written (the build goes on), and tests/test_man.sh fails.
[ -n "$commands" ] || echo "$0: warning: no 'Commands:' block in '$name --help'" >&2

# roff for a block of help text: no filling, backslashes and leading dots/quotes escaped.
verbatim() {
    echo '.nf'
    sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
    echo '.fi'
}

# section WORDS...: a subsection with the --help of `yrkesresa WORDS...`.
section() {
    echo ".SS \"$name $*\""
    "$prog" "$@" --help | verbatim
}

{
    echo '[COMMANDS]'
    echo "Each command prints its options with \\fB$name\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR;"
    echo 'this section holds that help, for every command.'
    for cmd in $commands; do
        section "$cmd"
        # Subcommands: `yrkesresa CMD WORD ...` in the command's help, WORD a lower-case word
        # whose own --help succeeds.
        subs=$("$prog" "$cmd" --help |
            sed -n "s/^.*$name $cmd \\([a-z][a-z0-9-]*\\)\\( .*\\)\\{0,1\\}\$/\\1/p" | awk '!seen[$0]++')
        for sub in $subs; do
            if "$prog" "$cmd" "$sub" --help >/dev/null 2>&1; then
                section "$cmd" "$sub"
            fi
        done
    done
    echo '[SEE ALSO]'
    echo '.BR libyrkesresa (3)'
    echo '.PP'
    echo 'The project: https://example.invalid/libyrkesresa (a placeholder address until the'
    echo 'project has a public home). The data format of each command is in its section above.'
    echo '[COPYRIGHT]'
    echo 'Copyright \(co 2025\-2026 libyrkesresa authors. MIT licence.'
} >"$inc"

"$help2man" --no-info --locale=C.UTF-8 --include="$inc" \
    --name='exact cost splits, audits, trainer pots and participation statistics for Yrkesresan' \
    --output="$out" "$prog"
