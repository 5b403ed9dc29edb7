#!/usr/bin/env bash
# simulate histories read against the record's chain of dates: seeds 1-12,
# each a possible history. In 1945 the atomic bombing and the Soviet entry
# come before the surrender, which follows the last of them within days
# (001:281: entry on 9 August, surrender announced on the 15th); no Soviet
# entry before its pledged term unless a bomb has fallen; Pearl Harbor
# months after the decision for it.
set -uo pipefail
HK=${1:?usage: history_dates.sh PATH_TO_hokushin}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in $(seq 1 12); do
    "$HK" simulate --seed "$s" --json >"$tmp/$s.jsonl" || { echo "FAIL: simulate --seed $s"; exit 1; }
done
python3 - "$tmp" <<'PY'
import datetime, json, os, sys
d = sys.argv[1]
fail = []
def day(s):
    p = s.split('-')
    return datetime.date(int(p[0]), int(p[1]), int(p[2]) if len(p) > 2 else 1)
for seed in range(1, 13):
    ev, months = {}, []
    for line in open(os.path.join(d, f"{seed}.jsonl")):
        e = json.loads(line)
        if e.get("type") == "event":
            ev.setdefault((e["kind"], e["id"]), e["date"])
        elif e.get("type") == "month":
            months.append(e)
    # the Army's factions form with the seizure of Manchuria (000:14, 000:24)
    seized = ev.get(("fact", "seize_manchuria"), "9999")
    for m in months:
        formed = m.get("factions_formed")
        if formed is None:
            fail.append(f"seed {seed}: month {m['date']} has no factions_formed"); break
        if m["date"] < seized[:7] and ("kodoha" in formed or "toseiha" in formed):
            fail.append(f"seed {seed}: {m['date']}: the Army's factions formed before the seizure of Manchuria ({seized})"); break
    # the expedition answers the Allies' request of July 1918 (003:15)
    iv, req = ev.get(("fact", "intervention")), ev.get(("outside_event", "wilson_request"))
    if iv and (not req or iv < req[:7]):
        fail.append(f"seed {seed}: the Siberian expedition sent in {iv}, before the Allies asked for it ({req})")
    # treaties not signed before their talks could have run: the Peking
    # agreement's from the USSR's founding, the Anti-Comintern Pact's from
    # the Comintern's congress of August 1935
    peking, anticom = ev.get(("treaty_signed", "peking_agreement_1924")), ev.get(("treaty_signed", "anti_comintern_pact"))
    if peking and peking < "1924-01":
        fail.append(f"seed {seed}: the Peking agreement signed in {peking}, a year before its talks could have run")
    if anticom and anticom < "1936-06":
        fail.append(f"seed {seed}: the Anti-Comintern Pact signed in {anticom}, before its talks could have run")
    entry, bomb = ev.get(("war", "soviet_entry")), ev.get(("outside_event", "hiroshima"))
    sur = ev.get(("peace", "surrender"))
    if sur:
        if not entry or not bomb:
            fail.append(f"seed {seed}: surrender {sur} without the Soviet entry ({entry}) and the bomb ({bomb})")
        elif (day(sur) - max(day(entry), day(bomb))).days > 10:
            fail.append(f"seed {seed}: surrender {sur} more than 10 days after the last shock (entry {entry}, bomb {bomb})")
    if entry and bomb and day(entry) < day(bomb):
        fail.append(f"seed {seed}: Soviet entry {entry} before the atomic bombing {bomb}")
    if bomb and entry is None:
        fail.append(f"seed {seed}: the bomb falls ({bomb}) but the pledged Soviet entry never comes")
    # the attack on Pearl Harbor comes months after the decision for it,
    # the services made ready (6 September to 7 December 1941)
    dec, pearl = ev.get(("doctrine", "war_decision_us")), ev.get(("outside_event", "pearl_harbor"))
    if dec and pearl:
        lag = (int(pearl[:4]) * 12 + int(pearl[5:7])) - (int(dec[:4]) * 12 + int(dec[5:7]))
        if lag < 2:
            fail.append(f"seed {seed}: Pearl Harbor {pearl} only {lag} month(s) after the decision {dec}")
for f in fail:
    print("FAIL:", f)
sys.exit(1 if fail else 0)
PY
rc=$?
[ $rc -eq 0 ] && echo "history_dates: ok"
exit $rc
