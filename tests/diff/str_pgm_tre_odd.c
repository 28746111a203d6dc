/* Differential test (ends with a signal): TRE with an odd R1 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rre,0xb2a50000,%%r3,%%r6" : : : "r3", "r4", "cc", "memory");
    rt_exit(0);
}
