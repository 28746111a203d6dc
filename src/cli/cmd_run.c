/* `zhyp run --kernel FILE ...`: boot a bare-metal s390x image on the machine, as
 * `qemu-system-s390x -kernel` does, with the SCLP console on the terminal
 * (docs/cli.md, docs/boot.md). */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "zhyp/machine.h"

static void run_help(FILE *f)
{
    fprintf(f,
        "usage: zhyp run --kernel FILE [OPTIONS]\n"
        "       zhyp run --config FILE [OPTIONS]   (the hypervisor: zhyp run --config x --help)\n"
        "Boot a bare-metal s390x image: an ELF is loaded at its physical addresses and\n"
        "started with PSW 0x0000000180000000 at its entry; with --load, FILE is a raw\n"
        "binary. The SCLP console is on stdout (output) and stdin (input).\n\n"
        "  --kernel FILE        the image (an ELF unless --load is given)\n"
        "  --load ADDR          FILE is a raw binary, loaded at absolute ADDR and started\n"
        "                       there (unless --psw says otherwise)\n"
        "  --psw MASK:ADDR      start PSW (hex), e.g. 0x0000000180000000:0x10000\n"
        "  --mem SIZE           main storage, a multiple of 1M (K/M/G suffixes; default 128M)\n"
        "  --smp N              CPUs (default 1; CPU 0 starts, the others wait for SIGP)\n"
        "  --append TEXT        command line, placed at 0x10480\n"
        "  --max-insns N        stop after N instructions in all (exit status 124)\n"
        "  --no-shadow          guests under SIE walk both DAT stages on every TLB miss\n"
        "                       instead of using shadow translations (docs/sie.md)\n"
        "  --trace KINDS        print to stderr, KINDS a comma list of: insn (every\n"
        "                       instruction), pgm (program interruptions), sclp (service\n"
        "                       calls), sigp (SIGNAL PROCESSOR orders), sie (every exit\n"
        "                       from interpretive execution)\n"
        "  --help               this text\n\n"
        "Exit status: 0 when every CPU stopped, 3 on a disabled-wait PSW (printed to\n"
        "stderr) with no other CPU running, 4 when every CPU waits with nothing that can\n"
        "wake it, 124 at --max-insns, 1 for bad input.\n");
}

struct run_opts {
    struct machine_boot boot;
    unsigned long long mem, max_insns, smp;
    int trace_insn;
    bool no_shadow;
    uint32_t trace_pgm;
    unsigned trace_machine;
};

/* A hexadecimal or decimal address (no suffix, no sign). */
static int parse_addr(const char *s, uint64_t *out)
{
    char *end;
    if (!*s || *s == '-' || *s == '+')
        return -1;
    unsigned long long v = strtoull(s, &end, 0);
    if (*end)
        return -1;
    *out = v;
    return 0;
}

/* MASK:ADDR, a PSW that LPSWE would load without a specification exception. */
static int parse_psw(const char *s, struct machine_boot *b)
{
    char mask[32];
    const char *colon = strchr(s, ':');
    if (!colon || (size_t)(colon - s) >= sizeof(mask))
        return -1;
    memcpy(mask, s, (size_t)(colon - s));
    mask[colon - s] = 0;
    if (parse_addr(mask, &b->psw_mask) || parse_addr(colon + 1, &b->psw_addr))
        return -1;
    uint64_t m = b->psw_mask, a = b->psw_addr;
    if ((m & PSW_MASK_RESERVED) || ((m & PSW_MASK_EA) && !(m & PSW_MASK_BA)) || (a & 1))
        return -1;
    if (!(m & PSW_MASK_EA) && a > ((m & PSW_MASK_BA) ? 0x7fffffffULL : 0xffffffULL))
        return -1;
    b->psw_given = true;
    return 0;
}

static int parse_trace(const char *s, struct run_opts *o)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "%s", s);
    for (char *save, *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
        if (!strcmp(k, "insn"))
            o->trace_insn = 1;
        else if (!strcmp(k, "pgm"))
            o->trace_pgm = CPU_TRACE_PGM;
        else if (!strcmp(k, "sclp"))
            o->trace_machine |= MACHINE_TRACE_SCLP;
        else if (!strcmp(k, "sigp"))
            o->trace_machine |= MACHINE_TRACE_SIGP;
        else if (!strcmp(k, "sie"))
            o->trace_machine |= MACHINE_TRACE_SIE;
        else {
            fprintf(stderr, "zhyp run: --trace: unknown kind '%s' (known: insn, pgm, sclp, sigp, sie)\n", k);
            return 1;
        }
    }
    return 0;
}

