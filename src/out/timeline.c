/* timeline.c — the terminal timeline of a run.
 *
 * Events are printed as they arrive, one per line (wrapped at the width),
 * with the source in brackets. The engine reports a month's events before
 * its summary, so the yearly block is printed on December's summary (or at
 * the end of a run that stops earlier), right after the year's last events. */
#include "out/timeline.h"

#include "out/output.h"
#include "run/labels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_BLUE "\033[34m"
#define C_MAGENTA "\033[35m"
#define C_CYAN "\033[36m"

#define KIND_COL 12 /* after "YYYY-MM-DD  " */
#define TEXT_COL 22 /* after the kind column */
#define LABEL_COL 13

struct hk_timeline {
    const hk_scenario *s;
    FILE *out;
    hk_timeline_opts opts;
    hk_month_summary last;  /* the latest month's state */
    bool pending;           /* months seen since the last yearly block */
    int year_incidents, year_battles, year_events;
    bool year_at_war;       /* Japan and the USSR at war in some month of the year */
    int hidden_incidents;   /* incident events not printed (replay) */
    int shown;              /* events printed since the last block */
    hk_side_forces peak[2];     /* the year's largest border totals, per bloc */
    hk_month peak_month[2];
    double peak_all[2];         /* each bloc's whole army on the map in the peak's month */
};

bool hk_timeline_want_color(FILE *out)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return false;
    return isatty(fileno(out)) == 1;
}

hk_timeline *hk_timeline_new(const hk_scenario *s, FILE *out, const hk_timeline_opts *opts)
{
    hk_timeline *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->s = s;
    t->out = out;
    t->opts = *opts;
    if (t->opts.width <= 40)
        t->opts.width = HK_TIMELINE_WIDTH;
    return t;
}

void hk_timeline_free(hk_timeline *t)
{
    free(t);
}

static const char *col(const hk_timeline *t, const char *code)
{
    return t->opts.color ? code : "";
}

/* Display width of UTF-8 text: one column per code point. */
static int utf8_width(const char *p, size_t len)
{
    int w = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)p[i] & 0xC0) != 0x80)
            w++;
    return w;
}

/* ---- word wrapping ------------------------------------------------------ */

typedef struct wrap {
    FILE *out;
    int col, indent, width;
} wrap;

static void pad(FILE *out, int n)
{
    for (int i = 0; i < n; i++)
        fputc(' ', out);
}

/* One word; breaks the line first if it would pass the width. */
static void wrap_word(wrap *w, const char *word, size_t len, const char *on, const char *off)
{
    int ww = utf8_width(word, len);
    if (w->col > w->indent && w->col + 1 + ww > w->width) {
        fputc('\n', w->out);
        pad(w->out, w->indent);
        w->col = w->indent;
    } else if (w->col > w->indent) {
        fputc(' ', w->out);
        w->col++;
    }
    fprintf(w->out, "%s%.*s%s", on, (int)len, word, off);
    w->col += ww;
}

/* A word that is a whole number of five digits or more, perhaps in brackets or followed by
 * punctuation ("229397", "(36000);"), written with thousands separators into buf, as the
 * page writes it; 0 when the word is anything else (years, dates, ids, decimals). */
static size_t group_digits(const char *word, size_t len, char *buf, size_t size)
{
    size_t a = 0;
    while (a < len && (word[a] == '(' || word[a] == '['))
        a++;
    size_t d = a;
    while (d < len && word[d] >= '0' && word[d] <= '9')
        d++;
    size_t digits = d - a;
    if (digits < 5 || len + digits / 3 + 1 > size)
        return 0;
    for (size_t i = d; i < len; i++)
        if (!strchr(".,;:)]%", word[i]))
            return 0;
    if (d + 1 < len && word[d] == '.' && word[d + 1] >= '0' && word[d + 1] <= '9')
        return 0;
    size_t n = 0;
    memcpy(buf, word, a);
    n = a;
    for (size_t i = 0; i < digits; i++) {
        if (i > 0 && (digits - i) % 3 == 0)
            buf[n++] = ',';
        buf[n++] = word[a + i];
    }
    memcpy(buf + n, word + d, len - d);
    return n + (len - d);
}

