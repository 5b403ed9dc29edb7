#!/usr/bin/env bash
# play_pipe: `hokushin play` driven through a pipe. The same commands give
# the same game, output and save file; the end of input exits 0 without
# saving; a saved game continues where it stopped; bad options, a damaged
# or truncated save and a save of another kind are refused with exit 2 and
# a FILE:LINE message.
set -euo pipefail
HK=${1:?usage: play_pipe.sh PATH_TO_hokushin}
HK=$(cd "$(dirname "$HK")" && pwd)/$(basename "$HK")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
cd "$tmp"

script() {
    printf '%s\n' "skip 250" "d n" "r r" "i e" "" "p 0" "x 0" "" "d s" "r w" "i c" "" "save $1" "skip 3"
}
mkdir one two
(cd one && script g.save | "$HK" play --as JPN --seed 5 >../out1.txt 2>../err1.txt) || bad "the piped game exited $?"
(cd two && script g.save | "$HK" play --as JPN --seed 5 >../out2.txt 2>../err2.txt) || bad "the second piped game exited $?"
cmp -s out1.txt out2.txt || bad "the same commands gave different output"
cmp -s one/g.save two/g.save || bad "the same commands gave different save files"
cp one/g.save a.save
cp two/g.save b.save
[ -s err1.txt ] && bad "messages on stderr: $(head -3 err1.txt)"
grep -q "== 1938-10 ==" out1.txt || bad "the state of 1938-10 is not shown"
grep -q "orders for 1938-11 (JPN): doctrine north, forces reinforce" out1.txt ||
    bad "the orders given are not shown"
[ "$(sed -n 's/^months //p' a.save)" = 253 ] || bad "the save does not hold 253 months"
[ "$(ls one)" = g.save ] || bad "files appeared that nobody asked for: $(ls one)"

# the game goes on from the save exactly as it went on before
printf 'skip 3\nsave c.save\n' | "$HK" play --load a.save >out3.txt 2>&1 || bad "continuing a save exited $?"
printf 'skip 3\nsave d.save\n' | "$HK" play --load b.save >/dev/null 2>&1 || true
cmp -s c.save d.save || bad "two copies of one save went on differently"
[ "$(tail -n +2 out1.txt | grep -A12 '== 1939-01 ==' | head -8)" = "$(grep -A12 '== 1939-01 ==' out3.txt | head -8)" ] ||
    bad "the loaded game's month differs from the original's"

# the Soviet side plays too
printf 'skip 2\nw n\n\n' | "$HK" play --as SOV >sov.txt || bad "play --as SOV exited $?"
grep -q "orders for 1918-03 (SOV)" sov.txt || bad "the Soviet game does not reach 1918-03"

# bad input
expect_exit() { # expect_exit CODE PATTERN ARGS...
    local code=$1 pattern=$2
    shift 2
    local rc=0
    "$HK" play "$@" </dev/null >/dev/null 2>err.txt || rc=$?
    [ "$rc" = "$code" ] || bad "play $* exits $rc, not $code"
    grep -Eq -- "$pattern" err.txt || bad "play $*: no message matching '$pattern': $(cat err.txt)"
}
expect_exit 2 "--as JPN"
expect_exit 2 "JPN|SOV" --as USA
expect_exit 2 "unknown option" --colour
head -c 200 a.save >trunc.save
expect_exit 2 "^trunc.save:[0-9]+: .*truncated" --load trunc.save
sed 's/^player JPN$/player SOV/' a.save >edited.save
expect_exit 2 "^edited.save:[0-9]+: .*checksum" --load edited.save
printf 'hokushin-save 9\n' >v9.save
expect_exit 2 "^v9.save:1: .*version 9" --load v9.save
expect_exit 2 "^missing.save: cannot open" --load missing.save

# a bad command does not end the game; the end of input exits 0
printf 'frobnicate\nskip x\n\n' | "$HK" play --as JPN >cmd.txt || bad "a bad command ended the game"
grep -q "unknown command 'frobnicate'" cmd.txt || bad "an unknown command is not explained"
grep -q "orders for 1918-02" cmd.txt || bad "the game did not go on after a bad command"

[ "$fail" = 0 ] && echo "play_pipe: ok"
exit "$fail"
