#!/usr/bin/env bash
# The same seed gives the same ensemble, byte for byte, on 1, 2 or 4 threads
# and on 2 MPI processes (timing fields aside).
set -euo pipefail
HK=${1:?usage: ensemble_repro.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
stable='del(.runs_per_second, .seconds, .threads, .processes)'
RUNS=1001   # odd, so that blocks and chunks do not divide it evenly

for k in 1 2 4; do
  "$HK" ensemble --runs $RUNS --seed 17 --threads $k --json | jq -S "$stable" > "$T/t$k.json"
done
cmp "$T/t1.json" "$T/t2.json"
cmp "$T/t1.json" "$T/t4.json"
jq -e ".runs == $RUNS" "$T/t1.json" > /dev/null

# grep reads all of ldd's output: with -q it could stop early and pipefail would see SIGPIPE.
if command -v mpirun > /dev/null && ldd "$HK" | grep libmpi > /dev/null; then
  # Open MPI keeps memory to the end of the process; a sanitizer build would call it a leak.
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
  export OMPI_MCA_plm=isolated OMPI_MCA_btl=self,vader OMPI_MCA_rmaps_base_oversubscribe=1
  mpirun --allow-run-as-root --oversubscribe -np 2 "$HK" ensemble --runs $RUNS --seed 17 --threads 1 --json \
    > "$T/mpi.raw"
  jq -e '.processes == 2' "$T/mpi.raw" > /dev/null
  jq -S "$stable" "$T/mpi.raw" > "$T/mpi.json"
  cmp "$T/t1.json" "$T/mpi.json"
else
  echo "mpirun missing or hokushin built without MPI: MPI part not run"
fi
echo "ensemble_repro: ok"