static void wrap_text(wrap *w, const char *text, const char *on, const char *off)
{
    const char *p = text;
    while (p && *p) {
        while (*p == ' ' || *p == '\n' || *p == '\t')
            p++;
        const char *q = p;
        while (*q && *q != ' ' && *q != '\n' && *q != '\t')
            q++;
        if (q > p) {
            char grouped[64];
            size_t g = group_digits(p, (size_t)(q - p), grouped, sizeof grouped);
            if (g)
                wrap_word(w, grouped, g, on, off);
            else
                wrap_word(w, p, (size_t)(q - p), on, off);
        }
        p = q;
    }
}

/* ---- events ------------------------------------------------------------- */

/* The first word of a kind ("treaty_signed" -> "treaty"), at most 9 bytes. */
static void kind_label(const char *kind, char *buf, size_t size)
{
    if (!kind)
        kind = "event";
    size_t n = strcspn(kind, "_");
    if (n > 9)
        n = 9;
    if (n >= size)
        n = size - 1;
    memcpy(buf, kind, n);
    buf[n] = '\0';
}

static const char *kind_color(const char *label)
{
    if (strcmp(label, "treaty") == 0 || strcmp(label, "peace") == 0)
        return C_GREEN;
    if (strcmp(label, "battle") == 0 || strcmp(label, "war") == 0)
        return C_RED;
    if (strcmp(label, "incident") == 0)
        return C_YELLOW;
    if (strcmp(label, "outside") == 0 || strcmp(label, "event") == 0)
        return C_MAGENTA;
    if (strcmp(label, "decision") == 0 || strcmp(label, "doctrine") == 0 || strcmp(label, "coup") == 0 ||
        strcmp(label, "purge") == 0)
        return C_CYAN;
    return C_BLUE;
}

/* "[a; b; c]" after the text: a short source stays on the text's line or
 * goes right-aligned to the next; a long list wraps at its "; ". */
