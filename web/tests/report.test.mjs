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
    const bare = (await page.locator("#timeline li .text").allTextContents()).filter((t) => /(?<![\w.:/,])\d{5,}(?!\w|\.\d)/.test(t));
    check(bare.length === 0, `event texts write large numbers with thousands separators (${bare.length} without: ${bare[0] || ""})`);
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
    /* the timeline lists the events in the page's order (data.js: by date,
     * a month's own lines before its dated days), not the file's */
    const byDate = doc.events.filter((x) => x && x.date).slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const mid = Math.floor(byDate.length / 2);
    const e = byDate[mid];
    await page.locator("#timeline li").nth(mid).click();
    check((await page.textContent("#month-label")) === e.date.slice(0, 7), `slider at the event's month ${e.date.slice(0, 7)}`);
    check((await page.textContent("#details")).includes(e.source.split(/;\s*/)[0]), "event source shown");
  });

  if (doc.sources?.seeds?.length) await step("a citation opens its entry in the bibliography", async () => {
    // the seeds' text is read from beside the checkout (../shared/seeds or
    // HK_SHARED_DIR); without it the bibliography names the lines but quotes
    // none, and what needs a quotation is skipped, not passed
    const quoting = doc.sources.seeds.some((z) => (z.lines || []).some((l) => l.text));
    if (!quoting) console.log("skip the seeds' text is not beside the checkout: no cited line to quote");
    // an event citing a seed line whose text the bibliography has
    let seed = null, line = null;
    const e = doc.events.find((x) => String(x.source || "").split(/;\s*/).some((c) => {
      const m = /^(.+\.txt):(\d+)$/.exec(c);
      seed = m && doc.sources.seeds.find((z) => z.file === m[1]);
      line = seed && seed.lines.find((l) => l.line === +m[2] && l.text);
      return !!line;
    }));
    if (quoting) check(!!e, "an event cites a seed line the bibliography quotes");
    if (e) {
      await page.locator("#timeline li", { hasText: String(e.text).slice(0, 60) }).first().click();
      await page.locator(`#details a.cite[data-cite="${seed.file}:${line.line}"]`).first().click();
      check(await page.locator("#tab-sources").isVisible(), "the Sources tab opens");
      const cited = await page.textContent("#src-cited");
      check(cited.includes(seed.title), `the seed is named by its title (${seed.title})`);
      check(cited.includes(line.text.slice(0, 40)), "the cited line's text is shown");
      await shot(page, `${label}-sources.png`);
    }
    // every seed document is named by its title, wherever the scenario was loaded from
    const untitled = doc.sources.seeds.filter((z) => !z.title).map((z) => z.file);
    check(untitled.length === 0, `the bibliography has every seed's title (${untitled.join(", ")})`);
    const shown = await page.$$eval("#tab-sources .bib li[data-key$='.txt'] > b", (bs) => bs.map((b) => b.textContent));
    check(shown.length === doc.sources.seeds.length && shown.every((t, i) => t === doc.sources.seeds[i].title),
      `the Sources tab names each seed by its title (${shown.slice(0, 2).join(" | ")})`);
    // a citation of a range of lines (FILE:12-14) shows the whole passage
    let range = null;
    for (const ev of doc.events) for (const c of String(ev.source || "").split(/;\s*/)) {
      const m = /^(.+\.txt):(\d+)-(\d+)$/.exec(c);
      if (m && !range) range = { ev, c, file: m[1], from: +m[2], to: +m[3] };
    }
    if (range && quoting) {
      await page.click('#tabs button[data-tab="history"]');
      await page.locator("#timeline li", { hasText: String(range.ev.text).slice(0, 60) }).first().click();
      const a = page.locator(`#details a.cite[data-cite="${range.c}"]`).first();
      const seed = doc.sources.seeds.find((z) => z.file === range.file);
      const all = seed.lines.filter((l) => l.line >= range.from && l.line <= range.to);
      check(all.length === range.to - range.from + 1, `the bibliography has every line of ${range.c} (${all.map((l) => l.line).join(", ")})`);
      const lines = all.filter((l) => l.text); // a blank line of the seed quotes nothing
      const tip = await a.getAttribute("title");
      check(lines.length > 1 && tip.includes(lines[0].text.slice(0, 30)) && tip.includes(`lines ${range.from}-${range.to}`) &&
        (lines.map((l) => l.text).join(" ").length > 600 || tip.includes(lines[lines.length - 1].text.slice(-30))),
        `the citation's tooltip quotes lines ${range.from}-${range.to}`);
      await a.click();
      const box = await page.textContent("#src-cited");
      check(lines.every((l) => box.includes(l.text)), `the citation ${range.c} shows the whole passage, not only its first line`);
      await shot(page, `${label}-range.png`);
    } else if (range) console.log(`skip the citation ${range.c}: no seed text to quote`);
    else console.log("     (no citation of a range of lines in this document)");
    const pub = doc.sources.publications.find((p) => p.cited > 0);
    check((await page.locator(`#tab-sources [id="src-${pub.id}"]`).textContent()).includes(pub.cite), `publication ${pub.id} listed with its full reference`);
    await page.click('#tabs button[data-tab="history"]');
  });

  await step("outcomes read as words, their ids in a tooltip, the record beside them", async () => {
    const text = await page.textContent("#summary");
    for (const k of Object.keys(doc.summary?.outcomes || {})) {
      check((await page.locator(`#summary [title="${k}"]`).count()) === 1, `outcome ${k} keeps its id in a tooltip`);
      check(!text.includes(k), `outcome ${k} is shown by its label, not its id`);
      const lab = doc.labels?.outcomes?.[k];
      if (lab) check(text.includes(lab.label) && (lab.history == null || (await page.textContent(`#summary tr[data-name="${k}"] .history`)) === lab.history),
        `outcome ${k}: "${lab.label}", history ${lab.history}`);
    }
    check(!/\b19\d\d\.\d/.test(text), "no year shown as a decimal");
  });

  await step("state bar agrees with the timeline", async () => {
    check(await setSlider(page, "1939-08"), "slider back at 1939-08");
    const mo = doc.months.find((x) => x.date === "1939-08") || doc.months[doc.months.length - 1];
    // the terminal timeline's words (src/out/timeline.c, docs/api.md)
    const d = +(mo.doctrine?.JPN ?? 0);
    const word = d >= 0.5 ? "strongly north" : d >= 0.15 ? "north" : d > -0.15 ? "undecided" : d > -0.5 ? "south" : "strongly south";
    const st = await page.textContent("#state");
    check(new RegExp(`Japan's doctrine\\s*${word} `).test(st), `doctrine chip says "${word}" for ${d} (${st.replace(/\s+/g, " ").slice(0, 60)})`);
    // and a month the timeline calls undecided, though leaning a little
    const un = doc.months.find((x) => { const v = +(x.doctrine?.JPN ?? 0); return v !== 0 && Math.abs(v) < 0.15; });
    if (un) {
      check(await setSlider(page, un.date), `slider at ${un.date}`);
      const t = await page.textContent("#state");
      check(/Japan's doctrine\s*undecided /.test(t), `doctrine chip says "undecided" for ${un.doctrine.JPN} at ${un.date}`);
      check(await setSlider(page, "1939-08"), "slider back at 1939-08");
    }
    // the border totals: each formation once (docs/api.md)
    // (src/out/timeline.c border_totals: on the other side's ground a force
    // is abroad; on its own side's ground it counts though the sector's
    // `forces` leave it out)
    const regionSector = new Map(sc.regions.map((r) => [r.id, r.sector]));
    const regionHome = new Map(sc.regions.map((r) => [r.id, r.controller]));
    const actorOf = new Map((sc.formations || []).map((f) => [f.id, f.actor]));
    const blocOf = (a) => (a === "JPN" || a === "MAN" ? 0 : a === "SOV" || a === "MGL" ? 1 : -1);
    const totals = (mo) => {
      const tot = [0, 0];
      for (const [fid, f] of Object.entries(mo.formations || {})) {
        const sec = regionSector.get(f.region), a = actorOf.get(fid), b = blocOf(a);
        if (!sec || b < 0 || !(f.men > 0)) continue;
        const holder = mo.control?.[f.region], home = regionHome.get(f.region);
        if (holder && ((holder !== a && blocOf(holder) !== b) || (blocOf(holder) === b && blocOf(home) >= 0 && blocOf(home) !== b))) continue;
        const side = Object.entries(mo.forces?.[sec] || {}).find(([x]) => blocOf(x) === b);
        if ((side && side[1].men > 0) || blocOf(home) === b) tot[b] += f.men;
      }
      return tot;
    };
    const k = (n) => (n >= 1e6 ? (n / 1e6).toFixed(1) + "M" : n >= 1e4 ? Math.round(n / 1e3) + "k" : n >= 1e3 ? (n / 1e3).toFixed(1) + "k" : String(Math.round(n)));
    let tot = totals(mo);
    check(st.includes(`${k(tot[0])} : ${k(tot[1])}`), `border chip ${k(tot[0])} : ${k(tot[1])} counts each formation once`);
    // the first month: the Korea Army's division on the Tumen counts, as the
    // timeline's border row counts it, though no sector's forces hold it yet
    const m0 = doc.months[0];
    check(await setSlider(page, m0.date), `slider at ${m0.date}`);
    tot = totals(m0);
    const st0 = await page.textContent("#state");
    check(tot[0] > 0 && st0.includes(`${k(tot[0])} : ${k(tot[1])}`), `border chip at ${m0.date} ${k(tot[0])} : ${k(tot[1])} (${st0.replace(/\s+/g, " ").slice(0, 90)})`);
    check(await setSlider(page, "1939-08"), "slider back at 1939-08");
  });

  // A long straight edge of a land outline inside the view is where the atlas
  // was cut: sea must not show on either side of it.
  const straightCuts = () => page.evaluate(() => {
    const svg = document.getElementById("map");
    const [, , W, H] = svg.getAttribute("viewBox").split(/\s+/).map(Number);
    const ctm = svg.getScreenCTM();
    const rect = svg.getBoundingClientRect();
    const fillAt = (x, y) => {
      const p = new DOMPoint(x, y).matrixTransform(ctm);
      if (p.x < rect.left || p.y < rect.top || p.x > rect.right || p.y > rect.bottom) return "out";
      const hit = document.elementsFromPoint(p.x, p.y).find((e) => e.classList?.contains("land") || e.classList?.contains("sea"));
      return hit ? (hit.classList.contains("land") ? "land" : "sea") : "none";
    };
    const cuts = [];
    for (const e of svg.querySelectorAll("path.land")) {
      const pts = [...(e.getAttribute("d") || "").matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [m[1], +m[2], +m[3]]);
      for (let i = 1; i < pts.length; i++) {
        if (pts[i][0] !== "L") continue;
        const [x0, y0] = pts[i - 1].slice(1), [x1, y1] = pts[i].slice(1), L = Math.hypot(x1 - x0, y1 - y0);
        if (L < 120) continue;
        const nx = -(y1 - y0) / L, ny = (x1 - x0) / L;
        for (let t = 0.05; t < 1; t += 0.05) {
          const x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
          if (x < 2 || y < 2 || x > W - 2 || y > H - 2) continue;
          const a = fillAt(x + 4 * nx, y + 4 * ny), b = fillAt(x - 4 * nx, y - 4 * ny);
          if (a === "sea" || b === "sea") { cuts.push(`${e.querySelector("title")?.textContent || e.getAttribute("class")} at ${x.toFixed(0)},${y.toFixed(0)}`); break; }
        }
      }
    }
    return cuts;
  });

  await step("no straight cut in the land at 1400 px", async () => {
    const cuts = await straightCuts();
    check(cuts.length === 0, `no straight land edge against the sea (${cuts.slice(0, 2).join("; ")})`);
  });

  await step("narrow window stacks the panels", async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.waitForTimeout(200);
    const map = await page.locator("#map-wrap").boundingBox();
    const right = await page.locator("#right").boundingBox();
    check(map && right && right.y >= map.y + map.height - 1, `panels below the map at 800 px (map ${map && Math.round(map.y + map.height)}, panels ${right && Math.round(right.y)})`);
    check(map && map.width > 700 && map.height > 350, `map keeps its size (${map && Math.round(map.width)}×${map && Math.round(map.height)})`);
    const w = await page.$$eval("#timeline li .text", (els) => Math.min(...els.slice(0, 20).map((e) => e.getBoundingClientRect().width)));
    check(w > 300, `event texts are wide enough to read (${Math.round(w)} px)`);
    const cuts = await straightCuts();
    check(cuts.length === 0, `no straight land edge against the sea at 800 px (${cuts.slice(0, 2).join("; ")})`);
    await page.screenshot({ path: join(SHOTS, `${label}-800.png`), fullPage: true });
    console.log(`     screenshot ${join(SHOTS, `${label}-800.png`)}`);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForTimeout(200);
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

  await step("a click on a force circle opens that force", async () => {
    check(await setSlider(page, "1939-08"), "at 1939-08");
    const forces = await page.$$eval("#map .force", (els) => els.map((e) => {
      const c = e.querySelector("circle").getBoundingClientRect();
      return { region: e.dataset.region, bloc: e.classList.contains("force-jp") ? "jp" : "sv", x: c.x + c.width / 2, y: c.y + c.height / 2 };
    }));
    let opened = 0;
    for (const f of forces) {
      await page.mouse.click(f.x, f.y);
      const h = await page.textContent("#details h3");
      const name = sc.regions.find((r) => r.id === f.region)?.name || f.region;
      if (h.startsWith("Forces at") && h.includes(name)) opened++;
      else console.log(`     clicked the force at ${f.region} (${f.bloc}) and got: ${h.slice(0, 60)}`);
    }
    check(forces.length > 0 && opened === forces.length, `every force circle clicked at its centre opens that force (${opened} of ${forces.length})`);
  });

  await step("zoom and pan", async () => {
    const before = await page.getAttribute("#map .viewport", "transform");
    await page.click("#zoom-in");
    await page.waitForTimeout(400);
    const after = await page.getAttribute("#map .viewport", "transform");
    check(after && after !== before && /scale\(1\.[5-9]/.test(after), `the map zooms in (${after})`);
    await page.click("#zoom-reset");
    await page.waitForTimeout(400);
  });

  if (doc.months.some((x) => x.control)) await step("region colours follow control month by month", async () => {
    // a region whose controller changes from one month to the next
    // during a war if the document has one
    let pair = null;
    const order = [...doc.months.keys()].slice(1).sort((i, j) => (doc.months[j].war ? 1 : 0) - (doc.months[i].war ? 1 : 0));
    for (const i of order) {
      if (pair) break;
      const a = doc.months[i - 1], b = doc.months[i];
      for (const [id, who] of Object.entries(b.control || {})) if (a.control?.[id] && a.control[id] !== who && sc.regions.some((r) => r.id === id)) { pair = { id, from: a, to: b }; break; }
    }
    check(!!pair, "the document has a change of control");
    if (!pair) return;
    const fill = async () => page.getAttribute(`#map .region[data-id="${pair.id}"] .region-dot`, "fill");
    await setSlider(page, pair.from.date);
    const f0 = await fill();
    await setSlider(page, pair.to.date);
    const f1 = await fill();
    check(f0 !== f1, `${pair.id} changes colour from ${pair.from.date} (${pair.from.control[pair.id]}, ${f0}) to ${pair.to.date} (${pair.to.control[pair.id]}, ${f1})`);
    if (pair.to.war) {
      check(await page.locator("#war-card").isVisible(), "the war panel shows during the war");
      // each side named as it was at the date (labels.actors' forms), not by its span's name
      const forms = doc.labels?.actors;
      if (forms) {
        const named = await page.$$eval("#war-card .war-sides .actor", (xs) => xs.map((x) => [x.dataset.actor, x.textContent]));
        const at = (id) => { let n = null; for (const f of forms[id]?.forms || []) if (f.from <= pair.to.date) n = f.name; return n || forms[id]?.name; };
        const bad = named.filter(([id, t]) => t.toLowerCase() !== String(at(id)).toLowerCase());
        check(named.length >= 2 && bad.length === 0, `the war panel names each side as it was in ${pair.to.date} (${named.map(([, t]) => t).join(", ")})`);
        check(!(await page.textContent("#war-card")).includes(forms.SOV?.name || "\u0000"), `not by the span's name "${forms.SOV?.name}"`);
      }
      check((await page.locator("#map .front").count()) > 0, "the front is drawn");
      const attacks = pair.to.war.fronts.some((f) => Object.values(f.posture || {}).includes("attack"));
      if (attacks) check((await page.locator("#map .offensive").count()) > 0, "an offensive has its arrow");
      await shot(page, `${label}-war.png`);
    }
    const peace = doc.events.find((e) => e.kind === "peace" && e.reason);
    if (peace) {
      await setSlider(page, peace.date.slice(0, 7));
      check((await page.textContent("#war-card")).includes(peace.reason), "the war panel says why the war ended");
    }
    // before Manchukuo, no Manchukuo on the map
    await setSlider(page, doc.months[0].date);
    check(!(await page.textContent("#map")).includes("MANCHUKUO"), "no Manchukuo on the map in the first month");
  });

  await step("the month is in the URL, and a copied URL opens it", async () => {
    await setSlider(page, "1939-09");
    const url = page.url();
    check(/#1939-09/.test(url), `the URL follows the slider (${url.slice(-30)})`);
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press("ArrowRight");
    check(/#1939-10/.test(page.url()), "and the arrow key");
    const p2 = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await p2.goto(page.url());
    await p2.waitForSelector("body[data-ready='1']", { timeout: 20000 });
    check((await p2.textContent("#month-label")) === "1939-10", "a copied URL opens the same month");
    await p2.close();
  });

  await step("a phone's 390 px: nothing overflows sideways", async () => {
    const p3 = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await p3.goto(pathToFileURL(file).href + "#1939-08");
    await p3.waitForSelector("body[data-ready='1']", { timeout: 20000 });
    const sw = await p3.evaluate(() => document.documentElement.scrollWidth);
    check(sw <= 390, `the page is no wider than the screen (${sw} px)`);
    check(await p3.locator("#month-label").isVisible() && (await p3.locator("#month-label").boundingBox()).x + (await p3.locator("#month-label").boundingBox()).width <= 390, "the month label is whole");
    const fs = await p3.$$eval("#map .region-label:not(.hidden-label)", (els) => els.map((e) => e.getBoundingClientRect().height));
    check(fs.length > 3 && Math.min(...fs) >= 9, `map labels are legible (${fs.length} shown, smallest ${Math.round(Math.min(...fs))} px high)`);
    await shot(p3, `${label}-phone.png`);
    await p3.close();
  });

  check(outside.length === 0, `no request outside the file (${outside.slice(0, 3).join(" ")})`);
  check(errors.length === 0, `no console errors at the end (${errors.slice(0, 3).join(" | ")})`);
  await page.close();
} finally {
  await browser.close();
}
done(`report test (${label})`);
