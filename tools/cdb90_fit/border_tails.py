#!/usr/bin/env python3
"""How heavy the losses of a battle of a given size and length run: in CDB90,
in the combat model on the same battles, and in the simulation's border
battles (docs/combat.md, "Heavy losses").

    python3 tools/cdb90_fit/border_tails.py [--data DIR] [--build DIR]
            [--draws N] [--seeds N] [--min-men N] [--max-men N] [--max-days N]

Standard-library Python. Runs `BUILD/cdb90_fit --tails N` (once as one battle,
once in the simulation's three echelons) and `BUILD/hokushin simulate --json`
for seeds 1..SEEDS, and prints, for battles of MIN..MAX men in all (both sides
together) lasting at most MAX_DAYS days:

- the share of sides that lose 70 % or more of their men, and the share of
  battles whose exchange (the side that lost more over the side that lost
  less, casualties + 1) is 5:1 or worse and 10:1 or worse;
- for the record, each side that lost 70 % or more, with CDB90's resolution
  code (AA annihilated, WL withdrew with heavy losses, ...) and whether the
  attacker planned an envelopment;
- for the model on the same battles, its central estimate and the mean over
  its random spread;
- for the simulation, every border engagement (`battle_result` events of the
  border battles and campaigns) of that size.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def read_record(data):
    """Per battle: resolution codes and tactical schemes of each side."""
    res = {}
    with open(os.path.join(data, "belligerents.csv")) as f:
        for r in csv.DictReader(f):
            q = int(r["isqno"])
            side = 0 if r["attacker"] == "1" else 1
            res.setdefault(q, {})[side] = {
                "reso": [r["reso1"], r["reso2"], r["reso3"]],
                "name": r["nam"],
            }
    names = {}
    with open(os.path.join(data, "battles.csv")) as f:
        for r in csv.DictReader(f):
            names[int(r["isqno"])] = r["name"]
    return res, names


def run_tails(build, data, draws, echelons):
    out = subprocess.run(
        [os.path.join(build, "cdb90_fit"), data, "--tails", str(draws), "--echelons", str(echelons)],
        check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        if line.startswith("#"):
            continue
        a, m, d = (p.split() for p in line.split("|"))
        rows.append({
            "isqno": int(a[0]), "part": int(a[1]), "year": int(a[2]), "days": int(a[3]),
            "envelop": int(a[4]), "ns": int(a[5]),
            "str": (float(a[6]), float(a[7])), "cas": (num(a[8]), num(a[9])), "wina": int(a[10]),
            "model": (float(m[0]), float(m[1])), "winner": int(m[2]), "encircled": int(m[3]),
            "p70": (float(d[0]), float(d[1])), "pex5": float(d[2]), "pex10": float(d[3]),
        })
    return rows


def exchange(a, b):
    hi, lo = max(a, b), min(a, b)
    return (hi + 1) / (lo + 1)


def pct(k, n):
    return f"{100.0 * k / n:.1f} % ({k:g}/{n})" if n else "-"


def summarise_cdb90(rows, record, names, lo, hi, max_days, label):
    sel = [r for r in rows if lo <= r["str"][0] + r["str"][1] <= hi and r["days"] <= max_days]
    # the record: sides with casualties known
    n_sides = k70 = 0
    n_b = k5 = k10 = 0
    heavy = []
    for r in sel:
        for s in range(2):
            c = r["cas"][s]
            if c is None or c != c or c <= 0:
                continue
            n_sides += 1
            if c / r["str"][s] >= 0.7:
                k70 += 1
                heavy.append((r, s))
        if all(c is not None and c == c and c > 0 for c in r["cas"]):
            n_b += 1
            e = exchange(*r["cas"])
            k5 += e >= 5
            k10 += e >= 10
    # the model on the same battles (every side, central and spread)
    m_sides = m70 = 0
    sp70 = 0.0
    m5 = m10 = 0
    sp5 = sp10 = 0.0
    for r in sel:
        for s in range(2):
            m_sides += 1
            m70 += r["model"][s] / r["str"][s] >= 0.7
            sp70 += r["p70"][s]
        e = exchange(*r["model"])
        m5 += e >= 5
        m10 += e >= 10
        sp5 += r["pex5"]
        sp10 += r["pex10"]
    # envelopments that succeeded: the attacker planned one and won
    env = [r for r in sel if r["envelop"] and r["wina"] == 1]
    e_n = sum(1 for r in env if r["cas"][1] and r["cas"][1] > 0)
    e70 = sum(1 for r in env if r["cas"][1] and r["cas"][1] > 0 and r["cas"][1] / r["str"][1] >= 0.7)
    e_mean = sum(r["cas"][1] / r["str"][1] for r in env if r["cas"][1] and r["cas"][1] > 0) / max(e_n, 1)
    em_mean = sum(r["model"][1] / r["str"][1] for r in env) / max(len(env), 1)
    print(f"== {label}: CDB90 battles of {lo:,}-{hi:,} men in all, at most {max_days} days: {len(sel)} battles")
    print(f"   record: sides losing >= 70 %: {pct(k70, n_sides)}; exchange >= 5:1 {pct(k5, n_b)}, "
          f">= 10:1 {pct(k10, n_b)}")
    print(f"   model, central: sides >= 70 %: {pct(m70, m_sides)}; exchange >= 5:1 {pct(m5, len(sel))}, "
          f">= 10:1 {pct(m10, len(sel))}")
    print(f"   envelopments the attacker won: {len(env)}; the defender loses >= 70 % in the record "
          f"{pct(e70, e_n)}, on average {100 * e_mean:.1f} % of its men (the model, central: "
          f"{100 * em_mean:.1f} %, random spread >= 70 %: "
          f"{100 * sum(r['p70'][1] for r in env) / max(len(env), 1):.1f} %)")
    if sel:
        print(f"   model, random spread (mean over draws): sides >= 70 %: {100 * sp70 / m_sides:.1f} %; "
              f"exchange >= 5:1 {100 * sp5 / len(sel):.1f} %, >= 10:1 {100 * sp10 / len(sel):.1f} %")
    return heavy


def print_heavy(heavy, record, names):
    print("   the record's sides losing >= 70 % (isqno year, name, side, lost/men, resolution codes, "
          "attacker envelops):")
    for r, s in heavy:
        q = r["isqno"]
        reso = [x for x in record.get(q, {}).get(s, {}).get("reso", []) if x]
        print(f"     {q} {r['year']} {names.get(q, '')[:34]:34} {'attacker' if s == 0 else 'defender'} "
              f"{r['cas'][s]:.0f}/{r['str'][s]:.0f} days {r['days']} reso {','.join(reso) or '-'} "
              f"envelop {r['envelop']}")


def summarise_sim(build, seeds, lo, hi, max_days):
    n_sides = k70 = n_b = k5 = k10 = 0
    k70_jpn = n_ring = 0
    worst = []
    for seed in range(1, seeds + 1):
        out = subprocess.run([os.path.join(build, "hokushin"), "simulate", "--seed", str(seed), "--json"],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            if '"battle_result"' not in line:
                continue
            d = json.loads(line)
            if d.get("kind") != "battle_result" or "battles" not in d.get("source", ""):
                continue
            c, k = d["committed"], d["casualties"]
            men = c.get("JPN", 0) + c.get("SOV", 0)
            # a campaign's closing summary (no days of its own) sums its
            # engagements; only the engagements count
            if not d.get("days") or not (lo <= men <= hi) or d["days"] > max_days:
                continue
            n_b += 1
            n_ring += "the envelopment closes" in d.get("text", "").lower()
            for side in ("JPN", "SOV"):
                if c.get(side, 0) > 0:
                    n_sides += 1
                    f = k.get(side, 0) / c[side]
                    if f >= 0.7:
                        k70 += 1
                        k70_jpn += side == "JPN"
                        ring = "the envelopment closes" in d.get("text", "").lower()
                        worst.append((seed, d["date"], side, k.get(side, 0), c[side], d.get("winner"), ring))
            e = exchange(k.get("JPN", 0), k.get("SOV", 0))
            k5 += e >= 5
            k10 += e >= 10
    print(f"== the simulation, seeds 1-{seeds}: border engagements of {lo:,}-{hi:,} men, at most "
          f"{max_days} days: {n_b}")
    print(f"   sides losing >= 70 %: {pct(k70, n_sides)} (Japanese {k70_jpn}, after a closed envelopment "
          f"{sum(1 for w in worst if w[6])}); exchange >= 5:1 {pct(k5, n_b)}, >= 10:1 {pct(k10, n_b)}")
    print(f"   envelopments that close: {n_ring}, the Japanese side losing >= 70 % in "
          f"{pct(sum(1 for w in worst if w[6] and w[2] == 'JPN'), n_ring)}")
    for w in worst[:8]:
        print(f"     seed {w[0]} {w[1]} {w[2]} lost {w[3]:.0f} of {w[4]:.0f}, winner {w[5]}"
              f"{', envelopment closed' if w[6] else ''}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "cdb90"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--draws", type=int, default=200)
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--min-men", type=int, default=1000)
    ap.add_argument("--max-men", type=int, default=60000)
    ap.add_argument("--max-days", type=int, default=14)
    a = ap.parse_args()
    record, names = read_record(a.data)
    one = run_tails(a.build, a.data, a.draws, 1)
    heavy = summarise_cdb90(one, record, names, a.min_men, a.max_men, a.max_days, "one battle")
    print_heavy(heavy, record, names)
    modern = [r for r in one if r["year"] >= 1900]
    summarise_cdb90(modern, record, names, a.min_men, a.max_men, a.max_days, "one battle, 1900-1973")
    three = run_tails(a.build, a.data, a.draws, 3)
    summarise_cdb90(three, record, names, a.min_men, a.max_men, a.max_days,
                    "in three echelons, as the simulation's border battles")
    if a.seeds > 0:
        summarise_sim(a.build, a.seeds, a.min_men, a.max_men, a.max_days)
    return 0


if __name__ == "__main__":
    sys.exit(main())
