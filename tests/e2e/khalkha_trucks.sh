#!/usr/bin/env bash
# khalkha_trucks: on Mongolia's ground the Soviet side brings men up the
# Borzya road only as fast as its trucks there carry them
# (docs/model.md#battles-motor-transport), not at the road's 25,000 a month
# of August 1939 from the day the protocol is signed. The Soviet forces
# stationed in Mongolia have the first contingent's motor.first_park trucks
# until the motorised corps comes motor.park_months after the protocol,
# then motor.park; once the corps has come, Moscow rails in motor.delivery
# trucks at most once a month of a campaign (before it, nobody in Mongolia
# takes them over the road). So in month k of a Khalkha campaign the Soviet
# side brings up at most motor.truck_lift x motor.first_park men before the
# corps, motor.truck_lift x (its park + motor.delivery x k) after.
set -euo pipefail
HK=${1:?usage: khalkha_trucks.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$HK" params --json > "$T/p.json"
val() { jq -r --arg k "$1" '.params[] | select(.key==$k) | .value' "$T/p.json"; }
# the scenario's values (a build without them is held to the record's:
# 4,000 trucks for 25,000 men a month; 350 with the first 5,000 men, 2,636
# with the 57th Special Corps 18 months after the protocol; 900 a month
# railed in after)
lift=$(val motor.truck_lift); first=$(val motor.first_park); park=$(val motor.park)
park_months=$(val motor.park_months); delivery=$(val motor.delivery)
lift=${lift:-6.25}; first=${first:-350}; park=${park:-2636}; park_months=${park_months:-18}; delivery=${delivery:-900}
months=0; told=0
for seed in $(seq 1 12); do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  signed=$(jq -r 'select(.type=="event" and .kind=="treaty_signed" and .treaty=="soviet_mongolian_protocol") | .date' "$T/s.jsonl" | head -1)
  # date, month of the campaign, men the Soviet side brings up that month
  jq -r 'select(.type=="event" and .kind=="battle" and (.text | test("^Month [0-9]+ on the Khalkha")))
         | [.date, (.text | capture("^Month (?<k>[0-9]+)").k),
            ([.text | split(". ")[] | select(test("^The (USSR|Soviet side)")) | capture("brings up (?<n>[0-9,]+)").n] | first // "0")]
         | @tsv' "$T/s.jsonl" > "$T/m.tsv"
  while IFS=$'\t' read -r date k n; do
    n=${n//,/}
    if [ -z "$signed" ] || [[ "$date" < "${signed:0:7}" ]]; then since=0; else
      since=$(( (10#${date:0:4} - 10#${signed:0:4}) * 12 + 10#${date:5:2} - 10#${signed:5:2} )); fi
    months=$((months + 1))
    most=$(awk -v s="$since" -v k="$k" -v l="$lift" -v f="$first" -v p="$park" -v pm="$park_months" -v d="$delivery" \
      'BEGIN { print s < pm ? l * f : l * (p + d * k) }')
    awk -v n="$n" -v m="$most" 'BEGIN { exit !(n <= m + 0.5) }' ||
      { echo "seed $seed $date: month $k on the Khalkha, $since months after the protocol ($signed): the Soviet side brings up $n, its trucks carry at most $most"; exit 1; }
  done < "$T/m.tsv"
  # Moscow's trucks are told once a campaign, in a month of a campaign on
  # the Khalkha, with the trucks sent and what they carry
  while IFS= read -r ev; do
    d=$(jq -r .date <<< "$ev")
    since=$(( (10#${d:0:4} - 10#${signed:0:4}) * 12 + 10#${d:5:2} - 10#${signed:5:2} ))
    awk -v s="$since" -v pm="$park_months" 'BEGIN { exit !(s >= pm) }' ||
      { echo "seed $seed $d: trucks railed in $since months after the protocol ($signed), before the corps ($park_months)"; exit 1; }
    grep -q "^${d:0:7}"$'\t' "$T/m.tsv" ||
      { echo "seed $seed $d: trucks told outside a Khalkha campaign month: $ev"; exit 1; }
    jq -e '(.text | test("[0-9,]+ trucks go to the railhead")) and (.text | test("carry [0-9,]+ men a month")) and (.source | test("battles-motor-transport"))' \
      <<< "$ev" > /dev/null || { echo "seed $seed: the trucks' event does not say what: $ev"; exit 1; }
    told=$((told + 1))
  done < <(jq -c 'select(.type=="event" and .kind=="forces" and .id=="motor_transport")' "$T/s.jsonl")
done
[ -z "$(val motor.delivery)" ] || [ "$told" -ge 1 ] || { echo "Moscow's trucks told in none of seeds 1-12"; exit 1; }
[ "$months" -ge 5 ] || { echo "only $months Khalkha campaign months in seeds 1-12"; exit 1; }
echo ok
