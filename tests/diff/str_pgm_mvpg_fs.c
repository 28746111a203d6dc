/* Differential test (ends with a signal): MVPG with both the F and S bits of GR0 on
 * (bits 52 and 53) is a specification exception (PGM 6, SIGILL). */
#include "rt.h"

static unsigned char a[4096] __attribute__((aligned(4096))), b[4096] __attribute__((aligned(4096)));

int main(void)
{
    register unsigned long r0 asm("r0") = 0xc00;
    register unsigned long r2 asm("r2") = (unsigned long)a;
    register unsigned long r4 asm("r4") = (unsigned long)b;
    asm volatile("mvpg %%r2,%%r4" : "+d"(r2), "+d"(r4) : "d"(r0) : "cc", "memory");
    rt_exit(0);
}
