#!/usr/bin/env bash
# ensemble: the JSON contract, the table, the same answer for the same seed,
# and bad input refused with exit status 2.
set -euo pipefail
HK=${1:?usage: ensemble.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
stable='del(.runs_per_second, .seconds, .threads, .processes)'

"$HK" ensemble --help | grep -q -- '--resume'

"$HK" ensemble --runs 300 --seed 5 --threads 2 --json > "$T/a.json"
jq -e '.runs == 300 and .seed == 5 and .complete == true and (.runs_per_second | type) == "number"
       and .threads == 2' "$T/a.json" > /dev/null
# Every outcome of the contract, proportions with p inside a proper interval,
# means with sd and n.
for o in strike_north_by_1942 japan_soviet_war_before_1945 neutrality_pact_signed doctrine_south_by_1941_07 \
         major_border_battle_1937_1940 japan_loses_major_border_battle soviet_entry_by_1945_09; do
  jq -e --arg o "$o" '.outcomes[$o] as $x | $x.p >= 0 and $x.p <= 1 and $x.ci95[0] <= $x.p and $x.p <= $x.ci95[1]
                      and $x.ci95[0] >= 0 and $x.ci95[1] <= 1 and $x.n == 300' "$T/a.json" > /dev/null \
    || { echo "bad proportion $o"; jq ".outcomes.$o" "$T/a.json"; exit 1; }
done
for o in neutrality_pact_year soviet_entry_months_after_german_defeat; do
  jq -e --arg o "$o" '.outcomes[$o] as $x | ($x | has("mean") and has("sd") and has("ci95") and has("n"))
                      and $x.n <= 300 and ($x.n < 2 or ($x.ci95[0] <= $x.mean and $x.mean <= $x.ci95[1]))' \
    "$T/a.json" > /dev/null || { echo "bad mean $o"; jq ".outcomes.$o" "$T/a.json"; exit 1; }
done
jq -e '.incidents_per_year | length == 28 and has("1918") and has("1945") and (.["1938"] | has("mean") and has("sd"))' \
  "$T/a.json" > /dev/null

# Same seed, same answer; another seed, another sample.
"$HK" ensemble --runs 300 --seed 5 --threads 1 --json > "$T/b.json"
diff <(jq -S "$stable" "$T/a.json") <(jq -S "$stable" "$T/b.json")
"$HK" ensemble --runs 300 --seed 6 --json > "$T/c.json"
if diff -q <(jq -S "$stable" "$T/a.json") <(jq -S "$stable" "$T/c.json") > /dev/null; then
  echo "seeds 5 and 6 gave the same ensemble"; exit 1
fi

# The table names every outcome.
"$HK" ensemble --runs 50 > "$T/table.txt"
grep -q strike_north_by_1942 "$T/table.txt"
grep -q "border incidents per year" "$T/table.txt"

# Ctrl-C: the runs in flight finish, the ones that finished are reported and
# stored, and the exit status is 130.
# The Ctrl-C is sent once runs are stored, so after the program has taken
# over SIGINT: a command started with & in a script begins with SIGINT
# ignored, and a slow start (a sanitizer build) lost a Ctrl-C sent at a
# fixed time and ran on for the whole 10^8 runs.
"$HK" ensemble --runs 100000000 --threads 2 --db "$T/int.sqlite" --json > "$T/int.json" 2> "$T/int.err" &
pid=$!
stored=0
for _ in $(seq 1 3600); do
  kill -0 $pid 2>/dev/null || break
  stored=$(sqlite3 "$T/int.sqlite" 'select count(*) from run' 2>/dev/null || echo 0)
  [ "${stored:-0}" -gt 0 ] && break
  sleep 0.5
done
[ "${stored:-0}" -gt 0 ] || { echo "no run was stored before the Ctrl-C"; cat "$T/int.err"; kill $pid; exit 1; }
kill -INT $pid
set +e
wait $pid
rc=$?
set -e
[ "$rc" -eq 130 ] || { echo "Ctrl-C exited $rc, expected 130"; cat "$T/int.err"; exit 1; }
grep -q "interrupted" "$T/int.err"
done_runs=$(jq .runs "$T/int.json")
jq -e '.complete == false and .runs > 0 and .runs < 100000000' "$T/int.json" > /dev/null
[ "$(sqlite3 "$T/int.sqlite" 'select count(*) from run')" -eq "$done_runs" ] \
  || { echo "stored rows differ from the $done_runs runs reported"; exit 1; }

expect_usage() {
  set +e
  "$HK" "$@" > /dev/null 2> "$T/err"
  rc=$?
  set -e
  if [ "$rc" -ne 2 ]; then echo "'$*' exited $rc, expected 2"; cat "$T/err"; exit 1; fi
  [ -s "$T/err" ] || { echo "'$*' gave no message"; exit 1; }
}
expect_usage ensemble --runs -3
expect_usage ensemble --runs many
expect_usage ensemble --runs 0        # an ensemble of nothing is a mistake, not a table of "-"
expect_usage ensemble --threads -1
expect_usage ensemble --threads 1025
expect_usage ensemble --db /nonexistent/folder/runs.sqlite --runs 1
expect_usage ensemble --bogus
expect_usage ensemble --resume
expect_usage ensemble --set no.such.key=1 --runs 1
expect_usage ensemble --without no_such_event --runs 1
echo "ensemble: ok"
