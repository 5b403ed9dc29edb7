/* cmd_play.c — 'hokushin play': take Japan's or the Soviet Union's decisions
 * month by month in the terminal while the model plays everyone else.
 *
 * Input is read line by line, so the same commands work typed at a terminal
 * or fed through a pipe; the end of input quits without saving. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "run/labels.h"
#include "cli/options.h"
#include "run/play.h"

#define PLAY_DEFAULT_SEED 1

static void play_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin play --as JPN|SOV [--seed N] [--load FILE] [--scenario DIR]\n"
            "\n"
            "Plays one history month by month: you give Japan's (JPN) or the Soviet Union's\n"
            "(SOV) orders, the model decides for every other actor. Each month shows the date,\n"
            "Japan's doctrine, the forces facing each other on the border, the treaties in\n"
            "force, the incidents and the month's events, then asks for your orders.\n"
            "\n"
            "At the prompt (a letter, optionally followed by its answer; enter keeps the\n"
            "default, which is to let the model decide):\n"
            "  d [n|s|x]    doctrine emphasis: north, south, none\n"
            "  r [r|w|k]    forces on the border: reinforce, withdraw, keep\n"
            "  p [N]        propose treaty N of the list (0 = none)\n"
            "  x [N]        denounce treaty N of the list (0 = none)\n"
            "  i [e|c|m]    border incidents: escalate, contain, as the model decides\n"
            "  w [y|n]      declare general war (asks to confirm)\n"
            "  m            forget this month's orders: the model decides\n"
            "  enter        end the turn\n"
            "  skip N       play N months with the model deciding\n"
            "  save FILE    save the game (a text file with a checksum)\n"
            "  load FILE    continue a saved game\n"
            "  quit         leave (nothing is saved)\n"
            "Once you give any order in a month, your side signs no treaty that month\n"
            "unless you propose it, and goes to war only if you declare it.\n"
            "\n"
            "options:\n"
            "  --as JPN|SOV      the side you play (required unless --load)\n"
            "  --seed N          random seed (default %d); the same seed and the same orders\n"
            "                    give the same game\n"
            "  --load FILE       continue a saved game\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  -h, --help        this text\n"
            "\n"
            "examples:\n"
            "  hokushin play --as JPN --seed 3\n"
            "  printf 'skip 276\\nd n\\n\\nsave g.save\\n' | hokushin play --as JPN\n",
            PLAY_DEFAULT_SEED);
}

typedef struct play_ui {
    const hk_scenario *s;
    hk_game *g;
    bool echo;      /* stdin is not a terminal: show what was read */
    bool quiet;     /* skipping: one line per month */
    bool given;     /* orders pending for the month */
    hk_orders orders;
} play_ui;

static const char *actor_id(const hk_scenario *s, int a)
{
    return (a >= 0 && a < s->n_actors) ? s->actors[a].id : "?";
}

static void on_event(void *ud, const hk_log_event *e)
{
    play_ui *ui = ud;
    if (ui->quiet && strcmp(e->kind, "incident") == 0)
        return;
    char date[16];
    hk_date_format(e->date, date);
    printf("  %-10s %-16s %s\n", date, e->kind ? e->kind : "", e->text ? e->text : (e->id ? e->id : ""));
}

static const char *doctrine_word(double d)
{
    return d > 0.2 ? "north" : d < -0.2 ? "south" : "undecided";
}

static void print_state(const play_ui *ui, const hk_month_summary *m)
{
    const hk_scenario *s = ui->s;
    char date[16];
    hk_month_format(m->month, date);
    double d = s->jpn >= 0 ? m->doctrine[s->jpn] : 0;
    if (ui->quiet) {
        printf("%s  doctrine %+.2f  incidents %d  battles %d%s\n", date, d, m->incidents, m->battles,
               m->at_war_jpn_sov ? "  AT WAR" : "");
        return;
    }
    printf("\n== %s ==%s  Japan's doctrine %+.2f (%s)   Japan-USSR war: %s\n", date,
           ui->g->have_last ? "" : " (before the first turn)", d, doctrine_word(d), m->at_war_jpn_sov ? "YES" : "no");
    printf("forces on the border (men, tanks, guns, aircraft):\n");
    for (int k = 0; k < s->n_sectors; k++) {
        const hk_side_forces *a = &m->forces[k][0], *b = &m->forces[k][1];
        printf("  %-14.14s %s %7.0f %5.0f %5.0f %5.0f  | %s %7.0f %5.0f %5.0f %5.0f  tension %.2f\n",
               s->sectors[k].id, actor_id(s, s->sectors[k].side[0]),
               a->men, a->tanks, a->guns, a->aircraft, actor_id(s, s->sectors[k].side[1]), b->men, b->tanks,
               b->guns, b->aircraft, m->tension[k]);
    }
    printf("treaties in force:");
    int n = 0;
    for (int t = 0; t < s->n_treaties; t++)
        if (m->treaty_in_force[t])
            printf("%s %s", n++ ? "," : "", s->treaties[t].id);
    printf("%s\n", n ? "" : " none");
    printf("incidents this month: %d   battles: %d\n", m->incidents, m->battles);
}

