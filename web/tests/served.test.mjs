// served.test.mjs — the page served by `hokushin serve`: it loads the replay
// from /api/replay, the slider moves the state, a what-if runs to the end
// (POST /api/whatif, job polling), a game turn is played, saved and loaded
// back (/api/play...), and a game skipped to 1941 as Japan is saved, plays
// three turns, and plays them again identically from the save in a fresh page.
//   node tests/served.test.mjs PATH_TO_hokushin
// Starts the server on the first free port from 18000 and stops it after.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import { launch, openPage, check, step, done, shot, setSlider, unexpectedErrors } from "./lib.mjs";

const HK = process.argv[2] || process.env.HK_BIN;
if (!HK) { console.error("usage: node tests/served.test.mjs PATH_TO_hokushin"); process.exit(2); }

function portFree(port) {
  return new Promise((res) => {
    const s = createServer().once("error", () => res(false)).once("listening", () => s.close(() => res(true)));
    s.listen(port, "127.0.0.1");
  });
}
let port = 18000;
while (!(await portFree(port))) port++;
const base = `http://127.0.0.1:${port}`;

const server = spawn(HK, ["serve", "--bind", "127.0.0.1", "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
let serverLog = "";
server.stdout.on("data", (d) => { serverLog += d; });
server.stderr.on("data", (d) => { serverLog += d; });
let exited = null;
server.on("exit", (code) => { exited = code; });
const stopServer = () => { if (exited === null) server.kill("SIGTERM"); };
process.on("exit", stopServer);

async function waitUp() {
  for (let i = 0; i < 150; i++) {
    if (exited !== null) throw new Error(`hokushin serve exited with ${exited}: ${serverLog.slice(-500)}`);
    try { const r = await fetch(base + "/"); if (r.ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("hokushin serve did not answer within 30 s");
}

/* RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [], f = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c; }
    else if (c === '"') q = true;
    else if (c === ",") { row.push(f); f = ""; }
    else if (c === "\n") { row.push(f.replace(/\r$/, "")); rows.push(row); row = []; f = ""; }
    else f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  return rows;
}

let browser;
try {
  await waitUp();
  browser = await launch();
  const { page, errors, outside } = await openPage(browser, (u) => u.startsWith(base) || u.startsWith("blob:") || u.startsWith("data:"));
  // Errors the page reports on purpose (a failed API fetch it then shows) are not page errors; every other failed load is (unexpectedErrors).
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });

  await step("loads from the server", async () => {
    check((await page.textContent("#mode-badge")) === "live", "served mode");
    check(await page.locator("#banner").isHidden(), "no error banner");
    check((await page.locator("path.coast").count()) > 30, "coastlines drawn");
    check((await page.locator("#map .region").count()) > 5, "regions drawn");
    check(await page.locator("#tab-btn-whatif").isVisible(), "what-if tab shown");
  });

  // A browser asks for the page's icon, at /favicon.ico unless the page names
  // one, and logs a 404 in the console when there is none (headless Chromium
  // does not ask, so the test asks for it).
  await step("the page has an icon", async () => {
    const href = await page.evaluate(() => document.querySelector("link[rel~='icon']")?.href ?? null);
    if (href && href.startsWith("data:")) {
      check(/^data:image\/(svg\+xml|png|x-icon)[;,]/.test(href) && href.length > 40, `the page names an inline icon (${href.slice(0, 40)})`);
    } else {
      const res = await page.request.get(href ?? base + "/favicon.ico");
      check(res.status() === 200, `${href ?? "/favicon.ico"} answers ${res.status()}`);
    }
  });

  await step("slider moves the state", async () => {
    await setSlider(page, "1930-01");
    const before = await page.textContent("#state");
    check(await setSlider(page, "1939-08"), "slider reaches 1939-08");
    check((await page.textContent("#state")) !== before, "state bar changed between 1930-01 and 1939-08");
    check((await page.locator("#map .force").count()) > 0, "forces drawn in 1939-08");
    await shot(page, "served-1939-08.png");
  });

  await step("what-if runs to the end", async () => {
    await page.click("#tab-btn-whatif");
    await page.waitForFunction(() => document.querySelectorAll("#wi-param option").length > 1, null, { timeout: 15000 });
    check((await page.locator("#wi-param option").count()) > 1, "parameters listed from /api/params");
    await page.fill("#wi-runs", "40");
    const box = page.locator('#wi-without input[value="molotov_ribbentrop_pact"]');
    if (await box.count()) await box.check(); else await page.locator("#wi-without input").first().check();
    await page.click("#wi-run");
    await page.waitForSelector("#wi-result tr.outcome", { timeout: 180000 });
    const rows = await page.locator("#wi-result tr.outcome").count();
    check(rows >= 5, `outcomes shown against the baseline (${rows})`);
    check((await page.locator('#wi-result tr.outcome[data-name="neutrality_pact_signed"] [title="neutrality_pact_signed"]').count()) === 1, "neutrality_pact_signed among them, its id in a tooltip");
    const wt = await page.textContent("#wi-result");
    check(!/[a-z]+_[a-z_]+/.test(wt), "no outcome shown by its id");
    check(/history: \S/.test(wt), "the record beside the outcomes");
    check(/ pts/.test(wt) && !/\b19\d\d\.\d/.test(wt), "changes in percentage points, no year as a decimal");
    check(await page.locator("#wi-error").isHidden(), "no what-if error");
    const deltas = await page.$$eval("#wi-result tr.outcome td:last-child", (tds) => tds.map((t) => t.textContent.trim()));
    check(deltas.some((t) => /^[+-]?\d/.test(t)), `changes shown (${deltas.slice(0, 3).join(" | ")})`);
    await shot(page, "served-whatif.png");
  });

  await step("a copied URL shows the same month and what-if", async () => {
    await page.evaluate(() => document.activeElement?.blur());
    const url = page.url();
    check(/without=/.test(url) && /runs=40/.test(url) && /tab=whatif/.test(url), `the URL holds the what-if (${url.replace(base, "")})`);
    const cmd = await page.textContent("#wi-cmd");
    check(/^hokushin whatif --runs 40 --seed \d+ .*--without \S+/.test(cmd), `the equivalent command is shown (${cmd})`);
    const month = await page.textContent("#month-label");
    const p2 = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await p2.goto(url);
    await p2.waitForSelector("body[data-ready='1']", { timeout: 30000 });
    check((await p2.textContent("#month-label")) === month, `the same month (${month})`);
    check(await p2.locator("#tab-whatif").isVisible(), "the what-if tab open");
    check((await p2.textContent("#wi-cmd")) === cmd, "the same what-if settings");
    await p2.waitForSelector("#wi-result tr.outcome", { timeout: 120000 });
    check((await p2.locator("#wi-result tr.outcome").count()) > 0, "and its result");
    // a CSV of the result whose rows match the JSON the API answers for it
    const [dl] = await Promise.all([p2.waitForEvent("download"), p2.click('#wi-result-card .dl button[data-fmt="csv"]')]);
    const csv = parseCsv(readFileSync(await dl.path(), "utf8"));
    const body = { runs: 40, seed: +cmd.match(/--seed (\d+)/)[1], set: [], without: [...cmd.matchAll(/--without (\S+)/g)].map((x) => x[1]) };
    let r = await (await fetch(base + "/api/whatif", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })).json();
    while (r.job && !r.outcomes) {
      await new Promise((z) => setTimeout(z, 300));
      const j = await (await fetch(base + r.job)).json();
      r = j.status === "done" ? j.result : { job: r.job };
    }
    const rows = csv.slice(1);
    check(rows.length === Object.keys(r.outcomes).length, `one CSV row per outcome (${rows.length})`);
    check(rows.every((row) => { const o = r.outcomes[row[0]]; return o && Math.abs(+row[6] - (o.p ?? o.mean)) < 1e-9; }), "each row's what-if value is the API's");
    // the what-if opened as a sample history on the map and the timeline
    await p2.click("#wi-sample");
    await p2.waitForFunction(() => /simulate --seed \d+/.test(document.getElementById("sample-text").textContent), null, { timeout: 60000 });
    const st = await p2.textContent("#sample-text");
    check(body.without.every((w) => st.includes(`--without ${w}`)), `a sample history of the what-if is shown (${st.trim()})`);
    check(await p2.locator("#tab-history").isVisible() && (await p2.locator("#timeline li").count()) > 10, "on the map and the timeline");
    await p2.close();
  });

  await step("a chart's CSV matches the JSON API", async () => {
    await page.click('#tabs button[data-tab="history"]');
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click('#chart-doctrine .dl button[data-fmt="csv"]')]);
    const lines = readFileSync(await dl.path(), "utf8").trim().split(/\r?\n/);
    const api = await (await fetch(base + "/api/replay")).json();
    check(lines.length - 1 === api.months.length, `one row per month (${lines.length - 1} of ${api.months.length})`);
    const bad = lines.slice(1).filter((l, i) => { const [d, jpn] = l.split(","); return d !== api.months[i].date || +jpn !== +api.months[i].doctrine.JPN; });
    check(bad.length === 0, `every row's month and doctrine are the API's (${bad.slice(0, 2).join(" | ")})`);
    const [ev] = await Promise.all([page.waitForEvent("download"), page.click('#timeline-card .dl button[data-fmt="csv"], .card:has(#timeline) .dl button[data-fmt="csv"]')]);
    const evLines = readFileSync(await ev.path(), "utf8").trim().split(/\r?\n(?=\d{4}-)/);
    check(evLines.length - 1 === api.events.length, `the events CSV has every event (${evLines.length - 1} of ${api.events.length})`);
    const [svg] = await Promise.all([page.waitForEvent("download"), page.click('#chart-doctrine .dl button[data-fmt="svg"]')]);
    check(readFileSync(await svg.path(), "utf8").startsWith("<svg"), "the chart downloads as SVG");
    const [png] = await Promise.all([page.waitForEvent("download"), page.click('#chart-doctrine .dl button[data-fmt="png"]')]);
    check(readFileSync(await png.path()).subarray(1, 4).toString() === "PNG", "and as PNG");
    await page.click("#tab-btn-whatif");
  });

  await step("a what-if can be cancelled", async () => {
    await page.fill("#wi-runs", "100000");
    await page.click("#wi-run");
    await page.waitForSelector("#wi-cancel:not([hidden]), #wi-result tr.outcome", { timeout: 15000 });
    if (await page.locator("#wi-cancel").isVisible()) {
      await page.click("#wi-cancel");
      check((await page.textContent("#wi-error")).includes("Cancelled"), "cancel stops the job and says so");
      check(!(await page.locator("#wi-run").isDisabled()), "run button usable again");
    } else {
      console.log("     (the server finished 100000 runs before cancel could be clicked)");
    }
  });

  await step("a game turn is played, saved and loaded", async () => {
    await page.click("#tab-btn-play");
    await page.selectOption("#pl-as", "JPN");
    await page.click("#pl-start");
    await page.waitForSelector("#pl-game:not([hidden])", { timeout: 30000 });
    // the first game's walkthrough, once
    check(await page.locator("#pl-walk").isVisible(), "the first game opens a walkthrough");
    const steps = [];
    while (await page.locator("#pl-walk").isVisible() && steps.length < 10) {
      steps.push(await page.textContent("#pl-walk-text"));
      await page.click("#pl-walk-next");
    }
    check(steps.length >= 3 && /advisor/i.test(steps.join(" ")), `the walkthrough has ${steps.length} steps and names the advisor`);
    check(/In your place the model would/.test(await page.textContent("#pl-advice")), `the advisor line (${(await page.textContent("#pl-advice")).slice(0, 80)})`);
    const d0 = await page.textContent("#pl-date");
    check(/^\d{4}-\d{2}/.test(d0), `game starts at a month (${d0})`);
    check((await page.textContent("#state")).includes("your game"), "map shows the game");
    await page.locator("#pl-doctrine").fill("0.5");
    const t0 = await page.textContent("#pl-orders-title");
    await page.click("#pl-turn");
    await page.waitForFunction(() => document.querySelectorAll("#pl-log > li").length === 2, null, { timeout: 60000 });
    const d1 = await page.textContent("#pl-date"), t1 = await page.textContent("#pl-orders-title");
    check(d1 >= d0 && t1 !== t0, `the turn advanced the game (${d0}, ${t0} -> ${d1}, ${t1})`);
    check((await page.locator("#pl-log > li").count()) === 2, "turn log has two months");
    check(await page.locator("#pl-error").isHidden(), "no play error");
    const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), page.click("#pl-save")]);
    const path = await dl.path();
    const text = readFileSync(path, "utf8");
    let saved = null;
    try { saved = JSON.parse(text); } catch { /* checked below */ }
    check(saved !== null, `save gives a JSON file (${dl.suggestedFilename()}, ${text.length} bytes)`);
    await page.setInputFiles("#pl-load", path);
    await page.waitForFunction(() => document.querySelectorAll("#pl-log > li").length === 1, null, { timeout: 15000 });
    check((await page.textContent("#pl-date")) === d1 && (await page.textContent("#pl-orders-title")) === t1, "loading the save restores the month");
    await shot(page, "served-play.png");
  });

  await step("a game skipped to 1941 saves, loads and continues identically", async () => {
    const SEED = "3";
    // Three turns with chosen orders: north and reinforce; propose a treaty
    // and escalate incidents; south, withdraw, denounce a treaty and contain.
    // A treaty is the first of its list the page offers in the first game;
    // the loaded game must offer and get the same one.
    const TURNS = [
      { doctrine: "1", reinforce: "0.5", incidents: "model" },
      { doctrine: "0", reinforce: "0", propose: ["anti_comintern_pact", "neutrality_pact", "basic_convention_1925"], incidents: "escalate" },
      { doctrine: "-1", reinforce: "-0.5", denounce: ["neutrality_pact", "basic_convention_1925", "anti_comintern_pact"], incidents: "contain" },
    ];
    const chosen = TURNS.map(() => ({ propose: undefined, denounce: undefined }));
    // Keys sorted at every level, so that two equal objects give equal text.
    const canon = (v) => JSON.stringify(v, (k, x) => (x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));
    const offered = (p, sel) => p.$$eval(`${sel} option`, (os) => os.map((o) => o.value).filter(Boolean));
    // The treaty to pick for `which` ("propose"/"denounce") in turn i.
    async function treaty(p, i, which, label) {
      const list = TURNS[i][which];
      if (!list) return "";
      const there = await offered(p, `#pl-${which}`);
      // the first of the list the page offers, else the first it offers at all:
      // the game's state decides what can be proposed or denounced
      if (chosen[i][which] === undefined) chosen[i][which] = list.find((id) => there.includes(id)) || there[0] || "";
      const id = chosen[i][which];
      if (id === "") console.log(`     ${label} turn ${i + 1}: the page offers nothing to ${which} (the game's state)`);
      else check(there.includes(id), `${label} turn ${i + 1}: the page offers to ${which} ${id} (${there.join(", ")})`);
      return there.includes(id) ? id : "";
    }

    // Plays TURNS on `p` and records what the page shows and what the server answered after each.
    async function playTurns(p, label) {
      const rec = [];
      for (const [i, t] of TURNS.entries()) {
        await p.locator("#pl-doctrine").fill(t.doctrine);
        await p.locator("#pl-reinforce").fill(t.reinforce);
        await p.selectOption("#pl-propose", await treaty(p, i, "propose", label));
        await p.selectOption("#pl-denounce", await treaty(p, i, "denounce", label));
        await p.check(`input[name="pl-inc"][value="${t.incidents}"]`);
        await p.locator("#pl-war").uncheck();
        const before = await p.locator("#pl-log > li").count();
        const [res] = await Promise.all([
          p.waitForResponse((r) => r.url().endsWith("/turn") && r.request().method() === "POST", { timeout: 60000 }),
          p.click("#pl-turn"),
        ]);
        const sent = JSON.parse(res.request().postData() || "{}");
        const body = await res.json();
        await p.waitForFunction((n) => document.querySelectorAll("#pl-log > li").length === n + 1, before, { timeout: 15000 });
        rec.push({
          orders: canon(sent),
          date: await p.textContent("#pl-date"),
          next: await p.textContent("#pl-orders-title"),
          shown: await p.innerText("#pl-state"),
          log: await p.innerText("#pl-log > li:first-child"),
          state: canon(body.state),
          events: canon(body.events),
          doctrine: body.state?.doctrine?.JPN,
          treaties: (body.state?.treaties || []).join(","),
        });
      }
      return rec;
    }

    await page.selectOption("#pl-as", "JPN");
    await page.fill("#pl-seed", SEED);
    const oldId = await page.textContent("#pl-id");
    await page.click("#pl-start");
    await page.waitForTimeout(300);
    check(await page.locator("#pl-walk").isHidden(), "the walkthrough is not shown again");
    await page.waitForFunction((id) => document.querySelector("#pl-id").textContent !== id, oldId, { timeout: 30000 });
    const first = (await page.textContent("#pl-orders-title")).match(/\d{4}-\d{2}/)?.[0];
    check(!!first, `the new game gives orders for a month (${first})`);
    const ym = (d) => +d.slice(0, 4) * 12 + +d.slice(5, 7);
    const n = ym("1941-01") - ym(first || "1941-01");
    await page.fill("#pl-skip-n", String(n));
    check((await page.textContent("#pl-skip-to")) === "1940-12", `skipping ${n} months is shown to end in 1940-12`);
    await page.click("#pl-skip");
    await page.waitForFunction(() => document.querySelector("#pl-log > li.skipped"), null, { timeout: 60000 });
    check((await page.textContent("#pl-date")) === "1941-01", `the skip brings the turn of 1941-01 (${await page.textContent("#pl-date")})`);
    check((await page.textContent("#month-label")) === "1941-01", "the header shows the turn's month");
    check((await page.inputValue("#pl-skip-n")) === "12", "the skip box starts again at 12");
    check((await page.textContent("#pl-orders-title")) === "Orders for 1941-01", "orders are next for 1941-01");
    const skipLog = await page.innerText("#pl-log > li.skipped");
    check(skipLog.includes(`${n} months played by the model`), `the log records the skip (${skipLog.split("\n")[0]})`);
    check((await page.locator("#pl-log > li.skipped .log-ev").count()) > 10, `the skipped months' events are in the log (${await page.locator("#pl-log > li.skipped .log-ev").count()})`);
    check(await page.locator("#pl-error").isHidden(), "no play error after the skip");
    check((await page.textContent("#state")).includes("your game as JPN"), "the map shows the game after the skip");
    await page.locator("#pl-log > li.skipped summary").click();
    await page.locator("#pl-skip").scrollIntoViewIfNeeded();
    await shot(page, "served-play-skip.png");

    const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), page.click("#pl-save")]);
    const path = await dl.path();
    const saved = JSON.parse(readFileSync(path, "utf8"));
    // the save is any JSON (web/README.md); hokushin's names the next month and the months played
    check(saved.next === undefined || (saved.next === "1941-01" && saved.months_played === n),
      `the save is at 1941-01 after ${saved.months_played ?? "?"} months (${dl.suggestedFilename()})`);

    const one = await playTurns(page, "first game");
    // the header shows the turn's month: after playing 1941-01 the turn is 1941-02
    check(one.map((r) => r.date).join(" ") === "1941-02 1941-03 1941-04", `three turns played (${one.map((r) => r.date).join(" ")})`);
    const sentTreaty = (o, k, id) => o.includes(id ? `"${k}":"${id}"` : `"${k}":null`);
    check(one[0].orders.includes('"doctrine_push":1') && one[2].orders.includes('"incidents":"contain"') &&
      sentTreaty(one[1].orders, "propose_treaty", chosen[1].propose) && sentTreaty(one[2].orders, "denounce_treaty", chosen[2].denounce),
      `the chosen orders were sent (propose ${chosen[1].propose}, denounce ${chosen[2].denounce})`);
    check(new Set(one.map((r) => r.state)).size === 3, "each turn gives a different state");
    await shot(page, "served-play-1941-first.png");

    // A fresh page loads the save and plays the same turns.
    const fresh = await openPage(browser, (u) => u.startsWith(base) || u.startsWith("blob:") || u.startsWith("data:"));
    const p2 = fresh.page;
    await p2.goto(base + "/");
    await p2.waitForSelector("body[data-ready='1']", { timeout: 30000 });
    await p2.click("#tab-btn-play");
    await p2.setInputFiles("#pl-load", path);
    await p2.waitForFunction(() => document.querySelectorAll("#pl-log > li").length === 1, null, { timeout: 30000 });
    check((await p2.textContent("#pl-date")) === "1941-01" && (await p2.textContent("#pl-orders-title")) === "Orders for 1941-01",
      "the loaded save is at the turn of 1941-01, its orders for 1941-01");
    check((await p2.textContent("#pl-side")) === "Japan", "the loaded game is Japan's");
    const two = await playTurns(p2, "loaded game");
    for (let i = 0; i < TURNS.length; i++) {
      const a = one[i], b = two[i];
      check(b && a.orders === b.orders, `turn ${i + 1}: the same orders sent`);
      for (const k of ["date", "next", "shown", "log", "state", "events"])
        check(b && a[k] === b[k], `turn ${i + 1} (${a.date}): ${k} identical after loading${b && a[k] !== b[k] ? ` (${a[k].slice(0, 80)} | ${b[k].slice(0, 80)})` : ""}`);
    }
    console.log(`     treaties 1941-01..03: ${one.map((r) => r.treaties || "none").join(" | ")}; doctrine ${one.map((r) => r.doctrine).join(" ")}`);
    check(unexpectedErrors(fresh.errors).length === 0, `no script errors nor failed loads on the second page (${unexpectedErrors(fresh.errors).slice(0, 3).join(" | ")})`);
    check(fresh.outside.length === 0, "no request outside the server from the second page");
    await shot(p2, "served-play-1941.png");
    await p2.close();
  });

  await step("a phone's 390 px: no tab of the served page overflows sideways", async () => {
    const ph = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await ph.goto(base + "/#1939-08");
    await ph.waitForSelector("body[data-ready='1']", { timeout: 30000 });
    const width = () => ph.evaluate(() => document.documentElement.scrollWidth);
    check((await width()) <= 390, `the history tab fits (${await width()} px)`);
    for (const tab of ["whatif", "play", "sources"]) {
      await ph.click(`#phone-nav button[data-go="${tab}"]`);
      await ph.waitForTimeout(200);
      check((await width()) <= 390, `the ${tab} tab fits (${await width()} px)`);
    }
    // Play is one tap away, and its form starts within the first screen after the tap
    await ph.click('#phone-nav button[data-go="play"]');
    await ph.waitForTimeout(300);
    const y = await ph.evaluate(() => document.getElementById("pl-start").getBoundingClientRect().top);
    check(y > 0 && y < 844 - 40, `after one tap on Play its New game button is on screen (${Math.round(y)} px)`);
    await ph.click("#pl-start");
    await ph.waitForSelector("#pl-game:not([hidden])", { timeout: 30000 });
    check((await width()) <= 390, `a game fits (${await width()} px)`);
    const top = await ph.evaluate(() => document.querySelector("#pl-walk:not([hidden]), #pl-game").getBoundingClientRect().top);
    check(top >= 0 && top < 300, `the new game (its walkthrough) is brought into view (${Math.round(top)} px)`);
    await shot(ph, "served-phone-play.png");
    await ph.close();
  });

  await step("a war declared in a game: front orders through the page, region colours from the engine's control", async () => {
    // the engine's colours for the sides, as util.js has them
    const COLOR = { JPN: "#c0392b", MAN: "#c0392b", SOV: "#2563a8", MGL: "#2563a8", CHN: "#5b8c3a" };
    const colourOf = (actor) => COLOR[actor] || "#777";
    const ym = (d) => +d.slice(0, 4) * 12 + +d.slice(5, 7);
    const dots = () => page.$$eval("#map .region", (gs) => Object.fromEntries(gs.map((g) => {
      const c = g.querySelector(".region-dot");
      return [g.dataset.id, { fill: c.getAttribute("fill"), who: c.dataset.controller }];
    })));
    const turn = async (click) => {
      const before = await page.locator("#pl-log > li").count();
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/turn") && r.request().method() === "POST", { timeout: 120000 }),
        click(),
      ]);
      const body = await res.json();
      await page.waitForFunction((n) => document.querySelectorAll("#pl-log > li").length === n + 1, before, { timeout: 15000 });
      return { sent: JSON.parse(res.request().postData() || "{}"), body };
    };
    page.on("dialog", (d) => d.accept()); // "Declare general war?"
    await page.click("#tab-btn-play");
    await page.selectOption("#pl-as", "JPN");
    await page.fill("#pl-seed", "3");
    const oldId = await page.textContent("#pl-id");
    await page.click("#pl-start");
    await page.waitForFunction((id) => document.querySelector("#pl-id").textContent !== id, oldId, { timeout: 30000 });
    if (await page.locator("#pl-walk").isVisible()) await page.click("#pl-walk-skip");
    const first = (await page.textContent("#pl-orders-title")).match(/\d{4}-\d{2}/)[0];
    await page.fill("#pl-skip-n", String(ym("1940-12") - ym(first)));
    const peace = await turn(() => page.click("#pl-skip"));
    check(peace.body.state.next === "1940-12" && !peace.body.state.war, `the model plays to the turn of 1940-12 in peace (${peace.body.state.next})`);
    check(await page.locator("#pl-war-orders").isHidden(), "no war orders in peace");
    const dots0 = await dots();

    // declare war through the orders form
    await page.check("#pl-war");
    const decl = await turn(() => page.click("#pl-turn"));
    const st = decl.body.state;
    check(decl.sent.orders?.declare_war === true, "the declaration is sent");
    check(!!st.war && st.at_war, `the engine is at war (${st.date}, since ${st.war?.began})`);
    check((await page.locator("#pl-log > li:first-child .log-ev.mine[data-kind=war]").count()) === 1, "the log names the war as the player's own decision");
    // the map colours each region by the engine's control, and a region the war took changed colour
    const dots1 = await dots();
    const wrong = Object.entries(st.control || {}).filter(([id, who]) => dots1[id] && (dots1[id].who !== who || dots1[id].fill !== colourOf(who)));
    check(Object.keys(st.control || {}).length > 10 && wrong.length === 0,
      `every region is coloured by the engine's control (${wrong.slice(0, 3).map(([id, w]) => `${id}: ${w} shown ${dots1[id].who}`).join(", ")})`);
    const changed = Object.keys(st.control || {}).filter((id) => dots0[id] && peace.body.state.control?.[id] !== st.control[id]);
    const recoloured = changed.filter((id) => dots0[id].fill !== dots1[id].fill);
    check(changed.length > 0 && recoloured.length > 0, `regions taken in the war change colour on the map (${recoloured.slice(0, 6).join(", ")} of ${changed.length} changed hands)`);
    check((await page.locator("#map .front").count()) > 0, "the front line is drawn");
    // the war panel, with each side named as it was in 1940
    check(await page.locator("#war-card").isVisible(), "the war panel shows the game's war");
    const wt = await page.textContent("#war-card");
    check(/the USSR/i.test(wt) && !/Soviet Russia/.test(wt), `the war panel names the USSR as it was in 1940 (${wt.replace(/\s+/g, " ").slice(0, 90)})`);

    // the advisor says what the model would order on the fronts, and why
    const adv = await page.textContent("#pl-advice");
    check(/would (attack|hold|withdraw) on /.test(adv) && /because|where/.test(adv) && !/days of general war/.test(adv),
      `the advisor gives the model's orders on the fronts (${adv.replace(/\s+/g, " ").slice(0, 110)})`);

    // orders on each front and a reinforcement target, through the page
    const fronts = st.war.fronts;
    check(await page.locator("#pl-war-orders").isVisible(), "the war orders show during the war");
    const sels = page.locator("#pl-fronts select");
    check((await sels.count()) === fronts.length, `one order per front (${await sels.count()} of ${fronts.length})`);
    const want = {};
    for (const [i, f] of fronts.entries()) {
      want[f.sector] = ["attack", "hold", "withdraw"][i % 3];
      await page.selectOption(`#pl-fronts select[data-sector="${f.sector}"]`, want[f.sector]);
    }
    await page.selectOption("#pl-reinforce-front", fronts[0].sector);
    await shot(page, "served-war-orders.png");
    const ord = await turn(() => page.click("#pl-turn"));
    check(JSON.stringify(ord.sent.orders?.fronts) === JSON.stringify(want), `the front orders are sent (${JSON.stringify(ord.sent.orders?.fronts)})`);
    check(ord.sent.orders?.reinforce_front === fronts[0].sector, `reinforcements go to ${fronts[0].sector}`);
    check(ord.body.state.date === "1941-01", `the engine played the month (${ord.body.state.date})`);
    // the page shows the engine's postures, not the orders it sent
    const st2 = ord.body.state;
    if (st2.war) {
      const shown = await page.$$eval("#pl-fronts .front-order", (rows) => rows.map((r) => r.querySelector(".muted").textContent));
      check(st2.war.fronts.every((f, i) => shown[i]?.endsWith(`now ${f.posture.JPN}`)), `each front shows the engine's posture (${shown.map((t) => t.split("now ")[1]).join(", ")})`);
      const dots2 = await dots();
      const wrong2 = Object.entries(st2.control || {}).filter(([id, who]) => dots2[id] && dots2[id].fill !== colourOf(who));
      check(wrong2.length === 0, "the map follows the engine's control in the next month too");
    }
    // the war runs to its end, and the log says why it ended (the engine's `reason`)
    let peaceEv = null;
    for (let i = 0; i < 24 && !peaceEv && !(await page.locator("#pl-turn").isDisabled()); i++) {
      const t = await turn(() => page.click("#pl-turn"));
      peaceEv = (t.body.events || []).find((e) => e.kind === "peace") || null;
    }
    check(!!peaceEv?.reason, `the engine ends the war with a reason (${peaceEv?.reason_id})`);
    const why = await page.locator("#pl-log .log-ev[data-kind=peace]").first().textContent().catch(() => "");
    const plain = (t) => String(t || "").replace(/(\d),(?=\d{3})/g, "$1"); // the page groups digits
    check(!!peaceEv?.reason && plain(why).includes(plain(peaceEv.reason)), `the end of the war is explained in the log (${why.replace(/\s+/g, " ").slice(0, 120)})`);
    check(await page.locator("#pl-war-orders").isHidden(), "no war orders once the war has ended");
    check(plain(await page.textContent("#war-card")).includes(plain(peaceEv?.reason) || "?"), "the war panel says why it ended");
    await shot(page, "served-war-end.png");

    // the rest of the game, played by the model, to its end screen
    await page.fill("#pl-skip-n", "400");
    await turn(() => page.click("#pl-skip"));
    check(await page.locator("#pl-end").isVisible(), "the game ends with its end screen");
    const rows = await page.locator("#pl-end tr[data-name]").count();
    const endText = await page.textContent("#pl-end");
    check(rows >= 5 && /history/.test(endText) && !/[a-z]+_[a-z_]+/.test(endText), `the end screen compares ${rows} outcomes with history, in words`);
    check(await page.locator("#pl-turn").isDisabled() && await page.locator("#pl-skip").isDisabled(), "no turn can be played after the end");
    await page.locator("#pl-end").scrollIntoViewIfNeeded();
    await shot(page, "served-game-end.png");
  });

  check(outside.length === 0, `no request outside the server (${outside.slice(0, 3).join(" ")})`);
  check(unexpectedErrors(errors).length === 0, `no script errors nor failed loads outside the API (${unexpectedErrors(errors).slice(0, 3).join(" | ")})`);
} catch (e) {
  check(false, e.message);
} finally {
  if (browser) await browser.close();
  stopServer();
}
done("served test");
