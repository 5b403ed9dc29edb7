#!/usr/bin/env bash
# manchuria_1945: the Soviet offensive of August 1945 as simulate fights it,
# seeds 1-10.
# - The Transbaikal Front's armies in eastern Mongolia fight their way over
#   the Great Khingan before Japan's surrender is announced: a battle on the
#   Khalkha (western) front with Japanese defenders in it, dated before the
#   surrender, in every seed (the 39th Army and the 6th Guards Tank Army met
#   the 107th Division at Halung-Arshaan and Solun, glantz2003); not a march
#   into Hsinking after the surrender.
set -euo pipefail
HK=${1:?usage: manchuria_1945.sh PATH_TO_hokushin}
command -v jq >/dev/null || { echo "SKIP: jq is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
for seed in 1 2 3 4 5 6 7 8 9 10; do
    "$HK" simulate --seed "$seed" --json >"$tmp/run"
    jq -c 'select(.type == "event")' "$tmp/run" >"$tmp/ev"
    entry=$(jq -r 'select(.kind == "war" and (.actors[0] == "SOV")) | .date' "$tmp/ev" | head -1)
    [ -n "$entry" ] || { bad "seed $seed: no Soviet entry"; continue; }
    surr=$(jq -r 'select(.id == "surrender") | .date' "$tmp/ev" | head -1)
    [ -n "$surr" ] || { bad "seed $seed: no surrender"; continue; }
    # the western front's battles before the surrender, with defenders
    west=$(jq -r --arg s "$surr" --arg e "$entry" 'select(.kind == "front" and .sector == "western" and .date >= $e
        and .date < $s and (.committed.JPN // 0) >= 1000 and (.casualties.JPN // 0) > 0) | .date' "$tmp/ev" | head -1)
    [ -n "$west" ] || bad "seed $seed: the western front fights no battle between the entry ($entry) and the surrender ($surr)"
done
[ "$fail" = 0 ] && echo "manchuria_1945: ok"
exit "$fail"
