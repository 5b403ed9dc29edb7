#!/usr/bin/env bash
# border_years: the chain that set the border battles in their years, read
# from simulate histories, seeds 1-20 (docs/model.md#incidents-order-tested).
# Tokyo's order for a quiet border comes with the war in China; Moscow's
# border guards move onto the claimed Tumen heights only once that order has
# held a campaigning season's months (or with the superiority Moscow plans
# its offensives for), never while a border campaign is fought; the
# Kwantung Army's principles for border disputes follow such a move, out of
# the campaigning season, before Germany and the USSR are bound by a pact;
# and a Changkufeng in 1938 is no rarity (coox1977: July-August 1938).
set -uo pipefail
HK=${1:?usage: border_years.sh PATH_TO_hokushin}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in $(seq 1 20); do
    "$HK" simulate --seed "$s" --json >"$tmp/$s.jsonl" || { echo "FAIL: simulate --seed $s"; exit 1; }
done
python3 - "$tmp" <<'PY' || exit 1
import json, os, sys
d = sys.argv[1]
bad, tumen_1938 = [], 0
for s in range(1, 21):
    ev = []
    with open(os.path.join(d, f"{s}.jsonl")) as f:
        for line in f:
            e = json.loads(line)
            if e.get("type") == "event":
                ev.append(e)
    order = next((e["date"][:7] for e in ev if e["kind"] == "fact" and e["id"] == "quiet_border_order"), None)
    pact = next((e["date"][:7] for e in ev if e["kind"] == "outside_event" and e["id"] == "molotov_ribbentrop_pact"), None)
    moves = [e["date"][:7] for e in ev if e["kind"] == "battle" and "side moves onto" in e.get("text", "")]
    if any(m[:4] == "1938" and e_sec == "tumen" for m, e_sec in
           ((e["date"][:7], e.get("sector")) for e in ev if e["kind"] == "battle" and "side moves onto" in e.get("text", ""))):
        tumen_1938 += 1
    # a Soviet move opens no battle while another border campaign is on:
    # no "Month k" line of another sector in the month of a move
    for e in ev:
        if e["kind"] == "battle" and "side moves onto" in e.get("text", ""):
            m = e["date"][:7]
            others = [o for o in ev if o["kind"] == "battle" and o["date"][:7] == m and o.get("sector") != e.get("sector")
                      and o.get("text", "").startswith("Month ")]
            if others:
                bad.append(f"seed {s} {m}: a Soviet move on the {e.get('sector')} while a campaign is fought on the {others[0].get('sector')}")
    rules = [e["date"][:7] for e in ev if e["kind"] == "fact" and e["id"] == "border_principles"]
    for r in rules:
        if not order or r < order:
            bad.append(f"seed {s} {r}: the Kwantung Army's principles without Tokyo's order before them ({order})")
        if not any(m < r for m in moves):
            bad.append(f"seed {s} {r}: the principles with no Soviet move fought before them")
        if 5 <= int(r[5:7]) <= 9:
            bad.append(f"seed {s} {r}: the principles issued in the campaigning season")
        if pact and r >= pact:
            bad.append(f"seed {s} {r}: the principles issued after the German-Soviet pact ({pact})")
    if len(rules) > 1:
        bad.append(f"seed {s}: the principles issued {len(rules)} times")
if tumen_1938 < 4:
    bad.append(f"a Soviet move onto the Tumen heights in 1938 in only {tumen_1938} of seeds 1-20")
if bad:
    print("FAIL:\n  " + "\n  ".join(bad[:20]))
    sys.exit(1)
print(f"ok: a Soviet move onto the Tumen heights in 1938 in {tumen_1938} of seeds 1-20")
PY
