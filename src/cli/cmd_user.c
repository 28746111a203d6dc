/* `zhyp user [OPTIONS] PROG [ARGS...]` and `zhyp insns`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "zhyp/config.h"
#include "zhyp/user.h"
#include "../cpu/insn.h"

extern char **environ;

static void user_help(FILE *f)
{
    fprintf(f,
        "usage: zhyp user [OPTIONS] PROG [ARGS...]\n"
        "Run a static s390x Linux ELF executable, as qemu-s390x does.\n\n"
        "  --strace             print each system call to stderr\n"
        "  --trace insn         print each instruction to stderr (slow loop)\n"
        "  --max-insns N        stop after N instructions (exit status 124)\n"
        "  --coverage-out FILE  append the mnemonics of executed instructions to FILE\n"
        "  --stats              print instructions executed, host seconds and MIPS to stderr\n"
        "  --help               this text\n\n"
        "Exit status: the program's, or 128+signal when a program interruption ended it\n"
        "(SIGILL, SIGSEGV, SIGFPE as Linux maps them); 1 for bad input.\n");
}

int cli_parse_size(const char *s, unsigned long long *out)
{
    uint64_t v;
    if (conf_parse_size(s, &v))
        return -1;
    *out = v;
    return 0;
}

int cmd_user(int argc, char **argv)
{
    static const struct option opts[] = {
        { "strace", no_argument, NULL, 's' }, { "trace", required_argument, NULL, 't' },
        { "max-insns", required_argument, NULL, 'm' }, { "coverage-out", required_argument, NULL, 'c' },
        { "stats", no_argument, NULL, 'S' }, { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    struct user_opts o = { 0 };
    unsigned long long n;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (ch) {
        case 's': o.strace = true; break;
        case 't':
            if (strcmp(optarg, "insn")) {
                fprintf(stderr, "zhyp user: --trace: unknown kind '%s' (known: insn)\n", optarg);
                return 1;
            }
            o.trace = 1;
            break;
        case 'm':
            if (cli_parse_size(optarg, &n) || !n) {
                fprintf(stderr, "zhyp user: --max-insns: '%s' is not a positive count\n", optarg);
                return 1;
            }
            o.max_insns = n;
            break;
        case 'c': o.coverage_out = optarg; break;
        case 'S': o.stats = true; break;
        case 'h': user_help(stdout); return 0;
        default: user_help(stderr); return 1;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "zhyp user: no program given (try 'zhyp user --help')\n");
        return 1;
    }
    int status = user_run(argv[optind], argv + optind, environ, &o);
    return status < 0 ? 1 : status;
}

int cmd_insns(int argc, char **argv)
{
    bool unpriv_only = argc > 1 && !strcmp(argv[1], "--unprivileged");
    if (argc > 1 && !unpriv_only) {
        printf("usage: zhyp insns [--unprivileged]\nList the instruction table: mnemonic, opcode, "
               "format, facility, flags.\n");
        return strcmp(argv[1], "--help") ? 1 : 0;
    }
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        const struct insn_desc *d = &insn_table[id];
        if (unpriv_only && (d->flags & I_PRIV))
            continue;
        printf("%-8s %04x %-4s fac=%-3u%s\n", d->name, d->opcode, insn_fmt_name((enum insn_fmt)d->fmt),
               d->fac, (d->flags & I_PRIV) ? " priv" : "");
    }
    return 0;
}
