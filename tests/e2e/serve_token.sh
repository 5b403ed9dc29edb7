#!/usr/bin/env bash
# serve_token: beyond loopback `hokushin serve` warns and requires a token.
# With --bind 0.0.0.0 and no --token it makes one and prints it; /api/
# without it is 401, with it (header or the page's cookie) 200; any Host is
# then answered. With --token on loopback the same token is required, and
# a token too short is refused at the start.
set -euo pipefail
HK=${1:?usage: serve_token.sh PATH_TO_hokushin}
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

start() { # start ARGS... : sets pid and port from the printed address
    "$HK" serve --port 0 "$@" 2>"$tmp/err" &
    pid=$!
    for _ in $(seq 100); do
        grep -q "http://" "$tmp/err" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    port=$(sed -n 's|.*http://[^ ]*:\([0-9]*\)/.*|\1|p' "$tmp/err" | head -1)
    [ -n "$port" ] || { cat "$tmp/err" >&2; echo "FAIL: the server did not start" >&2; exit 1; }
}
stop() { kill "$pid"; wait "$pid" || true; pid=; }
code() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }

# --- every address: a warning and a token made for it ---------------------------
start --bind 0.0.0.0
grep -q "warning: listening on 0.0.0.0" "$tmp/err" || bad "no warning for 0.0.0.0: $(cat "$tmp/err")"
token=$(sed -n 's|.*?token=\([A-Za-z0-9._~+/-]*\).*|\1|p' "$tmp/err" | head -1)
[ "${#token}" -ge 32 ] || bad "no token printed: $(cat "$tmp/err")"
[ "$(code "http://127.0.0.1:$port/api/params")" = 401 ] || bad "/api/ without the token was not 401"
jq -e '.error | test("token")' "$tmp/body" >/dev/null || bad "the 401 does not say what is missing"
[ "$(code -H "Authorization: Bearer wrong-token-0123456789" "http://127.0.0.1:$port/api/params")" = 401 ] ||
    bad "a wrong token was taken"
[ "$(code -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/params")" = 200 ] ||
    bad "the token was not taken"
[ "$(code -H "Authorization: Bearer $token" -H 'Host: hokushin.lan:8080' "http://127.0.0.1:$port/api/params")" = 200 ] ||
    bad "with a token, a name of the machine's was refused"
# the page opened at /?token= gets a cookie that its own requests carry
curl -s -o /dev/null -D "$tmp/headers" "http://127.0.0.1:$port/?token=$token"
grep -qi "^set-cookie: hk_token=$token; HttpOnly; SameSite=Strict" "$tmp/headers" ||
    bad "no SameSite cookie for the page: $(cat "$tmp/headers")"
[ "$(code -H "Cookie: hk_token=$token" "http://127.0.0.1:$port/api/replay")" = 200 ] || bad "the cookie was not taken"
[ "$(code -H "Authorization: Bearer $token" -H 'Origin: http://evil.example' -H 'Content-Type: application/json' \
    -d '{"as":"JPN"}' "http://127.0.0.1:$port/api/play")" = 403 ] || bad "a cross-origin POST with the token was taken"
stop

# --- loopback with a token ---------------------------------------------------------
start --token abcdefghijklmnop0123
grep -q warning "$tmp/err" && bad "a warning on loopback"
[ "$(code "http://127.0.0.1:$port/api/params")" = 401 ] || bad "--token on loopback is not required"
[ "$(code -H "Authorization: Bearer abcdefghijklmnop0123" "http://127.0.0.1:$port/api/params")" = 200 ] ||
    bad "--token on loopback is not taken"
stop

rc=0
"$HK" serve --port 0 --token short 2>"$tmp/err" || rc=$?
[ "$rc" = 1 ] || [ "$rc" = 2 ] || bad "a short token exited $rc"
grep -q "16 to 128" "$tmp/err" || bad "a short token: $(cat "$tmp/err")"

[ "$fail" = 0 ] && echo "serve_token: ok"
exit "$fail"
