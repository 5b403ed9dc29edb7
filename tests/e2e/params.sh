#!/usr/bin/env bash
# params: every settable key with value, unit, range and source; every key
# it lists is accepted by --set.
set -euo pipefail
HK=${1:?usage: params.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$HK" params --json > "$T/p.json"
jq -e '(.params | length) > 0 and all(.params[]; (.key | type) == "string" and (.value | type) == "number"
       and (.unit | type) == "string" and (.source | length) > 0 and .min <= .value and .value <= .max)' \
  "$T/p.json" > /dev/null
jq -e '[.events[].key] | index("european_war.date") != null and index("german_defeat.date") != null' "$T/p.json" > /dev/null
# Each movable event names its id, the one --without takes.
jq -e 'all(.events[]; .key == "\(.id).date")' "$T/p.json" > /dev/null
jq -e '[.without[].id] as $w | all(("neutrality_pact", "molotov_ribbentrop_pact", "barbarossa"); . as $x | $w | index($x) != null)' \
  "$T/p.json" > /dev/null

# Every listed key is settable to its own value, every id removable.
args=()
while IFS= read -r kv; do args+=(--set "$kv"); done < <(jq -r '.params[] | "\(.key)=\(.value)"' "$T/p.json")
while IFS= read -r kv; do args+=(--set "$kv"); done < <(jq -r '.events[] | "\(.key)=\(.value)"' "$T/p.json")
"$HK" ensemble --runs 1 "${args[@]:0:120}" --json > /dev/null
while IFS= read -r id; do
  "$HK" ensemble --runs 1 --without "$id" --json > /dev/null || { echo "--without $id refused"; exit 1; }
done < <(jq -r '.without[].id' "$T/p.json")

# Every key, set to another value in its range, takes that value: the setup
# the runs use shows it (params --set ... --json reports a setup's values),
# so no key is accepted and then ignored.
jq -r '.params[] | "\(.key)=\(if .value < .max then (.value + .max) / 2 else (.min + .value) / 2 end)"' \
  "$T/p.json" > "$T/sets.txt"
args=()
while IFS= read -r kv; do args+=(--set "$kv"); done < "$T/sets.txt"
"$HK" params "${args[@]}" --json > "$T/q.json"
jq -e --slurpfile p "$T/p.json" '
  [$p[0].params[] | {key: .key, want: (if .value < .max then (.value + .max) / 2 else (.min + .value) / 2 end)}] as $w
  | [.params[]] as $got
  | ($w | length) == ($got | length)
    and all(range(0; $w | length); . as $i | $got[$i].key == $w[$i].key
            and (($got[$i].value - $w[$i].want) | fabs) <= 1e-9 * ((($w[$i].want) | fabs) + 1))' "$T/q.json" > /dev/null ||
  { echo "a --set key did not take its value"; exit 1; }
# The same overrides are accepted by a run (64 --set at a time, a run's limit).
for ((i = 0; i < ${#args[@]}; i += 128)); do
  "$HK" ensemble --runs 1 --threads 1 "${args[@]:i:128}" --json > /dev/null
done
# Moved events and removed ids show too.
"$HK" params --set barbarossa.date=1942-05-01 --without neutrality_pact --json > "$T/e.json"
jq -e '(.events[] | select(.id == "barbarossa") | .value) == "1942-05-01"
       and (.without[] | select(.id == "neutrality_pact") | .removed) == true' "$T/e.json" > /dev/null ||
  { echo "params does not show a moved event or a removed treaty"; exit 1; }

# A missing value is named as such, not as an unknown option.
set +e
"$HK" params --scenario 2> "$T/err"
rc=$?
set -e
[ "$rc" = 2 ] && grep -q -- "--scenario needs a value" "$T/err" || { echo "params --scenario: $rc $(cat "$T/err")"; exit 1; }

"$HK" params > "$T/p.txt"
grep -q "politics.drift" "$T/p.txt"
grep -q "european_war.date" "$T/p.txt"
echo "params: ok"
