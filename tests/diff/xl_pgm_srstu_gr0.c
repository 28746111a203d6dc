/* Differential test (ends with a signal): SRSTU with GR0 bits 32-47 not zero is a
 * specification exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    static unsigned short s[4];
    register u64 r0 asm("r0") = 0x10041;
    register u64 r2 asm("r2") = (u64)(s + 4);
    register u64 r4 asm("r4") = (u64)s;
    asm volatile("srstu %%r2,%%r4" : "+d"(r2), "+d"(r4) : "d"(r0) : "cc", "memory");
    rt_exit(0);
}
