/* `zhyp run --kernel FILE ...`: boot a bare-metal s390x ELF on the machine, as
 * `qemu-system-s390x -kernel` does, with the SCLP console on the terminal. */
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
        "Boot a bare-metal s390x ELF image (loaded at its physical addresses, started with\n"
        "PSW 0x0000000180000000 at its entry), with the SCLP console on stdout.\n\n"
        "  --kernel FILE        the ELF image\n"
        "  --mem SIZE           main storage, a multiple of 1M (K/M/G suffixes; default 128M)\n"
        "  --smp N              CPUs (default 1; CPU 0 starts, the others wait for SIGP)\n"
        "  --append TEXT        command line, placed at 0x10480\n"
        "  --max-insns N        stop after N instructions in all (exit status 124)\n"
        "  --trace insn         print every instruction to stderr\n"
        "  --help               this text\n\n"
        "Exit status: 0 when every CPU stopped, 3 on a disabled-wait PSW (printed to\n"
        "stderr), 4 when every CPU waits with nothing that can wake it, 124 at\n"
        "--max-insns, 1 for bad input.\n");
}

struct run_opts {
    const char *kernel, *append;
    unsigned long long mem, max_insns, smp;
    int trace;
};

static int parse_run(int argc, char **argv, struct run_opts *o)
{
    static const struct option opts[] = {
        { "kernel", required_argument, NULL, 'k' }, { "mem", required_argument, NULL, 'm' },
        { "smp", required_argument, NULL, 's' }, { "append", required_argument, NULL, 'a' },
        { "max-insns", required_argument, NULL, 'n' }, { "trace", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'k': o->kernel = optarg; break;
        case 'a': o->append = optarg; break;
        case 'm':
            if (cli_parse_size(optarg, &o->mem) || !o->mem || (o->mem & 0xfffff)) {
                fprintf(stderr, "zhyp run: --mem: '%s' is not a positive multiple of 1M\n", optarg);
                return 1;
            }
            break;
        case 's':
            if (cli_parse_size(optarg, &o->smp) || !o->smp || o->smp > MACHINE_MAX_CPUS) {
                fprintf(stderr, "zhyp run: --smp: '%s' is not a CPU count from 1 to %d\n", optarg, MACHINE_MAX_CPUS);
                return 1;
            }
            break;
        case 'n':
            if (cli_parse_size(optarg, &o->max_insns) || !o->max_insns) {
                fprintf(stderr, "zhyp run: --max-insns: '%s' is not a positive count\n", optarg);
                return 1;
            }
            break;
        case 't':
            if (strcmp(optarg, "insn")) {
                fprintf(stderr, "zhyp run: --trace: unknown kind '%s' (known: insn)\n", optarg);
                return 1;
            }
            o->trace = 1;
            break;
        case 'h': run_help(stdout); return -1;
        default: run_help(stderr); return 1;
        }
    }
    if (!o->kernel || optind < argc) {
        fprintf(stderr, "zhyp run: %s (try 'zhyp run --help')\n",
                o->kernel ? "unexpected argument" : "no --kernel given");
        return 1;
    }
    return 0;
}

int cmd_run(int argc, char **argv)
{
    struct run_opts o = { .mem = 128ULL << 20, .smp = 1 };
    struct machine m;
    char err[512];
    int rc = parse_run(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (machine_init(&m, o.mem, (unsigned)o.smp)) {
        fprintf(stderr, "zhyp run: --mem %llu: cannot reserve the storage\n", o.mem);
        return 1;
    }
    if (machine_boot_elf(&m, o.kernel, o.append, err, sizeof(err))) {
        fprintf(stderr, "zhyp run: %s\n", err);
        machine_free(&m);
        return 1;
    }
    for (unsigned i = 0; i < m.ncpus; i++)
        m.cpu[i]->trace = o.trace;
    enum machine_end end = machine_run(&m, o.max_insns);
    fflush(stdout);
    if (end == MACHINE_DISABLED_WAIT)
        fprintf(stderr, "zhyp run: disabled wait, PSW %016" PRIx64 " %016" PRIx64 "\n", m.wait_psw[0], m.wait_psw[1]);
    else if (end == MACHINE_IDLE)
        fprintf(stderr, "zhyp run: every CPU waits with nothing that can wake it\n");
    else if (end == MACHINE_INSN_LIMIT)
        fprintf(stderr, "zhyp run: stopped after --max-insns %llu instructions\n", o.max_insns);
    machine_free(&m);
    return (int)end;
}
