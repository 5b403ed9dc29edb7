#!/usr/bin/env bash
# korea_1945: Korea's Japanese garrison of 1945 is the 17th Area Army's, not
# the two divisions of 1918. At the surrender the divisions south of the 38th
# parallel (Keijo, and the 58th Army on Cheju, nearly 75,000 by the
# surrender, jacar_58th_army, standing at Pusan) lay down their arms to the
# United States under General Order No. 1: the two together, more than the
# 58th Army alone (the American commander counted some 300,000 Japanese
# troops in southern Korea in September 1945, army, navy and air), not the
# Keijo divisions' 40,000 that left the 58th Army out; and
# the USSR weighs its entry against the army it would meet, not against them.
# The Soviet side occupies Korea to the 38th parallel, as General Order No. 1
# drew its zone: Kanko (Hamhung) and Heijo (Pyongyang) are Soviet by
# 1945-09 (the 25th Army and the airborne landings of 24 August, glantz2003),
# Keijo is not.
set -euo pipefail
HK=${1:?usage: korea_1945.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib/war_seeds.sh"
seeds=$(war_seeds "$HK" 5) || exit 1
for seed in $seeds; do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  ev=$(jq -c 'select(.type=="event" and (.text | test("lay down their arms: ")))' "$T/s.jsonl" | head -1)
  [ -n "$ev" ] || { echo "seed $seed: no surrender"; exit 1; }
  away=$(jq -r .text <<< "$ev" | tr -s ' \n' ' ' | sed -n 's/.*; the \([0-9,]*\) stationed outside that zone (Keijo.*/\1/p' | tr -d ,)
  [ -n "$away" ] && [ "$away" -ge 75000 ] && [ "$away" -le 300000 ] ||
    { echo "seed $seed: '$away' men surrender south of the 38th parallel to the United States (want 75,000-300,000): $ev"; exit 1; }
  jq -r .text <<< "$ev" | tr -s ' \n' ' ' | grep -q "stationed outside that zone (Keijo (Seoul), Pusan)" ||
    { echo "seed $seed: the 58th Army (Pusan) is not among those outside the Soviet zone: $ev"; exit 1; }
  ctl=$(jq -r 'select(.type=="month" and .date=="1945-09") | .control | "\(.hamhung) \(.pyongyang) \(.keijo)"' "$T/s.jsonl")
  [ "$ctl" = "SOV SOV JPN" ] ||
    { echo "seed $seed: Korea in 1945-09 is '$ctl' (Hamhung, Pyongyang, Keijo), not Soviet to the 38th parallel"; exit 1; }
  # the entry's text counts the army the Soviet offensive meets, less Keijo's
  jq -s -e "any(.[]; .type==\"event\" and .id==\"soviet_entry\")" "$T/s.jsonl" > /dev/null ||
    { echo "seed $seed: no Soviet entry"; exit 1; }
done
echo ok
