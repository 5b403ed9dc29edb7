// export.js — downloads: every chart and table as CSV (the numbers it
// draws, one row per month, year or item), every chart as SVG or PNG.
import { esc, borderTotals, kindLabel, outcomeLabel, outcomeHistory, yearMonth, isYearOutcome } from "./util.js";

/* RFC 4180: a field with a comma, quote or line break is quoted. */
export function toCsv(rows) {
  const cell = (v) => {
    if (v == null) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function download(name, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

/* A chart's SVG with the page's styles written onto its elements, so that
 * it looks the same opened on its own. */
const STYLE_PROPS = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "opacity",
  "font-size", "font-family", "font-weight", "text-anchor", "dominant-baseline", "visibility", "display"];
export function standaloneSvg(svgEl) {
  const clone = svgEl.cloneNode(true);
  const src = [svgEl, ...svgEl.querySelectorAll("*")], dst = [clone, ...clone.querySelectorAll("*")];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    dst[i].setAttribute("style", STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";"));
  });
  const vb = svgEl.viewBox.baseVal;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", vb?.width || svgEl.clientWidth);
  clone.setAttribute("height", vb?.height || svgEl.clientHeight);
  clone.insertBefore(Object.assign(document.createElementNS("http://www.w3.org/2000/svg", "rect"),
    {}), clone.firstChild).setAttribute("style", "fill:#fff");
  clone.firstChild.setAttribute("width", "100%");
  clone.firstChild.setAttribute("height", "100%");
  return new XMLSerializer().serializeToString(clone);
}

export function svgBlob(svgEl) {
  return new Blob([standaloneSvg(svgEl)], { type: "image/svg+xml" });
}

export function pngBlob(svgEl, scale = 2) {
  const text = standaloneSvg(svgEl);
  const vb = svgEl.viewBox.baseVal;
  const w = (vb?.width || svgEl.clientWidth) * scale, h = (vb?.height || svgEl.clientHeight) * scale;
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const c = document.createElement("canvas");
      c.width = w; c.height = h;
      c.getContext("2d").drawImage(img, 0, 0, w, h);
      c.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG could not be made"))), "image/png");
    };
    img.onerror = () => reject(new Error("the chart could not be drawn as a picture"));
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
  });
}

/* A row of download buttons at the top right of a card. `csv()` gives the
 * rows (the first the header); `svg()` the chart's <svg>, if any. */
export function addDownloads(card, name, { csv, svg }) {
  if (!card) return;
  card.querySelector(":scope > .dl")?.remove();
  const bar = document.createElement("div");
  bar.className = "dl";
  bar.innerHTML = `${csv ? `<button type="button" data-fmt="csv" title="the numbers as CSV">CSV</button>` : ""}${svg ? `<button type="button" data-fmt="svg" title="the chart as SVG">SVG</button><button type="button" data-fmt="png" title="the chart as PNG">PNG</button>` : ""}`;
  bar.onclick = async (ev) => {
    const f = ev.target.closest("button")?.dataset.fmt;
    if (!f) return;
    ev.stopPropagation();
    if (f === "csv") download(`hokushin-${name}.csv`, new Blob([toCsv(csv())], { type: "text/csv" }));
    else if (f === "svg") download(`hokushin-${name}.svg`, svgBlob(svg()));
    else download(`hokushin-${name}.png`, await pngBlob(svg()));
  };
  card.prepend(bar);
}

/* ---- the rows of each chart and table ---- */

export const csvRows = {
  doctrine: (ix) => {
    const actors = ["JPN", "SOV", "MAN", "MGL", "CHN"].filter((a) => ix.months.some((m) => m.doctrine?.[a] != null));
    return [["month", ...actors.map((a) => `doctrine_${a}`)], ...ix.months.map((m) => [m.date, ...actors.map((a) => m.doctrine?.[a] ?? "")])];
  },
  influence: (ix) => {
    const f = ix.factions.map((x) => x.id);
    return [["month", ...f], ...ix.months.map((m) => [m.date, ...f.map((k) => m.influence?.[k] ?? "")])];
  },
  forces: (ix) => [["month", "japanese_side_men", "soviet_side_men"],
    ...ix.months.map((m) => { const t = borderTotals(ix, m); return [m.date, t.jp, t.sv]; })],
  incidents: (ix) => {
    const by = new Map();
    for (const m of ix.months) by.set(m.date.slice(0, 4), (by.get(m.date.slice(0, 4)) || 0) + (+m.incidents || 0));
    const rec = (y) => ix.incidentsRecord.find((r) => +r.from <= +y && +y <= +r.to);
    return [["year", "incidents_this_run", "record_count", "record_from", "record_to", "record_source"],
      ...[...by].map(([y, n]) => { const r = rec(y); return [y, n, r?.count ?? "", r?.from ?? "", r?.to ?? "", r?.source ?? ""]; })];
  },
  treaties: (ix) => {
    const spans = new Map();
    for (const m of ix.months) for (const id of m.treaties || []) {
      const s = spans.get(id) || { from: m.date, to: m.date };
      s.to = m.date; spans.set(id, s);
    }
    return [["treaty", "name", "in_force_from", "in_force_to", "record_signed", "record_ended", "source"],
      ...ix.treaties.map((t) => [t.id, t.name, spans.get(t.id)?.from ?? "", spans.get(t.id)?.to ?? "", t.signed ?? "", t.ended ?? "", t.source ?? ""])];
  },
  events: (ix) => [["date", "kind", "kind_label", "id", "actors", "text", "source"],
    ...ix.events.map((e) => [e.date, e.kind, kindLabel(e.kind), e.id, (e.actors || []).join(" "), e.text ?? "", e.source ?? ""])],
  summary: (ix) => [["outcome", "label", "this_run", "history"],
    ...Object.entries(ix.summary?.outcomes || {}).map(([k, v]) => [k, outcomeLabel(k), v == null ? "" : v, outcomeHistory(k) ?? ""])],
  whatif: (r) => [["outcome", "label", "estimate", "baseline", "baseline_lo", "baseline_hi", "whatif", "whatif_lo", "whatif_hi", "delta", "delta_lo", "delta_hi", "history"],
    ...Object.keys(r.outcomes || {}).map((k) => {
      const o = r.outcomes[k] || {}, b = r.baseline?.[k] || {}, d = r.delta?.[k] || {};
      const isP = o.p !== undefined;
      const v = (x) => (isP ? x.p : x.mean);
      return [k, outcomeLabel(k), isP ? "p" : "mean", v(b), b.ci95?.[0], b.ci95?.[1], v(o), o.ci95?.[0], o.ci95?.[1],
        d.delta ?? (isP ? d.p : d.mean), d.ci95?.[0], d.ci95?.[1], r.history?.[k]?.text ?? outcomeHistory(k) ?? ""];
    })],
};
void esc; void yearMonth; void isYearOutcome;
