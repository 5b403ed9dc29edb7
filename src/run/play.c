/* play.c — games and their save files (see play.h).
 *
 * Loading never trusts the file: the magic and version are checked first,
 * then the checksum over everything before the last line, then every field
 * against its range, and only then are the orders replayed. */
#include "run/play.h"

#include "core/buf.h"
#include "core/format.h"
#include "core/hash.h"
#include "world/world.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int player_actor(const hk_scenario *s, const char *id)
{
    if (!id)
        return -1;
    int a = hk_scenario_actor(s, id);
    return (a >= 0 && (a == s->jpn || a == s->sov)) ? a : -1;
}

static hk_game *game_alloc(const hk_scenario *s, int player, uint64_t seed, uint64_t run)
{
    hk_game *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->scenario = s;
    hk_setup_init(&g->setup, s);
    g->player = player;
    g->seed = seed;
    g->run = run;
    g->world = hk_world_new(&g->setup, HK_MODE_SIMULATE, seed, run);
    if (!g->world) {
        free(g);
        return NULL;
    }
    hk_world_set_player(g->world, player);
    return g;
}

hk_game *hk_game_new(const hk_scenario *s, const char *player, uint64_t seed, char *err, size_t errlen)
{
    int a = player_actor(s, player);
    if (a < 0) {
        snprintf(err, errlen, "cannot play as '%s': choose JPN (Japan) or SOV (the Soviet Union)",
                 player ? player : "");
        return NULL;
    }
    hk_game *g = game_alloc(s, a, seed, 0);
    if (!g)
        snprintf(err, errlen, "out of memory");
    return g;
}

void hk_game_free(hk_game *g)
{
    if (!g)
        return;
    hk_world_free(g->world);
    free(g->turns);
    free(g);
}

bool hk_game_over(const hk_game *g) { return hk_world_done(g->world); }

/* ---- the state's digest -------------------------------------------------- */

typedef struct digest {
    uint64_t h;
} digest;

static void mix(digest *d, const void *p, size_t n) { d->h = hk_fnv1a64_more(d->h, p, n); }
static void mix_i(digest *d, int64_t v) { mix(d, &v, sizeof v); }
static void mix_d(digest *d, double v)
{
    if (v == 0)
        v = 0; /* -0 and 0 are the same state */
    mix(d, &v, sizeof v);
}

uint64_t hk_game_digest(const hk_game *g)
{
    const hk_world *w = g->world;
    const hk_scenario *s = g->scenario;
    digest d = {HK_FNV1A64_INIT};
    mix_i(&d, w->month);
    mix_i(&d, w->n_events);
    mix_i(&d, w->flags);
    mix_i(&d, w->defeated);
    /* politics */
    for (int f = 0; f < s->n_factions && f < HK_MAX_FACTIONS; f++) {
        mix_d(&d, w->influence[f]);
        mix_i(&d, w->purged[f]);
    }
    mix_d(&d, w->doctrine);
    mix_d(&d, w->autonomy);
    mix_d(&d, w->north_lesson);
    mix_i(&d, w->committed_south | w->committed_north << 1 | w->manchuria_seized << 2 | w->china_war << 3);
    /* treaties */
    for (int t = 0; t < s->n_treaties && t < HK_MAX_TREATIES; t++) {
        mix_i(&d, w->treaty[t].status);
        mix_i(&d, w->treaty[t].signed_on);
        mix_i(&d, w->treaty[t].expires);
    }
    /* forces and the border */
    mix_d(&d, w->jpn_men);
    mix_d(&d, w->sov_men);
    mix_d(&d, w->exp_men);
    mix_d(&d, w->sov_drawn);
    for (int k = 0; k < s->n_sectors && k < HK_MAX_SECTORS; k++)
        mix_d(&d, w->tension[k]);
    /* who holds what, and the general war: the wars begun, the ground the
     * last armistice ceded, the totals the outcomes count */
    for (int r = 0; r < s->n_regions && r < HK_MAX_REGIONS; r++)
        mix_i(&d, w->control[r]);
    mix_i(&d, w->war | w->japan_surrendered << 1 | w->soviet_entry << 2 | w->war_mobilising << 3);
    mix_i(&d, w->wars_begun);
    mix_i(&d, (int64_t)w->ceded[0]);
    mix_i(&d, (int64_t)w->ceded[1]);
    mix_i(&d, w->armistice_on);
    mix_i(&d, w->war_on);
    for (int side = 0; side < 2; side++) {
        mix_d(&d, w->war_losses[side]);
        mix_d(&d, w->war_cas_total[side]);
        mix_i(&d, w->regions_taken[side]);
    }
    mix_d(&d, w->war_months_total);
    mix_i(&d, w->camp.days);
    /* the outcomes so far */
    hk_outcomes o;
    hk_world_outcomes(w, &o);
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        double v = hk_outcome_value(&o, i);
        mix_d(&d, isfinite(v) ? v : -1);
    }
    for (int y = 0; y < HK_YEARS; y++)
        mix_i(&d, o.incidents_per_year[y]);
    return d.h;
}

