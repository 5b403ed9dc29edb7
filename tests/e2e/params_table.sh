#!/usr/bin/env bash
# params_table: docs/model.md's parameter table is the one `hokushin params
# --markdown` writes from the built-in scenario, so that a value, range or
# source changed in params.yaml cannot leave the document stale
# (scripts/params_table.sh rewrites it); and every model key is in it.
set -euo pipefail
HK=${1:?usage: params_table.sh PATH_TO_hokushin}
DOC=${HK_SOURCE_DIR:?HK_SOURCE_DIR not set}/docs/model.md
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$HK" params --markdown > "$T/want"
awk '/^<!-- params:begin/ { on = 1; next } /^<!-- params:end/ { on = 0 } on' "$DOC" > "$T/have"
[ -s "$T/have" ] || { echo "$DOC: no table between the params:begin and params:end markers"; exit 1; }
if ! diff -u "$T/have" "$T/want" > "$T/diff"; then
  head -40 "$T/diff"
  echo "docs/model.md's parameter table differs from the scenario: run scripts/params_table.sh"
  exit 1
fi
# the table has every key but the combat model's, and the header
keys=$("$HK" params --json | jq '[.params[] | select(.key | startswith("combat.") | not)] | length')
rows=$(grep -c '^| `' "$T/want")
[ "$keys" -eq "$rows" ] || { echo "$rows rows for $keys keys"; exit 1; }
# a calibrated value as params.yaml has it, not as the document once had it
"$HK" params --json | jq -r '.params[] | select(.key == "incident.base_rate") | .value' > "$T/v"
grep -q "^| \`incident.base_rate\` | $(printf '%g' "$(cat "$T/v")") |" "$T/want"
