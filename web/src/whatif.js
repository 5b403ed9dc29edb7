// whatif.js — the what-if explorer (served mode): pick parameter values,
// moved or removed outside events and forbidden treaties, run an ensemble
// on the server (POST /api/whatif, then poll the job), and compare each
// outcome with the baseline.
import { addDownloads, csvRows } from "./export.js";
import { esc, el, fmtNum, fmtFixed, sourceHtml, outcomeLabel, outcomeHistory, paramLabel, isYearOutcome, yearMonth } from "./util.js";

const FIXED_EVENTS = ["european_war", "molotov_ribbentrop_pact", "fall_of_france", "tripartite_pact", "barbarossa",
  "us_oil_embargo", "pearl_harbor", "yalta_agreement", "german_defeat", "potsdam_declaration", "hiroshima"];
const FIXED_TREATIES = ["basic_convention_1925", "anti_comintern_pact", "soviet_mongolian_protocol", "sino_soviet_pact", "neutrality_pact"];

export async function errorText(res) {
  try { const j = await res.json(); return j.error || JSON.stringify(j); } catch { return `${res.status} ${res.statusText}`; }
}

/* The command that gives the same what-if in a terminal. */
export function whatifCommand({ runs, seed, set = [], without = [] }) {
  const q = (v) => (/^[A-Za-z0-9_.=:\/-]+$/.test(v) ? v : `'${String(v).replace(/'/g, "'\\''")}'`);
  return ["hokushin whatif", `--runs ${runs}`, `--seed ${seed}`, ...set.map((x) => `--set ${q(x)}`), ...without.map((x) => `--without ${q(x)}`)].join(" ");
}

