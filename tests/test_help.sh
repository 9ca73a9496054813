#!/usr/bin/env bash
# Every --help lines up and tells the truth about the columns:
#  1. alignment: in `yrkesresa --help` and every command's --help, each option line ("  -x,
#     --opt ARG", or a positional such as "  FILE") starts its description in one column, 24,
#     the column of the options every command shares, or has it on the next line; the lines
#     that continue a description start there too (or deeper, for a nested list); the
#     commands of a "Commands:" list line up with each other;
#  2. columns: every comma-separated column list a --help names (e.g. "Output:
#     course,registered,...") is the header a run of that command writes, and each run's
#     header is one of its help's lists (upper-case parts are placeholders: per_N, LABEL);
#  3. options: the options a command's --help lists are exactly those its parser takes. The
#     parser is asked: every option name of the program (each `{"name", CLI_OPT_...` of
#     tools/yrkesresa/*.c and each name any --help lists) is given to every command, and it
#     is taken when the answer is not "unknown option"; a made-up name must be unknown;
#  4. stable: every --help is the same twice and whatever YRKESRESA_LANG, COLUMNS and LC_ALL
#     say, its option lines (generated from the tables) fit in 80 columns unless a line is
#     one word, and it equals its golden copy tests/cli/help/NAME.txt (UPDATE_GOLDEN=1
#     rewrites the copies from the program: review the diff).
# Env: BUILD_DIR, SOURCE_DIR (meson test).
set -uo pipefail
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
yr=${YRKESRESA:-$BUILD_DIR/tools/yrkesresa}
# shellcheck source=tests/check_lib.sh
source "$(dirname "$0")/check_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$SOURCE_DIR" || exit 1
d=data/dalarna
e=data/examples

helps=("" read split audit pot stats statement compare "stats attendance" "stats survey"
    "stats progress" "stats check" "stats count" "stats check --parts x")

# 1. Alignment.
for h in "${helps[@]}"; do
    # shellcheck disable=SC2086 # word splitting of the command is intended
    if ! "$yr" $h --help >"$tmp/help" 2>&1; then
        bad "yrkesresa $h --help failed: $(head -n 3 "$tmp/help")"
        continue
    fi
    problems=$(/usr/bin/python3 - "$tmp/help" <<'PY'
import re, sys
COLUMN = 24
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
option = re.compile(r"^  (-|[A-Z])")
in_option = in_commands = False
commands = []
for number, line in enumerate(lines, 1):
    width = len(line) - len(line.lstrip(" "))
    if option.match(line):
        m = re.match(r"^  (\S+(?: \S+)*)( {2,})(\S)", line)
        if m and m.start(3) != COLUMN:
            print(f"line {number}: description at column {m.start(3)}, not {COLUMN}: {line!r}")
        in_option = True
    elif in_option and width > 2 and line.strip():
        if width < COLUMN:
            print(f"line {number}: continued at column {width}, not {COLUMN}: {line!r}")
    else:
        in_option = False
    if in_commands and line.startswith("  ") and not option.match(line):
        m = re.match(r"^  [a-z]\S*( +)", line)
        commands.append((m.end() if m and len(m.group(1)) >= 2 else -1, line))
    elif commands:
        if len({c for c, _ in commands}) > 1 or commands[0][0] < 0:
            print("commands not aligned (or one space apart): "
                  + "; ".join(repr(l) for _, l in commands))
        commands = []
    in_commands = line.rstrip().endswith("ommands:") or (in_commands and line.startswith("  "))
PY
    )
    check "yrkesresa $h --help is not aligned:
$problems" [ -z "$problems" ]
done

