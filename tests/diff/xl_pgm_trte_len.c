/* Differential test (ends with a signal): TRTE with two-byte arguments (A) and an odd
 * length is a specification exception (PGM 6, SIGILL). qemu-s390x 7.2 lacks TRTE: its
 * operation exception is SIGILL as well. */
#include "rt.h"

int main(void)
{
    static u8 s[8], t[256];
    register u64 r1 asm("r1") = (u64)t;
    register u64 r2 asm("r2") = (u64)s;
    register u64 r3 asm("r3") = 3;
    asm volatile("trte %%r2,%%r4,8" : "+d"(r2), "+d"(r3) : "d"(r1) : "r4", "cc", "memory");
    rt_exit(0);
}
