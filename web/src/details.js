// details.js — the side panel: what a clicked region, force, link, sector,
// battle, treaty or event is, with its source.
import { esc, fmtInt, fmtNum, sourceHtml, bloc, BLOC_COLOR, kindLabel, words, actorNameAt, prose } from "./util.js";

const row = (k, v) => (v == null || v === "" ? "" : `<tr><th>${esc(k)}</th><td>${v}</td></tr>`);
const table = (rows) => `<table class="kv">${rows.join("")}</table>`;

export function renderDetails(box, sel, ix, month) {
  if (!sel) {
    box.innerHTML = monthOverview(ix, month);
    return;
  }
  const when = month?.date;
  const actorName = (a) => (a ? `<span class="actor" style="color:${BLOC_COLOR[bloc(a)]}">${esc(actorNameAt(ix, a, when))}</span>` : "–");
  const { type, item } = sel;
  let html = "";
  const formationsTable = (list) => `<table class="grid"><thead><tr><th>formation</th><th>men</th><th>tanks</th><th>guns</th><th>aircraft</th></tr></thead><tbody>${
    list.map((f) => `<tr><td>${esc(f.meta?.name || f.id)}${f.meta ? ` <span class="muted">${esc(f.meta.actor)}</span>` : ""}</td><td>${fmtInt(f.men)}</td><td>${fmtInt(f.tanks)}</td><td>${fmtInt(f.guns)}</td><td>${fmtInt(f.aircraft)}</td></tr>`).join("")}</tbody></table>`;
  const here = (regionId) => Object.entries(month?.formations || {}).filter(([, f]) => f.region === regionId && +f.men > 0)
    .map(([id, f]) => ({ id, ...f, meta: ix.formations.get(id) }));

  if (type === "region") {
    const r = item, sec = ix.sectorById.get(r.sector);
    const fs = here(r.id);
    const links = ix.links.filter((l) => l.from === r.id || l.to === r.id)
      .map((l) => `${esc(l.kind)} to ${esc(ix.regionById.get(l.from === r.id ? l.to : l.from)?.name || "?")} (${fmtInt(l.km)} km${l.line ? ", " + esc(l.line) : ""})`);
    html = `<h3>${esc(r.name)} <span class="muted">region <code>${esc(r.id)}</code></span></h3>${table([
      row(month?.control ? `Controller in ${month.date}` : "Controller", actorName(month?.control?.[r.id] ?? r.controller)), row("Terrain", esc(r.terrain)),
      row("Border sector", sec ? esc(sec.name) : "none"), row("Railhead", r.railhead ? "yes: can supply an army" : "no"),
      row("Position", `${fmtNum(r.lat, 2)}° N, ${fmtNum(r.lon, 2)}° E`), row("Links", links.join("<br>")),
    ])}${fs.length ? `<h4>Forces here in ${esc(month?.date)}</h4>${formationsTable(fs)}` : ""}${sourceHtml(r.source)}`;
  } else if (type === "force") {
    const g = item, r = ix.regionById.get(g.region);
    html = `<h3>Forces at ${esc(r?.name || g.region)} <span class="muted">${esc(sel.month?.date || "")}</span></h3>
      ${formationsTable(g.list)}${g.list.map((f) => f.meta ? `<div class="src-line">${esc(f.meta.name)}: ${sourceHtml(f.meta.source)}</div>` : "").join("")}`;
  } else if (type === "link") {
    const l = item, a = ix.regionById.get(l.from), b = ix.regionById.get(l.to);
    html = `<h3>${esc(l.line || l.kind)} <span class="muted">${esc(l.kind)}</span></h3>${table([
      row("From", esc(a?.name || l.from)), row("To", esc(b?.name || l.to)), row("Length", `${fmtInt(l.km)} km`),
      row("Capacity", `${fmtInt(l.capacity)} men a month`),
    ])}${sourceHtml(l.source)}`;
  } else if (type === "sector") {
    const s = item, f = month?.forces?.[s.id] || {};
    html = `<h3>${esc(s.name)} <span class="muted">border sector <code>${esc(s.id)}</code></span></h3>${table([
      row("Sides", (s.sides || []).map(actorName).join(" facing ")), row("Length", `${fmtInt(s.length_km)} km`),
      row(`Tension in ${month?.date || ""}`, fmtNum(month?.tension?.[s.id], 2)),
      ...Object.entries(f).map(([a, v]) => row(`${actorNameAt(ix, a, when, true)}`, `${fmtInt(v.men)} men, ${fmtInt(v.tanks)} tanks, ${fmtInt(v.guns)} guns, ${fmtInt(v.aircraft)} aircraft`)),
    ])}${sourceHtml(s.source)}`;
  } else if (type === "battle") {
    const b = item;
    const side = (x) => (x ? `${actorName(x.actor)}: ${fmtInt(x.men)} men, ${fmtInt(x.tanks)} tanks, ${fmtInt(x.guns)} guns, ${fmtInt(x.aircraft)} aircraft; casualties ${fmtInt(x.casualties)}${x.casualties_hi ? "–" + fmtInt(x.casualties_hi) : ""}` : "–");
    html = `<h3>${esc(b.name)} <span class="muted">battle, ${esc(b.start)} – ${esc(b.end)}</span></h3>${table([
      row("Where", esc(ix.regionById.get(b.region)?.name || b.region)), row("Terrain", esc(b.terrain)),
      row("Attacker", side(b.attacker)), row("Defender", side(b.defender)), row("Winner", esc(b.winner)),
    ])}${sourceHtml(b.source)}`;
  } else if (type === "treaty") {
    const t = item, inForce = (month?.treaties || []).includes(t.id);
    html = `<h3>${esc(t.name)} <span class="muted">treaty <code>${esc(t.id)}</code></span></h3>${table([
      row("Parties", (t.parties || []).map(actorName).join(", ")), row("Signed", esc(t.signed)), row("In force", esc(t.in_force)),
      row("Denounced", esc(t.denounced)), row("Ended", esc(t.ended)),
      row("Duration", t.duration_months ? `${t.duration_months} months` : ""), row("Notice", t.notice_months ? `${t.notice_months} months before expiry` : ""),
      row(`In force in ${month?.date || "this month"}`, inForce ? "<b>yes</b>" : "no"),
    ])}${(t.clauses || []).length ? `<h4>Clauses</h4><ul class="clauses">${t.clauses.map((c) => `<li><b>${esc(c.type.replace(/_/g, " "))}</b>: ${esc(c.text)} ${sourceHtml(c.source)}</li>`).join("")}</ul>` : ""}${sourceHtml(t.source)}`;
  } else if (type === "front") {
    const f = item, war = sel.month?.war || month?.war || {};
    const line = Array.isArray(f.line) ? { all: f.line } : f.line || {};
    html = `<h3>Front: ${esc(f.name || f.sector)} <span class="muted">${esc(sel.month?.date || month?.date || "")}</span></h3>${table([
      ...Object.entries(f.men || {}).map(([a, n]) => row(`${actorNameAt(ix, a, when, true)}`, `${fmtInt(n)} men, ${esc(f.posture?.[a] || "–")}`)),
      ...Object.entries(line).map(([a, ids]) => row(`Held ${a === "all" ? "" : "by " + actorNameAt(ix, a, when)}`, ids.map((id) => esc(ix.regionById.get(id)?.name || id)).join(", "))),
      row("War since", esc(war.began || "")),
    ])}`;
  } else if (type === "event") {
    const e = item;
    const rel = ix.treatyById.get(e.id) || ix.outsideById.get(e.id);
    html = `<h3>${yours(e) ? '<b class="yours">Your decision:</b> ' : ""}${prose(e.text || e.id)}</h3>${table([
      row("Date", esc(e.date)), row("Kind", `<span title="${esc(e.kind)}">${esc(kindLabel(e.kind))}</span>`), row("Id", `<code>${esc(e.id)}</code>`),
      row("Actors", (e.actors || []).map(actorName).join(", ")), row("Is", rel ? esc(rel.name) : ""),
    ])}${sourceHtml(e.source)}`;
  }
  box.innerHTML = html;
}

