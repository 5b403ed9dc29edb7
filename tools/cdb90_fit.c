/* cdb90_fit — fits the combat model (src/model/combat.c) and a plain
 * Lanchester square law on a declared part of CDB90, and reports both on the
 * part not fitted (docs/combat.md states the split).
 *
 *   cdb90_fit [CDB90_DIR] [--out REPO_DIR] [--evaluate] [--quiet]
 *             [--codes N] [--ridge X] [--cauchy] [--restarts N]
 *
 * The fit has two stages: the general parameters on the fit part's battles
 * without a no-surrender (Japanese, 1937-1945) side, then the three
 * no-surrender factors on the fit part's battles with one, the rest held.
 * Without --evaluate it fits with GSL's Nelder–Mead simplex and writes
 * data/combat-fit.yaml, docs/combat-validation.md and
 * src/model/combat_fit_data.c under REPO_DIR (default: the source tree).
 * With --evaluate it fits nothing of the combat model: it scores the
 * compiled-in parameters on the held-out part and prints key=value lines,
 * which a test compares with the checked-in report. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_multimin.h>
#include <gsl/gsl_vector.h>

#include "model/combat.h"

#ifndef HK_SOURCE_DIR
#define HK_SOURCE_DIR "."
#endif

/* ---- a small CSV reader (RFC 4180 quoting) ----------------------------- */

typedef struct csv {
    char ***rows;  /* rows[i][j]; row 0 is the header */
    int *ncols;
    int nrows;
} csv;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

static int csv_read(const char *path, csv *c)
{
    memset(c, 0, sizeof *c);
    char *text = slurp(path);
    if (!text)
        return -1;
    int rcap = 256;
    c->rows = malloc(sizeof *c->rows * (size_t)rcap);
    c->ncols = malloc(sizeof *c->ncols * (size_t)rcap);
    const char *p = text;
    while (*p) {
        int fcap = 16, nf = 0;
        char **fields = malloc(sizeof *fields * (size_t)fcap);
        for (;;) {
            size_t cap = 32, len = 0;
            char *fld = malloc(cap);
            if (*p == '"') {
                p++;
                while (*p) {
                    if (*p == '"' && p[1] == '"') {
                        p++;
                    } else if (*p == '"') {
                        p++;
                        break;
                    }
                    if (len + 2 > cap)
                        fld = realloc(fld, cap *= 2);
                    fld[len++] = *p++;
                }
            }
            while (*p && *p != ',' && *p != '\n' && *p != '\r') {
                if (len + 2 > cap)
                    fld = realloc(fld, cap *= 2);
                fld[len++] = *p++;
            }
            fld[len] = '\0';
            if (nf == fcap)
                fields = realloc(fields, sizeof *fields * (size_t)(fcap *= 2));
            fields[nf++] = fld;
            if (*p == ',') {
                p++;
                continue;
            }
            break;
        }
        if (*p == '\r')
            p++;
        if (*p == '\n')
            p++;
        if (c->nrows == rcap) {
            rcap *= 2;
            c->rows = realloc(c->rows, sizeof *c->rows * (size_t)rcap);
            c->ncols = realloc(c->ncols, sizeof *c->ncols * (size_t)rcap);
        }
        c->rows[c->nrows] = fields;
        c->ncols[c->nrows] = nf;
        c->nrows++;
    }
    free(text);
    return 0;
}

static void csv_free(csv *c)
{
    for (int i = 0; i < c->nrows; i++) {
        for (int j = 0; j < c->ncols[i]; j++)
            free(c->rows[i][j]);
        free(c->rows[i]);
    }
    free(c->rows);
    free(c->ncols);
}

static int csv_col(const csv *c, const char *name)
{
    for (int j = 0; c->nrows > 0 && j < c->ncols[0]; j++)
        if (strcmp(c->rows[0][j], name) == 0)
            return j;
    return -1;
}

static const char *csv_get(const csv *c, int row, int col)
{
    return (col >= 0 && col < c->ncols[row]) ? c->rows[row][col] : "";
}

static double num_or_nan(const char *s)
{
    if (!s || !*s)
        return NAN;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    return (*end || errno) ? NAN : v;
}

/* ---- the battles --------------------------------------------------------- */

enum { PART_NONE = -1, PART_FIT = 0, PART_HELD = 1 };
#define MAX_BATTLES 700
static const int japan_ussr[6] = {256, 257, 258, 259, 260, 516};

typedef struct cbattle {
    int isqno;
    char name[48];
    int year;
    double dispersion;   /* Dupuy's dispersion factor of its era */
    int wina;            /* 1 attacker won, -1 lost, 0 draw */
    int part;
    int days;
    int posture;
    int terrain;
    double code[HK_CDB90_CODES];
    /* [0] attacker, [1] defender; NaN when missing */
    double str[2], cas[2], tank[2], arty[2], fly[2], ctank[2], carty[2], cfly[2];
    char actor[2][24];
    int no_surrender[2]; /* a Japanese side of 1937-1945 (docs/combat.md) */
    int nation[2];       /* HK_NATION_* of the side's (first) army */
} cbattle;

/* The national group of a CDB90 `actors` entry: its first army (a
 * coalition such as "Great Britain & Prussia" counts as its first). */
static int cdb90_nation(const char *actors)
{
    static const struct { const char *name; int nation; } map[] = {
        {"USSR", HK_NATION_RUS},         {"Russia", HK_NATION_RUS},
        {"Japan", HK_NATION_JPN},        {"Germany", HK_NATION_GER},
        {"Prussia", HK_NATION_GER},      {"Great Britain", HK_NATION_GBR},
        {"England", HK_NATION_GBR},      {"France", HK_NATION_FRA},
        {"USA", HK_NATION_USA},          {"Confederacy", HK_NATION_CSA},
        {"Austria", HK_NATION_AUT},      {"Habsburg Empire", HK_NATION_AUT},
        {"Israel", HK_NATION_ISR},       {"Egypt", HK_NATION_ARAB},
        {"Syria", HK_NATION_ARAB},       {"Jordan", HK_NATION_ARAB},
        {"Iraq", HK_NATION_ARAB},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        size_t n = strlen(map[i].name);
        if (strncmp(actors, map[i].name, n) == 0 && (actors[n] == '\0' || actors[n] == ' '))
            return map[i].nation;
    }
    return HK_NATION_OTHER;
}

static int is_japan_ussr(int isqno)
{
    for (int i = 0; i < 6; i++)
        if (japan_ussr[i] == isqno)
            return 1;
    return 0;
}

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static double parse_time(const char *s)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (sscanf(s, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec) < 3)
        return NAN;
    return (double)days_from_civil(y, mo, d) + (h + mi / 60.0 + sec / 3600.0) / 24.0;
}

/* CDB90's terrain codes: terra1 R rolling, G rugged, F flat; terra2 W wooded,
 * M mixed, B bare, D desert; terra3 U urban, M marsh, D dunes. */
static int map_terrain(const char *t1, const char *t2, const char *t3)
{
    if (strcmp(t3, "U") == 0)
        return HK_TERRAIN_URBAN;
    if (strcmp(t3, "M") == 0)
        return HK_TERRAIN_MARSH;
    if (strcmp(t2, "W") == 0)
        return HK_TERRAIN_FOREST;
    if (strcmp(t1, "G") == 0)
        return HK_TERRAIN_HILLS;
    if (strcmp(t2, "D") == 0 || strcmp(t3, "D") == 0)
        return HK_TERRAIN_DESERT;
    if (strcmp(t2, "B") == 0)
        return HK_TERRAIN_STEPPE;
    return HK_TERRAIN_PLAIN;
}

/* Dupuy's dispersion factors by era (Understanding War, 1987): how thinly
 * armies spread as weapons grew deadlier. A battle of unknown year takes the
 * Napoleonic value, the middle of the table. */
static double dupuy_dispersion(int year)
{
    /* Each era's factor applies to the years before `until`. */
    static const struct {
        int until;
        double factor;
    } eras[] = {{1700, 5}, {1792, 10}, {1816, 20}, {1901, 25}, {1919, 250}, {1946, 3000}};
    if (year <= 0)
        return 20;
    for (size_t i = 0; i < sizeof eras / sizeof *eras; i++)
        if (year < eras[i].until)
            return eras[i].factor;
    return 4000;
}

