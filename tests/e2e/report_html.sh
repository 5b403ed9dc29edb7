#!/usr/bin/env bash
# replay --out: one HTML file with the page's code and the replay inlined,
# no external reference, that draws in headless Chromium opened from disk.
set -euo pipefail
HK=${1:?usage: report_html.sh PATH_TO_hokushin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$HK" replay --out "$tmp/report" >"$tmp/stdout" 2>"$tmp/stderr" || {
    echo "FAIL: replay --out exited $?:" >&2
    cat "$tmp/stderr" >&2
    exit 1
}
f="$tmp/report/index.html"
[ -s "$f" ] || { echo "FAIL: no $f" >&2; exit 1; }
grep -q "index.html" "$tmp/stdout" || { echo "FAIL: replay --out does not say where the report is" >&2; exit 1; }

python3 - "$f" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
fail = []
# Self-contained: nothing fetched from disk or network.
for m in re.finditer(r'<(script|link|img)\b[^>]*\b(src|href)\s*=\s*["\']?([^"\' >]+)', html, re.I):
    if not m.group(3).startswith("data:"):  # inlined, as the page's icon is
        fail.append(f"external reference {m.group(3)}")
m = re.search(r'<script id="hk-data" type="application/json">(.*?)</script>', html, re.S)
if not m:
    fail.append("no #hk-data")
else:
    doc = json.loads(m.group(1))
    if len(doc.get("months", [])) != 333:
        fail.append(f"the document has {len(doc.get('months', []))} months, want 333")
    if not doc.get("events") or doc.get("summary", {}).get("mode") != "replay":
        fail.append("the document has events and a replay summary")
    sc = doc.get("scenario", {})
    for key in ("actors", "factions", "regions", "links", "sectors", "formations", "treaties", "events", "battles",
                "incidents_record"):
        if not sc.get(key):
            fail.append(f"scenario.{key} empty")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail[:20]), file=sys.stderr)
    sys.exit(1)
PY

# Open it from disk, no server, in headless Chromium: the page marks itself
# ready when it has drawn, and shows #banner when something failed.
chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || { echo "FAIL: chromium is needed (scripts/install-deps.sh installs it)" >&2; exit 1; }
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --virtual-time-budget=10000)
timeout 120 "$chrome" "${flags[@]}" --user-data-dir="$tmp/profile1" --dump-dom "file://$f" >"$tmp/dom.html" 2>/dev/null
timeout 120 "$chrome" "${flags[@]}" --user-data-dir="$tmp/profile2" --window-size=1400,1000 \
    --screenshot="$tmp/report.png" "file://$f" >/dev/null 2>&1

python3 - "$tmp/dom.html" "$tmp/report.png" <<'PY'
import re, struct, sys, zlib
dom = open(sys.argv[1], encoding="utf-8").read()
fail = []
if 'data-ready="1"' not in dom:
    fail.append("the page did not finish drawing (no data-ready)")
banner = re.search(r'<div id="banner"([^>]*)>(.*?)</div>', dom, re.S)
if banner and "hidden" not in banner.group(1):
    fail.append(f"the page shows an error: {banner.group(2)[:200]}")
if dom.count("<svg") < 4:
    fail.append(f"{dom.count('<svg')} svg elements, want the map and charts")

# The screenshot: a real PNG of the window size with more than a blank page in it.
png = open(sys.argv[2], "rb").read()
if png[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("FAIL: the screenshot is not a PNG")
w, h, depth, ctype = struct.unpack(">IIBB", png[16:26])
if (w, h) != (1400, 1000) or depth != 8 or ctype not in (2, 6):
    fail.append(f"screenshot {w}x{h} depth {depth} type {ctype}")
else:
    idat, pos = b"", 8
    while pos < len(png):
        n, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IDAT":
            idat += png[pos + 8:pos + 8 + n]
        pos += 12 + n
    raw, bpp = zlib.decompress(idat), 3 if ctype == 2 else 4
    stride = w * bpp
    prev, colours = bytearray(stride), set()
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 10 == 0:
            for x in range(0, w, 5):
                colours.add(bytes(line[x * bpp:x * bpp + 3]))
        prev = line
    if len(colours) < 50:
        fail.append(f"the screenshot has {len(colours)} colours: a blank page?")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail), file=sys.stderr)
    sys.exit(1)
print("ok:", len(png), "bytes of screenshot,", len(colours), "colours sampled")
PY

# Without a folder name, or into a path that is a file: exit 2 / 1 with a message.
status=0; "$HK" replay --out "$f" >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 1 ] && grep -q "not a folder" "$tmp/err" || { echo "FAIL: --out onto a file gave exit $status" >&2; exit 1; }
echo ok
