#!/usr/bin/env bash
# validate.sh — regenerate docs/validation.md: the model against the record,
# the combat model's CDB90 figures and the sources' causal claims.
# Called by `make validate`; every number in the report comes from this run.
#
#   BUILD=build        the build folder holding the hokushin program
#   RUNS=1000          simulate runs per ensemble (the report of record needs >= 1000)
#   SEED=1918          random seed
#   THREADS=0          worker threads (0 = every core); never changes a number
#   CALIBRATE=1        also refit the incident process first (writes data/calibration.yaml;
#                      it does not change params.yaml: `hokushin calibrate --apply` does)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
HOKUSHIN=${HOKUSHIN:-$BUILD/hokushin}
RUNS=${RUNS:-1000}
SEED=${SEED:-1918}
THREADS=${THREADS:-0}

if [ ! -x "$HOKUSHIN" ]; then
  echo "validate.sh: $HOKUSHIN is not built; run 'make build' (or set BUILD=DIR)" >&2
  exit 1
fi

start=$(date +%s)
mkdir -p docs data
if [ "${CALIBRATE:-0}" = 1 ]; then
  "$HOKUSHIN" calibrate --seed "$SEED" --threads "$THREADS" --out data/calibration.yaml
fi
"$HOKUSHIN" validate --runs "$RUNS" --seed "$SEED" --threads "$THREADS" \
  --out docs/validation.md --combat-doc docs/combat-validation.md --calibration data/calibration.yaml
echo "validate.sh: docs/validation.md regenerated in $(( $(date +%s) - start )) s"
grep -m1 '^\*\*Summary:\*\*' docs/validation.md || true
