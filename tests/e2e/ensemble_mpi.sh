#!/usr/bin/env bash
# Two MPI processes on one machine: each runs a block, the first prints the
# merged ensemble, which equals the single-process one (timing aside); a
# what-if merges the same way. With --db the first process writes every
# rank's runs: the tables equal a single process's, a stop (SIGINT to the
# first process) keeps what was written, a job killed hard loses no stored
# run, and --resume under mpirun finishes with the same rows and JSON.
set -euo pipefail
HK=${1:?usage: ensemble_mpi.sh PATH_TO_hokushin}
# grep reads all of ldd's output: with -q it could stop early and pipefail would see SIGPIPE.
if ! command -v mpirun > /dev/null || ! ldd "$HK" | grep libmpi > /dev/null; then
  echo "mpirun missing or hokushin built without MPI (HK_MPI=OFF): skipped"; exit 77
fi
T=$(mktemp -d)
mp=
trap '[ -n "$mp" ] && { pkill -9 -P $mp 2> /dev/null; kill -9 $mp 2> /dev/null; }; rm -rf "$T"' EXIT
stable='del(.runs_per_second, .seconds, .threads, .processes)'
# One machine, no ssh, no network transports but shared memory.
export OMPI_MCA_plm=isolated OMPI_MCA_btl=self,vader OMPI_MCA_rmaps_base_oversubscribe=1
# Open MPI keeps memory to the end of the process; a sanitizer build would call it a leak.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
MPI=(mpirun --allow-run-as-root --oversubscribe -np 2)
rows() { sqlite3 "$1" "select count(*) from run" 2> /dev/null || echo 0; }
dump() { sqlite3 "$1" "select * from run order by run"; sqlite3 "$1" "select * from run_year order by run, year"; }
# Waits until the database holds at least $2 runs (or the job $mp ended).
wait_rows() {
  for _ in $(seq 1 1500); do
    [ "$(rows "$1")" -ge "$2" ] && return 0
    kill -0 "$mp" 2> /dev/null || return 0
    sleep 0.01
  done
}
# The pid of rank $1 of the job started by mpirun $mp.
rank_pid() {
  for p in $(pgrep -P "$mp"); do
    if tr '\0' '\n' < "/proc/$p/environ" 2> /dev/null | grep -qx "OMPI_COMM_WORLD_RANK=$1"; then echo "$p"; fi
  done
  true
}

"$HK" ensemble --runs 640 --seed 3 --threads 1 --json | jq -S "$stable" > "$T/one.json"
"${MPI[@]}" "$HK" ensemble --runs 640 --seed 3 --json > "$T/two.raw"
# Only the first process prints: exactly one JSON object.
[ "$(jq -s length "$T/two.raw")" -eq 1 ]
jq -e '.processes == 2 and .runs == 640' "$T/two.raw" > /dev/null
jq -S "$stable" "$T/two.raw" > "$T/two.json"
cmp "$T/one.json" "$T/two.json"

"$HK" whatif --runs 201 --seed 4 --threads 2 --without molotov_ribbentrop_pact --json | jq -S "$stable" > "$T/w1.json"
"${MPI[@]}" "$HK" whatif --runs 201 --seed 4 --without molotov_ribbentrop_pact --json | jq -S "$stable" > "$T/w2.json"
cmp "$T/w1.json" "$T/w2.json"

# --db: the same tables and JSON from 2 ranks as from 1 process; progress
# lines (forced on by HK_PROGRESS_SECONDS) count both ranks' runs.
"$HK" ensemble --runs 1001 --seed 7 --threads 2 --db "$T/one.sqlite" --json | jq -S "$stable" > "$T/db1.json"
HK_PROGRESS_SECONDS=0 "${MPI[@]}" "$HK" ensemble --runs 1001 --seed 7 --db "$T/two.sqlite" --json \
  > "$T/db2.raw" 2> "$T/db2.err"
jq -S "$stable" "$T/db2.raw" > "$T/db2.json"
cmp "$T/db1.json" "$T/db2.json"
cmp <(dump "$T/one.sqlite") <(dump "$T/two.sqlite")
[ "$(rows "$T/two.sqlite")" -eq 1001 ]
grep "^ensemble: " "$T/db2.err" | tail -1 | grep -q " 1001/1001 runs"

# A bad --db is bad input (status 2), said once.
set +e
"${MPI[@]}" "$HK" ensemble --runs 10 --db "$T/no/such/dir/x.sqlite" > /dev/null 2> "$T/bad.err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "a bad --db under MPI gave status $rc"; cat "$T/bad.err"; exit 1; }
[ "$(grep -c "does the folder exist" "$T/bad.err")" -eq 1 ]

# Stop, kill, resume. The reference: one process, straight through.
RUNS=${HK_MPI_RESUME_RUNS:-8000}
"$HK" ensemble --runs $RUNS --seed 21 --threads 2 --db "$T/whole.sqlite" --json | jq -S "$stable" > "$T/whole.json"

# SIGINT to the first process stops both after the runs in flight: status
# 130, the runs counted are exactly the runs stored.
"${MPI[@]}" "$HK" ensemble --runs $RUNS --seed 21 --db "$T/split.sqlite" --json > "$T/stop.raw" 2> "$T/stop.err" &
mp=$!
wait_rows "$T/split.sqlite" 512
r0=$(rank_pid 0)
[ -n "$r0" ] || { echo "the job ended before it could be stopped; raise HK_MPI_RESUME_RUNS"; exit 1; }
kill -INT "$r0"
set +e
wait $mp
rc=$?
set -e
mp=
[ "$rc" -eq 130 ] || { echo "a stopped MPI ensemble gave status $rc"; cat "$T/stop.err"; exit 1; }
grep -q "interrupted: .* --resume continues" "$T/stop.err"
jq -e '.complete == false' "$T/stop.raw" > /dev/null
stopped=$(jq .runs "$T/stop.raw")
[ "$(rows "$T/split.sqlite")" -eq "$stopped" ]
echo "stopped with $stopped of $RUNS runs stored"

# Resume, and kill the whole job hard (every process at once) midway.
"${MPI[@]}" "$HK" ensemble --runs $RUNS --seed 21 --db "$T/split.sqlite" --resume --json > /dev/null 2>&1 &
mp=$!
wait_rows "$T/split.sqlite" $((stopped + 512))
pids="$(pgrep -P $mp || true) $mp"
kill -STOP $pids 2> /dev/null || true
kill -9 $pids 2> /dev/null || true
wait $mp 2> /dev/null || true
mp=
killed_at=$(rows "$T/split.sqlite")
echo "killed with $killed_at of $RUNS runs stored"
[ "$killed_at" -lt $RUNS ] || { echo "the job finished before it could be killed; raise HK_MPI_RESUME_RUNS"; exit 1; }
[ "$(sqlite3 "$T/split.sqlite" 'pragma integrity_check')" = ok ]

# Resume to the end under mpirun: the rows and the JSON of one straight run.
"${MPI[@]}" "$HK" ensemble --runs $RUNS --seed 21 --db "$T/split.sqlite" --resume --json 2> "$T/resume.err" \
  | jq -S "$stable" > "$T/split.json"
grep -q "runs read from" "$T/resume.err"
[ "$(rows "$T/split.sqlite")" -eq $RUNS ]
[ "$(sqlite3 "$T/split.sqlite" 'select count(*) from ensemble')" -eq 1 ]
cmp <(dump "$T/whole.sqlite") <(dump "$T/split.sqlite")
cmp "$T/whole.json" "$T/split.json"
echo "ensemble_mpi: ok"
