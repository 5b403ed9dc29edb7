"""The per-battle lines of `cdb90_fit --evaluate` with CDB90_DUMP_ALL=1, and the
CDB90 tables they are read against (works.py, fortified.py). Standard-library
Python."""
import collections
import csv
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "..", "shared", "data", "cdb90")
BUILD = os.path.join(ROOT, "build")


def first_scorings(name, data, build, fields, extra=()):
    """Runs BUILD/cdb90_fit DATA --evaluate and returns, by isqno, the split D
    line of each battle's first scoring (the model's own) with at least
    `fields` fields. `name` names the calling script in its errors."""
    tool = os.path.join(build, "cdb90_fit")
    if not os.access(tool, os.X_OK):
        sys.exit(f"{name}: {tool} not built")
    env = dict(os.environ, CDB90_DUMP_ALL="1")
    out = subprocess.run([tool, data, "--evaluate", "--quiet", *extra], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr)
    rows = {}
    for line in out.stderr.splitlines():
        p = line.split()
        if len(p) >= fields and p[0] == "D" and p[1] not in rows:
            rows[p[1]] = p
    return rows


def battles_and_sides(data):
    """battles.csv by isqno, and belligerents.csv by isqno and attacker flag."""
    battles = {r["isqno"]: r for r in csv.DictReader(open(os.path.join(data, "battles.csv")))}
    sides = collections.defaultdict(dict)
    for r in csv.DictReader(open(os.path.join(data, "belligerents.csv"))):
        sides[r["isqno"]][r["attacker"]] = r
    return battles, sides