static int load_battles(const char *dir, cbattle *b, int *n_out)
{
    char path[1024];
    csv bat, bel, ter, dur;
    const char *names[4] = {"battles.csv", "belligerents.csv", "terrain.csv",
                            "battle_durations.csv"};
    csv *tabs[4] = {&bat, &bel, &ter, &dur};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (csv_read(path, tabs[i]) != 0) {
            fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
            for (int j = 0; j < i; j++)
                csv_free(tabs[j]);
            return -1;
        }
    }
    int n = 0;
    int c_isq = csv_col(&bat, "isqno"), c_wina = csv_col(&bat, "wina"),
        c_parent = csv_col(&bat, "parent"), c_post = csv_col(&bat, "post1"),
        c_name = csv_col(&bat, "name");
    static const char *const code_names[HK_CDB90_CODES] = HK_CDB90_CODE_NAMES;
    int c_code[HK_CDB90_CODES];
    for (int k = 0; k < HK_CDB90_CODES; k++)
        c_code[k] = csv_col(&bat, code_names[k]);
    if (c_isq < 0 || c_wina < 0 || c_parent < 0) {
        fprintf(stderr, "%s/battles.csv:1: missing isqno, wina or parent column\n", dir);
        goto fail;
    }
    for (int r = 1; r < bat.nrows && n < MAX_BATTLES; r++) {
        cbattle *x = &b[n];
        memset(x, 0, sizeof *x);
        x->isqno = atoi(csv_get(&bat, r, c_isq));
        if (x->isqno <= 0)
            continue;
        snprintf(x->name, sizeof x->name, "%s", csv_get(&bat, r, c_name));
        /* This copy of CDB90 stores negative codes as blanks: a blank wina is
         * an attacker's defeat (210 of 219 blanks have the attacker's
         * mission score below the defender's, none above), and a blank
         * advantage code is taken as -1, the mildest advantage to the
         * defender. */
        const char *w = csv_get(&bat, r, c_wina);
        x->wina = *w ? atoi(w) : -1;
        for (int k = 0; k < HK_CDB90_CODES; k++) {
            const char *v = csv_get(&bat, r, c_code[k]);
            x->code[k] = *v ? atof(v) : -1;
        }
        const char *post = csv_get(&bat, r, c_post);
        x->posture = strcmp(post, "PD") == 0   ? HK_POSTURE_PREPARED
                     : strcmp(post, "FD") == 0 ? HK_POSTURE_FORTIFIED
                                               : HK_POSTURE_HASTY;
        int dup = *csv_get(&bat, r, c_parent) != '\0';
        if (dup)
            x->part = PART_NONE;
        else if (is_japan_ussr(x->isqno) || x->isqno % 2 == 0)
            x->part = PART_HELD;
        else
            x->part = PART_FIT;
        x->terrain = HK_TERRAIN_PLAIN;
        x->days = 1;
        for (int s = 0; s < 2; s++)
            x->str[s] = x->cas[s] = x->tank[s] = x->arty[s] = x->fly[s] = x->ctank[s] =
                x->carty[s] = x->cfly[s] = NAN;
        n++;
    }
    /* belligerents: attacker column 1 = the attacking side */
    int b_isq = csv_col(&bel, "isqno"), b_att = csv_col(&bel, "attacker"),
        b_str = csv_col(&bel, "str"), b_cas = csv_col(&bel, "cas"), b_tank = csv_col(&bel, "tank"),
        b_arty = csv_col(&bel, "arty"), b_fly = csv_col(&bel, "fly"),
        b_ctank = csv_col(&bel, "ctank"), b_carty = csv_col(&bel, "carty"),
        b_cfly = csv_col(&bel, "cfly"), b_actors = csv_col(&bel, "actors");
    for (int r = 1; r < bel.nrows; r++) {
        int isq = atoi(csv_get(&bel, r, b_isq));
        int side = atoi(csv_get(&bel, r, b_att)) == 1 ? 0 : 1;
        for (int i = 0; i < n; i++) {
            if (b[i].isqno != isq)
                continue;
            cbattle *x = &b[i];
            x->str[side] = num_or_nan(csv_get(&bel, r, b_str));
            x->cas[side] = num_or_nan(csv_get(&bel, r, b_cas));
            x->tank[side] = num_or_nan(csv_get(&bel, r, b_tank));
            x->arty[side] = num_or_nan(csv_get(&bel, r, b_arty));
            x->fly[side] = num_or_nan(csv_get(&bel, r, b_fly));
            x->ctank[side] = num_or_nan(csv_get(&bel, r, b_ctank));
            x->carty[side] = num_or_nan(csv_get(&bel, r, b_carty));
            x->cfly[side] = num_or_nan(csv_get(&bel, r, b_cfly));
            snprintf(x->actor[side], sizeof x->actor[side], "%s", csv_get(&bel, r, b_actors));
            break;
        }
    }
    /* terrain: the first description of each battle */
    int t_isq = csv_col(&ter, "isqno"), t_no = csv_col(&ter, "terrano"),
        t1 = csv_col(&ter, "terra1"), t2 = csv_col(&ter, "terra2"), t3 = csv_col(&ter, "terra3");
    for (int r = 1; r < ter.nrows; r++) {
        if (atoi(csv_get(&ter, r, t_no)) != 1)
            continue;
        int isq = atoi(csv_get(&ter, r, t_isq));
        for (int i = 0; i < n; i++)
            if (b[i].isqno == isq)
                b[i].terrain = map_terrain(csv_get(&ter, r, t1), csv_get(&ter, r, t2),
                                           csv_get(&ter, r, t3));
    }
    /* durations: whole days between start and end (at least 1). The
     * duration1 column of this copy is clipped at 2 days, so it is not used. */
    int d_isq = csv_col(&dur, "isqno"), d_min = csv_col(&dur, "datetime_min"),
        d_max = csv_col(&dur, "datetime_max");
    for (int r = 1; r < dur.nrows; r++) {
        int isq = atoi(csv_get(&dur, r, d_isq));
        double a = parse_time(csv_get(&dur, r, d_min)), z = parse_time(csv_get(&dur, r, d_max));
        for (int i = 0; i < n; i++)
            if (b[i].isqno == isq && isfinite(a) && isfinite(z)) {
                long d = lround(z - a);
                b[i].days = d < 1 ? 1 : (int)d;
                b[i].year = atoi(csv_get(&dur, r, d_min));
            }
    }
    for (int i = 0; i < n; i++) {
        b[i].dispersion = dupuy_dispersion(b[i].year);
        /* The no-surrender practice: Japanese forces from the war with China
         * in 1937 to the surrender in 1945. */
        for (int s = 0; s < 2; s++)
        {
            b[i].no_surrender[s] = strstr(b[i].actor[s], "Japan") != NULL && b[i].year >= 1937 &&
                                   b[i].year <= 1945;
            b[i].nation[s] = cdb90_nation(b[i].actor[s]);
        }
    }
    for (int i = 0; i < 4; i++)
        csv_free(tabs[i]);
    *n_out = n;
    return 0;
fail:
    for (int i = 0; i < 4; i++)
        csv_free(tabs[i]);
    return -1;
}

static int usable(const cbattle *x)
{
    return x->part != PART_NONE && x->str[0] > 0 && x->str[1] > 0;
}

static int side_usable(const cbattle *x, int s)
{
    return usable(x) && x->cas[s] > 0;
}

/* ---- the combat model on a CDB90 battle --------------------------------- */

static double zero_nan(double v)
{
    return isfinite(v) && v > 0 ? v : 0;
}

static void model_battle(const hk_combat_params *cp, const double *coef, const cbattle *x,
                         hk_combat_result *res)
{
    hk_combat_side s[2];
    for (int i = 0; i < 2; i++) {
        memset(&s[i], 0, sizeof s[i]);
        s[i].men = x->str[i];
        s[i].tanks = zero_nan(x->tank[i]);
        s[i].guns = zero_nan(x->arty[i]);
        /* CDB90 counts close-support sorties over the battle; at about one
         * sortie per aircraft a day, sorties / days approximates aircraft. */
        s[i].aircraft = zero_nan(x->fly[i]) / x->days;
        s[i].quality = 1;
    }
    double lq = 0;
    for (int k = 0; k < HK_CDB90_CODES; k++)
        lq += coef[k] * x->code[k];
    s[0].quality = exp(lq);
    s[1].posture = (hk_posture)x->posture;
    s[0].no_surrender = x->no_surrender[0];
    s[1].no_surrender = x->no_surrender[1];
    s[0].nation = x->nation[0];
    s[1].nation = x->nation[1];
    hk_combat_params era = *cp;
    era.dispersion = x->dispersion;
    hk_combat_resolve(&era, &s[0], &s[1], (hk_terrain)x->terrain, x->days, NULL, res);
}

/* ---- the plain Lanchester square law -------------------------------------- */

typedef struct lanchester {
    double a;     /* attacker men lost per day per defender man */
    double d;     /* defender men lost per day per attacker man */
    double band;  /* |score| below this is a draw */
} lanchester;

static void lanchester_battle(const lanchester *L, const cbattle *x, double cas[2], double *score,
                              int *winner)
{
    double A = x->str[0], D = x->str[1];
    double A0 = A, D0 = D;
    for (int t = 0; t < x->days && A > 0 && D > 0; t++) {
        double nA = A - L->a * D, nD = D - L->d * A;
        A = nA > 0 ? nA : 0;
        D = nD > 0 ? nD : 0;
    }
    cas[0] = A0 - A;
    cas[1] = D0 - D;
    /* Square law: the attacker prevails when d·A0² exceeds a·D0². */
    *score = log(L->d * A0 * A0 / (L->a * D0 * D0));
    *winner = *score > L->band ? HK_COMBAT_ATTACKER
              : *score < -L->band ? HK_COMBAT_DEFENDER
                                  : HK_COMBAT_DRAW;
}

/* ---- loss: casualties in logs, winner as an ordered outcome ---------------- */

static double softplus(double v)
{
    return v > 30 ? v : log1p(exp(v));
}

/* Negative log-likelihood of the recorded outcome when attacker win, draw
 * and defender win are cut from a logistic score at ±band. */
static double outcome_nll(double score, double band, double scale, int wina)
{
    double pa = 1 / (1 + exp(-scale * (score - band)));
    double pd = 1 / (1 + exp(-scale * (-score - band)));
    double p = wina == 1 ? pa : wina == -1 ? pd : 1 - pa - pd;
    if (wina == 1)
        return softplus(-scale * (score - band));
    if (wina == -1)
        return softplus(-scale * (-score - band));
    return -log(p > 1e-12 ? p : 1e-12);
}

static double cas_err(double model, double rec)
{
    return log((model + 1) / (rec + 1));
}

/* The casualty term of the loss. Squared log error lets a few gross
 * misfits (CDB90 holds some doubtful casualty figures) pull the whole fit;
 * the Cauchy form grows only logarithmically beyond a factor of 2. */
