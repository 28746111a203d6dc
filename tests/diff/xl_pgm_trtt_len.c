/* Differential test (ends with a signal): TRTT with an odd second-operand length (R1+1)
 * is a specification exception (PGM 6, SIGILL), before anything is translated. */
#include "rt.h"

int main(void)
{
    static unsigned short src[4], dst[4], tab[65536] __attribute__((aligned(8)));
    register u64 r1 asm("r1") = (u64)tab;
    register u64 r2 asm("r2") = (u64)dst;
    register u64 r3 asm("r3") = 5;
    register u64 r4 asm("r4") = (u64)src;
    asm volatile("trtt %%r2,%%r4,1" : "+d"(r2), "+d"(r3), "+d"(r4) : "d"(r1) : "cc", "memory");
    rt_exit(0);
}
