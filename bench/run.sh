#!/usr/bin/env bash
# bench/run.sh — how fast an ensemble runs ('make bench').
#
# Measures, for the full 1918-1945 simulate of the built-in scenario:
#   1. runs per second on one thread (HK_BENCH_RUNS runs, default 20000; the
#      best of HK_BENCH_REPEAT tries, default 3, as other load only slows it);
#   2. the speed-up from 1 to 2 threads;
#   3. instructions per run, from valgrind's callgrind: (Ir of N+1 runs - Ir
#      of 1 run) / N, so that what an ensemble does once (loading the
#      scenario, starting threads, the record's history beside the outcomes,
#      writing the JSON) is not counted ('--runs 0' is refused);
#   4. the peak memory (max RSS) of 1e4, 1e5 and, if it takes less than
#      HK_BENCH_MAX_SECONDS (default 300), 1e6 runs: it must stay flat.
# Prints the figures and records them in docs/performance.md between the
# bench markers (the rest of that file is left as it is).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HK=${HOKUSHIN:-$ROOT/${BUILD:-build}/hokushin}
RUNS=${HK_BENCH_RUNS:-20000}
CG_RUNS=${HK_BENCH_CALLGRIND_RUNS:-200}
MAX_SECONDS=${HK_BENCH_MAX_SECONDS:-300}
DOC=$ROOT/docs/performance.md
export HK_NO_PROGRESS=1
[ -x "$HK" ] || { echo "bench: $HK not found; run 'make build' or set HOKUSHIN" >&2; exit 1; }
for tool in jq valgrind /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "bench: needs $tool (scripts/install-deps.sh)" >&2; exit 1; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

rate() { # runs threads -> runs per second, the best of HK_BENCH_REPEAT tries (other load only slows)
  local best=0 r
  for _ in $(seq 1 "${HK_BENCH_REPEAT:-3}"); do
    r=$("$HK" ensemble --runs "$1" --threads "$2" --seed 1 --json | jq '.runs_per_second')
    best=$(jq -n "[$best, $r] | max")
  done
  echo "$best"
}
max_rss_kb() { # runs -> kB
  /usr/bin/time -v "$HK" ensemble --runs "$1" --seed 1 --json 2> "$T/time.txt" > /dev/null
  awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$T/time.txt"
}
callgrind_ir() { # runs -> total instructions (fails if the ensemble does)
  valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$HK" ensemble --runs "$1" --threads 1 --seed 1 \
    --json > /dev/null 2> "$T/cg.txt" || { echo "bench: callgrind of $1 runs failed:" >&2; tail -3 "$T/cg.txt" >&2; return 1; }
  awk '/Collected :/ {print $NF}' "$T/cg.txt" | tail -1
}

echo "bench: $HK, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
r1=$(rate "$RUNS" 1)
echo "1 thread:   $r1 runs/s ($RUNS runs)"
r2=$(rate "$RUNS" 2)
speedup=$(jq -n "$r2 / $r1 * 100 | round / 100")
echo "2 threads:  $r2 runs/s, speed-up ${speedup}x"

ir1=$(callgrind_ir 1)
irn=$(callgrind_ir $((CG_RUNS + 1)))
ipr=$(( (irn - ir1) / CG_RUNS ))
echo "callgrind:  $ipr instructions per run ($((CG_RUNS + 1)) runs: $irn Ir, 1 run: $ir1 Ir)"
callgrind_annotate "$T/cg.out" 2> /dev/null | grep -E '^ *[0-9,]+ \(' | head -12 > "$T/hot.txt" || true

mem_rows=""
for n in 10000 100000 1000000; do
  est=$(jq -n "if $r2 > 0 then $n / $r2 else 1e9 end")
  if [ "$n" -eq 1000000 ] && jq -e -n "$est > $MAX_SECONDS" > /dev/null; then
    echo "memory:     1e6 runs skipped (about ${est%.*} s > HK_BENCH_MAX_SECONDS=$MAX_SECONDS)"
    mem_rows+="| $n | not run (would take about ${est%.*} s; raise HK_BENCH_MAX_SECONDS) |"$'\n'
    continue
  fi
  kb=$(max_rss_kb "$n")
  echo "memory:     $n runs: max RSS $kb kB"
  mem_rows+="| $n | $kb |"$'\n'
done

when=$(date -u +%Y-%m-%dT%H:%MZ)
rev=$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
per_core=$(jq -n "$r1 | round")
{
  echo "<!-- bench:begin (written by bench/run.sh; edit outside these markers) -->"
  echo "Measured $when on $cpu, $(nproc) cores, commit $rev, with \`make bench\`"
  echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); rates are the best of ${HK_BENCH_REPEAT:-3} tries)."
  echo
  echo "| figure | value | target |"
  echo "|---|---|---|"
  echo "| runs per second, 1 thread ($RUNS runs, 1918-1945 simulate) | $per_core | >= 2000 |"
  echo "| runs per second, 2 threads | $r2 | |"
  echo "| speed-up 1 -> 2 threads | ${speedup}x | >= 1.8x |"
  echo "| instructions per run (callgrind, $((CG_RUNS + 1)) runs minus 1 run, over $CG_RUNS) | $ipr | |"
  echo
  echo "Peak memory (max RSS from \`/usr/bin/time -v\`, every core):"
  echo
  echo "| runs | max RSS (kB) |"
  echo "|---|---|"
  printf '%s' "$mem_rows"
  echo
  echo "Where the instructions go (callgrind, self cost of the top functions, $((CG_RUNS + 1)) runs):"
  echo
  echo '```'
  cat "$T/hot.txt"
  echo '```'
  echo "<!-- bench:end -->"
} > "$T/section.md"

if [ -f "$DOC" ] && grep -q '<!-- bench:begin' "$DOC"; then
  awk -v sec="$T/section.md" '
    /<!-- bench:begin/ { while ((getline line < sec) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0; next }
    !skip { print }' "$DOC" > "$T/doc.md"
  cp "$T/doc.md" "$DOC"
else
  { [ -f "$DOC" ] && cat "$DOC"; echo; cat "$T/section.md"; } > "$T/doc.md"
  cp "$T/doc.md" "$DOC"
fi
echo "bench: recorded in docs/performance.md"
