#!/usr/bin/env bash
# play_tmux: `hokushin play` in a real terminal (tmux). A game as Japan, seed
# 3, skips to 1941-01, is saved (F1), plays three turns with chosen orders
# and is saved again (F2); a second session loads F1, plays the same three
# turns and saves F3, which must be F2 byte for byte. The screen shows the
# month's state, and a damaged copy of F1 is refused with FILE:LINE, exit 2.
set -euo pipefail
HK=${1:?usage: play_tmux.sh PATH_TO_hokushin}
HK=$(cd "$(dirname "$HK")" && pwd)/$(basename "$HK")
command -v tmux >/dev/null || { echo "play_tmux: tmux is not installed; skipped"; exit 77; }
tmp=$(mktemp -d)
sock="hk-play-$$"
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

screen() { tmux -L "$sock" capture-pane -p -t "$1" -S -200 2>/dev/null || true; }
# Waits (polling) until the session's screen shows `pattern`.
wait_for() {
    local s=$1 pattern=$2
    for _ in $(seq 300); do
        screen "$s" | grep -q -- "$pattern" && return 0
        [ -e "$tmp/exit.$s" ] && break
        sleep 0.1
    done
    bad "session $s never showed '$pattern'"
    screen "$s" | tail -20 >&2
    return 1
}
keys() { tmux -L "$sock" send-keys -t "$1" -l "$2" && tmux -L "$sock" send-keys -t "$1" Enter; }
start() { # start NAME ARGS...
    local s=$1
    shift
    tmux -L "$sock" new-session -d -s "$s" -x 160 -y 60 \
        "cd '$tmp' && '$HK' play $* ; echo \$? > '$tmp/exit.$s'; sleep 30"
}
# the three turns: north and reinforce; escalate incidents; south, withdraw, contain
three_turns() {
    local s=$1
    keys "$s" "d n"; keys "$s" "r r"; keys "$s" ""
    wait_for "$s" "orders for 1941-02" || return 1
    keys "$s" "i e"; keys "$s" ""
    wait_for "$s" "orders for 1941-03" || return 1
    keys "$s" "d s"; keys "$s" "r w"; keys "$s" "i c"; keys "$s" ""
    wait_for "$s" "orders for 1941-04" || return 1
}

start one --as JPN --seed 3
wait_for one "orders for 1918-01"
keys one "skip 276"
wait_for one "orders for 1941-01"
screen one >"$tmp/screen1.txt"
grep -q "== 1940-12 ==" "$tmp/screen1.txt" || bad "the screen does not show the state of 1940-12"
grep -q "forces on the border" "$tmp/screen1.txt" || bad "the screen does not show the forces"
grep -q "treaties in force" "$tmp/screen1.txt" || bad "the screen does not show the treaties"
keys one "save F1"
wait_for one "saved to F1"
three_turns one
keys one "save F2"
wait_for one "saved to F2"
screen one | grep -q "== 1941-03 ==" || bad "the third turn's state is not on the screen"
keys one "quit"
for _ in $(seq 100); do [ -e "$tmp/exit.one" ] && break; sleep 0.1; done
[ "$(cat "$tmp/exit.one" 2>/dev/null)" = 0 ] || bad "quit did not exit 0"

start two --load F1
wait_for two "orders for 1941-01"
three_turns two
keys two "save F3"
wait_for two "saved to F3"
keys two "quit"

[ -s "$tmp/F1" ] && [ -s "$tmp/F2" ] && [ -s "$tmp/F3" ] || bad "the save files were not all written"
cmp -s "$tmp/F2" "$tmp/F3" || bad "F2 and F3 differ: loading F1 and playing the same turns gave another game"
grep -q "^turn 1941-01 push=1 reinforce=0.5 " "$tmp/F2" || bad "F2 does not record the orders of 1941-01"
[ "$(sed -n 's/^months //p' "$tmp/F1")" = 276 ] || bad "F1 does not hold 276 months"

# a damaged copy: clear error with FILE:LINE, exit 2
sed 's/^seed 3$/seed 4/' "$tmp/F1" >"$tmp/F1bad"
rc=0
"$HK" play --load "$tmp/F1bad" </dev/null >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" = 2 ] || bad "a damaged save exits $rc, not 2"
grep -Eq "F1bad:[0-9]+: .*checksum" "$tmp/err" || bad "no FILE:LINE checksum message: $(cat "$tmp/err")"

[ "$fail" = 0 ] && echo "play_tmux: ok"
exit "$fail"