static int g_cauchy = 0;
static double g_ridge = 0.002;  /* weight of the ridge on posture, terrain and codes */
static int g_nations = 1;       /* stage 3: fit the national loss factors */
/* The score reads a no-surrender side's ordinary break point. */
static int g_ns_score_ordinary = 1;
static double cas_loss(double e)
{
    if (!g_cauchy)
        return e * e;
    const double c = 0.6931471805599453; /* ln 2 */
    return c * c * log1p((e / c) * (e / c));
}

enum {
    X_WTANK, X_WGUN, X_WAIR, X_RATT, X_RDEF, X_SIZE, X_HELM, X_DECAY, X_PD, X_FD,
    X_STEPPE, X_DESERT, X_HILLS, X_FOREST, X_MARSH, X_URBAN, X_BATT, X_BDEF, X_BAND, X_SCALE,
    X_DISP, X_PURSUIT, X_QBREAK,
    X_CODE0,
    NX = X_CODE0 + HK_CDB90_CODES
};
/* The no-surrender factors, fitted in a second stage on the fit part's
 * Japanese battles of 1937-1945 only, the other parameters held. */
enum { Y_NSOWN, Y_NSENEMY, Y_NSBREAK, NY };

/* Which battles a loss looks at: stage 1 the fit part without any
 * no-surrender side, stage 2 the fit part's battles with one. */
enum { STAGE_GENERAL = 0, STAGE_NO_SURRENDER = 1, STAGE_ALL = 2 };

static int has_no_surrender(const cbattle *b)
{
    return b->no_surrender[0] || b->no_surrender[1];
}

typedef struct fitctx {
    const cbattle *b;
    int n;
    double loss_tank, loss_gun, loss_air;
    int stage;
    int n_codes;              /* codes beyond this are held at 0 */
    hk_combat_params base;    /* stage 2: the stage-1 parameters */
    double base_coef[HK_CDB90_CODES];
} fitctx;

static double sigm(double v)
{
    return 1 / (1 + exp(-v));
}

static void fixed_params(hk_combat_params *cp)
{
    memset(cp, 0, sizeof *cp);
    cp->size_ref = 20000;
    cp->collapse_ratio = 0.1;
    cp->supply_half_km = 400;
    cp->supply_floor = 0.25;
    cp->dispersion = 3000;
    cp->dispersion_ref = 3000;
    cp->break_cap = 0.95;
    cp->ns_rate_own = 1;
    cp->ns_rate_enemy = 1;
    cp->ns_score_ordinary = g_ns_score_ordinary;
    for (int k = 0; k < HK_NATION_COUNT; k++)
        cp->nation_loss[k] = 1;
    cp->posture[HK_POSTURE_HASTY] = 1;
    cp->terrain[HK_TERRAIN_PLAIN] = 1;
}

static void unpack(const double *x, const fitctx *c, hk_combat_params *cp, double *coef,
                   double *scale)
{
    fixed_params(cp);
    cp->w_tank = exp(x[X_WTANK]);
    cp->w_gun = exp(x[X_WGUN]);
    cp->w_air = exp(x[X_WAIR]);
    cp->rate_att = exp(x[X_RATT]);
    cp->rate_def = exp(x[X_RDEF]);
    cp->size_exp = x[X_SIZE];
    cp->helmbold = 2 * sigm(x[X_HELM]);
    cp->day_decay = 1.5 * sigm(x[X_DECAY]);
    cp->dispersion_exp = x[X_DISP];
    cp->pursuit = exp(x[X_PURSUIT]);
    cp->posture[HK_POSTURE_PREPARED] = exp(x[X_PD]);
    cp->posture[HK_POSTURE_FORTIFIED] = exp(x[X_FD]);
    cp->terrain[HK_TERRAIN_STEPPE] = exp(x[X_STEPPE]);
    cp->terrain[HK_TERRAIN_DESERT] = exp(x[X_DESERT]);
    cp->terrain[HK_TERRAIN_HILLS] = exp(x[X_HILLS]);
    cp->terrain[HK_TERRAIN_FOREST] = exp(x[X_FOREST]);
    cp->terrain[HK_TERRAIN_MARSH] = exp(x[X_MARSH]);
    cp->terrain[HK_TERRAIN_URBAN] = exp(x[X_URBAN]);
    /* CDB90 has no mountain or island battles coded as such: they take the
     * rugged-ground value. */
    cp->terrain[HK_TERRAIN_MOUNTAIN] = cp->terrain[HK_TERRAIN_HILLS];
    cp->terrain[HK_TERRAIN_ISLAND] = cp->terrain[HK_TERRAIN_HILLS];
    cp->break_att = sigm(x[X_BATT]);
    cp->break_def = sigm(x[X_BDEF]);
    cp->ns_break = cp->break_def;
    cp->quality_break = x[X_QBREAK];
    cp->draw_band = exp(x[X_BAND]);
    *scale = exp(x[X_SCALE]);
    for (int k = 0; k < HK_CDB90_CODES; k++)
        coef[k] = (!c || k < c->n_codes) ? x[X_CODE0 + k] : 0;
    if (c) {
        cp->loss_tank = c->loss_tank;
        cp->loss_gun = c->loss_gun;
        cp->loss_air = c->loss_air;
    }
}

static void ns_unpack(const double *y, hk_combat_params *cp)
{
    cp->ns_rate_own = exp(y[Y_NSOWN]);
    cp->ns_rate_enemy = exp(y[Y_NSENEMY]);
    /* Never below the ordinary defender's: a force that does not
     * surrender stands at least as long as one that may. */
    cp->ns_break = cp->break_def + (0.95 - cp->break_def) * sigm(y[Y_NSBREAK]);
}

/* The running sums of a loss: the casualty terms of the usable sides and
 * the outcome terms of the battles, each averaged over its own count, so
 * that the combat model and the Lanchester law are scored alike. */
typedef struct loss_sums {
    double e2, nll;
    int ns, nb;
} loss_sums;

static void loss_add(loss_sums *t, const cbattle *b, const double cas[2], double score, double band,
                     double scale)
{
    for (int s = 0; s < 2; s++)
        if (side_usable(b, s)) {
            t->e2 += cas_loss(cas_err(cas[s], b->cas[s]));
            t->ns++;
        }
    t->nll += outcome_nll(score, band, scale, b->wina);
    t->nb++;
}

static double loss_mean(const loss_sums *t)
{
    return t->e2 / (t->ns ? t->ns : 1) + t->nll / (t->nb ? t->nb : 1);
}

/* Sum of the casualty and outcome terms over the battles of the stage. */
static double battles_loss(const fitctx *c, const hk_combat_params *cp, const double *coef,
                           double scale)
{
    loss_sums t = {0};
    for (int i = 0; i < c->n; i++) {
        const cbattle *b = &c->b[i];
        if (b->part != PART_FIT || !usable(b))
            continue;
        if (c->stage != STAGE_ALL && has_no_surrender(b) != (c->stage == STAGE_NO_SURRENDER))
            continue;
        hk_combat_result r;
        model_battle(cp, coef, b, &r);
        loss_add(&t, b, r.casualties, r.score, cp->draw_band, scale);
    }
    return loss_mean(&t);
}

static double g_ns_scale = 1;  /* stage 2 uses the stage-1 outcome scale */

static double ns_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double y[NY];
    for (int i = 0; i < NY; i++)
        y[i] = gsl_vector_get(v, (size_t)i);
    hk_combat_params cp = c->base;
    ns_unpack(y, &cp);
    /* A weak pull towards "no effect" (factors 1, the ordinary break point). */
    double ridge = y[Y_NSOWN] * y[Y_NSOWN] + y[Y_NSENEMY] * y[Y_NSENEMY];
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale) + 0.002 * ridge;
    return isfinite(f) ? f : 1e9;
}

/* Stage 3: the national loss factors (log), OTHER held at 1. */
static void nation_unpack(const double *z, hk_combat_params *cp)
{
    cp->nation_loss[HK_NATION_OTHER] = 1;
    for (int k = 1; k < HK_NATION_COUNT; k++)
        cp->nation_loss[k] = exp(z[k - 1]);
}

static double nation_loss_fn(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double z[HK_NATION_COUNT - 1], ridge = 0;
    for (int i = 0; i < HK_NATION_COUNT - 1; i++) {
        z[i] = gsl_vector_get(v, (size_t)i);
        ridge += z[i] * z[i];
    }
    hk_combat_params cp = c->base;
    nation_unpack(z, &cp);
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale) + g_ridge * ridge;
    return isfinite(f) ? f : 1e9;
}

static double model_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double x[NX] = {0};
    /* With --codes the vector stops after the codes in use; the rest are 0. */
    for (size_t i = 0; i < v->size && i < NX; i++)
        x[i] = gsl_vector_get(v, i);
    hk_combat_params cp;
    double coef[HK_CDB90_CODES], scale;
    unpack(x, c, &cp, coef, &scale);
    double e2 = 0, nll = 0;
    int ns = 0, nb = 0;
    for (int i = 0; i < c->n; i++) {
        const cbattle *b = &c->b[i];
        if (b->part != PART_FIT || !usable(b) || has_no_surrender(b))
            continue;
        hk_combat_result r;
        model_battle(&cp, coef, b, &r);
        for (int s = 0; s < 2; s++)
            if (side_usable(b, s)) {
                double e = cas_err(r.casualties[s], b->cas[s]);
                e2 += cas_loss(e);
                ns++;
            }
        nll += outcome_nll(r.score, cp.draw_band, scale, b->wina);
        nb++;
    }
    /* A weak ridge keeps rarely seen terrains and the codes near neutral. */
    double ridge = 0;
    for (int i = X_PD; i <= X_URBAN; i++)
        ridge += x[i] * x[i];
    for (int k = 0; k < HK_CDB90_CODES; k++)
        ridge += x[X_CODE0 + k] * x[X_CODE0 + k];
    double f = e2 / (ns ? ns : 1) + nll / (nb ? nb : 1) + g_ridge * ridge;
    return isfinite(f) ? f : 1e9;
}

