// map.js — the map of Northeast Asia: coastlines, borders, the regions and
// their links, border sectors, and for the chosen month the forces,
// incidents and battles.
import { geoConicConformal, geoGraticule } from "d3-geo";
import { select } from "d3-selection";
import { scaleSqrt, scaleLinear } from "d3-scale";
import { symbol, symbolStar, symbolDiamond } from "d3-shape";
import { zoom as d3zoom, zoomIdentity } from "d3-zoom";
import geo from "./generated/geo.json";
import { bloc, BLOC_COLOR, monthOf, esc, fmtK, actorExists } from "./util.js";

const W = 900, H = 640;
const SVGNS = "http://www.w3.org/2000/svg";

/* Shading of present-day countries, by the bloc that held (most of) them in
 * the period: an orientation aid, not a political map of any one year. */
const COUNTRY_TINT = {
  Russia: "sv", Mongolia: "sv", Japan: "jp", "North Korea": "jp", "South Korea": "jp", Korea: "jp",
  "Dem. Rep. Korea": "jp", "Republic of Korea": "jp", China: "cn", Taiwan: "jp",
};
const TINT_FILL = { sv: "#e6edf5", jp: "#f6e7e3", cn: "#eef0e4", other: "#f1efe9" };

export function createMap(svgEl, ix, { onSelect }) {
  const svg = select(svgEl).attr("viewBox", `0 0 ${W} ${H}`).attr("preserveAspectRatio", "xMidYMid meet");
  svg.selectAll("*").remove();

  // A conformal conic centred on the Manchurian border, fitted to the
  // scenario's regions (2° around them) within lon 100–160, lat 30–60, so
  // that the border country is drawn large. Sampled along the edges so that
  // the curved parallels fit.
  const lons = ix.regions.map((r) => +r.lon), lats = ix.regions.map((r) => +r.lat);
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  const x0 = lons.length ? clamp(Math.min(...lons) - 2, 100, 150) : 100, x1 = lons.length ? clamp(Math.max(...lons) + 2, 110, 160) : 160;
  const y0 = lats.length ? clamp(Math.min(...lats) - 2, 30, 50) : 30, y1 = lats.length ? clamp(Math.max(...lats) + 2, 40, 60) : 60;
  const frame = [];
  for (let i = 0; i <= 30; i++) { const lon = x0 + ((x1 - x0) * i) / 30; frame.push([lon, y0], [lon, y1]); }
  for (let i = 0; i <= 15; i++) { const lat = y0 + ((y1 - y0) * i) / 15; frame.push([x0, lat], [x1, lat]); }
  const proj = geoConicConformal().parallels([38, 54]).rotate([-(x0 + x1) / 2, 0])
    .fitExtent([[8, 8], [W - 8, H - 8]], { type: "MultiPoint", coordinates: frame });
  const P = (lon, lat) => proj([+lon, +lat]);
  // An open line (coast, border) is broken where two points are more than 5°
  // apart: the 1:50m data is far denser, so such a step is where the atlas
  // was cut (scripts/make-geo.mjs), not a coast.
  const pathOf = (pts, closed) => {
    let s = "";
    pts.forEach(([lon, lat], i) => {
      const [x, y] = P(lon, lat);
      const jump = !closed && i > 0 && Math.hypot(lon - pts[i - 1][0], lat - pts[i - 1][1]) > 5;
      s += (i && !jump ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
    });
    return closed ? s + "Z" : s;
  };

  svg.append("rect").attr("class", "sea").attr("width", W).attr("height", H);
  // Everything drawn goes into one group that d3-zoom moves and scales.
  const root = svg;
  const view = svg.append("g").attr("class", "viewport");
  const gLand = view.append("g").attr("class", "layer-land");
  // The atlas is cut to a lon/lat box (scripts/make-geo.mjs, 88–178°E,
  // 18–68°N), and the cut closes Russia's outline with straight chords (the
  // 88°E meridian, and a line along 65°N). Where the view's corners reach
  // past them the page would show sea with a straight edge. Bands of the
  // right tint under the outlines fill them: Siberia north of 65°N and west
  // of 88°E down to 50°N, China (Xinjiang) west of 88°E below that. Drawn
  // with a point every degree so that their edges follow the projection.
  const box = (w, so, e, n) => {
    const r = [];
    for (let lon = w; lon <= e; lon++) r.push([lon, so]);
    for (let lat = so; lat <= n; lat++) r.push([e, lat]);
    for (let lon = e; lon >= w; lon--) r.push([lon, n]);
    for (let lat = n; lat >= so; lat--) r.push([w, lat]);
    return r;
  };
  const band = box(60, 65, 185, 89);
  gLand.append("path").attr("class", "land land-fill").attr("fill", TINT_FILL.sv).attr("d", pathOf(box(60, 50, 88, 66), true));
  gLand.append("path").attr("class", "land land-fill").attr("fill", TINT_FILL.cn).attr("d", pathOf(box(60, 28, 88, 50), true));
  gLand.append("path").attr("class", "land land-fill").attr("fill", TINT_FILL.sv).attr("d", pathOf(band, true));
  for (const c of geo.land) {
    gLand.append("path").attr("class", "land").attr("fill", TINT_FILL[COUNTRY_TINT[c.name] || "other"])
      .attr("fill-rule", "evenodd").attr("d", c.rings.map((r) => pathOf(r, true)).join(""))
      .append("title").text(`${c.name} (present-day outline)`);
  }
  // Graticule every 10°, drawn by hand because the data is planar lon/lat.
  const grat = view.append("g").attr("class", "graticule");
  const gr = geoGraticule().extent([[90, 20], [175, 66]]).step([10, 10]).lines();
  for (const l of gr) grat.append("path").attr("d", pathOf(l.coordinates.filter(([lo, la]) => lo >= 90 && lo <= 175 && la >= 20 && la <= 66), false));
  const gPolity = view.append("g").attr("class", "layer-polity");
  const gBorders = view.append("g").attr("class", "layer-borders");
  for (const b of geo.borders) gBorders.append("path").attr("class", "border").attr("d", pathOf(b, false));
  const gCoast = view.append("g").attr("class", "layer-coast");
  for (const c of geo.coast) gCoast.append("path").attr("class", "coast").attr("d", pathOf(c, false));

  // ---- historical polities ----
  // Mongolia: the present-day border of Mongolia (close to the Mongolian
  // People's Republic's; Tuva, independent then, is outside it either way).
  const mgl = geo.land.find((c) => c.name === "Mongolia");
  if (mgl) {
    gPolity.append("path").attr("class", "polity polity-sv").attr("d", mgl.rings.map((r) => pathOf(r, true)).join(""));
  }
  // Manchuria/Manchukuo: no atlas outline exists, so make-geo.mjs cuts one
  // out of present-day China along the Great Wall line (an approximation;
  // see MANCHURIA_CUT there).
  const manPath = geo.manchuria?.length
    ? gPolity.append("path").attr("class", "polity polity-man").attr("d", geo.manchuria.map((r) => pathOf(r, true)).join(""))
    : null;
  const polityLabels = view.append("g").attr("class", "layer-polity-labels");
  const bigLabel = (lon, lat, text, cls) => { const [x, y] = P(lon, lat); return polityLabels.append("text").attr("class", `polity-label ${cls || ""}`).attr("x", x).attr("y", y).text(text); };
  bigLabel(130, 57, "SOVIET UNION", "sv");
  bigLabel(104.5, 46.0, "MONGOLIA", "sv");
  const manLabel = bigLabel(121.8, 44.4, "MANCHURIA", "jp");
  bigLabel(127.6, 39.6, "KOREA", "jp");
  bigLabel(137.4, 36.6, "JAPAN", "jp");
  bigLabel(113, 37, "CHINA", "cn");
  bigLabel(150, 42, "Pacific Ocean", "sea-label");
  bigLabel(134.5, 41.0, "Sea of Japan", "sea-label");
  bigLabel(148, 53, "Sea of Okhotsk", "sea-label");
  // Manchukuo is named as such from the first event of the run that involves it.
  const manFirst = ix.events.find((e) => Array.isArray(e.actors) && e.actors.includes("MAN"));
  const manchukuoFrom = manFirst ? monthOf(manFirst.date) : null;

  // ---- links ----
  const gLinks = view.append("g").attr("class", "layer-links");
  for (const l of ix.links) {
    const a = ix.regionById.get(l.from), b = ix.regionById.get(l.to);
    if (!a || !b) continue;
    const [x1, y1] = P(a.lon, a.lat), [x2, y2] = P(b.lon, b.lat);
    let d = `M${x1.toFixed(1)},${y1.toFixed(1)}L${x2.toFixed(1)},${y2.toFixed(1)}`;
    if (l.kind === "sea" || l.kind === "river") {
      // Sea lanes and rivers bend a little, so they do not hide rails drawn along the same pair.
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
      const k = l.kind === "sea" ? 0.18 : 0.08;
      d = `M${x1.toFixed(1)},${y1.toFixed(1)}Q${(mx - dy * k).toFixed(1)},${(my + dx * k).toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
      void len;
    }
    const g = gLinks.append("g").attr("class", `link link-${l.kind}`).attr("data-from", l.from).attr("data-to", l.to);
    g.append("path").attr("class", "link-base").attr("d", d);
    if (l.kind === "rail") g.append("path").attr("class", "link-ties").attr("d", d);
    g.append("path").attr("class", "link-hit").attr("d", d);
    g.append("title").text(`${l.line || l.kind}: ${a.name} – ${b.name}, ${l.km} km`);
    g.node().__hk = { type: "link", item: l };
  }

  // ---- sectors ----
  const gSectors = view.append("g").attr("class", "layer-sectors");
  const sectorShapes = [];
  for (const s of ix.sectors) {
    const pts = ix.regions.filter((r) => r.sector === s.id).map((r) => P(r.lon, r.lat)).sort((p, q) => p[0] - q[0]);
    if (!pts.length) continue;
    const g = gSectors.append("g").attr("class", "sector").attr("data-id", s.id);
    const shape = pts.length === 1
      ? g.append("circle").attr("cx", pts[0][0]).attr("cy", pts[0][1]).attr("r", 14)
      : g.append("path").attr("d", "M" + pts.map((p) => p.map((v) => v.toFixed(1)).join(",")).join("L"));
    const cx = pts.reduce((a, p) => a + p[0], 0) / pts.length, cy = pts.reduce((a, p) => a + p[1], 0) / pts.length;
    g.append("title").text(`Border sector: ${s.name}`);
    g.node().__hk = { type: "sector", item: s };
    sectorShapes.push({ s, shape, cx, cy, pts });
  }
  const tensionColor = scaleLinear().domain([0, 0.5, 1]).range(["#f2d16b", "#f08c2e", "#d7301f"]).clamp(true);

  // ---- regions ----
  // Forces under the region dots, so that a dot stays clickable inside a big circle.
  const gControl = view.append("g").attr("class", "layer-control");
  const gFront = view.append("g").attr("class", "layer-front");
  const gForces = view.append("g").attr("class", "layer-forces");
  const gRegions = view.append("g").attr("class", "layer-regions");
  const gMarks = view.append("g").attr("class", "layer-marks");
  const gLabels = view.append("g").attr("class", "layer-labels");
  const regionXY = new Map();
  const regionDots = new Map(), regionHalo = new Map();
  for (const r of ix.regions) {
    const [x, y] = P(r.lon, r.lat);
    regionXY.set(r.id, [x, y]);
    const g = gRegions.append("g").attr("class", `region ${r.railhead ? "railhead" : ""}`).attr("data-id", r.id)
      .attr("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})`);
    g.append("circle").attr("class", "region-dot").attr("r", r.railhead ? 4 : 3.2).attr("fill", BLOC_COLOR[bloc(r.controller)]);
    g.append("circle").attr("class", "region-hit").attr("r", 9);
    g.append("title").text(r.name);
    g.node().__hk = { type: "region", item: r };
    regionDots.set(r.id, g.select(".region-dot"));
    const [hx, hy] = [x, y];
    regionHalo.set(r.id, gControl.append("circle").attr("class", "control-halo").attr("cx", hx).attr("cy", hy).attr("r", 11).attr("data-id", r.id));
    // The label drops what the name adds in brackets ("Northern Kurils (Shumshu, Paramushir)"); the tooltip keeps it all.
    gLabels.append("text").attr("class", "region-label").attr("x", x + 6).attr("y", y - 5).attr("data-id", r.id)
      .attr("data-x", x).attr("data-y", y)
      .text(String(r.name).replace(/\s*\(.*\)\s*$/, "").replace(/,.*$/, ""));
  }
  /* Labels at a size legible on screen whatever the map's width and zoom:
   * 11 px on the screen (at least), so a phone shows fewer labels, not
   * smaller ones; the rest are hidden where they would overlap. */
  function layoutLabels(k = 1) {
    const screen = (svgEl.clientWidth || W) / W; // screen px per map unit
    const fs = Math.max(11, 11 / Math.max(screen, 0.01)) / k;
    for (const t of gLabels.node().querySelectorAll("text")) {
      t.classList.remove("hidden-label");
      t.style.fontSize = `${fs.toFixed(2)}px`;
      t.style.strokeWidth = `${(fs * 0.27).toFixed(2)}px`;
      t.setAttribute("x", +t.dataset.x + fs * 0.55);
      t.setAttribute("y", +t.dataset.y - fs * 0.45);
    }
    declutterLabels(gLabels.node(), W, fs * 0.55);
  }
  layoutLabels();

  // Battles as the run fought them: from a "battle" event to its
  // "battle_result" (or the same month); the record's dates when the run
  // has no battle events at all.
  const battleById = new Map(ix.battles.map((b) => [b.id, b]));
  const fought = [];
  for (const e of ix.events) {
    if (e.kind !== "battle" || !battleById.has(e.id)) continue;
    const res = ix.events.find((r) => r.kind === "battle_result" && r.id === e.id && r.date >= e.date);
    fought.push({ b: battleById.get(e.id), from: monthOf(e.date), to: monthOf(res ? res.date : e.date) });
  }
  const useRecord = fought.length === 0;
  for (const b of useRecord ? ix.battles : []) fought.push({ b, from: monthOf(b.start), to: monthOf(b.end) || monthOf(b.start) });

  // Strength → radius, on the largest concentration of the whole run, so sizes compare across months.
  let maxMen = 1;
  for (const m of ix.months) {
    const per = new Map();
    for (const f of Object.values(m.formations || {})) {
      const k = f.region; per.set(k, (per.get(k) || 0) + (+f.men || 0));
    }
    for (const v of per.values()) maxMen = Math.max(maxMen, v);
  }
  const radius = scaleSqrt().domain([0, maxMen]).range([0, 30]);

  const status = { current: null };

  /* `prev`: the month before, when known (the arrows of a month's advances). */
  function update(month, prev = null) {
    status.current = month;
    const date = month?.date;
    // Manchukuo from its first month: the actor's span when the document
    // gives it, else the run's first event that names it; with control, the
    // Manchurian heartland's controller decides.
    const control = month?.control && typeof month.control === "object" ? month.control : null;
    const heart = ["hsinking", "harbin", "mukden"].map((id) => control?.[id]).filter(Boolean);
    const manchukuo = heart.length ? heart.some((a) => a === "MAN" || a === "JPN") && actorExists(ix, "MAN", date)
      : actorExists(ix, "MAN", date) ?? !!(manchukuoFrom && date && date >= manchukuoFrom);
    manLabel.text(manchukuo ? "MANCHUKUO" : "MANCHURIA").attr("class", `polity-label ${manchukuo ? "jp" : "cn"}`);
    if (manPath) manPath.classed("polity-jp", manchukuo).classed("polity-cn", !manchukuo);

    // regions coloured by who controls them this month (the scenario's
    // controller when the month has no `control`)
    for (const r of ix.regions) {
      const who = control?.[r.id] ?? r.controller;
      const c = BLOC_COLOR[bloc(who)];
      regionDots.get(r.id)?.attr("fill", c).attr("data-controller", who);
      regionHalo.get(r.id)?.attr("fill", c).attr("data-controller", who)
        .attr("fill-opacity", control ? 0.28 : 0.12);
    }
    drawFront(month, prev);

    // sectors coloured by tension
    for (const { s, shape } of sectorShapes) {
      const t = +(month?.tension?.[s.id] ?? 0);
      shape.attr("stroke", tensionColor(t)).attr("fill", tensionColor(t)).attr("data-tension", t.toFixed(2))
        .attr("stroke-opacity", 0.25 + 0.5 * t).attr("fill-opacity", 0.2 + 0.4 * t);
    }

    // forces: formations grouped by region and side
    gForces.selectAll("*").remove();
    const groups = new Map();
    for (const [id, f] of Object.entries(month?.formations || {})) {
      if (!(+f.men > 0)) continue;
      const meta = ix.formations.get(id);
      const b = bloc(meta?.actor);
      const key = `${f.region}|${b}`;
      if (!groups.has(key)) groups.set(key, { region: f.region, bloc: b, men: 0, tanks: 0, guns: 0, aircraft: 0, list: [] });
      const g = groups.get(key);
      for (const k of ["men", "tanks", "guns", "aircraft"]) g[k] += +f[k] || 0;
      g.list.push({ id, ...f, meta });
    }
    const sorted = [...groups.values()].sort((a, b) => b.men - a.men);
    for (const g of sorted) {
      const xy = regionXY.get(g.region);
      if (!xy) continue;
      const r = Math.max(3.5, radius(g.men));
      // Japanese side left of the region, Soviet side right, so both show where they meet.
      const dx = g.bloc === "jp" ? -(r * 0.55 + 2) : g.bloc === "sv" ? r * 0.55 + 2 : 0;
      const node = gForces.append("g").attr("class", `force force-${g.bloc}`).attr("data-region", g.region)
        .attr("data-men", Math.round(g.men)).attr("transform", `translate(${(xy[0] + dx).toFixed(1)},${xy[1].toFixed(1)})`);
      node.append("circle").attr("r", r).attr("fill", BLOC_COLOR[g.bloc]);
      if (r >= 11) node.append("text").attr("class", "force-label").attr("dy", "0.35em").text(fmtK(g.men));
      node.append("title").text(`${g.list.map((f) => f.meta?.name || f.id).join(", ")}: ${fmtK(g.men)} men`);
      node.node().__hk = { type: "force", item: g, month };
    }

    // battles of the month: one star per region, the latest-begun battle on top
    gMarks.selectAll("*").remove();
    const here = fought.filter((f) => date && f.from <= date && date <= f.to && (!useRecord || (+month.battles || 0) > 0));
    const byRegion = new Map();
    for (const f of here) {
      if (!byRegion.has(f.b.region)) byRegion.set(f.b.region, []);
      byRegion.get(f.b.region).push(f);
    }
    for (const [region, list] of byRegion) {
      const xy = regionXY.get(region);
      if (!xy) continue;
      list.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
      const b = list[0].b;
      const g = gMarks.append("g").attr("class", "battle").attr("data-id", b.id).attr("data-region", region)
        .attr("transform", `translate(${xy[0].toFixed(1)},${(xy[1] - 14).toFixed(1)})`);
      g.append("path").attr("d", symbol(symbolStar, 260)());
      g.append("title").text(`Battle: ${list.map((f) => f.b.name).join("; ")}`);
      g.node().__hk = { type: "battle", item: b };
    }
    // incidents: the month gives a total; it is split over the sectors by
    // their tension for display (the marker's tooltip says so).
    const n = +(month?.incidents || 0);
    if (n > 0 && sectorShapes.length) {
      const ts = sectorShapes.map((z) => ({ z, t: +(month?.tension?.[z.s.id] ?? 0) }));
      const tot = ts.reduce((a, v) => a + v.t, 0) || ts.length;
      let left = n;
      ts.sort((a, b) => b.t - a.t);
      ts.forEach((v, i) => {
        const k = i === ts.length - 1 ? left : Math.min(left, Math.round((n * (tot === ts.length && !v.t ? 1 : v.t)) / tot));
        left -= k;
        if (k <= 0) return;
        const g = gMarks.append("g").attr("class", "incident").attr("data-sector", v.z.s.id)
          .attr("transform", `translate(${(v.z.cx + 16).toFixed(1)},${(v.z.cy + 14).toFixed(1)})`);
        g.append("path").attr("d", symbol(symbolDiamond, 110)());
        g.append("text").attr("x", 8).attr("dy", "0.35em").text(k);
        g.append("title").text(`${k} of this month's ${n} border incident(s), placed by sector tension`);
        g.node().__hk = { type: "sector", item: v.z.s };
      });
    }
  }

  // ---- the front of a general war: where each front's sides meet, and an
  // arrow for each side attacking on it (the month's `war`, docs/api.md) ----
  function drawFront(month, prev) {
    gFront.selectAll("*").remove();
    const war = month?.war;
    if (!war || !Array.isArray(war.fronts)) return;
    const control = month.control || {};
    const side = (a) => Object.entries(war.sides || {}).find(([, list]) => (list || []).includes(a))?.[0] ?? a;
    // the month's advances: each region a side took this month, with an arrow
    // from the nearest region linked to it that the side held the month before
    const before = prev?.control && prev.date < month.date ? prev.control : null;
    const gAdv = gFront.append("g").attr("class", "advances");
    for (const [id, who] of Object.entries(before ? control : {})) {
      if (!before[id] || side(before[id]) === side(who) || !regionXY.has(id)) continue;
      const [x2, y2] = regionXY.get(id);
      let best = null;
      for (const l of ix.links) {
        const o = l.from === id ? l.to : l.to === id ? l.from : null;
        if (!o || !regionXY.has(o) || !before[o] || side(before[o]) !== side(who)) continue;
        const [x1, y1] = regionXY.get(o), d = Math.hypot(x2 - x1, y2 - y1);
        if (d > 0 && (!best || d < best.d)) best = { x1, y1, d };
      }
      if (!best) continue;
      const t0 = Math.min(0.3, 8 / best.d), t1 = Math.max(0.7, 1 - 9 / best.d);
      gAdv.append("path").attr("class", `offensive advance offensive-${bloc(who)}`).attr("marker-end", `url(#arrow-${bloc(who)})`)
        .attr("d", `M${(best.x1 + (x2 - best.x1) * t0).toFixed(1)},${(best.y1 + (y2 - best.y1) * t0).toFixed(1)}L${(best.x1 + (x2 - best.x1) * t1).toFixed(1)},${(best.y1 + (y2 - best.y1) * t1).toFixed(1)}`)
        .attr("data-actor", who).attr("data-region", id)
        .append("title").text(`${ix.regionById.get(id)?.name || id} taken this month`);
    }
    for (const f of war.fronts) {
      // `line`: the regions along the front, a list or one list per side
      const byActor = Array.isArray(f.line) ? null : f.line || {};
      const ids = [...new Set(Array.isArray(f.line) ? f.line : Object.values(byActor).flat())].filter((id) => regionXY.has(id));
      const holder = (id) => control[id] ?? (byActor ? Object.entries(byActor).find(([, l]) => (l || []).includes(id))?.[0] : undefined);
      // links whose ends are held by opposite sides: the front runs across their middles
      const cross = [];
      for (const l of ix.links) {
        if (!ids.includes(l.from) && !ids.includes(l.to)) continue;
        const a = holder(l.from), b = holder(l.to);
        if (!a || !b || side(a) === side(b) || !regionXY.has(l.from) || !regionXY.has(l.to)) continue;
        const [x1, y1] = regionXY.get(l.from), [x2, y2] = regionXY.get(l.to);
        cross.push({ l, x: (x1 + x2) / 2, y: (y1 + y2) / 2, dx: x2 - x1, dy: y2 - y1 });
      }
      const g = gFront.append("g").attr("class", "front").attr("data-sector", f.sector);
      g.node().__hk = { type: "front", item: f, month };
      if (cross.length) {
        cross.sort((p, q) => p.x - q.x || p.y - q.y);
        // a short stroke across each contested link, joined where there are several
        for (const c of cross) {
          const len = Math.hypot(c.dx, c.dy) || 1, nx = -c.dy / len * 9, ny = c.dx / len * 9;
          g.append("path").attr("class", "front-line").attr("d", `M${(c.x - nx).toFixed(1)},${(c.y - ny).toFixed(1)}L${(c.x + nx).toFixed(1)},${(c.y + ny).toFixed(1)}`);
        }
        if (cross.length > 1) g.append("path").attr("class", "front-line joined").attr("d", "M" + cross.map((c) => `${c.x.toFixed(1)},${c.y.toFixed(1)}`).join("L"));
      } else if (ids.length > 1) {
        const pts = ids.map((id) => regionXY.get(id));
        g.append("path").attr("class", "front-line joined").attr("d", "M" + pts.map((p) => p.map((v) => v.toFixed(1)).join(",")).join("L"));
      }
      // offensives: from the attacker's regions of the front toward the nearest held by the other side
      for (const [actor, posture] of Object.entries(f.posture || {})) {
        if (posture !== "attack") continue;
        const mine = ids.filter((id) => side(holder(id)) === side(actor));
        const theirs = ids.filter((id) => holder(id) && side(holder(id)) !== side(actor));
        const from = mine.length ? mine : [...regionXY.keys()].filter((id) => side(control[id]) === side(actor));
        const to = theirs.length ? theirs : [];
        let best = null;
        for (const a of from) for (const b of to) {
          const [x1, y1] = regionXY.get(a), [x2, y2] = regionXY.get(b);
          const d = Math.hypot(x2 - x1, y2 - y1);
          if (!best || d < best.d) best = { x1, y1, x2, y2, d };
        }
        if (!best) continue;
        const k = Math.min(1, 40 / (best.d || 1));
        const x1 = best.x1 + (best.x2 - best.x1) * 0.15, y1 = best.y1 + (best.y2 - best.y1) * 0.15;
        const x2 = best.x1 + (best.x2 - best.x1) * Math.max(0.7, 1 - k * 0.2), y2 = best.y1 + (best.y2 - best.y1) * Math.max(0.7, 1 - k * 0.2);
        g.append("path").attr("class", `offensive offensive-${bloc(actor)}`).attr("marker-end", `url(#arrow-${bloc(actor)})`)
          .attr("d", `M${x1.toFixed(1)},${y1.toFixed(1)}L${x2.toFixed(1)},${y2.toFixed(1)}`)
          .attr("data-actor", actor);
      }
      g.append("title").text(`Front: ${f.name || f.sector}`);
    }
  }
  const defs = root.append("defs");
  for (const b of ["jp", "sv", "cn", "other"]) {
    defs.append("marker").attr("id", `arrow-${b}`).attr("viewBox", "0 0 10 10").attr("refX", 8).attr("refY", 5)
      .attr("markerWidth", 5).attr("markerHeight", 5).attr("orient", "auto-start-reverse")
      .append("path").attr("d", "M0,0L10,5L0,10z").attr("fill", BLOC_COLOR[b]);
  }

  function highlight(kind, id, sel) {
    root.selectAll(".selected").classed("selected", false);
    if (kind === "region") root.selectAll(`.region[data-id="${CSS.escape(id)}"]`).classed("selected", true);
    if (kind === "force" && sel?.item) root.selectAll(`.force[data-region="${CSS.escape(sel.item.region)}"].force-${sel.item.bloc}`).classed("selected", true);
  }

  // ---- one click picks what is drawn on top under the cursor, forces first ----
  const PRIORITY = ["force", "battle", "incident", "front", "region", "sector", "link"];
  root.on("click", (ev) => {
    // what lies under the pointer, and what the event was aimed at (a click
    // made by a script has no position)
    const els = [ev.target, ...document.elementsFromPoint(ev.clientX, ev.clientY)];
    let best = null, rank = PRIORITY.length;
    for (const e of els) {
      if (!svgEl.contains(e)) continue;
      for (let n = e; n && n !== svgEl; n = n.parentNode) {
        if (!n.__hk) continue;
        const r = PRIORITY.indexOf(n.classList.contains("incident") ? "incident" : n.__hk.type);
        if (r >= 0 && r < rank) { best = n.__hk; rank = r; }
        break;
      }
    }
    onSelect(best);
  });

  // ---- zoom and pan ----
  let k = 1;
  const zoomer = d3zoom().scaleExtent([1, 10]).translateExtent([[0, 0], [W, H]]).extent([[0, 0], [W, H]])
    .on("zoom", (ev) => {
      view.attr("transform", ev.transform);
      k = ev.transform.k;
      // dots keep their size on screen; labels are laid out again when the zoom ends
      gRegions.selectAll(".region").attr("transform", function () {
        const t = this.getAttribute("transform").replace(/\s*scale\([^)]*\)/, "");
        return `${t} scale(${(1 / Math.sqrt(k)).toFixed(3)})`;
      });
      root.attr("data-zoom", k.toFixed(2));
    });
  zoomer.on("end", () => layoutLabels(k));
  root.call(zoomer).on("dblclick.zoom", null);
  window.addEventListener("resize", () => layoutLabels(k));
  const zoomBy = (f) => root.transition().duration(200).call(zoomer.scaleBy, f);
  const reset = () => root.transition().duration(200).call(zoomer.transform, zoomIdentity);

  return { update, highlight, project: P, regionXY, size: [W, H], zoomBy, reset };
}

