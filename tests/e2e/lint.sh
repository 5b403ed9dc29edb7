#!/usr/bin/env bash
# hokushin lint: the history linter on its own — its help, bad input (exit 2),
# the same counts for the same seed, every invariant listed, and the
# invariants, all of which the built-in scenario keeps held at zero on 100 histories.
set -uo pipefail
HK=${1:?usage: lint.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
"$HK" lint --help >"$tmp/help" || { echo "FAIL: lint --help"; fail=1; }
grep -q "casualties_above_committed" "$tmp/help" || { echo "FAIL: --help lists the invariants"; fail=1; }
"$HK" lint --runs 0 >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: --runs 0 must exit 2"; fail=1; }
"$HK" lint --frobnicate >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: a bad option must exit 2"; fail=1; }
"$HK" lint --scenario "$tmp/none" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: a missing scenario must exit 2"; fail=1; }
"$HK" lint --runs 100 --seed 7 >"$tmp/a" 2>/dev/null; rc=$?
[ $rc -le 1 ] || { echo "FAIL: lint exits $rc"; fail=1; }
"$HK" lint --runs 100 --seed 7 >"$tmp/b" 2>/dev/null
cmp -s "$tmp/a" "$tmp/b" || { echo "FAIL: the same seed gave other counts"; fail=1; }
head -1 "$tmp/a" | grep -Eq "^hokushin lint --runs 100 --seed 7: [0-9]+ violations? in 100 histories" ||
    { echo "FAIL: first line: $(head -1 "$tmp/a")"; fail=1; }
for k in actor_span treaty_precondition casualties_above_committed after_surrender force_below_zero treaty_state \
    empty_battle wiped_out_in_days surrender_before_shocks; do
    grep -Eq "^  $k +0 in +0 runs" "$tmp/a" || { echo "FAIL: $k: $(grep "  $k " "$tmp/a")"; fail=1; }
done
[ $fail -eq 0 ] && echo "lint: ok"
exit $fail
