/* zhyp: command-line entry. One subcommand per job; each has --help. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *what;
} commands[] = {
    { "run",   cmd_run,   "boot a bare-metal s390x ELF (like qemu-system-s390x -kernel)" },
    { "user",  cmd_user,  "run a static s390x Linux program (like qemu-s390x)" },
    { "insns", cmd_insns, "list the instruction table (mnemonic, opcode, format, facility)" },
};

static void usage(FILE *f)
{
    fprintf(f, "usage: zhyp COMMAND [OPTIONS] ...\n\ncommands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].what);
    fprintf(f, "\n'zhyp COMMAND --help' describes a command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "zhyp: unknown command '%s' (try 'zhyp --help')\n", argv[1]);
    return 2;
}
