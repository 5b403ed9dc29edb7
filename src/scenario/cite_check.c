/* cite_check.c — citations that check themselves (see cite_check.h).
 *
 * A record's numbers are the figures it gives the model (a parameter's
 * value, a formation's men and arms, a battle's forces and losses, an
 * incident count, a loss, a treaty's term) and the figures written in its
 * text. A number is accounted for when it is written on one of the seed
 * lines the record cites (as "290,000", "1.5 million", "13 km", "twelve",
 * "60%"), when a `derived:` part of the source shows it in its arithmetic,
 * when the source says the record was `judged:` or `calibrated:`, or when
 * the source cites a publication besides the seed, which the number may come
 * from. Anything else is an error at the record's line. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scenario/cite_check.h"
#include "scenario/load.h"

/* ---- numbers in text ------------------------------------------------------- */

static const char *const small_words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"};
static const char *const tens_words[] = {"thirty", "forty", "fifty", "sixty", "seventy",
                                         "eighty", "ninety"};

/* Length of the word starting at p that equals w (case-insensitive), or 0. */
static size_t word_is(const char *p, const char *w)
{
    size_t n = strlen(w);
    if (strncasecmp(p, w, n) != 0 || isalpha((unsigned char)p[n]))
        return 0;
    return n;
}

/* A multiplier word after a number ("million"), its length into *len. */
static double multiplier(const char *p, size_t *len)
{
    const char *q = p;
    while (*q == ' ' || *q == '-')
        q++;
    static const struct { const char *w; double m; } m[] = {
        {"million", 1e6}, {"thousand", 1e3}, {"billion", 1e9}, {"hundred", 1e2}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        size_t n = word_is(q, m[i].w);
        if (n) {
            *len = (size_t)(q - p) + n;
            return m[i].m;
        }
    }
    *len = 0;
    return 1;
}

static bool percent_after(const char *p)
{
    while (*p == ' ')
        p++;
    return *p == '%' || word_is(p, "percent") || !strncasecmp(p, "per cent", 8);
}

static int push(double *out, int n, int max, double v)
{
    if (n < max)
        out[n++] = v;
    return n;
}

int hk_numbers_in_text(const char *text, double *out, int max)
{
    int n = 0;
    const char *p = text;
    while (p && *p) {
        unsigned char c = (unsigned char)*p;
        bool word_start = p == text || !isalnum((unsigned char)p[-1]);
        if (isdigit(c) && (p == text || !isalpha((unsigned char)p[-1]) ||
                           !isalpha((unsigned char)p[-1]))) {
            /* Digits with thousands commas and a decimal part. */
            double v = 0;
            const char *q = p;
            while (isdigit((unsigned char)*q)) {
                v = v * 10 + (*q - '0');
                q++;
                if (*q == ',' && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
                    isdigit((unsigned char)q[3]) && !isdigit((unsigned char)q[4]))
                    q++;
            }
            if (*q == '.' && isdigit((unsigned char)q[1])) {
                double f = 0.1;
                for (q++; isdigit((unsigned char)*q); q++, f /= 10)
                    v += (*q - '0') * f;
            }
            size_t ml;
            double m = multiplier(q, &ml);
            n = push(out, n, max, v * m);
            if (m != 1)
                n = push(out, n, max, v);
            if (percent_after(q))
                n = push(out, n, max, v / 100);
            p = q + ml;
            continue;
        }
        if (isalpha(c) && word_start) {
            double v = -1;
            size_t len = 0;
            for (size_t i = 0; i < sizeof small_words / sizeof *small_words && v < 0; i++)
                if ((len = word_is(p, small_words[i])))
                    v = (double)i;
            for (size_t i = 0; i < sizeof tens_words / sizeof *tens_words && v < 0; i++)
                if ((len = word_is(p, tens_words[i])))
                    v = 30.0 + 10.0 * (double)i;
            if (v >= 0) {
                const char *q = p + len;
                /* "thirty-two" */
                if (v >= 30 && *q == '-')
                    for (size_t i = 1; i < 10; i++) {
                        size_t l2 = word_is(q + 1, small_words[i]);
                        if (l2) {
                            v += (double)i;
                            q += 1 + l2;
                            break;
                        }
                    }
                size_t ml;
                double m = multiplier(q, &ml);
                n = push(out, n, max, v * m);
                if (percent_after(q))
                    n = push(out, n, max, v / 100);
                p = q + ml;
                continue;
            }
            while (isalpha((unsigned char)*p))
                p++;
            continue;
        }
        p++;
    }
    return n;
}

