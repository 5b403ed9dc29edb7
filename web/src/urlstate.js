// urlstate.js — the view in the URL's hash, so that a copied link opens the
// same view: "#1939-08&tab=whatif&runs=500&seed=1&set=KEY=V&without=ID&ran=1"
// (a bare "#1939-08" still works), and "&sample=SEED" for a sample history.

export function readHash(hash) {
  const out = { month: null, tab: null, whatif: null, ran: false, sample: null };
  const parts = String(hash || "").replace(/^#/, "").split("&").filter(Boolean);
  const wi = { set: [], without: [] };
  let any = false, sampleSeed = null;
  for (const p of parts) {
    if (/^\d{4}-\d{2}$/.test(p)) { out.month = p; continue; }
    const i = p.indexOf("=");
    const k = i < 0 ? p : p.slice(0, i), v = i < 0 ? "" : decodeURIComponent(p.slice(i + 1));
    if (k === "m" || k === "month") out.month = v;
    else if (k === "tab") out.tab = v;
    else if (k === "runs") { wi.runs = +v; any = true; }
    else if (k === "seed") { wi.seed = +v; any = true; }
    else if (k === "set") { wi.set.push(v); any = true; }
    else if (k === "without") { wi.without.push(v); any = true; }
    else if (k === "ran") out.ran = v === "1";
    else if (k === "sample") sampleSeed = +v;
  }
  if (any) out.whatif = wi;
  if (sampleSeed) out.sample = { seed: sampleSeed, set: wi.set, without: wi.without };
  return out;
}

export function writeHash({ month, tab, whatif, ran, sample }) {
  const enc = (v) => encodeURIComponent(v).replace(/%3D/g, "=").replace(/%3A/g, ":");
  const parts = [];
  if (month) parts.push(month);
  if (tab && tab !== "history") parts.push(`tab=${tab}`);
  const changed = whatif && (whatif.set?.length || whatif.without?.length);
  if (changed && !sample) {
    parts.push(`runs=${whatif.runs}`, `seed=${whatif.seed}`);
    for (const s of whatif.set) parts.push(`set=${enc(s)}`);
    for (const w of whatif.without) parts.push(`without=${enc(w)}`);
    if (ran) parts.push("ran=1");
  }
  if (sample) {
    parts.push(`sample=${sample.seed}`);
    for (const s of sample.set) parts.push(`set=${enc(s)}`);
    for (const w of sample.without) parts.push(`without=${enc(w)}`);
  }
  const h = "#" + parts.join("&");
  if (location.hash !== h) history.replaceState(null, "", h);
}
