/* Differential test (ends with a signal): CU12 with an odd R2 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rrf,0xb2a70000,%%r2,%%r5,0,0" : : : "r2", "r3", "r5", "r6", "cc", "memory");
    rt_exit(0);
}