static void on_month(void *ud, const hk_month_summary *m)
{
    print_state(ud, m);
}

static bool player_party(const play_ui *ui, int t) { return hk_orders_party(ui->s, ui->g->player, t); }

/* The player's treaties, numbered from 1 in scenario order. */
static int treaty_by_number(const play_ui *ui, int n)
{
    int k = 0;
    for (int t = 0; t < ui->s->n_treaties; t++)
        if (player_party(ui, t) && ++k == n)
            return t;
    return -1;
}

static void print_treaties(const play_ui *ui)
{
    hk_month_summary m;
    hk_game_state(ui->g, &m);
    int k = 0;
    for (int t = 0; t < ui->s->n_treaties; t++) {
        if (!player_party(ui, t))
            continue;
        const hk_treaty *x = &ui->s->treaties[t];
        printf("  %2d  %-28s %s%s\n", ++k, x->id, m.treaty_in_force[t] ? "in force" : "not in force",
               ui->g->setup.treaty_forbidden[t] ? " (forbidden)" : "");
    }
    if (!k)
        printf("  (your side is party to no treaty of this scenario)\n");
}

static void print_orders(const play_ui *ui)
{
    char date[16];
    hk_month_format(hk_game_month(ui->g), date);
    printf("\norders for %s (%s): ", date, actor_id(ui->s, ui->g->player));
    if (!ui->given) {
        printf("the model decides\n");
    } else {
        const hk_orders *o = &ui->orders;
        printf("doctrine %s, forces %s, propose %s, denounce %s, incidents %s%s\n",
               o->doctrine_push > 0 ? "north" : o->doctrine_push < 0 ? "south" : "no change",
               o->reinforce > 0 ? "reinforce" : o->reinforce < 0 ? "withdraw" : "keep",
               o->propose_treaty >= 0 ? ui->s->treaties[o->propose_treaty].id : "none",
               o->denounce_treaty >= 0 ? ui->s->treaties[o->denounce_treaty].id : "none",
               hk_escalation_name(o->incidents), o->declare_war ? ", DECLARE WAR" : "");
    }
    printf("  d doctrine  r forces  p propose  x denounce  i incidents  w war  m model decides\n"
           "  enter = end turn   skip N   save FILE   load FILE   quit   ? help\n");
}

/* Reads one line without its end; false at the end of input. */
static bool read_line(play_ui *ui, char *buf, size_t len)
{
    fflush(stdout);
    if (!fgets(buf, (int)len, stdin))
        return false;
    size_t n = strlen(buf);
    bool whole = n > 0 && buf[n - 1] == '\n';
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    if (!whole && !feof(stdin)) { /* drop the rest of an overlong line */
        int c;
        while ((c = getchar()) != EOF && c != '\n')
            ;
    }
    if (ui->echo)
        printf("%s\n", buf);
    return true;
}

/* The answer given after the command letter, or asked for. NULL at the end
 * of input. */
static const char *answer(play_ui *ui, const char *arg, const char *question, char *buf, size_t len)
{
    while (*arg == ' ')
        arg++;
    if (*arg)
        return arg;
    printf("%s ", question);
    if (!read_line(ui, buf, len))
        return NULL;
    const char *a = buf;
    while (*a == ' ')
        a++;
    return a;
}

static void start_orders(play_ui *ui)
{
    if (!ui->given) {
        hk_orders_none(&ui->orders);
        ui->given = true;
    }
}

