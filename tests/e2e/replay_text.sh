#!/usr/bin/env bash
# replay's terminal timeline: dated events with sources, a block per year,
# nothing wider than 100 columns, no colour codes when not on a terminal;
# bad options exit 2.
set -euo pipefail
HK=${1:?usage: replay_text.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$HK" replay >"$tmp/out.txt"
python3 - "$tmp/out.txt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
fail = []
if "\x1b[" in text:
    fail.append("colour codes in output that is not a terminal")
wide = [l for l in text.split("\n") if len(l) > 100]
if wide:
    fail.append(f"{len(wide)} lines wider than 100 columns, e.g. {wide[0]!r}")
for date in ("1925-01-20", "1936-03-12", "1937-08-21", "1939-08-23", "1939-09-15", "1941-04-13", "1945-04-05",
             "1945-08-09"):
    if not re.search(r"^" + date + r"  \S", text, re.M):
        fail.append(f"no timeline line for {date}")
if not re.search(r"\[\d{3}_[0-9a-f]{16}\.txt:\d+", text):
    fail.append("no seed citation [FILE:LINE]")
for year in range(1918, 1946):
    if not re.search(r"^-{3} " + str(year) + r"\b", text, re.M):
        fail.append(f"no yearly block for {year}")
for word in ("doctrine", "Japanese side", "Soviet side", "treaties", "incidents", "Neutrality Pact",
             "Imperial Way (Kodoha)", "Foreign Ministry"):
    if word not in text:
        fail.append(f"'{word}' missing")
# the Siberian expedition stands outside the border rows, on Soviet ground:
# the years of the intervention say where it is, and the years after do not
blocks = re.split(r"^-{3} (\d{4})\b.*$", text, flags=re.M)
years = {int(blocks[i]): blocks[i + 1] for i in range(1, len(blocks) - 1, 2)}
for year in (1919, 1920, 1921):
    if not re.search(r"^  abroad +Siberian expeditionary force [\d,]+ men at \w+", years.get(year, ""), re.M):
        fail.append(f"the {year} block does not say where the Siberian expedition stands")
for year in (1924, 1930, 1938):
    if re.search(r"^  abroad ", years.get(year, ""), re.M):
        fail.append(f"the {year} block has an 'abroad' row, with no army abroad that year")
# the yearly state names factions and treaties in words, never by their ids
# (the ids stay in citations like neutrality_pact_text)
state = "\n".join(l for l in text.splitlines() if l.startswith("  ") and not "[" in l)
for ident in ("kodoha", "toseiha", "foreign_ministry", "kwantung_field", "red_army", "neutrality_pact",
              "basic_convention_1925", "anti_comintern_pact"):
    if re.search(r"(?<![\w(])" + ident + r"\b", state):
        fail.append(f"the yearly state shows the id '{ident}'")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail[:20]), file=sys.stderr)
    sys.exit(1)
print("ok:", text.count("\n"), "lines")
PY

# Colour on a terminal (emulated with script(1)), none with NO_COLOR.
if command -v script >/dev/null; then
    script -qec "$HK replay" /dev/null >"$tmp/tty.txt" </dev/null
    grep -q $'\x1b\[' "$tmp/tty.txt" || { echo "FAIL: no colour on a terminal" >&2; exit 1; }
    NO_COLOR=1 script -qec "$HK replay" /dev/null >"$tmp/tty.txt" </dev/null
    if grep -q $'\x1b\[' "$tmp/tty.txt"; then echo "FAIL: colour despite NO_COLOR" >&2; exit 1; fi
fi

# --help teaches; bad input exits 2 with a message naming it.
"$HK" replay --help | grep -q -- "--json"
status=0; "$HK" replay --bogus >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] || { echo "FAIL: unknown option gave exit $status, want 2" >&2; exit 1; }
grep -q "bogus" "$tmp/err" || { echo "FAIL: the error does not name the option" >&2; exit 1; }
status=0; "$HK" replay --scenario /nonexistent/folder >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || { echo "FAIL: a missing scenario gave exit $status, want 2" >&2; exit 1; }
status=0; "$HK" replay --out >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || { echo "FAIL: --out without a folder gave exit $status, want 2" >&2; exit 1; }
echo ok