static void lanchester_unpack(const double *y, lanchester *L, double *scale)
{
    L->a = exp(y[0]);
    L->d = exp(y[1]);
    L->band = exp(y[2]);
    *scale = exp(y[3]);
}

static double lanchester_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double y[4];
    for (int i = 0; i < 4; i++)
        y[i] = gsl_vector_get(v, (size_t)i);
    lanchester L;
    double scale;
    lanchester_unpack(y, &L, &scale);
    loss_sums t = {0};
    for (int i = 0; i < c->n; i++) {
        const cbattle *b = &c->b[i];
        if (b->part != PART_FIT || !usable(b))
            continue;
        double cas[2], score;
        int w;
        lanchester_battle(&L, b, cas, &score, &w);
        loss_add(&t, b, cas, score, L.band, scale);
    }
    double f = loss_mean(&t);
    return isfinite(f) ? f : 1e9;
}

/* Nelder–Mead with restarts: each restart rebuilds the simplex around the
 * best point so far, which gets it out of collapsed simplices. */
static double nelder_mead(double (*f)(const gsl_vector *, void *), void *ctx, double *x, int n,
                          int restarts, int max_iter, int quiet)
{
    gsl_multimin_function fn = {f, (size_t)n, ctx};
    gsl_vector *xv = gsl_vector_alloc((size_t)n), *step = gsl_vector_alloc((size_t)n);
    gsl_multimin_fminimizer *m =
        gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, (size_t)n);
    double best = 0;
    for (int r = 0; r < restarts; r++) {
        for (int i = 0; i < n; i++) {
            gsl_vector_set(xv, (size_t)i, x[i]);
            gsl_vector_set(step, (size_t)i, r == 0 ? 0.5 : 0.25);
        }
        gsl_multimin_fminimizer_set(m, &fn, xv, step);
        int it = 0, status;
        do {
            it++;
            status = gsl_multimin_fminimizer_iterate(m);
            if (status)
                break;
            status = gsl_multimin_test_size(gsl_multimin_fminimizer_size(m), 1e-5);
        } while (status == GSL_CONTINUE && it < max_iter);
        for (int i = 0; i < n; i++)
            x[i] = gsl_vector_get(m->x, (size_t)i);
        best = m->fval;
        if (!quiet)
            fprintf(stderr, "  restart %d: %d iterations, loss %.5f\n", r + 1, it, best);
    }
    gsl_multimin_fminimizer_free(m);
    gsl_vector_free(xv);
    gsl_vector_free(step);
    return best;
}

/* ---- scoring ------------------------------------------------------------- */

typedef struct score {
    int n_battles, n_winner_right;
    int n_sides, n_within2;
    double sum_abs_log, sum_sq_log;
} score;

static void score_add_battle(score *s, int winner_model, int wina)
{
    int rec = wina == 1 ? HK_COMBAT_ATTACKER : wina == -1 ? HK_COMBAT_DEFENDER : HK_COMBAT_DRAW;
    s->n_battles++;
    s->n_winner_right += winner_model == rec;
}

static void score_add_side(score *s, double model, double rec)
{
    double e = log((model > 0.5 ? model : 0.5) / rec);
    s->n_sides++;
    s->n_within2 += fabs(e) <= log(2.0) + 1e-12;
    s->sum_abs_log += fabs(e);
    s->sum_sq_log += e * e;
}

static double share(int k, int n)
{
    return n ? (double)k / n : NAN;
}

static int g_score_ns_only = 0; /* score_model: only battles with a no-surrender side */

static void score_model(const hk_combat_params *cp, const double *coef, const cbattle *b, int n,
                        int part, score *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]))
            continue;
        if (g_score_ns_only && !has_no_surrender(&b[i]))
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        score_add_battle(s, r.winner, b[i].wina);
        for (int k = 0; k < 2; k++)
            if (side_usable(&b[i], k))
                score_add_side(s, r.casualties[k], b[i].cas[k]);
    }
}

static void score_lanchester(const lanchester *L, const cbattle *b, int n, int part, score *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]))
            continue;
        double cas[2], sc;
        int w;
        lanchester_battle(L, &b[i], cas, &sc, &w);
        score_add_battle(s, w, b[i].wina);
        for (int k = 0; k < 2; k++)
            if (side_usable(&b[i], k))
                score_add_side(s, cas[k], b[i].cas[k]);
    }
}

/* Simple references: "the attacker always wins", "the larger army wins". */
static void score_naive(const cbattle *b, int n, int part, double *always_att, double *larger)
{
    int nb = 0, ka = 0, kl = 0;
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]))
            continue;
        nb++;
        ka += b[i].wina == 1;
        kl += (b[i].str[0] > b[i].str[1]) ? b[i].wina == 1 : b[i].wina == -1;
    }
    *always_att = share(ka, nb);
    *larger = share(kl, nb);
}

/* Median over sides of (arm loss share) / (men loss share), for arm losses
 * per man lost; 1 if fewer than 5 battles give both. */
static double median_ratio(const cbattle *b, int n, int arm)
{
    double v[2 * MAX_BATTLES];
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (b[i].part != PART_FIT || !usable(&b[i]))
            continue;
        for (int s = 0; s < 2; s++) {
            double have = arm == 0 ? b[i].tank[s] : arm == 1 ? b[i].arty[s] : b[i].fly[s] / b[i].days;
            double lost = arm == 0 ? b[i].ctank[s] : arm == 1 ? b[i].carty[s] : b[i].cfly[s];
            if (!(have > 0) || !isfinite(lost) || !(b[i].cas[s] > 0))
                continue;
            double men_share = b[i].cas[s] / b[i].str[s];
            double arm_share = lost / have;
            if (arm_share > 1)
                arm_share = 1;
            v[k++] = arm_share / men_share;
        }
    }
    if (k < 5)
        return 1;
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return k % 2 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
}

/* Splits the fit part's log casualty residuals into what both sides share
 * (the battle was bloodier or milder than modelled) and what opposes them
 * (the exchange went otherwise): the RMS of (e_att + e_def) / 2 and of
 * (e_att - e_def) / 2 over battles with both sides' casualties. */
static void residual_spread(const hk_combat_params *cp, const double *coef, const cbattle *b,
                            int n, double *common, double *diff)
{
    double sc = 0, sd = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (b[i].part != PART_FIT || !side_usable(&b[i], 0) || !side_usable(&b[i], 1))
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        double ea = cas_err(r.casualties[0], b[i].cas[0]);
        double ed = cas_err(r.casualties[1], b[i].cas[1]);
        sc += 0.25 * (ea + ed) * (ea + ed);
        sd += 0.25 * (ea - ed) * (ea - ed);
        k++;
    }
    *common = k ? sqrt(sc / k) : 0;
    *diff = k ? sqrt(sd / k) : 0;
}

/* ---- the Khalkhin Gol check (forces and phases: docs/combat.md) --------- */

/* The forces of scenarios/far-east-1918/record.yaml: battle khalkhin_gol at
 * the campaign's peak (the August offensive), and battle nomonhan_opening
 * (CDB90 259) at its first engagement. */
#define KG_ATT "SOV:men=57000,tanks=498,guns=542,aircraft=515,supply_km=650"
#define KG_DEF "JPN:men=30000,tanks=120,guns=135,aircraft=200,supply_km=240,posture=prepared,no_surrender=1"
#define KG_ATT0 "SOV:men=1228,guns=14,supply_km=650"
#define KG_DEF0 "JPN:men=1300,tanks=10,guns=4,aircraft=20,supply_km=240,posture=prepared,no_surrender=1"
/* The days of actual fighting, as four engagements, with the side that
 * attacked in each and the day each began (docs/combat.md). */
#define KG_PHASES HK_COMBAT_KG_PHASES_TEXT
static const hk_combat_phase kg_phases[] = HK_COMBAT_KG_PHASES;
#define KG_NPHASES ((int)(sizeof kg_phases / sizeof kg_phases[0]))

static hk_terrain g_kg_terrain = HK_TERRAIN_STEPPE; /* plain in one sensitivity row */

static int kg_side(const char *spec, hk_combat_side *s)
{
    char name[16], err[256];
    if (hk_combat_parse_spec(spec, name, sizeof name, s, err, sizeof err)) {
        fprintf(stderr, "cdb90_fit: %s\n", err);
        return -1;
    }
    return 0;
}

/* att0 and def0 (NULL: no build-up) are the strengths at the first
 * engagement. */
static int kg_variant(const hk_combat_params *cp, const char *att, const char *def,
                      const char *att0, const char *def0, int nph, const hk_combat_phase *phases,
                      hk_rng *rng, hk_combat_result *r)
{
    hk_combat_side a, d, a0, d0;
    if (kg_side(att, &a) || kg_side(def, &d) || (att0 && kg_side(att0, &a0)) ||
        (def0 && kg_side(def0, &d0)))
        return -1;
    hk_combat_campaign_buildup(cp, &a, &d, att0 ? &a0 : NULL, def0 ? &d0 : NULL, g_kg_terrain,
                               nph, phases, rng, r);
    return 0;
}

