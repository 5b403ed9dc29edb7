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
import { launch, openPage, check, step, done, shot, setSlider } from "./lib.mjs";

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

let browser;
try {
  await waitUp();
  browser = await launch();
  const { page, errors, outside } = await openPage(browser, (u) => u.startsWith(base) || u.startsWith("blob:") || u.startsWith("data:"));
  // Errors the page reports on purpose (a failed fetch it then shows) are not page errors; count only script errors.
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });

  await step("loads from the server", async () => {
    check((await page.textContent("#mode-badge")) === "live", "served mode");
    check(await page.locator("#banner").isHidden(), "no error banner");
    check((await page.locator("path.coast").count()) > 30, "coastlines drawn");
    check((await page.locator("#map .region").count()) > 5, "regions drawn");
    check(await page.locator("#tab-btn-whatif").isVisible(), "what-if tab shown");
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
      if (chosen[i][which] === undefined) chosen[i][which] = list.find((id) => there.includes(id)) || "";
      const id = chosen[i][which];
      check(id !== "" && there.includes(id), `${label} turn ${i + 1}: the page offers to ${which} ${id || list.join("/")} (${there.join(", ")})`);
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
    await page.waitForFunction((id) => document.querySelector("#pl-id").textContent !== id, oldId, { timeout: 30000 });
    const first = (await page.textContent("#pl-orders-title")).match(/\d{4}-\d{2}/)?.[0];
    check(!!first, `the new game gives orders for a month (${first})`);
    const ym = (d) => +d.slice(0, 4) * 12 + +d.slice(5, 7);
    const n = ym("1941-01") - ym(first || "1941-01");
    await page.fill("#pl-skip-n", String(n));
    check((await page.textContent("#pl-skip-to")) === "1940-12", `skipping ${n} months is shown to end in 1940-12`);
    await page.click("#pl-skip");
    await page.waitForFunction(() => document.querySelector("#pl-log > li.skipped"), null, { timeout: 60000 });
    check((await page.textContent("#pl-date")) === "1940-12", `the skip shows 1940-12 (${await page.textContent("#pl-date")})`);
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
    check(one.map((r) => r.date).join(" ") === "1941-01 1941-02 1941-03", `three turns played (${one.map((r) => r.date).join(" ")})`);
    check(one[0].orders.includes('"doctrine_push":1') && one[2].orders.includes('"incidents":"contain"') &&
      one[1].orders.includes(`"propose_treaty":"${chosen[1].propose}"`) && one[2].orders.includes(`"denounce_treaty":"${chosen[2].denounce}"`),
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
    check((await p2.textContent("#pl-date")) === "1940-12" && (await p2.textContent("#pl-orders-title")) === "Orders for 1941-01",
      "the loaded save is at 1940-12 with orders for 1941-01");
    check((await p2.textContent("#pl-side")) === "Japan", "the loaded game is Japan's");
    const two = await playTurns(p2, "loaded game");
    for (let i = 0; i < TURNS.length; i++) {
      const a = one[i], b = two[i];
      check(b && a.orders === b.orders, `turn ${i + 1}: the same orders sent`);
      for (const k of ["date", "next", "shown", "log", "state", "events"])
        check(b && a[k] === b[k], `turn ${i + 1} (${a.date}): ${k} identical after loading${b && a[k] !== b[k] ? ` (${a[k].slice(0, 80)} | ${b[k].slice(0, 80)})` : ""}`);
    }
    console.log(`     treaties 1941-01..03: ${one.map((r) => r.treaties || "none").join(" | ")}; doctrine ${one.map((r) => r.doctrine).join(" ")}`);
    check(fresh.errors.filter((e) => !/Failed to load resource/.test(e)).length === 0, "no script errors on the second page");
    check(fresh.outside.length === 0, "no request outside the server from the second page");
    await shot(p2, "served-play-1941.png");
    await p2.close();
  });

  check(outside.length === 0, `no request outside the server (${outside.slice(0, 3).join(" ")})`);
  check(errors.filter((e) => !/Failed to load resource/.test(e)).length === 0, `no script errors (${errors.slice(0, 3).join(" | ")})`);
} catch (e) {
  check(false, e.message);
} finally {
  if (browser) await browser.close();
  stopServer();
}
done("served test");
