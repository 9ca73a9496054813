#!/bin/sh
# Generate yrkesresa(1) from the program itself, so the page cannot drift from the program:
# help2man formats `yrkesresa --help` and `yrkesresa --version`, and a COMMANDS section lists the
# program's command table (`yrkesresa --list-commands`, and `yrkesresa CMD --list-commands` for a
# command with subcommands, such as `stats`) and holds the `--help` of each, verbatim. A command
# added to the table (tools/yrkesresa/main.c, cmd_stats.c) is on the page with no edit here.
#
#   yrkesresa-man.sh HELP2MAN PROGRAM OUTPUT
set -eu
[ $# -eq 3 ] || { echo "usage: $0 HELP2MAN PROGRAM OUTPUT" >&2; exit 2; }
help2man=$1 prog=$2 out=$3
LC_ALL=C.UTF-8
export LC_ALL
name=$(basename "$prog")
inc=$out.h2m
trap 'rm -f "$inc" "$inc.help" "$inc.sub"' EXIT

# The command table, "NAME<TAB>SUMMARY" a line; a command's subcommands the same way.
"$prog" --list-commands >"$inc.help"
commands=$(cut -f1 "$inc.help")
# None found: the page is still written (the build goes on), and tests/test_man.sh fails.
[ -n "$commands" ] || echo "$0: warning: '$name --list-commands' printed no commands" >&2

# roff for text: backslashes, hyphens and leading dots/quotes escaped.
esc() {
    sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
}

# roff for a block of help text: no filling.
verbatim() {
    echo '.nf'
    esc
    echo '.fi'
}

# item WORDS SUMMARY: one entry of the command list.
item() {
    printf '.TP\n.B %s\n%s\n' "$(printf %s "$name $1" | esc)" "$(printf %s "$2" | esc)"
}

# section WORDS...: a subsection with the --help of `yrkesresa WORDS...`.
section() {
    echo ".SS \"$name $*\""
    "$prog" "$@" --help | verbatim
}

{
    echo '[COMMANDS]'
    # The list: every command and subcommand with its one line from the table.
    for cmd in $commands; do
        item "$cmd" "$(grep "^$cmd	" "$inc.help" | cut -f2-)"
        if "$prog" "$cmd" --list-commands >"$inc.sub" 2>/dev/null; then
            while IFS='	' read -r sub summary; do item "$cmd $sub" "$summary"; done <"$inc.sub"
        fi
    done
    echo '.PP'
    printf '%s\n' "Each command prints its options with \\fB$name\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR;"
    echo 'the sections below hold that help, for every command.'
    for cmd in $commands; do
        section "$cmd"
        if "$prog" "$cmd" --list-commands >"$inc.sub" 2>/dev/null; then
            for sub in $(cut -f1 "$inc.sub"); do section "$cmd" "$sub"; done
        fi
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
