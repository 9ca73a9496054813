#!/usr/bin/env bash
# The bash completion (docs/completion/yrkesresa) completes commands, subcommands, options and
# option values from the program's own --help.
# Env: COMPLETION (the file), YRKESRESA (the program) (meson test).
set -uo pipefail
: "${COMPLETION:?}" "${YRKESRESA:?}"
if [ ! -f /usr/share/bash-completion/bash_completion ]; then
    echo "SKIP: bash-completion is not installed"
    exit 77
fi
# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion
# shellcheck disable=SC1090
source "$COMPLETION"
PATH=$(dirname "$YRKESRESA"):$PATH
# shellcheck source=tests/check_lib.sh
source "$(dirname "$0")/check_lib.sh"
complete_line() { # complete_line "WORDS" (a trailing blank: a new, empty word): sets $got
    local arr=()
    read -ra arr <<<"$1"
    [[ -z $1 || $1 == *" " ]] && arr+=("")
    COMP_WORDS=(yrkesresa "${arr[@]}")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _yrkesresa yrkesresa "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    got=" ${COMPREPLY[*]-} "
}
expect() { # expect "WORDS" WORD...: completing WORDS offers each WORD
    local words=$1 w
    shift
    complete_line "$words"
    for w in "$@"; do
        check "'yrkesresa $words<TAB>' offers [$got], not '$w'" [ "${got/ $w /}" != "$got" ]
    done
}
expect_none() { # expect_none "WORDS": nothing offered
    complete_line "$1"
    check "'yrkesresa $1<TAB>' offers [$got], expected nothing" [ "$got" = "  " ]
}

expect "" split audit pot stats --help --version
complete_line sp
check "'yrkesresa sp<TAB>' offers [$got], not just split" [ "$got" = " split " ]
expect "split --" --total --method --help
expect "split --method " largest_remainder dhondt sainte_lague_modified adams
expect "split --method dh" dhondt
expect "audit --" --total --strict
expect "stats " attendance survey
expect "stats survey --" --target --confidence
expect_none "split --total "
# every command and subcommand of the program's table (what the man page lists too)
# shellcheck disable=SC2046
expect "" $("$YRKESRESA" --list-commands | cut -f1)
# shellcheck disable=SC2046
expect "stats " $("$YRKESRESA" stats --list-commands | cut -f1)
# every option each command's --help lists is offered
for cmd in split audit pot; do
    # shellcheck disable=SC2046
    expect "$cmd --" $("$YRKESRESA" "$cmd" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z0-9-]*' |
        grep -oE -- '--[a-z0-9-]+' | sort -u)
done
finish
