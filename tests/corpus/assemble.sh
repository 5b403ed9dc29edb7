#!/bin/bash
# assemble.sh SOURCE_DIR CASE_DIR OUT_DIR — builds a test scenario in OUT_DIR:
# the files of tests/corpus/minimal, a params.yaml written from
# src/world/params.def (so the corpus follows the model's keys), then the
# case's changes: its own *.yaml files replace minimal's, `params.head`
# lines go first under `params:` (from line 3), `params.omit` lists keys to
# leave out, `remove` lists files to delete, and a `seeds/` folder gives
# the seed texts its citations are checked against. CASE_DIR may be "-" (none).
set -euo pipefail
src=$1 case=$2 out=$3
mkdir -p "$out"
cp "$src"/tests/corpus/minimal/*.yaml "$out"/
omit=""
[ "$case" != "-" ] && [ -f "$case/params.omit" ] && omit=$(cat "$case/params.omit")
{
    echo "# written by tests/corpus/assemble.sh from src/world/params.def"
    echo "params:"
    if [ "$case" != "-" ] && [ -f "$case/params.head" ]; then cat "$case/params.head"; fi
    sed -n 's/^HK_PARAM([A-Z0-9_]*, *"\([^"]*\)".*/\1/p' "$src/src/world/params.def" |
        { grep -vxF -e "${omit:-/none/}" || true; } |
        sed 's/.*/  - {key: &, value: 1, min: 0, max: 2, source: "calibrated: loader test value"}/'
} >"$out/params.yaml"
if [ "$case" != "-" ]; then
    for f in "$case"/*.yaml; do [ -e "$f" ] && cp "$f" "$out"/; done
    if [ -d "$case/seeds" ]; then rm -rf "$out/seeds"; cp -r "$case/seeds" "$out/seeds"; fi
    if [ -f "$case/remove" ]; then
        while read -r f; do [ -n "$f" ] && rm -f "$out/$f"; done <"$case/remove"
    fi
fi
exit 0
