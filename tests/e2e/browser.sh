#!/usr/bin/env bash
# The web page in headless Chromium (Debian's, through playwright-core):
# report mode on a report built from the test fixture, report mode on the
# report `hokushin replay --out` writes, and served mode against
# `hokushin serve` when the program has it. Screenshots go to
# $HK_BUILD_DIR/screenshots.
set -uo pipefail
HK=${1:?usage: browser.sh PATH_TO_hokushin}
HK=$(cd "$(dirname "$HK")" && pwd)/$(basename "$HK")
SRC=${HK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
export HK_BUILD_DIR=${HK_BUILD_DIR:-$(mktemp -d)}
cd "$SRC" || exit 1

command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
if [ ! -d web/node_modules/playwright-core ]; then
    echo "web/node_modules missing: running npm ci (make web does this)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm ci in web/" >&2; exit 1; }
fi
if [ ! -s web/dist/assets/app.js ]; then
    (cd web && npm run build --silent) || { echo "FAIL: npm run build in web/" >&2; exit 1; }
fi

status=0
echo "== report mode (fixture)"
node web/tests/report.test.mjs || status=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if "$HK" replay --out "$tmp/report" >"$tmp/out" 2>"$tmp/err" && grep -q 'id="hk-data"' "$tmp/report/index.html" 2>/dev/null; then
    echo "== report mode (hokushin replay --out)"
    HK_REPORT_HTML="$tmp/report/index.html" HK_REPORT_LABEL=program-report node web/tests/report.test.mjs || status=1
else
    echo "FAIL: hokushin replay --out did not write a report:" >&2
    cat "$tmp/err" >&2
    status=1
fi

# A scenario loaded from a folder, with another id than the built-in one and a
# citation of a range of lines: its seeds keep their titles on the page, and
# the range shows the whole passage.
cp -r scenarios/far-east-1918 "$tmp/scen"
sed -i 's/^id: far_east_1918$/id: far_east_folder/' "$tmp/scen/scenario.yaml"
line=$(grep -n 'source: "003_d70ae68cf69d80c6.txt:16"$' "$tmp/scen/record.yaml" | head -1 | cut -d: -f1)
if [ -n "$line" ] && sed -i "${line}s/txt:16\"/txt:16-18\"/" "$tmp/scen/record.yaml" &&
    "$HK" replay --scenario "$tmp/scen" --out "$tmp/folder" >"$tmp/out" 2>"$tmp/err"; then
    echo "== report mode (a scenario folder, hokushin replay --scenario DIR --out)"
    HK_REPORT_HTML="$tmp/folder/index.html" HK_REPORT_LABEL=folder-report node web/tests/report.test.mjs || status=1
else
    echo "FAIL: no report of a scenario folder with a range citation:" >&2
    cat "$tmp/err" >&2
    status=1
fi

if "$HK" serve --help >/dev/null 2>&1; then
    echo "== served mode (hokushin serve)"
    node web/tests/served.test.mjs "$HK" || status=1
else
    echo "== served mode skipped: this hokushin has no serve command yet"
fi
exit $status
