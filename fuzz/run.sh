#!/bin/bash
# run.sh BUILD_DIR [SECONDS] — runs every fuzz_* binary found in BUILD_DIR (it
# builds nothing: `make fuzz` configures with -DHK_FUZZ=ON and builds first)
# for SECONDS each (default 60), starting from a seed corpus made of the
# minimal test scenario, and prints how many inputs each one executed.
# Crashing inputs are written to BUILD_DIR/fuzz-artifacts; add each one to
# tests/corpus/fuzz-regressions once fixed.
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
src=$(cd "$(dirname "$0")/.." && pwd)
corpus=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
mkdir -p "$corpus" "$artifacts"

# Seeds: each file of the minimal scenario and of the built-in scenario
# behind the byte that selects it, plus every earlier crash so that it stays
# fixed.
names=(scenario actors regions links forces treaties events record params)
seed_dir=$(mktemp -d)
trap 'rm -rf "$seed_dir"' EXIT
bash "$src/tests/corpus/assemble.sh" "$src" - "$seed_dir/minimal"
for i in "${!names[@]}"; do
    { printf "\\x$(printf %02x "$i")"; cat "$seed_dir/minimal/${names[$i]}.yaml"; } \
        >"$corpus/seed-${names[$i]}"
done
# The built-in scenario's files too: larger and more varied records.
for i in "${!names[@]}"; do
    f=$src/scenarios/far-east-1918/${names[$i]}.yaml
    [ -f "$f" ] && { printf "\\x$(printf %02x "$i")"; cat "$f"; } >"$corpus/seed-builtin-${names[$i]}"
done
# For fuzz_battle: two SIDE SPECs and a phase list, one per line.
printf '%s\n%s\n%s' 'SOV:men=57000,tanks=498,guns=542,aircraft=515,supply_km=650,surprise=2,envelop=1,air=1' \
    'JPN:men=30000,tanks=120,guns=135,aircraft=200,supply_km=240,posture=prepared,no_surrender=1' \
    'JPN:3@0,JPN:11@35,JPN:3@56,SOV:12@84' >"$corpus/seed-battle-khalkhin-gol"
if [ -d "$src/tests/corpus/fuzz-regressions" ]; then
    cp "$src"/tests/corpus/fuzz-regressions/* "$corpus"/ 2>/dev/null || true
fi

found=0
status=0
for fuzzer in "$build"/fuzz_*; do
    [ -x "$fuzzer" ] || continue
    found=1
    name=$(basename "$fuzzer")
    log=$build/$name.log
    echo "fuzzing with $name for ${seconds}s..."
    set +e
    HK_MINIMAL_DIR="$src/tests/corpus/minimal" "$fuzzer" "$corpus" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict="$src/fuzz/scenario.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        >"$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^stat::.*total_time.*//p' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        echo "$name: ${runs:-?} executions in ${seconds}s, no crash"
    else
        echo "$name: FAILED after ${runs:-?} executions (exit $rc); see $log and $artifacts"
        grep -m5 -E "ERROR|SUMMARY" "$log" || true
        status=1
    fi
done
[ $found -eq 1 ] || { echo "no fuzz_* binaries in $build (build with: make fuzz)"; exit 1; }
exit $status
