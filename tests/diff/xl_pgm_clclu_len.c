/* Differential test (ends with a signal): CLCLU with an odd operand length is a
 * specification exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    static u8 a[8], b[8];
    register u64 r2 asm("r2") = (u64)a;
    register u64 r3 asm("r3") = 4;
    register u64 r4 asm("r4") = (u64)b;
    register u64 r5 asm("r5") = 3;
    asm volatile("clclu %%r2,%%r4,0" : "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    rt_exit(0);
}
