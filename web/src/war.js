// war.js — the war panel: while a general war is fought (the month's `war`,
// docs/api.md), its fronts with the men and posture of each side, the
// regions each side has taken, the casualties, and when it ends, why (the
// `peace` event's `reason`). Hidden in peace.
import { esc, fmtInt, bloc, BLOC_COLOR, actorNameAt, monthOf, prose } from "./util.js";

/* The war a month shows: its `war`, or the war that ended this month. */
export function warOf(ix, month) {
  const evs = month?.events || ix.eventsByMonth.get(month?.date) || [];
  const peace = evs.find((e) => e.kind === "peace" && (e.reason || e.sides)) || null;
  if (month?.war) return { war: month.war, peace };
  if (!peace) return null;
  // the last month of war before it, for the figures
  let last = null;
  for (const m of ix.months) { if (m.date >= month.date) break; if (m.war) last = m.war; }
  return { war: last, peace };
}

export function createWarPanel(card, ix, { onSelect }) {
  function update(month) {
    const w = warOf(ix, month);
    card.hidden = !w;
    if (!w) { card.innerHTML = ""; return; }
    const { war, peace } = w;
    const when = month.date;
    // each side named as it was that month (the USSR in 1945, not its span's name)
    const name = (a, cap = true) => `<span class="actor" data-actor="${esc(a)}" style="color:${BLOC_COLOR[bloc(a)]}">${esc(actorNameAt(ix, a, when, cap))}</span>`;
    const regions = (ids) => (ids || []).map((id) => esc(ix.regionById.get(id)?.name || id)).join(", ") || "none";
    const sides = Object.keys(war?.sides || war?.casualties || {});
    const fronts = war?.fronts || [];
    const end = peace ? monthOf(peace.date) : null;
    const span = war?.began ? (end ? (end === war.began ? `in ${end}` : `${war.began} to ${end}`) : `since ${war.began}`) : "";
    card.innerHTML = `<h2>${peace ? "The war has ended" : "General war"}${span ? ` <span class="muted">${esc(span)}</span>` : ""}</h2>
      ${war?.sides ? `<div class="war-sides">${Object.entries(war.sides).map(([lead, list], g) => (list || [lead]).map((a, i) => name(a, g === 0 && i === 0)).join(", ")).join(" <b>against</b> ")}</div>` : ""}
      ${peace ? `<p class="war-end"><b>${esc(monthOf(peace.date))}:</b> ${prose(peace.reason || peace.text || "peace")}</p>` : ""}
      ${fronts.length ? `<table class="grid war-fronts"><thead><tr><th>front</th>${sides.map((a) => `<th>${name(a)} <span class="muted">men</span></th>`).join("")}</tr></thead><tbody>${fronts.map((f, i) => `
        <tr data-sector="${esc(f.sector)}" data-i="${i}" class="front-row"><td>${esc(f.name || f.sector)}</td>${sides.map((a) => `<td>${fmtInt(f.men?.[a])} <span class="posture posture-${esc(f.posture?.[a] || "")}">${esc(f.posture?.[a] || "–")}</span></td>`).join("")}</tr>`).join("")}</tbody></table>` : ""}
      ${war ? `<table class="kv">${sides.map((a) => `<tr><th>${name(a)}</th><td>casualties ${fmtInt(war.casualties?.[a])}${war.prisoners?.[a] != null ? `, of them prisoners ${fmtInt(war.prisoners[a])}` : ""}<br>regions taken: ${regions(war.regions_taken?.[a])}</td></tr>`).join("")}</table>` : ""}`;
    for (const tr of card.querySelectorAll("tr.front-row")) tr.onclick = () => onSelect({ type: "front", item: fronts[+tr.dataset.i], month });
  }
  return { update };
}