static bool same_number(double a, double b)
{
    return fabs(fabs(a) - fabs(b)) <= 1e-9 * fmax(1.0, fabs(a));
}

/* ---- the seeds' text ------------------------------------------------------- */

static char *slurp(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    struct stat st;
    if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (64 << 20)) {
        fclose(fp);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size, fp) : 0;
    fclose(fp);
    if (buf)
        buf[n] = '\0';
    *size = n;
    return buf;
}

static bool load_from(hk_seed_texts *t, const hk_scenario *s, const char *dir, char *why,
                      int why_len)
{
    for (int i = 0; i < s->n_seeds; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, s->seeds[i].file);
        size_t size = 0;
        char *buf = slurp(path, &size);
        if (!buf) {
            snprintf(why, (size_t)why_len, "%s cannot be read", path);
            hk_seed_texts_free(t);
            return false;
        }
        int lines = 1;
        for (size_t k = 0; k < size; k++)
            lines += buf[k] == '\n';
        t->buf[i] = buf;
        t->line[i] = calloc((size_t)lines, sizeof(char *));
        if (!t->line[i]) {
            snprintf(why, (size_t)why_len, "out of memory");
            hk_seed_texts_free(t);
            return false;
        }
        int n = 0;
        char *p = buf;
        t->line[i][n++] = p;
        for (; *p; p++)
            if (*p == '\n') {
                *p = '\0';
                if (p[1] || n < lines - 1)
                    t->line[i][n++] = p + 1;
            }
        t->n_lines[i] = n;
    }
    t->dir = dir;
    t->found = true;
    return true;
}

bool hk_seed_texts_load(hk_seed_texts *t, const hk_scenario *s, const char *dir,
                        const char *scenario_dir, char *why, int why_len)
{
    memset(t, 0, sizeof *t);
    snprintf(why, (size_t)why_len, "no seed folder found");
    if (dir)
        return load_from(t, s, dir, why, why_len);
    static char cand[5][4096];
    int n = 0;
    /* A scenario's own seeds first; $HOKUSHIN_SEEDS, when set, is the only
     * other place looked at (so a test can say "none"). */
    const char *env = getenv("HOKUSHIN_SEEDS");
    if (scenario_dir)
        snprintf(cand[n++], sizeof cand[0], "%s/seeds", scenario_dir);
    if (env) {
        if (*env)
            snprintf(cand[n++], sizeof cand[0], "%s", env);
    } else {
        if (scenario_dir)
            snprintf(cand[n++], sizeof cand[0], "%s/../../../shared/seeds", scenario_dir);
        snprintf(cand[n++], sizeof cand[0], "../shared/seeds");
#ifdef HK_SOURCE_DIR
        snprintf(cand[n++], sizeof cand[0], "%s/../shared/seeds", HK_SOURCE_DIR);
#endif
    }
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(cand[i], &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        if (load_from(t, s, cand[i], why, why_len))
            return true;
    }
    return false;
}

void hk_seed_texts_free(hk_seed_texts *t)
{
    for (int i = 0; i < HK_MAX_SEEDS; i++) {
        free(t->buf[i]);
        free(t->line[i]);
        t->buf[i] = NULL;
        t->line[i] = NULL;
        t->n_lines[i] = 0;
    }
    t->found = false;
}

/* ---- a record's source ----------------------------------------------------- */

static bool is_explanation(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return !strncmp(p, "judged:", 7) || !strncmp(p, "derived:", 8) || !strncmp(p, "calibrated:", 11);
}

/* Whether the text after a ';' (up to the next ';' or the end) opens a
 * citation rather than going on with the prose before it. */
static bool starts_citation(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    if (is_explanation(p))
        return true;
    const char *end = p;
    while (*end && *end != ';' && *end != ',')
        end++;
    while (end > p && isspace((unsigned char)end[-1]))
        end--;
    if (end == p)
        return true; /* an empty citation: the loader says so */
    /* one word: a seed's FILE:LINE or a publication id */
    for (const char *q = p; q < end; q++)
        if (isspace((unsigned char)*q))
            return false;
    return true;
}

