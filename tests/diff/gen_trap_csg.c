/* Trap test: COMPARE AND SWAP (64) on a word-aligned operand: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("csg: before\n");
    asm volatile("csg %%r0,%%r1,4(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("csg: not trapped\n");
    rt_exit(0);
}
