#!/usr/bin/env bash
# The demo: the yrkesresa program on the bundled Dalarna tables.
#   bash scripts/demo.sh PATH/TO/yrkesresa
set -euo pipefail
yr=$1
cd "$(dirname "$0")/.."
show() {
    echo
    echo "\$ yrkesresa $*"
    "$yr" "$@"
}
echo "libyrkesresa $("$yr" --version) demo on the Dalarna tables (data/dalarna, see data/README.md)"
show split --total 850000 data/dalarna/population-2021-06.csv
"$yr" split --total 850000 data/dalarna/population-2021-06.csv |
    awk -F, 'NR > 1 { s += $NF } END { print "(the amounts add up to " s ")" }'
show split --total 850000 tests/cli/excel-semikolon-cp1252.csv
echo "(Windows-1252, ';', CRLF and '22 986' as Excel writes them; the Summa row gets the total)"
show audit data/dalarna/published-split-coordinator-2023.csv
if [ -f data/examples/pot-2024-attendance.csv ]; then
    show pot --attendance data/examples/pot-2024-attendance.csv --trainers data/examples/pot-2024-trainers.csv
fi
show stats survey data/dalarna/manager-survey-2024.csv
