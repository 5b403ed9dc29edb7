#!/usr/bin/env bash
# simulate's timeline: every event explained with its source, yearly state,
# the nine outcomes at the end; bad --seed/--until/--set/--without exit 2.
set -euo pipefail
HK=${1:?usage: simulate_text.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$HK" simulate --seed 3 >"$tmp/out.txt"
"$HK" simulate --seed 3 --json >"$tmp/out.jsonl"
python3 - "$tmp/out.txt" "$tmp/out.jsonl" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
run = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
fail = []
wide = [l for l in text.split("\n") if len(l) > 100]
if wide:
    fail.append(f"lines wider than 100 columns, e.g. {wide[0]!r}")
# Every event of the run is on the timeline with its date (explained, not filtered).
events = [o for o in run if o["type"] == "event"]
lines = [l for l in text.split("\n") if re.match(r"^\d{4}-\d{2}(-\d{2})? +\S", l)]
if len(lines) != len(events):
    fail.append(f"{len(events)} events in the run, {len(lines)} on the timeline")
if "seed 3" not in "".join(text.split("\n")[:3]):
    fail.append("the heading names the seed")
names = ["strike_north_by_1942", "japan_soviet_war_before_1945", "neutrality_pact_signed", "neutrality_pact_year",
         "doctrine_south_by_1941_07", "major_border_battle_1937_1940", "japan_loses_major_border_battle",
         "soviet_entry_by_1945_09", "soviet_entry_months_after_german_defeat"]
tail = text[text.find("outcomes"):]
for n in names:
    if not re.search(r"^  " + n + r" +\S", tail, re.M):
        fail.append(f"outcome {n} not printed")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail), file=sys.stderr)
    sys.exit(1)
print("ok")
PY

"$HK" simulate --help | grep -q -- "--without"
expect2() {
    local status=0
    "$HK" simulate "$@" >/dev/null 2>"$tmp/err" || status=$?
    if [ "$status" != 2 ]; then echo "FAIL: simulate $* exited $status, want 2" >&2; exit 1; fi
    if ! [ -s "$tmp/err" ]; then echo "FAIL: simulate $* said nothing on stderr" >&2; exit 1; fi
}
# Large numbers in event text carry thousands separators, as on the page (years, dates,
# seed file names and decimals excepted).
"$HK" simulate --seed 5 > "$tmp/sep.txt"
if grep -nE '(^|[ (\[])[0-9]{5,}([ .,;:)%]|$)' "$tmp/sep.txt" | grep -vE '[0-9]{5,}\.[0-9]' | head -3 | grep . ; then
    echo "FAIL: simulate text has large numbers without thousands separators (above)" >&2; exit 1
fi
grep -qE '[0-9]{1,3},[0-9]{3}' "$tmp/sep.txt" || { echo "FAIL: no number with a thousands separator in simulate text" >&2; exit 1; }
# The history's sentences say what the model did: a decided battle that goes
# on says who gave ground, not that both held theirs; a campaign's spent side
# is down to under a tenth of what it committed; a war month counts the days
# its fronts fought, matching the dates it names; an armistice for a
# stalemate names the months without a battle.
"$HK" simulate --seed 3 --json >"$tmp/w3.jsonl"
"$HK" simulate --seed 7 --json >"$tmp/w7.jsonl"
"$HK" simulate --seed 1 --decide JPN.strike_north=1941-08 --json >"$tmp/wn.jsonl"
python3 - "$tmp/w3.jsonl" "$tmp/w7.jsonl" "$tmp/wn.jsonl" <<'PY'
import json, re, sys
fail = []
for path in sys.argv[1:]:
    evs = [o for o in map(json.loads, open(path, encoding="utf-8")) if o["type"] == "event"]
    quiet = 0
    for e in evs:
        t = e.get("text") or ""
        if e["kind"] == "battle_result" and e.get("winner") and "both hold their ground" in t:
            fail.append(f"{path} {e['date']}: a battle with a winner says both hold their ground: {t[:120]}")
        if "days of general war" in t:
            fail.append(f"{path} {e['date']}: 'days of general war' does not say what it counts: {t[:80]}")
        m = re.search(r"is down to ([\d,]+) men, under a tenth of the ([\d,]+) it committed", t)
        if m and not int(m[1].replace(",", "")) * 10 < int(m[2].replace(",", "")):
            fail.append(f"{path} {e['date']}: {m[0]} is not under a tenth")
        m = re.match(r"(\d+) days? of fighting on the fronts, (\d+) to (\d+) ", t)
        if m and int(m[1]) != int(m[3]) - int(m[2]) + 1:
            fail.append(f"{path} {e['date']}: {m[0]} counts the days wrongly")
        if e["kind"] == "war_month":
            quiet = quiet + 1 if re.search(r", 0 battles:", t) else 0
        m = re.search(r"no battle fought on any front for (\d+) months?", t)
        if e["kind"] == "peace" and m and int(m[1]) != quiet:
            fail.append(f"{path} {e['date']}: the armistice says {m[1]} months without a battle, the months say {quiet}")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail), file=sys.stderr)
    sys.exit(1)
PY

# A border campaign's month says what each side brings up in words that hold:
# not "brings up 0", and no road of 0 km when the railway reaches the border.
for seed in 1 2 3 4 5 6 7 8 9 10; do
    "$HK" simulate --seed "$seed" | tr -s ' \n' '  ' >"$tmp/flat.txt"
    if grep -oE 'brings up 0[ .]|over 0 km' "$tmp/flat.txt" | head -1 | grep . ; then
        echo "FAIL: simulate --seed $seed says a campaign brings up 0 men or over 0 km (above)" >&2; exit 1
    fi
done

expect2 --seed abc
expect2 --seed -1
expect2 --seed
expect2 --until 1939-13
expect2 --until 1950-01
expect2 --until 1939
expect2 --set no_such_param=1
expect2 --set incident.base_rate
expect2 --without no_such_event
expect2 --frobnicate
echo ok