static void wrap_source(hk_timeline *t, wrap *w, const char *source)
{
    int sw = utf8_width(source, strlen(source)) + 2;
    const char *on = col(t, C_DIM), *off = col(t, C_RESET);
    if (sw <= w->width - TEXT_COL) {
        if (w->col + 2 + sw > w->width) {
            fputc('\n', t->out);
            pad(t->out, w->width - sw);
        } else {
            fputs("  ", t->out);
        }
        fprintf(t->out, "%s[%s]%s", on, source, off);
        return;
    }
    const char *p = source;
    bool first = true;
    while (*p) {
        const char *end = strstr(p, "; ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char part[512];
        snprintf(part, sizeof part, "%s%.*s%s", first ? "[" : "", (int)len, p, end ? ";" : "]");
        wrap_word(w, part, strlen(part), on, off);
        first = false;
        p += len;
        if (end)
            p += 2;
    }
}

static void timeline_on_event(void *ud, const hk_log_event *e)
{
    hk_timeline *t = ud;
    char label[16];
    kind_label(e->kind, label, sizeof label);
    t->year_events++;
    /* Replay shows the key events; incidents come by the hundred and are
     * counted in the yearly block instead. */
    if (!t->opts.explain && strcmp(label, "incident") == 0) {
        t->hidden_incidents++;
        return;
    }
    char date[16];
    hk_date_format(e->date, date);
    t->shown++;
    fprintf(t->out, "%-10s  %s%-9s%s ", date, col(t, kind_color(label)), label, col(t, C_RESET));
    wrap w = {t->out, TEXT_COL, TEXT_COL, t->opts.width};
    /* "treaty_denounced" shows as "treaty  denounced: NAME". */
    const char *rest = e->kind ? strchr(e->kind, '_') : NULL;
    if (rest && strcmp(label, "treaty") == 0) {
        char word[32];
        snprintf(word, sizeof word, "%s:", rest + 1);
        wrap_word(&w, word, strlen(word), "", "");
    }
    wrap_text(&w, e->text ? e->text : (e->id ? e->id : ""), "", "");
    if (e->source && *e->source)
        wrap_source(t, &w, e->source);
    fputc('\n', t->out);
}

/* ---- yearly blocks -------------------------------------------------------- */

static void rule(hk_timeline *t, const char *title)
{
    const char *dash = t->opts.color ? "\u2500" : "-";
    fprintf(t->out, "%s%s%s%s %s ", col(t, C_BOLD), dash, dash, dash, title);
    int used = 3 + 2 + utf8_width(title, strlen(title));
    for (int i = used; i < t->opts.width; i++)
        fputs(dash, t->out);
    fprintf(t->out, "%s\n", col(t, C_RESET));
}

static const char *doctrine_word(double d)
{
    if (d >= 0.5)
        return "strongly north";
    if (d >= 0.15)
        return "north";
    if (d > -0.15)
        return "undecided";
    if (d > -0.5)
        return "south";
    return "strongly south";
}

/* S [....|##..] N: the cells between the centre and the value. */
static void doctrine_bar(hk_timeline *t, double d)
{
    enum { HALF = 10 };
    if (!isfinite(d))
        d = 0;
    int filled = (int)lround(fabs(d) * HALF);
    if (filled > HALF)
        filled = HALF;
    const char *full = t->opts.color ? "\u2588" : "#";
    const char *empty = t->opts.color ? "\u00b7" : ".";
    fprintf(t->out, "S [");
    for (int i = -HALF; i <= HALF; i++) {
        if (i == 0) {
            fputc('|', t->out);
            continue;
        }
        bool on = d < 0 ? (i < 0 && -i <= filled) : (i > 0 && i <= filled);
        if (on)
            fprintf(t->out, "%s%s%s", col(t, d < 0 ? C_BLUE : C_RED), full, col(t, C_RESET));
        else
            fputs(empty, t->out);
    }
    fprintf(t->out, "] N");
}

/* 12345.6 -> "12,346" */
static void thousands(double x, char *buf, size_t size)
{
    if (!isfinite(x) || x < 0)
        x = 0;
    char raw[32];
    snprintf(raw, sizeof raw, "%.0f", x);
    size_t n = strlen(raw), o = 0;
    for (size_t i = 0; i < n && o + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = raw[i];
    }
    buf[o] = '\0';
}

static void factions_of(hk_timeline *t, wrap *w, int actor)
{
    const hk_scenario *s = t->s;
    int order[HK_MAX_FACTIONS], n = 0;
    /* a faction not yet formed (actors.yaml `emerges`) shows as the group
     * its weight belongs to before (`before_name`), once for all of them */
    double infl[HK_MAX_FACTIONS];
    for (int f = 0; f < s->n_factions; f++) {
        if (s->factions[f].actor != actor)
            continue;
        infl[f] = t->last.influence[f];
        bool formed = f >= 32 || (t->last.factions_formed >> f & 1u);
        if (!formed) {
            int first = -1;
            for (int g = 0; g < f && first < 0; g++)
                if (s->factions[g].actor == actor && !(g < 32 && (t->last.factions_formed >> g & 1u)) &&
                    s->factions[g].before_name && s->factions[f].before_name &&
                    !strcmp(s->factions[g].before_name, s->factions[f].before_name))
                    first = g;
            if (first >= 0) {
                infl[first] += infl[f];
                continue;
            }
        }
        order[n++] = f;
    }
    /* Largest first; ties keep scenario order so the text is stable. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && infl[order[j]] > infl[order[j - 1]]; j--) {
            int tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    if (n == 0)
        return;
    char word[96];
    snprintf(word, sizeof word, "%s:", s->actors[actor].id);
    wrap_word(w, word, strlen(word), col(t, C_BOLD), col(t, C_RESET));
    for (int i = 0; i < n && i < 5; i++) {
        int f = order[i];
        bool formed = f >= 32 || (t->last.factions_formed >> f & 1u);
        snprintf(word, sizeof word, "%s %.0f%%%s",
                 !formed && s->factions[f].before_name ? s->factions[f].before_name : hk_label_faction(s, f),
                 100.0 * infl[f], i + 1 < n && i < 4 ? "," : "");
        wrap_word(w, word, strlen(word), "", "");
    }
}

static void side_line(hk_timeline *t, const char *label, const hk_side_forces *f)
{
    char men[32], tanks[32], guns[32], air[32];
    thousands(f->men, men, sizeof men);
    thousands(f->tanks, tanks, sizeof tanks);
    thousands(f->guns, guns, sizeof guns);
    thousands(f->aircraft, air, sizeof air);
    fprintf(t->out, "%-14s %9s men %6s tanks %6s guns %6s aircraft\n", label, men, tanks, guns, air);
}

/* The bloc of an actor: 0 Japan's side (Japan, Manchukuo), 1 the Soviet side
 * (the USSR, Mongolia), -1 neither. */
static int bloc_of(const hk_scenario *s, int actor)
{
    if (actor < 0)
        return -1;
    if (actor == s->jpn || actor == s->man)
        return 0;
    if (actor == s->sov || actor == s->mgl)
        return 1;
    return -1;
}

/* Men and equipment of each bloc on the border: every formation standing in
 * a region that faces a sector, counted once. The per-sector forces of the
 * month summary count a formation in each sector it faces (a corps at
 * Hailar faces both the Argun and the Mongolian border), so their sum would
 * count it twice. A formation is left out while its bloc has nothing
 * counted in its sector (Japan's army in Manchuria before it guards
 * Manchukuo's borders). */
/* The men on each side's border sectors: those the model counts there, and
 * a force on its own side's ground in a border sector though the model
 * leaves it out (the Korea Army's division at Chongjin on the lower Tumen,
 * where Korea bordered Russia, before the Manchurian hills beside it were
 * Japan's to guard); not a force the model leaves out on the other side's
 * ground (the Siberian expedition at Vladivostok, on the "abroad" line). */
static void border_totals(const hk_scenario *s, const hk_month_summary *m, hk_side_forces out[2])
{
    memset(out, 0, 2 * sizeof *out);
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation_state *fs = &m->formations[f];
        int j = bloc_of(s, s->formations[f].actor);
        if (j < 0 || fs->region < 0 || fs->region >= s->n_regions || !(fs->men > 0))
            continue;
        int k = s->regions[fs->region].sector;
        if (k < 0 || k >= s->n_sectors)
            continue;
        int own = s->regions[fs->region].controller;
        if (!(m->forces[k][j].men > 0) && !(own >= 0 && bloc_of(s, own) == j))
            continue;
        out[j].men += fs->men;
        out[j].tanks += fs->tanks;
        out[j].guns += fs->guns;
        out[j].aircraft += fs->aircraft;
    }
}

/* A bloc's whole army on the map: the border's groupings and those behind
 * them (the Kwantung Army's central reserve at Dalian, the Korea Army at
 * Keijo), which the border line leaves out. */
static bool abroad(const hk_scenario *s, const hk_month_summary *m, int f);
static double theatre_men(const hk_scenario *s, const hk_month_summary *m, int j)
{
    double men = 0;
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation_state *fs = &m->formations[f];
        if (bloc_of(s, s->formations[f].actor) == j && fs->region >= 0 && fs->region < s->n_regions &&
            fs->men > 0)
            men += fs->men;
    }
    return men;
}

