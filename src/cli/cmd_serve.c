/* cmd_serve.c — 'hokushin serve': the page and the JSON API on a local
 * port (src/serve). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "run/inputs.h"
#include "serve/api.h"
#include "serve/ids.h"
#include "serve/server.h"

static void serve_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin serve [--bind ADDRESS] [--port N] [--scenario DIR] [--threads K]\n"
            "                      [--token TOKEN] [--max-runs N] [--client-connections N]\n"
            "\n"
            "Serves the page (the map, the timeline, the charts, a what-if explorer and a play\n"
            "panel) and its JSON API. Open the address it prints in a browser. Ctrl-C stops it.\n"
            "It listens on 127.0.0.1 only, unless --bind says otherwise. It answers only to\n"
            "its own names (localhost, 127.0.0.1, [::1], the bound address), and takes POST\n"
            "and DELETE only as JSON from its own page or from clients that send no Origin,\n"
            "so no other web site can drive it. On any other address it warns, and every\n"
            "/api/ request must carry a token: the one --token gives, else one it makes and\n"
            "prints. Game and job ids are 128 random bits; a game is dropped after 6 hours\n"
            "without a turn. One client may run 2 what-ifs at once, the server 4.\n"
            "\n"
            "options:\n"
            "  --bind ADDRESS    address to listen on (default 127.0.0.1; 0.0.0.0 = every one)\n"
            "  --port N          port (default 8080; 0 = any free port, printed at start)\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --threads K       threads answering requests (default 4); what-ifs run on their own\n"
            "  --token TOKEN     require 'Authorization: Bearer TOKEN' on /api/ (16 to 128 of\n"
            "                    A-Z a-z 0-9 -._~+/); 'generate' makes one; also read from the\n"
            "                    HOKUSHIN_TOKEN environment variable\n"
            "  --max-runs N      most runs one what-if may ask for (default 100000, up to 100000000)\n"
            "  --client-connections N  most connections one address may hold (default 32)\n"
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
            "  curl -s localhost:8080/api/whatif -H 'Content-Type: application/json' \\\n"
            "       -d '{\"runs\":500,\"without\":[\"neutrality_pact\"]}'\n");
}

static int parse_int(const char *opt, const char *v, int64_t lo, int64_t hi, int64_t *out)
{
    char err[256];
    if (hk_input_count(v, lo, hi, NULL, out, err, sizeof err) != 0) {
        fprintf(stderr, "hokushin: %s %s\n", opt, err);
        return -1;
    }
    return 0;
}

int hk_cmd_serve(int argc, char **argv)
{
    hk_server_opts o = {.bind = "127.0.0.1", .port = 8080};
    const char *scenario_path = NULL;
    int64_t n;
    o.token = getenv("HOKUSHIN_TOKEN");
    if (o.token && !*o.token)
        o.token = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            serve_usage(stdout);
            return HK_EXIT_OK;
        }
        static const char *const opts[] = {"--bind",  "--port",     "--scenario",          "--threads",
                                           "--token", "--max-runs", "--client-connections"};
        const char *v;
        int which = hk_cli_pick("serve", serve_usage, opts, 7, argc, argv, &i, &v);
        if (which < 0)
            return HK_EXIT_USAGE;
        if (which == 0) {
            o.bind = v;
        } else if (which == 1) {
            if (parse_int("--port", v, 0, 65535, &n) != 0)
                return HK_EXIT_USAGE;
            o.port = (int)n;
        } else if (which == 2) {
            scenario_path = v;
        } else if (which == 3) {
            if (parse_int("--threads", v, 1, 64, &n) != 0)
                return HK_EXIT_USAGE;
            o.threads = (int)n;
        } else if (which == 4) {
            o.token = v;
        } else if (which == 5) {
            if (parse_int("--max-runs", v, 1, HK_API_LIMIT_MAX_RUNS, &o.max_runs) != 0)
                return HK_EXIT_USAGE;
        } else if (which == 6) {
            if (parse_int("--client-connections", v, 1, 512, &n) != 0)
                return HK_EXIT_USAGE;
            o.client_connections = (int)n;
        }
    }
    unsigned char addr[sizeof(struct in6_addr)];
    if (inet_pton(AF_INET, o.bind, addr) != 1 && inet_pton(AF_INET6, o.bind, addr) != 1) {
        fprintf(stderr, "hokushin: --bind '%s' is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1)\n", o.bind);
        return HK_EXIT_USAGE;
    }
    /* Beyond loopback a token is required: made here when none is given. */
    char made[2 * HK_ID_HEX + 1];
    if ((o.token && strcmp(o.token, "generate") == 0) || (!o.token && !hk_api_is_loopback(o.bind))) {
        if (hk_id_new(made) != 0 || hk_id_new(made + HK_ID_HEX) != 0) {
            fprintf(stderr, "hokushin: serve: the operating system gives no random bytes for a token\n");
            return HK_EXIT_FAIL;
        }
        o.token = made;
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
