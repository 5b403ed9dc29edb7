#!/usr/bin/env python3
"""ceiling.py — how far CDB90's pre-battle information can name winners and
casualties at all, whatever the model (docs/combat.md, "What limits the
pre-battle figures").

    python3 tools/cdb90_fit/ceiling.py [CDB90_DIR]

Same battles and split as tools/cdb90_fit (fit: odd isqno without the six
Japan-USSR engagements; held out: even isqno and those six; CDB90's
duplicates left out; a blank wina is the attacker's defeat). Three checks,
each fitted on the fit part only and reported on the held-out part, the
whole of it and its battles of 1919-1945:

1. a logistic regression of "the attacker wins" on every pre-battle input
   (force ratio, weapons, surprise, air, envelopment, posture, terrain,
   weather, era, front widths, size, length): a flexible statistical rule
   on the same inputs as the combat model, and what it expects of itself
   (the mean over held-out battles of its own probability for the outcome
   it names);
2. a log-linear regression of each side's casualties on the same inputs:
   the sides within a factor of 2;
3. cells of battles alike in every coarse pre-battle input (force ratio
   class, surprise, air, posture, envelopment, era): the share of battles
   whose outcome is not their cell's commonest, counted over all battles
   (a rule fitted on these very battles could do no better at this
   coarseness) and over held-out battles against the fit part's commonest.

Standard library only; about two seconds.
"""
import csv
import datetime
import math
import sys
from collections import Counter, defaultdict

JAPAN_USSR = {256, 257, 258, 259, 260, 516}


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return float("nan")


def pos(v):
    return v if v == v and v > 0 else 0.0


def load(d):
    def rows(name):
        with open(f"{d}/{name}", newline="") as f:
            return list(csv.DictReader(f))

    bat = {int(r["isqno"]): r for r in rows("battles.csv")}
    bel = defaultdict(dict)
    for r in rows("belligerents.csv"):
        bel[int(r["isqno"])][0 if r["attacker"] == "1" else 1] = r
    first = lambda name, key: {int(r["isqno"]): r for r in rows(name) if r[key] == "1"}
    ter, wx, fw = first("terrain.csv", "terrano"), first("weather.csv", "wxno"), \
        first("front_widths.csv", "front_number")
    dur = {int(r["isqno"]): r for r in rows("battle_durations.csv")}
    out = []
    for q, r in sorted(bat.items()):
        if r["parent"] or 0 not in bel[q] or 1 not in bel[q]:
            continue
        a, dd = bel[q][0], bel[q][1]
        sa, sd = num(a["str"]), num(dd["str"])
        if not (sa > 0 and sd > 0):
            continue
        days, year = 1, 0
        if q in dur:
            try:
                t0 = datetime.datetime.fromisoformat(dur[q]["datetime_min"])
                t1 = datetime.datetime.fromisoformat(dur[q]["datetime_max"])
                days, year = max(1, round((t1 - t0).total_seconds() / 86400)), t0.year
            except ValueError:
                pass
        env = {"EE", "DE", "LR", "RR"}
        out.append(dict(
            q=q, part="held" if (q in JAPAN_USSR or q % 2 == 0) else "fit",
            wina=int(r["wina"]) if r["wina"] else -1, year=year, days=days,
            str=(sa, sd), cas=(num(a["cas"]), num(dd["cas"])),
            tank=(pos(num(a["tank"])), pos(num(dd["tank"]))),
            arty=(pos(num(a["arty"])), pos(num(dd["arty"]))),
            surp=int(r["surpa"]) if r["surpa"] else -1,
            air=int(r["aeroa"]) if r["aeroa"] else -1,
            env=a["pri1"] in env or a["pri2"] in env,
            post=r["post1"], ter=ter.get(q, {}), wx=wx.get(q, {}),
            front=(num(fw[q]["wofa"]), num(fw[q]["wofd"])) if q in fw else (0, 0)))
    return out


def era(y):
    return 0 if y < 1800 else 1 if y < 1900 else 2 if y < 1919 else 3 if y < 1946 else 4


def features(b):
    sa, sd = b["str"]
    pa = sa + 20 * b["tank"][0] + 10 * b["arty"][0]
    pd = sd + 20 * b["tank"][1] + 10 * b["arty"][1]
    t, w = b["ter"], b["wx"]
    fa, fd = b["front"]
    dens = (math.log(sa / fa) - math.log(sd / fd)) if fa > 0 and fd > 0 else 0.0
    e = era(b["year"])
    return [1.0, math.log(sa / sd), math.log(pa / pd), b["surp"] > 0, b["surp"] == -1,
            max(0, b["surp"]), b["air"] == 1, b["air"] == -1, b["env"],
            b["post"] == "PD", b["post"] == "FD", b["post"] in ("DL", "WD"),
            t.get("terra1") == "G", t.get("terra2") == "W", t.get("terra2") == "B",
            t.get("terra2") == "D", w.get("wx1") == "W", w.get("wx4") == "W",
            e == 0, e == 1, e == 2, e == 4, dens, math.log(sa + sd), math.log(b["days"]),
            b["tank"][0] > 0, b["tank"][1] > 0]


