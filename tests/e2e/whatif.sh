#!/usr/bin/env bash
# whatif: baseline and what-if on the same random numbers, a delta for each
# outcome with its paired interval; refuses to run without an override.
set -euo pipefail
HK=${1:?usage: whatif.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$HK" whatif --help | grep -q -- '--without'

set +e
"$HK" whatif --runs 10 > /dev/null 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "whatif without an override exited $rc"; exit 1; }
grep -q -- "--set" "$T/err"

"$HK" whatif --runs 400 --seed 2 --threads 2 --without molotov_ribbentrop_pact --json > "$T/w.json"
jq -e '.runs == 400 and (.baseline | length) == 17 and (.delta | length) == 17 and (.outcomes | length) == 17' \
  "$T/w.json" > /dev/null
# Each proportion's delta is the difference of the two sides (same runs), and
# lies inside its interval.
jq -e '. as $r | [$r.outcomes | to_entries[] | select(.value | has("p")) | .key]
       | all(.[]; . as $k | (($r.outcomes[$k].p - $r.baseline[$k].p) - $r.delta[$k].delta | fabs) < 1e-6)' \
  "$T/w.json" > /dev/null
jq -e '. as $r | all($r.delta[]; .n == 0 or .n == 1 or (.ci95[0] <= .delta and .delta <= .ci95[1]))' "$T/w.json" > /dev/null
jq -e '.delta.strike_north_by_1942.n == 400' "$T/w.json" > /dev/null
# The override is not ignored: some outcome moves (a what-if equal to its
# baseline everywhere would pass every check above).
jq -e '[.delta[] | .delta | select(. != null and . != 0)] | length > 0' "$T/w.json" > /dev/null ||
  { echo "--without molotov_ribbentrop_pact changed no outcome"; exit 1; }
# Forbidding the pact itself: signed in some baseline runs, in none of the what-if's.
"$HK" whatif --runs 100 --seed 3 --without neutrality_pact --json > "$T/np.json"
jq -e '.baseline.neutrality_pact_signed.p > 0 and .outcomes.neutrality_pact_signed.p == 0' "$T/np.json" > /dev/null ||
  { echo "--without neutrality_pact did not forbid the pact: $(jq -c .outcomes.neutrality_pact_signed "$T/np.json")"; exit 1; }

# The baseline of a what-if is the plain ensemble of the same seed.
"$HK" ensemble --runs 400 --seed 2 --json > "$T/e.json"
cmp <(jq -S .baseline "$T/w.json") <(jq -S .outcomes "$T/e.json")

# Moving an event is an override too; a bad key names a valid one.
"$HK" whatif --runs 20 --set german_defeat.date=1944-11-01 > "$T/table.txt"
grep -q "difference" "$T/table.txt"
set +e
"$HK" whatif --runs 5 --set politics.drif=0.1 > /dev/null 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "a bad key exited $rc"; exit 1; }
grep -q "politics.drift" "$T/err"

# A forced strike north: every run opens the war in 1941-08 and the war's
# course is reported with intervals; the baseline has (almost) no such war.
"$HK" whatif --runs 60 --seed 3 --decide JPN.strike_north=1941-08 --json > "$T/d.json"
jq -e '.outcomes.strike_north_by_1942.p == 1 and .outcomes.war_months.mean >= 1
       and .delta.war_months.delta > 0 and (.outcomes.war_casualties_jpn | has("lo") or has("ci_lo") or has("mean"))
       and .outcomes.regions_taken_by_sov.mean >= 0' "$T/d.json" > /dev/null \
  || { echo "whatif --decide: war outcomes"; jq -c '.outcomes.war_months, .delta.war_months' "$T/d.json"; exit 1; }
# The record beside it compares like with like: its war is the Soviet entry of
# 1945, so its figures of the first war are marked not comparable with a
# what-if whose first war is the strike north of 1941 (the baseline's first
# war is 1945's, and the rows of other outcomes keep the plain figure).
jq -e '.history.war_months.comparable == false and .history.war_months.baseline_comparable == true
       and (.history.war_months.text | test("not comparable with the what-if"))
       and (.history.war_casualties_jpn.text | test("not comparable"))
       and .history.soviet_divisions_east_1941.comparable == true
       and (.history.neutrality_pact_signed.text | test("comparable") | not)' "$T/d.json" > /dev/null \
  || { echo "whatif --decide: the record's war figures beside a 1941 war"; jq -c '.history.war_months' "$T/d.json"; exit 1; }
"$HK" whatif --runs 30 --seed 3 --decide JPN.strike_north=1941-08 > "$T/d.txt"
grep -q '^Months of Japanese-Soviet war (history: 1 month, in the Soviet entry of 1945; not comparable with the what-if' "$T/d.txt" \
  || { echo "whatif table: the war's months beside the record's 1945 war are not marked"; grep '^Months of' "$T/d.txt"; exit 1; }
grep -q '^Neutrality pact signed (history: yes)$' "$T/d.txt" || { echo "whatif table: a plain history row changed"; exit 1; }
"$HK" whatif --runs 30 --seed 3 --set war.exhaustion=0.05 > "$T/p.txt"
grep -q 'not comparable' "$T/p.txt" && { echo "whatif table: rows marked not comparable without an early war"; grep 'not comparable' "$T/p.txt"; exit 1; }
set +e
"$HK" whatif --runs 5 --decide JPN.strike_nroth=1941-08 > /dev/null 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "a bad decision exited $rc"; exit 1; }
grep -q "JPN.strike_north" "$T/err"
echo "whatif: ok"
