# server.sh — sourced by tests/e2e/serve.sh and bench/load.sh: starts
# `hokushin serve` on the first free loopback port of a range.
#
#   hk_serve_start PROGRAM FIRST_PORT LAST_PORT ERR_FILE
#
# Sets `pid` (the server, for the caller's cleanup trap) and `port`; returns 1
# with both empty when no port of the range gave a running server (its
# messages are then in ERR_FILE). A port another program holds is skipped
# rather than fought over, and a server that dies at start (a race for the
# port) makes it try the next one.
hk_serve_start() {
    local hk=$1 first=$2 last=$3 err=$4 p
    port=
    pid=
    for p in $(seq "$first" "$last"); do
        ss -ltnH "sport = :$p" 2>/dev/null | grep -q . && continue
        # shellcheck disable=SC2086 # HK_SERVE_ARGS: extra options, split on spaces
        "$hk" serve --port "$p" ${HK_SERVE_ARGS:-} 2>"$err" &
        pid=$!
        for _ in $(seq 100); do
            grep -q "http://" "$err" && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null && grep -q "http://" "$err"; then
            port=$p
            return 0
        fi
        wait "$pid" 2>/dev/null || true
        pid=
    done
    return 1
}
