#!/usr/bin/env python3
"""What attacks on prepared and fortified ground cost in CDB90, against the combat
model (docs/combat.md, "A storm of works").

    python3 tools/cdb90_fit/works.py [--data DIR] [--build DIR] [-- cdb90_fit options]

Standard-library Python. Runs `BUILD/cdb90_fit DATA --evaluate` with
CDB90_DUMP_ALL=1 (one line per battle with the model's casualties; options
after `--` go to cdb90_fit, e.g. `-- --no-works-storm`) and prints, for the
fit part and the held-out part, the mean log error of the model's casualties
(ln((model + 1) / (record + 1)); negative: the model gives too few) of the
attacker and of the defender, by the defender's posture (CDB90 `post1`: HD
hasty, PD prepared, FD fortified), by the era of the battle's weapons (before
1901, 1901 on: the dispersion factors of Dupuy the fit gives each battle) and
by the battle's length in days. The six Japan-USSR engagements are in the
held-out part as every even isqno is.
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dump  # noqa: E402


def num(x):
    try:
        return float(x)
    except ValueError:
        return float("nan")


def err(model, rec):
    return math.log((model + 1) / (rec + 1)) if rec == rec and rec > 0 else None


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=dump.DATA)
    ap.add_argument("--build", default=dump.BUILD)
    a = ap.parse_args(argv)
    battles, sides = dump.battles_and_sides(a.data)
    rows = {}
    # D isqno part year wina winner broke score+bias strain strain logratio days_model days_rec ratio
    # collapsed cas_att cas_def
    for isqno, p in dump.first_scorings("works.py", a.data, a.build, 17, extra).items():
        at, de = sides[isqno].get("1"), sides[isqno].get("0")
        if not at or not de:
            continue
        rows[isqno] = dict(part=int(p[2]), year=int(p[3]), days=int(p[12]), post=battles[isqno]["post1"],
                           ea=err(float(p[15]), num(at["cas"])), ed=err(float(p[16]), num(de["cas"])))
    eras = (("before 1901", 0, 1900), ("1901 on", 1901, 9999))
    lengths = (("1 day", 0, 1), ("2-3 days", 2, 3), ("4 days and more", 4, 99999))
    print("| defender | era | length | fit: battles | fit: attacker | fit: defender "
          "| held out: battles | held out: attacker | held out: defender |")
    print("|---|---|---|---|---|---|---|---|---|")

    def cell(sel, key):
        v = [r[key] for r in sel if r[key] is not None]
        return f"{sum(v) / len(v):+.2f}" if v else "–"

    for post in ("HD", "PD", "FD"):
        for era, y0, y1 in eras:
            for length, d0, d1 in lengths:
                cells = []
                for part in (0, 1):
                    sel = [r for r in rows.values() if r["part"] == part and r["post"] == post
                           and y0 <= r["year"] <= y1 and d0 <= r["days"] <= d1]
                    cells += [str(len(sel)), cell(sel, "ea"), cell(sel, "ed")]
                if cells[0] == "0" and cells[3] == "0":
                    continue
                print(f"| {post} | {era} | {length} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
