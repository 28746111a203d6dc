/* Shared by the gen_trap_*.c programs: each writes one line straight to stdout (not
 * through rt's buffer, which the interruption would lose), then runs one instruction
 * that must end the program with a program interruption. run-diff.sh compares the
 * exit status (128 + the signal Linux maps the interruption to) with qemu's. */
#ifndef GEN_TRAP_H
#define GEN_TRAP_H

#include "rt.h"

static inline void say(const char *s)
{
    long n = 0;
    while (s[n])
        n++;
    register long r1 asm("1") = 4;           /* write(1, s, n) */
    register long r2 asm("2") = 1;
    register long r3 asm("3") = (long)s;
    register long r4 asm("4") = n;
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
}

/* 64 bytes, 16-aligned: bytes 0-31 zero, bytes 32-63 non-zero. */
static u8 trap_area[64] __attribute__((aligned(16), unused)) = {
    [32] = 0x80, [33] = 1, [34] = 2, [35] = 3, [36] = 4, [37] = 5, [38] = 6, [39] = 7,
    [40] = 0x80, [48] = 0x80, [56] = 0x80,
};

#endif
