/* Trap test: LOAD ACCESS MULTIPLE on a halfword-aligned operand: specification. */
#include "gen_trap.h"

int main(void)
{
    say("lam: before\n");
    asm volatile("lam %%a0,%%a1,2(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("lam: not trapped\n");
    rt_exit(0);
}
