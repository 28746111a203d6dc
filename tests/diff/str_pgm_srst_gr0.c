/* Differential test (ends with a signal): SRST with GR0 bits 32-55 not zero is a
 * specification exception (PGM 6, SIGILL); bits 0-31 are ignored. */
#include "rt.h"

static char a[8] = "abc", b[8] = "abd";

int main(void)
{
    register unsigned long r0 asm("r0") = 0xffffffff00000100UL;
    register unsigned long r2 asm("r2") = (unsigned long)a + 4;
    register unsigned long r4 asm("r4") = (unsigned long)b;
    asm volatile(".insn rre,0xb25e0000,%%r2,%%r4" : "+d"(r2), "+d"(r4) : "d"(r0) : "cc", "memory");
    rt_exit(0);
}
