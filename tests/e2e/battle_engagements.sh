#!/usr/bin/env bash
# battle_engagements: the six Japan-USSR engagements of CDB90 (256-260, 516),
# fought by `hokushin battle` from their recorded forces and what was known
# before each (the commands docs/combat-validation.md lists), give the
# winners, casualties and days of the report's table; the report says how many of
# the record's winners the model names, and the count is checked against the
# table. The declared Khalkhin Gol check (the campaign's four engagements,
# with the Soviet plan of surprise and envelopment) names the Soviet side,
# winning its August offensive by encirclement, as the record does, and every side loses at most what it committed.
set -euo pipefail
HK=${1:?usage: battle_engagements.sh PATH_TO_hokushin}
SRC=${HK_SOURCE_DIR:?HK_SOURCE_DIR not set}
DOC="$SRC/docs/combat-validation.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -E '^(256|257|258|259|260|516): hokushin battle ' "$DOC" >"$tmp/cmds" || true
if [ "$(wc -l <"$tmp/cmds")" != 6 ]; then
    echo "FAIL: docs/combat-validation.md lists the six engagements' commands" >&2
    exit 1
fi
while IFS= read -r line; do
    isq=${line%%:*}
    read -r -a args <<<"${line#*: hokushin battle }"
    "$HK" battle "${args[@]}" --json >"$tmp/$isq.json"
done <"$tmp/cmds"

"$HK" battle --help >"$tmp/help.txt"
# The Khalkhin Gol example of --help is the declared check.
python3 - "$tmp/help.txt" "$tmp/kg.args" <<'PY'
import re, shlex, sys
text = open(sys.argv[1]).read()
m = re.search(r"hokushin battle (--attacker SOV:men=57000.*?--phases \S+)", text, re.S)
if not m:
    sys.exit("FAIL: battle --help gives the Khalkhin Gol example")
open(sys.argv[2], "w").write("\n".join(shlex.split(m.group(1).replace("\\\n", " "))))
PY
mapfile -t kg <"$tmp/kg.args"
"$HK" battle "${kg[@]}" --json >"$tmp/kg.json"

python3 - "$tmp" "$DOC" <<'PY'
import json, re, sys
d, doc = sys.argv[1], sys.argv[2]
text = open(doc, encoding="utf-8").read()
fail = []
rows = {}
for m in re.finditer(r"^\| (\d+) \| [^|]+ \| [^|]+ \| \d+ / (\d+) \| [\d.]+ / [\d.]+ \| (\d+) / (\d+) \|"
                     r"[^\n]*\| (\w+) / (\w+) / (\w+) \|$", text, re.M):
    rows[m.group(1)] = (int(m.group(3)), int(m.group(4)), m.group(5), m.group(6), int(m.group(2)))
named = 0
for isq in ("256", "257", "258", "259", "260", "516"):
    if isq not in rows:
        fail.append(f"{isq}: no row in the report's table")
        continue
    b = json.load(open(f"{d}/{isq}.json"))
    cas = (b["attacker"]["casualties"], b["defender"]["casualties"])
    want_a, want_d, record, model, days = rows[isq]
    if b["days"] != days:
        fail.append(f"{isq}: battle fights {b['days']} days, the report {days}")
    role = b["winner_role"]
    got = {"attacker": "attacker", "defender": "defender"}.get(role, "draw")
    if got != model:
        fail.append(f"{isq}: battle names the {got}, the report the {model}")
    if abs(cas[0] - want_a) > 1 or abs(cas[1] - want_d) > 1:
        fail.append(f"{isq}: battle gives {cas}, the report {want_a} / {want_d}")
    for role in ("attacker", "defender"):
        s = b[role]
        if s["casualties"] > s["forces"]["men"] or s["prisoners"] > s["casualties"]:
            fail.append(f"{isq}: {role} lost more than it committed")
    named += got == record
m = re.search(r"Over the six: the model names (\d+) of 6 winners", text)
if not m or int(m.group(1)) != named:
    fail.append(f"the report's count of winners named ({m.group(1) if m else '?'}) is {named}")
print(f"six Japan-USSR engagements: the record's winner named in {named} of 6")
kg = json.load(open(f"{d}/kg.json"))
if kg.get("winner") != "SOV":
    fail.append(f"Khalkhin Gol: the record's winner is the Soviet side, battle names {kg.get('winner')!r}")
if kg.get("encircled") is not True:
    fail.append("Khalkhin Gol: the August offensive wins by encirclement, as the record has it")
for role in ("attacker", "defender"):
    s = kg[role]
    if s["casualties"] > s["forces"]["men"]:
        fail.append(f"Khalkhin Gol: {role} lost more than its peak strength")
# What was known before each engagement: the Changkufeng attack of 31 July
# 1938 began at 02:00, a night attack; none of the others did.
for isq in ("256", "257", "258", "259", "260", "516"):
    b = json.load(open(f"{d}/{isq}.json"))
    if b["attacker"]["forces"].get("night") is not (isq == "256"):
        fail.append(f"{isq}: the attacker's night flag should be {isq == '256'}")
if kg["attacker"]["forces"].get("surprise") != 2 or kg["attacker"]["forces"].get("envelop") is not True:
    fail.append("Khalkhin Gol: the Soviet plan (surprise=2, envelop=1) is in the check")
for msg in fail:
    print("FAIL:", msg, file=sys.stderr)
sys.exit(1 if fail else 0)
PY
