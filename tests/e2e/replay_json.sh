#!/usr/bin/env bash
# replay --json: JSON Lines as docs/api.md says — every line an object, 333
# months in order, a summary last, the record's dated facts present with their
# sources — and the same bytes every time.
set -euo pipefail
HK=${1:?usage: replay_json.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$HK" replay --json >"$tmp/a.jsonl"
"$HK" replay --json >"$tmp/b.jsonl"
if ! cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl"; then
    echo "FAIL: two replays gave different bytes" >&2
    diff <(head -c 2000 "$tmp/a.jsonl") <(head -c 2000 "$tmp/b.jsonl") >&2 || true
    exit 1
fi
# The bare program is a replay too.
"$HK" --json >"$tmp/c.jsonl"
cmp -s "$tmp/a.jsonl" "$tmp/c.jsonl" || { echo "FAIL: 'hokushin --json' differs from 'hokushin replay --json'" >&2; exit 1; }

python3 - "$tmp/a.jsonl" <<'PY'
import json, re, sys

fail = []
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "", "output must end with a newline"
lines = lines[:-1]
objs = []
for n, line in enumerate(lines, 1):
    try:
        o = json.loads(line)
    except ValueError as e:
        sys.exit(f"FAIL: line {n} is not JSON: {e}: {line[:120]}")
    if not isinstance(o, dict) or o.get("type") not in ("event", "month", "summary"):
        sys.exit(f"FAIL: line {n} has no known type: {line[:120]}")
    objs.append(o)

types = [o["type"] for o in objs]
if types[-1] != "summary" or types.count("summary") != 1:
    fail.append("exactly one summary, last")
months = [o for o in objs if o["type"] == "month"]
events = [o for o in objs if o["type"] == "event"]
if len(months) != 333:
    fail.append(f"333 month lines, got {len(months)}")

# Months run 1918-01 .. 1945-09 without a gap.
expect = [f"{1918 + i // 12}-{i % 12 + 1:02d}" for i in range(333)]
if [m["date"] for m in months] != expect:
    fail.append("months in order from 1918-01 to 1945-09")
for m in months:
    for key in ("date", "doctrine", "incidents", "treaties", "forces", "influence", "tension", "formations",
                "battles", "at_war"):
        if key not in m:
            fail.append(f"month {m.get('date')} lacks {key}")
            break
    else:
        if not all(-1 <= v <= 1 for v in m["doctrine"].values()) or "JPN" not in m["doctrine"]:
            fail.append(f"month {m['date']}: doctrine per actor in [-1, 1] with JPN")
        if not isinstance(m["incidents"], int) or m["incidents"] < 0:
            fail.append(f"month {m['date']}: incidents a count")
        for sector, sides in m["forces"].items():
            if len(sides) != 2 or not all(set(f) >= {"men", "tanks", "guns", "aircraft"} for f in sides.values()):
                fail.append(f"month {m['date']}: forces of {sector} need two sides with men, tanks, guns, aircraft")
    if len(fail) > 10:
        break

# Events are in time order and carry every field.
date_re = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
for e in events:
    if set(e) < {"date", "kind", "id", "actors", "text", "source"} or not date_re.match(e["date"] or ""):
        fail.append(f"event fields: {json.dumps(e)[:120]}")
        break
# Reading order: months in order; inside a month the dated events by day,
# and an event known only by its month after the dated ones played before it.
ev_months = [e["date"][:7] for e in events]
if ev_months != sorted(ev_months):
    fail.append("events in time order (months)")
for month in sorted(set(ev_months)):
    days = [e["date"] for e in events if e["date"][:7] == month and len(e["date"]) > 7]
    if days != sorted(days):
        fail.append(f"events in time order (days of {month})")
        break

# The dated facts of the record, each with a source.
facts = [("basic_convention_1925", "1925-01-20", None), ("soviet_mongolian_protocol", "1936-03-12", None),
         ("sino_soviet_pact", "1937-08-21", None), ("molotov_ribbentrop_pact", "1939-08-23", None),
         ("khalkhin_gol_ceasefire", "1939-09-15", None), ("neutrality_pact", "1941-04-13", "sign"),
         ("neutrality_pact", "1945-04-05", "denounc"), ("soviet_entry", "1945-08-09", None)]
for fid, date, kind in facts:
    hits = [e for e in events if e["id"] == fid and e["date"] == date and (kind is None or kind in e["kind"])]
    if not hits:
        near = [(e["date"], e["kind"]) for e in events if e["id"] == fid]
        fail.append(f"no event {fid} on {date}{' (' + kind + ')' if kind else ''}; events with that id: {near}")
    elif not all(h["source"] and h["text"] for h in hits):
        fail.append(f"event {fid} on {date} without text or source")

s = objs[-1]
if s.get("mode") != "replay" or "seed" not in s or "scenario" not in s:
    fail.append("summary: mode replay, seed, scenario")
names = ["strike_north_by_1942", "japan_soviet_war_before_1945", "neutrality_pact_signed", "neutrality_pact_year",
         "doctrine_south_by_1941_07", "major_border_battle_1937_1940", "japan_loses_major_border_battle",
         "soviet_entry_by_1945_09", "soviet_entry_months_after_german_defeat", "war_months", "war_casualties_jpn",
         "war_casualties_sov", "regions_taken_by_jpn", "regions_taken_by_sov", "trans_siberian_cut",
         "soviet_divisions_east_1941", "soviet_divisions_west_1941"]
if list(s.get("outcomes", {})) != names:
    fail.append(f"summary outcomes are the seventeen names in order, got {list(s.get('outcomes', {}))}")

# control follows the record: every month names a holder for every region;
# Manchukuo from 1932-03, northern Sakhalin Japanese 1920-07..1925-04, and
# Manchuria, northern Korea, southern Sakhalin and the Kurils Soviet in 1945-08/09
by_month = {o["date"]: o for o in objs if o.get("type") == "month"}
def holder(date, region):
    return by_month.get(date, {}).get("control", {}).get(region)
for date, region, want in [("1931-12", "harbin", "CHN"), ("1932-03", "harbin", "MAN"), ("1945-07", "harbin", "MAN"),
                           ("1945-08", "harbin", "SOV"), ("1945-07", "mukden", "MAN"), ("1945-08", "mukden", "SOV"),
                           ("1945-08", "chongjin", "SOV"), ("1945-08", "keijo", "JPN"),
                           ("1945-08", "south_sakhalin", "SOV"), ("1945-09", "kurils_south", "SOV"),
                           ("1945-08", "kunashiri", "JPN"), ("1945-09", "kunashiri", "SOV"), ("1945-09", "habomai", "SOV"),
                           ("1920-06", "north_sakhalin", "SOV"), ("1920-07", "north_sakhalin", "JPN"),
                           ("1925-04", "north_sakhalin", "JPN"), ("1925-05", "north_sakhalin", "SOV")]:
    if holder(date, region) != want:
        fail.append(f"control of {region} in {date}: want {want}, got {holder(date, region)}")
if any(len(o.get("control", {})) != len(by_month["1918-01"]["control"]) for o in by_month.values()):
    fail.append("every month line names the holder of every region")
war = by_month.get("1945-08", {}).get("war")
if not war or war.get("began") != "1945-08" or set(war.get("sides", {})) != {"JPN", "SOV"}:
    fail.append(f"1945-08 carries the war object with its sides, got {war}")
if "war" in by_month.get("1944-12", {}):
    fail.append("no war object in peacetime")
# each formation stands on one front or is split among the fronts it faces,
# counted once: a formation facing two fronts is not shown whole on both
# (the 1st Area Army on the Ussuri and the Tumen)
if war:
    for side in ("JPN", "SOV"):
        pairs = [(a["sector"], b["sector"]) for i, a in enumerate(war.get("fronts", []))
                 for b in war["fronts"][i + 1:] if a["men"].get(side, 0) > 1000 and
                 a["men"].get(side) == b["men"].get(side)]
        if pairs:
            fail.append(f"1945-08 {side}: the same men on two fronts {pairs}")
peace = [o for o in objs if o.get("type") == "event" and o["kind"] == "peace" and str(o["date"]).startswith("1945-08")]
if not peace or not peace[0].get("reason") or not peace[0].get("reason_id") or "sides" not in peace[0]:
    fail.append(f"the 1945 peace carries sides, reason and reason_id, got {peace}")
ipy = s.get("incidents_per_year", {})
if sorted(ipy) != [str(y) for y in range(1918, 1946)]:
    fail.append("summary incidents_per_year 1918..1945")
elif sum(ipy.values()) != sum(m["incidents"] for m in months):
    fail.append("incidents_per_year sums to the months' incidents")

# The record's battles carry their facts: forces, losses within them, winner, days.
for o in objs:
    if o.get("type") == "event" and o.get("kind") == "battle_result":
        where = f"{o['date']} {o['id']}"
        com, cas = o.get("committed") or {}, o.get("casualties") or {}
        if not o.get("sector") or not com or not cas or not o.get("days"):
            fail.append(f"{where}: sector, committed, casualties and days")
        for a, men in cas.items():
            if com.get(a) is not None and men is not None and men > com[a]:
                fail.append(f"{where}: {a} loses {men} of {com[a]}")
results = {o["id"]: o for o in objs if o.get("type") == "event" and o.get("kind") == "battle_result"}
if results.get("nomonhan_counteroffensive", {}).get("winner") != "SOV":
    fail.append("the August 1939 offensive is won by SOV")
if "winner" not in results.get("changkufeng_counteroffensive", {"winner": 0}) or \
        results.get("changkufeng_counteroffensive", {}).get("winner") is not None:
    fail.append("Changkufeng's general offensive is a draw (winner null)")
# The record's forces in their time: the 57th Special Corps is formed in
# September 1937 (not with the first Soviet troops of 1936); the special
# manoeuvres of July 1941 are in the record; and the men the Far East sent
# west in 1941 (about 123,000, rzd_transfers_1941) are replay's outcome.
for e in events:
    if "57th Special Corps" in e["text"] and e["date"] < "1937-09":
        fail.append(f"the 57th Special Corps named before its forming (1937-09): {e['date']} {e['id']}")
if not any(e["id"] == "special_corps_57_formed" and e["date"] == "1937-09-04" for e in events):
    fail.append("the 57th Special Corps formed on 1937-09-04")
if not any(e["id"] == "special_manoeuvres_1941" and e["date"] == "1941-07" and "700,000" in e["text"] for e in events):
    fail.append("the special manoeuvres (Kantokuen) of 1941-07, the Kwantung Army to 700,000")
west = s.get("outcomes", {}).get("soviet_divisions_west_1941")
if not isinstance(west, (int, float)) or abs(west - 123000 / 12000) > 0.01:
    fail.append(f"replay's soviet_divisions_west_1941 is the record's 123,000 men in divisions of 12,000, got {west}")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail[:20]), file=sys.stderr)
    sys.exit(1)
print(f"ok: {len(lines)} lines, {len(events)} events, {len(months)} months")
PY
