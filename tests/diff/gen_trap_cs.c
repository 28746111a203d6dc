/* Trap test: COMPARE AND SWAP on a halfword-aligned operand: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("cs: before\n");
    asm volatile("cs %%r0,%%r1,2(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("cs: not trapped\n");
    rt_exit(0);
}
