// main.js — the hokushin page: loads the replay document (inlined in a
// report, or from the server), draws the map, timeline and charts, and
// keeps them on the month of the slider. In served mode it adds the what-if
// explorer and the play panel.
import "./style.css";
import { loadDocument, indexDocument, nearestMonth } from "./data.js";
import { createMap } from "./map.js";
import { doctrineChart, influenceChart, forcesChart, incidentsChart, treatyChart } from "./charts.js";
import { renderDetails } from "./details.js";
import { createWhatIf } from "./whatif.js";
import { createPlay } from "./play.js";
import { createSources } from "./sources.js";
import { esc, el, monthOf, fmtNum, fmtK, borderTotals, doctrineWord, setLabels, setBibliography, kindLabel, outcomeLabel, outcomeHistory, isYearOutcome, yearMonth } from "./util.js";

const $ = (id) => document.getElementById(id);

function fail(msg) {
  const b = $("banner");
  b.hidden = false;
  b.textContent = msg;
}

async function start() {
  let loaded;
  try {
    loaded = await loadDocument();
  } catch (e) {
    fail(`No data to show: ${e.message}. Open this page through "hokushin serve", or open a report written by "hokushin replay --out DIR".`);
    return;
  }
  const { mode, doc } = loaded;
  const ix = indexDocument(doc);
  setLabels(doc.labels);
  setBibliography(doc.sources);
  document.body.dataset.mode = mode;
  $("mode-badge").textContent = mode === "report" ? "report" : "live";
  $("mode-badge").title = mode === "report" ? "A saved replay, opened from disk" : "Served by hokushin serve";
  $("scenario-name").textContent = ix.scenario.name || ix.scenario.id || "";
  if (!ix.months.length) { fail("The document has no months to show."); return; }

  const slider = $("slider");
  slider.max = ix.months.length - 1;
  $("range-start").textContent = ix.months[0].date;
  $("range-end").textContent = ix.months[ix.months.length - 1].date;

  let current = 0;        // index into ix.months
  let selection = null;   // what the details panel shows
  let override = null;    // a game's month shown instead of the replay's

  const select = (sel) => {
    selection = sel;
    renderDetails($("details"), sel, ix, override || ix.months[current]);
    map.highlight(sel?.type, sel?.item?.id);
  };
  const map = createMap($("map"), ix, { onSelect: select });
  const pick = (date) => setMonth(nearestMonth(ix, date));
  const charts = [
    doctrineChart($("chart-doctrine"), ix, pick),
    influenceChart($("chart-influence"), ix, pick),
    forcesChart($("chart-forces"), ix, pick),
    incidentsChart($("chart-incidents"), ix, pick),
    treatyChart($("chart-treaties"), ix, pick, (t) => select({ type: "treaty", item: t })),
  ];

  // ---- timeline ----
  const tl = $("timeline");
  for (const e of ix.events) {
    const li = el("li", { "data-month": monthOf(e.date), "data-kind": e.kind },
      `<time>${esc(e.date)}</time><span class="kind kind-${esc(e.kind)}" title="${esc(e.kind)}">${esc(kindLabel(e.kind))}</span><span class="text">${esc(e.text || e.id)}</span>`);
    li.onclick = () => { setMonth(nearestMonth(ix, e.date)); select({ type: "event", item: e }); };
    tl.append(li);
  }
  if (!ix.events.length) tl.append(el("li", { class: "muted" }, "No events in this document."));

  function showState(m, label) {
    const d = +(m.doctrine?.JPN ?? 0);
    const inForce = (m.treaties || []).map((id) => ix.treatyById.get(id)?.name || id);
    const { jp, sv } = borderTotals(ix, m); // each formation once, as the timeline counts
    const word = doctrineWord(d);
    const cls = word === "undecided" ? "undecided" : d >= 0 ? "north" : "south";
    $("state").innerHTML = `
      ${label ? `<span class="game-tag">${esc(label)}</span>` : ""}
      <span class="st"><span class="k">Japan's doctrine</span><b class="${cls}" title="-1 strike south … +1 strike north">${esc(word)} ${d > 0 ? "+" : ""}${fmtNum(d, 2)}</b></span>
      <span class="st"><span class="k">On the border</span><b class="jp">${fmtK(jp)}</b> : <b class="sv">${fmtK(sv)}</b></span>
      <span class="st"><span class="k">Incidents</span><b>${esc(m.incidents ?? 0)}</b></span>
      <span class="st"><span class="k">Battles</span><b>${esc(m.battles ?? 0)}</b></span>
      <span class="st"><span class="k">Treaties</span><b title="${esc(inForce.join(", "))}">${inForce.length}</b></span>
      ${m.at_war ? '<span class="st war">JAPAN–SOVIET WAR</span>' : ""}`;
  }

  function setMonth(i, fromSlider) {
    current = Math.max(0, Math.min(ix.months.length - 1, i | 0));
    override = null;
    const m = ix.months[current];
    if (!fromSlider) slider.value = current;
    $("month-label").textContent = m.date;
    map.update(m);
    showState(m);
    for (const c of charts) c.setCursor(m.date);
    // timeline: highlight this month's events and bring them (or the last before) into view
    let anchor = null;
    for (const li of tl.children) {
      const on = li.dataset.month === m.date;
      li.classList.toggle("current", on);
      if (li.dataset.month && li.dataset.month <= m.date) anchor = li;
    }
    if (anchor) {
      const top = anchor.offsetTop - tl.clientHeight / 2 + anchor.offsetHeight / 2; // #timeline is the offsetParent
      tl.scrollTop = Math.max(0, top);
    }
    renderDetails($("details"), selection, ix, m);
  }

  slider.addEventListener("input", () => setMonth(+slider.value, true));

  // ---- play button ----
  let timer = null;
  const stop = () => { clearInterval(timer); timer = null; $("play-btn").textContent = "▶ Play"; $("play-btn").classList.remove("on"); };
  $("play-btn").onclick = () => {
    if (timer) return stop();
    if (current >= ix.months.length - 1) setMonth(0);
    $("play-btn").textContent = "❚❚ Pause"; $("play-btn").classList.add("on");
    timer = setInterval(() => { if (current >= ix.months.length - 1) stop(); else setMonth(current + 1); }, +$("speed").value);
  };
  $("speed").onchange = () => { if (timer) { stop(); $("play-btn").click(); } };
  document.addEventListener("keydown", (e) => {
    if (e.target.closest("input, select, textarea, button")) return;
    if (e.key === "ArrowRight") setMonth(current + 1);
    else if (e.key === "ArrowLeft") setMonth(current - 1);
    else if (e.key === " ") { e.preventDefault(); $("play-btn").click(); }
  });

  // ---- tabs ----
  const openTab = (name) => {
    for (const x of document.querySelectorAll("#tabs button")) x.classList.toggle("active", x.dataset.tab === name);
    for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.id === "tab-" + name);
  };
  for (const b of document.querySelectorAll("#tabs button")) b.onclick = () => openTab(b.dataset.tab);
  // ---- sources: every citation on the page opens its bibliography entry ----
  const bibliography = createSources($("tab-sources"), ix, { open: () => openTab("sources") });
  document.addEventListener("click", (ev) => {
    const a = ev.target.closest("a.cite");
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    bibliography.show(a.dataset.cite);
  });
  if (mode === "served") {
    createWhatIf($("tab-whatif"), ix);
    createPlay($("tab-play"), ix, {
      showMonth: (m, label) => {
        stop();
        override = m;
        map.update(m);
        showState(m, label);
        $("month-label").textContent = m.date || "";
        if (ix.monthIndex.has(m.date)) slider.value = ix.monthIndex.get(m.date);
        for (const c of charts) if (m.date) c.setCursor(m.date);
        if (!selection) renderDetails($("details"), null, ix, m);
      },
      showEvent: (e) => select({ type: "event", item: e }),
    });
  } else {
    for (const id of ["tab-btn-whatif", "tab-btn-play"]) $(id).hidden = true;
  }

  // ---- the run's outcomes (the summary line) ----
  const outs = ix.summary?.outcomes;
  if (outs && typeof outs === "object") {
    // a run cut before the scenario's end leaves some outcomes undecided (null)
    const cut = ix.summary.until && ix.scenario.end && ix.summary.until < ix.scenario.end;
    const fmt = (k, v) => (v === true ? '<b class="yes">yes</b>' : v === false ? '<span class="no">no</span>'
      : v == null ? `<span class="muted">${cut ? "not reached" : "–"}</span>`
      : isYearOutcome(k) && Number.isFinite(+v) ? esc(yearMonth(+v)) : esc(v));
    $("summary").innerHTML = `<tr><th>outcome</th><td>this run</td><td class="muted">history</td></tr>` +
      Object.entries(outs).map(([k, v]) => `<tr data-name="${esc(k)}"><th><span class="olabel" title="${esc(k)}">${esc(outcomeLabel(k))}</span></th><td>${fmt(k, v)}</td><td class="muted history">${esc(outcomeHistory(k) ?? "–")}</td></tr>`).join("") +
      (ix.summary.mode ? `<tr><th>mode, seed</th><td colspan="2">${esc(ix.summary.mode)}, ${esc(ix.summary.seed ?? "–")}</td></tr>` : "");
    $("summary-card").hidden = false;
  }

  const fromHash = /^#(\d{4}-\d{2})$/.exec(location.hash);
  select(null);
  setMonth(fromHash ? nearestMonth(ix, fromHash[1]) : 0);
  document.body.dataset.ready = "1";
}

window.addEventListener("error", (e) => fail(`Error: ${e.message}`));
start().catch((e) => { console.error(e); fail(`Error: ${e.message}`); });
