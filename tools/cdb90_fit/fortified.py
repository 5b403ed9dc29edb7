#!/usr/bin/env python3
"""Attacks on prepared and fortified ground in CDB90, against the combat model
(docs/combat.md, "Attacks on fortified ground").

    python3 tools/cdb90_fit/fortified.py [--data DIR] [--build DIR] [--part fit|held|all]

Standard-library Python. Runs `BUILD/cdb90_fit DATA --evaluate` with
CDB90_DUMP_ALL=1, which prints one line per battle with the winner the
compiled-in model names and the power ratio it computes at the start (the
defender's posture and terrain in it), and groups the battles by the
defender's posture (CDB90 `post1`: HD hasty, PD prepared, FD fortified) and
by that power ratio. For each group it prints how many battles there are, how
often the attacker won in the record and how often the model names it, the
median calendar days of the attacker's wins, and the median ratio of the
attacker's casualties to the defender's, in the battles the attacker won and
in those it did not.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dump  # noqa: E402


def num(x):
    try:
        return float(x)
    except ValueError:
        return 0.0


def median(v):
    v = sorted(v)
    return v[len(v) // 2] if v else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=dump.DATA)
    ap.add_argument("--build", default=dump.BUILD)
    ap.add_argument("--part", choices=("fit", "held", "all"), default="all")
    a = ap.parse_args()
    battles, sides = dump.battles_and_sides(a.data)
    rows = {}
    # D isqno part year wina winner broke score+bias strain strain logratio days_model days_rec ratio collapsed
    for isqno, p in dump.first_scorings("fortified.py", a.data, a.build, 15).items():
        part = int(p[2])
        if (a.part == "fit" and part != 0) or (a.part == "held" and part != 1):
            continue
        rows[isqno] = dict(wina=int(p[4]), named=int(p[5]), days=int(p[12]), ratio=float(p[13]),
                           post=battles[isqno]["post1"])
    bins = ((0, 0.5), (0.5, 1), (1, 2), (2, float("inf")))
    print("| defender | power ratio at the start | battles | attacker won (record) | model names the attacker "
          "| median days of the attacker's wins | attacker / defender casualties: attacker won | attacker lost |")
    print("|---|---|---|---|---|---|---|---|")
    for post in ("FD", "PD", "HD"):
        for lo, hi in bins:
            sel = [(q, r) for q, r in rows.items() if r["post"] == post and lo <= r["ratio"] < hi]
            if not sel:
                continue
            won = [(q, r) for q, r in sel if r["wina"] == 1]
            lost = [(q, r) for q, r in sel if r["wina"] != 1]

            def exchange(group):
                v = []
                for q, _ in group:
                    at, de = sides[q].get("1"), sides[q].get("0")
                    if at and de and num(at["cas"]) > 0 and num(de["cas"]) > 0:
                        v.append(num(at["cas"]) / num(de["cas"]))
                return median(v)

            hi_txt = f"{hi:g}" if hi != float("inf") else "and over"
            rng = f"{lo:g}–{hi_txt}" if hi != float("inf") else f"{lo:g} and over"
            print(f"| {post} | {rng} | {len(sel)} | {len(won)} | {sum(r['named'] == 0 for _, r in sel)} | "
                  f"{median([r['days'] for _, r in won]):g} | {exchange(won):.2f} | {exchange(lost):.2f} |")


if __name__ == "__main__":
    main()
