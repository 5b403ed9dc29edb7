#!/usr/bin/env bash
# An ensemble killed with kill -9 while writing its database, then resumed,
# ends with the same rows and the same JSON (timing aside) as one that ran
# through: no finished run lost, none counted twice.
set -euo pipefail
HK=${1:?usage: ensemble_resume.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'kill -9 $pid 2> /dev/null || true; rm -rf "$T"' EXIT
pid=
stable='del(.runs_per_second, .seconds, .threads, .processes)'
RUNS=${HK_RESUME_RUNS:-4000}
rows() { sqlite3 "$1" "select count(*) from run" 2> /dev/null || echo 0; }

"$HK" ensemble --runs $RUNS --seed 21 --threads 2 --db "$T/whole.sqlite" --json | jq -S "$stable" > "$T/whole.json"
[ "$(rows "$T/whole.sqlite")" -eq $RUNS ]

# Start the same ensemble and kill it hard once some batches are stored.
"$HK" ensemble --runs $RUNS --seed 21 --threads 2 --db "$T/split.sqlite" --json > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  n=$(rows "$T/split.sqlite")
  [ "${n:-0}" -ge 512 ] && break
  sleep 0.02
done
kill -STOP $pid 2> /dev/null || true
kill -9 $pid 2> /dev/null || true
wait $pid 2> /dev/null || true
killed_at=$(rows "$T/split.sqlite")
echo "killed with $killed_at of $RUNS runs stored"
if [ "$killed_at" -ge $RUNS ]; then
  echo "the ensemble finished before it could be killed; raise HK_RESUME_RUNS"; exit 1
fi
[ "$killed_at" -gt 0 ] || { echo "nothing was stored before the kill"; exit 1; }

# Resume with another thread count: only the missing runs are made.
"$HK" ensemble --runs $RUNS --seed 21 --threads 1 --db "$T/split.sqlite" --resume --json \
  2> "$T/resume.err" | jq -S "$stable" > "$T/split.json"
grep -q "runs read from" "$T/resume.err"
[ "$(rows "$T/split.sqlite")" -eq $RUNS ]
[ "$(sqlite3 "$T/split.sqlite" 'select count(*) from ensemble')" -eq 1 ]

cmp <(sqlite3 "$T/whole.sqlite" "select * from run order by run") \
    <(sqlite3 "$T/split.sqlite" "select * from run order by run")
cmp <(sqlite3 "$T/whole.sqlite" "select * from run_year order by run, year") \
    <(sqlite3 "$T/split.sqlite" "select * from run_year order by run, year")
cmp "$T/whole.json" "$T/split.json"

# Resuming a finished ensemble runs nothing and answers the same.
"$HK" ensemble --runs $RUNS --seed 21 --db "$T/split.sqlite" --resume --json 2> /dev/null | jq -S "$stable" \
  > "$T/again.json"
cmp "$T/whole.json" "$T/again.json"

# A different setup is a different ensemble, not a resume of this one.
"$HK" ensemble --runs 5 --seed 21 --db "$T/split.sqlite" --resume --without barbarossa --json > /dev/null 2>&1
[ "$(sqlite3 "$T/split.sqlite" 'select count(*) from ensemble')" -eq 2 ]
echo "ensemble_resume: ok"
