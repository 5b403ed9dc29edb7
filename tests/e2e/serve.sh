#!/usr/bin/env bash
# serve: `hokushin serve` on a free loopback port answers the page and the
# API of web/README.md: the page and its assets with their types, params,
# the 333-month replay, simulate as the CLI's JSON Lines, a what-if job
# polled to its end and another cancelled, games played, saved and loaded;
# and it refuses what it should: paths outside the page (404), oversized
# bodies (413), malformed JSON and unknown keys (400), wrong methods (405),
# damaged saves (400). No other web site can drive it: a cross-origin or
# text/plain POST and a foreign Host are refused (403, 415). Ids are 128
# random bits (successive ones differ in about half of them); one client
# gets at most 2 running what-ifs and 32 connections, while another address
# is still served; new games never push out one in play. 20 clients at
# once all get answers; it listens on 127.0.0.1 by default and stops cleanly
# on SIGTERM; a second server on its port fails with one message of
# hokushin's and none of the library's.
set -euo pipefail
HK=${1:?usage: serve.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

# --- start on the first free port from 18100 --------------------------------
. "$(dirname "$0")/lib/server.sh"
hk_serve_start "$HK" 18100 18199 "$tmp/server.err" ||
    { cat "$tmp/server.err" >&2; echo "FAIL: the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"

# JSON bodies say so: the server takes POSTs only as application/json
J=(-H 'Content-Type: application/json')
# status code, content type; the body goes to $tmp/body
req() { curl -s -o "$tmp/body" -w '%{http_code} %{content_type}' "$@"; }
expect() { # expect CODE TYPE-PREFIX what... -- curl args
    local code=$1 type=$2 what=$3
    shift 3
    local got
    got=$(req "$@") || { bad "$what: curl failed"; return; }
    case "$got" in
    "$code $type"*) ;;
    *) bad "$what: wanted '$code $type', got '$got': $(head -c 300 "$tmp/body")" ;;
    esac
}
json_error() { jq -e 'has("error") and (.error | type == "string")' "$tmp/body" >/dev/null || bad "$1: no JSON error"; }

# --- a busy port: one message of ours, not the library's -----------------------
rc=0
timeout 20 "$HK" serve --port "$port" >"$tmp/busy.out" 2>"$tmp/busy.err" || rc=$?
[ "$rc" != 0 ] && [ "$rc" != 124 ] || bad "serve on a busy port exited $rc"
[ "$(wc -l <"$tmp/busy.err")" = 1 ] || bad "serve on a busy port: wanted one line on stderr, got: $(cat "$tmp/busy.err")"
grep -q "^hokushin: serve: cannot listen on 127.0.0.1 port $port" "$tmp/busy.err" ||
    bad "serve on a busy port: no message of hokushin's: $(cat "$tmp/busy.err")"
grep -qi "failed to bind" "$tmp/busy.err" && bad "serve on a busy port: libmicrohttpd's own message leaks"

# --- listens on loopback only by default -------------------------------------
ss -ltnH "sport = :$port" | grep -q "127.0.0.1:$port" || bad "not bound to 127.0.0.1:$port: $(ss -ltnH "sport = :$port")"
ss -ltnH "sport = :$port" | grep -Eq '(0\.0\.0\.0|\*|\[::\]):'"$port" && bad "listening on every address by default"

# --- the page ----------------------------------------------------------------
expect 200 text/html "GET /" "$base/"
grep -qi '<html' "$tmp/body" || bad "GET / is not the HTML page"
expect 200 text/javascript "GET /assets/app.js" "$base/assets/app.js"
expect 200 text/css "GET /assets/app.css" "$base/assets/app.css"
expect 404 application/json "/../../etc/passwd" --path-as-is "$base/../../etc/passwd"
expect 404 application/json "/assets/../../x" --path-as-is "$base/assets/../../x"
expect 404 application/json "/assets/%2e%2e/%2e%2e/etc/passwd" --path-as-is "$base/assets/%2e%2e/%2e%2e/etc/passwd"
grep -q root: "$tmp/body" && bad "a file outside the page was served"
expect 404 application/json "unknown path" "$base/nothing-here"
json_error "unknown path"