# 2. Columns: HELP|RUN (RUN: the arguments of a run whose first line is a header).
runs=(
    "audit|audit --csv $d/published-split-coordinator-2023.csv"
    "pot|pot --attendance $e/pot-2024-attendance.csv --trainers $e/pot-2024-trainers.csv"
    "stats attendance|stats attendance $d/courses-2024.csv"
    "stats survey|stats survey $d/manager-survey-2024.csv"
    "stats progress|stats progress $d/course-progress-funktionshinder-2025-04-07.csv"
    "stats progress|stats progress $d/course-progress-funktionshinder-2025-04-07.csv --population $d/population-2021-06.csv"
    "stats progress|stats progress $d/course-progress-funktionshinder-2025-04-07.csv --population $d/population-2021-06.csv --course 2 --per 100"
    "stats check|stats check $d/course-progress-funktionshinder-2025-04-07.csv"
    "stats check --parts x|stats check --parts accounts=staff+managers $d/accounts-funktionshinder-2025-04-07.csv"
    "stats check --parts x|stats check --rate pot=400*participant_days $e/pot-2024-days.csv"
)
: >"$tmp/cases"
for r in "${runs[@]}"; do
    h=${r%%|*}
    # shellcheck disable=SC2086
    if ! "$yr" ${r#*|} >"$tmp/out" 2>"$tmp/err"; then
        bad "yrkesresa ${r#*|} failed: $(cat "$tmp/err")"
        continue
    fi
    # shellcheck disable=SC2086
    "$yr" $h --help >"$tmp/help-${h// /_}"
    printf '%s\t%s\n' "$tmp/help-${h// /_}" "$(head -n 1 "$tmp/out" | tr -d '\r')" >>"$tmp/cases"
done
problems=$(/usr/bin/python3 - "$tmp/cases" <<'PY'
import re, sys
def lists(path):
    """The comma-separated column lists (3 names or more) of a help, lines ending in ','
    joined to the next."""
    text = re.sub(r",\n\s+", ",", open(path, encoding="utf-8").read())
    # The Swedish lists ("(with --lang sv: ...)") are the names table's, checked by test_names.
    text = re.sub(r"\(with --lang sv:.*?\)", "", text, flags=re.S)
    return re.findall(r"(?<![\w,])[A-Za-z_]\w*(?:,[A-Za-z_]\w*){2,}(?![\w]|,\w)", text)
def matches(names, header):
    pattern = ",".join(re.sub(r"[A-Z]+", "[^,]+", re.escape(n)) for n in names.split(","))
    return re.fullmatch(pattern, header) is not None
cases = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
used = {}
for path, header in cases:
    found = [l for l in lists(path) if matches(l, header)]
    used.setdefault(path, set()).update(found)
    if not found:
        print(f"{path.rsplit('help-', 1)[1]}: the header {header!r} is none of the help's "
              f"column lists {lists(path)}")
for path, seen in used.items():
    for l in lists(path):
        if l not in seen:
            print(f"{path.rsplit('help-', 1)[1]}: the help names the columns {l!r}, which no "
                  "run writes")
PY
)
check "--help and output columns disagree:
$problems" [ -z "$problems" ]

# 3. The options of --help are the options of the parser.
problems=$(/usr/bin/python3 - "$yr" "${helps[@]}" <<'PY'
import glob, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
yr, helps = sys.argv[1], [h for h in sys.argv[2:] if h not in ("", "stats")]
def run(words):
    return subprocess.run([yr] + words, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=30)
def listed(text):
    """The option names of a help: its lines '  --name ...' and '  -h, --help'."""
    return set(re.findall(r"^  (?:-h, )?--([a-z][a-z0-9-]*)", text, re.M))
sources = "".join(open(f, encoding="utf-8").read() for f in glob.glob("tools/yrkesresa/*.c"))
names = set(re.findall(r'\{\s*"([a-z][a-z0-9-]*)",\s*CLI_OPT_(?:VALUE|FLAG|LIST)', sources))
if len(names) < 40:
    print(f"only {len(names)} option names found in the sources: the pattern is stale")
docs = {h: run(h.split() + ["--help"]).stdout for h in helps}
for text in docs.values():
    names |= listed(text)
def taken(h, name):
    """The parser of `yrkesresa H` takes --NAME ("stats check --parts x" is the parser of
    --parts and --rate: its words stay in front)."""
    return "unknown option" not in run(h.split() + ["--" + name]).stderr
# ~900 runs: in parallel (under ASan each one starts slowly).
with ThreadPoolExecutor(max_workers=4) as pool:
    probes = {(h, n): pool.submit(taken, h, n) for h in helps
              for n in sorted(names) + ["no-such-option-x"]}
for h in helps:
    if probes[(h, "no-such-option-x")].result():
        print(f"{h}: a made-up option is not refused: the probe cannot see the parser")
    shown, accepted = listed(docs[h]), {n for n in names if probes[(h, n)].result()}
    for n in sorted(shown - accepted):
        print(f"yrkesresa {h} --help lists --{n}, which its parser refuses")
    for n in sorted(accepted - shown):
        print(f"yrkesresa {h} takes --{n}, which its --help does not list")
main = run(["--help"]).stdout
for n in ("help", "version"):
    if n not in listed(main):
        print(f"yrkesresa --help does not list --{n}")
PY
)
check "--help and the parser disagree:
$problems" [ -z "$problems" ]

# 4. Stable: the same twice and in any environment, 80 columns, equal to its golden copy.
golden=$SOURCE_DIR/tests/cli/help
for h in "${helps[@]}"; do
    name=${h:-yrkesresa}
    name=${name/ --parts x/ parts}
    name=${name// /_}
    # shellcheck disable=SC2086
    "$yr" $h --help >"$tmp/a" 2>&1
    # shellcheck disable=SC2086
    YRKESRESA_LANG=sv COLUMNS=40 LC_ALL=C "$yr" $h --help >"$tmp/b" 2>&1
    check "yrkesresa $h --help changes with the environment" cmp -s "$tmp/a" "$tmp/b"
    long=$(/usr/bin/python3 - "$tmp/a" <<'PY'
import re, sys
option = False
for number, line in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\n"), 1):
    if re.match(r"^  -", line):
        option = True
    elif not line.startswith(" " * 24):
        option = False
    if option and len(line) > 80 and len(line.split()) > 1 and not re.match(r"^  -\S*( \S+)?$", line):
        print(f"line {number}: {len(line)} columns: {line!r}")
PY
    )
    check "yrkesresa $h --help has an option without its paragraph (help field NULL)" \
        bash -c '! grep -q "(undocumented)" "$1"' _ "$tmp/a"
    check "yrkesresa $h --help: option lines wider than 80 columns:
$long" [ -z "$long" ]
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$tmp/a" "$golden/$name.txt"
    fi
    check "yrkesresa $h --help differs from tests/cli/help/$name.txt (UPDATE_GOLDEN=1 rewrites it):
$(diff "$golden/$name.txt" "$tmp/a" 2>&1 | head -n 20)" cmp -s "$golden/$name.txt" "$tmp/a"
done
finish
