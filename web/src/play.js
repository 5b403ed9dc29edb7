// play.js — the play panel (served mode): take Japan's or the Soviet
// Union's decisions month by month against the model. The game's month is
// shown on the map while a game is open.
import { esc, el, fmtNum, fmtK, fmtInt, borderTotals, kindLabel, outcomeLabel, prose } from "./util.js";
import { errorText } from "./whatif.js";

export function createPlay(root, ix, { showMonth, showEvent }) {
  root.innerHTML = `
    <div class="card">
      <h2>Play</h2>
      <p class="hint">Take one side's decisions each month; the model plays everyone else. The map shows your game while it is open.</p>
      <div class="form-row">
        <label>Side <select id="pl-as"><option value="JPN">Japan</option><option value="SOV">Soviet Union</option></select></label>
        <label>Seed <input id="pl-seed" type="number" min="1" value="1"></label>
        <button id="pl-start" class="primary" type="button">New game</button>
        <label class="file-btn">Load…<input id="pl-load" type="file" accept=".json,application/json"></label>
      </div>
      <div id="pl-error" class="error" hidden></div>
    </div>
    <div class="card walkthrough" id="pl-walk" hidden>
      <h2>Your first game <span class="muted" id="pl-walk-step"></span></h2>
      <div id="pl-walk-text"></div>
      <div class="form-row"><button type="button" id="pl-walk-next" class="primary">Next</button><button type="button" id="pl-walk-skip">Close the walkthrough</button></div>
    </div>
    <div class="card" id="pl-game" hidden>
      <h2>Game <code id="pl-id"></code> · <span id="pl-side"></span> · turn of <span id="pl-date" class="big-date"></span></h2>
      <div id="pl-last" class="muted small"></div>
      <div id="pl-advice" class="advice"></div>
      <div id="pl-state" class="state-grid"></div>
      <form id="pl-orders">
        <fieldset><legend id="pl-orders-title">Orders for next month</legend>
          <label class="slider-row">Doctrine emphasis <span class="muted">south</span>
            <input id="pl-doctrine" type="range" min="-1" max="1" step="0.1" value="0"> <span class="muted">north</span> <output id="pl-doctrine-v">0.0</output></label>
          <label class="slider-row">Forces on the border <span class="muted">withdraw</span>
            <input id="pl-reinforce" type="range" min="-1" max="1" step="0.1" value="0"> <span class="muted">reinforce</span> <output id="pl-reinforce-v">0.0</output></label>
          <div class="form-row"><label>Propose treaty <select id="pl-propose"></select></label>
            <label>Denounce treaty <select id="pl-denounce"></select></label></div>
          <div class="form-row">Border incidents:
            <label><input type="radio" name="pl-inc" value="model" checked> as the model decides</label>
            <label><input type="radio" name="pl-inc" value="escalate"> escalate</label>
            <label><input type="radio" name="pl-inc" value="contain"> contain</label></div>
          <div class="form-row"><label class="danger"><input id="pl-war" type="checkbox"> declare war</label></div>
        </fieldset>
        <fieldset id="pl-war-orders" hidden><legend>The war: your orders on each front</legend>
          <div id="pl-fronts"></div>
          <div class="form-row"><label>Send reinforcements to <select id="pl-reinforce-front"><option value="">where the model sends them</option></select></label></div>
        </fieldset>
        <div class="form-row"><button id="pl-turn" class="primary" type="submit">End turn ▸</button>
          <button id="pl-save" type="button">Save</button></div>
      </form>
      <div class="form-row skip-row">
        <label>Let the model play your side for <input id="pl-skip-n" type="number" min="1" max="400" value="12"> months</label>
        <span class="muted">through <output id="pl-skip-to"></output></span>
        <button id="pl-skip" type="button">Skip ▸▸</button>
      </div>
      <div id="pl-end" hidden></div>
      <h3>Turn log</h3><ol id="pl-log" class="log"></ol>
    </div>`;
  const $ = (id) => root.querySelector("#" + id);
  let game = null, side = "JPN", state = null, over = false;

  $("pl-doctrine").oninput = () => { $("pl-doctrine-v").textContent = (+$("pl-doctrine").value).toFixed(1); };
  $("pl-reinforce").oninput = () => { $("pl-reinforce-v").textContent = (+$("pl-reinforce").value).toFixed(1); };
  const err = (m) => { $("pl-error").hidden = !m; $("pl-error").textContent = m || ""; };

  function treatyOptions() {
    const inForce = new Set(state?.treaties || []);
    const mine = (t) => !t.parties || t.parties.includes(side);
    $("pl-propose").innerHTML = `<option value="">none</option>` + ix.treaties.filter((t) => mine(t) && !inForce.has(t.id))
      .map((t) => `<option value="${esc(t.id)}">${esc(t.name || t.id)}</option>`).join("");
    $("pl-denounce").innerHTML = `<option value="">none</option>` + ix.treaties.filter((t) => mine(t) && inForce.has(t.id))
      .map((t) => `<option value="${esc(t.id)}">${esc(t.name || t.id)}</option>`).join("");
  }

  // "YYYY-MM" plus n months.
  const addMonths = (ym, n) => {
    const m = +ym.slice(0, 4) * 12 + (+ym.slice(5, 7) - 1) + n;
    return `${Math.floor(m / 12)}-${String(m % 12 + 1).padStart(2, "0")}`;
  };
  // The skip plays months from state.next; the last one played is shown after.
  function skipTarget() {
    const n = Math.max(1, Math.floor(+$("pl-skip-n").value) || 1);
    // the server stops at the game's end; so does the month shown
    const last = ix.months[ix.months.length - 1]?.date;
    let to = state?.next ? addMonths(state.next, n - 1) : "–";
    if (last && to !== "–" && to > last) to = `${last}, the end`;
    $("pl-skip-to").textContent = to;
    return n;
  }
  $("pl-skip-n").oninput = skipTarget;

  /* Shows a state and logs it. `skipped` (months the model played for the
   * player) folds that many months of events into one entry. */
  let lastOrders = null; // the orders of the turn just played, to name the player's own decisions
  /* An event the player's orders caused: a war declared, a treaty proposed
   * or denounced by the player. */
  function mine(e) {
    const o = lastOrders;
    if (!o) return false;
    if (e.kind === "war" && o.declare_war) return true;
    if (e.kind === "treaty_signed" && (e.treaty || e.id) === o.propose_treaty) return true;
    if (e.kind === "treaty_denounced" && (e.treaty || e.id) === o.denounce_treaty) return true;
    return false;
  }
  const sideName = () => (side === "JPN" ? "Japan" : "the Soviet Union");
  function evText(e) {
    if (mine(e)) return `<b class="yours">Your decision (${esc(sideName())}):</b> ${prose(e.text || e.id)}`;
    // the reason, unless the text already gives it
    if (e.kind === "peace" && e.reason && !String(e.text || "").includes(e.reason)) return `${prose(e.text || e.id)} <b>Why it ended:</b> ${esc(e.reason)}`;
    if (e.kind === "peace") return `<b>The war has ended:</b> ${prose(e.text || e.id)}`;
    return prose(e.text || e.id);
  }

  /* Peace made in the month last played (a skip's events span many months). */
  const endedNow = (events) => (events || state.events || []).some((e) => e.kind === "peace" && (!e.date || String(e.date).slice(0, 7) === state.date));

  function render(st, events, skipped = 0) {
    // the month before, for the map's arrows of advance: only the one just before
    const prevState = !skipped && state && st && state.next === st.date ? state : null;
    state = st || {};
    over = !!(state.over || state.finished || state.game_over);
    $("pl-game").hidden = false;
    $("pl-id").textContent = game;
    $("pl-side").textContent = side === "JPN" ? "Japan" : "Soviet Union";
    // one month everywhere: the turn's (the month the orders are for); the
    // map shows the situation at its start, the last month played
    const turn = state.next || state.date || "";
    $("pl-date").textContent = turn;
    $("pl-last").textContent = !state.date ? "" : state.date < turn ? `The map shows the situation at the start of ${turn}, after ${state.date} was played.`
      : `The map shows the situation as the game opens in ${turn}.`;
    $("pl-orders-title").textContent = state.next ? `Orders for ${state.next}` : over ? "The game is over" : "Orders for next month";
    // the advisor: what the model would do in your place this month, and why
    const adv = state.advice;
    $("pl-advice").hidden = !adv;
    if (adv) $("pl-advice").innerHTML = `<span class="k">Advisor, ${esc(adv.month || turn)}</span> ${esc(adv.line || "")}`;
    warOrders(events);
    endScreen();
    // each formation on the border once, as the map's state bar counts
    const forces = borderTotals(ix, state);
    const cell = (k, v) => `<div><span class="k">${k}</span><span class="v">${v}</span></div>`;
    $("pl-state").innerHTML = [
      cell("Japan's doctrine", fmtNum(state.doctrine?.JPN, 2)),
      cell("Incidents", esc(state.incidents ?? "–")),
      cell("Battles", esc(state.battles ?? "–")),
      cell("At war", endedNow(events) ? "peace made this month"
        : state.at_war ? '<b class="danger">yes</b>' : "no"),
      cell("Men: Japanese side", fmtK(forces.jp)),
      cell("Men: Soviet side", fmtK(forces.sv)),
      cell("Treaties in force", (state.treaties || []).map((id) => esc(ix.treatyById.get(id)?.name || id)).join("<br>") || "none"),
    ].join("");
    treatyOptions();
    $("pl-turn").disabled = over;
    $("pl-skip").disabled = over;
    skipTarget();
    if (over) $("pl-turn").textContent = "Game over";
    const evs = events || state.events || [];
    const evHtml = evs.map((e) => `<div class="log-ev${mine(e) ? " mine" : ""}" data-kind="${esc(e.kind)}"><span class="kind" title="${esc(e.kind)}">${esc(kindLabel(e.kind))}</span> ${skipped ? `<span class="muted">${esc(e.date || "")}</span> ` : ""}${evText(e)}</div>`).join("");
    const li = skipped
      ? el("li", { class: "skipped" }, `<b>${esc(state.date || "")}</b> <span class="muted">${skipped} month${skipped === 1 ? "" : "s"} played by the model for you, ${evs.length} event${evs.length === 1 ? "" : "s"}</span>` +
        (evs.length ? `<details><summary>events</summary>${evHtml}</details>` : ""))
      : el("li", {}, `<b>${esc(state.date || "")}</b> ${evs.length ? "" : '<span class="muted">quiet month</span>'}` + evHtml);
    li.querySelectorAll(".log-ev").forEach((d, i) => { d.onclick = () => showEvent(evs[i]); });
    $("pl-log").prepend(li);
    // after a skip the map's "this month" lists only the last month's events
    showMonth(skipped ? { ...state, events: evs.filter((e) => String(e.date || "").slice(0, 7) === state.date) } : state, `your game as ${side}`, prevState);
  }

  /* During a war: attack, hold or withdraw on each front, and where the
   * reinforcements go (the game's `fronts` and `reinforce_front` orders). */
  function warOrders(events) {
    // only while the war goes on: the month peace was made still reports the war
    const ended = endedNow(events);
    const war = state.at_war && !ended ? state.war : null;
    $("pl-war-orders").hidden = !war || over;
    if (!war) return;
    const fronts = war.fronts || [];
    const prev = {};
    for (const sel of root.querySelectorAll("#pl-fronts select")) prev[sel.dataset.sector] = sel.value;
    $("pl-fronts").innerHTML = fronts.map((f) => `<div class="form-row front-order"><span class="fname">${esc(f.name || f.sector)}</span>
      <span class="muted">${fmtInt(f.men?.[side])} of yours, ${fmtInt(Object.entries(f.men || {}).find(([a]) => a !== side)?.[1])} facing; now ${esc(f.posture?.[side] || "–")}</span>
      <select data-sector="${esc(f.sector)}"><option value="">as the model decides</option><option value="attack">attack</option><option value="hold">hold</option><option value="withdraw">withdraw</option></select></div>`).join("");
    for (const sel of root.querySelectorAll("#pl-fronts select")) sel.value = prev[sel.dataset.sector] || "";
    const cur = $("pl-reinforce-front").value;
    $("pl-reinforce-front").innerHTML = `<option value="">where the model sends them</option>` + fronts.map((f) => `<option value="${esc(f.sector)}">${esc(f.name || f.sector)}</option>`).join("");
    $("pl-reinforce-front").value = cur;
  }

  /* The end: the game's outcomes beside the record's. */
  function endScreen() {
    const end = state.end;
    $("pl-end").hidden = !over || !end;
    if (!over || !end) return;
    const rows = Object.entries(end.outcomes || {}).map(([k, v]) => {
      const h = end.history?.[k];
      const same = h && h.text === v.text;
      return `<tr data-name="${esc(k)}"><th title="${esc(k)}">${esc(outcomeLabel(k))}</th><td>${esc(v.text)}</td><td class="muted">${esc(h?.text ?? "–")}</td><td>${h ? (same ? "as it was" : '<b class="diff">differs</b>') : ""}</td></tr>`;
    }).join("");
    const n = Object.entries(end.outcomes || {}).filter(([k, v]) => end.history?.[k] && end.history[k].text !== v.text).length;
    $("pl-end").innerHTML = `<h3>The game is over: your history against the record</h3>
      <p>${n ? `Your game parted from history on ${n} of ${Object.keys(end.outcomes || {}).length} outcomes.` : "Your game ended as history did."}</p>
      <table class="kv end-table"><tr><th>outcome</th><td><b>your game</b></td><td class="muted">history</td><td></td></tr>${rows}</table>`;
  }

  // ---- the first game's walkthrough ----
  const WALK = [
    "Each turn is one month. Above the orders, the <b>advisor</b> says what the model would do in your place this month, and why: follow it, or do otherwise.",
    "<b>Doctrine emphasis</b> pushes your government toward striking north (against the USSR) or south (toward the Pacific); <b>forces on the border</b> reinforces or thins the army facing the other side.",
    "<b>Treaties</b>: propose one, or denounce one in force. <b>Border incidents</b>: let the model decide, escalate them, or contain them. <b>Declare war</b> opens a general war; then you give orders on each front.",
    "<b>End turn</b> plays the month; the map, the state bar and the log show what happened. <b>Skip</b> lets the model play your side for some months. <b>Save</b> keeps the game as a file you can load later.",
  ];
  let walkStep = 0;
  const walkSeen = () => { try { return localStorage.getItem("hokushin-walkthrough") === "done"; } catch { return false; } };
  const walkDone = () => { $("pl-walk").hidden = true; try { localStorage.setItem("hokushin-walkthrough", "done"); } catch { /* private window */ } };
  function walkShow() {
    $("pl-walk").hidden = false;
    $("pl-walk-step").textContent = `${walkStep + 1} of ${WALK.length}`;
    $("pl-walk-text").innerHTML = `<p>${WALK[walkStep]}</p>`;
    $("pl-walk-next").textContent = walkStep === WALK.length - 1 ? "Start playing" : "Next";
  }
  $("pl-walk-next").onclick = () => { if (++walkStep >= WALK.length) walkDone(); else walkShow(); };
  $("pl-walk-skip").onclick = walkDone;

  async function call(url, opts) {
    const res = await fetch(url, opts);
    if (!res.ok) throw new Error(await errorText(res));
    return res.json();
  }

  $("pl-start").onclick = async () => {
    err("");
    side = $("pl-as").value;
    try {
      const j = await call("/api/play", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ as: side, seed: Math.max(1, Math.floor(+$("pl-seed").value) || 1) }) });
      game = j.game; $("pl-log").innerHTML = "";
      lastOrders = null;
      render(j.state, j.events);
      if (!walkSeen()) { walkStep = 0; walkShow(); }
      // on a narrow screen the game opens below the map: bring it (or the walkthrough) into view
      if (window.innerWidth < 640) $(walkSeen() ? "pl-game" : "pl-walk").scrollIntoView({ block: "start" });
    } catch (e) { err(e.message); }
  };

  $("pl-orders").onsubmit = async (ev) => {
    ev.preventDefault();
    if (!game || over) return;
    err("");
    const orders = {
      doctrine_push: +$("pl-doctrine").value,
      reinforce: +$("pl-reinforce").value,
      propose_treaty: $("pl-propose").value || null,
      denounce_treaty: $("pl-denounce").value || null,
      incidents: root.querySelector('input[name="pl-inc"]:checked').value,
      declare_war: $("pl-war").checked,
    };
    if (!$("pl-war-orders").hidden) {
      const fronts = {};
      for (const sel of root.querySelectorAll("#pl-fronts select")) if (sel.value) fronts[sel.dataset.sector] = sel.value;
      if (Object.keys(fronts).length) orders.fronts = fronts;
      if ($("pl-reinforce-front").value) orders.reinforce_front = $("pl-reinforce-front").value;
    }
    if (orders.declare_war && !confirm("Declare general war? This cannot be undone.")) return;
    $("pl-turn").disabled = true;
    try {
      const j = await call(`/api/play/${encodeURIComponent(game)}/turn`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ orders }) });
      $("pl-war").checked = false;
      lastOrders = orders;
      render(j.state, j.events);
    } catch (e) { err(e.message); $("pl-turn").disabled = false; }
  };

  $("pl-skip").onclick = async () => {
    if (!game || over) return;
    err("");
    const months = skipTarget(), from = state?.next;
    $("pl-skip").disabled = $("pl-turn").disabled = true;
    try {
      // null orders: the model decides the player's side too, as `skip N` does in the terminal.
      lastOrders = null;
      const j = await call(`/api/play/${encodeURIComponent(game)}/turn`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ orders: null, months }) });
      // fewer than asked when the game ended on the way
      const ym = (d) => +d.slice(0, 4) * 12 + +d.slice(5, 7);
      const played = from && j.state?.date ? ym(j.state.date) - ym(from) + 1 : months;
      $("pl-skip-n").value = 12; // the box starts again at a year
      render(j.state, j.events, played);
    } catch (e) { err(e.message); $("pl-skip").disabled = $("pl-turn").disabled = over; }
  };

  $("pl-save").onclick = async () => {
    if (!game) return;
    try {
      const res = await fetch(`/api/play/${encodeURIComponent(game)}/save`);
      if (!res.ok) throw new Error(await errorText(res));
      const blob = await res.blob();
      const cd = res.headers.get("Content-Disposition") || "";
      // the save is named by the side and the turn's month, the month the header shows
      const name = `hokushin-${side}-${state?.next || state?.date || "game"}.json`;
      void cd;
      const a = el("a", { href: URL.createObjectURL(blob), download: name });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
    } catch (e) { err(e.message); }
  };

  $("pl-load").onchange = async () => {
    const file = $("pl-load").files[0];
    if (!file) return;
    err("");
    try {
      const text = await file.text();
      const j = await call("/api/play/load", { method: "POST", headers: { "Content-Type": "application/json" }, body: text });
      game = j.game;
      try { side = JSON.parse(text).as || j.as || side; } catch { /* keep the side chosen */ }
      $("pl-log").innerHTML = "";
      render(j.state, j.events);
    } catch (e) { err(e.message); }
    $("pl-load").value = "";
  };
  return { get game() { return game; } };
}
