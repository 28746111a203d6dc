/* Differential test (ends with a signal): FLOGR with an odd R1 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rre,0xb9830000,%%r3,%%r2" : : : "r3", "r4", "cc");
    rt_exit(0);
}
