#!/usr/bin/env bash
# strike_north_war: a forced strike north of 1941 fought as a war, seeds 1-8.
# - The first month tells the Japanese war plan against the state: the main
#   blow, and for every other front Japan holds whether it makes a secondary
#   attack or holds, with its combat power over the defence's.
# - The first Soviet attack on a front in a war Japan opened says where its
#   men came from: the front's own, what the reserve brought up since, and
#   what came (or did not come) from the west; it is not made on a month's
#   first day with all the men its reserve brings up that month.
# - An armistice that ends the war with prisoners taken tells their exchange,
#   with the war's count of them.
# - After the armistice the war has a sequel from the state: once Germany is
#   beaten, the USSR turns east to answer the attack (told once), and a
#   Soviet war on Japan that follows names the attack among its motives.
# - A Japan that surrenders holds no Soviet ground after it: what it kept
#   under the armistice goes back, and the history says so.
# - A war in the east sends no more divisions west by 1941-12 than the
#   same seed's peace (seeds 1-3).
# - The first Japanese attack says the Soviet side held the air (theatre
#   aircraft); Pearl Harbor comes at most 9 months into the oil embargo.
set -euo pipefail
HK=${1:?usage: strike_north_war.sh PATH_TO_hokushin}
command -v jq >/dev/null || { echo "SKIP: jq is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
struck=0 sequel=0
for seed in 1 2 3 4 5 6 7 8; do
    "$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json >"$tmp/run"
    jq -c 'select(.type == "event") | {date, kind, id, actors, text}' "$tmp/run" >"$tmp/ev"
    open=$(jq -r 'select(.kind == "war" and .id == "strike_north") | .date[0:7]' "$tmp/ev" | head -1)
    [ -n "$open" ] || { bad "seed $seed: the forced strike north opens no war"; continue; }
    # the main blow is an operation, not one battle: it is pressed step after
    # step until its break test (the operation's losses) ends it, so the
    # war's first month has more than one Japanese attack
    n_att=$(jq -r --arg m "$open" 'select(.kind == "front" and .date[0:7] == $m and (.text | test("the Japanese side \\([0-9,]+ men"))) | .date' "$tmp/ev" | grep -c . || true)
    [ "$n_att" -ge 2 ] || bad "seed $seed: the Japanese offensive of $open is $n_att battle(s), called off after its first"
    # the plan, told once, in the war's first month
    plan=$(jq -r --arg m "$open" 'select(.id == "war_plan") | .date[0:7]' "$tmp/ev")
    [ "$plan" = "$open" ] || bad "seed $seed: the war plan is told in '${plan}', not once in the war's first month $open"
    # every front Japan held at the opening besides the main axis: attacks or holds, and why
    fronts=$(jq -r --arg m "$open" 'select(.type == "month" and .date == $m) | .war.fronts[]
        | select(.men.JPN >= 10000) | .sector' "$tmp/run" | sort)
    told=$(jq -r --arg m "$open" 'select(.kind == "front" and .date[0:7] == $m and (.text | test("beside the main blow"))) | .id' "$tmp/ev" | sort)
    n_fronts=$(printf '%s\n' "$fronts" | grep -c . || true)
    n_told=$(printf '%s\n' "$told" | grep -c . || true)
    [ "$n_told" -ge 1 ] && [ "$n_told" -ge $((n_fronts - 1)) ] ||
        bad "seed $seed: $n_told fronts beside the main blow told, of $n_fronts Japan holds"
    jq -r --arg m "$open" 'select(.kind == "front" and .date[0:7] == $m and (.text | test("beside the main blow"))) | .text' "$tmp/ev" |
        grep -v -q "of the defence's" && bad "seed $seed: a front beside the main blow does not give its odds"
    # a Soviet counter-stroke says where its men came from
    if grep -q '"text":"The Soviet side strikes back' "$tmp/ev"; then
        struck=$((struck + 1))
        jq -r 'select(.text | test("^The Soviet side strikes back")) | .text' "$tmp/ev" |
            grep -v -q "when the war opened and .* brought up since.*\(from the west\|no one\)" &&
            bad "seed $seed: a counter-stroke does not say where its men came from"
    fi
    # the men its reserve brings up in a month join the front over the month:
    # a counter-stroke on a month's first days is not made with all of them
    jq -r 'select(.text | test("^The Soviet side strikes back")) | "\(.date) \(.id)"' "$tmp/ev" >"$tmp/cs"
    while read -r day sector; do
        [ "${day:8:2}" = 01 ] || continue
        if [ -n "$(jq -r --arg m "${day:0:7}" --arg s "$sector" 'select(.date == $m and .id == $s and (.text | test("^The Soviet side brings"))) | .date' "$tmp/ev")" ] &&
           ! jq -r --arg d "$day" --arg s "$sector" 'select(.date == $d and .id == $s and (.text | test("^The Soviet side strikes back"))) | .text' "$tmp/ev" | grep -q "still on their way"; then
            bad "seed $seed: the Soviet counter-stroke of $day on $sector attacks with the whole month's reinforcements on its first day"
        fi
    done <"$tmp/cs"
    # every Soviet first attack on a front in the war is told as a counter-stroke
    peace=$(jq -r --arg a "$open" 'select(.kind == "peace" and .date[0:7] >= $a) | .date[0:7]' "$tmp/ev" | head -1)
    [ -n "$peace" ] || peace=9999-99
    first_sov=$(jq -r --arg a "$open" --arg b "$peace" 'select(.kind == "front" and .date[0:7] >= $a and .date[0:7] <= $b
        and (.text | test("the Soviet side \\([0-9,]+ men"))) | .date[0:7]' "$tmp/ev" | head -1)
    if [ -n "$first_sov" ] && ! grep -q '"text":"The Soviet side strikes back' "$tmp/ev"; then
        bad "seed $seed: the Soviet side attacks in $first_sov with no word on where its men came from"
    fi
    # the armistice's exchange of prisoners, with the war's count of them
    armistice=$(jq -r --arg b "$peace" 'select(.kind == "peace" and .id == "armistice" and .date[0:7] == $b) | .date' "$tmp/ev")
    if [ -n "$armistice" ]; then
        pris=$(jq -r --arg b "$peace" 'select(.type == "month" and .date == $b) | .war.prisoners // empty | (.JPN + .SOV)' "$tmp/run" | head -1)
        [ -n "$pris" ] || pris=$(jq -r --arg a "$open" 'select(.type == "month" and .date >= $a and .war != null) | .war.prisoners | (.JPN + .SOV)' "$tmp/run" | tail -1)
        if awk -v p="${pris:-0}" 'BEGIN { exit !(p >= 1) }'; then
            ex=$(jq -r --arg b "$peace" 'select(.id == "prisoner_exchange" and .date[0:7] == $b) | .text' "$tmp/ev")
            [ -n "$ex" ] || bad "seed $seed: the armistice of $peace says nothing of the ${pris} prisoners"
        fi
        # the sequel: the USSR turns east once Germany is beaten (told once)
        beaten=$(jq -r 'select(.kind == "outside_event" and (.text | test("war in Europe ends"))) | .date[0:7]' "$tmp/ev" | head -1)
        rev=$(jq -r 'select(.id == "soviet_revenge") | .date[0:7]' "$tmp/ev")
        if [ -n "$beaten" ] && [ "$(printf '%s\n' "$rev" | grep -c .)" != 1 ]; then
            bad "seed $seed: Germany is beaten in $beaten but the USSR's answer to the attack is told '${rev}' times"
        fi
        entry=$(jq -r --arg b "$peace" 'select(.kind == "war" and .date[0:7] > $b and (.actors[0] == "SOV")) | .text' "$tmp/ev" | head -1)
        if [ -n "$entry" ]; then
            sequel=$((sequel + 1))
            grep -q "attack of $open to avenge" <<<"$entry" || bad "seed $seed: the Soviet war after the armistice does not name the attack of $open: ${entry:0:300}"
        fi
    fi
    # a Japan that has surrendered holds no Soviet ground: what it kept under
    # an armistice goes back with the surrender
    surr=$(jq -r 'select(.kind == "peace" and .id == "surrender") | .date[0:7]' "$tmp/ev" | head -1)
    if [ -n "$surr" ]; then
        kept=$(jq -rs --arg s "$surr" '(map(select(.type == "month")) | .[0].control) as $home
            | map(select(.type == "month" and .date >= $s)) | last | .control | to_entries
            | map(select(.value == "JPN" and $home[.key] == "SOV") | .key) | join(" ")' "$tmp/run")
        [ -z "$kept" ] || bad "seed $seed: Japan surrendered in $surr but still holds Soviet ground: $kept"
        taken=$(jq -r --arg b "$peace" 'select(.type == "month" and .date == $b) | .war.regions_taken.JPN // [] | length' "$tmp/run" | head -1)
        if [ -n "$armistice" ] && [ "${taken:-0}" -gt 0 ] &&
           ! jq -r --arg s "$surr" 'select(.id == "soviet_ground_returned" and .date[0:7] == $s) | .id' "$tmp/ev" | grep -q .; then
            bad "seed $seed: Japan kept $taken regions under the armistice and the surrender does not say they go back"
        fi
    fi
done
# no armistice leaves the USSR's own ground in Japanese hands while Moscow
# can still weigh it against the west: Stavka answers Tokyo's wish for quiet
# with a refusal that names its reserve, and the counter-offensive in the
# west comes from that reserve, not on a fixed date
# (with war.opening_ratio at 0.6, so that the fronts beside the main blow,
# under the Soviet side's air, attack and take ground in some seeds)
held_at_end=0 border_at_end=0
for seed in 1 2 3 4 5 6 7 8; do
    "$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --set war.opening_ratio=0.6 --json >"$tmp/run"
    arm=$(jq -r 'select(.type == "event" and .kind == "peace" and .id == "armistice") | .date[0:7]' "$tmp/run" | head -1)
    [ -n "$arm" ] || continue
    kept=$(jq -rs --arg a "$arm" '(map(select(.type == "month")) | .[0].control) as $home
        | map(select(.type == "month" and .date == $a)) | last | .control | to_entries
        | map(select(.value == "JPN" and $home[.key] == "SOV") | .key) | join(" ")' "$tmp/run")
    if [ -n "$kept" ] && ! jq -r 'select(.type == "event" and .id == "armistice") | .text' "$tmp/run" | grep -q "signs away\|short of the margin to win \\(it\\|them\\) back"; then
        bad "seed $seed: the armistice of $arm leaves Soviet ground to Japan ($kept) with no Soviet weighing of it"
    fi
    # the end follows the war's course: the ground each side holds when the
    # fighting stops is weighed, not handed back whatever the course
    [ -n "$kept" ] && held_at_end=$((held_at_end + 1))
    [ -z "$kept" ] && border_at_end=$((border_at_end + 1))
    jq -r 'select(.type == "event" and .id == "armistice_refused") | .text' "$tmp/run" | grep -v -q "reserve for the west\|counter-offensive in the west\|no war elsewhere" &&
        bad "seed $seed: the Soviet refusal of an armistice does not weigh the west"
    co=$(jq -r 'select(.type == "event" and .id == "soviet_counteroffensive") | .date[0:7]' "$tmp/run")
    [ "$(printf '%s\n' "$co" | grep -c .)" = 1 ] || bad "seed $seed: the counter-offensive in the west is told '${co}' times, not once"
    jq -r 'select(.type == "event" and .id == "soviet_counteroffensive") | .text' "$tmp/run" | grep -q "of them from the Far East" ||
        bad "seed $seed: the counter-offensive in the west does not say what the Far East gave it"
done
[ "$held_at_end" -gt 0 ] ||
    bad "no armistice of seeds 1-8 leaves Japan any Soviet ground it holds ($border_at_end end on the pre-war border)"
# Vladivostok, the Pacific Fleet's base, is no march-in: when the Soviet
# line goes back past it, its fortress stands with the fleet's rifle troops,
# coast artillery and a naval brigade (war.fleet_garrison, 17,500, and the
# front's share), and is besieged for weeks, not taken in a day or two
for seed in 1 2 3 4 5 6 7 8; do
    "$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json >"$tmp/run"
    # (Japan held it in the intervention of 1918-1922: the war's months only)
    lost=$(jq -r 'select(.type == "month" and .date >= "1941-06" and .control.vladivostok == "JPN") | .date' "$tmp/run" | head -1)
    [ -n "$lost" ] || continue
    fort=$(jq -r 'select(.type == "event" and .id == "vladivostok" and (.text | test("fortress of Vladivostok"))) | .date' "$tmp/run" | head -1)
    [ -n "$fort" ] || { bad "seed $seed: Japan holds Vladivostok from $lost with no fortress besieged there"; continue; }
    men=$(jq -r 'select(.type == "event" and .id == "vladivostok" and (.text | test("fortress of Vladivostok"))) | .text' "$tmp/run" |
        head -1 | grep -o '[0-9,]* men and [0-9]* guns in all' | cut -d' ' -f1 | tr -d ,)
    [ "${men:-0}" -ge 17500 ] || bad "seed $seed: the fortress of Vladivostok stands with ${men:-no} men, under the fleet's 17,500"
    fell=$(jq -r 'select(.type == "event" and .id == "vladivostok" and (.text | test("last strongpoints"))) | .date' "$tmp/run" | head -1)
    if [ -n "$fell" ]; then
        days=$(( ( $(date -d "$fell" +%s) - $(date -d "$fort" +%s) ) / 86400 ))
        [ "$days" -ge 14 ] || bad "seed $seed: the fortress of Vladivostok falls $days days after it is invested ($fort to $fell)"
    fi
    # the city is in the fortress's works: it stays Soviet (on the map, in
    # the regions won) until the last strongpoints fall, and passes then
    if [ -z "$fell" ] || [[ "$lost" < "${fell:0:7}" ]]; then
        bad "seed $seed: Japan holds Vladivostok from $lost while its fortress holds (it falls ${fell:-never})"
    fi
    jq -r 'select(.type == "event" and .id == "vladivostok" and (.text | test("last strongpoints"))) | .text' "$tmp/run" |
        head -1 | grep -q "passes to the Japanese side" || bad "seed $seed: the fall of Vladivostok's fortress does not say the city passes"
    # a Japanese force that took the fortress holds it as one: a Soviet
    # counter-stroke invests it and reduces the garrison left in its works,
    # it does not walk back in after a day's battle
    back=$(jq -r 'select(.type == "event" and .id == "vladivostok" and .date >= "1941-06" and (.text |
        test("the Soviet side \\([0-9,]+ men.*(breaks through and takes|takes, as the defender falls back,) Vladivostok"))) | .date' "$tmp/run" | head -1)
    [ -z "$back" ] || bad "seed $seed: the Soviet side retakes the fortress of Vladivostok in a field battle on $back"
    vl=$(jq -r 'select(.type == "event" and .id == "vladivostok") | .text' "$tmp/run")
    if grep -q "passes to the Soviet side" <<<"$vl" && ! grep -q "which the Japanese side took, stands" <<<"$vl"; then
        bad "seed $seed: the Soviet side retakes Vladivostok with no Japanese garrison left in its works"
    fi
done
# the turn in the west follows its reserve, not the calendar: a faster
# build-up of the interior's reserve brings it earlier, a slower one later
co() { "$HK" simulate --seed 1 --decide JPN.strike_north=1941-08 "$@" --json |
    jq -r 'select(.type == "event" and .id == "soviet_counteroffensive") | .date[0:7]' | head -1; }
mid=$(co) fast=$(co --set war.west_reserve_rate=100000) slow=$(co --set war.west_reserve_rate=25000)
[ -n "$mid" ] && [ -n "$fast" ] && [ -n "$slow" ] && [[ "$fast" < "$mid" ]] && [[ "$mid" < "$slow" ]] ||
    bad "the counter-offensive in the west does not follow the reserve: '${fast}' at 100,000 a month, '${mid}' at 50,000, '${slow}' at 25,000"
# the forced strike north of August 1941 attacks in the campaigning season
# (by September, before the freeze), mobilised or not
for seed in 1 2 3 4 5 6 7 8; do
    open=$("$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json |
        jq -r 'select(.type == "event" and .kind == "war" and .id == "strike_north") | .date[0:7]' | head -1)
    case "$open" in
        1941-08 | 1941-09) ;;
        *) bad "seed $seed: the strike north decided in 1941-08 attacks in '${open}', past the campaigning season" ;;
    esac
done
# the Japanese army opens no offensive on the mainland fronts outside the
# campaigning season (May to September): its sieges go on, its line holds;
# an offensive under way goes on past September only until the freeze
# (December to February), each month of it following a month of attacks
for seed in 1 2 3 4 5 6 7 8; do
    late=$("$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json |
        jq -r 'select(.type == "event" and .kind == "front" and (.text | test("the Japanese side \\([0-9,]+ men"))) | .date' |
        awk '{ y = substr($1, 1, 4) + 0; m = substr($1, 6, 2) + 0; k = y * 12 + m; seen[k] = 1
               if (m >= 10 || m <= 4) { if (m == 10 || m == 11) { if (!((k - 1) in seen)) print $1 } else print $1 } }' |
        head -3 | tr '\n' ' ')
    [ -z "$late" ] || bad "seed $seed: the Japanese side attacks out of season: $late"
