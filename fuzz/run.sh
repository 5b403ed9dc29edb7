#!/bin/bash
# run.sh BUILD_DIR [SECONDS] [NAME...] — runs the fuzz_* binaries of
# BUILD_DIR (all, or fuzz_NAME for each NAME given) one after the other, for
# SECONDS each (default $FUZZ_SECONDS, else 60), or until $FUZZ_RUNS inputs
# when that is set. With FUZZ_REPLAY=DIR it fuzzes nothing and runs each
# input of DIR/NAME once (`make fuzz-replay`: the inputs a fast build kept,
# through the AddressSanitizer build). It builds nothing: `make fuzz`
# configures with -DHK_FUZZ=ON and builds first.
#
# Each harness starts from its seed corpus in fuzz/seeds/NAME (kept in the
# repository) plus every earlier crash in tests/corpus/fuzz-regressions, and
# keeps what it finds in BUILD_DIR/fuzz-corpus/NAME, so a second run goes on
# from there. Crashing inputs go to BUILD_DIR/fuzz-artifacts; add each one
# to tests/corpus/fuzz-regressions once fixed. A line per harness gives the
# inputs executed, crashes and leaks; BUILD_DIR/fuzz-summary.txt keeps them.
#
# The fuzzers run at niceness FUZZ_NICE (default 19), one at a time, and do
# not reread the corpus folder while they run (-reload=0: only parallel
# fuzzers sharing a corpus need that, and relisting hundreds of files every
# second cost one fuzzer several per cent). ASan's
# quarantine is kept at 16 MB (ASAN_OPTIONS overrides): the default 256 MB
# made each input pay for returning pages to the system, and one input of
# these harnesses allocates far less than 16 MB.
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS] [NAME...]}
seconds=${2:-${FUZZ_SECONDS:-60}}
shift $(( $# >= 2 ? 2 : 1 ))
src=$(cd "$(dirname "$0")/.." && pwd)
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16}
summary=$build/fuzz-summary.txt
: >"$summary"

# The scenario harness also gets the built-in scenario's files, behind the
# byte that selects each: larger and more varied records than the seeds.
names=(scenario actors regions links forces treaties events record params)
seed_scenario() {
    local dir=$1 i f
    for i in "${!names[@]}"; do
        f=$src/scenarios/far-east-1918/${names[$i]}.yaml
        [ -f "$f" ] && { printf "\\x$(printf %02x "$i")"; cat "$f"; } >"$dir/seed-builtin-${names[$i]}"
    done
}

if [ $# -gt 0 ]; then
    fuzzers=()
    for n in "$@"; do fuzzers+=("$build/fuzz_$n"); done
else
    fuzzers=("$build"/fuzz_*)
fi

# FUZZ_NICE is the niceness the fuzzers end up with, not an increment: under
# `nice -n 10 make fuzz` a relative `nice -n 10` would give them 19.
want=${FUZZ_NICE:-19}
now=$(nice)
add=$(( want > now ? want - now : 0 ))

found=0
status=0
for fuzzer in "${fuzzers[@]}"; do
    [ -x "$fuzzer" ] && [ -f "$fuzzer" ] || continue
    case "$fuzzer" in *.log) continue ;; esac
    found=1
    name=$(basename "$fuzzer")
    short=${name#fuzz_}
    dict=()
    [ "$short" = scenario ] && dict=(-dict="$src/fuzz/scenario.dict")
    log=$build/$name.log
    if [ -n "${FUZZ_REPLAY:-}" ]; then
        # Each kept input once, nothing new: -runs=0 stops after the corpus.
        corpus=$FUZZ_REPLAY/$short
        [ -d "$corpus" ] || { echo "$name: no corpus in $corpus"; continue; }
        limit=(-runs=0)
        log=$build/$name.replay.log
        echo "running every input of $corpus through $name..."
    else
        corpus=$build/fuzz-corpus/$short
        mkdir -p "$corpus"
        [ -d "$src/fuzz/seeds/$short" ] && cp "$src/fuzz/seeds/$short"/* "$corpus"/ 2>/dev/null || true
        rm -f "$corpus/README.md"
        [ "$short" = scenario ] && seed_scenario "$corpus"
        if [ -d "$src/tests/corpus/fuzz-regressions" ]; then
            cp "$src"/tests/corpus/fuzz-regressions/* "$corpus"/ 2>/dev/null || true
        fi
        limit=(-max_total_time="$seconds")
        [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
        if [ -n "${FUZZ_RUNS:-}" ]; then echo "fuzzing with $name ($FUZZ_RUNS inputs)..."; else echo "fuzzing with $name (${seconds}s)..."; fi
    fi
    start=$(date +%s)
    set +e
    HK_MINIMAL_DIR="$src/tests/corpus/minimal" nice -n "$add" "$fuzzer" "$corpus" \
        "${limit[@]}" -reload=0 -max_len=65536 -timeout=10 -rss_limit_mb=2048 "${dict[@]}" \
        -artifact_prefix="$artifacts/$short-" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    set -e
    secs=$(( $(date +%s) - start ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    leaks=$(grep -c "ERROR: LeakSanitizer" "$log" || true)
    crashes=$(grep -Ec "ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:|deadly signal" "$log" || true)
    line="$name: ${runs:-?} inputs in ${secs}s, $crashes crashes, $leaks leaks"
    if [ $rc -ne 0 ]; then
        line="$line: FAILED (exit $rc); see $log and $artifacts"
        status=1
    fi
    echo "$line" | tee -a "$summary"
    [ $rc -eq 0 ] || grep -m5 -E "ERROR|SUMMARY|runtime error" "$log" || true
done
[ $found -eq 1 ] || { echo "no fuzz_* binaries in $build (build with: make fuzz)"; exit 1; }
exit $status
