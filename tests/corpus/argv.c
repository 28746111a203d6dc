/* Reads its command line: prints argc and argv[1..] (never argv[0], whose path depends
 * on how the program was started), checks argv[argc] == NULL, parses a number if one is
 * given, and exits with argc as its status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("argc = %d\n", argc);
    for (int i = 1; i < argc; i++) {
        unsigned h = 5381;
        for (const char *p = argv[i]; *p; p++) h = h * 33 + (unsigned char)*p;
        printf("argv[%d] = \"%s\" (length %zu, djb2 %08x)\n", i, argv[i], strlen(argv[i]), h);
    }
    if (argv[argc] != NULL) {
        printf("FAIL: argv[argc] is not NULL\n");
        return 100;
    }
    if (argc > 1) {
        char *end;
        long v = strtol(argv[1], &end, 0);
        printf("argv[1] as a number: %s\n", *end || end == argv[1] ? "not a number" : "ok");
        if (!*end && end != argv[1]) printf("value %ld\n", v);
        /* argv strings are writable */
        argv[1][0] = (char)(argv[1][0] ^ 0x20);
        printf("case-flipped first letter: %s\n", argv[1]);
    }
    return argc;
}
