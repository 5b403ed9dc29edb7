#!/usr/bin/env bash
# `hokushin validate` and `hokushin calibrate` end to end, on few runs: the
# options, bad input, a report with every section whose recorded values come
# from the scenario, the same report on one thread and on two, a calibration
# file, and --apply touching only the fitted keys of a params.yaml copy.
set -uo pipefail
HK=${1:?usage: validate.sh PATH_TO_hokushin}
SRC=${HK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

# --help teaches, bad options exit 2
"$HK" validate --help >"$tmp/help" || fail "validate --help exits $?"
grep -q -- '--runs N' "$tmp/help" || fail "validate --help does not explain --runs"
"$HK" calibrate --help >"$tmp/help" || fail "calibrate --help exits $?"
grep -q -- '--apply' "$tmp/help" || fail "calibrate --help does not explain --apply"
"$HK" validate --runs abc --out "$tmp/x.md" 2>/dev/null; [ $? -eq 2 ] || fail "validate --runs abc should exit 2"
"$HK" validate --bogus 2>/dev/null; [ $? -eq 2 ] || fail "validate --bogus should exit 2"
"$HK" calibrate --max-iter 0 2>/dev/null; [ $? -eq 2 ] || fail "calibrate --max-iter 0 should exit 2"
[ ! -e "$tmp/x.md" ] || fail "a rejected validate wrote its report"

# the claims list
"$HK" validate --list-claims >"$tmp/claims" || fail "--list-claims exits $?"
n=$(grep -c '\.txt:' "$tmp/claims")
[ "$n" -ge 8 ] || fail "only $n claims listed"

# a small report, twice: one thread, two threads — identical
"$HK" validate --runs 40 --lint-runs 100 --threads 1 --out "$tmp/v1.md" 2>"$tmp/err1" || { fail "validate exits $?"; cat "$tmp/err1" >&2; }
"$HK" validate --runs 40 --lint-runs 100 --threads 2 --out "$tmp/v2.md" --json "$tmp/v2.json" 2>"$tmp/err2" || fail "validate (2 threads) exits $?"
cmp -s "$tmp/v1.md" "$tmp/v2.md" || fail "the report differs between 1 and 2 threads"
# sections are found by title: their numbers move as the report grows
for section in '^\*\*Summary:\*\*' '^## [0-9]+\. The record' '^## [0-9]+\. Khalkhin Gol' '^## [0-9]+\. Calibrated' \
               '^## [0-9]+\. The combat model' "^## [0-9]+\. The sources' causal claims" \
               '^## [0-9]+\. Armies, border battles and 1945' '^## [0-9]+c\. What if Japan had struck north' \
               '^## [0-9]+\. The same checks at another seed' '^## [0-9]+\. Single histories and citations' \
               '^## [0-9]+\. What fails'; do
  grep -qE "$section" "$tmp/v1.md" || fail "the report has no section matching $section"
done
grep -q 'Fewer than 1,000 runs' "$tmp/v1.md" || fail "a 40-run report does not say it is a smoke test"
grep -qE 'read 100 simulate histories .* \*\*[0-9]+ violations?\.\*\*' "$tmp/v1.md" ||
    fail "the linter section does not say how many violations the linter found in its 100 histories"
grep -q '(`casualties_above_committed`) | 0 | 0 |' "$tmp/v1.md" || fail "linter section: casualties above committed"

# the other-seed section reruns every check at --seed + 1: its summary is that seed's own report's
"$HK" validate --runs 40 --seed 1919 --other-seed 0 --lint-runs 0 --out "$tmp/v1919.md" 2>/dev/null || fail "validate --seed 1919 exits $?"
grep -qE '^## [0-9]+\. What fails' "$tmp/v1919.md" || fail "the report without the other seed has no 'What fails'"
grep -q 'Single histories and citations' "$tmp/v1919.md" && fail "--lint-runs 0 still wrote the linter's section"
grep -q 'same checks at another seed' "$tmp/v1919.md" && fail "--other-seed 0 still wrote the other seed's section"
own=$(sed -nE 's/^\*\*Summary:\*\* (.*)\.$/\1/p' "$tmp/v1919.md")
grep -qF "Seed 1919: $own." "$tmp/v1.md" || fail "the other-seed section does not give seed 1919's own summary ($own)"
# at the same seed nothing can differ
"$HK" validate --runs 40 --seed 7 --other-seed 7 --out "$tmp/v7.md" 2>/dev/null || fail "validate --other-seed 7 exits $?"
grep -q 'same result at both seeds' "$tmp/v7.md" || fail "the same seed twice gives different results"
grep -q -- '--other-seed 7' "$tmp/v7.md" || fail "the report does not cite its --other-seed"
"$HK" validate --other-seed x --out "$tmp/x.md" 2>/dev/null; [ $? -eq 2 ] || fail "--other-seed x should exit 2"
# recorded values come from the scenario: 176 incidents in 1935 (001:49)
grep -q '^| Border incidents 1935 | 176 ' "$tmp/v1.md" || fail "no row for the 1935 incidents with the record's 176"
rows=$(grep -cE '\| (PASS|\*\*FAIL\*\*( \(not testable\))?) \|$' "$tmp/v1.md")
[ "$rows" -ge 20 ] || fail "only $rows judged rows in the report"
claims=$(sed -n "/^## [0-9]*\. The sources' causal claims/,/^## [0-9]*\. Armies/p" "$tmp/v1.md" | grep -cE '^\| [0-9]+ \| ')
[ "$claims" -eq "$n" ] || fail "the report has $claims claim rows, --list-claims $n"

# the same figures and claims as JSON
jclaims=$(grep -c '"statement":' "$tmp/v2.json")
[ "$jclaims" -eq "$n" ] || fail "the JSON has $jclaims claims, --list-claims $n"
grep -q '"figures_failed":' "$tmp/v2.json" || fail "the JSON has no figures_failed"

# calibration on a copy of the scenario, so the real params.yaml is never touched
cp -r "$SRC/scenarios/far-east-1918" "$tmp/scn"
"$HK" calibrate --scenario "$tmp/scn" --runs 20 --max-iter 2 --out "$tmp/cal.yaml" 2>"$tmp/cerr" \
  || { fail "calibrate exits $?"; cat "$tmp/cerr" >&2; }
for key in method objective_fitted held_out_error_mean_abs_relative residuals 'part: held_out' 'part: fitted'; do
  grep -q "$key" "$tmp/cal.yaml" || fail "calibration.yaml has no $key"
done
# the default fit holds every key the scenario's incident process was fitted on: its level and
# shape, and the posts taken up after the railway's sale (data/calibration.yaml and params.yaml agree)
for key in incident.base_rate incident.forces_elast incident.forces_ref incident.posting incident.posting_settle; do
  grep -q "key: $key\$" "$tmp/cal.yaml" || fail "the default calibration does not fit $key"
done
# start the fit away from its optimum, so that two iterations must move it
sed -i -E 's/(key: incident\.base_rate, value: )[0-9.e+-]+/\11.0/' "$tmp/scn/params.yaml"
cp "$tmp/scn/params.yaml" "$tmp/before.yaml"
"$HK" calibrate --scenario "$tmp/scn" --runs 20 --max-iter 2 --out "$tmp/cal2.yaml" --apply 2>"$tmp/cerr" \
  || { fail "calibrate --apply exits $?"; cat "$tmp/cerr" >&2; }
changed=$(diff "$tmp/before.yaml" "$tmp/scn/params.yaml" | grep '^>' || true)
if [ -n "$changed" ]; then
  echo "$changed" | grep -vqE 'value:|source:' && fail "--apply changed a line other than value/source"
  grep -q 'calibrated: ' "$tmp/scn/params.yaml" || fail "--apply wrote no calibrated source"
  "$HK" check --scenario "$tmp/scn" >/dev/null 2>"$tmp/chk" || { fail "the applied params.yaml no longer checks"; cat "$tmp/chk" >&2; }
else
  fail "--apply changed nothing in params.yaml"
fi
exit $status
