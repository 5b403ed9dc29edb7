#!/usr/bin/env bash
# links_opened: a war's fronts use only the lines built by its month.
# The Harbin-Heihe line reached the Amur on 1 December 1935 (links.yaml
# `opened`). A strike north of 1934 supplies the Japanese Amur front over
# the post road from Qiqihar by Mergen (about 555 km), not over the line from
# Harbin (630 km) not yet built; a strike north of 1941 is supplied at the
# railhead of Heihe itself (a few km). On a map without the post road, the
# Japanese at Heihe in 1934 have no way to their bases (the line not being
# built): the war's first month finds them cut off; in 1941 they are not.
# A war of 1927 reinforces the Tumen front by sea, before the Korean line
# to Chongjin was whole.
set -euo pipefail
HK=${1:?usage: links_opened.sh PATH_TO_hokushin}
command -v jq >/dev/null || { echo "SKIP: jq is not installed"; exit 77; }
SRC=${HK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
# the Japanese Amur front's haul the first month's plan tells, in km
haul() {
    "$HK" simulate --seed "$1" --decide "JPN.strike_north=$2" --json |
        jq -r 'select(.type == "event" and .kind == "front" and (.text | test("^On the Amur river.*beside the main blow, the Japanese side"))) | .text' |
        head -1 | sed -n 's/.*, \([0-9][0-9]*\) km from its railhead.*/\1/p'
}
for seed in 1 2 3; do
    km=$(haul "$seed" 1934-08)
    if [ -z "$km" ]; then
        bad "seed $seed, strike north 1934-08: no haul told for the Japanese Amur front"
    elif [ "$km" -ge 600 ] || [ "$km" -lt 450 ]; then
        bad "seed $seed, strike north 1934-08: the Japanese Amur front is hauled $km km (the post road by Mergen is about 555 km; the Harbin line, 630, opened in 1935-12)"
    fi
    km=$(haul "$seed" 1941-08)
    if [ -n "$km" ] && [ "$km" -ge 100 ]; then
        bad "seed $seed, strike north 1941-08: the Japanese Amur front is hauled $km km, not from the Heihe railhead"
    fi
done
# A war of 1927, before the Kankyo line to Chongjin was whole (1928-09) and
# the Tumen line to Mudanjiang built (1935-06), reinforces the Japanese
# Tumen front by sea alone (Tsuruga-Chongjin, 25,000 a month)
for seed in 1 2; do
    most=$("$HK" simulate --seed "$seed" --decide JPN.strike_north=1927-08 --json |
        jq -r 'select(.type == "event" and (.text | test("^The Japanese side brings .* up to the Tumen mouth"))) | .text' |
        head -1 | sed -n 's/.*(\([0-9,]*\) a month at most).*/\1/p' | tr -d ,)
    if [ -n "$most" ] && [ "$most" -gt 25000 ]; then
        bad "seed $seed, strike north 1927-08: the Japanese Tumen front is reinforced at up to $most a month, over lines not yet built"
    fi
done
[ -f "$SRC/scenarios/far-east-1918/links.yaml" ] || { echo "SKIP: no scenario source at $SRC"; exit 77; }
cp -r "$SRC/scenarios/far-east-1918" "$tmp/scen"
grep -v 'Mergen post road' "$SRC/scenarios/far-east-1918/links.yaml" >"$tmp/scen/links.yaml"
grep -q 'opened: 1935-12-01' "$tmp/scen/links.yaml" || bad "links.yaml dates no line's opening"
cut_off() {
    "$HK" simulate --scenario "$tmp/scen" --seed "$1" --decide "JPN.strike_north=$2" --json |
        jq -r 'select(.type == "event" and .kind == "encirclement" and (.text | test("Japanese forces on the Amur"))) | .date[0:7]' |
        head -1
}
for seed in 1 2; do
    m=$(cut_off "$seed" 1934-08)
    [ -n "$m" ] || bad "seed $seed, no post road, strike north 1934-08: the Japanese at Heihe are not cut off though the Harbin line is not yet built"
    m=$(cut_off "$seed" 1941-08)
    [ -z "$m" ] || bad "seed $seed, no post road, strike north 1941-08: the Japanese on the Amur are cut off in $m though the Harbin line is open"
done
exit $fail
