/* Trap test: COMPARE DOUBLE AND SWAP (CDSY) with an odd R3: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("cdsy: before\n");
    asm volatile(".insn rsy,0xeb0000000031,%%r0,%%r3,0(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("cdsy: not trapped\n");
    rt_exit(0);
}
