// tour.mjs — the page used as its users use it, against a running
// `hokushin serve`, at desktop (1366×900) and phone (390×844) size, with a
// screenshot of each view for a person to look at and the figures a look
// would check (sideways overflow, text cut at a box's edge):
//   node tests/tour.mjs http://127.0.0.1:8080 /tmp/tour
// Not a test: it stops at nothing and prints what it saw.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, setSlider } from "./lib.mjs";

const base = process.argv[2] || "http://127.0.0.1:8080";
const out = process.argv[3] || "/tmp/tour";
mkdirSync(out, { recursive: true });
const browser = await launch();
const say = (...a) => console.log(...a);

async function open(w, h, hash = "") {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => say("  pageerror", String(e)));
  page.on("dialog", (d) => d.accept());
  await page.goto(base + "/" + hash);
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
  await page.waitForTimeout(300);
  return page;
}
async function shot(page, name, full = false) {
  await page.screenshot({ path: join(out, name), fullPage: full });
  // what a look checks: the page's width, and elements whose text is cut
  const f = await page.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth;
    const cut = [];
    for (const e of document.querySelectorAll("body *")) {
      const r = e.getBoundingClientRect();
      if (!r.width || getComputedStyle(e).visibility === "hidden" || e.closest("svg, [hidden]")) continue;
      if (r.right > W + 1 && !e.closest("#timeline, .scroll-x, table, .war-card")) cut.push(`${e.tagName.toLowerCase()}#${e.id || ""}.${e.className || ""} right ${Math.round(r.right)}`);
    }
    return { wide, W, cut: cut.slice(0, 5) };
  });
  say(`  ${name}: width ${f.wide}/${f.W}${f.cut.length ? `, past the right edge: ${f.cut.join("; ")}` : ""}`);
}

