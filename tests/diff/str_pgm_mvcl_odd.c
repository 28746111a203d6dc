/* Differential test (ends with a signal): MVCL with an odd R1 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rr,0x0e00,%%r3,%%r4" : : : "r3", "r4", "r5", "r6", "cc", "memory");
    rt_exit(0);
}
