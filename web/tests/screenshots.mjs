// screenshots.mjs — the README's pictures, from a running `hokushin serve`:
//   node tests/screenshots.mjs http://127.0.0.1:8080 ../docs/img
// desktop (1366×900): 1939-08 with a force opened, the replay's 1945-08 war,
// a what-if, a game with its advisor, a game's end screen; phone (390×844):
// 1939-08, the 1945-08 war panel, a first game's walkthrough.
import { launch, setSlider } from "./lib.mjs";
import { join } from "node:path";
const base = process.argv[2] || "http://127.0.0.1:8080";
const out = process.argv[3] || "../docs/img";
const browser = await launch();
const open = async (w, h, hash) => {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on("dialog", (d) => d.accept());
  await page.goto(base + "/" + hash);
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
  await page.waitForTimeout(300);
  return page;
};
const D = [1366, 900], PH = [390, 844];

let p = await open(...D, "#1939-08");
await p.mouse.click(...(await p.$eval("#map .force.force-sv circle", (c) => { const b = c.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; })));
await p.waitForTimeout(200);
await p.screenshot({ path: join(out, "page.png") });
await p.close();

p = await open(...D, "#1945-08");
await setSlider(p, "1945-08");
await p.waitForTimeout(200);
await p.screenshot({ path: join(out, "war.png") });
await p.close();

p = await open(...D, "#1939-08&tab=whatif&runs=2000&seed=1&without=neutrality_pact&ran=1");
await p.waitForSelector("#wi-result tr.outcome", { timeout: 180000 });
await p.evaluate(() => document.getElementById("wi-result-card").scrollIntoView());
await p.screenshot({ path: join(out, "whatif.png") });
await p.close();

p = await open(...D, "#tab=play");
await p.click("#pl-start");
await p.waitForSelector("#pl-walk:not([hidden])");
await p.click("#pl-walk-skip");
await p.fill("#pl-skip-n", "278");
await p.click("#pl-skip");
await p.waitForSelector("#pl-log > li.skipped");
await p.fill("#pl-skip-n", "12");
await p.evaluate(() => document.getElementById("pl-game").scrollIntoView());
await p.screenshot({ path: join(out, "play.png") });
await p.fill("#pl-skip-n", "400");
await p.click("#pl-skip");
await p.waitForSelector("#pl-end:not([hidden])", { timeout: 120000 });
await p.evaluate(() => document.getElementById("pl-end").scrollIntoView());
await p.screenshot({ path: join(out, "end.png") });
await p.close();

p = await open(...PH, "#1939-08");
await p.screenshot({ path: join(out, "phone.png") });
await p.close();

p = await open(...PH, "#1945-08");
await setSlider(p, "1945-08");
await p.evaluate(() => window.scrollTo(0, document.getElementById("map-wrap").getBoundingClientRect().top + window.scrollY));
await p.waitForTimeout(200);
await p.screenshot({ path: join(out, "phone-war.png") });
await p.close();

p = await open(...PH, "#1939-08");
await p.evaluate(() => localStorage.removeItem("hokushin-walkthrough"));
await p.click('#phone-nav button[data-go="play"]');
await p.click("#pl-start");
await p.waitForSelector("#pl-walk:not([hidden])");
await p.waitForTimeout(200);
await p.screenshot({ path: join(out, "phone-play.png") });
await p.close();
await browser.close();