static int khalkhin_gol(const hk_combat_params *cp, hk_combat_result *r)
{
    return kg_variant(cp, KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, NULL, r);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sensitivity of the Khalkhin Gol figure: other ways of counting the
 * campaign's days and forces, without the no-surrender factor, supply or
 * the national factors, and the spread of 2000 random runs (seed 1, as
 * 'hokushin battle --runs 2000' gives it). */
static void kg_sensitivity(FILE *f, const hk_combat_params *cp)
{
    static const hk_combat_phase d29[] = {{29, 0, 0}}, d120[] = {{120, 0, 0}},
                                 d12[] = {{12, 0, 0}},
                                 sov4[] = {{3, 0, 0}, {11, 0, 35}, {3, 0, 56}, {12, 0, 84}};
    enum { PLAIN = 1, NO_NATIONS = 2 };
    static const struct {
        const char *what, *att, *def, *att0, *def0;
        int n;
        const hk_combat_phase *ph;
        int how;
    } v[] = {
        {"as declared: 4 engagements, forces growing from 28 May to 20 August", KG_ATT, KG_DEF,
         KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, 0},
        {"the second version: the August strengths in every engagement", KG_ATT, KG_DEF, NULL,
         NULL, KG_NPHASES, kg_phases, 0},
        {"the same 4 growing engagements, all Soviet attacks", KG_ATT, KG_DEF, KG_ATT0, KG_DEF0,
         4, sov4, 0},
        {"the 29 days as one continuous battle at the August strengths", KG_ATT, KG_DEF, NULL,
         NULL, 1, d29, 0},
        {"120 days as one continuous battle at the August strengths", KG_ATT, KG_DEF, NULL, NULL,
         1, d120, 0},
        {"August offensive only, 12 days (CDB90 260's dates)", KG_ATT, KG_DEF, NULL, NULL, 1, d12,
         0},
        {"no no-surrender factor", KG_ATT,
         "JPN:men=30000,tanks=120,guns=135,aircraft=200,supply_km=240,posture=prepared", KG_ATT0,
         KG_DEF0, KG_NPHASES, kg_phases, 0},
        {"no supply penalty on either side", "SOV:men=57000,tanks=498,guns=542,aircraft=515",
         "JPN:men=30000,tanks=120,guns=135,aircraft=200,posture=prepared,no_surrender=1",
         KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, 0},
        {"no national loss factors", KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases,
         NO_NATIONS},
        {"the first version's inputs (JPN no aircraft, 200 km; 120 days)", KG_ATT,
         "JPN:men=30000,tanks=120,guns=135,supply_km=200,posture=prepared", NULL, NULL, 1, d120,
         0},
        {"as declared, on plain ground (terrain factor 1)", KG_ATT, KG_DEF, KG_ATT0, KG_DEF0,
         KG_NPHASES, kg_phases, PLAIN},
    };
    fprintf(f, "\nSensitivity (not the check):\n\n| variant | Soviet | Japanese | winner |\n"
               "|---|---|---|---|\n");
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        hk_combat_result r;
        hk_combat_params q = *cp;
        if (v[i].how == NO_NATIONS)
            for (int k = 0; k < HK_NATION_COUNT; k++)
                q.nation_loss[k] = 1;
        /* The fitted steppe factor rests on CDB90's few and mixed "bare"
         * battles, hence the row on plain ground. */
        g_kg_terrain = v[i].how == PLAIN ? HK_TERRAIN_PLAIN : HK_TERRAIN_STEPPE;
        int rc = kg_variant(&q, v[i].att, v[i].def, v[i].att0, v[i].def0, v[i].n, v[i].ph, NULL,
                            &r);
        g_kg_terrain = HK_TERRAIN_STEPPE;
        if (rc == 0)
            fprintf(f, "| %s | %.0f | %.0f | %s |\n", v[i].what, r.casualties[0], r.casualties[1],
                    r.winner == HK_COMBAT_ATTACKER   ? "Soviet"
                    : r.winner == HK_COMBAT_DEFENDER ? "Japanese"
                                                     : "draw");
    }
    enum { RUNS = 2000 };
    static double cas[2][RUNS];
    int wins = 0;
    for (int i = 0; i < RUNS; i++) {
        hk_rng rng;
        hk_rng_init(&rng, 1, (uint64_t)i);
        hk_combat_result r;
        if (kg_variant(cp, KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, &rng, &r) != 0)
            return;
        cas[0][i] = r.casualties[0];
        cas[1][i] = r.casualties[1];
        wins += r.winner == HK_COMBAT_ATTACKER;
    }
    qsort(cas[0], RUNS, sizeof cas[0][0], cmp_double);
    qsort(cas[1], RUNS, sizeof cas[1][0], cmp_double);
    int lo = (int)floor(0.05 * (RUNS - 1)), hi = (int)ceil(0.95 * (RUNS - 1));
    fprintf(f, "| %d random runs (seed 1), 5–95 %% | %.0f–%.0f | %.0f–%.0f | Soviet in %.0f %% |\n",
            RUNS, cas[0][lo], cas[0][hi], cas[1][lo], cas[1][hi], 100.0 * wins / RUNS);
}

/* ---- writing ------------------------------------------------------------- */

static const char *winner_name(int w)
{
    return w == HK_COMBAT_ATTACKER ? "attacker" : w == HK_COMBAT_DEFENDER ? "defender" : "draw";
}

static const char *wina_name(int wina)
{
    return wina == 1 ? "attacker" : wina == -1 ? "defender" : "draw";
}

static void write_params_c(FILE *f, const hk_combat_params *cp, const double *coef)
{
    fprintf(f, "/* combat_fit_data.c — the combat model's parameters, written by\n"
               " * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,\n"
               " * data/combat-fit.yaml). Do not edit by hand: run the tool. */\n"
               "#include \"model/combat.h\"\n\n"
               "void hk_combat_params_default(hk_combat_params *p)\n{\n");
#define W(field) fprintf(f, "    p->" #field " = %.17g;\n", cp->field)
    W(w_tank); W(w_gun); W(w_air); W(rate_att); W(rate_def); W(size_ref); W(size_exp);
    W(helmbold); W(day_decay); W(dispersion); W(dispersion_ref); W(dispersion_exp); W(pursuit);
    for (int i = 0; i < HK_POSTURE_COUNT; i++)
        fprintf(f, "    p->posture[%d] = %.17g; /* %s */\n", i, cp->posture[i],
                hk_combat_posture_name((hk_posture)i));
    for (int i = 0; i < HK_TERRAIN_COUNT; i++)
        fprintf(f, "    p->terrain[%d] = %.17g; /* %s */\n", i, cp->terrain[i],
                hk_combat_terrain_name((hk_terrain)i));
    W(break_att); W(break_def); W(quality_break); W(break_cap); W(ns_rate_own);
    W(ns_rate_enemy); W(ns_break); W(collapse_ratio); W(draw_band); W(supply_half_km);
    W(supply_floor); W(loss_tank); W(loss_gun); W(loss_air); W(noise_common_sd);
    W(noise_diff_sd);
    {
        fprintf(f, "    p->ns_score_ordinary = %d;\n", cp->ns_score_ordinary);
        static const char *const nat[HK_NATION_COUNT] = HK_COMBAT_NATION_CODES;
        for (int k = 0; k < HK_NATION_COUNT; k++)
            fprintf(f, "    p->nation_loss[%d] = %.17g; /* %s */\n", k, cp->nation_loss[k], nat[k]);
    }
#undef W
    fprintf(f, "}\n\nvoid hk_combat_cdb90_coefs(double coef[HK_CDB90_CODES])\n{\n");
    static const char *const names[HK_CDB90_CODES] = HK_CDB90_CODE_NAMES;
    for (int k = 0; k < HK_CDB90_CODES; k++)
        fprintf(f, "    coef[%d] = %.17g; /* %s */\n", k, coef[k], names[k]);
    fprintf(f, "}\n");
}

typedef struct report {
    score mf, mh, lf, lh;   /* model / lanchester × fit / held-out */
    double naive_att, naive_larger;
    lanchester L;
    hk_combat_result kg;
    double loss_model, loss_lanchester, loss_ns;
    int n_fit, n_held, n_ns_fit, n_ns_held;
    score nsf, nsh;         /* the model on battles with a no-surrender side */
    score nsf_off, nsh_off; /* the same with the no-surrender factors off */
    /* per national group: held-out sides with the factors and with all of
     * them at 1; fit-part sides counted */
    score nat_h[HK_NATION_COUNT], nat_h_off[HK_NATION_COUNT];
    int nat_fit_sides[HK_NATION_COUNT];
    score mh_nat_off;       /* the whole held-out part with the factors at 1 */
} report;

/* The casualty figures of one national group's sides in a part. */
static void score_nation(const hk_combat_params *cp, const double *coef, const cbattle *b, int n,
                         int part, int nation, score *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]))
            continue;
        if (b[i].nation[0] != nation && b[i].nation[1] != nation)
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        for (int k = 0; k < 2; k++)
            if (b[i].nation[k] == nation && side_usable(&b[i], k))
                score_add_side(s, r.casualties[k], b[i].cas[k]);
    }
}

