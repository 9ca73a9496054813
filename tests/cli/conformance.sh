#!/usr/bin/env bash
# The conformance suite (tests/conformance/*.case, PLAN.md) through the command-line program:
# every split, split_mixed, split_table and split_nested case becomes a CSV file and a
# `yrkesresa split` command; the amounts it prints must be the expected ones, or, for an
# expect_error case, it must exit 2 naming the status (the CLI prints yr_status_name). A case the
# CLI cannot express is skipped with the reason printed; other ops belong to other runners.
# Needs BUILD_DIR and SOURCE_DIR (meson sets both); YR_CONFORMANCE_DIR overrides the directory.
# shellcheck source=tests/cli_lib.sh
. "${SOURCE_DIR:?}/tests/cli_lib.sh"
DIR="${YR_CONFORMANCE_DIR:-$SOURCE_DIR/tests/conformance}"
skipped=0

# case_get KEY: the value of KEY in the current case ($case_file), empty when absent.
case_get() {
    sed -n "s/^$1:[[:space:]]*//p" "$case_file" | head -n 1 | sed 's/[[:space:]]*$//'
}
case_has() { grep -q "^$1:" "$case_file"; }
skipped_names=()
skip() {
    skipped=$((skipped + 1))
    skipped_names+=("$(basename "$case_file" .case)")
    echo "SKIP $(basename "$case_file"): $1"
}

# The parties file: name, weight (and min, max, group columns when the case has them).
write_parties() { # weights minimum maximum groups
    local -a w mn mx g
    read -r -a w <<<"$1"
    read -r -a mn <<<"$2"
    read -r -a mx <<<"$3"
    read -r -a g <<<"$4"
    {
        printf 'name,weight'
        [ -n "$2" ] && printf ',min'
        [ -n "$3" ] && printf ',max'
        [ -n "$4" ] && printf ',grp'
        printf '\n'
        for i in "${!w[@]}"; do
            printf 'p%d,%s' "$i" "${w[$i]}"
            [ -n "$2" ] && printf ',%s' "${mn[$i]}"
            [ -n "$3" ] && printf ',%s' "${mx[$i]}"
            [ -n "$4" ] && printf ',g%s' "${g[$i]}"
            printf '\n'
        done
    } >"$TMP/parties.csv"
}

# The options of the split op from the case.
split_args() {
    args=(--no-total-row)
    local m t th fd
    m=$(case_get method)
    t=$(case_get tie)
    th=$(case_get threshold)
    fd=$(case_get first_divisor)
    [ -n "$m" ] && args+=(--method "$m")
    [ -n "$t" ] && args+=(--tie "$t")
    [ -n "$th" ] && args+=(--threshold "$th")
    [ -n "$fd" ] && args+=(--first-divisor "$fd")
    case_has minimum && args+=(--min-column min)
    case_has maximum && args+=(--max-column max)
    case_has equal_part && args+=(--equal-part "$(case_get equal_part)")
    return 0
}

# Compare: expect_error NAME (exit 2, the name on stderr) or the expected amounts.
verify() { # description got-amounts
    local want name
    name=$(basename "$case_file" .case)
    if case_has expect_error; then
        want=$(case_get expect_error)
        if [ "$rc" -eq 2 ] && [ -z "$out" ] && [[ "$err" == *"$want"* ]]; then ok; else
            bad "$name: want $want, got exit $rc: $(head -c 300 "$TMP/err")"
        fi
        return
    fi
    if [ "$rc" -ne 0 ]; then
        bad "$name: exit $rc: $(head -c 300 "$TMP/err")"
    elif [ "$2" == "$(case_get expect)" ]; then ok; else
        bad "$name: got '$2', want '$(case_get expect)'"
    fi
}

# The last $1 columns of the data rows (CSV from the program, no quotes in these cells).
columns() { # from-field(1-based, counted from the end) count
    tail -n +2 "$TMP/out" | awk -F, -v k="$1" -v n="$2" '{
        s = ""; for (i = NF - k + 1; i < NF - k + 1 + n; i++) s = s (s == "" ? "" : " ") $i
        print s }'
}

run_split() {
    local w total
    w=$(case_get weights)
    total=$(case_get total)
    if [ -z "$w" ]; then
        skip "no parties: a file needs at least one row (the CLI says 'no data rows')"
        return
    fi
    write_parties "$w" "$(case_get minimum)" "$(case_get maximum)" ""
    split_args
    run_bin split --total "$total" "${args[@]}" "$TMP/parties.csv"
    verify split "$(columns 1 1 | tr '\n' ' ' | sed 's/ $//')"
}