for (const [tag, w, h] of [["desktop", 1366, 900], ["phone", 390, 844]]) {
  say(`== ${tag} ${w}×${h}`);
  // ---- the record, month by month through 1945-08 ----
  let p = await open(w, h, "#1945-05");
  let prev = null;
  for (const d of ["1945-05", "1945-06", "1945-07", "1945-08", "1945-09"]) {
    await setSlider(p, d);
    await p.waitForTimeout(150);
    const fills = await p.$$eval("#map .region .region-dot", (cs) => cs.map((c) => `${c.closest(".region").dataset.id}=${c.dataset.controller}`));
    const changed = prev ? fills.filter((x, i) => x !== prev[i]) : [];
    const fronts = await p.locator("#map .front").count(), arrows = await p.locator("#map .offensive").count();
    const war = await p.locator("#war-card").isVisible();
    say(`  ${d}: ${changed.length} regions changed hands (${changed.slice(0, 6).join(" ")}), ${fronts} front segments, ${arrows} arrows, war panel ${war ? "shown" : "hidden"}`);
    prev = fills;
    if (d >= "1945-07") await shot(p, `${tag}-${d}.png`);
  }
  // a front of the war opens its details
  await setSlider(p, "1945-08");
  if (tag === "phone") { await p.locator("#war-card").scrollIntoViewIfNeeded(); await shot(p, `${tag}-1945-08-war.png`); }
  if (await p.locator("#war-card tr.front-row").count()) {
    await p.locator("#war-card tr.front-row").first().click();
    say(`  front details: ${(await p.textContent("#details h3")).trim()}`);
  }
  await p.close();

  // ---- 1939-08, a force clicked ----
  p = await open(w, h, "#1939-08");
  await shot(p, `${tag}-1939-08.png`);
  const c = await p.$eval("#map .force.force-sv circle", (x) => { const b = x.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; }).catch(() => null);
  if (c) { await p.mouse.click(...c); say(`  force clicked: ${(await p.textContent("#details h3")).trim()}`); }
  if (tag === "phone") await shot(p, `${tag}-1939-08-full.png`, true);

  // ---- careless inputs: runs = -5 ----
  await p.click("#tab-btn-whatif");
  await p.waitForFunction(() => document.querySelectorAll("#wi-param option").length > 1, null, { timeout: 15000 });
  await p.fill("#wi-runs", "-5");
  await p.locator('#wi-without input[value="neutrality_pact"]').check().catch(() => p.locator("#wi-without input").first().check());
  await p.click("#wi-run");
  await p.waitForSelector("#wi-error:not([hidden])", { timeout: 15000 }).catch(() => {});
  say(`  runs=-5: ${(await p.textContent("#wi-error")).trim()}`);
  await p.locator("#wi-error").scrollIntoViewIfNeeded();
  await shot(p, `${tag}-runs-negative.png`);
  // a bad --set key typed into the date box is not possible; the parameter list is closed: the API is asked
  const bad = await p.evaluate(async () => { const r = await fetch("/api/whatif", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ runs: 20, set: ["incident.base_rat=2"] }) }); return `${r.status} ${await r.text()}`; });
  say(`  API --set incident.base_rat=2: ${bad}`);

  // ---- a what-if, its command, its downloads, opened as a history ----
  await p.fill("#wi-runs", "200");
  await p.click("#wi-run");
  await p.waitForSelector("#wi-result tr.outcome", { timeout: 180000 });
  say(`  command: ${await p.textContent("#wi-cmd")}`);
  await p.locator("#wi-result-card").scrollIntoViewIfNeeded();
  await shot(p, `${tag}-whatif.png`);
  for (const fmt of ["csv"]) {
    const [dl] = await Promise.all([p.waitForEvent("download"), p.click(`#wi-result-card .dl button[data-fmt="${fmt}"]`)]);
    const t = readFileSync(await dl.path(), "utf8");
    say(`  what-if ${fmt}: ${dl.suggestedFilename()}, ${t.split("\n").length - 1} rows; ${t.split("\n")[0]}`);
  }
  const url = p.url();
  await p.click("#wi-sample");
  await p.waitForFunction(() => /simulate --seed/.test(document.getElementById("sample-text").textContent), null, { timeout: 60000 });
  say(`  sample: ${(await p.textContent("#sample-text")).trim()}`);
  await setSlider(p, "1941-04");
  await shot(p, `${tag}-sample.png`);
  await p.click("#sample-back");
  // the copied URL in a fresh page
  const p2 = await open(w, h, url.slice(url.indexOf("#")));
  await p2.waitForSelector("#wi-result tr.outcome", { timeout: 180000 }).catch(() => {});
  say(`  copied URL: month ${await p2.textContent("#month-label")}, command ${await p2.textContent("#wi-cmd")}, ${await p2.locator("#wi-result tr.outcome").count()} outcomes`);
  await p2.close();
  // chart downloads
  await p.click('#tabs button[data-tab="history"]');
  for (const fmt of ["csv", "svg", "png"]) {
    const [dl] = await Promise.all([p.waitForEvent("download"), p.click(`#chart-forces .dl button[data-fmt="${fmt}"]`)]);
    const b = readFileSync(await dl.path());
    say(`  chart ${fmt}: ${dl.suggestedFilename()}, ${b.length} bytes`);
  }
  await p.close();

  // ---- a first game: walkthrough, advisor, a skip, the end screen ----
  p = await open(w, h, "#tab=play");
  await p.evaluate(() => localStorage.removeItem("hokushin-walkthrough"));
  await p.click("#pl-start");
  await p.waitForSelector("#pl-walk:not([hidden])", { timeout: 30000 });
  await p.locator("#pl-walk").scrollIntoViewIfNeeded();
  await shot(p, `${tag}-walkthrough.png`);
  while (await p.locator("#pl-walk").isVisible()) await p.click("#pl-walk-next");
  say(`  advisor: ${(await p.textContent("#pl-advice")).trim().slice(0, 160)}`);
  await p.locator("#pl-advice").scrollIntoViewIfNeeded();
  await shot(p, `${tag}-advisor.png`);
  await p.fill("#pl-skip-n", "400");
  await p.click("#pl-skip");
  await p.waitForSelector("#pl-end:not([hidden])", { timeout: 120000 });
  await p.locator("#pl-end").scrollIntoViewIfNeeded();
  await shot(p, `${tag}-end.png`);
  say(`  end: ${(await p.textContent("#pl-end h3")).trim()}; ${(await p.textContent("#pl-end p")).trim()}`);
  await p.close();

  // ---- sources ----
  p = await open(w, h, "#1939-08&tab=sources");
  await p.click('#tabs button[data-tab="history"]');
  await p.locator("#timeline li", { hasText: "Nomonhan" }).first().click().catch(() => {});
  const cite = p.locator("#details a.cite").first();
  if (await cite.count()) { await cite.click(); await p.locator("#src-cited").scrollIntoViewIfNeeded(); await shot(p, `${tag}-sources.png`); }
  await p.close();
}
await browser.close();
