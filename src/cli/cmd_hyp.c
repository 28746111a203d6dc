/* `zhyp run --config FILE ...`: the hypervisor with the guests of a host configuration
 * (docs/cli.md, docs/config.md, docs/hypervisor.md). */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "zhyp/hyp.h"

static void hyp_help(FILE *f)
{
    fprintf(f,
        "usage: zhyp run --config FILE [OPTIONS]\n"
        "Run the guests of a host configuration (docs/config.md) under the hypervisor, in\n"
        "deterministic virtual time. Each guest's console goes to OUT/NAME.console (and to\n"
        "the terminal, prefixed with its name, for console = terminal); the statistics to\n"
        "OUT/stats.csv and OUT/stats.json at the end.\n\n"
        "  --config FILE        the host configuration\n"
        "  --out DIR            where consoles and statistics go (default zhyp-out)\n"
        "  --time-limit SECS    end the run at this virtual time (exit status 124)\n"
        "  --stats-every SECS   also write the statistics every SECS of virtual time\n"
        "  --progress           a status line on stderr every virtual second\n"
        "  --no-shadow          guests walk both DAT stages (docs/sie.md)\n"
        "  --trace KINDS        to stderr, a comma list of: icpt (interceptions), sched\n"
        "                       (dispatch, wait, wake), sie (every SIE exit)\n"
        "  --help               this text\n\n"
        "Exit status: 0 when every guest ended, 4 when guests are left but nothing can\n"
        "wake them, 124 at --time-limit, 1 for bad input or a failure to write.\n");
}

/* Seconds as a decimal ("0.5", "10") to nanoseconds; 0 on success. */
static int parse_seconds(const char *s, uint64_t *ns)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v > 0) || v > 1e9)
        return -1;
    *ns = (uint64_t)(v * 1e9 + 0.5);
    return 0;
}

static int parse_trace(const char *s, unsigned *trace)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "%s", s);
    for (char *save, *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
        if (!strcmp(k, "icpt"))
            *trace |= HYP_TRACE_ICPT;
        else if (!strcmp(k, "sched"))
            *trace |= HYP_TRACE_SCHED;
        else if (!strcmp(k, "sie"))
            *trace |= HYP_TRACE_SIE;
        else {
            fprintf(stderr, "zhyp run: --trace: unknown kind '%s' (known with --config: icpt, sched, sie)\n", k);
            return 1;
        }
    }
    return 0;
}

static int parse_hyp(int argc, char **argv, const char **config, struct hyp_opts *o)
{
    static const struct option opts[] = {
        { "config", required_argument, NULL, 'c' }, { "out", required_argument, NULL, 'o' },
        { "time-limit", required_argument, NULL, 'T' }, { "stats-every", required_argument, NULL, 'E' },
        { "progress", no_argument, NULL, 'P' }, { "no-shadow", no_argument, NULL, 'S' },
        { "trace", required_argument, NULL, 't' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'c': *config = optarg; break;
        case 'o': o->out_dir = optarg; break;
        case 'P': o->progress = true; break;
        case 'S': o->no_shadow = true; break;
        case 'h': hyp_help(stdout); return -1;
        case 't': if (parse_trace(optarg, &o->trace)) return 1; break;
        case 'T': case 'E':
            if (parse_seconds(optarg, ch == 'T' ? &o->time_limit_ns : &o->stats_every_ns)) {
                fprintf(stderr, "zhyp run: %s: '%s' is not a positive number of seconds\n",
                        ch == 'T' ? "--time-limit" : "--stats-every", optarg);
                return 1;
            }
            break;
        default:
            fprintf(stderr, "zhyp run: try 'zhyp run --config FILE --help'\n");
            return 1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "zhyp run: unexpected argument '%s' (try 'zhyp run --config FILE --help')\n", argv[optind]);
        return 1;
    }
    return 0;
}

static void report_end(enum hyp_end end, const char *err)
{
    if (end == HYP_END_IDLE)
        fprintf(stderr, "zhyp run: guests are left, but every vCPU waits with nothing that can wake it\n");
    else if (end == HYP_END_TIME_LIMIT)
        fprintf(stderr, "zhyp run: stopped at --time-limit\n");
    else if (end == HYP_END_ERROR)
        fprintf(stderr, "zhyp run: %s\n", err);
}

int cmd_run_config(int argc, char **argv)
{
    const char *config = NULL;
    struct hyp_opts o = { 0 };
    struct host_conf hc;
    struct hyp *h = NULL;
    char err[1024] = "";
    int rc = parse_hyp(argc, argv, &config, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (conf_load(config, &hc, err, sizeof(err))) {
        fprintf(stderr, "zhyp run: %s\n", err);
        return 1;
    }
    enum hyp_end end = HYP_END_ERROR;
    if (hyp_create(&h, &hc, &o, err, sizeof(err)) == 0)
        end = hyp_run(h, err, sizeof(err));
    fflush(stdout);
    report_end(end, err);
    hyp_destroy(h);
    conf_free(&hc);
    return (int)end;
}
