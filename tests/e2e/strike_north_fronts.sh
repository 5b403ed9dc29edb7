#!/usr/bin/env bash
# strike_north_fronts: the fronts of a forced strike north of 1941, seeds 1-8.
# - The Amur front is supplied from Heihe, the railhead of the Bei'an-Heihe
#   line (open since 1935): the war plan tells its haul as a few km, not the
#   630 km from Harbin.
set -euo pipefail
HK=${1:?usage: strike_north_fronts.sh PATH_TO_hokushin}
command -v jq >/dev/null || { echo "SKIP: jq is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
for seed in 1 2 3 4 5 6 7 8; do
    "$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json >"$tmp/run"
    jq -c 'select(.type == "event") | {date, kind, id, actors, text}' "$tmp/run" >"$tmp/ev"
    open=$(jq -r 'select(.kind == "war" and .id == "strike_north") | .date[0:7]' "$tmp/ev" | head -1)
    [ -n "$open" ] || { bad "seed $seed: the forced strike north opens no war"; continue; }
    # the Amur front's haul, as the war plan tells it
    amur=$(jq -r --arg m "$open" 'select(.kind == "front" and .id == "amur" and .date[0:7] == $m and (.text | test("beside the main blow"))) | .text' "$tmp/ev")
    if [ -n "$amur" ]; then
        km=$(grep -o '[0-9,]* km from its railhead' <<<"$amur" | head -1 | tr -d ,)
        [ -n "$km" ] && [ "${km%% *}" -le 50 ] ||
            bad "seed $seed: the Amur front is not supplied from Heihe's railhead: ${amur:0:240}"
    fi
done
[ "$fail" = 0 ] && echo "strike_north_fronts: ok"
exit $fail
