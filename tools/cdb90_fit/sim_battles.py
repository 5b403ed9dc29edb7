#!/usr/bin/env python3
"""Border engagements of simulated histories, counted as a reader counts them.

usage: sim_battles.py HOKUSHIN FIRST_SEED LAST_SEED [-v] [extra simulate args...]

Reads every battle_result event of `simulate --json` for the seeds and prints
how many engagements (and in how many histories) cost a side more than half
the men it committed, show an exchange ratio of 5:1 or worse, cost an
attacker 90% or more of its men, or were won by the side that lost three
times the other's men or more (-v lists them); and the quantiles of the casualty ratio
(larger / smaller loss) and of each side's loss share, to set beside
CDB90's (cdb90_fit --tails).
"""
import json
import re
import subprocess
import sys


def quantiles(xs, qs=(0.1, 0.25, 0.5, 0.75, 0.9)):
    xs = sorted(xs)
    if not xs:
        return []
    return [xs[min(len(xs) - 1, int(q * len(xs)))] for q in qs]


def main():
    hk, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    extra = [x for x in sys.argv[4:] if x != "-v"]
    verbose = "-v" in sys.argv[4:]
    rows = []
    for seed in range(a, b + 1):
        out = subprocess.run([hk, "simulate", "--seed", str(seed), "--json"] + extra,
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            e = json.loads(line)
            if e.get("type") != "event" or e.get("kind") != "battle_result" or "committed" not in e:
                continue
            m = re.search(r"the (Japanese|Soviet) attack", e["text"])
            att = {"Japanese": "JPN", "Soviet": "SOV"}[m.group(1)] if m else None
            rows.append((seed, e, att))
    counts = {"half": [], "ratio5": [], "att90": [], "winner_worse": []}
    # of the 5:1 exchanges: which side lost five times the other's men, the
    # attacker or the defender, and which army (docs/combat.md, "Defenders
    # that break")
    by_role = {"attacker": 0, "defender": 0, "?": 0}
    by_army = {"JPN": 0, "SOV": 0}
    ratios, shares = [], []
    for seed, e, att in rows:
        com, cas, win = e["committed"], e["casualties"], e.get("winner")
        sides = [k for k in com if com[k] > 0]
        if len(sides) != 2:
            continue
        sh = {k: cas.get(k, 0) / com[k] for k in sides}
        shares += list(sh.values())
        lo, hi = sorted(cas.get(k, 0) for k in sides)
        ratios.append(hi / max(lo, 1.0))
        tag = (seed, e["date"], e["sector"], com, cas, win, att)
        if max(sh.values()) > 0.5:
            counts["half"].append(tag)
        if hi >= 5 * max(lo, 1.0) and hi >= 100:
            counts["ratio5"].append(tag)
            loser = max(sides, key=lambda k: cas.get(k, 0))
            by_army[loser] = by_army.get(loser, 0) + 1
            by_role["?" if not att else "attacker" if loser == att else "defender"] += 1
        if att and sh.get(att, 0) >= 0.9:
            counts["att90"].append(tag)
        if win in sh:
            other = [k for k in sides if k != win][0]
            if cas.get(win, 0) >= 3 * max(cas.get(other, 0), 1.0) and cas.get(win, 0) >= 100:
                counts["winner_worse"].append(tag)
    n = len(ratios)
    print(f"seeds {a}-{b}: {n} engagements")
    labels = {"half": "a side lost more than half its men",
              "ratio5": "exchange ratio 5:1 or worse (larger loss >= 100)",
              "att90": "the attacker lost 90% or more",
              "winner_worse": "won by the side that lost three times the men or more"}
    for k, v in counts.items():
        print(f"  {labels[k]}: {len(v)} engagements in {len(set(t[0] for t in v))} histories")
    print("  of the 5:1 exchanges, the side that lost five times the other's men: attacker %d, defender %d%s; "
          "Japanese %d, Soviet %d" % (by_role["attacker"], by_role["defender"],
                                      f", unknown {by_role['?']}" if by_role["?"] else "", by_army.get("JPN", 0),
                                      by_army.get("SOV", 0)))
    print("  casualty ratio (larger/smaller) q10 q25 q50 q75 q90:",
          " ".join(f"{x:.2f}" for x in quantiles(ratios)))
    print("  loss share of committed q10 q25 q50 q75 q90:",
          " ".join(f"{x:.3f}" for x in quantiles(shares)))
    if verbose:
        for k, v in counts.items():
            for t in v[:8]:
                print(f"    {k}: seed {t[0]} {t[1]} {t[2]} committed {t[3]} casualties {t[4]} winner {t[5]} attacker {t[6]}")


if __name__ == "__main__":
    main()