static void write_yaml(FILE *f, const hk_combat_params *cp, const double *coef, const report *R,
                       const cbattle *b, int n)
{
    fprintf(f, "# Combat model fitted on CDB90 by tools/cdb90_fit (do not edit by hand).\n"
               "# Split (docs/combat.md): fit = odd isqno without the six Japan-USSR battles;\n"
               "# held out = even isqno and isqno 256-260, 516; CDB90 duplicates left out.\n"
               "method: GSL multimin nmsimplex2 (Nelder-Mead), restarts from the best point\n"
               "loss: mean %s log casualty error + mean outcome negative log-likelihood\n",
            g_cauchy ? "Cauchy" : "squared");
    fprintf(f, "battles: {fit: %d, held_out: %d}\n", R->n_fit, R->n_held);
    fprintf(f, "final_loss: {model: %.5f, lanchester: %.5f}\n", R->loss_model, R->loss_lanchester);
    fprintf(f, "parameters:\n");
#define P(name, val, how, note) \
    fprintf(f, "  %-22s {value: %.6g, %s, note: \"%s\"}\n", name ":", val, how, note)
    P("w_tank", cp->w_tank, "fitted", "men-equivalents per tank");
    P("w_gun", cp->w_gun, "fitted", "men-equivalents per gun");
    P("w_air", cp->w_air, "fitted", "men-equivalents per aircraft (CDB90: sorties/day)");
    P("rate_att", cp->rate_att, "fitted", "attacker daily loss share at parity, size_ref men");
    P("rate_def", cp->rate_def, "fitted", "defender daily loss share at parity, size_ref men");
    P("size_ref", cp->size_ref, "fixed", "men in all at which rates are quoted");
    P("size_exp", cp->size_exp, "fitted", "rates scale with (men/size_ref)^-size_exp");
    P("helmbold", cp->helmbold, "fitted", "power-ratio exponent, range 0..2");
    P("day_decay", cp->day_decay, "fitted", "rate on day t scaled by t^-day_decay, 0..1.5");
    P("dispersion_ref", cp->dispersion_ref, "fixed", "Dupuy's WWII dispersion factor; default");
    P("dispersion_exp", cp->dispersion_exp, "fitted", "rates x (dispersion/ref)^-exp");
    P("pursuit", cp->pursuit, "fitted", "the loser's losses x (1 + pursuit)");
    P("posture_prepared", cp->posture[HK_POSTURE_PREPARED], "fitted", "defender power x");
    P("posture_fortified", cp->posture[HK_POSTURE_FORTIFIED], "fitted", "defender power x");
    for (int t = 0; t < HK_TERRAIN_COUNT; t++) {
        char key[40];
        snprintf(key, sizeof key, "terrain_%s:", hk_combat_terrain_name((hk_terrain)t));
        const char *how = t == HK_TERRAIN_PLAIN ? "fixed"
                          : (t == HK_TERRAIN_MOUNTAIN || t == HK_TERRAIN_ISLAND) ? "copied"
                                                                                 : "fitted";
        fprintf(f, "  %-22s {value: %.6g, %s, note: \"defender power x\"}\n", key, cp->terrain[t],
                how);
    }
    P("break_att", cp->break_att, "fitted", "attacker loss share at which it breaks off");
    P("break_def", cp->break_def, "fitted", "defender loss share at which it breaks off");
    P("quality_break", cp->quality_break, "fitted", "break point x (own/enemy quality)^this");
    P("break_cap", cp->break_cap, "fixed", "no break point above this");
    P("ns_rate_own", cp->ns_rate_own, "fitted_stage2", "no-surrender side's own loss rate x");
    P("ns_rate_enemy", cp->ns_rate_enemy, "fitted_stage2", "its enemy's loss rate x");
    P("ns_break", cp->ns_break, "fitted_stage2", "no-surrender side's break point");
    for (int k = 1; k < HK_NATION_COUNT; k++) {
        char key[32];
        snprintf(key, sizeof key, "nation_loss_%s:", hk_combat_nation_name(k));
        fprintf(f, "  %-22s {value: %.6g, fitted_stage3, note: \"own loss rate x\"}\n", key,
                cp->nation_loss[k]);
    }
    P("draw_band", cp->draw_band, "fitted", "|score| under this is a draw");
    P("collapse_ratio", cp->collapse_ratio, "fixed", "quit when power < this x enemy's");
    P("supply_half_km", cp->supply_half_km, "fixed", "literature, not in CDB90");
    P("supply_floor", cp->supply_floor, "fixed", "literature, not in CDB90");
    P("loss_tank", cp->loss_tank, "median", "tank loss share / men loss share, fit part");
    P("loss_gun", cp->loss_gun, "median", "gun loss share / men loss share, fit part");
    P("loss_air", cp->loss_air, "median", "aircraft loss share / men loss share, fit part");
    P("noise_common_sd", cp->noise_common_sd, "residual", "RMS of (e_att + e_def)/2, fit part");
    P("noise_diff_sd", cp->noise_diff_sd, "residual", "RMS of (e_att - e_def)/2, fit part");
#undef P
    static const char *const names[HK_CDB90_CODES] = HK_CDB90_CODE_NAMES;
    fprintf(f, "quality_codes:   # ln(attacker/defender quality) = sum coef * CDB90 code\n");
    for (int k = 0; k < HK_CDB90_CODES; k++)
        fprintf(f, "  %-8s %.6g\n", names[k], coef[k]);
    fprintf(f, "lanchester_square_law:\n  a: %.6g   # attacker men lost per defender man per day\n"
               "  d: %.6g   # defender men lost per attacker man per day\n  band: %.6g\n",
            R->L.a, R->L.d, R->L.band);
    const score *ss[4] = {&R->mf, &R->mh, &R->lf, &R->lh};
    const char *sn[4] = {"model_fit", "model_held_out", "lanchester_fit", "lanchester_held_out"};
    fprintf(f, "residuals:\n");
    for (int i = 0; i < 4; i++)
        fprintf(f,
                "  %-20s {battles: %d, winner_share: %.4f, sides: %d, within_2x_share: %.4f, "
                "mean_abs_log_error: %.4f, rms_log_error: %.4f}\n",
                sn[i], ss[i]->n_battles, share(ss[i]->n_winner_right, ss[i]->n_battles),
                ss[i]->n_sides, share(ss[i]->n_within2, ss[i]->n_sides),
                ss[i]->n_sides ? ss[i]->sum_abs_log / ss[i]->n_sides : NAN,
                ss[i]->n_sides ? sqrt(ss[i]->sum_sq_log / ss[i]->n_sides) : NAN);
    fprintf(f, "battles_residuals:  # isqno: [part, recorded att cas, def cas, model att, def, "
               "recorded winner, model winner]\n");
    for (int i = 0; i < n; i++) {
        if (!usable(&b[i]))
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        fprintf(f, "  %d: [%s, %.0f, %.0f, %.0f, %.0f, %s, %s]\n", b[i].isqno,
                b[i].part == PART_FIT ? "fit" : "held", b[i].cas[0], b[i].cas[1], r.casualties[0],
                r.casualties[1], wina_name(b[i].wina), winner_name(r.winner));
    }
}

static void pct(FILE *f, int k, int n)
{
    fprintf(f, "%.1f%% (%d/%d)", 100.0 * share(k, n), k, n);
}

