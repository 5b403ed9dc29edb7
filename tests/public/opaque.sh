#!/usr/bin/env bash
# opaque: include/hokushin.h includes nothing but the C library's headers,
# and a program that includes it alone cannot reach the scenario's layout, a
# setup's fields, the world or the model: each snippet below compiles only if
# the header leaks that type or constant, so each must fail to compile.
set -uo pipefail
CC=${1:?usage: opaque.sh CC INCLUDE_DIR}
INC=${2:?usage: opaque.sh CC INCLUDE_DIR}
H=$INC/hokushin.h
command -v "$CC" > /dev/null || { echo "no compiler $CC"; exit 77; }
fail=0
bad=$(grep -E '^\s*#\s*include' "$H" | grep -v -E '<(stdbool|stddef|stdint)\.h>')
if [ -n "$bad" ]; then echo "hokushin.h includes more than the C library: $bad"; fail=1; fi
compiles() { printf '#include "hokushin.h"\n%s\n' "$1" | "$CC" -std=c17 -fsyntax-only -I"$INC" -x c - 2> /dev/null; }
# the header itself compiles alone, strictly
printf '#include "hokushin.h"\nint main(void) { return hk_outcome_count() > 0 ? 0 : 1; }\n' |
  "$CC" -std=c17 -Wall -Wextra -pedantic -Werror -fsyntax-only -I"$INC" -x c - || { echo "hokushin.h does not compile alone"; fail=1; }
while IFS= read -r snippet; do
  [ -z "$snippet" ] && continue
  if compiles "$snippet"; then echo "hokushin.h leaks: '$snippet' compiles"; fail=1; fi
done <<'SNIPPETS'
hk_setup s;
hk_outcomes o;
hk_ensemble_summary e;
int f(const hk_scenario *s) { return s->n_actors; }
int f(const hk_setup *s) { return s->n_decide; }
hk_world *w;
hk_observer obs;
hk_log_event ev;
hk_month m;
hk_date d;
hk_diag d;
hk_mode m;
hk_orders o;
hk_formation_state f;
int x = HK_MAX_ACTORS;
int x = HK_MAX_SECTORS;
int x = HK_PARAM_COUNT;
int x = HK_MODE_SIMULATE;
int x = HK_OUTCOME_COUNT;
int x = HK_YEARS;
hk_treaty t;
hk_region r;
hk_side_forces sf;
hk_combat_side cs;
double p(void) { return hk_param_table[0].key != 0; }
SNIPPETS
exit $fail