# --- params and replay -------------------------------------------------------
expect 200 application/json "GET /api/params" "$base/api/params"
jq -e '(.params | length > 0) and (.params[0] | has("key") and has("value") and has("unit") and has("source")
        and has("min") and has("max")) and ([.without[].id] | index("neutrality_pact") != null)
        and ([.without[].id] | index("molotov_ribbentrop_pact") != null)' "$tmp/body" >/dev/null ||
    bad "/api/params lacks its fields or the fixed ids"
expect 200 application/json "GET /api/replay" "$base/api/replay"
months=$(jq '.months | length' "$tmp/body")
[ "$months" = 333 ] || bad "/api/replay has $months months, not 333"
jq -e '.scenario.regions | length > 0' "$tmp/body" >/dev/null || bad "/api/replay has no scenario"
expect 405 application/json "PUT /api/params" -X PUT "$base/api/params"

# --- simulate: the CLI's JSON Lines ------------------------------------------
expect 200 application/x-ndjson "POST /api/simulate" "$base/api/simulate" \
    "${J[@]}" -d '{"seed":3,"until":"1930-12","without":["barbarossa"]}'
"$HK" simulate --seed 3 --until 1930-12 --without barbarossa --json >"$tmp/cli.jsonl"
cmp -s "$tmp/body" "$tmp/cli.jsonl" || bad "POST /api/simulate differs from 'simulate --json'"
expect 400 application/json "simulate with a bad month" "$base/api/simulate" "${J[@]}" -d '{"until":"1999-01"}'
# the CLI's rules (cli_errors.sh sends the same): months without a day, the
# whole uint64 range of seeds printed unsigned, no space around a --set value
expect 400 application/json "until with a day" "$base/api/simulate" "${J[@]}" -d '{"until":"1939-07-15"}'
jq -e '.error | test("YYYY-MM from 1918-01 to 1945-09, got .1939-07-15.")' "$tmp/body" >/dev/null ||
    bad "a day in 'until' is not refused as the CLI refuses it: $(cat "$tmp/body")"
expect 400 application/json "set with a space" "$base/api/simulate" "${J[@]}" \
    -d '{"set":["politics.drift= 0.03"],"until":"1918-02"}'
jq -e '.error | test("a space around the key or the value")' "$tmp/body" >/dev/null ||
    bad "a space in a 'set' value is not refused as the CLI refuses it: $(cat "$tmp/body")"
for s in '"18446744073709551616"' '-1' '1.5' '"12x"'; do
    expect 400 application/json "seed $s" "$base/api/simulate" "${J[@]}" -d "{\"seed\":$s,\"until\":\"1918-02\"}"
    jq -e '.error | test("from 0 to 18446744073709551615")' "$tmp/body" >/dev/null ||
        bad "seed $s: the refusal does not give the range: $(cat "$tmp/body")"
done
expect 200 application/x-ndjson "seed 2^64 - 1" "$base/api/simulate" "${J[@]}" \
    -d '{"seed":"18446744073709551615","until":"1918-02"}'
tail -1 "$tmp/body" | grep -q '"seed":"18446744073709551615"' ||
    bad "seed 2^64 - 1 is not printed unsigned: $(tail -1 "$tmp/body" | head -c 300)"

# --- bad input -----------------------------------------------------------------
expect 400 application/json "malformed JSON" "$base/api/whatif" "${J[@]}" -d '{"runs": 10, "without": ['
json_error "malformed JSON"
expect 400 application/json "bad key" "$base/api/whatif" "${J[@]}" -d '{"runs":10,"set":["politics.drfit=0.05"]}'
jq -e '.error | test("did you mean")' "$tmp/body" >/dev/null || bad "a bad key does not suggest one: $(cat "$tmp/body")"
expect 400 application/json "unknown field" "$base/api/whatif" "${J[@]}" -d '{"runz":10,"without":["neutrality_pact"]}'
expect 400 application/json "no change" "$base/api/whatif" "${J[@]}" -d '{"runs":10}'
head -c 300000 /dev/zero | tr '\0' x >"$tmp/big"
expect 413 application/json "oversized body" "$base/api/whatif" "${J[@]}" --data-binary "@$tmp/big"
json_error "oversized body"

