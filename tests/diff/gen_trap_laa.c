/* Trap test: LOAD AND ADD on a halfword-aligned operand: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("laa: before\n");
    asm volatile("laa %%r0,%%r1,2(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("laa: not trapped\n");
    rt_exit(0);
}