static void incidents_record(hk_timeline *t, int year, bool whole_year, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int i = 0; i < t->s->n_incidents; i++) {
        const hk_incident_count *r = &t->s->incidents[i];
        if (year < r->year_from || year > r->year_to)
            continue;
        if (r->year_from == r->year_to)
            snprintf(buf, size, whole_year ? " (record %d)" : " (record %d for the whole year)", r->count);
        else
            snprintf(buf, size, " (record %d over %d-%d)", r->count, r->year_from, r->year_to);
        return;
    }
}

/* Formations standing on ground another bloc holds (the Siberian
 * expedition at Khabarovsk, an army that has crossed the border): the
 * border row leaves them out, so the year says where they are. */
static bool abroad(const hk_scenario *s, const hk_month_summary *m, int f)
{
    const hk_formation_state *fs = &m->formations[f];
    int j = bloc_of(s, s->formations[f].actor);
    if (j < 0 || fs->region < 0 || fs->region >= s->n_regions || !(fs->men > 0))
        return false;
    int holder = m->control[fs->region], own = s->regions[fs->region].controller;
    /* on ground another side holds, or on ground its own side has taken
     * from a power outside its bloc (the Siberian expedition at Khabarovsk) */
    return (holder >= 0 && holder != s->formations[f].actor && bloc_of(s, holder) != j) ||
           (holder >= 0 && bloc_of(s, holder) == j && bloc_of(s, own) >= 0 && bloc_of(s, own) != j);
}