export function createWhatIf(root, ix, { onChange = () => {}, onSample = null } = {}) {
  root.innerHTML = `
    <div class="card">
      <h2>What if…</h2>
      <p class="hint">Change a parameter, move or remove an outside event, or forbid a treaty; the server runs
      an ensemble with and without the change and compares the outcomes.</p>
      <div class="form-row"><label>Runs <input id="wi-runs" type="number" min="10" max="100000" step="10" value="500"></label>
        <label>Seed <input id="wi-seed" type="number" min="1" value="1"></label></div>
      <fieldset><legend>Set a parameter (<code>--set KEY=VALUE</code>)</legend>
        <div class="form-row"><select id="wi-param"><option value="">loading parameters…</option></select>
          <input id="wi-value" type="text" size="8" placeholder="value"><button id="wi-add" type="button">Add</button></div>
        <div id="wi-param-info" class="hint"></div>
      </fieldset>
      <fieldset><legend>Move an outside event (<code>--set ID.date=…</code>)</legend>
        <div class="form-row"><select id="wi-event"></select><input id="wi-date" type="date" min="1918-01-01" max="1945-09-30">
          <button id="wi-move" type="button">Add</button></div>
      </fieldset>
      <div id="wi-sets" class="chips"></div>
      <fieldset><legend>Remove (<code>--without ID</code>)</legend><div id="wi-without" class="checks"></div></fieldset>
      <div class="cmd-row"><span class="k">In a terminal</span> <code id="wi-cmd" class="cmd"></code></div>
      <div class="form-row"><button id="wi-run" class="primary" type="button">Run what-if</button>
        <button id="wi-cancel" type="button" hidden>Cancel</button></div>
      <div id="wi-progress" hidden><progress id="wi-bar" max="1" value="0"></progress> <span id="wi-progress-text"></span></div>
      <div id="wi-error" class="error" hidden></div>
    </div>
    <div class="card" id="wi-result-card" hidden><h2>Outcomes: what-if against baseline</h2><div id="wi-result"></div>
      <div class="form-row"><button id="wi-sample" type="button" title="one simulated run with these changes, on the map and the timeline">Open a sample history of this what-if ▸</button>
        <label>run seed <input id="wi-sample-seed" type="number" min="1" value="1"></label></div></div>`;
  const $ = (id) => root.querySelector("#" + id);
  const sets = [];
  let params = [];
  let job = null, timer = null;

  const outsideIds = ix.outsideEvents.length ? ix.outsideEvents.map((e) => e.id) : FIXED_EVENTS;
  const treatyIds = ix.treaties.length ? ix.treaties.map((t) => t.id) : FIXED_TREATIES;
  $("wi-event").innerHTML = outsideIds.map((id) => `<option value="${esc(id)}">${esc(ix.outsideById.get(id)?.name || id)}</option>`).join("");
  const checks = $("wi-without");
  const group = (title, ids, nameOf) => {
    checks.append(el("div", { class: "check-title" }, esc(title)));
    for (const id of ids) {
      const lab = el("label", { class: "check" }, `<input type="checkbox" value="${esc(id)}"> <span title="${esc(id)}">${esc(nameOf(id))}</span>`);
      checks.append(lab);
    }
  };
  group("Outside events", outsideIds, (id) => ix.outsideById.get(id)?.name || id);
  group("Treaties (forbidden)", treatyIds, (id) => ix.treatyById.get(id)?.name || id);

  function renderSets() {
    $("wi-sets").innerHTML = sets.map((s, i) => `<span class="chip"><code>${esc(s)}</code><button data-i="${i}" title="remove">×</button></span>`).join("");
    for (const b of $("wi-sets").querySelectorAll("button")) b.onclick = () => { sets.splice(+b.dataset.i, 1); renderSets(); };
    changed();
  }
  const bodyOf = () => ({
    // runs and seed go as typed: the server checks both by the CLI's rules
    runs: $("wi-runs").value === "" ? 500 : +$("wi-runs").value, seed: $("wi-seed").value.trim() || "1", set: sets.slice(),
    without: [...checks.querySelectorAll("input:checked")].map((c) => c.value),
  });
  let lastResult = null;
  function changed() {
    $("wi-cmd").textContent = whatifCommand(bodyOf());
    onChange(bodyOf());
  }
  const addSet = (s) => {
    const key = s.split("=")[0];
    const i = sets.findIndex((x) => x.split("=")[0] === key);
    if (i >= 0) sets[i] = s; else sets.push(s);
    renderSets();
  };

  fetch("/api/params").then((r) => (r.ok ? r.json() : Promise.reject(new Error(`GET /api/params: ${r.status}`)))).then((j) => {
    params = Array.isArray(j) ? j : j.params || [];
    $("wi-param").innerHTML = `<option value="">choose a parameter…</option>` +
      params.map((p) => `<option value="${esc(p.key)}" title="${esc(p.key)}">${esc(p.label || paramLabel(p.key))}</option>`).join("");
  }).catch((e) => { $("wi-param").innerHTML = `<option value="">(parameters unavailable)</option>`; showError(e.message); });

  for (const id of ["wi-runs", "wi-seed"]) $(id).addEventListener("input", changed);
  checks.addEventListener("change", changed);
  $("wi-sample").onclick = () => onSample && onSample({ ...bodyOf(), seed: Math.max(1, Math.floor(+$("wi-sample-seed").value) || 1) });
  $("wi-sample").hidden = !onSample;

  $("wi-param").onchange = () => {
    const p = params.find((x) => x.key === $("wi-param").value);
    $("wi-value").value = p ? p.value : "";
    $("wi-param-info").innerHTML = p ? `<code>${esc(p.key)}</code>: ${esc(p.doc || "")}; now <b>${esc(p.value)}</b> ${esc(p.unit || "")}; range ${esc(p.min ?? "–")} … ${esc(p.max ?? "–")}; ${sourceHtml(p.source)}` : "";
  };
  $("wi-add").onclick = () => {
    const k = $("wi-param").value, v = $("wi-value").value.trim();
    if (!k || v === "") return showError("Choose a parameter and type a value.");
    if (!Number.isFinite(+v)) return showError(`${k}: the value must be a number.`);
    hideError(); addSet(`${k}=${v}`);
  };
  $("wi-move").onclick = () => {
    const id = $("wi-event").value, d = $("wi-date").value;
    if (!id || !d) return showError("Choose an event and a date.");
    hideError(); addSet(`${id}.date=${d}`);
  };

  function showError(msg) { $("wi-error").hidden = false; $("wi-error").textContent = msg; }
  function hideError() { $("wi-error").hidden = true; }
  function setRunning(on) {
    $("wi-run").disabled = on; $("wi-cancel").hidden = !on; $("wi-progress").hidden = !on && !$("wi-progress").dataset.keep;
  }
  function progress(done, total) {
    $("wi-progress").hidden = false;
    $("wi-bar").max = total || 1; $("wi-bar").value = done || 0;
    $("wi-progress-text").textContent = total ? `${done} / ${total} runs` : "starting…";
  }

  $("wi-run").onclick = async () => {
    hideError();
    const body = bodyOf();
    if (!body.set.length && !body.without.length) return showError("Add at least one change: a parameter, a moved event, or something to remove.");
    setRunning(true); progress(0, body.runs);
    try {
      const res = await fetch("/api/whatif", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (res.status === 202) {
        const j = await res.json();
        job = j.job || j.url || (j.id ? `/api/jobs/${j.id}` : null);
        if (!job) throw new Error("the server started a job but gave no job URL");
        poll();
      } else if (res.ok) {
        finish(await res.json());
      } else {
        throw new Error(await errorText(res));
      }
    } catch (e) { setRunning(false); showError(e.message); }
  };
  async function poll() {
    if (!job) return;
    try {
      const res = await fetch(job);
      if (!res.ok) throw new Error(await errorText(res));
      const j = await res.json();
      if (j.status === "done") { job = null; finish(j.result || j); return; }
      if (j.status === "failed" || j.status === "error") throw new Error(j.error || "the what-if failed");
      if (j.status === "cancelled") { job = null; setRunning(false); showError("Cancelled."); return; }
      progress(j.done ?? 0, j.total ?? 0);
      timer = setTimeout(poll, 400);
    } catch (e) { job = null; setRunning(false); showError(e.message); }
  }
  $("wi-cancel").onclick = async () => {
    clearTimeout(timer);
    const j = job; job = null;
    setRunning(false); $("wi-progress").hidden = true;
    showError("Cancelled.");
    if (j) { try { await fetch(j, { method: "DELETE" }); } catch { /* the job ends on its own */ } }
  };

  function finish(result) {
    setRunning(false);
    progress(result.runs || 1, result.runs || 1);
    $("wi-progress-text").textContent = `done: ${result.runs ?? "?"} runs${result.runs_per_second ? `, ${Math.round(result.runs_per_second)} runs/s` : ""}`;
    $("wi-result-card").hidden = false;
    renderResult($("wi-result"), result);
    lastResult = result;
    addDownloads($("wi-result-card"), "whatif", { csv: () => csvRows.whatif(lastResult) });
    $("wi-result-card").scrollIntoView({ block: "nearest", behavior: "smooth" });
    onChange(bodyOf(), true);
  }
  changed();
  return {
    state: bodyOf,
    get hasResult() { return !!lastResult; },
    /* Puts settings back (from a shared link); `run` starts the what-if. */
    setState(st, run) {
      if (st.runs) $("wi-runs").value = st.runs;
      if (st.seed) $("wi-seed").value = st.seed;
      sets.splice(0, sets.length, ...(st.set || []));
      for (const c of checks.querySelectorAll("input")) c.checked = (st.without || []).includes(c.value);
      renderSets();
      if (run) $("wi-run").click();
    },
  };
}

/* A row per outcome: the baseline (grey) and the what-if (coloured) with
 * their 95% intervals on one scale, and the difference. */
export function renderResult(box, r) {
  const outs = r.outcomes || {}, base = r.baseline || {}, delta = r.delta || {};
  const names = Object.keys(outs);
  const rows = names.map((name) => {
    const o = outs[name] || {}, b = base[name] || {}, d = delta[name] || {};
    const isP = o.p !== undefined || b.p !== undefined;
    const isY = isYearOutcome(name);
    const val = (x) => (isP ? x.p : x.mean);
    const lo = isP ? 0 : Math.min(...[o, b].flatMap((x) => [x.ci95?.[0], val(x)]).filter(Number.isFinite));
    const hi = isP ? 1 : Math.max(...[o, b].flatMap((x) => [x.ci95?.[1], val(x)]).filter(Number.isFinite));
    const span = hi - lo || 1;
    const pct = (v) => (((v - lo) / span) * 100).toFixed(1);
    const bar = (x, cls) => {
      const v = val(x);
      if (!Number.isFinite(v)) return `<div class="ib ${cls}"><span class="na">no value</span></div>`;
      const [a, c] = x.ci95 || [v, v];
      return `<div class="ib ${cls}"><span class="ci" style="left:${pct(a)}%;width:${Math.max(0.5, pct(c) - pct(a))}%"></span><span class="pt" style="left:${pct(v)}%"></span></div>`;
    };
    // a probability in %, a year + (month - 1) / 12 as YYYY-MM, other means with separators
    // as the terminal's table (src/out/ensemble_out.c): 10,000 and more whole, with separators
    const big = (v) => fmtFixed(v, Math.abs(v) >= 10000 ? 0 : 2);
    const one = (v) => (isP ? fmtNum(v * 100, 1) + "%" : isY ? yearMonth(v) : big(v));
    const f = (x) => one(val(x));
    const ci = (x) => (x.ci95 ? `[${x.ci95.map(one).join(", ")}]` : "");
    const dv = d.delta ?? (isP ? d.p : d.mean); // `hokushin whatif --json` names it delta
    const dOne = (v) => (isP ? fmtNum(v * 100, 1) : isY ? fmtNum(v * 12, 1) : big(v));
    const dUnit = isP ? " pts" : isY ? " months" : "";
    const dtext = Number.isFinite(dv) ? (dv > 0 ? "+" : "") + dOne(dv) + dUnit : "–";
    const dci = d.ci95 ? ` <span class="muted">[${d.ci95.map(dOne).join(", ")}]</span>` : "";
    const sig = d.ci95 && (d.ci95[0] > 0 || d.ci95[1] < 0);
    const hist = (r.history?.[name]?.text) ?? outcomeHistory(name);
    return `<tr class="outcome" data-name="${esc(name)}"><td class="oname"><span class="olabel" title="${esc(name)}">${esc(outcomeLabel(name))}</span>${isP ? "" : ' <span class="muted">(mean)</span>'}${hist != null ? `<div class="history">history: ${esc(hist)}</div>` : ""}</td>
      <td class="bars">${bar(b, "base")}${bar(o, "what")}</td>
      <td class="num"><span class="v">${f(b)}</span> <span class="muted">${ci(b)}</span><br><b>${f(o)}</b> <span class="muted">${ci(o)}</span></td>
      <td class="num ${sig ? "sig" : ""}" title="${sig ? "the 95% interval of the change excludes 0" : ""}">${dtext}${dci}</td></tr>`;
  });
  box.innerHTML = `<div class="legend-row"><span class="legend-item"><i class="swatch" style="background:#9aa0a6"></i>baseline</span>
    <span class="legend-item"><i class="swatch" style="background:#6a51a3"></i>what-if</span>
    <span class="legend-item muted">bars: 95% interval, dot: estimate; probabilities on 0–100%; changes of a probability in percentage points (pts)</span></div>
    <table class="outcomes"><thead><tr><th>outcome</th><th></th><th>baseline / what-if</th><th>change</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
