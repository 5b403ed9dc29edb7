/* cmd_serve.c — 'hokushin serve': the page and the JSON API on a local
 * port (src/serve). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "serve/server.h"

static void serve_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin serve [--bind ADDRESS] [--port N] [--scenario DIR] [--threads K]\n"
            "\n"
            "Serves the page (the map, the timeline, the charts, a what-if explorer and a play\n"
            "panel) and its JSON API. Open the address it prints in a browser. Ctrl-C stops it.\n"
            "It listens on 127.0.0.1 only, unless --bind says otherwise: anyone who can reach\n"
            "the port can start long what-if runs.\n"
            "\n"
            "options:\n"
            "  --bind ADDRESS    address to listen on (default 127.0.0.1; 0.0.0.0 = every one)\n"
            "  --port N          port (default 8080; 0 = any free port, printed at start)\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --threads K       threads answering requests (default 4); what-ifs run on their own\n"
            "  -h, --help        this text\n"
            "\n"
            "API (docs/api.md, web/README.md):\n"
            "  GET    /api/params              settable keys, movable events, removable ids\n"
            "  GET    /api/replay              the replay document\n"
            "  POST   /api/simulate            {seed, until, set, without} -> JSON Lines\n"
            "  POST   /api/whatif              {runs, seed, set, without} -> 202 {job}\n"
            "  GET    /api/jobs/ID             progress, then the result; DELETE cancels\n"
            "  POST   /api/play                {as, seed} -> a game; then /api/play/ID/turn,\n"
            "                                  GET /api/play/ID/save, POST /api/play/load\n"
            "\n"
            "example:\n"
            "  hokushin serve --port 8080 &\n"
            "  curl -s localhost:8080/api/whatif -d '{\"runs\":500,\"without\":[\"neutrality_pact\"]}'\n");
}

static int parse_int(const char *opt, const char *v, int lo, int hi, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < lo || n > hi) {
        fprintf(stderr, "hokushin: %s needs a whole number from %d to %d, got '%s'\n", opt, lo, hi, v);
        return -1;
    }
    *out = (int)n;
    return 0;
}

int hk_cmd_serve(int argc, char **argv)
{
    hk_server_opts o = {.bind = "127.0.0.1", .port = 8080};
    const char *scenario_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            serve_usage(stdout);
            return HK_EXIT_OK;
        }
        static const char *const opts[] = {"--bind", "--port", "--scenario", "--threads"};
        const char *v;
        int which = hk_cli_pick("serve", serve_usage, opts, 4, argc, argv, &i, &v);
        if (which < 0)
            return HK_EXIT_USAGE;
        if (which == 0)
            o.bind = v;
        else if (which == 1 && parse_int("--port", v, 0, 65535, &o.port) != 0)
            return HK_EXIT_USAGE;
        else if (which == 2)
            scenario_path = v;
        else if (which == 3 && parse_int("--threads", v, 1, 64, &o.threads) != 0)
            return HK_EXIT_USAGE;
    }
    unsigned char addr[sizeof(struct in6_addr)];
    if (inet_pton(AF_INET, o.bind, addr) != 1 && inet_pton(AF_INET6, o.bind, addr) != 1) {
        fprintf(stderr, "hokushin: --bind '%s' is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1)\n", o.bind);
        return HK_EXIT_USAGE;
    }
    hk_scenario *s = hk_cli_load_scenario(scenario_path);
    if (!s)
        return HK_EXIT_USAGE;
    char err[512];
    int rc = hk_server_run(s, &o, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "hokushin: serve: %s\n", err);
    hk_scenario_free(s);
    return rc == 0 ? HK_EXIT_OK : HK_EXIT_FAIL;
}
