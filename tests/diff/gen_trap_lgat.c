/* Trap test: LOAD AND TRAP (64) of a zero doubleword: data exception, DXC FF. */
#include "gen_trap.h"

int main(void)
{
    say("lgat: before\n");
    asm volatile("lgat %%r1,8(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("lgat: not trapped\n");
    rt_exit(0);
}