static void write_validation(FILE *f, const hk_combat_params *cp, const double *coef,
                             const report *R, const cbattle *b, int n)
{
    fprintf(f, "# Combat model: validation on CDB90\n\n"
               "Written by `tools/cdb90_fit` (`cdb90_fit ../shared/data/cdb90`); do not edit by "
               "hand. The model, its equations and the split are in [combat.md](combat.md); the "
               "fitted values in `data/combat-fit.yaml`.\n\n"
               "Split (declared before fitting): fit on CDB90 battles with an odd `isqno`, hold "
               "out those with an even one and the six Japan–USSR engagements (256–260, 516); "
               "CDB90's duplicate rows are left out. Fit: %d battles; held out: %d.\n\n",
            R->n_fit, R->n_held);
    fprintf(f, "## Held-out figures\n\n"
               "| | winner named | sides with casualties within 2× | mean abs log error |\n"
               "|---|---|---|---|\n");
    fprintf(f, "| hokushin model | ");
    pct(f, R->mh.n_winner_right, R->mh.n_battles);
    fprintf(f, " | ");
    pct(f, R->mh.n_within2, R->mh.n_sides);
    fprintf(f, " | %.3f |\n| plain Lanchester square law | ", R->mh.sum_abs_log / R->mh.n_sides);
    pct(f, R->lh.n_winner_right, R->lh.n_battles);
    fprintf(f, " | ");
    pct(f, R->lh.n_within2, R->lh.n_sides);
    fprintf(f, " | %.3f |\n", R->lh.sum_abs_log / R->lh.n_sides);
    fprintf(f, "| \"the attacker wins\" | %.1f%% | – | – |\n", 100 * R->naive_att);
    fprintf(f, "| \"the larger army wins\" | %.1f%% | – | – |\n\n", 100 * R->naive_larger);
    fprintf(f, "Targets: winner named in at least 80%% of held-out battles — **%s**; casualties "
               "within a factor of 2 for at least 60%% of sides — **%s**.\n\n",
            share(R->mh.n_winner_right, R->mh.n_battles) >= 0.8 ? "met" : "not met",
            share(R->mh.n_within2, R->mh.n_sides) >= 0.6 ? "met" : "not met");
    fprintf(f, "The model's quality term uses 21 of CDB90's attacker-advantage codes, which "
               "historians set knowing the outcome; much of the winner share rests on them "
               "(combat.md, \"Fitting on CDB90\").\n\n");
    fprintf(f, "On the fit part (in sample) the model names %.1f%% of winners and has %.1f%% of "
               "sides within 2×; the square law %.1f%% and %.1f%%.\n\n",
            100 * share(R->mf.n_winner_right, R->mf.n_battles),
            100 * share(R->mf.n_within2, R->mf.n_sides),
            100 * share(R->lf.n_winner_right, R->lf.n_battles),
            100 * share(R->lf.n_within2, R->lf.n_sides));
    fprintf(f, "Machine-readable (checked by tests/e2e/battle.sh):\n\n```\n"
               "heldout_winner_share=%.4f\nheldout_within2_share=%.4f\n"
               "lanchester_heldout_winner_share=%.4f\nlanchester_heldout_within2_share=%.4f\n```\n\n",
            share(R->mh.n_winner_right, R->mh.n_battles), share(R->mh.n_within2, R->mh.n_sides),
            share(R->lh.n_winner_right, R->lh.n_battles), share(R->lh.n_within2, R->lh.n_sides));

    fprintf(f, "## The no-surrender factor\n\n"
               "Fitted in a second stage on the %d fit-part battles with a Japanese side of "
               "1937–1945 (everything else held); the held-out part has %d such battles, the six "
               "Japan–USSR engagements among them. Own loss rate × %.2f, the enemy's × %.2f, "
               "break point %.2f.\n\n"
               "| battles with a Japanese side, 1937–1945 | winner named | sides within 2× | "
               "mean abs log error |\n|---|---|---|---|\n",
            R->n_ns_fit, R->n_ns_held, cp->ns_rate_own, cp->ns_rate_enemy, cp->ns_break);
    {
        const score *t[4] = {&R->nsf, &R->nsf_off, &R->nsh, &R->nsh_off};
        const char *w[4] = {"fit part, with the factor", "fit part, factor off",
                            "held out, with the factor", "held out, factor off"};
        for (int i = 0; i < 4; i++) {
            fprintf(f, "| %s | ", w[i]);
            pct(f, t[i]->n_winner_right, t[i]->n_battles);
            fprintf(f, " | ");
            pct(f, t[i]->n_within2, t[i]->n_sides);
            fprintf(f, " | %.3f |\n", t[i]->n_sides ? t[i]->sum_abs_log / t[i]->n_sides : NAN);
        }
        fprintf(f, "\n");
    }
    fprintf(f, "## National loss factors\n\n"
               "Fitted in a third stage on every fit-part battle, everything else held (in turn "
               "with the no-surrender factors): each army's own daily loss share is multiplied by "
               "its factor; every army not listed takes 1. The held-out part tests them.\n\n"
               "| army | factor | fit-part sides | held-out sides within 2×, with the factors | "
               "the same, all factors 1 |\n|---|---|---|---|---|\n");
    for (int k = 1; k < HK_NATION_COUNT; k++) {
        fprintf(f, "| %s | %.2f | %d | ", hk_combat_nation_name(k), cp->nation_loss[k],
                R->nat_fit_sides[k]);
        pct(f, R->nat_h[k].n_within2, R->nat_h[k].n_sides);
        fprintf(f, " | ");
        pct(f, R->nat_h_off[k].n_within2, R->nat_h_off[k].n_sides);
        fprintf(f, " |\n");
    }
    fprintf(f, "\nThe whole held-out part with every factor at 1: winner named ");
    pct(f, R->mh_nat_off.n_winner_right, R->mh_nat_off.n_battles);
    fprintf(f, ", sides within 2× ");
    pct(f, R->mh_nat_off.n_within2, R->mh_nat_off.n_sides);
    fprintf(f, ", mean abs log error %.3f.\n\n",
            R->mh_nat_off.n_sides ? R->mh_nat_off.sum_abs_log / R->mh_nat_off.n_sides : NAN);
    fprintf(f, "## The six Japan–USSR engagements (all held out)\n\n"
               "Casualties as attacker / defender; ratio = model / record.\n\n"
               "| isqno | battle | attacker | days | recorded | model | ratio | square law | "
               "winner: record / model / square law |\n|---|---|---|---|---|---|---|---|---|\n");
    for (int j = 0; j < 6; j++)
        for (int i = 0; i < n; i++) {
            if (b[i].isqno != japan_ussr[j] || !usable(&b[i]))
                continue;
            hk_combat_result r;
            model_battle(cp, coef, &b[i], &r);
            double lc[2], sc;
            int lw;
            lanchester_battle(&R->L, &b[i], lc, &sc, &lw);
            fprintf(f, "| %d | %s %d | %s | %d | %.0f / %.0f | %.0f / %.0f | %.2f / %.2f | "
                       "%.0f / %.0f | %s / %s / %s |\n",
                    b[i].isqno, b[i].name, b[i].year, b[i].actor[0], b[i].days, b[i].cas[0],
                    b[i].cas[1], r.casualties[0], r.casualties[1], r.casualties[0] / b[i].cas[0],
                    r.casualties[1] / b[i].cas[1], lc[0], lc[1], wina_name(b[i].wina),
                    winner_name(r.winner), winner_name(lw));
        }
    {
        score six, six_l;
        int under = 0;
        memset(&six, 0, sizeof six);
        memset(&six_l, 0, sizeof six_l);
        for (int i = 0; i < n; i++) {
            if (!is_japan_ussr(b[i].isqno) || !usable(&b[i]))
                continue;
            hk_combat_result r;
            model_battle(cp, coef, &b[i], &r);
            double lc[2], sc;
            int lw;
            lanchester_battle(&R->L, &b[i], lc, &sc, &lw);
            score_add_battle(&six, r.winner, b[i].wina);
            score_add_battle(&six_l, lw, b[i].wina);
            for (int s = 0; s < 2; s++)
                if (side_usable(&b[i], s)) {
                    score_add_side(&six, r.casualties[s], b[i].cas[s]);
                    score_add_side(&six_l, lc[s], b[i].cas[s]);
                    under += r.casualties[s] < b[i].cas[s];
                }
        }
        fprintf(f, "\nOver the six: the model names %d of %d winners and has %d of %d sides within "
                   "2×; the square law %d of %d and %d of %d. The model gives fewer casualties "
                   "than recorded for %d of the %d sides.\n",
                six.n_winner_right, six.n_battles, six.n_within2, six.n_sides,
                six_l.n_winner_right, six_l.n_battles, six_l.n_within2, six_l.n_sides, under,
                six.n_sides);
    }
    const hk_combat_result *k = &R->kg;
    double rec_sov = 25655, rec_jpn_lo = 18000, rec_jpn_hi = 20000;
    double e_sov = k->casualties[0] / rec_sov - 1;
    double jpn = k->casualties[1];
    double e_jpn = jpn < rec_jpn_lo ? jpn / rec_jpn_lo - 1 : jpn > rec_jpn_hi ? jpn / rec_jpn_hi - 1 : 0;
    fprintf(f, "\n## Khalkhin Gol, 1939, from the historical forces\n\n"
               "Forces of scenarios/far-east-1918/record.yaml (battle khalkhin_gol at the "
               "campaign's peak, battle nomonhan_opening at its first engagement) and the "
               "campaign's four engagements, as combat.md gives them:\n\n```\nhokushin battle "
               "--attacker %s \\\n    --defender %s \\\n    --attacker-start %s \\\n"
               "    --defender-start %s \\\n    --terrain steppe --phases %s\n```\n\n",
            KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_PHASES);
    fprintf(f, "| | record | model | error |\n|---|---|---|---|\n"
               "| Soviet casualties | 25,655 (Krivosheev; 001_fd9a28d61a246780.txt:135) | %.0f | "
               "%+.0f%% |\n"
               "| Japanese casualties | 18,000–20,000 (Hata; 001_fd9a28d61a246780.txt:135) | %.0f "
               "| %+.0f%% from the range |\n"
               "| winner | Soviet | %s | |\n| days of fighting | about 29 in four engagements | %d | |\n\n",
            k->casualties[0], 100 * e_sov, jpn, 100 * e_jpn,
            k->winner == HK_COMBAT_ATTACKER ? "Soviet"
            : k->winner == HK_COMBAT_DEFENDER ? "Japanese" : "draw",
            k->days);
    fprintf(f, "Within 25%% of the record for both sides: **%s**.\n",
            (fabs(e_sov) <= 0.25 && fabs(e_jpn) <= 0.25) ? "yes" : "no");
    kg_sensitivity(f, cp);
}

static FILE *open_out(const char *dir, const char *rel)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "cdb90_fit: cannot write %s: %s\n", path, strerror(errno));
    return f;
}

static void initial_point(double *x)
{
    memset(x, 0, sizeof(double) * NX);
    x[X_WTANK] = log(20);
    x[X_WGUN] = log(10);
    x[X_WAIR] = log(10);
    x[X_RATT] = log(0.08);
    x[X_RDEF] = log(0.05);
    x[X_SIZE] = 0.2;
    x[X_HELM] = 0;          /* exponent 1 */
    x[X_DECAY] = 0;         /* 0.75 */
    x[X_PD] = 0.2;
    x[X_FD] = 0.3;
    x[X_BATT] = log(0.3 / 0.7);
    x[X_BDEF] = log(0.3 / 0.7);
    x[X_BAND] = log(0.1);
    x[X_SCALE] = 0;
    x[X_DISP] = 0.2;
    x[X_PURSUIT] = log(0.3);
    x[X_QBREAK] = 0;
    for (int k = 0; k < HK_CDB90_CODES; k++)
        x[X_CODE0 + k] = 0.2;
}

