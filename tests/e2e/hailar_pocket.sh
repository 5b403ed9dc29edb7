#!/usr/bin/env bash
# hailar_pocket: the garrison the Japanese field force leaves in the Hailar
# fortified region when it goes back over the Great Khingan is cut off from
# its army's chain of command like a garrison in its works: after the fronts
# stop (the surrender's order reaches them war.ceasefire_days after the 15th)
# its besiegers go on assaulting it until the order reaches it too (the
# Hailar fortified region was stormed for nine days, glantz2003). Over seeds
# 1-5 each history that encircles the pocket at Hailar assaults it again on
# or after the 19th; before, its one assault came during the fronts' days
# and the Soviet 36th Army stood idle beside it for the rest of the war.
set -euo pipefail
HK=${1:?usage: hailar_pocket.sh PATH_TO_hokushin}
command -v jq > /dev/null || { echo "jq missing: skipped"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
seen=0
for seed in 1 2 3 4 5; do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  jq -r 'select(.type=="event" and (.text | test("assaults the encircled Japanese pocket at Hailar"))) | .date' \
    "$T/s.jsonl" > "$T/d"
  [ -s "$T/d" ] || continue
  seen=$((seen + 1))
  late=$(awk -F- '$1=="1945" && $2=="08" && $3+0 >= 19' "$T/d" | wc -l)
  [ "$late" -ge 1 ] || { echo "seed $seed: the Hailar pocket is assaulted only on $(tr '\n' ' ' < "$T/d")"; exit 1; }
done
[ "$seen" -ge 3 ] || { echo "only $seen of 5 histories encircle a pocket at Hailar"; exit 1; }
echo ok
