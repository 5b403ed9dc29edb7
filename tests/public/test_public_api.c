/* test_public_api.c — a program written against include/hokushin.h alone
 * (CMakeLists.txt compiles it with no include path but include/, with
 * -Werror -pedantic): it loads the built-in scenario, makes a setup, runs a
 * replay and a simulated history with their events, an ensemble, and reads
 * the outcomes. tests/public/opaque.sh checks that the header gives none of
 * the scenario's, the world's or the model's types. */
#include "hokushin.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                               \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                           \
        }                                                                         \
    } while (0)

typedef struct tally {
    int events, battles, treaties;
    char first_date[16];
} tally;

static void on_event(void *ud, const char *date, const char *kind, const char *id, const char *text,
                     const char *source)
{
    tally *t = ud;
    if (t->events++ == 0)
        snprintf(t->first_date, sizeof t->first_date, "%s", date);
    t->battles += strcmp(kind, "battle") == 0;
    t->treaties += strncmp(kind, "treaty_", 7) == 0;
    (void)id;
    CHECK(text && source && (strlen(date) == 10 || strlen(date) == 7));
}

int main(void)
{
    char err[1024];
    CHECK(hk_open_scenario("/nonexistent/folder", err, sizeof err) == NULL);
    CHECK(strlen(err) > 0);

    hk_scenario *s = hk_open_scenario(NULL, err, sizeof err);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    hk_setup *su = hk_setup_new(s);
    CHECK(su != NULL);
    CHECK(hk_setup_set(su, "no.such_key", "1", err, sizeof err) == -1 && strlen(err) > 0);
    CHECK(hk_setup_decide(su, "JPN.strike_nroth=1941-08", err, sizeof err) == -1);
    CHECK(strstr(err, "JPN.strike_north") != NULL);

    /* the record: the Neutrality Pact is signed, the USSR enters in 1945 */
    hk_outcomes *o = hk_outcomes_new();
    tally rep = {0};
    CHECK(hk_history(su, HK_HISTORY_REPLAY, 0, 0, on_event, &rep, o) == 0);
    CHECK(rep.events > 50 && rep.battles > 0 && rep.treaties > 0);
    CHECK(strncmp(rep.first_date, "1918-", 5) == 0);
    int n = hk_outcome_count();
    CHECK(n > 5);
    int pact = -1;
    for (int i = 0; i < n; i++) {
        CHECK(hk_outcome_name(i) && hk_outcome_doc(i));
        if (strcmp(hk_outcome_name(i), "neutrality_pact_signed") == 0)
            pact = i;
    }
    CHECK(pact >= 0 && hk_outcome_is_proportion(pact));
    CHECK(hk_outcome_value(o, pact) == 1.0);
    CHECK(hk_outcome_name(n) == NULL);

    /* a simulated history: the same seed gives the same history */
    tally a = {0}, b = {0};
    CHECK(hk_history(su, HK_HISTORY_SIMULATE, 7, 3, on_event, &a, o) == 0);
    double first = hk_outcome_value(o, 0);
    CHECK(hk_history(su, HK_HISTORY_SIMULATE, 7, 3, on_event, &b, o) == 0);
    CHECK(a.events == b.events && a.battles == b.battles && hk_outcome_value(o, 0) == first);
    CHECK(hk_history(su, 5, 7, 3, NULL, NULL, o) == -1);

    /* an ensemble, on one thread and on two: the same figures */
    hk_ensemble_summary *e1 = hk_ensemble(su, 1, 40, 1, err, sizeof err);
    hk_ensemble_summary *e2 = hk_ensemble(su, 1, 40, 2, err, sizeof err);
    CHECK(e1 && e2);
    if (e1 && e2) {
        CHECK(hk_ensemble_runs(e1) == 40);
        for (int i = 0; i < n; i++) {
            double lo, hi, v = hk_ensemble_outcome(e1, i, &lo, &hi);
            double v2 = hk_ensemble_outcome(e2, i, NULL, NULL);
            CHECK((isnan(v) && isnan(v2)) || v == v2);
            CHECK(isnan(v) || (lo <= v && v <= hi));
            if (hk_outcome_is_proportion(i))
                CHECK(isnan(v) || (v >= 0 && v <= 1));
        }
    }
    hk_ensemble_summary_free(e1);
    hk_ensemble_summary_free(e2);

    /* a setup's change reaches the runs: no incidents at the lowest rate */
    CHECK(hk_setup_set(su, "incident.base_rate", "0.2", err, sizeof err) == 0);
    hk_outcomes_delete(o);
    hk_setup_delete(su);
    hk_scenario_free(s);
    if (failures)
        fprintf(stderr, "%d checks failed\n", failures);
    return failures ? 1 : 0;
}
