#!/usr/bin/env bash
# transfer_west: the Far East stripped for the west is told. In simulate,
# the first month the Soviet Far East's men fall with the USSR at war with
# Germany and at peace with Japan carries one `forces` event `transfer_west`
# (men sent, men left, the Japanese army that holds the rest in the east),
# after the German attack; a history without that attack has no event.
set -euo pipefail
HK=${1:?usage: transfer_west.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
told=0
for seed in 1 2 3 4 5; do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  n=$(jq -s '[.[] | select(.type=="event" and .kind=="forces" and .id=="transfer_west")] | length' "$T/s.jsonl")
  [ "$n" -le 1 ] || { echo "seed $seed: $n transfer_west events (want at most 1)"; exit 1; }
  [ "$n" -eq 1 ] || continue
  told=$((told + 1))
  ev=$(jq -c 'select(.type=="event" and .id=="transfer_west")' "$T/s.jsonl")
  m=$(jq -r .date <<< "$ev")
  jq -e '(.text | test("Far East")) and (.text | test("west")) and (.text | test("Japanese to one Soviet")) and (.source | test("rzd_transfers_1941"))' \
    <<< "$ev" > /dev/null || { echo "seed $seed: the event does not say what and why: $ev"; exit 1; }
  g=$(jq -r 'select(.type=="event" and .id=="barbarossa") | .date' "$T/s.jsonl" | head -1)
  [ -n "$g" ] && [[ ! "${m:0:7}" < "${g:0:7}" ]] || { echo "seed $seed: event $m, German attack '$g'"; exit 1; }
  # the men it says went are the fall of the Soviet Far East's men that month
  sent=$(jq -r .text <<< "$ev" | tr -s ' \n' ' ' | sed -n 's/.*for the west: \([0-9,]*\) men go.*/\1/p' | tr -d ,)
  [ -n "$sent" ] && [ "$sent" -gt 0 ] || { echo "seed $seed: no men sent in: $ev"; exit 1; }
done
[ "$told" -ge 4 ] || { echo "only $told of 5 seeds tell the transfer west"; exit 1; }
"$HK" simulate --seed 1 --without barbarossa --json > "$T/w.jsonl"
n=$(jq -s '[.[] | select(.type=="event" and .id=="transfer_west")] | length' "$T/w.jsonl")
[ "$n" -eq 0 ] || { echo "no German attack, yet $n transfer_west events"; exit 1; }
# soviet_divisions_west_1941 counts the men who left the Far East by 1941-12
# (divisions of 12,000), not a judged share of the men who stayed: with
# Stavka's peacetime draw set to nothing, no one leaves and it is 0; as the
# scenario stands, seeds 1-10 average near the record's 123,000 men
# (10.25 divisions, rzd_transfers_1941), within a third either way
for seed in 1 2 3; do
  "$HK" simulate --seed "$seed" --set soviet.west_rate=0 --json > "$T/z.jsonl" || { echo "simulate --set soviet.west_rate=0 failed"; exit 1; }
  z=$(jq -r 'select(.type=="summary") | .outcomes.soviet_divisions_west_1941' "$T/z.jsonl")
  awk -v z="$z" 'BEGIN { exit !(z + 0 == 0) }' || { echo "seed $seed: nobody sent west, yet $z divisions west in 1941"; exit 1; }
done
sum=0
for seed in $(seq 1 10); do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  d=$(jq -r 'select(.type=="summary") | .outcomes.soviet_divisions_west_1941' "$T/s.jsonl")
  first=$(jq -r 'select(.type=="event" and .id=="transfer_west") | .text' "$T/s.jsonl" | tr -s ' \n' ' ' | sed -n 's/.*for the west: \([0-9,]*\) men go.*/\1/p' | tr -d ,)
  if [ -n "$first" ]; then
    awk -v d="$d" -v f="$first" 'BEGIN { exit !(d * 12000 >= f - 1) }' || { echo "seed $seed: $d divisions west, fewer than the $first men of the first month"; exit 1; }
  fi
  sum=$(awk -v a="$sum" -v d="$d" 'BEGIN { print a + d }')
done
awk -v s="$sum" 'BEGIN { m = s / 10; exit !(m >= 10.25 / 1.5 && m <= 10.25 * 1.5) }' \
  || { echo "Soviet divisions sent west by 1941-12, seeds 1-10: mean $(awk -v s="$sum" 'BEGIN { print s / 10 }'), the record's 10.25"; exit 1; }
echo ok
