// lib.mjs — what the browser tests share: the Debian chromium through
// playwright-core (no browser is ever downloaded), a page that records
// console errors and outside requests, checks and screenshots.
import { chromium } from "playwright-core";
import { mkdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SHOTS = process.env.HK_BUILD_DIR ? join(process.env.HK_BUILD_DIR, "screenshots") : join(WEB, "tests", "screenshots");
mkdirSync(SHOTS, { recursive: true });

const CHROMIUM = process.env.HK_CHROMIUM || ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));

export async function launch() {
  if (!CHROMIUM) throw new Error("no chromium found (set HK_CHROMIUM)");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
  });
}

/* A page at 1400×900 that records console errors (a resource that failed to
 * load is named by its URL: "Failed to load resource: ... <URL>"), page
 * errors and every request that leaves `allowed` (a predicate on the URL);
 * those are aborted. */
export async function openPage(browser, allowed) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [], outside = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const url = m.location()?.url;
    errors.push(/Failed to load resource/.test(m.text()) && url ? `${m.text()} <${url}>` : m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { page, errors, outside };
}

let failures = 0, passes = 0;
export function check(cond, what) {
  if (cond) { passes++; console.log(`ok   ${what}`); } else { failures++; console.log(`FAIL ${what}`); }
}
/* HK_STEP=WORDS runs only the steps whose name holds WORDS (while working on one). */
export async function step(name, fn) {
  if (process.env.HK_STEP && !name.includes(process.env.HK_STEP)) return;
  try { await fn(); } catch (e) { failures++; console.log(`FAIL ${name}: ${e.message.split("\n")[0]}`); }
}
export function done(name) {
  console.log(`${name}: ${passes} passed, ${failures} failed`);
  process.exitCode = failures ? 1 : 0;
}
export async function shot(page, name) {
  const p = join(SHOTS, name);
  await page.screenshot({ path: p });
  console.log(`     screenshot ${p}`);
}

/* Moves the slider to the month `date` the way a user's drag does (an
 * input event); months are consecutive from the range's start. */
export async function setSlider(page, date) {
  return page.evaluate((d) => {
    const s = document.getElementById("slider");
    const start = document.getElementById("range-start").textContent;
    const idx = (+d.slice(0, 4) - +start.slice(0, 4)) * 12 + (+d.slice(5, 7) - +start.slice(5, 7));
    const go = (i) => { s.value = i; s.dispatchEvent(new Event("input", { bubbles: true })); return document.getElementById("month-label").textContent === d; };
    if (idx >= 0 && idx <= +s.max && go(idx)) return true;
    for (let i = 0; i <= +s.max; i++) if (go(i)) return true;
    return false;
  }, date);
}

/* The console errors a served page may show on purpose: an API request the
 * page refused or that failed, which the page then reports in its own words.
 * Any other failed load (a missing icon, script or style) is an error. */
export function unexpectedErrors(errors) {
  return errors.filter((e) => !/^Failed to load resource: .* <[^>]*\/api\/[^>]*>$/.test(e));
}
