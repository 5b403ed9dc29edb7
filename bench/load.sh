#!/usr/bin/env bash
# load.sh — `hokushin serve` under load: wrk on loopback against GET
# /api/params and GET / (the page) for HK_LOAD_SECONDS each (default 10) with
# HK_LOAD_CONNECTIONS open connections (default 32), and /api/params again
# while a what-if of a million runs works on its job thread; the figures
# (requests/s, errors, latency) go into the "Web server under load" section
# of docs/performance.md, between its load markers; the rest of the file is
# kept as it is.
#
#   HOKUSHIN=build/hokushin bash bench/load.sh
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
hk=${HOKUSHIN:-$src/build/hokushin}
seconds=${HK_LOAD_SECONDS:-10}
conns=${HK_LOAD_CONNECTIONS:-32}
doc=${HK_LOAD_DOC:-$src/docs/performance.md}
command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (scripts/install-deps.sh)" >&2; exit 1; }
[ -x "$hk" ] || { echo "load.sh: no program at $hk (set HOKUSHIN)" >&2; exit 1; }

tmp=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

. "$src/tests/e2e/lib/server.sh"
# wrk holds $conns connections from one address: allow them
HK_SERVE_ARGS="--client-connections 512" hk_serve_start "$hk" 18300 18399 "$tmp/server.err" ||
    { cat "$tmp/server.err" >&2; echo "load.sh: the server did not start" >&2; exit 1; }
threads=$(sed -n 's/.*(\([0-9]*\) threads.*/\1/p' "$tmp/server.err")

rows=""
job=
for path in /api/params / "/api/params during a what-if"; do
    label=$path
    if [ "$path" = "/api/params during a what-if" ]; then
        # the same while a long what-if keeps the cores busy on its job thread
        path=/api/params
        job=$(curl -s "http://127.0.0.1:$port/api/whatif" -H 'Content-Type: application/json' -d '{"runs":100000,"without":["barbarossa"]}' |
            sed -n 's/.*"job":"\([^"]*\)".*/\1/p')
    fi
    curl -sf -o /dev/null "http://127.0.0.1:$port$path" # warm the cache
    echo "wrk: GET $label, $conns connections, ${seconds}s" >&2
    wrk -t2 -c"$conns" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" >"$tmp/wrk.txt"
    cat "$tmp/wrk.txt" >&2
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$tmp/wrk.txt")
    total=$(awk '/requests in/ {print $1}' "$tmp/wrk.txt")
    sock=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$tmp/wrk.txt")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$tmp/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
    size=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$path")
    if [ -n "$job" ]; then
        done_runs=$(curl -s "http://127.0.0.1:$port$job" | sed -n 's/.*"done":\([0-9]*\).*/\1/p')
        curl -s -o /dev/null -X DELETE "http://127.0.0.1:$port$job"
        label="$label ($done_runs runs done meanwhile)"
        job=
    fi
    rows+="| GET $label ($size bytes) | $conns | $rps | $total | ${sock:-0} / ${non2xx:-0} | $p50 | $p99 |"$'\n'
done
kill "$pid"
wait "$pid" || true
pid=

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
cores=$(nproc)
commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
section=$(
    cat <<EOF
<!-- load:begin (written by bench/load.sh; edit outside these markers) -->
Measured $(date -u +%Y-%m-%dT%H:%MZ) on $cpu, $cores cores, commit $commit, with
\`bash bench/load.sh\`: \`wrk -t2 -c$conns -d${seconds}s\` on loopback against
\`hokushin serve\` (${threads:-4} request threads), client and server on the same cores.

| request | connections | requests/s | requests | errors (socket / non-2xx) | latency p50 | p99 |
|---|---|---|---|---|---|---|
${rows}<!-- load:end -->
EOF
)

# Replace the part between the markers, or add the section at the end.
if grep -q '<!-- load:begin' "$doc"; then
    awk -v section="$section" '
        /<!-- load:begin/ { print section; skip = 1; next }
        /<!-- load:end/ { skip = 0; next }
        !skip { print }' "$doc" >"$tmp/doc.md"
else
    cp "$doc" "$tmp/doc.md"
    {
        echo
        echo "## Web server under load"
        echo
        echo "\`hokushin serve\` answers from a pool of request threads; the page's files are embedded and"
        echo "\`/api/params\` and \`/api/replay\` are computed once and then served from memory, so these"
        echo "figures measure HTTP handling, not the model. What-if jobs run on threads of their own."
        echo
        echo "$section"
    } >>"$tmp/doc.md"
fi
cat "$tmp/doc.md" >"$doc"
echo "load.sh: wrote the 'Web server under load' section of $doc" >&2
