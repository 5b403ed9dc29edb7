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

# a scenario loaded from a folder (another id than the built-in one) keeps its
# seed titles and counts, in `sources` and in the replay document the page
# reads; a citation of a range of lines (FILE:16-18) cites each line of it
SRC=$(cd "$(dirname "$0")/../.." && pwd)
cp -r "$SRC/scenarios/far-east-1918" "$T/scen"
sed -i 's/^id: far_east_1918$/id: far_east_copy/' "$T/scen/scenario.yaml"
grep -q '^id: far_east_copy$' "$T/scen/scenario.yaml"
line=$(grep -n 'source: "003_d70ae68cf69d80c6.txt:16"$' "$T/scen/record.yaml" | head -1 | cut -d: -f1)
[ -n "$line" ] || { echo "no citation of 003:16 alone to widen into a range"; exit 1; }
sed -i "${line}s/txt:16\"/txt:16-18\"/" "$T/scen/record.yaml"
cp -r "$T/seeds" "$T/scen/seeds"
"$HK" sources --json --scenario "$T/scen" > "$T/f.json"
jq -e 'all(.seeds[]; (.title | length) > 0 and .cited > 0)' "$T/f.json" > /dev/null ||
  { echo "FAIL: a folder scenario's seeds lost their titles"; exit 1; }
jq -e '[.seeds[] | select(.file == "003_d70ae68cf69d80c6.txt") | .lines[] | select(.line >= 16 and .line <= 18)
        | .text == "line \(.line) of 003_d70ae68cf69d80c6.txt"] | length == 3 and all' "$T/f.json" > /dev/null ||
  { echo "FAIL: the range 003:16-18 does not give lines 16, 17 and 18 with their text"; exit 1; }
(cd "$T" && "$HK" replay --scenario "$T/scen" --out "$T/rep" > /dev/null)
python3 - "$T/rep/index.html" <<'PY'
import json, re, sys
h = open(sys.argv[1]).read()
d = json.loads(re.search(r'<script id="hk-data" type="application/json">(.*?)</script>', h, re.S).group(1).replace("<\\/", "</"))
seeds = d["sources"]["seeds"]
bad = [s["file"] for s in seeds if not s.get("title") or not s.get("cited")]
if bad:
    sys.exit(f"FAIL: the folder scenario's replay document has no title or count for {bad}")
PY

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
