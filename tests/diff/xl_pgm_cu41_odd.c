/* Differential test (ends with a signal): CU41 with an odd R1 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rre,0xb9b20000,%%r3,%%r4" : : : "r3", "r4", "r5", "cc", "memory");
    rt_exit(0);
}
