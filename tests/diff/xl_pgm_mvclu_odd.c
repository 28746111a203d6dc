/* Differential test (ends with a signal): MVCLU with an odd R3 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rsy,0xeb000000008e,%%r2,%%r5,0(%%r0)" : : : "r2", "r3", "r5", "r6", "cc", "memory");
    rt_exit(0);
}