const char *hk_source_part_end(const char *part)
{
    const char *q = strchr(part, ';');
    if (!is_explanation(part))
        return q ? q : part + strlen(part);
    while (q && !starts_citation(q + 1))
        q = strchr(q + 1, ';');
    return q ? q : part + strlen(part);
}


typedef struct cited {
    int seed[16], from[16], to[16];
    int n_lines;
    bool publication;   /* a publication is cited beside the seeds */
    bool judged;        /* judged: or calibrated: */
    double derived[64]; /* numbers written in derived: parts */
    int n_derived;
} cited;

static void parse_source(const hk_scenario *s, const char *text, cited *c)
{
    memset(c, 0, sizeof *c);
    if (!text)
        return;
    char copy[2048];
    snprintf(copy, sizeof copy, "%s", text);
    for (char *part = copy, *next; *part; part = next) {
        char *end = (char *)hk_source_part_end(part);
        next = *end ? end + 1 : end;
        *end = '\0';
        while (isspace((unsigned char)*part))
            part++;
        if (!strncmp(part, "judged:", 7) || !strncmp(part, "calibrated:", 11)) {
            c->judged = true;
            continue;
        }
        if (!strncmp(part, "derived:", 8)) {
            c->n_derived += hk_numbers_in_text(part + 8, c->derived + c->n_derived,
                                               64 - c->n_derived);
            continue;
        }
        char *colon = strrchr(part, ':');
        if (colon && colon - part > 4 && !strncmp(colon - 4, ".txt", 4)) {
            *colon = '\0';
            int seed = -1;
            for (int i = 0; i < s->n_seeds; i++)
                if (!strcmp(s->seeds[i].file, part))
                    seed = i;
            int from = atoi(colon + 1), to = from;
            char *dash = strchr(colon + 1, '-');
            if (dash)
                to = atoi(dash + 1);
            if (seed >= 0 && c->n_lines < 16) {
                c->seed[c->n_lines] = seed;
                c->from[c->n_lines] = from;
                c->to[c->n_lines] = to;
                c->n_lines++;
            }
            continue;
        }
        if (*part)
            c->publication = true;
    }
}

static bool on_line(const hk_seed_texts *t, int seed, int line, double v)
{
    if (line < 1 || line > t->n_lines[seed])
        return false;
    double nums[256];
    int n = hk_numbers_in_text(t->line[seed][line - 1], nums, 256);
    for (int i = 0; i < n; i++)
        if (same_number(nums[i], v))
            return true;
    return false;
}

static bool accounted(const hk_seed_texts *t, const cited *c, double v)
{
    if (c->judged || c->publication)
        return true;
    for (int i = 0; i < c->n_derived; i++)
        if (same_number(c->derived[i], v))
            return true;
    for (int i = 0; i < c->n_lines; i++)
        for (int l = c->from[i]; l <= c->to[i]; l++)
            if (on_line(t, c->seed[i], l, v))
                return true;
    return false;
}

static void lines_text(const hk_scenario *s, const cited *c, char *buf, size_t len)
{
    buf[0] = '\0';
    for (int i = 0; i < c->n_lines; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "%s%.3s:%d", i ? ", " : "", s->seeds[c->seed[i]].file,
                 c->from[i]);
    }
}

typedef struct checker {
    const hk_scenario *s;
    const hk_seed_texts *t;
    hk_diag *diag;
    int errors;
} checker;

static void check_value(checker *k, const cited *c, hk_at at, const char *what, double v)
{
    if (c->n_lines == 0 || v == 0 || !isfinite(v) || accounted(k->t, c, v))
        return;
    char lines[256];
    lines_text(k->s, c, lines, sizeof lines);
    hk_diag_add(k->diag, at.file, at.line,
                "%s %g is not written on its cited seed line (%s): cite the line that gives "
                "it, or say 'derived: <arithmetic>' or 'judged: <why>' in the source",
                what, v, lines);
    k->errors++;
}

