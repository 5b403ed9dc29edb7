#!/usr/bin/env bash
# chifeng_column: an attacking front with the armour to exploit sends a
# column off its main axis to the ground off the railways that no enemy
# front holds, from its first step of attack, instead of leaving it to the
# columns that set out only when the order to lay down arms reaches the
# fronts. The Transbaikal Front's orders named Chifeng (001:197); its
# cavalry-mechanised group and 17th Army reached Chifeng and Jehol about
# 19-21 August 1945 (glantz2003). Over seeds 1-10 Chifeng is the Soviet
# side's by the 22nd in every history (before, the 27th in each), and the
# history tells who took it and when.
set -euo pipefail
HK=${1:?usage: chifeng_column.sh PATH_TO_hokushin}
command -v jq > /dev/null || { echo "jq missing: skipped"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for seed in $(seq 1 10); do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  d=$(jq -r 'select(.type=="event" and (.kind=="front" or .kind=="occupation") and (.text | test("occupies[^.]*Chifeng"))) | .date' \
    "$T/s.jsonl" | head -1)
  [ -n "$d" ] || { echo "seed $seed: no event tells Chifeng's occupation"; exit 1; }
  [[ "$d" < "1945-08-23" ]] || { echo "seed $seed: Chifeng occupied on $d (record about 19-21 August)"; exit 1; }
  jq -s -e '[.[] | select(.type=="month" and .date=="1945-08")][0].control.chifeng == "SOV"' "$T/s.jsonl" > /dev/null ||
    { echo "seed $seed: Chifeng not Soviet at the end of 1945-08"; exit 1; }
done
echo ok
