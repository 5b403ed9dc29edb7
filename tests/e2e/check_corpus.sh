#!/bin/bash
# check_corpus.sh HOKUSHIN — 'hokushin check' on the test corpus: the minimal
# scenario passes; each case of tests/corpus/broken (minimal with defects)
# fails with exit status 2 and exactly the error lines of its `expect` file;
# the built-in scenario passes.
set -u
hk=$1
src=${HK_SOURCE_DIR:?HK_SOURCE_DIR must point at the source tree}
corpus=$src/tests/corpus
tmp=$(mktemp -d)
# The corpus cites the seeds by line without their words: only a case with
# its own seeds/ folder has its cited numbers checked.
export HOKUSHIN_SEEDS=
trap 'rm -rf "$tmp"' EXIT
fail=0

bash "$corpus/assemble.sh" "$src" - "$tmp/minimal"
if ! out=$("$hk" check --scenario "$tmp/minimal" 2>"$tmp/err"); then
    echo "FAIL minimal: expected exit 0"; cat "$tmp/err"; fail=1
elif ! grep -q "^$tmp/minimal: ok — 5 actors, 3 factions, 4 regions, 3 links" <<<"$out"; then
    echo "FAIL minimal: unexpected summary: $out"; fail=1
fi

n=0
for case in "$corpus"/broken/*/; do
    name=$(basename "$case")
    dir=$tmp/$name
    bash "$corpus/assemble.sh" "$src" "$case" "$dir"
    "$hk" check --scenario "$dir" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    n=$((n + 1))
    # Paths are shown as given; compare them relative to the case folder.
    sed "s|^$dir/||" "$tmp/err" >"$tmp/got"
    if [ $rc -ne 2 ]; then
        echo "FAIL $name: exit status $rc, expected 2"; fail=1
    fi
    if [ -s "$tmp/out" ]; then
        echo "FAIL $name: printed to stdout on error"; fail=1
    fi
    if ! diff -u "$case/expect" "$tmp/got" >"$tmp/diff"; then
        echo "FAIL $name: errors differ from $name/expect"; cat "$tmp/diff"; fail=1
    fi
done
[ $n -ge 15 ] || { echo "FAIL: only $n broken cases"; fail=1; }

# Command-line handling.
"$hk" check --help >/dev/null || { echo "FAIL: check --help"; fail=1; }
"$hk" check --frobnicate >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: bad option must exit 2"; fail=1; }
"$hk" check --scenario "$tmp/no-such-folder" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "^$tmp/no-such-folder: not a scenario folder" "$tmp/err" ||
    { echo "FAIL: a missing folder must exit 2 with a message"; fail=1; }

# The built-in scenario, once its last file exists.
if [ -f "$src/scenarios/far-east-1918/params.yaml" ]; then
    if ! "$hk" check >"$tmp/out" 2>"$tmp/err"; then
        echo "FAIL: the built-in scenario has errors:"; cat "$tmp/err"; fail=1
    fi
    # Its citations against the seed texts, when they are on this machine.
    seeds=${HK_SHARED_DIR:-$src/../shared}/seeds
    if [ -d "$seeds" ]; then
        if ! "$hk" check --seeds "$seeds" >"$tmp/out" 2>"$tmp/err"; then
            echo "FAIL: the built-in scenario cites numbers its seed lines do not give:"
            cat "$tmp/err"; fail=1
        elif ! grep -q "^citations: every cited number is on its seed line" "$tmp/out"; then
            echo "FAIL: check --seeds did not report the citations"; cat "$tmp/out"; fail=1
        fi
        "$hk" check --seeds "$tmp/no-such-seeds" >/dev/null 2>"$tmp/err"
        [ $? -eq 2 ] && grep -q "^hokushin check: --seeds $tmp/no-such-seeds" "$tmp/err" ||
            { echo "FAIL: a missing --seeds folder must exit 2 with a message"; fail=1; }
    else
        echo "SKIP citations of the built-in scenario: no seed texts at $seeds"
    fi
    if ! "$hk" check --scenario "$src/scenarios/far-east-1918" >/dev/null 2>"$tmp/err"; then
        echo "FAIL: scenarios/far-east-1918 has errors:"; cat "$tmp/err"; fail=1
    fi
else
    echo "SKIP built-in scenario: scenarios/far-east-1918/params.yaml does not exist yet"
fi

[ $fail -eq 0 ] && echo "check_corpus: minimal ok, $n broken cases ok"
exit $fail
