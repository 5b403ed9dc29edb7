#!/usr/bin/env bash
# Two MPI processes on one machine: each runs a block, the first prints the
# merged ensemble, which equals the single-process one (timing aside); a
# what-if merges the same way; --db is refused under MPI.
set -euo pipefail
HK=${1:?usage: ensemble_mpi.sh PATH_TO_hokushin}
if ! command -v mpirun > /dev/null || ! ldd "$HK" | grep -q libmpi; then
  echo "mpirun missing or hokushin built without MPI (HK_MPI=OFF): nothing to test"; exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
stable='del(.runs_per_second, .seconds, .threads, .processes)'
# One machine, no ssh, no network transports but shared memory.
export OMPI_MCA_plm=isolated OMPI_MCA_btl=self,vader OMPI_MCA_rmaps_base_oversubscribe=1
# Open MPI keeps memory to the end of the process; a sanitizer build would call it a leak.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
MPI=(mpirun --allow-run-as-root --oversubscribe -np 2)

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

set +e
"${MPI[@]}" "$HK" ensemble --runs 10 --db "$T/x.sqlite" > /dev/null 2> "$T/err"
rc=$?
set -e
[ "$rc" -ne 0 ] || { echo "--db under MPI should be refused"; exit 1; }
grep -q -- "--db works in one process" "$T/err"
echo "ensemble_mpi: ok"
