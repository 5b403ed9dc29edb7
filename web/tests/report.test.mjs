// report.test.mjs — the page in report mode: a stand-alone HTML file with
// the replay document inlined, opened from disk with no server and no
// network. By default the report is built from tests/fixtures/replay.json
// with scripts/make-report.mjs; HK_REPORT_HTML=FILE tests another report
// (the one `hokushin replay --out DIR` writes).
//   node tests/report.test.mjs
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WEB, SHOTS, launch, openPage, check, step, done, shot, setSlider } from "./lib.mjs";
import { makeReport } from "../scripts/make-report.mjs";

const label = process.env.HK_REPORT_LABEL || "report";
let file = process.env.HK_REPORT_HTML;
if (!file) {
  const dir = join(SHOTS, "..", "web-report");
  mkdirSync(dir, { recursive: true });
  file = join(dir, "index.html");
  writeFileSync(file, makeReport(readFileSync(join(WEB, "tests", "fixtures", "replay.json"), "utf8")));
}
// The document the page shows, read back from the file as the page does.
const html = readFileSync(file, "utf8");
const m = /<script id="hk-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
if (!m) { console.error(`${file}:1: no #hk-data document in the report`); process.exit(1); }
const doc = JSON.parse(m[1].replace(/<\\\//g, "</"));
const sc = doc.scenario;

// The battle of Khalkhin Gol / Nomonhan and where it was fought.
const kg = (sc.battles || []).find((b) => /khalkh|nomonhan/i.test(`${b.id} ${b.name}`));
const kgRegions = new Set((sc.regions || []).filter((r) => (kg && r.id === kg.region) || /khalkh|nomonhan|tamsag/i.test(`${r.id} ${r.name}`)).map((r) => r.id));

const browser = await launch();
try {
  const { page, errors, outside } = await openPage(browser, (u) => u.startsWith("file:") || u.startsWith("data:") || u.startsWith("blob:"));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });

  await step("loads", async () => {
    check(errors.length === 0, `no console errors (${errors.slice(0, 3).join(" | ")})`);
    check(await page.locator("#banner").isHidden(), "no error banner");
    check((await page.textContent("#mode-badge")) === "report", "report mode");
    check(await page.locator("#tab-btn-whatif").isHidden(), "what-if hidden in report mode");
  });

  await step("map draws", async () => {
    const coast = await page.locator("path.coast").count();
    check(coast > 30, `coastline paths drawn (${coast})`);
    const regions = await page.locator("#map .region").count();
    check(regions === sc.regions.filter((r) => Number.isFinite(+r.lat) && Number.isFinite(+r.lon)).length, `one dot per region (${regions} of ${sc.regions.length})`);
    const links = await page.locator("#map .link").count();
    check(links === sc.links.filter((l) => sc.regions.some((r) => r.id === l.from) && sc.regions.some((r) => r.id === l.to)).length, `one line per link (${links})`);
    const box = await page.locator("#map").boundingBox();
    check(box && box.width > 600 && box.height > 400, `map is large (${box && Math.round(box.width)}×${box && Math.round(box.height)})`);
    const tl = await page.locator("#timeline li").count();
    check(tl === doc.events.length, `timeline lists every event (${tl})`);
    check((await page.locator(".chart svg").count()) === 5, "five charts");
    if (doc.summary?.outcomes) {
      const n = await page.locator("#summary tr").count();
      check(n >= Object.keys(doc.summary.outcomes).length, `the run's outcomes listed (${n})`);
    }
  });

  await step("slider to 1939-08", async () => {
    const before = await page.textContent("#state");
    check(await setSlider(page, "1939-08"), "slider reaches 1939-08");
    check((await page.textContent("#month-label")) === "1939-08", "month label shows 1939-08");
    const after = await page.textContent("#state");
    check(before !== after, "state bar changed");
    const near = await page.$$eval("#map .force", (els) => els.map((e) => e.dataset.region));
    check(near.some((r) => kgRegions.has(r)), `forces shown at Khalkhin Gol / Nomonhan (${[...kgRegions].join(",")})`);
    const blocs = await page.$$eval("#map .force", (els, ids) => [...new Set(els.filter((e) => ids.includes(e.dataset.region)).map((e) => e.classList.contains("force-jp") ? "jp" : "sv"))], [...kgRegions]);
    check(blocs.length === 2, `both sides near Khalkhin Gol (${blocs.join(",")})`);
    if (kg) {
      const marks = await page.$$eval("#map .battle", (els) => els.map((e) => e.dataset.region));
      check(marks.some((r) => kgRegions.has(r)), `battle marker at Khalkhin Gol (${marks.join(",")})`);
    }
    check(await page.locator("#timeline li.current").count() > 0, "this month's events highlighted");
    const cx = await page.$$eval(".chart .cursor", (ls) => ls.map((l) => +l.getAttribute("x1")));
    check(cx.length === 5 && cx.every((x) => x > 0), "cursor on every chart");
    await shot(page, `${label}-1939-08.png`);
  });

  await step("click a region shows its source", async () => {
    const r = sc.regions.find((x) => kgRegions.has(x.id)) || sc.regions[0];
    await page.locator(`#map .region[data-id="${r.id}"] .region-hit`).dispatchEvent("click");
    const text = await page.textContent("#details");
    check(text.includes(r.name), `details name ${r.name}`);
    const first = String(r.source).split(/;\s*/)[0];
    check(first && text.includes(first), `details show the source ${first}`);
  });

  await step("click a force and a treaty", async () => {
    await page.locator("#map .force").first().dispatchEvent("click");
    check((await page.textContent("#details")).includes("Forces at"), "force details");
    const t = sc.treaties[sc.treaties.length - 1];
    await page.locator(`.treaty-row[data-id="${t.id}"] .row-label`).dispatchEvent("click");
    const text = await page.textContent("#details");
    check(text.includes(t.name) && text.includes(String(t.source).split(/;\s*/)[0]), `treaty details with source (${t.id})`);
    await shot(page, `${label}-treaty.png`);
  });

  await step("timeline click moves the slider", async () => {
    const e = doc.events[Math.floor(doc.events.length / 2)];
    await page.locator("#timeline li").nth(Math.floor(doc.events.length / 2)).click();
    check((await page.textContent("#month-label")) === e.date.slice(0, 7), `slider at the event's month ${e.date.slice(0, 7)}`);
    check((await page.textContent("#details")).includes(e.source.split(/;\s*/)[0]), "event source shown");
  });

  await step("play animates", async () => {
    await setSlider(page, sc.start || doc.months[0].date);
    await page.selectOption("#speed", "30");
    await page.click("#play-btn");
    await page.waitForFunction((d) => document.getElementById("month-label").textContent !== d, doc.months[0].date, { timeout: 5000 });
    await page.waitForTimeout(300);
    await page.click("#play-btn");
    const at = await page.textContent("#month-label");
    check(at > doc.months[0].date, `play moved the month (${at})`);
    await page.waitForTimeout(200);
    check((await page.textContent("#month-label")) === at, "pause stops");
  });

  check(outside.length === 0, `no request outside the file (${outside.slice(0, 3).join(" ")})`);
  check(errors.length === 0, `no console errors at the end (${errors.slice(0, 3).join(" | ")})`);
  await page.close();
} finally {
  await browser.close();
}
done(`report test (${label})`);
