// main.js — the hokushin page: loads the replay document (inlined in a
// report, or from the server), draws the map, timeline and charts, and
// keeps them on the month of the slider. In served mode it adds the what-if
// explorer, the play panel, and sample histories of a what-if. The URL's
// hash holds the view (month, tab, what-if settings, sample history), so a
// copied link opens the same view.
import "./style.css";
import { loadDocument, indexDocument, nearestMonth } from "./data.js";
import { createMap } from "./map.js";
import { doctrineChart, influenceChart, forcesChart, incidentsChart, treatyChart } from "./charts.js";
import { renderDetails } from "./details.js";
import { createWhatIf, errorText } from "./whatif.js";
import { createPlay } from "./play.js";
import { createSources } from "./sources.js";
import { createWarPanel } from "./war.js";
import { addDownloads, csvRows } from "./export.js";
import { readHash, writeHash } from "./urlstate.js";
import { esc, el, monthOf, fmtNum, fmtK, borderTotals, doctrineWord, setLabels, setBibliography, kindLabel, outcomeLabel, outcomeHistory, isYearOutcome, yearMonth, prose } from "./util.js";

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
  const { mode, doc: recordDoc } = loaded;
  const view = readHash(location.hash); // before anything writes the hash
  document.body.dataset.mode = mode;
  $("mode-badge").textContent = mode === "report" ? "report" : "live";
  $("mode-badge").title = mode === "report" ? "A saved replay, opened from disk" : "Served by hokushin serve";
  setLabels(recordDoc.labels);
  setBibliography(recordDoc.sources);

  let ix = null;          // the document shown: the record, or a sample history
  let sample = null;      // {seed, set, without} when a sample history is shown
  let current = 0;        // index into ix.months
  let selection = null;   // what the details panel shows
  let override = null;    // a game's month shown instead of the document's
  let tab = "history";
  let map = null, charts = [], war = null;
  const slider = $("slider");
  const tl = $("timeline");

  const select = (sel) => {
    selection = sel;
    renderDetails($("details"), sel, ix, override || ix.months[current]);
    map.highlight(sel?.type, sel?.item?.id, sel);
  };
  const pick = (date) => setMonth(nearestMonth(ix, date));

  /* Draws a document: the record's replay, or a sample history. */
  function showDocument(doc) {
    ix = indexDocument(doc);
    $("scenario-name").textContent = ix.scenario.name || ix.scenario.id || "";
    if (!ix.months.length) { fail("The document has no months to show."); return false; }
    slider.max = ix.months.length - 1;
    $("range-start").textContent = ix.months[0].date;
    $("range-end").textContent = ix.months[ix.months.length - 1].date;
    map = createMap($("map"), ix, { onSelect: select });
    charts = [
      doctrineChart($("chart-doctrine"), ix, pick),
      influenceChart($("chart-influence"), ix, pick),
      forcesChart($("chart-forces"), ix, pick),
      incidentsChart($("chart-incidents"), ix, pick),
      treatyChart($("chart-treaties"), ix, pick, (t) => select({ type: "treaty", item: t })),
    ];
    const names = ["doctrine", "influence", "forces", "incidents", "treaties"];
    charts.forEach((c, i) => addDownloads($(`chart-${names[i]}`), names[i], { csv: () => csvRows[names[i]](ix), svg: () => c.svg.node() }));
    addDownloads($("timeline").closest(".card"), "events", { csv: () => csvRows.events(ix) });
    war = createWarPanel($("war-card"), ix, { onSelect: select });

    // ---- timeline ----
    tl.innerHTML = "";
    for (const e of ix.events) {
      const li = el("li", { "data-month": monthOf(e.date), "data-kind": e.kind },
        `<time>${esc(e.date)}</time><span class="kind kind-${esc(e.kind)}" title="${esc(e.kind)}">${esc(kindLabel(e.kind))}</span><span class="text">${prose(e.text || e.id)}</span>`);
      li.onclick = () => { setMonth(nearestMonth(ix, e.date)); select({ type: "event", item: e }); };
      tl.append(li);
    }
    if (!ix.events.length) tl.append(el("li", { class: "muted" }, "No events in this document."));
    showSummary();
    $("sample-bar").hidden = !sample;
    if (sample) $("sample-text").innerHTML = `A sample history: <code>hokushin simulate --seed ${esc(sample.seed)}${sample.set.map((x) => ` --set ${esc(x)}`).join("")}${sample.without.map((x) => ` --without ${esc(x)}`).join("")}</code>`;
    return true;
  }

  // ---- the run's outcomes (the summary line) ----
  function showSummary() {
    const outs = ix.summary?.outcomes;
    if (!outs || typeof outs !== "object") { $("summary-card").hidden = true; return; }
    // a run cut before the scenario's end leaves some outcomes undecided (null)
    const cut = ix.summary.until && ix.scenario.end && ix.summary.until < ix.scenario.end;
    const fmt = (k, v) => (v === true ? '<b class="yes">yes</b>' : v === false ? '<span class="no">no</span>'
      : v == null ? `<span class="muted">${cut ? "not reached" : "–"}</span>`
      : isYearOutcome(k) && Number.isFinite(+v) ? esc(yearMonth(+v)) : esc(v));
    $("summary").innerHTML = `<tr><th>outcome</th><td>this run</td><td class="muted">history</td></tr>` +
      Object.entries(outs).map(([k, v]) => `<tr data-name="${esc(k)}"><th><span class="olabel" title="${esc(k)}">${esc(outcomeLabel(k))}</span></th><td>${fmt(k, v)}</td><td class="muted history">${esc(outcomeHistory(k) ?? "–")}</td></tr>`).join("") +
      (ix.summary.mode ? `<tr><th>mode, seed</th><td colspan="2">${esc(ix.summary.mode)}, ${esc(ix.summary.seed ?? "–")}</td></tr>` : "");
    $("summary-card").hidden = false;
    addDownloads($("summary-card"), "outcomes", { csv: () => csvRows.summary(ix) });
  }

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
      ${m.at_war || m.war ? '<span class="st war">JAPAN–SOVIET WAR</span>' : ""}`;
  }

  function setMonth(i, fromSlider) {
    current = Math.max(0, Math.min(ix.months.length - 1, i | 0));
    override = null;
    const m = ix.months[current];
    if (!fromSlider) slider.value = current;
    $("month-label").textContent = m.date;
    map.update(m, ix.months[current - 1] || null);
    war.update(m);
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
    saveView();
  }

  // ---- the view in the URL ----
  let whatif = null, restoring = true;
  function saveView() {
    if (restoring || !ix) return;
    writeHash({ month: ix.months[current]?.date, tab, whatif: whatif?.state(), ran: whatif?.hasResult, sample });
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
    tab = name;
    for (const x of document.querySelectorAll("#tabs button")) x.classList.toggle("active", x.dataset.tab === name);
    for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.id === "tab-" + name);
    saveView();
  };
  for (const b of document.querySelectorAll("#tabs button")) b.onclick = () => openTab(b.dataset.tab);
  // on a phone, a bar at the bottom reaches each panel in one tap
  for (const b of document.querySelectorAll("#phone-nav button")) {
    if (b.classList.contains("served-only") && mode !== "served") { b.hidden = true; continue; }
    b.onclick = () => {
      if (b.dataset.go === "map") return $("top").scrollIntoView({ block: "start" });
      openTab(b.dataset.go);
      $("tabs").scrollIntoView({ block: "start" });
    };
  }

  // ---- sources: every citation on the page opens its bibliography entry ----
  const bibliography = createSources($("tab-sources"), { doc: recordDoc }, { open: () => openTab("sources") });
  document.addEventListener("click", (ev) => {
    const a = ev.target.closest("a.cite");
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    bibliography.show(a.dataset.cite);
  });

  if (!showDocument(recordDoc)) return;
  // the map's key folds where it would cover much of a small map (a phone, a
  // short window, the map beside the war panel), until the reader opens it
  let keyTouched = false;
  $("legend").querySelector("summary").addEventListener("click", () => { keyTouched = true; });
  const fitKey = () => {
    if (keyTouched) return;
    const b = $("map-wrap").getBoundingClientRect();
    $("legend").open = !(b.height < 520 || b.width < 640);
  };
  fitKey();
  if (window.ResizeObserver) new ResizeObserver(fitKey).observe($("map-wrap"));
  $("zoom-in").onclick = () => map.zoomBy(1.6);
  $("zoom-out").onclick = () => map.zoomBy(1 / 1.6);
  $("zoom-reset").onclick = () => map.reset();

  /* A simulated run with a what-if's changes, shown on the map and timeline. */
  async function openSample(st) {
    $("sample-bar").hidden = false;
    $("sample-text").textContent = "Running a sample history…";
    try {
      const res = await fetch("/api/simulate", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ seed: st.seed, set: st.set || [], without: st.without || [], format: "document" }) });
      if (!res.ok) throw new Error(await errorText(res));
      const doc = await res.json();
      sample = { seed: st.seed, set: st.set || [], without: st.without || [] };
      const date = ix.months[current]?.date;
      showDocument(doc);
      setMonth(nearestMonth(ix, date));
      openTab("history");
    } catch (e) { $("sample-text").textContent = `The sample history could not be made: ${e.message}`; }
  }
  $("sample-back").onclick = () => {
    const date = ix.months[current]?.date;
    sample = null;
    showDocument(recordDoc);
    setMonth(nearestMonth(ix, date));
  };

  let play = null;
  if (mode === "served") {
    whatif = createWhatIf($("tab-whatif"), ix, { onChange: () => saveView(), onSample: openSample });
    play = createPlay($("tab-play"), ix, {
      showMonth: (m, label, prev) => {
        stop();
        override = m;
        map.update(m, prev);
        war.update(m);
        showState(m, label);
        $("month-label").textContent = m.next || m.date || ""; // the turn's month, as the play panel shows it
        if (ix.monthIndex.has(m.date)) slider.value = ix.monthIndex.get(m.date);
        for (const c of charts) if (m.date) c.setCursor(m.date);
        // the details pane follows the game: a selection is shown as the game has it
        renderDetails($("details"), selection, ix, m);
      },
      showEvent: (e) => select({ type: "event", item: e }),
    });
  } else {
    for (const id of ["tab-btn-whatif", "tab-btn-play"]) $(id).hidden = true;
  }

  // ---- open the view the URL names ----
  restoring = true;
  select(null);
  setMonth(view.month ? nearestMonth(ix, view.month) : 0);
  if (view.tab && $("tab-" + view.tab) && !(mode !== "served" && (view.tab === "whatif" || view.tab === "play"))) openTab(view.tab);
  if (whatif && view.whatif) whatif.setState(view.whatif, view.ran);
  restoring = false;
  if (mode === "served" && view.sample) await openSample(view.sample);
  saveView();
  window.addEventListener("hashchange", () => {
    const v = readHash(location.hash);
    if (v.month && v.month !== ix.months[current]?.date) setMonth(nearestMonth(ix, v.month));
  });
  window.hokushin = { get ix() { return ix; }, get play() { return play; } };
  document.body.dataset.ready = "1";
}

window.addEventListener("error", (e) => fail(`Error: ${e.message}`));
start().catch((e) => { console.error(e); fail(`Error: ${e.message}`); });
