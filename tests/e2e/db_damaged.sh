#!/usr/bin/env bash
# db_damaged: `ensemble --resume` on a damaged database refuses it (exit 2)
# with a message that names the file and says what to do, never "not an
# error", for bytes written over the pages of each table in turn; the
# undamaged file still resumes.
set -euo pipefail
HK=${1:?usage: db_damaged.sh PATH_TO_hokushin}
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 is not installed"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

"$HK" ensemble --runs 400 --seed 5 --threads 2 --db "$T/good.sqlite" >/dev/null 2>&1
sqlite3 "$T/good.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
psize=$(sqlite3 "$T/good.sqlite" 'PRAGMA page_size')
# the same 256 bytes every time: the test does not depend on luck
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 256; i++) printf "%c", int(rand() * 256) }' >"$T/noise"

for table in ensemble run run_year; do
    pages=$(sqlite3 "$T/good.sqlite" "SELECT pageno FROM dbstat WHERE name = '$table' ORDER BY pageno")
    [ -n "$pages" ] || { bad "$table: no pages found"; continue; }
    n=0
    for p in $pages; do
        cp "$T/good.sqlite" "$T/d.sqlite"
        rm -f "$T/d.sqlite-wal" "$T/d.sqlite-shm"
        # the page's header and first cells (page 1 starts after the file header)
        off=$(( (p - 1) * psize + (p == 1 ? 100 : 0) ))
        dd if="$T/noise" of="$T/d.sqlite" bs=1 seek="$off" conv=notrunc status=none
        rc=0
        "$HK" ensemble --runs 400 --seed 5 --threads 2 --db "$T/d.sqlite" --resume >"$T/out" 2>"$T/err" || rc=$?
        if [ "$rc" != 2 ]; then
            bad "$table page $p: --resume exited $rc: $(head -3 "$T/err")"
        elif ! grep -q "d.sqlite" "$T/err" || ! grep -Eq "move the file aside|move it aside" "$T/err"; then
            bad "$table page $p: the message does not name the file and say what to do: $(cat "$T/err")"
        fi
        grep -qi "not an error" "$T/err" && bad "$table page $p: 'not an error': $(cat "$T/err")"
        n=$((n + 1))
        [ $n -ge 6 ] && break # the first pages of each table are enough
    done
    echo "$table: $n damaged page(s) refused"
done

# the undamaged file resumes, reading every run
"$HK" ensemble --runs 400 --seed 5 --threads 2 --db "$T/good.sqlite" --resume >/dev/null 2>"$T/err" ||
    bad "the sound file did not resume: $(cat "$T/err")"
grep -q "400 runs read" "$T/err" || bad "the sound file's runs were not read: $(cat "$T/err")"

[ "$fail" = 0 ] && echo "db_damaged: ok"
exit "$fail"
