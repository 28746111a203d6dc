/* Trap test: LOAD AND ADD LOGICAL (64) on a word-aligned operand: specification. */
#include "gen_trap.h"

int main(void)
{
    say("laalg: before\n");
    asm volatile("laalg %%r0,%%r1,4(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("laalg: not trapped\n");
    rt_exit(0);
}
