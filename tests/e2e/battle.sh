#!/usr/bin/env bash
# battle: Khalkhin Gol from the historical forces (record.yaml) as a
# campaign of four engagements, both sides growing from their strengths in
# the first one, gives the JSON of product.md (each side's
# casualties and losses by arm, the winner) and the same figures as the
# validation report; a one-engagement campaign is the plain battle; five men
# against a million inflict no more than the bound on inflicted losses; bad SPECs
# and bad --phases exit 2 with a message; a winning envelopment takes
# prisoners, except from a defender that does not surrender;
# the held-out CDB90 figures the fitting tool computes from the compiled-in
# parameters are the ones docs/combat-validation.md reports, and on the
# held-out battles of a border battle's size a defender that breaks makes
# the defender, not the attacker, the commoner side of a 5:1 exchange.
set -euo pipefail
HK=${1:?usage: battle.sh PATH_TO_hokushin}
SRC=${HK_SOURCE_DIR:?HK_SOURCE_DIR not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

SOV='SOV:men=57000,tanks=498,guns=542,aircraft=515,supply_km=650,surprise=2,envelop=1'
JPN='JPN:men=30000,tanks=120,guns=135,aircraft=200,supply_km=240,posture=prepared,no_surrender=1'
PH='JPN:3@0,JPN:11@35,JPN:3@56,SOV:12@84'
SOV0='SOV:men=1228,guns=14'
JPN0='JPN:men=1300,tanks=10,guns=4,aircraft=20'
KG=(--attacker "$SOV" --defender "$JPN" --attacker-start "$SOV0" --defender-start "$JPN0"
    --terrain steppe --phases "$PH")

"$HK" battle "${KG[@]}" --json >"$tmp/kg.json"
"$HK" battle "${KG[@]}" --json >"$tmp/kg2.json"
cmp -s "$tmp/kg.json" "$tmp/kg2.json" || { echo "FAIL: the same battle twice gave different JSON" >&2; fail=1; }
"$HK" battle "${KG[@]}" >"$tmp/kg.txt"
# Without the day-0 strengths, the peak forces fight every engagement.
"$HK" battle --attacker "$SOV" --defender "$JPN" --terrain steppe --phases "$PH" --json >"$tmp/kg_peak.json"
"$HK" battle --attacker "$SOV" --defender "$JPN" --runs 200 --seed 5 --json >"$tmp/runs.json"
"$HK" battle --attacker "$SOV" --defender "$JPN" --terrain steppe --days 12 --json >"$tmp/one.json"
"$HK" battle --attacker "$SOV" --defender "$JPN" --terrain steppe --phases SOV:12 --json >"$tmp/one_ph.json"
"$HK" battle --attacker "$SOV" --defender "${JPN%,no_surrender=1}" --terrain steppe --days 12 --json >"$tmp/one_ns0.json"
# Extreme ratios: a side inflicts at most 2 casualties per men-equivalent a
# day (docs/combat.md, "Bound on inflicted losses"), either way round.
"$HK" battle --attacker SOV:men=5 --defender JPN:men=1000000 --json >"$tmp/tiny_att.json"
"$HK" battle --attacker SOV:men=1000000 --defender JPN:men=5 --days 30 --json >"$tmp/tiny_def.json"

"$HK" battle --attacker SOV:men=100000,tanks=800,guns=1000,surprise=2,envelop=1,air=1 \
    --defender JPN:men=20000,guns=50 --days 10 --json >"$tmp/env.json"
"$HK" battle --attacker SOV:men=100000,tanks=800,guns=1000,surprise=2,envelop=1,air=1 \
    --defender JPN:men=20000,guns=50,no_surrender=1 --days 10 --json >"$tmp/env_ns.json"
# A planned river crossing is an input of the SPEC (docs/combat.md, "River
# crossings"); the compiled fit leaves its term off, so it moves nothing.
"$HK" battle --attacker SOV:men=100000,tanks=800,guns=1000,envelop=1,river=1 \
    --defender JPN:men=20000,guns=50 --days 10 --json >"$tmp/river.json"
"$HK" battle --attacker SOV:men=100000,tanks=800,guns=1000,envelop=1 \
    --defender JPN:men=20000,guns=50 --days 10 --json >"$tmp/dry.json"
# A defender that delays (docs/combat.md, "Delaying actions"): the compiled
# fit has both sides lose less, the forces' power the same.
"$HK" battle --attacker SOV:men=30000,tanks=100,guns=200 --defender JPN:men=15000,guns=60,delay=1 \
    --days 5 --json >"$tmp/delay.json"
"$HK" battle --attacker SOV:men=30000,tanks=100,guns=200 --defender JPN:men=15000,guns=60 \
    --days 5 --json >"$tmp/hold.json"
python3 - "$tmp" <<'PY' || fail=1
import json, sys
d = sys.argv[1]
r, w = json.load(open(f"{d}/river.json")), json.load(open(f"{d}/dry.json"))
bad = []
if r["attacker"]["forces"].get("river") is not True or w["attacker"]["forces"].get("river") is not False:
    bad.append("attacker.forces.river gives the SPEC's river flag")
if (r["attacker"]["casualties"], r["defender"]["casualties"], r["winner"]) != \
   (w["attacker"]["casualties"], w["defender"]["casualties"], w["winner"]):
    bad.append("river=1 moves nothing while the compiled fit leaves the term off")
dl, hd = json.load(open(f"{d}/delay.json")), json.load(open(f"{d}/hold.json"))
if dl["defender"]["forces"].get("delay") is not True or hd["defender"]["forces"].get("delay") is not False:
    bad.append("defender.forces.delay gives the SPEC's delay flag")
if not (dl["attacker"]["casualties"] < hd["attacker"]["casualties"] and
        dl["defender"]["casualties"] < hd["defender"]["casualties"]):
    bad.append("a defender that delays: both sides lose less than against one that holds")
if dl["power_ratio"] != hd["power_ratio"]:
    bad.append("a delay moves the losses, not the forces' power")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

python3 - "$tmp" "$SRC/docs/combat-validation.md" <<'PY' || fail=1
import json, re, sys
d, doc = sys.argv[1], sys.argv[2]
fail = []
kg = json.load(open(f"{d}/kg.json"))
for role, name in (("attacker", "SOV"), ("defender", "JPN")):
    s = kg.get(role, {})
    if s.get("side") != name:
        fail.append(f"{role}.side is {name}")
    c = s.get("casualties")
    if not isinstance(c, int) or c <= 0:
        fail.append(f"{role}.casualties a positive whole number, got {c!r}")
    losses = s.get("losses", {})
    for arm in ("men", "tanks", "guns", "aircraft"):
        if not isinstance(losses.get(arm), int) or losses[arm] < 0:
            fail.append(f"{role}.losses.{arm} a whole number >= 0")
    if losses.get("men") != c:
        fail.append(f"{role}: losses.men equals casualties")
    f = s.get("forces", {})
    for arm in ("men", "tanks", "guns", "aircraft"):
        if arm in losses and arm in f and losses[arm] > f[arm]:
            fail.append(f"{role}: lost more {arm} than it had")
if kg.get("winner") not in ("SOV", "JPN", "draw"):
    fail.append(f"winner is SOV, JPN or draw, got {kg.get('winner')!r}")
if not (1 <= kg.get("days", 0) <= 29):
    fail.append("days within the 29 of --phases")
ph = kg.get("phases", [])
if [(p.get("attacker"), p.get("max_days")) for p in ph] != [("JPN", 3), ("JPN", 11), ("JPN", 3), ("SOV", 12)]:
    fail.append(f"phases echoed, got {ph!r}")
one, one_ph, ns0 = (json.load(open(f"{d}/{n}.json")) for n in ("one", "one_ph", "one_ns0"))
if [one[r]["casualties"] for r in ("attacker", "defender")] != [one_ph[r]["casualties"] for r in ("attacker", "defender")]:
    fail.append("--phases SOV:12 (attacker 12 days) is the same as --days 12")
# The no-surrender side loses more and makes its enemy lose more.
if not (one["defender"]["casualties"] > ns0["defender"]["casualties"]
        and one["attacker"]["casualties"] > ns0["attacker"]["casualties"]):
    fail.append("no_surrender=1 raises both sides' casualties")
if kg.get("terrain") != "steppe":
    fail.append("terrain echoed")
# Growing forces: fewer casualties than the peak forces in every engagement;
# the day-0 strengths and each engagement's first day are echoed.
peak = json.load(open(f"{d}/kg_peak.json"))
for role in ("attacker", "defender"):
    if not kg[role]["casualties"] < peak[role]["casualties"]:
        fail.append(f"{role}: growing forces should cost less than the peak from day 0")
if kg["attacker"].get("forces_start", {}).get("men") != 1228:
    fail.append("forces_start echoed")
if [e.get("start_day") for e in kg.get("phases", [])] != [0, 35, 56, 84]:
    fail.append(f"start days echoed, got {kg.get('phases')!r}")
if kg["attacker"]["forces"].get("nation") != "RUS" or kg["defender"]["forces"].get("nation") != "JPN":
    fail.append("SOV and JPN take the RUS and JPN loss factors")
# The report's Khalkhin Gol row was computed by the same model.
text = open(doc, encoding="utf-8").read()
m = re.search(r"\| Soviet casualties \|[^|]*\| (\d+) \|", text)
n = re.search(r"\| Japanese casualties \|[^|]*\| (\d+) \|", text)
if not m or not n:
    fail.append("the validation report has the Khalkhin Gol rows")
elif (int(m.group(1)), int(n.group(1))) != (kg["attacker"]["casualties"], kg["defender"]["casualties"]):
    fail.append(f"report says {m.group(1)}/{n.group(1)}, battle gives "
                f"{kg['attacker']['casualties']}/{kg['defender']['casualties']}")
runs = json.load(open(f"{d}/runs.json"))["runs"]
p = runs["p_win"]
if runs["n"] != 200 or abs(p["attacker"] + p["defender"] + p["draw"] - 1) > 1e-9:
    fail.append("--runs: shares of wins add up to 1 over 200 runs")
lo, hi = runs["attacker_casualties"]["p05_p95"]
if not lo <= hi:
    fail.append("--runs: 5% <= 95%")
if "casualties" not in open(f"{d}/kg.txt").read():
    fail.append("text output has a casualties row")
for name, weak in (("tiny_att", "attacker"), ("tiny_def", "defender")):
    b = json.load(open(f"{d}/{name}.json"))
    strong = "defender" if weak == "attacker" else "attacker"
    cap = 2 * b[weak]["power"] * b["days"]
    if not b[strong]["casualties"] <= cap:
        fail.append(f"{name}: 5 men inflicted {b[strong]['casualties']} casualties in {b['days']} days (cap {cap:g})")
# The planned attack: a winning envelopment takes prisoners from a defender
# that may surrender, none from one that does not; both within what it had.
for name, ns in (("env", False), ("env_ns", True)):
    b = json.load(open(f"{d}/{name}.json"))
    dfd = b["defender"]
    if b["winner_role"] != "attacker":
        fail.append(f"{name}: the overwhelming envelopment should win")
    if not 0 <= dfd["prisoners"] <= dfd["casualties"] <= dfd["forces"]["men"]:
        fail.append(f"{name}: prisoners within casualties within men")
    if ns != (dfd["prisoners"] == 0):
        fail.append(f"{name}: prisoners {dfd['prisoners']} with no_surrender={ns}")
    if b["attacker"]["forces"]["envelop"] is not True or b["attacker"]["forces"]["surprise"] != 2:
        fail.append(f"{name}: the plan is echoed")
for msg in fail:
    print("FAIL:", msg, file=sys.stderr)
sys.exit(1 if fail else 0)
PY

# Bad input: exit status 2 and a message on stderr.
expect_usage() {
    local rc=0
    "$HK" battle "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    if [ "$rc" != 2 ] || [ ! -s "$tmp/err" ]; then
        echo "FAIL: 'battle $*' should exit 2 with a message (got $rc)" >&2
        fail=1
    fi
}
expect_usage --attacker 'men=5' --defender "$JPN"
expect_usage --attacker 'SOV:men=-5' --defender "$JPN"
expect_usage --attacker 'SOV:men=5,horses=2' --defender "$JPN"
expect_usage --attacker 'SOV:men=5,men=6' --defender "$JPN"
expect_usage --attacker 'SOV:tanks=5' --defender "$JPN"
expect_usage --attacker "$SOV" --defender 'JPN:men=abc'
expect_usage --attacker "$SOV" --defender 'JPN:men=5,posture=dug_in'
expect_usage --attacker "$SOV" --defender "$JPN" --terrain swamp
expect_usage --attacker "$SOV" --defender "$JPN" --days 0
expect_usage --attacker "$SOV" --defender "$JPN" --days many
expect_usage --attacker "$SOV" --defender "$JPN" --phases 'XX:3'
expect_usage --attacker "$SOV" --defender "$JPN" --phases 'JPN:0'
expect_usage --attacker "$SOV" --defender "$JPN" --phases 'JPN:3,'
expect_usage --attacker "$SOV" --defender "$JPN" --phases 'JPN:3' --days 3
expect_usage --attacker "$SOV" --defender "$JPN" --phases 'JPN:3@10,SOV:3@5'
expect_usage --attacker "$SOV" --defender "$JPN" --phases 'JPN:3@x'
expect_usage --attacker "$SOV" --defender "$JPN" --phases 'JPN:3@-1'
expect_usage --attacker "$SOV" --defender "$JPN" --attacker-start "$SOV0"
expect_usage --attacker "$SOV" --defender "$JPN" --attacker-start 'XX:men=5' --phases "$PH"
expect_usage --attacker "$SOV" --defender "$JPN" --defender-start 'JPN:men=-1' --phases "$PH"
expect_usage --attacker 'SOV:men=5,nation=Atlantis' --defender "$JPN"
expect_usage --attacker "$SOV" --defender 'JPN:men=5,no_surrender=2'
expect_usage --attacker 'SOV:men=5,surprise=4' --defender "$JPN"
expect_usage --attacker 'SOV:men=5,surprise=x' --defender "$JPN"
expect_usage --attacker 'SOV:men=5,air=2' --defender "$JPN"
expect_usage --attacker 'SOV:men=5,envelop=-1' --defender "$JPN"
expect_usage --attacker 'JPN:men=5,night=2' --defender "$JPN"
expect_usage --attacker 'JPN:men=5,night=' --defender "$JPN"
expect_usage --attacker "$SOV" --defender 'SOV:men=5'
expect_usage --attacker "$SOV"
expect_usage --attacker "$SOV" --defender "$JPN" --bogus
expect_usage --attacker
"$HK" battle --help >"$tmp/help.txt" && grep -q -- '--attacker' "$tmp/help.txt" || { echo "FAIL: --help" >&2; fail=1; }

# The held-out figures of the compiled-in fit are those of the report.
FIT="${HK_BUILD_DIR:-}/cdb90_fit"
DATA="${HK_SHARED_DIR:-$SRC/../shared}/data/cdb90"
if [ -x "$FIT" ] && [ -f "$DATA/battles.csv" ]; then
    "$FIT" "$DATA" --evaluate --quiet >"$tmp/eval.txt"
    for key in heldout_winner_share heldout_within2_share lanchester_heldout_winner_share \
               lanchester_heldout_within2_share heldout_1919_1945_winner_share \
               heldout_1919_1945_within2_share heldout_collapse_loglik heldout_collapse_loglik_base \
               heldout_border_exchange5_share heldout_border_defender5_share heldout_border_attacker5_share \
               heldout_draws_attacker_share heldout_draws_loglik heldout_draws_loglik_base \
               heldout_draws_loglik_score heldout_border_draws_attacker_share heldout_attacker_won_share; do
        got=$(grep "^$key=" "$tmp/eval.txt" || true)
        want=$(grep "^$key=" "$SRC/docs/combat-validation.md" || true)
        if [ -z "$got" ] || [ "$got" != "$want" ]; then
            echo "FAIL: $key: tool gives '$got', report says '$want'" >&2
            fail=1
        fi
    done
    # Defenders that break (docs/combat.md): on the held-out battles of a
    # border battle's size the lopsided exchanges come more often from the
    # defender's side than from the attacker's, as in CDB90 (17.0 % against
    # 9.8 %; the model without the collapse had 11.8 % against 12.7 %), and
    # the pre-battle odds of a collapse tell more than its base rate.
    python3 - "$tmp/eval.txt" <<'PY' || fail=1
import sys
v = dict(l.strip().split("=", 1) for l in open(sys.argv[1]) if "=" in l)
f = lambda k: float(v.get(k, "nan"))
bad = []
if not f("heldout_border_defender5_share") > f("heldout_border_attacker5_share"):
    bad.append("the defender loses 5x more often than the attacker on held-out border-size battles")
if not (0.12 <= f("heldout_border_defender5_share") <= 0.25):
    bad.append("the defender's 5:1 share within 0.12-0.25 of the record's 0.170")
if not f("heldout_collapse_loglik") > f("heldout_collapse_loglik_base"):
    bad.append("the collapse odds beat their base rate held out")
# Who wins a drawn battle (docs/combat.md): the random draws give the
# held-out attacker about the share of battles it won in the record (61 %;
# the score deciding gave it 75 %), and the draws' odds of the recorded
# outcome are likelier than the score's.
if not abs(f("heldout_draws_attacker_share") - f("heldout_attacker_won_share")) <= 0.05:
    bad.append("the draws' attacker share within 5 points of the record's, held out")
if not f("heldout_draws_loglik") > f("heldout_draws_loglik_score"):
    bad.append("the drawn winners' odds beat the score deciding, held out")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
else
    echo "note: cdb90_fit or the CDB90 data not found; report check skipped"
fi
exit $fail
