#!/usr/bin/env bash
# simulate --json: the same JSON Lines as replay with a "simulate" summary;
# the same seed gives the same bytes, another seed another history; --until
# stops the run; --without reaches the model.
set -euo pipefail
HK=${1:?usage: simulate_json.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$HK" simulate --seed 1 --json >"$tmp/s1.jsonl"
"$HK" simulate --seed 1 --json >"$tmp/s1b.jsonl"
"$HK" simulate --seed 2 --json >"$tmp/s2.jsonl"
cmp -s "$tmp/s1.jsonl" "$tmp/s1b.jsonl" || { echo "FAIL: seed 1 twice gave different bytes" >&2; exit 1; }
if cmp -s "$tmp/s1.jsonl" "$tmp/s2.jsonl"; then echo "FAIL: seeds 1 and 2 gave the same history" >&2; exit 1; fi
"$HK" simulate --seed 1 --until 1939-12 --json >"$tmp/until.jsonl"
"$HK" simulate --seed 1 --without molotov_ribbentrop_pact --json >"$tmp/wo.jsonl"

python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
def load(name):
    return [json.loads(l) for l in open(f"{d}/{name}", encoding="utf-8")]
fail = []
s1, s2, until, wo = load("s1.jsonl"), load("s2.jsonl"), load("until.jsonl"), load("wo.jsonl")
for name, run in (("seed 1", s1), ("seed 2", s2)):
    months = [o for o in run if o["type"] == "month"]
    if len(months) != 333:
        fail.append(f"{name}: 333 months, got {len(months)}")
    last = run[-1]
    if last["type"] != "summary" or last["mode"] != "simulate":
        fail.append(f"{name}: last line a simulate summary")
    if len(last.get("outcomes", {})) != 17:
        fail.append(f"{name}: seventeen outcomes")
if s1[-1]["seed"] != 1 or s2[-1]["seed"] != 2:
    fail.append("summary carries the seed")
# The same scenario and seed up to 1939-12 is the start of the full run.
um = [o for o in until if o["type"] == "month"]
if not um or um[-1]["date"] != "1939-12" or len(um) != (1939 - 1918) * 12 + 12:
    fail.append(f"--until 1939-12 ends in 1939-12, got {um[-1]['date'] if um else None}")
if until[:-1] != s1[:len(until) - 1]:
    fail.append("a run cut at --until is the start of the full run")
if until[-1].get("until") != "1939-12":
    fail.append("summary 'until' of a cut run")
# Without the pact, no event of it happens.
if any(o["type"] == "event" and o["id"] == "molotov_ribbentrop_pact" for o in wo):
    fail.append("--without molotov_ribbentrop_pact still has the pact")
if not any(o["type"] == "event" and o["id"] == "molotov_ribbentrop_pact" for o in s1):
    fail.append("the baseline has the pact")
# Events carry their facts as fields (product.md): nobody parses `text`.
def facts(name, run):
    for o in run:
        if o["type"] != "event":
            continue
        k, where = o["kind"], f"{name} {o['date']} {o['kind']} {o['id']}"
        if k in ("battle", "battle_result"):
            for key in ("sector", "committed", "casualties", "winner", "days"):
                if key not in o:
                    fail.append(f"{where}: no '{key}'")
            if not isinstance(o.get("committed"), dict) or not o["committed"]:
                fail.append(f"{where}: 'committed' by actor")
            if k == "battle_result":
                cas, com = o.get("casualties") or {}, o.get("committed") or {}
                if not cas:
                    fail.append(f"{where}: a result has casualties")
                for a, men in cas.items():
                    if men is not None and com.get(a) is not None and men > com[a] + 0.5:
                        fail.append(f"{where}: {a} loses {men} of {com[a]} committed")
                if o.get("winner") not in (None, *cas.keys()):
                    fail.append(f"{where}: winner {o.get('winner')} is not a side")
                if o.get("days") is not None and o["days"] < 1:
                    fail.append(f"{where}: days {o['days']}")
        if k.startswith("treaty_"):
            if o.get("treaty") != o["id"] or o.get("parties") != o["actors"]:
                fail.append(f"{where}: treaty and parties")
        if k in ("war", "peace"):
            sides = o.get("sides")
            if not isinstance(sides, dict) or set(sides) != {"JPN", "SOV"}:
                fail.append(f"{where}: sides JPN and SOV")
            elif sorted(sum(sides.values(), [])) != sorted(o["actors"]):
                fail.append(f"{where}: every actor on a side")
for name, run in (("seed 1", s1), ("seed 2", s2)):
    facts(name, run)
kinds = {o["kind"] for o in s1 + s2 if o["type"] == "event"}
for k in ("battle_result", "treaty_signed", "war"):
    if k not in kinds:
        fail.append(f"seeds 1 and 2 have no '{k}' event to check")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail), file=sys.stderr)
    sys.exit(1)
print("ok")
PY
