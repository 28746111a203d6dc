/* Trap test: COMPARE DOUBLE AND SWAP on a word-aligned operand: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("cds: before\n");
    asm volatile("cds %%r0,%%r2,4(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("cds: not trapped\n");
    rt_exit(0);
}
