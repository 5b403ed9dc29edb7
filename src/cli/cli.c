/* cli.c — what the commands share: scenario loading, overrides, option
 * values, and reporting a standard output that could not be written. */
#include "cli/cli.h"

#include "run/inputs.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

hk_scenario *hk_cli_load_scenario(const char *path)
{
    hk_diag diag;
    hk_diag_init(&diag);
    hk_scenario *s = path ? hk_scenario_load_dir(path, &diag) : hk_scenario_load_builtin(&diag);
    if (!s || hk_diag_failed(&diag)) {
        hk_diag_print(&diag, stderr);
        fprintf(stderr, "hokushin: the scenario has %d error%s; 'hokushin check%s%s' lists them\n",
                diag.count, diag.count == 1 ? "" : "s", path ? " --scenario " : "", path ? path : "");
        hk_diag_free(&diag);
        if (s)
            hk_scenario_free(s);
        return NULL;
    }
    hk_diag_free(&diag);
    return s;
}

/* Every --set, --without and --decide applied in turn; -1 with the first
 * error printed. */
static int apply_args(hk_setup *setup, const hk_setup_args *a)
{
    char err[768];
    for (int i = 0; i < a->n_sets; i++) {
        if (hk_input_set(setup, a->sets[i], err, sizeof err) != 0) {
            fprintf(stderr, "hokushin: --set %s\n", err);
            return -1;
        }
    }
    for (int i = 0; i < a->n_withouts; i++) {
        if (hk_input_without(setup, a->withouts[i], err, sizeof err) != 0) {
            fprintf(stderr, "hokushin: --without %s\n", err);
            return -1;
        }
    }
    for (int i = 0; i < a->n_decides; i++)
        if (hk_setup_decide(setup, a->decides[i], err, sizeof err) != 0) {
            fprintf(stderr, "hokushin: --decide %s: %s\n", a->decides[i], err);
            return -1;
        }
    return 0;
}

bool hk_cli_parse_setup(const char *cmd, void (*usage)(FILE *), const hk_opt *opts, int argc, char **argv,
                        const hk_setup_args *a, hk_scenario **s, hk_setup *setup, int *status)
{
    int parsed = hk_cli_parse(cmd, usage, opts, argc, argv);
    if (parsed != HK_CLI_PARSED) {
        *status = hk_cli_parse_status(parsed);
        return false;
    }
    if (hk_cli_setup(a, s, setup) != 0) {
        *status = HK_EXIT_USAGE;
        return false;
    }
    return true;
}

int hk_cli_setup(const hk_setup_args *a, hk_scenario **s, hk_setup *setup)
{
    *s = hk_cli_load_scenario(a->scenario_path);
    if (!*s)
        return -1;
    hk_setup_init(setup, *s);
    if (apply_args(setup, a) != 0) {
        hk_scenario_free(*s);
        *s = NULL;
        return -1;
    }
    return 0;
}

/* Seeds and counts are read by run/inputs.c, the rules the web API uses. */
int hk_cli_parse_u64(const char *opt, const char *text, uint64_t *out)
{
    char err[256];
    if (hk_input_seed(text, out, err, sizeof err) != 0) {
        if (strstr(opt, "seed"))
            fprintf(stderr, "hokushin: %s %s\n", opt, err);
        else
            fprintf(stderr, "hokushin: %s needs a whole number, got '%s'\n", opt, text ? text : "");
        return -1;
    }
    return 0;
}

int hk_cli_parse_month(const char *opt, const char *text, hk_month *out)
{
    char err[256];
    if (hk_input_month(NULL, text, out, err, sizeof err) != 0) {
        fprintf(stderr, "hokushin: %s %s\n", opt, err);
        return -1;
    }
    return 0;
}

int hk_cli_pick(const char *cmd, void (*usage)(FILE *), const char *const *opts, int n_opts, int argc, char **argv,
                int *i, const char **value)
{
    const char *a = argv[*i];
    int which = -1;
    *value = NULL;
    for (int k = 0; k < n_opts && which < 0; k++) {
        size_t n = strlen(opts[k]);
        if (strncmp(a, opts[k], n) == 0 && (a[n] == '\0' || a[n] == '=')) {
            which = k;
            if (a[n] == '=')
                *value = a + n + 1;
            else if (*i + 1 < argc)
                *value = argv[++*i];
        }
    }
    if (which < 0) {
        fprintf(stderr, "hokushin: %s: unknown option '%s'\n\n", cmd, a);
        usage(stderr);
        return -1;
    }
    if (!*value) {
        fprintf(stderr, "hokushin: %s needs a value (see 'hokushin %s --help')\n", opts[which], cmd);
        return -1;
    }
    return which;
}

int hk_cli_finish_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "hokushin: cannot write to standard output\n");
        return HK_EXIT_FAIL;
    }
    return status;
}

int hk_cli_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    return n >= 40 && n <= 1000 ? n : 0;
}

void hk_cli_wrap(FILE *out, int col, int indent, int width, const char *text)
{
    if (width <= 0 || !text) {
        fprintf(out, "%s\n", text ? text : "");
        return;
    }
    const char *p = text;
    bool first = true;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *end = p;
        while (*end && *end != ' ')
            end++;
        int len = 0; /* display columns: one per UTF-8 code point */
        for (const char *q = p; q < end; q++)
            len += ((unsigned char)*q & 0xc0) != 0x80;
        if (!first && col + 1 + len > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, (size_t)(end - p), out);
        col += len;
        first = false;
        p = end;
    }
    fputc('\n', out);
}
