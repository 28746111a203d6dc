/* Differential test (ends with a signal): SLDA with an odd R1 is a specification
 * exception (PGM 6, SIGILL) and changes nothing. */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rs,0x8f000000,%%r5,%%r0,1(%%r0)" : : : "r5", "r6", "cc");
    rt_exit(0);
}