static void abroad_line(hk_timeline *t, const hk_month_summary *m)
{
    const hk_scenario *s = t->s;
    int n = 0;
    for (int f = 0; f < s->n_formations; f++)
        n += abroad(s, m, f);
    if (n == 0)
        return;
    fprintf(t->out, "  %-*s", LABEL_COL - 2, "abroad");
    wrap w = {t->out, LABEL_COL, LABEL_COL, t->opts.width};
    for (int f = 0, k = 0; f < s->n_formations; f++) {
        if (!abroad(s, m, f))
            continue;
        const hk_formation_state *fs = &m->formations[f];
        int holder = m->control[fs->region], own = s->regions[fs->region].controller;
        /* ground its own side has occupied: whose territory it is, by that
         * power's name at the date */
        bool occupied = bloc_of(s, holder) == bloc_of(s, s->formations[f].actor);
        if (occupied)
            holder = own;
        /* whose country the ground is, by the holder's name at the date
         * (Soviet Russia in 1919, the Far Eastern Republic in 1921), where
         * the holder is the ground's own (the expedition stands on Soviet
         * territory, which is not to say it has lost the town); ground taken
         * from another (Chongjin in August 1945) is "held by" its taker */
        const hk_actor *a = &s->actors[holder];
        int form = m->form[holder];
        const char *whose = form >= 0 && form < a->n_forms && a->forms[form].name ? a->forms[form].name
                            : a->name                                            ? a->name
                                                                                 : a->id;
        char men[32], word[256];
        thousands(fs->men, men, sizeof men);
        bool home = own == holder || (own >= 0 && bloc_of(s, own) >= 0 && bloc_of(s, own) == bloc_of(s, holder));
        snprintf(word, sizeof word, "%s %s men at %s, %s %s%s", s->formations[f].name, men,
                 s->regions[fs->region].name,
                 occupied ? "occupied territory of" : home ? "on the territory of" : "held by", whose,
                 ++k < n ? ";" : "");
        wrap_text(&w, word, "", "");
    }
    fputc('\n', t->out);
}