# --- a what-if job, polled to its end ----------------------------------------
expect 202 application/json "POST /api/whatif" "$base/api/whatif" "${J[@]}" -d '{"runs":200,"seed":2,"without":["neutrality_pact"]}'
job=$(jq -r .job "$tmp/body")
case "$job" in /api/jobs/*) ;; *) bad "no job URL: $(cat "$tmp/body")"; job=/api/jobs/0 ;; esac
status=running
for _ in $(seq 600); do
    req "$base$job" >/dev/null
    status=$(jq -r .status "$tmp/body")
    [ "$status" = running ] || break
    jq -e '(.done | type == "number") and .total == 200' "$tmp/body" >/dev/null || bad "running job without progress"
    sleep 0.2
done
[ "$status" = done ] || bad "the what-if ended as '$status'"
jq -e '.result.runs == 200 and (.result.outcomes.neutrality_pact_signed.p | type == "number")
       and (.result | has("baseline") and has("delta"))' "$tmp/body" >/dev/null || bad "the what-if result lacks fields"
"$HK" whatif --runs 200 --seed 2 --without neutrality_pact --json --threads 1 >"$tmp/cli.json"
[ "$(jq -c '.result.outcomes' "$tmp/body")" = "$(jq -c .outcomes "$tmp/cli.json")" ] ||
    bad "the served what-if's outcomes differ from 'whatif --json'"

# --- and one cancelled --------------------------------------------------------
expect 400 application/json "more runs than --max-runs" "$base/api/whatif" "${J[@]}" -d '{"runs":1000000,"without":["barbarossa"]}'
jq -e '.error | test("from 1 to 100000 .*--max-runs")' "$tmp/body" >/dev/null || bad "no --max-runs in: $(cat "$tmp/body")"
expect 400 application/json "runs = -5" "$base/api/whatif" "${J[@]}" -d '{"runs":-5,"without":["barbarossa"]}'
expect 202 application/json "a long what-if" "$base/api/whatif" "${J[@]}" -d '{"runs":100000,"without":["barbarossa"]}'
long=$(jq -r .job "$tmp/body")
echo "$long" | grep -Eq '^/api/jobs/[0-9a-f]{32}$' || bad "a job id is not 128 bits in hex: $long"
# other requests are answered while it runs
expect 200 application/json "params during a what-if" "$base/api/params"
expect 200 application/json "DELETE the job" -X DELETE "$base$long"
expect 200 application/json "the cancelled job" "$base$long"
[ "$(jq -r .status "$tmp/body")" = cancelled ] || bad "DELETE did not cancel: $(cat "$tmp/body")"
expect 404 application/json "an unknown job" "$base/api/jobs/987654"
expect 404 application/json "a job id one digit off" "$base/api/jobs/$(echo "${long#/api/jobs/}" | tr 0123456789abcdef 123456789abcdef0)"

# --- one client cannot take every what-if slot -----------------------------------
ids=()
for k in 1 2; do
    expect 202 application/json "long what-if $k" "$base/api/whatif" "${J[@]}" -d "{\"runs\":100000,\"seed\":$k,\"without\":[\"barbarossa\"]}"
    ids+=("$(jq -r .job "$tmp/body")")
done
expect 429 application/json "a third what-if from one client" "$base/api/whatif" "${J[@]}" -d '{"runs":100,"without":["barbarossa"]}'
jq -e '.error | test("already run 2 what-ifs")' "$tmp/body" >/dev/null || bad "the 429 does not say why: $(cat "$tmp/body")"
for j in "${ids[@]}"; do curl -s -o /dev/null -X DELETE "$base$j"; done
# ids cannot be worked out from one another: a counter or a clock changes a
# few bits from one id to the next, 128 random bits about half of them
# (fewer than 24 of 128 happens once in 3e11 pairs)
bits_between() { # two ids of 32 hex digits: the number of bits that differ
    local a=$1 b=$2 n=0 h x
    for h in 0 16; do
        x=$(( 0x${a:h:16} ^ 0x${b:h:16} ))
        while [ "$x" != 0 ]; do x=$(( x & (x - 1) )); n=$((n + 1)); done
    done
    echo "$n"
}
prev=${long#/api/jobs/}
for j in "${ids[@]}"; do
    j=${j#/api/jobs/}
    echo "$prev $j" | grep -Eq '^[0-9a-f]{32} [0-9a-f]{32}$' || { bad "job ids '$prev' and '$j' are not 128 bits in hex"; continue; }
    d=$(bits_between "$prev" "$j")
    [ "$d" -ge 24 ] || bad "job ids $prev and $j differ in only $d bits: the next id can be guessed"
    prev=$j
done

# --- no other web site can drive it ----------------------------------------------
small='{"runs":10,"without":["neutrality_pact"]}'
expect 403 application/json "a cross-origin text/plain POST" "$base/api/whatif" \
    -H 'Content-Type: text/plain' -H 'Origin: http://evil.example' -d "$small"
jq -e '.error | test("evil.example")' "$tmp/body" >/dev/null || bad "the refusal does not name the origin"
expect 403 application/json "a cross-origin JSON POST" "$base/api/whatif" -H 'Origin: http://evil.example' "${J[@]}" -d "$small"
expect 403 application/json "a cross-origin game" "$base/api/play" -H 'Origin: http://evil.example' "${J[@]}" -d '{"as":"JPN"}'
expect 403 application/json "an Origin of null" "$base/api/play" -H 'Origin: null' "${J[@]}" -d '{"as":"JPN"}'
expect 415 application/json "a text/plain POST" "$base/api/whatif" -H 'Content-Type: text/plain' -d "$small"
expect 415 application/json "a form POST" "$base/api/play" -d 'as=JPN'
expect 403 application/json "Host: attacker.example" -H 'Host: attacker.example' "$base/api/params"
jq -e '.error | test("attacker.example")' "$tmp/body" >/dev/null || bad "the refusal does not name the Host"
expect 403 application/json "Host: attacker.example:PORT on the page" -H "Host: attacker.example:$port" "$base/"
expect 403 application/json "Host: 127.0.0.1.evil.example" -H "Host: 127.0.0.1.evil.example:$port" "$base/api/replay"
expect 200 application/json "Host: localhost:PORT" -H "Host: localhost:$port" "$base/api/params"
expect 200 application/json "Host: [::1]:PORT" -H "Host: [::1]:$port" "$base/api/params"
# the page's own requests: same origin, JSON
expect 202 application/json "a same-origin what-if" "$base/api/whatif" -H "Origin: http://127.0.0.1:$port" "${J[@]}" -d "$small"
own=$(jq -r .job "$tmp/body")
expect 403 application/json "a cross-origin DELETE" -X DELETE -H 'Origin: http://evil.example' "$base$own"
expect 200 application/json "a same-origin DELETE" -X DELETE -H "Origin: http://127.0.0.1:$port" "$base$own"

# --- play -----------------------------------------------------------------------
expect 200 application/json "POST /api/play" "$base/api/play" "${J[@]}" -d '{"as":"JPN","seed":3}'
game=$(jq -r .game "$tmp/body")
echo "$game" | grep -Eq '^[0-9a-f]{32}$' || bad "a game id is not 128 bits in hex: $game"
[ "$(jq -r .state.date "$tmp/body")" = 1918-01 ] || bad "a new game does not open in 1918-01"
orders='{"orders":{"doctrine_push":0.5,"reinforce":0.2,"propose_treaty":null,"denounce_treaty":null,"incidents":"contain","declare_war":false}}'
for _ in 1 2 3; do expect 200 application/json "a turn" "$base/api/play/$game/turn" "${J[@]}" -d "$orders"; done
cp "$tmp/body" "$tmp/turn3.json"
[ "$(jq -r .state.date "$tmp/body")" = 1918-03 ] || bad "three turns do not reach 1918-03"
expect 400 application/json "bad orders" "$base/api/play/$game/turn" "${J[@]}" -d '{"orders":{"incidents":"provoke"}}'
expect 404 application/json "unknown game" "$base/api/play/0123456789abcdef/turn" "${J[@]}" -d '{}'
jq -e '.error | test("left alone for 6 hours")' "$tmp/body" >/dev/null || bad "a missing game's error does not say games expire: $(cat "$tmp/body")"
expect 200 application/json "save" "$base/api/play/$game/save"
cp "$tmp/body" "$tmp/save.json"
jq -e '.save | startswith("hokushin-save 2\n")' "$tmp/save.json" >/dev/null || bad "the save holds no save file"
req "$base/api/play/$game/save?format=text" >/dev/null
cp "$tmp/body" "$tmp/save.txt"
head -1 "$tmp/save.txt" | grep -qx 'hokushin-save 2' || bad "?format=text is not the save file"
for f in save.json save.txt; do
    expect 200 application/json "load $f" "$base/api/play/load" "${J[@]}" --data-binary "@$tmp/$f"
    [ "$(jq -c .state "$tmp/body")" = "$(jq -c '.state | .events = []' "$tmp/turn3.json")" ] ||
        bad "loading $f does not restore the state"
done
sed 's/push=0.5/push=0.6/' "$tmp/save.txt" >"$tmp/bad.txt"
expect 400 application/json "damaged save" "$base/api/play/load" "${J[@]}" --data-binary "@$tmp/bad.txt"
jq -e '.error | test("checksum")' "$tmp/body" >/dev/null || bad "a damaged save is not reported as such"
expect 400 application/json "not a save" "$base/api/play/load" "${J[@]}" -d 'hello'

# many new games do not push out one in play: the table refuses instead
full=0
for k in $(seq 130); do
    code=$(curl -s -o "$tmp/g" -w '%{http_code}' "$base/api/play" "${J[@]}" -d "{\"as\":\"SOV\",\"seed\":$k}")
    [ "$code" = 503 ] && { full=1; break; }
    [ "$code" = 200 ] || { bad "new game $k: $code $(cat "$tmp/g")"; break; }
done
[ "$full" = 1 ] || bad "130 new games were all taken: the table never fills"
jq -e '.error | test("6 hours without a turn")' "$tmp/g" >/dev/null || bad "a full table does not say why: $(cat "$tmp/g")"
expect 200 application/json "the first game after 130 others" "$base/api/play/$game/turn" "${J[@]}" -d '{"orders":null}'

# --- one address holding 40 idle connections starves only itself --------------
fds=()
for _ in $(seq 40); do
    exec {fd}<>"/dev/tcp/127.0.0.1/$port" && fds+=("$fd")
done
sleep 1
code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' --interface 127.0.0.2 "$base/api/params" || true)
[ "$code" = 200 ] || bad "another address was not served while one held 40 connections: $code"
code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/api/params" || true)
[ "$code" = 200 ] && bad "a 41st connection from the address holding 40 was served"
for fd in "${fds[@]}"; do exec {fd}>&-; done
sleep 1

# --- 20 clients at once -------------------------------------------------------
pids=()
for i in $(seq 20); do
    case $((i % 3)) in
    0) url="$base/api/params" ;;
    1) url="$base/" ;;
    *) url="$base/api/replay" ;;
    esac
    curl -s -o /dev/null -w '%{http_code}\n' "$url" >"$tmp/par.$i" &
    pids+=($!)
done
wait "${pids[@]}" || true
ok=$(cat "$tmp"/par.* | grep -c '^200$' || true)
[ "$ok" = 20 ] || bad "only $ok of 20 parallel requests succeeded"

# --- stops cleanly ----------------------------------------------------------------
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=
[ "$rc" = 0 ] || bad "the server exited $rc on SIGTERM"
grep -q stopping "$tmp/server.err" || bad "no orderly stop"

[ "$fail" = 0 ] && echo "serve: ok (port $port)"
exit "$fail"