static void play_turn(play_ui *ui, const hk_orders *o)
{
    char date[16];
    hk_month_format(hk_game_month(ui->g), date);
    if (!ui->quiet)
        printf("\n-- %s: events --\n", date);
    hk_observer obs = {on_event, on_month, ui};
    hk_game_turn(ui->g, o, &obs);
    ui->given = false;
}

static void print_end(const play_ui *ui)
{
    hk_outcomes o, rec;
    hk_world_outcomes(ui->g->world, &o);
    bool have = hk_label_history(ui->g->scenario, &rec) == 0;
    printf("\nThe game is over. Outcomes (your game; history):\n");
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        char a[64], h[64];
        hk_label_outcome_value(i, hk_outcome_value(&o, i), a, sizeof a);
        hk_label_outcome_value(i, have ? hk_outcome_value(&rec, i) : NAN, h, sizeof h);
        printf("  %-50s %-10s %s\n  (%s)\n", hk_label_outcome(hk_outcome_table[i].name), a, h, hk_outcome_table[i].name);
    }
    printf("save FILE keeps the game; quit leaves.\n");
}

static int parse_count(const char *text, int *out)
{
    char *end;
    long n = strtol(text, &end, 10);
    while (*end == ' ')
        end++;
    if (end == text || *end || n < 0 || n > 100000)
        return -1;
    *out = (int)n;
    return 0;
}

/* One command line; returns false to leave. */
static bool command(play_ui *ui, char *line)
{
    char buf[512];
    char *p = line;
    while (*p == ' ')
        p++;
    char *arg = p;
    while (*arg && *arg != ' ')
        arg++;
    size_t wl = (size_t)(arg - p);
    const bool over = hk_game_over(ui->g);
#define IS(word) (wl == strlen(word) && strncmp(p, word, wl) == 0)
    if (wl == 0) {
        if (over) {
            printf("the game is over: save FILE or quit\n");
            return true;
        }
        play_turn(ui, ui->given ? &ui->orders : NULL);
        if (hk_game_over(ui->g))
            print_end(ui);
        return true;
    }
    if (IS("quit") || IS("q") || IS("exit"))
        return false;
    if (IS("?") || IS("help") || IS("h")) {
        play_usage(stdout);
        return true;
    }
    if (IS("save") || IS("load")) {
        while (*arg == ' ')
            arg++;
        if (!*arg) {
            printf("%s needs a file name, e.g. '%.4s game.save'\n", IS("save") ? "save" : "load", p);
            return true;
        }
        char err[512];
        if (IS("save")) {
            if (hk_game_save_path(ui->g, arg, err, sizeof err) != 0)
                fprintf(stderr, "%s\n", err);
            else
                printf("saved to %s\n", arg);
            return true;
        }
        hk_game *g = hk_game_load_path(ui->s, arg, err, sizeof err);
        if (!g) {
            fprintf(stderr, "%s\n", err);
            return true;
        }
        hk_game_free(ui->g);
        ui->g = g;
        ui->given = false;
        printf("loaded %s: %s, seed %" PRIu64 ", %d months played\n", arg, actor_id(ui->s, g->player), g->seed,
               g->n_turns);
        hk_month_summary m;
        hk_game_state(g, &m);
        print_state(ui, &m);
        return true;
    }
    if (over) {
        printf("the game is over: save FILE or quit\n");
        return true;
    }
    if (IS("skip")) {
        int n;
        while (*arg == ' ')
            arg++;
        if (parse_count(*arg ? arg : "1", &n) != 0) {
            printf("skip needs a number of months, e.g. 'skip 12'\n");
            return true;
        }
        ui->quiet = true;
        for (int i = 0; i < n && !hk_game_over(ui->g); i++) {
            bool last = i == n - 1;
            ui->quiet = !last;
            play_turn(ui, NULL);
        }
        ui->quiet = false;
        if (hk_game_over(ui->g))
            print_end(ui);
        return true;
    }
    if (IS("m")) {
        ui->given = false;
        return true;
    }
    const char *a;
    if (IS("d")) {
        if (!(a = answer(ui, arg, "doctrine emphasis: n)orth s)outh x)none [x]:", buf, sizeof buf)))
            return false;
        start_orders(ui);
        ui->orders.doctrine_push = (*a == 'n') ? 1 : (*a == 's') ? -1 : 0;
        if (*a && !strchr("nsx", *a))
            printf("'%s': keeping no emphasis (n, s or x)\n", a);
    } else if (IS("r")) {
        if (!(a = answer(ui, arg, "forces on the border: r)einforce w)ithdraw k)eep [k]:", buf, sizeof buf)))
            return false;
        start_orders(ui);
        ui->orders.reinforce = (*a == 'r') ? 0.5 : (*a == 'w') ? -0.5 : 0;
        if (*a && !strchr("rwk", *a))
            printf("'%s': keeping the forces as they are (r, w or k)\n", a);
    } else if (IS("p") || IS("x")) {
        bool propose = IS("p");
        if (!*arg)
            print_treaties(ui);
        if (!(a = answer(ui, arg, propose ? "propose treaty number [0 = none]:" : "denounce treaty number [0 = none]:",
                         buf, sizeof buf)))
            return false;
        int n = 0, t = -1;
        if (*a && (parse_count(a, &n) != 0 || (n > 0 && (t = treaty_by_number(ui, n)) < 0))) {
            printf("'%s' is not a number of the list:\n", a);
            print_treaties(ui);
            return true;
        }
        start_orders(ui);
        if (propose)
            ui->orders.propose_treaty = t;
        else
            ui->orders.denounce_treaty = t;
    } else if (IS("i")) {
        if (!(a = answer(ui, arg, "border incidents: e)scalate c)ontain m)odel decides [m]:", buf, sizeof buf)))
            return false;
        start_orders(ui);
        ui->orders.incidents = (*a == 'e') ? HK_ESC_ESCALATE : (*a == 'c') ? HK_ESC_CONTAIN : HK_ESC_MODEL;
    } else if (IS("w")) {
        if (!(a = answer(ui, arg, "declare general war? y/N:", buf, sizeof buf)))
            return false;
        start_orders(ui);
        ui->orders.declare_war = (*a == 'y' || *a == 'Y');
    } else {
        printf("unknown command '%.*s': ? lists the commands\n", (int)wl, p);
        return true;
    }
#undef IS
    return true;
}