def solve(A, y):
    n = len(y)
    M = [row[:] + [y[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        if abs(M[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1):
                    M[r][k] -= f * M[c][k]
    return [M[i][n] / M[i][i] if abs(M[i][i]) > 1e-12 else 0.0 for i in range(n)]


def logistic(X, y, lam=1.0):
    k = len(X[0])
    w = [0.0] * k
    for _ in range(25):
        g = [0.0] * k
        H = [[0.0] * k for _ in range(k)]
        for x, t in zip(X, y):
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            for i in range(k):
                g[i] += (p - t) * x[i]
                for j in range(k):
                    H[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, k):
            g[i] += lam * w[i]
            H[i][i] += lam
        w = [a - b for a, b in zip(w, solve(H, g))]
    return w


def least_squares(X, y, lam=1.0):
    k = len(X[0])
    A = [[0.0] * k for _ in range(k)]
    g = [0.0] * k
    for x, t in zip(X, y):
        for i in range(k):
            g[i] += x[i] * t
            for j in range(k):
                A[i][j] += x[i] * x[j]
    for i in range(1, k):
        A[i][i] += lam
    return solve(A, g)


def pct(k, n):
    return f"{100 * k / n:.1f}% ({k}/{n})" if n else "–"


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/cdb90"
    B = load(d)
    fit = [b for b in B if b["part"] == "fit"]
    held = [b for b in B if b["part"] == "held"]
    h45 = [b for b in held if 1919 <= b["year"] <= 1945]
    sets = [("held out", held), ("held out, 1919–1945", h45)]

    # 1. winners
    w = logistic([[float(v) for v in features(b)] for b in fit],
                 [1.0 if b["wina"] == 1 else 0.0 for b in fit])
    print("| logistic regression on every pre-battle input | winner named | its own "
          "expectation | \"the attacker wins\" |\n|---|---|---|---|")
    for name, S in [("fit part (in sample)", fit)] + sets:
        k, expect = 0, 0.0
        for b in S:
            z = sum(a * float(c) for a, c in zip(w, features(b)))
            p = 1 / (1 + math.exp(-z))
            k += (b["wina"] == 1) == (p > 0.5)
            expect += max(p, 1 - p)
        att = sum(b["wina"] == 1 for b in S)
        print(f"| {name} | {pct(k, len(S))} | {100 * expect / len(S):.1f}% | "
              f"{pct(att, len(S))} |")

    # 2. casualties
    def cf(b, s):
        f = features(b)
        own, en = b["str"][s], b["str"][1 - s]
        return [1.0, math.log(own), math.log(en), float(s)] + [float(v) for v in f[1:]] + \
               [s * float(v) for v in f[1:]]
    X, y = [], []
    for b in fit:
        for s in (0, 1):
            if b["cas"][s] > 0:
                X.append(cf(b, s))
                y.append(math.log(b["cas"][s]))
    c = least_squares(X, y)
    print("\n| log-linear regression of casualties on every pre-battle input | sides "
          "within 2× |\n|---|---|")
    for name, S in [("fit part (in sample)", fit)] + sets:
        k = n = 0
        for b in S:
            for s in (0, 1):
                if b["cas"][s] > 0:
                    p = sum(a * v for a, v in zip(c, cf(b, s)))
                    n += 1
                    k += abs(p - math.log(b["cas"][s])) <= math.log(2)
        print(f"| {name} | {pct(k, n)} |")

    # 3. cells of battles alike before the battle
    def cell(b):
        r = b["str"][0] / b["str"][1]
        rc = 0 if r < 1 else 1 if r < 2 else 2 if r < 4 else 3
        sp = 1 if b["surp"] > 0 else -1 if b["surp"] == -1 else 0
        post = {"PD": 1, "FD": 2, "DL": 3, "WD": 3}.get(b["post"], 0)
        e = era(b["year"])
        return (rc, sp, b["air"], post, b["env"], 0 if e < 3 else 1 if e == 3 else 2)
    allc = defaultdict(Counter)
    for b in B:
        allc[cell(b)][b["wina"]] += 1
    minority = sum(sum(v.values()) - max(v.values()) for v in allc.values())
    fitc = defaultdict(Counter)
    for b in fit:
        fitc[cell(b)][b["wina"]] += 1
    print("\n| battles grouped by coarse pre-battle inputs | |\n|---|---|")
    print(f"| cells (force ratio class × surprise × air × posture × envelopment × era) | "
          f"{len(allc)} |")
    print(f"| all battles whose outcome is not their cell's commonest (in sample) | "
          f"{pct(minority, len(B))} |")
    for name, S in sets:
        k = 0
        for b in S:
            cc = fitc.get(cell(b))
            guess = cc.most_common(1)[0][0] if cc else 1
            k += b["wina"] == guess
        print(f"| {name}: the fit part's commonest outcome of the cell (or \"the attacker "
              f"wins\" for a cell it lacks) | {pct(k, len(S))} named |")


if __name__ == "__main__":
    main()
