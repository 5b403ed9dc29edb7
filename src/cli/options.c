/* options.c — reading argv against a command's table of options. */
#include "cli/options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "run/inputs.h"

/* A whole number from lo to hi, by run/inputs.c's rule (digits only: no
 * sign, no spaces), with one message for every way it can be wrong, so
 * that -1, 0 and 2000 are not answered with ranges that contradict each
 * other. */
static int parse_count(const hk_opt *o, const char *text)
{
    char err[256];
    int64_t v;
    if (hk_input_count(text, (int64_t)o->lo, (int64_t)o->hi, NULL, &v, err, sizeof err) != 0) {
        fprintf(stderr, "hokushin: %s needs a whole number from %lld%s to %lld, got '%s'\n", o->name,
                (long long)o->lo, o->lo_note ? o->lo_note : "", (long long)o->hi, text);
        return -1;
    }
    *(int64_t *)o->out = v;
    return 0;
}

static int take_value(const char *cmd, const hk_opt *o, const char *v)
{
    switch (o->kind) {
    case HK_OPT_TEXT:
    case HK_OPT_MAYBE:
        *(const char **)o->out = v;
        return 0;
    case HK_OPT_SEED:
        return hk_cli_parse_u64(o->name, v, o->out);
    case HK_OPT_COUNT:
        return parse_count(o, v);
    case HK_OPT_MONTH:
        return hk_cli_parse_month(o->name, v, o->out);
    case HK_OPT_LIST:
        if (*o->count >= o->hi) {
            fprintf(stderr, "hokushin: at most %lld %s options\n", (long long)o->hi, o->name);
            return -1;
        }
        ((char **)o->out)[(*o->count)++] = (char *)v;
        return 0;
    case HK_OPT_CUSTOM:
        return o->parse(o->name, v, o->out);
    case HK_OPT_FLAG:
        break;
    }
    fprintf(stderr, "hokushin: %s: %s takes no value\n", cmd, o->name);
    return -1;
}

int hk_cli_parse(const char *cmd, void (*usage)(FILE *), const hk_opt *opts, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return HK_CLI_HELP;
        }
        const hk_opt *o = NULL;
        const char *v = NULL;
        for (const hk_opt *k = opts; k->name && !o; k++) {
            size_t n = strlen(k->name);
            if (strncmp(a, k->name, n) == 0 && (a[n] == '\0' || a[n] == '=')) {
                o = k;
                v = a[n] == '=' ? a + n + 1 : NULL;
            }
        }
        if (!o) {
            fprintf(stderr, "hokushin: %s: unknown option '%s' (see 'hokushin %s --help')\n\n", cmd, a, cmd);
            usage(stderr);
            return HK_CLI_BAD;
        }
        if (o->given)
            *o->given = true;
        if (o->kind == HK_OPT_FLAG) {
            if (v) {
                fprintf(stderr, "hokushin: %s: %s takes no value\n", cmd, o->name);
                return HK_CLI_BAD;
            }
            *(bool *)o->out = true;
            continue;
        }
        if (!v && o->kind == HK_OPT_MAYBE) {
            *(const char **)o->out = i + 1 < argc && argv[i + 1][0] != '-' ? argv[++i] : "";
            continue;
        }
        if (!v)
            v = i + 1 < argc ? argv[++i] : NULL;
        /* An empty value ("--scenario=") is as missing as no value at all. */
        if (!v || !*v) {
            fprintf(stderr, "hokushin: %s needs a value (see 'hokushin %s --help')\n", o->name, cmd);
            return HK_CLI_BAD;
        }
        if (take_value(cmd, o, v) != 0)
            return HK_CLI_BAD;
    }
    return HK_CLI_PARSED;
}
