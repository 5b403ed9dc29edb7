/* lint.h — the history linter: runs many simulate histories and counts the
 * events and months that break the invariants a possible history keeps (no
 * actor outside its span, no treaty before its preconditions, no side
 * losing more than it committed, nothing after a party's end, no force
 * below zero, ...), with examples a scenario author can look up. */
#ifndef HK_RUN_LINT_H
#define HK_RUN_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "world/api.h"

typedef enum hk_lint_kind {
    HK_LINT_ACTOR_SPAN,      /* an event names, or the map shows, an actor outside its span */
    HK_LINT_PRECONDITION,    /* a treaty signed before its preconditions hold */
    HK_LINT_CASUALTIES,      /* a side loses more men than it committed */
    HK_LINT_AFTER_END,       /* an event of a party after its surrender */
    HK_LINT_NEGATIVE_FORCE,  /* men, tanks, guns or aircraft below zero */
    HK_LINT_TREATY_STATE,    /* a treaty signed twice, or ended or denounced while not in force */
    HK_LINT_EMPTY_BATTLE,    /* a battle in which a side commits no one */
    HK_LINT_WIPED_OUT,       /* a side loses half of what it committed within three days */
    HK_LINT_SURRENDER_CHAIN, /* Japan surrenders before the shocks that end its hopes of better terms */
    HK_LINT_COUNT
} hk_lint_kind;

#define HK_LINT_EXAMPLES 3

typedef struct hk_lint_example {
    uint64_t run;
    hk_date date;
    char text[320];
} hk_lint_example;

typedef struct hk_lint_report {
    uint64_t seed;
    int runs;
    long events, months;
    long count[HK_LINT_COUNT];
    int runs_with[HK_LINT_COUNT];      /* runs with at least one */
    hk_lint_example example[HK_LINT_COUNT][HK_LINT_EXAMPLES];
    int n_examples[HK_LINT_COUNT];
} hk_lint_report;

/* Short id ("actor_span") and the invariant in words. */
const char *hk_lint_id(hk_lint_kind k);
const char *hk_lint_rule(hk_lint_kind k);

/* Lints runs 0..runs-1 of `setup` in simulate mode at `seed`; progress
 * (when not NULL) is called now and then with the runs done. Returns 0, or
 * -1 on a program failure. The same seed gives the same report. */
int hk_lint_runs(const hk_setup *setup, uint64_t seed, int runs, hk_lint_report *out,
                 void (*progress)(int done, int runs, void *ud), void *ud);

/* The linter of one run as an observer, for a run driven elsewhere (and
 * for tests that feed it events): hk_lint_begin returns NULL when out of
 * memory; hk_lint_end frees it. Counts go to `rep`. */
typedef struct hk_linter hk_linter;
hk_linter *hk_lint_begin(const hk_scenario *s, hk_lint_report *rep, uint64_t run, hk_observer *obs);
void hk_lint_end(hk_linter *l);

/* Total violations. */
long hk_lint_total(const hk_lint_report *r);

/* The validation report's section `number`: the linter over `runs`
 * histories and the citation check (lint_report.c). On a violation or a bad
 * citation, `fail` gets a line for "What fails". Returns 0, or -1 on a
 * program failure. */
int hk_lint_section(FILE *b, const hk_scenario *s, int number, uint64_t seed, int runs, bool progress,
                    char *fail, size_t fail_len);

#endif
