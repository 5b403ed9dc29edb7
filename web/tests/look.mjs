// look.mjs — screenshots of a served page at desktop and phone size, for a
// person to look at: node tests/look.mjs BASE_URL OUT_DIR
import { launch } from "./lib.mjs";
const base = process.argv[2] || "http://127.0.0.1:8181";
const out = process.argv[3] || "/tmp/webshots";
const browser = await launch();
for (const [name, w, h] of [["desktop", 1280, 800], ["phone", 390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
  page.on("pageerror", (e) => console.log("pageerror", String(e)));
  await page.goto(base + "/#1939-08");
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}-top.png` });
  await page.screenshot({ path: `${out}/${name}-full.png`, fullPage: true });
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(name, "scrollWidth", sw);
  await page.close();
}
await browser.close();
