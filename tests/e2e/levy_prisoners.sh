#!/usr/bin/env bash
# levy_prisoners: the army that lays down its arms in 1945 follows the state,
# not the year's budget draw. The last levy adds at most japan.levy_men
# (250,000 reservists) to the army Germany's defeat found, and a generous
# budget does not refill an army the record is stripping for the Pacific, so
# over seeds 1-20 the Japanese prisoners of the 1945 war stay within a band a
# few tens of thousands wide around the army of about 713,000 (Kwantung) and
# Korea's divisions, less its battle losses: none above 800,000 and the
# largest no more than 180,000 above the smallest. (Before, the levy scaled
# the record's refilled army by the budget: 595,000-896,000 over seeds 1-40.)
set -euo pipefail
HK=${1:?usage: levy_prisoners.sh PATH_TO_hokushin}
command -v jq > /dev/null || { echo "jq missing: skipped"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
: > "$T/p"
for seed in $(seq 1 20); do
  "$HK" simulate --seed "$seed" --json |
    jq -r 'select(.type=="month" and .war != null and (.war.began | startswith("1945"))) | .war.prisoners.JPN' |
    tail -1 >> "$T/p"
done
n=$(grep -c . "$T/p" || true)
[ "$n" -ge 15 ] || { echo "only $n of 20 runs have a 1945 war"; exit 1; }
read -r lo hi < <(sort -n "$T/p" | awk 'NR==1{lo=$1} {hi=$1} END{printf "%d %d\n", lo, hi}')
echo "prisoners over $n runs: $lo - $hi"
[ "$hi" -le 800000 ] || { echo "largest $hi above 800,000"; exit 1; }
[ $((hi - lo)) -le 180000 ] || { echo "spread $((hi - lo)) above 180,000"; exit 1; }
echo ok