static void check_text(checker *k, const cited *c, hk_at at, const char *what, const char *text)
{
    if (!text || c->n_lines == 0)
        return;
    double nums[64];
    int n = hk_numbers_in_text(text, nums, 64);
    for (int i = 0; i < n; i++) {
        /* Word numbers below ten ("one of them", "two sides") are prose. */
        if (nums[i] < 10 && nums[i] == floor(nums[i]))
            continue;
        if (accounted(k->t, c, nums[i]))
            continue;
        char lines[256];
        lines_text(k->s, c, lines, sizeof lines);
        hk_diag_add(k->diag, at.file, at.line,
                    "%s gives %g, which is not on its cited seed line (%s): cite the line that "
                    "gives it, or say 'derived: <arithmetic>' in the source", what, nums[i], lines);
        k->errors++;
    }
}

int hk_cite_check(const hk_scenario *s, const hk_seed_texts *t, hk_diag *diag)
{
    checker k = {s, t, diag, 0};
    if (!t || !t->found)
        return 0;
    cited c;
    char what[160];
    for (int p = 0; p < HK_PARAM_COUNT; p++) {
        parse_source(s, s->params[p].source.text, &c);
        snprintf(what, sizeof what, "parameter '%s' value", hk_param_table[p].key);
        check_value(&k, &c, s->params[p].at, what, s->params[p].value);
    }
    for (int i = 0; i < s->n_strengths; i++) {
        const hk_strength *st = &s->strengths[i];
        parse_source(s, st->source.text, &c);
        const char *f = s->formations[st->formation].id;
        static const char *const arm[] = {"men", "tanks", "guns", "aircraft"};
        double v[] = {st->men, st->tanks, st->guns, st->aircraft};
        for (int a = 0; a < 4; a++) {
            snprintf(what, sizeof what, "%s %s", f, arm[a]);
            check_value(&k, &c, st->at, what, v[a]);
        }
    }
    for (int i = 0; i < s->n_battles; i++) {
        const hk_battle *b = &s->battles[i];
        parse_source(s, b->source.text, &c);
        const hk_battle_side *sd[2] = {&b->attacker, &b->defender};
        for (int j = 0; j < 2; j++) {
            static const char *const f[] = {"men", "tanks", "guns", "aircraft", "supply_km",
                                            "casualties", "casualties_hi"};
            double v[] = {sd[j]->men, sd[j]->tanks, sd[j]->guns, sd[j]->aircraft,
                          sd[j]->supply_km, sd[j]->casualties, sd[j]->casualties_hi};
            for (int a = 0; a < 7; a++) {
                if (v[a] < 0)
                    continue;
                snprintf(what, sizeof what, "battle '%s' %s %s", b->id,
                         j ? "defender" : "attacker", f[a]);
                check_value(&k, &c, b->at, what, v[a]);
            }
        }
    }
    for (int i = 0; i < s->n_incidents; i++) {
        parse_source(s, s->incidents[i].source.text, &c);
        check_value(&k, &c, s->incidents[i].at, "incident count", s->incidents[i].count);
    }
    for (int i = 0; i < s->n_losses; i++) {
        parse_source(s, s->losses[i].source.text, &c);
        snprintf(what, sizeof what, "loss '%s' value", s->losses[i].id);
        check_value(&k, &c, s->losses[i].at, what, s->losses[i].value);
        check_text(&k, &c, s->losses[i].at, "its text", s->losses[i].text);
    }
    for (int i = 0; i < s->n_treaties; i++) {
        const hk_treaty *tr = &s->treaties[i];
        parse_source(s, tr->source.text, &c);
        snprintf(what, sizeof what, "treaty '%s' duration in years", tr->id);
        check_value(&k, &c, tr->at, what, tr->duration_months / 12.0);
        if (tr->price_source.text) {
            parse_source(s, tr->price_source.text, &c);
            snprintf(what, sizeof what, "treaty '%s' price", tr->id);
            check_value(&k, &c, tr->at, what, tr->price);
        }
        for (int j = 0; j < tr->n_clauses; j++) {
            parse_source(s, tr->clauses[j].source.text, &c);
            snprintf(what, sizeof what, "a clause of '%s'", tr->id);
            check_text(&k, &c, tr->clauses[j].at, what, tr->clauses[j].text);
            if (tr->clauses[j].months > 0) {
                snprintf(what, sizeof what, "the months of a clause of '%s'", tr->id);
                check_value(&k, &c, tr->clauses[j].at, what, tr->clauses[j].months);
            }
        }
    }
    for (int i = 0; i < s->n_events; i++) {
        parse_source(s, s->events[i].source.text, &c);
        snprintf(what, sizeof what, "event '%s'", s->events[i].id);
        check_text(&k, &c, s->events[i].at, what, s->events[i].text);
    }
    for (int i = 0; i < s->n_facts; i++) {
        parse_source(s, s->facts[i].source.text, &c);
        snprintf(what, sizeof what, "fact '%s'", s->facts[i].id);
        check_text(&k, &c, s->facts[i].at, what, s->facts[i].text);
    }
    return k.errors;
}

