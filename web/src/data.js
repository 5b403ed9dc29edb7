// data.js — where the replay document comes from, and the look-up tables
// that the map, charts and panels share.
import { monthOf } from "./util.js";

/* Report mode: the document is inlined in the page as #hk-data (the report
 * that `hokushin replay --out` writes, opened from disk). Served mode: the
 * page asks its server for it. */
export async function loadDocument() {
  const inline = document.getElementById("hk-data");
  if (inline) {
    return { mode: "report", doc: JSON.parse(inline.textContent) };
  }
  const res = await fetch("/api/replay", { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(`GET /api/replay answered ${res.status}`);
  return { mode: "served", doc: await res.json() };
}

/* Indexes a document; tolerant of missing parts so that a partial document
 * still draws what it has. */
export function indexDocument(doc) {
  const sc = doc.scenario || {};
  const arr = (a) => (Array.isArray(a) ? a : []);
  const byId = (a) => new Map(arr(a).map((x) => [x.id, x]));
  const months = arr(doc.months).filter((m) => m && m.date);
  const events = arr(doc.events).filter((e) => e && e.date).slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const monthIndex = new Map(months.map((m, i) => [m.date, i]));
  const eventsByMonth = new Map();
  for (const e of events) {
    const k = monthOf(e.date);
    if (!eventsByMonth.has(k)) eventsByMonth.set(k, []);
    eventsByMonth.get(k).push(e);
  }
  return {
    doc,
    scenario: sc,
    actors: byId(sc.actors),
    factions: arr(sc.factions),
    regions: arr(sc.regions).filter((r) => Number.isFinite(+r.lat) && Number.isFinite(+r.lon)),
    regionById: byId(sc.regions),
    links: arr(sc.links),
    sectors: arr(sc.sectors),
    sectorById: byId(sc.sectors),
    formations: byId(sc.formations),
    treaties: arr(sc.treaties),
    treatyById: byId(sc.treaties),
    outsideEvents: arr(sc.events),
    outsideById: byId(sc.events),
    battles: arr(sc.battles),
    incidentsRecord: arr(sc.incidents_record),
    months,
    monthIndex,
    events,
    eventsByMonth,
    summary: doc.summary || null,
  };
}

/* The index of the month nearest to `date` ("YYYY-MM"). */
export function nearestMonth(ix, date) {
  const d = monthOf(date);
  if (ix.monthIndex.has(d)) return ix.monthIndex.get(d);
  let best = 0;
  ix.months.forEach((m, i) => { if (m.date <= d) best = i; });
  return best;
}
