#!/usr/bin/env bash
# The people of events.yaml are named in an event only while they hold
# their role: every event's `people` (JSON) fall in their span at its date,
# with a sector of their own where they have sectors, and the text names
# them. Replay names the record's commanders and signers (Blyukher at
# Changkufeng, Zhukov on the Khalkha, Matsuoka at the pact, Yamada and
# Vasilevsky in August 1945); seeds 1-12 name the atamans of the expedition
# in every history and Matsuoka only in a pact signed while he was Foreign
# Minister. An event never names two holders of one office (a role handed
# over in the event's month).
set -uo pipefail
HK=${1:?usage: people.sh PATH_TO_hokushin}
here=$(cd "$(dirname "$0")" && pwd)
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
python3 -c 'import yaml' 2>/dev/null || { echo "SKIP: python3 yaml missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$HK" replay --json >"$tmp/replay.jsonl" || { echo "FAIL: replay --json"; exit 1; }
for s in $(seq 1 12); do
    "$HK" simulate --seed "$s" --json >"$tmp/$s.jsonl" || { echo "FAIL: simulate --seed $s"; exit 1; }
done
python3 - "$tmp" "$here/../../scenarios/far-east-1918/events.yaml" <<'PY'
import json, os, sys, yaml
tmp, events_yaml = sys.argv[1], sys.argv[2]
people = yaml.safe_load(open(events_yaml))["people"]
spans = {}
for p in people:
    spans.setdefault(p["id"], []).append(p)

def key(d, none):
    d = str(d)
    y, m = int(d[:4]), int(d[5:7])
    day = int(d[8:10]) if len(d) >= 10 else none
    return (y * 12 + m) * 32 + day

bad, named = [], {}
for f in sorted(os.listdir(tmp)):
    run = f.split(".")[0]
    for line in open(os.path.join(tmp, f)):
        e = json.loads(line)
        if e.get("type") != "event":
            continue
        for q in e.get("people", []):
            named.setdefault(q["id"], set()).add(run)
            at = key(e["date"], 15)
            ok = False
            for p in spans.get(q["id"], []):
                inside = key(p["from"], 1) <= at and ("to" not in p or at <= key(p["to"], 31))
                sector = not p.get("sectors") or not e.get("sector") or e["sector"] in p["sectors"]
                ok = ok or (inside and sector)
            if not ok:
                bad.append(f"{run} {e['date']} {e['kind']} {e['id']}: names {q['id']} outside the span or sector of its role")
        offices = [(q["actor"], next((p["role"] for p in people if p["id"] == q["id"] and p["name"] == q["name"]), None)) for q in e.get("people", [])]
        if len(set(offices)) < len(offices):
            bad.append(f"{run} {e['date']} {e['kind']} {e['id']}: names two holders of one office: {[q['id'] for q in e['people']]}")
        for q in e.get("people", []):
            if q["name"] not in e["text"]:
                bad.append(f"{run} {e['date']} {e['kind']} {e['id']}: lists {q['id']} but its text does not name {q['name']}")
for pid in ("blyukher", "zhukov", "matsuoka", "yamada", "vasilevsky", "semenov"):
    if "replay" not in named.get(pid, set()):
        bad.append(f"replay never names {pid}")
for pid in ("semenov", "kalmykov", "yamada"):
    runs = named.get(pid, set()) - {"replay"}
    if len(runs) < 12:
        bad.append(f"{pid} is named in {len(runs)} of 12 simulate histories")
for b in bad[:20]:
    print("FAIL:", b)
print(f"people named: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(named.items())))
sys.exit(1 if bad else 0)
PY