/* ---- how much of the seeds the model uses ------------------------------------- */

/* A seed line of the body: footnotes, headings and rules are not facts. */
static bool body_line(const char *l)
{
    while (*l == ' ')
        l++;
    return *l && strncmp(l, "<sup>", 5) != 0 && *l != '#' && *l != '|' &&
           strncmp(l, "---", 3) != 0 && strncmp(l, "==", 2) != 0 && *l != '^' && *l != '[';
}

/* The line without its footnote markers (<sup>12</sup>). */
static void strip_sup(const char *l, char *out, size_t len)
{
    size_t n = 0;
    while (*l && n + 1 < len) {
        if (!strncmp(l, "<sup>", 5)) {
            const char *e = strstr(l, "</sup>");
            if (e) {
                l = e + 6;
                continue;
            }
        }
        out[n++] = *l++;
    }
    out[n] = '\0';
}

typedef struct use_mark {
    const hk_scenario *s;
    const hk_seed_texts *t;
    unsigned char *mark[HK_MAX_SEEDS]; /* per line: bit n = number n is used; 1 model, 2 text */
    double *nums[HK_MAX_SEEDS];        /* per line, up to 32 numbers */
    int *count[HK_MAX_SEEDS];
} use_mark;

enum { NUMS_PER_LINE = 32 };

/* Marks on the record's cited lines the numbers in v[] (how: 1 model, 2 text). */
static void mark(use_mark *u, const char *source, const double *v, int nv, int how)
{
    cited c;
    parse_source(u->s, source, &c);
    for (int i = 0; i < c.n_lines; i++)
        for (int l = c.from[i]; l <= c.to[i]; l++) {
            int sd = c.seed[i];
            if (l < 1 || l > u->t->n_lines[sd])
                continue;
            for (int k = 0; k < u->count[sd][l - 1]; k++)
                for (int j = 0; j < nv; j++)
                    if (same_number(u->nums[sd][(l - 1) * NUMS_PER_LINE + k], v[j]))
                        u->mark[sd][(l - 1) * NUMS_PER_LINE + k] |= (unsigned char)how;
        }
}

static void mark_date(use_mark *u, const char *source, hk_date d, int how)
{
    double v[2] = {d.year, d.day};
    mark(u, source, v, d.day ? 2 : 1, how);
}

