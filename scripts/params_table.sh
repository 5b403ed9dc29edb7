#!/usr/bin/env bash
# params_table.sh [PATH_TO_hokushin] — writes docs/model.md's parameter table
# (between the params:begin and params:end markers) from the built-in
# scenario: `hokushin params --markdown`, so that the table shows the values,
# ranges and sources of scenarios/far-east-1918/params.yaml as they are.
# tests/e2e/params_table.sh fails when the table and the scenario differ;
# run this after changing params.yaml or src/world/params.def.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HK=${1:-$ROOT/build/hokushin}
DOC=$ROOT/docs/model.md
T=$(mktemp)
trap 'rm -f "$T"' EXIT
"$HK" params --markdown > "$T"
grep -q '^<!-- params:begin' "$DOC" && grep -q '^<!-- params:end' "$DOC" || {
  echo "$DOC: the params:begin and params:end markers are missing" >&2; exit 2; }
awk -v table="$T" '
  /^<!-- params:begin/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
  /^<!-- params:end/ { skip = 0 }
  !skip { print }' "$DOC" > "$DOC.new"
mv "$DOC.new" "$DOC"