/* Hides labels that would overlap one drawn before them (drawn in scenario
 * order, so the scenario's first regions keep theirs). */
function declutterLabels(g, width, gap = 6) {
  const placed = [];
  for (const t of g.querySelectorAll("text")) {
    let b;
    try { b = t.getBBox(); } catch { continue; }
    if (!b.width) continue;
    if (b.x < 4) { // would run off the map's left edge: put it right of the dot
      t.setAttribute("x", +t.getAttribute("x") - b.x + 4);
      b = t.getBBox();
    }
    if (b.x + b.width > width - 4) { // would run off the map: put it left of the dot
      t.setAttribute("x", +t.getAttribute("x") - b.width - 2 * gap);
      b = t.getBBox();
    }
    if (b.x < 4) { // too long for either side: leave it to the tooltip
      t.classList.add("hidden-label");
      continue;
    }
    const hit = placed.some((p) => b.x < p.x + p.width && p.x < b.x + b.width && b.y < p.y + p.height && p.y < b.y + b.height);
    if (hit) {
      // try the other side of the dot before giving up
      t.setAttribute("x", +t.getAttribute("x") - b.width - 2 * gap);
      const b2 = t.getBBox();
      if (b2.x < 4 || placed.some((p) => b2.x < p.x + p.width && p.x < b2.x + b2.width && b2.y < p.y + p.height && p.y < b2.y + b2.height)) t.classList.add("hidden-label");
      else placed.push(b2);
    } else placed.push(b);
  }
}
export { esc };
