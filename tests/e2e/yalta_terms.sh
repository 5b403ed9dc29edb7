#!/usr/bin/env bash
# yalta_terms: the Yalta bargain (events.yaml yalta_agreement) is told from
# the state. After a forced strike north (JPN.strike_north=1941-08) whose
# armistice leaves Soviet ground in Japan's hands, the pledge names taking
# it back first; in a history where Japan holds no Soviet ground it keeps
# the record's terms (southern Sakhalin, the Kurils, Port Arthur, the
# railways) and says nothing of ground to take back. Yalta is the Allies'
# bargain for a Soviet entry into the Pacific war: a strike-north history in
# which Japan never went to war with the United States has none, and one
# that did has it.
set -u
HK=${1:?usage: yalta_terms.sh HOKUSHIN}
fail=0
bad() { echo "FAIL: $*"; fail=1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in 1 2 3 4 5; do
    "$HK" simulate --seed "$s" --decide JPN.strike_north=1941-08 --json >"$tmp/sn$s" || bad "simulate strike north seed $s"
    "$HK" simulate --seed "$s" --json >"$tmp/b$s" || bad "simulate seed $s"
done
python3 - "$tmp" <<'PY' || fail=1
import json, sys
tmp = sys.argv[1]
def lines(path):
    return [json.loads(l) for l in open(path) if l.strip()]
def yalta(path):
    for e in lines(path):
        if e.get("type") == "event" and e.get("id") == "yalta_agreement":
            return e.get("text") or ""
    return None
def held_soviet(path):
    # Japan or Manchukuo holds, in the month of Yalta, ground the USSR held in 1918-01
    ms = [m for m in lines(path) if m.get("type") == "month"]
    soviet = [r for r, a in ms[0]["control"].items() if a == "SOV"]
    for m in ms:
        if m["date"] == "1945-02":
            return any(m["control"].get(r) in ("JPN", "MAN") for r in soviet)
    return None
def pacific_war(path):
    return any(e.get("type") == "event" and e.get("id") == "pearl_harbor" for e in lines(path))
ok, told = True, 0
for s in (1, 2, 3, 4, 5):
    t = yalta(f"{tmp}/sn{s}")
    h = held_soviet(f"{tmp}/sn{s}")
    pacific = pacific_war(f"{tmp}/sn{s}")
    if t is None and pacific:
        print(f"FAIL: strike north seed {s}: a war with the United States and no Yalta event"); ok = False; continue
    if t is not None and not pacific:
        print(f"FAIL: strike north seed {s}: a Yalta event without a war with the United States"); ok = False; continue
    if t is None:
        continue
    told += 1
    if h and "take back" not in t:
        print(f"FAIL: strike north seed {s}: Japan holds northern Sakhalin at Yalta but the pledge does not name taking it back: {t}"); ok = False
    if h is False and "take back" in t:
        print(f"FAIL: strike north seed {s}: the pledge names ground to take back that Japan does not hold"); ok = False
    t = yalta(f"{tmp}/b{s}")
    if t is not None and "take back" in t:
        print(f"FAIL: seed {s} (no strike north): the pledge names ground to take back"); ok = False
    if t is not None and "southern Sakhalin" not in t:
        print(f"FAIL: seed {s}: the pledge lost the record's terms"); ok = False
if told < 2:
    print(f"FAIL: only {told} of 5 strike-north histories tell Yalta: the check reads too little"); ok = False
sys.exit(0 if ok else 1)
PY
exit $fail