static void year_block(hk_timeline *t)
{
    const hk_scenario *s = t->s;
    const hk_month_summary *m = &t->last;
    int year = hk_month_year(m->month);
    char title[32];
    if (hk_month_mon(m->month) == 12)
        snprintf(title, sizeof title, "%d", year);
    else
        snprintf(title, sizeof title, "%d (to %02d)", year, hk_month_mon(m->month));
    if (t->shown)
        fputc('\n', t->out);
    t->shown = 0;
    rule(t, title);

    if (s->jpn >= 0) {
        double d = m->doctrine[s->jpn];
        fprintf(t->out, "  %-*s", LABEL_COL - 2, "doctrine");
        fprintf(t->out, "JPN %s%+.2f %-14s%s ", col(t, C_BOLD), d, doctrine_word(d), col(t, C_RESET));
        doctrine_bar(t, d);
        fputc('\n', t->out);
    }

    bool first = true;
    for (int a = 0; a < s->n_actors; a++) {
        if (a != s->jpn && a != s->sov)
            continue;
        fprintf(t->out, "  %-*s", LABEL_COL - 2, first ? "factions" : "");
        first = false;
        wrap w = {t->out, LABEL_COL, LABEL_COL, t->opts.width};
        factions_of(t, &w, a);
        fputc('\n', t->out);
    }

    if (s->n_sectors > 0) {
        hk_side_forces side[2];
        border_totals(s, m, side);
        static const char *const names[2] = {"Japanese side", "Soviet side"};
        fprintf(t->out, "  %-*s", LABEL_COL - 2, "border");
        side_line(t, names[0], &side[0]);
        pad(t->out, LABEL_COL);
        side_line(t, names[1], &side[1]);
        /* A year that ends far below its peak (an army destroyed or sent
         * away) says what it had at its height, and when. */
        for (int j = 0; j < 2; j++) {
            if (!(t->peak[j].men > 1.1 * side[j].men) || t->peak_month[j] == m->month) {
                /* otherwise the whole army at the year's end, where reserves
                 * behind the border make it larger than the border row (the
                 * army of the special manoeuvres, counted whole in the
                 * year's events) */
                double all = theatre_men(s, m, j);
                for (int f = 0; f < s->n_formations; f++)
                    if (bloc_of(s, s->formations[f].actor) == j && abroad(s, m, f))
                        all -= m->formations[f].men; /* told on the abroad line */
                if (all > 1.1 * side[j].men) {
                    char n[32];
                    thousands(all, n, sizeof n);
                    pad(t->out, LABEL_COL);
                    fprintf(t->out, "%-14s %sin all %s men, the reserves in the rear with them%s\n", names[j], col(t, C_DIM), n,
                            col(t, C_RESET));
                }
                continue;
            }
            char men[32], when[16];
            thousands(t->peak[j].men, men, sizeof men);
            hk_month_format(t->peak_month[j], when);
            pad(t->out, LABEL_COL);
            char all[96] = "";
            if (t->peak_all[j] > 1.01 * t->peak[j].men) {
                char n[32];
                thousands(t->peak_all[j], n, sizeof n);
                snprintf(all, sizeof all, " (%s with the reserves in the rear)", n);
            }
            fprintf(t->out, "%-14s %speak %s men in %s%s%s\n", names[j], col(t, C_DIM), men, when, all,
                    col(t, C_RESET));
        }
    }

    abroad_line(t, m);

    fprintf(t->out, "  %-*s", LABEL_COL - 2, "treaties");
    wrap w = {t->out, LABEL_COL, LABEL_COL, t->opts.width};
    int n = 0;
    for (int i = 0; i < s->n_treaties; i++)
        if (m->treaty_in_force[i])
            n++;
    if (n == 0)
        wrap_word(&w, "none in force", 13, col(t, C_DIM), col(t, C_RESET));
    for (int i = 0, k = 0; i < s->n_treaties; i++) {
        if (!m->treaty_in_force[i])
            continue;
        char word[160];
        snprintf(word, sizeof word, "%s%s", hk_label_treaty(s, i), ++k < n ? "," : "");
        wrap_word(&w, word, strlen(word), col(t, C_GREEN), col(t, C_RESET));
    }
    fputc('\n', t->out);

    char rec[64];
    incidents_record(t, year, hk_month_mon(m->month) == 12, rec, sizeof rec);
    fprintf(t->out, "  %-*s%s%d%s this year%s   battles %d   Japan-USSR war this year: %s\n", LABEL_COL - 2, "incidents",
            col(t, C_YELLOW), t->year_incidents, col(t, C_RESET), rec, t->year_battles,
            t->year_at_war ? "yes" : "no");

    fputc('\n', t->out);
    t->pending = false;
    t->year_incidents = t->year_battles = t->year_events = 0;
    t->year_at_war = false;
    memset(t->peak, 0, sizeof t->peak);
    memset(t->peak_all, 0, sizeof t->peak_all);
}

