#!/usr/bin/env bash
# sources: every source key the scenario cites becomes a full citation; a
# seed document is named by its title and each cited line shows its text
# when the seeds folder is at hand; --seeds names that folder; bad input is
# refused with exit status 2.
set -euo pipefail
HK=${1:?usage: sources.sh PATH_TO_hokushin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# A seeds folder of our own, so the test does not depend on where shared/ is:
# each seed file the scenario lists, with a known text on every line.
mkdir -p "$T/seeds"
"$HK" sources --json --seeds "$T/seeds" > "$T/empty.json"
jq -r '.seeds[].file' "$T/empty.json" > "$T/files"
[ "$(wc -l < "$T/files")" -ge 1 ] || { echo "no seed documents listed"; exit 1; }
while IFS= read -r f; do
  for i in $(seq 1 400); do echo "line $i of $f"; done > "$T/seeds/$f"
done < "$T/files"

"$HK" sources --json --seeds "$T/seeds" > "$T/s.json"
# every seed has a title and a count; every cited line its text, read from the file
jq -e 'all(.seeds[]; (.title | length) > 0 and .available and .cited > 0 and (.lines | length) > 0)' "$T/s.json" > /dev/null
jq -e '[.seeds[] as $s | $s.lines[] | .text == "line \(.line) of \($s.file)"] | all' "$T/s.json" > /dev/null
# the publications cited by the records, with their full references
jq -e '[.publications[] | select(.id == "coox1985")][0] | (.cite | test("Coox")) and .cited > 0' "$T/s.json" > /dev/null
jq -e '[.publications[] | select(.id == "senshi_sosho_kantogun1")][0] | .cited > 0 and (.locators | index("p. 310") != null)' \
  "$T/s.json" > /dev/null
# nothing cited is missing from the bibliography
jq -e '.unknown == []' "$T/s.json" > /dev/null
# judged figures are counted, not taken for publications
jq -e '.notes.judged > 0 and ([.publications[].id] | index("judged") == null)' "$T/s.json" > /dev/null

# the text: titles, the cited line's text, full references
"$HK" sources --seeds "$T/seeds" > "$T/s.txt"
grep -q "Hanada Tomoyuki" "$T/s.txt"
grep -q "line 49 of 001_fd9a28d61a246780.txt" "$T/s.txt"
grep -q "Alvin D. Coox, Nomonhan" "$T/s.txt"

# without the seed files the titles stay and the lines say how to get them
"$HK" sources --seeds "$T/seeds-not-there" 2> "$T/err" && { echo "a missing --seeds folder was accepted"; exit 1; } || rc=$?
[ "${rc:-0}" = 2 ] && grep -q -- "--seeds" "$T/err" || { echo "sources --seeds missing: $rc $(cat "$T/err")"; exit 1; }
mkdir -p "$T/none"
"$HK" sources --seeds "$T/none" > "$T/n.txt"
grep -q "not at hand" "$T/n.txt"
set +e
"$HK" sources --bogus 2> "$T/err2"
rc=$?
set -e
[ "$rc" = 2 ] || { echo "sources --bogus: exit $rc"; exit 1; }
echo "sources: ok"