done
# a war in the east sends no more of the Far East west by the end of 1941
# than the same seed's peace: Stavka's draws in the war meet the west's
# claim on the east, they do not add to it
for seed in 1 2 3; do
    war=$("$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json | grep -o '"soviet_divisions_west_1941":[0-9.]*' | head -1 | cut -d: -f2)
    peace=$("$HK" simulate --seed "$seed" --json | grep -o '"soviet_divisions_west_1941":[0-9.]*' | head -1 | cut -d: -f2)
    [ -n "$war" ] && [ -n "$peace" ] || { bad "seed $seed: no soviet_divisions_west_1941 in the outcomes"; continue; }
    awk -v a="$war" -v b="$peace" 'BEGIN { exit !(a <= b + 0.5) }' ||
        bad "seed $seed: a strike north sends $war divisions west by 1941-12, the same seed's peace $peace"
done
# the air follows the aircraft in the theatre: the Soviet Far East's
# 3,000-odd against the Kwantung Army's 600-odd hold it over the Japanese
# main blow, and the battle says so; and the oil clock: a war fought in the
# north draws Japan's stocks at war use (war.oil_north_burn), so the
# southern decision it puts off comes once they are down to the southern
# operation's need, Pearl Harbor at most 9 months into the embargo (24
# months of peacetime use, 2 a month at war, 12 needed), not 12-13
for seed in 1 2 3 4 5 6 7 8; do
    "$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --json >"$tmp/run"
    first=$(jq -r 'select(.type == "event" and .kind == "front" and (.text | test("the Japanese side \\([0-9,]+ men"))) | .text' "$tmp/run" | head -1)
    [ -z "$first" ] || grep -q "under the Soviet side's air" <<<"$first" ||
        bad "seed $seed: the first Japanese attack does not say the Soviet side held the air: ${first:0:200}"
    emb=$(jq -r 'select(.type == "event" and .id == "us_oil_embargo") | .date[0:7]' "$tmp/run" | head -1)
    ph=$(jq -r 'select(.type == "event" and .id == "pearl_harbor") | .date[0:7]' "$tmp/run" | head -1)
    if [ -n "$emb" ] && [ -n "$ph" ]; then
        gap=$(( (10#${ph:0:4} - 10#${emb:0:4}) * 12 + 10#${ph:5:2} - 10#${emb:5:2} ))
        [ "$gap" -le 9 ] || bad "seed $seed: Pearl Harbor $ph, $gap months into the oil embargo of $emb, with the war in the north burning the oil"
    fi
done
# the Pacific route: a war Japan opens with the German war three months old
# (war.lend_lease_months) shuts the route of the American supplies to
# Vladivostok, told in the war's first month with the United States'
# stance; an armistice's undertaking of neutrality opens it again. Without
# a German war no route is at stake, and the USSR, its army able to carry
# the war into Japan's ground, refuses the quiet Japan asks for while it
# holds none of Japan's ground (told once, "did not provoke"): in every seed
# it either refuses so, or the armistice comes with its counter-stroke
# carried into Japan's ground (its attacks pressed until they break off)
"$HK" simulate --seed 1 --decide JPN.strike_north=1941-08 --json >"$tmp/pr"
open=$(jq -r 'select(.type == "event" and .kind == "war" and .id == "strike_north") | .date[0:7]' "$tmp/pr" | head -1)
shut=$(jq -r 'select(.type == "event" and .id == "pacific_route_shut") | .date[0:7]' "$tmp/pr" | head -1)
[ -n "$open" ] && [ "$shut" = "$open" ] || bad "seed 1: the war of '$open' tells the Pacific route shut in '$shut'"
jq -r 'select(.type == "event" and .id == "pacific_route_shut") | .text' "$tmp/pr" | grep -q "Washington\|United States" ||
    bad "seed 1: the Pacific route's closing does not tell the United States' stance"
arm=$(jq -r 'select(.type == "event" and .id == "armistice_agreement") | .text' "$tmp/pr" | head -1)
[ -z "$arm" ] || grep -q "through its straits" <<<"$arm" || bad "seed 1: the armistice's terms do not open the Pacific route again: ${arm:0:200}"
refused=0
for seed in 1 2 3 4; do
    "$HK" simulate --seed "$seed" --decide JPN.strike_north=1941-08 --without barbarossa --json >"$tmp/nb"
    jq -r 'select(.type == "event" and .id == "pacific_route_shut") | .date' "$tmp/nb" | grep -q . &&
        bad "seed $seed --without barbarossa: the Pacific route is told shut with no American supplies on it"
    if jq -r 'select(.type == "event" and .id == "armistice_refused") | .text' "$tmp/nb" | grep -q "did not provoke"; then
        refused=$((refused + 1))
        continue
    fi
    arm=$(jq -r 'select(.type == "event" and .kind == "peace" and .id == "armistice") | .date[0:7]' "$tmp/nb" | head -1)
    [ -n "$arm" ] || continue
    won=$(jq -rs --arg a "$arm" '(map(select(.type == "month")) | .[0].control) as $home
        | map(select(.type == "month" and .date == $a)) | last | .control | to_entries
        | map(select(.value == "SOV" and $home[.key] != "SOV" and $home[.key] != "MGL")) | length' "$tmp/nb")
    [ "${won:-0}" -ge 1 ] || bad "seed $seed --without barbarossa: the USSR, free in the west, takes Japan's quiet in $arm holding none of its ground"
done
echo "without barbarossa: $refused of 4 seeds with the quiet refused"
[ "$fail" = 0 ] && echo "strike_north_war: ok ($struck of 8 seeds with a Soviet counter-stroke told, $sequel with a Soviet war after the armistice)"
exit $fail
