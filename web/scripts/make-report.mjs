// make-report.mjs — builds a stand-alone report page the way
// `hokushin replay --out DIR` does: dist/index.html with assets/app.js and
// assets/app.css inlined and a replay document inlined as #hk-data. The
// browser tests use it with the fixture document; it also serves to look at
// any replay document without the program.
//   node scripts/make-report.mjs DOC.json OUT.html
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist");

export function makeReport(docText, distDir = dist) {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const js = readFileSync(join(distDir, "assets", "app.js"), "utf8");
  const css = readFileSync(join(distDir, "assets", "app.css"), "utf8");
  JSON.parse(docText); // refuse to embed something that is not JSON
  // "</" would end the inline element early; "<\/" means the same in JS strings and JSON.
  const safe = (s) => s.replace(/<\/(script|style)/gi, "<\\/$1");
  const data = docText.replace(/<\//g, "<\\/");
  let out = html;
  const scriptTag = /<script type="module"[^>]*src="\.\/assets\/app\.js"[^>]*><\/script>/;
  const linkTag = /<link rel="stylesheet"[^>]*href="\.\/assets\/app\.css"[^>]*>/;
  if (!scriptTag.test(out) || !linkTag.test(out)) throw new Error("dist/index.html does not load ./assets/app.js and ./assets/app.css as expected");
  out = out.replace(linkTag, () => `<style>${safe(css)}</style>`);
  out = out.replace(scriptTag, () => `<script id="hk-data" type="application/json">${data}</script>\n<script type="module">${safe(js)}</script>`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [docPath, outPath] = process.argv.slice(2);
  if (!docPath || !outPath) {
    console.error("usage: node scripts/make-report.mjs DOC.json OUT.html");
    process.exit(2);
  }
  let text;
  try { text = readFileSync(docPath, "utf8"); } catch (e) { console.error(`${docPath}:1: cannot read: ${e.message}`); process.exit(2); }
  try {
    const html = makeReport(text);
    mkdirSync(dirname(resolve(outPath)), { recursive: true });
    writeFileSync(outPath, html);
    console.log(`${outPath}: ${html.length} bytes`);
  } catch (e) { console.error(`${docPath}:1: ${e.message}`); process.exit(2); }
}
