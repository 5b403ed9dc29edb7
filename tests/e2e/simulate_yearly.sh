#!/usr/bin/env bash
# The yearly blocks and the outcomes of the timeline against the run's JSON:
# the border line counts each formation once (a formation facing two sectors
# is not added twice), a run cut with --until prints the outcomes it cannot
# decide as "not reached" (null in the JSON summary) and does not compare a
# partial year with a whole year's record, a fractional year is printed as
# YYYY-MM, and a year whose forces collapse also shows its peak.
set -euo pipefail
HK=${1:?usage: simulate_yearly.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$HK" simulate --seed 1 >"$tmp/s1.txt"
"$HK" simulate --seed 1 --json >"$tmp/s1.jsonl"
"$HK" replay >"$tmp/r.txt"
"$HK" replay --json >"$tmp/r.jsonl"
"$HK" simulate --seed 1 --until 1939-08 >"$tmp/u.txt"
"$HK" simulate --seed 1 --until 1939-08 --json >"$tmp/u.jsonl"
SCEN=${HK_SOURCE_DIR:-$(dirname "$0")/../..}/scenarios/far-east-1918

python3 - "$tmp" "$SCEN" <<'PY'
import json, re, sys
d, scen = sys.argv[1], sys.argv[2]
fail = []

def flow(path):
    """id -> {key: value} of the flow-style YAML items `- {id: X, k: v, ...}`."""
    out = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*-\s*\{(.*)\}\s*$", line)
        if not m:
            continue
        item = dict(re.findall(r"(\w+):\s*(\"[^\"]*\"|[^,]+)", m.group(1)))
        if "id" in item:
            out[item["id"].strip()] = {k: v.strip().strip('"') for k, v in item.items()}
    return out

regions = flow(f"{scen}/regions.yaml")
region_sector = {r: v.get("sector") for r, v in regions.items()}
jp_bloc, sov_bloc = {"JPN", "MAN"}, {"SOV", "MGL"}
actor_of = {}
for line in open(f"{scen}/forces.yaml", encoding="utf-8"):
    m = re.search(r"\bid:\s*(\w+).*\bactor:\s*(\w+)", line)
    if m:
        actor_of[m.group(1)] = m.group(2)

def border_totals(month):
    """men of each bloc in formations standing in a region that faces a sector
    whose side of that bloc is counted this month, or on their own bloc's
    ground in a border sector (the Korea Army on the lower Tumen before
    Manchuria is held), each formation once."""
    tot = [0.0, 0.0]
    for fid, f in month["formations"].items():
        sec = region_sector.get(f["region"])
        a = actor_of.get(fid)
        if not sec or sec == "null" or a is None or f["men"] <= 0:
            continue
        side = 0 if a in jp_bloc else 1 if a in sov_bloc else None
        if side is None:
            continue
        own = regions[f["region"]].get("controller")
        bloc = lambda x: 0 if x in jp_bloc else 1 if x in sov_bloc else None
        sides = list(month["forces"].get(sec, {}).values())
        if (len(sides) == 2 and sides[side]["men"] > 0) or bloc(own) == side:
            tot[side] += f["men"]
    return tot

def blocks(text):
    """year -> (japanese men, soviet men) of the yearly border lines."""
    out, year = {}, None
    for line in text.split("\n"):
        m = re.match(r"^-+ (\d{4})( \(to \d\d\))? -+$", line)
        if m:
            year = int(m.group(1))
        m = re.search(r"(Japanese|Soviet) side +([\d,]+) men", line)
        if m and year:
            out.setdefault(year, {})[m.group(1)] = int(m.group(2).replace(",", ""))
    return out

for name in ("s1", "r"):
    text = open(f"{d}/{name}.txt", encoding="utf-8").read()
    run = [json.loads(l) for l in open(f"{d}/{name}.jsonl", encoding="utf-8")]
    months = {o["date"]: o for o in run if o["type"] == "month"}
    got = blocks(text)
    if not got:
        fail.append(f"{name}: no border lines found")
    for year, sides in got.items():
        key = f"{year}-12" if f"{year}-12" in months else max(k for k in months if k.startswith(str(year)))
        want = border_totals(months[key])
        for i, side in enumerate(("Japanese", "Soviet")):
            if abs(sides.get(side, -1) - round(want[i])) > 2:
                fail.append(f"{name} {year}: {side} side {sides.get(side)} men, distinct formations give {want[i]:.0f}")
                break
    # A year whose army stands partly behind the border (the army of the
    # special manoeuvres, its central reserve at Dalian and the Korea Army at
    # Keijo) gives the whole army too, the figure the year's events tell
    if name == "s1":
        b41 = text[text.find("--- 1941"):text.find("--- 1942")]
        am = re.search(r"Japanese side +in all ([\d,]+) men, the reserves in the rear", b41)
        whole = sum(f["men"] for fid, f in months["1941-12"]["formations"].items()
                    if actor_of.get(fid) in jp_bloc and f["men"] > 0)
        if not am:
            fail.append("simulate 1941: the block leaves out the army behind the border")
        elif abs(int(am.group(1).replace(",", "")) - round(whole)) > 2:
            fail.append(f"simulate 1941: the Japanese army in all is {am.group(1)}, its formations give {whole:.0f}")
    # A year whose forces collapse names its peak month.
    if name == "r":
        b45 = text[text.find("--- 1945"):]
        if not re.search(r"peak +[\d,]+ men in 1945-\d\d", b45):
            fail.append("replay 1945: the block does not show the year's peak")
        # and the whole army of that month, the reserves behind the border
        # (the Kwantung Army's central reserve) included
        pm = re.search(r"Japanese side +peak +[\d,]+ men in (1945-\d\d) \(([\d,]+) with the reserves", b45)
        if not pm:
            fail.append("replay 1945: the Japanese peak leaves out the reserves behind the border")
        else:
            whole = sum(f["men"] for fid, f in months[pm.group(1)]["formations"].items()
                        if actor_of.get(fid) in jp_bloc and f["men"] > 0)
            if abs(int(pm.group(2).replace(",", "")) - round(whole)) > 2:
                fail.append(f"replay 1945: the Japanese army with its reserves is {pm.group(2)}, "
                            f"its formations give {whole:.0f}")

# The pact's year as a month, not rounded to a year.
s1 = [json.loads(l) for l in open(f"{d}/s1.jsonl", encoding="utf-8")]
summ = s1[-1]
py = summ["outcomes"]["neutrality_pact_year"]
text = open(f"{d}/s1.txt", encoding="utf-8").read()
if py is not None:
    y = int(py); mo = round((py - y) * 12) + 1
    if not re.search(rf"^  neutrality_pact_year +{y}-{mo:02d} ", text, re.M):
        fail.append(f"neutrality_pact_year {py} not printed as {y}-{mo:02d}")

# A run cut in 1939-08.
u = open(f"{d}/u.txt", encoding="utf-8").read()
uj = [json.loads(l) for l in open(f"{d}/u.jsonl", encoding="utf-8")][-1]
if uj.get("until") != "1939-08":
    fail.append(f"summary until {uj.get('until')!r}, want 1939-08")
oc = uj["outcomes"]
for n in ("strike_north_by_1942", "japan_soviet_war_before_1945", "soviet_entry_by_1945_09",
          "soviet_entry_months_after_german_defeat"):
    if oc[n] is not None:
        fail.append(f"--until 1939-08: {n} is {oc[n]!r}, want null")
    if not re.search(rf"^  {n} +not reached", u, re.M):
        fail.append(f"--until 1939-08: {n} not printed as 'not reached'")
if oc["neutrality_pact_signed"] is False:
    fail.append("--until 1939-08: neutrality_pact_signed false although the run may still sign one")
if re.search(r"this year \(record \d+\)", u.split("--- 1939")[-1]):
    fail.append("--until 1939-08: the partial year is compared with the whole year's record")
full = [json.loads(l) for l in open(f"{d}/s1.jsonl", encoding="utf-8")][-1]["outcomes"]
for k, v in full.items():
    if k != "neutrality_pact_year" and k != "soviet_entry_months_after_german_defeat" and v is None:
        fail.append(f"full run: {k} is null")
# an outcome line of the summary ("  name   not reached"), not prose that
# happens to hold the words
if re.search(r"^  \S+ +not reached", text, re.M):
    fail.append("full run prints an outcome as 'not reached'")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail), file=sys.stderr)
    sys.exit(1)
print("ok")
PY
