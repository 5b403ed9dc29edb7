#!/usr/bin/env bash
# strike_north: a forced strike north in 1941 read as a history, seeds 1-8.
# A cabinet at war with the USSR (or mobilising for it) does not decide on
# war with the United States and Britain in the same breath: it puts the
# decision off and says so, and a decision taken while the northern war goes
# on says it means a war on two fronts. The armistice names the motive that
# brought it in the model (the south, a stalemate, the losses, the length),
# never a bare "both sides are exhausted".
set -euo pipefail
HK=${1:?usage: strike_north.sh PATH_TO_hokushin}
command -v jq >/dev/null || { echo "SKIP: jq is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
deferred=0 south_peace=0
for seed in 1 2 3 4 5 6 7 8; do
    "$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json |
        jq -c 'select(.type == "event") | {date, kind, id, text}' >"$tmp/ev"
    # the first war's opening and its armistice (months as YYYY-MM)
    open=$(jq -r 'select(.kind == "war" and .id == "strike_north") | .date[0:7]' "$tmp/ev" | head -1)
    peace=$(jq -r 'select(.kind == "peace" and .id == "armistice") | .date[0:7]' "$tmp/ev" | head -1)
    [ -n "$open" ] || { bad "seed $seed: the forced strike north opens no war"; continue; }
    [ -n "$peace" ] || peace=9999-99
    # a southern decision while the northern war is on must say it is a second war
    jq -r --arg a "$open" --arg b "$peace" \
        'select(.id == "war_decision_us" and .date[0:7] >= $a and .date[0:7] < $b) | .text' "$tmp/ev" >"$tmp/dec"
    if [ -s "$tmp/dec" ] && ! grep -q "two fronts" "$tmp/dec"; then
        bad "seed $seed: war with the United States decided during the war with the USSR without a word on two fronts: $(head -c 300 "$tmp/dec")"
    fi
    if grep -q '"id":"war_decision_us_deferred"' "$tmp/ev"; then
        deferred=$((deferred + 1))
        jq -r 'select(.id == "war_decision_us_deferred") | .text' "$tmp/ev" | grep -q "will not fight the USSR and the United States and Britain at once" ||
            bad "seed $seed: the deferral does not say why"
    fi
    jq -r 'select(.kind == "peace" and .id == "armistice") | .text' "$tmp/ev" >"$tmp/arm"
    if grep -q "both sides are exhausted" "$tmp/arm"; then
        bad "seed $seed: the armistice gives exhaustion as its reason: $(head -c 300 "$tmp/arm")"
    fi
    grep -q "for the south\|in the south\|southern advance\|United States and Britain" "$tmp/arm" && south_peace=$((south_peace + 1))
done
# Japan is committed south and under the embargo by 1941-09 in most seeds
[ "$deferred" -ge 5 ] || bad "the southern decision is put off for the northern war in only $deferred of 8 seeds"
[ "$south_peace" -ge 4 ] || bad "the armistice names the south in only $south_peace of 8 seeds"
# every kind of event the war writes has a label in the document the page
# reads (labels.event_kinds), so the page never shows a bare identifier
"$HK" simulate --seed 1 --decide JPN.strike_north=1941-08 --out "$tmp/page" >/dev/null
python3 - "$tmp/page/index.html" <<'PY' || fail=1
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
doc = json.loads(re.search(r'<script id="hk-data" type="application/json">(.*?)</script>', html, re.S).group(1))
labelled = doc["labels"]["event_kinds"]
missing = sorted({e["kind"] for e in doc["events"]} - set(labelled))
if missing:
    print("FAIL: event kinds with no label in labels.event_kinds: " + ", ".join(missing), file=sys.stderr)
    sys.exit(1)
PY
[ "$fail" = 0 ] && echo "strike_north: ok ($deferred of 8 seeds put the south off, $south_peace armistices name it)"
exit $fail
