// util.js — small helpers shared by the page's modules.

/* Text from the data goes into HTML only through esc(). */
export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/* Event text from the engine, escaped, with whole numbers of five digits or more given
   thousands separators ("229397 men" -> "229,397 men"), as the terminal writes them; years,
   dates, ids and decimals are left as they are. */
export function prose(s) {
  return esc(s).replace(/(?<![\w.:/,])(\d{5,})(?!\w|\.\d)/g, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}

/* "1939-08" or "1939-08-20" -> "1939-08" */
export const monthOf = (d) => (d ? String(d).slice(0, 7) : null);

/* "1939-08" -> a Date at the first of that month (UTC); a bare year -> January. */
export function dateOf(d) {
  const s = String(d);
  const y = +s.slice(0, 4), m = s.length >= 7 ? +s.slice(5, 7) : 1, day = s.length >= 10 ? +s.slice(8, 10) : 1;
  return new Date(Date.UTC(y, m - 1, day));
}

/* The month after `d` ("1939-08" -> "1939-09"), for intervals that include their last month. */
export function nextMonth(d) {
  let y = +d.slice(0, 4), m = +d.slice(5, 7) + 1;
  if (m > 12) { m = 1; y += 1; }
  return `${y}-${String(m).padStart(2, "0")}`;
}

/* Which side of the northern border an actor stands on; colours follow it. */
export function bloc(actor) {
  if (actor === "JPN" || actor === "MAN") return "jp";
  if (actor === "SOV" || actor === "MGL") return "sv";
  if (actor === "CHN") return "cn";
  return "other";
}
/* Men of each bloc on the border in a month object: every formation whose
 * region faces a sector, counted once, while its bloc has men counted in
 * that sector's `forces` or it stands on its own side's ground, and not
 * while it stands on the other side's (the same rule as the terminal
 * timeline's "border" line; docs/api.md). */
export function borderTotals(ix, m) {
  const out = { jp: 0, sv: 0 };
  for (const [fid, st] of Object.entries(m?.formations || {})) {
    const men = +(st?.men || 0);
    const reg = ix.regionById.get(st?.region);
    const sid = reg?.sector;
    const actor = ix.formations.get(fid)?.actor;
    const b = bloc(actor);
    if (!(men > 0) || !sid || (b !== "jp" && b !== "sv")) continue;
    // a force on the other side's ground is abroad, not on the border
    const holder = m.control?.[st.region], home = reg?.controller;
    const inBloc = (a) => bloc(a) === "jp" || bloc(a) === "sv";
    if (holder && ((holder !== actor && bloc(holder) !== b) || (bloc(holder) === b && inBloc(home) && bloc(home) !== b))) continue;
    // on its own side's ground it counts though the model leaves it out of
    // the sector (the Korea Army's division at Chongjin before 1931)
    const ownGround = home && bloc(home) === b;
    const per = m.forces?.[sid];
    const sec = ix.sectorById.get(sid);
    // the bloc's side of the sector: its actor in `sides`, else the position in `forces`
    let sideMen = null;
    for (const [actor, v] of Object.entries(per || {})) if (bloc(actor) === b) sideMen = +(v?.men || 0);
    if (sideMen == null && sec?.sides) sideMen = +(per?.[sec.sides[b === "jp" ? 0 : 1]]?.men || 0);
    if (!(sideMen > 0) && !ownGround) continue;
    out[b] += men;
  }
  return out;
}

/* The words for Japan's doctrine, with the thresholds of the terminal
 * timeline (src/out/timeline.c, doctrine_word; listed in docs/api.md). */
export function doctrineWord(d) {
  d = +d || 0;
  if (d >= 0.5) return "strongly north";
  if (d >= 0.15) return "north";
  if (d > -0.15) return "undecided";
  if (d > -0.5) return "south";
  return "strongly south";
}

export const BLOC_COLOR = { jp: "#c0392b", sv: "#2563a8", cn: "#5b8c3a", other: "#777" };

export function fmtInt(n) {
  if (n == null || Number.isNaN(+n)) return "–";
  return Math.round(+n).toLocaleString("en-US");
}
export function fmtK(n) {
  n = +n || 0;
  if (n >= 1e6) return (n / 1e6).toFixed(1) + "M";
  if (n >= 1e4) return Math.round(n / 1e3) + "k";
  if (n >= 1e3) return (n / 1e3).toFixed(1) + "k";
  return String(Math.round(n));
}
export function fmtNum(x, digits = 2) {
  if (x == null || Number.isNaN(+x)) return "–";
  return (+x).toFixed(digits);
}

/* A citation's key and lines: "001_x.txt:49" -> {key: "001_x.txt", line: 49,
 * to: 49}; a range "001_x.txt:12-14" -> {line: 12, to: 14};
 * "coox1985, p. 310" -> {key: "coox1985"}. */
export function citeKey(c) {
  const s = String(c).trim();
  const m = /^([^\s,:(]+\.txt):(\d+)(?:\s*-\s*(\d+))?/.exec(s);
  if (m) return { key: m[1], line: +m[2], to: m[3] && +m[3] >= +m[2] ? +m[3] : +m[2] };
  return { key: s.split(/[\s,:(]/)[0], line: null, to: null };
}
/* The cited passage of a seed entry of the bibliography: the text of every
 * line from `line` to `to`, joined; null when none of them has text. */
export function citedPassage(seed, line, to) {
  const got = (seed?.lines || []).filter((l) => l.line >= line && l.line <= (to ?? line) && l.text);
  return got.length ? got.map((l) => l.text).join(" ") : null;
}
let BIB = null;
export function setBibliography(b) { BIB = b || null; }
/* The text a citation points at, for its tooltip: the seed's title and the
 * cited line, or the publication's full reference. */
function citeTitle(c) {
  if (!BIB) return c;
  const { key, line } = citeKey(c);
  const seed = (BIB.seeds || []).find((s) => s.file === key);
  if (seed) {
    const { to } = citeKey(c);
    const text = line ? citedPassage(seed, line, to) : null;
    const where = to > line ? `lines ${line}-${to}` : `line ${line}`;
    return `${seed.title || seed.file}${text ? `, ${where}: ${text.length > 600 ? text.slice(0, 600) + "…" : text}` : ""}`;
  }
  const pub = (BIB.publications || []).find((p) => p.id === key);
  return pub ? pub.cite : c;
}
/* A source string as HTML: each "; "-separated citation a link that opens
 * its entry in the bibliography (the Sources tab). */
export function sourceHtml(src) {
  if (!src) return '<div class="source"><span class="k">Source</span> <em>none given</em></div>';
  const parts = String(src).split(/;\s*/).filter(Boolean);
  return `<div class="source"><span class="k">Source</span> ${parts.map((p) => `<a class="cite" href="#" data-cite="${esc(p)}" title="${esc(citeTitle(p))}"><code>${esc(p)}</code></a>`).join(" ")}</div>`;
}

export function el(tag, attrs = {}, html = "") {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") e.className = v; else e.setAttribute(k, v === true ? "" : v);
  }
  if (html) e.innerHTML = html;
  return e;
}

/* ---- labels: the words a person reads for the program's ids ----
 * The document's `labels` (docs/api.md) are the source; an id it does not
 * know is spelled out from its words, never shown as code. */
let LABELS = {};
export function setLabels(l) { LABELS = l && typeof l === "object" ? l : {}; }
export const words = (id) => String(id ?? "").replace(/[._]+/g, " ").trim();
export const outcomeLabel = (id) => LABELS.outcomes?.[id]?.label || words(id).replace(/^./, (c) => c.toUpperCase());
export const outcomeHistory = (id) => LABELS.outcomes?.[id]?.history ?? null;
export const kindLabel = (k) => LABELS.event_kinds?.[k] || words(k);
export const paramLabel = (k) => LABELS.params?.[k] || words(k);
export const treatyLabel = (ix, id) => ix?.treatyById?.get(id)?.name || LABELS.treaties?.[id] || words(id);
export const eventLabel = (ix, id) => ix?.outsideById?.get(id)?.name || LABELS.events?.[id] || words(id);
/* An outcome named `..._year` holds year + (month - 1) / 12: shown as YYYY-MM. */
export const isYearOutcome = (name) => /_year$/.test(name);
export function yearMonth(v) {
  if (v == null || !Number.isFinite(+v)) return "–";
  const m = Math.round(+v * 12);
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
}
/* A figure as the terminal prints it: thousands separators, fixed digits. */
export function fmtFixed(x, digits = 2) {
  if (x == null || !Number.isFinite(+x)) return "–";
  return (+x).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/* Whether an actor exists in a month: from its span when the document gives
 * one (`from`/`to`, or `span: {from, to}`), from the run's first event that
 * names it otherwise (Manchukuo); null when nothing tells. */
export function actorExists(ix, id, date) {
  const a = ix?.actors?.get(id);
  const from = a?.span?.from ?? a?.from ?? null, to = a?.span?.to ?? a?.to ?? null;
  if (!date) return null;
  if (from || to) return (!from || monthOf(from) <= date) && (!to || date <= monthOf(to));
  if (id !== "MAN") return null;
  const first = ix.events?.find((e) => Array.isArray(e.actors) && e.actors.includes(id));
  return first ? monthOf(first.date) <= date : null;
}
/* An actor's name as it was in a month: the form it had then (labels.actors,
 * docs/api.md: Soviet Russia in 1919, the USSR in 1945), Manchuria before
 * Manchukuo. `capital` starts it with a capital letter ("The USSR"). */
export function actorNameAt(ix, id, date, capital = false) {
  if (id === "MAN" && actorExists(ix, id, date) === false) return "Manchuria (Chinese)";
  const forms = LABELS.actors?.[id]?.forms || [];
  let name = null;
  const d = monthOf(date);
  for (const f of forms) if (!d || !f.from || f.from <= d) name = f.name;
  name = name || ix?.actors?.get(id)?.name || LABELS.actors?.[id]?.name || id;
  return capital ? name.replace(/^the /, "The ") : name;
}
