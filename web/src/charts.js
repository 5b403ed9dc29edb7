// charts.js — the charts beside the map: Japan's doctrine, faction
// influence, forces on the border, incidents per year against the record,
// and the treaties. Each has a cursor at the slider's month; clicking a
// chart moves the slider there.
import { select, pointer } from "d3-selection";
import { scaleUtc, scaleLinear, scaleBand } from "d3-scale";
import { axisBottom, axisLeft } from "d3-axis";
import { line, area, stack, stackOrderNone, stackOffsetNone, curveStepAfter } from "d3-shape";
import { dateOf, monthOf, nextMonth, BLOC_COLOR, fmtK, esc, borderTotals } from "./util.js";

const WIDTH = 540;
const M = { top: 8, right: 12, bottom: 20, left: 44 };
const FACTION_COLORS = ["#b2182b", "#ef8a62", "#d6604d", "#4393c3", "#92c5de", "#999999", "#8073ac", "#5aae61", "#e0a526"];

function timeFrame(container, height, ix, onPick, left = M.left) {
  const root = select(container);
  root.select("svg").remove();
  const svg = root.append("svg").attr("viewBox", `0 0 ${WIDTH} ${height}`).attr("class", "chart-svg");
  const start = ix.months[0]?.date || ix.scenario.start || "1918-01";
  const end = ix.months[ix.months.length - 1]?.date || ix.scenario.end || "1945-09";
  const x = scaleUtc().domain([dateOf(start), dateOf(nextMonth(end))]).range([left, WIDTH - M.right]);
  const plot = svg.append("g");
  const axisG = svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - M.bottom})`)
    .call(axisBottom(x).ticks(10).tickSizeOuter(0));
  void axisG;
  const cursor = svg.append("line").attr("class", "cursor").attr("y1", M.top - 4).attr("y2", height - M.bottom);
  svg.append("rect").attr("class", "hit").attr("x", left).attr("y", 0).attr("width", WIDTH - M.right - left).attr("height", height)
    .on("click", (ev) => {
      const [px] = pointer(ev, svg.node());
      const d = x.invert(px);
      onPick(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
    });
  const setCursor = (date) => {
    const cx = x(dateOf(date)) + (x(dateOf(nextMonth(date))) - x(dateOf(date))) / 2;
    cursor.attr("x1", cx).attr("x2", cx);
  };
  return { svg, plot, x, setCursor, height };
}

function legend(container, items) {
  select(container).select(".legend-row")?.remove();
  const div = select(container).append("div").attr("class", "legend-row");
  for (const [color, label, dashed] of items) {
    const s = div.append("span").attr("class", "legend-item");
    s.append("i").attr("class", dashed ? "swatch dashed" : "swatch").style(dashed ? "border-color" : "background", color);
    s.append("span").text(label);
  }
}

export function doctrineChart(container, ix, onPick) {
  const h = 130;
  const f = timeFrame(container, h, ix, onPick);
  const y = scaleLinear().domain([-1, 1]).range([h - M.bottom, M.top]);
  f.plot.append("rect").attr("class", "band-north").attr("x", M.left).attr("width", WIDTH - M.left - M.right).attr("y", y(1)).attr("height", y(0) - y(1));
  f.plot.append("rect").attr("class", "band-south").attr("x", M.left).attr("width", WIDTH - M.left - M.right).attr("y", y(0)).attr("height", y(-1) - y(0));
  f.plot.append("g").attr("class", "axis").attr("transform", `translate(${M.left},0)`).call(axisLeft(y).ticks(4));
  f.plot.append("text").attr("class", "band-label").attr("x", M.left + 4).attr("y", y(1) + 11).text("north ↑");
  f.plot.append("text").attr("class", "band-label").attr("x", M.left + 4).attr("y", y(-1) - 4).text("south ↓");
  const series = ["JPN", "SOV"].filter((a) => ix.months.some((m) => +(m.doctrine?.[a] ?? 0) !== 0));
  if (!series.length) series.push("JPN");
  for (const a of series) {
    const pts = ix.months.map((m) => [dateOf(m.date), +(m.doctrine?.[a] ?? 0)]);
    f.plot.append("path").attr("class", `series series-${a}`).attr("stroke", a === "JPN" ? BLOC_COLOR.jp : BLOC_COLOR.sv)
      .attr("d", line().x((p) => f.x(p[0])).y((p) => y(p[1]))(pts));
  }
  legend(container, series.map((a) => [a === "JPN" ? BLOC_COLOR.jp : BLOC_COLOR.sv, `${ix.actors.get(a)?.name || a}: -1 strike south … +1 strike north`]));
  return f;
}

export function influenceChart(container, ix, onPick) {
  const h = 140;
  const f = timeFrame(container, h, ix, onPick);
  const facs = ix.factions.filter((x) => x.actor === "JPN");
  const keys = facs.map((x) => x.id);
  const y = scaleLinear().domain([0, 1]).range([h - M.bottom, M.top]);
  f.plot.append("g").attr("class", "axis").attr("transform", `translate(${M.left},0)`).call(axisLeft(y).ticks(4, "%"));
  const rows = ix.months.map((m) => {
    const o = { date: dateOf(m.date) };
    let s = 0;
    for (const k of keys) s += +(m.influence?.[k] ?? 0);
    for (const k of keys) o[k] = s > 0 ? +(m.influence?.[k] ?? 0) / s : 0; // shares of Japan's factions, renormalised
    return o;
  });
  const st = stack().keys(keys).order(stackOrderNone).offset(stackOffsetNone)(rows);
  const ar = area().x((d) => f.x(d.data.date)).y0((d) => y(d[0])).y1((d) => y(d[1])).curve(curveStepAfter);
  st.forEach((layer, i) => {
    f.plot.append("path").attr("class", "stack").attr("fill", FACTION_COLORS[i % FACTION_COLORS.length]).attr("d", ar(layer))
      .append("title").text(facs[i].name);
  });
  legend(container, facs.map((x, i) => [FACTION_COLORS[i % FACTION_COLORS.length], x.name]));
  return f;
}

/* Men facing each other on the border: each bloc's formations standing in a
 * region that faces a sector, each formation once (borderTotals in
 * util.js; docs/api.md gives the rule). Summing the sectors' `forces` would
 * count a formation near two sectors twice. */
export function forcesChart(container, ix, onPick) {
  const h = 130;
  const f = timeFrame(container, h, ix, onPick);
  const sides = ix.months.map((m) => ({ date: dateOf(m.date), ...borderTotals(ix, m) }));
  const max = Math.max(1, ...sides.map((s) => Math.max(s.jp, s.sv)));
  const y = scaleLinear().domain([0, max]).nice().range([h - M.bottom, M.top]);
  f.plot.append("g").attr("class", "axis").attr("transform", `translate(${M.left},0)`).call(axisLeft(y).ticks(4).tickFormat(fmtK));
  for (const [k, c] of [["sv", BLOC_COLOR.sv], ["jp", BLOC_COLOR.jp]]) {
    f.plot.append("path").attr("class", "area-soft").attr("fill", c)
      .attr("d", area().x((d) => f.x(d.date)).y0(y(0)).y1((d) => y(d[k])).curve(curveStepAfter)(sides));
    f.plot.append("path").attr("class", "series").attr("stroke", c)
      .attr("d", line().x((d) => f.x(d.date)).y((d) => y(d[k])).curve(curveStepAfter)(sides));
  }
  legend(container, [[BLOC_COLOR.jp, "Japanese side (Japan, Manchukuo)"], [BLOC_COLOR.sv, "Soviet side (USSR, Mongolia)"]]);
  return f;
}

/* Incidents per year in the run (bars) against the record (a line over the
 * span each record covers, at its yearly mean). */
export function incidentsChart(container, ix, onPick) {
  const h = 130;
  const f = timeFrame(container, h, ix, onPick);
  const perYear = new Map();
  for (const m of ix.months) { const yy = +m.date.slice(0, 4); perYear.set(yy, (perYear.get(yy) || 0) + (+m.incidents || 0)); }
  const rec = ix.incidentsRecord.map((r) => {
    let from = r.from ?? r.year, to = r.to ?? r.year;
    if (r.years && from == null) [from, to] = String(r.years).split("-").map(Number);
    from = +from; to = +(to ?? from);
    return { from, to, perYear: +r.count / (to - from + 1), count: +r.count, source: r.source };
  }).filter((r) => Number.isFinite(r.from) && Number.isFinite(r.perYear));
  const max = Math.max(1, ...perYear.values(), ...rec.map((r) => r.perYear));
  const y = scaleLinear().domain([0, max]).nice().range([h - M.bottom, M.top]);
  f.plot.append("g").attr("class", "axis").attr("transform", `translate(${M.left},0)`).call(axisLeft(y).ticks(4));
  for (const [yy, n] of perYear) {
    const x0 = f.x(dateOf(`${yy}-01`)), x1 = f.x(dateOf(`${yy + 1}-01`));
    f.plot.append("rect").attr("class", "bar").attr("x", x0 + 0.5).attr("width", Math.max(1, x1 - x0 - 1)).attr("y", y(n)).attr("height", y(0) - y(n))
      .append("title").text(`${yy}: ${n} incidents in the run`);
  }
  for (const r of rec) {
    const x0 = f.x(dateOf(`${r.from}-01`)), x1 = f.x(dateOf(`${r.to + 1}-01`));
    const g = f.plot.append("g").attr("class", "record");
    g.append("line").attr("x1", x0).attr("x2", x1).attr("y1", y(r.perYear)).attr("y2", y(r.perYear));
    g.append("circle").attr("cx", (x0 + x1) / 2).attr("cy", y(r.perYear)).attr("r", 2.5);
    g.append("title").text(`Record ${r.from}${r.to !== r.from ? "–" + r.to : ""}: ${r.count} (${r.perYear.toFixed(0)} a year) — ${r.source || ""}`);
  }
  legend(container, [["#e08a2c", "run: incidents per year"], ["#222", "record (mean per year over its span)", true]]);
  return f;
}

/* One row per treaty: a thin outline for the record (signed → ended, a
 * tick where it was denounced), a solid bar for the months it was in force
 * in this run. */
export function treatyChart(container, ix, onPick, onSelectTreaty) {
  const rows = ix.treaties;
  const left = 150;
  const h = M.top + rows.length * 22 + M.bottom + 4;
  const f = timeFrame(container, h, ix, onPick, left);
  const yb = scaleBand().domain(rows.map((t) => t.id)).range([M.top, h - M.bottom - 4]).padding(0.25);
  const end = ix.months[ix.months.length - 1]?.date || ix.scenario.end || "1945-09";
  const inForce = new Map(rows.map((t) => [t.id, []]));
  for (const m of ix.months) for (const id of m.treaties || []) {
    const runs = inForce.get(id);
    if (!runs) continue;
    const last = runs[runs.length - 1];
    if (last && nextMonth(last[1]) === m.date) last[1] = m.date; else runs.push([m.date, m.date]);
  }
  const denouncedInRun = new Map();
  for (const e of ix.events) if (e.kind === "treaty_denounced") denouncedInRun.set(e.id, e.date);
  for (const t of rows) {
    const g = f.plot.append("g").attr("class", "treaty-row").attr("data-id", t.id).style("cursor", "pointer");
    const y0 = yb(t.id), bh = yb.bandwidth();
    g.append("text").attr("class", "row-label").attr("x", left - 6).attr("y", y0 + bh / 2).attr("dy", "0.35em").text(shortName(t.name || t.id))
      .append("title").text(t.name || t.id);
    if (t.signed) {
      const x0 = f.x(dateOf(monthOf(t.signed))), x1 = f.x(dateOf(nextMonth(monthOf(t.ended) || end)));
      g.append("rect").attr("class", "treaty-record").attr("x", x0).attr("y", y0).attr("width", Math.max(2, x1 - x0)).attr("height", bh);
    }
    for (const [a, b] of inForce.get(t.id)) {
      const x0 = f.x(dateOf(a)), x1 = f.x(dateOf(nextMonth(b)));
      g.append("rect").attr("class", "treaty-run").attr("x", x0).attr("y", y0 + 2).attr("width", Math.max(2, x1 - x0)).attr("height", bh - 4);
    }
    for (const [d, cls] of [[t.denounced, "denounce-record"], [denouncedInRun.get(t.id), "denounce-run"]]) {
      if (!d) continue;
      const x = f.x(dateOf(d));
      g.append("path").attr("class", cls).attr("d", `M${x},${y0 - 3}l-4,-5h8z M${x},${y0 - 3}V${y0 + bh + 2}`);
    }
    g.append("title").text(`${t.name}: signed ${t.signed || "–"}, ended ${t.ended || "–"}${t.denounced ? ", denounced " + t.denounced : ""}`);
    g.on("click", (ev) => { ev.stopPropagation(); onSelectTreaty(t); });
  }
  // Rows take clicks (details) over the chart's month picking; the cursor stays on top.
  f.plot.raise();
  f.svg.select(".cursor").raise();
  legend(container, [["#6a51a3", "in force in this run"], ["#6a51a3", "record: signed → ended", true], ["#d7301f", "▼ denounced"]]);
  void esc;
  return f;
}

function shortName(s) {
  s = String(s).replace(/Soviet[–-]Japanese /, "").replace(/ of Mutual Assistance/, "");
  // about 6 units a character at 10.5px: 23 fit the 150-unit label column
  return s.length > 23 ? s.slice(0, 22) + "…" : s;
}
