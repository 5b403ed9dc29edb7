// sources.js — the bibliography (the Sources tab): every source the scenario
// cites as a full citation, from the document's `sources` (docs/api.md).
// A citation anywhere on the page (util.js sourceHtml) opens its entry here;
// a seed citation shows the cited line's text.
import { esc, citeKey, citedPassage } from "./util.js";

export function createSources(root, ix, { open }) {
  const bib = ix.doc.sources;
  if (!bib || !(bib.seeds || bib.publications)) {
    root.innerHTML = `<div class="card"><h2>Sources</h2><p class="muted">This document carries no bibliography; <code>hokushin sources</code> prints it.</p></div>`;
    return { show: () => open() };
  }
  const seeds = bib.seeds || [], pubs = bib.publications || [];
  root.innerHTML = `
    <div class="card"><h2>Sources</h2>
      <p class="hint">Every source the scenario cites. Documents are cited by file and line
      (<code>001_….txt:49</code>), publications by their key with a page or other locator. The same list is
      <code>hokushin sources</code> on the command line.</p>
      <div id="src-cited" class="cited" hidden></div>
    </div>
    <div class="card"><h2>Source documents</h2><ol class="bib">${seeds.map((s) => `
      <li id="src-${esc(s.file)}" data-key="${esc(s.file)}"><b>${esc(s.title || s.file)}</b>
        ${s.kind ? `<span class="muted">(${esc(s.kind)})</span>` : ""}<br><code>${esc(s.file)}</code>
        ${s.about ? `<div class="muted small">${esc(s.about)}</div>` : ""}
        <details><summary>${s.lines?.length || 0} cited line${s.lines?.length === 1 ? "" : "s"}, cited ${s.cited ?? 0} times</summary>
        <ul class="lines">${(s.lines || []).map((l) => `<li id="src-${esc(s.file)}-${l.line}"><span class="ln">line ${l.line}</span> ${l.text != null ? esc(l.text) : '<span class="muted">the seed file was not at hand when this was written</span>'}</li>`).join("")}</ul></details>
      </li>`).join("")}</ol></div>
    <div class="card"><h2>Publications</h2><ol class="bib">${pubs.map((p) => `
      <li id="src-${esc(p.id)}" data-key="${esc(p.id)}">${esc(p.cite)} <code class="muted">${esc(p.id)}</code>
        ${p.locators?.length ? `<div class="muted small">cited at: ${p.locators.map(esc).join("; ")}</div>` : ""}</li>`).join("")}</ol>
      ${bib.notes ? `<p class="muted small">Figures marked judged: ${esc(bib.notes.judged ?? 0)}, derived: ${esc(bib.notes.derived ?? 0)}, calibrated: ${esc(bib.notes.calibrated ?? 0)}; each says why in its source.</p>` : ""}
    </div>`;

  /* Opens the entry of a citation ("001_x.txt:49", "coox1985, p. 310"). */
  function show(citation) {
    open();
    const { key, line, to } = citeKey(citation);
    for (const x of root.querySelectorAll(".bib .on")) x.classList.remove("on");
    const entry = root.querySelector(`[id="src-${CSS.escape(key)}"]`);
    const box = root.querySelector("#src-cited");
    box.hidden = false;
    if (!entry) {
      box.innerHTML = /^(judged|derived|calibrated)\b/.test(citation)
        ? `<b>${esc(citation)}</b><div class="muted">A figure the scenario's authors worked out or judged; the note says how.</div>`
        : /^model\b/.test(citation) ? `<b>${esc(citation)}</b><div class="muted">An event of the model itself: the run decided it.</div>`
        : `<b>${esc(citation)}</b><div class="muted">Not in the bibliography.</div>`;
      return;
    }
    entry.classList.add("on");
    // the whole cited passage: every line of a range (FILE:12-14)
    let text = null;
    if (line) {
      const seed = seeds.find((z) => z.file === key);
      for (let n = line; n <= to; n++) {
        const li = root.querySelector(`[id="src-${CSS.escape(key)}-${n}"]`);
        if (li) { li.closest("details").open = true; li.classList.add("on"); }
      }
      text = citedPassage(seed, line, to);
    }
    const title = entry.querySelector("b")?.textContent || entry.firstChild?.textContent || key;
    box.innerHTML = `<div class="k">Citation <code>${esc(citation)}</code></div><div><b>${esc(title.trim())}</b></div>` +
      (line ? `<div class="muted small">${to > line ? `lines ${line}-${to}` : `line ${line}`}</div><blockquote class="seed-line">${text != null ? esc(text) : "(line not in the bibliography)"}</blockquote>` : "");
    box.scrollIntoView({ block: "nearest" });
  }
  return { show };
}