static void timeline_on_month(void *ud, const hk_month_summary *m)
{
    hk_timeline *t = ud;
    t->last = *m;
    t->pending = true;
    t->year_incidents += m->incidents;
    t->year_battles += m->battles;
    t->year_at_war |= m->at_war_jpn_sov;
    hk_side_forces side[2];
    border_totals(t->s, m, side);
    for (int j = 0; j < 2; j++)
        if (side[j].men > t->peak[j].men) {
            t->peak[j] = side[j];
            t->peak_month[j] = m->month;
            t->peak_all[j] = theatre_men(t->s, m, j);
        }
    if (hk_month_mon(m->month) == 12)
        year_block(t);
}

hk_observer hk_timeline_observer(hk_timeline *t)
{
    hk_observer obs = {timeline_on_event, timeline_on_month, t};
    return obs;
}

void hk_timeline_header(hk_timeline *t, const char *mode, uint64_t seed, bool show_seed)
{
    const hk_scenario *s = t->s;
    char from[16], to[16];
    hk_month_format(hk_date_month(s->start), from);
    hk_month_format(hk_date_month(s->end), to);
    fprintf(t->out, "%shokushin %s%s ", col(t, C_BOLD), mode, col(t, C_RESET));
    wrap w = {t->out, 10 + (int)strlen(mode), 4, t->opts.width};
    wrap_text(&w, s->name ? s->name : "", col(t, C_BOLD), col(t, C_RESET));
    fprintf(t->out, "\n%sscenario %s, %s to %s", col(t, C_DIM), s->id ? s->id : "", from, to);
    if (show_seed)
        fprintf(t->out, ", seed %llu", (unsigned long long)seed);
    fputs(col(t, C_RESET), t->out);
    fputc('\n', t->out);
    fprintf(t->out, "%s%s%s\n\n", col(t, C_DIM),
            t->opts.explain ? "Every event with its explanation and [source]; the state after each year."
                            : "Key events with their [source]; incidents are counted in the yearly state.",
            col(t, C_RESET));
}

/* An outcome that is a year with its month as a fraction (a name ending in
 * "_year"). */
static bool is_year_figure(const char *name)
{
    size_t n = strlen(name);
    return n >= 5 && strcmp(name + n - 5, "_year") == 0;
}

void hk_timeline_finish(hk_timeline *t, const hk_outcomes *o)
{
    if (t->pending)
        year_block(t);
    if (!o)
        return;
    rule(t, "outcomes");
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        const hk_outcome_info *info = &hk_outcome_table[i];
        double v = hk_outcome_value(o, i);
        char val[32];
        if (!hk_output_outcome_decided(o, i, t->last.month, hk_date_month(t->s->end)))
            snprintf(val, sizeof val, "not reached");
        else if (!isfinite(v))
            snprintf(val, sizeof val, "-");
        else if (info->kind == HK_OUTCOME_PROPORTION)
            snprintf(val, sizeof val, "%s", v != 0.0 ? "yes" : "no");
        else if (is_year_figure(info->name)) {
            /* year + (month - 1) / 12, shown as the month it stands for */
            int y = (int)floor(v + 1e-6), mon = (int)lround((v - y) * 12.0) + 1;
            snprintf(val, sizeof val, "%04d-%02d", y, mon < 1 ? 1 : mon > 12 ? 12 : mon);
        } else
            snprintf(val, sizeof val, "%.4g", v);
        fprintf(t->out, "  %-39s %s%-11s%s ", info->name, col(t, C_BOLD), val, col(t, C_RESET));
        wrap w = {t->out, 54, 54, t->opts.width};
        wrap_text(&w, info->doc, col(t, C_DIM), col(t, C_RESET));
        fputc('\n', t->out);
    }
}
