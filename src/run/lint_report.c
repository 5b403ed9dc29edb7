/* lint_report.c — the validation report's section on single histories: the
 * history linter over many simulate runs and the citation check, with the
 * share of the seeds' dated and numeric facts the model takes in. */
#include <stdio.h>
#include <stdlib.h>

#include "run/lint.h"
#include "scenario/cite_check.h"

int hk_lint_section(FILE *b, const hk_scenario *s, int number, uint64_t seed, int runs, bool progress,
                    char *fail, size_t fail_len)
{
    fail[0] = '\0';
    hk_setup setup;
    hk_setup_init(&setup, s);
    hk_lint_report *rep = malloc(sizeof *rep);
    if (!rep)
        return -1;
    if (progress)
        fprintf(stderr, "validate: reading %d simulate histories for what cannot happen\n", runs);
    if (hk_lint_runs(&setup, seed, runs, rep, NULL, NULL) != 0) {
        free(rep);
        return -1;
    }
    long total = hk_lint_total(rep);
    fprintf(b, "## %d. Single histories and citations\n\n", number);
    fprintf(b,
            "Aggregates that match the record are not enough: each run must read as a possible history. "
            "The history linter (`hokushin lint --runs %d --seed %llu`, which scenario authors can run alone) "
            "read %d simulate histories (%ld events, %ld months) and counted what none may do. "
            "**%ld violation%s.**\n\n",
            runs, (unsigned long long)seed, rep->runs, rep->events, rep->months, total, total == 1 ? "" : "s");
    fprintf(b, "| Invariant | Violations | Runs with one | Example (run, date: what happened) |\n");
    fprintf(b, "|---|---|---|---|\n");
    for (int k = 0; k < HK_LINT_COUNT; k++) {
        fprintf(b, "| %s (`%s`) | %ld | %d | ", hk_lint_rule((hk_lint_kind)k), hk_lint_id((hk_lint_kind)k),
                rep->count[k], rep->runs_with[k]);
        if (rep->n_examples[k] > 0) {
            char d[11];
            hk_date_format(rep->example[k][0].date, d);
            fprintf(b, "run %llu, %s: ", (unsigned long long)rep->example[k][0].run, d);
            for (const char *p = rep->example[k][0].text; *p && p - rep->example[k][0].text < 200; p++)
                fputc(*p == '|' ? '/' : *p, b);
        } else {
            fprintf(b, "—");
        }
        fprintf(b, " |\n");
    }
    fprintf(b, "\n");
    if (total)
        snprintf(fail, fail_len, "The history linter: %ld violations in %d simulate histories (section %d).",
                 total, rep->runs, number);
    free(rep);

    /* Citations against the seeds, when they are here. */
    hk_seed_texts t;
    char why[512];
    if (!hk_seed_texts_load(&t, s, NULL, NULL, why, sizeof why)) {
        fprintf(b, "The citation check needs the seed texts, which are not on this machine (%s): "
                   "`hokushin check --seeds DIR` runs it.\n\n", why);
        return 0;
    }
    hk_diag diag;
    hk_diag_init(&diag);
    int bad = hk_cite_check(s, &t, &diag);
    hk_seed_use use;
    hk_seed_use_count(s, &t, &use);
    fprintf(b,
            "**Citations check themselves** (`hokushin check`): every number a record cites to a seed line is "
            "looked for on that line, or in the record's `derived:` arithmetic, or is marked `judged:` or taken "
            "from a publication cited beside it. %d number%s %s not on %s line%s.\n\n",
            bad, bad == 1 ? "" : "s", bad == 1 ? "is" : "are", bad == 1 ? "its" : "their", bad == 1 ? "" : "s");
    for (int i = 0; i < diag.count && i < 10; i++)
        fprintf(b, "- `%s:%d`: %s\n", diag.items[i].file ? diag.items[i].file : "?", diag.items[i].line,
                diag.items[i].message);
    if (bad)
        fprintf(b, "\n");
    if (bad && !fail[0])
        snprintf(fail, fail_len, "The citation check: %d cited numbers are not on their seed lines (section %d).",
                 bad, number);
    fprintf(b,
            "**How much of the seeds the model uses.** A seed's dated and numeric facts are the distinct figures "
            "and years on the lines of its body (footnotes, headings and rules left out). The model uses one as "
            "mechanism or input when a parameter, strength, battle, incident count, loss, treaty, actor form, "
            "pinned decision or outside event cites its line with that number or date; as text only when just "
            "the timeline's facts do. Counted from the scenario and the seeds by `hokushin check`.\n\n");
    fprintf(b, "| Seed | Facts | Used by the model | Share |\n|---|---|---|---|\n");
    for (int i = 0; i < s->n_seeds; i++)
        fprintf(b, "| %s | %d | %d | %.0f%% |\n", s->seeds[i].file, use.facts_by_seed[i], use.model_by_seed[i],
                use.facts_by_seed[i] ? 100.0 * use.model_by_seed[i] / use.facts_by_seed[i] : 0.0);
    fprintf(b, "| all | %d | %d | **%.0f%%** (and %d, %.0f%%, only as text) |\n\n", use.facts, use.model,
            use.facts ? 100.0 * use.model / use.facts : 0.0, use.text,
            use.facts ? 100.0 * use.text / use.facts : 0.0);
    hk_diag_free(&diag);
    hk_seed_texts_free(&t);
    return 0;
}
