#!/usr/bin/env python3
"""Who wins when the combat model is drawn at random, against the record
(docs/combat.md, "Who wins a drawn battle, and the border battles' losses").

    python3 tools/cdb90_fit/winners.py [--data DIR] [--build DIR] [--draws N] [--seeds N]
                                       [--winner-scale S]

Standard-library Python. Runs `BUILD/cdb90_fit --tails N` (once as one battle,
once in the simulation's three echelons), whose last two columns are the
shares of N random draws that the attacker and the defender win (with
--winner-scale S, as the draws would go with the drawn winner at that scale
instead of the compiled one), and prints:

- per part of the declared split: the share of battles the attacker won in
  the record, the share the central estimate names the attacker, and the
  mean share of the random draws the attacker wins (what a simulation
  gives); with the draws' log-likelihood and Brier score of the recorded
  "attacker won" against those of the part's own rate;
- the held-out battles binned by the draws' attacker share, beside the share
  the attacker won in the record (a calibrated model has the two alike);
- the same for battles of a border battle's size and length (1900 on,
  1,000-100,000 men in all, 1-14 days);
- with --seeds N, for the simulation's border engagements of seeds 1..N
  (`battle_result` events of the border battles and campaigns whose text
  names the attacking side): how often the attacker wins, and the Soviet and
  Japanese casualties summed.
"""
import argparse
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_tails(build, data, draws, echelons, scale=None):
    cmd = [os.path.join(build, "cdb90_fit"), data, "--tails", str(draws), "--echelons", str(echelons)]
    if scale is not None:
        cmd += ["--winner-scale", str(scale)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        if line.startswith("#"):
            continue
        a, m, d = (p.split() for p in line.split("|"))
        if len(d) < 11:
            sys.exit("winners.py: cdb90_fit --tails gives no pwa/pwd columns (an older build?)")
        rows.append({"isqno": int(a[0]), "part": int(a[1]), "year": int(a[2]), "days": int(a[3]),
                     "men": float(a[6]) + float(a[7]), "wina": int(a[10]), "central": int(m[2]),
                     "pwa": float(d[9]), "pwd": float(d[10])})
    return rows


def border_size(r):
    return r["year"] >= 1900 and 1000 <= r["men"] <= 100000 and 1 <= r["days"] <= 14


def line(label, sel):
    n = len(sel)
    if not n:
        return
    won = sum(r["wina"] == 1 for r in sel) / n
    cen = sum(r["central"] == 0 for r in sel) / n
    drawn = sum(r["pwa"] for r in sel) / n
    ll = sum(math.log(min(max(r["pwa"] if r["wina"] == 1 else 1 - r["pwa"], 0.01), 0.99)) for r in sel) / n
    ll0 = sum(math.log(won if r["wina"] == 1 else 1 - won) for r in sel) / n
    brier = sum((r["pwa"] - (r["wina"] == 1)) ** 2 for r in sel) / n
    brier0 = sum((won - (r["wina"] == 1)) ** 2 for r in sel) / n
    print(f"   {label:<34} {n:4d} battles: attacker won {100 * won:5.1f} %, central names it "
          f"{100 * cen:5.1f} %, random draws {100 * drawn:5.1f} %; log-lik {ll:.3f} "
          f"(own rate {ll0:.3f}), Brier {brier:.3f} ({brier0:.3f})")


def cdb90(rows, label):
    print(f"== CDB90, {label}")
    line("fit part", [r for r in rows if r["part"] == 0])
    line("held out", [r for r in rows if r["part"] == 1])
    line("held out, 1919-1945", [r for r in rows if r["part"] == 1 and 1919 <= r["year"] <= 1945])
    line("border size, both parts", [r for r in rows if border_size(r)])
    held = [r for r in rows if r["part"] == 1]
    for lo, hi in ((0, .5), (.5, .7), (.7, .85), (.85, .95), (.95, 1.01)):
        b = [r for r in held if lo <= r["pwa"] < hi]
        if b:
            print(f"     held out, draws give the attacker {lo:.2f}-{min(hi, 1):.2f}: {len(b):3d} battles, "
                  f"draws {100 * sum(r['pwa'] for r in b) / len(b):5.1f} %, record "
                  f"{100 * sum(r['wina'] == 1 for r in b) / len(b):5.1f} %")


def simulation(build, seeds):
    n = att_won = 0
    by = {"JPN": [0, 0], "SOV": [0, 0]}
    cas = {"JPN": 0, "SOV": 0}
    for seed in range(1, seeds + 1):
        out = subprocess.run([os.path.join(build, "hokushin"), "simulate", "--seed", str(seed), "--json"],
                             check=True, capture_output=True, text=True).stdout
        for ln in out.splitlines():
            if '"battle_result"' not in ln:
                continue
            d = json.loads(ln)
            if d.get("kind") != "battle_result" or "battles" not in d.get("source", "") or not d.get("days"):
                continue
            t = d.get("text", "")
            att = "SOV" if "the Soviet attack" in t else "JPN" if "the Japanese attack" in t else None
            k = d.get("casualties") or {}
            for s in cas:
                cas[s] += k.get(s, 0)
            if att is None:
                continue
            n += 1
            att_won += d.get("winner") == att
            by[att][0] += 1
            by[att][1] += d.get("winner") == att
    print(f"== the simulation, seeds 1-{seeds}: border engagements whose attacker the text names: {n}")
    if n:
        print(f"   the attacker wins {100 * att_won / n:.1f} % (Japanese attacks {by['JPN'][1]}/{by['JPN'][0]}, "
              f"Soviet attacks {by['SOV'][1]}/{by['SOV'][0]})")
    if cas["JPN"]:
        print(f"   casualties of all border engagements: Soviet {cas['SOV']:.0f}, Japanese {cas['JPN']:.0f} "
              f"(Soviet / Japanese {cas['SOV'] / cas['JPN']:.2f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "cdb90"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--draws", type=int, default=400)
    ap.add_argument("--seeds", type=int, default=0)
    ap.add_argument("--winner-scale", type=float, default=None)
    a = ap.parse_args()
    cdb90(run_tails(a.build, a.data, a.draws, 1, a.winner_scale), "one battle")
    cdb90(run_tails(a.build, a.data, a.draws, 3, a.winner_scale),
          "in three echelons, as the simulation's border battles")
    if a.seeds > 0:
        simulation(a.build, a.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
