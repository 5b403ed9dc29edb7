// served.test.mjs — the page served by `hokushin serve`: it loads the replay
// from /api/replay, the slider moves the state, a what-if runs to the end
// (POST /api/whatif, job polling), and a game turn is played, saved and
// loaded back (/api/play...).
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
    check((await page.textContent("#wi-result")).includes("neutrality_pact_signed"), "neutrality_pact_signed among them");
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

  check(outside.length === 0, `no request outside the server (${outside.slice(0, 3).join(" ")})`);
  check(errors.filter((e) => !/Failed to load resource/.test(e)).length === 0, `no script errors (${errors.slice(0, 3).join(" | ")})`);
} catch (e) {
  check(false, e.message);
} finally {
  if (browser) await browser.close();
  stopServer();
}
done("served test");
