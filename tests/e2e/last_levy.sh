#!/usr/bin/env bash
# last_levy: the July 1945 call-up is told. Once Germany is beaten, the month
# the Japanese army in Manchuria and Korea grows beyond its peacetime pace
# (before any war with the USSR) carries one `forces` event `last_levy`, after
# Germany's defeat and before the Soviet entry; a history without Germany's
# defeat has no such event.
set -euo pipefail
HK=${1:?usage: last_levy.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for seed in 1 2 3 4 5; do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  n=$(jq -s '[.[] | select(.type=="event" and .kind=="forces" and .id=="last_levy")] | length' "$T/s.jsonl")
  [ "$n" -eq 1 ] || { echo "seed $seed: $n last_levy events (want 1)"; exit 1; }
  ev=$(jq -c 'select(.type=="event" and .id=="last_levy")' "$T/s.jsonl")
  jq -e '(.text | test("reservists")) and (.text | test("Germany beaten")) and (.source | test("glantz2003"))' \
    <<< "$ev" > /dev/null || { echo "seed $seed: the event does not say what and why: $ev"; exit 1; }
  m=$(jq -r .date <<< "$ev")
  g=$(jq -r 'select(.type=="event" and .id=="german_defeat") | .date' "$T/s.jsonl" | head -1)
  [ -n "$g" ] && [[ "${g:0:7}" < "${m:0:7}" ]] || { echo "seed $seed: levy $m, Germany's defeat '$g'"; exit 1; }
  # the army grows that month by more than its peacetime pace, as the text says
  gain=$(jq -r .text <<< "$ev" | tr -s ' \n' ' ' | sed -n 's/.*; \([0-9,]*\) come this month.*/\1/p' | tr -d ,)
  [ -n "$gain" ] && [ "$gain" -gt 0 ] || { echo "seed $seed: no men come: $ev"; exit 1; }
done
"$HK" simulate --seed 1 --without german_defeat --json > "$T/w.jsonl"
jq -s -e '[.[] | select(.type=="event" and .id=="last_levy")] | length == 0' "$T/w.jsonl" > /dev/null ||
  { echo "--without german_defeat still tells the last levy"; exit 1; }
echo ok
