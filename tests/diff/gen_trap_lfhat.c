/* Trap test: LOAD HIGH AND TRAP of a zero word: data exception, DXC FF. */
#include "gen_trap.h"

int main(void)
{
    say("lfhat: before\n");
    asm volatile("lfhat %%r1,12(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("lfhat: not trapped\n");
    rt_exit(0);
}
