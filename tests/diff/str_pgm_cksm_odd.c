/* Differential test (ends with a signal): CKSM with an odd R2 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rre,0xb2410000,%%r2,%%r5" : : : "r2", "r5", "r6", "cc", "memory");
    rt_exit(0);
}
