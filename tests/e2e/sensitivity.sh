#!/usr/bin/env bash
# sensitivity: a small Morris run ranks every parameter with a range by mu*,
# writes the chart, and refuses an unknown outcome.
set -euo pipefail
HK=${1:?usage: sensitivity.sh PATH_TO_hokushin}
# fontconfig, under PLplot, keeps memory to the end of the process; a sanitizer build would call it a leak.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

set +e
"$HK" sensitivity --outcome no_such_outcome > /dev/null 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q strike_north_by_1942 "$T/err"

"$HK" sensitivity --outcome strike_north_by_1942 --runs-per-point 8 --trajectories 2 --seed 3 --json \
  --out "$T/out" > "$T/s.json"
ranged=$("$HK" params --json | jq '[.params[] | select(.min < .max)] | length')
jq -e --argjson k "$ranged" '.parameters | length == $k' "$T/s.json" > /dev/null
jq -e '.runs == .points * 8 and .points == 2 * ((.parameters | length) + 1)' "$T/s.json" > /dev/null
# Ranked by mu*, descending, all non-negative.
jq -e '[.parameters[].mu_star | select(. != null)] as $m | $m == ($m | sort | reverse) and all($m[]; . >= 0)' \
  "$T/s.json" > /dev/null
# The same seed gives the same ranking.
"$HK" sensitivity --outcome strike_north_by_1942 --runs-per-point 8 --trajectories 2 --seed 3 --json --threads 1 \
  | jq -S 'del(.runs_per_second)' > "$T/s2.json"
cmp <(jq -S 'del(.runs_per_second)' "$T/s.json") "$T/s2.json"
for f in sensitivity.png sensitivity.svg sensitivity.json; do
  [ -s "$T/out/$f" ] || { echo "missing $f"; exit 1; }
done
head -c 8 "$T/out/sensitivity.png" | od -An -c | grep -q "P   N   G"
grep -q "<svg" "$T/out/sensitivity.svg"
echo "sensitivity: ok"