int hk_cmd_play(int argc, char **argv)
{
    const char *as = NULL, *load = NULL, *scenario_path = NULL;
    uint64_t seed = PLAY_DEFAULT_SEED;
    const hk_opt options[] = {
        HK_OPT_TEXT_("--as", &as),
        HK_OPT_SEED_("--seed", &seed),
        HK_OPT_TEXT_("--load", &load),
        HK_OPT_TEXT_("--scenario", &scenario_path),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("play", play_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    if (!as && !load) {
        fprintf(stderr, "hokushin: play needs --as JPN (Japan) or --as SOV (the Soviet Union), or --load FILE\n");
        return HK_EXIT_USAGE;
    }
    hk_scenario *s = hk_cli_load_scenario(scenario_path);
    if (!s)
        return HK_EXIT_USAGE;
    char err[512];
    hk_game *g = load ? hk_game_load_path(s, load, err, sizeof err) : hk_game_new(s, as, seed, err, sizeof err);
    if (!g) {
        fprintf(stderr, load ? "%s\n" : "hokushin: %s\n", err);
        hk_scenario_free(s);
        return HK_EXIT_USAGE;
    }
    if (load && as && strcmp(as, s->actors[g->player].id) != 0)
        fprintf(stderr, "hokushin: note: %s was saved playing %s; --as %s is ignored\n", load,
                s->actors[g->player].id, as);

    play_ui ui = {.s = s, .g = g, .echo = !isatty(STDIN_FILENO)};
    printf("hokushin play: you play %s (seed %" PRIu64 "). '?' lists the commands.\n",
           s->actors[g->player].name ? s->actors[g->player].name : s->actors[g->player].id, g->seed);
    hk_month_summary m;
    hk_game_state(g, &m);
    print_state(&ui, &m);
    char line[1024];
    for (;;) {
        if (hk_game_over(ui.g))
            printf("\n(game over) save FILE | load FILE | quit\n> ");
        else {
            print_orders(&ui);
            printf("> ");
        }
        if (!read_line(&ui, line, sizeof line))
            break;
        if (!command(&ui, line))
            break;
    }
    printf("\n");
    hk_game_free(ui.g);
    hk_scenario_free(s);
    return HK_EXIT_OK;
}