int main(int argc, char **argv)
{
    const char *data = HK_SOURCE_DIR "/../shared/data/cdb90";
    const char *out = HK_SOURCE_DIR;
    int evaluate = 0, quiet = 0, restarts = 14, n_codes = HK_CDB90_CODES;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--evaluate") == 0)
            evaluate = 1;
        else if (strcmp(argv[i], "--restarts") == 0 && i + 1 < argc)
            restarts = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else if (strcmp(argv[i], "--codes") == 0 && i + 1 < argc) {
            n_codes = atoi(argv[++i]);
            if (n_codes < 0 || n_codes > HK_CDB90_CODES) {
                fprintf(stderr, "cdb90_fit: --codes needs 0 to %d\n", HK_CDB90_CODES);
                return 2;
            }
        } else if (strcmp(argv[i], "--ridge") == 0 && i + 1 < argc) {
            g_ridge = atof(argv[++i]);
        } else if (strcmp(argv[i], "--ns-score-own-break") == 0) {
            g_ns_score_ordinary = 0;
        } else if (strcmp(argv[i], "--no-nations") == 0) {
            g_nations = 0;
        } else if (strcmp(argv[i], "--cauchy") == 0)
            g_cauchy = 1;
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: cdb90_fit [CDB90_DIR] [--out REPO_DIR] [--evaluate] [--quiet]\n"
                   "                 [--codes N] [--ridge X] [--cauchy] [--restarts N]\n\n"
                   "Fits the combat model and a plain Lanchester square law on the odd-numbered\n"
                   "CDB90 battles and reports both on the even-numbered ones and the six\n"
                   "Japan-USSR engagements. Writes data/combat-fit.yaml,\n"
                   "docs/combat-validation.md and src/model/combat_fit_data.c under REPO_DIR\n"
                   "(default %s). --evaluate scores the compiled-in parameters instead and\n"
                   "prints key=value lines. CDB90_DIR defaults to %s.\n\n"
                   "For experiments (write them elsewhere with --out): --codes N uses only the\n"
                   "first N CDB90 advantage codes (11 = those of the first version); --ridge X\n"
                   "sets the ridge on posture, terrain and codes (0.002); --cauchy uses a robust\n"
                   "casualty loss; --restarts N Nelder-Mead restarts (14).\n",
                   HK_SOURCE_DIR, HK_SOURCE_DIR "/../shared/data/cdb90");
            return 0;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "cdb90_fit: unknown option '%s' (see --help)\n", argv[i]);
            return 2;
        } else
            data = argv[i];
    }

    static cbattle b[MAX_BATTLES];
    int n = 0;
    if (load_battles(data, b, &n) != 0)
        return 2;
    fitctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.b = b;
    ctx.n = n;
    ctx.n_codes = n_codes;
    ctx.loss_tank = median_ratio(b, n, 0);
    ctx.loss_gun = median_ratio(b, n, 1);
    ctx.loss_air = median_ratio(b, n, 2);

    report R;
    memset(&R, 0, sizeof R);
    for (int i = 0; i < n; i++) {
        R.n_fit += b[i].part == PART_FIT && usable(&b[i]);
        R.n_held += b[i].part == PART_HELD && usable(&b[i]);
        R.n_ns_fit += b[i].part == PART_FIT && usable(&b[i]) && has_no_surrender(&b[i]);
        R.n_ns_held += b[i].part == PART_HELD && usable(&b[i]) && has_no_surrender(&b[i]);
    }
    if (!quiet)
        fprintf(stderr, "cdb90_fit: %d battles read; fit part %d, held-out part %d\n", n, R.n_fit,
                R.n_held);

    /* The baseline is fitted in both modes: it has four numbers and takes
     * well under a second. */
    double y[4] = {log(0.02), log(0.01), log(0.1), 0};
    R.loss_lanchester = nelder_mead(lanchester_loss, &ctx, y, 4, 3, 5000, 1);
    double lscale;
    lanchester_unpack(y, &R.L, &lscale);

    hk_combat_params cp;
    double coef[HK_CDB90_CODES];
    if (evaluate) {
        hk_combat_params_default(&cp);
        hk_combat_cdb90_coefs(coef);
    } else {
        double x[NX];
        initial_point(x);
        for (int k = n_codes; k < HK_CDB90_CODES; k++)
            x[X_CODE0 + k] = 0;
        if (!quiet)
            fprintf(stderr, "cdb90_fit: stage 1, %d parameters by Nelder-Mead on the fit part "
                            "without no-surrender sides\n", X_CODE0 + n_codes);
        ctx.stage = STAGE_GENERAL;
        R.loss_model = nelder_mead(model_loss, &ctx, x, X_CODE0 + n_codes, restarts, 20000, quiet);
        double scale;
        unpack(x, &ctx, &cp, coef, &scale);
        /* Stage 2: the no-surrender factors on the fit part's Japanese
         * battles of 1937-1945, everything else held. */
        ctx.stage = STAGE_NO_SURRENDER;
        ctx.base = cp;
        memcpy(ctx.base_coef, coef, sizeof coef);
        g_ns_scale = scale;
        double yn[NY] = {0, 0, 0};
        if (!quiet)
            fprintf(stderr, "cdb90_fit: stage 2, %d no-surrender parameters on %d battles\n", NY,
                    R.n_ns_fit);
        /* Stages 2 and 3 share the Japanese battles of 1937-1945, so they
         * are fitted in turn, each from the other's latest values, in two
         * rounds. */
        double zn[HK_NATION_COUNT - 1] = {0};
        for (int round = 0; round < (g_nations ? 2 : 1); round++) {
            ctx.stage = STAGE_NO_SURRENDER;
            ctx.base = cp;
            R.loss_ns = nelder_mead(ns_loss, &ctx, yn, NY, 4, 5000, quiet);
            ns_unpack(yn, &cp);
            /* Stage 3: the national loss factors on every fit-part
             * battle, everything else held. */
            if (g_nations) {
                ctx.stage = STAGE_ALL;
                ctx.base = cp;
                if (!quiet)
                    fprintf(stderr, "cdb90_fit: stage 3, %d national loss factors\n",
                            HK_NATION_COUNT - 1);
                nelder_mead(nation_loss_fn, &ctx, zn, HK_NATION_COUNT - 1, 4, 5000, quiet);
                nation_unpack(zn, &cp);
            }
        }
        residual_spread(&cp, coef, b, n, &cp.noise_common_sd, &cp.noise_diff_sd);
    }
    score_model(&cp, coef, b, n, PART_FIT, &R.mf);
    score_model(&cp, coef, b, n, PART_HELD, &R.mh);
    score_lanchester(&R.L, b, n, PART_FIT, &R.lf);
    score_lanchester(&R.L, b, n, PART_HELD, &R.lh);
    score_naive(b, n, PART_HELD, &R.naive_att, &R.naive_larger);
    {
        /* The battles with a no-surrender side, with the factors and with
         * them switched off (factors 1, the ordinary break point). */
        hk_combat_params off = cp;
        off.ns_rate_own = off.ns_rate_enemy = 1;
        off.ns_break = off.break_def;
        g_score_ns_only = 1;
        score_model(&cp, coef, b, n, PART_FIT, &R.nsf);
        score_model(&cp, coef, b, n, PART_HELD, &R.nsh);
        score_model(&off, coef, b, n, PART_FIT, &R.nsf_off);
        score_model(&off, coef, b, n, PART_HELD, &R.nsh_off);
        g_score_ns_only = 0;
        hk_combat_params flat = cp;
        for (int k = 0; k < HK_NATION_COUNT; k++)
            flat.nation_loss[k] = 1;
        score_model(&flat, coef, b, n, PART_HELD, &R.mh_nat_off);
        for (int k = 1; k < HK_NATION_COUNT; k++) {
            score_nation(&cp, coef, b, n, PART_HELD, k, &R.nat_h[k]);
            score_nation(&flat, coef, b, n, PART_HELD, k, &R.nat_h_off[k]);
            score fitk;
            score_nation(&cp, coef, b, n, PART_FIT, k, &fitk);
            R.nat_fit_sides[k] = fitk.n_sides;
        }
        g_score_ns_only = 0;
    }
    if (khalkhin_gol(&cp, &R.kg) != 0)
        return 1;

    printf("heldout_winner_share=%.4f\nheldout_within2_share=%.4f\n"
           "lanchester_heldout_winner_share=%.4f\nlanchester_heldout_within2_share=%.4f\n",
           share(R.mh.n_winner_right, R.mh.n_battles), share(R.mh.n_within2, R.mh.n_sides),
           share(R.lh.n_winner_right, R.lh.n_battles), share(R.lh.n_within2, R.lh.n_sides));
    if (!quiet)
        printf("fit_winner_share=%.4f\nfit_within2_share=%.4f\nkhalkhin_gol_sov=%.0f\n"
               "khalkhin_gol_jpn=%.0f\nkhalkhin_gol_days=%d\nkhalkhin_gol_winner=%s\n",
               share(R.mf.n_winner_right, R.mf.n_battles), share(R.mf.n_within2, R.mf.n_sides),
               R.kg.casualties[0], R.kg.casualties[1], R.kg.days, winner_name(R.kg.winner));
    if (evaluate)
        return 0;

    FILE *f = open_out(out, "data/combat-fit.yaml");
    if (!f)
        return 1;
    write_yaml(f, &cp, coef, &R, b, n);
    fclose(f);
    if (!(f = open_out(out, "docs/combat-validation.md")))
        return 1;
    write_validation(f, &cp, coef, &R, b, n);
    fclose(f);
    if (!(f = open_out(out, "src/model/combat_fit_data.c")))
        return 1;
    write_params_c(f, &cp, coef);
    fclose(f);
    if (!quiet)
        fprintf(stderr, "cdb90_fit: wrote data/combat-fit.yaml, docs/combat-validation.md, "
                        "src/model/combat_fit_data.c under %s\n", out);
    return 0;
}
