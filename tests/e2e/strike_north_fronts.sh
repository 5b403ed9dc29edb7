#!/usr/bin/env bash
# strike_north_fronts: the fronts of a forced strike north of 1941, seeds 1-8.
# - The Amur front is supplied from Heihe, the railhead of the Bei'an-Heihe
#   line (open since 1935): the war plan tells its haul as a few km, not the
#   630 km from Harbin.
# - Stavka's answer follows the war in the west: a war Japan opens while
#   Germany's offensive holds Moscow (within war.west_crisis_months of its
#   attack) is told Stavka's choice in its first month (the Far East gets no
#   one, its reserve is kept for the west); no Soviet front then gets more of
#   the reserve than holding needs, so no counter-stroke is built from it
#   before the German offensive is held; with no German war (--without
#   barbarossa) there is no such constraint and nothing of it is told.
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
    # Stavka's choice, told in the war's first month
    st=$(jq -r 'select(.id == "stavka") | "\(.date[0:7]) \(.text)"' "$tmp/ev" | head -1)
    [ "${st:0:7}" = "$open" ] && grep -q "sends the Far East no one" <<<"$st" ||
        bad "seed $seed: the war of $open, three months after Germany's attack, tells no Stavka answer: '${st:0:200}'"
    # while it holds, a counter-stroke brings up none of the reserve beyond
    # what holding needs: the fronts it strikes from had no more than the men
    # facing them when the reserve came up (the month's war line)
    released=$(jq -r 'select(.id == "stavka" and (.text | test("no longer holds Stavka"))) | .date[0:7]' "$tmp/ev" | head -1)
    [ -n "$released" ] || released=9999-99
    peace=$(jq -r --arg a "$open" 'select(.kind == "peace" and .date[0:7] >= $a) | .date[0:7]' "$tmp/ev" | head -1)
    [ -n "$peace" ] && [ "$peace" \< "$released" ] && released=$peace
    while read -r m sector; do
        [ "$m" \< "$released" ] || continue
        jq -r --arg m "$m" --arg s "$sector" 'select(.type == "month" and .date == $m) | .war.fronts[]
            | select(.sector == $s) | "\(.men.SOV) \(.men.JPN)"' "$tmp/run" >"$tmp/line"
        read -r sov jpn <"$tmp/line" || continue
        awk -v s="$sov" -v j="$jpn" 'BEGIN { exit !(s > 1.5 * j + 60000) }' &&
            bad "seed $seed: under Germany's offensive the Soviet $sector front holds $sov men against $jpn in $m"
    done < <(jq -r 'select(.text | test("^The Soviet side brings")) | "\(.date[0:7]) \(.id)"' "$tmp/ev")
done
# with no German war there is no Stavka constraint to tell
"$HK" simulate --seed 1 --decide JPN.strike_north=1941-08 --without barbarossa --json >"$tmp/run"
n=$(jq -r 'select(.type == "event" and .id == "stavka") | .date' "$tmp/run" | wc -l)
[ "$n" = 0 ] || bad "without Germany's attack the strike north still tells Stavka's answer ($n times)"
[ "$fail" = 0 ] && echo "strike_north_fronts: ok"
exit $fail
