#!/usr/bin/env bash
# special_manoeuvres: the Japanese army's build-up after the German attack on
# the USSR is told. In simulate, the month the Japanese side's border strength
# jumps after that attack carries one `forces` event `special_manoeuvres`
# (text and source), and no other month does; a history without the German
# attack has no build-up and no event; a war the cabinet decides on tells its
# own mobilisation (the special manoeuvres, if any, come before it).
set -euo pipefail
HK=${1:?usage: special_manoeuvres.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

maxmen=$("$HK" params --json | jq -r '.. | objects | select(.key? == "japan.max_men") | .value' | head -1)
[ -n "$maxmen" ] || { echo "no japan.max_men in params --json"; exit 1; }
jside='[.forces[] | to_entries[] | select(.key=="JPN" or .key=="MAN") | .value.men] | add // 0'
for seed in 1 2 3 4 5; do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  n=$(jq -s '[.[] | select(.type=="event" and .kind=="forces" and .id=="special_manoeuvres")] | length' "$T/s.jsonl")
  [ "$n" -eq 1 ] || { echo "seed $seed: $n special_manoeuvres events (want 1)"; exit 1; }
  ev=$(jq -c 'select(.type=="event" and .id=="special_manoeuvres")' "$T/s.jsonl")
  m=$(jq -r .date <<< "$ev")
  jq -e '(.text | test("special manoeuvres")) and (.text | test("German attack")) and (.source | test("glantz2003"))' \
    <<< "$ev" > /dev/null || { echo "seed $seed: the event does not say what and why: $ev"; exit 1; }
  # the German attack came before it (an outside event)
  g=$(jq -r 'select(.type=="event" and .id=="barbarossa") | .date' "$T/s.jsonl" | head -1)
  [ -n "$g" ] && [[ "${g:0:7}" < "${m:0:7}" ]] || { echo "seed $seed: event $m, German attack '$g'"; exit 1; }
  # the month of the event is the month the Japanese side's border strength
  # jumps (by a fifth or more), and no month after the German attack before it does
  jq -s -r --arg g "${g:0:7}" "[.[] | select(.type==\"month\" and .date >= \$g)] | .[] | [.date, ($jside)] | @tsv" \
    "$T/s.jsonl" > "$T/m.tsv"
  first=$(awk -F'\t' 'NR > 1 && $2 > 1.2 * prev { print $1; exit } { prev = $2 }' "$T/m.tsv")
  [ "$first" = "${m:0:7}" ] || { echo "seed $seed: event in $m, border jump in '$first'"; exit 1; }
  # the plan stops at the most men Japan can keep in Manchuria and Korea
  # (japan.max_men; the record's 1941 army stood at about 700,000 with Korea's)
  plan=$(jq -r .text <<< "$ev" | tr -s ' \n' ' ' | sed -n 's/.*is to be raised to \([0-9,]*\).*/\1/p' | tr -d ,)
  [ -n "$plan" ] && [ "$plan" -le "$maxmen" ] || { echo "seed $seed: the plan is '$plan' men, above japan.max_men $maxmen"; exit 1; }
done

# the year's texts tell one story of the manoeuvres' army: the Army's giving
# the north up counts the men raised so far against the same plan the
# manoeuvres set, no more men than the plan, and the men gone west by the
# month's start (never "sent 0 men" beside a transfer of the same month)
for seed in 1 2 3 4 5 6 7 8 9 10; do
  "$HK" simulate --seed "$seed" --json > "$T/s.jsonl"
  man=$(jq -r 'select(.type=="event" and .id=="special_manoeuvres") | .text' "$T/s.jsonl" | tr -s ' \n' ' ')
  def=$(jq -r 'select(.type=="event" and .id=="north_deferred") | .text' "$T/s.jsonl" | head -1 | tr -s ' \n' ' ')
  [ -n "$man" ] && [ -n "$def" ] || continue
  plan=$(sed -n 's/.*is to be raised to \([0-9,]*\), the plan.s target.*/\1/p' <<< "$man" | tr -d ,)
  held=$(sed -n 's/.*and it holds \([0-9,]*\)\..*/\1/p' <<< "$man" | tr -d ,)
  [ -n "$plan" ] && [ -n "$held" ] || { echo "seed $seed: the manoeuvres do not say their target and the army: $man"; exit 1; }
  sofar=$(sed -n 's/.*special manoeuvres, \([0-9,]*\) men in Manchuria and Korea so far.*/\1/p' <<< "$def" | tr -d ,)
  [ -n "$sofar" ] && [ "$sofar" -ge "$held" ] && [ "$sofar" -le "$plan" ] ||
    { echo "seed $seed: the north given up with '$sofar' men so far (raised to $held, plan $plan): $def"; exit 1; }
  if [ "$sofar" -lt "$plan" ]; then
    dp=$(sed -n 's/.*so far of the \([0-9,]*\) planned.*/\1/p' <<< "$def" | tr -d ,)
    [ "$dp" = "$plan" ] || { echo "seed $seed: plan $plan in the manoeuvres, $dp when the north is given up"; exit 1; }
  fi
  if grep -q "sent 0 men west" <<< "$def"; then echo "seed $seed: 'sent 0 men west': $def"; exit 1; fi
done

# no German attack, no build-up, no event
"$HK" simulate --seed 1 --without barbarossa --json > "$T/w.jsonl"
jq -s -e '[.[] | select(.type=="event" and .id=="special_manoeuvres")] | length == 0' "$T/w.jsonl" > /dev/null ||
  { echo "--without barbarossa still tells the special manoeuvres"; exit 1; }
# a decided war tells its own mobilisation: the special manoeuvres come at
# most once, and only before the month the cabinet decides on war
"$HK" simulate --seed 1 --decide JPN.strike_north=1941-08 --json > "$T/n.jsonl"
jq -s -e '([.[] | select(.type=="event" and .kind=="mobilisation") | .date[0:7]] | min) as $d
          | [.[] | select(.type=="event" and .id=="special_manoeuvres") | .date[0:7]]
          | length <= 1 and all(.[]; . < $d)' "$T/n.jsonl" > /dev/null ||
  { echo "the strike north tells the special manoeuvres with or after its own mobilisation"; exit 1; }
# the text form shows it too
"$HK" simulate --seed 2 > "$T/t.txt"
grep -q "Kantokuen" "$T/t.txt" || { echo "simulate's text has no special manoeuvres"; exit 1; }
echo ok