/* An outside effect by the name of the event that brings it ("jpn_us_war"
 * -> "Pearl Harbor..."), its words otherwise. */
const effectLabel = (ix, x) => ix.outsideEvents.find((e) => e.effect === x)?.name || words(x);

/* An event a game's player caused by an order (its source "player: ..."). */
const yours = (e) => /^player\b/.test(String(e?.source || ""));

/* With nothing selected, the panel says what happened in the month shown. */
function monthOverview(ix, month) {
  if (!month) return "";
  const evs = month.events || ix.eventsByMonth.get(month.date) || [];
  const treaties = (month.treaties || []).map((id) => esc(ix.treatyById.get(id)?.name || id));
  const hot = Object.entries(month.tension || {}).sort((a, b) => b[1] - a[1]).slice(0, 3)
    .map(([id, t]) => `${esc(ix.sectorById.get(id)?.name || id)} ${fmtNum(t, 2)}`);
  return `<h3>${esc(month.date)} <span class="muted">${month.next ? "the last month played" : "this month"}</span></h3>
    ${evs.length ? `<ul class="month-events">${evs.map((e) => `<li${yours(e) ? ' class="mine"' : ""}><span class="kind kind-${esc(e.kind)}" title="${esc(e.kind)}">${esc(kindLabel(e.kind))}</span> ${yours(e) ? '<b class="yours">Your decision:</b> ' : ""}${prose(e.text || e.id)} ${sourceHtml(e.source)}</li>`).join("")}</ul>` : '<p class="muted">No recorded event this month.</p>'}
    ${table([row("Treaties in force", treaties.join(", ") || "none"), row("Tensest sectors", hot.join(" · ")),
      row("Outside world", (month.effects || []).map((x) => `<span title="${esc(x)}">${esc(effectLabel(ix, x))}</span>`).join(", "))])}
    <p class="hint">Click a region, a force, a railway, a sector, a battle, a treaty or an event for what it is and its source.</p>`;
}
