/* Differential test (ends with a signal): CLCLE with an odd R3 is a specification
 * exception (PGM 6, SIGILL). */
#include "rt.h"

int main(void)
{
    asm volatile(".insn rs,0xa9000000,%%r2,%%r5,0" : : : "r2", "r3", "r5", "cc", "memory");
    rt_exit(0);
}
