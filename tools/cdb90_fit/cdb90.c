/* cdb90.c — CDB90's battles as the fit reads them: the split, each side's forces, terrain, posture, length, and what was known before the battle (tools/cdb90_fit). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb90_fit.h"

/* ---- the battles --------------------------------------------------------- */

const int japan_ussr[6] = {256, 257, 258, 259, 260, 516};


/* The national group of a CDB90 `actors` entry: its first army (a
 * coalition such as "Great Britain & Prussia" counts as its first). */
int cdb90_nation(const char *actors)
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

int is_japan_ussr(int isqno)
{
    for (int i = 0; i < 6; i++)
        if (japan_ussr[i] == isqno)
            return 1;
    return 0;
}

long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

double parse_time(const char *s)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (sscanf(s, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec) < 3)
        return NAN;
    return (double)days_from_civil(y, mo, d) + (h + mi / 60.0 + sec / 3600.0) / 24.0;
}

/* CDB90's terrain codes: terra1 R rolling, G rugged, F flat; terra2 W wooded,
 * M mixed, B bare, D desert; terra3 U urban, M marsh, D dunes. */
int map_terrain(const char *t1, const char *t2, const char *t3)
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
double dupuy_dispersion(int year)
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

int load_battles(const char *dir, cbattle *b, int *n_out)
{
    char path[1024];
    csv bat, bel, ter, dur, fro;
    const char *names[5] = {"battles.csv", "belligerents.csv", "terrain.csv",
                            "battle_durations.csv", "front_widths.csv"};
    csv *tabs[5] = {&bat, &bel, &ter, &dur, &fro};
    for (int i = 0; i < 5; i++) {
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
        c_name = csv_col(&bat, "name"), c_surpa = csv_col(&bat, "surpa"),
        c_aeroa = csv_col(&bat, "aeroa"), c_locn = csv_col(&bat, "locn");
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
        /* on the Asian mainland (CDB90's locn), where a side had its own
         * ground behind it, not on an island */
        if (c_locn >= 0) {
            const char *lo = csv_get(&bat, r, c_locn);
            x->mainland = strcmp(lo, "MANCHURIA") == 0 || strcmp(lo, "MALAYA") == 0 ||
                          strcmp(lo, "CHINA") == 0 || strcmp(lo, "KOREA") == 0 || strcmp(lo, "BURMA") == 0;
        }
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
        /* What the sides planned, as CDB90 records it: surprise (surpa
         * 1-3 the attacker's, minor, substantial, complete; a blank is the
         * defender's, its degree lost in this copy) and air superiority in
         * the theatre (aeroa 1 the attacker's, blank the defender's). */
        const char *sp = csv_get(&bat, r, c_surpa), *ae = csv_get(&bat, r, c_aeroa);
        x->surprise[0] = *sp && atoi(sp) > 0 ? (atoi(sp) > 3 ? 3 : atoi(sp)) : 0;
        x->surprise[1] = !*sp;
        x->air[0] = *ae && atoi(ae) == 1;
        x->air[1] = !*ae;
        const char *post = csv_get(&bat, r, c_post);
        x->posture = strcmp(post, "PD") == 0   ? HK_POSTURE_PREPARED
                     : strcmp(post, "FD") == 0 ? HK_POSTURE_FORTIFIED
                                               : HK_POSTURE_HASTY;
        x->delay = strcmp(post, "DL") == 0 || strcmp(post, "WD") == 0;
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
        b_cfly = csv_col(&bel, "cfly"), b_actors = csv_col(&bel, "actors"),
        b_pri1 = csv_col(&bel, "pri1"), b_pri2 = csv_col(&bel, "pri2"), b_pri3 = csv_col(&bel, "pri3");
    int b_reso[3] = {csv_col(&bel, "reso1"), csv_col(&bel, "reso2"), csv_col(&bel, "reso3")};
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
            /* The attacker's tactical scheme, a plan made before the
             * battle: an envelopment (single or double) or an attack on
             * the rear, as its first or second scheme. */
            for (int k = 0; side == 0 && k < 2; k++) {
                const char *pr = csv_get(&bel, r, k ? b_pri2 : b_pri1);
                if (!strcmp(pr, "EE") || !strcmp(pr, "DE") || !strcmp(pr, "LR") ||
                    !strcmp(pr, "RR"))
                    x->envelop = 1;
            }
            /* ... and a river crossing, as any of its three parts: the
             * attacker knows the river is there and must be crossed. */
            for (int k = 0; side == 0 && k < 3; k++) {
                int col = k == 0 ? b_pri1 : k == 1 ? b_pri2 : b_pri3;
                if (col >= 0 && !strcmp(csv_get(&bel, r, col), "RC"))
                    x->river = 1;
            }
            /* How the battle ended, as CDB90 codes it after the fact: the
             * defender's line collapsed when the defender withdrew with
             * heavy losses (WL) or was annihilated (AA). (A breakthrough,
             * the attacker's BB, alone is not one: those defenders lost
             * no more than others, docs/combat.md.) An outcome to fit
             * against, never an input (docs/combat.md, "Defenders that
             * break"). */
            for (int k = 0; k < 3; k++) {
                const char *rs = b_reso[k] >= 0 ? csv_get(&bel, r, b_reso[k]) : "";
                if (side == 1 && (!strcmp(rs, "WL") || !strcmp(rs, "AA")))
                    x->collapsed = 1;
            }
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
                /* A night attack: begun from 20:00 to 03:59. 00:00 is
                 * this copy's time for a battle whose hour is not known. */
                const char *t0 = csv_get(&dur, r, d_min);
                int hh = -1, mm = -1;
                if (strlen(t0) >= 16 && sscanf(t0 + 11, "%d:%d", &hh, &mm) == 2 &&
                    !(hh == 0 && mm == 0))
                    b[i].night = hh >= 20 || hh < 4;
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
            /* --way-back: a no-surrender side on the mainland has a way back
             * (docs/combat.md, "A line with a way back"); the island
             * garrisons of Tarawa, Iwo Jima and Okinawa have none */
            b[i].way_back[s] = g_way_back && b[i].no_surrender[s] && b[i].mainland;
        }
    }
    /* front widths: each side's at the start (front_number 1), a planned
     * quantity: how wide a sector each side was given */
    int f_isq = csv_col(&fro, "isqno"), f_no = csv_col(&fro, "front_number"),
        f_a = csv_col(&fro, "wofa"), f_d = csv_col(&fro, "wofd");
    for (int r = 1; r < fro.nrows && f_isq >= 0 && f_no >= 0 && f_a >= 0 && f_d >= 0; r++) {
        if (atoi(csv_get(&fro, r, f_no)) != 1)
            continue;
        int isq = atoi(csv_get(&fro, r, f_isq));
        for (int i = 0; i < n; i++)
            if (b[i].isqno == isq) {
                double wa = num_or_nan(csv_get(&fro, r, f_a)), wd = num_or_nan(csv_get(&fro, r, f_d));
                b[i].front[0] = wa > 0 ? wa : 0;
                b[i].front[1] = wd > 0 ? wd : 0;
            }
    }
    for (int i = 0; i < 5; i++)
        csv_free(tabs[i]);
    *n_out = n;
    return 0;
fail:
    for (int i = 0; i < 5; i++)
        csv_free(tabs[i]);
    return -1;
}

int usable(const cbattle *x)
{
    return x->part != PART_NONE && x->str[0] > 0 && x->str[1] > 0;
}

int side_usable(const cbattle *x, int s)
{
    return usable(x) && x->cas[s] > 0;
}
