#!/usr/bin/env bash
# cli_errors: how every command reports bad input and a stdout it cannot
# write to. Bad input: exit 2 and a message naming the option. A full
# disk or a closed pipe: "cannot write to standard output" and exit 1,
# never exit 0 with the output lost.
set -uo pipefail
HK=${1:?usage: cli_errors.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HK_NO_PROGRESS=1
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# expect STATUS PATTERN CMD...: runs CMD, checks its exit status and that
# stderr matches PATTERN (an extended regex).
expect() {
  local want=$1 pat=$2
  shift 2
  "$@" > "$T/out" 2> "$T/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    bad "'$*' exited $got, expected $want; stderr: $(head -c 300 "$T/err")"
  elif ! grep -Eq -- "$pat" "$T/err"; then
    bad "'$*' stderr lacks /$pat/: $(head -c 300 "$T/err")"
  fi
}

# --- 1. a stdout that cannot be written --------------------------------------
if [ -w /dev/full ]; then
  full() {
    "$HK" "$@" > /dev/full 2> "$T/err"
    local got=$?
    [ "$got" = 1 ] || bad "'$* > /dev/full' exited $got, expected 1"
    grep -q "cannot write to standard output" "$T/err" || bad "'$* > /dev/full' did not say so: $(head -c 300 "$T/err")"
  }
  full ensemble --runs 10 --threads 1 --json
  full ensemble --runs 10 --threads 1
  full whatif --runs 10 --threads 1 --without barbarossa --json
  full whatif --runs 10 --threads 1 --without barbarossa
  full params
  full params --json
  full battle --attacker SOV:men=57000 --defender JPN:men=30000 --json
  full battle --attacker SOV:men=57000 --defender JPN:men=30000 --runs 5
  full sensitivity --outcome strike_north_by_1942 --runs-per-point 2 --trajectories 1 --threads 1 --json
  full check
  full replay --json
  full validate --list-claims
fi

# --- 2. --runs 0 ------------------------------------------------------------
expect 2 "--runs needs a whole number from 1" "$HK" ensemble --runs 0
expect 2 "--runs needs a whole number from 1" "$HK" whatif --runs 0 --without barbarossa
expect 2 "--runs needs a whole number from 1" "$HK" battle --attacker SOV:men=5 --defender JPN:men=5 --runs 0
[ -s "$T/out" ] && bad "battle --runs 0 printed a result"

# --- 3. --threads: 0 is every core, the messages agree ------------------------
expect 2 "--threads needs a whole number from 0 \(every core\) to 1024, got '-1'" "$HK" ensemble --threads -1
expect 2 "--threads needs a whole number from 0 \(every core\) to 1024, got '2000'" "$HK" ensemble --threads 2000
expect 2 "--threads needs a whole number from 0 \(every core\) to 1024, got 'x'" "$HK" whatif --threads x --without barbarossa
"$HK" ensemble --runs 2 --threads 0 --json > "$T/t0.json" 2> "$T/err" || bad "ensemble --threads 0 refused: $(cat "$T/err")"
"$HK" ensemble --help | grep -q -- "--threads K .*0 = every core" || bad "ensemble --help does not say what --threads 0 means"
"$HK" whatif --help | grep -q -- "--threads K .*0 = every core" || bad "whatif --help does not say what --threads 0 means"

# --- 4. an option given without its value -------------------------------------
for cmd in "check --scenario" "params --scenario" "ensemble --runs" "ensemble --db" "whatif --seed" \
           "sensitivity --outcome" "battle --attacker" "simulate --seed" "replay --scenario" \
           "calibrate --runs" "validate --out"; do
  opt=${cmd#* }
  # shellcheck disable=SC2086
  expect 2 "^hokushin.*$opt needs a value" "$HK" $cmd
  grep -q "unexpected argument\|unknown option" "$T/err" && bad "'$cmd' calls its option unknown"
done

# An empty value is a missing one, and a missing value is not answered with
# the usage text of an unknown option.
for cmd in "ensemble --db=" "ensemble --scenario=" "sensitivity --out=" "check --scenario="; do
  opt=${cmd#* }
  opt=${opt%=}
  # shellcheck disable=SC2086
  expect 2 "^hokushin.*$opt needs a value" "$HK" $cmd
  grep -q "^usage:" "$T/err" && bad "'$cmd' printed the usage text"
done
expect 2 "^hokushin: --trajectories needs a value" "$HK" sensitivity --trajectories
grep -q "^usage:" "$T/err" && bad "'sensitivity --trajectories' printed the usage text"

# --- 5. a database that cannot be opened --------------------------------------
expect 2 "^hokushin: --db /nonexistent/x\.db: cannot open the database: .*\(does the folder exist\?\)" \
  "$HK" ensemble --db /nonexistent/x.db --runs 3
printf 'not a database, just text\n%.0s' {1..200} > "$T/text.db"
expect 2 "^hokushin: --db $T/text\.db: " "$HK" ensemble --db "$T/text.db" --runs 3
grep -q "not a database" "$T/text.db" || bad "ensemble --db overwrote a file that is not a database"

# --- 6. the rules the API shares (run/inputs.c; serve.sh sends the same) -------
# Seeds are the whole uint64 range, printed unsigned; 2^64, negatives and
# fractions are refused with the range. Months are YYYY-MM, not days. A
# --set value with a space around it is refused, not trimmed.
seed_re="needs a whole number from 0 to 18446744073709551615 \\(2\\^64 - 1\\)"
expect 2 "^hokushin: --seed $seed_re, got '18446744073709551616' \\(too large\\)" \
  "$HK" simulate --seed 18446744073709551616 --until 1918-02
expect 2 "^hokushin: --seed $seed_re, got '-1'" "$HK" simulate --seed -1 --until 1918-02
expect 2 "^hokushin: --seed $seed_re, got '1\\.5'" "$HK" simulate --seed 1.5 --until 1918-02
expect 2 "^hokushin: --seed $seed_re" "$HK" ensemble --seed 99999999999999999999 --runs 2 --threads 1
"$HK" simulate --seed 18446744073709551615 --until 1918-02 --json > "$T/out" 2> "$T/err" ||
  bad "--seed 2^64 - 1 refused: $(head -c 300 "$T/err")"
tail -1 "$T/out" | grep -q '"seed":"18446744073709551615"' ||
  bad "--seed 2^64 - 1 is not printed unsigned: $(tail -1 "$T/out" | head -c 300)"
expect 2 "^hokushin: --until needs a month as YYYY-MM from 1918-01 to 1945-09, got '1939-07-15'" \
  "$HK" simulate --until 1939-07-15
expect 2 "^hokushin: --set 'politics\\.drift= 0\\.03': a space around the key or the value" \
  "$HK" simulate --set 'politics.drift= 0.03' --until 1918-02
expect 2 "^hokushin: --set 'politics\\.drift=0\\.03 ': a space around the key or the value" \
  "$HK" whatif --set 'politics.drift=0.03 ' --runs 2 --threads 1

[ "$fail" = 0 ] && echo "cli_errors: ok"
exit "$fail"
