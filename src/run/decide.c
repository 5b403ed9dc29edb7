/* decide.c — `--decide ACTOR.DECISION=YYYY-MM`: a modelled decision forced
 * at a date, everything else following from the state (docs/model.md#decide).
 *
 * The decisions: JPN.strike_north (general war on the USSR), JPN.commit_south,
 * JPN.seize_manchuria, SOV.enter_war (war on Japan), and for each party of a
 * treaty ACTOR.sign.TREATY and ACTOR.denounce.TREATY. The system that owns
 * the decision takes it that month if it still can (war.c, politics.c,
 * diplomacy.c); a misspelt decision gets the nearest valid one. */
#include "world/api.h"

#include <stdio.h>
#include <string.h>

#include "scenario/nearest.h"

/* Fills names[i] (up to n) with "ACTOR.DECISION" and what[i] with a sentence;
 * returns the number of decisions the scenario has. kinds/actors/targets
 * (when not NULL) receive each decision's kind, actor and target. */
static int list_decisions(const hk_scenario *s, char names[][48], const char *what[], int *kinds, int *actors,
                          int *targets, int n)
{
    int k = 0;
#define ADD(kind_, actor_, target_, text_, ...)                                            \
    do {                                                                                  \
        if (k < n) {                                                                      \
            if (names)                                                                    \
                snprintf(names[k], 48, __VA_ARGS__);                                      \
            if (what)                                                                     \
                what[k] = text_;                                                          \
            if (kinds)                                                                    \
                kinds[k] = kind_;                                                         \
            if (actors)                                                                   \
                actors[k] = actor_;                                                       \
            if (targets)                                                                  \
                targets[k] = target_;                                                     \
        }                                                                                 \
        k++;                                                                              \
    } while (0)
    if (s->jpn >= 0) {
        ADD(HK_DECIDE_STRIKE_NORTH, s->jpn, -1, "Japan opens general war on the USSR", "%s.strike_north",
            s->actors[s->jpn].id);
        ADD(HK_DECIDE_COMMIT_SOUTH, s->jpn, -1, "Japan commits south and draws forces out of Manchuria",
            "%s.commit_south", s->actors[s->jpn].id);
        ADD(HK_DECIDE_SEIZE_MANCHURIA, s->jpn, -1, "the Kwantung Army seizes Manchuria", "%s.seize_manchuria",
            s->actors[s->jpn].id);
    }
    if (s->sov >= 0)
        ADD(HK_DECIDE_ENTER_WAR, s->sov, -1, "the USSR opens war on Japan", "%s.enter_war", s->actors[s->sov].id);
    for (int t = 0; t < s->n_treaties; t++)
        for (int p = 0; p < s->treaties[t].n_parties; p++) {
            int a = s->treaties[t].parties[p];
            ADD(HK_DECIDE_SIGN, a, t, "signs the treaty (with its partners' consent taken as given)", "%s.sign.%s",
                s->actors[a].id, s->treaties[t].id);
            ADD(HK_DECIDE_DENOUNCE, a, t, "denounces the treaty", "%s.denounce.%s", s->actors[a].id,
                s->treaties[t].id);
        }
#undef ADD
    return k;
}

#define MAX_LIST 160

int hk_decisions_each(const hk_scenario *s, void (*fn)(void *ud, const char *name, const char *what), void *ud)
{
    char names[MAX_LIST][48];
    const char *what[MAX_LIST];
    int n = list_decisions(s, names, what, NULL, NULL, NULL, MAX_LIST);
    for (int i = 0; i < n && i < MAX_LIST; i++)
        fn(ud, names[i], what[i]);
    return n;
}

int hk_setup_decide(hk_setup *setup, const char *text, char *err, size_t errlen)
{
    const hk_scenario *s = setup->scenario;
    if (!text || !*text) {
        snprintf(err, errlen, "--decide needs ACTOR.DECISION=YYYY-MM, like JPN.strike_north=1941-08");
        return -1;
    }
    const char *eq = strchr(text, '=');
    if (!eq) {
        snprintf(err, errlen, "'%s' has no date: write ACTOR.DECISION=YYYY-MM, like JPN.strike_north=1941-08", text);
        return -1;
    }
    char name[96];
    size_t len = (size_t)(eq - text);
    if (len == 0 || len >= sizeof name) {
        snprintf(err, errlen, "'%s': the decision before '=' is %s (see 'hokushin params' for the list)", text,
                 len == 0 ? "missing" : "too long");
        return -1;
    }
    memcpy(name, text, len);
    name[len] = 0;
    char names[MAX_LIST][48];
    int kinds[MAX_LIST], actors[MAX_LIST], targets[MAX_LIST];
    int n = list_decisions(s, names, NULL, kinds, actors, targets, MAX_LIST);
    if (n > MAX_LIST)
        n = MAX_LIST;
    int found = -1;
    for (int i = 0; i < n && found < 0; i++)
        if (strcmp(names[i], name) == 0)
            found = i;
    if (found < 0) {
        hk_nearest near;
        hk_nearest_init(&near, name);
        for (int i = 0; i < n; i++)
            hk_nearest_offer(&near, names[i]);
        const char *best = hk_nearest_result(&near);
        if (best)
            snprintf(err, errlen, "'%s' is not a decision; did you mean '%s'? ('hokushin params' lists them)", name,
                     best);
        else
            snprintf(err, errlen,
                     "'%s' is not a decision: use JPN.strike_north, JPN.commit_south, JPN.seize_manchuria, "
                     "SOV.enter_war, ACTOR.sign.TREATY or ACTOR.denounce.TREATY ('hokushin params' lists them)",
                     name);
        return -1;
    }
    hk_date d;
    const char *when = eq + 1;
    if (!hk_date_parse(when, &d) || d.day != 0) {
        snprintf(err, errlen, "'%s': the date '%s' is not YYYY-MM (like 1941-08)", name, when);
        return -1;
    }
    hk_month m = hk_date_month(d), lo = hk_date_month(s->start), hi = hk_date_month(s->end);
    if (m < lo || m > hi) {
        snprintf(err, errlen, "'%s': %s lies outside the scenario's %04d-%02d..%04d-%02d", name, when, s->start.year,
                 s->start.month, s->end.year, s->end.month);
        return -1;
    }
    if (setup->n_decide >= HK_MAX_DECISIONS) {
        snprintf(err, errlen, "at most %d --decide options are allowed", HK_MAX_DECISIONS);
        return -1;
    }
    setup->decide[setup->n_decide++] =
        (hk_decision){.kind = kinds[found], .actor = actors[found], .target = targets[found], .month = m};
    return 0;
}
