#!/usr/bin/env bash
# check_fifo: a scenario folder whose file is a FIFO (or a folder) is refused
# at once with the file's name and exit status 2; nothing waits for a writer.
set -euo pipefail
HK=${1:?usage: check_fifo.sh PATH_TO_hokushin}
SRC=${HK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

cp -r "$SRC/scenarios/far-east-1918" "$T/s"
rm "$T/s/events.yaml"
mkfifo "$T/s/events.yaml"
rc=0
timeout 20 "$HK" check --scenario "$T/s" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 124 ] && bad "check waited on the FIFO"
[ "$rc" = 2 ] || bad "check on a FIFO exited $rc, not 2"
grep -q "events.yaml.*FIFO" "$T/err" || bad "the message does not name the FIFO: $(cat "$T/err")"

rc=0
timeout 20 "$HK" simulate --scenario "$T/s" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || bad "simulate on a FIFO exited $rc, not 2"

rm "$T/s/events.yaml"
mkdir "$T/s/events.yaml"
rc=0
timeout 20 "$HK" check --scenario "$T/s" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || bad "check on a folder named events.yaml exited $rc, not 2"
grep -q "events.yaml.*folder" "$T/err" || bad "the message does not say it is a folder: $(cat "$T/err")"

[ "$fail" = 0 ] && echo "check_fifo: ok"
exit "$fail"
