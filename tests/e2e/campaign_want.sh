#!/usr/bin/env bash
# A border campaign's month says what the Japanese side wants as a ratio
# over the enemy it expects to meet that month (the Soviet line once the
# month's columns are up), not over the outposts on the line at the month's
# start: a few hundred men there made the stake read "104.52 of the
# enemy's". Seeds 1-12: every such ratio is under 5.
set -uo pipefail
HK=${1:?usage: campaign_want.sh PATH_TO_hokushin}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in $(seq 1 12); do
    "$HK" simulate --seed "$s" --json >"$tmp/$s.jsonl" || { echo "FAIL: simulate --seed $s"; exit 1; }
done
python3 - "$tmp" <<'PY'
import json, os, re, sys
tmp = sys.argv[1]
bad, seen = [], 0
for s in range(1, 13):
    for e in map(json.loads, open(os.path.join(tmp, f"{s}.jsonl"))):
        if e.get("type") != "event" or e.get("kind") != "battle":
            continue
        for m in re.finditer(r"wants (\d+) men \(([\d.]+) (?:times|of)", e["text"]):
            seen += 1
            if float(m.group(2)) >= 5:
                bad.append(f"seed {s} {e['date']}: wants {m.group(1)} men, {m.group(2)} of the enemy")
if seen == 0:
    print("FAIL: no campaign month says what the Japanese side wants in seeds 1-12")
    sys.exit(1)
for b in bad:
    print("FAIL:", b)
print(f"{seen} wants read, {len(bad)} over 5 times the enemy")
sys.exit(1 if bad else 0)
PY
