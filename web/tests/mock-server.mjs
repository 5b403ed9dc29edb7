// mock-server.mjs — a stand-in for `hokushin serve` that answers the
// endpoints the page uses (web/README.md) with the fixture document and
// made-up ensemble figures. It is for working on the page without the
// program and for checking the page's side of the contract; the real
// figures come only from hokushin.
//   node tests/mock-server.mjs serve --port 18000
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { WEB } from "./lib.mjs";

const args = process.argv.slice(2);
const port = +(args[args.indexOf("--port") + 1] || 8080);
const doc = JSON.parse(readFileSync(join(WEB, "tests", "fixtures", "replay.json"), "utf8"));
const MIME = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png" };
const jobs = new Map(), games = new Map();
let next = 1;

const send = (res, code, obj, headers = {}) => {
  res.writeHead(code, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(obj));
};
const body = (req) => new Promise((ok) => { let s = ""; req.on("data", (d) => { s += d; }); req.on("end", () => ok(s)); });
const params = [
  { key: "incident_rate", value: 0.8, unit: "per month", source: "calibrated: incidents 1932-1936", min: 0.1, max: 3 },
  { key: "kwantung_aggressiveness", value: 0.6, unit: "", source: "fixture", min: 0, max: 1 },
  { key: "oil_weight", value: 0.4, unit: "", source: "fixture", min: 0, max: 1 },
];
const OUT = ["strike_north_by_1942", "japan_soviet_war_before_1945", "neutrality_pact_signed", "neutrality_pact_year", "doctrine_south_by_1941_07",
  "major_border_battle_1937_1940", "japan_loses_major_border_battle", "soviet_entry_by_1945_09", "soviet_entry_months_after_german_defeat"];
function outcomes(shift) {
  const o = {};
  OUT.forEach((k, i) => {
    if (k.endsWith("_year")) o[k] = { mean: 1941.2 + shift * 2, sd: 0.8, ci95: [1941.0 + shift * 2, 1941.4 + shift * 2] };
    else if (k.startsWith("soviet_entry_months")) o[k] = { mean: 3.1 + shift, sd: 1, ci95: [2.9 + shift, 3.3 + shift] };
    else { const p = Math.min(0.97, Math.max(0.02, 0.1 + ((i * 37) % 80) / 100 + shift)); o[k] = { p, ci95: [Math.max(0, p - 0.05), Math.min(1, p + 0.05)] }; }
  });
  return o;
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://x");
  const p = url.pathname;
  try {
    if (p === "/api/replay") return send(res, 200, doc);
    if (p === "/api/params") return send(res, 200, params);
    if (p === "/api/whatif" && req.method === "POST") {
      let b;
      try { b = JSON.parse(await body(req)); } catch { return send(res, 400, { error: "body: not JSON" }); }
      if (!(b.set?.length || b.without?.length)) return send(res, 400, { error: "whatif needs at least one --set or --without" });
      const id = String(next++), total = b.runs || 100;
      const job = { status: "running", done: 0, total, started: Date.now(), b };
      jobs.set(id, job);
      return send(res, 202, { job: `/api/jobs/${id}` });
    }
    const jm = /^\/api\/jobs\/(\w+)$/.exec(p);
    if (jm) {
      const job = jobs.get(jm[1]);
      if (!job) return send(res, 404, { error: "no such job" });
      if (req.method === "DELETE") { job.status = "cancelled"; return send(res, 200, { status: "cancelled" }); }
      if (job.status === "running") {
        job.done = Math.min(job.total, Math.round(((Date.now() - job.started) / 1500) * Math.min(job.total, 200)));
        if (job.done >= job.total) {
          job.status = "done";
          const base = outcomes(0), what = outcomes(job.b.without.includes("molotov_ribbentrop_pact") ? -0.08 : 0.05);
          const delta = {};
          for (const k of OUT) {
            const v = (x) => (x.p ?? x.mean);
            const d = v(what[k]) - v(base[k]);
            delta[k] = what[k].p !== undefined ? { p: d, ci95: [d - 0.07, d + 0.07] } : { mean: d, sd: 1, ci95: [d - 0.3, d + 0.3] };
          }
          job.result = { runs: job.total, seed: job.b.seed, outcomes: what, baseline: base, delta, runs_per_second: 1234 };
        }
      }
      return send(res, 200, job.status === "done" ? { status: "done", result: job.result } : { status: job.status, done: job.done, total: job.total });
    }
    if (p === "/api/play" && req.method === "POST") {
      const b = JSON.parse(await body(req) || "{}");
      if (!["JPN", "SOV"].includes(b.as)) return send(res, 400, { error: "as: JPN or SOV" });
      const id = "g" + next++;
      games.set(id, { as: b.as, seed: b.seed ?? 1, i: doc.months.findIndex((m) => m.date === "1932-01"), orders: [] });
      const g = games.get(id);
      return send(res, 200, { game: id, state: { ...doc.months[g.i], next: doc.months[g.i + 1]?.date ?? null, over: false, events: [] } });
    }
    const pm = /^\/api\/play\/(\w+)\/(turn|save)$/.exec(p);
    if (pm) {
      const g = games.get(pm[1]);
      if (!g) return send(res, 404, { error: "no such game" });
      if (pm[2] === "save") {
        return send(res, 200, { format: "hokushin-game", as: g.as, seed: g.seed, date: doc.months[g.i].date, orders: g.orders },
          { "Content-Disposition": `attachment; filename="hokushin-${pm[1]}.json"` });
      }
      const b = JSON.parse(await body(req) || "{}");
      // "months": N plays N months; null orders leave them to the model
      const n = b.months ?? 1;
      if (!Number.isInteger(n) || n < 1 || n > 1200) return send(res, 400, { error: "'months' must be a whole number from 1 to 1200" });
      const from = g.i;
      for (let k = 0; k < n && g.i < doc.months.length - 1; k++) { g.orders.push(b.orders ?? null); g.i++; }
      const st = doc.months[g.i];
      const played = new Set(doc.months.slice(from + 1, g.i + 1).map((m) => m.date));
      const events = doc.events.filter((e) => played.has(e.date.slice(0, 7)));
      return send(res, 200, { state: { ...st, next: doc.months[g.i + 1]?.date ?? null, over: g.i === doc.months.length - 1, events }, events });
    }
    if (p === "/api/play/load" && req.method === "POST") {
      let s;
      try { s = JSON.parse(await body(req)); } catch { return send(res, 400, { error: "not a saved game" }); }
      const id = "g" + next++;
      games.set(id, { as: s.as, seed: s.seed, i: doc.months.findIndex((m) => m.date === s.date), orders: s.orders || [] });
      const gi = games.get(id).i;
      return send(res, 200, { game: id, state: { ...doc.months[gi], next: doc.months[gi + 1]?.date ?? null, over: false, events: [] } });
    }
    if (p.startsWith("/api/")) return send(res, 404, { error: `no endpoint ${req.method} ${p}` });
    const file = normalize(join(WEB, "dist", p === "/" ? "index.html" : p));
    if (!file.startsWith(join(WEB, "dist")) || !existsSync(file)) { res.writeHead(404); return res.end("not found"); }
    res.writeHead(200, { "Content-Type": MIME[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  } catch (e) { send(res, 500, { error: String(e) }); }
}).listen(port, "127.0.0.1", () => console.log(`mock hokushin serve on http://127.0.0.1:${port}`));