run_table() {
    local w totals items
    w=$(case_get weights)
    totals=$(case_get totals)
    if [ -z "$w" ] || [ -z "$totals" ]; then
        skip "no parties or no items: a file needs at least one row"
        return
    fi
    write_parties "$w" "" "" ""
    read -r -a items <<<"$totals"
    { printf 'item,amount\n'; for i in "${!items[@]}"; do printf 'i%d,%s\n' "$i" "${items[$i]}"; done; } >"$TMP/items.csv"
    run_bin split --no-total-row --items "$TMP/items.csv" "$TMP/parties.csv"
    # drop the Summa row the CLI appends; item columns precede the total column
    local got
    got=$(tail -n +2 "$TMP/out" | grep -v '^Summa,' | awk -F, -v n="${#items[@]}" '{
        s = ""; for (i = NF - n; i < NF; i++) s = s (s == "" ? "" : " ") $i; print s }' |
        paste -sd'|' | sed 's/|/ | /g')
    verify split_table "$got"
}

run_nested() {
    local w g ng
    w=$(case_get weights)
    g=$(case_get groups)
    ng=$(case_get ngroups)
    if [ -z "$w" ]; then
        skip "no parties: a file needs at least one row"
        return
    fi
    for x in $g; do
        if [ "$x" -ge "$ng" ]; then
            skip "group index $x >= ngroups: the CLI names groups by label, no index can be out of range"
            return
        fi
    done
    write_parties "$w" "" "" "$g"
    run_bin split --no-total-row --total "$(case_get total)" --group-column grp "$TMP/parties.csv"
    verify split_nested "$(columns 1 1 | tr '\n' ' ' | sed 's/ $//')"
    if [ "$rc" -eq 0 ] && case_has expect_groups; then
        # each group's amount from the rows of its parties (a group without parties gets 0)
        local got
        got=$(tail -n +2 "$TMP/out" | awk -F, -v ng="$ng" '{ g = substr($(NF-2), 2); a[g] = $(NF-1) }
            END { for (i = 0; i < ng; i++) printf "%s%s", (i ? " " : ""), (i in a ? a[i] : 0); print "" }')
        if [ "$got" == "$(case_get expect_groups)" ]; then ok; else
            bad "$(basename "$case_file"): groups '$got', want '$(case_get expect_groups)'"
        fi
    fi
}

# Guards that cannot skip themselves (README.md): no readable case is a failure, not a pass.
shopt -s nullglob
all_cases=("$DIR"/*.case)
if [ ${#all_cases[@]} -eq 0 ]; then
    bad "no cases in $DIR (missing, unreadable or empty)"
fi
ncases=0
for case_file in "${all_cases[@]}"; do
    if [ ! -r "$case_file" ]; then
        bad "cannot read $case_file"
        continue
    fi
    case "$(case_get op)" in
    split | split_mixed)
        ncases=$((ncases + 1))
        run_split
        ;;
    split_table)
        ncases=$((ncases + 1))
        run_table
        ;;
    split_nested)
        ncases=$((ncases + 1))
        run_nested
        ;;
    esac
done
echo "conformance (CLI): $ncases split cases, $skipped skipped"
if [ "$ncases" -eq 0 ]; then bad "no split cases found in $DIR"; fi
# The cases skipped are exactly those README.md names for this runner (a case, or op=OP for every
# case of an op), as many as it says.
doc=$(grep -m 1 '^skipped by cli (' "$DIR/README.md" 2>/dev/null)
if [[ "$doc" =~ ^skipped\ by\ cli\ \(([0-9]+)\):\ *(.*)$ ]]; then
    want_n=${BASH_REMATCH[1]}
    tokens=" ${BASH_REMATCH[2]} "
    want_names=()
    for case_file in "${all_cases[@]}"; do
        name=$(basename "$case_file" .case)
        if [[ "$tokens" == *" $name "* || "$tokens" == *" op=$(case_get op) "* ]]; then
            want_names+=("$name")
        fi
    done
    got=$(printf '%s\n' "${skipped_names[@]}" | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ')
    want=$(printf '%s\n' "${want_names[@]}" | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ')
    check "skipped '$got', README.md lists '$want'" [ "$got" == "$want" ]
    check "skipped $skipped, README.md says $want_n" [ "$skipped" -eq "$want_n" ]
    check "README.md says $want_n but its tokens name ${#want_names[@]} cases" [ "${#want_names[@]}" -eq "$want_n" ]
else
    bad "$DIR/README.md: no line 'skipped by cli (N): TOKENS' (missing or unreadable)"
fi
finish conformance_cli