static int bad(const char *opt, const char *val, const char *what)
{
    fprintf(stderr, "zhyp run: %s: '%s' is not %s\n", opt, val, what);
    return 1;
}

static int parse_one(int ch, const char *arg, struct run_opts *o)
{
    switch (ch) {
    case 'k': o->boot.path = arg; return 0;
    case 'a': o->boot.append = arg; return 0;
    case 'l':
        o->boot.raw = true;
        return parse_addr(arg, &o->boot.load_aa) ? bad("--load", arg, "an address") : 0;
    case 'p':
        return parse_psw(arg, &o->boot) ? bad("--psw", arg, "a valid MASK:ADDR PSW in hex") : 0;
    case 'm':
        if (cli_parse_size(arg, &o->mem) || !o->mem || (o->mem & 0xfffff))
            return bad("--mem", arg, "a positive multiple of 1M");
        return 0;
    case 's':
        if (cli_parse_size(arg, &o->smp) || !o->smp || o->smp > MACHINE_MAX_CPUS)
            return bad("--smp", arg, "a CPU count from 1 to 64");
        return 0;
    case 'n':
        return cli_parse_size(arg, &o->max_insns) || !o->max_insns ? bad("--max-insns", arg, "a positive count") : 0;
    case 't':
        return parse_trace(arg, o);
    case 'S':
        o->no_shadow = true;
        return 0;
    default:
        return 1;
    }
}

static int parse_run(int argc, char **argv, struct run_opts *o)
{
    static const struct option opts[] = {
        { "kernel", required_argument, NULL, 'k' }, { "load", required_argument, NULL, 'l' },
        { "psw", required_argument, NULL, 'p' }, { "mem", required_argument, NULL, 'm' },
        { "smp", required_argument, NULL, 's' }, { "append", required_argument, NULL, 'a' },
        { "max-insns", required_argument, NULL, 'n' }, { "trace", required_argument, NULL, 't' },
        { "no-shadow", no_argument, NULL, 'S' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (ch == 'h') {
            run_help(stdout);
            return -1;
        }
        if (ch == '?') {
            fprintf(stderr, "zhyp run: try 'zhyp run --help'\n");
            return 1;
        }
        if (parse_one(ch, optarg, o))
            return 1;
    }
    if (!o->boot.path || optind < argc) {
        fprintf(stderr, "zhyp run: %s (try 'zhyp run --help')\n",
                o->boot.path ? "unexpected argument" : "no --kernel given");
        return 1;
    }
    return 0;
}

static void report_end(const struct machine *m, enum machine_end end, unsigned long long max_insns)
{
    if (end == MACHINE_DISABLED_WAIT)
        fprintf(stderr, "zhyp run: disabled wait, PSW %016" PRIx64 " %016" PRIx64 "\n", m->wait_psw[0], m->wait_psw[1]);
    else if (end == MACHINE_IDLE)
        fprintf(stderr, "zhyp run: every CPU waits with nothing that can wake it\n");
    else if (end == MACHINE_INSN_LIMIT)
        fprintf(stderr, "zhyp run: stopped after --max-insns %llu instructions\n", max_insns);
    else if (end == MACHINE_ERROR)
        fprintf(stderr, "zhyp run: re-IPL: %s\n", m->err);
}

int cmd_run(int argc, char **argv)
{
    struct run_opts o = { .mem = 128ULL << 20, .smp = 1 };
    struct machine m;
    char err[512];
    for (int i = 1; i < argc; i++)
        if (!strncmp(argv[i], "--config", 8))
            return cmd_run_config(argc, argv);
    int rc = parse_run(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (machine_init(&m, o.mem, (unsigned)o.smp)) {
        fprintf(stderr, "zhyp run: --mem %llu: cannot reserve the storage\n", o.mem);
        return 1;
    }
    m.sclp.console_in = 0;
    m.trace = o.trace_machine;
    m.no_shadow = o.no_shadow;
    if (machine_boot(&m, &o.boot, err, sizeof(err))) {
        fprintf(stderr, "zhyp run: %s\n", err);
        machine_free(&m);
        return 1;
    }
    for (unsigned i = 0; i < m.ncpus; i++) {
        m.cpu[i]->trace = o.trace_insn;
        m.cpu[i]->trace_events = o.trace_pgm;
    }
    enum machine_end end = machine_run(&m, o.max_insns);
    fflush(stdout);
    report_end(&m, end, o.max_insns);
    machine_free(&m);
    return (int)end;
}