void hk_seed_use_count(const hk_scenario *s, const hk_seed_texts *t, hk_seed_use *out)
{
    memset(out, 0, sizeof *out);
    if (!t || !t->found)
        return;
    use_mark u = {.s = s, .t = t};
    for (int sd = 0; sd < s->n_seeds; sd++) {
        int n = t->n_lines[sd];
        u.mark[sd] = calloc((size_t)n * NUMS_PER_LINE, 1);
        u.nums[sd] = calloc((size_t)n * NUMS_PER_LINE, sizeof(double));
        u.count[sd] = calloc((size_t)n, sizeof(int));
        if (!u.mark[sd] || !u.nums[sd] || !u.count[sd])
            goto done;
        for (int l = 0; l < n; l++) {
            if (!body_line(t->line[sd][l]))
                continue;
            static char clean[65536];
            strip_sup(t->line[sd][l], clean, sizeof clean);
            double nums[256];
            int m = hk_numbers_in_text(clean, nums, 256), kept = 0;
            for (int i = 0; i < m && kept < NUMS_PER_LINE; i++) {
                /* Figures and years, not "one of" and "two sides". */
                if (nums[i] < 10 && nums[i] == floor(nums[i]))
                    continue;
                bool dup = false;
                for (int j = 0; j < kept; j++)
                    dup = dup || same_number(u.nums[sd][l * NUMS_PER_LINE + j], nums[i]);
                if (!dup)
                    u.nums[sd][l * NUMS_PER_LINE + kept++] = nums[i];
            }
            u.count[sd][l] = kept;
        }
    }
    /* The model's inputs and mechanisms. */
    for (int p = 0; p < HK_PARAM_COUNT; p++) {
        const hk_param_value *pv = &s->params[p];
        double v[64];
        int n = hk_numbers_in_text(pv->source.text ? pv->source.text : "", v, 63);
        v[n++] = pv->value;
        mark(&u, pv->source.text, v, n, 1);
    }
    for (int i = 0; i < s->n_strengths; i++) {
        const hk_strength *st = &s->strengths[i];
        double v[] = {st->men, st->tanks, st->guns, st->aircraft, st->date.year};
        mark(&u, st->source.text, v, 5, 1);
    }
    for (int i = 0; i < s->n_battles; i++) {
        const hk_battle *b = &s->battles[i];
        double v[] = {b->attacker.men, b->attacker.tanks, b->attacker.guns, b->attacker.aircraft,
                      b->attacker.supply_km, b->attacker.casualties, b->attacker.casualties_hi,
                      b->defender.men, b->defender.tanks, b->defender.guns, b->defender.aircraft,
                      b->defender.supply_km, b->defender.casualties, b->defender.casualties_hi,
                      b->start.year, b->end.year, b->start.day, b->end.day};
        mark(&u, b->source.text, v, 18, 1);
    }
    for (int i = 0; i < s->n_incidents; i++) {
        const hk_incident_count *ic = &s->incidents[i];
        double v[] = {ic->count, ic->year_from, ic->year_to};
        mark(&u, ic->source.text, v, 3, 1);
    }
    for (int i = 0; i < s->n_losses; i++)
        mark(&u, s->losses[i].source.text, &s->losses[i].value, 1, 1);
    for (int i = 0; i < s->n_treaties; i++) {
        const hk_treaty *tr = &s->treaties[i];
        double v[] = {tr->signed_on.year, tr->signed_on.day, tr->in_force.year, tr->in_force.day,
                      tr->duration_months / 12.0, tr->notice_months, tr->denounced.year,
                      tr->denounced.day, tr->ended.year, tr->ended.day};
        mark(&u, tr->source.text, v, 10, 1);
        for (int j = 0; j < tr->n_clauses; j++) {
            double w[64];
            int n = hk_numbers_in_text(tr->clauses[j].text, w, 64);
            mark(&u, tr->clauses[j].source.text, w, n, 1);
        }
    }
    for (int i = 0; i < s->n_events; i++) {
        mark_date(&u, s->events[i].source.text, s->events[i].date, 1);
        double w[64];
        int n = hk_numbers_in_text(s->events[i].text, w, 64);
        mark(&u, s->events[i].source.text, w, n, 2);
    }
    for (int i = 0; i < s->n_actors; i++) {
        const hk_actor *a = &s->actors[i];
        for (int f = 0; f < a->n_forms; f++) {
            const hk_actor_form *fm = &a->forms[f];
            double v[] = {fm->from.year, fm->from.day, a->until.year, a->until.day};
            mark(&u, fm->source.text, v, 4, 1);
        }
    }
    for (int i = 0; i < s->n_facts; i++) {
        const hk_fact *f = &s->facts[i];
        double w[64];
        int n = hk_numbers_in_text(f->text, w, 63);
        w[n++] = f->date.year;
        mark(&u, f->source.text, w, n, f->pin != HK_PIN_NONE ? 1 : 2);
        if (f->pin != HK_PIN_NONE)
            mark_date(&u, f->source.text, f->date, 1);
    }
    for (int sd = 0; sd < s->n_seeds; sd++)
        for (int l = 0; l < t->n_lines[sd]; l++)
            for (int k = 0; k < u.count[sd][l]; k++) {
                unsigned char m = u.mark[sd][l * NUMS_PER_LINE + k];
                out->facts++;
                out->facts_by_seed[sd]++;
                if (m & 1) {
                    out->model++;
                    out->model_by_seed[sd]++;
                } else if (m & 2) {
                    out->text++;
                }
            }
done:
    for (int sd = 0; sd < s->n_seeds; sd++) {
        free(u.mark[sd]);
        free(u.nums[sd]);
        free(u.count[sd]);
    }
}