hk_month hk_game_month(const hk_game *g) { return hk_world_month(g->world); }

/* Forwards events to the caller's observer and keeps the month's summary. */
typedef struct turn_tap {
    hk_game *g;
    const hk_observer *to;
} turn_tap;

static void tap_event(void *ud, const hk_log_event *e)
{
    turn_tap *t = ud;
    if (t->to && t->to->on_event)
        t->to->on_event(t->to->ud, e);
}

static void tap_month(void *ud, const hk_month_summary *m)
{
    turn_tap *t = ud;
    t->g->last = *m;
    t->g->have_last = true;
    if (t->to && t->to->on_month)
        t->to->on_month(t->to->ud, m);
}

int hk_game_turn(hk_game *g, const hk_orders *orders, const hk_observer *obs)
{
    if (hk_game_over(g))
        return -1;
    if (g->n_turns == g->cap) {
        int cap = g->cap ? g->cap * 2 : 64;
        hk_play_turn *t = realloc(g->turns, (size_t)cap * sizeof *t);
        if (!t)
            return -1;
        g->turns = t;
        g->cap = cap;
    }
    hk_play_turn *t = &g->turns[g->n_turns++];
    t->given = orders != NULL;
    if (orders)
        t->orders = *orders;
    else
        hk_orders_none(&t->orders);
    hk_world_set_orders(g->world, orders);
    turn_tap tap = {g, obs};
    hk_observer o = {tap_event, tap_month, &tap};
    hk_world_step(g->world, &o);
    return 0;
}

void hk_game_state(const hk_game *g, hk_month_summary *out)
{
    if (g->have_last)
        *out = g->last;
    else
        hk_world_summary(g->world, out);
}

/* ---- the advisor --------------------------------------------------------- */

typedef struct advice_tap {
    hk_advice *a;
    int player;
    bool on;
} advice_tap;

static void advice_event(void *ud, const hk_log_event *e)
{
    advice_tap *t = ud;
    if (!t->on || t->a->n >= HK_ADVICE_MAX || !e->kind || strcmp(e->kind, "incident") == 0)
        return;
    bool mine = false;
    for (int i = 0; i < e->n_actors; i++)
        mine |= e->actors[i] == t->player;
    /* decisions are the player's actor's; battles and the outside world are not */
    if (!mine || strcmp(e->kind, "outside_event") == 0 || strncmp(e->kind, "battle", 6) == 0)
        return;
    snprintf(t->a->kind[t->a->n], sizeof t->a->kind[0], "%s", e->kind);
    snprintf(t->a->text[t->a->n], sizeof t->a->text[0], "%s", e->text ? e->text : (e->id ? e->id : ""));
    t->a->n++;
}

static void advice_month(void *ud, const hk_month_summary *m)
{
    (void)ud;
    (void)m;
}

int hk_game_advise(const hk_game *g, hk_advice *out)
{
    memset(out, 0, sizeof *out);
    if (hk_game_over(g))
        return -1;
    hk_game *shadow = game_alloc(g->scenario, g->player, g->seed, g->run);
    if (!shadow)
        return -1;
    shadow->setup = g->setup;
    /* the same world: the setup is copied, so the world is made again from it */
    hk_world_free(shadow->world);
    shadow->world = hk_world_new(&shadow->setup, HK_MODE_SIMULATE, g->seed, g->run);
    if (!shadow->world) {
        free(shadow);
        return -1;
    }
    hk_world_set_player(shadow->world, g->player);
    for (int i = 0; i < g->n_turns && !hk_game_over(shadow); i++)
        if (hk_game_turn(shadow, g->turns[i].given ? &g->turns[i].orders : NULL, NULL) != 0)
            break;
    hk_month_summary before;
    hk_game_state(shadow, &before);
    out->month = hk_game_month(shadow);
    out->doctrine_before = before.doctrine[g->scenario->jpn >= 0 ? g->scenario->jpn : 0];
    out->war_before = shadow->world->war; /* at war now, not only in the month played (the month of peace) */
    advice_tap tap = {out, g->player, true};
    hk_observer o = {advice_event, advice_month, &tap};
    int rc = hk_game_over(shadow) ? -1 : hk_game_turn(shadow, NULL, &o);
    hk_month_summary after;
    hk_game_state(shadow, &after);
    out->doctrine_after = after.doctrine[g->scenario->jpn >= 0 ? g->scenario->jpn : 0];
    out->war_after = shadow->world->war;
    out->war = after.war; /* the postures the model took on each front */
    hk_game_free(shadow);
    return rc;
}

/* ---- writing ------------------------------------------------------------ */

/* The shortest text that reads back as the same double, so a replayed game
 * gets exactly the orders that were given. */
static void format_real(double x, char *buf, size_t len)
{
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, len, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

static const char *treaty_id(const hk_scenario *s, int t)
{
    return (t >= 0 && t < s->n_treaties) ? s->treaties[t].id : "-";
}

char *hk_game_save(const hk_game *g)
{
    const hk_scenario *s = g->scenario;
    hk_buf b = {0};
    hk_buf_printf(&b, "%s %d\n", HK_SAVE_MAGIC, HK_SAVE_VERSION);
    hk_buf_printf(&b, "scenario %s\n", s->id ? s->id : "");
    hk_buf_printf(&b, "seed %" PRIu64 "\n", g->seed);
    hk_buf_printf(&b, "run %" PRIu64 "\n", g->run);
    hk_buf_printf(&b, "player %s\n", s->actors[g->player].id);
    hk_buf_printf(&b, "months %d\n", g->n_turns);
    hk_month m = hk_date_month(s->start);
    for (int i = 0; i < g->n_turns; i++, m++) {
        const hk_play_turn *t = &g->turns[i];
        char date[16];
        hk_month_format(m, date);
        if (!t->given) {
            hk_buf_printf(&b, "turn %s model\n", date);
            continue;
        }
        char push[32], reinf[32];
        format_real(t->orders.doctrine_push, push, sizeof push);
        format_real(t->orders.reinforce, reinf, sizeof reinf);
        hk_buf_printf(&b, "turn %s push=%s reinforce=%s propose=%s denounce=%s incidents=%s war=%d", date, push, reinf,
                  treaty_id(s, t->orders.propose_treaty), treaty_id(s, t->orders.denounce_treaty),
                  hk_escalation_name(t->orders.incidents), t->orders.declare_war ? 1 : 0);
        /* a general war's orders, only when given (older saves have none) */
        for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++)
            if (t->orders.front_posture[f] > HK_FRONT_MODEL && t->orders.front_posture[f] <= HK_FRONT_WITHDRAW)
                hk_buf_printf(&b, " front.%s=%s", s->sectors[f].id, hk_front_posture_name(t->orders.front_posture[f]));
        if (t->orders.reinforce_front >= 0 && t->orders.reinforce_front < s->n_sectors)
            hk_buf_printf(&b, " reinforce_front=%s", s->sectors[t->orders.reinforce_front].id);
        hk_buf_printf(&b, "\n");
    }
    hk_buf_printf(&b, "state %016" PRIx64 "\n", hk_game_digest(g));
    if (!b.failed) {
        uint64_t h = hk_fnv1a64(b.p, b.len);
        hk_buf_printf(&b, "checksum %016" PRIx64 "\n", h);
    }
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

int hk_game_save_path(const hk_game *g, const char *path, char *err, size_t errlen)
{
    char *text = hk_game_save(g);
    if (!text) {
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        free(text);
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    snprintf(tmp, plen + 16, "%s.tmp", path);
    int rc = -1;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    } else {
        size_t n = strlen(text);
        bool ok = fwrite(text, 1, n, f) == n;
        ok &= fclose(f) == 0;
        if (!ok) {
            snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
            remove(tmp);
        } else if (rename(tmp, path) != 0) {
            snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
            remove(tmp);
        } else {
            rc = 0;
        }
    }
    free(tmp);
    free(text);
    return rc;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct reader {
    const char *name;
    const char *text;
    size_t len, pos;
    int line;            /* number of the line last taken */
    char buf[512];       /* that line */
    char *err;
    size_t errlen;
} reader;

static int fail(reader *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(reader *r, int line, const char *fmt, ...)
{
    char msg[384];
    HK_FORMAT_ARGS(msg, fmt);
    snprintf(r->err, r->errlen, "%s:%d: %s", r->name, line, msg);
    return -1;
}

/* Takes the next line into r->buf; returns 1, 0 at the end, -1 on a line
 * that cannot be part of a save file. */
static int next_line(reader *r)
{
    if (r->pos >= r->len)
        return 0;
    r->line++;
    const char *start = r->text + r->pos;
    const char *nl = memchr(start, '\n', r->len - r->pos);
    size_t n = nl ? (size_t)(nl - start) : r->len - r->pos;
    if (!nl)
        return fail(r, r->line, "the line has no end: the file is truncated");
    if (n >= sizeof r->buf)
        return fail(r, r->line, "line too long (%zu bytes); a save file's lines are short", n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)start[i];
        if (c < 0x20 || c == 0x7f)
            return fail(r, r->line, "unexpected control character (byte 0x%02x): not a save file, or damaged", c);
    }
    memcpy(r->buf, start, n);
    r->buf[n] = '\0';
    r->pos += n + 1;
    return 1;
}

/* "KEY VALUE" with exactly this key; returns the value or NULL. */
static const char *field(reader *r, const char *key)
{
    int got = next_line(r);
    if (got < 0)
        return NULL;
    if (got == 0) {
        fail(r, r->line + 1, "the file ends where '%s' was expected: it is truncated", key);
        return NULL;
    }
    size_t k = strlen(key);
    if (strncmp(r->buf, key, k) != 0 || r->buf[k] != ' ' || r->buf[k + 1] == '\0') {
        fail(r, r->line, "expected '%s VALUE', found '%.60s'", key, r->buf);
        return NULL;
    }
    return r->buf + k + 1;
}

static bool parse_u64(const char *v, uint64_t *out)
{
    if (!*v || strlen(v) > 20)
        return false;
    uint64_t x = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        uint64_t d = (uint64_t)(*p - '0');
        if (x > (UINT64_MAX - d) / 10)
            return false;
        x = x * 10 + d;
    }
    *out = x;
    return true;
}

/* "turn YYYY-MM model" or "turn YYYY-MM push=.. reinforce=.. propose=..
 * denounce=.. incidents=.. war=0|1", every key once, in that order. */
static int parse_turn(reader *r, const hk_scenario *s, int player, hk_month want, hk_play_turn *t)
{
    int got = next_line(r);
    if (got < 0)
        return -1;
    if (got == 0)
        return fail(r, r->line + 1, "the file ends before all its turns: it is truncated");
    char *save = NULL;
    char *tok = strtok_r(r->buf, " ", &save);
    if (!tok || strcmp(tok, "turn") != 0)
        return fail(r, r->line, "expected a 'turn YYYY-MM ...' line");
    tok = strtok_r(NULL, " ", &save);
    char want_text[16];
    hk_month_format(want, want_text);
    if (!tok || strcmp(tok, want_text) != 0)
        return fail(r, r->line, "expected the turn of %s here, found '%.20s'", want_text, tok ? tok : "");
    tok = strtok_r(NULL, " ", &save);
    if (!tok)
        return fail(r, r->line, "the turn of %s has no orders ('model' or push=...)", want_text);
    hk_orders_none(&t->orders);
    if (strcmp(tok, "model") == 0) {
        t->given = false;
        if (strtok_r(NULL, " ", &save))
            return fail(r, r->line, "nothing may follow 'model'");
        return 0;
    }
    t->given = true;
    static const char *const keys[] = {"push", "reinforce", "propose", "denounce", "incidents", "war"};
    for (int k = 0; k < 6; k++, tok = strtok_r(NULL, " ", &save)) {
        if (!tok)
            return fail(r, r->line, "the turn of %s lacks '%s='", want_text, keys[k]);
        size_t kl = strlen(keys[k]);
        if (strncmp(tok, keys[k], kl) != 0 || tok[kl] != '=')
            return fail(r, r->line, "expected '%s=' in the turn of %s, found '%.30s'", keys[k], want_text, tok);
        const char *v = tok + kl + 1;
        char err[160];
        switch (k) {
        case 0:
        case 1:
            if (hk_orders_unit_text(v, k == 0 ? &t->orders.doctrine_push : &t->orders.reinforce, err, sizeof err))
                return fail(r, r->line, "%s %s, found '%.30s'", keys[k], err, v);
            break;
        case 2:
        case 3:
            if (hk_orders_treaty(s, player, v, k == 2 ? &t->orders.propose_treaty : &t->orders.denounce_treaty, err,
                                 sizeof err) != 0)
                return fail(r, r->line, "%s: %s", keys[k], err);
            break;
        case 4:
            if (hk_orders_incidents(v, &t->orders.incidents, err, sizeof err) != 0)
                return fail(r, r->line, "incidents %s, found '%.30s'", err, v);
            break;
        default:
            if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
                return fail(r, r->line, "war must be 0 or 1, found '%.30s'", v);
            t->orders.declare_war = v[0] == '1';
            break;
        }
    }
    /* then, optionally, a general war's orders: front.SECTOR=POSTURE and reinforce_front=SECTOR */
    for (; tok; tok = strtok_r(NULL, " ", &save)) {
        const char *eq = strchr(tok, '=');
        char err[160];
        if (strncmp(tok, "front.", 6) == 0 && eq) {
            char id[HK_ID_LEN];
            size_t n = (size_t)(eq - tok - 6);
            if (n >= sizeof id)
                n = sizeof id - 1;
            memcpy(id, tok + 6, n);
            id[n] = 0;
            if (hk_orders_front(&t->orders, s, id, eq + 1, err, sizeof err) != 0)
                return fail(r, r->line, "'%.40s': %s", tok, err);
        } else if (strncmp(tok, "reinforce_front=", 16) == 0) {
            if (hk_orders_reinforce_front(&t->orders, s, tok + 16, err, sizeof err) != 0)
                return fail(r, r->line, "'%.40s': reinforce_front must name a sector: %s", tok, err);
        } else {
            return fail(r, r->line, "unexpected '%.30s' after the orders", tok);
        }
    }
    return 0;
}

/* Checks that the last line is "checksum HEX" and matches the bytes before
 * it, so that damage anywhere is caught before any field is believed. */
static int verify_checksum(reader *r)
{
    const char *t = r->text;
    size_t len = r->len;
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += t[i] == '\n';
    if (len == 0 || t[len - 1] != '\n')
        return fail(r, lines + 1, "the file does not end with a complete checksum line: it is truncated");
    size_t start = len - 1;
    while (start > 0 && t[start - 1] != '\n')
        start--;
    size_t n = len - 1 - start;
    const char *line = t + start;
    if (n < 9 || memcmp(line, "checksum ", 9) != 0)
        return fail(r, lines, "the last line is not 'checksum HEX': the file is truncated or was edited");
    if (n != 9 + 16)
        return fail(r, lines, "the checksum must be 16 hex digits");
    uint64_t want = 0;
    for (size_t i = 9; i < n; i++) {
        char c = line[i];
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (d < 0)
            return fail(r, lines, "the checksum must be 16 lower-case hex digits");
        want = want << 4 | (uint64_t)d;
    }
    uint64_t got = hk_fnv1a64(t, start);
    if (got != want)
        return fail(r, lines,
                    "checksum mismatch (file says %016" PRIx64 ", contents give %016" PRIx64
                    "): the file is damaged or was edited",
                    want, got);
    r->len = start; /* the fields end where the checksum line begins */
    return 0;
}

hk_game *hk_game_load(const hk_scenario *s, const char *text, size_t len, const char *name, char *err,
                      size_t errlen)
{
    reader r = {.name = name ? name : "save", .text = text ? text : "", .len = text ? len : 0,
                .err = err, .errlen = errlen};
    if (len > HK_SAVE_MAX_BYTES) {
        fail(&r, 1, "%zu bytes is too large for a save file", len);
        return NULL;
    }
    /* magic and version first: a different file deserves a plain answer */
    int got = next_line(&r);
    if (got == 0) {
        fail(&r, 1, "the file is empty, not a save file");
        return NULL;
    }
    if (got < 0)
        return NULL;
    size_t ml = strlen(HK_SAVE_MAGIC);
    if (strncmp(r.buf, HK_SAVE_MAGIC, ml) != 0 || r.buf[ml] != ' ') {
        fail(&r, 1, "not a hokushin save file (it must start with '%s %d')", HK_SAVE_MAGIC, HK_SAVE_VERSION);
        return NULL;
    }
    uint64_t version;
    if (!parse_u64(r.buf + ml + 1, &version)) {
        fail(&r, 1, "bad save format version '%.20s'", r.buf + ml + 1);
        return NULL;
    }
    if (version < HK_SAVE_VERSION_MIN || version > HK_SAVE_VERSION) {
        fail(&r, 1, "save format version %" PRIu64 " is not supported; this program reads versions %d to %d", version,
             HK_SAVE_VERSION_MIN, HK_SAVE_VERSION);
        return NULL;
    }
    if (verify_checksum(&r) != 0)
        return NULL;

    const char *v;
    if (!(v = field(&r, "scenario")))
        return NULL;
    if (!s->id || strcmp(v, s->id) != 0) {
        fail(&r, r.line, "the game was saved on scenario '%.60s', not on '%s' (use --scenario)", v,
             s->id ? s->id : "");
        return NULL;
    }
    uint64_t seed, run, months;
    if (!(v = field(&r, "seed")))
        return NULL;
    if (!parse_u64(v, &seed)) {
        fail(&r, r.line, "seed must be a whole number, found '%.30s'", v);
        return NULL;
    }
    if (!(v = field(&r, "run")))
        return NULL;
    if (!parse_u64(v, &run) || run > INT64_MAX) {
        fail(&r, r.line, "run must be a whole number, found '%.30s'", v);
        return NULL;
    }
    if (!(v = field(&r, "player")))
        return NULL;
    int player = player_actor(s, v);
    if (player < 0) {
        fail(&r, r.line, "player must be JPN or SOV, found '%.30s'", v);
        return NULL;
    }
    if (!(v = field(&r, "months")))
        return NULL;
    hk_month first = hk_date_month(s->start), last = hk_date_month(s->end);
    uint64_t span = (uint64_t)(last - first + 1);
    if (!parse_u64(v, &months) || months > span) {
        fail(&r, r.line, "months must be a whole number from 0 to %" PRIu64 ", found '%.30s'", span, v);
        return NULL;
    }
    hk_play_turn *turns = months ? calloc((size_t)months, sizeof *turns) : NULL;
    if (months && !turns) {
        fail(&r, r.line, "out of memory");
        return NULL;
    }
    for (uint64_t i = 0; i < months; i++) {
        if (parse_turn(&r, s, player, first + (hk_month)i, &turns[i]) != 0) {
            free(turns);
            return NULL;
        }
    }
    /* version 2: the digest of the state the game had reached */
    uint64_t want_state = 0;
    int state_line = 0;
    if (version >= 2) {
        if (!(v = field(&r, "state"))) {
            free(turns);
            return NULL;
        }
        state_line = r.line;
        bool ok = strlen(v) == 16;
        for (const char *p = v; ok && *p; p++) {
            int dg = (*p >= '0' && *p <= '9') ? *p - '0' : (*p >= 'a' && *p <= 'f') ? *p - 'a' + 10 : -1;
            ok = dg >= 0;
            want_state = want_state << 4 | (uint64_t)(dg < 0 ? 0 : dg);
        }
        if (!ok) {
            fail(&r, r.line, "state must be 16 lower-case hex digits, found '%.30s'", v);
            free(turns);
            return NULL;
        }
    }
    int extra = next_line(&r);
    if (extra != 0) {
        if (extra > 0) /* -1 has reported its own error */
            fail(&r, r.line, "unexpected line after the %" PRIu64 " turns: '%.40s'", months, r.buf);
        free(turns);
        return NULL;
    }

    hk_game *g = game_alloc(s, player, seed, run);
    if (!g) {
        free(turns);
        fail(&r, 1, "out of memory");
        return NULL;
    }
    for (uint64_t i = 0; i < months; i++) {
        if (hk_game_turn(g, turns[i].given ? &turns[i].orders : NULL, NULL) != 0) {
            fail(&r, 7 + (int)i, "cannot replay this turn: the game was already over");
            hk_game_free(g);
            free(turns);
            return NULL;
        }
    }
    free(turns);
    if (state_line > 0) {
        uint64_t reached = hk_game_digest(g);
        if (reached != want_state) {
            fail(&r, state_line,
                 "replaying the saved orders reaches another state than the game had when it was saved (digest "
                 "%016" PRIx64 ", saved %016" PRIx64 "): the save was made by another build of the model or on an "
                 "edited scenario; continue it with the hokushin and scenario that made it",
                 reached, want_state);
            hk_game_free(g);
            return NULL;
        }
    }
    return g;
}

hk_game *hk_game_load_path(const hk_scenario *s, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc(HK_SAVE_MAX_BYTES + 1);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    size_t n = fread(buf, 1, HK_SAVE_MAX_BYTES + 1, f);
    bool bad = ferror(f);
    fclose(f);
    hk_game *g = NULL;
    if (bad)
        snprintf(err, errlen, "%s: cannot read", path);
    else
        g = hk_game_load(s, buf, n, path, err, errlen);
    free(buf);
    return g;
}
